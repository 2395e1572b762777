"""Roadmaps: the curated library, custom roadmaps and their milestones,
applying a roadmap to a mentorship (docs/product.md: Roadmaps; issue 6)."""
import datetime
import re

import menteo as m


def mentorship(mentor, mentee, stage="cultivation"):
    focus = m.unique("Focus")
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, "
          "message, stage_changed_at, created_at) VALUES (?, ?, ?, ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
          mentor.user_id, mentee.user_id, stage, focus)
    return int(m.sql_value("SELECT id FROM mentorships WHERE focus = ?", focus))


def goal(mid, title):
    m.sql("INSERT INTO goals (mentorship_id, title, measure, created_at) "
          "VALUES (?, ?, 'measured', UTC_TIMESTAMP())", mid, title)
    return int(m.sql_value("SELECT MAX(id) FROM goals WHERE mentorship_id = ?", mid))


def curated_id(title):
    return int(m.sql_value("SELECT id FROM roadmaps WHERE kind = 'curated' "
                           "AND title = ?", title))


def new_roadmap(c, title=None, visibility="private", summary="For testing"):
    title = title or m.unique("Roadmap")
    c.get("/roadmaps/new")
    r = c.post("/roadmaps/new", {"title": title, "summary": summary,
                                 "visibility": visibility})
    m.check(r.status == 303, f"create: {r!r}")
    rid = int(re.search(r"/roadmaps/(\d+)$", r.location).group(1))
    return rid, title


def add_ms(c, rid, title, week, stage="", description="Do it."):
    c.get(f"/roadmaps/{rid}")
    return c.post(f"/roadmaps/{rid}/milestones", {
        "title": title, "description": description,
        "week_offset": str(week), "stage": stage})


def titles(rid):
    return [row[0] for row in m.sql(
        "SELECT title FROM roadmap_milestones WHERE roadmap_id = ? "
        "ORDER BY week_offset, position, id", rid)]


def mm_rows(mid):
    return m.sql("SELECT id, title, due_date, COALESCE(done_at, ''), "
                 "COALESCE(done_by, ''), COALESCE(goal_id, '') FROM "
                 "mentorship_milestones WHERE mentorship_id = ? "
                 "ORDER BY due_date, position, id", mid)


_people = {}


def people():
    """Two accounts for most tests (signing up is slow)."""
    if not _people:
        _people["a"] = m.signup("Alma Author")
        _people["b"] = m.signup("Bert Other")
    return _people["a"], _people["b"]


@m.test
def test_library_lists_three_curated_roadmaps_with_6_to_12_milestones():
    rows = m.sql("SELECT r.id, r.title, COUNT(x.id) FROM roadmaps r "
                 "JOIN roadmap_milestones x ON x.roadmap_id = r.id "
                 "WHERE r.kind = 'curated' GROUP BY r.id, r.title")
    m.check(len(rows) >= 3, f"curated roadmaps: {rows}")
    for rid, title, n in rows:
        m.check(6 <= int(n) <= 12, f"{title}: {n} milestones")
    names = {row[1] for row in rows}
    for t in ("Land a director role", "Launch your MVP", "Raise a seed round"):
        m.check(t in names, f"missing curated {t}")
    # every curated milestone has a title and a real description
    short = m.sql_value("SELECT COUNT(*) FROM roadmap_milestones x JOIN "
                        "roadmaps r ON r.id = x.roadmap_id WHERE "
                        "r.kind = 'curated' AND (x.title = '' OR "
                        "CHAR_LENGTH(x.description) < 60)")
    m.check(short == "0", f"{short} thin curated milestones")
    anon = m.Client()
    r = anon.get("/roadmaps")
    m.check(r.status == 200, f"library: {r!r}")
    text = m.unescaped(r.text)
    for t in ("Land a director role", "Launch your MVP", "Raise a seed round"):
        m.check(t in text, f"{t} not in the library page")
    seed = curated_id("Raise a seed round")
    r = anon.get(f"/roadmaps/{seed}")
    m.check(r.status == 200, f"seed page: {r!r}")
    m.check("target investor list" in r.text.lower(), "seed milestone missing")
    m.check("Week 6" in r.text, "week offsets not shown")
    m.check(anon.get("/roadmaps/999999999").status == 404, "unknown id")


@m.test
def test_custom_roadmap_add_edit_reorder_remove_milestones():
    a, b = people()
    rid, title = new_roadmap(a)
    r = a.get(f"/roadmaps/{rid}")
    m.check(r.status == 200 and title in r.text, f"show: {r!r}")
    for i, (t, w) in enumerate([("First step", 2), ("Second step", 2),
                                ("Third step", 2)]):
        r = add_ms(a, rid, t, w, stage="cultivation" if i else "initiation")
        m.check(r.status == 303, f"add {t}: {r!r}")
    m.check(titles(rid) == ["First step", "Second step", "Third step"],
            f"order {titles(rid)}")
    ids = {t: i for i, t in m.sql("SELECT id, title FROM roadmap_milestones "
                                  "WHERE roadmap_id = ?", rid)}
    # move the third one up twice: it becomes first
    a.get(f"/roadmaps/{rid}")
    r = a.post(f"/roadmaps/{rid}/milestones/{ids['Third step']}/move",
               {"dir": "up"})
    m.check(r.status == 303 and r.location.endswith(f"/roadmaps/{rid}#m{ids['Third step']}"),
            f"move, back to the milestone moved: {r!r}")
    a.post(f"/roadmaps/{rid}/milestones/{ids['Third step']}/move",
           {"dir": "up"})
    m.check(titles(rid) == ["Third step", "First step", "Second step"],
            f"after up {titles(rid)}")
    a.post(f"/roadmaps/{rid}/milestones/{ids['First step']}/move",
           {"dir": "down"})
    m.check(titles(rid) == ["Third step", "Second step", "First step"],
            f"after down {titles(rid)}")
    r = a.get(f"/roadmaps/{rid}")
    text = m.unescaped(r.text)
    m.check(text.index("Third step") < text.index("Second step") <
            text.index("First step"), "page order")
    # the list is by week, as an applied roadmap is by due date: a move
    # orders a week's milestones and never crosses into another week
    for t, w in (("Late step", 9), ("Early step", 0)):
        r = add_ms(a, rid, t, w)
        m.check(r.status == 303 and re.search(r"/roadmaps/\d+#m\d+$", r.location or ""),
                f"add {t}, back at it: {r!r}")
    ids = {t: i for i, t in m.sql("SELECT id, title FROM roadmap_milestones "
                                  "WHERE roadmap_id = ?", rid)}
    want = ["Early step", "Third step", "Second step", "First step", "Late step"]
    m.check(titles(rid) == want, f"by week {titles(rid)}")
    text = m.unescaped(a.get(f"/roadmaps/{rid}").text)
    m.check([t for t in re.findall(r"<h3>\d+\. ([^<]+)</h3>", text)] == want,
            "the page lists them by week")
    for t, d in (("Late step", "up"), ("Early step", "down"), ("Third step", "up")):
        m.check(f'Move {d}<span class="visually-hidden"> “{t}”' not in text,
                f"{t} offers no move {d} out of its week")
        a.post(f"/roadmaps/{rid}/milestones/{ids[t]}/move", {"dir": d})
    m.check(titles(rid) == want, f"a move crossed a week {titles(rid)}")
    m.check('Move down<span class="visually-hidden"> “Third step”' in text,
            "a move within the week is offered")
    # edited into another week, it goes last there (its old place said
    # nothing of the new week's), and the form comes back to it
    third = {"title": "Third step", "description": "Do it.", "stage": "cultivation"}
    r = a.post(f"/roadmaps/{rid}/milestones/{ids['Third step']}", {**third, "week_offset": "9"})
    m.check(r.status == 303 and r.location.endswith(f"/roadmaps/{rid}#m{ids['Third step']}"),
            f"edited, back at it: {r!r}")
    m.check(titles(rid)[-2:] == ["Late step", "Third step"], f"last of its week {titles(rid)}")
    a.post(f"/roadmaps/{rid}/milestones/{ids['Third step']}", {**third, "week_offset": "2"})
    m.check(titles(rid)[1:4] == ["Second step", "First step", "Third step"],
            f"and back, last of week 2 {titles(rid)}")
    for t in ("Late step", "Early step"):
        a.post(f"/roadmaps/{rid}/milestones/{ids[t]}/delete", {})
    # edit
    r = a.get(f"/roadmaps/{rid}/milestones/{ids['Second step']}")
    m.check(r.status == 200 and 'value="Second step"' in r.text, f"edit form {r!r}")
    r = a.post(f"/roadmaps/{rid}/milestones/{ids['Second step']}", {
        "title": "Second, renamed", "description": "New text",
        "week_offset": "7", "stage": "separation"})
    m.check(r.status == 303, f"edit: {r!r}")
    row = m.sql("SELECT title, description, week_offset, stage FROM "
                "roadmap_milestones WHERE id = ?", ids["Second step"])[0]
    m.check(row == ["Second, renamed", "New text", "7", "separation"], f"{row}")
    # remove
    r = a.post(f"/roadmaps/{rid}/milestones/{ids['First step']}/delete", {})
    m.check(r.status == 303, f"delete: {r!r}")
    m.check(titles(rid) == ["Third step", "Second, renamed"], f"{titles(rid)}")
    # title/summary/visibility
    r = a.post(f"/roadmaps/{rid}/edit", {"title": "Renamed roadmap",
                                         "summary": "S", "visibility": "shared"})
    m.check(r.status == 303, f"edit roadmap: {r!r}")
    m.check(m.sql("SELECT title, visibility FROM roadmaps WHERE id = ?", rid)[0]
            == ["Renamed roadmap", "shared"], "roadmap not saved")


@m.test
def test_bad_input_is_refused_with_input_kept():
    a, _ = people()
    a.get("/roadmaps/new")
    r = a.post("/roadmaps/new", {"title": "  ", "summary": "kept summary",
                                 "visibility": "private"})
    m.check(r.status == 422 and "kept summary" in r.text, f"empty title {r!r}")
    r = a.post("/roadmaps/new", {"title": "x", "visibility": "public"})
    m.check(r.status == 422, f"bad visibility {r!r}")
    rid, _ = new_roadmap(a)
    for week in ("521", "-1", "soon", "99999999999999999999"):
        r = add_ms(a, rid, "Kept title", week)
        m.check(r.status == 422, f"week {week}: {r!r}")
        m.check('value="Kept title"' in r.text, "title not kept")
        m.check("0 to 520" in r.text, f"message for week {week}")
    r = add_ms(a, rid, "", 3, description="kept description")
    m.check(r.status == 422 and "kept description" in r.text, f"no title {r!r}")
    m.check(titles(rid) == [], "a bad milestone was stored")
    r = add_ms(a, rid, "Fine", 3, stage="heaven")
    m.check(r.status == 422, f"bad stage {r!r}")
    r = add_ms(a, rid, "Fine", 520)
    m.check(r.status == 303, f"520 weeks is allowed: {r!r}")
    mid = titles(rid) and m.sql_value(
        "SELECT id FROM roadmap_milestones WHERE roadmap_id = ?", rid)
    r = a.post(f"/roadmaps/{rid}/milestones/{mid}", {"title": "Fine",
                                                     "week_offset": "600"})
    m.check(r.status == 422, f"edit week 600 {r!r}")
    r = a.post(f"/roadmaps/{rid}/milestones/{mid}/move", {"dir": "sideways"})
    m.check(r.status == 400, f"bad dir {r!r}")
    m.check(a.get(f"/roadmaps/{rid}/milestones/999999999").status == 404,
            "unknown milestone")


@m.test
def test_copy_curated_then_change_copy_original_unchanged():
    a, b = people()
    mvp = curated_id("Launch your MVP")
    before = m.sql("SELECT title, description, week_offset, stage FROM "
                   "roadmap_milestones WHERE roadmap_id = ? ORDER BY position",
                   mvp)
    a.get(f"/roadmaps/{mvp}")
    r = a.post(f"/roadmaps/{mvp}/copy", {})
    m.check(r.status == 303, f"copy {r!r}")
    cid = int(re.search(r"/roadmaps/(\d+)$", r.location).group(1))
    row = m.sql("SELECT kind, owner_id, visibility, copied_from FROM roadmaps "
                "WHERE id = ?", cid)[0]
    m.check(row == ["custom", str(a.user_id), "private", str(mvp)], f"{row}")
    copy = m.sql("SELECT title, description, week_offset, stage FROM "
                 "roadmap_milestones WHERE roadmap_id = ? ORDER BY position", cid)
    m.check(copy == before, "milestones not copied")
    first = m.sql_value("SELECT id FROM roadmap_milestones WHERE roadmap_id = ? "
                        "ORDER BY position LIMIT 1", cid)
    a.get(f"/roadmaps/{cid}")
    r = a.post(f"/roadmaps/{cid}/milestones/{first}", {
        "title": "My own first step", "week_offset": "1"})
    m.check(r.status == 303, f"edit copy {r!r}")
    add_ms(a, cid, "An extra step", 20)
    after = m.sql("SELECT title, description, week_offset, stage FROM "
                  "roadmap_milestones WHERE roadmap_id = ? ORDER BY position",
                  mvp)
    m.check(after == before, "the curated original changed")
    # a private copy is invisible to others; the author cannot edit curated
    m.check(b.get(f"/roadmaps/{cid}").status == 404, "private copy visible")
    r = a.post(f"/roadmaps/{mvp}/milestones", {"title": "x", "week_offset": "1"})
    m.check(r.status == 403, f"non-admin edits curated: {r!r}")


@m.test
def test_private_is_404_shared_visible_non_author_403():
    a, b = people()
    priv, _ = new_roadmap(a, visibility="private")
    add_ms(a, priv, "Private step", 1)
    shared, stitle = new_roadmap(a, visibility="shared")
    add_ms(a, shared, "Shared step", 1)
    smid = m.sql_value("SELECT id FROM roadmap_milestones WHERE roadmap_id = ?",
                       shared)
    pmid = m.sql_value("SELECT id FROM roadmap_milestones WHERE roadmap_id = ?",
                       priv)
    m.check(b.get(f"/roadmaps/{priv}").status == 404, "private seen by other")
    m.check(m.Client().get(f"/roadmaps/{priv}").status == 404, "private anon")
    r = b.get(f"/roadmaps/{shared}")
    m.check(r.status == 200 and "Shared step" in r.text, f"shared {r!r}")
    m.check(stitle in m.unescaped(m.Client().get("/roadmaps").text),
            "shared not listed in the library")
    b.get("/roadmaps")
    for path, data in [
            (f"/roadmaps/{shared}/milestones", {"title": "x", "week_offset": "1"}),
            (f"/roadmaps/{shared}/milestones/{smid}",
             {"title": "x", "week_offset": "1"}),
            (f"/roadmaps/{shared}/milestones/{smid}/delete", {}),
            (f"/roadmaps/{shared}/milestones/{smid}/move", {"dir": "up"}),
            (f"/roadmaps/{shared}/edit", {"title": "hijack"}),
            (f"/roadmaps/{shared}/delete", {})]:
        r = b.post(path, data)
        m.check(r.status == 403, f"{path}: {r!r}")
    for path in (f"/roadmaps/{priv}/milestones", f"/roadmaps/{priv}/copy",
                 f"/roadmaps/{priv}/milestones/{pmid}/delete"):
        r = b.post(path, {"title": "x", "week_offset": "1"})
        m.check(r.status == 404, f"{path}: {r!r}")
    m.check(titles(shared) == ["Shared step"], "other changed the roadmap")
    # the other person can copy a shared one
    r = b.post(f"/roadmaps/{shared}/copy", {})
    m.check(r.status == 303, f"copy shared {r!r}")


def apply(c, mid, rid, start):
    c.get(f"/mentorships/{mid}/roadmap")
    return c.post(f"/mentorships/{mid}/roadmap", {"roadmap": str(rid),
                                                  "start_date": start})


@m.test
def test_apply_roadmap_due_dates_done_redate_goal_overdue():
    a, b = people()
    mid = mentorship(a, b)
    rid, _ = new_roadmap(a)
    for t, w in [("Kick-off", 0), ("Two weeks in", 2), ("Ten weeks in", 10)]:
        add_ms(a, rid, t, w)
    r = b.get(f"/mentorships/{mid}/roadmap")
    m.check(r.status == 200, f"page {r!r}")
    # bad input first: kept and refused
    r = apply(b, mid, rid, "2026-02-30")
    m.check(r.status == 422 and 'value="2026-02-30"' in r.text, f"bad date {r!r}")
    r = apply(b, mid, rid, "next monday")
    m.check(r.status == 422, f"bad date {r!r}")
    r = apply(b, mid, 999999999, "2026-03-02")
    m.check(r.status == 422 and 'value="2026-03-02"' in r.text, f"bad roadmap {r!r}")
    empty, _ = new_roadmap(a)
    r = apply(a, mid, empty, "2026-03-02")
    m.check(r.status == 422 and "no milestones" in r.text, f"empty roadmap {r!r}")
    m.check(mm_rows(mid) == [], "bad apply stored rows")
    # the mentee applies the mentor's private roadmap? not visible to them
    r = apply(b, mid, rid, "2026-03-02")
    m.check(r.status == 422, f"someone else's private roadmap {r!r}")
    r = apply(a, mid, rid, "2026-03-02")
    m.check(r.status == 303, f"apply {r!r}")
    rows = mm_rows(mid)
    m.check([(x[1], x[2]) for x in rows] == [
        ("Kick-off", "2026-03-02"), ("Two weeks in", "2026-03-16"),
        ("Ten weeks in", "2026-05-11")], f"due dates {rows}")
    page = b.get(f"/mentorships/{mid}/roadmap")
    m.check("2 Mar 2026" in page.text and "11 May 2026" in page.text,
            "due dates not shown")
    # editing the roadmap later does not touch the copy
    src = m.sql_value("SELECT id FROM roadmap_milestones WHERE roadmap_id = ? "
                      "AND title = 'Kick-off'", rid)
    a.get(f"/roadmaps/{rid}")
    a.post(f"/roadmaps/{rid}/milestones/{src}", {"title": "Changed later",
                                                  "week_offset": "30"})
    add_ms(a, rid, "Added later", 1)
    m.check(mm_rows(mid) == rows, "applied copy changed with the roadmap")
    # mark done (who, when), then reopen
    k = rows[0][0]
    b.get(f"/mentorships/{mid}/roadmap")
    r = b.post(f"/mentorships/{mid}/roadmap/milestones/{k}", {"done": "1"})
    m.check(r.status == 303, f"done {r!r}")
    row = m.sql("SELECT done_by, done_at IS NOT NULL, TIMESTAMPDIFF(SECOND, "
                "done_at, UTC_TIMESTAMP()) < 120 FROM mentorship_milestones "
                "WHERE id = ?", k)[0]
    m.check(row == [str(b.user_id), "1", "1"], f"done row {row}")
    page = a.get(f"/mentorships/{mid}/roadmap")
    m.check("by Bert Other" in page.text, "who did it not shown")
    m.check(re.search(r'class="done-count">1<.*class="total-count">3<',
                      page.text, re.S), "progress 1 of 3 not shown")
    r = a.post(f"/mentorships/{mid}/roadmap/milestones/{k}", {"done": "0"})
    m.check(r.status == 303, f"reopen {r!r}")
    m.check(m.sql("SELECT COALESCE(done_at, 'null'), COALESCE(done_by, "
                  "'null') FROM mentorship_milestones WHERE id = ?", k)[0]
            == ["null", "null"], "not reopened")
    # re-date; a bad date is refused and kept
    k2 = rows[1][0]
    r = a.post(f"/mentorships/{mid}/roadmap/milestones/{k2}",
               {"due_date": "2026-13-01"})
    m.check(r.status == 422 and 'value="2026-13-01"' in r.text, f"bad redate {r!r}")
    # a day already past is a slip, refused and kept (it was saved,
    # overdue at once: found walking)
    r = a.post(f"/mentorships/{mid}/roadmap/milestones/{k2}",
               {"due_date": "2020-04-01"})
    m.check(r.status == 422 and 'value="2020-04-01"' in r.text and
            "The due date is in the past" in m.unescaped(r.text), f"past redate {r!r}")
    r = a.post(f"/mentorships/{mid}/roadmap/milestones/{k2}",
               {"due_date": "2030-04-01"})
    m.check(r.status == 303, f"redate {r!r}")
    m.check(m.sql("SELECT due_date, dated_by FROM mentorship_milestones WHERE id = ?",
                  k2) == [["2030-04-01", str(a.user_id)]], "not re-dated, or not by whom")
    # link to a goal of this mentorship; not to another mentorship's
    g = goal(mid, "Ship the beta")
    other = mentorship(b, a)
    g2 = goal(other, "Someone else's goal")
    r = a.post(f"/mentorships/{mid}/roadmap/milestones/{k2}", {"goal": str(g2)})
    m.check(r.status == 422, f"foreign goal {r!r}")
    r = a.post(f"/mentorships/{mid}/roadmap/milestones/{k2}", {"goal": str(g)})
    m.check(r.status == 303, f"link goal {r!r}")
    m.check(m.sql_value("SELECT goal_id FROM mentorship_milestones WHERE id = ?",
                        k2) == str(g), "goal not linked")
    m.check("Ship the beta" in b.get(f"/mentorships/{mid}/roadmap").text,
            "linked goal not shown")
    r = a.post(f"/mentorships/{mid}/roadmap/milestones/{k2}", {"goal": "0"})
    m.check(m.sql_value("SELECT COALESCE(goal_id, 'null') FROM "
                        "mentorship_milestones WHERE id = ?", k2) == "null",
            "goal not unlinked")
    # overdue: one in the past and not done, one in the past but done
    m.sql("UPDATE mentorship_milestones SET due_date = UTC_DATE() - INTERVAL "
          "3 DAY WHERE id IN (?, ?)", rows[0][0], rows[2][0])
    m.sql("UPDATE mentorship_milestones SET due_date = UTC_DATE() + INTERVAL "
          "3 DAY WHERE id = ?", k2)
    m.check("0/3 milestones, <strong>2 overdue</strong>" in a.get("/").text,
            "dashboard progress not 0/3 with 2 overdue")
    a.get(f"/mentorships/{mid}/roadmap")
    a.post(f"/mentorships/{mid}/roadmap/milestones/{rows[2][0]}", {"done": "1"})
    page = a.get(f"/mentorships/{mid}/roadmap")
    m.check(re.search(r'class="overdue-count">1<', page.text),
            "overdue count not 1")
    m.check(re.search(r'class="done-count">1<.*class="total-count">3<',
                      page.text, re.S), "progress not 1 of 3")
    m.check(len(re.findall(r'<li id="m\d+" class="overdue[ "]', page.text)) == 1,
            "overdue marker")
    prog = m.sql("SELECT COUNT(*), COUNT(done_at), COALESCE(SUM(done_at IS "
                 "NULL AND due_date < UTC_DATE()), 0) FROM "
                 "mentorship_milestones WHERE mentorship_id = ?", mid)[0]
    m.check(prog == ["3", "1", "1"], f"progress SQL {prog}")
    # the dashboard and the list of mentorships count the same (lib/stage.c)
    for who in (a, b):
        home = who.get("/").text
        m.check("1/3 milestones, <strong>1 overdue</strong>" in home,
                "dashboard progress not 1/3 with 1 overdue")
        m.check("1 overdue milestone" in home, "overdue not asking for attention")
    # a second roadmap is appended
    r = apply(b, mid, curated_id("Launch your MVP"), "2026-06-01")
    m.check(r.status == 303, f"second apply {r!r}")
    m.check(len(mm_rows(mid)) == 13, "second roadmap not appended")


@m.test
def test_an_applied_roadmap_is_taken_back_in_one_step():
    """A roadmap applied by mistake was ten removals, one milestone at a
    time. The page lists the roadmaps applied; one step, asked first,
    takes back a roadmap's open milestones and keeps its done ones."""
    a, b = people()
    mid = mentorship(a, b)
    mvp = curated_id("Launch your MVP")
    rid, _ = new_roadmap(a)
    add_ms(a, rid, "Our own step", 1)
    for c, r_id in ((b, mvp), (a, rid)):
        m.check(apply(c, mid, r_id, "2031-03-03").status == 303, "applied")
    mine = [x for x in mm_rows(mid) if x[1] == "Our own step"]
    first = m.sql_value("SELECT MIN(id) FROM mentorship_milestones WHERE "
                        "mentorship_id = ? AND roadmap_id = ?", mid, mvp)
    b.post(f"/mentorships/{mid}/roadmap/milestones/{first}", {"done": "1"})
    total = int(m.sql_value("SELECT COUNT(*) FROM roadmap_milestones WHERE roadmap_id = ?",
                            mvp))
    page = m.unescaped(b.get(f"/mentorships/{mid}/roadmap").text)
    m.check("Roadmaps applied" in page and f"1 of {total} milestones done" in page and
            f"Remove its {total - 1} open milestones" in page and
            "Remove its 1 open milestone<" in page, "the roadmaps applied are listed")
    # asked first, on a page that changes nothing
    page = m.unescaped(b.get(f"/mentorships/{mid}/roadmap?remove={mvp}").text)
    m.check(f"Remove {total - 1} open milestones of \u201cLaunch your MVP\u201d?" in page and
            "the 1 done stay" in page, "asked first")
    m.check(len(mm_rows(mid)) == total + 1, "asking removed something")
    # a third party, a roadmap not applied, a bad value
    c = m.signup("Carla Outsider")
    c.get("/roadmaps")
    r = c.post(f"/mentorships/{mid}/roadmap/remove", {"roadmap": str(mvp)})
    m.check(r.status == 403, f"a third party: {r!r}")
    r = b.post(f"/mentorships/{mid}/roadmap/remove",
               {"roadmap": str(curated_id("Raise a seed round"))})
    m.check(r.status == 404, f"not applied: {r!r}")
    r = b.post(f"/mentorships/{mid}/roadmap/remove", {"roadmap": "seed"})
    m.check(r.status == 422, f"a bad value: {r!r}")
    m.check(len(mm_rows(mid)) == total + 1, "a refusal removed something")
    # one step: the open ones go, the done one and the other roadmap stay
    r = b.post(f"/mentorships/{mid}/roadmap/remove", {"roadmap": str(mvp)})
    m.check(r.status == 303, f"removed: {r!r}")
    flash = m.unescaped(b.follow(r).text)
    m.check(f"Removed {total - 1} milestones of \u201cLaunch your MVP\u201d. "
            "The one done is kept." in flash, "the flash says what went and stayed")
    left = mm_rows(mid)
    m.check(sorted(x[0] for x in left) == sorted([first, mine[0][0]]), f"what stays: {left}")
    page = m.unescaped(a.get(f"/mentorships/{mid}/roadmap").text)
    m.check("1 of 1 milestones done" in page and
            f"?remove={mvp}" not in page, "nothing left to remove of it")
    # sent twice (a second tab): said, nothing more removed
    r = a.post(f"/mentorships/{mid}/roadmap/remove", {"roadmap": str(mvp)})
    m.check(r.status == 303 and "has no open milestones left here" in
            m.unescaped(a.follow(r).text), f"twice: {r!r}")
    m.check(len(mm_rows(mid)) == 2, "twice removed more")
    # closed: kept as a record
    m.sql("UPDATE mentorships SET stage = 'ended' WHERE id = ?", mid)
    r = a.post(f"/mentorships/{mid}/roadmap/remove", {"roadmap": str(rid)})
    m.check(r.status == 409 and len(mm_rows(mid)) == 2, f"closed: {r!r}")
    m.check("Roadmaps applied" not in a.get(f"/mentorships/{mid}/roadmap").text,
            "a closed mentorship offers a removal")


@m.test
def test_milestones_of_a_pair_ended_meanwhile_stay():
    """Each write of a pair's milestones checked the pair open, then wrote
    under its lock without reading its stage again: a roadmap taken off,
    a milestone removed, marked or applied changed the record of a pair
    that ended between the two (found in a review). The stage is read
    again under the lock: 409, nothing changed."""
    a, b = people()
    rid = curated_id("Raise a seed round")
    ended = ("UPDATE mentorships SET stage = 'ended', "
             "stage_changed_at = UTC_TIMESTAMP() WHERE id = {}")
    for what, write in [
            ("a roadmap taken off", lambda mid, k: b.post(
                f"/mentorships/{mid}/roadmap/remove", {"roadmap": str(rid)})),
            ("a milestone removed", lambda mid, k: b.post(
                f"/mentorships/{mid}/roadmap/milestones/{k}/delete", {})),
            ("a milestone marked done", lambda mid, k: b.post(
                f"/mentorships/{mid}/roadmap/milestones/{k}", {"done": "1"})),
            ("a roadmap applied again", lambda mid, k: b.post(
                f"/mentorships/{mid}/roadmap", {"roadmap": str(rid),
                                                "start_date": "2031-01-06",
                                                "again": "1"}))]:
        mid = mentorship(a, b)
        m.check(apply(a, mid, rid, "2031-01-06").status == 303, "applied")
        before = mm_rows(mid)
        b.get(f"/mentorships/{mid}/roadmap")
        # the pair ends while the write waits for its lock ("": whatever
        # statement of the write waits)
        r = m.committed_meanwhile(ended.format(mid),
                                  lambda: write(mid, before[0][0]), "")
        m.check(r.status == 409 and "closed" in m.unescaped(r.text),
                f"{what}, the pair ended meanwhile: {r!r}")
        m.check(mm_rows(mid) == before, f"{what} changed an ended pair's record")


@m.test
def test_third_party_refused_closed_mentorship_409():
    a, b = people()
    c = m.signup("Carla Outsider")
    mid = mentorship(a, b)
    r = apply(a, mid, curated_id("Raise a seed round"), "2026-01-05")
    m.check(r.status == 303, f"apply {r!r}")
    k = mm_rows(mid)[0][0]
    m.check(c.get(f"/mentorships/{mid}/roadmap").status == 403, "third GET")
    c.get("/roadmaps")
    for path, data in [
            (f"/mentorships/{mid}/roadmap", {"roadmap": "1",
                                             "start_date": "2026-01-05"}),
            (f"/mentorships/{mid}/roadmap/milestones/{k}", {"done": "1"}),
            (f"/mentorships/{mid}/roadmap/milestones/{k}",
             {"due_date": "2026-01-09"}),
            (f"/mentorships/{mid}/roadmap/milestones/{k}/delete", {})]:
        r = c.post(path, data)
        m.check(r.status == 403, f"third POST {path}: {r!r}")
    m.check(len(mm_rows(mid)) == 10 and mm_rows(mid)[0][3] == "", "changed")
    m.check(c.get("/mentorships/999999999/roadmap").status == 404, "unknown")
    # a milestone of another mentorship is not found through this one
    mid2 = mentorship(a, b)
    r = a.post(f"/mentorships/{mid2}/roadmap/milestones/{k}", {"done": "1"})
    m.check(r.status == 404, f"foreign milestone {r!r}")
    # closed: read-only, every change 409
    m.sql("UPDATE mentorships SET stage = 'ended' WHERE id = ?", mid)
    r = b.get(f"/mentorships/{mid}/roadmap")
    m.check(r.status == 200 and "closed" in r.text, f"closed page {r!r}")
    m.check(f"/roadmap/milestones/{k}\"" not in r.text, "closed still has forms")
    for path, data in [
            (f"/mentorships/{mid}/roadmap", {"roadmap": "1",
                                             "start_date": "2026-01-05"}),
            (f"/mentorships/{mid}/roadmap/milestones/{k}", {"done": "1"}),
            (f"/mentorships/{mid}/roadmap/milestones/{k}/delete", {})]:
        r = b.post(path, data)
        m.check(r.status == 409, f"closed POST {path}: {r!r}")
    m.check(mm_rows(mid)[0][3] == "", "closed mentorship changed")
    # a request not yet accepted: 409 too
    req = mentorship(a, b, stage="requested")
    r = b.post(f"/mentorships/{req}/roadmap", {"roadmap": "1",
                                              "start_date": "2026-01-05"})
    m.check(r.status == 409, f"requested {r!r}")


@m.test
def test_admin_edits_curated_roadmaps():
    a, _ = people()
    admin = m.signup("Ada Admin")
    m.sql("UPDATE users SET is_admin = 1 WHERE id = ?", admin.user_id)
    admin.get("/roadmaps/new")
    title = m.unique("Curated by admin")
    r = admin.post("/roadmaps/new", {"title": title, "summary": "x",
                                     "curated": "1"})
    m.check(r.status == 303, f"admin create curated {r!r}")
    rid = int(re.search(r"/roadmaps/(\d+)$", r.location).group(1))
    m.check(m.sql("SELECT kind, COALESCE(owner_id, 'null'), visibility FROM "
                  "roadmaps WHERE id = ?", rid)[0] ==
            ["curated", "null", "shared"], "not curated")
    r = add_ms(admin, rid, "Admin step", 2, stage="initiation")
    m.check(r.status == 303, f"admin add {r!r}")
    r = admin.post(f"/roadmaps/{rid}/edit", {"title": title + " v2",
                                             "summary": "y"})
    m.check(r.status == 303, f"admin edit {r!r}")
    # a curated roadmap is not anyone's: a member cannot edit it
    a.get(f"/roadmaps/{rid}")
    r = a.post(f"/roadmaps/{rid}/milestones", {"title": "x", "week_offset": "1"})
    m.check(r.status == 403, f"member edits curated {r!r}")
    # a member's curated flag is ignored
    a.get("/roadmaps/new")
    r = a.post("/roadmaps/new", {"title": m.unique("Sneaky"), "curated": "1"})
    sneaky = int(re.search(r"/roadmaps/(\d+)$", r.location).group(1))
    m.check(m.sql_value("SELECT kind FROM roadmaps WHERE id = ?", sneaky)
            == "custom", "member made a curated roadmap")
    # admins do not see members' private roadmaps
    m.check(admin.get(f"/roadmaps/{sneaky}").status == 404, "admin sees private")
    admin.get(f"/roadmaps/{rid}")
    r = admin.post(f"/roadmaps/{rid}/delete", {})
    m.check(r.status == 303, f"admin delete {r!r}")
    m.check(m.sql_value("SELECT COUNT(*) FROM roadmaps WHERE id = ?", rid)
            == "0", "not deleted")


@m.test
def test_anonymous_is_sent_to_sign_in():
    anon = m.Client()
    r = anon.get("/roadmaps/new")
    m.check(r.status == 303 and "/login" in r.location, f"{r!r}")
    r = anon.get("/mentorships/1/roadmap")
    m.check(r.status == 303 and "/login" in r.location, f"{r!r}")


@m.test
def test_milestone_stages_shown_by_their_names():
    """Each milestone's stage is shown with the label every other page
    uses for it (lib/mship.c's mship_stage_label: one label function)."""
    rid = curated_id("Raise a seed round")
    r = m.Client().get(f"/roadmaps/{rid}")
    shown = re.findall(r'class="stage stage-([a-z]+)">([^<]*)<', r.text)
    m.check(shown, "the curated roadmap shows stages")
    names = {"initiation": "Initiation", "cultivation": "Cultivation",
             "separation": "Separation"}
    for stage, label in shown:
        m.check(names.get(stage) == label, f"{stage} shown as {label!r}")



@m.test
def test_milestones_moved_from_tabs_at_once_are_all_answered():
    """Moves of one roadmap's milestones at once (two tabs, a double
    click): each read its milestone's position before its transaction, so
    a move that another had just made stale wrote that old position back
    and two milestones shared one (seen on the old code). Each reads it
    now in its transaction, locked, and runs again after a deadlock
    (db_tx_run): every move answered 303, every position held once."""
    a, _ = people()
    rid, _ = new_roadmap(a)
    names = [f"Step {i}" for i in range(5)]
    for t in names:	# one week: moves order those of a week
        m.check(add_ms(a, rid, t, 3).status == 303, f"add {t}")
    ids = [int(i) for (i,) in m.sql("SELECT id FROM roadmap_milestones WHERE "
                                     "roadmap_id = ? ORDER BY position", rid)]
    a.get(f"/roadmaps/{rid}")
    for trial in range(4):
        rs = m.together([lambda k=k, d=d: a.post(
            f"/roadmaps/{rid}/milestones/{k}/move", {"dir": d})
            for k in ids[1:4] for d in ("up", "down")])
        m.check(all(r.status == 303 for r in rs), f"answers: {rs!r}")
        m.check(sorted(titles(rid)) == names, f"milestones {titles(rid)}")
        pos = [p for (p,) in m.sql("SELECT position FROM roadmap_milestones "
                                   "WHERE roadmap_id = ?", rid)]
        m.check(len(set(pos)) == len(pos), f"positions shared: {pos}")

@m.test
def test_days_count_from_each_readers_own_date():
    """Days were counted from the UTC date: in Los Angeles a milestone
    due today read "Overdue" from 4 pm, in Tokyo yesterday's was not yet
    overdue until 9 am. Each reader counts from their own date now, on
    every page that counts (the roadmap, the mentorship page, the list),
    and two readers of one pair on different dates each see their own
    (the kept pages are keyed by the reader's date). Kiritimati (UTC+14)
    is always one or two days ahead of Pago Pago (UTC-11)."""
    from zoneinfo import ZoneInfo
    ahead, behind = "Pacific/Kiritimati", "Pacific/Pago_Pago"
    kiri, pago = m.signup("Kiri Ahead"), m.signup("Pago Behind")
    m.sql("UPDATE users SET timezone = ? WHERE id = ?", ahead, kiri.user_id)
    m.sql("UPDATE users SET timezone = ? WHERE id = ?", behind, pago.user_id)
    mid = mentorship(kiri, pago)
    days = lambda: tuple(datetime.datetime.now(ZoneInfo(z)).date() for z in (behind, ahead))
    for _ in range(3):     # again if a midnight passed meanwhile
        day_b, day_a = days()
        m.sql("DELETE FROM mentorship_milestones WHERE mentorship_id = ?", mid)
        m.sql("INSERT INTO mentorship_milestones (mentorship_id, title, description, "
              "due_date, position, created_at) VALUES (?, 'Due where Pago is', '', ?, 1, "
              "UTC_TIMESTAMP())", mid, str(day_b))
        m.sql("UPDATE mentorships SET review_date = ? WHERE id = ?",
              str(day_b + datetime.timedelta(days=7)), mid)
        seen = {who: [m.unescaped(who.get(p).text) for p in (
            f"/mentorships/{mid}/roadmap", f"/mentorships/{mid}", "/mentorships")]
            for who in (kiri, pago)}
        if days() == (day_b, day_a):
            break
    ahead_by = (day_a - day_b).days
    m.check(ahead_by in (1, 2), f"{day_a} is {ahead_by} days after {day_b}")
    road, page, mine = seen[pago]
    m.check('data-overdue="1"' not in road and '<span class="overdue-count">0</span> overdue'
            in road, "due today where Pago is: not overdue on the roadmap")
    m.check("overdue</strong>" not in page and "7 days left" in page,
            "the mentorship page counts from Pago's date")
    m.check("overdue milestone" not in mine, "nor is it overdue in Pago's list")
    road, page, mine = seen[kiri]
    m.check('data-overdue="1"' in road, "past its day where Kiri is: overdue on the roadmap")
    m.check("1 overdue</strong>" in page and f"{7 - ahead_by} days left" in page,
            "the mentorship page counts from Kiri's date")
    m.check("1 overdue milestone" in mine, "and it is overdue in Kiri's list")


if __name__ == "__main__":
    m.main()
