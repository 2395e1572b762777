"""Admin (/admin, reports, outbox, accounts) and each person's own data
(export, deletion), against the real stack."""
import json
import os
import re
import signal
import subprocess
import time
import urllib.parse

import menteo as m

ROOT = os.path.join(os.path.dirname(__file__), "../..")


def admin():
    a = m.signup()
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", a.user_id)
    a.get("/")
    return a


def pair(stage="cultivation"):
    mentor, mentee = m.make_mentor(), m.signup()
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, ?, 'Grow as a lead', '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", mentor.user_id, mentee.user_id, stage)
    mid = int(m.sql_value("SELECT MAX(id) FROM mentorships WHERE mentor_id = ?",
                          mentor.user_id))
    return mentor, mentee, mid


@m.test
def test_admin_pages_are_for_admins_only():
    c = m.signup()
    for path in ("/admin", "/admin/outbox", "/admin/users", "/admin/reports",
                 "/admin/roadmaps"):
        r = c.get(path)
        m.check(r.status == 403, f"{path}: {r.status}")
    anon = m.Client()
    r = anon.get("/admin")
    m.check(r.status == 303 and "/login" in r.location, "anonymous goes to sign-in")
    # every admin list carries the admin's sections, its own marked (only
    # the health page had them: found walking)
    a = admin()
    for path in ("/admin", "/admin/outbox", "/admin/users", "/admin/reports",
                 "/admin/roadmaps"):
        t = a.get(path).text
        nav = t[t.find('id="admin-tabs"'):]
        nav = nav[:nav.find("</nav>")]
        m.check(f'<a href="{path}" aria-current="page">' in nav and
                nav.count("<a ") == 5, f"{path}: the admin's tabs {nav[:400]}")


@m.test
def test_health_counts_and_at_risk_lists():
    a = admin()
    # The site's lists show the 100 pairs waiting longest, and a reused
    # var/ keeps other runs' pairs: these three wait longer than any
    # other test's, and end when checked.
    _, _, mid = pair("initiation")
    m.sql("UPDATE mentorships SET stage_changed_at = UTC_TIMESTAMP() - INTERVAL 20 YEAR "
          "WHERE id = ?", mid)
    qmentor, _, quiet = pair("cultivation")
    m.sql("UPDATE mentorships SET stage_changed_at = UTC_TIMESTAMP() - INTERVAL 20 YEAR "
          "WHERE id = ?", quiet)
    # quiet since its last meeting, held after its last message: the date said
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) VALUES "
          "(?, ?, 'long ago', UTC_TIMESTAMP() - INTERVAL 19 YEAR)", quiet, qmentor.user_id)
    m.sql("INSERT INTO meetings (mentorship_id, starts_at, minutes, agenda, created_by, "
          "created_at) VALUES (?, UTC_TIMESTAMP() - INTERVAL 18 YEAR, 60, 'x', ?, "
          "UTC_TIMESTAMP())", quiet, qmentor.user_id)
    held = m.sql_value("SELECT DATE_FORMAT(UTC_TIMESTAMP() - INTERVAL 18 YEAR, '%e %b %Y')")
    _, _, old = pair("requested")
    m.sql("UPDATE mentorships SET created_at = UTC_TIMESTAMP() - INTERVAL 14 DAY "
          "+ INTERVAL 1 HOUR WHERE id = ?", old)    # the notifier expires it at 14
    # and three that are fine: young Initiation, a talkative Cultivation,
    # a fresh request
    _, _, young = pair("initiation")
    m.sql("UPDATE mentorships SET stage_changed_at = UTC_TIMESTAMP() - INTERVAL 5 DAY "
          "WHERE id = ?", young)
    mentor2, _, talk = pair("cultivation")
    m.sql("UPDATE mentorships SET stage_changed_at = UTC_TIMESTAMP() - INTERVAL 40 DAY, "
          "review_date = UTC_DATE() + INTERVAL 30 DAY WHERE id = ?", talk)
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) VALUES "
          "(?, ?, 'still here', UTC_TIMESTAMP() - INTERVAL 2 DAY)", talk, mentor2.user_id)
    _, _, fresh = pair("requested")
    r = a.get("/admin")
    m.check(r.status == 200, r)
    try:
        for i in (mid, quiet, old):
            m.check(f'href="/admin/mentorships/{i}"' in r.text, f"{i} listed at risk")
        item = re.search(rf'href="/admin/mentorships/{quiet}".*?</li>', r.text)
        m.check(item and f"quiet since {held}" in item.group(0),
                f"the quiet pair dated by its last meeting ({held}): {item and item.group(0)}")
    finally:
        m.sql("UPDATE mentorships SET stage = IF(stage = 'requested', 'expired', 'ended') "
              "WHERE id IN (?, ?, ?)", mid, quiet, old)
    for i in (young, talk, fresh):
        m.check(f'href="/admin/mentorships/{i}"' not in r.text, f"{i} is not at risk")
    m.check("stage-initiation" in r.text and "stage-cultivation" in r.text)
    r = a.get(f"/admin/mentorships/{mid}")
    m.check(r.status == 200 and "Grow as a lead" in r.text, r)
    m.check(f"/rooms/{mid}" not in r.text, "no link into the private room")


@m.test
def test_party_reports_and_admin_closes():
    mentor, mentee, mid = pair()
    other = m.signup()
    r = other.get(f"/reports/new?mentorship={mid}")
    m.check(r.status == 403, f"a stranger cannot report: {r.status}")
    mentee.get(f"/reports/new?mentorship={mid}")
    r = mentee.post("/reports/new", {"mentorship": mid, "kind": "unresponsive",
                                     "body": ""})
    m.check(r.status == 422 and 'name="kind" value="unresponsive" checked' in r.text,
            "empty text refused, choice kept")
    r = mentee.post("/reports/new", {"mentorship": mid, "kind": "unresponsive",
                                     "body": "No answer for <b>five</b> weeks"})
    m.check(r.status == 303, r)
    rid = m.sql_value("SELECT id FROM mentorship_reports WHERE mentorship_id = ?", mid)
    a = admin()
    r = a.get("/admin/reports")
    m.check("No answer for &lt;b&gt;five&lt;/b&gt; weeks" in r.text, "report shown escaped")
    names = [m.sql_value("SELECT display_name FROM users WHERE id = ?", c.user_id)
             for c in (mentor, mentee)]
    m.check(f"{names[0]} mentoring {names[1]}</a>" in m.unescaped(r.text),
            "the pair named by its people")
    r = a.post(f"/admin/reports/{rid}", {"note": "Wrote to the mentor", "close": "1"})
    m.check(r.status == 303 and r.location == "/admin/reports?status=closed", r)
    m.check(m.sql_value("SELECT status FROM mentorship_reports WHERE id = ?", rid) == "closed")
    # a closed report says when and who, and offers to reopen, not to close
    # again (found walking); saving its note stays on its tab
    t = m.unescaped(a.get("/admin/reports?status=closed").text)
    admin_name = m.sql_value("SELECT display_name FROM users WHERE id = ?", a.user_id)
    m.check(f"by {admin_name}" in t and 'name="reopen"' in t and 'name="close"' not in t,
            f"a closed report: {t[t.find('<article'):][:800]}")
    r = a.post(f"/admin/reports/{rid}", {"note": "Still closed"})
    m.check(r.status == 303 and r.location == "/admin/reports?status=closed", r)
    r = a.post(f"/admin/reports/{rid}", {"note": "Again", "reopen": "1"})
    m.check(r.status == 303 and r.location == "/admin/reports", r)
    m.check(m.sql("SELECT status, closed_at FROM mentorship_reports WHERE id = ?", rid)
            == [["open", "NULL"]], "not reopened")


@m.test
def test_admin_mentorship_page_says_each_status_in_words():
    """Issue 21 item 9: the timeline, goals, cadence and reports in words,
    never the stored codes."""
    mentor, mentee, mid = pair("initiation")
    m.sql("UPDATE mentorships SET cadence = 'biweekly' WHERE id = ?", mid)
    for s_from, s_to in ((None, "requested"), ("requested", "requested"),
                         ("requested", "initiation")):
        m.sql("INSERT INTO stage_events (mentorship_id, from_stage, to_stage, "
              "actor_id, created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())", mid, s_from, s_to, mentee.user_id)
    for title, status in (("Hire two", "not_achieved"), ("Write a charter", "partly"),
                          ("Run 1:1s", "open")):
        m.sql("INSERT INTO goals (mentorship_id, title, measure, status, created_at) "
              "VALUES (?, ?, 'a measure', ?, UTC_TIMESTAMP())", mid, title, status)
    m.sql("INSERT INTO mentorship_reports (mentorship_id, reporter_id, kind, body, "
          "created_at) VALUES (?, ?, 'unresponsive', 'No answer', UTC_TIMESTAMP())", mid, mentee.user_id)
    a = admin()
    r = a.get(f"/admin/mentorships/{mid}")
    m.check(r.status == 200, r)
    text = m.unescaped(r.text)
    for words in ("Requested the mentorship", "Answered the question",
                  "Requested \u2192 Initiation", "Not achieved", "Partly achieved",
                  "Every two weeks", "Unresponsive", "Open"):
        m.check(words in text, f"{words!r} on the admin's mentorship page")
    for code in ("requested \u2192 requested", ">not_achieved<", ">partly<",
                 ">biweekly<", ">unresponsive<", ">open<"):
        m.check(code not in text, f"the raw {code!r} is not shown")
    r = a.get("/admin/reports")
    m.check("Unresponsive" in r.text and ">unresponsive<" not in r.text,
            "the report's kind in words")


@m.test
def test_admin_ends_a_mentorship_and_both_are_told():
    mentor, mentee, mid = pair()
    a = admin()
    a.get(f"/admin/mentorships/{mid}")
    r = a.post(f"/admin/mentorships/{mid}/end", {"reason": ""})
    m.check(r.status == 422, "a reason is required")
    r = a.post(f"/admin/mentorships/{mid}/end", {"reason": "Reported twice for abuse"})
    m.check(r.status == 303, r)
    m.check(m.sql_value("SELECT stage FROM mentorships WHERE id = ?", mid) == "ended")
    m.check(m.sql_value("SELECT note FROM stage_events WHERE mentorship_id = ? "
                        "ORDER BY id DESC LIMIT 1", mid) == "Reported twice for abuse")
    for who in (mentor, mentee):
        mails = m.mails_to(who.email, subject="ended")
        m.check(mails and "Reported twice for abuse" in m.mail_text(mails[-1]),
                f"{who.email} told with the reason")
    r = a.post(f"/admin/mentorships/{mid}/end", {"reason": "again"})
    m.check(r.status == 409, "a closed mentorship cannot be ended again")


@m.test
def test_outbox_lists_filters_and_retries():
    a = admin()
    addr = m.unique("fail") + "@example.org"
    m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, status, "
          "attempts, last_error) VALUES ('verify', ?, 'Stuck', 'x', 'x', 'failed', 8, "
          "'550 mailbox unavailable')", addr)
    oid = m.sql_value("SELECT id FROM outbox WHERE to_addr = ?", addr)
    r = a.get("/admin/outbox?status=failed")
    m.check(r.status == 200 and addr in r.text and "550 mailbox unavailable" in r.text, r)
    r2 = a.get("/admin/outbox?status=bogus")
    m.check(r2.status == 400, "unknown status refused")
    # the retry form carries the filter back (it returned to all mail:
    # found walking), and so does the next page
    m.check('name="status" value="failed"' in r.text, "the filter in the retry form")
    r = a.post(f"/admin/outbox/{oid}/retry", {"status": "failed", "kind": ""})
    m.check(r.status == 303 and r.location.startswith("/admin/outbox?status=failed&"), r)
    m.check(m.sql_value("SELECT status FROM outbox WHERE id = ?", oid) in ("queued", "sent", "failed"))
    m.check(m.sql_value("SELECT attempts FROM outbox WHERE id = ?", oid) in ("0", "1"),
            "attempts reset")


def _notify(*args):
    return subprocess.run([os.path.join(m.BUILD, "bin/menteo-notify"), *args],
                          env=dict(os.environ, MENTEO_CONF=os.path.join(m.VAR, "menteo.conf")),
                          capture_output=True, text=True, timeout=90)


@m.test
def test_admin_says_when_no_notifier_sends_the_mail():
    """Found by an admin's walk: with the notifier not running (its timer
    not enabled), mail waited in the outbox and nothing said so, on /admin
    or in `menteo-admin check`."""
    a = admin()
    down = "E-mail is not being sent"
    m.notifier(signal.SIGSTOP)
    try:
        # another test's own pass (notify_once) may say "live" meanwhile:
        # the notifier's last pass made an hour old just before each look
        for _ in range(20):
            m.sql("UPDATE notifier_passes SET passed_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR")
            t = a.get("/admin/outbox").text
            if down in t:
                break
        m.check(down in t and "No notifier has run since" in t and
                "messages waiting:" in t and 'href="/admin/outbox?status=queued"' in t,
                f"the outbox says mail waits for a notifier: {t[:1500]!r}")
        for _ in range(20):
            m.sql("UPDATE notifier_passes SET passed_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR")
            st = _notify("--status")
            if st.returncode == 1:
                break
        m.check(st.returncode == 1 and "none is running" in st.stderr and
                "passed at" in st.stdout, f"--status (menteo-admin check's): {st!r}")
        # none ever: said on a fresh install, failed once mail has waited
        # ten minutes (a timer never enabled)
        m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, status, "
              "created_at) VALUES ('verify', ?, 'Waiting long', 'x', 'x', 'queued', "
              "UTC_TIMESTAMP() - INTERVAL 20 MINUTE)", m.unique("waited") + "@example.org")
        for _ in range(20):
            m.sql("DELETE FROM notifier_passes")
            st = _notify("--status")
            if st.returncode == 1:
                break
        m.check(st.returncode == 1 and "none has ever run, and mail has waited since" in st.stderr,
                f"--status with none ever and mail waiting: {st!r}")
    finally:
        m.notifier(signal.SIGCONT)
    # the notifier's next pass takes the warning away
    deadline = time.time() + 60
    while time.time() < deadline and down in a.get("/admin").text:
        time.sleep(0.3)
    m.check(down not in a.get("/admin").text, "the warning stays after the notifier passed")
    st = _notify("--status")
    m.check(st.returncode == 0 and "passed at" in st.stdout, f"--status: {st!r}")


@m.test
def test_admin_health_names_the_version_and_schema():
    """Found by an admin's walk: nothing said which Menteo a server ran,
    what a report of a fault needs first."""
    out = subprocess.run([os.path.join(m.BUILD, "bin/menteo-notify"), "--version"],
                         capture_output=True, text=True, timeout=30)
    release = re.search(r"^VERSION\s*=\s*(\S+)", open(os.path.join(ROOT, "Makefile")).read(), re.M)
    m.check(out.returncode == 0 and out.stdout.startswith(f"Menteo {release.group(1)}"),
            f"--version: {out!r}")
    newest = sorted(f for f in os.listdir(os.path.join(ROOT, "sql")) if re.match(r"\d{3}_.*\.sql$", f))[-1]
    t = admin().get("/admin").text
    m.check(f"{out.stdout.strip()}, built for database schema {newest[:-4]}." in t,
            f"the Health page names the build ({out.stdout.strip()}) and schema: {t[-800:]!r}")


@m.test
def test_send_test_mail_sends_the_test_only():
    """Found by an admin's walk: `menteo-admin send-test-mail` sent every
    message that was due with it, one admin's check mailing people."""
    other, to = (m.unique(k) + "@example.org" for k in ("queued", "test"))
    m.notifier(signal.SIGSTOP)
    try:
        m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, status, "
              "next_try_at) VALUES ('verify', ?, 'Waiting', 'x', 'x', 'queued', "
              "UTC_TIMESTAMP() - INTERVAL 1 MINUTE)", other)
        oid = m.sql_value("SELECT id FROM outbox WHERE to_addr = ?", other)
        out = subprocess.run([os.path.join(ROOT, "bin/menteo-admin"), "send-test-mail", to],
                             env=dict(os.environ, MENTEO_CONF=os.path.join(m.VAR, "menteo.conf")),
                             capture_output=True, text=True, timeout=90)
    finally:
        m.notifier(signal.SIGCONT)
    tid = m.sql_value("SELECT id FROM outbox WHERE to_addr = ?", to)
    m.check(out.returncode == 0 and f"test message sent to {to}" in out.stdout, out)
    m.check(m.mails_to(to, subject="Menteo test message"), "the test message arrived")
    # what this run sent, from its own log: the notifier (another test's
    # SIGCONT) may send either meanwhile, which is its job
    sent = re.findall(r"mail (\d+) sent to", out.stderr)
    m.check(str(oid) not in sent and set(sent) <= {str(tid)},
            f"sent by send-test-mail: {sent} (test {tid}, other {oid})")


def _outbox_row(page, addr):
    row = re.search(r"<tr>(?:(?!</tr>).)*" + re.escape(addr) + r".*?</tr>", page, re.S)
    m.check(row, f"no row for {addr}")
    return row.group(0)


@m.test
def test_outbox_says_things_in_words_and_offers_retry_only_when_true():
    """journey-49: "Showing status “”, kind “” (empty means any)", "1 tries",
    an empty "Last error:", Retry on mails already sent, raw kind codes."""
    a = admin()
    sent, failed = (m.unique(k) + "@example.org" for k in ("sent", "failed"))
    m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, status, "
          "attempts, last_error, created_at, sent_at) VALUES ('survey', ?, 'Done', 'x', "
          "'x', 'sent', 1, NULL, '2026-03-04 09:15:00', '2026-03-04 09:17:00')", sent)
    waiting = m.unique("waiting") + "@example.org"
    m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, status, "
          "attempts, last_error, created_at, next_try_at) VALUES ('survey', ?, 'Later', "
          "'x', 'x', 'queued', 2, 'timeout', '2026-03-04 09:15:00', '2030-01-01 08:00:00')",
          waiting)
    # the administrator reads times in their own zone (Paris: UTC+1 in March)
    m.sql("UPDATE users SET timezone = 'Europe/Paris' WHERE id = ?", a.user_id)
    m.sql("INSERT INTO outbox (kind, to_addr, subject, body_text, body_html, status, "
          "attempts, last_error) VALUES ('verify', ?, 'Stuck', 'x', 'x', 'failed', 8, "
          "'550 mailbox unavailable')", failed)
    page = m.unescaped(a.get("/admin/outbox").text)
    m.check("“”" not in page and "empty means any" not in page, "no empty filter words")
    m.check("Showing all mail" in page, "says what it shows")
    row = _outbox_row(page, sent)
    m.check("Retry" not in row, f"no Retry on a sent mail: {row}")
    m.check("1 tries" not in row and "tries" not in row, f"no tries on a sent mail: {row}")
    m.check('data-label="Last error"></td>' not in row and 'data-label="Last error"' not in row,
            f"no empty Last error: {row}")
    m.check(">survey<" not in row and "Survey" in row, f"kind in words: {row}")
    m.check("4 Mar 2026, 10:15" in row and "4 Mar 2026, 10:17" in row,
            f"queued and sent to the minute, in the reader's zone: {row}")
    row = _outbox_row(page, waiting)
    m.check("2 tries failed so far; next try at 1 Jan 2030, 09:00" in row,
            f"when it is tried next: {row}")
    row = _outbox_row(page, failed)
    m.check("Retry" in row and "after 8 tries" in row and "550 mailbox unavailable" in row,
            f"a failed mail: {row}")
    m.check("E-mail address confirmation" in row, f"kind in words: {row}")
    page = m.unescaped(a.get("/admin/outbox?status=failed&kind=verify").text)
    m.check("Showing failed mail of the kind “E-mail address confirmation”" in page,
            "says the filter in words")
    m.check('<option value="verify" selected>' in page, "keeps the chosen kind")


@m.test
def test_disable_ends_sessions_and_blocks_sign_in():
    a = admin()
    victim = m.signup()
    m.check(victim.get("/settings").status == 200)
    a.get("/admin/users")
    r = a.post(f"/admin/users/{victim.user_id}/disable", {})
    m.check(r.status == 303, r)
    r = victim.get("/settings")
    m.check(r.status == 303 and "/login" in r.location, "session ended")
    c = m.Client()
    c.get("/login")
    r = c.post("/login", {"email": victim.email, "password": m.PASSWORD})
    m.check(r.status != 303 or "/login" in (r.location or ""), "cannot sign in")
    # told why, once the password proves who asks ("wrong password" told a
    # disabled person nothing true, and a reset mail said no account had
    # the address: found walking); a wrong password says no more
    m.check("disabled by the site's administrators" in m.unescaped(r.text), r.text[:600])
    r = c.post("/login", {"email": victim.email, "password": "not the password 1"})
    m.check("disabled" not in r.text and "is wrong" in r.text, "disabled told to anyone")
    other = m.Client()
    other.get("/reset")
    other.post("/reset", {"email": victim.email})
    msg = m.mails_to(victim.email, subject="disabled")
    m.check(msg and "no Menteo account" not in m.mail_text(msg[-1]), "the reset mail")
    r = m.Client().get(f"/people/{victim.slug}")
    m.check(r.status == 404, f"public profile gone: {r.status}")
    r = a.post(f"/admin/users/{victim.user_id}/enable", {})
    m.check(m.sql_value("SELECT disabled_at IS NULL FROM users WHERE id = ?",
                        victim.user_id) == "1")


@m.test
def test_a_deleted_account_stays_deleted():
    """An account its owner deleted is disabled for good: the accounts page
    says "Deleted", offers no Enable and links to no profile, and enabling
    it by hand is refused (it brought back a public "Deleted account"
    page: found walking). An account that does not exist is a 404, and
    the administrator's own row offers no Disable that would only refuse."""
    a = admin()
    gone = m.signup()
    gone.get("/settings/delete")
    r = gone.post("/settings/delete", {"password": m.PASSWORD})
    m.check(r.status == 303, f"deleted: {r!r}")
    row = m.unescaped(a.get(f"/admin/users?q=deleted-{gone.user_id}@").text)
    m.check('<span class="badge">Deleted</span>' in row and "Deleted account</td>" in row
            and f"/admin/users/{gone.user_id}/enable" not in row
            and f"/admin/users/{gone.user_id}/disable" not in row,
            f"the deleted account's row: {row[row.find('<tbody>'):][:600]}")
    r = a.post(f"/admin/users/{gone.user_id}/enable", {})
    m.check(r.status == 409 and "cannot be enabled again" in m.unescaped(r.text), repr(r))
    m.check(m.sql_value("SELECT disabled_at IS NOT NULL FROM users WHERE id = ?",
                        gone.user_id) == "1", "a deleted account enabled")
    m.check(m.Client().get(f"/people/deleted_{gone.user_id}").status == 404, "its page back")
    for action in ("enable", "disable"):
        r = a.post(f"/admin/users/999999999/{action}", {})
        m.check(r.status == 404, f"{action} of no account: {r!r}")
    me = m.unescaped(a.get(f"/admin/users?q={a.email}").text)
    m.check(f"/admin/users/{a.user_id}/disable" not in me, "the admin's own Disable")


@m.test
def test_accounts_are_found_by_any_part_of_a_name_or_address():
    """The accounts' search matched the start of an address only: an
    administrator looking for "Lima" or a colleague's domain found
    nobody (found walking). Any part of either finds them; the address
    typed whole comes first; a '%' is only a character."""
    a = admin()
    tag = m.unique("s")[-8:]
    ana = m.signup(name=f"Ana Lima{tag}")
    def ids(q):
        page = a.get("/admin/users?" + urllib.parse.urlencode({"q": q})).text
        return [int(x) for x in re.findall(r'/admin/users/(\d+)/disable', page)]
    m.check(ana.user_id in ids(f"Lima{tag}"), "found by a part of the name")
    m.check(ana.user_id in ids(f"lima{tag.upper()}"), "whatever the case")
    middle = ana.email[3:-4]
    m.check(ana.user_id in ids(middle), f"found by the middle of the address {middle}")
    m.check(ids(ana.email)[:1] == [ana.user_id], "the address itself first")
    m.check(ana.user_id not in ids(f"Lima%{tag}"), "a '%' matched anything")
    r = a.get("/admin/users?q=" + "x" * 255)
    m.check(r.status == 400 and "part of a name or of an e-mail address"
            in m.unescaped(r.text), f"a search too long says why: {r!r}")


@m.test
def test_export_has_everything_i_take_part_in():
    mentor, mentee, mid = pair()
    # a second mentorship of the mentee, and one of strangers
    other_mentor = m.make_mentor()
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, 'initiation', 'Second one', '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", other_mentor.user_id, mentee.user_id)
    mid2 = int(m.sql_value("SELECT MAX(id) FROM mentorships WHERE mentor_id = ?",
                           other_mentor.user_id))
    m.sql("INSERT INTO meetings (mentorship_id, starts_at, agenda, created_by, created_at) "
          "VALUES (?, UTC_TIMESTAMP(), 'kick-off agenda', ?, UTC_TIMESTAMP())",
          mid2, other_mentor.user_id)
    s1, s2, stranger_mid = pair()
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'not for the mentee', UTC_TIMESTAMP())", stranger_mid, s1.user_id)
    m.sql("INSERT INTO threads (owner_id, title, purpose, visibility, created_at, updated_at) "
          "VALUES (?, 'Someone else private', '', 'private', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          mentor.user_id)
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'from the mentor \"quoted\"', UTC_TIMESTAMP()), "
          "(?, ?, 'from the mentee', UTC_TIMESTAMP())",
          mid, mentor.user_id, mid, mentee.user_id)
    m.sql("INSERT INTO goals (mentorship_id, title, measure, created_at) VALUES "
          "(?, 'Hire two engineers', 'Two signed offers', UTC_TIMESTAMP())", mid)
    for who_mid, who in ((mid, mentor), (stranger_mid, s1)):
        m.sql("INSERT INTO checkins (mentorship_id, logged_by, held_on, note, created_at) "
              "VALUES (?, ?, '2026-11-20', ?, UTC_TIMESTAMP())", who_mid, who.user_id,
              "We talked about the offer" if who is mentor else "strangers' check-in")
    # what the mentee told a programme and answered about the pair (a walk
    # found none of it in the export), beside a stranger's in the same one
    slug = m.unique("exp").lower()
    m.sql("INSERT INTO programmes (slug, name, description, ground_rules, created_at, "
          "updated_at) VALUES (?, 'Export cohort', '', '', UTC_TIMESTAMP(), "
          "UTC_TIMESTAMP())", slug)
    pid = m.sql_value("SELECT id FROM programmes WHERE slug = ?", slug)
    m.sql("INSERT INTO programme_questions (programme_id, prompt, kind, audience, "
          "created_at) VALUES (?, 'Which team', 'short', 'both', UTC_TIMESTAMP())", pid)
    qid = m.sql_value("SELECT id FROM programme_questions WHERE programme_id = ?", pid)
    for who, answer in ((mentee, "Team of my own"), (s1, "Strangers' team")):
        m.sql("INSERT INTO programme_participants (programme_id, user_id, role, status, "
              "joined_at) VALUES (?, ?, 'mentee', 'active', UTC_TIMESTAMP())", pid,
              who.user_id)
        m.sql("INSERT INTO programme_answers (participant_id, question_id, answer) "
              "SELECT id, ?, ? FROM programme_participants WHERE programme_id = ? AND "
              "user_id = ?", qid, answer, pid, who.user_id)
    m.sql("INSERT INTO surveys (mentorship_id, user_id, role, moment, seq, created_at, "
          "answered_at) VALUES (?, ?, 'mentee', 'start', 0, UTC_TIMESTAMP(), "
          "UTC_TIMESTAMP())", mid, mentee.user_id)
    sid = m.sql_value("SELECT id FROM surveys WHERE mentorship_id = ? AND user_id = ?",
                      mid, mentee.user_id)
    m.sql("INSERT INTO survey_answers (survey_id, question, score) VALUES (?, 'clarity', 4)",
          sid)
    r = mentee.get("/settings/export")
    m.check(r.status == 200, r)
    m.check("application/json" in r.header("Content-Type"))
    m.check("attachment" in (r.header("Content-Disposition") or ""))
    data = json.loads(r.text)
    m.check(data["profile"]["email"] == mentee.email)
    m.check("password_hash" not in data["profile"], "no password hash")
    m.check(any(x["id"] == int(mid) for x in data["mentorships"]))
    bodies = [x["body"] for x in data["room_messages"]]
    m.check('from the mentor "quoted"' in bodies and "from the mentee" in bodies,
            "both parties' messages in my rooms")
    m.check(any(g["title"] == "Hire two engineers" for g in data["goals"]))
    for key in ("contract_versions", "stage_events", "milestones", "meetings",
                "threads", "thread_entries"):
        m.check(key in data, key)
    ids = {x["id"] for x in data["mentorships"]}
    m.check(ids == {int(mid), mid2}, f"exactly my two mentorships: {ids}")
    m.check(any(x["agenda"] == "kick-off agenda" for x in data["meetings"]))
    # issue 21 item 13: the check-ins logged in Redefinition are mine too
    ck = [x for x in data.get("checkins", []) if x["mentorship_id"] == int(mid)]
    m.check(len(ck) == 1 and ck[0]["note"] == "We talked about the offer" and
            ck[0]["held_on"].startswith("2026-") and ck[0]["logged_by"] == m.sql_value(
                "SELECT display_name FROM users WHERE id = ?", mentor.user_id),
            f"the check-in is exported: {data.get('checkins')}")
    m.check(not any(x["mentorship_id"] == int(stranger_mid) for x in data.get("checkins", [])),
            "no check-in of strangers")
    m.check([x["programme"] for x in data.get("programmes", [])] == ["Export cohort"],
            f"my programmes: {data.get('programmes')}")
    m.check(data.get("intake_answers") == [{"programme": "Export cohort",
                                            "question": "Which team",
                                            "answer": "Team of my own"}],
            f"my intake answers: {data.get('intake_answers')}")
    m.check(data.get("survey_answers") == [{"survey_id": int(sid), "question": "clarity",
                                            "score": 4, "answer": None}],
            f"my survey answers: {data.get('survey_answers')}")
    text = r.text
    m.check("Strangers' team" not in text, "a stranger's intake answer")
    m.check("not for the mentee" not in text, "no message of a room that is not mine")
    m.check("Someone else private" not in text, "no thread of someone else")
    m.check(s1.email not in text and s2.email not in text, "nothing about strangers")


@m.test
def test_delete_account_keeps_the_other_partys_record():
    mentor, mentee, mid = pair()
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'my private words', UTC_TIMESTAMP())", mid, mentee.user_id)
    mentee.get("/settings/delete")
    r = mentee.post("/settings/delete", {"password": "wrong password!!"})
    m.check(r.status == 422, "wrong password refused")
    r = mentee.post("/settings/delete", {"password": m.PASSWORD})
    m.check(r.status == 303, r)
    m.check(m.sql_value("SELECT display_name FROM users WHERE id = ?", mentee.user_id)
            == "Deleted account")
    m.check(m.sql_value("SELECT email FROM users WHERE id = ?", mentee.user_id)
            != mentee.email, "address removed")
    m.check(m.sql_value("SELECT stage FROM mentorships WHERE id = ?", mid) == "ended")
    r = mentee.get("/settings")
    m.check(r.status == 303, "signed out")
    mentor.get("/")
    r = mentor.get(f"/mentorships/{mid}")
    m.check(r.status == 200 and "Deleted account" in r.text, "the record stays readable")
    mails = m.mails_to(mentor.email, subject="ended")
    m.check(mails, "the mentor is told")



@m.test
def test_no_account_can_block_a_deletion():
    """The slug and address a deletion writes are its own: another account
    took the slug it used to write (deleted-ID), which is anyone's to
    choose, and the deletion went on regardless (before, the unique key
    refused it: no answer, nothing deleted). Its address, under .invalid,
    is refused at sign-up."""
    victim, other = m.signup(), m.signup()
    c = m.Client()
    c.get("/signup")
    r = c.post("/signup", {"email": f"deleted-{victim.user_id}@deleted.invalid",
                           "password": m.PASSWORD, "display_name": "Squatter"})
    m.check(r.status == 422 and f"deleted-{victim.user_id}@deleted.invalid" in r.text,
            f"the deletion's address is refused, the form back as typed: {r.status}")
    other.get("/settings")
    r = other.post("/settings", {"display_name": "Other", "headline": "", "bio": "",
                                 "skills": "", "timezone": "UTC",
                                 "slug": f"deleted-{victim.user_id}"})
    m.check(r.status == 303, f"the old pattern is a slug like any other: {r!r}")
    victim.get("/settings/delete")
    r = victim.post("/settings/delete", {"password": m.PASSWORD})
    m.check(r.status == 303, f"deleted all the same: {r!r}")
    m.check(m.sql_value("SELECT display_name FROM users WHERE id = ?", victim.user_id)
            == "Deleted account", "the account is deleted")


m.main()
