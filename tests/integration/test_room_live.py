"""A room's new messages appear without reloading when JavaScript runs
(issue 21 item 10): the page names /rooms/{id}/latest and the ETag of
what it shows; the script asks again with If-None-Match. Nothing new:
304 after the one query that loads the room. Something new: the list as
the page shows it. The page itself needs no script (its form posts)."""
import html
import re
import time

import menteo as m
from test_rooms import message_time, pair, posted, person

m._tests.clear()  # importing test_rooms registered its tests: run only these


def live(page):
    got = re.search(r'data-latest="([^"]+)" data-etag="([^"]+)"', page)
    m.check(got, "the room page names its live list")
    return got.group(1), html.unescape(got.group(2))


def statements_of_one_request(fn):
    """The statements of the worker that ran the room query with the
    session for fn()'s one request."""
    return m.statements_of_one_request(fn, "%room_versions%token_hash%")


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
    counting = [s[:80] for c, s in stmts if s.startswith("SELECT") and
                "notifications" in s[:80]]
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


@m.test
def test_a_304_never_keeps_a_closed_edit_window_an_old_zone_or_name():
    """Issue 20: the live list's ETag names all its bytes depend on, the
    clock's part included. With nothing written, the edit window of the
    viewer's message closes: the next poll is the list without the Edit
    link, not a 304. Likewise after the viewer changed their time zone,
    and after the other party changed their name."""
    a, b, mid = pair()
    first = posted(a, mid, "Editable words")
    posted(b, mid, "An answer")
    m.sql("UPDATE room_messages SET created_at = UTC_TIMESTAMP() - INTERVAL 897 "
          "SECOND WHERE id = ?", first)
    edit = f"/rooms/{mid}/messages/{first}/edit"
    r = a.get(f"/rooms/{mid}")
    m.check(edit in r.text, "the Edit link within 15 minutes")
    url, etag = live(r.text)
    m.check(a.get(url, headers={"If-None-Match": etag}).status == 304,
            "nothing new within the window")
    time.sleep(4)
    r = a.get(url, headers={"If-None-Match": etag})
    m.check(r.status == 200 and edit not in r.text,
            f"after 15 minutes: {r.status}, Edit link {'shown' if edit in r.text else 'gone'}")
    etag = r.header("ETag")
    m.check(a.get(url, headers={"If-None-Match": etag}).status == 304, "then nothing new")
    # the viewer's zone
    utc = message_time(r.text, first)
    m.sql("UPDATE users SET timezone = 'Asia/Tokyo' WHERE id = ?", a.user_id)
    r = a.get(url, headers={"If-None-Match": etag})
    m.check(r.status == 200 and message_time(r.text, first) != utc,
            f"times in the zone the viewer left: {r.status}")
    etag = r.header("ETag")
    m.check(a.get(url, headers={"If-None-Match": etag}).status == 304, "then nothing new")
    # the other party's name, which the list shows as an author's
    m.sql("UPDATE users SET display_name = 'Renamed Mentee' WHERE id = ?", b.user_id)
    r = a.get(url, headers={"If-None-Match": etag})
    m.check(r.status == 200 and "Renamed Mentee" in r.text, f"an old name: {r.status}")
    # a tag of another shape is never echoed back
    r = a.get(url, headers={"If-None-Match": r.header("ETag")[:-1] + 'x"'})
    m.check(r.status == 200, f"a tag of no known shape: {r.status}")


if __name__ == "__main__":
    m.main()
