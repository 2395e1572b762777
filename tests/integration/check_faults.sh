#!/bin/bash
# Faults under load (issue 12): wrk keeps a page busy while
#   1. nothing goes wrong: no 5xx, no failed request;
#   2. MariaDB is stopped for a few seconds, then started: only 503 pages
#      while it is down, 200 again once it is up, no worker restarted;
#   3. the SMTP server is stopped: pages and sign-ups (which queue mail)
#      are not slower, and every mail queued meanwhile arrives exactly
#      once after it is back;
#   4. a worker is killed: the supervisor forks another within a second
#      and only the request in flight on the killed one fails.
# Prints TAP. Uses the stack at MENTEO_TEST_URL whose state is in
# MENTEO_TEST_VAR (default: the test instance, var/test on port 8091).
# It stops that stack's MariaDB and SMTP server: never point it at a
# stack others use. tests/bench/soak.sh runs the long form:
#   FAULTS_SECONDS (5) load per phase, FAULTS_CONNS (16), FAULTS_DB_DOWN (3)
#   FAULTS_PATH (/people), FAULTS_PROGRAM (people: whose worker is killed),
#   FAULTS_COOKIE (a signed-in session for FAULTS_PATH), FAULTS_MAILS (20)
#   FAULTS_LUA (a wrk script that picks the paths; FAULTS_PATH otherwise)
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
URL=${MENTEO_TEST_URL:-http://127.0.0.1:8091}
VAR=$(cd "${MENTEO_TEST_VAR:-$ROOT/var/test}" && pwd)
RUN=$VAR/run
if [ "$VAR" = "$ROOT/var" ]; then INSTANCE=dev; else INSTANCE=$(basename "$VAR"); fi
SECS=${FAULTS_SECONDS:-5}
CONNS=${FAULTS_CONNS:-16}
DOWN=${FAULTS_DB_DOWN:-3}
PATH_=${FAULTS_PATH:-/people}
PROG=${FAULTS_PROGRAM:-people}
COOKIE=${FAULTS_COOKIE:-}
MAILS=${FAULTS_MAILS:-20}
LUA=${FAULTS_LUA:-}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SQL() { mariadb --no-defaults -S "$RUN/mysql.sock" -u root -N -B menteo "$@"; }

n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else nok "$what"; fi; }

load() {	# seconds outfile: wrk with latency, in the foreground
	local args=(-t2 -c"$CONNS" -d"$1s" --latency --timeout 10s)
	[ -n "$COOKIE" ] && args+=(-H "Cookie: $COOKIE")
	[ -n "$LUA" ] && args+=(-s "$LUA")
	wrk "${args[@]}" "$URL$PATH_" > "$2" 2>&1
}
# wrk's summary: requests, non-2xx/3xx answers, socket errors, p99 in ms
w_requests() { awk '/requests in/ { print $1 }' "$1"; }
w_non2xx() { awk '/Non-2xx/ { print $NF; f = 1 } END { if (!f) print 0 }' "$1"; }
w_errors() {
	awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10; f = 1 } END { if (!f) print 0 }' "$1"
}
w_p99() {
	awk '$1 == "99%" { v = $2; n = v + 0; if (v ~ /us$/) n /= 1000;
		else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000;
		printf "%.1f", n }' "$1"
}
workers() {	# the supervisor and workers of every program
	local prog p
	for prog in $(ls "${MENTEO_BUILD:-$ROOT/build}/cgi-bin"); do
		p=$(cat "$RUN/$prog.pid" 2>/dev/null) || continue
		kill -0 "$p" 2>/dev/null || continue
		echo "$p"; pgrep -P "$p"
	done | sort -n | tr '\n' ' '
}
# one request every 50 ms: "sent answered status" lines (seconds.fraction)
sampler() {
	local stop=$1
	while [ ! -f "$stop" ]; do
		local t0 code
		t0=$(date +%s.%N)
		code=$(curl -s -o /dev/null -D "$TMP/last.h" -w '%{http_code}' \
			--max-time 10 ${COOKIE:+-H "Cookie: $COOKIE"} "$URL$PATH_")
		printf '%s %s %s\n' "$t0" "$(date +%s.%N)" "$code"
		# the app's 503 page: HTML with Retry-After, not nginx's
		grep -qi '^retry-after' "$TMP/last.h" 2>/dev/null &&
			grep -qi '^content-type: text/html' "$TMP/last.h" && echo "page-503" >> "$TMP/pages"
		sleep 0.05
	done
}

echo "1..16"
[ "$(curl -s -o /dev/null -w '%{http_code}' ${COOKIE:+-H "Cookie: $COOKIE"} "$URL$PATH_")" = 200 ] ||
	{ nok "$PATH_ answers 200 before the faults"; exit 1; }

# 1. steady load
load "$SECS" "$TMP/base.txt"
base_p99=$(w_p99 "$TMP/base.txt")
echo "# steady: $(w_requests "$TMP/base.txt") requests at $CONNS connections, p99 $base_p99 ms"
check "steady load: no 5xx or other non-2xx answer" [ "$(w_non2xx "$TMP/base.txt")" = 0 ]
check "steady load: no failed request (socket errors, timeouts)" [ "$(w_errors "$TMP/base.txt")" = 0 ]

# 2. MariaDB stopped under load for $DOWN s, then started
before=$(workers)
load $((DOWN + 8)) "$TMP/db.txt" &
wrk_pid=$!
sampler "$TMP/stop-sampler" > "$TMP/samples" &
sampler_pid=$!
sleep 2
db_pid=$(cat "$RUN/mariadb.pid" 2>/dev/null)
t_down=$(date +%s.%N)
kill -TERM "$db_pid"
for _ in $(seq 300); do kill -0 "$db_pid" 2>/dev/null || break; sleep 0.1; done
t_gone=$(date +%s.%N)
sleep "$DOWN"
t_start=$(date +%s.%N)
MENTEO_INSTANCE=$INSTANCE "$ROOT/bin/menteo-dev" db-start > /dev/null 2>&1
t_up=$(date +%s.%N)
wait "$wrk_pid"
touch "$TMP/stop-sampler"; wait "$sampler_pid"
after=$(workers)
echo "# MariaDB: stopping at $t_down, gone at $t_gone, starting at $t_start, up at $t_up"
echo "# under load: $(w_requests "$TMP/db.txt") requests, $(w_non2xx "$TMP/db.txt") not 2xx"
awk '{ print $3 }' "$TMP/samples" | sort | uniq -c | sed 's/^/# sampled status /'
check "database outage: every answer was 200 or 503 (no 500/502/504)" \
	[ -z "$(awk '$3 != 200 && $3 != 503' "$TMP/samples")" ]
check "database outage: 503 answered while it was down" \
	[ -n "$(awk '$3 == 503' "$TMP/samples")" ]
# a 503 only for a request that was open at some moment between the stop
# and the start (plus a second for the workers to reconnect)
outside=$(awk -v a="$t_down" -v b="$t_up" '$3 == 503 && ($2 < a || $1 > b + 1) {
	printf "# 503 outside: sent %+.2f s, answered %+.2f s from the stop\n", $1 - a, $2 - a }' "$TMP/samples")
check "database outage: 503 only during the outage" [ -z "$outside" ]
[ -n "$outside" ] && echo "$outside"
check "database outage: the 503 is the error page (Retry-After)" [ -s "$TMP/pages" ]
last=$(tail -5 "$TMP/samples" | awk '$3 != 200' | wc -l)
check "database outage: 200 again after the start" [ "$last" = 0 ]
check "database outage: no socket error or timeout under load" [ "$(w_errors "$TMP/db.txt")" = 0 ]
if [ "$before" = "$after" ]; then ok "database outage: no FastCGI process restarted"
else nok "database outage: no FastCGI process restarted"; echo "# before: $before"; echo "# after:  $after"; fi

# 3. the SMTP server stopped under load; mail queued meanwhile
smtp_port=$(sed -n 's#^smtp_url = smtp://127.0.0.1:##p' "$VAR/menteo.conf")
smtp_pid=$(cat "$RUN/smtp.pid" 2>/dev/null)
kill -TERM "$smtp_pid" 2>/dev/null
for _ in $(seq 50); do kill -0 "$smtp_pid" 2>/dev/null || break; sleep 0.1; done
tag=faults$(date +%s)$$
load "$SECS" "$TMP/smtp.txt" &
wrk_pid=$!
# sign-ups queue a verification mail in their own transaction: timed
signup_ms=$(MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR /usr/bin/python3 - "$tag" <<'PY'
import sys, time
sys.path.insert(0, "tests/integration")
import menteo as m
worst = 0
for i in range(3):
    c = m.Client()
    c.get("/signup")
    t = time.time()
    r = c.post("/signup", {"email": f"{sys.argv[1]}-s{i}@example.org",
                           "password": m.PASSWORD, "display_name": f"Faults {i}"})
    worst = max(worst, (time.time() - t) * 1000)
    assert r.status == 303, r
print(int(worst))
PY
)
for i in $(seq "$MAILS"); do
	SQL -e "INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, dedup_key)
		VALUES ('faults', '$tag-o$i@example.org', 'Faults $tag $i', 'queued while SMTP was down', '<p>queued</p>', '$tag-$i')"
done
wait "$wrk_pid"
smtp_p99=$(w_p99 "$TMP/smtp.txt")
echo "# SMTP down: p99 $smtp_p99 ms (steady $base_p99 ms), slowest sign-up ${signup_ms:-?} ms"
check "SMTP down: no failed request or non-2xx under load" \
	[ "$(w_non2xx "$TMP/smtp.txt")" = 0 -a "$(w_errors "$TMP/smtp.txt")" = 0 ]
check "SMTP down: no slower (p99 within 2x steady + 20 ms, sign-up < 1 s)" awk -v a="$smtp_p99" \
	-v b="$base_p99" -v s="${signup_ms:-99999}" 'BEGIN { exit !(a <= 2 * b + 20 && s < 1000) }'
# the SMTP server back, as bin/menteo-dev starts it
nohup /usr/bin/aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$VAR/mail" \
	>> "$VAR/log/smtp.log" 2>&1 < /dev/null &
echo $! > "$RUN/smtp.pid"
# failed attempts wait mail_retry_seconds (30 s, doubling): come due now
sleep 1
SQL -e "UPDATE outbox SET next_try_at = UTC_TIMESTAMP() WHERE status = 'queued' AND to_addr LIKE '$tag-%'"
want=$((MAILS + 3))
for _ in $(seq 150); do
	got=$(grep -rlF "$tag-" "$VAR/mail/new" "$VAR/mail/cur" 2>/dev/null | wc -l)
	[ "$got" -ge "$want" ] && break
	sleep 0.2
done
sleep 1	# a duplicate would come right behind
dups=$(grep -rhoE "^To: .*$tag-[so][0-9]+@example.org" "$VAR/mail/new" "$VAR/mail/cur" 2>/dev/null |
	sort | uniq -d | wc -l)
got=$(grep -rhoE "^To: .*$tag-[so][0-9]+@example.org" "$VAR/mail/new" "$VAR/mail/cur" 2>/dev/null | sort -u | wc -l)
echo "# mail: $got of $want addresses received, $dups duplicated"
check "SMTP back: every mail queued during the outage arrived" [ "$got" = "$want" ]
check "SMTP back: none arrived twice" [ "$dups" = 0 ]
check "SMTP back: the outbox has them all sent" \
	[ "$(SQL -e "SELECT COUNT(*) FROM outbox WHERE to_addr LIKE '$tag-%' AND status = 'sent'")" = "$want" ]

# 4. a worker of the program under load killed
sup=$(cat "$RUN/$PROG.pid")
old=$(pgrep -P "$sup" | sort -n | tr '\n' ' ')
nw=$(wc -w <<<"$old")
load "$SECS" "$TMP/kill.txt" &
wrk_pid=$!
sleep 1
victim=$(awk '{ print $1 }' <<<"$old")
kill -KILL "$victim"
t0=$(date +%s%N)
replaced=""
while [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 1000 ]; do
	now=$(pgrep -P "$sup" | sort -n | tr '\n' ' ')
	if [ "$(wc -w <<<"$now")" = "$nw" ] && ! grep -qw "$victim" <<<"$now"; then
		replaced=$(( ($(date +%s%N) - t0) / 1000000 )); break
	fi
	sleep 0.02
done
wait "$wrk_pid"
bad=$(( $(w_non2xx "$TMP/kill.txt") + $(w_errors "$TMP/kill.txt") ))
echo "# killed $PROG worker $victim; replaced after ${replaced:-more than 1000} ms; $bad of $(w_requests "$TMP/kill.txt") requests failed"
check "killed worker: replaced within a second" [ -n "$replaced" ]
check "killed worker: only the request in flight on it failed (at most 1)" [ "$bad" -le 1 ]
[ "$failed" -eq 0 ]
