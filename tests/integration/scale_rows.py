"""What a page costs the database, in rows read, against what it shows
(issue 24: the mixed benchmark's pages must cost what their indexes
promise, whatever the size of the data). Measured as the rows MariaDB
walked (Handler_read_next, _prev and _rnd_next, global: the least of five
tries, with the notifier paused, so other work does not count), not in
time. Run alone, by check_scale_rows.sh: other tests' requests would
count too, and their mail would wait for the paused notifier."""
import datetime
import os
import signal
import subprocess
import time

import menteo as m

LATER = (datetime.date.today() + datetime.timedelta(days=180)).isoformat()


ROWS = ('Handler_read_next', 'Handler_read_prev', 'Handler_read_rnd_next')


def notifier(sig):
    """Pauses (SIGSTOP) or resumes (SIGCONT) the test stack's notifier:
    its scans run every second and count in the global figures."""
    try:
        with open(os.path.join(m.VAR, "run", "notify.pid")) as f:
            os.kill(int(f.read().strip()), sig)
    except (OSError, ValueError):
        pass


def settled(counters):
    """Waits until a statement the notifier sent before it was paused has
    finished (the server runs it on): the counters stand still."""
    def now():
        return m.sql("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                     + "', '".join(counters) + "')")
    last = now()
    for _ in range(50):
        time.sleep(0.2)
        cur = now()
        if cur == last:
            return
        last = cur


def rows_walked(fn, counters=ROWS):
    notifier(signal.SIGSTOP)
    try:
        settled(counters)
        return least_of_five(fn, counters)
    finally:
        notifier(signal.SIGCONT)


def least_of_five(fn, counters):
    def walked():
        return sum(int(v) for _, v in m.sql(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('" + "', '".join(counters)
            + "')"))
    best = None
    for _ in range(5):
        before = walked()
        fn()
        n = walked() - before
        best = n if best is None else min(best, n)
    return best


def big_room(messages):
    """A pair in Cultivation whose room holds that many messages from the
    mentor, all read by the mentee."""
    mentor, mentee = m.make_mentor(capacity=10), m.signup()
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at, ground_rules, cadence, channels, "
          "review_date) VALUES (?, ?, 'cultivation', ?, '', UTC_TIMESTAMP(), "
          "UTC_TIMESTAMP(), 'Agenda first.', 'biweekly', 'room', ?)",
          mentor.user_id, mentee.user_id, m.unique("Focus"), LATER)
    mid = int(m.sql_value("SELECT MAX(id) FROM mentorships WHERE mentor_id = ?",
                          mentor.user_id))
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, body_html, "
          "created_at) SELECT ?, ?, CONCAT('Message ', seq), CONCAT('<p>Message ', "
          "seq, '</p>'), UTC_TIMESTAMP() FROM seq_1_to_" + str(messages),
          mid, mentor.user_id)
    fresh_statistics()
    r = mentee.get(f"/rooms/{mid}")
    m.check(r.status == 200 and f"Message {messages}" in r.text, f"room: {r!r}")
    return mid, mentor, mentee


def fresh_statistics():
    """Thousands of rows in one statement leave the optimizer's estimates
    behind (InnoDB refreshes them in the background, later): a room of
    3,000 counted as the few it had. A site grows a row at a time; the
    plans measured here are those of current estimates."""
    m.sql("ANALYZE TABLE room_messages, room_reads, mentorships")


@m.test
def test_mentorship_page_does_not_walk_the_room():
    """The mentorship page says how many messages are unread: with all of
    3,000 read, that is a range after the read position, not the room."""
    mid, mentor, mentee = big_room(3000)

    def page():
        r = mentee.get(f"/mentorships/{mid}")
        m.check(r.status == 200, f"mentorship page: {r!r}")
    n = rows_walked(page)
    m.check(n < 500, f"the mentorship page walked {n} rows for a room of 3,000 "
            "messages, all read")
    # and the count is still right: three new ones from the mentor
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, body_html, "
          "created_at) SELECT ?, ?, 'New', '<p>New</p>', UTC_TIMESTAMP() "
          "FROM seq_1_to_3", mid, mentor.user_id)
    r = mentee.get(f"/mentorships/{mid}")
    m.check("Open the room (3 unread)" in m.unescaped(r.text),
            "the next step does not say 3 unread messages")


@m.test
def test_programme_dashboard_asks_who_is_quiet_by_the_newest_message():
    """Among the pairs at risk, those quiet for 21 days: known from a
    pair's newest message, not by reading all of its messages to find
    none recent. A pair in Cultivation whose 3,000 messages are two years
    old. The weekly counts read the year's messages of the programme's
    pairs (here the room's 3,000, a range of its index): the rest must
    stay small beside them."""
    org = m.signup()
    slug = m.unique("scale")
    m.sql("INSERT INTO programmes (slug, name, description, ground_rules, "
          "starts_on, created_at, updated_at) VALUES (?, 'Scale cohort', '', '', "
          "UTC_DATE() - INTERVAL 60 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())", slug)
    pid = int(m.sql_value("SELECT id FROM programmes WHERE slug = ?", slug))
    m.sql("INSERT INTO programme_organisers (programme_id, user_id, created_at) "
          "VALUES (?, ?, UTC_TIMESTAMP())", pid, org.user_id)
    mid, mentor, mentee = big_room(3000)
    m.sql("UPDATE mentorships SET programme_id = ?, stage_changed_at = "
          "UTC_TIMESTAMP() - INTERVAL 90 DAY WHERE id = ?", pid, mid)
    m.sql("UPDATE room_messages SET created_at = UTC_TIMESTAMP() - INTERVAL 2 YEAR "
          "WHERE mentorship_id = ?", mid)
    fresh_statistics()

    def page():
        r = org.get(f"/programmes/{slug}/dashboard")
        m.check(r.status == 200, f"dashboard: {r!r}")
    n = rows_walked(page)
    m.check(n < 4500, f"the dashboard walked {n} rows for one pair of 3,000 "
            "messages, all two years old")
    # the pair is listed as quiet: no message or meeting for 21 days
    r = org.get(f"/programmes/{slug}/dashboard")
    m.check(f"/programmes/{slug}/pairs/{mid}" in r.text,
            "the quiet pair is not among the pairs at risk")
    # and a message today takes it off the list
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, body_html, "
          "created_at) VALUES (?, ?, 'Back', '<p>Back</p>', UTC_TIMESTAMP())",
          mid, mentee.user_id)
    r = org.get(f"/programmes/{slug}/dashboard")
    m.check(f"/programmes/{slug}/pairs/{mid}" not in r.text,
            "a pair that wrote today is still listed as quiet")


@m.test
def test_programme_dashboard_counts_weeks_as_they_happen():
    """Issue 22 (Speed): the weekly activity of a programme's pairs is
    counted as it happens (sql/241_pair_weeks.sql), a row per pair and
    week: a pair of 3,000 messages this term costs the dashboard its
    weeks' rows, not its messages."""
    org = m.signup()
    slug = m.unique("scale")
    m.sql("INSERT INTO programmes (slug, name, description, ground_rules, "
          "starts_on, created_at, updated_at) VALUES (?, 'Scale cohort', '', '', "
          "UTC_DATE() - INTERVAL 60 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())", slug)
    pid = int(m.sql_value("SELECT id FROM programmes WHERE slug = ?", slug))
    m.sql("INSERT INTO programme_organisers (programme_id, user_id, created_at) "
          "VALUES (?, ?, UTC_TIMESTAMP())", pid, org.user_id)
    mid, mentor, mentee = big_room(3000)
    m.sql("UPDATE mentorships SET programme_id = ? WHERE id = ?", pid, mid)
    m.sql("UPDATE room_messages SET created_at = UTC_TIMESTAMP() - INTERVAL "
          "(id % 50) DAY WHERE mentorship_id = ?", mid)
    fresh_statistics()

    def page():
        r = org.get(f"/programmes/{slug}/dashboard")
        m.check(r.status == 200, f"dashboard: {r!r}")
    n = rows_walked(page)
    m.check(n < 1500, f"the dashboard walked {n} rows for one pair of 3,000 "
            "messages of the last 50 days")
    r = org.get(f"/programmes/{slug}/dashboard")
    m.check(r.text.count("<td>") >= 3 * 8, "the weeks are drawn")


@m.test
def test_notifier_pass_does_not_walk_read_rooms():
    """The notifier's digest scan (lib/remind.c) asks, every pass, which
    rooms hold a message someone has not read: a room of 3,000 messages
    all read must cost it the room's newest index entry, not the room.
    Counted with the index entries MariaDB walked and filtered inside the
    index (Handler_icp_attempts), which Handler_read_next leaves out."""

    def once():
        subprocess.run([os.path.join(m.BUILD, "bin", "menteo-notify"),
                        "--once"], env=dict(os.environ, MENTEO_CONF=os.path.join(
                            m.VAR, "menteo.conf")), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    counters = ROWS + ('Handler_icp_attempts',)
    # what a pass costs with what earlier tests left (rooms filled by
    # SQL, never read by their authors), then with one more room
    before = rows_walked(once, counters)
    mid, mentor, mentee = big_room(3000)
    m.sql("UPDATE room_messages SET created_at = UTC_TIMESTAMP() - INTERVAL 2 DAY "
          "WHERE mentorship_id = ?", mid)
    m.sql("INSERT INTO room_reads (mentorship_id, user_id, last_read_id, read_at) "
          "SELECT ?, ?, MAX(id), UTC_TIMESTAMP() FROM room_messages WHERE "
          "mentorship_id = ? ON DUPLICATE KEY UPDATE last_read_id = "
          "VALUES(last_read_id)", mid, mentor.user_id, mid)
    fresh_statistics()
    n = rows_walked(once, counters) - before
    m.check(n < 1000, f"a notifier pass walked {n} more index entries and rows "
            "for a room of 3,000 messages, all read")


@m.test
def test_participants_page_finds_pairs_by_index():
    """The participants list shows each person's pair in the programme:
    found from that person's own mentorships, not by walking all of them
    (3,000 newer ones outside the programme here)."""
    org = m.signup()
    slug = m.unique("scale")
    m.sql("INSERT INTO programmes (slug, name, description, ground_rules, "
          "created_at, updated_at) VALUES (?, 'Scale cohort', '', '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", slug)
    pid = int(m.sql_value("SELECT id FROM programmes WHERE slug = ?", slug))
    m.sql("INSERT INTO programme_organisers (programme_id, user_id, created_at) "
          "VALUES (?, ?, UTC_TIMESTAMP())", pid, org.user_id)
    mentor, mentee = m.make_mentor(capacity=10), m.signup()
    for who, role in ((mentor, "mentor"), (mentee, "mentee")):
        m.sql("INSERT INTO programme_participants (programme_id, user_id, role, "
              "status, joined_at) VALUES (?, ?, ?, 'active', UTC_TIMESTAMP())",
              pid, who.user_id, role)
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at, programme_id) VALUES (?, ?, 'cultivation', "
          "'Scale pair', '', UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?)",
          mentor.user_id, mentee.user_id, pid)
    others = m.make_mentor(capacity=10), m.signup()
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) SELECT ?, ?, 'ended', CONCAT('Other ', seq), "
          "'', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_3000",
          others[0].user_id, others[1].user_id)
    fresh_statistics()

    def page():
        r = org.get(f"/programmes/{slug}/participants")
        m.check(r.status == 200, f"participants: {r!r}")
        m.check(m.unescaped(r.text).count("In a pair: Cultivation") == 2,
                "the two parties' pair is not shown in Cultivation")
    n = rows_walked(page)
    m.check(n < 1000, f"the participants page walked {n} rows for two people "
            "of one pair")


if __name__ == "__main__":
    m.main()
