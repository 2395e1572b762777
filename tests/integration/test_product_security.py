"""Issue 19, the product side (items 7 to 10 and 14): each test performs
the attack over HTTP against the real stack (or runs the real tool) and
passes only when the attack fails."""
import os
import re
import subprocess
import time

import menteo as m

ROOT = os.path.join(os.path.dirname(__file__), "../..")


def admin_tool(*args):
    env = dict(os.environ, MENTEO_CONF=os.path.join(m.VAR, "menteo.conf"))
    return subprocess.run([os.path.join(ROOT, "bin/menteo-admin"), *args],
                          capture_output=True, text=True, env=env)


def is_admin(email):
    # by the hex of the address: the client's batch output escapes backslashes
    return m.sql_value("SELECT is_admin FROM users WHERE HEX(email) = ?",
                       email.encode().hex().upper())


def add_user(email, name):
    m.sql("INSERT INTO users (email, email_verified_at, password_hash, display_name, "
          "bio, timezone, slug) VALUES (?, UTC_TIMESTAMP(), 'x', ?, '', 'UTC', ?)",
          email, name, m.unique("q"))


@m.test
def test_create_admin_binds_the_address():
    """Item 14: create-admin doubled quotes but not backslashes, so
    `\\')` closed the string and the rest ran as SQL."""
    # Other tests make admins while this one runs: it asks about the
    # accounts it made, never about the whole table.
    victim = m.signup(login=False)
    attack = "\\') OR email = 0x%s -- " % victim.email.encode().hex()
    r = admin_tool("create-admin", attack)
    m.check(r.returncode == 1, f"no such account: {r.returncode} {r.stdout} {r.stderr}")
    m.check(is_admin(victim.email) == "0", "the injected SQL made the victim an admin")

    # an address with both kinds of quote is taken exactly as it is: not
    # its neighbour without the backslash, not the one whose quote closed
    tag = m.unique("q")
    odd = "o'hara\\'s-" + tag + "@example.org"
    near = ["o'hara's-" + tag + "@example.org", "o'hara\\" + tag + "@example.org"]
    add_user(odd, "Quote O'Hara \\'")
    for email in near:
        add_user(email, "Near " + email)
    r = admin_tool("create-admin", odd.upper())
    m.check(r.returncode == 0, f"create-admin: {r.returncode} {r.stdout} {r.stderr}")
    m.check(is_admin(odd) == "1", "the odd address is an admin")
    m.check([is_admin(e) for e in near] == ["0", "0"], "exactly that account")
    m.check(m.sql_value("SELECT COUNT(*) FROM users WHERE email = ? AND display_name = ?",
                        odd, "Quote O'Hara \\'") == "1", "the row is unchanged")


@m.test
def test_create_admin_wants_a_confirmed_address():
    """Found by an admin's walk: create-admin made an admin of an account
    whose address was never confirmed, so whoever signed up first with
    the admin's address, and their own password, became the admin."""
    squatter = m.signup(verify=False, login=False)
    r = admin_tool("create-admin", squatter.email)
    m.check(r.returncode == 1 and "has not confirmed its address" in r.stderr,
            f"refused, and why: {r.returncode} {r.stdout} {r.stderr}")
    m.check(is_admin(squatter.email) == "0", "the unconfirmed account is an admin")
    owner = m.signup(login=False)
    for _ in range(2):  # twice: an admin already is said so again
        r = admin_tool("create-admin", owner.email)
        m.check(r.returncode == 0 and "is an admin" in r.stdout, f"{r.stdout} {r.stderr}")
    m.check(is_admin(owner.email) == "1", "the confirmed account is an admin")


def admin():
    a = m.signup()
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", a.user_id)
    a.get("/")
    return a


def pair(stage="cultivation", mentor=None, mentee=None):
    mentor, mentee = mentor or m.make_mentor(), mentee or m.signup()
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, ?, 'Grow as a lead', "
          "'My private request', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          mentor.user_id, mentee.user_id, stage)
    mid = int(m.sql_value("SELECT MAX(id) FROM mentorships WHERE mentor_id = ?",
                          mentor.user_id))
    return mentor, mentee, mid


def delete_account(c):
    c.get("/settings/delete")
    r = c.post("/settings/delete", {"password": m.PASSWORD})
    m.check(r.status == 303, f"delete: {r!r}")


@m.test
def test_a_sent_mail_keeps_no_live_link_in_the_database():
    """Found by an admin's walk: the outbox kept every sent mail whole,
    its sign-in, confirmation and reset links working, so a database
    backup (0644 by default) held live keys to accounts, where
    docs/security.md promised e-mailed tokens as hashes only."""
    c = m.signup(verify=False, login=False)
    msg = m.mails_to(c.email, subject="confirm")[0]
    link = [u for u in m.links(m.mail_text(msg)) if "/verify?t=" in u]
    m.check(link, "the confirmation mail carries its link")
    token = link[0].split("t=")[1]
    # the mail lands a moment before the notifier marks it sent
    deadline = time.time() + 10
    while True:
        rows = m.sql("SELECT status, body_text, body_html FROM outbox WHERE to_addr = ? "
                     "ORDER BY id", c.email)
        if (rows and rows[-1][0] == "sent") or time.time() > deadline:
            break
        time.sleep(0.2)
    m.check(rows and rows[-1][0] == "sent", f"sent: {[r[0] for r in rows]}")
    for _, text, html in rows:
        m.check(token not in text and token not in html, "the token stays in the outbox")
        m.check("verify?t=removed-once-sent" in text, f"the link, less its token: {text[:300]}")
    # the mailed link still works, by its hash
    r = m.Client().get(m.local(link[0]))
    m.check(r.status in (200, 303), f"the mailed link: {r!r}")
    m.check(m.sql_value("SELECT email_verified_at IS NOT NULL FROM users WHERE id = ?",
                        c.user_id) == "1", "the address is confirmed")


@m.test
def test_deleted_account_leaves_nothing_in_the_outbox():
    """Item 8: deletion kept the address and whole mail bodies in the
    outbox, and an admin could queue a failed row to the address again."""
    boss = admin()
    mentor, mentee, mid = pair()
    secret = "body-" + m.unique("s")
    m.sql("INSERT INTO outbox (kind, user_id, to_addr, subject, body_text, body_html, "
          "status, attempts, last_error) VALUES ('mentorship', ?, ?, 'About you', ?, ?, "
          "'failed', 5, 'mailbox full')", mentee.user_id, mentee.email, secret, secret)
    failed = m.sql_value("SELECT MAX(id) FROM outbox WHERE user_id = ?", mentee.user_id)
    m.sql("INSERT INTO outbox (kind, user_id, to_addr, subject, body_text, body_html, "
          "next_try_at) VALUES ('mentorship', ?, ?, 'Later', ?, ?, UTC_TIMESTAMP() + "
          "INTERVAL 1 DAY)", mentee.user_id, mentee.email, secret, secret)
    m.check(int(m.sql_value("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", mentee.email))
            >= 3, "the verification mail, a failed and a queued row")
    delete_account(mentee)
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE user_id = ? OR to_addr = ? "
                        "OR body_text LIKE ? OR body_html LIKE ?", mentee.user_id,
                        mentee.email, "%" + secret + "%", "%" + secret + "%") == "0",
            "the outbox still holds the deleted person's address or mail")
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE body_text LIKE ?",
                        "%" + mentee.email + "%") == "0", "the address inside a body")
    # the other party is still told, and the admin cannot resend
    m.check(m.mails_to(mentor.email, subject="ended"), "the mentor is told")
    boss.get("/admin/outbox")
    r = boss.post(f"/admin/outbox/{failed}/retry", {})
    m.check(r.status == 404, f"retry of a deleted person's mail: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND status = 'queued'",
                        mentee.email) == "0", "queued again")


def share_link(c, mid):
    c.get(f"/mentorships/{mid}/record")
    r = c.post(f"/mentorships/{mid}/record", {"share": "1"})
    m.check(r.status == 303, f"share: {r!r}")
    page = c.follow(r)
    found = re.findall(r"/mentorships/\d+/record\?s=[0-9a-f]+", page.text)
    m.check(found, "no sharing link on the record page")
    m.check(re.search(r'>https?://[^<>/]+' + re.escape(found[0]) + "<", page.text),
            "the sharing link is shown whole, to copy (it was a bare path)")
    return found[0]


@m.test
def test_shared_record_shows_no_private_notes():
    """Item 7: the shared record showed the request message, the mentor's
    question, decline and end reasons; the other party was never told;
    the link outlived a deleted account."""
    mentor, mentee, mid = pair("separation")
    private = {
        "question": "QUESTION-" + m.unique("n"),
        "answer": "ANSWER-" + m.unique("n"),
        "end": "ENDREASON-" + m.unique("n"),
        "review": "REVIEWNOTE-" + m.unique("n"),
    }
    for who, frm, to, note in (
            (mentee, None, "requested", "My private request"),
            (mentor, "requested", "requested", private["question"]),
            (mentee, "requested", "requested", private["answer"]),
            (mentor, "requested", "initiation", private["end"])):
        m.sql("INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, "
              "note, created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
              mid, frm, to, who.user_id, note)
    goal = "Lead the platform team " + m.unique("g")
    m.sql("INSERT INTO goals (mentorship_id, title, measure, status, review_note, "
          "reviewed_at, reviewed_by, created_at) VALUES (?, ?, 'Team of five', "
          "'achieved', ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP())",
          mid, goal, private["review"], mentee.user_id)
    url = share_link(mentor, mid)
    told = m.mails_to(mentee.email, subject="shar")
    m.check(told, "the other party is not told that the record was shared")
    link = [u for u in m.links(m.mail_text(told[-1])) if "/link?t=" in u][0]
    r = m.Client().get(m.local(link))
    m.check(r.status == 303 and f"/mentorships/{mid}/record" in r.location,
            f"the mail leads to the record: {r!r}")

    outsider = m.Client()
    r = outsider.get(url)
    m.check(r.status == 200, f"shared record: {r!r}")
    text = m.unescaped(r.text)
    m.check(goal in text and "Achieved" in text, "goals and outcomes are shown")
    for name, note in private.items():
        m.check(note not in text, f"the shared record shows the {name}")
    m.check("My private request" not in text, "the request message is shown")
    m.check(f'href="/mentorships/{mid}"' not in r.text,
            "the shared record links to the mentorship")

    # either party can stop sharing; a party has the way back
    r = mentee.get(f"/mentorships/{mid}/record")
    m.check(f'<li><a href="/mentorships/{mid}">' in r.text, "no way back for a party")
    r = mentee.post(f"/mentorships/{mid}/record", {"share": "0"})
    m.check(r.status == 303, f"stop sharing: {r!r}")
    r = outsider.get(url)
    m.check(r.status != 200 and goal not in r.text, f"a stopped link still works: {r!r}")

    # a link dies with either account
    url = share_link(mentee, mid)
    m.check(outsider.get(url).status == 200, "a new link works")
    delete_account(mentor)
    r = outsider.get(url)
    m.check(r.status != 200 and goal not in r.text,
            f"the link outlived a deleted account: {r!r}")


def outbox_to(c):
    return int(m.sql_value("SELECT COUNT(*) FROM outbox WHERE user_id = ?", c.user_id))


@m.test
def test_only_the_mentor_asks_only_the_mentee_answers_once():
    """Item 9: either party could post requested -> requested again and
    again, each time mailing the other free text."""
    mentor, mentee, mid = pair("requested")
    m.sql("INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, note, "
          "created_at) VALUES (?, NULL, 'requested', ?, 'Please mentor me', "
          "UTC_TIMESTAMP())", mid, mentee.user_id)

    def ask(c, note):
        c.get(f"/mentorships/{mid}")
        return c.post(f"/mentorships/{mid}/stage", {"to": "requested", "note": note})

    before = outbox_to(mentor)
    r = ask(mentee, "Unasked spam to the mentor")
    m.check(r.status == 409 and "no question to answer" in r.text, f"mentee first: {r!r}")
    m.check("Unasked spam to the mentor" in r.text, "the typed note is kept")
    m.check(outbox_to(mentor) == before, "the mentor was mailed")
    page = mentee.get(f"/mentorships/{mid}")
    m.check("Answer the mentor" not in page.text, "an answer form with nothing asked")

    r = ask(mentor, "What do you want to learn first?")
    m.check(r.status == 303, f"the mentor asks: {r!r}")
    sent = outbox_to(mentee)
    r = ask(mentor, "And another thing?")
    m.check(r.status == 409 and "waits for the mentee" in r.text, f"asked twice: {r!r}")
    m.check(outbox_to(mentee) == sent, "a second question before the answer mailed")

    r = ask(mentee, "Hiring, first.")
    m.check(r.status == 303, f"the mentee answers: {r!r}")
    got = outbox_to(mentor)
    r = ask(mentee, "And more, and more.")
    m.check(r.status == 409, f"answered twice: {r!r}")
    m.check(outbox_to(mentor) == got, "a second answer mailed")
    r = ask(mentor, "Thanks. When can you start?")
    m.check(r.status == 303, f"the next question, after the answer: {r!r}")


@m.test
def test_mail_causing_posts_are_throttled_per_mentorship():
    """Item 9: meetings (each mails the agenda to the other party) could
    be posted without end."""
    mentor, mentee, mid = pair("cultivation")
    mentor.get(f"/mentorships/{mid}/meetings")
    before = outbox_to(mentee)
    statuses = []
    for i in range(12):
        r = mentor.post(f"/mentorships/{mid}/meetings", {
            "date": "2030-01-%02d" % (i + 1), "time": "10:00", "minutes": "30",
            "agenda": f"Agenda number {i}"})
        statuses.append(r.status)
        if r.status == 429:
            break
    m.check(statuses[:10] == [303] * 10, f"ten meetings an hour are fine: {statuses}")
    m.check(statuses[-1] == 429, f"the eleventh is throttled: {statuses}")
    m.check(r.header("Retry-After") and int(r.header("Retry-After")) > 0, "Retry-After")
    m.check("wait" in r.text and "Agenda number 10" in r.text,
            "the page says why and keeps the agenda")
    m.check(outbox_to(mentee) - before == 10, "mails beyond the limit")
    # it is per person and mentorship: the mentee still writes
    mentee.get(f"/mentorships/{mid}/meetings")
    r = mentee.post(f"/mentorships/{mid}/meetings", {
        "date": "2030-02-01", "time": "10:00", "minutes": "30", "agenda": "Mine"})
    m.check(r.status == 303, f"the other party is not throttled: {r!r}")
    # a step of the mentorship is never held back by it: the stage
    # machine bounds those (a new cycle waited behind an hour's meetings
    # and agreements: found walking)
    mentor.get(f"/mentorships/{mid}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "ended", "note": "Done here"})
    m.check(r.status == 303, f"stage post past the allowance: {r!r}")
    m.check(m.sql_value("SELECT stage FROM mentorships WHERE id = ?", mid) == "ended")


@m.test
def test_logged_check_ins_are_throttled_too():
    """Item 9: each logged check-in mails its note to the other party."""
    mentor, mentee, mid = pair("redefinition")
    mentor.get(f"/mentorships/{mid}")
    before = outbox_to(mentee)
    statuses = []
    for i in range(11):
        r = mentor.post(f"/mentorships/{mid}/checkins",
                        {"date": "2026-01-%02d" % (i + 1), "note": f"Check-in note {i}"})
        statuses.append(r.status)
    m.check(statuses == [303] * 10 + [429], f"statuses: {statuses}")
    m.check(r.header("Retry-After") and "Check-in note 10" in r.text,
            "Retry-After, and the note typed is kept")
    m.check(outbox_to(mentee) - before == 10, "mails beyond the limit")


def slugs(text):
    return re.findall(r'<a href="/people/([a-z0-9-]+)">', text)


def profile(c, **over):
    data = {"display_name": "Dir " + c.slug, "headline": "", "bio": "",
            "skills": "", "timezone": "UTC", "mentor": "1", "capacity": "3",
            "slug": c.slug}
    data.update(over)
    c.get("/settings")
    return c.post("/settings", data)


def listed(path, slug):
    """Eight times, so that every people worker (each keeps its own rows
    under the directory's version) answers some."""
    return [slug in slugs(m.Client().get(path).text) for _ in range(8)]


@m.test
def test_directory_lists_only_verified_mentors_with_headline_and_skill():
    """Item 10 and issue 21 item 3: an unverified account with no profile
    that ticked "I mentor" was listed at once, first."""
    tag = "dir" + m.unique("t").replace("-", "")
    by_skill, by_word = "/people?skill=" + tag, "/people?q=" + tag
    fresh = m.signup(verify=False)
    r = profile(fresh, headline=f"Coach {tag}", skills=tag)
    m.check(r.status == 303, repr(r))
    m.check("confirm your e-mail" in fresh.follow(r).text, "the settings say why")
    m.check(not any(listed(by_skill, fresh.slug) + listed(by_word, fresh.slug)),
            "an unverified mentor is listed")
    bare = m.signup()
    profile(bare, headline="", skills=tag)
    m.check(not any(listed(by_skill, bare.slug)), "a mentor without a headline is listed")
    noskill = m.signup()
    r = profile(noskill, headline=f"Coach {tag}", skills="")
    m.check("add at least one skill" in noskill.follow(r).text, "no reason given")
    m.check(not any(listed(by_word, noskill.slug)), "a mentor without skills is listed")

    # each of them is listed as soon as the rule holds: the kept rows follow
    link = [u for u in m.links(m.mail_text(m.mails_to(fresh.email, subject="confirm")[-1]))
            if "/verify" in u][0]
    fresh.get(m.local(link))
    m.check(all(listed(by_skill, fresh.slug)), "verified, but not listed")
    profile(bare, headline="Now with a headline", skills=tag)
    m.check(all(listed(by_skill, bare.slug)), "a headline added, but not listed")
    profile(noskill, headline=f"Coach {tag}", skills=tag)
    m.check(all(listed(by_word, noskill.slug)), "a skill added, but not listed")

    # an admin unlists a mentor, and lists them again
    boss = admin()
    page = boss.get("/admin/users?q=" + fresh.email)
    # the form carries the search: the answer is that search again, not the
    # newest hundred accounts (under a busy run, fresh had left them)
    kept = re.search(rf'action="/admin/users/{fresh.user_id}/listing"[^>]*>'
                     r'(?:<input[^>]*>)*?<input type="hidden" name="q" value="([^"]*)"',
                     page.text)
    m.check(kept and m.unescaped(kept.group(1)) == fresh.email,
            "the unlist form carries the search")
    r = boss.post(f"/admin/users/{fresh.user_id}/listing",
                  {"listed": "0", "q": m.unescaped(kept.group(1))})
    m.check(r.status == 303 and r.location.endswith(
        "/admin/users?q=" + fresh.email.replace("@", "%40")), f"unlist: {r!r}")
    back = boss.follow(r).text
    m.check("Unlisted" in back and fresh.email in back, "the accounts page shows it")
    m.check(not any(listed(by_skill, fresh.slug)), "an unlisted mentor is listed")
    m.check(all(listed(by_skill, bare.slug)), "unlisting took someone else out")
    m.check(m.Client().get("/people/" + fresh.slug).status == 200, "the profile stays")
    r = boss.post(f"/admin/users/{fresh.user_id}/listing", {"listed": "1"})
    m.check(r.status == 303, f"list again: {r!r}")
    m.check(all(listed(by_skill, fresh.slug)), "listed again, but not shown")
    r = boss.post("/admin/users/999999999/listing", {"listed": "0"})
    m.check(r.status == 404, f"unknown account: {r!r}")
    r = boss.post(f"/admin/users/{fresh.user_id}/listing", {"listed": "maybe"})
    m.check(r.status == 400 and "listed=0" in r.text, f"bad value: {r!r}")
    outsider = m.signup()
    outsider.get("/")
    r = outsider.post(f"/admin/users/{fresh.user_id}/listing", {"listed": "0"})
    m.check(r.status in (403, 404), f"a non-admin unlists: {r!r}")


@m.test
def test_directory_orders_by_responsiveness():
    """Issue 21 item 3: after relevance, mentors who answer requests come
    first, then the most recently active."""
    tag = "ord" + m.unique("t").replace("-", "")
    path = "/people?skill=" + tag
    slow = m.signup()
    profile(slow, headline="Same words", skills=tag)
    quick = m.signup()          # newer: first while nobody has answered
    profile(quick, headline="Same words", skills=tag)

    def order():
        pages = [[x for x in slugs(m.Client().get(p).text) if x in (slow.slug, quick.slug)]
                 for p in (path, "/people?q=" + tag) for _ in range(4)]
        m.check(all(pg == pages[0] for pg in pages), f"pages differ: {pages}")
        return pages[0]

    m.check(order() == [quick.slug, slow.slug], f"before: {order()}")
    mentee = m.signup()
    _, _, mid = pair("requested", mentor=slow, mentee=mentee)
    slow.get(f"/mentorships/{mid}")
    r = slow.post(f"/mentorships/{mid}/stage", {"to": "declined", "note": ""})
    m.check(r.status == 303, f"decline: {r!r}")
    m.check(order() == [slow.slug, quick.slug], f"the one who answered is not first: {order()}")


@m.test
def test_unverified_accounts_cannot_publish():
    """Item 10: an unverified account could publish roadmaps to the shared
    library and make public threads."""
    c = m.signup(verify=False)
    title = "Unverified roadmap " + m.unique("r")
    c.get("/roadmaps/new")
    r = c.post("/roadmaps/new", {"title": title, "summary": "Mine", "visibility": "shared"})
    m.check(r.status == 422 and "Confirm your e-mail address" in r.text, f"shared: {r!r}")
    m.check(title in r.text, "the title typed is kept")
    m.check(m.sql_value("SELECT COUNT(*) FROM roadmaps WHERE title = ?", title) == "0")
    r = c.post("/roadmaps/new", {"title": title, "summary": "Mine", "visibility": "private"})
    m.check(r.status == 303, f"a private roadmap is fine: {r!r}")
    rid = m.sql_value("SELECT id FROM roadmaps WHERE title = ?", title)
    c.get(f"/roadmaps/{rid}/edit")
    r = c.post(f"/roadmaps/{rid}/edit", {"title": title, "visibility": "shared"})
    m.check(r.status == 422, f"shared by an edit: {r!r}")
    m.check(m.sql_value("SELECT visibility FROM roadmaps WHERE id = ?", rid) == "private")

    thread = "Unverified thread " + m.unique("t")
    c.get("/threads/new")
    r = c.post("/threads/new", {"title": thread, "purpose": "p", "visibility": "public"})
    m.check(r.status == 422 and "Confirm your e-mail address" in r.text, f"public: {r!r}")
    m.check(thread in r.text, "the title typed is kept")
    m.check(m.sql_value("SELECT COUNT(*) FROM threads WHERE title = ?", thread) == "0")
    r = c.post("/threads/new", {"title": thread, "purpose": "p", "visibility": "private"})
    m.check(r.status == 303, f"a private thread is fine: {r!r}")
    tid = m.sql_value("SELECT id FROM threads WHERE title = ?", thread)
    c.get(f"/threads/{tid}/edit")
    r = c.post(f"/threads/{tid}/edit", {"title": thread, "purpose": "p", "visibility": "public"})
    m.check(r.status == 422 and "Confirm your e-mail address" in r.text,
            f"made public by an edit: {r!r}")
    m.check(m.sql_value("SELECT visibility FROM threads WHERE id = ?", tid) == "private")


if __name__ == "__main__":
    m.main()
