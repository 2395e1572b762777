#include <string.h>

#include "cohort.h"
#include "db.h"
#include "mship.h"
#include "notif.h"

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

int
cohort_proposal(struct req *r, long long mentorship_id,
    struct cohort_proposal *cp)
{
	struct db_rows *row;

	memset(cp, 0, sizeof(*cp));
	row = db_query(r, "SELECT p.id, p.name, p.slug FROM mentorships m "
	    "JOIN programmes p ON p.id = m.programme_id WHERE m.id = ? AND "
	    "m.proposed_by_programme = 1", "i", mentorship_id);
	if (row == NULL)
		return -1;
	if (row->nrows == 1) {
		cp->id = db_get_int(row, 0, "id");
		cp->name = db_get(row, 0, "name");
		cp->slug = db_get(row, 0, "slug");
	}
	return 0;
}

/* What the organisers read when a proposed pair will not be. */
static const char *
told_intro(struct req *r, const struct mship *m,
    const struct cohort_proposal *cp, const char *to)
{
	const char *what;

	if (strcmp(to, "ended") == 0)	/* an admin's, or an account gone */
		return req_printf(r, "The proposal that %s mentor %s, made in "
		    "%s, ended before an answer: an administrator ended it, or "
		    "one of them deleted their account.", m->mentor_name,
		    m->mentee_name, cp->name);
	if (strcmp(to, "declined") == 0)
		what = req_printf(r, "%s declined to mentor %s", m->mentor_name,
		    m->mentee_name);
	else if (strcmp(to, "withdrawn") == 0)
		what = req_printf(r, "%s said no to %s as their mentor",
		    m->mentee_name, m->mentor_name);
	else
		what = req_printf(r, "%s did not answer within 14 days, so "
		    "the proposal to mentor %s expired", m->mentor_name,
		    m->mentee_name);
	return req_printf(r, "%s: the pair was proposed in %s. %s can be "
	    "proposed another mentor on the matching board.", what, cp->name,
	    m->mentee_name);
}

int
cohort_tell_organisers(struct req *r, const struct mship *m,
    const struct cohort_proposal *cp, const char *to, long long ev)
{
	struct db_rows *orgs;
	struct mship_notice n = { .kind = "programme",
	    .link_text = "Open the matching board" };
	long long uid;
	size_t i;

	/* cp->name: the move was from requested, an answer or its end */
	if (cp->name == NULL || mship_stage_open(to))
		return 0;
	orgs = db_query(r, "SELECT user_id FROM programme_organisers WHERE "
	    "programme_id = ? ORDER BY user_id", "i", cp->id);
	if (orgs == NULL)
		return -1;
	n.headline = n.subject = req_printf(r, "A proposed pair will not "
	    "be: %s and %s", m->mentor_name, m->mentee_name);
	n.intro = told_intro(r, m, cp, to);
	n.path = req_printf(r, "/programmes/%s/matching", cp->slug);
	for (i = 0; i < orgs->nrows; i++) {
		uid = db_get_int(orgs, i, "user_id");
		n.dedup = req_printf(r, "stage:%lld:org:%lld", ev, uid);
		if (mship_notice_send(r, m, uid, &n) == -1)
			return -1;
	}
	return 0;
}

const char *
cohort_invite_key(struct req *r, const char *hash)
{
	return req_printf(r, "programme-invite:%s", hash);
}

int
cohort_invites_tell(struct req *r, long long uid, const char *email)
{
	struct db_rows *i;
	size_t k;

	/* the address as typed in the paste, byte for byte (invitations.c) */
	i = db_query(r, "SELECT i.token_hash, p.slug, p.name FROM "
	    "programme_invitations i JOIN programmes p ON p.id = "
	    "i.programme_id WHERE i.email = ? COLLATE utf8mb4_bin AND "
	    "i.used_at IS NULL AND i.declined_at IS NULL AND i.expires_at > "
	    "UTC_TIMESTAMP()", "s", email);
	if (i == NULL)
		return -1;
	for (k = 0; k < i->nrows; k++)
		if (notif_add(r, uid, "programme-invite", req_printf(r,
		    COHORT_INVITE_SUBJECT, db_get(i, k, "name")),
		    req_printf(r, "/programmes/%s", db_get(i, k, "slug")),
		    cohort_invite_key(r, db_get(i, k, "token_hash"))) == -1)
			return -1;
	return 0;
}
