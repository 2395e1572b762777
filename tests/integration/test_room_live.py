"""A room's new messages appear without reloading when JavaScript runs
(issue 21 item 10): the page names /rooms/{id}/latest and the ETag of
what it shows; the script asks again with If-None-Match. Nothing new:
304 after the one query that loads the room. Something new: the list as
the page shows it. The page itself needs no script (its form posts)."""
import html
import re
import time

import menteo as m
from test_rooms import pair, posted, person

m._tests.clear()  # importing test_rooms registered its tests: run only these


def live(page):
    got = re.search(r'data-latest="([^"]+)" data-etag="([^"]+)"', page)
    m.check(got, "the room page names its live list")
    return got.group(1), html.unescape(got.group(2))


def statements_of_one_request(fn):
    """The statements the worker that served fn()'s one request ran for it,
    from MariaDB's general log: the thread that ran the room query
    with the session (the stack's notifier runs beside it)."""
    m.sql("SET GLOBAL log_output = 'TABLE'")
    m.sql("TRUNCATE mysql.general_log")
    m.sql("SET GLOBAL general_log = 1")
    try:
        out = fn()
    finally:
        m.sql("SET GLOBAL general_log = 0")
    rows = m.sql("SELECT thread_id, command_type, LEFT(argument, 80), "
                 "argument LIKE '%room_versions%token_hash%' FROM mysql.general_log WHERE "
                 "command_type IN ('Execute', 'Query') ORDER BY event_time")
    threads = {t for t, c, a, room in rows if room == "1"}
    m.check(len(threads) == 1, f"one worker served it: {rows}")
    return out, [(c, a) for t, c, a, room in rows if t in threads]


@m.test
def test_nothing_new_is_a_304_after_one_query_and_new_messages_come():
    a, b, mid = pair()
    posted(a, mid, "First words")
    r = b.get(f"/rooms/{mid}")
    m.check(r.status == 200 and "First words" in r.text, f"room: {r!r}")
    url, etag = live(r.text)
    m.check(url == f"/rooms/{mid}/latest", url)
    r, stmts = statements_of_one_request(
        lambda: b.get(url, headers={"If-None-Match": etag}))
    m.check(r.status == 304 and r.body == b"", f"nothing new: {r!r}")
    m.check(r.header("ETag") == etag, "the same validator")
    m.check(len(stmts) == 1, f"one query for nothing new: {stmts}")
    # the other party writes: the list comes, newest last, with a new ETag
    posted(a, mid, "Second *words*")
    r = b.get(url, headers={"If-None-Match": etag})
    m.check(r.status == 200, f"something new: {r!r}")
    m.check("<em>words</em>" in r.text and "First words" in r.text, "the list")
    m.check("<html" not in r.text and r.text.lstrip().startswith('<ol class="messages">'),
            "only the list, not a page")
    m.check(r.header("ETag") not in (None, etag), "a new validator")
    m.check("no-cache" in (r.header("Cache-Control") or ""), "revalidated, not reused")
    new = r.header("ETag")
    m.check(b.get(url, headers={"If-None-Match": new}).status == 304, "then nothing new")
    # what came is read, as on the page: no unread left for the digest
    last = m.sql_value("SELECT MAX(id) FROM room_messages WHERE mentorship_id = ?", mid)
    m.check(m.sql_value("SELECT last_read_id FROM room_reads WHERE mentorship_id = ? "
                        "AND user_id = ?", mid, b.user_id) == last, "read")
    # an edit is new too
    m.sql("UPDATE room_messages SET body = 'Changed', body_html = '<p>Changed</p>' "
          "WHERE id = ?", last)
    r = b.get(url, headers={"If-None-Match": new})
    m.check(r.status == 200 and "Changed" in r.text, f"an edit shows: {r!r}")
    # each viewer has their own validator: the mentor's is not the mentee's
    ra = a.get(url, headers={"If-None-Match": r.header("ETag")})
    m.check(ra.status == 200, f"another viewer's ETag: {ra!r}")


@m.test
def test_latest_is_the_parties_alone_and_older_pages_do_not_poll():
    a, b, mid = pair()
    posted(a, mid, "Private words")
    outsider = person()
    r = outsider.get(f"/rooms/{mid}/latest")
    m.check(r.status == 403 and "Private words" not in r.text, f"outsider: {r!r}")
    r = m.Client().get(f"/rooms/{mid}/latest")
    m.check(r.status == 303 and "/login" in r.location, f"signed out: {r!r}")
    m.check(a.get("/rooms/999999999/latest").status == 404, "no such room")
    r = a.get(f"/rooms/{mid}?before=999999999")
    m.check(r.status == 200 and "data-latest" not in r.text, "an older page stays put")


def badge(page):
    got = re.search(r'href="/notifications">.*?<span class="badge">(\d+)', page, re.S)
    return int(got.group(1)) if got else 0


@m.test
def test_the_header_count_costs_the_room_page_no_statement_and_follows_every_change():
    """The unread count comes with the session's own query (kept by
    triggers, sql/260): the room page, one query for the room and the
    session, sends no statement to count; the count follows a new, a
    read, an unread-again and a deleted notification."""
    a, b, mid = pair()
    posted(a, mid, "Hello there")
    for i in range(3):
        m.sql("INSERT INTO notifications (user_id, kind, title, path, created_at) "
              "VALUES (?, 'thread-feedback', ?, '/threads', UTC_TIMESTAMP())",
              b.user_id, f"Note {i}")
    r, stmts = statements_of_one_request(lambda: b.get(f"/rooms/{mid}"))
    m.check(r.status == 200 and badge(r.text) == 3, f"count 3: {badge(r.text)}")
    counting = [s for c, s in stmts if s.startswith("SELECT") and "notifications" in s]
    m.check(counting == [], f"a statement of its own counts: {counting}")
    ids = [x[0] for x in m.sql("SELECT id FROM notifications WHERE user_id = ? "
                               "ORDER BY id", b.user_id)]
    m.sql("UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE id = ?", ids[0])
    m.check(badge(b.get("/people").text) == 2, "read one")
    m.sql("DELETE FROM notifications WHERE id = ?", ids[1])
    m.check(badge(b.get("/people").text) == 1, "deleted an unread one")
    m.sql("UPDATE notifications SET read_at = NULL WHERE id = ?", ids[0])
    m.check(badge(b.get("/people").text) == 2, "unread again")
    m.sql("DELETE FROM notifications WHERE id = ?", ids[0])
    m.sql("UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE id = ?", ids[2])
    m.check(badge(b.get("/people").text) == 0, "none left")
    m.check(m.sql_value("SELECT unread FROM notification_counts WHERE user_id = ?",
                        b.user_id) == "0", "the kept count never goes below zero")


if __name__ == "__main__":
    m.main()
