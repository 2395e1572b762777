#!/bin/bash
# A table whose triggers failed to load stays broken for every session
# while the server keeps it open (MariaDB 10.11): on Galera another
# node's write that aborts a transaction while it loads them leaves them
# so (check_galera met it: "Unknown trigger has an error in its body",
# every programme join on one node a 503 for as long as the test ran).
# Here that state is made by hand: the users table's trigger file is
# spoiled, the table reopened by root, the file mended and the table
# left open. A write that meets it must reopen the tables (lib/db.c
# tables_reopen, through root's sql/root.sql) and succeed: a signup (a
# transaction, db_tx_run) and a calendar address renewed (a statement
# alone). It edits a file of the stack's MariaDB: it runs alone, after
# the parallel tests, with the notifier paused. TAP.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export MENTEO_TEST_VAR=${MENTEO_TEST_VAR:-$ROOT/var/test}
exec /usr/bin/python3 - "$ROOT" <<'PY'
import os, signal, sys
sys.path.insert(0, os.path.join(sys.argv[1], "tests/integration"))
import menteo as m

TRG = os.path.join(m.VAR, "db", "menteo", "users.TRG")
KEPT = os.path.join(m.VAR, "users.TRG.pristine")	# for a run killed midway
SPOIL = b"BEGIN((("
if os.path.exists(KEPT):
    GOOD = open(KEPT, "rb").read()
else:
    GOOD = open(TRG, "rb").read()
    with open(KEPT, "wb") as f:
        f.write(GOOD)
assert SPOIL not in GOOD, f"{KEPT} is spoiled: restore users.TRG from a backup"
# the first trigger's body no longer parses
SPOILED = GOOD.replace(b"FOR EACH ROW\\nBEGIN", b"FOR EACH ROW\\n" + SPOIL, 1)
assert SPOILED != GOOD, "users.TRG: no trigger body found to spoil"


def write(data):
    with open(TRG, "r+b") as f:	# in place: the server's file, its owner
        f.write(data)
        f.truncate()


def logged(program):
    """What a program logs from now on: a function to call later."""
    path = os.path.join(m.VAR, "log", program + ".log")
    start = os.path.getsize(path)
    return lambda: open(path, errors="replace").read()[start:]


def broken_then_mended():
    """The users table open in the server with a trigger that did not
    parse, while its file on disk is right again."""
    try:
        write(SPOILED)
        m.sql("FLUSH LOCAL TABLES users")
        m.sql_value("SELECT COUNT(*) FROM users")	# opened: its triggers loaded
    finally:
        write(GOOD)


def calendar_renew(c):
    r = c.get("/settings")
    return c.request("POST", "/settings/calendar", body=[("csrf", r.csrf())])


def paused(fn):
    """A test with the notifier paused (its scans would meet the table
    first) and the table closed after it, whatever happened."""
    def run():
        m.notifier(signal.SIGSTOP)
        try:
            fn()
        finally:
            write(GOOD)
            m.sql("FLUSH LOCAL TABLES users")
            m.notifier(signal.SIGCONT)
    run.__name__ = fn.__name__
    return run


write(GOOD)
m.sql("FLUSH LOCAL TABLES users")
person = m.signup()


@m.test
@paused
def trigger_cache_the_state_is_made():
    # no reopening mends a table whose file is broken: the writes fail
    write(SPOILED)
    m.sql("FLUSH LOCAL TABLES users")
    r = calendar_renew(person)
    m.check(r.status == 503, f"a write with a spoiled trigger file: {r!r}")


@m.test
@paused
def trigger_cache_a_statement_alone_reopens_the_tables():
    before = m.sql_value("SELECT calendar_secret FROM users WHERE id = ?",
                         person.user_id)
    broken_then_mended()
    log = logged("people")
    r = calendar_renew(person)
    m.check(r.status == 303, f"calendar address renewed: {r!r}")
    after = m.sql_value("SELECT calendar_secret FROM users WHERE id = ?",
                        person.user_id)
    m.check(after != before, "the new calendar address was not saved")
    m.check("tables reopened after a trigger failed to load" in log(),
            f"people's log: {log()[-600:]!r}")


@m.test
@paused
def trigger_cache_a_transaction_reopens_the_tables():
    broken_then_mended()
    log = logged("auth")
    c = m.Client()
    email = m.unique("trg") + "@example.org"
    c.get("/signup")
    r = c.post("/signup", {"email": email, "password": m.PASSWORD,
                           "display_name": "Trigger Cache"})
    m.check(r.status == 303, f"signup: {r!r}")
    n = m.sql_value("SELECT COUNT(*) FROM users WHERE email = ?", email)
    m.check(n == "1", f"the account was not made ({n})")
    m.check("tables reopened after a trigger failed to load" in log(),
            f"auth's log: {log()[-600:]!r}")


m.main()
PY
