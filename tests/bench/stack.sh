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
	# the x10 data set's 10M messages in memory as x1's 1M in 256 MB
	# (a stack started before keeps the pool it started with)
	export MENTEO_DB_BUFFER_POOL=$(awk -v s="$SCALE" 'BEGIN { print (s >= 10 ? "2G" : "256M") }')
	# what a seeded database holds: a new seed.sql is loaded into a new one
	MARK="scale $SCALE seed $(md5sum < "$SEED" | cut -c1-12)"
	mkdir -p "$B"
}
bench_scale "${BENCH_SCALE:-1}"

bench_sign_in() {	# email: given the bench password ($B/hash), signed in; prints the cookie
	SQL -e "UPDATE users SET password_hash = '$(cat "$B/hash")' WHERE email = '$1'"
	BENCH_EMAIL=$1 MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR /usr/bin/python3 - <<'PY'
import os, sys
sys.path.insert(0, "tests/integration")
import menteo as m
c = m.Client()
c.get("/login")
r = c.post("/login", {"email": os.environ["BENCH_EMAIL"], "password": "bench-password-2026"})
assert r.status == 303, r
print("; ".join(f"{k}={v}" for k, v in c.cookies.items()))
PY
}

bench_fail() {	# message [log]: stop the benchmark, saying why
	echo "bench: $1" >&2
	[ -n "${2:-}" ] && [ -f "$2" ] && tail -5 "$2" >&2
	exit 1
}

# The seed's millions of messages and entries would each fire the
# triggers that keep what is derived from them, one row at a time: most
# of a seed's time (measured in docs/performance.md). They are set aside
# while it loads, by their own definitions (mariadb-dump), then put back
# and what they keep is counted again: a room's, a thread's and a
# programme's versions exist from their creation (no worker has kept
# anything yet; sql/092, 095, 270), the programme pairs' weeks come from
# pair_weeks_fill (sql/241), and the body_html trigger acts on updates
# of a body only. A trigger the seed
# does not know stops it: say here how to count again what it keeps.
SEED_TABLES="room_messages thread_entries"
SEED_TRIGGERS="room_messages_body_html room_messages_programme_delete
room_messages_programme_insert room_messages_programme_update
room_messages_version_delete room_messages_version_insert
room_messages_version_update room_messages_weeks_delete room_messages_weeks_insert
room_messages_weeks_update thread_entries_version_delete
thread_entries_version_insert thread_entries_version_update
thread_entries_weeks_delete thread_entries_weeks_insert
thread_entries_weeks_update"
seed_triggers_off() {	# file: where their definitions are kept
	local t have tables
	tables=$(printf "'%s'," $SEED_TABLES)
	have=$(SQL -e "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'menteo' AND EVENT_OBJECT_TABLE IN (${tables%,}) ORDER BY TRIGGER_NAME")
	[ "$(echo $have)" = "$(echo $SEED_TRIGGERS)" ] ||
		bench_fail "the seed does not know the triggers of $SEED_TABLES: $(echo $have) (tests/bench/stack.sh SEED_TRIGGERS)"
	mariadb-dump --no-defaults -S "$RUN/mysql.sock" -u root --no-create-info --no-data \
		--triggers --skip-opt menteo $SEED_TABLES > "$1" ||
		bench_fail "the triggers could not be saved"
	for t in $SEED_TRIGGERS; do SQL -e "DROP TRIGGER $t"; done
}
seed_triggers_on() {	# file
	SQL < "$1" || bench_fail "the triggers could not be put back (their definitions: $1)"
	SQL -e "SELECT id FROM programmes" | while read -r p; do
		SQL -e "CALL pair_weeks_fill($p)"
	done
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
	seed_triggers_off "$B/seed-triggers.sql"
	{ echo "SET @scale = $SCALE;"; cat "$SEED"; } | SQL > "$B/seed.log" 2>&1 ||
		bench_fail "the seed failed, nothing measured (see $B/seed.log; the next run seeds a new database):" "$B/seed.log"
	seed_triggers_on "$B/seed-triggers.sql"
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
	BIG=$(SQL -e "SELECT id FROM mentorships WHERE focus = 'Bench 1'")
	DEEP=$(SQL -e "SELECT id FROM room_messages WHERE mentorship_id = $BIG ORDER BY id DESC LIMIT 1 OFFSET 1000")
	THREAD=$(SQL -e "SELECT MIN(id) FROM threads WHERE title LIKE 'Learning in public Bench %'")
	COOKIE=$(bench_sign_in "$mentee") || bench_fail "the bench mentee could not sign in"
}
