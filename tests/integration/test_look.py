"""What the pages say, as a person reads them (the browser walk-through
of the roadmaps, the forms with dates, the profile and the Growth
Thread calendar), over HTTP against the real stack. The drawn layout
(the header in one row, the calendar on a phone) is checked in
tests/browser/."""
import datetime
import re

import menteo as m


def mentorship(mentor, mentee, stage="cultivation"):
    focus = m.unique("Focus")
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, "
          "message, stage_changed_at, created_at) VALUES (?, ?, ?, ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          mentor.user_id, mentee.user_id, stage, focus)
    return int(m.sql_value("SELECT id FROM mentorships WHERE focus = ?", focus))


def text(html):
    """The words of a piece of page, tags dropped, spaces folded."""
    return re.sub(r"\s+", " ", m.unescaped(re.sub(r"<[^>]+>", "", html))).strip()


@m.test
def test_milestone_stage_says_what_it_means():
    # a bare "Cultivation" badge beside a milestone read as unexplained:
    # the line says "during Cultivation" and a legend says what each is
    rid = int(m.sql_value("SELECT id FROM roadmaps WHERE kind = 'curated' "
                          "AND title = 'Raise a seed round'"))
    r = m.Client().get(f"/roadmaps/{rid}")
    m.check(r.status == 200, f"{r!r}")
    whens = [text(w) for w in re.findall(r'<p class="when">(.*?)</p>', r.text)]
    staged = [w for w in whens if re.search(r"Initiation|Cultivation|Separation", w)]
    m.check(staged, f"no milestone names a stage: {whens}")
    m.check(all(re.search(r"during (Initiation|Cultivation|Separation)$", w)
                for w in staged), f"a stage without its meaning: {staged}")
    legend = re.search(r'id="stage-legend">(.*?)</p>', r.text, re.S)
    m.check(legend and "the deep work" in text(legend.group(1)), "no legend")
    # the same on the pair's roadmap, once applied
    mentor, mentee = m.make_mentor(), m.signup()
    mid = mentorship(mentor, mentee)
    mentee.get(f"/mentorships/{mid}/roadmap")
    r = mentee.post(f"/mentorships/{mid}/roadmap",
                    {"roadmap": str(rid), "start_date": datetime.date.today().isoformat()})
    m.check(r.status == 303, f"apply {r!r}")
    r = mentee.get(f"/mentorships/{mid}/roadmap")
    m.check('id="stage-legend"' in r.text, "no legend on the pair's roadmap")
    m.check(re.search(r"during <span class=\"stage stage-[a-z]+\">", r.text),
            "the pair's milestones show a bare stage")
    m.check(re.search(r"now in <span class=\"stage stage-cultivation\">", r.text),
            "the pair's own stage is not said as theirs")


@m.test
def test_date_boxes_name_no_format():
    # input type=date is drawn in the browser's format (mm/dd/yyyy here,
    # dd/mm/yyyy there): a hint saying YYYY-MM-DD contradicts the box
    mentor, mentee = m.make_mentor(), m.signup()
    mid = mentorship(mentor, mentee, "initiation")
    for path in (f"/mentorships/{mid}/contract", f"/mentorships/{mid}/roadmap",
                 f"/mentorships/{mid}/meetings"):
        r = mentor.get(path)
        m.check(r.status == 200 and 'type="date"' in r.text, f"{path}: {r!r}")
        m.check(not re.search(r"YYYY|MM-DD|\(\d{4}-\d\d-\d\d\)", r.text),
                f"{path} names a date format")
    # a date the server cannot read says what is wanted, not a format
    mentor.get(f"/mentorships/{mid}/contract")
    r = mentor.post(f"/mentorships/{mid}/contract",
                    [("goal_rows", "1"), ("ground_rules", "Rules"), ("cadence", "weekly"),
                     ("channels", "room"), ("review_date", "31/12/2030"),
                     ("title", "A goal"), ("measure", "Measured"), ("target_date", ""),
                     ("goal", "")])
    m.check(r.status == 422 and "YYYY" not in r.text and
            "Enter a whole date" in r.text, f"{r!r}")


@m.test
def test_profile_says_availability_in_a_sentence():
    # "Mentors, and has room." read broken: each case is a sentence, said
    # to the visitor, or to the owner as "you"
    mentor = m.make_mentor(capacity=1)
    other = m.signup()

    def said(c, slug):
        r = c.get(f"/people/{slug}")
        m.check(r.status == 200, f"{r!r}")
        p = re.search(r'<p class="availability">(.*?)</p>', r.text, re.S)
        m.check(p, f"no availability sentence: {r.text[-3000:]}")
        m.check("Mentors, and" not in r.text and "Mentors, but" not in r.text,
                "the old fragment is back")
        return text(p.group(1))

    s = said(other, mentor.slug)
    m.check(s == "Taking new mentees: 1 place left.", s)
    s = said(mentor, mentor.slug)
    m.check(s == "You are taking new mentees: 1 place left.", s)
    mentorship(mentor, other, "initiation")
    s = said(other, mentor.slug)
    m.check(s == "Not taking new mentees: no places left right now.", s)
    s = said(mentor, mentor.slug)
    m.check(s == "You are not taking new mentees: no places left right now.", s)
    s = said(mentor, other.slug)
    m.check(s == "Not mentoring at the moment.", s)
    s = said(other, other.slug)
    m.check(s == "You are not mentoring at the moment.", s)


@m.test
def test_thread_calendar_names_months_and_days():
    c = m.signup()
    c.get("/threads/new")
    r = c.post("/threads/new", {"title": m.unique("Calendar"), "purpose": "Why",
                                "visibility": "public"})
    m.check(r.status == 303, f"{r!r}")
    tid = int(re.fullmatch(r"/threads/(\d+)", r.location).group(1))
    c.get(f"/threads/{tid}")
    r = c.post(f"/threads/{tid}/entries", {"kind": "lesson", "body": "One"})
    m.check(r.status == 303, f"{r!r}")
    m.sql("UPDATE thread_entries SET created_at = UTC_TIMESTAMP() - INTERVAL 40 DAY "
          "WHERE thread_id = ?", tid)
    r = c.post(f"/threads/{tid}/entries", {"kind": "lesson", "body": "Two"})
    r = c.get(f"/threads/{tid}")
    svg = re.search(r'<section class="calendar".*?</section>', r.text, re.S)
    m.check(svg, "no calendar")
    svg = svg.group(0)
    m.check(re.search(r"<title[^>]*>Days with entries over the last year</title>", svg),
            "the picture lost its title")
    labels = re.findall(r'<text class="cal-label"[^>]*>([^<]+)</text>', svg)
    m.check({"Mon", "Wed", "Fri"} <= set(labels), f"no days' names: {labels}")
    months = [x for x in labels if x in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                         "Aug", "Sep", "Oct", "Nov", "Dec")]
    m.check(len(months) >= 11, f"months not named: {labels}")
    today = datetime.datetime.now(datetime.timezone.utc).date()
    m.check(today.strftime("%b") in months or today.day < 7, f"this month missing: {months}")
    ago = today - datetime.timedelta(days=40)
    m.check(f"1 entry on {ago.strftime('%a')} {ago.day} {ago.strftime('%b %Y')}" in svg,
            "a day with an entry does not say its date")
    m.check("Entries on 2 days in the last year (2 entries)" in r.text,
            "the numbers beside the picture are gone")
    m.check('class="chart-scroll from-end"' in r.text,
            "the calendar does not scroll on a phone")


if __name__ == "__main__":
    m.main()
