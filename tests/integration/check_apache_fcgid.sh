#!/bin/bash
# Smoke test behind Apache with mod_fcgid, where Apache starts and manages
# the program processes itself (conf/apache-menteo-fcgid.conf.in). TAP.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${MENTEO_FCGID_PORT:-8093}
URL=http://127.0.0.1:$PORT
n=0
t() {	# name expected-status path [grep]
	local code body
	n=$((n + 1))
	body=$(curl -s -o /tmp/menteo-fcgid.$$ -w '%{http_code}' "$URL$3")
	code=$body
	if [ "$code" = "$2" ] && { [ -z "${4:-}" ] || grep -q "$4" /tmp/menteo-fcgid.$$; }; then
		echo "ok - fcgid: $1"
	else
		echo "not ok - fcgid: $1 (got $code)"
	fi
	rm -f /tmp/menteo-fcgid.$$
}
if ! "$ROOT/bin/menteo-dev" apache-start fcgid $PORT > /dev/null 2>&1; then
	echo "not ok - fcgid: apache with mod_fcgid starts"
	exit 0
fi
t "landing page" 200 / "Menteo"
t "health" 200 /health "ok"
t "unknown path is a 404 page" 404 /no-such-page "Not Found"
t "static css" 200 /static/menteo.css
n=$((n + 1))
ct=$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$URL/favicon.ico")
[ "$ct" = "200 image/svg+xml" ] && echo "ok - fcgid: /favicon.ico is the SVG, said as SVG" ||
	echo "not ok - fcgid: /favicon.ico is the SVG, said as SVG (got $ct)"
t "sign-in page" 200 /login "password"
t "directory" 200 /people
t "bad encoding is 400" 400 "/people?q=%zz"
# a body over LimitRequestBody: the product's 413 page from Apache (mod_fcgid
# handed it on empty, and the programs said the form had expired: 403)
n=$((n + 1))
code=$(head -c 3000000 /dev/zero | tr '\0' a | curl -s -o /tmp/menteo-fcgid.$$ \
	-w '%{http_code}' -H 'Content-Type: application/x-www-form-urlencoded' \
	--data-binary @- "$URL/threads/new")
if [ "$code" = 413 ] && grep -q "Too large" /tmp/menteo-fcgid.$$; then
	echo "ok - fcgid: a body over 2 MB is the 413 page"
else
	echo "not ok - fcgid: a body over 2 MB is the 413 page (got $code)"
fi
rm -f /tmp/menteo-fcgid.$$
"$ROOT/bin/menteo-dev" apache-stop > /dev/null 2>&1
