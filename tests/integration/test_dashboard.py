"""The dashboard's order (journey-32 at 1280): a person who mentors and has
no request out sees their own mentorships first and the mentors suggested
for them after (the box that finds nobody: dashboard_alone.py). A mentor
with no mentee side (never asked for a mentor, never paired as a mentee,
looking for nothing) is not told to find mentors."""
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
    # a mentor who also looks for a mentor of their own
    m.sql("UPDATE users SET languages = '', looking_for = 'leadership' WHERE id = ?",
          mentor.user_id)
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


@m.test
def test_a_mentor_who_looks_for_no_mentor_is_suggested_none():
    m.make_mentor()     # someone with room to suggest
    mentor, focus = mentoring()
    page = mentor.get("/").text
    m.check(focus in page, "their mentorship is listed")
    m.check("Mentors for you" not in page and "/people/suggestions" not in page,
            "a mentor with no mentee side is not told to find mentors")
    newcomer = m.make_mentor()      # listed, no mentorship at all yet
    page = newcomer.get("/").text
    m.check("Mentors for you" not in page, "nor a new mentor with no mentorship")
    m.check("You are in the mentor directory" in page, "told where they stand")


@m.test
def test_a_mentor_who_has_been_a_mentee_still_sees_suggestions():
    m.make_mentor()
    mentor, focus = mentoring()
    own = m.make_mentor()
    m.sql("INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, "
          "stage_changed_at, created_at) VALUES (?, ?, 'declined', ?, '', "
          "UTC_TIMESTAMP(), UTC_TIMESTAMP())", own.user_id, mentor.user_id,
          m.unique("asked once"))
    page = mentor.get("/").text
    m.check("Mentors for you" in page, "a mentor who asked for a mentor is suggested some")
    mentee = m.signup()
    page = mentee.get("/").text
    m.check("Mentors for you" in page, "a mentee still is")


if __name__ == "__main__":
    m.main()
