"""Every organiser list by an index (issue 22, Speed): the statements the
dashboard's funnel, export.csv, surveys.csv and the invitations page send,
as MariaDB's general log holds them (the real text; each ? the programme), are
EXPLAINed on data where the programme holds most of each table, as on the
bench. None may read a table whole (type ALL) or walk a whole index (type
index): MariaDB chose such scans there, where most rows match, and would
walk the whole table for a programme holding few. Run alone, by
check_programme_plans.sh: the general log is the server's."""
import signal

import menteo as m

N = 3000    # the programme's pairs, invitations and surveys

LISTS = {
    # name: a part of the statement's text only it has
    "funnel": "COUNT(DISTINCT IF(e.to_stage = 'initiation'",
    "export.csv": "AS mentor_latest_score",
    "surveys.csv": "ORDER BY s.id, a.question",
    "invitations": "AS expired, (SELECT pp.status FROM users u",
}


def cohort(org, mentor, mentee):
    """A programme of N pairs, N invitations and N answered surveys,
    its organiser signed in. The pairs have ended: the notifier has no
    survey to send them, no reminder (and it is paused meanwhile)."""
    slug = m.unique("plans")
    pid = int(m.sql("INSERT INTO programmes (slug, name, description, ground_rules, "
                    "created_at, updated_at) VALUES (?, 'Plans', '', '', "
                    "UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()",
                    slug)[0][0])
    m.sql("INSERT INTO programme_organisers (programme_id, user_id, created_at) "
          "VALUES (?, ?, UTC_TIMESTAMP())", pid, org.user_id)
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at, programme_id) SELECT ?, ?, 'ended', "
          "CONCAT('Plan ', seq), '', UTC_TIMESTAMP(), UTC_TIMESTAMP(), ? FROM "
          f"seq_1_to_{N}", mentor.user_id, mentee.user_id, pid)
    m.sql("INSERT INTO stage_events (mentorship_id, from_stage, to_stage, created_at) "
          "SELECT id, 'initiation', 'cultivation', UTC_TIMESTAMP() FROM mentorships "
          "WHERE programme_id = ?", pid)
    m.sql("INSERT INTO programme_invitations (programme_id, email, role, token_hash, "
          "created_at, sent_at, expires_at) SELECT ?, CONCAT(?, seq, '@example.org'), "
          "'mentee', SHA2(CONCAT(?, seq), 256), UTC_TIMESTAMP(), UTC_TIMESTAMP(), "
          f"UTC_TIMESTAMP() + INTERVAL 9 DAY FROM seq_1_to_{N}", pid, slug, slug)
    m.sql("INSERT INTO surveys (mentorship_id, user_id, programme_id, role, moment, "
          "seq, created_at, answered_at) SELECT id, mentee_id, programme_id, 'mentee', "
          "'start', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM mentorships WHERE "
          "programme_id = ?", pid)
    m.sql("INSERT INTO survey_answers (survey_id, question, score) SELECT id, "
          "'going', 4 FROM surveys WHERE programme_id = ?", pid)
    m.sql("ANALYZE TABLE mentorships, stage_events, programme_invitations, surveys, "
          "survey_answers")
    return org, slug, pid



def statements(fn):
    """The statements the programme's pages sent while fn() ran, from the
    general log under the lock every test takes (menteo.general_log), so
    that nothing beside it truncates the log or switches it off midway."""
    _, rows = m.general_log(fn, "%")
    # line breaks and tabs as the mariadb client's batch mode writes them
    return [a.replace("\\n", " ").replace("\\t", " ")
            for _, command, a, _ in rows if command == "Execute"]


def scans(stmt):
    """The rows of stmt's plan that read a table or an index whole."""
    cols = ["id", "select_type", "table", "type", "possible_keys", "key",
            "key_len", "ref", "rows", "extra"]
    plan = [dict(zip(cols, r)) for r in m.sql("EXPLAIN " + stmt)]
    return [p for p in plan if p["type"] in ("ALL", "index")
            and not p["table"].startswith("<")], plan


@m.test
def test_every_organiser_list_is_an_index_read():
    org, mentor, mentee = m.signup(), m.make_mentor(capacity=10), m.signup()
    m.notifier(signal.SIGSTOP)
    try:
        org, slug, pid = cohort(org, mentor, mentee)
    finally:
        m.notifier(signal.SIGCONT)
    try:
        def pages():
            for path in ("dashboard", "export.csv", "surveys.csv", "invitations"):
                r = org.get(f"/programmes/{slug}/{path}")
                m.check(r.status == 200, f"{path}: {r!r}")
        sent = statements(pages)
        for name, mark in LISTS.items():
            found = [s for s in sent if mark in s]
            m.check(found, f"{name}: its statement not in the log: "
                    f"{[x[:80] for x in sent]}")
            # a statement prepared by the program is logged with its ?s:
            # each of these lists takes only the programme's id
            bad, plan = scans(found[0].replace("?", str(pid)))
            m.check(not bad, f"{name} reads a table whole: {bad}\n  plan: {plan}"
                    f"\n  statement: {found[0][:400]}")
    finally:
        m.sql("DELETE FROM mentorships WHERE programme_id = ?", pid)
        m.sql("DELETE FROM programmes WHERE id = ?", pid)


if __name__ == "__main__":
    m.main()
