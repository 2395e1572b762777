"""The foundation through nginx: landing page, /health, security headers,
error pages, and bad input that must never hurt a worker.

Run: MENTEO_TEST_URL=http://127.0.0.1:8091 /usr/bin/python3 test_foundation.py
"""
import os
import re
import socket
import subprocess
import urllib.parse

import menteo as m

U = urllib.parse.urlsplit(m.BASE)


def raw(request: bytes):
    """Sends bytes as they are (http.client would refuse or re-encode
    some of ours) and returns (status, headers dict, body bytes)."""
    with socket.create_connection((U.hostname, U.port), timeout=30) as s:
        s.sendall(request)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers.setdefault(k.strip().lower(), v.strip())
    return status, headers, body


def dechunked(body: bytes):
    """A chunked body's bytes, and whether it ended as it should."""
    out = b""
    while True:
        size, _, rest = body.partition(b"\r\n")
        try:
            n = int(size.split(b";")[0], 16)
        except ValueError:
            return out, False
        if n == 0:
            return out, rest.startswith(b"\r\n") or rest == b""
        out, body = out + rest[:n], rest[n + 2:]


def get_raw(target: bytes, method=b"GET", body=b"", ctype=None):
    req = method + b" " + target + b" HTTP/1.1\r\nHost: " + \
        f"{U.hostname}:{U.port}".encode() + b"\r\nConnection: close\r\n"
    if body or method == b"POST":
        req += b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        req += b"Content-Type: " + (ctype or b"application/x-www-form-urlencoded") + b"\r\n"
    return raw(req + b"\r\n" + body)


def home_workers():
    """PIDs of the home program's workers (children of its supervisor),
    or None when the pid file is not readable from here."""
    try:
        with open(os.path.join(m.VAR, "run", "home.pid")) as f:
            sup = f.read().strip()
        out = subprocess.run(["pgrep", "-P", sup], capture_output=True,
                             text=True)
        pids = sorted(out.stdout.split())
        return pids or None
    except OSError:
        return None


def healthy():
    r = m.Client().get("/health")
    m.check(r.status == 200 and r.text.strip() == "ok",
            f"/health after a bad request: {r!r}")


def check_security_headers(r, what):
    def h(name):
        if isinstance(r, tuple):
            return r[1].get(name.lower())
        return r.header(name)
    csp = h("Content-Security-Policy")
    m.check(csp, f"{what}: no Content-Security-Policy")
    script = re.search(r"script-src ([^;]*)", csp) or \
        re.search(r"default-src ([^;]*)", csp)
    m.check(script and "'unsafe-inline'" not in script.group(1) and
            "'unsafe-eval'" not in script.group(1),
            f"{what}: scripts not locked down: {csp}")
    m.check("frame-ancestors 'none'" in csp, f"{what}: frame-ancestors: {csp}")
    m.check((h("X-Content-Type-Options") or "").lower() == "nosniff",
            f"{what}: nosniff missing")
    m.check(h("Referrer-Policy"), f"{what}: Referrer-Policy missing")


@m.test
def test_landing_page():
    r = m.Client().get("/")
    m.check(r.status == 200, f"/: {r!r}")
    m.check("text/html" in (r.header("Content-Type") or ""), "content type")
    m.check('href="/signup"' in r.text, "no sign-up link")
    m.check('href="/login"' in r.text, "no sign-in link")
    m.check("<h1" in r.text and "</html>" in r.text, "not a whole page")
    m.check(re.search(r'name="csrf"|menteo_pre', r.text + str(r.headers)),
            "no CSRF token issued to a visitor")


@m.test
def test_head_landing_page():
    r = m.Client().request("HEAD", "/")
    m.check(r.status == 200 and r.body == b"", f"HEAD /: {r!r}")


@m.test
def test_health():
    r = m.Client().get("/health")
    m.check(r.status == 200, f"/health: {r!r}")
    m.check(r.text.strip() == "ok", f"/health body: {r.text!r}")


@m.test
def test_security_headers_everywhere():
    c = m.Client()
    for method, path in [("GET", "/"), ("GET", "/health"),
                         ("GET", "/no-such-page"), ("DELETE", "/"),
                         ("GET", "/?q=%ZZ"), ("POST", "/health"),
                         ("GET", "/login"), ("GET", "/people")]:
        r = c.request(method, path)
        check_security_headers(r, f"{method} {path} ({r.status})")
    check_security_headers(get_raw(b"/", b"POST", b"x=1"), "POST / no csrf")


@m.test
def test_favicon_ico_is_the_svg_said_as_svg():
    """Found by an admin's walk: nginx sent the SVG as image/x-icon (by the
    name asked for) and Apache with mod_proxy_fcgi answered 404."""
    r = m.Client().get("/favicon.ico")
    m.check(r.status == 200 and r.header("Content-Type") == "image/svg+xml"
            and r.text.lstrip().startswith("<svg"), f"{r.status} {r.headers!r}")


@m.test
def test_unknown_path_is_404_page():
    for path in ["/no-such-page", "/health/x", "/a/b/c?d=e"]:
        r = m.Client().get(path)
        m.check(r.status == 404, f"{path}: {r!r}")
        m.check('class="error-page"' in r.text and "404" in r.text,
                f"{path}: not the error template: {r.text[:200]!r}")
        m.check("</html>" in r.text, f"{path}: not in the layout")


@m.test
def test_wrong_method_is_405():
    c = m.Client()
    for method, path in [("DELETE", "/"), ("PUT", "/"), ("PATCH", "/health"),
                         ("DELETE", "/health")]:
        r = c.request(method, path)
        m.check(r.status == 405, f"{method} {path}: {r!r}")
        m.check(r.header("Allow"), f"{method} {path}: no Allow header")
    # a POST to a page without a POST route: 405, not a CSRF 403
    for path in ["/", "/health"]:
        r = c.post(path, {"x": "1"}, csrf=False)
        m.check(r.status == 405, f"POST {path} without csrf: {r!r}")
        r = c.post(path, {"x": "1"})
        m.check(r.status == 405, f"POST {path} with csrf: {r!r}")
    healthy()


@m.test
def test_post_without_csrf_is_403():
    # /login has a POST route (auth program)
    c = m.Client()
    c.get("/login")
    r = c.post("/login", {"email": "a@example.org", "password": "x" * 12},
               csrf=False)
    m.check(r.status == 403, f"POST /login without csrf: {r!r}")
    m.check('class="error-page"' in r.text, "403 not from the template")
    r = c.request("POST", "/login", body=[("email", "a@example.org"),
                                          ("csrf", "0" * 32)])
    m.check(r.status == 403, f"POST /login with a forged csrf: {r!r}")
    healthy()


@m.test
def test_body_over_cap_is_413():
    before = home_workers()
    body = b"x=" + b"a" * (1024 * 1024)
    status, headers, text = get_raw(b"/", b"POST", body)
    m.check(status == 413, f"1 MiB + 2 bytes: {status}")
    m.check(b"a form takes at most 1 MB" in text, "says what a form takes")
    # signed in, the page says so: it read as signed out (found walking)
    c = m.signup()
    r = c.post("/settings", {"display_name": "a" * (1024 * 1024)})
    m.check(r.status == 413 and 'class="account-menu"' in r.text and
            'href="/login"' not in r.text, f"signed in, it says so: {r!r}")
    healthy()
    m.check(home_workers() == before, "a home worker was replaced")


@m.test
def test_a_program_that_does_not_answer_gets_the_products_page():
    """Found by an admin's walk: a program stopped, nginx answered its own
    "502 Bad Gateway" page with its version. A location whose program is
    not there stands for it (the stack's nginx, whichever server the
    tests talk to), and a program's own 503 still passes as it is."""
    import time
    import urllib.request
    conf = os.path.join(m.VAR, "nginx", "nginx.conf")
    with open(conf) as f:
        port = re.search(r"listen 127\.0\.0\.1:(\d+);", f.read()).group(1)
    extra = os.path.join(m.VAR, "nginx", "extra-test-dead.conf")
    with open(extra, "w") as f:
        f.write("location = /test-dead-program { include /etc/nginx/fastcgi_params; "
                "fastcgi_pass unix:%s; }\n" % os.path.join(m.VAR, "run", "none.sock"))
    pid = int(open(os.path.join(m.VAR, "run", "nginx.pid")).read())
    try:
        os.kill(pid, 1)
        deadline, status, text = time.time() + 10, 0, ""
        while time.time() < deadline and status != 502:
            time.sleep(0.2)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/test-dead-program")
            except urllib.error.HTTPError as e:
                status, text = e.code, e.read().decode()
        m.check(status == 502, f"a program not there: {status}")
        m.check("Menteo is unavailable for a moment" in text and "Bad Gateway" not in text
                and "/static/menteo.css" in text, f"the product's page: {text[:300]!r}")
    finally:
        os.unlink(extra)
        os.kill(pid, 1)


@m.test
def test_body_over_the_servers_limit_gets_the_products_413():
    """Over 2 MB the web server answers before any program, and it gave
    its own plain page ("413 Request Entity Too Large" from nginx): the
    person learnt nothing of what to do. Behind nginx and Apache alike
    it is the product's page, in its look, saying what to do. (nginx
    answers on the length it is told, Apache once it reads the body: the
    whole body goes, and a server that stops reading it is not a failure.)"""
    n = 3 * 1024 * 1024
    with socket.create_connection((U.hostname, U.port), timeout=30) as s:
        s.sendall(b"POST /login HTTP/1.1\r\nHost: " + f"{U.hostname}:{U.port}".encode() +
                  b"\r\nConnection: close\r\nContent-Type: application/"
                  b"x-www-form-urlencoded\r\nContent-Length: " + str(n).encode() +
                  b"\r\n\r\n")
        try:
            s.sendall(b"x=" + b"a" * (n - 2))
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass    # it answered before reading everything
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    if re.search(rb"(?im)^transfer-encoding: *chunked", head):
        body, whole = dechunked(body)
    else:
        length = re.search(rb"(?im)^content-length: *(\d+)", head)
        whole = length is not None and int(length.group(1)) == len(body)
    text = body.decode("utf-8", "replace")
    m.check(status == 413, f"3 MB: {status}")
    m.check("What you sent is too large" in text and "Nothing was saved" in text
            and "/static/menteo.css" in text, f"the product's own page: {text[:300]!r}")
    m.check(whole and text.rstrip().endswith("</html>"),
            f"one page, nothing after it: {text[-200:]!r}")
    healthy()


BAD = [
    # (what, target, body) -> 400
    ("bad escape in query", b"/?q=%ZZ", None),
    ("truncated escape in query", b"/?q=abc%4", None),
    ("lone % in query", b"/?q=%", None),
    ("NUL in query", b"/?q=a%00b", None),
    ("NUL in query name", b"/?a%00=1", None),
    ("overlong in query", b"/?q=%C0%AF", None),
    ("surrogate in query", b"/?q=%ED%A0%80", None),
    ("above U+10FFFF in query", b"/?q=%F4%90%80%80", None),
    ("lone continuation in query", b"/?q=%80", None),
    ("raw invalid byte in query", b"/?q=\xff", None),
    ("bad query on 404 path", b"/nowhere?q=%ZZ", None),
    ("bad query on /health", b"/health?x=%00", None),
    ("NUL in form field", b"/", b"name=a%00b"),
    ("bad escape in form", b"/", b"name=%G1"),
    ("invalid UTF-8 in form", b"/", b"name=%C3%28"),
    ("overlong NUL in form", b"/", b"name=%C0%80"),
    ("invalid UTF-8 in form name", b"/", b"%FF=1"),
    ("raw invalid byte in form", b"/", b"name=\xfe\xff"),
]


@m.test
def test_bad_input_is_400_and_worker_survives():
    before = home_workers()
    for what, target, body in BAD:
        if body is None:
            status, headers, text = get_raw(target)
        else:
            status, headers, text = get_raw(target, b"POST", body)
        m.check(status == 400, f"{what}: {status} {text[:200]!r}")
        m.check(b'class="error-page"' in text, f"{what}: not the error page")
        check_security_headers((status, headers, text), what)
        healthy()
    after = home_workers()
    m.check(after == before, f"home workers changed: {before} -> {after}")


@m.test
def test_bad_path_encoding():
    # nginx decodes the path; what reaches the program must be refused
    # (by nginx or by us) and never served as a page or crash a worker
    for target in [b"/%C0%AF", b"/%ED%A0%80", b"/%FF", b"/a%00b"]:
        status, _, body = get_raw(target)
        # Apache refuses an encoded NUL in the path itself, with a 404 of
        # its own, before any program sees it: refused all the same
        apache_nul = target == b"/a%00b" and status == 404 and b"Menteo" not in body
        m.check(status == 400 or apache_nul, f"{target!r}: {status}")
        healthy()


@m.test
def test_burst_of_bad_requests_then_good_ones():
    before = home_workers()
    for _ in range(4):
        for what, target, body in BAD:
            if body is None:
                get_raw(target)
            else:
                get_raw(target, b"POST", body)
        get_raw(b"/", b"POST", b"x=" + b"a" * (1024 * 1024 + 10))
        get_raw(b"/", b"DELETE")
    c = m.Client()
    bad = []
    for i in range(50):
        r = c.get("/health" if i % 2 else "/")
        if r.status != 200:
            bad.append((i, r.status))
    m.check(not bad, f"good requests failed after the burst: {bad}")
    m.check(home_workers() == before, "a home worker was replaced")


@m.test
def test_good_input_with_utf8_is_fine():
    r = m.Client().get("/?q=%C3%A9t%C3%A9+%F0%9F%98%80&x=a%2Bb")
    m.check(r.status == 200, f"valid UTF-8 query: {r!r}")


m.main()
