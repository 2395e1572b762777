"""In-app notifications (SPEC §14, issue 21 item 10): every e-mail event
about a mentorship, a thread or a programme is also a notification for
its recipient, written with the outbox row under the same key, exactly
once; every signed-in page shows the unread count; /notifications lists
them newest first with cursor paging; opening the page a notification is
about reads it; nobody sees another person's."""
import os
import re
import subprocess
import zlib

import menteo as m

NOTIFY = os.path.join(m.BUILD, "bin/menteo-notify")
CONF = os.path.join(os.path.abspath(m.VAR), "menteo.conf")


def notify_once(n=1):
    """n scanners at the same moment, racing on every key."""
    env = dict(os.environ, MENTEO_CONF=CONF)
    procs = [subprocess.Popen([NOTIFY, "--once"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(n)]
    for p in procs:
        _, err = p.communicate(timeout=60)
        m.check(p.returncode == 0, f"menteo-notify --once: {err!r}")


def mship(mentor, mentee, stage, focus=None, **cols):
    focus = (focus or "") + m.unique("focus")
    base = {"stage_changed_at": "UTC_TIMESTAMP()", "created_at": "UTC_TIMESTAMP()",
            "contract_version": "1"}
    base.update(cols)
    m.sql(f"INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          f"{', '.join(base)}) VALUES (?, ?, ?, ?, '', {', '.join(base.values())})",
          mentor.user_id, mentee.user_id, stage, focus)
    mid = int(m.sql_value("SELECT id FROM mentorships WHERE focus = ?", focus))
    m.sql("INSERT INTO stage_events (mentorship_id, from_stage, to_stage, created_at) "
          "VALUES (?, NULL, ?, UTC_TIMESTAMP())", mid, stage)
    return mid


def unread_badge(page):
    """The header's unread count, 0 when it shows none ("99+" beyond)."""
    link = re.search(r'<a class="notif-link" href="/notifications">(.*?)</a>', page, re.S)
    m.check(link and "Notifications" in link.group(1), "no notifications link in the header")
    got = re.search(r'<span class="badge">(\d+\+?)<span class="visually-hidden"> unread',
                    link.group(1))
    if got is None:
        return 0
    return got.group(1) if got.group(1).endswith("+") else int(got.group(1))


def notes(user_id, where="1=1", *params):
    return m.sql("SELECT id, kind, path, dedup_key, read_at IS NULL FROM notifications "
                 f"WHERE user_id = ? AND {where} ORDER BY id", user_id, *params)


@m.test
def test_each_event_once_with_its_mail_even_when_retried_and_mail_is_off():
    mentor, mentee = m.signup(), m.signup()
    # the mentee switched all mail off: the notification is still hers.
    # Before the mentorship exists: the stack's own notifier scans every
    # second, and a scan between the two mails her in earnest (a run
    # failed so once)
    m.sql("INSERT INTO mail_optouts (user_id, kind) VALUES (?, 'all')", mentee.user_id)
    mid = mship(mentor, mentee, "cultivation", review_date="UTC_DATE() + INTERVAL 7 DAY")
    notify_once(3)      # three scanners racing
    notify_once()       # and a retry of the whole scan
    for who in (mentor, mentee):
        rows = notes(who.user_id, "dedup_key LIKE ?", f"review-7d:{mid}:%")
        m.check(len(rows) == 1, f"one review notification for {who.email}: {rows}")
        m.check(rows[0][2] == f"/mentorships/{mid}/review", f"its page: {rows[0]}")
    key = notes(mentor.user_id, "dedup_key LIKE ?", f"review-7d:{mid}:%")[0][3]
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE dedup_key = ?", key) == "1",
            "the mail under the same key, once")
    mkey = notes(mentee.user_id, "dedup_key LIKE ?", f"review-7d:{mid}:%")[0][3]
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE dedup_key = ?", mkey) == "0",
            "no mail to someone who switched it off")
    # the same event from the web: a request answered once, told once
    mentor2, mentee2 = m.make_mentor(), m.signup()
    r = mentee2.get(f"/mentorships/new?mentor={mentor2.slug}")
    form = {"mentor": mentor2.slug, "focus": m.unique("focus"),
            "message": "I lead a team of six and want the next step.",
            "form_key": re.search(r'name="form_key" value="([^"]+)"', r.text).group(1)}
    r1 = mentee2.post("/mentorships/new", form)
    m.check(r1.status == 303, f"request: {r1!r}")
    r2 = mentee2.post("/mentorships/new", form)     # sent again
    rows = notes(mentor2.user_id, "kind = 'mentorship'")
    m.check(len(rows) == 1 and rows[0][3].startswith("requested:"),
            f"one notification for a request sent twice ({r2.status}): {rows}")


@m.test
def test_header_count_on_every_signed_in_page_and_read_on_visit():
    mentor, mentee = m.signup(), m.signup()
    a = mship(mentor, mentee, "cultivation", review_date="UTC_DATE() + INTERVAL 7 DAY")
    b = mship(mentor, mentee, "cultivation", review_date="UTC_DATE() + INTERVAL 1 DAY")
    notify_once()
    m.sql("UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE user_id IN (?, ?) "
          "AND kind = 'survey'", mentor.user_id, mentee.user_id)  # theirs: below
    m.check(len(notes(mentor.user_id, "read_at IS NULL")) == 2,
            f"two: {notes(mentor.user_id)}")
    for path in ("/", "/people", "/mentorships", "/threads", "/roadmaps", "/settings",
                 "/programmes", f"/mentorships/{a}", f"/rooms/{a}", "/notifications"):
        r = mentor.get(path)
        m.check(r.status == 200, f"{path}: {r.status}")
        m.check(unread_badge(r.text) == 2, f"count 2 on {path}: {unread_badge(r.text)}")
    # a form sent back with its error and a page not found are pages too
    # (SPEC 14): the count, from the session
    r = mentor.post(f"/rooms/{a}/messages", {"body": "  "})
    m.check(r.status == 422 and unread_badge(r.text) == 2,
            f"count on a refused form: {r.status} {unread_badge(r.text)}")
    r = mentor.get(f"/mentorships/{a}/review/nothing")
    m.check(r.status == 404 and unread_badge(r.text) == 2,
            f"count on a 404: {r.status} {unread_badge(r.text)}")
    # the dashboard does not say nothing waits
    home = mentor.get("/").text
    m.check("Nothing waits for you right now" not in home, "dashboard lies")
    m.check(f'href="/mentorships/{a}/review"' in home, "the unread one on the dashboard")
    # opening the page reads its notification, and only that one
    r = mentor.get(f"/mentorships/{a}/review")
    m.check(r.status == 200 and unread_badge(r.text) == 1, "read on visit")
    unread = [row for row in notes(mentor.user_id) if row[4] == "1"]
    m.check([u[2] for u in unread] == [f"/mentorships/{b}/review"], f"left: {unread}")
    # the other party's stay theirs
    m.check(unread_badge(mentee.get("/").text) == 2, "the mentee's count unchanged")
    # a page that is not shown (404) reads nothing
    mentor.get(f"/mentorships/{b}/review/nothing")
    r = mentor.post("/notifications", {"read": "all"})
    m.check(r.status == 303, f"mark all read: {r!r}")
    r = mentor.get("/")
    m.check(unread_badge(r.text) == 0 and "New for you" not in r.text,
            "nothing unread after mark all")
    # someone with nothing at all waiting is told so, and with a notification not
    alone = m.signup()
    # in Cultivation for 8 days: no survey due (lib/survey.c, a week at
    # the start, then from 30 days) that the notifier could add meanwhile
    mship(m.signup(), alone, "cultivation", review_date="UTC_DATE() + INTERVAL 90 DAY",
          stage_changed_at="UTC_TIMESTAMP() - INTERVAL 8 DAY")
    home = alone.get("/").text
    m.check("Nothing waits for you right now" in home, "nothing waits")
    m.sql("INSERT INTO notifications (user_id, kind, title, path, created_at) VALUES "
          "(?, 'thread-feedback', 'Feedback waits', '/threads', UTC_TIMESTAMP())",
          alone.user_id)
    r = alone.get("/")
    m.check("Nothing waits for you right now" not in r.text and "Feedback waits" in r.text,
            "the dashboard names the unread notification instead")


@m.test
def test_list_pages_by_cursor_newest_first_and_links_each_thing():
    c = m.signup()
    values = ", ".join(f"({c.user_id}, 'mentorship', 'Note {i:03d}', '/mentorships/{i}', "
                       "UTC_TIMESTAMP())" for i in range(120))
    m.sql("INSERT INTO notifications (user_id, kind, title, path, created_at) VALUES "
          + values)
    m.check(unread_badge(c.get("/").text) == "99+", "a bounded count: 99+")
    seen, path = [], "/notifications"
    for expect in (50, 50, 20):
        r = c.get(path)
        m.check(r.status == 200, f"{path}: {r!r}")
        titles = re.findall(r'<a class="title" href="[^"]*">Note (\d{3})</a>', r.text)
        m.check(len(titles) == expect, f"{path}: {len(titles)} items, not {expect}")
        for t in titles:
            m.check(f'<a class="title" href="/mentorships/{int(t)}">Note {t}</a>' in r.text,
                    f"note {t} links to its page")
        seen += [int(t) for t in titles]
        older = re.search(r'href="(/notifications\?before=\d+)"', r.text)
        if expect == 20:
            m.check(older is None, "no older page after the last")
        else:
            m.check(older, "a link to older ones")
            path = m.unescaped(older.group(1))
    m.check(seen == list(range(119, -1, -1)), "all 120, newest first, none twice")
    m.check(c.get("/notifications?before=abc").status == 400, "a bad cursor")
    m.check(c.get("/notifications?before=0").status == 400, "cursor out of range")


@m.test
def test_other_peoples_notifications_never_visible_or_writable():
    a, b = m.signup(), m.signup()
    secret = m.unique("secret-title")
    m.sql("INSERT INTO notifications (user_id, kind, title, path, created_at) VALUES "
          "(?, 'mentorship', ?, '/mentorships/1', UTC_TIMESTAMP())", b.user_id, secret)
    nid = int(m.sql_value("SELECT id FROM notifications WHERE title = ?", secret))
    r = a.get("/notifications")
    m.check(r.status == 200 and secret not in r.text, "another person's listed")
    m.check(unread_badge(r.text) == 0, "counted for another person")
    r = a.post("/notifications", {"read": str(nid)})
    m.check(r.status == 404, f"marking another's: {r!r}")
    r = a.post("/notifications", {"read": "all"})
    m.check(m.sql_value("SELECT read_at IS NULL FROM notifications WHERE id = ?", nid)
            == "1", "still unread for its owner")
    r = b.get("/notifications")
    m.check(secret in r.text and unread_badge(r.text) == 1, "the owner sees it")
    r = b.post("/notifications", {"read": str(nid)})
    m.check(r.status == 303 and unread_badge(b.get("/").text) == 0, "owner marks it")
    # bad input, no CSRF, signed out
    r = b.post("/notifications", {"read": "some"})
    m.check(r.status == 422 and "Choose a notification" in r.text, f"bad read: {r.status}")
    r = b.post("/notifications", {"read": "all"}, csrf=False)
    m.check(r.status == 403, f"without CSRF: {r.status}")
    anon = m.Client()
    r = anon.get("/notifications")
    m.check(r.status == 303 and "/login" in r.location, f"signed out: {r!r}")
    m.check("/notifications" not in anon.get("/").text, "no link when signed out")


@m.test
def test_survey_is_a_notification_read_by_opening_it():
    mentor, mentee = m.signup(), m.signup()
    mid = mship(mentor, mentee, "cultivation", review_date="UTC_DATE() + INTERVAL 90 DAY")
    notify_once()
    notify_once()
    for who in (mentor, mentee):
        rows = notes(who.user_id, "kind = 'survey'")
        m.check(len(rows) == 1, f"one survey notification: {rows}")
        sid = m.sql_value("SELECT id FROM surveys WHERE mentorship_id = ? AND user_id = ?",
                          mid, who.user_id)
        m.check(rows[0][2] == f"/surveys/{sid}" and rows[0][3] == f"survey:{sid}",
                f"its page and key: {rows[0]}")
    sid = m.sql_value("SELECT id FROM surveys WHERE mentorship_id = ? AND user_id = ?",
                      mid, mentee.user_id)
    r = mentee.get("/notifications")
    m.check(f'href="/surveys/{sid}"' in r.text, "listed with its link")
    r = mentee.get(f"/surveys/{sid}")
    m.check(r.status == 200, f"survey page: {r!r}")
    m.check(notes(mentee.user_id, "kind = 'survey'")[0][4] == "0", "read by opening it")
    m.check(notes(mentor.user_id, "kind = 'survey'")[0][4] == "1", "the mentor's unread")


@m.test
def test_each_notification_and_survey_mail_names_its_mentorship():
    """journey-32, notify-04: a mentor with two mentees got two identical
    "A one-minute survey about your mentorship" entries at the same time;
    each names its focus and the other person, in the list and the mail."""
    mentor = m.signup(m.unique("Mentor"))
    a, b = m.signup(m.unique("Ana")), m.signup(m.unique("Bo"))
    focus = {}
    for who in (a, b):
        mid = mship(mentor, who, "cultivation", "Growing ",
                    review_date="UTC_DATE() + INTERVAL 90 DAY")
        focus[who] = m.sql_value("SELECT focus FROM mentorships WHERE id = ?", mid)
    notify_once()
    page = m.unescaped(mentor.get("/notifications").text)
    titles = re.findall(r'<a class="title" href="/surveys/\d+">(.*?)</a>', page)
    m.check(len(titles) == 2 and titles[0] != titles[1], f"two told apart: {titles}")
    m.check(all(t.endswith(", as Cultivation starts") for t in titles),
            f"each names its moment (a pair gets three): {titles}")
    for who in (a, b):
        name = m.sql_value("SELECT display_name FROM users WHERE id = ?", who.user_id)
        m.check(any(name in t and focus[who] in t for t in titles),
                f"one names {name} and {focus[who]}: {titles}")
        msgs = m.mails_to(mentor.email, subject=focus[who])
        m.check(msgs and name in str(msgs[-1]["Subject"]), "the mail's subject names it")
        m.check(name in m.mail_text(msgs[-1]) and focus[who] in m.mail_text(msgs[-1]),
                "and its body")
        mine = m.unescaped(who.get("/notifications").text)
        m.check(m.sql_value("SELECT display_name FROM users WHERE id = ?",
                            mentor.user_id) in mine, "the mentee's names the mentor")


@m.test
def test_the_owners_answer_tells_the_mentor_by_mail_and_notification():
    """Issue 21 item 13: the mentor hears when the thread's owner answers."""
    mentor, mentee = m.signup(), m.signup()
    mid = mship(mentor, mentee, "cultivation", review_date="UTC_DATE() + INTERVAL 90 DAY")
    mentee.get("/threads/new")
    r = mentee.post("/threads/new", {"title": m.unique("Delegating"), "purpose": "Why",
                                     "visibility": "mentorship", "mentorship": str(mid)})
    tid = int(re.fullmatch(r"/threads/(\d+)", r.location).group(1))
    mentee.get(f"/threads/{tid}")
    r = mentee.post(f"/threads/{tid}/entries", {"kind": "lesson", "body": "Let go more"})
    eid = int(re.search(r"#entry-(\d+)", r.location).group(1))
    mentor.get(f"/threads/{tid}")
    r = mentor.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "Try smaller steps."})
    m.check(r.status == 303, f"feedback: {r!r}")
    word = m.unique("answer")
    mentee.get(f"/threads/{tid}/entries/{eid}")
    r = mentee.post(f"/threads/{tid}/entries/{eid}/comments",
                    {"body": f"I will, thanks! <b>{word}</b>"})
    m.check(r.status == 303, f"answer: {r!r}")
    path = f"/threads/{tid}/entries/{eid}"
    rows = notes(mentor.user_id, "kind = 'thread-answer'")
    m.check(len(rows) == 1 and rows[0][2] == path, f"the mentor's notification: {rows}")
    m.check(len(notes(mentee.user_id, "kind = 'thread-answer'")) == 0, "not the owner's")
    msgs = m.mails_to(mentor.email, subject="answered your feedback")
    m.check(msgs, "no mail to the mentor")
    text, page = m.mail_text(msgs[-1]), m.mail_html(msgs[-1])
    m.check(f"<b>{word}</b>" in text and word in page and "<b>" + word not in page,
            "the answer in both parts, inert in HTML")
    link = [u for u in m.links(text) if "/link?t=" in u]
    m.check(link, "a signed link")
    c = m.Client()
    r = c.get(m.local(link[0]))
    for _ in range(3):
        if r.status != 303:
            break
        r = c.follow(r)
    m.check(r.status == 200 and word in r.text, f"the link opens the entry: {r!r}")
    m.check(notes(mentor.user_id, "kind = 'thread-answer'")[0][4] == "0",
            "opening the entry read the notification")
    # the mentor's feedback still goes to the owner, and only there
    m.check(len(notes(mentee.user_id, "kind = 'thread-feedback'")) == 1, "feedback noted")



def path_bit(path):
    """A path's two bits in notification_counts.paths: sql/370's
    notification_path_bit (MariaDB's CRC32 is zlib's)."""
    c = zlib.crc32(path.encode())
    return 1 << (c % 63) | 1 << (c // 63 % 63)


@m.test
def test_unread_paths_are_kept_with_the_count():
    """The session's query learns whether an unread notification may be
    about the page from the set of unread paths kept with the count
    (sql/300), not from a subquery: an unread path's bit is always there;
    a page with one is read on visit and its bit goes, so the next visit
    sends no UPDATE; a bit a read left behind (one marked from the list)
    costs one UPDATE that finds nothing, then goes; none unread, no bits."""
    p = m.signup()
    here = "/settings"
    other = next(f"/threads/{n}" for n in range(1, 200)
                 if path_bit(f"/threads/{n}") & path_bit(here) == 0)

    def add(path):
        m.sql("INSERT INTO notifications (user_id, kind, title, path, created_at) "
              "VALUES (?, 'thread-feedback', 'Paths', ?, UTC_TIMESTAMP())",
              p.user_id, path)

    def paths():
        return int(m.sql_value("SELECT paths FROM notification_counts WHERE "
                               "user_id = ?", p.user_id))

    def updates_on_visit():
        r, by = m.statements_by_worker(lambda: p.get(here), "%notification_counts nc%")
        m.check(r.status == 200, f"{here}: {r!r}")
        # this person's: the other test file's pages are in the log too.
        # The log shows a statement with its values, or at times with its
        # placeholders (a worker's fresh connection): then it is taken
        return [s for stmts in by.values() for _, s in stmts
                if s.startswith("UPDATE notifications") and
                (f"user_id = {p.user_id} " in s or "user_id = ? " in s)]

    add(here)
    add(other)
    m.check(paths() == path_bit(here) | path_bit(other), f"both bits: {paths():x}")
    marked = updates_on_visit()
    m.check(len(marked) == 1, f"the page's notification is not marked read once: {marked}")
    m.check(paths() == path_bit(other), f"only the other's bit left: {paths():x}")
    m.check(updates_on_visit() == [], "a page with nothing unread still sends an UPDATE")
    # marked read from the list: its bit is left behind, once
    add(here)
    nid = m.sql_value("SELECT MAX(id) FROM notifications WHERE user_id = ?", p.user_id)
    m.check(p.post("/notifications", {"read": nid}).status == 303, "mark one read")
    m.check(paths() & path_bit(here), "the bit went with a read by id")
    m.check(len(updates_on_visit()) == 1, "a bit left behind is not checked")
    m.check(paths() == path_bit(other), f"the bit left behind stays: {paths():x}")
    m.check(updates_on_visit() == [], "a bit left behind costs more than once")
    m.check(unread_badge(p.get("/").text) == 1, "the other one is still unread")
    # nothing unread: no bits
    m.check(p.post("/notifications", {"read": "all"}).status == 303, "mark all read")
    m.check(paths() == 0, f"bits without unread notifications: {paths():x}")
    # a path sharing one of the page's bits says nothing of the page: with
    # one bit a path, one page in 63 sent a useless UPDATE on every view
    near = next(f"/threads/{n}" for n in range(1, 100000)
                if zlib.crc32(f"/threads/{n}".encode()) % 63 ==
                zlib.crc32(here.encode()) % 63 and
                path_bit(f"/threads/{n}") & path_bit(here) != path_bit(here))
    add(near)
    m.check(paths() == path_bit(near), f"the bits of {near}: {paths():x}")
    m.check(updates_on_visit() == [] and updates_on_visit() == [],
            f"{here} pays for {near}'s unread notification")
    m.check(m.sql_value("SELECT notification_path_bit(?)", here) == str(path_bit(here)),
            "MariaDB's bits of a path are not the test's")


if __name__ == "__main__":
    m.main()
