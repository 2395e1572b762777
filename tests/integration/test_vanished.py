"""A mentorship deleted between two of a handler's queries (issue 20,
item 6): the page answers 404, never an empty 200. The row is held with
SELECT ... FOR UPDATE in a session of our own, the request is sent and
waits on that lock after it has loaded the mentorship, the row is deleted
and the lock let go: the handler's next read finds nothing."""
import datetime
import re
import subprocess
import threading
import time

import menteo as m

LATER = (datetime.date.today() + datetime.timedelta(days=180)).isoformat()
CONTRACT = [("ground_rules", "Prepare an agenda; answer within two days."),
            ("cadence", "monthly"), ("channels", "room"), ("review_date", LATER)]


def accepted_pair():
    """A mentorship the mentor has accepted: Initiation, contract open."""
    mentor, mentee = m.make_mentor(), m.signup()
    mentee.get(f"/mentorships/new?mentor={mentor.slug}")
    r = mentee.post("/mentorships/new", {"mentor": mentor.slug, "focus": "Lead",
                                          "message": "I lead a team of six."})
    m.check(r.status == 303, f"request: {r!r}")
    mid = int(re.search(r"/mentorships/(\d+)$", r.location).group(1))
    mentor.get(f"/mentorships/{mid}")
    r = mentor.post(f"/mentorships/{mid}/stage", {"to": "initiation", "note": ""})
    m.check(r.status == 303, f"accept: {r!r}")
    return mentor, mentee, mid


class RowHolder:
    """A MariaDB session of its own holding one mentorship's row."""

    def __init__(self, mid):
        self.mid = mid
        self.p = subprocess.Popen(
            ["mariadb", "--no-defaults", "-S", m.SOCK, "-u", "root", "-N", "-B",
             "--unbuffered", "menteo"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.say("BEGIN; SELECT id FROM mentorships WHERE id = %d FOR UPDATE;" % mid)
        m.check(self.p.stdout.readline().strip() == str(mid), "row held")

    def say(self, text):
        self.p.stdin.write(text + "\n")
        self.p.stdin.flush()

    def delete(self):
        self.say("DELETE FROM mentorships WHERE id = %d; COMMIT; SELECT 'done';"
                 % self.mid)
        m.check(self.p.stdout.readline().strip() == "done", "row deleted")
        self.p.stdin.close()
        self.p.wait(timeout=10)


def waiting_on_lock():
    """Requests waiting for a lock on a mentorships row, whatever their
    statement: InnoDB lists an insert's foreign key check waiting there.
    A locking read of the row by its key waits in the optimizer, which
    reads a row found by its key while it plans (state "Statistics"):
    InnoDB's tables did not list that wait (a full run at 11:07Z, a loop
    of three modules at 11:45Z), the processlist does."""
    return int(m.sql_value(
        "SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS w "
        "JOIN information_schema.INNODB_LOCKS l ON l.lock_id = w.requested_lock_id "
        "WHERE l.lock_table LIKE '%`mentorships`'")) + int(m.sql_value(
        "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE command IN "
        "('Query', 'Execute') AND time >= 1 AND info LIKE '%FROM mentorships%FOR UPDATE%' "
        "AND id <> CONNECTION_ID()"))


def waiting_statements():
    """InnoDB's transactions, and every other session's state: a wait
    outside InnoDB (a metadata lock, a connection) shows only there."""
    return (m.sql("SELECT trx_state, trx_query FROM information_schema.INNODB_TRX"),
            m.sql("SELECT command, time, state, LEFT(info, 80) FROM "
                  "information_schema.PROCESSLIST WHERE command <> 'Daemon' "
                  "AND id <> CONNECTION_ID()"))


def vanish_during(mid, send):
    """Runs send() while the row is held; deletes it once the request
    waits for the row; returns send()'s response."""
    holder = RowHolder(mid)
    out = {}
    t = threading.Thread(target=lambda: out.setdefault("r", send()))
    t.start()
    deadline = time.time() + 30  # a loaded machine is slow to start it
    while waiting_on_lock() == 0 and time.time() < deadline:
        time.sleep(0.05)
    m.check(waiting_on_lock() > 0,
            f"the request waits for the row: {waiting_statements()}")
    holder.delete()
    t.join(30)
    m.check(m.sql_value("SELECT COUNT(*) FROM mentorships WHERE id = ?", mid) == "0",
            "the mentorship is gone")
    return out["r"]


@m.test
def test_contract_saved_while_mentorship_deleted_is_404():
    mentor, _, mid = accepted_pair()
    mentor.get(f"/mentorships/{mid}/contract")
    r = vanish_during(mid, lambda: mentor.post(f"/mentorships/{mid}/contract",
                                               CONTRACT))
    m.check(r.status == 404, f"contract save on a vanished row: {r!r}")
    m.check("There is no page at this address" in r.text, "the 404 page")


@m.test
def test_agreement_while_mentorship_deleted_is_404():
    mentor, mentee, mid = accepted_pair()
    mentor.get(f"/mentorships/{mid}/contract")
    m.check(mentor.post(f"/mentorships/{mid}/contract", CONTRACT).status == 303)
    for title in ("Land a director role", "Build a hiring plan", "Run a calibration"):
        r = mentee.post(f"/mentorships/{mid}/goals", {
            "title": title, "measure": "A signed offer", "target_date": ""})
        m.check(r.status == 303, f"goal: {r!r}")
    mentor.get(f"/mentorships/{mid}/contract")
    r = vanish_during(mid, lambda: mentor.post(f"/mentorships/{mid}/contract",
                                               {"agree": "1"}))
    m.check(r.status == 404, f"agreement on a vanished row: {r!r}")
    m.check("There is no page at this address" in r.text, "the 404 page")


if __name__ == "__main__":
    m.main()
