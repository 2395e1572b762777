# shellcheck shell=bash disable=SC2034
# Sourced by run.sh (make bench) and soak.sh (make soak): the benchmark's
# private stack (var/bench, port 8097) with its data set, seeded once in
# bulk SQL (seed.sql), and a signed-in session for the mentee of the big
# room. The caller sets its own EXIT trap (menteo-dev stop) first.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 1
export MENTEO_INSTANCE=bench MENTEO_PORT=8097 MENTEO_SMTP_PORT=2597
# as many workers per program as a deployment has by default
# (conf/menteo.conf.example): each is single-threaded and waits for
# MariaDB on every round trip, so two per program on two cores left the
# cores idle while every worker waited
export MENTEO_PROCESSES=${BENCH_PROCESSES:-4}
VAR=$ROOT/var/bench
RUN=$VAR/run
B=$ROOT/build/bench
URL=http://127.0.0.1:8097
SQL() { mariadb --no-defaults -S "$RUN/mysql.sock" -u root -N -B menteo "$@"; }
mkdir -p "$B"

# Starts the stack (its output to $1), seeds it the first time, and sets
# BIG (the 100,000-message room), DEEP (a message 1,000 back in it),
# THREAD (a public Growth Thread) and COOKIE (its mentee, signed in).
bench_stack() {
	bin/menteo-dev start > "$1" 2>&1 || { cat "$1"; exit 1; }
	if [ ! -f "$VAR/seeded" ]; then
		echo "bench: seeding 10,000 people, 3,000 mentorships, 1,000,000 messages, 100,000 entries"
		local start; start=$(date +%s)
		SQL < tests/bench/seed.sql
		touch "$VAR/seeded"
		echo "bench: seeded in $(( $(date +%s) - start )) s"
	fi
	echo "bench-password-2026" | MENTEO_CONF=$VAR/menteo.conf build/bin/menteo-passwd > "$B/hash"
	SQL -e "UPDATE users SET password_hash = '$(cat "$B/hash")' WHERE email = 'bench-u3001@bench.menteo'"
	BIG=$(SQL -e "SELECT id FROM mentorships WHERE focus = 'Bench 1'")
	DEEP=$(SQL -e "SELECT id FROM room_messages WHERE mentorship_id = $BIG ORDER BY id DESC LIMIT 1 OFFSET 1000")
	THREAD=$(SQL -e "SELECT MIN(id) FROM threads WHERE title LIKE 'Learning in public Bench %'")
	COOKIE=$(MENTEO_TEST_URL=$URL MENTEO_TEST_VAR=$VAR /usr/bin/python3 - <<'PY'
import sys
sys.path.insert(0, "tests/integration")
import menteo as m
c = m.Client()
c.get("/login")
r = c.post("/login", {"email": "bench-u3001@bench.menteo", "password": "bench-password-2026"})
assert r.status == 303, r
print("; ".join(f"{k}={v}" for k, v in c.cookies.items()))
PY
)
}
