#!/bin/bash
# A/B of one setting on a warm bench stack: the mixed run (g) and the hot
# room page (c) in interleaved windows, each arm set by a command of its
# own before its windows, the arms' order turned every round (A B, B A),
# so that the host's drift falls on both arms alike.
# The way docs/performance.md's "by hand" comparisons are made.
#   AB_A='cmd' AB_B='cmd' tests/bench/ab.sh
#   AB_ROUNDS=4 AB_SECONDS=8: rounds of one window each per arm and page
# The commands run in the repository with VAR and RUN of the bench stack
# set, e.g. reloading its nginx after an edit of $VAR/nginx/nginx.conf.
# Prints each window (req/s, p99, the whole machine's CPU a request, wrk
# and the notifier included) and each arm's means; nothing is judged.
set -euo pipefail

. "$(dirname "$0")/stack.sh"
: "${AB_A:?set AB_A and AB_B to the commands that set each arm}" "${AB_B:?}"
ROUNDS=${AB_ROUNDS:-4}
SECS=${AB_SECONDS:-8}
[[ $ROUNDS =~ ^[1-9][0-9]*$ && $SECS =~ ^[1-9][0-9]*$ ]] ||
	bench_fail "AB_ROUNDS and AB_SECONDS are whole numbers of at least 1"
HZ=$(getconf CLK_TCK)
trap 'bin/menteo-dev stop > /dev/null 2>&1' EXIT
export VAR RUN

bench_stack "$B/stack.log"
MIXED_OUT=$B/mixed-people.txt MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR \
	/usr/bin/python3 tests/bench/mixed.py > "$B/mixed-setup.txt" 2>&1 ||
	bench_fail "the mixed run's people could not be signed in:" "$B/mixed-setup.txt"
export MIXED_FILE=$B/mixed-people.txt MIXED_WRITES=${BENCH_MIXED_WRITES:-1}
MIXED_NOTIFICATIONS=$(sed -n 's/^MIXED_NOTIFICATIONS=//p' "$B/mixed-setup.txt")
export MIXED_NOTIFICATIONS
echo "ab: warming the workers (30 s of the mix)"
MIXED_AGENT=warmup wrk -t2 -c32 -d30s -s tests/bench/mixed.lua "$URL/" > /dev/null

busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
window() {	# arm page: one line "arm page req/s p99-ms cpu-ms"
	local b0 b1 out
	b0=$(busy)
	if [ "$2" = mix ]; then
		out=$(MIXED_AGENT=ab wrk -t2 -c32 -d"${SECS}s" --latency \
			-s tests/bench/mixed.lua "$URL/")
	else
		out=$(wrk -t2 -c32 -d"${SECS}s" --latency -H "Cookie: $COOKIE" \
			"$URL/rooms/$BIG")
	fi
	b1=$(busy)
	# CPU time in ticks of 1/HZ s: per request in ms
	echo "$out" | awk -v a="$1" -v p="$2" -v t=$((b1 - b0)) -v hz="$HZ" '
		/requests in/ { n = $1 } /Requests\/sec/ { r = $2 }
		/^ +99%/ { q = $2 + 0; if ($2 ~ /us$/) q /= 1000; else if ($2 !~ /ms$/) q *= 1000 }
		END { if (n) printf "%s %s %.0f %.2f %.3f\n", a, p, r, q, 1000 * t / hz / n }'
}
arm() {	# A or B: its command, then a window of each page
	local cmd=$AB_A
	[ "$1" = B ] && cmd=$AB_B
	bash -c "$cmd" >> "$B/ab-arms.log" 2>&1 ||
		bench_fail "arm $1's command failed: $cmd" "$B/ab-arms.log"
	sleep 2
	window "$1" mix
	window "$1" room
}
: > "$B/ab-arms.log"
echo "# $(date -u +%FT%TZ) A: $AB_A | B: $AB_B" > "$B/ab.txt"
for i in $(seq "$ROUNDS"); do
	if [ $((i % 2)) = 1 ]; then arm A; arm B; else arm B; arm A; fi
done | tee -a "$B/ab.txt" | awk '{ print; k = $1 " " $2; n[k]++; r[k] += $3; q[k] += $4; c[k] += $5 }
	END {
		print "arm page   req/s  p99-ms  cpu-ms/request (means of the windows)"
		split("A B", arms); split("mix room", pages)
		for (a = 1; a <= 2; a++) for (p = 1; p <= 2; p++) {
			k = arms[a] " " pages[p]
			if (n[k]) printf "%-8s %6.0f %6.1f %7.3f\n", k, r[k] / n[k], q[k] / n[k], c[k] / n[k]
		}
		for (a = 1; a <= 2; a++) if (n[arms[a] " mix"] && r[arms[a] " room"] > 0)
			printf "arm %s: the mix at %.0f %% of the room page\n", arms[a],
				100 * (r[arms[a] " mix"] / n[arms[a] " mix"]) / (r[arms[a] " room"] / n[arms[a] " room"])
	}'
