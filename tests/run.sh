#!/bin/bash
# make test: build, unit tests, a private stack (MENTEO_INSTANCE=test on
# port 8091, so `make run` may stay up), integration tests, fuzzers for a
# few seconds, browser tests; ends with "N passed, N failed".
#   --unit-only      build and unit tests only
#   --screenshots    only the browser tests, writing build/screenshots/
#   TESTS=pattern    integration tests whose file name matches (grep -E)
#   BROWSER=pattern  browser tests (tests/browser/AREA.mjs) whose area
#                    matches; alone, it runs only those
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# MENTEO_TEST_PORTS=8191 moves the whole run (instance "ci-8191", nginx on
# 8191, SMTP 8191+5, Apache 8192/8193, second node 8194) so two full runs
# can share a machine.
BASEPORT=${MENTEO_TEST_PORTS:-8091}
if [ "$BASEPORT" = 8091 ]; then export MENTEO_INSTANCE=test; else export MENTEO_INSTANCE=ci-$BASEPORT; fi
export MENTEO_PORT=$BASEPORT MENTEO_SMTP_PORT=$((BASEPORT == 8091 ? 2526 : BASEPORT + 5))
export MENTEO_APACHE_PORT=$((BASEPORT + 1)) MENTEO_FCGID_PORT=$((BASEPORT + 2)) MENTEO_NODE2_PORT=$((BASEPORT + 3))
export MENTEO_BUILD=${MENTEO_BUILD:-$ROOT/build}
export MENTEO_TEST_URL=http://127.0.0.1:$MENTEO_PORT
export MENTEO_TEST_VAR=$ROOT/var/$MENTEO_INSTANCE
export MENTEO_CONF=$MENTEO_TEST_VAR/menteo.conf
export MENTEO_NOTIFY_INTERVAL=1
# every test signs people up from 127.0.0.1: a run makes more than the
# default 500 sign-ups per address in ten minutes (tests of the throttle
# itself set their own buckets)
export MENTEO_SIGNUP_LIMIT=100000
export PYTHONDONTWRITEBYTECODE=1
# the tests' own "today" is the database's (UTC), on a runner of any zone
export TZ=UTC
PY=/usr/bin/python3
# BROWSER alone: no integration tests, checks or fuzzers
[ -n "${BROWSER:-}" ] && [ -z "${TESTS:-}" ] && TESTS='^$'
OUT=$ROOT/build/test-results
# a run on other ports keeps its results apart from the default run's
[ "$BASEPORT" = 8091 ] || OUT=$OUT/$MENTEO_INSTANCE
mkdir -p "$OUT"
rm -f "$OUT"/*.tap
mode=${1:-all}

passed=0; failed=0
tally() {	# a TAP file: count "ok" and "not ok" lines, show failures
	local f=$1 p n
	p=$(grep -cE '^ok ' "$f" || true)
	n=$(grep -cE '^not ok ' "$f" || true)
	passed=$((passed + p)); failed=$((failed + n))
	grep -E '^not ok ' "$f" | sed "s#^#  $(basename "$f" .tap): #" || true
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}

# SANITIZE=address,undefined (make SANITIZE=... test): the same flags as
# the make that called us, so MENTEO_BUILD (build/san) holds what we test
export SANITIZE=${SANITIZE:-}
# a UB report fails the test instead of scrolling by
[ -n "$SANITIZE" ] && export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

# 1. build, warnings are errors: the programs and the cmocka tests
if ! make -s -j2 SANITIZE="$SANITIZE" all units > "$OUT/build.log" 2>&1; then
	cat "$OUT/build.log"
	echo "not ok - build" > "$OUT/build.tap"; tally "$OUT/build.tap"; finish
fi
echo "ok - build" > "$OUT/build.tap"; tally "$OUT/build.tap"

# 2. unit tests (cmocka, TAP output)
for t in "$MENTEO_BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" > "$OUT/unit-$(basename "$t").tap" 2>&1 ||
		grep -q '^not ok' "$OUT/unit-$(basename "$t").tap" ||
		echo "not ok - $(basename "$t") crashed" >> "$OUT/unit-$(basename "$t").tap"
	tally "$OUT/unit-$(basename "$t").tap"
done
[ "$mode" = --unit-only ] && finish

# 3. the private stack (sanitizer build: the workers' leaks are checked
# by check_leaks.sh with LeakSanitizer, not at every worker's exit)
[ -n "$SANITIZE" ] && export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# where each log stood before this run: check_sanitizer_logs.sh reads
# only what the programs write from here on
for f in "$MENTEO_TEST_VAR"/log/*.log; do
	[ -f "$f" ] && echo "$(basename "$f") $(stat -c %s "$f")"
done > "$OUT/log-offsets"
export MENTEO_LOG_OFFSETS=$OUT/log-offsets
# each run reads only its own mail: the catcher's Maildir would otherwise
# grow by thousands of messages a run, and every wait for a mail reads it
find "$MENTEO_TEST_VAR/mail" -type f -path '*/new/*' -delete 2>/dev/null
find "$MENTEO_TEST_VAR/mail" -type f -path '*/cur/*' -delete 2>/dev/null
if ! "$ROOT/bin/menteo-dev" start > "$OUT/stack.log" 2>&1; then
	cat "$OUT/stack.log"
	echo "not ok - test stack starts" > "$OUT/stack.tap"; tally "$OUT/stack.tap"; finish
fi
trap '"$ROOT/bin/menteo-dev" stop > /dev/null 2>&1' EXIT

# The browser tests: one file per area beside tests/browser/lib.mjs;
# BROWSER=pattern picks some (it also runs them when TESTS is set).
browser_tests() {
	for f in tests/browser/*.mjs; do
		area=$(basename "$f" .mjs)
		[ "$area" = lib ] && continue
		echo "$area" | grep -qE "${BROWSER:-.}" || continue
		(cd tests/browser && node "$area.mjs") > "$OUT/browser-$area.tap" 2>&1 ||
			grep -q '^not ok' "$OUT/browser-$area.tap" ||
			echo "not ok - browser test $area exited" >> "$OUT/browser-$area.tap"
		tally "$OUT/browser-$area.tap"
	done
}

if [ "$mode" = --screenshots ]; then
	browser_tests; finish
fi

# 4. integration tests, two at a time (each file uses its own accounts)
ls tests/integration/test_*.py 2>/dev/null | grep -E "${TESTS:-.}" |
	xargs -r -P 2 -I{} sh -c '/usr/bin/python3 "$1" > "$2/int-$(basename "$1" .py).tap" 2>&1 || echo "not ok - $(basename "$1") exited $?" >> "$2/int-$(basename "$1" .py).tap"' _ {} "$OUT"
for f in "$OUT"/int-*.tap; do [ -f "$f" ] && tally "$f"; done

# 4b. the same integration suite behind Apache with mod_proxy_fcgi, the
# snippet admins include (conf/apache-menteo-proxy-fcgi.conf.in)
if [ -z "${TESTS:-}" ] || [ -n "${APACHE:-}" ]; then
	if "$ROOT/bin/menteo-dev" apache-start proxy-fcgi "$MENTEO_APACHE_PORT" > "$OUT/apache.log" 2>&1; then
		ls tests/integration/test_*.py 2>/dev/null | grep -E "${TESTS:-.}" |
			MENTEO_TEST_URL=http://127.0.0.1:$MENTEO_APACHE_PORT xargs -r -P 2 -I{} sh -c '/usr/bin/python3 "$1" > "$2/apache-$(basename "$1" .py).tap" 2>&1 || echo "not ok - $(basename "$1") exited $?" >> "$2/apache-$(basename "$1" .py).tap"' _ {} "$OUT"
		for f in "$OUT"/apache-*.tap; do [ -f "$f" ] && tally "$f"; done
	else
		cat "$OUT/apache.log"
		echo "not ok - apache (mod_proxy_fcgi) starts" > "$OUT/apache-start.tap"; tally "$OUT/apache-start.tap"
	fi
	"$ROOT/bin/menteo-dev" apache-stop > /dev/null 2>&1
fi

# 5. shell-driven checks (leaks, fault injection), one at a time
for t in tests/integration/check_*.sh; do
	[ -x "$t" ] || continue
	[ -n "${TESTS:-}" ] && ! grep -qE "$TESTS" <<<"$t" && continue
	# the Galera cluster takes minutes and fixed ports: make test-galera
	[ "$t" = tests/integration/check_galera.sh ] && [ -z "${TESTS:-}" ] && continue
	"$t" > "$OUT/sh-$(basename "$t" .sh).tap" 2>&1 || echo "not ok - $(basename "$t") exited" >> "$OUT/sh-$(basename "$t" .sh).tap"
	tally "$OUT/sh-$(basename "$t" .sh).tap"
done

# 6. fuzzers, a few seconds each
if [ -z "${TESTS:-}" ] && [ -x tests/fuzz/run.sh ]; then
	tests/fuzz/run.sh "${FUZZ_SECONDS:-5}" > "$OUT/fuzz.tap" 2>&1
	tally "$OUT/fuzz.tap"
fi

# 7. browser tests
if [ -z "${TESTS:-}" ] || [ -n "${BROWSER:-}" ]; then
	browser_tests
fi

finish
