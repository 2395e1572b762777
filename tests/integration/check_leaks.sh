#!/bin/bash
# Leak check: one worker of each program runs alone under valgrind on
# its own FastCGI socket, gets a few hundred mixed requests straight over
# FastCGI (tests/integration/fcgi_client.py: signed-in pages and forms,
# valid and invalid, 400/403/404/405 paths; no answer may be a 5xx), is stopped
# with SIGTERM, and must report no definite or indirect leak and no
# memory error. "Still reachable" memory (CTemplate's cache, the MariaDB
# client's globals) is fine. In a sanitizer build (the binary carries
# ASan) LeakSanitizer does the same job instead of valgrind.
# Needs the database of a running stack: MENTEO_TEST_VAR (var/test).
# Prints TAP.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$(cd "${MENTEO_TEST_VAR:-$ROOT/var/test}" && pwd)
BUILD=${MENTEO_BUILD:-$ROOT/build}
export MENTEO_CONF=${MENTEO_CONF:-$VAR/menteo.conf}
COUNT=${LEAK_REQUESTS:-200}
export MENTEO_TEST_VAR=$VAR	# fcgi_client.py arranges people there
OUT=$ROOT/build/leaks/$(basename "$VAR")
mkdir -p "$OUT"

n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }

check_program() {
	local prog=$1 bin=$BUILD/cgi-bin/$1 sock=$OUT/$1.sock log=$OUT/$1.log
	local pid rc summary asan=0 tool=valgrind
	rm -f "$sock" "$log" "$log".*
	nm "$bin" 2>/dev/null | grep __asan_init > /dev/null && { asan=1; tool=ASan; }
	if [ $asan = 1 ]; then
		MENTEO_NO_PREFORK=1 \
		ASAN_OPTIONS=detect_leaks=1:exitcode=99:log_path=$log \
		spawn-fcgi -n -s "$sock" -- "$bin" 2>> "$log.stderr" &
	else
		MENTEO_NO_PREFORK=1 spawn-fcgi -n -s "$sock" -- \
			"$(command -v valgrind)" --leak-check=full --errors-for-leak-kinds=definite,indirect \
			--show-leak-kinds=definite,indirect --error-exitcode=99 \
			--log-file="$log" "$bin" 2>> "$log.stderr" &
	fi
	pid=$!
	for _ in $(seq 300); do [ -S "$sock" ] && break; sleep 0.1; done
	if ! [ -S "$sock" ]; then
		nok "$prog: no socket under $tool"; kill "$pid" 2>/dev/null; return
	fi
	if summary=$(/usr/bin/python3 "$ROOT/tests/integration/fcgi_client.py" \
	    "$sock" "$prog" "$COUNT" 2>&1); then
		if grep -qE '(^| )5[0-9][0-9]:' <<<"$summary"; then
			nok "$prog: $COUNT requests, some answered 5xx ($summary)"
		else
			ok "$prog: $COUNT requests answered ($summary)"
		fi
	else
		nok "$prog: requests failed"; echo "$summary" | tail -5 | sed 's/^/# /'
	fi
	kill -TERM "$pid"
	for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$pid" 2>/dev/null; then
		nok "$prog: did not stop on SIGTERM"; kill -KILL "$pid"; wait "$pid"; return
	fi
	wait "$pid"; rc=$?
	if [ $asan = 1 ]; then
		cat "$log".* > "$log" 2>/dev/null
		if [ $rc -eq 0 ] && ! grep -q 'ERROR: LeakSanitizer\|ERROR: AddressSanitizer' "$log"; then
			ok "$prog: LeakSanitizer finds no leak"
		else
			nok "$prog: LeakSanitizer (exit $rc, see $log)"
			grep -E 'SUMMARY|Direct leak|Indirect leak' "$log" | head -5 | sed 's/^/# /'
		fi
		return
	fi
	local def ind errs
	def=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d ,)
	ind=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d ,)
	errs=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$log" | tr -d ,)
	if [ $rc -eq 0 ] && [ "${def:-0}" = 0 ] && [ "${ind:-0}" = 0 ] && [ "${errs:-x}" = 0 ]; then
		ok "$prog: valgrind: 0 definitely, 0 indirectly lost, 0 errors"
	else
		nok "$prog: valgrind exit $rc: definitely lost ${def:-?}, indirectly lost ${ind:-?}, errors ${errs:-?} (see $log)"
		grep -E '^==[0-9]+== (Invalid|Conditional|Use of|[0-9,]+ bytes in)' "$log" | head -8 | sed 's/^/# /'
	fi
}

if ! command -v valgrind > /dev/null && ! nm "$BUILD/cgi-bin/home" 2>/dev/null | grep __asan_init > /dev/null; then
	echo "not ok 1 - valgrind is not installed"; exit 1
fi
# every program the build made (fcgi_client.py knows what to ask each)
for prog in ${LEAK_PROGRAMS:-$(ls "$BUILD/cgi-bin")}; do
	[ -x "$BUILD/cgi-bin/$prog" ] || continue
	check_program "$prog"
done
echo "1..$n"
[ "$failed" -eq 0 ]
