"""What a page costs the database, in rows read, against what it shows
(issue 24: the mixed benchmark's pages must cost what their indexes
promise, whatever the size of the data). Measured as the rows MariaDB
walked (Handler_read_next, _prev and _rnd_next, global: the least of three tries,
so the notifier's scans in between do not count), not in time."""
import datetime

import menteo as m

LATER = (datetime.date.today() + datetime.timedelta(days=180)).isoformat()


def rows_walked(fn):
    def walked():
        return sum(int(v) for _, v in m.sql(
            "SHOW GLOBAL STATUS WHERE Variable_name IN "
            "('Handler_read_next', 'Handler_read_prev', 'Handler_read_rnd_next')"))
    best = None
    for _ in range(3):
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
    r = mentee.get(f"/rooms/{mid}")
    m.check(r.status == 200 and f"Message {messages}" in r.text, f"room: {r!r}")
    return mid, mentor, mentee


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


if __name__ == "__main__":
    m.main()
