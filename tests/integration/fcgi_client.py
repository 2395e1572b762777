"""A tiny FastCGI client (responder role) for talking to one program
directly on its unix socket, without a web server in between.

    from fcgi_client import request
    status, headers, body = request("/path/prog.sock", "GET", "/health")

As a script, it sends a mixed load of requests and prints a summary:
    fcgi_client.py SOCKET PROGRAM COUNT
"""
import hashlib
import os
import re
import socket
import struct
import sys
import urllib.parse

BEGIN, ABORT, END, PARAMS, STDIN, STDOUT, STDERR = 1, 2, 3, 4, 5, 6, 7
RESPONDER = 1


def _record(rtype, content=b"", rid=1):
    pad = (8 - len(content) % 8) % 8
    return struct.pack(">BBHHBx", 1, rtype, rid, len(content), pad) + \
        content + b"\0" * pad


def _length(n):
    return bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)


def _params(env):
    out = b""
    for k, v in env.items():
        k = k.encode() if isinstance(k, str) else k
        v = v.encode() if isinstance(v, str) else v
        out += _length(len(k)) + _length(len(v)) + k + v
    return out


def _recv_exact(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            raise ConnectionError("FastCGI connection closed mid-record")
        data += chunk
    return data


def request(sock_path, method, path, query="", body=b"", cookie="",
            ctype="application/x-www-form-urlencoded", content_length=None,
            timeout=120, headers=None):
    """One request; returns (status, headers as a list, body bytes)."""
    if isinstance(query, str):
        query = query.encode()
    env = {
        "GATEWAY_INTERFACE": "CGI/1.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8091",
        "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": path,
        "DOCUMENT_URI": path,
        "REQUEST_URI": path + ("?" + query.decode("latin-1") if query else ""),
        "QUERY_STRING": query,
        "HTTP_USER_AGENT": "fcgi_client",
        "HTTP_HOST": "127.0.0.1:8091",
    }
    if cookie:
        env["HTTP_COOKIE"] = cookie
    env.update(headers or {})     # more request headers, as HTTP_* names
    if body or method == "POST" or content_length is not None:
        env["CONTENT_TYPE"] = ctype
        env["CONTENT_LENGTH"] = str(len(body) if content_length is None
                                    else content_length)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(sock_path)
    try:
        out = _record(BEGIN, struct.pack(">HB5x", RESPONDER, 0))
        p = _params(env)
        for i in range(0, len(p), 65535):
            out += _record(PARAMS, p[i:i + 65535])
        out += _record(PARAMS)
        for i in range(0, len(body), 65535):
            out += _record(STDIN, body[i:i + 65535])
        out += _record(STDIN)
        try:
            s.sendall(out)
        except (BrokenPipeError, ConnectionResetError):
            pass    # it may answer (413) before reading everything
        stdout = b""
        while True:
            head = _recv_exact(s, 8)
            _, rtype, _, clen, pad = struct.unpack(">BBHHBx", head)
            content = _recv_exact(s, clen + pad)[:clen]
            if rtype == STDOUT:
                stdout += content
            elif rtype == END:
                break
    finally:
        s.close()
    head, _, resp_body = stdout.partition(b"\r\n\r\n")
    headers = []
    status = 200
    for line in head.decode("latin-1").split("\r\n"):
        k, _, v = line.partition(":")
        if k.lower() == "status":
            status = int(v.split()[0])
        headers.append((k.strip(), v.strip()))
    return status, headers, resp_body


def _cookie_from(headers, name):
    for k, v in headers:
        if k.lower() == "set-cookie" and v.startswith(name + "="):
            return v.split(";", 1)[0]
    return None


def _arrange():
    """People with sessions made straight in the database (token hashed
    as lib/sess.c does), a mentorship between two of them with a goal,
    a meeting, a roadmap, a room message, a thread and a report.
    Needs MENTEO_TEST_VAR (menteo.sql talks to that stack's MariaDB)."""
    import hashlib
    import secrets
    import menteo as m

    def person(admin=0):
        e = m.unique("leak") + "@example.org"
        slug = e.split("@")[0]
        m.sql("INSERT INTO users (email, email_verified_at, password_hash, "
              "display_name, bio, timezone, slug, is_admin, is_mentor, capacity) "
              "VALUES (?, UTC_TIMESTAMP(), 'x', ?, '', 'Europe/Berlin', ?, ?, 1, 50)",
              e, "Leak " + slug, slug, admin)
        uid = int(m.sql_value("SELECT id FROM users WHERE email = ?", e))
        token = secrets.token_hex(32)
        h = hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
        m.sql("INSERT INTO sessions (token_hash, user_id, created_at, "
              "last_seen_at) VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
              h, uid)
        return {"id": uid, "slug": slug, "cookie": "menteo_session=" + token}

    def last(table, where, *p):
        return int(m.sql_value(f"SELECT MAX(id) FROM {table} WHERE {where}", *p))

    a, b, adm = person(), person(), person(1)
    focus = m.unique("Focus")
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, 'cultivation', ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", a["id"], b["id"], focus)
    mid = last("mentorships", "focus = ?", focus)
    m.sql("INSERT INTO goals (mentorship_id, title, measure, created_at) "
          "VALUES (?, 'Goal', 'measured', UTC_TIMESTAMP())", mid)
    gid = last("goals", "mentorship_id = ?", mid)
    m.sql("INSERT INTO meetings (mentorship_id, starts_at, agenda, created_by, "
          "created_at) VALUES (?, UTC_TIMESTAMP() + INTERVAL 2 DAY, 'agenda', ?, "
          "UTC_TIMESTAMP())", mid, a["id"])
    mtid = last("meetings", "mentorship_id = ?", mid)
    m.sql("INSERT INTO roadmaps (owner_id, title, summary, created_at, updated_at) "
          "VALUES (?, 'Road', '*sum*', UTC_TIMESTAMP(), UTC_TIMESTAMP())", a["id"])
    rid = last("roadmaps", "owner_id = ?", a["id"])
    # one week: a move swaps them (a move stays within its week)
    m.sql("INSERT INTO roadmap_milestones (roadmap_id, position, title, "
          "description, week_offset) VALUES (?, 1, 'M1', 'd', 2), (?, 2, 'M2', 'd', 2)",
          rid, rid)
    msid = last("roadmap_milestones", "roadmap_id = ?", rid)
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, "
          "due_date, position, created_at) VALUES (?, 'Applied', 'd', "
          "UTC_DATE() + INTERVAL 7 DAY, 1, UTC_TIMESTAMP())", mid)
    mmid = last("mentorship_milestones", "mentorship_id = ?", mid)
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'hello **there**', UTC_TIMESTAMP())", mid, a["id"])
    msgid = last("room_messages", "mentorship_id = ?", mid)
    m.sql("INSERT INTO threads (owner_id, title, purpose, visibility, created_at, "
          "updated_at) VALUES (?, 'T', 'p', 'public', UTC_TIMESTAMP(), "
          "UTC_TIMESTAMP())", a["id"])
    tid = last("threads", "owner_id = ?", a["id"])
    m.sql("INSERT INTO thread_entries (thread_id, kind, body, created_at, "
          "updated_at) VALUES (?, 'lesson', 'entry _one_', UTC_TIMESTAMP(), "
          "UTC_TIMESTAMP())", tid)
    eid = last("thread_entries", "thread_id = ?", tid)
    m.sql("INSERT INTO mentorship_reports (mentorship_id, reporter_id, kind, body, "
          "created_at) VALUES (?, ?, 'other', 'r', UTC_TIMESTAMP())", mid, b["id"])
    repid = last("mentorship_reports", "mentorship_id = ?", mid)
    to = m.unique("out") + "@example.org"
    m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, "
          "status) VALUES ('verify', ?, 's', 'x', 'x', 'failed')", to)
    oid = last("outbox", "to_addr = ?", to)
    secret = secrets.token_hex(32)
    m.sql("UPDATE users SET calendar_secret = ? WHERE id = ?", secret, a["id"])
    # a programme the admin runs, a and b in it, the mentorship its pair
    pslug = m.unique("leakprog")
    m.sql("INSERT INTO programmes (slug, name, description, ground_rules, "
          "created_at, updated_at) VALUES (?, 'Leak cohort', 'd', 'r', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", pslug)
    pid = int(m.sql_value("SELECT id FROM programmes WHERE slug = ?", pslug))
    m.sql("INSERT INTO programme_participants (programme_id, user_id, role, "
          "status, capacity, joined_at) VALUES (?, ?, 'mentor', 'active', 2, "
          "UTC_TIMESTAMP()), (?, ?, 'mentee', 'active', NULL, UTC_TIMESTAMP())",
          pid, a["id"], pid, b["id"])
    m.sql("INSERT INTO programme_questions (programme_id, prompt, kind, choices, "
          "audience, created_at) VALUES (?, 'Which team', 'choice', 'A\nB', 'both', "
          "UTC_TIMESTAMP())", pid)
    m.sql("UPDATE mentorships SET programme_id = ? WHERE id = ?", pid, mid)
    m.sql("INSERT INTO surveys (mentorship_id, user_id, role, moment, seq, "
          "programme_id, created_at) VALUES (?, ?, 'mentee', 'start', 1, ?, "
          "UTC_TIMESTAMP())", mid, b["id"], pid)
    sid = last("surveys", "mentorship_id = ?", mid)
    m.sql("INSERT INTO notifications (user_id, kind, title, path, created_at) VALUES "
          "(?, 'mentorship', 'Leak <note>', ?, UTC_TIMESTAMP()), "
          "(?, 'survey', 'Theirs', '/', UTC_TIMESTAMP())",
          b["id"], f"/mentorships/{mid}", a["id"])
    nid = last("notifications", "user_id = ?", b["id"])
    # an invitation of two days ago, not used: sent again by the mix
    inv = m.unique("inv") + "@example.org"
    m.sql("INSERT INTO programme_invitations (programme_id, email, role, token_hash, "
          "created_at, sent_at, expires_at) VALUES (?, ?, 'mentee', SHA2(?, 256), "
          "UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY, "
          "UTC_TIMESTAMP() + INTERVAL 28 DAY)", pid, inv, inv)
    invid = last("programme_invitations", "email = ?", inv)
    # and one to decline by its link's token (lib/sess.c sess_hash: BLAKE2b)
    dtok = secrets.token_hex(32)
    m.sql("INSERT INTO programme_invitations (programme_id, email, role, token_hash, "
          "created_at, sent_at, expires_at) VALUES (?, ?, 'mentor', ?, "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 30 DAY)",
          pid, m.unique("dec") + "@example.org",
          hashlib.blake2b(dtok.encode(), digest_size=32).hexdigest())
    return dict(dtok=dtok, nid=nid, a=a, b=b, adm=adm, mid=mid, gid=gid, mtid=mtid, rid=rid,
                msid=msid, mmid=mmid, msgid=msgid, tid=tid, eid=eid,
                repid=repid, oid=oid, secret=secret, pslug=pslug, sid=sid,
                invid=invid)


def _signed_mix(program, go, x):
    """Signed-in pages and forms, valid and invalid, of one program."""
    import secrets
    csrf = {}

    def get(path, who="a", query=""):
        st, h, b = go("GET", path, query=query, cookie=x[who]["cookie"])
        if who not in csrf:
            mt = re.search(rb'name="csrf" value="([0-9a-f]+)"', b)
            if mt:
                csrf[who] = mt.group(1).decode()
        return st

    def post(path, fields, who="a"):
        if who not in csrf:
            get("/" if program == "home" else main[program], who)
        body = "&".join(f"{k}={urllib.parse.quote(str(v), safe='')}"
                        for k, v in list(fields.items()) +
                        [("csrf", csrf.get(who, "none"))])
        return go("POST", path, body=body.encode(), cookie=x[who]["cookie"])

    mid, rid, tid = x["mid"], x["rid"], x["tid"]
    ms = f"/mentorships/{mid}"
    main = {"home": "/", "auth": "/settings/password", "people": "/people",
            "mentorships": "/mentorships", "roadmaps": "/roadmaps",
            "rooms": f"/rooms/{mid}", "threads": "/threads", "admin": "/admin",
            "programmes": "/programmes"}
    pg = "/programmes/" + x["pslug"]
    mixes = {
        "home": [
            lambda: get("/"), lambda: get("/", "b"), lambda: get("/health"),
            lambda: get("/notifications", "b"),
            lambda: get("/notifications", "b", query=f"before={x['nid'] + 1}"),
            lambda: get("/notifications", query="before=x"),
            lambda: post("/notifications", {"read": str(x["nid"])}, "b"),
            lambda: post("/notifications", {"read": str(x["nid"])}),  # not a's: 404
            lambda: post("/notifications", {"read": "bogus"}, "b"),
            lambda: post("/notifications", {"read": "all"}, "b"),
        ],
        "auth": [
            lambda: get("/settings/password"), lambda: get("/settings/email"),
            lambda: get("/settings/sessions"),
            lambda: post("/settings/password", {"current": "wrong password 1",
                         "password": "short", "password2": "other"}),
            lambda: post("/settings/email", {"email": "not-an-address",
                         "password": "x"}),
            lambda: post("/settings/email", {"email": "new@example.org",
                         "password": "wrong password 22"}),
            lambda: post("/verify/resend", {}),
            lambda: get("/login", "b"), lambda: get("/signup", "b"),
        ],
        "people": [
            lambda: get("/people"), lambda: get("/people", query="q=lead&skill=hiring"),
            lambda: get("/people", query="after=2026-01-01_3_" + str(x["a"]["id"])),
            lambda: get(f"/people/{x['a']['slug']}", "b"),
            lambda: get("/people/suggestions", "b"),
            lambda: get("/people/suggestions", "b", query="programme=" + x["pslug"]),
            lambda: get("/people/suggestions", query="programme=Bad!"),
            lambda: get("/people/no-such-person"), lambda: get("/settings"),
            lambda: post("/settings", {"display_name": "Leak Person",
                         "headline": "Héadline", "bio": "*bio* [x](http://e.org)",
                         "skills": "go, c, sql", "timezone": "Europe/Berlin",
                         "mentor": "1", "capacity": "4", "slug": x["a"]["slug"]}),
            lambda: post("/settings", {"display_name": "", "timezone": "Mars/Base",
                         "capacity": "99", "slug": "Bad Slug"}),
            lambda: post("/settings/notifications", {"digest": "1"}),
        ],
        "mentorships": [
            lambda: get("/mentorships"), lambda: get("/mentorships", "b"),
            lambda: get("/mentorships/new", "b", query="mentor=" + x["a"]["slug"]),
            lambda: get(ms), lambda: get(ms, "b"), lambda: get(ms + "/contract"),
            lambda: get(ms + "/goals"), lambda: get(ms + "/review"),
            lambda: get(ms + "/record"), lambda: get(ms + "/meetings"),
            lambda: get(f"{ms}/meetings/{x['mtid']}.ics"),
            lambda: get(f"/calendar/{x['secret']}.ics"),
            lambda: post(ms + "/goals", {"title": "Ship it", "measure": "shipped",
                         "target_date": "2030-01-31"}),
            lambda: post(ms + "/goals", {"title": "", "target_date": "2026-02-30"}),
            lambda: post(ms + "/meetings", {"date": "2030-03-01", "time": "10:30",
                         "minutes": "45", "agenda": "Talk"}),
            lambda: post(ms + "/meetings", {"date": "2030-13-01", "time": "99:99"}),
            lambda: post(f"{ms}/meetings/{x['mtid']}", {"notes": "n", "actions": "a"}),
            lambda: post(ms + "/stage", {"to": "nowhere"}),
            lambda: post(ms + "/review", {"goal": str(x["gid"]), "outcome": "bogus"}),
            lambda: post("/mentorships/new", {"mentor": x["a"]["slug"],
                         "focus": "x", "message": "short"}, "b"),
            lambda: get("/mentorships/99999999"),
        ],
        "roadmaps": [
            lambda: get("/roadmaps"), lambda: get("/roadmaps/new"),
            lambda: get(f"/roadmaps/{rid}"), lambda: get(f"/roadmaps/{rid}/edit"),
            lambda: get(f"/roadmaps/{rid}/milestones/{x['msid']}"),
            lambda: get(ms + "/roadmap"), lambda: get(ms + "/roadmap", "b"),
            lambda: post("/roadmaps/new", {"title": "New road", "summary": "s",
                         "visibility": "private"}),
            lambda: post("/roadmaps/new", {"title": "", "visibility": "nope"}),
            lambda: post(f"/roadmaps/{rid}/milestones", {"title": "Step",
                         "description": "d", "week_offset": "3"}),
            lambda: post(f"/roadmaps/{rid}/milestones", {"title": "",
                         "week_offset": "-4"}),
            lambda: post(f"/roadmaps/{rid}/milestones/{x['msid']}/move", {"dir": "up"}),
            lambda: post(f"/roadmaps/{rid}/edit", {"title": "Road 2", "summary": "s2"}),
            lambda: post(f"{ms}/roadmap/milestones/{x['mmid']}",
                         {"done": "1", "due_date": "2030-01-01"}),
            lambda: post(f"{ms}/roadmap/milestones/{x['mmid']}", {"due_date": "2026-02-30"}),
            lambda: post(ms + "/roadmap", {"roadmap": "99999999", "start_date": "2030-01-01"}),
        ],
        "rooms": [
            lambda: get(f"/rooms/{mid}"), lambda: get(f"/rooms/{mid}", "b"),
            lambda: get(f"/rooms/{mid}", query=f"before={x['msgid'] + 1}"),
            lambda: get(f"/rooms/{mid}/messages/{x['msgid']}/edit"),
            lambda: post(f"/rooms/{mid}/messages", {"body": "Hi *there*, see <b>x</b>"}),
            lambda: post(f"/rooms/{mid}/messages", {"body": "reply",
                         "reply_to": str(x["msgid"])}, "b"),
            lambda: post(f"/rooms/{mid}/messages", {"body": "   "}),
            lambda: post(f"/rooms/{mid}/messages/{x['msgid']}", {"body": "edited"}),
            lambda: post(f"/rooms/{mid}/messages/{x['msgid']}", {"body": ""}),
            lambda: get("/rooms/99999999"),
            lambda: get(f"/rooms/{mid}/latest", "b"),
            lambda: go("GET", f"/rooms/{mid}/latest", cookie=x["b"]["cookie"],
                       headers={"HTTP_IF_NONE_MATCH": '"1.2"'}),
        ],
        "threads": [
            lambda: get("/threads"), lambda: get("/threads/new"),
            lambda: get(f"/threads/{tid}"), lambda: get(f"/threads/{tid}", "b"),
            lambda: get(f"/threads/{tid}.atom"),
            lambda: get(f"/threads/{tid}", query="kind=lesson"),
            lambda: get(f"/threads/{tid}/entries/{x['eid']}"),
            lambda: post("/threads/new", {"title": "Thread", "purpose": "p",
                         "visibility": "private"}),
            lambda: post("/threads/new", {"title": "", "visibility": "x"}),
            lambda: post(f"/threads/{tid}/entries", {"kind": "lesson",
                         "body": "# Learned\n\n*this*"}),
            lambda: post(f"/threads/{tid}/entries", {"kind": "nope", "body": ""}),
            lambda: post(f"/threads/{tid}/entries/{x['eid']}/comments",
                         {"body": "nice"}, "b"),
            lambda: post(f"/threads/{tid}/entries/{x['eid']}", {"kind": "lesson",
                         "body": "edited"}),
        ],
        "programmes": [
            lambda: get("/programmes"), lambda: get(pg), lambda: get(pg, "b"),
            lambda: get(pg + "/join", "b"), lambda: get("/programmes/new", "adm"),
            lambda: get(pg + "/settings", "adm"), lambda: get(pg + "/invitations", "adm"),
            lambda: get(pg + "/invitations", "adm", query="state=expired&q=%C3%B6x&before=9"),
            lambda: get(pg + "/invitations", "adm", query="state=gone"),
            lambda: get(pg + "/participants", "adm", query="role=mentor&status=active"),
            lambda: get(pg + "/participants", "adm", query="status=nope"),
            lambda: get(pg + "/dashboard", "adm"), lambda: get(pg + "/export.csv", "adm"),
            lambda: get(pg + "/surveys.csv", "adm"), lambda: get(f"{pg}/pairs/{mid}", "adm"),
            lambda: get(f"/surveys/{x['sid']}", "b"), lambda: get(f"/surveys/{x['sid']}"),
            lambda: get("/programmes/no-such-one"), lambda: get(pg + "/dashboard"),
            lambda: get(pg + "/matching", "adm"),
            lambda: get(pg + "/matching", "adm", query="auto=1&min=0"),
            lambda: post(pg + "/matching", {"mentee": x["b"]["id"],
                         "mentor": x["a"]["id"]}, "adm"),
            lambda: post(pg + "/matching", {"auto": "1", "pairs": "1:x"}, "adm"),
            lambda: get(pg + "/join", query="invite=" + "0" * 64),
            lambda: post("/programmes/new", {"name": "P", "slug": "lp-" +
                         secrets.token_hex(4), "join": "open", "mentor_approval": "0",
                         "review_weeks": "8", "cadence": "weekly"}, "adm"),
            lambda: post("/programmes/new", {"name": "", "slug": "BAD SLUG",
                         "review_weeks": "0"}, "adm"),
            lambda: post(pg + "/settings", {"question": "Why?", "kind": "choice",
                         "choices": "a\nb", "audience": "both"}, "adm"),
            lambda: post(pg + "/settings", {"survey_question": "Useful?",
                         "survey_kind": "score"}, "adm"),
            lambda: post(pg + "/invitations", {"emails": "x@example.org\nbad\n"
                         "x@example.org\n\"Doe, J\u00f6\" <jd@example.org>",
                         "role": "mentee"}, "adm"),
            lambda: post(pg + "/participants/99999999", {"action": "approve"}, "adm"),
            lambda: post(pg + "/participants/99999999", {"action": "restore"}, "adm"),
            lambda: post(f"{pg}/pairs/{mid}", {"action": "take_back"}, "adm"),
            lambda: post(pg + "/pairs/99999999", {"action": "take_back"}, "adm"),
            lambda: post(pg + "/invitations/99999999", {"action": "withdraw"}, "adm"),
            lambda: post(f"{pg}/invitations/{x['invid']}", {"action": "resend"}, "adm"),
            lambda: post(f"/surveys/{x['sid']}", {"q_clarity": "9"}, "b"),
            lambda: post(pg + "/join", {"role": "mentor"}),
            lambda: get(pg + "/decline", query="invite=" + x["dtok"]),
            lambda: post(pg + "/decline", {"invite": x["dtok"]}),
            lambda: get(pg + "/decline", query="invite=%00"),
            lambda: post(pg + "/decline", {}),
        ],
        "admin": [
            lambda: get("/admin", "adm"), lambda: get(f"/admin/mentorships/{mid}", "adm"),
            lambda: get("/admin/reports", "adm"),
            lambda: get("/admin/reports", "adm", query="status=closed"),
            lambda: get("/admin/outbox", "adm", query="status=failed"),
            lambda: get("/admin/users", "adm", query="q=leak"),
            lambda: get("/admin/roadmaps", "adm"), lambda: get("/admin", "a"),
            lambda: get("/reports/new", "b", query=f"mentorship={mid}"),
            lambda: get("/settings/export", "b"), lambda: get("/settings/delete", "b"),
            lambda: post(f"/admin/reports/{x['repid']}", {"note": "looked"}, "adm"),
            lambda: post(f"/admin/outbox/{x['oid']}/retry", {}, "adm"),
            lambda: post(f"/admin/mentorships/{mid}/end", {"reason": ""}, "adm"),
            lambda: post("/reports/new", {"mentorship": str(mid), "kind": "other",
                         "body": "Something"}, "b"),
            lambda: post("/reports/new", {"mentorship": "abc", "kind": "x"}, "b"),
            lambda: post("/settings/delete", {"password": "wrong"}, "b"),
        ],
    }
    p = main[program]
    common = [
        lambda: get(p), lambda: get(p + "/no-such-page"),
        lambda: go("DELETE", p, cookie=x["a"]["cookie"]),
        lambda: go("POST", p, body=b"a=%ZZ", cookie=x["a"]["cookie"]),
        lambda: go("POST", p, body=b"a=1&csrf=nope", cookie=x["a"]["cookie"]),
        lambda: go("GET", p, query=b"q=\xc0\x80", cookie=x["a"]["cookie"]),
    ]
    return mixes[program] + common


def load(sock_path, program, count):
    """A mixed load: pages, errors, bad encodings, forms; signed in as
    people arranged in the database when MENTEO_TEST_VAR is set.
    Returns {status: n}."""
    seen = {}

    def go(*a, **kw):
        st, h, b = request(sock_path, *a, **kw)
        seen[st] = seen.get(st, 0) + 1
        return st, h, b

    token = "ab" * 32
    mix = [
        lambda: go("GET", "/"),
        lambda: go("HEAD", "/"),
        lambda: go("GET", "/health"),
        lambda: go("GET", "/no-such-page"),
        lambda: go("DELETE", "/"),
        lambda: go("GET", "/", query="q=%ZZ"),
        lambda: go("GET", "/", query="q=a%00b"),
        lambda: go("GET", "/", query=b"q=\xff\xfe"),
        lambda: go("GET", "/", query="q=%C3%A9t%C3%A9&x=1&x=2"),
        lambda: go("POST", "/", body=b"name=%C0%80"),
        lambda: go("POST", "/", body=b"a=1&csrf=nope"),
        lambda: go("POST", "/", body=b"", content_length=5000000),
        lambda: go("GET", "/", cookie="menteo_session=" + token),
        lambda: go("GET", "/", cookie="menteo_flash=Saved%2E; a=\"q\"; ;"),
        lambda: go("GET", "/", cookie="bad=\xff"),
    ]
    if program == "auth":
        def login_form():
            st, h, b = go("GET", "/login")
            pre = _cookie_from(h, "menteo_pre")
            m = re.search(rb'name="csrf" value="([0-9a-f]+)"', b)
            if pre and m:
                go("POST", "/login", cookie=pre,
                   body=b"email=nobody%40example.org&password=wrong+password+1&csrf="
                   + m.group(1))
        mix += [
            lambda: go("GET", "/login"),
            lambda: go("GET", "/signup"),
            lambda: go("GET", "/login", query="next=%2F%2Fevil.com"),
            lambda: go("POST", "/login", body=b"email=a%40b.org&password=x"),
            lambda: go("POST", "/signup", body=b"email=%ZZ"),
            lambda: go("GET", "/reset"),
            lambda: go("GET", "/verify", query="token=" + token),
            lambda: go("GET", "/link", query="t=%00"),
            login_form,
        ]
    if os.environ.get("MENTEO_TEST_VAR"):
        signed = _signed_mix(program, go, _arrange())
        # mostly signed-in traffic, some of the anonymous mix
        mix = signed + signed + mix[:6] if program != "auth" else signed + mix
    for i in range(count):
        mix[i % len(mix)]()
    return seen


if __name__ == "__main__":
    result = load(sys.argv[1], sys.argv[2], int(sys.argv[3]))
    print(" ".join(f"{k}:{v}" for k, v in sorted(result.items())))
