"""Bad input never hurts a worker, swept over every route of every
program: the route tables are read from cgi-bin/*.c, the field names
from the field declarations and req_form() calls of the same file. Each
POST route gets, signed in with a valid CSRF token, bodies with bad
percent-encoding, invalid UTF-8, a NUL, over-long fields, wrong types,
impossible dates and missing fields; each GET route gets hostile query
strings. No answer may be a 5xx, and afterwards /health and each
program's main page answer 200 from the very same worker processes.

Run: MENTEO_TEST_URL=http://127.0.0.1:8091 /usr/bin/python3 test_badinput.py
"""
import glob
import hashlib
import os
import re
import secrets
import subprocess
import urllib.parse

import menteo as m

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PROGRAMS = ["home", "auth", "people", "mentorships", "roadmaps", "rooms",
            "threads", "admin"]
# POST answers a bad form may get: refused (400 bad encoding, 403,
# 404 unknown id, 409 wrong state, 422 invalid field), done (303) or
# slowed down (429, the sign-in/sign-up throttle)
POST_OK = {303, 400, 403, 404, 409, 422, 429}
LONG = "x" * 100_000


def source(prog):
    """A program's C source: cgi-bin/NAME.c, or its folder's page files."""
    one = os.path.join(ROOT, "cgi-bin", prog + ".c")
    files = [one] if os.path.exists(one) else \
        sorted(glob.glob(os.path.join(ROOT, "cgi-bin", prog, "*.c")))
    text = ""
    for f in files:
        with open(f) as fh:
            text += fh.read()
    return text


def routes():
    """(program, method, pattern, flags) from each program's table."""
    out = []
    pat = re.compile(r'\{\s*"(GET|POST)",\s*"([^"]+)",\s*\w+,\s*([\w| ]+?)\s*\}')
    for prog in PROGRAMS:
        for meth, path, flags in pat.findall(source(prog)):
            out.append((prog, meth, path, flags))
    return out


def field_names(prog):
    text = source(prog)
    names = set(re.findall(r'\{\s*"([a-z_0-9]+)",\s*F_[A-Z]+', text))
    names |= set(re.findall(r'req_form(?:_all)?\(r,\s*"([a-z_0-9]+)"', text))
    names.discard("csrf")
    return sorted(names)


# ---- arranging: people with sessions made in the database ----------------

def person(admin=False):
    c = m.Client()
    c.email = m.unique("bad") + "@example.org"
    c.slug = c.email.split("@")[0]
    m.sql("INSERT INTO users (email, email_verified_at, password_hash, "
          "display_name, bio, timezone, slug, is_admin, is_mentor, capacity) "
          "VALUES (?, UTC_TIMESTAMP(), 'x', ?, '', 'UTC', ?, ?, 1, 5)",
          c.email, "Bad " + c.slug, c.slug, 1 if admin else 0)
    c.user_id = int(m.sql_value("SELECT id FROM users WHERE email = ?", c.email))
    sign_in(c)
    return c


def sign_in(c):
    """A fresh session for c (an earlier POST may have ended it)."""
    token = secrets.token_hex(32)
    h = hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
    m.sql("UPDATE users SET disabled_at = NULL WHERE id = ?", c.user_id)
    m.sql("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) "
          "VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", h, c.user_id)
    c.cookies = {"menteo_session": token}
    c.csrf = None
    r = c.get("/")
    m.check(r.status == 200 and c.csrf, f"not signed in: {r!r}")


def last_id(table, where, *params):
    return int(m.sql_value(f"SELECT MAX(id) FROM {table} WHERE {where}", *params))


def arrange():
    a, b, adm = person(), person(), person(admin=True)
    focus = m.unique("Focus")
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, 'cultivation', ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", a.user_id, b.user_id, focus)
    mid = last_id("mentorships", "focus = ?", focus)
    m.sql("INSERT INTO goals (mentorship_id, title, measure, created_at) "
          "VALUES (?, 'Goal', 'measured', UTC_TIMESTAMP())", mid)
    m.sql("INSERT INTO roadmaps (owner_id, title, summary, created_at, updated_at) "
          "VALUES (?, 'Road', 'sum', UTC_TIMESTAMP(), UTC_TIMESTAMP())", a.user_id)
    rid = last_id("roadmaps", "owner_id = ?", a.user_id)
    # one week: a move swaps them (a move stays within its week)
    m.sql("INSERT INTO roadmap_milestones (roadmap_id, position, title, "
          "description, week_offset) VALUES (?, 1, 'M1', 'd', 2), (?, 2, 'M2', 'd', 2)",
          rid, rid)
    msid = last_id("roadmap_milestones", "roadmap_id = ?", rid)
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, "
          "due_date, position, created_at) VALUES (?, 'Applied', 'd', "
          "UTC_DATE() + INTERVAL 7 DAY, 1, UTC_TIMESTAMP())", mid)
    mmid = last_id("mentorship_milestones", "mentorship_id = ?", mid)
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'hello', UTC_TIMESTAMP())", mid, a.user_id)
    msgid = last_id("room_messages", "mentorship_id = ?", mid)
    m.sql("INSERT INTO threads (owner_id, title, purpose, visibility, created_at, "
          "updated_at) VALUES (?, 'T', 'p', 'public', UTC_TIMESTAMP(), "
          "UTC_TIMESTAMP())", a.user_id)
    tid = last_id("threads", "owner_id = ?", a.user_id)
    m.sql("INSERT INTO thread_entries (thread_id, kind, body, created_at, "
          "updated_at) VALUES (?, 'lesson', 'e', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          tid)
    eid = last_id("thread_entries", "thread_id = ?", tid)
    m.sql("INSERT INTO meetings (mentorship_id, starts_at, agenda, created_by, "
          "created_at) VALUES (?, UTC_TIMESTAMP() + INTERVAL 2 DAY, 'a', ?, "
          "UTC_TIMESTAMP())", mid, a.user_id)
    mtid = last_id("meetings", "mentorship_id = ?", mid)
    m.sql("INSERT INTO mentorship_reports (mentorship_id, reporter_id, kind, body, "
          "created_at) VALUES (?, ?, 'other', 'r', UTC_TIMESTAMP())", mid, b.user_id)
    repid = last_id("mentorship_reports", "mentorship_id = ?", mid)
    to = m.unique("out") + "@example.org"
    m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, "
          "status) VALUES ('verify', ?, 's', 'x', 'x', 'failed')", to)
    oid = last_id("outbox", "to_addr = ?", to)
    ids = {
        "/admin/mentorships": [mid], "/admin/reports": [repid],
        "/admin/outbox": [oid], "/mentorships/{id}/meetings": [mid, mtid],
        "/mentorships/{id}/roadmap": [mid, mmid], "/mentorships": [mid],
        "/roadmaps": [rid, msid], "/rooms": [mid, msgid],
        "/threads": [tid, eid],
    }
    return a, b, adm, ids


def concrete(pattern, ids, victim):
    """The pattern with real ids: the longest matching prefix wins."""
    if pattern.startswith("/admin/users/"):
        vals = [victim]
    else:
        vals = []
        for prefix in sorted(ids, key=len, reverse=True):
            if pattern.startswith(prefix):
                vals = ids[prefix]
                break
    it = iter(vals + [1] * 4)
    path = re.sub(r"\{id\}", lambda _: str(next(it)), pattern)
    return re.sub(r"\{\w+\}", "x" * 64, path)


def missing_ids(pattern):
    """The same route with ids nobody has, and one that overflows."""
    over = re.sub(r"\{id\}", "99999999999999999999", pattern, count=1)
    return [re.sub(r"\{id\}", "99999999999", pattern),
            re.sub(r"\{\w+\}", "1", over)]


STAGES = ["requested", "initiation", "separation", "ended"]


def other_stages(a, b):
    """One more mentorship per stage: (actor, mid), mentor and mentee by
    turns, so the handlers' stage and party checks see bad forms too."""
    out = []
    for i, stage in enumerate(STAGES):
        focus = m.unique("Focus")
        m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, "
              "message, stage_changed_at, created_at) VALUES (?, ?, ?, ?, '', "
              "UTC_TIMESTAMP(), UTC_TIMESTAMP())", a.user_id, b.user_id, stage,
              focus)
        out.append((b if i % 2 else a, last_id("mentorships", "focus = ?", focus)))
    return out


# ---- bodies ---------------------------------------------------------------

def enc(pairs):
    return "&".join(urllib.parse.quote(k, safe="") + "=" +
                    urllib.parse.quote(v, safe="") for k, v in pairs)


def bad_bodies(names, csrf):
    """(what, raw body bytes, answer must be 400?)"""
    first = names[0] if names else "x"
    tail = "&csrf=" + csrf
    out = [
        ("bad percent-encoding", f"{first}=%ZZ{tail}", True),
        ("truncated escape", f"{first}=abc%4{tail}", True),
        ("invalid UTF-8", f"{first}=%C0%80{tail}", True),
        ("lone surrogate", f"{first}=%ED%A0%80{tail}", True),
        ("NUL in a value", f"{first}=a%00b{tail}", True),
        ("NUL in a name", f"a%00b=1{tail}", True),
        ("missing fields", tail[1:], False),
        ("empty fields", enc([(n, "") for n in names]) + tail, False),
        ("blank fields", enc([(n, "   ") for n in names]) + tail, False),
    ]
    for what, val in [("letters", "abc"), ("huge number", "99999999999999999999"),
                      ("negative", "-5"), ("zero", "0"),
                      ("impossible date", "2026-02-30"),
                      ("bad time", "25:61"), ("control chars", "a\x01\x7fb"),
                      ("line breaks", "a\r\nBcc: x@example.org"),
                      ("markup", "<script>x</script>"),
                      ("far date", "9999-12-31")]:
        out.append((what, enc([(n, val) for n in names]) + tail, False))
    # repeated fields
    out.append(("repeated fields", enc([(n, v) for n in names for v in ("1", "2")]) + tail, False))
    # over-long: 100k characters per field, at most 8 fields per body
    # (the body cap is 1 MiB)
    for i in range(0, max(len(names), 1), 8):
        chunk = names[i:i + 8] or [first]
        out.append((f"over-long fields {i}", enc([(n, LONG) for n in chunk]) + tail, False))
    return [(w, b.encode(), must400) for w, b, must400 in out]


# ---- workers --------------------------------------------------------------

def workers(prog):
    try:
        with open(os.path.join(m.VAR, "run", prog + ".pid")) as f:
            sup = f.read().strip()
    except OSError:
        return None
    out = subprocess.run(["pgrep", "-P", sup], capture_output=True, text=True)
    return sorted(out.stdout.split()) or None


MAIN_PAGE = {"home": "/", "auth": "/settings/password", "people": "/people",
             "mentorships": "/mentorships", "roadmaps": "/roadmaps",
             "rooms": "/rooms/{mid}", "threads": "/threads", "admin": "/admin"}

# routes that end the session, the account or the thing swept: run as a
# throwaway person, or last
THROWAWAY = ("/logout", "/settings/delete", "/settings/sessions",
             "/settings/password", "/settings/email", "/verify/resend")


def order(rs):
    def key(r):
        _, meth, path, _ = r
        late = any(w in path for w in ("/delete", "/end", "/disable"))
        return (late, path.startswith("/admin"))
    return sorted(rs, key=key)


@m.test
def test_every_post_route_survives_bad_forms():
    a, b, adm, ids = arrange()
    mid = ids["/mentorships"][0]
    victim = person()
    stages = other_stages(a, b)
    before = {p: workers(p) for p in PROGRAMS}
    problems = []
    posts = order([r for r in routes() if r[1] == "POST"])
    m.check(len(posts) > 40, f"route tables not read: {len(posts)} POST routes")
    for prog, _, pattern, flags in posts:
        if "ROUTE_ADMIN" in flags:
            actor = adm
        elif pattern in THROWAWAY:
            actor = person()
        else:
            actor = a
        sign_in(actor)
        names = field_names(prog)
        paths = [concrete(pattern, ids, victim.user_id)] + missing_ids(pattern)
        for n, path in enumerate(paths):
            for what, body, must400 in (bad_bodies(names, actor.csrf) if n == 0
                                        else bad_bodies(names, actor.csrf)[:1] +
                                        bad_bodies(names, actor.csrf)[6:8]):
                r = actor.request("POST", path, body=body, raw=True, headers={
                    "Content-Type": "application/x-www-form-urlencoded"})
                ok = r.status in POST_OK and (not must400 or r.status == 400)
                if r.status >= 500 or not ok:
                    problems.append(f"{prog} POST {path} {what}: {r.status} "
                                    f"{r.text[:120]!r}")
                if actor.cookies.get("menteo_session") is None:
                    sign_in(actor)      # logged out by the route: go on
        if re.match(r"/(mentorships|rooms)/\{id\}", pattern):
            for who, other in stages:
                sign_in(who)
                path = re.sub(r"^/(\w+)/\d+", lambda g: f"/{g.group(1)}/{other}",
                              paths[0])
                for what, body, must400 in bad_bodies(names, who.csrf)[6:]:
                    r = who.request("POST", path, body=body, raw=True, headers={
                        "Content-Type": "application/x-www-form-urlencoded"})
                    if r.status not in POST_OK:
                        problems.append(f"{prog} POST {path} {what}: {r.status} "
                                        f"{r.text[:120]!r}")
        h = m.Client().get("/health")
        if h.status != 200:
            problems.append(f"/health after {pattern}: {h.status}")
    m.check(not problems, f"{len(problems)} bad answers:\n" + "\n".join(problems[:40]))
    for c in (a, adm):
        sign_in(c)
    for prog in PROGRAMS:
        page = MAIN_PAGE[prog].replace("{mid}", str(mid))
        r = (adm if prog == "admin" else a).get(page)
        m.check(r.status == 200, f"{prog} main page {page} after the sweep: {r!r}")
    after = {p: workers(p) for p in PROGRAMS}
    m.check(after == before, f"workers replaced: {before} -> {after}")


@m.test
def test_every_get_route_survives_bad_queries():
    a, b, adm, ids = arrange()
    before = {p: workers(p) for p in PROGRAMS}
    problems = []
    queries = [
        ("bad escape", "q=%ZZ", True), ("invalid UTF-8", "q=%FF%FE", True),
        ("NUL", "q=a%00b", True),
        ("wrong types", "before=abc&after=2026-02-30&status=x%27&page=-1&q=%3Cb%3E"
         "&skill=%E2%80%AE&kind=nope&tz=..%2F..%2Fetc%2Fpasswd", False),
        ("huge numbers", "before=99999999999999999999&after=-1&limit=99999999999999999999"
         "&id=-9223372036854775808&since=9999-99-99", False),
        ("long", "q=" + "y" * 4000 + "&next=%2F%2Fevil.example", False),
        ("many fields", "&".join(f"f{i}={i}" for i in range(300)), True),
    ]
    for prog, _, pattern, flags in [r for r in routes() if r[1] == "GET"]:
        actor = adm if "ROUTE_ADMIN" in flags else a
        path = concrete(pattern, ids, b.user_id)
        for what, q, must400 in queries:
            r = actor.get(path + "?" + q)
            ok = r.status < 500 and (not must400 or r.status == 400)
            if not ok:
                problems.append(f"{prog} GET {path} {what}: {r.status} {r.text[:120]!r}")
        for path in missing_ids(pattern):
            r = actor.get(path)
            if r.status >= 500:
                problems.append(f"{prog} GET {path}: {r.status}")
    m.check(not problems, f"{len(problems)} bad answers:\n" + "\n".join(problems[:40]))
    h = m.Client().get("/health")
    m.check(h.status == 200, f"/health: {h!r}")
    after = {p: workers(p) for p in PROGRAMS}
    m.check(after == before, f"workers replaced: {before} -> {after}")


if __name__ == "__main__":
    m.main()
