#!/bin/bash
# Every route of every program is reachable through each URL map the build
# made from the route tables (conf/routes.sh): nginx (the test stack),
# Apache with mod_proxy_fcgi and Apache with mod_fcgid. Each route's path
# is asked with a method no route has (DELETE): only the program whose
# table holds that path answers 405 with its Allow header; any other
# program, or the web server, answers 404 (or something else). TAP.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${MENTEO_BUILD:-$ROOT/build}
T=$(mktemp -d /tmp/menteo-routes.XXXXXX)
trap 'rm -rf "$T"; "$ROOT/bin/menteo-dev" apache-stop > /dev/null 2>&1' EXIT

# the programs' own tables, asked now, not read from the build's copy
for p in "$BUILD"/cgi-bin/*; do "$p" --routes; done > "$T/routes"
# a path of each pattern: {id} a number, other captures a word
awk '{ p = $3; gsub(/\{id\}/, "1", p); gsub(/\{[a-z_]+\}/, "abc", p);
	print $1, p }' "$T/routes" | sort -u > "$T/paths"

n=$(wc -l < "$T/paths")
if [ "$n" -lt 50 ] || [ "$(awk '{print $1}' "$T/paths" | sort -u | wc -l)" -lt 8 ]; then
	echo "not ok - routes: the programs print their tables ($n paths)"
	exit 0
fi
echo "ok - routes: $n paths of $(awk '{print $1}' "$T/paths" | sort -u | wc -l) programs"

check() {	# server-name base-url
	local name=$1 url=$2 prog path code bad=0
	while read -r prog path; do
		code=$(curl -s -o /dev/null -D "$T/h" -w '%{http_code}' -X DELETE "$url$path")
		if [ "$code" != 405 ] || ! grep -qi '^Allow: GET, HEAD, POST' "$T/h"; then
			echo "# $name: $path (of $prog) answered $code"
			bad=$((bad + 1))
		fi
	done < "$T/paths"
	if [ "$bad" -eq 0 ]; then
		echo "ok - routes: $name reaches every route's own program"
	else
		echo "not ok - routes: $name misses $bad of $n routes"
	fi
	code=$(curl -s -o "$T/body" -w '%{http_code}' "$url/no-such-page/1")
	if [ "$code" = 404 ] && grep -q "Not Found" "$T/body"; then
		echo "ok - routes: $name answers a path no program has with the product's 404"
	else
		echo "not ok - routes: $name: a path no program has answered $code"
	fi
}

check nginx "$MENTEO_TEST_URL"
for mode in proxy-fcgi fcgid; do
	port=$([ $mode = fcgid ] && echo "$MENTEO_FCGID_PORT" || echo "$MENTEO_APACHE_PORT")
	if "$ROOT/bin/menteo-dev" apache-start $mode "$port" > "$T/apache.log" 2>&1; then
		check "apache $mode" "http://127.0.0.1:$port"
	else
		echo "not ok - routes: apache $mode starts"
		sed 's/^/# /' "$T/apache.log" | tail -5
	fi
	"$ROOT/bin/menteo-dev" apache-stop > /dev/null 2>&1
done
