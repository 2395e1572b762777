#!/bin/bash
# make soak: the benchmark's private stack (var/bench, port 8097, its data
# set seeded as make bench does) under 64 connections for 60 s, a mix of
# the signed-in room page, the dashboard, a Growth Thread, the directory
# and a search: no 5xx and no failed request. Then the long form of
# tests/integration/check_faults.sh on the same stack: MariaDB stopped for
# 5 s, the SMTP server stopped, a worker killed, all under 64 connections.
# Writes build/soak.txt.   SOAK_SECONDS=60 SOAK_CONNECTIONS=64
set -euo pipefail

. "$(dirname "$0")/stack.sh"
SECS=${SOAK_SECONDS:-60}
CONNS=${SOAK_CONNECTIONS:-64}
OUT=$ROOT/build/soak.txt

trap 'bin/menteo-dev stop > /dev/null 2>&1' EXIT
bench_stack "$B/soak-stack.log"

paths=""
for p in "/rooms/$BIG" / "/threads/$THREAD" /people "/people?q=leadership" "/rooms/$BIG?before=$DEEP"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$URL$p")
	if [ "$code" = 200 ]; then paths="$paths $p"; else echo "soak: leaving out $p (answers $code)"; fi
done
export SOAK_PATHS=$paths

{
	echo "Menteo soak — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(uname -r)"
	echo "$SECS s at $CONNS connections over:$paths"
	wrk -t2 -c"$CONNS" -d"${SECS}s" --latency --timeout 10s -s tests/bench/soak.lua \
		-H "Cookie: $COOKIE" "$URL/" > "$B/wrk-soak.txt"
	sed -n '/Latency Distribution/,/Transfer/p' "$B/wrk-soak.txt"
	non2xx=$(awk '/Non-2xx/ { print $NF; f = 1 } END { if (!f) print 0 }' "$B/wrk-soak.txt")
	errs=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10; f = 1 } END { if (!f) print 0 }' "$B/wrk-soak.txt")
	[ "$non2xx" = 0 ] && echo "ok - soak: no 5xx or other non-2xx answer" ||
		echo "not ok - soak: $non2xx non-2xx answers"
	[ "$errs" = 0 ] && echo "ok - soak: no failed request (socket errors, timeouts)" ||
		echo "not ok - soak: $errs failed requests"
	echo
	echo "faults under $CONNS connections (tests/integration/check_faults.sh, long form):"
	MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR FAULTS_SECONDS=15 FAULTS_CONNS=$CONNS \
		FAULTS_DB_DOWN=5 FAULTS_PATH="/rooms/$BIG" FAULTS_PROGRAM=rooms \
		FAULTS_COOKIE=$COOKIE FAULTS_MAILS=100 tests/integration/check_faults.sh || true
} | tee "$OUT"
! grep -q '^not ok' "$OUT"
