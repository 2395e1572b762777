"""SPEC 15 on the mentorship page and the record of achievement: the
four stages drawn with how long each lasted, and goal and milestone
progress over time; each an inline SVG with a <title>, its numbers
beside it for people who read rather than look."""
import re

import menteo as m


def pair():
    mentor = m.make_mentor()
    mentee = m.signup()
    mentee.get(f"/mentorships/new?mentor={mentor.slug}")
    r = mentee.post("/mentorships/new", {"mentor": mentor.slug, "focus": "Grow as a lead",
                                          "message": "I lead a team of six."})
    mid = int(re.search(r"/mentorships/(\d+)$", r.location).group(1))
    mentor.get(f"/mentorships/{mid}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "initiation", "note": ""})
    m.check(r.status == 303, f"accept: {r!r}")
    return mentor, mentee, mid


def figure(text, heading):
    """The section under heading: its svg and its numbers."""
    s = re.search(r'<h2 id="[a-z-]+">' + heading + r'</h2>(.*?)</section>', text, re.S)
    return s.group(1) if s else None


def numbers(section):
    return dict(re.findall(r'<th scope="row">([^<]+)</th><td class="text-right">([^<]+)</td>',
                           section))


@m.test
def test_stage_strip_and_progress():
    mentor, mentee, mid = pair()
    # the pair was accepted 9 days ago and has been in Cultivation for 4
    m.sql("UPDATE stage_events SET created_at = UTC_TIMESTAMP() - INTERVAL 12 DAY "
          "WHERE mentorship_id = ? AND to_stage = 'requested'", mid)
    m.sql("UPDATE stage_events SET created_at = UTC_TIMESTAMP() - INTERVAL 9 DAY "
          "WHERE mentorship_id = ? AND to_stage = 'initiation'", mid)
    m.sql("UPDATE mentorships SET created_at = UTC_TIMESTAMP() - INTERVAL 12 DAY, "
          "stage = 'cultivation' WHERE id = ?", mid)
    m.sql("INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, note, "
          "created_at) VALUES (?, 'initiation', 'cultivation', ?, '', "
          "UTC_TIMESTAMP() - INTERVAL 4 DAY)", mid, mentee.user_id)
    r = mentee.get(f"/mentorships/{mid}")
    m.check(r.status == 200)
    s = figure(r.text, "Time in each stage")
    m.check(s and '<svg' in s and 'role="img"' in s and "<title" in s, f"strip drawn: {s}")
    m.check(numbers(s) == {"Initiation": "5 days", "Cultivation": "4 days",
                           "Separation": "not reached", "Redefinition": "not reached"},
            f"days beside it: {numbers(s)}")
    m.check(figure(r.text, "Progress over time") is None, "no progress drawn before any")

    # a goal reached and a milestone done: counted up week by week
    m.sql("INSERT INTO goals (mentorship_id, title, measure, status, reviewed_at, version, "
          "created_at) VALUES (?, 'Hire two', 'Two offers', 'achieved', UTC_TIMESTAMP(), 1, "
          "UTC_TIMESTAMP())", mid)
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, due_date, "
          "done_at, position, created_at) VALUES (?, 'Draft the plan', '', UTC_DATE(), "
          "UTC_TIMESTAMP() - INTERVAL 6 DAY, 1, UTC_TIMESTAMP())", mid)
    r = mentee.get(f"/mentorships/{mid}")
    s = figure(r.text, "Progress over time")
    m.check(s and '<svg' in s and "<title" in s, f"progress drawn: {s}")
    m.check("In 2 weeks: 1 milestone done, 1 goal reached." in m.unescaped(s), f"numbers: {s}")

    # the record of achievement draws the strip too
    m.sql("UPDATE mentorships SET stage = 'separation' WHERE id = ?", mid)
    m.sql("INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, note, "
          "created_at) VALUES (?, 'cultivation', 'separation', ?, '', UTC_TIMESTAMP())",
          mid, mentee.user_id)
    r = mentee.get(f"/mentorships/{mid}/record")
    m.check(r.status == 200, f"record: {r!r}")
    s = figure(r.text, "Time in each stage")
    m.check(s and '<svg' in s, "the record has the strip")
    m.check(numbers(s).get("Separation") == "under a day", f"record numbers: {numbers(s)}")


m.main()
