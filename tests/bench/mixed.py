"""The mixed run's people (tests/bench/run.sh): up to MIXED_PEOPLE (1,000)
parties of open mentorships of the bench data set, each signed in with a
session made in bulk (one INSERT: the token's hash as lib/sess.c stores
it), and the CSRF token their pages carry (lib/sess.c's derivation,
checked against a real page before anything is measured). Writes one
line a person for tests/bench/mixed.lua:
    cookie csrf mentorship thread milestone owns_thread
and checks that each kind of request the mix makes answers as it should.
Environment: MENTEO_TEST_URL, MENTEO_TEST_VAR (the bench stack), MIXED_OUT.
"""
import hashlib
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "../integration"))
import menteo as m  # noqa: E402

OPEN = "('initiation','cultivation','separation','redefinition')"
want = int(os.environ.get("MIXED_PEOPLE", "1000"))
pairs = m.sql(
    "SELECT ms.id, ms.mentor_id, ms.mentee_id, "
    " COALESCE((SELECT MIN(t.id) FROM threads t WHERE t.mentorship_id = ms.id"
    "  AND t.visibility = 'public'), 0), "
    " COALESCE((SELECT MIN(x.id) FROM mentorship_milestones x "
    "  WHERE x.mentorship_id = ms.id), 0) "
    "FROM mentorships ms WHERE ms.focus LIKE 'Bench %' AND ms.stage IN "
    + OPEN + " ORDER BY ms.id LIMIT " + str((want + 1) // 2))
with open(os.path.join(m.VAR, "secret")) as f:
    secret = f.read().strip()
# sess_init: the CSRF key is the unkeyed BLAKE2b-256 of the secret
csrf_key = hashlib.blake2b(secret.encode(), digest_size=32).digest()

# a pair with no thread of its own reads one of the public threads
public = [t for (t,) in m.sql("SELECT id FROM threads WHERE visibility = "
                              "'public' ORDER BY id LIMIT 1000")]
people, values = [], []
for mid, mentor, mentee, own_thread, milestone in pairs:
    thread = own_thread if own_thread != "0" else public[int(mid) % len(public)]
    for uid in (mentor, mentee):
        if len(people) == want:
            break
        token = os.urandom(32).hex()
        token_hash = hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
        csrf = hashlib.blake2b(token.encode(), digest_size=16,
                               key=csrf_key).hexdigest()
        values.append(f"('{token_hash}', {uid}, UTC_TIMESTAMP(), "
                      "UTC_TIMESTAMP(), 'bench mixed')")
        people.append((token, csrf, mid, thread, milestone,
                       1 if uid == mentee and own_thread != "0" else 0))
# the mixed people of an earlier run are signed out first
m.sql("DELETE FROM sessions WHERE user_agent = 'bench mixed'")
m.sql("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, "
      "user_agent) VALUES " + ", ".join(values))
# They signed in earlier today, so they count as active today, as after a
# real sign-in. Otherwise each mentor's first request would move the
# directory's version (sql/093) and every people worker would build its
# word index again: a first-request-of-the-day cost, measured apart.
if os.environ.get("MIXED_FIRST_OF_DAY") != "1":
    m.sql("UPDATE users SET last_active = UTC_DATE() WHERE id IN ("
          + ", ".join(sorted({u for p in pairs for u in p[1:3]})) + ")")


def client(p):
    c = m.Client()
    c.cookies["menteo_session"] = p[0]
    return c


# the pages carry the token computed here, and each kind of request
# answers as the mix expects (a write: 303 to its page)
owner = next(p for p in people if p[5])
c = client(owner)
r = c.get(f"/rooms/{owner[2]}")
m.check(r.status == 200 and c.csrf == owner[1],
        f"room page {r.status}, its CSRF token {c.csrf} is not {owner[1]}")
checks = [("GET", "/", None), ("GET", f"/mentorships/{owner[2]}", None),
          ("GET", f"/threads/{owner[3]}", None), ("GET", "/people?q=leadership", None),
          ("POST", f"/rooms/{owner[2]}/messages", {"body": "Mixed run check."}),
          ("POST", f"/threads/{owner[3]}/entries",
           {"kind": "update", "body": "Mixed run check."}),
          ("POST", f"/mentorships/{owner[2]}/roadmap/milestones/{owner[4]}",
           {"done": "1"})]
for method, path, form in checks:
    if method == "GET":
        r = c.get(path)
        m.check(r.status == 200, f"GET {path} answered {r.status}")
    else:
        r = c.request("POST", path, body=dict(form, csrf=owner[1]))
        m.check(r.status == 303, f"POST {path} answered {r.status}: {r.text[:300]}")
notifications = client(owner).get("/notifications").status == 200

with open(os.environ["MIXED_OUT"], "w") as f:
    for p in people:
        f.write("menteo_session=%s %s %s %s %s %d\n" % p)
print(f"mixed: {len(people)} people signed in, notifications page "
      f"{'in the mix' if notifications else 'absent (404): left out'}")
print(f"MIXED_NOTIFICATIONS={1 if notifications else 0}")
