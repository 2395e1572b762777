"""Kept results follow every column they show (lib/kept.h).

Each program that keeps results prints, with --kept, every kept thing:
its version's table and every column it shows, filters or sorts by, the
list declared beside the code that makes it (the unit tests fail when
the page's SQL reads a column missing from that list). Here each listed
column is changed on a row of this test's own, inside a transaction
that is rolled back, and the version must have moved with it: a column
no trigger watches fails, named, before any page can serve it stale.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import menteo as m  # noqa: E402

BUILD = m.BUILD


def kept_things():
    """(program, name, version table, [table.column]) of every program."""
    out = []
    bindir = os.path.join(BUILD, "cgi-bin")
    for prog in sorted(os.listdir(bindir)):
        path = os.path.join(bindir, prog)
        if not os.access(path, os.X_OK) or os.path.isdir(path):
            continue
        res = subprocess.run([path, "--kept"], capture_output=True, text=True)
        m.check(res.returncode == 0, f"{prog} --kept: {res.stderr}")
        for line in res.stdout.splitlines():
            p, name, version, *watch = line.split()
            out.append((p, name, version, watch))
    return out


def last_id():
    return int(m.sql_value("SELECT LAST_INSERT_ID()"))


def user(name, mentor):
    slug = m.unique("kw")
    m.sql("INSERT INTO users (email, email_verified_at, password_hash, "
          "display_name, headline, bio, skills, is_mentor, capacity, slug, "
          "last_active) VALUES (?, UTC_TIMESTAMP(), 'x', ?, 'Kept headline', "
          "'a bio', ?, ?, 3, ?, UTC_DATE())", slug + "@example.org", name,
          "kw" + slug.replace("-", "") if mentor else "", mentor, slug)
    return int(m.sql_value("SELECT id FROM users WHERE slug = ?", slug))


def fixture():
    """One row of each table the kept things read, and their versions."""
    f = {}
    f["mentor"] = user("Kept Mentor", 1)
    f["mentee"] = user("Kept Mentee", 0)
    f["other"] = user("Kept Other", 1)
    ship = ("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, "
            "message, stage_changed_at, created_at) VALUES (?, ?, "
            "'cultivation', 'focus', '', UTC_TIMESTAMP(), UTC_TIMESTAMP()); "
            "SELECT LAST_INSERT_ID()")
    f["mid"] = int(m.sql(ship, f["mentor"], f["mentee"])[0][0])
    f["mid2"] = int(m.sql(ship, f["other"], f["mentee"])[0][0])
    msg = ("INSERT INTO room_messages (mentorship_id, author_id, body, "
           "body_html, created_at) VALUES (?, ?, 'hello', '<p>hello</p>', "
           "UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
    f["msg0"] = int(m.sql(msg, f["mid"], f["mentor"])[0][0])
    f["msg"] = int(m.sql(msg, f["mid"], f["mentor"])[0][0])
    thread = ("INSERT INTO threads (owner_id, title, purpose, visibility, "
              "mentorship_id, created_at, updated_at) VALUES (?, 'Kept', "
              "'', 'mentorship', ?, UTC_TIMESTAMP(), UTC_TIMESTAMP()); "
              "SELECT LAST_INSERT_ID()")
    f["tid"] = int(m.sql(thread, f["mentee"], f["mid"])[0][0])
    f["tid2"] = int(m.sql(thread, f["mentee"], f["mid"])[0][0])
    entry = ("INSERT INTO thread_entries (thread_id, kind, body, created_at, "
             "updated_at) VALUES (?, 'lesson', 'learnt', UTC_TIMESTAMP(), "
             "UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
    f["eid"] = int(m.sql(entry, f["tid"])[0][0])
    f["eid2"] = int(m.sql(entry, f["tid2"])[0][0])
    programme(f)
    f["cid"] = int(m.sql("INSERT INTO thread_comments (entry_id, author_id, "
                         "body, created_at) VALUES (?, ?, 'good', "
                         "UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()",
                         f["eid"], f["mentor"])[0][0])
    f["note"] = int(m.sql("INSERT INTO notifications (user_id, kind, title, path, "
                          "created_at) VALUES (?, 'mentorship', 'Kept note', "
                          "'/rooms/1', UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()",
                          f["mentor"])[0][0])
    return f


def programme(f):
    """The pair f['mid'] in a programme of its own, with a row of each
    table its dashboard reads (cgi-bin/programmes/dashboard.c), one of a
    past week among its weekly counts; another programme and survey for
    the rows to move to."""
    def prog():
        slug = m.unique("kw")
        return int(m.sql("INSERT INTO programmes (slug, name, description, "
                         "ground_rules, starts_on, created_at, updated_at) VALUES "
                         "(?, 'Kept programme', '', '', UTC_DATE() - INTERVAL 28 DAY, "
                         "UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()",
                         slug)[0][0])
    f["prog"], f["prog2"] = prog(), prog()
    m.sql("UPDATE mentorships SET programme_id = ?, review_date = UTC_DATE() WHERE "
          "id = ?", f["prog"], f["mid"])
    m.sql("INSERT INTO room_messages (mentorship_id, author_id, body, created_at) "
          "VALUES (?, ?, 'back then', UTC_TIMESTAMP() - INTERVAL 14 DAY)", f["mid"],
          f["mentor"])
    f["week"] = int(m.sql_value("SELECT MIN(week) FROM pair_weeks WHERE "
                                "mentorship_id = ?", f["mid"]))
    f["event"] = int(m.sql("INSERT INTO stage_events (mentorship_id, to_stage, "
                           "created_at) VALUES (?, 'cultivation', UTC_TIMESTAMP()); "
                           "SELECT LAST_INSERT_ID()", f["mid"])[0][0])
    f["rename"] = int(m.sql("INSERT INTO mentorship_renames (mentorship_id, from_focus, "
                            "to_focus, actor_id, created_at) VALUES (?, 'a', 'b', ?, "
                            "UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()", f["mid"],
                            f["mentor"])[0][0])
    f["goal"] = int(m.sql("INSERT INTO goals (mentorship_id, title, measure, "
                          "created_at) VALUES (?, 'g', 'm', UTC_TIMESTAMP()); "
                          "SELECT LAST_INSERT_ID()", f["mid"])[0][0])
    f["milestone"] = int(m.sql("INSERT INTO mentorship_milestones (mentorship_id, "
                               "title, description, due_date, position, created_at) "
                               "VALUES (?, 'ms', '', UTC_DATE(), 1, UTC_TIMESTAMP()); "
                               "SELECT LAST_INSERT_ID()", f["mid"])[0][0])
    f["checkin"] = int(m.sql("INSERT INTO checkins (mentorship_id, logged_by, held_on, "
                             "note, created_at) VALUES (?, ?, UTC_DATE(), 'n', "
                             "UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()", f["mid"],
                             f["mentor"])[0][0])
    f["meeting"] = int(m.sql("INSERT INTO meetings (mentorship_id, starts_at, agenda, "
                             "created_by, created_at) VALUES (?, UTC_TIMESTAMP(), "
                             "'a', ?, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()",
                             f["mid"], f["mentor"])[0][0])
    survey = ("INSERT INTO surveys (mentorship_id, user_id, programme_id, role, "
              "moment, seq, created_at) VALUES (?, ?, ?, 'mentee', 'checkin', ?, "
              "UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
    # (seqs the notifier never sends meanwhile to a pair in Cultivation)
    f["survey"] = int(m.sql(survey, f["mid"], f["mentee"], f["prog"], 90)[0][0])
    f["survey2"] = int(m.sql(survey, f["mid"], f["mentee"], f["prog"], 91)[0][0])
    m.sql("INSERT INTO survey_answers (survey_id, question, score) VALUES "
          "(?, 'going', 4)", f["survey"])
    f["psq"] = int(m.sql("INSERT INTO programme_survey_questions (programme_id, "
                         "prompt, kind, created_at) VALUES (?, 'Kept', 'score', "
                         "UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()", f["prog"])[0][0])
    f["part"] = int(m.sql("INSERT INTO programme_participants (programme_id, "
                          "user_id, role, status, joined_at) VALUES (?, ?, "
                          "'mentee', 'active', UTC_TIMESTAMP()); SELECT "
                          "LAST_INSERT_ID()", f["prog"], f["mentee"])[0][0])
    f["inv"] = int(m.sql("INSERT INTO programme_invitations (programme_id, email, "
                         "role, token_hash, created_at, sent_at, expires_at) VALUES "
                         "(?, ?, 'mentee', SHA2(?, 256), UTC_TIMESTAMP(), "
                         "UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()",
                         f["prog"], m.unique("kw") + "@example.org",
                         m.unique("kw"))[0][0])


def where(table, f):
    """This test's own row of table."""
    return {
        "users": f"id = {f['mentor']}",
        "user_skills": f"user_id = {f['mentor']}",
        "mentorships": f"id = {f['mid']}",
        "room_messages": f"id = {f['msg']}",
        "thread_entries": f"id = {f['eid']}",
        "thread_comments": f"id = {f['cid']}",
        "stage_events": f"id = {f['event']}",
        "mentorship_renames": f"id = {f['rename']}",
        "goals": f"id = {f['goal']}",
        "meetings": f"id = {f['meeting']}",
        "mentorship_milestones": f"id = {f['milestone']}",
        "checkins": f"id = {f['checkin']}",
        "programmes": f"id = {f['prog']}",
        "surveys": f"id = {f['survey']}",
        "survey_answers": f"survey_id = {f['survey']}",
        "programme_survey_questions": f"id = {f['psq']}",
        "programme_participants": f"id = {f['part']}",
        "programme_invitations": f"id = {f['inv']}",
        "pair_weeks": f"mentorship_id = {f['mid']} AND week = {f['week']}",
        "notifications": f"id = {f['note']}",
    }[table]


def version_sql(table, f):
    """The version of the thing this test's rows belong to."""
    return {
        "directory_version": "SELECT version FROM directory_version "
                             "WHERE id = 1",
        "room_versions": "SELECT version FROM room_versions WHERE "
                         f"mentorship_id = {f['mid']}",
        "thread_versions": "SELECT version FROM thread_versions WHERE "
                           f"thread_id = {f['tid']}",
        "programme_versions": "SELECT version FROM programme_versions WHERE "
                              f"programme_id = {f['prog']}",
        "programme_week_versions": "SELECT version FROM programme_week_versions "
                                   f"WHERE programme_id = {f['prog']}",
        "mentorship_versions": "SELECT version FROM mentorship_versions WHERE "
                               f"mentorship_id = {f['mid']}",
        "notification_counts": "SELECT version FROM notification_counts WHERE "
                               f"user_id = {f['mentor']}",
    }[table]


def changed(table, col, f):
    """An SQL expression for another value of table.col, valid for its
    type and its foreign key; a stage change that matters to a mentor's
    room (a working stage left)."""
    refs = {
        "mentorships.mentor_id": f["other"],
        "mentorships.stage": "'ended'",
        "user_skills.user_id": f["other"],
        "room_messages.mentorship_id": f["mid2"],
        "room_messages.author_id": f["mentee"],
        "room_messages.reply_to": f["msg0"],
        "thread_entries.thread_id": f["tid2"],
        "thread_comments.entry_id": f["eid2"],
        "thread_comments.author_id": f["other"],
        "mentorships.mentee_id": f["other"],
        "mentorships.programme_id": f["prog2"],
        "mentorships.channels": "IF(channels = 'video', 'email', 'video')",
        "mentorships.checkin_months": "COALESCE(checkin_months, 0) + 1",
        "programme_invitations.programme_id": f["prog2"],
        "programme_participants.programme_id": f["prog2"],
        "surveys.programme_id": f["prog2"],
        "surveys.mentorship_id": f["mid2"],
        "programme_survey_questions.programme_id": f["prog2"],
        "survey_answers.survey_id": f["survey2"],
        "stage_events.mentorship_id": f["mid2"],
        "goals.mentorship_id": f["mid2"],
        "meetings.mentorship_id": f["mid2"],
        "mentorship_milestones.mentorship_id": f["mid2"],
        "checkins.mentorship_id": f["mid2"],
        "checkins.logged_by": f["mentee"],
        "stage_events.actor_id": f["mentee"],
        "mentorship_renames.mentorship_id": f["mid2"],
        "mentorship_renames.actor_id": f["mentee"],
        "pair_weeks.mentorship_id": f["mid2"],
        "notifications.user_id": f["other"],
    }
    if f"{table}.{col}" in refs:
        return str(refs[f"{table}.{col}"])
    kind, ctype = m.sql("SELECT DATA_TYPE, COLUMN_TYPE FROM "
                        "information_schema.COLUMNS WHERE TABLE_SCHEMA = "
                        "DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?",
                        table, col)[0]
    if kind == "tinyint":
        return f"1 - {col}"
    if kind.endswith("int"):    # NULL + 1 is NULL: no change
        return f"COALESCE({col}, 0) + 1"
    if kind == "enum":
        values = [v.strip("'") for v in ctype[5:-1].split(",")]
        return "IF({0} = '{1}', '{2}', '{1}')".format(col, values[0], values[1])
    if kind == "date":
        return f"COALESCE({col}, UTC_DATE()) - INTERVAL 1 DAY"
    if kind in ("datetime", "timestamp"):
        return f"IF({col} IS NULL, UTC_TIMESTAMP(), {col} - INTERVAL 1 HOUR)"
    return f"CONCAT(COALESCE({col}, ''), 'x')"


@m.test
def test_every_watched_column_moves_its_version():
    """Every column a kept page shows is watched by a trigger: changed
    through SQL, as any writer could, it moves the version the kept
    result is found under."""
    things = kept_things()
    m.check({t[1] for t in things} >= {"dir", "index", "room", "list",
                                       "entries", "figures", "weeks",
                                       "page", "new"},
            f"kept things missing from --kept: {things}")
    f = fixture()
    seen = set()
    for prog, name, version, watch in things:
        for column in watch:
            if (version, column) in seen:
                continue
            seen.add((version, column))
            table, col = column.split(".")
            v = version_sql(version, f)
            rows = m.sql(f"START TRANSACTION; {v}; UPDATE {table} SET "
                         f"{col} = {changed(table, col, f)} WHERE "
                         f"{where(table, f)}; SELECT ROW_COUNT(); {v}; "
                         "ROLLBACK")
            before, count, after = rows[0][0], rows[1][0], rows[2][0]
            m.check(count == "1", f"{column}: the test's row not changed")
            m.check(before != after,
                    f"{prog} {name}: a change of {column} leaves "
                    f"{version} alone: no trigger watches it")


@m.test
def test_the_check_sees_an_unwatched_column():
    """The check itself: a column no trigger watches leaves the version
    where it was (threads.purpose is shown by the thread's head, which is
    not kept)."""
    f = fixture()
    v = version_sql("thread_versions", f)
    rows = m.sql(f"START TRANSACTION; {v}; UPDATE threads SET purpose = "
                 f"'changed' WHERE id = {f['tid']}; {v}; ROLLBACK")
    m.check(rows[0][0] == rows[1][0], "an unwatched column moved the version")


if __name__ == "__main__":
    m.main()
