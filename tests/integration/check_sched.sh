#!/bin/bash
# The stack's processes take their turn without preempting the one that
# woke them (SCHED_BATCH: lib/app.c sched_batch, bin/menteo-dev for
# MariaDB and nginx; docs/performance.md, "Task switches"), and a
# program told `sched_batch = 0` keeps the normal policy. Prints TAP.
# Uses the stack whose state is in MENTEO_TEST_VAR (default var/test).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$(cd "${MENTEO_TEST_VAR:-$ROOT/var/test}" && pwd)
BUILD=${MENTEO_BUILD:-$ROOT/build}
RUN=$VAR/run

n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }

policy() { chrt -p "$1" 2>/dev/null | sed -n 's/.*scheduling policy: //p'; }
# every task of each pid (MariaDB's threads too) has the policy wanted
all_have() {	# policy what pid...
	local want=$1 what=$2 p t bad=0 seen=0; shift 2
	for p in "$@"; do
		for t in /proc/"$p"/task/*; do
			seen=$((seen + 1))
			[ "$(policy "${t##*/}")" = "$want" ] && continue
			bad=$((bad + 1))
			[ "$bad" -le 3 ] && echo "# $what: task ${t##*/} of $p is $(policy "${t##*/}")"
		done
	done
	if [ "$seen" -gt 0 ] && [ "$bad" = 0 ]; then ok "$what: $seen tasks, $want"
	else nok "$what: $bad of $seen tasks not $want"; fi
}

if ! chrt --batch 0 true 2>/dev/null; then
	echo "1..0 # SKIP this machine refuses SCHED_BATCH"
	exit 0
fi

programs=()
for prog in $(ls "$BUILD/cgi-bin"); do
	p=$(cat "$RUN/$prog.pid" 2>/dev/null) || continue
	programs+=("$p" $(pgrep -P "$p"))
done
all_have SCHED_BATCH "the programs, their supervisors and workers" "${programs[@]}"
all_have SCHED_BATCH "MariaDB, every thread" $(cat "$RUN/mariadb.pid")
master=$(cat "$RUN/nginx.pid")
all_have SCHED_BATCH "nginx, master and workers" "$master" $(pgrep -P "$master")

# sched_batch = 0: one program started by hand, normal from the start
# (chrt --other: whatever policy this script itself was given)
tmp=$(mktemp -d) || exit 1
trap 'kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
{ grep -v -e '^processes' -e '^sched_batch' "$VAR/menteo.conf"
  echo "processes = 1"; echo "sched_batch = 0"; } > "$tmp/menteo.conf"
pid=$(MENTEO_CONF=$tmp/menteo.conf chrt --other 0 spawn-fcgi -s "$tmp/home.sock" \
	-- "$BUILD/cgi-bin/home" 2>&1 | sed -n 's/.*PID: \([0-9]*\).*/\1/p')
sleep 0.5
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
	all_have SCHED_OTHER "sched_batch = 0: the normal policy kept" "$pid"
else
	nok "sched_batch = 0: the program started by hand is running"
fi

echo "1..$n"
[ "$failed" = 0 ]
