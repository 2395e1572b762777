"""The dashboard's order (journey-32 at 1280): a person who mentors and has
no request out sees their own mentorships first and the mentors suggested
for them after (the box that finds nobody: dashboard_alone.py)."""
import menteo as m


def mentoring(stage="cultivation"):
    """A listed mentor with one mentee, in stage."""
    mentor, mentee = m.make_mentor(), m.signup()
    focus = m.unique("Mentoring focus")
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at, contract_version, review_date) VALUES "
          "(?, ?, ?, ?, '', UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1, "
          "UTC_DATE() + INTERVAL 90 DAY)", mentor.user_id, mentee.user_id, stage, focus)
    return mentor, focus


@m.test
def test_a_mentor_sees_their_mentorships_before_suggestions():
    m.make_mentor()     # someone with room to suggest
    mentor, focus = mentoring()
    m.sql("UPDATE users SET languages = '' WHERE id = ?", mentor.user_id)
    page = mentor.get("/").text
    m.check(focus in page, "their mentorship is listed")
    m.check("Mentors for you" in page, "someone is suggested")
    m.check(page.index('id="mine-h"') < page.index("Mentors for you") and
            page.index('id="attn-h"') < page.index("More suggestions, and why"),
            "suggestions come after their own mentorships")


@m.test
def test_someone_without_a_mentorship_still_sees_suggestions_first():
    m.make_mentor()
    c = m.signup()
    page = c.get("/").text
    m.check("Mentors for you" in page, "suggested")
    m.check("Start your first mentorship" in page, "and told how to start")


if __name__ == "__main__":
    m.main()
