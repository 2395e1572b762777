"""journey-32: a mentor was shown "Mentors for you" finding nobody above
their own work. With no mentor to suggest, a person who mentors sees no
suggestion box at all (one who mentors nobody still sees it, with a way to
browse). It unlists every mentor for a moment, so it runs alone
(check_dashboard_alone.sh)."""
import menteo as m


def mentoring():
    """A listed mentor with one mentee in Cultivation (as test_dashboard)."""
    mentor, mentee = m.make_mentor(), m.signup()
    focus = m.unique("Mentoring focus")
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at, contract_version, review_date) VALUES "
          "(?, ?, 'cultivation', ?, '', UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1, "
          "UTC_DATE() + INTERVAL 90 DAY)", mentor.user_id, mentee.user_id, focus)
    return mentor, focus


@m.test
def test_an_empty_suggestion_box_is_not_shown_to_a_mentor():
    mentor, focus = mentoring()
    newcomer = m.signup()
    tag = m.unique("hidden")
    ids = [r[0] for r in m.sql("SELECT id FROM users WHERE is_mentor = 1 AND "
                               "unlisted_at IS NULL")]
    m.sql("CREATE TABLE IF NOT EXISTS dashboard_alone_unlisted (id BIGINT PRIMARY KEY)")
    try:
        for i in range(0, len(ids), 500):
            part = ",".join(ids[i:i + 500])
            m.sql(f"INSERT IGNORE INTO dashboard_alone_unlisted (id) SELECT id FROM users "
                  f"WHERE id IN ({part})")
            m.sql(f"UPDATE users SET unlisted_at = UTC_TIMESTAMP() WHERE id IN ({part})")
        page = mentor.get("/").text
        m.check(focus in page, "their mentorship is listed")
        m.check("Mentors for you" not in page and "No mentor with room fits" not in page,
                f"no box that finds nobody ({tag})")
        page = newcomer.get("/").text
        m.check("Mentors for you" in page and "No mentor with room fits" in page,
                "someone who mentors nobody is still told where to look")
    finally:
        m.sql("UPDATE users SET unlisted_at = NULL WHERE id IN "
              "(SELECT id FROM dashboard_alone_unlisted)")
        m.sql("DROP TABLE dashboard_alone_unlisted")


if __name__ == "__main__":
    m.main()
