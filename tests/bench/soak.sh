#!/bin/bash
# make soak: the benchmark's private stack (var/bench, port 8097, its data
# set seeded as make bench does) under 64 connections for 60 s, a mix of
# the signed-in room page, the dashboard, a Growth Thread, the directory
# and a search: no 5xx and no failed request. Then the long form of
# tests/integration/check_faults.sh on the same stack: MariaDB stopped for
# 5 s, the SMTP server stopped, a worker killed, all under 64 connections.
# Writes build/soak.txt.   SOAK_SECONDS=60 SOAK_CONNECTIONS=64
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export MENTEO_INSTANCE=bench MENTEO_PORT=8097 MENTEO_SMTP_PORT=2597
export MENTEO_PROCESSES=${BENCH_PROCESSES:-2}
SECS=${SOAK_SECONDS:-60}
CONNS=${SOAK_CONNECTIONS:-64}
VAR=$ROOT/var/bench
RUN=$VAR/run
B=$ROOT/build/bench
URL=http://127.0.0.1:8097
OUT=$ROOT/build/soak.txt
SQL() { mariadb --no-defaults -S "$RUN/mysql.sock" -u root -N -B menteo "$@"; }
mkdir -p "$B"

bin/menteo-dev start > "$B/soak-stack.log" 2>&1 || { cat "$B/soak-stack.log"; exit 1; }
trap 'bin/menteo-dev stop > /dev/null 2>&1' EXIT
if [ ! -f "$VAR/seeded" ]; then
	echo "soak: seeding the benchmark's data set"
	SQL < tests/bench/seed.sql
	touch "$VAR/seeded"
fi
echo "bench-password-2026" | MENTEO_CONF=$VAR/menteo.conf build/bin/menteo-passwd > "$B/hash"
SQL -e "UPDATE users SET password_hash = '$(cat "$B/hash")' WHERE email = 'bench-u3001@bench.menteo'"
BIG=$(SQL -e "SELECT id FROM mentorships WHERE focus = 'Bench 1'")
THREAD=$(SQL -e "SELECT MIN(id) FROM threads WHERE title LIKE 'Learning in public Bench %'")
DEEP=$(SQL -e "SELECT id FROM room_messages WHERE mentorship_id = $BIG ORDER BY id DESC LIMIT 1 OFFSET 1000")
COOKIE=$(MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR /usr/bin/python3 - <<'PY'
import sys
sys.path.insert(0, "tests/integration")
import menteo as m
c = m.Client()
c.get("/login")
r = c.post("/login", {"email": "bench-u3001@bench.menteo", "password": "bench-password-2026"})
assert r.status == 303, r
print("; ".join(f"{k}={v}" for k, v in c.cookies.items()))
PY
)

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
