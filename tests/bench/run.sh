#!/bin/bash
# make bench: a private stack (var/bench, port 8097) with a realistic data
# set, then wrk on loopback against the stack's own limits and the real
# pages. Prints a table and writes it to build/bench.txt.
#   BENCH_SECONDS=10 (per page, in BENCH_ROUNDS=5 interleaved slices)
#   BENCH_CONNECTIONS=32  BENCH_PROCESSES=4 (worker processes per program,
#   the shipped default: conf/menteo.conf.example)
#   BENCH_PAGES="hello roomq room" BENCH_MEMORY=0: a quicker look at a few
#   pages while working on them (the targets are judged on the full run)
#   BENCH_PROGRAMME=0: leave out the programme's dashboard and exports
#   BENCH_MIXED_WARMUP=30: seconds of mixed traffic before it is measured
#   BENCH_MIXED_WRITES=0: the mixed run's 5 % writes become room views, to
#   see what the writes cost the pages they change (docs/performance.md)
#   BENCH_SCALES="0.1 10": the mixed run again on the data set that many
#   times as large, each in a stack of its own ("" skips; 10 needs ~20 GB
#   and a long seed: give it where the machine allows)
set -euo pipefail

. "$(dirname "$0")/stack.sh"
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
OUT=$ROOT/build/bench.txt
BIN=$B	# the reference responders, for every scale
SCALES=${BENCH_SCALES-0.1}

# (b) must run the room page's own statement, word for word
sqltext() { sed -n '/^static const char page_sql\[\] =/,/;$/p' "$1" | sed 1d; }
if [ "$(sqltext cgi-bin/rooms.c)" != "$(sqltext tests/bench/roomq.c)" ]; then
	echo "bench: tests/bench/roomq.c page_sql differs from cgi-bin/rooms.c; update it" >&2
	exit 1
fi
echo "bench: building the reference responders"
cc -O2 -Wall -o "$BIN/hello" tests/bench/hello.c -lfcgi
cc -O2 -Wall $(pkg-config --cflags libmariadb) -o "$BIN/roomq" tests/bench/roomq.c \
	-lfcgi $(pkg-config --libs libmariadb)

# the reference responders are ended by their own pids, never by name
refs_stop() {
	[ -f "$BIN/refs.pids" ] && kill $(cat "$BIN/refs.pids") 2>/dev/null
	rm -f "$BIN/refs.pids"
	return 0
}
trap 'refs_stop; bin/menteo-dev stop > /dev/null 2>&1' EXIT

# (a) and (b): reference responders behind the same nginx
refs_start() {
	refs_stop
	rm -f "$RUN/hello.sock" "$RUN/roomq.sock"
	# spawn-fcgi prints "child spawned successfully: PID: N" for each child
	spawn-fcgi -s "$RUN/hello.sock" -M 0666 -F "$MENTEO_PROCESSES" -- "$BIN/hello" 2>&1 |
		sed -n 's/.*PID: \([0-9]*\).*/\1/p' >> "$BIN/refs.pids"
	BENCH_DB_SOCKET=$RUN/mysql.sock BENCH_DB_USER=menteo BENCH_DB_PASSWORD=$(cat "$VAR/dbpass") \
		spawn-fcgi -s "$RUN/roomq.sock" -M 0666 -F "$MENTEO_PROCESSES" -- "$BIN/roomq" 2>&1 |
		sed -n 's/.*PID: \([0-9]*\).*/\1/p' >> "$BIN/refs.pids"
	cat > "$VAR/nginx/extra-bench.conf" <<CONF
location = /bench/hello { include /etc/nginx/fastcgi_params; fastcgi_pass unix:$RUN/hello.sock; }
location = /bench/roomq { include /etc/nginx/fastcgi_params; fastcgi_pass unix:$RUN/roomq.sock; }
CONF
	nginx -p "$VAR/nginx" -c "$VAR/nginx/nginx.conf" -s reload
	sleep 1
}

# (g) the mixed run's people, signed in by sessions made in bulk
# (tests/bench/mixed.py), one line each in $B/mixed-people.txt
mixed_people() {
	MIXED_OUT=$B/mixed-people.txt MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR \
		/usr/bin/python3 tests/bench/mixed.py > "$B/mixed-setup.txt" 2>&1 ||
		bench_fail "the mixed run's people could not be signed in:" "$B/mixed-setup.txt"
	head -1 "$B/mixed-setup.txt"
	MIXED_N=$(wc -l < "$B/mixed-people.txt")
	export MIXED_FILE=$B/mixed-people.txt
	export MIXED_NOTIFICATIONS=$(sed -n 's/^MIXED_NOTIFICATIONS=//p' "$B/mixed-setup.txt")
	export MIXED_WRITES=${BENCH_MIXED_WRITES:-1}
	# Warm workers, as on a server that has been up a while: each people
	# worker builds its word index once after the setup moved the
	# directory's version, and each worker of each program keeps what it
	# keeps (lib/kept.h) per page and person the first time it serves it:
	# 1,000 people's rooms, threads and pages in four workers each are
	# thousands of first views, about 30 s of this traffic. A cold start
	# is not what the run is to measure (BENCH_MIXED_WARMUP=3 shows it).
	MIXED_AGENT=warmup wrk -t2 -c"$CONNS" -d"${BENCH_MIXED_WARMUP:-30}"s -s tests/bench/mixed.lua "$URL/" > /dev/null
}

bench_stack "$B/stack.log"
refs_start
mixed_people

declare -A RPS P50 P99 NON2XX
ms() {	# wrk latency ("1.23ms", "850.00us", "1.02s") in milliseconds
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
# The mixed run's answers since the log's marks ($B/log-marks.txt), its
# requests known by their User-Agent (tests/bench/mixed.lua): "200s 303s
# others", a request wrk dropped unanswered as a slice ended (499) not
# counted.
declare -A ANSWERS
log_settled() { sleep 1.5; }	# nginx writes its access log a second late (buffer, flush=1s)
mixed_answers() {	# name
	log_settled
	log_since "$B/log-marks.txt" nginx-access | awk -F'"' -v ua="menteo-bench-$1" '$6 == ua {
		split($3, f, " "); if (f[1] == 200) a++; else if (f[1] == 303) b++; else if (f[1] != 499) c++ }
		END { printf "%d %d %d\n", a, b, c }'
}
# Where the mixed run's requests wait: nginx's time for each (the log's
# last field) by kind of request, over its slices at 32 connections. The
# p99 of the whole follows the kind whose program has the longest queue.
mixed_waits() {	# name
	log_since "$B/log-marks.txt" nginx-access | python3 -c '
import re, sys
kinds = {}
for line in sys.stdin:
    f = line.split("\"")
    if len(f) < 7 or f[5] != sys.argv[1] or f[2].split()[0] not in ("200", "303"):
        continue
    method, path = f[1].split()[:2]
    kind = method + " " + re.sub(r"[0-9]+", "N", path.split("?")[0])
    kinds.setdefault(kind, []).append(float(f[6]) * 1000)
total = sum(len(t) for t in kinds.values())
print("  %-42s %7s  %6s %6s %6s" % ("where it waits (nginx, ms), by kind", "share", "p50", "p90", "p99"))
for kind, t in sorted(kinds.items(), key=lambda kt: -len(kt[1])):
    t.sort()
    at = lambda q: t[min(len(t) - 1, int(len(t) * q))]
    print("  %-42s %5.1f %%  %6.0f %6.0f %6.0f" % (kind, 100 * len(t) / total, at(0.5), at(0.9), at(0.99)))
' "menteo-bench-$1"
}
# one slice of wrk on one page, appended to that page's list of slices
slice() {	# name path seconds
	local name=$1 path=$2 secs=$3 f="$B/wrk-$1.txt" script=() cookie=(-H "Cookie: $COOKIE")
	# the cold searches: each request the next of COLD's 64 queries
	[ "$path" = cold ] && script=(-s tests/bench/soak.lua) path=/
	# the mixed run: each request its own person, with their own cookie
	[ "$path" = mixed ] && script=(-s tests/bench/mixed.lua) path=/ cookie=()
	SOAK_PATHS=$COLD MIXED_AGENT=$name wrk -t"$(( CONNS < 2 ? 1 : 2 ))" -c"$CONNS" -d"${secs}s" \
		--latency "${script[@]}" "${cookie[@]}" "$URL$path" >> "$f"
}
# The machine is shared: background load drifts over a run. Pages are
# measured in ROUNDS interleaved slices, so that every page, and each
# reference, sees the same mix of quiet and busy moments. req/s is the
# total over all slices; p50 and p99 are the medians of the slices'.
summarize() {	# name
	local name=$1 f="$B/wrk-$1.txt"
	RPS[$name]=$(awk '/requests in/ { n += $1; t += $4 + 0 } END { printf "%.0f", n / t }' "$f")
	P50[$name]=$(grep -E '^ +50%' "$f" | awk '{ print $2 }' | while read -r v; do ms "$v"; echo; done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	P99[$name]=$(grep -E '^ +99%' "$f" | awk '{ print $2 }' | while read -r v; do ms "$v"; echo; done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
	NON2XX[$name]=$(awk '/Non-2xx/ { n += $NF } END { if (n) print n }' "$f")
	# a write answers 303: the mixed run's other answers, from the log
	if grep -q '^mixed: ' "$f"; then
		ANSWERS[$name]=$(mixed_answers "$name")
		mixed_waits "$name" > "$B/waits-$name.txt"
		NON2XX[$name]=$(echo "${ANSWERS[$name]}" | awk '$3 > 0 { print $3 }')
	fi
	echo "bench: $name ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms"
}
# "pid:KiB" for each worker of one program (children of its supervisor):
# its own memory, VmRSS less RssShmem. The kept results are one mapping
# shared by the workers (lib/ring.c, kept_mib, 64 MiB unless set): a worker's RSS
# grows as it reads entries another wrote, and that is not its growth.
rss() {
	local sup p; sup=$(cat "$RUN/$1.pid" 2>/dev/null) || return 0
	for p in $(pgrep -P "$sup"); do
		awk -v p="$p" '/^VmRSS/ { r = $2 } /^RssShmem/ { s = $2 }
			END { if (r != "") print p ":" r - s }' "/proc/$p/status" 2>/dev/null
	done
}
MEMPROGS="rooms home threads people"
declare -A MEM_BEFORE MEM_AFTER
ROUNDS=${BENCH_ROUNDS:-5}
ALL_PAGES="hello roomq room room_deep dashboard thread search search_cold search1 mixed mixed8"
PAGES=${BENCH_PAGES:-$ALL_PAGES}
declare -A PATHS=([hello]=/bench/hello [roomq]="/bench/roomq?m=$BIG" [room]="/rooms/$BIG"
	[room_deep]="/rooms/$BIG?before=$DEEP" [dashboard]=/ [thread]="/threads/$THREAD"
	[search]="/people?q=leadership" [search_cold]=cold [search1]=cold [mixed]=mixed
	[mixed8]=mixed)
# A search asked again could be answered from something a worker keeps;
# these 64 differ from each other (a prefix of "leadership" and a word
# every profile has, the widest searches there are), taken in turn: what
# a new query costs. Both go to each people worker's word index today
# (cgi-bin/people.c), so the two should cost the same.
COLD=$(for p in lea lead leade leader leaders leadersh leadershi leadership; do
	for w in "" help people twenty years shipping software growing; do
		echo "/people?q=$p${w:++$w}"
	done
done | paste -sd' ')
for n in $PAGES; do
	rm -f "$B/wrk-$n.txt"
	path=${PATHS[$n]}
	[ "$path" = cold ] && path=${COLD%% *}
	[ "$path" = mixed ] && continue	# mixed.py checked each of its requests
	curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $COOKIE" "$URL$path" | grep -q '^200$' ||
		echo "bench: warning: ${PATHS[$n]} does not answer 200"
done
# Every answer that is neither 200 nor 303 is reported by status, method
# and path (from the stack's access log), with the lines the workers and
# the notifier logged during the run (but their "info"): a run that says
# "other: 1" also says which and why.
LOGS=(nginx-access rooms home mentorships threads people roadmaps auth admin notify)
log_marks() {	# "name bytes" for each log of the stack
	local l; for l in "${LOGS[@]}"; do echo "$l $(stat -c %s "$VAR/log/$l.log" 2>/dev/null || echo 0)"; done
}
log_since() {	# marks-file name: what log name got after its mark
	local at; at=$(awk -v l="$2" '$1 == l { print $2 }' "$1")
	[ -f "$VAR/log/$2.log" ] && tail -c +"$(( ${at:-0} + 1 ))" "$VAR/log/$2.log"
	return 0
}
odd_answers() {	# marks-file: the report, empty when every answer was 200/303
	local l odd
	log_settled
	# 499: a request wrk dropped unanswered as a slice ended, not an answer
	odd=$(log_since "$1" nginx-access | awk '$9 !~ /^(200|303|499)$/ { n[$9 " " substr($6, 2) " " $7]++ }
		END { for (k in n) printf "  %6d x %s\n", n[k], k }' | sort -rn | head -20 || true)
	[ -n "$odd" ] || return 0
	echo "$odd"
	for l in "${LOGS[@]}"; do
		[ "$l" = nginx-access ] && continue
		log_since "$1" "$l" | grep -v -e '^$' -e ' info: ' | tail -5 | sed "s/^/  $l.log: /" || true
	done
}
log_marks > "$B/log-marks.txt"
for r in $(seq "$ROUNDS"); do
	echo "bench: round $r of $ROUNDS"
	for n in $PAGES; do
		# search1: new searches one at a time, what one search costs;
		# mixed8: the mix at 8 connections, near its throughput with a
		# short queue (32 connections at ~2,000 req/s wait ~16 ms in line)
		c=$CONNS
		case $n in search1) CONNS=1;; mixed8) CONNS=8;; esac
		slice "$n" "${PATHS[$n]}" $(( (SECS + ROUNDS - 1) / ROUNDS ))
		CONNS=$c
	done
done
for n in $PAGES; do summarize "$n"; done
odd_answers "$B/log-marks.txt" > "$B/odd-answers.txt"
for p in $MEMPROGS; do MEM_BEFORE[$p]=$(rss "$p" | paste -sd' '); done

# memory: at least 100,000 requests to the room page, then compare
need=100000
[ "${BENCH_MEMORY:-1}" = 0 ] && need=0
done_n=0
while [ "${done_n:-0}" -lt $need ]; do
	wrk -t2 -c"$CONNS" -d10s -H "Cookie: $COOKIE" "$URL/rooms/$BIG" > "$B/wrk-mem.txt"
	done_n=$(( done_n + $(awk '/requests in/ { print $1 }' "$B/wrk-mem.txt") ))
done
# and the other pages measured, 15 s each, on warm workers too
[ "$need" -gt 0 ] && for path in / "/threads/$THREAD" "/people?q=leadership"; do
	wrk -t2 -c"$CONNS" -d15s -H "Cookie: $COOKIE" "$URL$path" > "$B/wrk-mem2.txt"
done
for p in $MEMPROGS; do MEM_AFTER[$p]=$(rss "$p" | paste -sd' '); done

# Where the CPU of the room page and of the mixed run goes: utime +
# stime from /proc of each group of processes that serves it, over one
# run, per request answered; and the statements MariaDB was sent.
ticks() { for p in "$@"; do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'; }
cpu_groups() {	# "group ticks" for each group
	local p sup
	for p in rooms home mentorships threads people roadmaps auth admin; do
		sup=$(cat "$RUN/$p.pid" 2>/dev/null) || continue
		echo "$p $(ticks "$sup" $(pgrep -P "$sup"))"
	done
	echo "mariadb $(ticks "$(cat "$RUN/mariadb.pid")")"
	sup=$(cat "$RUN/nginx.pid"); echo "nginx $(ticks "$sup" $(pgrep -P "$sup"))"
	echo "notifier $(ticks "$(cat "$RUN/notify.pid" 2>/dev/null)")"
}
declare -A CPU_MS CPU_N STMT
# the statements clients sent (Questions) and those of each kind
statements() {
	SQL -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', 'Com_update', 'Com_delete', 'Com_begin', 'Com_commit', 'Com_rollback', 'Com_set_option')"
}
# CPU and statements per request of one page (or the mixed run), 10 s
cpu_measure() {	# name
	local n=$1 g a b hz args=(-H "Cookie: $COOKIE" "$URL${PATHS[$1]}")
	[ "$n" = mixed ] && args=(-s tests/bench/mixed.lua "$URL/")
	# the notifier paused: its statements would count as the pages'
	# (a seed's first passes send a digest to most of its people)
	kill -STOP "$(cat "$RUN/notify.pid")" 2>/dev/null || true
	statements > "$B/stmt-before.txt"
	cpu_groups > "$B/cpu-before.txt"
	MIXED_AGENT=cpu wrk -t2 -c"$CONNS" -d10s "${args[@]}" > "$B/wrk-$n-cpu.txt"
	cpu_groups > "$B/cpu-after.txt"
	statements > "$B/stmt-after.txt"
	kill -CONT "$(cat "$RUN/notify.pid")" 2>/dev/null || true
	CPU_N[$n]=$(awk '/requests in/ { print $1 }' "$B/wrk-$n-cpu.txt")
	# statements per request, all and by kind (the notifier's count too:
	# a pass every 2 s is a few statements, under 0.01 a request)
	STMT[$n]=$(awk -v n="${CPU_N[$n]}" 'NR == FNR { b[$1] = $2; next }
		{ d = $2 - b[$1]; if ($1 == "Questions") q = d; else if (d > 0) k = k sprintf(" %s %.2f,", tolower(substr($1, 5)), d / n) }
		END { sub(/,$/, "", k); printf "%.2f (%s)", q / n, substr(k, 2) }' "$B/stmt-before.txt" "$B/stmt-after.txt")
	hz=$(getconf CLK_TCK)
	while read -r g a; do
		b=$(awk -v g="$g" '$1 == g { print $2 }' "$B/cpu-before.txt")
		CPU_MS[$n.$g]=$(awk -v a="$a" -v b="${b:-0}" -v hz="$hz" -v n="${CPU_N[$n]}" 'BEGIN { printf "%.3f", (a - b) * 1000 / hz / n }')
	done < "$B/cpu-after.txt"
}
CPU_PAGES=
for n in room dashboard thread mixed; do
	if [[ " $PAGES " == *" $n "* ]]; then
		CPU_PAGES="$CPU_PAGES $n"
		cpu_measure "$n"
	fi
done

# The programme of seed.sql (issue 22's speed): 2,000 participants and
# 1,000 pairs with a year of activity, seen by its organiser: the
# dashboard one request at a time (what one organiser waits for) and the
# two exports, each fetched PROG_N times (the median is reported).
PROG_N=${BENCH_PROGRAMME_FETCHES:-9}
declare -A PROG
programme_measure() {
	local org f t
	org=$(SQL -e "SELECT u.email FROM programme_organisers o JOIN programmes p ON p.id = o.programme_id JOIN users u ON u.id = o.user_id WHERE p.slug = 'bench-cohort'")
	[ -n "$org" ] || { echo "bench: warning: no programme in the data set"; return 0; }
	OCOOKIE=$(bench_sign_in "$org") || bench_fail "the programme's organiser could not sign in"
	for f in dashboard export.csv surveys.csv; do
		t=$(for _ in $(seq "$PROG_N"); do
			curl -s -o "$B/prog-$f" -w '%{http_code} %{time_total}\n' -H "Cookie: $OCOOKIE" \
				"$URL/programmes/bench-cohort/$f"
		done)
		PROG[$f]=$(awk '$1 != 200 { bad++ } { print $2 * 1000 }' <<<"$t" | sort -n |
			awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }')
		PROG[$f.max]=$(awk '{ print $2 * 1000 }' <<<"$t" | sort -n | tail -1)
		PROG[$f.bad]=$(awk '$1 != 200' <<<"$t" | wc -l)
		PROG[$f.size]=$(stat -c %s "$B/prog-$f")
	done
	PROG[rows]=$(( $(wc -l < "$B/prog-export.csv") - 1 ))
	PROG[data]=$(SQL -e "SELECT CONCAT(FORMAT((SELECT COUNT(*) FROM programme_participants pp JOIN programmes p ON p.id = pp.programme_id WHERE p.slug = 'bench-cohort'), 0), ' participants, ', FORMAT((SELECT COUNT(*) FROM mentorships m JOIN programmes p ON p.id = m.programme_id WHERE p.slug = 'bench-cohort'), 0), ' pairs')")
	echo "bench: programme dashboard p50 ${PROG[dashboard]} ms, export.csv ${PROG[export.csv]} ms"
}
[ "${BENCH_PROGRAMME:-1}" = 1 ] && programme_measure

# The same mixed traffic on the data set smaller and larger (seeded once
# each, in stacks of their own), each beside (a) measured in turns with it
declare -A SCALE_DATA
scale_data() {
	echo "$(SQL -e "SELECT CONCAT(FORMAT((SELECT COUNT(*) FROM users), 0), ' people, ', FORMAT((SELECT COUNT(*) FROM mentorships), 0), ' mentorships, ', FORMAT((SELECT COUNT(*) FROM room_messages), 0), ' messages')")"
}
SCALE_DATA[1]=$(scale_data)
MIXED_N1=$MIXED_N
B1=$B	# the x1 stack's files, for the table
for sc in $SCALES; do
	[ "$sc" = 1 ] && continue
	echo "bench: the mixed run on the data set x$sc"
	refs_stop
	bin/menteo-dev stop > /dev/null 2>&1
	bench_scale "$sc"
	bench_stack "$B/stack.log"
	refs_start
	mixed_people
	SCALE_DATA[$sc]="$(scale_data), $MIXED_N people signed in"
	for n in "hello_$sc" "mixed_$sc"; do rm -f "$B/wrk-$n.txt"; done
	log_marks > "$B/log-marks.txt"
	for r in $(seq "$ROUNDS"); do
		slice "hello_$sc" /bench/hello $(( (SECS + ROUNDS - 1) / ROUNDS ))
		slice "mixed_$sc" mixed $(( (SECS + ROUNDS - 1) / ROUNDS ))
	done
	summarize "hello_$sc"; summarize "mixed_$sc"
	odd_answers "$B/log-marks.txt" | sed "s/^/x$sc /" >> "$B1/odd-answers.txt"
done

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }'; }
ok() { if awk "BEGIN { exit !($1) }"; then echo "holds"; else echo "MISSED"; fi; }
{
	echo "Menteo benchmark — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r)"
	echo "wrk: 2 threads, $CONNS connections, ${SECS}s per page in $ROUNDS interleaved slices (req/s: total; p50/p99: median of the slices); $MENTEO_PROCESSES worker processes per program"
	echo "data: 10,000 people, 3,000 mentorships, 1,000,000 room messages (100,000 in the room measured), 100,000 journal entries; a programme of 2,000 participants in 1,000 pairs with a year of activity"
	echo
	printf "%-34s %9s %9s %9s %8s %8s\n" "page" "req/s" "p50 ms" "p99 ms" "vs (a)" "vs (b)"
	for n in $PAGES; do
		case $n in
		hello) label="(a) libfcgi hello (stack limit)";;
		roomq) label="(b) room query only (db limit)";;
		room) label="(c) room page, signed in";;
		room_deep) label="(c') room page 1,000 deep";;
		dashboard) label="(d) dashboard";;
		thread) label="(e) public Growth Thread";;
		search) label="(f) directory search, repeated";;
		search_cold) label="(f) search, a new query each";;
		search1) label="(f) search, new queries, 1 conn.";;
		mixed) label="(g) mixed, $MIXED_N1 people"
			if [ "$MIXED_WRITES" = 0 ]; then label="$label, no writes"; fi;;
		mixed8) label="(g) mixed, 8 connections";;
		esac
		printf "%-34s %9s %9s %9s %8s %8s\n" "$label" "${RPS[$n]}" "${P50[$n]}" "${P99[$n]}" \
			"$(pct "${RPS[$n]}" "${RPS[hello]:-}")" "$(pct "${RPS[$n]}" "${RPS[roomq]:-}")"
	done
	if [[ " $PAGES " == *" mixed "* ]]; then
		echo
		echo "(g) mixed: 1,000 people (sessions made in bulk), each request a random one: room page 45 %,"
		echo "dashboard 15 %, mentorship 10 %, Growth Thread 10 %, directory search 10 %, notifications"
		echo "5 % (the dashboard where there is no /notifications page), writes 5 % through the forms with"
		echo "CSRF tokens (room message 3 %, thread entry 1 %, milestone marked 1 %)."
		if [ "$MIXED_WRITES" = 0 ]; then echo "This run: no writes (BENCH_MIXED_WRITES=0), room views instead."; fi
		grep -h '^mixed: ' "$B1/wrk-mixed.txt" | awk -v a="${ANSWERS[mixed]:-}" '{ g += $3; w += $5 }
			END { split(a, n, " "); printf "  answers over the slices: %d pages and %d writes sent; 200: %d, 303: %d, other: %d (the access log)\n", g, w, n[1], n[2], n[3] }'
		cat "$B1/waits-mixed.txt"
	fi
	for n in $CPU_PAGES; do
		echo
		case $n in
		room) echo "CPU per request of the room page (c), by process (/proc utime + stime, 10 s, ${CPU_N[$n]} requests):";;
		dashboard) echo "CPU per request of the dashboard (d), by process (/proc utime + stime, 10 s, ${CPU_N[$n]} requests):";;
		thread) echo "CPU per request of the Growth Thread (e), signed in, by process (/proc utime + stime, 10 s, ${CPU_N[$n]} requests):";;
		mixed) echo "CPU per request of the mixed run, by process (/proc utime + stime, 10 s, ${CPU_N[$n]} requests):";;
		esac
		total=0
		for g in rooms home mentorships threads people roadmaps auth admin mariadb nginx notifier; do
			[ -n "${CPU_MS[$n.$g]:-}" ] || continue
			printf "  %-12s %7s ms\n" "$g" "${CPU_MS[$n.$g]}"
			total=$(awk -v a="$total" -v b="${CPU_MS[$n.$g]}" 'BEGIN { printf "%.3f", a + b }')
		done
		printf "  %-12s %7s ms\n" "total" "$total"
		echo "  statements per request (MariaDB's Questions over the same run): ${STMT[$n]}"
	done
	if [ -s "$B/odd-answers.txt" ]; then
		echo
		echo "answers neither 200 nor 303 (access log: count x status method path), and the"
		echo "last lines the workers logged during the slices:"
		cat "$B/odd-answers.txt"
	fi
	if [ -n "$SCALES" ]; then
		echo
		echo "data size: the mixed run on each data set, (a) measured in turns with it:"
		printf "  %-8s %9s %9s %9s %8s %9s  %s\n" "data" "req/s" "p50 ms" "p99 ms" "vs (a)" "vs x1" "what it holds"
		printf "  %-8s %9s %9s %9s %8s %9s  %s\n" "x1" "${RPS[mixed]}" "${P50[mixed]}" "${P99[mixed]}" \
			"$(pct "${RPS[mixed]}" "${RPS[hello]}")" "100%" "${SCALE_DATA[1]}"
		for sc in $SCALES; do
			[ "$sc" = 1 ] && continue
			[ -n "${RPS[mixed_$sc]:-}" ] || continue
			printf "  %-8s %9s %9s %9s %8s %9s  %s\n" "x$sc" "${RPS[mixed_$sc]}" "${P50[mixed_$sc]}" \
				"${P99[mixed_$sc]}" "$(pct "${RPS[mixed_$sc]}" "${RPS[hello_$sc]}")" \
				"$(awk -v a="${RPS[mixed_$sc]}" -v ha="${RPS[hello_$sc]}" -v b="${RPS[mixed]}" -v hb="${RPS[hello]}" 'BEGIN { printf "%.0f%%", 100 * (a / ha) / (b / hb) }')" \
				"${SCALE_DATA[$sc]}"
			[ -n "${NON2XX[mixed_$sc]:-}" ] && echo "  warning: x$sc had ${NON2XX[mixed_$sc]} answers neither 200 nor 303"
		done
		echo "  (vs x1: the share of (a) against x1's share, so the host's drift cancels)"
	fi
	if [ -n "${PROG[dashboard]:-}" ]; then
		echo
		echo "programme (bench-cohort: ${PROG[data]}, a year of activity), its organiser, one request at a"
		echo "time, each fetched $PROG_N times (median, slowest):"
		for f in dashboard export.csv surveys.csv; do
			printf "  %-12s %8s ms %8s ms  %9s bytes%s\n" "$f" "${PROG[$f]}" "${PROG[$f.max]}" \
				"${PROG[$f.size]}" "$([ "${PROG[$f.bad]}" = 0 ] || echo "  ${PROG[$f.bad]} not 200")"
		done
		echo "  export.csv rows: ${PROG[rows]}"
	fi
	MATCH_RC=
	MATCHBIN=${MENTEO_BUILD:-$ROOT/build}/tests/bench-match
	if [ -x "$MATCHBIN" ]; then
		echo
		echo "matching (issue 23; in-process, lib/suggest and lib/match on synthetic profiles):"
		"$MATCHBIN" | sed 's/^/  /'
		MATCH_RC=${PIPESTATUS[0]}
	fi
	[ "$PAGES" = "$ALL_PAGES" ] || exit 0	# a quick look: no verdicts
	echo "targets:"
	[ -n "$MATCH_RC" ] &&
		echo "  matching: suggestions p50 < 20 ms, auto 1,000x300 < 2 s: $(ok "$MATCH_RC == 0")"
	echo "  room page >= 60% of (b):                $(ok "${RPS[room]} >= 0.6 * ${RPS[roomq]}")"
	echo "  room page >= 20% of (a):                $(ok "${RPS[room]} >= 0.2 * ${RPS[hello]}")"
	for n in room room_deep dashboard thread search search_cold; do
		printf "  p99 < 25 ms at %s connections, %-10s %s\n" "$CONNS" "$n:" "$(ok "${P99[$n]} < 25")"
	done
	echo "  first page vs 1,000 deep within 10%:    $(ok "${RPS[room_deep]} >= 0.9 * ${RPS[room]} && ${RPS[room_deep]} <= 1.1 * ${RPS[room]}")"
	echo "  directory search p50 < 10 ms, repeated: $(ok "${P50[search]} < 10")"
	echo "  search p50 < 10 ms, new queries:       $(ok "${P50[search_cold]} < 10")"
	echo "  search p50 < 10 ms, new, 1 conn.:      $(ok "${P50[search1]} < 10")"
	# judged on the mix as it comes, with its writes
	if [ "$MIXED_WRITES" = 0 ]; then
		echo "  mixed: not judged, a run without writes ($(pct "${RPS[mixed]}" "${RPS[room]}") of (c), p99 ${P99[mixed]} ms)"
	else
		echo "  mixed >= 60% of the room page (c):      $(ok "${RPS[mixed]} >= 0.6 * ${RPS[room]}") ($(pct "${RPS[mixed]}" "${RPS[room]}"))"
		echo "  mixed p99 < 25 ms (quiet host):         $(ok "${P99[mixed]} < 25")"
	fi
	echo "  mixed: no answer but 200 (page), 303 (write): $(ok "${NON2XX[mixed]:-0} + ${NON2XX[mixed8]:-0} == 0")"
	echo "  (not judged: at 8 connections the mix ran at $(pct "${RPS[mixed8]}" "${RPS[mixed]}") of its $CONNS-connection req/s, p99 ${P99[mixed8]} ms)"
	if [ -n "${PROG[dashboard]:-}" ]; then
		echo "  programme dashboard p50 < 50 ms:        $(ok "${PROG[dashboard]} < 50")"
		echo "  programme export.csv < 1 s:             $(ok "${PROG[export.csv]} < 1000 && ${PROG[export.csv.max]} < 1000")"
	fi
	echo
	echo "memory: KiB of each worker's own (VmRSS less the shared cache; pid:KiB), warm, then after $done_n requests"
	echo "to the room page and 15 s more of each other page:"
	grow=0
	for p in $MEMPROGS; do
		[ -n "${MEM_BEFORE[$p]}" ] || continue
		printf "  %-8s before %s\n  %-8s after  %s\n" "$p" "${MEM_BEFORE[$p]}" "" "${MEM_AFTER[$p]}"
		g=$(for w in ${MEM_BEFORE[$p]}; do
			pid=${w%%:*}; b=${w#*:}
			a=$(tr ' ' '\n' <<<"${MEM_AFTER[$p]}" | awk -F: -v p="$pid" '$1 == p { print $2 }')
			[ -n "$a" ] && echo $(( a - b )) || echo "replaced"
		done | paste -sd' ')
		echo "  $p growth KiB: $g"
		for x in $g; do
			[ "$x" = replaced ] && continue
			[ "$x" -gt "$grow" ] && grow=$x
		done
	done
	echo "  largest growth ${grow} KiB, under 1 MiB:  $(ok "$grow < 1024")"
	for n in room room_deep dashboard thread search search_cold mixed; do
		[ -n "${NON2XX[$n]}" ] && echo "  warning: $n had ${NON2XX[$n]} non-2xx answers"
	done
	true
} | tee "$OUT"
