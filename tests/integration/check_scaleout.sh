#!/bin/bash
# Scale-out on one machine: a second web node (its own programs, nginx and
# notifier on port 8094) against the test stack's MariaDB. A person signs
# in on one node and goes on on the other; a burst of mail queued at once
# is delivered exactly once by the two notifiers racing for it. TAP.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR1=${MENTEO_TEST_VAR:-$ROOT/var/test}
N1=${MENTEO_TEST_URL:-http://127.0.0.1:8091}
P2=${MENTEO_NODE2_PORT:-8094}
N2=http://127.0.0.1:$P2
export MENTEO_INSTANCE=node2-$P2 MENTEO_PORT=$P2 MENTEO_DB_FROM=$VAR1 MENTEO_BASE_PORT=${N1##*:}
if ! "$ROOT/bin/menteo-dev" start > /dev/null 2>&1; then
	echo "not ok - scale-out: second node starts"; exit 0
fi
echo "ok - scale-out: second node starts against the same database"
/usr/bin/python3 - "$N1" "$N2" "$VAR1" <<'PY'
import os, sys, time, uuid
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath("tests/integration/menteo.py"))))
import menteo as m
n1, n2, var1 = sys.argv[1:4]

def t(name, cond):
    print(("ok - " if cond else "not ok - ") + "scale-out: " + name, flush=True)

c = m.signup()                       # on node 1
m.BASE = n2                          # same cookie, other node
r = c.get("/settings")
t("a session made on node 1 is valid on node 2",
  r.status == 200 and 'name="display_name"' in r.text)
r = c.post("/settings", {"display_name": "Two Nodes", "headline": "", "bio": "",
                         "skills": "", "timezone": "UTC", "capacity": "0", "slug": c.slug})
t("a form from node 2 is accepted (shared CSRF secret)", r.status == 303)
t("the change is in the shared database",
  m.sql_value("SELECT display_name FROM users WHERE id = ?", c.user_id) == "Two Nodes")

tag = uuid.uuid4().hex[:8]
rows = ", ".join(f"('test', 'burst-{tag}-{i}@example.org', 'Burst {tag} {i}', 'x', '<p>x</p>')"
                 for i in range(60))
m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html) VALUES " + rows)
deadline = time.time() + 60
while time.time() < deadline:
    if m.sql_value("SELECT COUNT(*) FROM outbox WHERE subject LIKE ? AND status = 'queued'",
                   f"Burst {tag} %") == "0":
        break
    time.sleep(0.5)
time.sleep(1)
seen = {}
for d in ("new", "cur"):
    for f in os.listdir(os.path.join(var1, "mail", d)):
        with open(os.path.join(var1, "mail", d, f), "rb") as fh:
            head = fh.read(4000).decode("utf-8", "replace")
        for line in head.splitlines():
            if line.startswith("Subject:") and f"Burst {tag} " in line:
                seen[line] = seen.get(line, 0) + 1
t("60 mails raced by two notifiers all arrive", len(seen) == 60)
t("and each exactly once", all(v == 1 for v in seen.values()))
sent_by = m.sql("SELECT COUNT(*) FROM outbox WHERE subject LIKE ? AND status = 'sent'", f"Burst {tag} %")
t("all marked sent", sent_by[0][0] == "60")
PY
"$ROOT/bin/menteo-dev" stop > /dev/null 2>&1
