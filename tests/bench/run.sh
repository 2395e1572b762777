#!/bin/bash
# make bench: a private stack (var/bench, port 8097) with a realistic data
# set, then wrk on loopback against the stack's own limits and the real
# pages. Prints a table and writes it to build/bench.txt.
#   BENCH_SECONDS=10 (per page, in BENCH_ROUNDS=5 interleaved slices)
#   BENCH_CONNECTIONS=32  BENCH_PROCESSES=4 (worker processes per program,
#   the shipped default: conf/menteo.conf.example)
#   BENCH_PAGES="hello roomq room" BENCH_MEMORY=0: a quicker look at a few
#   pages while working on them (the targets are judged on the full run)
set -euo pipefail

. "$(dirname "$0")/stack.sh"
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
OUT=$ROOT/build/bench.txt

# (b) must run the room page's own statement, word for word
sqltext() { sed -n '/^static const char page_sql\[\] =/,/;$/p' "$1" | sed 1d; }
if [ "$(sqltext cgi-bin/rooms.c)" != "$(sqltext tests/bench/roomq.c)" ]; then
	echo "bench: tests/bench/roomq.c page_sql differs from cgi-bin/rooms.c; update it" >&2
	exit 1
fi
echo "bench: building the reference responders"
cc -O2 -Wall -o "$B/hello" tests/bench/hello.c -lfcgi
cc -O2 -Wall $(pkg-config --cflags libmariadb) -o "$B/roomq" tests/bench/roomq.c \
	-lfcgi $(pkg-config --libs libmariadb)

# the reference responders are ended by their own pids, never by name
refs_stop() {
	[ -f "$B/refs.pids" ] && kill $(cat "$B/refs.pids") 2>/dev/null
	rm -f "$B/refs.pids"
	return 0
}
trap 'refs_stop; bin/menteo-dev stop > /dev/null 2>&1' EXIT

bench_stack "$B/stack.log"

# (a) and (b): reference responders behind the same nginx
refs_stop
rm -f "$RUN/hello.sock" "$RUN/roomq.sock"
# spawn-fcgi prints "child spawned successfully: PID: N" for each child
spawn-fcgi -s "$RUN/hello.sock" -M 0666 -F "$MENTEO_PROCESSES" -- "$B/hello" 2>&1 |
	sed -n 's/.*PID: \([0-9]*\).*/\1/p' >> "$B/refs.pids"
BENCH_DB_SOCKET=$RUN/mysql.sock BENCH_DB_USER=menteo BENCH_DB_PASSWORD=$(cat "$VAR/dbpass") \
	spawn-fcgi -s "$RUN/roomq.sock" -M 0666 -F "$MENTEO_PROCESSES" -- "$B/roomq" 2>&1 |
	sed -n 's/.*PID: \([0-9]*\).*/\1/p' >> "$B/refs.pids"
cat > "$VAR/nginx/extra-bench.conf" <<CONF
location = /bench/hello { include /etc/nginx/fastcgi_params; fastcgi_pass unix:$RUN/hello.sock; }
location = /bench/roomq { include /etc/nginx/fastcgi_params; fastcgi_pass unix:$RUN/roomq.sock; }
CONF
nginx -p "$VAR/nginx" -c "$VAR/nginx/nginx.conf" -s reload
sleep 1

declare -A RPS P50 P99 NON2XX
ms() {	# wrk latency ("1.23ms", "850.00us", "1.02s") in milliseconds
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
# one slice of wrk on one page, appended to that page's list of slices
slice() {	# name path seconds
	local name=$1 path=$2 secs=$3 f="$B/wrk-$1.txt" script=()
	# the cold searches: each request the next of COLD's 64 queries
	[ "$path" = cold ] && script=(-s tests/bench/soak.lua) path=/
	SOAK_PATHS=$COLD wrk -t"$(( CONNS < 2 ? 1 : 2 ))" -c"$CONNS" -d"${secs}s" \
		--latency "${script[@]}" -H "Cookie: $COOKIE" "$URL$path" >> "$f"
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
	echo "bench: $name ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms"
}
rss() {	# "pid:KiB" for each worker of one program (children of its supervisor)
	local sup p; sup=$(cat "$RUN/$1.pid" 2>/dev/null) || return 0
	for p in $(pgrep -P "$sup"); do
		awk -v p="$p" '/VmRSS/ { print p ":" $2 }' "/proc/$p/status" 2>/dev/null
	done
}
MEMPROGS="rooms home threads people"
declare -A MEM_BEFORE MEM_AFTER
ROUNDS=${BENCH_ROUNDS:-5}
ALL_PAGES="hello roomq room room_deep dashboard thread search search_cold search1"
PAGES=${BENCH_PAGES:-$ALL_PAGES}
declare -A PATHS=([hello]=/bench/hello [roomq]="/bench/roomq?m=$BIG" [room]="/rooms/$BIG"
	[room_deep]="/rooms/$BIG?before=$DEEP" [dashboard]=/ [thread]="/threads/$THREAD"
	[search]="/people?q=leadership" [search_cold]=cold [search1]=cold)
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
	curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $COOKIE" "$URL$path" | grep -q '^200$' ||
		echo "bench: warning: ${PATHS[$n]} does not answer 200"
done
for r in $(seq "$ROUNDS"); do
	echo "bench: round $r of $ROUNDS"
	for n in $PAGES; do
		# search1: new searches one at a time, what one search costs
		if [ "$n" = search1 ]; then c=$CONNS; CONNS=1; fi
		slice "$n" "${PATHS[$n]}" $(( (SECS + ROUNDS - 1) / ROUNDS ))
		if [ "$n" = search1 ]; then CONNS=$c; fi
	done
done
for n in $PAGES; do summarize "$n"; done
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

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "-" }'; }
ok() { if awk "BEGIN { exit !($1) }"; then echo "holds"; else echo "MISSED"; fi; }
{
	echo "Menteo benchmark — $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r)"
	echo "wrk: 2 threads, $CONNS connections, ${SECS}s per page in $ROUNDS interleaved slices (req/s: total; p50/p99: median of the slices); $MENTEO_PROCESSES worker processes per program"
	echo "data: 10,000 people, 3,000 mentorships, 1,000,000 room messages (100,000 in the room measured), 100,000 journal entries"
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
		esac
		printf "%-34s %9s %9s %9s %8s %8s\n" "$label" "${RPS[$n]}" "${P50[$n]}" "${P99[$n]}" \
			"$(pct "${RPS[$n]}" "${RPS[hello]:-}")" "$(pct "${RPS[$n]}" "${RPS[roomq]:-}")"
	done
	echo
	[ "$PAGES" = "$ALL_PAGES" ] || exit 0	# a quick look: no verdicts
	echo "targets:"
	echo "  room page >= 60% of (b):                $(ok "${RPS[room]} >= 0.6 * ${RPS[roomq]}")"
	echo "  room page >= 20% of (a):                $(ok "${RPS[room]} >= 0.2 * ${RPS[hello]}")"
	for n in room room_deep dashboard thread search search_cold; do
		printf "  p99 < 25 ms at %s connections, %-10s %s\n" "$CONNS" "$n:" "$(ok "${P99[$n]} < 25")"
	done
	echo "  first page vs 1,000 deep within 10%:    $(ok "${RPS[room_deep]} >= 0.9 * ${RPS[room]} && ${RPS[room_deep]} <= 1.1 * ${RPS[room]}")"
	echo "  directory search p50 < 10 ms, repeated: $(ok "${P50[search]} < 10")"
	echo "  search p50 < 10 ms, new queries:       $(ok "${P50[search_cold]} < 10")"
	echo "  search p50 < 10 ms, new, 1 conn.:      $(ok "${P50[search1]} < 10")"
	echo
	echo "memory: VmRSS KiB of each worker (pid:KiB), warm, then after $done_n requests"
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
	for n in room room_deep dashboard thread search search_cold; do
		[ -n "${NON2XX[$n]}" ] && echo "  warning: $n had ${NON2XX[$n]} non-2xx answers"
	done
	true
} | tee "$OUT"
