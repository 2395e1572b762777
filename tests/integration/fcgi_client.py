"""A tiny FastCGI client (responder role) for talking to one program
directly on its unix socket, without a web server in between.

    from fcgi_client import request
    status, headers, body = request("/path/prog.sock", "GET", "/health")

As a script, it sends a mixed load of requests and prints a summary:
    fcgi_client.py SOCKET PROGRAM COUNT
"""
import re
import socket
import struct
import sys

BEGIN, ABORT, END, PARAMS, STDIN, STDOUT, STDERR = 1, 2, 3, 4, 5, 6, 7
RESPONDER = 1


def _record(rtype, content=b"", rid=1):
    pad = (8 - len(content) % 8) % 8
    return struct.pack(">BBHHBx", 1, rtype, rid, len(content), pad) + \
        content + b"\0" * pad


def _length(n):
    return bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)


def _params(env):
    out = b""
    for k, v in env.items():
        k = k.encode() if isinstance(k, str) else k
        v = v.encode() if isinstance(v, str) else v
        out += _length(len(k)) + _length(len(v)) + k + v
    return out


def _recv_exact(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            raise ConnectionError("FastCGI connection closed mid-record")
        data += chunk
    return data


def request(sock_path, method, path, query="", body=b"", cookie="",
            ctype="application/x-www-form-urlencoded", content_length=None,
            timeout=120):
    """One request; returns (status, headers as a list, body bytes)."""
    if isinstance(query, str):
        query = query.encode()
    env = {
        "GATEWAY_INTERFACE": "CGI/1.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8091",
        "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": path,
        "DOCUMENT_URI": path,
        "REQUEST_URI": path + ("?" + query.decode("latin-1") if query else ""),
        "QUERY_STRING": query,
        "HTTP_USER_AGENT": "fcgi_client",
        "HTTP_HOST": "127.0.0.1:8091",
    }
    if cookie:
        env["HTTP_COOKIE"] = cookie
    if body or method == "POST" or content_length is not None:
        env["CONTENT_TYPE"] = ctype
        env["CONTENT_LENGTH"] = str(len(body) if content_length is None
                                    else content_length)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(sock_path)
    try:
        out = _record(BEGIN, struct.pack(">HB5x", RESPONDER, 0))
        p = _params(env)
        for i in range(0, len(p), 65535):
            out += _record(PARAMS, p[i:i + 65535])
        out += _record(PARAMS)
        for i in range(0, len(body), 65535):
            out += _record(STDIN, body[i:i + 65535])
        out += _record(STDIN)
        try:
            s.sendall(out)
        except (BrokenPipeError, ConnectionResetError):
            pass    # it may answer (413) before reading everything
        stdout = b""
        while True:
            head = _recv_exact(s, 8)
            _, rtype, _, clen, pad = struct.unpack(">BBHHBx", head)
            content = _recv_exact(s, clen + pad)[:clen]
            if rtype == STDOUT:
                stdout += content
            elif rtype == END:
                break
    finally:
        s.close()
    head, _, resp_body = stdout.partition(b"\r\n\r\n")
    headers = []
    status = 200
    for line in head.decode("latin-1").split("\r\n"):
        k, _, v = line.partition(":")
        if k.lower() == "status":
            status = int(v.split()[0])
        headers.append((k.strip(), v.strip()))
    return status, headers, resp_body


def _cookie_from(headers, name):
    for k, v in headers:
        if k.lower() == "set-cookie" and v.startswith(name + "="):
            return v.split(";", 1)[0]
    return None


def load(sock_path, program, count):
    """A mixed load for home or auth: pages, errors, bad encodings,
    forms. Returns {status: n}."""
    seen = {}

    def go(*a, **kw):
        st, h, b = request(sock_path, *a, **kw)
        seen[st] = seen.get(st, 0) + 1
        return st, h, b

    token = "ab" * 32
    mix = [
        lambda: go("GET", "/"),
        lambda: go("HEAD", "/"),
        lambda: go("GET", "/health"),
        lambda: go("GET", "/no-such-page"),
        lambda: go("DELETE", "/"),
        lambda: go("GET", "/", query="q=%ZZ"),
        lambda: go("GET", "/", query="q=a%00b"),
        lambda: go("GET", "/", query=b"q=\xff\xfe"),
        lambda: go("GET", "/", query="q=%C3%A9t%C3%A9&x=1&x=2"),
        lambda: go("POST", "/", body=b"name=%C0%80"),
        lambda: go("POST", "/", body=b"a=1&csrf=nope"),
        lambda: go("POST", "/", body=b"", content_length=5000000),
        lambda: go("GET", "/", cookie="menteo_session=" + token),
        lambda: go("GET", "/", cookie="menteo_flash=Saved%2E; a=\"q\"; ;"),
        lambda: go("GET", "/", cookie="bad=\xff"),
    ]
    if program == "auth":
        def login_form():
            st, h, b = go("GET", "/login")
            pre = _cookie_from(h, "menteo_pre")
            m = re.search(rb'name="csrf" value="([0-9a-f]+)"', b)
            if pre and m:
                go("POST", "/login", cookie=pre,
                   body=b"email=nobody%40example.org&password=wrong+password+1&csrf="
                   + m.group(1))
        mix += [
            lambda: go("GET", "/login"),
            lambda: go("GET", "/signup"),
            lambda: go("GET", "/login", query="next=%2F%2Fevil.com"),
            lambda: go("POST", "/login", body=b"email=a%40b.org&password=x"),
            lambda: go("POST", "/signup", body=b"email=%ZZ"),
            lambda: go("GET", "/reset"),
            lambda: go("GET", "/verify", query="token=" + token),
            lambda: go("GET", "/link", query="t=%00"),
            login_form,
        ]
    for i in range(count):
        mix[i % len(mix)]()
    return seen


if __name__ == "__main__":
    result = load(sys.argv[1], sys.argv[2], int(sys.argv[3]))
    print(" ".join(f"{k}:{v}" for k, v in sorted(result.items())))
