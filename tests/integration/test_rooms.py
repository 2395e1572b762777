"""Mentorship rooms (docs/product.md: Mentorship Rooms; issue 7): only the two parties read and
post; Markdown comes back inert; replies quote; edits for 15 minutes;
keyset paging; unread marker and counts; closed rooms are read-only; the
page query uses the (mentorship_id, id) key whatever the depth."""
import hashlib
import html
import os
import re
import secrets
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import menteo as m  # noqa: E402

# The query the room page runs, read from cgi-bin/rooms.c (page_sql) so
# the EXPLAIN below is always of the real text.
def _page_sql():
    src = open(os.path.join(os.path.dirname(__file__), "../../cgi-bin/rooms.c")).read()
    body = re.search(r"page_sql\[\] =(.*?);\n", src, re.S).group(1)
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', body))


PAGE_SQL = _page_sql()

# Unread counts per mentorship for one user (given to the dashboard).
UNREAD_SQL = (
    "SELECT ms.id, COUNT(rm.id) AS unread "
    "FROM mentorships ms "
    "LEFT JOIN room_reads rr ON rr.mentorship_id = ms.id AND rr.user_id = ? "
    "LEFT JOIN room_messages rm ON rm.mentorship_id = ms.id "
    "AND rm.id > COALESCE(rr.last_read_id, 0) AND rm.author_id <> ? "
    "WHERE ms.mentor_id = ? OR ms.mentee_id = ? "
    "GROUP BY ms.id")


def person(name=None, tz="UTC"):
    """A fresh, verified, signed-in account. Through the real sign-up
    forms when MENTEO_ROOMS_SIGNUP=1; otherwise made directly (a user
    row and a session whose token hash is what lib/sess.c computes), so
    these tests do not depend on the mail pipeline."""
    if os.environ.get("MENTEO_ROOMS_SIGNUP") == "1":
        c = m.signup(name=name)
        m.sql("UPDATE users SET timezone = ? WHERE id = ?", tz, c.user_id)
        c.name = name or m.sql_value(
            "SELECT display_name FROM users WHERE id = ?", c.user_id)
        return c
    c = m.Client()
    c.email = m.unique("room") + "@example.org"
    c.slug = c.email.split("@")[0]
    c.name = name or ("Person " + c.slug)
    m.sql("INSERT INTO users (email, email_verified_at, password_hash, "
          "display_name, bio, timezone, slug) VALUES "
          "(?, UTC_TIMESTAMP(), 'x', ?, '', ?, ?)", c.email, c.name, tz, c.slug)
    c.user_id = int(m.sql_value("SELECT id FROM users WHERE email = ?", c.email))
    token = secrets.token_hex(32)
    h = hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
    m.sql("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) "
          "VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", h, c.user_id)
    c.cookies["menteo_session"] = token
    r = c.get("/")
    m.check(r.status == 200 and c.csrf, f"not signed in: {r!r}")
    return c


def mentorship(mentor, mentee, stage="cultivation"):
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, ?, ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          mentor.user_id, mentee.user_id, stage, "Focus " + m.unique("f"))
    return int(m.sql_value("SELECT MAX(id) FROM mentorships WHERE mentor_id = ? "
                           "AND mentee_id = ?", mentor.user_id, mentee.user_id))


def pair(stage="cultivation"):
    a = person("Mentor " + m.unique("a"))
    b = person("Mentee " + m.unique("b"))
    return a, b, mentorship(a, b, stage)


def post(c, mid, body, reply_to=None):
    c.get(f"/rooms/{mid}")
    data = {"body": body}
    if reply_to is not None:
        data["reply_to"] = str(reply_to)
    return c.post(f"/rooms/{mid}/messages", data)


def posted(c, mid, body, reply_to=None):
    r = post(c, mid, body, reply_to)
    m.check(r.status == 303, f"post: {r!r}")
    g = re.fullmatch(r"(?:https?://[^/]+)?/rooms/(\d+)#m(\d+)", r.location or "")
    m.check(g and int(g.group(1)) == mid, f"redirect: {r.location}")
    return int(g.group(2))


def message_ids(page):
    return [int(x) for x in re.findall(r'<li class="message[^"]*" id="m(\d+)"', page)]


def message_html(page, msg_id):
    g = re.search(r'<li class="message[^"]*" id="m%d">(.*?)</div>\n</li>' % msg_id,
                  page, re.S)
    m.check(g, f"message {msg_id} not on the page")
    return g.group(1)


def unread(user):
    rows = m.sql(UNREAD_SQL, user.user_id, user.user_id, user.user_id, user.user_id)
    return {int(k): int(v) for k, v in rows}


@m.test
def test_parties_post_and_reply_with_quote():
    a, b, mid = pair()
    first = posted(a, mid, "Welcome! **Let us** start with your goals for the "
                   "next quarter. " + "More words here. " * 20)
    r = a.get(f"/rooms/{mid}")
    m.check(r.status == 200, repr(r))
    m.check(f'id="m{first}"' in r.text)
    m.check("<strong>Let us</strong>" in r.text, "Markdown not rendered")
    second = posted(b, mid, "Thanks, here they are.", reply_to=first)
    m.check(second > first)
    r = b.get(f"/rooms/{mid}")
    msg = message_html(r.text, second)
    q = re.search(r'<blockquote class="reply"><a href="#m%d">([^<]*)</a>: ([^<]*)'
                  r'</blockquote>' % first, msg)
    m.check(q, f"no reply quote: {msg}")
    m.check(html.unescape(q.group(1)) == a.name, f"quote author {q.group(1)}")
    quote = html.unescape(q.group(2))
    m.check(quote.startswith("Welcome! Let us start"), f"quote text {quote!r}")
    m.check("**" not in quote and len(quote) <= 141, f"quote not brief: {quote!r}")
    m.check(quote.endswith("\u2026"), "long quote not cut")
    # the composer quotes what is being answered, as the reply will
    r = b.get(f"/rooms/{mid}?reply_to={first}")
    form = r.text[r.text.find('id="composer"'):]
    m.check(f'name="reply_to" value="{first}"' in form, "no reply field")
    m.check(q.group(0) in form, f"the composer does not quote it: {form[:900]}")
    m.check('aria-describedby="body-hint replying-hint"' in form, "not described")
    # author names on the page, newest page oldest-first
    m.check(message_ids(r.text) == [first, second])
    m.check(html.escape(a.name) in message_html(r.text, first))
    rows = m.sql("SELECT author_id, reply_to FROM room_messages WHERE id = ?", second)
    m.check(rows == [[str(b.user_id), str(first)]], f"stored {rows}")
    # the quote reads as the message does: its words, "<" and ">" as typed,
    # no list markers (it read "<scriptalert(1)</script" and "- one")
    third = posted(a, mid, "- one <b>x</b>\n- two, a > b")
    r = b.get(f"/rooms/{mid}?reply_to={third}")
    q = re.search(r'<blockquote class="reply"><a href="#m%d">[^<]*</a>: ([^<]*)'
                  r'</blockquote>' % third, r.text)
    m.check(q and html.unescape(q.group(1)) == "one <b>x</b> two, a > b",
            f"quoted as {q and html.unescape(q.group(1))!r}")


@m.test
def test_reply_to_must_be_same_room():
    a, b, mid = pair()
    c, d, other = pair()
    foreign = posted(c, other, "in another room")
    r = post(a, mid, "my answer", reply_to=foreign)
    m.check(r.status == 422, repr(r))
    m.check("my answer" in r.text, "text not kept")
    m.check("reply to a message of this room" in r.text)
    # nor quoted, nor offered again: the next post is a message of its own
    m.check("in another room" not in r.text and 'name="reply_to"' not in r.text,
            "another room's message quoted")
    r = a.get(f"/rooms/{mid}?reply_to={foreign}")
    m.check(r.status == 200 and "in another room" not in r.text
            and 'name="reply_to"' not in r.text, "a foreign reply offered")
    m.check(m.sql_value("SELECT COUNT(*) FROM room_messages WHERE mentorship_id = ?",
                        mid) == "0")
    r = post(a, mid, "bad reply", reply_to="abc")
    m.check(r.status == 422, repr(r))


@m.test
def test_outsider_and_admin_refused():
    a, b, mid = pair()
    posted(a, mid, "private words")
    outsider = person()
    admin = person()
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", admin.user_id)
    for who in (outsider, admin):
        r = who.get(f"/rooms/{mid}")
        m.check(r.status == 403, f"GET: {r!r}")
        m.check("private words" not in r.text)
        # signed in: their dashboard offered, not "Sign in"
        m.check("Signed in as" in r.text and "Go to your dashboard" in r.text and
                'href="/login"' not in r.text, f"the 403 as to a visitor: {r.text[:1500]!r}")
        r = who.post(f"/rooms/{mid}/messages", {"body": "let me in"})
        m.check(r.status == 403, f"POST: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM room_messages WHERE mentorship_id = ? "
                        "AND body = 'let me in'", mid) == "0")
    anon = m.Client()
    r = anon.get(f"/rooms/{mid}")
    m.check(r.status == 303 and "/login" in r.location, repr(r))
    r = a.get("/rooms/999999999")
    m.check(r.status == 404, repr(r))


@m.test
def test_outsider_costs_only_the_403():
    """Issue 19 item 11: an outsider's GET /rooms/{id} wrote "db: no
    column none_live" to the log every time; anyone signed in could
    flood it. Now the room query's own answer refuses them: 403, and
    not one log line."""
    a, b, mid = pair()
    outsider = person()
    log = os.path.join(m.VAR, "log", "rooms.log")
    before = os.path.getsize(log)
    for _ in range(20):
        r = outsider.get(f"/rooms/{mid}")
        m.check(r.status == 403 and "only they can read it" in r.text, repr(r))
    time.sleep(0.5)
    with open(log, errors="replace") as f:
        f.seek(before)
        grown = f.read()
    m.check(grown == "", f"an outsider's visits were logged: {grown[:300]!r}")
    r = a.get(f"/rooms/{mid}")
    m.check(r.status == 200, f"the party still gets in: {r!r}")


@m.test
def test_markdown_is_inert():
    a, b, mid = pair()
    body = ("Hello <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n"
            "[x](javascript:alert(1)) [site](https://example.org/page) "
            "<a href=\"javascript:alert(2)\">raw</a>\n\n- one\n- two\n")
    msg_id = posted(a, mid, body)
    r = b.get(f"/rooms/{mid}")
    msg = message_html(r.text, msg_id)
    low = msg.lower()
    m.check("<script" not in low, "script passed through")
    m.check("<img" not in low, "img passed through")
    m.check("onerror" not in low or "onerror=alert" not in low.replace("&", "")
            or "<img" not in low, "handler attribute")
    m.check('href="javascript' not in low and "javascript:" not in
            " ".join(re.findall(r'href="([^"]*)"', low)), "javascript: href")
    links = re.findall(r"<a [^>]*>", msg)
    ext = [x for x in links if "https://example.org/page" in x]
    m.check(ext, f"link missing: {links}")
    m.check('rel="nofollow noopener"' in ext[0], f"no rel: {ext[0]}")
    m.check("<li>one</li>" in msg, "list not rendered")
    # the whole page, not just the message: nothing executable leaked
    m.check("<script>alert" not in r.text and "onerror=alert(1)>" not in r.text)


@m.test
def test_raw_html_is_shown_as_typed():
    """cmark's safe mode omitted a block of raw HTML whole: a message that
    began with a tag lost every word of its paragraph; then tags were
    dropped and their words kept, so "a Vec<String>" read "a Vec" and
    nothing told its author (found walking the product). What looks
    like HTML is shown as typed, and never passed through."""
    a, b, mid = pair()
    body = ("<div class=x>Plan the week</div> **still here**\n\n"
            "In Rust a Vec<String> and <span onclick=\"alert(1)\">that</span> one\n\n"
            "<script>alert(1)</script> should not run")
    msg_id = posted(a, mid, body)
    msg = message_html(b.get(f"/rooms/{mid}").text, msg_id)
    msg = msg[msg.index('<div class="body prose">') + 24:]     # the message's own
    words = re.sub(r"\s+", " ", m.unescaped(re.sub(r"<[^>]+>", "", msg)))
    # a block of HTML holds no Markdown (CommonMark): its text as typed
    m.check("<div class=x>Plan the week</div> **still here**" in words,
            f"a block's words: {words!r}")
    m.check('In Rust a Vec<String> and <span onclick="alert(1)">that</span> one'
            in words, f"inline: {words!r}")
    m.check("<script>alert(1)</script> should not run" in words, f"a script: {words!r}")
    m.check("<div" not in msg and "<span" not in msg and "<script" not in msg,
            f"a tag passed through: {msg!r}")


@m.test
def test_length_limits():
    a, b, mid = pair()
    r = post(a, mid, "   \n  ")
    m.check(r.status == 422, f"empty: {r!r}")
    m.check('id="body-error"' in r.text and 'aria-invalid="true"' in r.text)
    long_text = "z" * 19990 + "LONGMARKER1"   # 20,001 characters
    r = post(a, mid, long_text)
    m.check(r.status == 422, f"20001: {r!r}")
    m.check(long_text in r.text, "text not kept")
    m.check("This is too long: 20000 characters at most, and it has 20001." in r.text,
            "the limit and by how much")
    m.check(m.sql_value("SELECT COUNT(*) FROM room_messages WHERE mentorship_id = ?",
                        mid) == "0")
    ok = "\u00e9" * 20000   # 20,000 characters, 40,000 bytes
    msg_id = posted(a, mid, ok)
    m.check(m.sql_value("SELECT CHAR_LENGTH(body) FROM room_messages WHERE id = ?",
                        msg_id) == "20000")


@m.test
def test_time_in_viewer_zone():
    a, b, mid = pair()
    m.sql("UPDATE users SET timezone = 'Asia/Tokyo' WHERE id = ?", b.user_id)
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'timed', '2026-01-15 10:00:00')", mid, a.user_id)
    r = b.get(f"/rooms/{mid}")
    m.check("15 Jan 2026, 19:00" in r.text, "not in the viewer's zone")
    r = a.get(f"/rooms/{mid}")
    m.check("15 Jan 2026, 10:00" in r.text, "not UTC for a UTC viewer")
    m.check('datetime="2026-01-15T10:00:00Z"' in r.text)


@m.test
def test_edit_within_15_minutes():
    a, b, mid = pair()
    msg_id = posted(a, mid, "first draft")
    r = a.get(f"/rooms/{mid}")
    m.check(f"/rooms/{mid}/messages/{msg_id}/edit" in r.text, "no edit link")
    m.check(f"/rooms/{mid}/messages/{msg_id}/edit" not in b.get(f"/rooms/{mid}").text,
            "edit link shown to the other party")
    r = a.get(f"/rooms/{mid}/messages/{msg_id}/edit")
    m.check(r.status == 200 and "first draft" in r.text, repr(r))
    r = a.post(f"/rooms/{mid}/messages/{msg_id}", {"body": ""})
    m.check(r.status == 422, f"empty edit: {r!r}")
    r = a.post(f"/rooms/{mid}/messages/{msg_id}", {"body": "second _draft_"})
    m.check(r.status == 303, repr(r))
    r = b.get(f"/rooms/{mid}")
    msg = message_html(r.text, msg_id)
    m.check("<em>draft</em>" in msg and "first draft" not in msg)
    m.check('class="edited"' in msg, "not shown as edited")
    m.check(m.sql_value("SELECT edited_at IS NOT NULL FROM room_messages WHERE id = ?",
                        msg_id) == "1")


@m.test
def test_a_room_takes_nothing_once_its_pair_ended_meanwhile():
    """A post and an edit checked the pair open, then wrote: a pair that
    ended between the two took a message after its end (found in a
    review). The write reads the stage under the lock it takes on the
    pair's row: 409, nothing written."""
    def ended(mid):
        return (f"UPDATE mentorships SET stage = 'ended', stage_changed_at = "
                f"UTC_TIMESTAMP() WHERE id = {mid}")
    a, b, mid = pair()
    b.get(f"/rooms/{mid}")
    r = m.committed_meanwhile(ended(mid), lambda: b.post(
        f"/rooms/{mid}/messages", {"body": "Words after the end"}), "")
    m.check(r.status == 409 and "ended while you wrote" in m.unescaped(r.text),
            f"a post as the pair ended: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM room_messages WHERE mentorship_id = ?",
                        mid) == "0", "a message stored after the end")
    a, b, mid = pair()
    msg_id = posted(a, mid, "before the end")
    a.get(f"/rooms/{mid}/messages/{msg_id}/edit")
    r = m.committed_meanwhile(ended(mid), lambda: a.post(
        f"/rooms/{mid}/messages/{msg_id}", {"body": "changed after it"}), "")
    m.check(r.status == 409 and "ended while you edited" in m.unescaped(r.text),
            f"an edit as the pair ended: {r!r}")
    m.check(m.sql_value("SELECT body FROM room_messages WHERE id = ?", msg_id) ==
            "before the end", "a message changed after the end")


@m.test
def test_edit_refused_after_15_minutes_and_to_others():
    a, b, mid = pair()
    msg_id = posted(a, mid, "old words")
    r = b.get(f"/rooms/{mid}/messages/{msg_id}/edit")
    m.check(r.status == 403, f"other GET: {r!r}")
    r = b.post(f"/rooms/{mid}/messages/{msg_id}", {"body": "hijack"})
    m.check(r.status == 403, f"other POST: {r!r}")
    outsider = person()
    r = outsider.post(f"/rooms/{mid}/messages/{msg_id}", {"body": "hijack"})
    m.check(r.status == 403, f"outsider POST: {r!r}")
    a.get(f"/rooms/{mid}")
    m.sql("UPDATE room_messages SET created_at = UTC_TIMESTAMP() - INTERVAL 16 MINUTE "
          "WHERE id = ?", msg_id)
    # an edit link opened late leads back to the room, saying why
    r = a.get(f"/rooms/{mid}/messages/{msg_id}/edit")
    m.check(r.status == 303 and r.location == f"/rooms/{mid}#m{msg_id}" and
            "can no longer be edited" in m.unescaped(a.follow(r).text), repr(r))
    # an edit saved late keeps what was typed, to post as a new message
    # (a bare 409 page lost it: found walking)
    r = a.post(f"/rooms/{mid}/messages/{msg_id}", {"body": "too late, but **kept**"})
    t = m.unescaped(r.text)
    m.check(r.status == 409 and "Your change was not saved" in t and
            "too late, but **kept**" in t and f'action="/rooms/{mid}/messages"' in r.text,
            f"a late edit: {r.status} {t[t.find('<main'):][:900]}")
    m.check(m.sql_value("SELECT body FROM room_messages WHERE id = ?", msg_id)
            == "old words")
    r = a.post(f"/rooms/{mid}/messages", {"body": "too late, but **kept**"})
    m.check(r.status == 303, f"posted as a new message: {r!r}")
    m.check(f"/messages/{msg_id}/edit" not in a.get(f"/rooms/{mid}").text)
    # a message of another room through this room's path is unknown here
    c, d, other = pair()
    theirs = posted(c, other, "theirs")
    r = a.get(f"/rooms/{mid}/messages/{theirs}/edit")
    m.check(r.status == 404, repr(r))


@m.test
def test_paging_back_through_120_messages():
    a, b, mid = pair()
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "SELECT ?, IF(seq % 2, ?, ?), CONCAT('bulk message ', seq), UTC_TIMESTAMP() "
          "FROM seq_1_to_120 ORDER BY seq", mid, a.user_id, b.user_id)
    all_ids = [int(x[0]) for x in m.sql(
        "SELECT id FROM room_messages WHERE mentorship_id = ? ORDER BY id", mid)]
    m.check(len(all_ids) == 120)
    seen, path, pages = [], f"/rooms/{mid}", []
    while path:
        r = a.get(path)
        m.check(r.status == 200, repr(r))
        ids = message_ids(r.text)
        m.check(ids == sorted(ids), "page not oldest-first")
        pages.append(ids)
        seen = ids + seen
        g = re.search(r'href="/rooms/%d\?before=(\d+)"[^>]*>Older messages' % mid, r.text) \
            or re.search(r'rel="prev" href="/rooms/%d\?before=(\d+)"' % mid, r.text)
        path = f"/rooms/{mid}?before={g.group(1)}" if g else None
        m.check(len(pages) <= 4, "too many pages")
    m.check([len(p) for p in pages] == [50, 50, 20], f"page sizes {[len(p) for p in pages]}")
    m.check(seen == all_ids, "not every message exactly once, in order")
    m.check(pages[1] == all_ids[20:70] and pages[0] == all_ids[70:])
    r = a.get(f"/rooms/{mid}?before={all_ids[0]}")
    m.check(r.status == 200 and message_ids(r.text) == [], "before the first")
    r = a.get(f"/rooms/{mid}?before=abc")
    m.check(r.status == 400, repr(r))


@m.test
def test_page_larger_than_a_record_arrives_whole():
    """A page over 64 KB leaves its worker as several FastCGI records of
    its own in one writev (lib/resp.c resp_records): the web server gets
    every byte once, in order, its Content-Length right, and a HEAD the
    same headers and no body."""
    a, b, mid = pair()
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "SELECT ?, IF(seq % 2, ?, ?), CONCAT(REPEAT('long line of text ', 200), "
          "'end-of-', seq), UTC_TIMESTAMP() FROM seq_1_to_50 ORDER BY seq",
          mid, a.user_id, b.user_id)
    r = a.get(f"/rooms/{mid}")
    m.check(r.status == 200 and len(r.body) > 3 * 65535,
            f"a page of {len(r.body)} bytes, not over three records")
    # (Apache's mod_proxy_fcgi may send it chunked, without the length)
    m.check(r.header("Content-Length") in (None, str(len(r.body))),
            f"Content-Length {r.header('Content-Length')} is not the length "
            f"of the body received, {len(r.body)}")
    m.check(all(r.text.count(f"end-of-{i}<") == 1 for i in range(1, 51)),
            "a message is missing from the page, or shown twice")
    m.check(r.text.rstrip().endswith("</html>"), "the page is cut short")
    r = a.get(f"/rooms/{mid}")    # read now: no unread marks, as the HEAD
    h = a.request("HEAD", f"/rooms/{mid}")
    m.check(h.status == 200 and h.body == b"" and
            h.header("Content-Length") in (None, str(len(r.body))),
            f"HEAD: {h!r} {h.header('Content-Length')} (GET {len(r.body)})")


@m.test
def test_unread_marker_and_counts():
    a, b, mid = pair()
    m.check(unread(a).get(mid) == 0, "unread before any message")
    mine = posted(a, mid, "from a")
    m.check(unread(a).get(mid) == 0, "own messages are not unread")
    m.check(unread(b).get(mid) == 1)
    x1 = posted(b, mid, "from b one")
    x2 = posted(b, mid, "from b two")
    m.check(unread(a)[mid] == 2, f"a unread {unread(a)}")
    r = a.get(f"/rooms/{mid}")
    page = r.text
    mk = page.find('class="unread-marker"')
    m.check(mk > 0 and "New messages" in page[mk:mk + 200], "no unread marker")
    m.check(page.find(f'id="m{mine}"') < mk < page.find(f'id="m{x1}"'),
            "marker not before the first unread")
    m.check(page.count('class="unread-marker"') == 1)
    m.check(m.sql_value("SELECT last_read_id FROM room_reads WHERE mentorship_id = ? "
                        "AND user_id = ?", mid, a.user_id) == str(x2))
    m.check(unread(a)[mid] == 0, "count not back to zero")
    r = a.get(f"/rooms/{mid}")
    m.check('class="unread-marker"' not in r.text, "marker after reading")
    x3 = posted(b, mid, "from b three")
    m.check(unread(a)[mid] == 1)
    # an older page does not move the position
    a.get(f"/rooms/{mid}?before={x3}")
    m.check(unread(a)[mid] == 1, "older page marked read")
    r = a.get(f"/rooms/{mid}")
    mk = r.text.find('class="unread-marker"')
    m.check(r.text.find(f'id="m{x2}"') < mk < r.text.find(f'id="m{x3}"'))
    m.check(unread(a)[mid] == 0)
    # b read a's message when opening the room to post; a new one from a
    m.check(unread(b)[mid] == 0, f"b unread {unread(b)}")
    posted(a, mid, "from a again")
    m.check(unread(b)[mid] == 1)
    b.get(f"/rooms/{mid}")
    m.check(unread(b)[mid] == 0)


def last_read(c, mid):
    return m.sql_value("SELECT last_read_id FROM room_reads WHERE "
                       "mentorship_id = ? AND user_id = ?", mid, c.user_id)


@m.test
def test_the_posters_own_message_costs_no_read_mark():
    """The page a post leads to showed the poster their own message past
    their read position, and each such view wrote room_reads: a write for
    every message posted (0.03 a request of the bench's mix), for nothing,
    as one's own messages are never unread. Only the other's move it."""
    a, b, mid = pair()
    x = posted(b, mid, "from b")
    a.get(f"/rooms/{mid}")
    m.check(last_read(a, mid) == str(x), "b's message read")
    mine = posted(a, mid, "from a")
    r, stmts = m.statements_of_one_request(lambda: a.get(f"/rooms/{mid}"),
                                           "%room_versions%token_hash%")
    m.check(r.status == 200 and f'id="m{mine}"' in r.text, f"room: {r!r}")
    m.check(not [a for _, a in stmts if "INSERT INTO room_reads" in a],
            f"the poster's view wrote a read mark: {stmts}")
    m.check(last_read(a, mid) == str(x) and unread(a)[mid] == 0,
            "own message unread, or the position moved")
    # the other's message after it still moves the position past both
    y = posted(b, mid, "from b again")
    m.check(unread(a)[mid] == 1)
    a.get(f"/rooms/{mid}")
    m.check(last_read(a, mid) == str(y) and unread(a)[mid] == 0,
            f"read to {last_read(a, mid)}, not {y}")


@m.test
def test_closed_mentorship_is_read_only():
    a, b, mid = pair()
    msg_id = posted(a, mid, "before the end")
    m.sql("UPDATE mentorships SET stage = 'ended' WHERE id = ?", mid)
    r = b.get(f"/rooms/{mid}")
    m.check(r.status == 200 and "before the end" in r.text, repr(r))
    m.check(f'action="/rooms/{mid}/messages' not in r.text, "form still shown")
    m.check("takes no new messages" in r.text, "no closed note")
    r = b.post(f"/rooms/{mid}/messages", {"body": "after the end"})
    m.check(r.status == 409, repr(r))
    m.check("closed" in r.text)
    r = a.post(f"/rooms/{mid}/messages/{msg_id}", {"body": "edit after end"})
    m.check(r.status == 409, repr(r))
    m.check(m.sql_value("SELECT COUNT(*) FROM room_messages WHERE mentorship_id = ?",
                        mid) == "1")
    for stage in ("declined", "withdrawn", "expired"):
        m.sql("UPDATE mentorships SET stage = ? WHERE id = ?", stage, mid)
        r = a.post(f"/rooms/{mid}/messages", {"body": "x"})
        m.check(r.status == 409, f"{stage}: {r!r}")


def explain(mid, before):
    return [dict(zip(["id", "select_type", "table", "type", "possible_keys", "key",
                      "key_len", "ref", "rows", "extra"], row))
            for row in m.sql("EXPLAIN " + PAGE_SQL, mid, before)]


def rows_read(mid, before):
    """Index entries really read from room_messages m (ANALYZE r_rows)."""
    out = m.sql("ANALYZE FORMAT=JSON " + PAGE_SQL, mid, before)
    text = "\n".join("\t".join(r) for r in out).replace("\\n", "\n")
    g = re.search(r'"table_name": "m".*?"r_rows": ([0-9.]+)', text, re.S)
    m.check(g, f"no r_rows in {text[:500]}")
    return float(g.group(1))


@m.test
def test_page_query_plan_first_and_deep():
    a, b, mid = pair()
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "SELECT ?, ?, CONCAT('plan ', seq), UTC_TIMESTAMP() FROM seq_1_to_300", mid,
          a.user_id)
    m.sql("ANALYZE TABLE room_messages")
    lo, hi = (int(x) for x in m.sql(
        "SELECT MIN(id), MAX(id) FROM room_messages WHERE mentorship_id = ?", mid)[0])
    plans = []
    # the first page; one page back; deep in the history
    for before in (9223372036854775807, hi - 100, lo + 60):
        rows = explain(mid, before)
        plans.append([(x["table"], x["type"], x["key"], x["key_len"]) for x in rows])
        first = rows[0]
        m.check(first["table"] == "m", f"first table {rows}")
        m.check(first["key"] == "room_messages_room", f"key {rows}")
        # range on both parts (mentorship_id, id): not ref on mentorship_id
        # alone, which walks back from the newest message and filters
        m.check(first["type"] == "range" and first["key_len"] == "16", f"type {rows}")
        for x in rows:
            m.check("filesort" not in (x["extra"] or ""), f"filesort {rows}")
            m.check(x["type"] != "ALL", f"table scan {rows}")
        m.check(rows[1]["type"] == "eq_ref" and rows[1]["key"] == "PRIMARY",
                f"reply join {rows}")
        n = rows_read(mid, before)
        m.check(n <= 51, f"read {n} index entries for before={before}")
    m.check(plans[0] == plans[1] == plans[2], f"plans differ: {plans}")


@m.test
def test_refused_message_keeps_its_line_breaks():
    a, b, mid = pair()
    body = "First line\nsecond line\n\n- a point"
    r = post(a, mid, body, reply_to=999999999)
    m.check(r.status == 422, repr(r))
    g = re.search(r'<textarea id="body"[^>]*>(.*?)</textarea>', r.text, re.S)
    m.check(g, "no composer")
    m.check(html.unescape(g.group(1)) == body, f"typed text changed: {g.group(1)!r}")




def message_class(page, msg_id):
    g = re.search(r'<li class="([^"]*)" id="m%d">' % msg_id, page)
    m.check(g, f"message {msg_id} not on the page")
    return g.group(1).split()


def message_time(page, msg_id):
    g = re.search(r'id="m%d">.*?<time [^>]*>([^<]*)</time>' % msg_id, page, re.S)
    m.check(g, f"message {msg_id} has no time")
    return g.group(1)


@m.test
def test_kept_pages_follow_every_write():
    """Each worker keeps a room page's rows under the room's version
    (lib/kept.h, sql/092), and the laid-out list of messages under that
    and all the list shows besides (cgi-bin/rooms.c room_list_key):
    whoever writes, whoever looks, every worker's next view is right.
    Eight views each time so that every worker answers some."""
    a, b, mid = pair()
    first = posted(a, mid, "kept one")

    def views(c, path=f"/rooms/{mid}"):
        return [c.get(path).text for _ in range(8)]

    for page in views(b) + views(a):
        m.check(first in message_ids(page), "posted message missing")
    # written by SQL, as an admin might: a trigger moves the version
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'from *SQL*', UTC_TIMESTAMP())", mid, b.user_id)
    by_sql = int(m.sql_value("SELECT MAX(id) FROM room_messages WHERE mentorship_id = ?", mid))
    for page in views(a):
        m.check(by_sql in message_ids(page) and "<em>SQL</em>" in message_html(page, by_sql),
                "a message written by SQL not shown by every worker")
    m.sql("UPDATE room_messages SET body = 'changed by SQL' WHERE id = ?", by_sql)
    for page in views(a) + views(b):
        msg = message_html(page, by_sql)
        m.check("changed by SQL" in msg and "from" not in msg, "a stale message shown")
    # an edit through the page
    r = a.post(f"/rooms/{mid}/messages/{first}", {"body": "kept one, edited"})
    m.check(r.status == 303, repr(r))
    for page in views(b):
        m.check("kept one, edited" in message_html(page, first), "a stale edit shown")
    # names are not kept with the rows
    m.sql("UPDATE users SET display_name = 'Renamed Mentor' WHERE id = ?", a.user_id)
    for page in views(b):
        m.check("Renamed Mentor" in message_html(page, first), "an old name shown")
    # what differs by viewer: their own messages, their zone, their reading
    def mine_only_for_a():
        for pa, pb in zip(views(a), views(b)):     # every worker: a's, then b's
            m.check("mine" in message_class(pa, first) and
                    "mine" not in message_class(pb, first), "someone else's list shown")

    mine_only_for_a()
    utc = message_time(views(b)[0], first)
    m.sql("UPDATE users SET timezone = 'Asia/Tokyo' WHERE id = ?", b.user_id)
    m.check(all(message_time(p, first) != utc for p in views(b)),
            "times in the zone the viewer left")
    m.sql("UPDATE users SET timezone = 'UTC' WHERE id = ?", b.user_id)
    m.check(all(message_time(p, first) == utc for p in views(b)), "times not back in UTC")
    news = posted(a, mid, "kept news")
    seen = views(b)
    m.check('id="new"' in seen[0] and "unread" in message_class(seen[0], news),
            "a new message not marked new on the first view")
    m.check(not any('id="new"' in p for p in seen[1:]), "still marked new once read")
    # the edit window closes by time alone, with nothing written
    # 8 s before it closes: the views before it take their time on a
    # slow (sanitized) build and a busy host
    m.sql("UPDATE room_messages SET created_at = UTC_TIMESTAMP() - INTERVAL 892 SECOND "
          "WHERE id = ?", first)
    planned = time.monotonic()
    edit = f"/rooms/{mid}/messages/{first}/edit"
    m.check(all(edit in p for p in views(a)), "no edit link at 14:52")
    time.sleep(max(0.0, planned + 9 - time.monotonic()))
    m.check(not any(edit in p for p in views(a)), "edit link still shown after 15 minutes")
    # deleted by SQL
    m.sql("DELETE FROM room_messages WHERE id = ?", by_sql)
    for page in views(b):
        m.check(by_sql not in message_ids(page), "a deleted message shown")
    # nothing editable, both read to the end: only who looks tells them apart
    m.sql("UPDATE room_messages SET created_at = created_at - INTERVAL 1 HOUR "
          "WHERE mentorship_id = ?", mid)
    mine_only_for_a()
    mine_only_for_a()
    # closed: read only, for every worker
    reply = f"/rooms/{mid}?reply_to={first}"
    m.check(all(reply in p for p in views(b)), "no reply link in an open room")
    m.sql("UPDATE mentorships SET stage = 'ended' WHERE id = ?", mid)
    m.check(not any(reply in p for p in views(b)), "reply links in a closed room")


@m.test
def test_kept_lists_of_pages_ending_alike():
    """Two pages of a short room end at the same oldest message: the newest
    page and one further back. Each worker keeps each page's own list.
    Seen by the other party, who has none of them to edit."""
    a, b, mid = pair()
    ids = [posted(a, mid, f"alike {i}") for i in range(3)]
    for _ in range(4):
        newest = b.get(f"/rooms/{mid}").text
        back = b.get(f"/rooms/{mid}?before={ids[2]}").text
        m.check(message_ids(newest) == ids, f"newest page: {message_ids(newest)}")
        m.check(message_ids(back) == ids[:2], f"page before the third: {message_ids(back)}")


@m.test
def test_room_page_session_rules():
    """The room page loads the session in its own query (ROUTE_OWN_SESSION,
    cgi-bin/rooms.c room_query): the same rules as every other page. Each
    way a session ends sends the next view to the sign-in page, on every
    worker; activity is recorded; what the viewer changed shows at once."""
    a, b, mid = pair()
    path = f"/rooms/{mid}"

    def views(c):
        return [c.get(path) for _ in range(4)]

    def session_of(c):
        return m.sql_value("SELECT MAX(id) FROM sessions WHERE user_id = ?", c.user_id)

    def to_login(c, why):
        for r in views(c):
            m.check(r.status == 303 and "/login?next=" in r.location, f"{why}: {r!r}")

    m.check(all(r.status == 200 for r in views(a) + views(b)), "not shown to the parties")
    # activity: last seen (at most every 15 minutes with a week's idle
    # limit) and last active (once a day)
    sid = session_of(b)
    m.sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 5 MINUTE "
          "WHERE id = ?", sid)
    m.check(b.get(path).status == 200, "not shown")
    m.check(m.sql_value("SELECT last_seen_at < UTC_TIMESTAMP() - INTERVAL 4 MINUTE "
                        "FROM sessions WHERE id = ?", sid) == "1",
            "last seen written again 5 minutes after")
    m.sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 16 MINUTE "
          "WHERE id = ?", sid)
    m.sql("UPDATE users SET last_active = UTC_DATE() - INTERVAL 2 DAY WHERE id = ?", b.user_id)
    m.check(b.get(path).status == 200, "not shown")
    m.check(m.sql_value("SELECT last_seen_at > UTC_TIMESTAMP() - INTERVAL 1 MINUTE "
                        "FROM sessions WHERE id = ?", sid) == "1", "last seen not recorded")
    m.check(m.sql_value("SELECT last_active = UTC_DATE() FROM users WHERE id = ?",
                        b.user_id) == "1", "last active not recorded")
    # the viewer's own changes, at once: name in the header
    m.sql("UPDATE users SET display_name = 'Mentee Renamed' WHERE id = ?", b.user_id)
    m.check(all('title="Your public profile">Mentee Renamed<' in r.text for r in views(b)),
            "the viewer's old name in the header")
    # idle too long, too old, signed out elsewhere, disabled
    m.sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 8 DAY "
          "WHERE id = ?", session_of(b))
    to_login(b, "an idle session")
    b = person("Mentee again")
    m.sql("UPDATE mentorships SET mentee_id = ? WHERE id = ?", b.user_id, mid)
    m.check(all(r.status == 200 for r in views(b)), "the new mentee refused")
    m.sql("UPDATE sessions SET created_at = UTC_TIMESTAMP() - INTERVAL 31 DAY "
          "WHERE id = ?", session_of(b))
    to_login(b, "a session past its lifetime")
    m.check(all(r.status == 200 for r in views(a)), "the mentor refused")
    m.sql("DELETE FROM sessions WHERE user_id = ?", a.user_id)
    to_login(a, "a session signed out elsewhere")
    a = person("Mentor again")
    m.sql("UPDATE mentorships SET mentor_id = ? WHERE id = ?", a.user_id, mid)
    m.check(all(r.status == 200 for r in views(a)), "the new mentor refused")
    m.sql("UPDATE users SET disabled_at = UTC_TIMESTAMP() WHERE id = ?", a.user_id)
    to_login(a, "a disabled account")
    r = a.get("/")
    m.check(r.status == 200 and "Sign out" not in r.text, "still signed in elsewhere")


if __name__ == "__main__":
    sys.exit(m.main())
