"""Reminders (docs/product.md: E-mail; issue 9): the scanner in bin/menteo-notify queues
each time-caused mail once, to the right people, with a signed-in link
to the exact page, a plain-text part and an unsubscribe link.

Time is arranged with SQL on fresh mentorships between fresh accounts;
the scanner is run with `menteo-notify --once` (several at once, to
race), next to the stack's own notifier loop."""
import re
import signal
import urllib.parse

import menteo as m


S = {}  # the arranged world, built once


def notify_once(n=1):
    """Runs n scanners+senders at the same moment; all must succeed."""
    procs = [m.notify_start() for _ in range(n)]
    for p in procs:
        _, err = p.communicate(timeout=60)
        m.check(p.returncode == 0, f"menteo-notify --once: {p.returncode} {err!r}")


def mship(mentor, mentee, stage, focus, **cols):
    """A mentorship inserted directly; cols are SQL expressions."""
    base = {"stage_changed_at": "UTC_TIMESTAMP()", "created_at": "UTC_TIMESTAMP()",
            "contract_version": "1"}
    base.update(cols)
    names = ", ".join(base)
    values = ", ".join(base.values())
    m.sql(f"INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          f"{names}) VALUES (?, ?, ?, ?, 'arranged by test_reminders', {values})",
          mentor.user_id, mentee.user_id, stage, focus)
    return int(m.sql_value("SELECT id FROM mentorships WHERE focus = ?", focus))


def outbox(key):
    rows = m.sql("SELECT id, to_addr, status FROM outbox WHERE dedup_key = ?", key)
    return rows


def body_text(key):
    return m.sql_value("SELECT body_text FROM outbox WHERE dedup_key = ?", key) or ""


def token_link(text):
    """Absolute /link?t= URLs (also in mariadb -B output, where a newline
    is the two characters backslash n)."""
    return re.findall(r"https?://[^\s\"'<>\\]+/link\?t=[0-9a-f]+", text)


def delivered(key, who, timeout=20.0):
    """The one Maildir message queued under key, to who's address."""
    rows = outbox(key)
    m.check(len(rows) == 1, f"outbox rows for {key}: {rows}")
    m.check(rows[0][1] == who.email, f"{key} went to {rows[0][1]}, not {who.email}")
    # the outbox's copy loses its link's token once sent: the mail is
    # known by its subject, and must carry a signed link
    subject = m.sql_value("SELECT subject FROM outbox WHERE dedup_key = ?", key)
    import time
    deadline = time.time() + timeout
    while time.time() < deadline:
        for msg in m.mails_to(who.email, timeout=0.5, count=1, subject=subject):
            m.check(token_link(m.mail_text(msg)), f"no signed link in {key}")
            return msg
        notify_once()
    raise AssertionError(f"{key} not delivered to {who.email}")


def world():
    if S:
        return S
    S["a"] = a = m.signup(name="Ada Mentor " + m.unique("n"))
    S["b"] = b = m.signup(name="Bo Mentee " + m.unique("n"))
    S["e"] = e = m.signup(name="Eve Reader " + m.unique("n"))
    tag = m.unique("rm")
    S["tag"] = tag
    S["rev7"] = mship(a, b, "cultivation", f"{tag} rev7",
                      review_date="UTC_DATE() + INTERVAL 7 DAY")
    S["rev1"] = mship(a, b, "cultivation", f"{tag} rev1",
                      review_date="UTC_DATE() + INTERVAL 1 DAY")
    S["revp"] = mship(a, b, "cultivation", f"{tag} revp",
                      review_date="UTC_DATE() - INTERVAL 1 DAY")
    S["ms"] = ms = mship(a, b, "cultivation", f"{tag} ms",
                         review_date="UTC_DATE() + INTERVAL 100 DAY")
    # "applied": a roadmap applied today from a start in the past, its
    # milestone overdue on the day it was made: news to nobody
    now, before = "UTC_TIMESTAMP()", "UTC_TIMESTAMP() - INTERVAL 3 DAY"
    for title, due, done, made in (
            (f"{tag} soon", "UTC_DATE() + INTERVAL 3 DAY", "NULL", now),
            (f"{tag} late", "UTC_DATE() - INTERVAL 1 DAY", "NULL", before),
            (f"{tag} done", "UTC_DATE() - INTERVAL 2 DAY", "UTC_TIMESTAMP()", before),
            (f"{tag} applied", "UTC_DATE() - INTERVAL 5 DAY", "NULL", now)):
        m.sql(f"INSERT INTO mentorship_milestones (mentorship_id, title, description, "
              f"due_date, done_at, position, created_at) VALUES (?, ?, '', {due}, "
              f"{done}, 1, {made})", ms, title)
    S["ms_soon"], S["ms_late"], S["ms_done"], S["ms_applied"] = (
        int(m.sql_value("SELECT id FROM mentorship_milestones WHERE title = ?", f"{tag} {t}"))
        for t in ("soon", "late", "done", "applied"))
    # applied by the mentor, due in two days: today, news to the mentee
    # alone; applied yesterday, news to the mentor as well
    for t, made in (("by-a-today", now), ("by-a-before", "UTC_TIMESTAMP() - INTERVAL 1 DAY")):
        m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, "
              f"due_date, position, applied_by, created_at) VALUES (?, ?, '', "
              f"UTC_DATE() + INTERVAL 2 DAY, 1, ?, {made})", ms, f"{tag} {t}", a.user_id)
        S[f"ms_{t}"] = int(m.sql_value("SELECT id FROM mentorship_milestones WHERE "
                                       "title = ?", f"{tag} {t}"))
    # applied by the mentor days ago, its date set again by the mentee
    # today, to today: news to the mentor, not to the mentee who set it
    # (the mentee was mailed at once, the mentor nothing: found walking)
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, "
          "due_date, position, applied_by, created_at, dated_by, dated_at) VALUES "
          "(?, ?, '', UTC_DATE(), 1, ?, UTC_TIMESTAMP() - INTERVAL 3 DAY, ?, "
          "UTC_TIMESTAMP())", ms, f"{tag} by-b-redated", a.user_id, b.user_id)
    S["ms_by-b-redated"] = int(m.sql_value("SELECT id FROM mentorship_milestones WHERE "
                                           "title = ?", f"{tag} by-b-redated"))
    ago = "UTC_TIMESTAMP() - INTERVAL {} HOUR"
    # a second before midnight, 3 (7) days ago: 3 whole days have passed
    # until the last second of today, but 4 calendar days (the mail said so)
    eve = "UTC_DATE() - INTERVAL {} DAY - INTERVAL 1 SECOND"
    S["req3"] = mship(a, b, "requested", f"{tag} req3", contract_version="0",
                      created_at=eve.format(3), stage_changed_at=eve.format(3))
    S["req7"] = mship(a, b, "requested", f"{tag} req7", contract_version="0",
                      created_at=eve.format(7), stage_changed_at=eve.format(7))
    S["reqx"] = mship(a, b, "requested", f"{tag} reqx", contract_version="0",
                      created_at=ago.format(14 * 24 + 1),
                      stage_changed_at=ago.format(14 * 24 + 1))
    S["init"] = mship(a, b, "initiation", f"{tag} init", contract_version="0",
                      created_at=ago.format(31 * 24),
                      stage_changed_at=eve.format(30))
    # the day read once: a run that crosses midnight still names it
    S["chk_day"] = m.sql_value("SELECT UTC_DATE()")
    S["chk"] = mship(a, b, "redefinition", f"{tag} chk", checkin_months="3",
                     next_checkin=f"DATE('{S['chk_day']}')")
    S["room1"] = mship(a, e, "cultivation", f"{tag} room1",
                       review_date="UTC_DATE() + INTERVAL 100 DAY")
    S["room2"] = mship(a, e, "cultivation", f"{tag} room2",
                       review_date="UTC_DATE() + INTERVAL 100 DAY")
    # one statement: the stack's own notifier must see all or nothing
    old = "(?, ?, ?, UTC_TIMESTAMP() - INTERVAL 2 HOUR)"
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          f"VALUES {old}, {old}, {old}",
          S["room1"], a.user_id, f"message for the digest {tag}",
          S["room1"], a.user_id, f"message for the digest {tag}",
          S["room2"], a.user_id, f"message for the digest {tag}")
    # three scanners at once: a race on every key
    notify_once(3)
    return S


def keys_of(like):
    # in the order they were queued: the first digest is the two-room one
    return [r[0] for r in m.sql("SELECT dedup_key FROM outbox WHERE dedup_key LIKE ? "
                                "ORDER BY id", like)]


def mine():
    s = world()
    ids = [str(s[k]) for k in ("rev7", "rev1", "revp", "ms", "req3", "req7", "reqx",
                                "init", "chk", "room1", "room2")]
    users = [str(s[k].user_id) for k in ("a", "b", "e")]
    rows = m.sql("SELECT dedup_key FROM reminders WHERE user_id IN (" +
                 ",".join(users) + ") ORDER BY dedup_key")
    return ids, [r[0] for r in rows]


@m.test
def test_review_reminders_both_parties():
    s = world()
    for ev, key in (("review-7d", "rev7"), ("review-1d", "rev1"),
                    ("review-passed", "revp")):
        date = m.sql_value("SELECT review_date FROM mentorships WHERE id = ?", s[key])
        for who in (s["a"], s["b"]):
            msg = delivered(f"{ev}:{s[key]}:{date}:{who.user_id}", who)
            m.check(msg["List-Unsubscribe"], "no List-Unsubscribe header")
    msg = delivered(f"review-7d:{s['rev7']}:" +
                    m.sql_value("SELECT review_date FROM mentorships WHERE id = ?",
                                s["rev7"]) + f":{s['b'].user_id}", s["b"])
    m.check("in 7 days" in str(msg["Subject"]), msg["Subject"])


@m.test
def test_a_date_gone_by_is_said_once_gone_by_where_they_live():
    """ "Your review date has passed" reached a mentee in Pago Pago at
    18:49 on the review day, her page saying "The review is today": the
    rule counted from UTC's date, which is the next day from 11:00 UTC
    (Pago Pago's midnight). A date gone by is now said once it has gone
    by where the recipient lives: here, her today is never told as past,
    and her yesterday is. (Before 11:00 UTC her today is UTC's
    yesterday, where the old code mailed her; after it, neither did.)"""
    import datetime
    from zoneinfo import ZoneInfo
    a = m.signup(name="Ute Mentor " + m.unique("n"))
    b = m.signup(name="Pia Mentee " + m.unique("n"))
    m.sql("UPDATE users SET timezone = 'Pacific/Pago_Pago' WHERE id = ?", b.user_id)
    tag = m.unique("gone")
    today = datetime.datetime.now(ZoneInfo("Pacific/Pago_Pago")).date()
    mids = {}
    for name, day in (("today", today), ("yesterday", today - datetime.timedelta(days=1))):
        mids[name] = mship(a, b, "cultivation", f"{tag} {name}", review_date=f"'{day}'")
    notify_once()
    sent = lambda mid, who: m.sql_value(
        "SELECT COUNT(*) FROM outbox WHERE dedup_key LIKE ?",
        f"review-passed:{mid}:%:{who.user_id}")
    m.check(sent(mids["today"], b) == "0", "her review day is not told as passed")
    m.check(sent(mids["yesterday"], b) == "1", "her day before is")
    m.check(sent(mids["yesterday"], a) == "1", "and to her mentor, in UTC")


def review_days_told(zones, offsets):
    """Pairs of a mentor in UTC and a mentee in each zone, with reviews
    offsets days after UTC's date, scanned once: (ok, message) for what
    each party was told against their own days to the review. The dates
    the expectations count from are the ones the scan saw, or the caller
    tries again: None when a date changed meanwhile."""
    import datetime
    from zoneinfo import ZoneInfo
    dates = lambda: [datetime.datetime.now(ZoneInfo(z)).date() for z in ("UTC",) + zones]
    before = dates()
    a = m.signup(name="Uma Mentor " + m.unique("n"))
    tag = m.unique("ahead")
    pairs = []
    for zone in zones:
        b = m.signup(name="Kai Mentee " + m.unique("n"))
        m.sql("UPDATE users SET timezone = ? WHERE id = ?", zone, b.user_id)
        for k in offsets:
            mid = mship(a, b, "cultivation", f"{tag} {zone} {k}",
                        review_date=f"UTC_DATE() + INTERVAL {k} DAY")
            pairs.append((mid, ((a, "UTC"), (b, zone))))
    notify_once()
    words = {0: "today", 1: "tomorrow"}
    told = lambda event, key: m.sql_value(
        "SELECT subject FROM outbox WHERE dedup_key = ?", f"{event}:{key}")
    decided = lambda event, key: m.sql_value(
        "SELECT COUNT(*) FROM reminders WHERE dedup_key = ?", f"{event}:{key}") == "1"
    out = []
    for mid, parties in pairs:
        due = datetime.date.fromisoformat(
            m.sql_value("SELECT review_date FROM mentorships WHERE id = ?", mid))
        for who, tz in parties:
            key, n = f"{mid}:{due}:{who.user_id}", (due - datetime.datetime.now(
                ZoneInfo(tz)).date()).days
            one, seven = told("review-1d", key), told("review-7d", key)
            where = f"{tz}, review in {n} days"
            if n <= 1:
                out.append((f"is {words[max(n, 0)]} —" in (one or ""), f"{where}: {one!r}"))
                out.append((decided("review-7d", key) and seven is None,
                            f"{where}: the seven-day reminder's days went by: decided, unsent"))
            elif n <= 7:
                out.append((f"is in {n} days —" in (seven or ""), f"{where}: {seven!r}"))
                out.append((not decided("review-1d", key),
                            f"{where}: the one-day reminder waits for their day"))
            else:
                out.append((not decided("review-7d", key) and not decided("review-1d", key),
                            f"{where}: nothing yet"))
    return out if dates() == before else None


@m.test
def test_days_ahead_are_counted_where_they_live():
    """ "Your mentorship review is tomorrow" reached a mentee in Kiritimati
    on her review day, and one in Pago Pago read "in 2 days" in the
    one-day reminder: the reminders went by UTC's date. Each goes by the
    recipient's: the one-day reminder when the review is tomorrow or
    today on their date, the seven-day one from seven days to two. A
    mentor in UTC, a mentee in Kiritimati (a day ahead from 10:00 UTC)
    and one in Pago Pago (a day behind before 11:00 UTC), with reviews 1,
    2 and 8 days after UTC's date (the windows' edges): what each is told
    follows from their own date at any hour. A reminder whose days went
    by for its recipient is decided unsent, so the scans do not read it
    again."""
    for _ in range(2):   # a date changed during the scan: once more
        out = review_days_told(("Pacific/Kiritimati", "Pacific/Pago_Pago"), (1, 2, 8))
        if out is not None:
            break
    m.check(out is not None, "a date changed twice during the scan")
    for ok, message in out:
        m.check(ok, message)


@m.test
def test_a_full_page_not_due_yet_does_not_hold_back_the_rest():
    """A scan reads 200 candidates at once, in (due, key) order. Those not
    due yet where their recipient lives stay in the window: 202 of them
    ahead of one due now held it back on every pass, until their own day.
    The scan reads on past a full page. Before 10:30 UTC the ones waiting
    are a pair's in Pago Pago (a day behind: "in 4 days" of a milestone
    three days off by UTC's date) and the one due is in UTC; later, the
    ones waiting are in UTC (four days off) and the one due is in
    Kiritimati (a day ahead: three)."""
    import datetime
    now = datetime.datetime.now(datetime.timezone.utc)
    early = now.hour < 10 or (now.hour == 10 and now.minute < 30)
    waiting, due_zone, days = (("Pacific/Pago_Pago", "UTC", 3) if early
                               else ("UTC", "Pacific/Kiritimati", 4))
    tag = m.unique("page")
    people = {}
    for side in ("wait", "due"):
        a = m.signup(name=f"Pat Mentor {tag} {side}")
        b = m.signup(name=f"Lee Mentee {tag} {side}")
        zone = waiting if side == "wait" else due_zone
        m.sql("UPDATE users SET timezone = ? WHERE id IN (?, ?)", zone, a.user_id, b.user_id)
        people[side] = (a, b, mship(a, b, "cultivation", f"{tag} {side}",
                                    review_date="UTC_DATE() + INTERVAL 100 DAY"))
    # the waiting ones first: smaller ids, so earlier keys on the same day
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, due_date, "
          "position, created_at) SELECT ?, CONCAT(?, ' wait ', seq), '', UTC_DATE() + "
          f"INTERVAL {days} DAY, seq, UTC_TIMESTAMP() - INTERVAL 3 DAY FROM seq_1_to_101",
          people["wait"][2], tag)
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, due_date, "
          f"position, created_at) VALUES (?, ?, '', UTC_DATE() + INTERVAL {days} DAY, 1, "
          "UTC_TIMESTAMP() - INTERVAL 3 DAY)", people["due"][2], f"{tag} due")
    ms = m.sql_value("SELECT id FROM mentorship_milestones WHERE title = ?", f"{tag} due")
    day = m.sql_value("SELECT due_date FROM mentorship_milestones WHERE id = ?", ms)
    notify_once()
    a, b, _ = people["due"]
    for who in (a, b):
        subject = m.sql_value("SELECT subject FROM outbox WHERE dedup_key = ?",
                              f"milestone-3d:{ms}:{day}:{who.user_id}")
        m.check((subject or "").startswith("Milestone due in 3 days"),
                f"{due_zone}: {subject!r} behind 202 not due yet")
    waited = m.sql_value("SELECT COUNT(*) FROM reminders WHERE dedup_key LIKE 'milestone-3d:%' "
                         "AND user_id IN (?, ?)", *(c.user_id for c in people["wait"][:2]))
    m.check(waited == "0", f"{waiting}: {waited} of the waiting ones decided")


@m.test
def test_a_milestone_past_where_they_live_is_not_due_today():
    """A milestone due on UTC's today is yesterday's for a mentee in
    Kiritimati from 10:00 UTC, and her roadmap says overdue: she is not
    told "due today" (the overdue mail tells her, once UTC's day has
    passed too). Her mentor, in UTC, is. Before 10:00 UTC her today is
    UTC's, and she is told "today" as well."""
    import datetime
    from zoneinfo import ZoneInfo
    a = m.signup(name="Ola Mentor " + m.unique("n"))
    b = m.signup(name="Tui Mentee " + m.unique("n"))
    m.sql("UPDATE users SET timezone = 'Pacific/Kiritimati' WHERE id = ?", b.user_id)
    tag = m.unique("late")
    mid = mship(a, b, "cultivation", f"{tag} ms", review_date="UTC_DATE() + INTERVAL 100 DAY")
    m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, due_date, "
          "position, created_at) VALUES (?, ?, '', UTC_DATE(), 1, "
          "UTC_TIMESTAMP() - INTERVAL 3 DAY)", mid, f"{tag} today")
    ms = m.sql_value("SELECT id FROM mentorship_milestones WHERE title = ?", f"{tag} today")
    due = m.sql_value("SELECT due_date FROM mentorship_milestones WHERE id = ?", ms)
    notify_once()
    subject = lambda who: m.sql_value("SELECT subject FROM outbox WHERE dedup_key = ?",
                                      f"milestone-3d:{ms}:{due}:{who.user_id}")
    m.check((subject(a) or "").startswith("Milestone due today"), f"mentor: {subject(a)!r}")
    hers = datetime.datetime.now(ZoneInfo("Pacific/Kiritimati")).date()
    if hers > datetime.date.fromisoformat(due):
        m.check(subject(b) is None, f"overdue where she lives, told {subject(b)!r}")
    else:
        m.check((subject(b) or "").startswith("Milestone due today"), f"hers: {subject(b)!r}")


def applied_days_told(zone):
    """A mentor in zone applies milestones for a mentee in UTC: (ok,
    message) pairs for what each was told, from the applier's day, or
    None when a date changed meanwhile."""
    import datetime
    from zoneinfo import ZoneInfo
    utc = datetime.timezone.utc
    now = datetime.datetime.now(utc)
    local = now.astimezone(ZoneInfo(zone))
    start = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(utc)
    day = local.date()
    at = lambda t: t.strftime("%Y-%m-%d %H:%M:%S")
    a = m.signup(name="Rua Mentor " + m.unique("n"))
    b = m.signup(name="Sam Mentee " + m.unique("n"))
    m.sql("UPDATE users SET timezone = ? WHERE id = ?", zone, a.user_id)
    tag = m.unique("applied")
    mid = mship(a, b, "cultivation", f"{tag} ms", review_date="UTC_DATE() + INTERVAL 100 DAY")
    plan = {"today": (min(start + datetime.timedelta(minutes=1), now), day + datetime.timedelta(2)),
            "yesterday": (start - datetime.timedelta(minutes=1), day + datetime.timedelta(2)),
            "due then": (min(start + datetime.timedelta(minutes=1), now), day),
            "past then": (min(start + datetime.timedelta(minutes=1), now),
                          day - datetime.timedelta(1))}
    ids = {}
    for name, (made, due) in plan.items():
        m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, due_date, "
              "position, applied_by, created_at) VALUES (?, ?, '', ?, 1, ?, ?)",
              mid, f"{tag} {name}", due.isoformat(), a.user_id, at(made))
        ids[name] = m.sql_value("SELECT id FROM mentorship_milestones WHERE title = ?",
                                f"{tag} {name}")
    notify_once()
    told = lambda event, name, who: m.sql_value(
        "SELECT subject FROM outbox WHERE dedup_key = ?",
        f"{event}:{ids[name]}:{plan[name][1]}:{who.user_id}")
    decided = lambda name, who: m.sql_value(
        "SELECT COUNT(*) FROM reminders WHERE dedup_key = ?",
        f"milestone-3d:{ids[name]}:{plan[name][1]}:{who.user_id}") == "1"
    out = [(not decided("today", a), f"{zone}: applied on the mentor's today, "
            f"told them {told('milestone-3d', 'today', a)!r}"),
           (told("milestone-3d", "today", b) is not None, f"{zone}: the mentee not told"),
           ((told("milestone-3d", "yesterday", a) or "").startswith("Milestone due in 2 days"),
            f"{zone}: applied on the mentor's yesterday: {told('milestone-3d', 'yesterday', a)!r}"),
           (told("milestone-3d", "yesterday", b) is not None,
            f"{zone}: the mentee not told of yesterday's")]
    for who in (a, b):
        out.append((told("milestone-3d", "due then", who) is None,
                    f"{zone}: due the day it was applied, told {who.email}"))
        out.append((told("milestone-overdue", "past then", who) is None,
                    f"{zone}: past when it was applied, told {who.email} it is overdue"))
    later = datetime.datetime.now(utc)
    same = later.date() == now.date() and later.astimezone(ZoneInfo(zone)).date() == day
    return out if same else None


@m.test
def test_the_day_a_milestone_was_applied_is_its_appliers():
    """A milestone is news to nobody on the day it was applied when it is
    due that day or past already (SPEC 4), and nothing is due that day to
    the party who applied it. That day was UTC's: a mentor in Kiritimati
    who applied a roadmap at nine in her morning (UTC's yesterday) was
    told "due in 2 days" an hour later, and her mentee was mailed about
    one due that very day. It is the applier's own. A mentor in
    Kiritimati and one in Pago Pago, each with a mentee in UTC, apply
    milestones early in their day and just before it: at every hour one
    of the two days straddles UTC's midnight."""
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        for _ in range(2):   # a date changed during the scan: once more
            out = applied_days_told(zone)
            if out is not None:
                break
        m.check(out is not None, "a date changed twice during the scan")
        for ok, message in out:
            m.check(ok, message)


@m.test
def test_a_notifier_runs_its_scans_again():
    """The loop executes each of its prepared statements again on its next
    pass. One the server refused the second time ("Unknown column
    's.side'": a subquery naming a derived table's column) passed every
    --once run, and stopped every pass of the real loop after its first.
    Three passes of a loop of its own, on the arranged world: no error."""
    import os
    import subprocess
    import time
    world()
    p = subprocess.Popen([os.path.join(m.BUILD, "bin", "menteo-notify"), "--loop", "1"],
                         env=dict(os.environ, MENTEO_CONF=os.path.join(m.VAR, "menteo.conf")),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3.5)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=30)
    errors = [x for x in err.splitlines() if " error: " in x]
    m.check("notifier: stopping" in err and not errors, f"its passes: {errors[:2]}")


@m.test
def test_reminder_mails_give_dates_in_words():
    """A review reminder said "is 2026-12-09 (in 7 days)": dates read as the
    pages write them ("9 Dec 2026")."""
    import datetime
    s = world()
    for key, col, ev in (("rev7", "review_date", "review-7d"),):
        raw = m.sql_value(f"SELECT {col} FROM mentorships WHERE id = ?", s[key])
        d = datetime.date.fromisoformat(raw)
        words = f"{d.day} {d.strftime('%b')} {d.year}"
        text = body_text(f"{ev}:{s[key]}:{raw}:{s['a'].user_id}")
        m.check(raw not in text and words in text, f"{words}, not {raw}: {text[:300]!r}")
    raw = m.sql_value("SELECT due_date FROM mentorship_milestones WHERE id = ?", s["ms_soon"])
    d = datetime.date.fromisoformat(raw)
    text = body_text(f"milestone-3d:{s['ms_soon']}:{raw}:{s['a'].user_id}")
    m.check(raw not in text and f"{d.day} {d.strftime('%b')} {d.year}" in text,
            f"the milestone's date in words: {text[:300]!r}")


@m.test
def test_milestone_due_and_overdue_not_done():
    s = world()
    soon = m.sql_value("SELECT due_date FROM mentorship_milestones WHERE id = ?", s["ms_soon"])
    late = m.sql_value("SELECT due_date FROM mentorship_milestones WHERE id = ?", s["ms_late"])
    for who in (s["a"], s["b"]):
        msg = delivered(f"milestone-3d:{s['ms_soon']}:{soon}:{who.user_id}", who)
        m.check(f"{s['tag']} soon" in str(msg["Subject"]), msg["Subject"])
        msg = delivered(f"milestone-overdue:{s['ms_late']}:{late}:{who.user_id}", who)
        m.check("overdue" in str(msg["Subject"]).lower(), msg["Subject"])
    m.check(not keys_of(f"milestone-%:{s['ms_done']}:%"), "a done milestone was reminded")
    m.check(not keys_of(f"milestone-%:{s['ms_applied']}:%"),
            "a milestone already past when it was applied was mailed as overdue")
    # the party who applied a roadmap has just seen its dates: not that day
    today, before, redated = (keys_of(f"milestone-3d:{s[k]}:%") for k in (
        "ms_by-a-today", "ms_by-a-before", "ms_by-b-redated"))
    m.check([k.endswith(f":{s['b'].user_id}") for k in today] == [True],
            f"applied today by the mentor: the mentee's alone {today}")
    m.check(len(before) == 2, f"applied the day before: both {before}")
    m.check([k.endswith(f":{s['a'].user_id}") for k in redated] == [True],
            f"dated again today by the mentee, to today: the mentor's alone {redated}")


@m.test
def test_request_reminders_go_to_the_mentor_only():
    s = world()
    a, b = s["a"], s["b"]
    msg = delivered(f"request-3d:{s['req3']}:{a.user_id}", a)
    m.check("3 days ago" in m.mail_text(msg), m.mail_text(msg))
    msg = delivered(f"request-7d:{s['req7']}:{a.user_id}", a)
    m.check("7 days ago" in m.mail_text(msg), m.mail_text(msg))
    # a 3-day request gets no 7-day mail yet, a 7-day one no 3-day mail
    m.check(not keys_of(f"request-7d:{s['req3']}:%"), "early 7-day reminder")
    m.check(not keys_of(f"request-3d:{s['req7']}:%"), "late 3-day reminder")
    m.check(not keys_of(f"request-%:%:{b.user_id}"), "the mentee got a reminder")


@m.test
def test_a_proposal_is_reminded_as_the_organisers():
    """A pair the programme proposed waits on the mentor too, but the
    mentee never asked: the reminder says who proposed it."""
    a = m.signup(name="Ann Mentor " + m.unique("n"))
    b = m.signup(name="Ben Mentee " + m.unique("n"))
    tag = m.unique("prop")
    m.sql("INSERT INTO programmes (slug, name, description, ground_rules, created_at, "
          "updated_at) VALUES (?, ?, '', '', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          tag, f"Cohort {tag}")
    prog = m.sql_value("SELECT id FROM programmes WHERE slug = ?", tag)
    eve = "UTC_DATE() - INTERVAL 3 DAY - INTERVAL 1 SECOND"
    mid = mship(a, b, "requested", f"{tag} asked", contract_version="0",
                created_at=eve, stage_changed_at=eve, programme_id=prog,
                proposed_by_programme="1")
    notify_once()
    said = " ".join(m.mail_text(delivered(f"request-3d:{mid}:{a.user_id}", a)).split())
    m.check(f"The organisers of Cohort {tag} proposed 3 days ago that you mentor Ben "
            f"Mentee" in said and "asked you" not in said, said)
    # each name once in the subject (found walking the product)
    subject = m.sql_value("SELECT subject FROM outbox WHERE dedup_key = ?",
                          f"request-3d:{mid}:{a.user_id}")
    name = m.sql_value("SELECT display_name FROM users WHERE id = ?", b.user_id)
    m.check(subject == f"{name} is waiting for your answer — on “{tag} asked”",
            f"the subject: {subject}")


@m.test
def test_request_expires_at_14_days_by_the_system():
    s = world()
    mid = s["reqx"]
    m.check(m.sql_value("SELECT stage FROM mentorships WHERE id = ?", mid) == "expired",
            "request not expired")
    ev = m.sql("SELECT id, from_stage, actor_id FROM stage_events WHERE mentorship_id = ? "
               "AND to_stage = 'expired'", mid)
    m.check(len(ev) == 1, f"stage events: {ev}")
    m.check(ev[0][1] == "requested" and ev[0][2] == "NULL", f"event {ev}")
    msg = delivered(f"stage:{ev[0][0]}", s["b"])
    m.check("expired" in str(msg["Subject"]).lower(), msg["Subject"])
    # expired, so no reminders for it any more
    m.check(not keys_of(f"request-%:{mid}:%"), "an expired request was reminded")


@m.test
def test_initiation_without_contract_after_30_days():
    s = world()
    day = m.sql_value("SELECT DATE(stage_changed_at) FROM mentorships WHERE id = ?", s["init"])
    for who in (s["a"], s["b"]):
        msg = delivered(f"initiation-30d:{s['init']}:{day}:{who.user_id}", who)
        m.check("in Initiation for 30 days" in m.mail_text(msg), m.mail_text(msg))


@m.test
def test_redefinition_checkin_due_then_advanced():
    s = world()
    day = s["chk_day"]
    for who in (s["a"], s["b"]):
        delivered(f"checkin:{s['chk']}:{day}:{who.user_id}", who)
    m.check(m.sql_value("SELECT next_checkin = DATE(?) + INTERVAL 3 MONTH "
                        "FROM mentorships WHERE id = ?", day, s["chk"]) == "1",
            "next_checkin not moved on by 3 months")


@m.test
def test_one_digest_per_reader_for_two_rooms():
    s = world()
    e, tag = s["e"], s["tag"]
    keys = keys_of(f"digest:{e.user_id}:%")
    m.check(len(keys) == 1, f"digests: {keys}")
    msg = delivered(keys[0], e)
    text = m.mail_text(msg)
    m.check(f"{tag} room1" in text and f"{tag} room2" in text, text)
    m.check("2 mentorship rooms" in str(msg["Subject"]), msg["Subject"])
    m.check(len(token_link(text)) == 2, "one link per room")
    top = m.sql("SELECT mentorship_id, digest_id FROM room_reads WHERE user_id = ? "
                "ORDER BY mentorship_id", e.user_id)
    want = m.sql("SELECT mentorship_id, MAX(id) FROM room_messages WHERE mentorship_id "
                 "IN (?, ?) GROUP BY mentorship_id ORDER BY mentorship_id",
                 s["room1"], s["room2"])
    m.check(top == want, f"digest_id {top} != newest messages {want}")
    # the author is not digested their own messages
    m.check(not keys_of(f"digest:{s['a'].user_id}:%"), "the author got a digest")
    # a new old-enough message: a second digest, for that room only
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'later news', UTC_TIMESTAMP() - INTERVAL 90 MINUTE)",
          s["room2"], s["a"].user_id)
    notify_once()
    keys2 = keys_of(f"digest:{e.user_id}:%")
    m.check(len(keys2) == 2, f"digests after a new message: {keys2}")
    new = [k for k in keys2 if k not in keys][0]
    text = body_text(new)
    m.check(f"{tag} room2" in text and f"{tag} room1" not in text, text)


@m.test
def test_read_messages_are_not_digested():
    s = world()
    c = m.signup(name="Cy Reader " + m.unique("n"))
    mid = mship(s["a"], c, "cultivation", f"{s['tag']} read",
                review_date="UTC_DATE() + INTERVAL 100 DAY")
    # message and read position in one transaction: the stack's own
    # notifier (every 2 s) must never see the old message unread
    m.sql("START TRANSACTION; "
          "INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'already read', UTC_TIMESTAMP() - INTERVAL 3 HOUR); "
          "INSERT INTO room_reads (mentorship_id, user_id, last_read_id) "
          "VALUES (?, ?, LAST_INSERT_ID()); COMMIT",
          mid, s["a"].user_id, mid, c.user_id)
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'fresh', UTC_TIMESTAMP() - INTERVAL 10 MINUTE)",
          mid, s["a"].user_id)
    notify_once()
    m.check(not keys_of(f"digest:{c.user_id}:%"), "read or fresh messages digested")


@m.test
def test_scanning_again_queues_nothing_new():
    """Every reminder decided is queued once, but those decided unsent:
    a day ahead, rev1's seven-day reminder, and a day late, the late
    milestone's three-day one (its overdue mail says so), whose days
    went by for their recipients in UTC: decided, so that no scan reads
    them again."""
    ids, before = mine()
    s = world()
    sent = {r[0] for r in m.sql("SELECT dedup_key FROM outbox WHERE dedup_key IN ('" +
                                "','".join(before) + "')")}
    rev1 = m.sql_value("SELECT review_date FROM mentorships WHERE id = ?", s["rev1"])
    late = m.sql_value("SELECT due_date FROM mentorship_milestones WHERE id = ?", s["ms_late"])
    unsent = {f"{ev}:{oid}:{day}:{who.user_id}" for who in (s["a"], s["b"])
              for ev, oid, day in (("review-7d", s["rev1"], rev1),
                                   ("milestone-3d", s["ms_late"], late))}
    m.check(set(before) - sent == unsent,
            f"decided unsent: {sorted(set(before) - sent)}, want {sorted(unsent)}")
    notify_once(2)
    notify_once()
    _, after = mine()
    m.check(after == before, f"new reminders on a rescan: {set(after) - set(before)}")
    dup = m.sql("SELECT dedup_key, COUNT(*) FROM outbox WHERE dedup_key LIKE 'stage:%' "
                "GROUP BY dedup_key HAVING COUNT(*) > 1")
    m.check(not dup, f"duplicate outbox keys {dup}")
    expired = m.sql_value("SELECT COUNT(*) FROM stage_events WHERE mentorship_id = ? AND "
                          "to_stage = 'expired'", world()["reqx"])
    m.check(expired == "1", f"expired {expired} times")


@m.test
def test_a_reminder_that_loses_a_deadlock_runs_again_in_the_same_pass():
    """Two scanners deciding one reminder can deadlock (on Galera, a notifier
    on another node makes the loser's COMMIT fail the same way): the loser's
    transaction runs again and finds the key taken or free; it does not stop
    the scan, and what was due goes in this pass, once.

    The moment is arranged: a MariaDB session of the test's own holds an
    outbox row under the reminder's key, so a real `menteo-notify --once`
    claims the reminder and then waits at its outbox insert; the session
    then inserts the claim itself, closing the cycle. It wrote 50 rows
    first, so InnoDB rolls back the notifier's lighter transaction."""
    a = m.signup(name="Dee Mentor " + m.unique("n"))
    b = m.signup(name="Lock Mentee " + m.unique("n"))
    # due only once the lock is held: a notifier of another test, or the
    # stack's, would otherwise queue it first
    mid = mship(a, b, "cultivation", "Deadlock focus " + m.unique("f"),
                review_date="UTC_DATE() + INTERVAL 100 DAY")
    date = m.sql_value("SELECT UTC_DATE() + INTERVAL 5 DAY")
    key = f"review-7d:{mid}:{date}:{a.user_id}"
    m.notifier(signal.SIGSTOP)
    holder = None
    try:
        deadlocks = int(m.sql("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'")[0][1])
        holder = m.Holder(
            "INSERT INTO reminders (dedup_key, user_id, created_at) "
            f"SELECT CONCAT('weight:{mid}:', seq), {b.user_id}, UTC_TIMESTAMP() "
            "FROM seq_1_to_50; "
            "INSERT INTO outbox (kind, user_id, to_addr, subject, body_text, body_html, "
            f"dedup_key) VALUES ('review', {a.user_id}, 'held@example.org', 'held', '', '', "
            f"'{key}')")
        m.sql("UPDATE mentorships SET review_date = ? WHERE id = ?", date, mid)
        notify = m.notify_start()
        if not m.until(lambda: m.waiting("INSERT INTO outbox")):
            notify.kill()
            m.check(False, f"the notifier waits at its outbox row: {notify.communicate()!r}")
        holder.say("INSERT INTO reminders (dedup_key, user_id, created_at) "
                   f"VALUES ('{key}', {a.user_id}, UTC_TIMESTAMP());")
        # the notifier's try is rolled back; the next one waits for the claim
        m.until(lambda: notify.poll() is not None or m.waiting("INSERT INTO reminders"))
        holder.release()
        _, err = notify.communicate(timeout=60)
        m.check(int(m.sql("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'")[0][1]) > deadlocks,
                "InnoDB saw the deadlock")
        m.check(notify.returncode == 0 and "scan stopped" not in err,
                f"menteo-notify --once after a deadlock: {notify.returncode} {err!r}")
        rows = outbox(key)
        m.check(len(rows) == 1 and rows[0][1] == a.email,
                f"the reminder queued once, in the same pass: {rows}")
        m.check(m.sql_value("SELECT COUNT(*) FROM reminders WHERE dedup_key LIKE ?",
                            f"weight:{mid}:%") == "0", "the holder's rows rolled back")
    finally:
        if holder is not None:
            holder.release()
        m.notifier(signal.SIGCONT)


def review_mail_for(who):
    s = world()
    date = m.sql_value("SELECT review_date FROM mentorships WHERE id = ?", s["rev7"])
    return delivered(f"review-7d:{s['rev7']}:{date}:{who.user_id}", who)


@m.test
def test_mail_has_plain_text_and_unsubscribe_for_its_kind():
    s = world()
    msg = review_mail_for(s["b"])
    text = m.mail_text(msg)
    m.check(text.strip(), "no plain-text part")
    m.check(m.mail_html(msg).strip(), "no HTML part")
    unsub = [u for u in m.links(text) if "/link/unsubscribe" in u]
    m.check(unsub, "no unsubscribe link in the text")
    q = urllib.parse.parse_qs(urllib.parse.urlsplit(unsub[0]).query)
    m.check(q.get("k") == ["review"] and q.get("u") == [str(s["b"].user_id)], unsub[0])
    m.check(unsub[0] in str(msg["List-Unsubscribe"]), msg["List-Unsubscribe"])
    r = m.Client().get(m.local(unsub[0]))
    m.check(r.status == 200, f"unsubscribe page {r.status}")
    m.check("this kind (“Review reminder”)?" in m.unescaped(r.text),
            "the page names the kind by its key, not in words")


def link_in(msg):
    found = token_link(m.mail_text(msg))
    m.check(found, "no signed link")
    return m.local(found[0])


@m.test
def test_link_signs_in_on_the_exact_page_once():
    s = world()
    b = s["b"]
    link = link_in(review_mail_for(b))
    page = f"/mentorships/{s['rev7']}/review"
    c = m.Client()
    r = c.get(link)
    m.check(r.status == 303 and r.location.endswith(page), f"{r!r} {r.location}")
    r = c.get(page)
    m.check(r.status == 200, f"page {r.status}")
    m.check(f'href="/people/{b.slug}" title="Your public profile"' in r.text,
            "the page does not show the recipient signed in")
    # used: sign-in, then the same page, and the sign-in form says why
    other = m.Client()
    r = other.get(link)
    m.check(r.status == 303, f"second use {r!r}")
    loc = urllib.parse.urlsplit(r.location)
    m.check(loc.path == "/login" and
            urllib.parse.parse_qs(loc.query).get("next") == [page], r.location)
    m.check("already used or has expired" in other.follow(r).text,
            "the sign-in form does not say why it is there")
    # used, by someone signed in: their page, their name, the reason
    r = c.get(link)
    m.check(r.status == 303 and r.location.endswith(page), f"signed in: {r!r}")
    t = m.unescaped(c.follow(r).text)
    m.check("already used or has expired; you are still signed in as" in t,
            "the page does not say the link did nothing")


@m.test
def test_link_target_is_fixed_in_the_token():
    s = world()
    a = s["a"]
    msg = delivered(f"request-3d:{s['req3']}:{a.user_id}", a)
    link = link_in(msg)
    c = m.Client()
    r = c.get(link + "&next=%2Fsettings&target=%2Fsettings")
    m.check(r.status == 303, f"{r!r}")
    m.check(urllib.parse.urlsplit(r.location).path == f"/mentorships/{s['req3']}",
            f"went to {r.location}")
    r = c.get(f"/mentorships/{s['req3']}")
    m.check(r.status == 200, f"mentorship page {r.status}")
    m.check(f'href="/people/{a.slug}" title="Your public profile"' in r.text,
            "not signed in as the mentor")
    # a made-up token of the right shape opens nothing
    r = m.Client().get("/link?t=" + "0" * len(link.split("t=")[1].split("&")[0]))
    m.check(r.status == 303 and "/login" in r.location, f"forged token {r!r}")


@m.test
def test_expired_link_signs_in_then_same_page():
    s = world()
    a = s["a"]
    day = m.sql_value("SELECT DATE(stage_changed_at) FROM mentorships WHERE id = ?", s["init"])
    link = link_in(delivered(f"initiation-30d:{s['init']}:{day}:{a.user_id}", a))
    page = f"/mentorships/{s['init']}/contract"
    m.sql("UPDATE email_tokens SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE "
          "WHERE user_id = ? AND purpose = 'link' AND target = ? AND used_at IS NULL",
          a.user_id, page)
    c = m.Client()
    r = c.get(link)
    m.check(r.status == 303, f"{r!r}")
    loc = urllib.parse.urlsplit(r.location)
    m.check(loc.path == "/login" and
            urllib.parse.parse_qs(loc.query).get("next") == [page], r.location)
    c.get(m.local(r.location) if r.location.startswith("http") else r.location)
    r = c.post("/login", {"email": a.email, "password": m.PASSWORD, "next": page})
    m.check(r.status == 303 and urllib.parse.urlsplit(r.location).path == page,
            f"after sign-in: {r!r} {r.location}")


@m.test
def test_digest_links_open_each_room():
    s = world()
    e = s["e"]
    key = keys_of(f"digest:{e.user_id}:%")[0]
    msg = delivered(key, e)
    found = [m.local(u) for u in token_link(m.mail_text(msg))]
    targets = []
    for link in found:
        r = m.Client().get(link)
        m.check(r.status == 303, f"{r!r}")
        targets.append(urllib.parse.urlsplit(r.location).path)
    m.check(sorted(targets) == sorted([f"/rooms/{s['room1']}", f"/rooms/{s['room2']}"]),
            f"targets {targets}")


@m.test
def test_a_meeting_is_reminded_the_day_before():
    """Nothing reminded anyone of a meeting (found by a walk): planned a
    week ahead, it came without a word. Each party is mailed the day
    before, at the time where they live, once for each time the meeting
    is planned for; not for one planned within the day (both were told
    just then), nor for one further off; and not to whoever turned
    meeting reminders off."""
    mentor, mentee = m.make_mentor(), m.signup()
    m.sql("UPDATE users SET timezone = 'Europe/Berlin' WHERE id = ?", mentee.user_id)
    m.sql("UPDATE users SET timezone = 'America/New_York' WHERE id = ?", mentor.user_id)
    mid = mship(mentor, mentee, "cultivation", f"Meet {m.unique('mt')}")

    def meeting(starts, planned):
        m.sql("INSERT INTO meetings (mentorship_id, starts_at, minutes, agenda, created_by, "
              f"created_at) VALUES (?, UTC_TIMESTAMP() + INTERVAL {starts}, 45, 'Plan', ?, "
              f"UTC_TIMESTAMP() - INTERVAL {planned})", mid, mentee.user_id)
        return int(m.sql_value("SELECT MAX(id) FROM meetings WHERE mentorship_id = ?", mid))

    soon = meeting("20 HOUR", "3 DAY")
    fresh = meeting("20 HOUR", "1 MINUTE")
    far = meeting("3 DAY", "4 DAY")
    notify_once(2)
    for who, tz in ((mentor, "America/New_York"), (mentee, "Europe/Berlin")):
        key = f"meeting-1d:{soon}:0:{who.user_id}"
        msg = delivered(key, who)
        text = m.mail_text(msg)
        m.check(str(msg["Subject"]).startswith("Meeting on ") and f"({tz})" in text
                and "Open the meetings: " in text, f"{who.email}'s reminder: {msg['Subject']} {text}")
    for other in (fresh, far):
        m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE dedup_key LIKE ?",
                            f"meeting-1d:{other}:%") == "0", f"meeting {other} reminded")
    notify_once()
    m.check(len(outbox(f"meeting-1d:{soon}:0:{mentee.user_id}")) == 1, "reminded twice")
    # moved: reminded for its new time; to the one who did not opt out
    m.sql("INSERT INTO mail_optouts (user_id, kind, created_at) VALUES "
          "(?, 'meeting', UTC_TIMESTAMP())", mentor.user_id)
    m.sql("UPDATE meetings SET sequence = 1, starts_at = UTC_TIMESTAMP() + INTERVAL 22 HOUR "
          "WHERE id = ?", soon)
    notify_once()
    delivered(f"meeting-1d:{soon}:1:{mentee.user_id}", mentee)
    m.check(not outbox(f"meeting-1d:{soon}:1:{mentor.user_id}"),
            "the mentor turned meeting reminders off")


if __name__ == "__main__":
    m.main()
