#!/bin/bash
# A worker whose MariaDB went away and came back reconnects on its next
# request, also when that request needs a statement it never prepared
# (a failed prepare used to hide the "server has gone away" error, so
# such a worker answered 503 to every new statement until restarted).
# One fresh worker of people on its own socket, with an empty statement
# cache; the stack's MariaDB is stopped and started (bin/menteo-dev
# db-start): never point this at a stack others use. Prints TAP.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$(cd "${MENTEO_TEST_VAR:-$ROOT/var/test}" && pwd)
BUILD=${MENTEO_BUILD:-$ROOT/build}
export MENTEO_CONF=${MENTEO_CONF:-$VAR/menteo.conf}
if [ "$VAR" = "$ROOT/var" ]; then INSTANCE=dev; else INSTANCE=$(basename "$VAR"); fi
OUT=$ROOT/build/leaks/$INSTANCE
SOCK=$OUT/reconnect.sock
mkdir -p "$OUT"; rm -f "$SOCK"

n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
get() {	# status of one request to the lone worker
	/usr/bin/python3 -c 'import sys; sys.path.insert(0, sys.argv[1])
from fcgi_client import request
print(request(sys.argv[2], "GET", sys.argv[3])[0])' "$ROOT/tests/integration" "$SOCK" "$1" 2>/dev/null || echo none
}

MENTEO_NO_PREFORK=1 spawn-fcgi -n -s "$SOCK" -- "$BUILD/cgi-bin/people" \
	>> "$OUT/reconnect.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 100); do [ -S "$SOCK" ] && break; sleep 0.1; done
s=$(get /people)
[ "$s" = 200 ] && ok "a fresh worker serves /people" || nok "a fresh worker serves /people ($s)"

logged=$(stat -c %s "$OUT/reconnect.log")
db_pid=$(cat "$VAR/run/mariadb.pid" 2>/dev/null)
kill -TERM "$db_pid" 2>/dev/null
for _ in $(seq 300); do kill -0 "$db_pid" 2>/dev/null || break; sleep 0.1; done
if MENTEO_INSTANCE=$INSTANCE "$ROOT/bin/menteo-dev" db-start > /dev/null 2>&1; then
	ok "MariaDB stopped and started again"
else
	nok "MariaDB stopped and started again"
fi
# statements this worker never prepared: an unknown profile is a 404
got=""
for _ in 1 2 3; do got="$got $(get /people/no-such-person-here)"; done
[ "$got" = " 404 404 404" ] && ok "after the restart, new statements work (404s)" ||
	nok "after the restart, new statements work:$got"
s=$(get /people)
[ "$s" = 200 ] && ok "after the restart, /people answers 200" || nok "after the restart, /people ($s)"
# requests that succeeded on a new link log no error (the admin's walk
# found "2006 Server has gone away" logged as one after every restart)
new=$(tail -c +$((logged + 1)) "$OUT/reconnect.log")
if grep -q " error: .*gone away" <<<"$new" || ! grep -q "a new one opened" <<<"$new"; then
	nok "the restart logged as an error: $(grep ' error: ' <<<"$new" | head -2)"
else
	ok "the restart is logged as the new link, not as an error"
fi
echo "1..$n"
[ "$failed" -eq 0 ]
