#!/bin/bash
# The notifier's test clock (issue 9: testable time): a request made
# through the form, then `menteo-notify --now` three and fourteen days
# later: the reminder goes to the mentor once, and the request expires
# through the stage machine with the mentee told. It moves the clock for
# the whole database, so it runs alone, after the parallel tests. TAP.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export MENTEO_TEST_VAR=${MENTEO_TEST_VAR:-$ROOT/var/test}
exec /usr/bin/python3 - "$ROOT" <<'PY'
import datetime, os, subprocess, sys
root = sys.argv[1]
sys.path.insert(0, os.path.join(root, "tests/integration"))
import menteo as m

build = os.environ.get("MENTEO_BUILD", os.path.join(root, "build"))
notify = os.path.join(build, "bin/menteo-notify")
conf = os.path.join(os.path.abspath(m.VAR), "menteo.conf")


def t(name, cond, detail=""):
    print(("ok - " if cond else "not ok - ") + "clock: " + name +
          ("" if cond else f" ({detail})"), flush=True)


def run(*args):
    p = subprocess.run([notify, *args], env=dict(os.environ, MENTEO_CONF=conf),
                       capture_output=True, text=True, timeout=120)
    return p.returncode


mentor, mentee = m.make_mentor(), m.signup()
focus = m.unique("clock")
mentee.get(f"/mentorships/new?mentor={mentor.slug}")
r = mentee.post("/mentorships/new", {"mentor": mentor.slug, "focus": focus,
                                      "message": "Could you help me?"})
t("a request made through the form", r.status == 303, r.status)
mid = m.sql_value("SELECT id FROM mentorships WHERE focus = ?", focus)
now = datetime.datetime.strptime(m.sql_value("SELECT UTC_TIMESTAMP()"), "%Y-%m-%d %H:%M:%S")
at = lambda days: (now + datetime.timedelta(days=days, hours=1)).strftime("%Y-%m-%d %H:%M:%S")

t("--now with a malformed time is a usage error", run("--now", "tomorrow", "--once") == 2)
t("three days on, the scanner runs", run("--now", at(3), "--once") == 0)
keys = m.sql("SELECT dedup_key, to_addr FROM outbox WHERE dedup_key LIKE ?", f"request-3d:{mid}:%")
t("the mentor is reminded once", len(keys) == 1 and keys[0][1] == mentor.email, keys)
run("--now", at(3), "--once")
again = m.sql("SELECT COUNT(*) FROM outbox WHERE dedup_key LIKE ?", f"request-%:{mid}:%")
t("a second run at the same time queues nothing", again[0][0] == "1", again)
t("the reminder reaches the mentor's mailbox",
  bool(m.mails_to(mentor.email, subject="waiting for your answer", timeout=20)))
t("fourteen days on, the scanner runs", run("--now", at(14), "--once") == 0)
t("the request expired", m.sql_value("SELECT stage FROM mentorships WHERE id = ?", mid) == "expired")
t("by the system, as a stage event",
  m.sql_value("SELECT COUNT(*) FROM stage_events WHERE mentorship_id = ? AND to_stage = "
              "'expired' AND actor_id IS NULL", mid) == "1")
t("the mentee is told", bool(m.mails_to(mentee.email, subject="expired", timeout=20)))
PY
