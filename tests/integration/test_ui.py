"""The pair's experience (issue 21): what a person meets in the browser,
driven over HTTP against the real stack. A reload of a form's target,
thread edits and answers, Redefinition check-ins, roadmaps applied twice."""
import datetime
import glob
import os
import re

import menteo as m

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
TODAY = datetime.date.today()
LATER = (TODAY + datetime.timedelta(days=180)).isoformat()


def routes():
    """(program, method, pattern) of every route table in cgi-bin/: the
    test follows the programs as they grow."""
    out = []
    for f in sorted(glob.glob(os.path.join(ROOT, "cgi-bin", "*.c"))):
        with open(f) as fh:
            src = fh.read()
        table = re.search(r"struct route routes\[\] = \{(.*?)\n\};", src, re.S)
        if not table:
            continue
        for meth, pat in re.findall(r'\{\s*"(GET|POST)",\s*"([^"]+)"', table.group(1)):
            out.append((os.path.basename(f)[:-2], meth, pat))
    return out


def pair():
    mentor = m.make_mentor()
    mentee = m.signup()
    mentee.get(f"/mentorships/new?mentor={mentor.slug}")
    r = mentee.post("/mentorships/new", {"mentor": mentor.slug, "focus": "Lead a team",
                                          "message": "I lead a team of six."})
    m.check(r.status == 303, f"request: {r!r}")
    mid = int(re.search(r"/mentorships/(\d+)$", r.location).group(1))
    return mentor, mentee, mid


@m.test
def test_get_on_every_post_only_path_goes_to_its_form():
    # SPEC 9: a reload or a shared address of a form's target is a 303 to
    # the page holding the form, in every program, never a 405 page
    mentor, mentee, mid = pair()
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", mentor.user_id)
    all_routes = routes()
    gets = {p for _, meth, p in all_routes if meth == "GET"}
    only_post = sorted({(prog, p) for prog, meth, p in all_routes
                        if meth == "POST" and p not in gets})
    m.check(len(only_post) > 20, f"route tables not found: {only_post}")
    seen = set()
    for prog, pat in only_post:
        path = re.sub(r"\{id\}", str(mid), pat)
        path = re.sub(r"\{[a-z_]+\}", "x", path)
        r = mentor.get(path)
        m.check(r.status == 303, f"GET {path} ({prog}): {r.status}, not 303")
        loc = r.location
        m.check(loc and loc.startswith("/") and "\r" not in loc, f"GET {path}: Location {loc!r}")
        m.check(loc != path and path.startswith(loc.rstrip("/") + "/") or loc == "/",
                f"GET {path}: {loc} is not a page above it")
        seen.add(prog)
    m.check({"admin", "auth", "mentorships", "people", "roadmaps", "rooms", "threads"} <= seen,
            f"programs covered: {seen}")
    # the reported case: a refused stage change, then a reload
    r = mentee.get(f"/mentorships/{mid}/stage")
    m.check(r.status == 303 and r.location == f"/mentorships/{mid}", f"stage: {r!r}")
    m.check(mentee.follow(r).status == 200, "the mentorship page opens")
    r = mentee.get(f"/rooms/{mid}/messages")
    m.check(r.location == f"/rooms/{mid}", f"room: {r.location}")
    r = mentor.get(f"/admin/outbox/5/retry")
    m.check(r.location == "/admin/outbox", f"outbox: {r.location}")
    r = mentor.get("/settings/notifications")
    m.check(r.location == "/settings", f"settings: {r.location}")
    r = mentor.get("/logout")
    m.check(r.status == 303 and r.location == "/", f"logout: {r!r}")
    # HEAD answers as GET; any other method is still 405 with Allow
    r = mentor.request("HEAD", f"/mentorships/{mid}/stage")
    m.check(r.status == 303, f"HEAD: {r!r}")
    r = mentor.request("PUT", f"/mentorships/{mid}/stage")
    m.check(r.status == 405 and r.header("Allow"), f"PUT: {r!r}")


if __name__ == "__main__":
    m.main()
