#include <string.h>

#include "cohort.h"
#include "db.h"
#include "mship.h"

/* Why a pair is refused, for each reader (enum cohort_reader). */
enum { NO_PROGRAMME, NOT_MENTEE, NOT_MENTOR, NO_PLACE };
static const char *const refusals[][2] = {
	[NO_PROGRAMME] = { "There is no such programme.",
	    "there is no such programme." },
	[NOT_MENTEE] = { "You are not a mentee of this programme: join it "
	    "first.", "they are not an active mentee of the programme." },
	[NOT_MENTOR] = { "This person is not an approved mentor of the "
	    "programme.", COHORT_NOT_MENTOR },
	[NO_PLACE] = { "This mentor has no place left in the programme "
	    "right now: choose another.", "this mentor has no place left in "
	    "the programme." },
};

int
cohort_pair_check(struct req *r, const char *slug, long long mentor_id,
    long long mentee_id, enum cohort_reader reader, long long *programme_id,
    const char **why)
{
	struct db_rows *p;
	int no = -1;

	*why = NULL;
	*programme_id = 0;
	p = db_query(r, "SELECT p.id, p.name, "
	    "(SELECT status FROM programme_participants WHERE programme_id = "
	    "p.id AND user_id = ? AND role = 'mentor') AS mentor_status, "
	    "(SELECT capacity FROM programme_participants WHERE programme_id = "
	    "p.id AND user_id = ? AND role = 'mentor') AS places, "
	    "(SELECT status FROM programme_participants WHERE programme_id = "
	    "p.id AND user_id = ? AND role = 'mentee') AS mentee_status, "
	    COHORT_TAKEN("p.id", "?") " AS taken FROM programmes p WHERE "
	    "p.slug = ?", "iiiis", mentor_id, mentor_id, mentee_id, mentor_id,
	    slug);
	if (p == NULL)
		return -1;
	if (p->nrows == 0)
		no = NO_PROGRAMME;
	else if (db_get(p, 0, "mentee_status") == NULL ||
	    strcmp(db_get(p, 0, "mentee_status"), "active") != 0)
		no = NOT_MENTEE;
	else if (db_get(p, 0, "mentor_status") == NULL ||
	    strcmp(db_get(p, 0, "mentor_status"), "active") != 0)
		no = NOT_MENTOR;
	else if (db_get(p, 0, "places") != NULL &&
	    db_get_int(p, 0, "taken") >= db_get_int(p, 0, "places"))
		no = NO_PLACE;
	if (no == -1)
		*programme_id = db_get_int(p, 0, "id");
	else
		*why = refusals[no][reader];
	return 0;
}

int
cohort_pair_terms(struct req *r, long long mentorship_id,
    long long programme_id, int proposed)
{
	return db_exec(r, "UPDATE mentorships m JOIN programmes p ON p.id = ? "
	    "SET m.programme_id = p.id, m.proposed_by_programme = ?, "
	    "m.ground_rules = NULLIF(p.ground_rules, ''), m.cadence = p.cadence "
	    "WHERE m.id = ?", "iii", programme_id, (long long)proposed,
	    mentorship_id) < 0 ? -1 : 0;
}
