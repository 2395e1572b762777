"""The dashboard's order (journey-32 at 1280): a person who mentors and has
no request out sees their own mentorships first and the mentors suggested
for them after (the box that finds nobody: dashboard_alone.py). A mentor
with no mentee side (never asked for a mentor, never paired as a mentee,
looking for nothing) is not told to find mentors."""
import menteo as m


def pair(stage="cultivation"):
    """A listed mentor, their mentee and the focus of their mentorship."""
    mentor, mentee = m.make_mentor(), m.signup()
    focus = m.unique("Mentoring focus")
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at, contract_version, review_date) VALUES "
          "(?, ?, ?, ?, '', UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1, "
          "UTC_DATE() + INTERVAL 90 DAY)", mentor.user_id, mentee.user_id, stage, focus)
    return mentor, mentee, focus


def mentoring(stage="cultivation"):
    """A listed mentor with one mentee, in stage."""
    mentor, _, focus = pair(stage)
    return mentor, focus


@m.test
def test_a_mentor_sees_their_mentorships_before_suggestions():
    m.make_mentor()     # someone with room to suggest
    mentor, focus = mentoring()
    # a mentor who also looks for a mentor of their own
    m.sql("UPDATE users SET languages = '', looking_for = 'leadership' WHERE id = ?",
          mentor.user_id)
    page = mentor.get("/").text
    m.check(focus in page, "their mentorship is listed")
    m.check("Mentors for you" in page, "someone is suggested")
    m.check(page.index('id="mine-h"') < page.index("Mentors for you") and
            page.index('id="attn-h"') < page.index("More suggestions, and why"),
            "suggestions come after their own mentorships")


@m.test
def test_someone_without_a_mentorship_still_sees_suggestions_first():
    m.make_mentor()
    c = m.signup()
    page = c.get("/").text
    m.check("Mentors for you" in page, "suggested")
    m.check("Start your first mentorship" in page, "and told how to start")


@m.test
def test_a_mentor_who_looks_for_no_mentor_is_suggested_none():
    m.make_mentor()     # someone with room to suggest
    mentor, focus = mentoring()
    page = mentor.get("/").text
    m.check(focus in page, "their mentorship is listed")
    m.check("Mentors for you" not in page and "/people/suggestions" not in page,
            "a mentor with no mentee side is not told to find mentors")
    newcomer = m.make_mentor()      # listed, no mentorship at all yet
    page = newcomer.get("/").text
    m.check("Mentors for you" not in page, "nor a new mentor with no mentorship")
    m.check("You are in the mentor directory" in page, "told where they stand")


@m.test
def test_a_mentor_who_has_been_a_mentee_still_sees_suggestions():
    m.make_mentor()
    mentor, focus = mentoring()
    own = m.make_mentor()
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, 'declined', ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", own.user_id, mentor.user_id,
          m.unique("asked once"))
    page = mentor.get("/").text
    m.check("Mentors for you" in page, "a mentor who asked for a mentor is suggested some")
    mentee = m.signup()
    page = mentee.get("/").text
    m.check("Mentors for you" in page, "a mentee still is")


@m.test
def test_dashboard_and_notifications_session_rules():
    """The dashboard and the notifications page load the session with
    their rows (ROUTE_OWN_SESSION, lib/sess.c sess_load_rows), or on its
    own when there is no row to carry it: the same rules as every other
    page, for someone with a mentorship and a notification and for someone
    with neither. Each way a session ends shows the landing page on / and
    sends /notifications to the sign-in page, the cookie ended, on every
    worker; activity is recorded; what the viewer changed shows at once."""
    def session_of(c):
        return m.sql_value("SELECT MAX(id) FROM sessions WHERE user_id = ?",
                           c.user_id)

    def signed_in(c, why):
        for _ in range(4):
            r = c.get("/")
            m.check(r.status == 200 and "Sign out" in r.text, f"{why} /: {r!r}")
            r = c.get("/notifications")
            m.check(r.status == 200 and "Sign out" in r.text,
                    f"{why} /notifications: {r!r}")

    def ended(c, why):
        cookies = dict(c.cookies)
        for _ in range(4):
            c.cookies = dict(cookies)
            r = c.get("/")
            m.check(r.status == 200 and "Sign out" not in r.text and
                    "menteo_session" not in c.cookies, f"{why} /: {r!r}")
            c.cookies = dict(cookies)
            r = c.get("/notifications")
            m.check(r.status == 303 and "/login?next=" in r.location and
                    "menteo_session" not in c.cookies, f"{why} /notifications: {r!r}")
        c.cookies = cookies     # the browser kept it: the rows decide

    r = m.Client().get("/")
    m.check(r.status == 200 and "Sign out" not in r.text, f"anonymous /: {r!r}")
    r = m.Client().get("/notifications")
    m.check(r.status == 303 and "/login?next=" in r.location, f"anonymous: {r!r}")
    for rows in (True, False):
        c = m.signup()
        if rows:
            mentor, _ = mentoring()
            m.sql("UPDATE mentorships SET mentee_id = ? WHERE mentor_id = ?",
                  c.user_id, mentor.user_id)
            m.sql("INSERT INTO notifications (user_id, kind, title, path, "
                  "created_at) VALUES (?, 'mentorship', 'Rules', '/nowhere', "
                  "UTC_TIMESTAMP())", c.user_id)
        signed_in(c, "a live session")
        # activity: last seen (at most every 15 minutes with a week's idle
        # limit) and last active (once a day)
        m.sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 5 "
              "MINUTE WHERE id = ?", session_of(c))
        m.check(c.get("/").status == 200, "not shown")
        m.check(m.sql_value("SELECT last_seen_at < UTC_TIMESTAMP() - INTERVAL 4 "
                            "MINUTE FROM sessions WHERE id = ?", session_of(c))
                == "1", "last seen written again 5 minutes after")
        m.sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 16 "
              "MINUTE WHERE id = ?", session_of(c))
        m.sql("UPDATE users SET last_active = UTC_DATE() - INTERVAL 2 DAY "
              "WHERE id = ?", c.user_id)
        m.check(c.get("/").status == 200, "not shown")
        m.check(m.sql_value("SELECT last_seen_at > UTC_TIMESTAMP() - INTERVAL 1 "
                            "MINUTE FROM sessions WHERE id = ?", session_of(c))
                == "1", "last seen not recorded")
        m.check(m.sql_value("SELECT last_active = UTC_DATE() FROM users WHERE "
                            "id = ?", c.user_id) == "1", "last active not recorded")
        m.sql("UPDATE users SET display_name = 'Dashboard Renamed' WHERE id = ?",
              c.user_id)
        m.check(all("Dashboard Renamed" in c.get(p).text for p in
                    ("/", "/notifications") * 4), "the viewer's old name")
        sid = session_of(c)
        m.sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - INTERVAL 8 "
              "DAY WHERE id = ?", sid)
        ended(c, "an idle session")
        m.sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP(), created_at = "
              "UTC_TIMESTAMP() - INTERVAL 31 DAY WHERE id = ?", sid)
        ended(c, "a session past its lifetime")
        m.sql("UPDATE sessions SET created_at = UTC_TIMESTAMP() WHERE id = ?", sid)
        signed_in(c, "the session made young again")
        m.sql("UPDATE users SET disabled_at = UTC_TIMESTAMP() WHERE id = ?",
              c.user_id)
        ended(c, "a disabled account")


@m.test
def test_kept_cards_follow_every_write():
    """Issue 24: each mentorship's card on the dashboard and on
    /mentorships is kept under the pair's version (lib/mine.c): every write
    it shows, by SQL as by a form, is on the next view by every worker
    (eight views: every worker answers some), for both parties; a meeting
    that comes to pass leaves the meetings to come by the clock alone."""
    mentor, mentee, focus = pair()
    mid = m.sql_value("SELECT id FROM mentorships WHERE focus = ?", focus)

    def seen(what, present=True, paths=("/", "/mentorships"), who=None):
        for c in who or (mentee, mentor):
            for path in paths:
                for _ in range(8):
                    page = m.unescaped(c.get(path).text)
                    m.check((what in page) == present, f"{what!r} "
                            f"{'missing from' if present else 'still on'} "
                            f"{path} after a write")

    dash = ("/",)     # "No meetings planned." is the dashboard's alone
    seen(focus)
    seen("<strong>1 overdue", present=False)
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, "
          "due_date, position, created_at) VALUES (?, 'Late one', '', UTC_DATE() - "
          "INTERVAL 2 DAY, 1, UTC_TIMESTAMP())", mid)
    seen("0/1 milestones, <strong>1 overdue", paths=dash)
    seen("Milestones: 0 of 1 done, <strong>1 overdue", paths=("/mentorships",))
    seen("1 overdue milestone")
    # the notifier's reminder of it, as its scan may write it at any time:
    # "New for you" on the dashboard keeps it, done or not; the card's
    # words are what follow the write
    m.sql("INSERT INTO notifications (user_id, kind, title, path, created_at) "
          "VALUES (?, 'milestone', 'Milestone overdue: Late one', ?, "
          "UTC_TIMESTAMP())", mentee.user_id, f"/mentorships/{mid}/roadmap")
    m.sql("UPDATE mentorship_milestones SET done_at = UTC_TIMESTAMP() WHERE "
          "mentorship_id = ?", mid)
    seen("1/1 milestones", paths=dash)
    seen("<strong>1 overdue", present=False)
    seen("overdue milestone", present=False)
    m.sql("UPDATE mentorships SET review_date = UTC_DATE() + INTERVAL 3 DAY "
          "WHERE id = ?", mid)
    seen("Review date within a week: review the goals")
    m.sql("UPDATE mentorships SET focus = ? WHERE id = ?", focus + " renamed", mid)
    seen(focus + " renamed")
    # a meeting to come, then come to pass by the clock alone: its start
    # leaves time for the views before it, on a slow (sanitized) build too
    import time
    m.sql("INSERT INTO meetings (mentorship_id, starts_at, minutes, agenda, "
          "created_by, created_at) VALUES (?, UTC_TIMESTAMP() + INTERVAL 15 SECOND, "
          "30, 'Soon', ?, UTC_TIMESTAMP())", mid, mentee.user_id)
    planned = time.monotonic()
    seen("Next meeting:")
    seen("No meetings planned.", present=False, paths=dash)
    time.sleep(max(0.0, planned + 16 - time.monotonic()))
    seen("Next meeting:", present=False)
    seen("No meetings planned.", paths=dash)
    m.sql("DELETE FROM meetings WHERE mentorship_id = ?", mid)
    # the stage, by SQL: the card's group and its attention
    m.sql("UPDATE mentorships SET stage = 'ended' WHERE id = ?", mid)
    seen("Review date within a week", present=False)
    # a request the mentor answered with a question, by its stage event
    mentor, mentee, focus = pair("requested")
    mid = m.sql_value("SELECT id FROM mentorships WHERE focus = ?", focus)
    seen("Answer the request", who=(mentor,))
    seen("Answer the mentor's question", present=False, who=(mentee,))
    # not a pair yet: nobody is "your mentor"
    seen("Request to:", who=(mentee,))
    seen("Request from:", who=(mentor,))
    # a pair the organisers proposed was asked by neither of them
    m.sql("UPDATE mentorships SET proposed_by_programme = 1 WHERE id = ?", mid)
    seen("Pair proposed with:")
    seen("Request to:", present=False)
    seen("Request from:", present=False)
    m.sql("UPDATE mentorships SET proposed_by_programme = 0 WHERE id = ?", mid)
    m.sql("INSERT INTO stage_events (mentorship_id, from_stage, to_stage, note, "
          "actor_id, created_at) VALUES (?, 'requested', 'requested', 'Why now', ?, "
          "UTC_TIMESTAMP())", mid, mentor.user_id)
    seen("Answer the mentor's question", who=(mentee,))

if __name__ == "__main__":
    m.main()
