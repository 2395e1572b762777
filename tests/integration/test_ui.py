"""The pair's experience (issue 21): what a person meets in the browser,
driven over HTTP against the real stack. A reload of a form's target,
thread edits and answers, Redefinition check-ins, roadmaps applied twice."""
import datetime
import glob
import os
import re
import subprocess

import menteo as m

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def today():
    """The database's UTC date, read when asked: the pages count from it,
    and a run may cross midnight (a date read once at import did)."""
    return datetime.date.fromisoformat(m.sql_value("SELECT UTC_DATE()"))


LATER = (datetime.date.today() + datetime.timedelta(days=180)).isoformat()


def routes():
    """(program, method, pattern) of every route table in cgi-bin/: the
    test follows the programs as they grow."""
    out = []
    # a program is cgi-bin/NAME.c, or a folder whose main.c holds the table
    files = glob.glob(os.path.join(ROOT, "cgi-bin", "*.c")) + \
        glob.glob(os.path.join(ROOT, "cgi-bin", "*", "main.c"))
    for f in sorted(files):
        with open(f) as fh:
            src = fh.read()
        table = re.search(r"struct route routes\[\] = \{(.*?)\n\};", src, re.S)
        if not table:
            continue
        prog = os.path.basename(os.path.dirname(f)) \
            if os.path.basename(f) == "main.c" else os.path.basename(f)[:-2]
        for meth, pat in re.findall(r'\{\s*"(GET|POST)",\s*"([^"]+)"', table.group(1)):
            out.append((prog, meth, pat))
    return out


def pair():
    mentor = m.make_mentor()
    mentee = m.signup()
    mentee.get(f"/mentorships/new?mentor={mentor.slug}")
    r = mentee.post("/mentorships/new", {"mentor": mentor.slug, "focus": "Lead a team",
                                          "message": "I lead a team of six."})
    m.check(r.status == 303, f"request: {r!r}")
    mid = int(re.search(r"/mentorships/(\d+)$", r.location).group(1))
    return mentor, mentee, mid


@m.test
def test_get_on_every_post_only_path_goes_to_its_form():
    # SPEC 9: a reload or a shared address of a form's target is a 303 to
    # the page holding the form, in every program, never a 405 page
    mentor, mentee, mid = pair()
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", mentor.user_id)
    all_routes = routes()
    gets = {p for _, meth, p in all_routes if meth == "GET"}
    only_post = sorted({(prog, p) for prog, meth, p in all_routes
                        if meth == "POST" and p not in gets})
    m.check(len(only_post) > 20, f"route tables not found: {only_post}")
    seen = set()
    for prog, pat in only_post:
        path = re.sub(r"\{id\}", str(mid), pat)
        path = re.sub(r"\{[a-z_]+\}", "x", path)
        r = mentor.get(path)
        m.check(r.status == 303, f"GET {path} ({prog}): {r.status}, not 303")
        loc = r.location
        m.check(loc and loc.startswith("/") and "\r" not in loc, f"GET {path}: Location {loc!r}")
        m.check(loc != path and path.startswith(loc.rstrip("/") + "/") or loc == "/",
                f"GET {path}: {loc} is not a page above it")
        seen.add(prog)
    m.check({"admin", "auth", "mentorships", "people", "roadmaps", "rooms", "threads"} <= seen,
            f"programs covered: {seen}")
    # a programme's question is removed on its own page (and the settings
    # list), where the reload goes (it went to the programme's overview:
    # found walking)
    r = mentor.get("/programmes/x/settings/questions/1/delete")
    m.check(r.status == 303 and r.location == "/programmes/x/settings/questions/1",
            f"a question's removal: {r.status} {r.location}")
    # the reported case: a refused stage change, then a reload
    r = mentee.get(f"/mentorships/{mid}/stage")
    m.check(r.status == 303 and r.location == f"/mentorships/{mid}", f"stage: {r!r}")
    m.check(mentee.follow(r).status == 200, "the mentorship page opens")
    r = mentee.get(f"/rooms/{mid}/messages")
    m.check(r.location == f"/rooms/{mid}", f"room: {r.location}")
    r = mentor.get(f"/admin/outbox/5/retry")
    m.check(r.location == "/admin/outbox", f"outbox: {r.location}")
    r = mentor.get("/settings/notifications")
    m.check(r.location == "/settings", f"settings: {r.location}")
    r = mentor.get("/logout")
    m.check(r.status == 303 and r.location == "/", f"logout: {r!r}")
    # HEAD answers as GET; any other method is still 405 with Allow
    r = mentor.request("HEAD", f"/mentorships/{mid}/stage")
    m.check(r.status == 303, f"HEAD: {r!r}")
    r = mentor.request("PUT", f"/mentorships/{mid}/stage")
    m.check(r.status == 405 and r.header("Allow"), f"PUT: {r!r}")


def cultivating_pair():
    mentor, mentee, mid = pair()
    m.sql("UPDATE mentorships SET stage = 'cultivation' WHERE id = ?", mid)
    return mentor, mentee, mid


def new_thread(c, mid, visibility="mentorship"):
    c.get("/threads/new")
    r = c.post("/threads/new", {"title": "Learning to delegate", "purpose": "Why",
                                "visibility": visibility, "mentorship": str(mid)})
    m.check(r.status == 303, f"thread: {r!r}")
    tid = int(re.fullmatch(r"/threads/(\d+)", r.location).group(1))
    c.get(f"/threads/{tid}")
    r = c.post(f"/threads/{tid}/entries", {"kind": "experiment", "body": "I tried it."})
    m.check(r.status == 303, f"entry: {r!r}")
    eid = int(re.search(r"entry-(\d+)", r.location).group(1))
    return tid, eid


@m.test
def test_thread_title_purpose_visibility_edit():
    # SPEC 6: the owner changes a thread's title, purpose and visibility
    mentor, mentee, mid = cultivating_pair()
    tid, _ = new_thread(mentee, mid, "private")
    r = mentee.get(f"/threads/{tid}")
    m.check(f'href="/threads/{tid}/edit"' in r.text, "an edit link on the owner's page")
    r = mentee.get(f"/threads/{tid}/edit")
    m.check(r.status == 200 and 'value="Learning to delegate"' in r.text, f"edit form: {r!r}")
    m.check('value="private" checked' in r.text, "the stored visibility chosen")
    # the mentor can neither read a private thread nor change it
    m.check(mentor.get(f"/threads/{tid}").status == 404, "private to the owner")
    # a bad edit comes back 422 with what was typed
    r = mentee.post(f"/threads/{tid}/edit", {"title": "", "purpose": "typed purpose",
                                             "visibility": "public"})
    m.check(r.status == 422 and "typed purpose" in r.text, f"bad edit: {r!r}")
    m.check(m.sql_value("SELECT title FROM threads WHERE id = ?", tid) == "Learning to delegate",
            "nothing saved")
    r = mentee.post(f"/threads/{tid}/edit", {"title": "Delegating, week by week",
                                             "purpose": "New **purpose**",
                                             "visibility": "mentorship", "mentorship": str(mid)})
    m.check(r.status == 303 and r.location == f"/threads/{tid}", f"edit: {r!r}")
    m.check(m.sql("SELECT title, purpose, visibility FROM threads WHERE id = ?", tid) ==
            [["Delegating, week by week", "New **purpose**", "mentorship"]], "saved")
    r = mentor.get(f"/threads/{tid}")
    m.check(r.status == 200 and "Delegating, week by week" in r.text, "now the mentor reads it")
    m.check(f'/threads/{tid}/edit"' not in r.text, "no edit link for the mentor")
    r = mentor.post(f"/threads/{tid}/edit", {"title": "Mine now", "visibility": "public"})
    m.check(r.status == 403, f"mentor edit: {r!r}")
    m.check(mentor.get(f"/threads/{tid}/edit").status == 403, "mentor edit form")
    # mentorship visibility needs a linked mentorship
    r = mentee.post(f"/threads/{tid}/edit", {"title": "T", "visibility": "mentorship"})
    m.check(r.status == 422, f"mentorship without link: {r!r}")


@m.test
def test_owner_answers_the_mentors_feedback():
    mentor, mentee, mid = cultivating_pair()
    tid, eid = new_thread(mentee, mid)
    r = mentee.get(f"/threads/{tid}")
    m.check("Answer the feedback" not in r.text, "nothing to answer yet")
    r = mentee.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "me first"})
    m.check(r.status == 403, f"answer with no feedback: {r!r}")
    mentor.get(f"/threads/{tid}")
    r = mentor.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "Try smaller steps."})
    m.check(r.status == 303, f"feedback: {r!r}")
    r = mentee.get(f"/threads/{tid}")
    m.check("Answer the feedback" in r.text, "the owner is offered an answer")
    r = mentee.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "I will, thanks!"})
    m.check(r.status == 303, f"answer: {r!r}")
    for c in (mentor, mentee):
        t = c.get(f"/threads/{tid}/entries/{eid}").text
        m.check("Answer from" in t and "I will, thanks!" in t and "Feedback from" in t,
                "feedback and answer shown, each named")
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE user_id = ? AND kind = "
                        "'thread-feedback'", mentee.user_id) == "1",
            "the owner's own answer mails nobody about feedback")


@m.test
def test_redefinition_checkin_is_logged_and_sets_the_next():
    # SPEC 3: either logs a check-in (date, note), which sets the next
    mentor, mentee, mid = cultivating_pair()
    mentee.get(f"/mentorships/{mid}")
    r = mentee.post(f"/mentorships/{mid}/checkins", {"date": today().isoformat(), "note": "x"})
    m.check(r.status == 409, f"check-in in Cultivation: {r!r}")
    m.sql("UPDATE mentorships SET stage = 'redefinition' WHERE id = ?", mid)
    r = mentee.get(f"/mentorships/{mid}")
    m.check(f'action="/mentorships/{mid}/checkins"' in r.text, "a form to log a check-in")
    m.check(f'value="{today().isoformat()}"' in r.text, "today's date offered")
    r = mentee.post(f"/mentorships/{mid}/checkin", {"checkin_months": "3"})
    m.check(r.status == 303, f"interval: {r!r}")
    later = (today() + datetime.timedelta(days=3)).isoformat()
    r = mentee.post(f"/mentorships/{mid}/checkins", {"date": later, "note": "typed <note>"})
    m.check(r.status == 422 and "typed &lt;note&gt;" in r.text, f"future check-in: {r!r}")
    r = mentee.post(f"/mentorships/{mid}/checkins", {"date": "2026-02-30", "note": ""})
    m.check(r.status == 422, f"bad date: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM checkins WHERE mentorship_id = ?", mid) == "0",
            "nothing logged by a refused form")
    held = (today() - datetime.timedelta(days=2)).isoformat()
    r = mentee.post(f"/mentorships/{mid}/checkins", {"date": held, "note": "Talked about the **new** role"})
    m.check(r.status == 303, f"log: {r!r}")
    m.check(m.sql("SELECT held_on, logged_by FROM checkins WHERE mentorship_id = ?", mid) ==
            [[held, str(mentee.user_id)]], "stored")
    want = m.sql_value("SELECT DATE(?) + INTERVAL 3 MONTH", held)
    m.check(m.sql_value("SELECT next_checkin FROM mentorships WHERE id = ?", mid) == want,
            "the next check-in falls due three months after this one")
    r = mentor.get(f"/mentorships/{mid}")
    m.check("Talked about the **new** role" in r.text, "the mentor sees it")
    m.check(m.mails_to(mentor.email, subject="Check-in logged"), "the other party is told")
    stranger = m.signup()
    stranger.get("/")
    r = stranger.post(f"/mentorships/{mid}/checkins", {"date": held, "note": "x"})
    m.check(r.status in (403, 404), f"stranger: {r!r}")


def settings_form(c, **over):
    data = {"display_name": "Zone Person", "headline": "", "bio": "", "skills": "",
            "timezone": "UTC", "capacity": "0", "slug": c.slug}
    data.update(over)
    return data


@m.test
def test_time_zone_is_a_select_of_iana_zones_by_region():
    c = m.signup()
    r = c.get("/settings")
    sel = re.search(r'<select id="timezone" name="timezone"[^>]*>(.*?)</select>', r.text, re.S)
    m.check(sel, "the time zone is a select, not a free-text field")
    groups = re.findall(r'<optgroup label="([^"]+)">', sel.group(1))
    m.check({"Europe", "Americas", "Asia", "Africa", "Pacific"} <= set(groups), f"regions: {groups}")
    m.check(len(groups) == len(set(groups)), "each region once")
    m.check('<option value="Europe/Berlin">Berlin</option>' in sel.group(1), "Berlin by its city")
    m.check('<option value="America/New_York">New York</option>' in sel.group(1), "New York")
    m.check(len(re.findall("<option ", sel.group(1))) > 300, "every zone of the database")
    m.check('<option value="UTC" selected>' in sel.group(1), "a new account's UTC chosen")
    m.check('data-zone-guess="1"' in r.text, "the browser may offer its zone")
    # what the issue reported: "Berlin" typed by a script is refused,
    # kept on the form, and the rest of the form is kept too
    r = c.post("/settings", settings_form(c, timezone="Berlin", headline="Kept words"))
    m.check(r.status == 422 and 'id="timezone-error"' in r.text, f"Berlin: {r!r}")
    m.check('<option value="Berlin" selected>' in r.text and "Kept words" in r.text,
            "what was sent is kept")
    r = c.post("/settings", settings_form(c, timezone="Europe/Berlin"))
    m.check(r.status == 303, f"save: {r!r}")
    m.check(m.sql_value("SELECT timezone FROM users WHERE id = ?", c.user_id) == "Europe/Berlin",
            "saved")
    r = c.get("/settings")
    m.check('<option value="Europe/Berlin" selected>Berlin</option>' in r.text, "shown as chosen")
    m.check('data-zone-guess' not in r.text, "a chosen zone is never replaced by a guess")
    # a zone stored under an older name stays chosen and shown
    m.sql("UPDATE users SET timezone = 'Asia/Calcutta' WHERE id = ?", c.user_id)
    r = c.get("/settings")
    m.check('<option value="Asia/Calcutta" selected>' in r.text, "an alias kept")
    # one sent is saved as the list's name, as sign-up keeps a browser's
    r = c.post("/settings", settings_form(c, timezone="Asia/Calcutta"))
    m.check(r.status == 303, f"an old name: {r!r}")
    m.check(m.sql_value("SELECT timezone FROM users WHERE id = ?", c.user_id) == "Asia/Kolkata",
            "an old name saved as the zone it links to")


def curated(title):
    return int(m.sql_value("SELECT id FROM roadmaps WHERE kind = 'curated' AND title = ?", title))


def apply_roadmap(c, mid, rid, start, **extra):
    c.get(f"/mentorships/{mid}/roadmap")
    data = {"roadmap": str(rid), "start_date": start}
    data.update(extra)
    return c.post(f"/mentorships/{mid}/roadmap", data)


def milestones(mid):
    return int(m.sql_value("SELECT COUNT(*) FROM mentorship_milestones WHERE mentorship_id = ?", mid))


@m.test
def test_applying_a_roadmap_twice_asks_first():
    mentor, mentee, mid = cultivating_pair()
    rid = curated("Land a director role")
    r = apply_roadmap(mentor, mid, rid, today().isoformat())
    m.check(r.status == 303, f"apply: {r!r}")
    n = milestones(mid)
    m.check(n >= 6, f"{n} milestones")
    # the same roadmap again, as a double click or a second person would
    later = (today() + datetime.timedelta(days=7)).isoformat()
    r = apply_roadmap(mentee, mid, rid, later)
    m.check(r.status == 409, f"second apply: {r!r}")
    m.check("is applied already" in r.text and 'name="again" value="1"' in r.text,
            "the page asks first")
    m.check(f'name="start_date" value="{later}"' in r.text, "and keeps the start date chosen")
    m.check(milestones(mid) == n, "nothing duplicated without asking")
    # a copy of it is the same roadmap: asked too (a copy, then its
    # original, made each milestone twice: found walking)
    mentor.get(f"/roadmaps/{rid}")
    r = mentor.post(f"/roadmaps/{rid}/copy", {})
    m.check(r.status == 303, f"copy: {r!r}")
    copy = int(re.search(r"/roadmaps/(\d+)$", r.location).group(1))
    r = apply_roadmap(mentor, mid, copy, later)
    m.check(r.status == 409 and "is applied already" in r.text, f"its copy: {r!r}")
    m.check(milestones(mid) == n, "a copy's milestones added without asking")
    # a different roadmap is no question
    r = apply_roadmap(mentee, mid, curated("Launch your MVP"), later)
    m.check(r.status == 303, f"another roadmap: {r!r}")
    n2 = milestones(mid)
    # yes, again
    r = apply_roadmap(mentee, mid, rid, later, again="1")
    m.check(r.status == 303, f"again: {r!r}")
    m.check(milestones(mid) == n2 + n, "applied again once asked")


@m.test
def test_milestone_due_the_day_it_is_applied_mails_nobody():
    mentor, mentee, mid = cultivating_pair()
    # week 0 due today; another roadmap starting in two days: week 0 due then
    r = apply_roadmap(mentor, mid, curated("Land a director role"), today().isoformat())
    m.check(r.status == 303, f"apply today: {r!r}")
    soon = (today() + datetime.timedelta(days=2)).isoformat()
    r = apply_roadmap(mentor, mid, curated("Raise a seed round"), soon)
    m.check(r.status == 303, f"apply in two days: {r!r}")
    today_ids = [x[0] for x in m.sql("SELECT id FROM mentorship_milestones WHERE "
                                     "mentorship_id = ? AND due_date = UTC_DATE()", mid)]
    soon_ids = [x[0] for x in m.sql("SELECT id FROM mentorship_milestones WHERE "
                                    "mentorship_id = ? AND due_date = ?", mid, soon)]
    m.check(today_ids and soon_ids, f"week-0 milestones: {today_ids} {soon_ids}")
    # a scan: the one due in two days is reminded (that day to the mentee
    # alone: the mentor applied it), the one due today never
    key = f"milestone-3d:{soon_ids[0]}:%"
    notify = subprocess.run([os.path.join(m.BUILD, "bin/menteo-notify"), "--once"],
                            env=dict(os.environ, MENTEO_CONF=os.path.join(os.path.abspath(m.VAR),
                                                                          "menteo.conf")),
                            capture_output=True, timeout=60)
    m.check(notify.returncode == 0, f"menteo-notify --once: {notify.stderr!r}")
    m.check([k for (k,) in m.sql("SELECT dedup_key FROM outbox WHERE dedup_key LIKE ?", key)]
            == [key.replace("%", f"{soon}:{mentee.user_id}")],
            "the milestone due in two days is reminded to the mentee alone")
    for i in today_ids:
        m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE dedup_key LIKE ?",
                            f"milestone-%:{i}:%") == "0", "a milestone due the day it was applied mailed")


@m.test
def test_milestone_checkbox_is_a_form_per_milestone():
    mentor, mentee, mid = cultivating_pair()
    r = apply_roadmap(mentor, mid, curated("Land a director role"), today().isoformat())
    m.check(r.status == 303, f"apply: {r!r}")
    page = mentee.get(f"/mentorships/{mid}/roadmap").text
    ids = [x[0] for x in m.sql("SELECT id FROM mentorship_milestones WHERE mentorship_id = ? "
                               "ORDER BY due_date, position, id", mid)]
    boxes = re.findall(r'<button class="check-box" role="checkbox" aria-checked="(true|false)"', page)
    m.check(len(boxes) == len(ids) and set(boxes) == {"false"}, f"one box per milestone: {boxes}")
    m.check("Mark done" not in page, "no second control beside the box")
    for i in ids:
        m.check(f'action="/mentorships/{mid}/roadmap/milestones/{i}" class="milestone-toggle"' in page,
                f"milestone {i} has its own form")
    r = mentee.post(f"/mentorships/{mid}/roadmap/milestones/{ids[0]}", {"done": "1"})
    m.check(r.status == 303, f"tick: {r!r}")
    page = mentee.follow(r).text
    m.check("Milestone done." in page, "said without JavaScript")
    m.check(page.count('aria-checked="true"') == 1, "ticked")
    # menteo.js sends instant=1 and shows the change itself: no flash later
    r = mentee.post(f"/mentorships/{mid}/roadmap/milestones/{ids[0]}", {"done": "0", "instant": "1"})
    m.check(r.status == 303, f"untick: {r!r}")
    page = mentee.follow(r).text
    m.check("Milestone reopened." not in page and 'aria-checked="true"' not in page, "unticked, no flash")


def next_step(text):
    """The "Next step" card of a mentorship page, or ''."""
    mt = re.search(r'<section class="card highlight next-step".*?</section>', text, re.S)
    return mt.group(0) if mt else ""


def accept(mentor, mid):
    mentor.get(f"/mentorships/{mid}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "initiation", "note": ""})
    m.check(r.status == 303, f"accept: {r!r}")


def write_contract(c, mid, goals=3):
    c.get(f"/mentorships/{mid}/contract")
    r = c.post(f"/mentorships/{mid}/contract", [
        ("ground_rules", "Answer within two days."), ("cadence", "biweekly"),
        ("channels", "room"), ("review_date", LATER)])
    m.check(r.status == 303, f"terms: {r!r}")
    for i in range(goals):
        r = c.post(f"/mentorships/{mid}/goals", {"title": f"Goal {i}", "measure": "Done",
                                                  "target_date": ""})
        m.check(r.status == 303, f"goal: {r!r}")


def agree(c, mid):
    c.get(f"/mentorships/{mid}/contract")
    r = c.post(f"/mentorships/{mid}/contract", {"agree": "1"})
    m.check(r.status == 303, f"agree: {r!r}")


@m.test
def test_the_main_button_is_the_next_step_per_stage_and_person():
    mentor, mentee, mid = pair()
    accept(mentor, mid)
    # Initiation, nothing written: finish the contract, and say what is missing
    page = mentor.get(f"/mentorships/{mid}").text
    card = next_step(page)
    m.check(f'href="/mentorships/{mid}/contract">Finish the contract' in card, f"initiation: {card!r}")
    m.check("not complete yet. Write the ground rules first." in card, "what is missing is said")
    m.check("Start Cultivation" not in page, "no Start Cultivation before the contract is agreed")
    write_contract(mentor, mid)
    agree(mentor, mid)
    card = next_step(mentor.get(f"/mentorships/{mid}").text)
    m.check("Waiting for" in card and "btn-primary" not in card, f"mentor waits: {card!r}")
    card = next_step(mentee.get(f"/mentorships/{mid}").text)
    m.check("Read and agree to the contract" in card, f"mentee agrees: {card!r}")
    agree(mentee, mid)
    page = mentee.get(f"/mentorships/{mid}").text
    card = next_step(page)
    m.check('value="cultivation"' in card and "Start Cultivation" in card, f"both agreed: {card!r}")
    m.check(page.count(">Start Cultivation<") == 1, "offered once")
    r = mentee.post(f"/mentorships/{mid}/stage", {"to": "cultivation", "note": ""})
    m.check(r.status == 303, f"cultivation: {r!r}")
    # Cultivation: the room first, the meetings and the roadmap beside it;
    # Separation is not offered while goals are open and the review is far
    mentor.get(f"/rooms/{mid}")
    r = mentor.post(f"/rooms/{mid}/messages", {"body": "Welcome!"})
    m.check(r.status == 303, f"message: {r!r}")
    page = mentee.get(f"/mentorships/{mid}").text
    card = next_step(page)
    m.check(f'class="btn btn-primary" href="/rooms/{mid}">Open the room (1 unread)' in card,
            f"the room is the main button: {card!r}")
    m.check("Plan a meeting" in card and "Apply a roadmap" in card, f"meetings, roadmap: {card!r}")
    m.check("Move to Separation" not in page, "Separation not offered yet")
    # the review date near: review the goals
    m.sql("UPDATE mentorships SET review_date = UTC_DATE() + INTERVAL 5 DAY WHERE id = ?", mid)
    card = next_step(mentee.get(f"/mentorships/{mid}").text)
    m.check(f'class="btn btn-primary" href="/mentorships/{mid}/review">Review the goals' in card,
            f"review near: {card!r}")
    m.check("The review is in 5 days" in card, "says when")
    m.sql("UPDATE goals SET status = 'achieved' WHERE mentorship_id = ?", mid)
    page = mentee.get(f"/mentorships/{mid}").text
    card = next_step(page)
    m.check('value="separation"' in card and "Move to Separation" in card, f"separation: {card!r}")
    m.check(page.count(">Move to Separation<") == 1, "offered once")
    r = mentee.post(f"/mentorships/{mid}/stage", {"to": "separation", "note": ""})
    m.check(r.status == 303, f"separation: {r!r}")
    # Separation: the mentor acknowledges, the mentee waits for it
    card = next_step(mentor.get(f"/mentorships/{mid}").text)
    m.check("Acknowledge the goals achieved" in card, f"mentor acknowledges: {card!r}")
    card = next_step(mentee.get(f"/mentorships/{mid}").text)
    m.check("Waiting for" in card and "Acknowledge" not in card, f"mentee waits: {card!r}")


@m.test
def test_request_screens_show_each_person_what_they_can_do_now():
    mentor, mentee, mid = pair()
    # right after sending: nobody asked anything, so nothing to answer
    page = mentee.get(f"/mentorships/{mid}").text
    m.check("Answer the mentor" not in page and "Your answer" not in page, "no answer form yet")
    m.check("Withdraw the request" in page and 'data-confirm="Withdraw your request to'
            in m.unescaped(page), "the mentee may withdraw, asked first")
    # the mentor reads the request before the forms
    page = mentor.get(f"/mentorships/{mid}").text
    m.check("I lead a team of six." in page, "the request")
    m.check(page.index("I lead a team of six.") < page.index(">Accept<"), "the request first")
    # /mentorships: no empty "Needs your attention" for the mentee (the
    # dashboard's words: an overdue milestone is no answer owed)
    page = mentee.get("/mentorships").text
    m.check("Needs your attention" not in page, "no empty heading")
    m.check("Needs your attention" in mentor.get("/mentorships").text, "the mentor's request waits")
    # a mentor who is nobody's mentee is not told to find another mentor
    m.check("Find another mentor" not in mentor.get("/").text, "mentor dashboard")
    m.check("Find another mentor" in mentee.get("/").text, "mentee dashboard")
    # once the mentor asks, the mentee answers
    mentor.get(f"/mentorships/{mid}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "requested", "note": "Which team?"})
    m.check(r.status == 303, f"ask: {r!r}")
    page = mentee.get(f"/mentorships/{mid}").text
    m.check("Answer the mentor" in page and "Which team?" in page, "the question and its answer form")


def cadence_dd(text):
    mt = re.search(r"<dt>Cadence</dt><dd>(.*?)</dd>", text)
    return mt.group(1) if mt else None


@m.test
def test_status_text_says_what_is_true_now():
    mentor, mentee, mid = pair()
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", mentor.user_id)
    mentor.get(f"/mentorships/{mid}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "requested", "note": "Which team?"})
    m.check(r.status == 303, f"ask: {r!r}")
    accept(mentor, mid)
    write_contract(mentor, mid)
    agree(mentor, mid)
    agree(mentee, mid)
    r = mentee.post(f"/mentorships/{mid}/stage", {"to": "cultivation", "note": ""})
    m.check(r.status == 303, f"cultivation: {r!r}")
    # no meeting held: the cadence is not "kept"; minutes in, no verdict yet
    page = mentee.get(f"/mentorships/{mid}").text
    m.check("On schedule" not in page, "on schedule with no meeting")
    m.check("First meeting to plan" in page and "No meeting in the last" not in page,
            "no verdict before one interval")
    # one interval (two weeks) later, the verdict in words
    m.sql("UPDATE mentorships SET stage_changed_at = UTC_TIMESTAMP() - INTERVAL 15 DAY "
          "WHERE id = ?", mid)
    page = mentee.get(f"/mentorships/{mid}").text
    m.check("No meeting in the last 6 weeks" in page and "meeting(s)" not in page, "in words")
    m.check(cadence_dd(page) == "Every two weeks", f"cadence in Cultivation: {cadence_dd(page)}")
    # Separation, acknowledgment, Redefinition
    m.sql("UPDATE goals SET status = 'achieved' WHERE mentorship_id = ?", mid)
    r = mentee.post(f"/mentorships/{mid}/stage", {"to": "separation", "note": ""})
    m.check(r.status == 303, f"separation: {r!r}")
    mentor.get(f"/mentorships/{mid}/review")
    r = mentor.post(f"/mentorships/{mid}/review", {"acknowledge": "1"})
    m.check(r.status == 303, f"ack: {r!r}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "redefinition", "note": ""})
    m.check(r.status == 303, f"redefinition: {r!r}")
    page = mentee.get(f"/mentorships/{mid}").text
    m.check("days left" not in page, "no countdown to a review that was held")
    m.check(cadence_dd(page).startswith("Occasional check-ins"), f"redefinition: {cadence_dd(page)}")
    mentee.post(f"/mentorships/{mid}/checkin", {"checkin_months": "3"})
    page = mentee.get(f"/mentorships/{mid}").text
    m.check(cadence_dd(page).startswith("Check-ins every 3 months"), f"interval: {cadence_dd(page)}")
    m.check("You check in every 3 months." in page and "month(s)" not in page, "in words")
    # a second cycle: the first acknowledgment is not this cycle's
    m.sql("UPDATE mentorships SET stage = 'cultivation', stage_changed_at = UTC_TIMESTAMP() "
          "+ INTERVAL 1 SECOND WHERE id = ?", mid)
    page = mentee.get(f"/mentorships/{mid}").text
    m.check("Acknowledged by the mentor" not in page, "an old acknowledgment shown as this cycle's")
    m.check("earlier cycle were acknowledged" in page, "said as the earlier cycle's")
    # the admin timeline in words
    page = mentor.get(f"/admin/mentorships/{mid}").text
    m.check("requested → requested" not in page and "→ initiation" not in page, "raw codes")
    m.check("Asked a question" in page and "Requested → Initiation" in page,
            "the admin timeline in words")


@m.test
def test_a_refused_ending_keeps_its_form_open():
    """Ending with a reason of spaces only was refused (409), and the page
    came back with the "End the mentorship" form folded shut: the person
    had to find it again to read why (found walking the product)."""
    mentor, mentee, mid = pair()
    mentor.get(f"/mentorships/{mid}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "initiation"})
    m.check(r.status == 303, f"accept: {r!r}")
    page = mentee.get(f"/mentorships/{mid}").text
    m.check('<details class="disclosure"><summary>End the mentorship' in page and
            'data-confirm="End this mentorship with' in page, "folded, asking first")
    # an empty reason is the form's problem (422), said beside the note
    r = mentee.post(f"/mentorships/{mid}/stage", {"to": "ended", "note": "   "})
    m.check(r.status == 422 and 'id="note-ended-error">Give a reason for ending' in r.text and
            '<details class="disclosure" open><summary>End the mentorship' in r.text,
            f"the refusal folds the form: {r.status}")
    r = mentee.post(f"/mentorships/{mid}/stage", {"to": "ended", "note": "Moving on"})
    m.check(r.status == 303, f"ended: {r!r}")
    t = " ".join(re.sub(r"<[^>]+>", " ", mentee.get(f"/mentorships/{mid}").text).split())
    m.check(re.search(r"Closed: Ended on \d+ \w+ \d{4} · Mentor .* asked on \d+ \w+ \d{4}\.",
                      m.unescaped(t)) is not None,
            f"a closed pair said 'since' its request: {t[:600]}")


if __name__ == "__main__":
    m.main()
