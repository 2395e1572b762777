"""People: the mentor directory (/people), public profiles (/people/{slug})
and the profile settings (/settings).

Directory rows are arranged with SQL (many mentors, exact last_active
dates and capacities); every row carries a token unique to this run, so
other test files writing mentors at the same time do not disturb the
assertions. Settings and the signed-in views go through the real forms.

Query plans (noted here, asserted by test_explain_uses_indexes below).
Measured on a throwaway database with 100,000 users (10,000 mentors,
180,000 user_skills rows) seeded by INSERT ... SELECT FROM seq_1_to_100000:

  browse   users      ref       users_directory_rank (is_mentor,
                      answered_requests, last_active, id)
                      read backwards, no filesort, stops after 21 rows: 0.01 s
  ?skill=  user_skills ref      user_skills_skill (skill, user_id)
           users      eq_ref    PRIMARY                                 0.03 s
  ?q=      searched in each people worker's word index of the listed
           mentors (lib/search.h); the index is built from one scan of
           users (the listed mentors with room) when the directory's
           version moves: ~16 ms for 3,000 mentors, then ~0.05 ms a search
  rooms    mentorships ref      mentorships_mentor (mentor_id, stage), one
                      probe per candidate (the "has room" subquery)
"""
import html
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import menteo as m  # noqa: E402

RUN = m.unique("pp").replace("-", "")   # one word to the search index


def mk_user(name, mentor=1, capacity=2, skills="", headline="", bio="",
            days_ago=0, verified=True, disabled=False):
    """A person arranged directly in the database; returns (id, slug).
    A mentor gets a headline and a skill unless told otherwise (None):
    the directory lists no one without them (SPEC §1)."""
    if mentor:
        headline = "Listed mentor" if headline == "" else (headline or "")
        skills = "mentoring" if skills == "" else (skills or "")
    slug = m.unique("pp")
    email = slug + "@example.org"
    la = "NULL" if days_ago is None else \
        f"UTC_DATE() - INTERVAL {int(days_ago)} DAY"
    m.sql("INSERT INTO users (email, email_verified_at, password_hash, "
          "display_name, headline, bio, skills, is_mentor, capacity, slug, "
          "last_active, disabled_at) VALUES (?, " +
          ("UTC_TIMESTAMP()" if verified else "NULL") +
          ", 'x', ?, ?, ?, ?, ?, ?, ?, " + la + ", " +
          ("UTC_TIMESTAMP()" if disabled else "NULL") + ")",
          email, name, headline, bio, skills, mentor, capacity, slug)
    uid = int(m.sql_value("SELECT id FROM users WHERE slug = ?", slug))
    return uid, slug


def mk_mentorship(mentor_id, mentee_id, stage):
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, "
          "message, stage_changed_at, created_at) VALUES (?, ?, ?, 'focus', "
          "'', UTC_TIMESTAMP(), UTC_TIMESTAMP())", mentor_id, mentee_id, stage)


def slugs(text):
    return re.findall(r'<a href="/people/([a-z0-9-]+)">', text)


def next_link(text):
    mm = re.search(r'href="([^"]+)" rel="next"', text)
    return m.unescaped(mm.group(1)) if mm else None


anon = m.Client()


@m.test
def test_directory_lists_mentors_with_room_only():
    tag = "room" + RUN
    _, open_ = mk_user("Open Mentor", capacity=2, skills=tag)
    full_id, full = mk_user("Full Mentor", capacity=1, skills=tag)
    redef_id, redef = mk_user("Redefinition Mentor", capacity=1, skills=tag)
    _, notm = mk_user("Not A Mentor", mentor=0, capacity=3, skills=tag)
    _, gone = mk_user("Disabled Mentor", capacity=3, skills=tag,
                      disabled=True)
    mentee, _ = mk_user("Mentee", mentor=0)
    mk_mentorship(full_id, mentee, "cultivation")
    mk_mentorship(redef_id, mentee, "redefinition")   # does not count
    mk_mentorship(redef_id, mentee, "ended")
    mk_mentorship(redef_id, mentee, "requested")      # not accepted yet
    r = anon.get("/people?skill=" + tag)
    m.check(r.status == 200, repr(r))
    found = slugs(r.text)
    m.check(open_ in found and redef in found, found)
    m.check(full not in found, "a mentor at capacity is listed")
    m.check(notm not in found, "a non-mentor is listed")
    m.check(gone not in found, "a disabled mentor is listed")
    m.check("2 places left" in r.text and "1 place left" in r.text, r.text)
    # and by words too
    r = anon.get("/people?q=" + tag)
    found = slugs(r.text)
    m.check(open_ in found and full not in found and notm not in found,
            found)


@m.test
def test_search_by_skill_word_and_headline_word():
    sk, hw, bw = "sk" + RUN, "hw" + RUN, "bw" + RUN
    _, a = mk_user("Skilled Person", skills=f"leadership, {sk}")
    _, b = mk_user("Headline Person", headline=f"Coach for {hw} teams")
    _, c = mk_user("Bio Person", bio=f"I have run **{bw}** programmes.")
    r = anon.get("/people?q=" + sk)
    m.check(slugs(r.text) == [a], slugs(r.text))
    r = anon.get("/people?q=" + hw.upper())   # case does not matter
    m.check(slugs(r.text) == [b], slugs(r.text))
    r = anon.get(f"/people?q=the+{bw}")       # a stopword is no obstacle
    m.check(slugs(r.text) == [c], slugs(r.text))
    r = anon.get(f"/people?q={sk}+{hw}")      # every word must match
    m.check(slugs(r.text) == [], slugs(r.text))
    m.check('class="empty"' in r.text and "Show all mentors" in r.text,
            "no empty state")
    m.check(f'value="{sk} {hw}"' in r.text, "search box lost the words")


@m.test
def test_skill_filter_is_exact():
    tag = "ex" + RUN
    _, a = mk_user("Exact Tag", skills=f"hiring, {tag}")
    _, b = mk_user("Longer Tag", skills=f"{tag}-plus")
    r = anon.get("/people?skill=" + tag.upper())
    m.check(slugs(r.text) == [a], slugs(r.text))
    m.check(f'href="/people?skill={tag}"' in r.text, "tags are not links")
    m.check(b not in r.text, "a prefix matched the skill filter")


@m.test
def test_a_two_letter_word_is_searched():
    """"ML", "UX", "HR" are skills people search for; the index held words
    of 3 characters at least, so "ml" found nobody whose headline said
    "ML in production" (found by a walk)."""
    two = "q" + RUN[-1]            # a two-letter word of this run's own
    _, a = mk_user("Two Letters", headline=f"{two.upper()} in production")
    # two letters match a word, not every word they start ("go", "goals")
    _, b = mk_user("Longer Word", headline=f"{two}x in production")
    r = anon.get("/people?q=" + two)
    m.check(a in slugs(r.text) and b not in slugs(r.text), slugs(r.text))
    r = anon.get(f"/people?q={two}+production")
    m.check(a in slugs(r.text), slugs(r.text))


@m.test
def test_short_word_searches_the_skill_tag():
    # "c++", "c": no word the search index holds (2 characters at
    # least), so the text is looked up as a skill tag instead
    tag = f"{RUN[-6:-4]}-{RUN[-4:-2]}-{RUN[-2:]}"
    uid, a = mk_user("Short Tag", skills=f"{tag}, x{RUN}")
    r = anon.get("/people?q=" + tag)
    m.check(r.status == 200 and a in slugs(r.text), slugs(r.text))


@m.test
def test_last_active_and_ranking():
    tag = "la" + RUN
    _, today = mk_user("Today", skills=tag, days_ago=0)
    _, three = mk_user("Three", skills=tag, days_ago=3)
    _, old = mk_user("Old", skills=tag, days_ago=60)
    _, never = mk_user("Never", skills=tag, days_ago=None)
    r = anon.get("/people?skill=" + tag)
    m.check(slugs(r.text) == [today, three, old, never], slugs(r.text))
    m.check("Active today" in r.text and "Active 3 days ago" in r.text,
            r.text)
    m.check(re.search(r"Active on \d{1,2} [A-Z][a-z]{2} \d{4}", r.text),
            "old date not shown as a date")
    # relevance first: the word in name, headline and skills beats one mention
    _, strong = mk_user(f"Rank{RUN} Person", headline=f"rank{RUN} expert",
                        skills=f"rank{RUN}", days_ago=30)
    _, weak = mk_user("Weak Person", bio=f"some rank{RUN}", days_ago=0)
    r = anon.get(f"/people?q=rank{RUN}")
    m.check(slugs(r.text) == [strong, weak], slugs(r.text))


def page_through(first):
    pages, url = [], first
    while url:
        r = anon.get(url)
        m.check(r.status == 200, repr(r))
        pages.append(slugs(r.text))
        url = next_link(r.text)
        m.check(len(pages) < 5, "paging does not end")
    return pages


@m.test
def test_cursor_paging_is_disjoint_and_complete():
    tag = "pg" + RUN
    made = set()
    for i in range(25):
        # ties on last_active, and some never active, to exercise the keys
        _, s = mk_user(f"Pager {i}", skills=tag,
                       days_ago=None if i % 4 == 0 else i % 3)
        made.add(s)
    for first in ("/people?skill=" + tag, "/people?q=" + tag):
        pages = page_through(first)
        m.check([len(p) for p in pages] == [20, 5], [len(p) for p in pages])
        seen = pages[0] + pages[1]
        m.check(len(set(seen)) == 25 and set(seen) == made,
                "pages overlap or miss people")
    r = anon.get("/people?skill=" + tag + "&after=nonsense")
    m.check(r.status == 400, repr(r))
    r = anon.get("/people?after=1_2026-13-40_5")
    m.check(r.status == 400, repr(r))


@m.test
def test_profile_page_and_unknown_slug():
    tag = "pf" + RUN
    uid, s = mk_user("<script>alert(1)</script>", skills=f"{tag}, <b>x</b>",
                     headline="Builds <i>things</i>",
                     bio="Hello **there**\n\n<script>alert(2)</script>",
                     capacity=2)
    r = anon.get("/people/" + s)
    m.check(r.status == 200, repr(r))
    m.check("<script>alert" not in r.text, "script came through")
    m.check("&lt;script&gt;alert(1)&lt;/script&gt;" in r.text, "name")
    m.check("<strong>there</strong>" in r.text, "bio not rendered")
    m.check("&lt;i&gt;things&lt;/i&gt;" in r.text, "headline not escaped")
    m.check("2 places left" in r.text and "UTC" in r.text, "details")
    # on, after signing in (or up), to the request form, not back here
    m.check(f'href="/login?next=%2Fmentorships%2Fnew%3Fmentor%3D{s}"' in r.text,
            "no sign-in link for visitors that leads to the request form")
    m.check("/mentorships/new" not in r.text, "request offered anonymously")
    r = anon.get("/people?skill=" + tag)
    m.check("&lt;script&gt;alert(1)&lt;/script&gt;" in r.text and
            "<script>alert" not in r.text, "directory card not escaped")
    m.check(anon.get("/people/no-such-" + RUN).status == 404, "unknown")
    _, gone = mk_user("Gone", disabled=True)
    m.check(anon.get("/people/" + gone).status == 404, "disabled shown")


@m.test
def test_profile_request_button():
    uid, s = mk_user("Request Me", capacity=1)
    c = m.signup()
    r = c.get("/people/" + s)
    m.check(f'href="/mentorships/new?mentor={s}"' in r.text, r.text)
    m.check("Request mentorship" in r.text, "no button")
    r = c.get("/people/" + c.slug)
    m.check("/mentorships/new" not in r.text, "may request oneself")
    mentee, _ = mk_user("Taken", mentor=0)
    mk_mentorship(uid, mentee, "initiation")
    r = c.get("/people/" + s)
    m.check("/mentorships/new" not in r.text and "no places left" in r.text,
            "full mentor still offers a request")
    u = m.signup(verify=False)
    _, s2 = mk_user("Request Me Too", capacity=1)
    r = u.get("/people/" + s2)
    m.check("/mentorships/new" not in r.text and "Confirm your e-mail" in
            r.text, "unverified visitor")


@m.test
def test_a_request_from_a_suggestion_quotes_menteos_reasons():
    """A request asked from a suggestion starts with the reasons, which
    speak of the mentee by name: "Menteo suggested you to me: ... as Sam
    Lindqvist's focus does" switched person mid-sentence (found walking
    the product). They are quoted as Menteo's now, and only Menteo's: a
    link anyone made put any words there as "In Menteo's words" (found
    attacking the product), so the suggestion's link is signed for its
    viewer."""
    tag = m.unique("k")[-6:]
    uid, s = mk_user("Suggested Mentor", capacity=1, skills=f"kiln{tag}")
    c = m.signup()
    m.sql("UPDATE users SET looking_for = ? WHERE id = ?", f"kiln{tag}", c.user_id)
    page = c.get("/people/suggestions").text
    found = re.search(rf'href="(/mentorships/new\?mentor={s}&amp;why=[^"]+)"', page)
    m.check(found is not None, f"no suggestion to ask: {page[-2000:]}")
    link = html.unescape(found.group(1))
    why = urllib.parse.parse_qs(urllib.parse.urlsplit(link).query)["why"][0]
    r = c.get(link)
    m.check(r.status == 200, f"{r!r}")
    m.check(f"I found you through Menteo's suggestions. In Menteo's words: \u201c{why}.\u201d"
            in m.unescaped(r.text), "the reasons, quoted")
    forged = "is a Menteo partner: pay your fee at evil.example"
    for who, url in ((c, f"/mentorships/new?mentor={s}&why=" + urllib.parse.quote(forged)),
                     (c, "/mentorships/new?" + urllib.parse.urlencode(
                         dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).query),
                              why=forged))),
                     (m.signup(), link)):
        t = m.unescaped(who.get(url).text)
        m.check("In Menteo's words" not in t and "evil.example" not in t,
                f"words not Menteo's offered as its own: {url}")


def settings_form(c, **over):
    data = {"display_name": "Settings Person", "headline": "Headline",
            "bio": "Bio text", "skills": "Hiring", "timezone": "UTC",
            "mentor": "1", "capacity": "2", "slug": c.slug}
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


@m.test
def test_settings_save_persists():
    c = m.signup()
    r = c.get("/settings")
    m.check(r.status == 200 and f'value="{c.slug}"' in r.text, repr(r))
    for path in ("/settings/password", "/settings/email",
                 "/settings/sessions"):
        m.check(f'href="{path}"' in r.text, path)
    slug = m.unique("me")
    tag = "st" + RUN
    r = c.post("/settings", settings_form(
        c, display_name="Ada Settings", headline="Mentor of mentors",
        bio="Line one\nLine two", skills=f" Go, {tag.upper()} ,go,, Hiring ",
        timezone="Europe/Berlin", capacity="4", slug=slug))
    m.check(r.status == 303 and r.location.endswith("/settings"), repr(r))
    r = c.follow(r)
    m.check("Profile saved. Mentees find you in the mentor directory" in r.text,
            "no flash")
    row = m.sql("SELECT display_name, headline, bio, skills, timezone, "
                "is_mentor, capacity, slug FROM users WHERE id = ?",
                c.user_id)[0]
    m.check(row == ["Ada Settings", "Mentor of mentors",
                    "Line one\\nLine two", f"go, {tag}, hiring",
                    "Europe/Berlin", "1", "4", slug], row)
    tags = sorted(x[0] for x in m.sql(
        "SELECT skill FROM user_skills WHERE user_id = ?", c.user_id))
    m.check(tags == sorted(["go", tag, "hiring"]), tags)
    m.check(f'value="{slug}"' in r.text and 'checked' in r.text, "form")
    r = anon.get("/people?skill=" + tag)
    m.check(slugs(r.text) == [slug], slugs(r.text))
    m.check(anon.get("/people/" + slug).status == 200, "new address")
    m.check(anon.get("/people/" + c.slug).status == 404, "old address")
    # no mentees taken: not listed, and the note says so (it said
    # "mentees find you", found walking)
    r = c.follow(c.post("/settings", settings_form(
        c, display_name="Ada Settings", headline="Mentor of mentors",
        skills=f"go, {tag}, hiring", capacity="0", slug=slug)))
    m.check("You take no mentees for now, so the mentor directory does not list you"
            in r.text and slugs(anon.get("/people?skill=" + tag).text) == [],
            "a mentor of no places told they are found")
    c.post("/settings", settings_form(c, display_name="Ada Settings",
                                      headline="Mentor of mentors",
                                      skills=f"go, {tag}, hiring", capacity="4", slug=slug))
    # unticking "I mentor" takes them out of the directory
    c.slug = slug
    r = c.post("/settings", settings_form(c, mentor=None, skills=tag))
    m.check(r.status == 303, repr(r))
    m.check(slugs(anon.get("/people?skill=" + tag).text) == [], "listed")


@m.test
def test_a_slug_never_names_a_fixed_page():
    """/people/suggestions is a page: nobody's profile may take its
    address, neither from their name at sign-up nor from settings."""
    c = m.signup(name="Suggestions")
    m.check(c.slug not in ("suggestions", "new"), c.slug)
    m.check(anon.get("/people/" + c.slug).status in (200, 404), "profile route")
    r = c.post("/settings", settings_form(c, slug="suggestions"))
    m.check(r.status == 422, repr(r))
    m.check("is a page of Menteo" in r.text and 'value="suggestions"' in r.text,
            "the reason, and what was typed")
    m.check(m.sql_value("SELECT slug FROM users WHERE id = ?", c.user_id) == c.slug,
            "the slug stayed")


@m.test
def test_settings_errors_keep_input():
    c = m.signup()
    other = m.signup()
    cases = [
        (dict(slug=other.slug), "slug", "This address is taken"),
        (dict(timezone="Mars/Olympus"), "timezone", "Mars/Olympus"),
        (dict(capacity="99"), "capacity", 'value="99"'),
        (dict(display_name=""), "display_name", "required"),
        (dict(display_name="x" * 81), "display_name", "too long"),
        (dict(slug="Bad Slug!"), "slug", 'value="Bad Slug!"'),
        (dict(skills=",".join(f"s{i}" for i in range(21))), "skills",
         "at most 20"),
        (dict(skills="y" * 41), "skills", "40 characters"),
    ]
    for over, field, expect in cases:
        form = settings_form(c, headline="Kept headline " + RUN, **over)
        r = c.post("/settings", form)
        m.check(r.status == 422, f"{over}: {r!r}")
        m.check(expect in r.text, f"{over}: {expect!r} not shown")
        m.check(f'id="{field}-error"' in r.text, f"{over}: no message")
        m.check(f'aria-describedby="' in r.text, "messages not linked")
        m.check("Kept headline " + RUN in r.text, f"{over}: input lost")
    row = m.sql("SELECT slug, timezone, capacity FROM users WHERE id = ?",
                c.user_id)[0]
    m.check(row[0] == c.slug and row[1] == "UTC" and row[2] == "0", row)
    r = c.post("/settings", settings_form(c), csrf=False)
    m.check(r.status == 403, repr(r))


@m.test
def test_sql_metacharacters_are_literal():
    c = m.signup()
    evil = "'; DROP TABLE users; --"
    r = c.post("/settings", settings_form(
        c, display_name=evil, headline=evil, bio=evil,
        skills="a'b, \"q\", x;y"))
    m.check(r.status == 303, repr(r))
    row = m.sql("SELECT display_name, headline, bio, skills FROM users "
                "WHERE id = ?", c.user_id)[0]
    m.check(row == [evil, evil, evil, "a'b, \"q\", x;y"], row)
    r = anon.get("/people/" + c.slug)
    m.check(r.status == 200 and m.unescaped(r.text).count(evil) >= 2,
            "not shown back")
    m.check(m.sql_value("SELECT COUNT(*) FROM users") != "0", "users gone")
    for q in (evil, '+"unclosed (', "a* -b ~c @3 >x <y", "%_\\"):
        r = anon.get("/people?q=" + urllib.parse.quote(q))
        m.check(r.status == 200, f"{q!r}: {r!r}")
    r = anon.get("/people?skill=" + urllib.parse.quote("a'b"))
    m.check(c.slug in slugs(r.text), "tag with a quote not found")


# The directory's statements, as cgi-bin/people/directory.c sends them (first page).
ACTIVE = ("(SELECT COUNT(*) FROM mentorships m WHERE m.mentor_id = u.id "
          "AND m.stage IN ('initiation', 'cultivation', 'separation'))")
MENTOR = ("u.is_mentor = 1 AND u.disabled_at IS NULL AND u.unlisted_at IS NULL "
          "AND u.email_verified_at IS NOT NULL AND u.headline <> '' AND "
          "EXISTS (SELECT 1 FROM user_skills k WHERE k.user_id = u.id) AND "
          "u.capacity > " + ACTIVE)
BIG = 9223372036854775807
AFTER = (f"(u.answered_requests < {BIG} OR (u.answered_requests = {BIG} AND "
         "(u.last_active < '9999-12-31' OR u.last_active IS NULL OR "
         "(u.last_active = '9999-12-31' AND u.id < 0))))")
ORDER = "ORDER BY u.answered_requests DESC, u.last_active DESC, u.id DESC LIMIT 21"


def explain(query):
    """EXPLAIN rows as {table: key}."""
    rows = m.sql("EXPLAIN " + query)
    return {r[2]: r[5] for r in rows}


@m.test
def test_explain_uses_indexes():
    # the word index's rows: "has room" counted from the mentor's index
    plan = explain(f"SELECT u.id, u.bio FROM users u WHERE {MENTOR}")
    m.check(plan.get("m") == "mentorships_mentor", plan)
    plan = explain(
        "SELECT u.id FROM user_skills s STRAIGHT_JOIN users u ON "
        f"u.id = s.user_id WHERE s.skill = 'leadership' AND {MENTOR} AND "
        f"{AFTER} {ORDER}")
    m.check(plan.get("s") == "user_skills_skill", plan)
    m.check(plan.get("u") == "PRIMARY", plan)
    rows = m.sql(
        f"EXPLAIN SELECT u.id FROM users u WHERE {MENTOR} AND {AFTER} {ORDER}")
    first = rows[0]
    m.check(first[5] == "users_directory_rank", first)
    m.check("filesort" not in first[-1], "browsing sorts every mentor")


@m.test
def test_settings_error_keeps_bio_line_breaks():
    c = m.signup()
    other = m.signup()
    bio = "Line one\nLine two\n\n* a list item"
    r = c.post("/settings", settings_form(c, bio=bio, slug=other.slug))
    m.check(r.status == 422, repr(r))
    g = re.search(r'<textarea id="bio"[^>]*>(.*?)</textarea>', r.text, re.S)
    m.check(g and m.unescaped(g.group(1)) == bio,
            f"bio changed: {g and g.group(1)!r}")
    # and prefilled from the database after a save
    r = c.post("/settings", settings_form(c, bio=bio))
    m.check(r.status == 303, repr(r))
    g = re.search(r'<textarea id="bio"[^>]*>(.*?)</textarea>',
                  c.get("/settings").text, re.S)
    m.check(g and m.unescaped(g.group(1)) == bio, "bio from the database")


@m.test
def test_disabled_mentor_never_listed_nor_requestable():
    tag = "dm" + RUN
    uid, s = mk_user("Disabled " + tag, capacity=3, skills=tag,
                     headline="Headline " + tag)
    m.check(s in slugs(anon.get("/people?skill=" + tag).text), "not listed")
    m.sql("UPDATE users SET disabled_at = UTC_TIMESTAMP() WHERE id = ?", uid)
    for path in ("/people?skill=" + tag, "/people?q=" + tag, "/people"):
        m.check(s not in slugs(anon.get(path).text), f"listed on {path}")
    m.check(anon.get("/people/" + s).status == 404, "profile")
    c = m.signup()
    r = c.get("/mentorships/new?mentor=" + s)
    m.check("Disabled " + tag not in r.text, "request form shows the mentor")
    r = c.post("/mentorships/new", {"mentor": s, "focus": "Grow as a lead",
                                    "message": "Please mentor me on this."})
    m.check(r.status == 422, repr(r))
    m.check(m.sql_value("SELECT COUNT(*) FROM mentorships WHERE mentor_id = ?",
                        uid) == "0", "a request was made")


NOTIFY_KINDS = ["mentorship", "request", "contract", "review", "milestone",
                "checkin", "meeting", "digest", "thread-feedback", "thread-answer", "survey",
                "programme"]


def ticked(text):
    return re.findall(r'name="notify" value="([a-z-]+)" checked', text)


@m.test
def test_settings_email_notifications():
    c = m.signup()
    r = c.get("/settings")
    m.check("E-mail notifications" in r.text, "no section")
    m.check('action="/settings/notifications"' in r.text, "no form")
    m.check(sorted(ticked(r.text)) == sorted(NOTIFY_KINDS), ticked(r.text))
    for k in NOTIFY_KINDS:
        m.check(f'<label class="check" for="notify-{k}">' in r.text, k)
    m.check('value="verify"' not in r.text and 'value="reset"' not in r.text,
            "account mail offered")
    r = c.post("/settings/notifications",
               [("notify", "review"), ("notify", "digest"),
                ("notify", "verify")])
    m.check(r.status == 303 and "/settings" in r.location, repr(r))
    off = sorted(x[0] for x in m.sql(
        "SELECT kind FROM mail_optouts WHERE user_id = ?", c.user_id))
    m.check(off == sorted(set(NOTIFY_KINDS) - {"review", "digest"}), off)
    # the flash at the top of the page it lands on (under an anchor to
    # the section it was scrolled out of sight), naming what is off
    m.check(r.location.endswith("/settings"), f"landed under an anchor: {r.location}")
    r = c.follow(r)
    flash = re.search(r'<p class="flash"[^>]*>(.*?)</p>', r.text, re.S)
    said = m.unescaped(flash.group(1)) if flash else ""
    m.check(said.startswith("E-mail choices saved. Off: Mentorship updates, Unanswered requests,")
            and "Review date" not in said and "Unread room messages" not in said,
            f"no flash naming what is off: {said}")
    m.check(sorted(ticked(r.text)) == ["digest", "review"], ticked(r.text))
    # an unsubscribe link's row shows as unticked; ticking it again clears it
    m.sql("DELETE FROM mail_optouts WHERE user_id = ?", c.user_id)
    m.sql("INSERT INTO mail_optouts (user_id, kind) VALUES (?, 'milestone')",
          c.user_id)
    m.check("milestone" not in ticked(c.get("/settings").text), "row ignored")
    r = c.post("/settings/notifications",
               [("notify", k) for k in NOTIFY_KINDS])
    m.check(r.status == 303, repr(r))
    m.check("every kind of e-mail is on" in c.follow(r).text, "all on, said")
    m.check(m.sql_value("SELECT COUNT(*) FROM mail_optouts WHERE user_id = ?",
                        c.user_id) == "0", "opt-outs left")
    # a password reset is account mail: it arrives whatever is unticked
    r = c.post("/settings/notifications", [])
    m.check(r.status == 303, repr(r))
    m.check(m.sql_value("SELECT COUNT(*) FROM mail_optouts WHERE user_id = ?",
                        c.user_id) == str(len(NOTIFY_KINDS)), "not all off")
    other = m.Client()
    other.get("/reset")
    r = other.post("/reset", {"email": c.email})
    m.check(r.status in (200, 303), repr(r))
    m.check(m.mails_to(c.email, subject="password"), "reset mail not sent")
    r = c.post("/settings/notifications", [("notify", "review")], csrf=False)
    m.check(r.status == 403, repr(r))


def calendar_url(text):
    g = re.search(r'id="calendar-url"[^>]*value="([^"]+)"', text)
    m.check(g, "no calendar address")
    return m.unescaped(g.group(1))


@m.test
def test_settings_calendar_feed_and_new_secret():
    c = m.signup()
    r = c.get("/settings")
    m.check("Calendar feed" in r.text, "no card")
    url = calendar_url(r.text)
    secret = m.sql_value("SELECT calendar_secret FROM users WHERE id = ?",
                         c.user_id)
    m.check(url == f"{m.SITE.rstrip('/')}/calendar/{secret}.ics", url)
    m.check(calendar_url(c.get("/settings").text) == url, "changes on view")
    feed = anon.get(m.local(url))
    m.check(feed.status == 200 and "BEGIN:VCALENDAR" in feed.text, repr(feed))
    r = c.post("/settings/calendar", {})
    m.check(r.status == 303 and "/settings" in r.location, repr(r))
    r = c.follow(r)
    new = calendar_url(r.text)
    m.check(new != url, "same address")
    m.check(anon.get(m.local(url)).status == 404, "old address still works")
    m.check(anon.get(m.local(new)).status == 200, "new address")
    r = c.post("/settings/calendar", {}, csrf=False)
    m.check(r.status == 403, repr(r))


@m.test
def test_kept_search_rows_follow_every_change():
    """Each worker keeps its word index of the directory under the
    directory's version (sql/093), and the rows of a skill search too
    (lib/kept.h): whatever changes what a search shows, every worker's
    next answer shows it. Eight searches each time so that every worker
    answers some."""
    word = "kept" + RUN
    path = "/people?q=" + word

    def listed(slug):
        pages = [anon.get(path).text for _ in range(8)]
        return [slug in slugs(p) for p in pages]

    def card(slug):
        text = anon.get(path).text
        i = text.index(f'href="/people/{slug}"')
        return text[i:i + 800]

    m.check(not any(slugs(anon.get(path).text) for _ in range(8)),
            "someone listed before any mentor has the word")
    uid, slug = mk_user("Kept Mentor", capacity=1, headline=word)
    m.check(all(listed(slug)), "a new mentor missing from a repeated search")
    m.sql("UPDATE users SET headline = 'something else' WHERE id = ?", uid)
    m.check(not any(listed(slug)), "a mentor listed for a word no longer theirs")
    m.sql("UPDATE users SET headline = ? WHERE id = ?", word + " again", uid)
    m.check(all(listed(slug)), "a changed headline not found")
    m.check(word + " again" in card(slug), "the old headline shown")
    mentee, _ = mk_user("Kept Mentee", mentor=0)
    mk_mentorship(uid, mentee, "cultivation")
    m.check(not any(listed(slug)), "a mentor without room still listed")
    m.sql("UPDATE mentorships SET stage = 'ended' WHERE mentor_id = ?", uid)
    m.check(all(listed(slug)), "a mentor with room again not listed")
    m.sql("UPDATE users SET last_active = UTC_DATE() - INTERVAL 3 DAY WHERE id = ?",
          uid)
    m.check(all("3 days ago" in card(slug) for _ in range(8)),
            "an old last activity shown")
    tag = "kt" + RUN
    m.sql("UPDATE users SET skills = ? WHERE id = ?", tag, uid)
    both = f"/people?q={word}&skill={tag}"
    m.check(all(slug in slugs(anon.get(both).text) for _ in range(8)),
            "a new skill not found with the words")
    m.sql("UPDATE users SET disabled_at = UTC_TIMESTAMP() WHERE id = ?", uid)
    m.check(not any(listed(slug)), "a disabled mentor still listed")


def people_log():
    """What the test stack's people workers have logged so far."""
    try:
        with open(os.path.join(m.VAR, "log", "people.log"), errors="replace") as f:
            return f.read()
    except OSError:
        return ""


@m.test
def test_activity_does_not_index_the_directory_again():
    """Issue 24: a mentor's first request of the day moves their last
    activity, and so the directory's version (sql/093). The word index
    searches no activity: no worker indexes every mentor again for it
    (sql/281's words version stays), it reads the mentors' activity
    alone, and a search shows it and orders by it at once. What the index
    searches, a headline here, still builds it again."""
    word = "act" + RUN
    path = "/people?q=" + word
    uid, slug = mk_user("Activity Mentor", headline=word, days_ago=10)
    _, other = mk_user("Activity Second", headline=word, days_ago=5)
    # the other test file running beside this one may move the word index
    # by a write of its own (a mentor, a pair) at any time: the step is
    # judged only when the words' version held still over all of it
    for _ in range(5):
        m.sql("UPDATE users SET last_active = UTC_DATE() - INTERVAL 10 DAY "
              "WHERE id = ?", uid)
        pages = [anon.get(path).text for _ in range(8)]   # every worker's index
        m.check(all(slugs(p) == [other, slug] for p in pages),
                "not ordered by last activity")
        words = m.sql_value("SELECT words FROM directory_version")
        version = m.sql_value("SELECT version FROM directory_version")
        # a worker the eight missed indexes again from an older version,
        # for the headlines above: only one built for `words` must not
        since = len(people_log())
        again = f'moved from "index {words}"'
        m.sql("UPDATE users SET last_active = UTC_DATE() WHERE id = ?", uid)
        m.check(m.sql_value("SELECT version FROM directory_version") != version,
                "the directory's version did not move with a last activity")
        moved = m.sql_value("SELECT words FROM directory_version") != words
        pages = [anon.get(path).text for _ in range(8)]
        log = people_log()[since:]
        if m.sql_value("SELECT words FROM directory_version") == words:
            break
    else:   # moved by the write itself: said below; else by others, always
        m.check(moved, "the word index never held still over the step")
    m.check(not moved, "the word index's version moved with a last activity")
    m.check(all(slugs(p) == [slug, other] for p in pages),
            "the order does not follow the new last activity")
    m.check(all("Active today" in p for p in pages), "the old activity shown")
    m.check(again not in log,
            "a worker indexed every mentor again for one last activity")
    # what the index searches: found at once, by every worker
    m.sql("UPDATE users SET headline = ? WHERE id = ?", word + " zq" + RUN, uid)
    m.check(m.sql_value("SELECT words FROM directory_version") != words,
            "a headline did not move the word index's version")
    m.check(all(slugs(anon.get("/people?q=zq" + RUN).text) == [slug]
                for _ in range(8)), "a new headline word not found")


@m.test
def test_search_past_many_better_ranked_full_mentors():
    """The 70 best-ranked mentors for a word are full: the two with room,
    ranked below all of them, must still be listed, the full ones never,
    and paging past them still works (a search that ranked a first batch
    and only then asked which have room would lose them)."""
    word = "wide" + RUN
    full = "widefull" + RUN
    m.sql("INSERT INTO users (email, email_verified_at, password_hash, display_name, "
          "headline, bio, skills, is_mentor, capacity, slug, last_active) "
          "SELECT CONCAT(?, seq, '@example.org'), UTC_TIMESTAMP(), 'x', "
          "CONCAT('Full ', seq), CONCAT(?, ' ', ?, ' ', ?), CONCAT(?, ' ', ?), ?, "
          "1, 1, CONCAT(?, '-', seq), UTC_DATE() FROM seq_1_to_70",
          full, word, word, word, word, word, word, full)
    mentee, _ = mk_user("Wide Mentee", mentor=0)
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) SELECT id, ?, 'cultivation', 'focus', '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE slug LIKE ?",
          mentee, full + "-%")
    _, open1 = mk_user("Wide Open One", capacity=2, bio="once " + word)
    _, open2 = mk_user("Wide Open Two", capacity=2, bio="also " + word)
    listed = slugs(anon.get("/people?q=" + word).text)
    m.check(sorted(listed) == sorted([open1, open2]),
            f"listed {listed}, want the two with room")
    # more with room than a page, all ranked below the full ones
    made = {open1, open2}
    for i in range(20):
        made.add(mk_user(f"Wide More {i}", capacity=1, bio="more " + word)[1])
    pages = page_through("/people?q=" + word)
    m.check([len(p) for p in pages] == [20, 2], [len(p) for p in pages])
    m.check(set(pages[0] + pages[1]) == made, "pages overlap or miss people")


@m.test
def test_search_folds_case_accents_and_punctuation():
    """What one person types finds what another wrote: accents and case
    folded both ways, words split at dashes and quotes, every word a
    prefix, a word and a skill together, paging by the score."""
    w = "fold" + RUN
    _, zoe = mk_user(f"Zoë Ångström {w}", skills=f"straße, sk{w}",
                     bio=f"Mentor—coach for “{w}” teams; x{w}")
    _, other = mk_user("Other Person", bio=f"{w} only")
    for q in ("ZOE angstrom", "zoë ÅNGSTRÖM", "strasse", "coach mentor",
              f"teams {w[:-1]}"):
        r = anon.get("/people?q=" + urllib.parse.quote(q + " " + w))
        m.check(slugs(r.text) == [zoe], f"{q!r}: {slugs(r.text)}")
    r = anon.get(f"/people?q={w}")
    m.check(slugs(r.text) == [zoe, other], slugs(r.text))   # 3 beat 1
    r = anon.get(f"/people?q={w}&skill=SK{w.upper()}")
    m.check(slugs(r.text) == [zoe], slugs(r.text))
    r = anon.get(f"/people?q={w}&skill=nothing{w}")
    m.check(slugs(r.text) == [] and "Show all mentors" in r.text, r.text)
    r = anon.get(f"/people?q=x{w[:-2]}")
    m.check(slugs(r.text) == [zoe], "a prefix does not find the word")
    for bad in ("1.2.3_2026-01-01_5", "1234567890123_2026-01-01_5",
                "1.1234567_2026-01-01_5", "._2026-01-01_5", "-1_2026-01-01_5"):
        r = anon.get(f"/people?q={w}&after={bad}")
        m.check(r.status == 400, f"{bad}: {r!r}")


if __name__ == "__main__":
    sys.exit(m.main())
