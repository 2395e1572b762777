"""The room page's read mark against the notifier's digest (issue 24: the
mixed run's one 503, a deadlock on the room_reads upsert).

A person opens a room they never opened (no room_reads row yet: the page
inserts one) at the moment the notifier builds their digest, which
writes room_reads.digest_id for the same room. The page must answer 200,
the digest must still go once, and both marks must be kept.

The moment is arranged, not hoped for: a MariaDB session of the test's
own holds the digest's claim key (an uncommitted reminders row), so a
real `menteo-notify --once` stops inside its digest transaction, after
it took what it takes first and before it writes room_reads. The page
is requested then, and the claim let go once the page either answered
or waits for a lock itself."""
import os
import signal
import sys
import threading

sys.path.insert(0, os.path.dirname(__file__))
import menteo as m  # noqa: E402


@m.test
def test_first_read_of_a_room_while_its_digest_is_written():
    mentor = m.signup()
    mentee = m.signup()
    bystander = m.signup(login=False)
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, 'cultivation', ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          mentor.user_id, mentee.user_id, "Focus " + m.unique("race"))
    mid = int(m.sql_value("SELECT MAX(id) FROM mentorships WHERE mentor_id = ?",
                          mentor.user_id))
    # the stack's own notifier stays out: the digest is the one run here
    m.notifier(signal.SIGSTOP)
    holder = None
    try:
        m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
              "VALUES (?, ?, 'unread for two hours', UTC_TIMESTAMP() - INTERVAL 2 HOUR)",
              mid, mentor.user_id)
        newest = int(m.sql_value("SELECT MAX(id) FROM room_messages WHERE "
                                 "mentorship_id = ?", mid))
        m.check(m.sql_value("SELECT COUNT(*) FROM room_reads WHERE mentorship_id = ?",
                            mid) == "0", "the room was never opened")
        key = f"digest:{mentee.user_id}:{newest}"
        # the claim's row names someone else: the holder locks nothing of the mentee's
        holder = m.Holder(f"INSERT INTO reminders (dedup_key, user_id, created_at) "
                        f"VALUES ('{key}', {bystander.user_id}, UTC_TIMESTAMP())")
        notify = m.notify_start()
        if not m.until(lambda: m.waiting("INSERT INTO reminders")):
            notify.kill()
            m.check(False, f"the digest waits for its claim: {notify.communicate()!r}")
        out = {}
        page = threading.Thread(target=lambda: out.setdefault(
            "r", mentee.get(f"/rooms/{mid}")))
        page.start()
        # the page answers, or waits on a lock the digest holds
        m.until(lambda: "r" in out or m.waiting("INSERT INTO room_reads"), 10)
        holder.release()
        holder = None
        page.join(60)
        _, err = notify.communicate(timeout=60)
        m.check(notify.returncode == 0, f"menteo-notify --once: {err!r}")
        r = out.get("r")
        m.check(r is not None and r.status == 200,
                f"the room page while its digest was written: {r!r}")
        m.check("unread for two hours" in r.text, "the message is on the page")
        row = m.sql("SELECT last_read_id, digest_id FROM room_reads WHERE "
                    "mentorship_id = ? AND user_id = ?", mid, mentee.user_id)
        m.check(row == [[str(newest), str(newest)]],
                f"both the read mark and the digest's mark kept: {row}")
        m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE dedup_key = ?", key) == "1",
                "the digest went once")
    finally:
        if holder is not None:
            holder.release()
        m.notifier(signal.SIGCONT)


if __name__ == "__main__":
    sys.exit(m.main())
