"""Helpers for integration tests: an HTTP client that behaves like a
browser (cookies, CSRF fields), the Maildir the real SMTP server fills,
direct SQL for arranging time, and a tiny TAP reporter.

Each test file: import menteo as m; decorate functions with @m.test;
call m.main() at the end. Output is TAP ("ok - name" / "not ok - name").
"""
import email
import email.policy
import glob
import html
import http.client
import os
import re
import subprocess
import sys
import threading
import time
import traceback
import urllib.parse
import uuid

BASE = os.environ.get("MENTEO_TEST_URL", "http://127.0.0.1:8091")
VAR = os.environ.get("MENTEO_TEST_VAR",
                     os.path.join(os.path.dirname(__file__), "../../var/test"))
MAILDIR = os.path.join(VAR, "mail")
# where the programs were built (build/san for a sanitizer run)
BUILD = os.environ.get("MENTEO_BUILD",
                       os.path.join(os.path.dirname(__file__), "../../build"))
SOCK = os.path.join(VAR, "run", "mysql.sock")
PASSWORD = "correct horse battery 42"


def _site():
    """The configured base_url: what links in mail and feeds start with,
    whichever web server (nginx or Apache) the tests talk to."""
    try:
        with open(os.path.join(VAR, "menteo.conf")) as f:
            for line in f:
                k, _, v = line.partition("=")
                if k.strip() == "base_url":
                    return v.strip()
    except OSError:
        pass
    return BASE


SITE = _site()

_tests = []
_ran = False


def test(fn):
    # a test defined below the file's `m.main()` would never run, and
    # nothing would say so: two did, for a session
    if _ran:
        print(f"not ok - {fn.__name__} is defined after main() and never runs",
              flush=True)
    _tests.append(fn)
    return fn


def main():
    global _ran
    _ran = True
    only = os.environ.get("MENTEO_ONLY")   # a regex on test names, to iterate
    for fn in _tests:
        if only and not re.search(only, fn.__name__):
            continue
        name = fn.__name__.replace("test_", "", 1).replace("_", " ")
        try:
            fn()
            print(f"ok - {name}", flush=True)
        except Exception as e:  # noqa: BLE001 - report any failure
            print(f"not ok - {name}: {e!r}", flush=True)
            for line in traceback.format_exc().splitlines():
                print("# " + line)
    return 0


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers          # list of (name, value)
        self.body = body                # bytes
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def location(self):
        return self.header("Location")

    def csrf(self):
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', self.text)
        return m.group(1) if m else None

    def __repr__(self):
        return f"<Response {self.status} {self.text[:300]!r}>"


class Client:
    """A browser: keeps cookies, finds the CSRF token on the last page."""

    def __init__(self, source=None):
        # source: the client address to connect from (any 127.x.y.z is
        # this machine): what the web server passes on as REMOTE_ADDR
        self.source = source
        self.cookies = {}
        self.csrf = None
        self.email = None
        self.user_id = None
        self.slug = None

    def request(self, method, path, body=None, headers=None, raw=False,
                base=None):
        # base: this request's server, for threads that each talk to
        # their own (the module's BASE is one for all)
        u = urllib.parse.urlsplit(base or BASE)
        conn = http.client.HTTPConnection(
            u.hostname, u.port, timeout=30,
            source_address=(self.source, 0) if self.source else None)
        h = {"Host": f"{u.hostname}:{u.port}", "User-Agent": "menteo-tests"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None and not raw:
            if isinstance(body, dict):
                body = list(body.items())
            body = urllib.parse.urlencode(body, doseq=True).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if headers:
            h.update(headers)
        # a browser never sends the fragment (Apache would route
        # "/settings#x" as a path of its own)
        conn.request(method, path.split("#", 1)[0], body=body, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read())
        conn.close()
        for v in resp.headers_all("Set-Cookie"):
            name, _, rest = v.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in v or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        tok = resp.csrf()
        if tok:
            self.csrf = tok
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, data=None, csrf=True, **kw):
        """POST a form; the CSRF token of the last page is added unless
        csrf=False. Fetches `path` first when no token is known yet."""
        items = list((data or {}).items()) if isinstance(data, dict) else list(data or [])
        if csrf:
            if self.csrf is None:
                self.get(path)
            items.append(("csrf", self.csrf))
        return self.request("POST", path, body=items, **kw)

    def follow(self, resp):
        assert resp.status == 303, f"expected 303, got {resp!r}"
        loc = resp.location
        if loc.startswith("http"):
            loc = local(loc)
        return self.get(loc)


def together(calls):
    """Runs each callable in its own thread, all released at one instant;
    returns their results in order (an exception is returned as is)."""
    gate = threading.Barrier(len(calls))
    out = [None] * len(calls)

    def run(i, fn):
        try:
            gate.wait()
            out[i] = fn()
        except Exception as e:  # noqa: BLE001 - the caller checks
            out[i] = e
    ts = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    for x in out:
        if isinstance(x, Exception):
            raise x
    return out


def unique(prefix="u"):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


# ---- e-mail ---------------------------------------------------------------

_parsed = {}    # Maildir file -> (mtime, recipients, subject, message)


def _mail(f):
    """A Maildir file parsed once: a long run leaves thousands of them,
    and parsing each on every poll outlasted the poll's own timeout."""
    if f not in _parsed:
        try:
            with open(f, "rb") as fh:
                msg = email.message_from_binary_file(fh, policy=email.policy.default)
            mtime = os.path.getmtime(f)
        except OSError:
            return None
        to = str(msg.get("To", "")) + " " + str(msg.get("X-RcptTo", ""))
        _parsed[f] = (mtime, to.lower(), str(msg.get("Subject", "")).lower(), msg)
    return _parsed[f]


def mails_to(addr, timeout=15.0, count=1, subject=None):
    """Waits until at least `count` messages to addr are in the Maildir and
    returns them (email.message.EmailMessage), oldest first."""
    deadline = time.time() + timeout
    found = []
    polls = 0
    while True:
        polls += 1
        found = []
        for f in glob.glob(os.path.join(MAILDIR, "new", "*")) + \
                glob.glob(os.path.join(MAILDIR, "cur", "*")):
            got = _mail(f)
            if got is None:
                continue
            mtime, to, subj, msg = got
            if addr.lower() in to and (subject is None or subject.lower() in subj):
                found.append((mtime, f, msg))
        # a first poll that parsed a crowded Maildir may end past the
        # deadline: one more, quick now, sees what came meanwhile
        if len(found) >= count or (time.time() >= deadline and polls > 1):
            break
        time.sleep(0.2)
    found.sort(key=lambda x: (x[0], x[1]))
    return [m for _, _, m in found]


def mail_text(msg):
    part = msg.get_body(preferencelist=("plain",))
    return part.get_content() if part else ""


def mail_html(msg):
    part = msg.get_body(preferencelist=("html",))
    return part.get_content() if part else ""


def links(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


def local(url):
    """The path and query of one of our own URLs. Mail links carry the
    configured base URL (nginx's port) even when the tests run behind
    Apache, so only the host is checked."""
    u = urllib.parse.urlsplit(url)
    assert u.hostname == urllib.parse.urlsplit(BASE).hostname, f"{url} is not ours"
    return (u.path or "/") + ("?" + u.query if u.query else "")


# ---- database ---------------------------------------------------------------

def sql(query, *params):
    """Runs SQL as root on the test database; returns rows as lists of str.
    Parameters are quoted here (tests only ever pass simple values)."""
    def q(v):
        if v is None:
            return "NULL"
        if isinstance(v, (int, float)):
            return str(v)
        return "'" + str(v).replace("\\", "\\\\").replace("'", "''") + "'"
    parts = query.split("?")
    assert len(parts) == len(params) + 1, "parameter count"
    text = parts[0] + "".join(q(p) + s for p, s in zip(params, parts[1:]))
    # a test's write meets the stack's own writes of the same rows (their
    # triggers move shared version rows): a deadlock or a lock wait that
    # timed out rolled it back, and it runs again, as db_tx_run does
    for attempt in range(5):
        out = subprocess.run(
            ["mariadb", "--no-defaults", "-S", SOCK, "-u", "root", "-N", "-B",
             "--default-character-set=utf8mb4", "menteo", "-e", text],
            capture_output=True, text=True)
        if out.returncode == 0:
            return [line.split("\t") for line in out.stdout.splitlines()]
        if "ERROR 1213" not in out.stderr and "ERROR 1205" not in out.stderr:
            break
        time.sleep(0.05 * (attempt + 1))
    raise AssertionError(f"sql: {out.stderr.strip()}: {text[:300]}")


def sql_value(query, *params):
    rows = sql(query, *params)
    return rows[0][0] if rows else None


def notifier(sig):
    """Pauses (SIGSTOP) or resumes (SIGCONT) the test stack's notifier,
    whose scans run every second: a test counting the server's work or
    writing thousands of rows keeps it out meanwhile."""
    try:
        with open(os.path.join(VAR, "run", "notify.pid")) as f:
            os.kill(int(f.read().strip()), sig)
    except (OSError, ValueError):
        pass


def notify_start(conf=None):
    """One pass of the notifier as built (MENTEO_BUILD), started on the
    test stack (or the stack of conf) and not waited for; its output is
    text."""
    return subprocess.Popen(
        [os.path.join(BUILD, "bin", "menteo-notify"), "--once"],
        env=dict(os.environ, MENTEO_CONF=conf or os.path.join(VAR, "menteo.conf")),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def notify_once():
    """One pass of the notifier on the test stack, which must succeed."""
    p = notify_start()
    _, err = p.communicate(timeout=60)
    check(p.returncode == 0, f"menteo-notify --once: {p.returncode} {err!r}")


class Holder:
    """A MariaDB session of its own with one statement run, uncommitted:
    a lock held where a test wants another transaction to wait. say()
    sends it more; release() rolls it all back."""

    def __init__(self, statement):
        self.p = subprocess.Popen(
            ["mariadb", "--no-defaults", "-S", SOCK, "-u", "root", "-N", "-B",
             "--unbuffered", "menteo"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.say(f"BEGIN; {statement}; SELECT 'held';")
        check(self.p.stdout.readline().strip() == "held", "lock held")

    def say(self, text):
        self.p.stdin.write(text + "\n")
        self.p.stdin.flush()

    def release(self):
        """Rolls back, once; a session that ended (an error: say() sent
        something wrong, or it was a deadlock's victim) fails the test."""
        if self.p.stdin.closed:
            return
        ended = self.p.poll() is not None
        if not ended:
            self.say("ROLLBACK; SELECT 'gone';")
        line = "" if ended else self.p.stdout.readline().strip()
        self.p.stdin.close()
        self.p.wait(timeout=10)
        check(line == "gone", f"the holding session ended early ({self.p.returncode})")


def waiting(statement):
    """Whether a prepared statement starting so (a program's) has been
    running for a second or more: waiting for a lock, in these tests."""
    return sql_value("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                     "WHERE command = 'Execute' AND time >= 1 AND info LIKE ?",
                     statement + "%") != "0"


def until(cond, seconds=30.0):
    """Whether cond() came true within the seconds, asked every 50 ms."""
    deadline = time.time() + seconds  # a loaded machine is slow to start
    while not cond() and time.time() < deadline:
        time.sleep(0.05)
    return cond()


def committed_meanwhile(statement, request, waits_on):
    """request() answered while another session's statement, written
    first, is committed only once the request waits on its row (a
    statement starting waits_on; "": any): what another click does
    between a request's look and its write."""
    holder = Holder(statement)
    def commit():
        check(until(lambda: waiting(waits_on)),
              f"the request never waited on {waits_on!r}")
        holder.say("COMMIT; SELECT 'committed';")
        return holder.p.stdout.readline().strip()
    try:
        r, done = together([request, commit])
    finally:
        holder.release()
    check(done == "committed", f"not committed: {done!r}")
    return r


def general_log(fn, marker):
    """fn()'s result and the statements every worker ran while fn() ran,
    from MariaDB's general log (which shows statements with their values
    in, or at times their placeholders): [(thread, command, statement,
    whether it is LIKE marker)]. The log is the server's, global: one
    test at a time holds it (a file lock), so that another switching it
    off cannot cut the window short."""
    import fcntl
    with open(os.path.join(VAR, "general_log.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        sql("SET GLOBAL log_output = 'TABLE'")
        sql("TRUNCATE mysql.general_log")
        sql("SET GLOBAL general_log = 1")
        try:
            out = fn()
        finally:
            sql("SET GLOBAL general_log = 0")
        rows = sql("SELECT thread_id, command_type, argument, argument LIKE ? "
                   "FROM mysql.general_log WHERE command_type IN ('Execute', "
                   "'Query') ORDER BY event_time", marker)
    return out, [(t, c, a, hit == "1") for t, c, a, hit in rows]


def statements_by_worker(fn, marker):
    """The statements each worker that ran a statement LIKE marker ran
    while fn() ran (general_log): fn()'s result and {thread: [(command,
    statement)]}."""
    out, rows = general_log(fn, marker)
    threads = {t for t, _, _, hit in rows if hit}
    return out, {t: [(c, a) for u, c, a, _ in rows if u == t] for t in threads}


def statements_of_one_request(fn, marker, times=1):
    """The statements of the one worker that ran a statement LIKE marker,
    `times` times (the page's own), for fn()'s one request (the notifier
    runs beside it). Another test file runs beside this one (tests/run.sh,
    two at a time): when one of its requests ran the marker too in the
    window, on another worker or on the same one, fn() runs again, so fn
    must give the same answer twice (a page viewed again)."""
    for _ in range(5):
        out, rows = general_log(fn, marker)
        hits = [t for t, _, _, hit in rows if hit]
        if len(hits) == times and len(set(hits)) == 1:
            break
    check(len(hits) == times and len(set(hits)) == 1,
          f"one request ran the marker {times} time(s): {len(hits)} by "
          f"{len(set(hits))} worker(s)")
    return out, [(c, a) for t, c, a, _ in rows if t == hits[0]]


# ---- people -------------------------------------------------------------------

def signup(name=None, verify=True, login=True):
    """A new account through the real forms and the real verification
    mail. Returns a signed-in Client (when login) with .email set."""
    c = Client()
    c.email = unique("p") + "@example.org"
    name = name or ("Person " + c.email[:12])
    c.get("/signup")
    r = c.post("/signup", {"email": c.email, "password": PASSWORD,
                           "display_name": name})
    assert r.status == 303, f"signup: {r!r}"
    if verify:
        msg = mails_to(c.email, subject="confirm")
        assert msg, "no verification mail"
        link = [u for u in links(mail_text(msg[-1])) if "/verify" in u][0]
        r = c.get(local(link))
        assert r.status in (200, 303), f"verify: {r!r}"
    if login:
        c.get("/login")
        r = c.post("/login", {"email": c.email, "password": PASSWORD})
        assert r.status == 303, f"login: {r!r}"
    c.user_id = int(sql_value("SELECT id FROM users WHERE email = ?", c.email))
    c.slug = sql_value("SELECT slug FROM users WHERE email = ?", c.email)
    c.get("/")
    return c


def make_mentor(capacity=3, skills="leadership, hiring", headline="Mentor on Menteo"):
    """A mentor the directory lists: confirmed, a headline, a skill."""
    c = signup()
    sql("UPDATE users SET is_mentor = 1, capacity = ?, skills = ?, headline = ? "
        "WHERE id = ?", capacity, skills, headline, c.user_id)
    return c


def unescaped(text):
    return html.unescape(text)


def check(cond, message="check failed"):
    if not cond:
        raise AssertionError(message)
