"""Meetings change (SPEC 7, issue #21 item 7): either party edits,
reschedules or cancels a planned meeting; the calendar follows (the same
UID, a raised SEQUENCE, STATUS:CANCELLED for a cancelled one) and the
other party is told by mail; notes at any time; "Planned by"; the agenda
keeps its line breaks; every time shown and mailed in the reader's own
zone."""
import datetime
import json
import re
import time
import urllib.parse

import menteo as m

BERLIN, NEW_YORK = "Europe/Berlin", "America/New_York"


def pair():
    mentor = m.make_mentor()
    mentee = m.signup()
    mentee.get(f"/mentorships/new?mentor={mentor.slug}")
    r = mentee.post("/mentorships/new", {"mentor": mentor.slug, "focus": "Run a team",
                                          "message": "I lead a team of six."})
    mid = int(re.search(r"/mentorships/(\d+)$", r.location).group(1))
    mentor.get(f"/mentorships/{mid}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "initiation", "note": ""})
    m.check(r.status == 303, f"accept: {r!r}")
    m.sql("UPDATE users SET timezone = ? WHERE id = ?", BERLIN, mentee.user_id)
    m.sql("UPDATE users SET timezone = ? WHERE id = ?", NEW_YORK, mentor.user_id)
    return mentor, mentee, mid


def name_of(c):
    return m.sql_value("SELECT display_name FROM users WHERE id = ?", c.user_id)


def unfold(body):
    return body.replace(b"\r\n ", b"").decode()


def event(ics, uid):
    """The VEVENT of uid in an iCalendar text, or None."""
    for ev in re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", ics, re.S):
        if f"UID:{uid}\r\n" in ev:
            return ev
    return None


def message_with(addr, subject, text):
    for msg in m.mails_to(addr, subject=subject):
        if text in m.mail_text(msg):
            return msg
    return None


def mail_with(addr, subject, text):
    msg = message_with(addr, subject, text)
    return m.mail_text(msg) if msg else None


def attached_event(msg, uid):
    """The VEVENT of uid in the mail's attached event.ics, checked to be
    an attachment a mail client offers to a calendar; None without one."""
    parts = [p for p in msg.walk() if p.get_content_type() == "text/calendar"]
    if not parts:
        return None
    part = parts[0]
    m.check(len(parts) == 1 and part.get_filename() == "event.ics"
            and part.get_content_disposition() == "attachment"
            and part.get_param("method") == "PUBLISH"
            and msg.get_content_type() == "multipart/mixed",
            f"one event.ics, attached: {msg.get_content_type()} {part.items()}")
    ics = part.get_content()
    m.check(ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
            and "METHOD:PUBLISH\r\n" in ics, f"a whole calendar: {ics}")
    return event(ics.replace("\r\n ", ""), uid)


@m.test
def test_meeting_planned_changed_cancelled_calendar_follows():
    mentor, mentee, mid = pair()
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    agenda = "Review the 1:1s\nPlan the hiring loop"
    # 14:30 in Berlin, in January (UTC+1), is 13:30 UTC and 08:30 in New York
    r = mentee.post(base, {"date": "2030-01-15", "time": "14:30", "minutes": "45", "agenda": agenda})
    m.check(r.status == 303, f"plan: {r!r}")
    mtg = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ?", mid)
    m.check(m.sql_value("SELECT starts_at FROM meetings WHERE id = ?", mtg) == "2030-01-15 13:30:00")
    msg = message_with(mentor.email, "meeting was planned", "08:30")
    text = m.mail_text(msg) if msg else ""
    m.check(text and NEW_YORK in text and "14:30" not in text,
            "the mentor's mail gives the time in the mentor's zone")
    m.check("To put it in your calendar, open the attached event.ics, unless your calendar "
            "follows your Menteo calendar feed" in text, f"the calendar named: {text}")
    # the site's own host right of the "@": two sites' meetings 5 are two events
    uid = f"meeting-{mtg}@{urllib.parse.urlsplit(m.SITE).hostname}"
    ev = attached_event(msg, uid)
    m.check(ev and "DTSTART:20300115T133000Z\r\n" in ev and "DURATION:PT45M\r\n" in ev
            and "SEQUENCE" not in ev and "STATUS:CANCELLED" not in ev
            # whom it is with, and its page (found walking: one of many)
            and f"SUMMARY:Mentorship meeting with {name_of(mentee)}: Run a team\r\n" in ev
            and f"URL:{m.SITE}/mentorships/{mid}/meetings\r\n" in ev
            and "ORGANIZER;CN=Menteo:mailto:" in ev
            and "DESCRIPTION:Review the 1:1s\\nPlan the hiring loop\r\n" in ev,
            f"the planned meeting's mail carries its event: {ev}")
    # the agenda's lines are lines in the HTML part too (they ran together),
    # as <br>, which Outlook keeps (it ignores white-space: pre-line)
    html = [m.mail_html(x) for x in m.mails_to(mentor.email, subject="meeting was planned")]
    m.check(any(re.search(r'<blockquote class="quote-text" style="[^"]*">'
                          r'Review the 1:1s<br>Plan the hiring loop</blockquote>', h) for h in html),
            f"the HTML agenda keeps its line break: {html[-1][-1500:] if html else None}")

    # the mentor's page: the mentor's zone, "Planned by", line breaks kept
    r = mentor.get(base)
    m.check("Tuesday 15 January 2030, 08:30" in r.text, "time in the reader's zone")
    m.check("Planned by" in r.text and "Recorded by" not in r.text, "Planned by")
    m.check("(to prepare)" not in r.text and "Notes to prepare<" in r.text,
            "notes before a meeting are notes to prepare")
    m.check("Plan or record a meeting</h2>" in r.text and "Save the meeting</button>" in r.text
            and "Record the meeting" not in r.text,
            "the form plans or records, by its date")
    m.check(re.search(r'class="pre-line">Review the 1:1s\nPlan the hiring loop<', r.text),
            "the agenda keeps its line break")

    # notes before the meeting (preparing) are kept
    r = mentor.post(f"{base}/{mtg}", {"notes": "Bring the hiring plan", "actions": ""})
    m.check(r.status == 303, f"notes before the meeting: {r!r}")
    m.check(m.sql_value("SELECT notes FROM meetings WHERE id = ?", mtg) == "Bring the hiring plan")

    ics = unfold(mentor.get(f"{base}/{mtg}.ics").body)
    ev = event(ics, uid)
    m.check(ev and "SEQUENCE" not in ev and "STATUS:CANCELLED" not in ev, f"planned: {ev}")

    # a change with a bad time: 422, what was typed kept, nothing changed
    r = mentor.post(f"{base}/{mtg}", {"change": "1", "date": "2030-01-16", "time": "25:00",
                                      "minutes": "30", "agenda": "Moved agenda"})
    m.check(r.status == 422 and "Moved agenda" in r.text and 'value="25:00"' in r.text,
            f"bad change kept: {r.status}")
    m.check(m.sql_value("SELECT sequence FROM meetings WHERE id = ?", mtg) == "0")

    # the mentor moves it: 09:00 New York is 14:00 UTC, 15:00 in Berlin
    r = mentor.post(f"{base}/{mtg}", {"change": "1", "date": "2030-01-16", "time": "09:00",
                                      "minutes": "30", "agenda": agenda})
    m.check(r.status == 303, f"move: {r!r}")
    m.check(m.sql_value("SELECT starts_at FROM meetings WHERE id = ?", mtg) == "2030-01-16 14:00:00")
    msg = message_with(mentee.email, "meeting was moved", "15:00")
    text = m.mail_text(msg) if msg else ""
    m.check(text and BERLIN in text and "14:30" in text,
            "the mentee is told, in Berlin time, the new and the old time")
    ev = attached_event(msg, uid)
    m.check(ev and "SEQUENCE:1\r\n" in ev and "DTSTART:20300116T140000Z\r\n" in ev
            and "DURATION:PT30M\r\n" in ev and "open the attached event.ics to change "
            "it there" in text,
            f"the moved meeting's event moves it in a calendar: {ev}")
    m.check("Their note:" not in text and re.search(r"Agenda:\s+Review the 1:1s", text),
            f"the moved mail labels the agenda as the agenda: {text}")
    m.check("Open the meetings: " in text and "Open the mentorship" not in text,
            "the link is named for the meetings page it opens")
    ev = event(unfold(mentee.get(f"{base}/{mtg}.ics").body), uid)
    m.check(ev and "SEQUENCE:1\r\n" in ev and "DTSTART:20300116T140000Z" in ev, f"moved: {ev}")
    # the same change again changes nothing and mails nobody
    r = mentor.post(f"{base}/{mtg}", {"change": "1", "date": "2030-01-16", "time": "09:00",
                                      "minutes": "30", "agenda": agenda})
    m.check(r.status == 303 and m.sql_value("SELECT sequence FROM meetings WHERE id = ?", mtg) == "1")

    # the mentee cancels: the calendars keep the UID, say CANCELLED
    show = mentee.get(f"/mentorships/{mid}")
    m.check("Next meeting" in show.text)
    r = mentee.post(f"{base}/{mtg}", {"cancel": "1"})
    m.check(r.status == 303, f"cancel: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM meetings WHERE id = ?", mtg) == "0")
    m.check(m.sql_value("SELECT sequence FROM meetings_cancelled WHERE id = ?", mtg) == "2")
    msg = message_with(mentor.email, "meeting was cancelled", "09:00")
    m.check(msg and "take it out there: the attached event.ics marks it cancelled"
            in m.mail_text(msg),
            "the mentor is told, in New York time, what the event does")
    ev = attached_event(msg, uid)
    m.check(ev and "STATUS:CANCELLED\r\n" in ev and "SEQUENCE:2\r\n" in ev,
            f"the cancelled meeting's event takes it out of a calendar: {ev}")
    r = mentee.get(f"{base}/{mtg}.ics")
    ev = event(unfold(r.body), uid)
    m.check(r.status == 200 and ev and "STATUS:CANCELLED\r\n" in ev and "SEQUENCE:2\r\n" in ev,
            f"cancelled .ics: {ev}")
    page = mentor.get("/mentorships")
    feed = re.search(r'href="(/calendar/[0-9a-f]{64}\.ics)"', page.text).group(1)
    ev = event(unfold(m.Client().get(feed).body), uid)
    m.check(ev and "STATUS:CANCELLED\r\n" in ev and "SEQUENCE:2\r\n" in ev, f"feed: {ev}")
    r = mentor.get(base)
    m.check("Cancelled" in r.text, "the page lists the cancelled meeting")
    m.check("No meetings planned yet." not in r.text
            and "the cancelled ones are listed under Cancelled" in r.text,
            "after a cancellation the page does not say none was ever planned")
    m.check(re.search(r'<strong>Agenda:</strong></p><p class="pre-line small">Review the 1:1s',
                      r.text), "the cancelled meeting's agenda is labelled")
    # a cancelled meeting is no next meeting, and cannot be cancelled twice
    m.check("Next meeting" not in mentee.get(f"/mentorships/{mid}").text or
            "Wednesday 16 January" not in mentee.get(f"/mentorships/{mid}").text)
    r = mentee.post(f"{base}/{mtg}", {"cancel": "1"})
    m.check(r.status == 404, f"cancel twice: {r!r}")


@m.test
def test_a_mentorship_that_closes_cancels_its_meetings_to_come():
    """A mentee deleted their account: the mentorship ended, but its
    meeting next week stayed planned on the mentor's page, with its notes
    form, and in their calendar feed (found walking). A pair that closes,
    by a deletion or by either party's ending, cancels the meetings it
    had to come; one already held stays as it was."""
    for ending in ("deletion", "ended"):
        mentor, mentee, mid = pair()
        base = f"/mentorships/{mid}/meetings"
        mentee.get(base)
        for day in ("2030-03-04", "2030-03-05"):
            r = mentee.post(base, {"date": day, "time": "10:00", "minutes": "30",
                                   "agenda": f"Agenda of {day}"})
            m.check(r.status == 303, f"plan {day}: {r!r}")
        # one of them held an hour ago
        m.sql("UPDATE meetings SET starts_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE "
              "mentorship_id = ? AND DATE(starts_at) = '2030-03-05'", mid)
        soon = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ? AND "
                           "starts_at > UTC_TIMESTAMP()", mid)
        held = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ? AND "
                           "starts_at < UTC_TIMESTAMP()", mid)
        if ending == "deletion":
            mentee.get("/settings/delete")
            r = mentee.post("/settings/delete", {"password": m.PASSWORD})
        else:
            mentor.get(f"/mentorships/{mid}")
            r = mentor.post(f"/mentorships/{mid}/stage", {"to": "ended",
                                                          "note": "We are done here."})
        m.check(r.status == 303, f"{ending}: {r!r}")
        m.check(m.sql("SELECT agenda FROM meetings WHERE mentorship_id = ?", mid)
                == [["Agenda of 2030-03-05"]], f"{ending}: the meetings left")
        page = m.unescaped(mentor.get(base).text)
        m.check("Agenda of 2030-03-04" in page and "Cancelled" in page,
                f"{ending}: the page's cancelled meeting: {page[page.find('<main'):][:1500]}")
        feed = re.search(r'href="(/calendar/[0-9a-f]{64}\.ics)"',
                         mentor.get("/mentorships").text).group(1)
        ics = unfold(m.Client().get(feed).body)
        uid = f"meeting-{soon}@{urllib.parse.urlsplit(m.SITE).hostname}"
        ev = event(ics, uid)
        m.check(ev is not None and "STATUS:CANCELLED\r\n" in ev and "SEQUENCE:1\r\n" in ev,
                f"{ending}: the feed's event: {ev}")
        # and the other party's mail carries it: a calendar that took the
        # meeting from a mail's event.ics kept it after the pair closed
        other = mentor if ending == "deletion" else mentee
        deadline = time.time() + 20
        while (msg := message_with(other.email, None, "The meetings you had still to "
                                   "come are cancelled")) is None and time.time() < deadline:
            time.sleep(0.3)
        m.check(msg is not None, f"{ending}: the closing mail says its meetings are cancelled")
        ev = attached_event(msg, uid)
        m.check(ev is not None and "STATUS:CANCELLED\r\n" in ev and "SEQUENCE:1\r\n" in ev
                and attached_event(msg, f"meeting-{held}@{uid.split('@')[1]}") is None,
                f"{ending}: the closing mail's event: {ev}")


@m.test
def test_meeting_changes_refused():
    mentor, mentee, mid = pair()
    other_mentor, other_mentee, other = pair()
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    mentee.post(base, {"date": "2030-01-15", "time": "10:00", "minutes": "45", "agenda": "A"})
    mtg = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ?", mid)
    # another pair's meeting is not found through this mentorship
    r = other_mentee.post(f"/mentorships/{other}/meetings/{mtg}", {"cancel": "1"})
    m.check(r.status == 404, f"foreign cancel: {r!r}")
    r = other_mentee.post(f"/mentorships/{other}/meetings/{mtg}", {"notes": "x", "actions": ""})
    m.check(r.status == 404, f"foreign notes: {r!r}")
    # a meeting that has begun is not moved or cancelled; its notes are kept
    m.sql("UPDATE meetings SET starts_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE id = ?", mtg)
    r = mentee.post(f"{base}/{mtg}", {"cancel": "1"})
    m.check(r.status == 409 and "has begun" in r.text, f"past cancel: {r!r}")
    r = mentee.post(f"{base}/{mtg}", {"change": "1", "date": "2030-01-16", "time": "09:00",
                                      "minutes": "30", "agenda": "B"})
    m.check(r.status == 409, f"past change: {r!r}")
    r = mentee.post(f"{base}/{mtg}", {"notes": "It went well", "actions": "Draft the plan"})
    m.check(r.status == 303)


@m.test
def test_a_meeting_is_held_after_the_pair_began_and_told_as_it_is():
    """A year mistyped (1900, 2099) comes back to be corrected, nothing
    stored; a meeting in the past is recorded and told as held, not as
    planned; the other's notification names the day, so that two of them
    are told apart."""
    import datetime
    mentor, mentee, mid = pair()
    m.sql("UPDATE mentorships SET created_at = UTC_TIMESTAMP() - INTERVAL 10 DAY "
          "WHERE id = ?", mid)
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    import zoneinfo
    began = (datetime.datetime.now(zoneinfo.ZoneInfo(BERLIN)) -        # the mentee's day
             datetime.timedelta(days=10)).strftime("%-d %b %Y")
    for date, said in (("1900-01-01", f"before the mentorship began, on {began}"),
                       ("2099-01-01", "up to five years ahead")):
        r = mentee.post(base, {"date": date, "time": "10:00", "minutes": "45", "agenda": "Typo"})
        m.check(r.status == 422 and said in m.unescaped(r.text), f"{date}: {r.status}")
        m.check('value="Typo"' in r.text or ">Typo<" in r.text, f"{date}: the agenda kept")
    m.check(m.sql_value("SELECT COUNT(*) FROM meetings WHERE mentorship_id = ?", mid) == "0",
            "a mistyped meeting stored")
    held = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    r = mentee.post(base, {"date": held, "time": "10:00", "minutes": "45", "agenda": "Held"})
    m.check(r.status == 303, f"a held meeting: {r!r}")
    t = m.unescaped(mentee.get(base).text)
    m.check("Meeting recorded." in t, "told as planned")
    held_id = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ?", mid)
    item = t[t.index(f'id="meeting-{held_id}"'):]
    item = item[:item.index("</h2>") + 300]
    m.check("Recorded by" in item and "Planned by" not in item and ".ics" not in item,
            f"a held meeting is listed as recorded, with no calendar link: {item}")
    title = m.sql_value("SELECT title FROM notifications WHERE user_id = ? ORDER BY id DESC "
                        "LIMIT 1", mentor.user_id)
    day = datetime.date.fromisoformat(held)
    m.check(title and title.startswith("A meeting was recorded: ") and
            f"{day.day} {day.strftime('%B')}" in title, f"the mentor's notification: {title}")
    msg = message_with(mentor.email, "meeting was recorded", "recorded a meeting held on")
    text = m.mail_text(msg) if msg else ""
    m.check(text and "event.ics" not in text and "notes and agreed actions can "
            "be written" in text and attached_event(msg, "") is None,
            f"a held meeting's mail sends nobody to their calendar: {text}")


@m.test
def test_a_planned_meeting_put_in_the_past_is_recorded_as_held():
    """A meeting planned for later, then changed to a day already past
    (it happened earlier than planned), is told as held, with the day it
    had been planned for, not as "moved"; nobody is sent to a calendar."""
    import datetime
    mentor, mentee, mid = pair()
    m.sql("UPDATE mentorships SET created_at = UTC_TIMESTAMP() - INTERVAL 10 DAY "
          "WHERE id = ?", mid)
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    later = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    r = mentee.post(base, {"date": later, "time": "10:00", "minutes": "45", "agenda": "Plan"})
    m.check(r.status == 303, f"plan: {r!r}")
    mtg = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ?", mid)
    held = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
    r = mentee.post(f"{base}/{mtg}", {"change": "1", "date": held, "time": "10:00",
                                      "minutes": "45", "agenda": "Plan"})
    m.check(r.status == 303, f"put in the past: {r!r}")
    t = m.unescaped(mentee.get(base).text)
    m.check("Meeting recorded as held." in t and "calendars follow" not in t,
            "the flash says it was recorded as held")
    title = m.sql_value("SELECT title FROM notifications WHERE user_id = ? ORDER BY id DESC "
                        "LIMIT 1", mentor.user_id)
    m.check(title and title.startswith("A meeting was recorded: "),
            f"the mentor's notification: {title}")
    msg = message_with(mentor.email, "meeting was recorded", "was held on")
    text = m.mail_text(msg) if msg else ""
    m.check(text and "It was planned for" in text and "moved" not in text,
            f"the mentor's mail: {text}")
    # the planned meeting's mail put it in a calendar at its later day:
    # this one moves it there to the day it was held
    ev = attached_event(msg, f"meeting-{mtg}@{urllib.parse.urlsplit(m.SITE).hostname}")
    m.check(ev and "SEQUENCE:1\r\n" in ev and
            f"DTSTART:{held.replace('-', '')}T" in ev and "open the attached event.ics to "
            "change it there" in text,
            f"the calendar's copy follows: {ev}")


@m.test
def test_cadence_status_is_the_risk_rule():
    """The mentorship page's "Behind the cadence" and a programme
    dashboard's share keeping the cadence are one rule
    (RISK_CADENCE_BEHIND): behind when no meeting was held within one
    interval of the last one, or of the stage's start."""
    mentor, mentee, mid = pair()
    m.sql("UPDATE mentorships SET stage = 'cultivation', cadence = 'weekly', "
          "stage_changed_at = UTC_TIMESTAMP() - INTERVAL 3 DAY WHERE id = ?", mid)
    page = lambda: mentee.get(f"/mentorships/{mid}").text  # noqa: E731
    t = page()
    m.check("First meeting to plan" in t, "a new Cultivation: the first meeting is due")
    # no verdict on the weeks before one interval has passed
    m.check("No meeting in the last" not in t, "no 'no meeting in the last N weeks' yet")
    # one planned: "Next meeting: ..." above, and not "to plan" under it
    m.sql("INSERT INTO meetings (mentorship_id, starts_at, minutes, agenda, created_by, "
          "created_at) VALUES (?, UTC_TIMESTAMP() + INTERVAL 2 DAY, 60, 'x', ?, "
          "UTC_TIMESTAMP())", mid, mentee.user_id)
    t = page()
    m.check("Next meeting:" in t and "First meeting planned" in t and
            "First meeting to plan" not in t, "a first meeting planned")
    m.sql("DELETE FROM meetings WHERE mentorship_id = ?", mid)
    m.sql("UPDATE mentorships SET stage_changed_at = UTC_TIMESTAMP() - INTERVAL 10 DAY "
          "WHERE id = ?", mid)
    m.check("Behind the cadence" in page(), "no meeting for over a week of a weekly cadence")
    m.sql("INSERT INTO meetings (mentorship_id, starts_at, minutes, agenda, created_by, "
          "created_at) VALUES (?, UTC_TIMESTAMP() - INTERVAL 2 DAY, 60, 'x', ?, UTC_TIMESTAMP())",
          mid, mentee.user_id)
    t = page()
    # the verdict's ground beside it: the last meeting within the period
    # agreed, and the date the schedule holds until ("Cadence kept" beside
    # "1 meeting in the last 3 weeks" read as a contradiction: found walking)
    g = re.search(r"The next meeting is due by (\d+ \w+ \d{4})\. 1 meeting in the last "
                  r"3 weeks, the last on (\d+ \w+ \d{4}) \(agreed: weekly\)\.", t)
    m.check("On schedule" in t and g, f"a meeting 2 days ago: {t[t.find('On schedule'):][:300]}")
    due, last = (datetime.datetime.strptime(x, "%d %b %Y") for x in g.groups())
    m.check(due - last == datetime.timedelta(days=7), f"due by {g.groups()}")
    m.sql("UPDATE meetings SET starts_at = UTC_TIMESTAMP() - INTERVAL 9 DAY WHERE mentorship_id = ?",
          mid)
    m.check("Behind the cadence" in page(), "the last meeting 9 days ago")


def change_form(text, mtg):
    """Meeting mtg's change form as its page fills it: every field."""
    card = text[text.index(f'id="meeting-{mtg}"'):]
    card = card[:card.index('name="cancel"')]
    out = {}
    for attrs in re.findall(r"<input ([^>]*)>", card):
        name, value = re.search(r'name="([a-z_]+)"', attrs), re.search(r'value="([^"]*)"', attrs)
        if name and value:
            out[name.group(1)] = m.unescaped(value.group(1))
    for k, v in re.findall(r'<textarea [^>]*name="([a-z_]+)"[^>]*>([^<]*)</textarea>', card):
        out[k] = m.unescaped(v)
    out.pop("csrf", None)
    return out


def form_value(text, mtg, name):
    """A hidden value of meeting mtg's forms as its page shows them."""
    card = text[text.index(f'id="meeting-{mtg}"'):]
    found = re.search(rf'name="{name}" value="([^"]*)"', card)
    m.check(found, f"meeting {mtg}'s forms carry {name}")
    return found.group(1)


@m.test
def test_a_change_from_an_older_page_does_not_move_the_meeting_back():
    """The mentor moved the meeting to the 11th; the mentee, from her older
    page, changed only the agenda, and that moved it back to the 10th and
    mailed "A meeting was moved" to the mentor. Now her change is refused
    (409) with what she typed kept, the meeting stays on the 11th, and
    nobody is mailed; saved again from that page, it is made."""
    mentor, mentee, mid = pair()
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    r = mentee.post(base, {"date": "2030-03-10", "time": "10:00", "minutes": "45",
                           "agenda": "First agenda"})
    m.check(r.status == 303, f"plan: {r!r}")
    mtg = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ?", mid)
    older = change_form(mentee.get(base).text, mtg)   # her page, as a browser sends it
    seq = form_value(mentor.get(base).text, mtg, "sequence")
    r = mentor.post(f"{base}/{mtg}", {"change": "1", "date": "2030-03-11", "time": "04:00",
                                      "minutes": "45", "agenda": "First agenda",
                                      "sequence": seq})
    m.check(r.status == 303, f"the mentor moves it: {r!r}")
    at = m.sql_value("SELECT starts_at FROM meetings WHERE id = ?", mtg)
    m.check(older["date"] == "2030-03-10" and older["time"] == "10:00", f"her page: {older}")
    r = mentee.post(f"{base}/{mtg}", dict(older, agenda="The mentee's new agenda"))
    text = m.unescaped(r.text)
    m.check(r.status == 409, f"moved back from an older page: {r.status}")
    m.check("changed after you opened the page" in text and "11 March 2030" in text,
            f"the page says why and when it is now: {text[:2000]!r}")
    m.check("The mentee's new agenda" in text, "what she typed is kept")
    m.check(m.sql_value("SELECT starts_at FROM meetings WHERE id = ?", mtg) == at,
            "the meeting stays where the mentor moved it")
    m.check(m.sql_value("SELECT agenda FROM meetings WHERE id = ?", mtg) == "First agenda",
            "nor is the agenda changed")
    moved = m.sql_value("SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND (subject LIKE "
                        "'A meeting was moved%' OR subject LIKE 'A meeting was changed%')",
                        mentor.email)
    m.check(moved == "0", f"the mentor was mailed {moved} times about a change not made")
    # the form re-shown holds her change over the meeting now: the date and
    # time she left alone are the mentor's, so saving it again moves nothing
    form = change_form(r.text, mtg)
    m.check(form["date"] == "2030-03-11" and form["time"] == "09:00" and
            form["agenda"] == "The mentee's new agenda",
            f"her change over the meeting now: {form}")
    stale_cancel = {"cancel": "1", "sequence": older["sequence"]}
    r = mentee.post(f"{base}/{mtg}", form)
    m.check(r.status == 303, f"saved again knowingly: {r!r}")
    m.check(m.sql_value("SELECT agenda FROM meetings WHERE id = ?", mtg) ==
            "The mentee's new agenda", "made")
    m.check(m.sql_value("SELECT starts_at FROM meetings WHERE id = ?", mtg) == at,
            "and the meeting not moved back")
    # a cancel from a page older than the meeting is not made unseen
    r = mentee.post(f"{base}/{mtg}", stale_cancel)
    m.check(r.status == 409 and "was not cancelled" in m.unescaped(r.text),
            f"cancelled from an older page: {r.status}")
    m.check(m.sql_value("SELECT COUNT(*) FROM meetings WHERE id = ?", mtg) == "1",
            "the meeting stays")


@m.test
def test_notes_from_an_older_page_do_not_overwrite_and_long_ones_come_back():
    """Notes saved from an older page overwrote the other's without a
    word; notes too long came back empty. Now the first is refused (409)
    with both shown, and the second keeps what was typed (422)."""
    mentor, mentee, mid = pair()
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    mentee.post(base, {"date": "2030-03-10", "time": "10:00", "minutes": "45", "agenda": "A"})
    mtg = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ?", mid)
    older = form_value(mentee.get(base).text, mtg, "notes_seen")
    r = mentor.post(f"{base}/{mtg}", {"notes": "The mentor's notes", "actions": "Book a room",
                                      "notes_seen": form_value(mentor.get(base).text, mtg,
                                                               "notes_seen")})
    m.check(r.status == 303, f"the mentor's notes: {r!r}")
    mine = {"notes": "The mentee's notes", "actions": "Draft the plan"}
    r = mentee.post(f"{base}/{mtg}", dict(mine, notes_seen=older))
    text = m.unescaped(r.text)
    m.check(r.status == 409, f"saved over the mentor's notes: {r.status}")
    m.check("The mentee's notes" in text and "The mentor's notes" in text,
            "hers as typed, and the notes as they are now")
    m.check(m.sql_value("SELECT notes FROM meetings WHERE id = ?", mtg) ==
            "The mentor's notes", "the mentor's notes kept")
    r = mentee.post(f"{base}/{mtg}", dict(mine, notes_seen=form_value(r.text, mtg,
                                                                       "notes_seen")))
    m.check(r.status == 303, f"saved again knowingly: {r!r}")
    m.check(m.sql_value("SELECT notes FROM meetings WHERE id = ?", mtg) ==
            "The mentee's notes", "hers replaced them")
    long = "Long notes. " * 800
    r = mentee.post(f"{base}/{mtg}", {"notes": long, "actions": "Kept too"})
    m.check(r.status == 422, f"notes too long: {r.status}")
    m.check(long.strip() in m.unescaped(r.text) and "Kept too" in r.text,
            "what was typed comes back")


@m.test
def test_a_cancelled_meeting_keeps_its_notes():
    """Cancelling a meeting kept its date and agenda, and dropped the notes
    and agreed actions written to prepare it: from the meetings page and
    from the export (found by a walk). They stay with the cancelled
    meeting now, on the page and in both parties' exports."""
    mentor, mentee, mid = pair()
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    mentee.post(base, {"date": "2030-04-10", "time": "10:00", "minutes": "45",
                       "agenda": "Plan the quarter"})
    mtg = m.sql_value("SELECT id FROM meetings WHERE mentorship_id = ?", mid)
    r = mentee.post(f"{base}/{mtg}", {"notes": "Questions:\n- the budget\n- the hires",
                                      "actions": "Send the draft by Friday"})
    m.check(r.status == 303, f"notes: {r!r}")
    mentor.get(base)
    r = mentor.post(f"{base}/{mtg}", {"cancel": "1"})
    m.check(r.status == 303, f"cancelled: {r!r}")
    page = mentee.get(base).text
    cancelled = page[page.find('id="cancelled-h"'):]
    m.check(re.search(r'<strong>Notes:</strong></p><p class="pre-line small">Questions:\n- the budget\n- the hires<',
                      cancelled) and "Send the draft by Friday" in cancelled,
            f"the cancelled meeting's notes are gone from the page: {cancelled[:800]}")
    for c in (mentee, mentor):
        data = json.loads(c.get("/settings/export").body)
        kept = [x for x in data.get("meetings_cancelled", []) if x["id"] == int(mtg)]
        m.check(kept and kept[0]["notes"].startswith("Questions:") and
                kept[0]["actions"] == "Send the draft by Friday" and kept[0]["cancelled_at"],
                f"the export leaves the cancelled meeting out: {data.get('meetings_cancelled')}")


@m.test
def test_meetings_to_come_are_listed_soonest_first():
    """The list was newest first throughout: the meeting of 15 December
    above that of 8 December (found by a walk). Meetings to come are
    listed soonest first, then those held, latest first."""
    mentor, mentee, mid = pair()
    # held ones are after the pair began: it began long ago
    m.sql("UPDATE mentorships SET created_at = '2019-01-01' WHERE id = ?", mid)
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    for day, agenda in (("2030-05-15", "Later one"), ("2030-05-08", "Sooner one"),
                        ("2020-05-01", "Long ago"), ("2021-05-01", "Less long ago")):
        r = mentee.post(base, {"date": day, "time": "10:00", "minutes": "30", "agenda": agenda})
        m.check(r.status == 303, f"planned {day}: {r!r}")
    page = mentee.get(base).text
    order = [a for a in ("Sooner one", "Later one", "Less long ago", "Long ago")
             if a in page]
    at = sorted(order, key=page.find)
    m.check(at == ["Sooner one", "Later one", "Less long ago", "Long ago"],
            f"the order: {at}")



@m.test
def test_an_agenda_in_mail_is_text_with_its_lines():
    """The agenda in a meeting's HTML mail is the text typed, escaped,
    its lines apart by <br> (mail_lines): nothing in it is markup."""
    mentor, mentee, mid = pair()
    base = f"/mentorships/{mid}/meetings"
    mentee.get(base)
    agenda = '<b>Bold</b> & "quoted" it\'s\r\nline 2 <script>alert(1)</script>'
    r = mentee.post(base, {"date": "2031-03-04", "time": "10:00", "minutes": "30",
                           "agenda": agenda})
    m.check(r.status == 303, f"plan: {r!r}")
    msg = message_with(mentor.email, "meeting was planned", "line 2")
    html = m.mail_html(msg) if msg else ""
    m.check("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; it&#39;s<br>" in html
            and "line 2 &lt;script&gt;alert(1)&lt;/script&gt;</blockquote>" in html
            and "<b>" not in html and "<script>" not in html,
            f"the agenda is escaped text: {html[-1500:]}")


m.main()
