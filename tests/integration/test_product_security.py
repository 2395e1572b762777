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


if __name__ == "__main__":
    m.main()
