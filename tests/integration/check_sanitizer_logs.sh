#!/bin/bash
# Sanitizer reports from the stack's programs: in a SANITIZE build a
# worker that hits undefined behaviour or a memory error writes a report
# to its log (var/<instance>/log/<program>.log) and, when it does not
# die of it, the test that caused it may still pass. This fails the run
# on any such line. Without SANITIZE there are none to find, but the
# logs are read all the same. Only what the logs gained since tests/run.sh
# started the stack counts (MENTEO_LOG_OFFSETS: "name bytes" per line).
# Prints TAP.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$(cd "${MENTEO_TEST_VAR:-$ROOT/var/test}" && pwd)
OFFSETS=${MENTEO_LOG_OFFSETS:-}
PATTERN='runtime error|ERROR: AddressSanitizer|ERROR: LeakSanitizer|SUMMARY: UndefinedBehaviorSanitizer'

n=0; failed=0
for log in "$VAR"/log/*.log; do
	[ -f "$log" ] || continue
	name=$(basename "$log")
	from=0
	if [ -n "$OFFSETS" ] && [ -f "$OFFSETS" ]; then
		from=$(awk -v f="$name" '$1 == f { print $2 }' "$OFFSETS")
		from=${from:-0}
		# a log that shrank was started afresh: read all of it
		[ "$(stat -c %s "$log")" -lt "$from" ] && from=0
	fi
	hits=$(tail -c +$((from + 1)) "$log" | grep -aE "$PATTERN")
	[ -z "$hits" ] && continue
	n=$((n + 1)); failed=$((failed + 1))
	echo "not ok $n - sanitizer reports in $name"
	echo "$hits" | head -5 | sed 's/^/# /'
done
if [ "$failed" -eq 0 ]; then
	n=$((n + 1))
	echo "ok $n - no sanitizer reports${SANITIZE:+ ($SANITIZE)} in $VAR/log"
fi
echo "1..$n"
[ "$failed" -eq 0 ]
