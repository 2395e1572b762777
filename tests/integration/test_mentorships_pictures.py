"""SPEC 15 on the mentorship page and the record of achievement: the
four stages drawn with how long each lasted, and goal and milestone
progress over time; each an inline SVG with a <title>, its numbers
beside it for people who read rather than look."""
import re

import menteo as m


def asked():
    """A mentee's request to a new mentor: (mentor, mentee, its id)."""
    mentor = m.make_mentor()
    mentee = m.signup()
    mentee.get(f"/mentorships/new?mentor={mentor.slug}")
    r = mentee.post("/mentorships/new", {"mentor": mentor.slug, "focus": "Grow as a lead",
                                          "message": "I lead a team of six."})
    return mentor, mentee, int(re.search(r"/mentorships/(\d+)$", r.location).group(1))


def pair():
    mentor, mentee, mid = asked()
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

    # a goal achieved and a milestone done: counted up week by week; one
    # partly achieved is not ("3 goals reached" of one achieved and two
    # partly: found walking)
    m.sql("INSERT INTO goals (mentorship_id, title, measure, status, reviewed_at, version, "
          "created_at) VALUES (?, 'Hire two', 'Two offers', 'achieved', UTC_TIMESTAMP(), 1, "
          "UTC_TIMESTAMP()), (?, 'Speak twice', 'Two talks', 'partly', UTC_TIMESTAMP(), 1, "
          "UTC_TIMESTAMP())", mid, mid)
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, due_date, "
          "done_at, position, created_at) VALUES (?, 'Draft the plan', '', UTC_DATE(), "
          "UTC_TIMESTAMP() - INTERVAL 6 DAY, 1, UTC_TIMESTAMP())", mid)
    r = mentee.get(f"/mentorships/{mid}")
    s = figure(r.text, "Progress over time")
    m.check(s and '<svg' in s and "<title" in s, f"progress drawn: {s}")
    m.check("In 2 weeks: 1 milestone done, 1 goal achieved." in m.unescaped(s), f"numbers: {s}")
    # and week by week, in a table (an accessibility review: the picture
    # had a summary line, its weeks only in the drawing)
    weeks = re.findall(r'<tr><th scope="row">(Week \d+)</th><td class="text-right">(\d+)</td>'
                       r'<td class="text-right">(\d+)</td></tr>', s)
    m.check(weeks == [("Week 1", "1", "0"), ("Week 2", "1", "1")], f"the weeks: {weeks}")

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
    # a reached milestone is ticked as achieved, never struck through as if cancelled
    li = re.search(r'<li class="([a-z_]+)"><span class="title">Draft the plan</span>', r.text)
    m.check(li and li.group(1) == "achieved", f"milestone reached: {li and li.group(0)}")


def svg_texts(section):
    """(x, y, text) of every <text> in the section's svg."""
    return [(float(x), float(y), t) for x, y, t in re.findall(
        r'<text class="chart-[a-z]+" x="([0-9.]+)%?" y="([0-9.]+)"[^>]*>([^<]*)</text>', section)]


@m.test
def test_fresh_pair_pictures_say_what_is_true():
    """A stage begun minutes ago is "under a day", not "0.5 d"; the progress
    chart has a legend whose names do not overlap, a scale, and columns, not
    one block the chart's width."""
    mentor, mentee, mid = pair()
    r = mentee.get(f"/mentorships/{mid}")
    s = figure(r.text, "Time in each stage")
    m.check(s and "0.5 d" not in s, f"no half day for minutes: {s}")
    # the strip's legend is HTML after it, in the page's type
    legend = re.search(r'</svg><ul class="chart-legend">(.*?)</ul>', s, re.S)
    m.check(legend and "Initiation · under a day" in m.unescaped(legend.group(1)),
            f"strip legend: {legend and legend.group(0)}")
    m.check(numbers(s).get("Initiation") == "under a day", f"table: {numbers(s)}")

    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, due_date, "
          "done_at, position, created_at) VALUES (?, 'Draft the plan', '', UTC_DATE(), "
          "UTC_TIMESTAMP(), 1, UTC_TIMESTAMP())", mid)
    m.sql("INSERT INTO goals (mentorship_id, title, measure, status, reviewed_at, version, "
          "created_at) VALUES (?, 'Hire two', 'Two offers', 'achieved', UTC_TIMESTAMP(), 1, "
          "UTC_TIMESTAMP())", mid)
    r = mentee.get(f"/mentorships/{mid}")
    s = figure(r.text, "Progress over time")
    m.check(s and "<svg" in s, f"progress drawn: {s}")
    texts = svg_texts(s)
    # the legend is HTML before the picture: it wraps where the box is narrow
    legend = re.search(r'<ul class="chart-legend">(.*?)</ul>\s*<svg', s, re.S)
    m.check(legend and re.findall(r'</svg>([^<]+)</li>', legend.group(1)) ==
            ["Milestones done", "Goals achieved"], f"legend: {legend and legend.group(0)}")
    # one milestone and one goal side by side in the week, each its own
    # column from the base: a scale up to 1 (they were stacked, a column
    # of "2" things of no one kind: found walking)
    m.check([t for _, _, t in texts if t == "1"] and not [t for _, _, t in texts if t == "2"],
            f"a scale up to 1: {texts}")
    cols = [tuple(map(float, c)) for c in re.findall(
        r'<rect class="chart-s[01]" x="([0-9.]+)%" y="([0-9.]+)" width="([0-9.]+)%" '
        r'height="([0-9.]+)"', s)]
    m.check(len(cols) == 2 and cols[0][1] == cols[1][1] and cols[0][3] == cols[1][3] and
            cols[0][0] + cols[0][2] <= cols[1][0], f"two columns side by side: {cols}")
    # a few weeks are drawn as narrow as sixteen: a column, not a block
    m.check(cols and sum(c[2] for c in cols) <= 100 / 16, f"a column, not a block: {cols}")

@m.test
def test_a_request_that_ended_unanswered_draws_no_stages():
    """A request withdrawn before any answer showed "Time in each stage"
    with "No stage reached yet" and an empty strip (found by a walk): a
    pair that never began has no stages to draw."""
    _, mentee, mid = asked()
    mentee.get(f"/mentorships/{mid}")
    r = mentee.post(f"/mentorships/{mid}/stage", {"to": "withdrawn", "note": ""})
    m.check(r.status == 303, f"withdrawn: {r!r}")
    page = mentee.get(f"/mentorships/{mid}").text
    m.check("Time in each stage" not in page and "No stage reached yet" not in page,
            "a request that never began draws its stages")
    # one that began keeps its strip when it ends
    _, other, began = pair()
    other.get(f"/mentorships/{began}")
    r = other.post(f"/mentorships/{began}/stage", {"to": "ended", "note": "Moving on."})
    m.check(r.status == 303, f"ended: {r!r}")
    m.check(figure(other.get(f"/mentorships/{began}").text, "Time in each stage"),
            "an ended mentorship lost its strip")


m.main()
