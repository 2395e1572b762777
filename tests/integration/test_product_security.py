"""Issue 19, the product side (items 7 to 10 and 14): each test performs
the attack over HTTP against the real stack (or runs the real tool) and
passes only when the attack fails."""
import os
import subprocess

import menteo as m

ROOT = os.path.join(os.path.dirname(__file__), "../..")


def admin_tool(*args):
    env = dict(os.environ, MENTEO_CONF=os.path.join(m.VAR, "menteo.conf"))
    return subprocess.run([os.path.join(ROOT, "bin/menteo-admin"), *args],
                          capture_output=True, text=True, env=env)


def admins():
    # hex: the client's batch output escapes backslashes
    return {bytes.fromhex(row[0]).decode()
            for row in m.sql("SELECT HEX(email) FROM users WHERE is_admin = 1")}


@m.test
def test_create_admin_binds_the_address():
    """Item 14: create-admin doubled quotes but not backslashes, so
    `\\')` closed the string and the rest ran as SQL."""
    victim = m.signup(login=False)
    before = admins()
    attack = "\\') OR email = 0x%s -- " % victim.email.encode().hex()
    r = admin_tool("create-admin", attack)
    m.check(r.returncode == 1, f"no such account: {r.returncode} {r.stdout} {r.stderr}")
    m.check(admins() == before, f"the injected SQL ran: {admins() - before}")
    m.check(m.sql_value("SELECT is_admin FROM users WHERE id = ?", victim.user_id) == "0")

    # an address with both kinds of quote is taken exactly as it is
    odd = "o'hara\\'s-" + m.unique("q") + "@example.org"
    m.sql("INSERT INTO users (email, email_verified_at, password_hash, display_name, "
          "bio, timezone, slug) VALUES (?, UTC_TIMESTAMP(), 'x', ?, '', 'UTC', ?)",
          odd, "Quote O'Hara \\'", m.unique("q"))
    r = admin_tool("create-admin", odd.upper())
    m.check(r.returncode == 0, f"create-admin: {r.returncode} {r.stdout} {r.stderr}")
    m.check(admins() - before == {odd}, f"exactly that account: {admins() - before}")
    m.check(m.sql_value("SELECT COUNT(*) FROM users WHERE email = ? AND display_name = ?",
                        odd, "Quote O'Hara \\'") == "1", "the row is unchanged")


def admin():
    a = m.signup()
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", a.user_id)
    a.get("/")
    return a


def pair(stage="cultivation", mentor=None, mentee=None):
    mentor, mentee = mentor or m.make_mentor(), mentee or m.signup()
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, ?, 'Grow as a lead', "
          "'My private request', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          mentor.user_id, mentee.user_id, stage)
    mid = int(m.sql_value("SELECT MAX(id) FROM mentorships WHERE mentor_id = ?",
                          mentor.user_id))
    return mentor, mentee, mid


def delete_account(c):
    c.get("/settings/delete")
    r = c.post("/settings/delete", {"password": m.PASSWORD})
    m.check(r.status == 303, f"delete: {r!r}")


@m.test
def test_deleted_account_leaves_nothing_in_the_outbox():
    """Item 8: deletion kept the address and whole mail bodies in the
    outbox, and an admin could queue a failed row to the address again."""
    boss = admin()
    mentor, mentee, mid = pair()
    secret = "body-" + m.unique("s")
    m.sql("INSERT INTO outbox (kind, user_id, to_addr, subject, body_text, body_html, "
          "status, attempts, last_error) VALUES ('mentorship', ?, ?, 'About you', ?, ?, "
          "'failed', 5, 'mailbox full')", mentee.user_id, mentee.email, secret, secret)
    failed = m.sql_value("SELECT MAX(id) FROM outbox WHERE user_id = ?", mentee.user_id)
    m.sql("INSERT INTO outbox (kind, user_id, to_addr, subject, body_text, body_html, "
          "next_try_at) VALUES ('mentorship', ?, ?, 'Later', ?, ?, UTC_TIMESTAMP() + "
          "INTERVAL 1 DAY)", mentee.user_id, mentee.email, secret, secret)
    m.check(int(m.sql_value("SELECT COUNT(*) FROM outbox WHERE to_addr = ?", mentee.email))
            >= 3, "the verification mail, a failed and a queued row")
    delete_account(mentee)
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE user_id = ? OR to_addr = ? "
                        "OR body_text LIKE ? OR body_html LIKE ?", mentee.user_id,
                        mentee.email, "%" + secret + "%", "%" + secret + "%") == "0",
            "the outbox still holds the deleted person's address or mail")
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE body_text LIKE ?",
                        "%" + mentee.email + "%") == "0", "the address inside a body")
    # the other party is still told, and the admin cannot resend
    m.check(m.mails_to(mentor.email, subject="ended"), "the mentor is told")
    boss.get("/admin/outbox")
    r = boss.post(f"/admin/outbox/{failed}/retry", {})
    m.check(r.status == 404, f"retry of a deleted person's mail: {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM outbox WHERE to_addr = ? AND status = 'queued'",
                        mentee.email) == "0", "queued again")


if __name__ == "__main__":
    m.main()
