"""Issue 19: the attacks an outsider performed against the running
product, each performed again here through HTTP against the real stack,
reading the real mails. Every test passes only when the attack fails."""
import hashlib
import os
import random
import re
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(__file__))
import menteo as m  # noqa: E402

PW = m.PASSWORD
NEWPW = "a brand new passphrase 77"


def fresh_email(prefix="sec"):
    return m.unique(prefix) + "@example.org"


def signup_form(c, email, name="Security Tester", password=PW):
    c.get("/signup")
    return c.post("/signup", {"email": email, "password": password,
                              "display_name": name})


def login(c, email, password=PW):
    c.get("/login")
    return c.post("/login", {"email": email, "password": password})


def signed_in(c):
    return 'action="/logout"' in c.get("/").text


def link_in(msg, part):
    found = [u for u in m.links(m.mail_text(msg)) if part in u]
    assert found, f"no link with {part} in {m.mail_text(msg)!r}"
    return m.local(found[0])


def reset_password(email, password=NEWPW):
    """The owner of `email` resets the password through the real mail."""
    c = m.Client()
    before = len(m.mails_to(email, subject="reset", timeout=0.5))
    c.get("/reset")
    assert c.post("/reset", {"email": email}).status == 303
    msgs = m.mails_to(email, subject="reset", count=before + 1)
    assert len(msgs) > before, "no reset mail"
    t = link_in(msgs[-1], "/reset/confirm?t=").split("t=", 1)[1]
    c.get("/reset/confirm?t=" + t)
    r = c.post("/reset/confirm", {"t": t, "password": password,
                                  "password2": password})
    assert r.status == 303, r
    return c


def email_of(uid):
    return m.sql_value("SELECT email FROM users WHERE id = ?", uid)


# ---- 1. pre-registration account takeover ----------------------------------

@m.test
def test_pre_registration_takeover_fails():
    victim = fresh_email("victim")
    mine = fresh_email("attacker")
    att = m.Client()
    assert signup_form(att, victim, name="Not The Owner").status == 303
    assert login(att, victim).status == 303
    uid = int(m.sql_value("SELECT id FROM users WHERE email = ?", victim))
    att.get("/settings/email")
    asked = att.post("/settings/email", {"email": mine, "password": PW})
    # the owner finds the address taken and resets the password
    reset_password(victim)
    # the attacker now opens his address-change link, if he got one
    for msg in m.mails_to(mine, timeout=3):
        r = att.get(link_in(msg, "/verify?t="))
        assert r.status == 400, r
    assert email_of(uid) == victim, "the account moved to the attacker"
    assert login(m.Client(), victim, NEWPW).status == 303
    # and he was never allowed to ask while the address was unconfirmed
    assert asked.status == 422, asked
    assert "Confirm your current address first" in asked.text
    assert f'value="{mine}"' in asked.text, "typed address not kept"


@m.test
def test_confirming_the_address_signs_out_whoever_made_the_account():
    """Someone signs up with another's address and signs in (an
    unconfirmed account may); the owner opens the mail's link. Their
    session went on, on a confirmed account in the owner's name. Now
    confirming ends every session made elsewhere, the owner is told how
    to take the account, and a new password locks the other out."""
    victim = fresh_email("victim")
    att = m.Client()
    assert signup_form(att, victim, name="Not The Owner").status == 303
    assert login(att, victim).status == 303 and signed_in(att)
    owner = m.Client()
    msg = m.mails_to(victim, subject="confirm")[-1]
    r = owner.get(link_in(msg, "/verify?t="))
    # to sign in, the confirmed address filled in
    assert r.status == 303 and urllib.parse.unquote(r.location) == "/login?email=" + victim, \
        r.location
    told = m.unescaped(owner.get("/login").text)
    assert "signed out" in told and "choose your own password" in told, told[:2000]
    assert not signed_in(att), "the session made before confirming went on"
    reset_password(victim)
    assert login(m.Client(), victim).status != 303, "the old password still signs in"
    # the owner's own browser, signed in when it confirms, stays so
    own = m.Client()
    mine = fresh_email("own")
    assert signup_form(own, mine).status == 303
    assert login(own, mine).status == 303
    r = own.get(link_in(m.mails_to(mine, subject="confirm")[-1], "/verify?t="))
    assert r.status == 303 and r.location == "/", r
    assert signed_in(own)


@m.test
def test_verifying_the_address_drops_a_pending_move():
    """A move asked before this release (or by any path that bypassed the
    refusal) dies when the owner proves the original address."""
    c = m.Client()
    email = fresh_email()
    assert signup_form(c, email).status == 303
    uid = int(m.sql_value("SELECT id FROM users WHERE email = ?", email))
    tok = os.urandom(32).hex()
    m.sql("INSERT INTO email_tokens (token_hash, purpose, user_id, target, "
          "expires_at) VALUES (?, 'email', ?, ?, UTC_TIMESTAMP() + INTERVAL 1 DAY)",
          hashlib.blake2b(tok.encode(), digest_size=32).hexdigest(), uid,
          fresh_email("elsewhere"))
    msg = m.mails_to(email, subject="confirm")[-1]
    assert m.Client().get(link_in(msg, "/verify?t=")).status == 303
    r = m.Client().get("/verify?t=" + tok)
    assert r.status == 400, r
    assert email_of(uid) == email


# ---- 1 and 2. a password change ends every mailed token ----------------------

def pending_tokens(c):
    """An address change, a reset link and a mailed sign-in link, all
    outstanding for c: their paths."""
    new = fresh_email("moved")
    c.get("/settings/email")
    assert c.post("/settings/email", {"email": new, "password": PW}).status == 303
    move = link_in(m.mails_to(new, subject="confirm")[-1], "/verify?t=")
    before = len(m.mails_to(c.email, subject="reset", timeout=0.5))
    x = m.Client()
    x.get("/reset")
    assert x.post("/reset", {"email": c.email}).status == 303
    reset = link_in(m.mails_to(c.email, subject="reset", count=before + 1)[-1],
                    "/reset/confirm?t=")
    mentee = m.signup()
    mentee.get(f"/mentorships/new?mentor={c.slug}")
    r = mentee.post("/mentorships/new", {"mentor": c.slug, "focus": "Hiring well",
                                         "message": "Could you help me hire?"})
    assert r.status == 303, r
    mail = [x for x in m.mails_to(c.email, timeout=15, count=3)
            if "/link?t=" in m.mail_text(x)]
    assert mail, "no mail with a sign-in link"
    return new, move, reset, link_in(mail[-1], "/link?t=")


def assert_all_dead(c, new, move, reset, link):
    r = m.Client().get(move)
    assert r.status == 400, ("address change", r)
    assert email_of(c.user_id) == c.email
    assert m.sql_value("SELECT COUNT(*) FROM users WHERE email = ?", new) == "0"
    r = m.Client().get(reset)
    assert r.status == 400, ("reset", r)
    v = m.Client()
    r = v.get(link)
    assert r.status == 303 and r.location.startswith("/login"), ("sign-in link", r)
    assert not signed_in(v)


@m.test
def test_password_change_ends_every_mailed_token():
    c = m.make_mentor()
    sent = pending_tokens(c)
    c.get("/settings/password")
    assert "e-mailed" in c.get("/settings/password").text, "the page does not say so"
    r = c.post("/settings/password", {"current": PW, "password": NEWPW,
                                      "password2": NEWPW})
    assert r.status == 303, r
    assert_all_dead(c, *sent)


@m.test
def test_password_reset_ends_every_mailed_token():
    c = m.make_mentor()
    new, move, reset, link = pending_tokens(c)
    reset_password(c.email)
    assert_all_dead(c, new, move, reset, link)


@m.test
def test_address_change_ends_every_mailed_token():
    c = m.make_mentor()
    new, move, reset, link = pending_tokens(c)
    r = c.get(move)
    assert r.status == 303, r
    assert email_of(c.user_id) == new
    assert m.Client().get(reset).status == 400, "a reset link to the old address"
    v = m.Client()
    assert v.get(link).location.startswith("/login") and not signed_in(v)


# ---- 3. guessing cannot lock the owner out --------------------------------

def other_address():
    """A client address of its own (the loopback net is all this machine):
    the throttle table outlives a run, so each run takes fresh ones."""
    return "127.%d.%d.%d" % (random.randint(1, 254), random.randint(0, 255),
                             random.randint(1, 254))


@m.test
def test_guessing_cannot_lock_the_owner_out():
    owner = m.signup()          # signed in once: this browser is known
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", owner.user_id)
    device = {k: v for k, v in owner.cookies.items() if k.endswith("menteo_device")}
    guesser = other_address()
    att = m.Client(source=guesser)
    for i in range(5):
        assert login(att, owner.email, "wrong guess %d" % i).status == 422
    r = login(att, owner.email, "wrong guess 6")
    assert r.status == 429 and int(r.header("Retry-After")) > 0, r
    # the guessing address stays throttled, even with the right password
    r = login(att, owner.email)
    assert r.status == 429 and r.header("Retry-After"), r
    # the owner, in a new browser at another address, signs in
    assert login(m.Client(source=other_address()), owner.email).status == 303
    # and from the guesser's own address (one office, one NAT) in the
    # browser that signed in before
    assert device, "no device cookie after signing in"
    same = m.Client(source=guesser)
    same.cookies.update(device)
    assert login(same, owner.email).status == 303, "the known browser was locked out"
    # the settings forms that ask for the password are not blocked either
    owner.get("/settings/email")
    r = owner.post("/settings/email", {"email": fresh_email("next"), "password": PW})
    assert r.status == 303, r


def feed_of(c):
    """The calendar feed's address the settings show c."""
    found = re.search(r"/calendar/([0-9a-f]{64})\.ics", c.get("/settings").text)
    assert found, "no feed address in the settings"
    return f"/calendar/{found.group(1)}.ics"


@m.test
def test_what_a_former_holder_kept_stops_working():
    """Found attacking: someone who had held an account (made it in the
    owner's name, knew an old password) kept after the owner took it
    back with a new password: the calendar feed's address, which served
    the meetings' agendas, and device cookies, each with its own 5
    guesses an hour for a year. The account's deletion asked for the
    password without counting wrong ones."""
    holder = m.signup()
    device = {k: v for k, v in holder.cookies.items() if k.endswith("menteo_device")}
    assert device, "no device cookie after signing in"
    feed = feed_of(holder)
    assert m.Client().get(feed).status == 200
    owner = reset_password(holder.email)
    assert m.Client().get(feed).status == 404, "the old feed still serves"
    new = feed_of(owner)
    assert new != feed and m.Client().get(new).status == 200
    # the old password's device cookie counts with any other browser now
    where = other_address()
    for i in range(5):
        assert login(m.Client(source=where), holder.email, "guess %d" % i).status == 422
    c = m.Client(source=where)
    c.cookies.update(device)
    r = login(c, holder.email, "guess 6")
    assert r.status == 429, f"the old device cookie guesses on: {r.status}"
    # the address is blocked for a browser unknown to the account ...
    assert login(m.Client(source=where), holder.email, NEWPW).status == 429
    # ... but not for the one that chose the new password: it was given
    # a device cookie of the new password (the old one died with it)
    mine = {k: v for k, v in owner.cookies.items() if k.endswith("menteo_device")}
    assert mine and mine != device, "no device cookie for the new password"
    c = m.Client(source=where)
    c.cookies.update(mine)
    assert login(c, holder.email, NEWPW).status == 303, "the owner's browser is locked out"
    # sign out everywhere, and a new password: the feed renewed, said so
    r = owner.post("/settings/sessions", {})
    assert r.status == 303 and "new address" in m.unescaped(owner.follow(r).text)
    assert m.Client().get(new).status == 404, "the feed outlived 'sign out everywhere'"
    # with no feed shown since, there is none to renew, and none is said
    r = owner.post("/settings/sessions", {})
    assert "new address" not in m.unescaped(owner.follow(r).text), "a feed that was not"
    feed = feed_of(owner)
    owner.get("/settings/password")
    r = owner.post("/settings/password", {"current": NEWPW, "password": PW, "password2": PW})
    assert r.status == 303, r
    assert "new address" in m.unescaped(owner.follow(r).text), "the flash does not say it"
    assert m.Client().get(feed).status == 404, "the feed outlived a new password"
    # the deletion's password is counted like the other settings' forms
    owner.get("/settings/delete")
    for i in range(5):
        r = owner.post("/settings/delete", {"password": "not it %d" % i})
        assert r.status == 422, (i, r)
    r = owner.post("/settings/delete", {"password": PW})
    assert r.status == 429 and int(r.header("Retry-After")) > 0, r
    assert m.sql_value("SELECT password_hash <> '!' FROM users WHERE id = ?",
                       holder.user_id) == "1", "deleted while blocked"


@m.test
def test_one_address_guessing_many_accounts_is_slowed():
    guesser = other_address()
    att = m.Client(source=guesser)
    for i in range(100):
        r = login(att, fresh_email("nobody"), "wrong guess")
        assert r.status == 422, (i, r)
    r = login(att, fresh_email("nobody"), "wrong guess")
    assert r.status == 429 and r.header("Retry-After"), r
    # a person with an account and a known browser there still signs in
    owner = m.signup()
    same = m.Client(source=guesser)
    same.cookies.update({k: v for k, v in owner.cookies.items()
                         if k.endswith("menteo_device")})
    assert login(same, owner.email).status == 303
    # a forged device cookie counts for nothing
    forged = m.Client(source=guesser)
    forged.cookies["menteo_device"] = "0" * 32 + ".%d." % owner.user_id + "0" * 32
    assert login(forged, owner.email).status == 429


# ---- 4. no spam relay ----------------------------------------------------

SPAM = "Cheap pills at pills.example, click now"


@m.test
def test_address_change_is_not_a_spam_relay():
    c = m.signup(name=SPAM)
    targets = [fresh_email("stranger") for _ in range(7)]
    answers = []
    for to in targets:
        c.get("/settings/email")
        answers.append(c.post("/settings/email", {"email": to, "password": PW}))
    assert [r.status for r in answers[:5]] == [303] * 5, answers
    assert answers[5].status == 429 and int(answers[5].header("Retry-After")) > 0
    assert answers[6].status == 429
    for to in targets[:5]:
        msg = m.mails_to(to, subject="confirm")
        assert msg, f"no mail to {to}"
        text = m.mail_text(msg[-1])
        assert text.startswith("Hello,"), text[:80]
        assert SPAM not in text and SPAM not in m.mail_html(msg[-1])
    assert not m.mails_to(targets[5], timeout=2) and not m.mails_to(targets[6], timeout=0.5)


@m.test
def test_signup_mail_carries_no_chosen_name():
    c = m.Client()
    email = fresh_email()
    assert signup_form(c, email, name=SPAM).status == 303
    msg = m.mails_to(email, subject="confirm")[-1]
    assert m.mail_text(msg).startswith("Hello,") and SPAM not in m.mail_text(msg)
    assert SPAM not in m.mail_html(msg)
    # once the address is confirmed, mail greets its owner by name
    assert m.Client().get(link_in(msg, "/verify?t=")).status == 303
    x = m.Client()
    x.get("/reset")
    assert x.post("/reset", {"email": email}).status == 303
    msg = m.mails_to(email, subject="reset")[-1]
    assert m.mail_text(msg).startswith("Hello " + SPAM + ","), m.mail_text(msg)[:80]


# ---- 5. sign-up does not tell whether an address is registered -----------

@m.test
def test_signup_answers_alike_for_a_taken_address():
    email = fresh_email()
    first, second = m.Client(), m.Client()
    r1 = signup_form(first, email, name="First Owner")
    r2 = signup_form(second, email, name="Someone Else")
    assert r1.status == r2.status == 303 and r1.location == r2.location
    names = [sorted(v.split("=", 1)[0] for v in r.headers_all("Set-Cookie"))
             for r in (r1, r2)]
    assert names[0] == names[1], names
    p1, p2 = first.get(r1.location), second.get(r2.location)
    assert p1.status == p2.status == 200
    assert "Check your inbox" in p1.text and "Check your inbox" in p2.text
    assert not signed_in(first) and not signed_in(second)
    assert m.mails_to(email, subject="tried to sign up", timeout=60), "the owner was not told"
    # the new account's owner signs in after confirming the address
    msg = m.mails_to(email, subject="confirm", timeout=60)[-1]
    v = m.Client()
    r = v.get(link_in(msg, "/verify?t="))
    assert r.status == 303 and urllib.parse.unquote(r.location) == "/login?email=" + email, \
        r.location
    assert "confirmed" in v.get("/login").text
    assert login(v, email).status == 303 and signed_in(v)


# ---- 6. a link of another account does not switch silently ----------------

def link_token(uid, target):
    """A sign-in link as mail_link makes one (the tests of mailed links in
    test_auth.py do the same)."""
    tok = os.urandom(32).hex()
    m.sql("INSERT INTO email_tokens (token_hash, purpose, user_id, target, "
          "expires_at) VALUES (?, 'link', ?, ?, UTC_TIMESTAMP() + INTERVAL 1 DAY)",
          hashlib.blake2b(tok.encode(), digest_size=32).hexdigest(), uid, target)
    return tok


@m.test
def test_someone_elses_link_asks_before_switching():
    me = m.signup()
    other = m.signup(login=False)
    tok = link_token(other.user_id, "/settings/sessions")
    r = me.get("/link?t=" + tok)
    assert r.status == 200 and "another account" in r.text, r
    assert me.email in r.text
    assert me.email in me.get("/settings/email").text, "switched without asking"
    assert m.sql_value("SELECT COUNT(*) FROM email_tokens WHERE user_id = ? AND "
                       "used_at IS NULL AND purpose = 'link'", other.user_id) == "1"
    # a page elsewhere cannot post the answer for me
    r = me.post("/link", {"t": tok}, csrf=False)
    assert r.status == 403 and me.email in me.get("/settings/email").text
    me.get("/link?t=" + tok)
    r = me.post("/link", {"t": tok})
    assert r.status == 303 and r.location == "/settings/sessions", r
    assert other.email in me.get("/settings/email").text
    # my own link, while I am signed in, just opens its page
    mine = link_token(other.user_id, "/settings/password")
    r = me.get("/link?t=" + mine)
    assert r.status == 303 and r.location == "/settings/password", r


# ---- 12. another application's bad cookie signs nobody out ---------------

@m.test
def test_a_bad_cookie_of_another_app_keeps_the_session():
    c = m.signup()
    ours = "; ".join(f"{k}={v}" for k, v in c.cookies.items())
    r = c.request("GET", "/", headers={"Cookie": ours.encode() + b"; other=\xff\xfe"})
    assert r.status == 200 and 'action="/logout"' in r.text, "signed out by a bad pair"
    many = "; ".join(f"other{i}=v{i}" for i in range(300)) + "; " + ours
    r = c.request("GET", "/", headers={"Cookie": many})
    assert r.status == 200 and 'action="/logout"' in r.text, "signed out by 300 pairs"


# ---- 16. an over-long search says what is wrong --------------------------

@m.test
def test_long_search_says_what_is_wrong():
    r = m.Client().get("/people?q=" + "a" * 201)
    assert r.status == 400, r
    assert "The search words: This is too long: 200 characters at most, and it has 201." \
        in r.text, r.text[:3000]
    assert m.Client().get("/people?q=" + "a" * 200).status == 200


# ---- 15. the example's secret is refused ---------------------------------

ROOT = os.path.join(os.path.dirname(__file__), "../..")


def conf_with_secret(name, secret):
    """The test stack's configuration with another secret, in a file."""
    path = os.path.join(m.VAR, "sec-secret-%s-%d.conf" % (name, os.getpid()))
    with open(os.path.join(m.VAR, "menteo.conf")) as f:
        lines = [line for line in f if not line.startswith("secret")]
    with open(path, "w") as f:
        f.writelines(lines + ["secret = %s\n" % secret])
    return path


@m.test
def test_a_wrong_password_is_logged_for_fail2ban():
    """Found by an admin's walk: a failed sign-in left no line for a tool
    like fail2ban to read. It names the account by its number, never by
    the address typed, and the client's address."""
    import time
    c = m.signup(login=False)
    before = len(log_text("auth.log"))
    x = m.Client()
    for email in (c.email, "nobody-" + m.unique("x") + "@example.org"):
        x.get("/login")
        r = x.post("/login", {"email": email, "password": "not the password 123"})
        m.check(r.status == 422, f"a wrong password: {r!r}")
    deadline = time.time() + 5
    while time.time() < deadline:
        new = log_text("auth.log")[before:]
        if "unknown address" in new:
            break
        time.sleep(0.2)
    m.check(re.search(r"auth: sign-in failed for user %d from \S+\n" % c.user_id, new),
            f"the account's failure: {new[-400:]!r}")
    m.check("auth: sign-in failed for an unknown address from " in new, "an unknown address")
    m.check(c.email not in new and "nobody-" not in new, "an address in the log")


@m.test
def test_check_says_what_would_break_the_pages():
    """Found by an admin's walk: `menteo-admin check` passed with a wrong
    template_dir (every page then answered 500) and said only "does not
    answer" of a database that refused the password."""
    conf = conf_with_secret("tpl", os.urandom(24).hex())
    try:
        with open(conf, "a") as f:
            f.write("template_dir = /nonexistent/templates\ndb_password = wrong-%s\n"
                    % os.getpid())
        env = dict(os.environ, MENTEO_CONF=conf)
        for k in ("MENTEO_TEMPLATE_DIR", "MENTEO_DB_PASSWORD"):
            env.pop(k, None)
        out = subprocess.run([os.path.join(ROOT, "bin/menteo-admin"), "check"],
                             env=env, capture_output=True, text=True, timeout=60)
        said = out.stdout + out.stderr
        assert out.returncode == 1, out
        assert "no layout.tpl in template_dir (/nonexistent/templates)" in said, said
        assert "database: does not answer: ERROR 1045" in said, said
    finally:
        os.unlink(conf)


@m.test
def test_the_example_secret_is_refused():
    with open(os.path.join(ROOT, "conf/menteo.conf.example")) as f:
        shipped = re.search(r"^secret = (.+)$", f.read(), re.M).group(1)
    bad = conf_with_secret("bad", shipped)
    good = conf_with_secret("good", os.urandom(24).hex())
    try:
        env = dict(os.environ, MENTEO_CONF=bad)
        out = subprocess.run([os.path.join(ROOT, "bin/menteo-admin"), "check"],
                             env=env, capture_output=True, text=True, timeout=60)
        assert out.returncode != 0 and "placeholder" in out.stdout + out.stderr, out
        prog = os.path.join(m.BUILD, "cgi-bin/auth")
        out = subprocess.run([prog], env=env, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=30)
        assert out.returncode != 0 and "placeholder" in out.stderr, out
        env["MENTEO_CONF"] = good
        out = subprocess.run([os.path.join(ROOT, "bin/menteo-admin"), "check"],
                             env=env, capture_output=True, text=True, timeout=60)
        assert "placeholder" not in out.stdout + out.stderr, out
        assert "secret is set" in out.stdout, out
    finally:
        os.unlink(bad)
        os.unlink(good)


# ---- 13. secrets stay out of the logs -------------------------------------

def log_text(name):
    try:
        with open(os.path.join(m.VAR, "log", name), errors="replace") as f:
            return f.read()
    except OSError:
        return ""


@m.test
def test_secrets_stay_out_of_the_logs():
    c = m.signup()
    tok = os.urandom(32).hex()
    secret = os.urandom(32).hex()
    m.sql("UPDATE users SET calendar_secret = ? WHERE id = ?", secret, c.user_id)
    assert m.Client().get("/link?t=" + tok).status == 303
    m.Client().get("/reset/confirm?t=" + tok)
    m.Client().get("/link/unsubscribe?u=1&k=all&s=" + tok)
    assert m.Client().get(f"/calendar/{secret}.ics").status == 200
    # an invitation's token makes an account for its address: in the
    # link, later in a query, and encoded in a sign-in's next
    inv = [os.urandom(32).hex() for _ in range(5)]
    m.Client().get(f"/programmes/nowhere/join?invite={inv[0]}")
    m.Client().get(f"/programmes/nowhere/decline?role=mentee&invite={inv[1]}")
    m.Client().get(f"/login?email=a%40b.example&next=/programmes/nowhere/join%3Finvite%3D{inv[2]}")
    m.Client().get("/login", headers={"Referer": f"{m.BASE}/programmes/x/join?invite={inv[3]}"})
    # both of a confirmation link's secrets (one masking pass left t= in clear)
    tok2 = os.urandom(32).hex()
    m.Client().get(f"/verify?t={tok2}&next=%2Fprogrammes%2Fnowhere%2Fjoin%3Finvite%3D{inv[4]}")
    stranger = fresh_email("stranger")
    x = m.Client()
    x.get("/reset")
    assert x.post("/reset", {"email": stranger}).status == 303
    assert m.mails_to(stranger), "no mail to the stranger"
    # nginx writes its log every second; Apache at once
    log = ""
    for _ in range(30):
        log = log_text("menteo-access.log" if m.BASE != m.SITE else "nginx-access.log")
        if "/calendar/[secret]" in log and log.count("[secret]") >= 10:
            break
        time.sleep(0.5)
    assert "/calendar/[secret]" in log, "the calendar request is not in the log"
    assert tok not in log and secret not in log, "a secret in the access log"
    assert not [t for t in inv + [tok2] if t in log], "an invitation's token in the access log"
    notify = log_text("notify.log")
    assert "sent to" in notify
    assert stranger not in notify and c.email not in notify, "addresses in the notifier's log"


if __name__ == "__main__":
    m.main()
