#!/bin/bash
# The benchmark's seed (tests/bench/stack.sh) on a stack of its own, at
# 1/100 of the data: a seed slow enough for the notifier's digest scan to
# run in the middle still loads (no scanner runs during a seed); a seed
# that fails stops with a clear message and is not marked done; the next
# run seeds again from an empty database; a seeded stack is not seeded
# twice. TAP. Ports: MENTEO_PORT + 8 (nginx) and + 9 (SMTP).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
BASE=${MENTEO_PORT:-8091}
export BENCH_INSTANCE=seedcheck-$BASE BENCH_PORT=$((BASE + 8)) BENCH_SMTP_PORT=$((BASE + 9))
export BENCH_SCALE=0.01 MENTEO_NOTIFY_INTERVAL=1
VAR=$ROOT/var/$BENCH_INSTANCE-x$BENCH_SCALE
B=$ROOT/build/$BENCH_INSTANCE-x$BENCH_SCALE
URL=http://127.0.0.1:$BENCH_PORT
mkdir -p "$B"

n=0
ok() { n=$((n + 1)); echo "ok $n - bench seed: $*"; }
nok() { n=$((n + 1)); echo "not ok $n - bench seed: $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else nok "$what"; fi; }

# bench_stack as make bench runs it, then the mentee's room page over
# HTTP and the state the checks read; the stack is stopped at the end
bench() {	# seed-file out
	BENCH_SEED=$1 bash -c '
		set -euo pipefail
		. tests/bench/stack.sh
		trap "bin/menteo-dev stop > /dev/null 2>&1" EXIT
		bench_stack "$B/stack.log"
		echo "room=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $COOKIE" "$URL/rooms/$BIG")"
		# the newest message of a kind, its HTML forgotten, rendered again
		# by its room page as its mentee sees it: the same as seeded
		html_as_rendered() {	# the body'"'"'s first words
			local id room c seeded
			id=$(SQL -e "SELECT MAX(id) FROM room_messages WHERE body LIKE \"$1%\"")
			room=$(SQL -e "SELECT mentorship_id FROM room_messages WHERE id = $id")
			seeded=$(SQL -e "SELECT MD5(body_html) FROM room_messages WHERE id = $id")
			SQL -e "UPDATE room_messages SET body_html = NULL WHERE id = $id"
			c=$(bench_sign_in "$(SQL -e "SELECT u.email FROM mentorships m JOIN users u ON u.id = m.mentee_id WHERE m.id = $room")")
			curl -s -o /dev/null -H "Cookie: $c" "$URL/rooms/$room"
			[ "$seeded" = "$(SQL -e "SELECT MD5(body_html) FROM room_messages WHERE id = $id")" ] &&
				echo same || echo "differs($1)"
		}
		echo "html=$(html_as_rendered "Message ") $(html_as_rendered "Room message ") $(html_as_rendered "Programme message ")"
		echo "notifier=$(bin/menteo-dev status | grep -c "^notify running")"
		echo "people=$(SQL -e "SELECT COUNT(*) FROM users WHERE email LIKE \"bench-u%\"")"
		echo "messages=$(SQL -e "SELECT COUNT(*) FROM room_messages WHERE mentorship_id = $BIG")"
		echo "triggers=$(SQL -e "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = \"menteo\" AND EVENT_OBJECT_TABLE IN (\"room_messages\", \"thread_entries\")")"
		echo "weeks=$(SQL -e "SELECT (SELECT SUM(messages) FROM pair_weeks) = (SELECT COUNT(*) FROM room_messages x JOIN mentorships m ON m.id = x.mentorship_id WHERE m.programme_id IS NOT NULL) AND (SELECT SUM(entries) FROM pair_weeks) = (SELECT COUNT(*) FROM thread_entries e JOIN threads t ON t.id = e.thread_id JOIN mentorships m ON m.id = t.mentorship_id WHERE m.programme_id IS NOT NULL) AND (SELECT SUM(messages) FROM pair_weeks) > 0")"
	' > "$2" 2>&1
	local rc=$?
	echo "# $(date +%T) $1: exit $rc"
	return $rc
}
val() { sed -n "s/^$1=//p" "$2"; }
one_data_set() {	# out: 100 people, 1,000 messages in the big room, its page 200
	[ "$(val people "$1")" = 100 ] && [ "$(val messages "$1")" = 1000 ] &&
		[ "$(val room "$1")" = 200 ]
}
not_seeded() { ! grep -q "bench: seeding" "$1"; }

rm -rf "$VAR"
echo "1..12"

# 1. the notifier's digest scan would find the big room's old messages
# unread and write the mentee's room_reads row the seed writes next
sed 's/^INSERT INTO room_reads/DO SLEEP(4);\n&/' tests/bench/seed.sql > "$B/seed-slow.sql"
grep -q '^DO SLEEP' "$B/seed-slow.sql" || nok "the slow seed pauses before room_reads"
if bench "$B/seed-slow.sql" "$B/run1.txt"; then
	ok "a slow seed loads with the stack up (no digest scan races it)"
else
	nok "a slow seed loads with the stack up"; sed 's/^/# /' "$B/run1.txt" | tail -8
fi
check "the mentee's room page answers 200 after the seed" [ "$(val room "$B/run1.txt")" = 200 ]
# the triggers set aside while it loads (stack.sh seed_triggers_off)
check "the triggers of messages and entries are back after the seed" \
	[ "$(val triggers "$B/run1.txt")" = "$(wc -w <<<"$(sed -n '/^SEED_TRIGGERS=/,/"$/p' tests/bench/stack.sh | tr -d '"' | sed 's/^SEED_TRIGGERS=//')")" ]
check "the programme pairs' weeks count every message and entry" [ "$(val weeks "$B/run1.txt")" = 1 ]
check "seeded messages carry the HTML their room page renders ($(val html "$B/run1.txt"))" \
	[ "$(val html "$B/run1.txt")" = "same same same" ]
check "the notifier runs once the seed is in" [ "$(val notifier "$B/run1.txt")" = 1 ]

# 2. a seed that fails half-way: a clear message, no mark, non-zero exit
rm -rf "$VAR"
{ cat tests/bench/seed.sql; echo "SELECT no_such_column FROM users;"; } > "$B/seed-bad.sql"
if bench "$B/seed-bad.sql" "$B/run2.txt"; then
	nok "a failed seed stops the benchmark"
else
	ok "a failed seed stops the benchmark"
fi
check "it says the seed failed and where to look" grep -q "bench: the seed failed" "$B/run2.txt"
check "a failed seed is not marked done" [ ! -f "$VAR/seeded" ]

# 3. the next run seeds again over the half-loaded database
bench tests/bench/seed.sql "$B/run3.txt"
check "the run after a failed seed seeds again, once (100 people, 1,000 messages)" \
	one_data_set "$B/run3.txt"

# 4. a seeded stack starts without seeding again
bench tests/bench/seed.sql "$B/run4.txt"
check "a seeded stack is not seeded again" not_seeded "$B/run4.txt"
check "and still holds one data set" one_data_set "$B/run4.txt"
