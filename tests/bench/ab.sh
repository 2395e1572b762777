#!/bin/bash
# A/B of one setting on a warm bench stack: the mixed run (g) and the hot
# room page (c) in interleaved windows, each arm set by a command of its
# own before its windows, so that the host's drift falls on both arms.
# The way docs/performance.md's "by hand" comparisons are made.
#   AB_A='cmd' AB_B='cmd' tests/bench/ab.sh
#   AB_ROUNDS=4 AB_SECONDS=8: rounds of one window each per arm and page
# The commands run in the repository with VAR and RUN of the bench stack
# set, e.g. reloading its nginx after an edit of $VAR/nginx/nginx.conf.
# Prints each window (req/s, p99, the machine's CPU a request) and each
# arm's means; nothing is judged.
set -euo pipefail

. "$(dirname "$0")/stack.sh"
: "${AB_A:?set AB_A and AB_B to the commands that set each arm}" "${AB_B:?}"
ROUNDS=${AB_ROUNDS:-4}
SECS=${AB_SECONDS:-8}
trap 'bin/menteo-dev stop > /dev/null 2>&1' EXIT
export VAR RUN

bench_stack "$B/stack.log"
MIXED_OUT=$B/mixed-people.txt MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR \
	/usr/bin/python3 tests/bench/mixed.py > "$B/mixed-setup.txt" 2>&1 ||
	bench_fail "the mixed run's people could not be signed in:" "$B/mixed-setup.txt"
export MIXED_FILE=$B/mixed-people.txt MIXED_WRITES=${BENCH_MIXED_WRITES:-1}
export MIXED_NOTIFICATIONS=$(sed -n 's/^MIXED_NOTIFICATIONS=//p' "$B/mixed-setup.txt")
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
	# jiffies are 1/100 s: per request in ms, 10 * jiffies / requests
	echo "$out" | awk -v a="$1" -v p="$2" -v j=$((b1 - b0)) '
		/requests in/ { n = $1 } /Requests\/sec/ { r = $2 }
		/^ +99%/ { q = $2 + 0; if ($2 ~ /us$/) q /= 1000; else if ($2 !~ /ms$/) q *= 1000 }
		END { printf "%s %s %.0f %.2f %.3f\n", a, p, r, q, 10 * j / n }'
}
for round in $(seq "$ROUNDS"); do
	for arm in A B; do
		[ "$arm" = A ] && cmd=$AB_A || cmd=$AB_B
		bash -c "$cmd" > /dev/null 2>&1 || bench_fail "arm $arm's command failed: $cmd"
		sleep 2
		for page in mix room; do
			window "$arm" "$page" | tee -a "$B/ab.txt"
		done
	done
done | awk '{ print; k = $1 " " $2; n[k]++; r[k] += $3; q[k] += $4; c[k] += $5 }
	END {
		print "arm page   req/s  p99-ms  cpu-ms/request (means of the windows)"
		split("A B", arms); split("mix room", pages)
		for (a = 1; a <= 2; a++) for (p = 1; p <= 2; p++) {
			k = arms[a] " " pages[p]
			printf "%-8s %6.0f %6.1f %7.3f\n", k, r[k] / n[k], q[k] / n[k], c[k] / n[k]
		}
		for (a = 1; a <= 2; a++)
			printf "arm %s: the mix at %.0f %% of the room page\n", arms[a],
				100 * r[arms[a] " mix"] / r[arms[a] " room"]
	}'
