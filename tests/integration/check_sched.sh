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

# a task's policy, field 41 of its stat (after the name in parentheses,
# which may hold spaces): 0 normal, 3 batch; nothing if it has ended
policy() { sed -n 's/^.*) //p' "$1/stat" 2>/dev/null | awk '{ print $39 }'; }
name() { case $1 in 0) echo SCHED_OTHER;; 3) echo SCHED_BATCH;; *) echo "policy $1";; esac; }
# every task of each pid (MariaDB's threads too) has the policy wanted;
# a thread that ended between the listing and the look is not counted
all_have() {	# policy what pid...
	local want=$1 what=$2 p t got bad=0 seen=0; shift 2
	for p in "$@"; do
		for t in /proc/"$p"/task/*; do
			got=$(policy "$t")
			[ -n "$got" ] || continue
			seen=$((seen + 1))
			[ "$(name "$got")" = "$want" ] && continue
			bad=$((bad + 1))
			[ "$bad" -le 3 ] && echo "# $what: task ${t##*/} of $p is $(name "$got")"
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

# One program started by hand under the normal policy (chrt --other:
# whatever this script was given), with and without `sched_batch = 0`.
# It chooses its policy before it accepts: one answer, then look.
tmp=$(mktemp -d) || exit 1
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
alone() {	# want what [conf line]
	local want=$1 what=$2 s
	{ grep -v -e '^processes' -e '^sched_batch' "$VAR/menteo.conf"
	  [ -n "${3:-}" ] && echo "$3"; } > "$tmp/menteo.conf"
	rm -f "$tmp/home.sock"
	MENTEO_CONF=$tmp/menteo.conf MENTEO_NO_PREFORK=1 chrt --other 0 \
		spawn-fcgi -n -s "$tmp/home.sock" -- "$BUILD/cgi-bin/home" >> "$tmp/home.log" 2>&1 &
	pid=$!
	for _ in $(seq 100); do [ -S "$tmp/home.sock" ] && break; sleep 0.1; done
	s=$(/usr/bin/python3 -c 'import sys; sys.path.insert(0, sys.argv[1])
from fcgi_client import request
print(request(sys.argv[2], "GET", "/health")[0])' "$ROOT/tests/integration" "$tmp/home.sock" 2>/dev/null)
	if [ "$s" = 200 ]; then all_have "$want" "$what" "$pid"
	else nok "$what: the program started by hand answers /health ($s)"; fi
	kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=
}
alone SCHED_BATCH "a program started under the normal policy chooses batch"
alone SCHED_OTHER "sched_batch = 0: the normal policy kept" "sched_batch = 0"

echo "1..$n"
[ "$failed" = 0 ]
