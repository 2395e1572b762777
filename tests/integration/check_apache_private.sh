#!/bin/bash
# The test Apache (bin/menteo-dev apache-start) serves a tree that sits in
# a directory only its owner may enter (mode 0700, as mktemp -d makes, or
# a private home): reached here through a symlink in such a directory,
# which the kernel checks like a clone placed there. Both snippets
# (mod_proxy_fcgi and mod_fcgid) are served from the running test stack;
# apache-stop leaves the directory as it was. TAP.
set -uo pipefail

REAL=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$(cd "${MENTEO_TEST_VAR:-$REAL/var/test}" && pwd)
if [ "$VAR" = "$REAL/var" ]; then INSTANCE=dev; else INSTANCE=$(basename "$VAR"); fi
PORT=${MENTEO_FCGID_PORT:-8093}
URL=http://127.0.0.1:$PORT
PRIV=$(mktemp -d)	# 0700
trap 'rm -rf "$PRIV"' EXIT
ln -s "$REAL" "$PRIV/clone"
DEV=$PRIV/clone/bin/menteo-dev

n=0
ok() { n=$((n + 1)); echo "ok $n - apache in a private directory: $*"; }
nok() { n=$((n + 1)); echo "not ok $n - apache in a private directory: $*"; }
page() {	# mode name status path text
	local code
	code=$(curl -s -o "$PRIV/body" -w '%{http_code}' --max-time 20 "$URL$4")
	if [ "$code" = "$3" ] && grep -q "$5" "$PRIV/body"; then ok "$1: $2"; else nok "$1: $2 (got $code)"; fi
}

echo "1..13"
[ "$(stat -c %a "$PRIV")" = 700 ] && ok "the directory is mode 0700" || nok "mktemp -d made $(stat -c %a "$PRIV")"
for mode in proxy-fcgi fcgid; do
	if MENTEO_INSTANCE=$INSTANCE timeout 120 "$DEV" apache-start "$mode" "$PORT" > "$PRIV/start.log" 2>&1; then
		ok "$mode: apache starts"
	else
		nok "$mode: apache starts"
		sed 's/^/# /' "$PRIV/start.log"
		grep -i "denied" "$VAR/log/apache-error.log" "$VAR/log/menteo-error.log" 2>/dev/null | tail -2 | sed 's/^/# /'
	fi
	page "$mode" "health" 200 /health ok
	page "$mode" "sign-in page from its template" 200 /login password
	page "$mode" "static css" 200 /static/menteo.css "{"
	page "$mode" "unknown path is a 404 page" 404 /no-such-page "Not Found"
	MENTEO_INSTANCE=$INSTANCE "$DEV" apache-stop > /dev/null 2>&1
done
if getfacl -p "$PRIV" 2>/dev/null | grep -q www-data; then
	nok "apache-stop takes www-data's search right back"
else
	ok "apache-stop leaves the directory as it was"
fi
[ "$(stat -c %a "$PRIV")" = 700 ] && ok "still mode 0700" || nok "now mode $(stat -c %a "$PRIV")"
