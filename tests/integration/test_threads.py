"""Growth Threads (docs/product.md: Growth Threads): visibility for owner, mentor, stranger and
signed-out visitors on every URL; entries, kinds, filter, edit/delete;
safe Markdown; mentor feedback by e-mail; the Atom feed, parsed."""
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import menteo as m

ATOM = "{http://www.w3.org/2005/Atom}"
KINDS = ["assumption", "experiment", "failure", "breakthrough", "lesson",
         "update"]

# Three people, made once: the owner (a mentee), their mentor, a stranger.
S = {}


def people():
    if not S:
        S["owner"] = m.signup()
        S["mentor"] = m.make_mentor()
        S["stranger"] = m.signup()
        S["mship"] = mentorship(S["mentor"], S["owner"])
        # a mentorship the owner is not part of
        S["other_mship"] = mentorship(S["mentor"], S["stranger"])
    return S["owner"], S["mentor"], S["stranger"]


def mentorship(mentor, mentee, stage="cultivation"):
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, "
          "message, stage_changed_at, created_at) VALUES (?, ?, ?, ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", mentor.user_id,
          mentee.user_id, stage, m.unique("focus"))
    return int(m.sql_value("SELECT MAX(id) FROM mentorships WHERE "
                           "mentor_id = ? AND mentee_id = ?",
                           mentor.user_id, mentee.user_id))


def new_thread(c, visibility, mship=None, title=None, purpose="Why I keep it"):
    title = title or m.unique(f"{visibility} thread")
    c.get("/threads/new")
    data = {"title": title, "purpose": purpose, "visibility": visibility}
    if mship is not None:
        data["mentorship"] = str(mship)
    r = c.post("/threads/new", data)
    m.check(r.status == 303, f"create thread: {r!r}")
    mt = re.fullmatch(r"/threads/(\d+)", r.location or "")
    m.check(mt, f"redirect to the thread: {r.location}")
    return int(mt.group(1)), title


def add_entry(c, tid, kind, body):
    c.get(f"/threads/{tid}")
    r = c.post(f"/threads/{tid}/entries", {"kind": kind, "body": body})
    m.check(r.status == 303, f"add entry: {r!r}")
    mt = re.fullmatch(rf"/threads/{tid}#entry-(\d+)", r.location or "")
    m.check(mt, f"redirect to the entry: {r.location}")
    return int(mt.group(1))


def status(c, path):
    return (c or m.Client()).get(path).status


def parse_atom(r):
    m.check(r.status == 200, f"feed: {r!r}")
    m.check(r.header("Content-Type") ==
            "application/atom+xml; charset=utf-8",
            f"feed type: {r.header('Content-Type')}")
    root = ET.fromstring(r.body)
    m.check(root.tag == ATOM + "feed", f"root element: {root.tag}")
    if shutil.which("xmllint"):
        p = subprocess.run(["xmllint", "--noout", "-"], input=r.body,
                           capture_output=True)
        m.check(p.returncode == 0, f"xmllint: {p.stderr!r}")
    return root


RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@m.test
def test_create_form_and_bad_input():
    owner, mentor, stranger = people()
    r = owner.get("/threads/new")
    m.check(r.status == 200 and 'name="visibility"' in r.text, repr(r))
    m.check(f'value="{S["mship"]}"' in r.text, "own mentorship offered")
    # empty title: 422, what was typed kept
    r = owner.post("/threads/new", {"title": "", "purpose": "kept <purpose>\nline two",
                                    "visibility": "public"})
    m.check(r.status == 422, f"empty title: {r!r}")
    m.check("kept &lt;purpose&gt;\nline two" in r.text, "purpose kept with newline")
    # mentorship visibility without a mentorship
    r = owner.post("/threads/new", {"title": "Keep me", "visibility": "mentorship"})
    m.check(r.status == 422 and 'value="Keep me"' in r.text, f"no mship: {r!r}")
    # someone else's mentorship
    r = owner.post("/threads/new", {"title": "Keep me", "visibility": "mentorship",
                                    "mentorship": str(S["other_mship"])})
    m.check(r.status == 422, f"foreign mship: {r!r}")
    r = owner.post("/threads/new", {"title": "x" * 121, "visibility": "private"})
    m.check(r.status == 422, f"title too long: {r!r}")
    r = owner.post("/threads/new", {"title": "Bad vis", "visibility": "everyone"})
    m.check(r.status == 422, f"bad visibility: {r!r}")
    before = m.sql_value("SELECT COUNT(*) FROM threads WHERE owner_id = ?", owner.user_id)
    m.check(before is not None, "count")
    # signed out: to the sign-in page
    r = m.Client().get("/threads/new")
    m.check(r.status == 303 and r.location.startswith("/login"), repr(r))


@m.test
def test_public_thread_readable_by_all_and_listed():
    owner, mentor, stranger = people()
    tid, title = new_thread(owner, "public", S["mship"])
    eid = add_entry(owner, tid, "lesson", "Public *lesson* text")
    m.check(m.sql_value("SELECT visibility FROM threads WHERE id = ?", tid) == "public")
    for who, c in (("owner", owner), ("mentor", mentor),
                   ("stranger", stranger), ("signed out", None)):
        r = (c or m.Client()).get(f"/threads/{tid}")
        m.check(r.status == 200, f"{who} page: {r!r}")
        m.check(m.unescaped(title) in m.unescaped(r.text), f"{who} sees title")
        m.check("<em>lesson</em>" in r.text, f"{who} sees the rendered entry")
        m.check(status(c, f"/threads/{tid}/entries/{eid}") == 200, f"{who} entry")
        m.check(status(c, f"/threads/{tid}.atom") == 200, f"{who} feed")
    # only the owner gets the entry form
    m.check(f'action="/threads/{tid}/entries"' in owner.get(f"/threads/{tid}").text)
    m.check(f'action="/threads/{tid}/entries"' not in stranger.get(f"/threads/{tid}").text)
    # the owner's list
    r = owner.get("/threads")
    m.check(r.status == 200 and f'href="/threads/{tid}"' in r.text, "in /threads")
    m.check('href="/threads/new"' in r.text, "create link")
    # the mentor sees it under "shared with you"
    m.check(f'href="/threads/{tid}"' in mentor.get("/threads").text, "shared list")


@m.test
def test_profile_lists_public_threads_only():
    owner, mentor, stranger = people()
    pub, _ = new_thread(owner, "public")
    priv, _ = new_thread(owner, "private")
    ms, _ = new_thread(owner, "mentorship", S["mship"])
    r = m.Client().get(f"/people/{owner.slug}")
    if r.status != 200 or "/threads/" not in r.text and "Growth Thread" not in r.text:
        print(f"# skip: /people/{owner.slug} does not list threads yet ({r.status})")
        return
    m.check(f'href="/threads/{pub}"' in r.text, "public thread on profile")
    m.check(f'href="/threads/{priv}"' not in r.text, "private thread not on profile")
    m.check(f'href="/threads/{ms}"' not in r.text, "mentorship thread not on profile")


@m.test
def test_mentorship_thread_only_for_the_two_parties():
    owner, mentor, stranger = people()
    tid, title = new_thread(owner, "mentorship", S["mship"])
    eid = add_entry(owner, tid, "experiment", "Between us")
    for path in (f"/threads/{tid}", f"/threads/{tid}/entries/{eid}"):
        m.check(status(owner, path) == 200, f"owner {path}")
        m.check(status(mentor, path) == 200, f"mentor {path}")
        m.check(status(stranger, path) == 404, f"stranger {path}")
        m.check(status(None, path) == 404, f"signed out {path}")
    # the feed exists for public threads only, even for the parties
    for c in (owner, mentor, stranger, None):
        m.check(status(c, f"/threads/{tid}.atom") == 404, "no feed")
    # a stranger's POSTs are 404 too: the thread does not exist for them
    stranger.get("/threads")
    r = stranger.post(f"/threads/{tid}/entries", {"kind": "lesson", "body": "x"})
    m.check(r.status == 404, f"stranger post entry: {r!r}")
    r = stranger.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "x"})
    m.check(r.status == 404, f"stranger comment: {r!r}")
    m.check(title not in stranger.get("/threads").text, "not in stranger's list")
    # the mentor reads it but may not write entries
    mentor.get(f"/threads/{tid}")
    r = mentor.post(f"/threads/{tid}/entries", {"kind": "lesson", "body": "x"})
    m.check(r.status == 403, f"mentor post entry: {r!r}")


@m.test
def test_a_request_that_came_to_nothing_shares_no_thread():
    """A mentee may link a thread to their request, so the mentor asked
    reads it as context. Once the request comes to nothing (declined,
    withdrawn, expired), that mentor is no party of the mentee's any more:
    the thread, its entries and its place in their list are gone, and a
    public one linked to it takes no feedback from them. An ended pair's
    mentor still reads what the pair shared. (A walk found a declined
    mentor reading on.)"""
    owner, mentor = m.signup(), m.make_mentor()
    asked = mentorship(mentor, owner, "requested")
    tid, title = new_thread(owner, "mentorship", asked)
    eid = add_entry(owner, tid, "assumption", "Why I asked you")
    pub, _ = new_thread(owner, "public", asked)
    peid = add_entry(owner, pub, "lesson", "Open to all")
    m.check(status(mentor, f"/threads/{tid}") == 200, "the mentor asked reads it")
    mentor.get("/threads")
    r = mentor.post(f"/threads/{pub}/entries/{peid}/comments", {"body": "Welcome"})
    m.check(r.status == 303, f"the mentor asked gives feedback: {r!r}")
    for stage in ("declined", "withdrawn", "expired"):
        m.sql("UPDATE mentorships SET stage = ? WHERE id = ?", stage, asked)
        for path in (f"/threads/{tid}", f"/threads/{tid}/entries/{eid}"):
            m.check(status(mentor, path) == 404, f"{stage}: the mentor reads {path}")
            m.check(status(owner, path) == 200, f"{stage}: the owner lost {path}")
        m.check(title not in mentor.get("/threads").text, f"{stage}: listed to the mentor")
        r = mentor.post(f"/threads/{pub}/entries/{peid}/comments", {"body": "Still here"})
        m.check(r.status == 403, f"{stage}: feedback taken: {r!r}")
    m.sql("UPDATE mentorships SET stage = 'ended' WHERE id = ?", asked)
    m.check(status(mentor, f"/threads/{tid}") == 200, "an ended pair's mentor lost it")
    m.check(title in mentor.get("/threads").text, "not listed to an ended pair's mentor")


@m.test
def test_private_thread_only_for_the_owner():
    owner, mentor, stranger = people()
    tid, title = new_thread(owner, "private", S["mship"])
    eid = add_entry(owner, tid, "failure", "Only mine")
    for path in (f"/threads/{tid}", f"/threads/{tid}/entries/{eid}"):
        m.check(status(owner, path) == 200, f"owner {path}")
        for who, c in (("mentor", mentor), ("stranger", stranger), ("signed out", None)):
            m.check(status(c, path) == 404, f"{who} {path}")
    m.check(status(owner, f"/threads/{tid}.atom") == 404, "no feed for private")
    # the linked mentor cannot comment on what they cannot see
    mentor.get("/threads")
    r = mentor.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "hi"})
    m.check(r.status == 404, f"mentor comment on private: {r!r}")
    m.check(title not in mentor.get("/threads").text, "not shared with the mentor")
    m.check(status(owner, "/threads/999999999") == 404, "unknown thread")


@m.test
def test_entries_each_kind_and_filter():
    owner, mentor, stranger = people()
    tid, _ = new_thread(owner, "public")
    ids = {k: add_entry(owner, tid, k, f"Body of the {k} entry") for k in KINDS}
    r = owner.get(f"/threads/{tid}")
    for k in KINDS:
        m.check(f'id="entry-{ids[k]}"' in r.text, f"{k} shown")
        m.check(f'class="tag kind-{k}"' in r.text, f"{k} badge")
    # newest first
    pos = [r.text.index(f'id="entry-{ids[k]}"') for k in reversed(KINDS)]
    m.check(pos == sorted(pos), "newest first")
    r = m.Client().get(f"/threads/{tid}?kind=experiment")
    m.check(r.status == 200, repr(r))
    m.check(f'id="entry-{ids["experiment"]}"' in r.text, "filtered kind shown")
    for k in KINDS:
        if k != "experiment":
            m.check(f'id="entry-{ids[k]}"' not in r.text, f"{k} filtered out")
    m.check(m.Client().get(f"/threads/{tid}?kind=bogus").status == 400, "bad filter")
    # bad entry: 422 with the text kept
    owner.get(f"/threads/{tid}")
    r = owner.post(f"/threads/{tid}/entries", {"kind": "nonsense", "body": "Keep <this>\ntext"})
    m.check(r.status == 422, f"bad kind: {r!r}")
    m.check("Keep &lt;this&gt;\ntext" in r.text, "body kept")
    r = owner.post(f"/threads/{tid}/entries", {"kind": "lesson", "body": "   "})
    m.check(r.status == 422, f"empty body: {r!r}")
    r = owner.post(f"/threads/{tid}/entries", {"kind": "lesson", "body": "y" * 20001})
    m.check(r.status == 422, f"body too long: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM thread_entries WHERE thread_id = ?", tid) == "6")


@m.test
def test_edit_and_delete_own_entry_only():
    owner, mentor, stranger = people()
    tid, _ = new_thread(owner, "public", S["mship"])
    eid = add_entry(owner, tid, "assumption", "First version")
    r = owner.get(f"/threads/{tid}/entries/{eid}")
    m.check(r.status == 200 and "First version" in r.text, "edit form prefilled")
    r = owner.post(f"/threads/{tid}/entries/{eid}", {"kind": "lesson", "body": "Second version"})
    m.check(r.status == 303, f"edit: {r!r}")
    row = m.sql("SELECT kind, body FROM thread_entries WHERE id = ?", eid)[0]
    m.check(row == ["lesson", "Second version"], f"edited: {row}")
    r = owner.post(f"/threads/{tid}/entries/{eid}", {"kind": "lesson", "body": ""})
    m.check(r.status == 422, f"empty edit: {r!r}")
    # others: the mentor and a stranger can read this public thread, not change it
    for who, c in (("mentor", mentor), ("stranger", stranger)):
        c.get(f"/threads/{tid}")
        r = c.post(f"/threads/{tid}/entries/{eid}", {"kind": "failure", "body": "Hacked"})
        m.check(r.status == 403, f"{who} edit: {r!r}")
        r = c.post(f"/threads/{tid}/entries/{eid}/delete", {})
        m.check(r.status == 403, f"{who} delete: {r!r}")
    m.check(m.sql_value("SELECT body FROM thread_entries WHERE id = ?", eid) == "Second version")
    # an entry of another thread through this thread's URL: 404
    other, _ = new_thread(owner, "public")
    oeid = add_entry(owner, other, "update", "elsewhere")
    m.check(status(owner, f"/threads/{tid}/entries/{oeid}") == 404, "wrong thread")
    r = owner.post(f"/threads/{tid}/entries/{eid}/delete", {})
    m.check(r.status == 303, f"delete: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM thread_entries WHERE id = ?", eid) == "0")
    m.check(status(owner, f"/threads/{tid}/entries/{eid}") == 404, "gone")


@m.test
def test_a_calendar_of_the_days_with_entries():
    """SPEC 15: a thread page draws the days with entries over the last
    year, with the numbers in words beside the picture."""
    owner, _, stranger = people()
    tid, _ = new_thread(owner, "public")
    r = owner.get(f"/threads/{tid}")
    m.check('class="calendar' not in r.text, "no calendar before any entry")
    for body in ("first", "second the same day"):
        add_entry(owner, tid, "update", body)
    eid = add_entry(owner, tid, "lesson", "ten days ago")
    m.sql("UPDATE thread_entries SET created_at = UTC_TIMESTAMP() - INTERVAL 10 DAY "
          "WHERE id = ?", eid)
    old = add_entry(owner, tid, "lesson", "two years ago")
    m.sql("UPDATE thread_entries SET created_at = UTC_TIMESTAMP() - INTERVAL 2 YEAR "
          "WHERE id = ?", old)
    for who in (owner, stranger):
        r = who.get(f"/threads/{tid}")
        m.check(r.status == 200, r)
        cal = re.search(r'<svg class="chart"[^>]*>.*?</svg>', r.text, re.S)
        m.check(cal and "role=\"img\"" in cal.group(0) and "<title" in cal.group(0),
                "a calendar picture with its title")
        m.check(cal and cal.group(0).count('class="cal-0"') >= 300,
                "a year of days drawn")
        m.check(cal and cal.group(0).count('class="cal-2"') == 1
                and cal.group(0).count('class="cal-1"') == 1,
                "two entries on one day, one on another")
        m.check("Entries on 2 days in the last year (3 entries)" in r.text,
                "the numbers beside it")


@m.test
def test_the_calendar_counts_the_owners_days():
    """The calendar filed entries by their UTC day: in Kiritimati (UTC+14)
    an entry written at 10 pm and one at 2 am the next morning shared a
    square, and in Los Angeles an evening's entry fell on the next day.
    The days are the owner's, for every reader (a journal's day is the
    day its writer lived, as a commit's date is its author's)."""
    import datetime
    from zoneinfo import ZoneInfo
    owner, _, stranger = people()
    kiri = m.signup("Kiri Writer")
    m.sql("UPDATE users SET timezone = 'Pacific/Kiritimati' WHERE id = ?", kiri.user_id)
    tid, _ = new_thread(kiri, "public")
    utc = datetime.datetime.now(datetime.timezone.utc).replace(
        hour=0, minute=0, second=0, microsecond=0) - datetime.timedelta(days=3)
    titles, listed = [], []
    for hour in (8, 12):    # one UTC day: 10 pm and 2 am where Kiri lives
        at = utc + datetime.timedelta(hours=hour)
        eid = add_entry(kiri, tid, "update", f"at {hour}:00 UTC")
        m.sql("UPDATE thread_entries SET created_at = ? WHERE id = ?",
              at.strftime("%Y-%m-%d %H:%M:%S"), eid)
        day = at.astimezone(ZoneInfo("Pacific/Kiritimati"))
        titles.append(f"1 entry on {day:%a} {day.day} {day:%b %Y}")
        listed.insert(0, f'<li><time datetime="{day:%Y-%m-%d}">{day:%a} {day.day} '
                         f'{day:%b %Y}</time>: 1 entry</li>')
    for who in (kiri, stranger, m.Client()):
        r = who.get(f"/threads/{tid}")
        cal = re.search(r'<svg class="chart"[^>]*>.*?</svg>', r.text, re.S)
        cal = cal.group(0) if cal else ""
        m.check(all(f"<title>{x}</title>" in cal for x in titles),
                f"each entry on Kiri's own day: {titles}")
        m.check(cal.count('class="cal-1"') == 2 and 'class="cal-2"' not in cal,
                "two days of one entry, not one day of two")
        m.check("Entries on 2 days in the last year (2 entries)" in r.text,
                "the numbers beside it count Kiri's days")
        # the counts are hover titles in the picture: said in words too,
        # newest first, for a touch screen and a screen reader
        m.check("".join(listed) in r.text and "(dates in Kiritimati time)" in r.text,
                f"the days in words, Kiri's: {listed}")
    # the times: Kiri's own; signed out, UTC's, and said to be (they
    # stood unlabelled beside Kiri's days)
    at = utc + datetime.timedelta(hours=8)
    local = at.astimezone(ZoneInfo("Pacific/Kiritimati"))
    anon = m.Client().get(f"/threads/{tid}").text
    m.check(f"{at.day} {at:%b %Y}, {at:%H:%M} UTC" in anon, "signed out: the zone is said")
    own = kiri.get(f"/threads/{tid}").text
    m.check(f"{local.day} {local:%b %Y}, {local:%H:%M}<" in own, "Kiri: her own time")


@m.test
def test_markdown_is_inert_in_page_and_feed():
    owner, mentor, stranger = people()
    tid, _ = new_thread(owner, "public")
    body = ('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n'
            '[click](javascript:alert(3)) and <a href="javascript:alert(4)">x</a>\n\n'
            '**fine**')
    eid = add_entry(owner, tid, "experiment", body)
    for path in (f"/threads/{tid}", f"/threads/{tid}/entries/{eid}"):
        t = m.Client().get(path).text
        low = t.lower()
        # shown as typed (lib/md.c), as text: never a tag or an attribute
        m.check("<script>alert" not in low, f"{path}: script")
        m.check(not re.search(r"<[^>]*onerror", low), f"{path}: onerror")
        m.check(not re.search(r"<[^>]*javascript:", low), f"{path}: javascript:")
        m.check("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in t,
                f"{path}: not shown as typed")
        m.check("<strong>fine</strong>" in t, f"{path}: markdown rendered")
    root = parse_atom(m.Client().get(f"/threads/{tid}.atom"))
    html = "".join(e.findtext(ATOM + "content") or "" for e in root.iter(ATOM + "entry"))
    low = html.lower()
    m.check("<strong>fine</strong>" in html, "feed html rendered")
    m.check("<script" not in low and not re.search(r"<[^>]*(onerror|javascript:)", low),
            f"feed content inert: {html!r}")


@m.test
def test_atom_feed_valid():
    owner, mentor, stranger = people()
    tid, title = new_thread(owner, "public", title="Feed & <test> ]]> thread",
                            purpose="Purpose with & and <b> and **let go**")
    tricky = "Ends a CDATA ]]> here, has < and & and \"quotes\" and é \uffff"
    e1 = add_entry(owner, tid, "assumption", "The *first* one")
    e2 = add_entry(owner, tid, "breakthrough", tricky)
    r = m.Client().get(f"/threads/{tid}.atom")
    root = parse_atom(r)
    m.check(root.findtext(ATOM + "title") == "Feed & <test> ]]> thread", "feed title")
    # a text subtitle: the words, not the Markdown (found walking)
    sub = root.findtext(ATOM + "subtitle")
    m.check(sub == "Purpose with & and <b> and let go", f"subtitle: {sub!r}")
    fid = root.findtext(ATOM + "id")
    # ids come from the configured base_url, which stays the same whichever
    # web server (nginx or Apache, on its own port) served the feed
    m.check(fid and fid.startswith(m.SITE) and fid.endswith(f"/threads/{tid}"), f"feed id {fid}")
    m.check(RFC3339.match(root.findtext(ATOM + "updated") or ""), "feed updated")
    m.check(root.find(ATOM + "author/" + ATOM + "name").text, "author name")
    rels = {l.get("rel"): l.get("href") for l in root.findall(ATOM + "link")}
    m.check(rels.get("self") == f"{m.SITE}/threads/{tid}.atom", f"self {rels}")
    m.check(rels.get("alternate") == f"{m.SITE}/threads/{tid}", f"alternate {rels}")
    entries = root.findall(ATOM + "entry")
    m.check(len(entries) == 2, f"two entries, {len(entries)}")
    ids = set()
    for e in entries:
        for tag in ("id", "title", "updated", "published"):
            m.check(e.findtext(ATOM + tag), f"entry {tag}")
        m.check(RFC3339.match(e.findtext(ATOM + "updated")), "entry updated")
        m.check(RFC3339.match(e.findtext(ATOM + "published")), "entry published")
        m.check(e.find(ATOM + "content").get("type") == "html", "content type")
        m.check(e.find(ATOM + "link").get("href").startswith(m.SITE), "entry link")
        ids.add(e.findtext(ATOM + "id"))
    m.check(len(ids) == 2, "unique ids")
    newest = entries[0]
    m.check(newest.findtext(ATOM + "title").startswith("Breakthrough: Ends a CDATA ]]> here"),
            newest.findtext(ATOM + "title"))
    content = newest.findtext(ATOM + "content")
    m.check("]]&gt;" in content and "&lt;" in content and "&amp;" in content,
            f"escaped html in content: {content!r}")
    m.check(entries[1].findtext(ATOM + "title").startswith("Assumption: The first one"),
            entries[1].findtext(ATOM + "title"))
    m.check(f"/threads/{tid}/entries/{e1}" in entries[1].find(ATOM + "link").get("href"))
    m.check(e2 > e1)
    # signed out and unknown
    m.check(status(None, "/threads/999999999.atom") == 404, "unknown feed")


@m.test
def test_mentor_feedback_mails_the_owner():
    owner, mentor, stranger = people()
    tid, title = new_thread(owner, "mentorship", S["mship"])
    eid = add_entry(owner, tid, "failure", "It did not work")
    r = mentor.get(f"/threads/{tid}")
    m.check(f'action="/threads/{tid}/entries/{eid}/comments"' in r.text, "comment form")
    word = m.unique("feedback")
    r = mentor.post(f"/threads/{tid}/entries/{eid}/comments",
                    {"body": f"Try **smaller** steps {word}"})
    m.check(r.status == 303, f"comment: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM thread_comments WHERE entry_id = ? "
                        "AND author_id = ?", eid, mentor.user_id) == "1")
    for c in (owner, mentor):
        t = c.get(f"/threads/{tid}").text
        m.check(word in t and "<strong>smaller</strong>" in t, "comment under the entry")
    msgs = m.mails_to(owner.email, subject="Feedback")
    m.check(msgs, "owner got no feedback mail")
    text = m.mail_text(msgs[-1])
    m.check(word in text, f"comment in the mail: {text!r}")
    link = [u for u in m.links(text) if "/link?" in u]
    m.check(link, "signed link in the mail")
    # the link opens the entry, signed in as the owner
    c = m.Client()
    r = c.get(m.local(link[0]))
    for _ in range(3):
        if r.status != 303:
            break
        r = c.follow(r)
    m.check(r.status == 200 and word in r.text, f"link lands on the entry: {r!r}")
    m.check(f'action="/threads/{tid}/entries/{eid}"' in r.text, "as the owner")
    # empty feedback: 422 on the entry page
    mentor.get(f"/threads/{tid}/entries/{eid}")
    r = mentor.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "  "})
    m.check(r.status == 422, f"empty comment: {r!r}")
    # the owner (a mentee) is not the mentor: on an entry without
    # feedback there is nothing to answer, 403 (answers: test_ui.py)
    e2 = add_entry(owner, tid, "lesson", "No feedback here yet")
    r = owner.post(f"/threads/{tid}/entries/{e2}/comments", {"body": "self"})
    m.check(r.status == 403, f"owner comment: {r!r}")


@m.test
def test_feedback_waits_for_a_thread_made_private_and_is_refused():
    """Feedback checked the thread shared with the pair, then wrote and
    mailed: a thread made private (or unlinked, or its pair ended) in
    between took feedback its mentor could no longer read, and its owner
    was mailed (found in a review). The write reads the thread and the
    pair under the lock it takes: 409, nothing posted, nothing mailed."""
    owner, mentor, stranger = people()
    mid = mentorship(mentor, owner)
    tid, title = new_thread(owner, "mentorship", mid)
    eid = add_entry(owner, tid, "lesson", "Shared, then not")
    mentor.get(f"/threads/{tid}/entries/{eid}")
    private = f"UPDATE threads SET visibility = 'private' WHERE id = {tid}"
    r = m.committed_meanwhile(private, lambda: mentor.post(
        f"/threads/{tid}/entries/{eid}/comments", {"body": "Feedback too late"}), "")
    m.check(r.status == 409 and "no longer shared" in m.unescaped(r.text),
            f"feedback on a thread made private meanwhile: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM thread_comments WHERE entry_id = ?", eid) == "0",
            "feedback stored on a private thread")
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE user_id = ? AND body_text LIKE ?",
                        owner.user_id, "%Feedback too late%") == "0",
            "the owner mailed feedback on a private thread")


@m.test
def test_non_mentor_cannot_comment_on_public_thread():
    owner, mentor, stranger = people()
    tid, _ = new_thread(owner, "public", S["mship"])
    eid = add_entry(owner, tid, "lesson", "Open to all")
    r = stranger.get(f"/threads/{tid}")
    m.check(f"/entries/{eid}/comments" not in r.text, "no comment form for a stranger")
    r = stranger.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "me too"})
    m.check(r.status == 403, f"stranger comment: {r!r}")
    # the linked mentor can comment on a public thread, and is told who
    # reads it (a walk: a mentor took feedback for private)
    t = mentor.get(f"/threads/{tid}").text
    m.check("Read by everyone, signed in or not, as the thread is." in t,
            "the feedback form says who reads it")
    t = mentor.get(f"/threads/{tid}/entries/{eid}").text
    m.check("Read by everyone, signed in or not, as the thread is;" in t,
            "the entry's feedback form says who reads it")
    r = mentor.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "Good"})
    m.check(r.status == 303, f"mentor comment: {r!r}")
    # a public thread with no linked mentorship takes no feedback
    t2, _ = new_thread(owner, "public")
    e2 = add_entry(owner, t2, "lesson", "No mentor here")
    mentor.get(f"/threads/{t2}")
    r = mentor.post(f"/threads/{t2}/entries/{e2}/comments", {"body": "x"})
    m.check(r.status == 403, f"unlinked: {r!r}")


@m.test
def test_entries_page_back_by_cursor():
    owner, mentor, stranger = people()
    tid, _ = new_thread(owner, "public")
    for i in range(35):
        m.sql("INSERT INTO thread_entries (thread_id, kind, body, created_at, "
              "updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
              tid, "update" if i % 2 else "lesson", f"Numbered entry {i:02d}.")
    r = m.Client().get(f"/threads/{tid}")
    shown = re.findall(r"Numbered entry (\d\d)\.", r.text)
    m.check(shown == [f"{i:02d}" for i in range(34, 4, -1)], f"first page {shown}")
    older = re.search(r'href="(/threads/%d\?before=\d+)"' % tid, r.text)
    m.check(older, "older link")
    r = m.Client().get(older.group(1))
    shown = re.findall(r"Numbered entry (\d\d)\.", r.text)
    m.check(shown == ["04", "03", "02", "01", "00"], f"second page {shown}")
    m.check(not re.search(r'\?before=\d+"', r.text), "no older page after the last")
    # the kind filter on a longer thread
    r = m.Client().get(f"/threads/{tid}?kind=lesson")
    shown = re.findall(r"Numbered entry (\d\d)\.", r.text)
    m.check(len(shown) == 18 and all(int(n) % 2 == 0 for n in shown), f"lessons {shown}")


@m.test
def test_csrf_required():
    owner, mentor, stranger = people()
    tid, _ = new_thread(owner, "private")
    r = owner.post(f"/threads/{tid}/entries", {"kind": "lesson", "body": "x"}, csrf=False)
    m.check(r.status == 403, f"no csrf: {r!r}")


@m.test
def test_record_of_achievement_query():
    owner, mentor, stranger = people()
    mid = mentorship(mentor, owner)
    pub, _ = new_thread(owner, "public", mid)
    priv, _ = new_thread(owner, "mentorship", mid)
    e_pub = add_entry(owner, pub, "lesson", "Shown in the record")
    add_entry(owner, priv, "lesson", "Not in the record")
    rows = m.sql("SELECT e.id FROM threads t JOIN thread_entries e ON e.thread_id = t.id "
                 "WHERE t.mentorship_id = ? AND t.visibility = 'public' "
                 "ORDER BY e.created_at, e.id", mid)
    m.check(rows == [[str(e_pub)]], f"record rows {rows}")
    # the page: the public entry under its kind as the thread names it
    # (the record printed the stored word, "lesson": found walking)
    t = owner.get(f"/mentorships/{mid}/record").text
    m.check('<span class="tag kind-lesson">Lesson</span>' in t and "Shown in the record" in t
            and "Not in the record" not in t, f"the record's entries: {t[t.find('kind-'):][:400]}")


@m.test
def test_disabled_owner_public_thread_disappears():
    owner = m.signup()
    mentor, stranger = m.make_mentor(), m.signup()
    mid = mentorship(mentor, owner)
    tid, _ = new_thread(owner, "public")
    eid = add_entry(owner, tid, "lesson", "Public before the account went")
    linked, _ = new_thread(owner, "mentorship", mship=mid)
    paths = (f"/threads/{tid}", f"/threads/{tid}/entries/{eid}",
             f"/threads/{tid}.atom")
    anon = m.Client()
    for p in paths:
        m.check(status(anon, p) == 200, f"{p} before")
    m.check(status(mentor, f"/threads/{linked}") == 200, "linked before")
    m.sql("UPDATE users SET disabled_at = UTC_TIMESTAMP() WHERE id = ?",
          owner.user_id)
    for c, who in ((anon, "visitor"), (stranger, "stranger"),
                   (mentor, "mentor")):
        for p in paths:
            m.check(status(c, p) == 404, f"{p} for the {who}")
    m.check(status(mentor, f"/threads/{linked}") == 404, "linked thread")




def entry_block(page, eid):
    g = re.search(r'<li class="message" id="entry-%d">(.*?)</li>' % eid, page, re.S)
    return g.group(1) if g else None


@m.test
def test_kept_entries_follow_every_write():
    """Each worker keeps the entries part of a thread page laid out
    (cgi-bin/threads/show.c entries_html) under the thread's version (sql/095)
    and what else it shows: whoever writes, whoever looks, every worker's
    next view is right. Eight views each time so every worker answers."""
    owner, mentor, stranger = people()
    tid, _ = new_thread(owner, "public", S["mship"])
    eid = add_entry(owner, tid, "lesson", "Kept *first*")
    path = f"/threads/{tid}"

    def views(c, p=path):
        return [(c or m.Client()).get(p).text for _ in range(8)]

    for page in views(None) + views(owner) + views(mentor):
        m.check(entry_block(page, eid) and "<em>first</em>" in entry_block(page, eid),
                "the entry not shown")
    # written by SQL, as an admin might: triggers move the version
    m.sql("INSERT INTO thread_entries (thread_id, kind, body, created_at, updated_at) "
          "VALUES (?, 'update', 'from *SQL*', UTC_TIMESTAMP(), UTC_TIMESTAMP())", tid)
    by_sql = int(m.sql_value("SELECT MAX(id) FROM thread_entries WHERE thread_id = ?", tid))
    for page in views(None):
        m.check(entry_block(page, by_sql) and "<em>SQL</em>" in entry_block(page, by_sql),
                "an entry written by SQL not shown by every worker")
    m.sql("UPDATE thread_entries SET body = 'changed by SQL' WHERE id = ?", by_sql)
    for page in views(None):
        m.check("changed by SQL" in entry_block(page, by_sql), "a stale entry shown")
    # an edit through the page
    owner.get(f"/threads/{tid}/entries/{eid}")
    r = owner.post(f"/threads/{tid}/entries/{eid}", {"kind": "lesson", "body": "Kept, edited"})
    m.check(r.status == 303, repr(r))
    for page in views(None):
        m.check("Kept, edited" in entry_block(page, eid), "a stale edit shown")
    # feedback, through the page and by SQL, and its author's new name
    r = mentor.post(f"/threads/{tid}/entries/{eid}/comments", {"body": "Kept feedback"})
    m.check(r.status == 303, repr(r))
    for page in views(None):
        m.check("Kept feedback" in entry_block(page, eid), "feedback not shown")
    m.sql("UPDATE thread_comments SET body = 'feedback changed' WHERE entry_id = ?", eid)
    for page in views(None):
        m.check("feedback changed" in entry_block(page, eid), "stale feedback shown")
    name = m.unique("Renamed Mentor")
    m.sql("UPDATE users SET display_name = ? WHERE id = ?", name, mentor.user_id)
    for page in views(None):
        m.check(name in entry_block(page, eid), "an old name on the feedback")
    m.sql("DELETE FROM thread_comments WHERE entry_id = ?", eid)
    for page in views(None):
        m.check("feedback changed" not in page, "deleted feedback shown")
    # what differs by viewer: the owner's tools, the mentor's form, each
    tools = f'action="/threads/{tid}/entries/{eid}/delete"'
    form = f'action="/threads/{tid}/entries/{eid}/comments"'
    # with their own CSRF token (the owner signed in twice: two tokens);
    # nothing of either for anyone else
    laptop = m.Client()
    laptop.get("/login")
    m.check(laptop.post("/login", {"email": owner.email, "password": m.PASSWORD}).status == 303)
    for po, pl, pm, pa, ps in zip(views(owner), views(laptop), views(mentor), views(None),
                                  views(stranger)):
        m.check(tools in po and tools in pl and form not in po, "the owner's list")
        m.check(form in pm and tools not in pm, "the mentor's list")
        m.check(tools not in pa + ps and form not in pa + ps, "someone's forms shown to others")
        for page in (po, pl, pm):
            tokens = set(re.findall(r'name="csrf" value="([^"]+)"', page))
            m.check(len(tokens) == 1, f"CSRF tokens of another session: {tokens}")
    # the viewer's zone
    utc = re.search(r"<time [^>]*>([^<]*)</time>", entry_block(views(stranger)[0], eid)).group(1)
    m.sql("UPDATE users SET timezone = 'Asia/Tokyo' WHERE id = ?", stranger.user_id)
    for page in views(stranger):
        t = re.search(r"<time [^>]*>([^<]*)</time>", entry_block(page, eid)).group(1)
        m.check(t != utc, "times in the zone the viewer left")
    m.sql("UPDATE users SET timezone = 'UTC' WHERE id = ?", stranger.user_id)
    # the mentorship closes: no feedback form any more, on any worker
    m.sql("UPDATE mentorships SET stage = 'ended' WHERE id = ?", S["mship"])
    try:
        m.check(not any(form in p for p in views(mentor)), "feedback form after the end")
    finally:
        m.sql("UPDATE mentorships SET stage = 'cultivation' WHERE id = ?", S["mship"])
    m.check(all(form in p for p in views(mentor)), "feedback form back")
    # pages and filters are kept apart; a deleted entry goes
    m.check(all(entry_block(p, eid) is None for p in views(None, f"{path}?kind=update")),
            "a lesson under the update filter")
    m.check(all(entry_block(p, eid) and entry_block(p, by_sql) is None
                for p in views(None, f"{path}?before={by_sql}")), "the page before")
    m.sql("DELETE FROM thread_entries WHERE id = ?", by_sql)
    for page in views(None):
        m.check(entry_block(page, by_sql) is None, "a deleted entry shown")


m.main()
