#!/bin/bash
# The database goes away under a running stack and comes back: /health
# answers 503 while it is down, 200 once it is back, and no FastCGI
# process is restarted on the way (the workers reconnect by themselves).
# Prints TAP. Uses the stack at MENTEO_TEST_URL whose state is in
# MENTEO_TEST_VAR (default: the test instance, var/test on port 8091).
# It stops that stack's MariaDB: never point it at a stack others use.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
URL=${MENTEO_TEST_URL:-http://127.0.0.1:8091}
VAR=$(cd "${MENTEO_TEST_VAR:-$ROOT/var/test}" && pwd)
RUN=$VAR/run
# bin/menteo-dev names an instance by its folder under var/
if [ "$VAR" = "$ROOT/var" ]; then INSTANCE=dev; else INSTANCE=$(basename "$VAR"); fi

n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else nok "$what"; fi; }

status() { curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$URL/health"; }
# every one of several tries, so that each worker answers at least once
all_status() {
	local want=$1 i s
	for i in 1 2 3 4 5 6 7 8; do
		s=$(status)
		[ "$s" = "$want" ] || { echo "# try $i: /health answered $s, want $want"; return 1; }
	done
}
workers() {	# the FastCGI processes of every program: supervisors and workers
	local prog p
	for prog in $(ls "${MENTEO_BUILD:-$ROOT/build}/cgi-bin"); do
		p=$(cat "$RUN/$prog.pid" 2>/dev/null) || continue
		kill -0 "$p" 2>/dev/null || continue
		echo "$p"; pgrep -P "$p"
	done | sort -n | tr '\n' ' '
}
home_workers() { pgrep -P "$(cat "$RUN/home.pid" 2>/dev/null)" 2>/dev/null | sort -n | tr '\n' ' '; }

echo "1..10"
check "/health answers 200 with the database up" all_status 200
before=$(workers); home_before=$(home_workers)
[ -n "$home_before" ] && ok "home has workers: $home_before" || nok "no home workers under $RUN/home.pid"

db_pid=$(cat "$RUN/mariadb.pid" 2>/dev/null)
if [ -z "$db_pid" ] || ! kill -0 "$db_pid" 2>/dev/null; then
	nok "MariaDB is running ($RUN/mariadb.pid)"; exit 1
fi
kill -TERM "$db_pid"
for _ in $(seq 300); do kill -0 "$db_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$db_pid" 2>/dev/null; then nok "MariaDB stopped"; else ok "MariaDB stopped"; fi

check "/health answers 503 with the database down" all_status 503

if MENTEO_INSTANCE=$INSTANCE "$ROOT/bin/menteo-dev" db-start > /dev/null 2>&1; then
	ok "MariaDB started again"
else
	nok "MariaDB started again (bin/menteo-dev db-start)"
fi

# the workers reconnect on their next request; give them a moment
for _ in $(seq 50); do [ "$(status)" = 200 ] && break; sleep 0.2; done
check "/health answers 200 once the database is back" all_status 200
after=$(workers)
if [ "$before" = "$after" ] && [ "$home_before" = "$(home_workers)" ]; then
	ok "no FastCGI process restarted"
else
	nok "no FastCGI process restarted"
	echo "# before: $before"; echo "# after:  $after"
fi

# Code newer than the schema (installed, not yet migrated): an admin's
# walk found /health "ok" and the pages saying the database was down.
sql() { mariadb --no-defaults -S "$RUN/mysql.sock" -u root -N menteo -e "$1"; }
newest=$(sql "SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1")
# put back whatever happens: the stack serves the other checks after this
trap 'sql "INSERT IGNORE INTO schema_migrations (version) VALUES ('"'"'$newest'"'"')"
	sql "RENAME TABLE roadmaps_hidden TO roadmaps" 2>/dev/null' EXIT
sql "DELETE FROM schema_migrations WHERE version = '$newest'"
body=$(curl -s --max-time 20 "$URL/health")
check "/health answers 503 with the newest migration not applied" all_status 503
check "... and says so (got: $body)" grep -q "schema behind this code: run menteo-admin migrate ($newest)" <<<"$body"
sql "INSERT INTO schema_migrations (version) VALUES ('$newest')"
sql "RENAME TABLE roadmaps TO roadmaps_hidden"
page=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$URL/roadmaps")
sql "RENAME TABLE roadmaps_hidden TO roadmaps"
check "a page reading a table the schema lacks answers 500, not \"database down\" 503 (got $page)" [ "$page" = 500 ]
[ "$failed" -eq 0 ]
