# shellcheck shell=bash disable=SC2034
# Sourced by run.sh (make bench) and soak.sh (make soak): the benchmark's
# private stack (var/bench, port 8097) with its data set, seeded once in
# bulk SQL (seed.sql), and a signed-in session for the mentee of the big
# room. The caller sets its own EXIT trap (menteo-dev stop) first.
#   BENCH_SCALE=0.1: the data set times 0.1 (seed.sql's @scale), in an
#   instance of its own (var/bench-x0.1), seeded once like the first
#   BENCH_SEED=file: another seed script (tests/integration/check_bench_seed.sh)
#   BENCH_INSTANCE, BENCH_PORT, BENCH_SMTP_PORT: another stack than "bench"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 1
# as many workers per program as a deployment has by default
# (conf/menteo.conf.example): each is single-threaded and waits for
# MariaDB on every round trip, so two per program on two cores left the
# cores idle while every worker waited
export MENTEO_PROCESSES=${BENCH_PROCESSES:-4}
SEED=${BENCH_SEED:-tests/bench/seed.sql}
SQL() { mariadb --no-defaults -S "$RUN/mysql.sock" -u root -N -B menteo "$@"; }

bench_scale() {	# scale: the stack of that data set (its own instance)
	SCALE=$1
	INSTANCE=${BENCH_INSTANCE:-bench}
	[ "$SCALE" = 1 ] || INSTANCE=$INSTANCE-x$SCALE
	export MENTEO_INSTANCE=$INSTANCE MENTEO_PORT=${BENCH_PORT:-8097} MENTEO_SMTP_PORT=${BENCH_SMTP_PORT:-2597}
	VAR=$ROOT/var/$INSTANCE
	RUN=$VAR/run
	B=$ROOT/build/$INSTANCE
	URL=http://127.0.0.1:$MENTEO_PORT
	# what a seeded database holds: a new seed.sql is loaded into a new one
	MARK="scale $SCALE seed $(md5sum < "$SEED" | cut -c1-12)"
	mkdir -p "$B"
}
bench_scale "${BENCH_SCALE:-1}"

bench_fail() {	# message [log]: stop the benchmark, saying why
	echo "bench: $1" >&2
	[ -n "${2:-}" ] && [ -f "$2" ] && tail -5 "$2" >&2
	exit 1
}

# The seed loads into a database made empty first, with the stack up but
# no notifier: its digest scan writes room_reads rows for old unread
# messages, the very rows the seed writes (a duplicate key on a fresh
# machine). A seed that fails leaves no mark, so the next run starts over.
bench_seed() {	# log
	local start
	rm -f "$VAR/seeded"
	bin/menteo-dev stop > /dev/null 2>&1 || true
	rm -rf "$VAR/db"
	MENTEO_NOTIFY=0 bin/menteo-dev start > "$1" 2>&1 ||
		bench_fail "the stack did not start; see $1" "$1"
	[ -f "$RUN/notify.pid" ] && bench_fail "a notifier runs during the seed"
	echo "bench: seeding $SEED at scale $SCALE (10,000 people, 3,000 mentorships, 1,000,000 messages, 100,000 entries at 1)"
	start=$(date +%s)
	{ echo "SET @scale = $SCALE;"; cat "$SEED"; } | SQL > "$B/seed.log" 2>&1 ||
		bench_fail "the seed failed, nothing measured (see $B/seed.log; the next run seeds a new database):" "$B/seed.log"
	echo "$MARK" > "$VAR/seeded"
	echo "bench: seeded in $(( $(date +%s) - start )) s"
	bin/menteo-dev notify-start >> "$1" 2>&1 || bench_fail "the notifier did not start; see $1" "$1"
}

# Starts the stack (its output to $1), seeds it the first time, and sets
# BIG (the 100,000-message room), DEEP (a message 1,000 back in it),
# THREAD (a public Growth Thread) and COOKIE (its mentee, signed in).
bench_stack() {
	local pairs mentee
	pairs=$(awk -v s="$SCALE" 'BEGIN { printf "%.0f", 3000 * s }')
	mentee=bench-u$(( pairs + 1 ))@bench.menteo
	if [ "$(cat "$VAR/seeded" 2>/dev/null)" = "$MARK" ]; then
		bin/menteo-dev start > "$1" 2>&1 || bench_fail "the stack did not start; see $1" "$1"
		# marked, yet the data is gone (a database removed by hand)
		[ "$(SQL -e "SELECT COUNT(*) FROM users WHERE email = '$mentee'")" = 1 ] ||
			bench_seed "$1"
	else
		bench_seed "$1"
	fi
	echo "bench-password-2026" | MENTEO_CONF=$VAR/menteo.conf "${MENTEO_BUILD:-build}"/bin/menteo-passwd > "$B/hash"
	SQL -e "UPDATE users SET password_hash = '$(cat "$B/hash")' WHERE email = '$mentee'"
	BIG=$(SQL -e "SELECT id FROM mentorships WHERE focus = 'Bench 1'")
	DEEP=$(SQL -e "SELECT id FROM room_messages WHERE mentorship_id = $BIG ORDER BY id DESC LIMIT 1 OFFSET 1000")
	THREAD=$(SQL -e "SELECT MIN(id) FROM threads WHERE title LIKE 'Learning in public Bench %'")
	COOKIE=$(BENCH_MENTEE=$mentee MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR /usr/bin/python3 - <<'PY'
import os, sys
sys.path.insert(0, "tests/integration")
import menteo as m
c = m.Client()
c.get("/login")
r = c.post("/login", {"email": os.environ["BENCH_MENTEE"], "password": "bench-password-2026"})
assert r.status == 303, r
print("; ".join(f"{k}={v}" for k, v in c.cookies.items()))
PY
) || bench_fail "the bench mentee could not sign in"
}
