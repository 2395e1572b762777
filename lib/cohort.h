/*
 * cohort: what the rest of the product knows of programmes
 * (docs/programmes.md): whether two people may be paired in one, and
 * the terms a programme's pair starts with. The programme pages
 * themselves are cgi-bin/programmes/.
 */
#ifndef MENTEO_COHORT_H
#define MENTEO_COHORT_H

#include "mship.h"
#include "req.h"

/*
 * SQL: the places a mentor (column or ?) has taken in a programme: its
 * pairs still asked or under way. One count for every page and check;
 * COHORT_ASKED, the part of them still waiting for the mentor's answer.
 */
#define COHORT_PAIRS(prog, mentor, stages) "(SELECT COUNT(*) FROM " \
	"mentorships t WHERE t.programme_id = " prog " AND t.mentor_id = " \
	mentor " AND t.stage IN (" stages "))"
#define COHORT_TAKEN(prog, mentor) \
	COHORT_PAIRS(prog, mentor, "'requested'," STAGES_CAPACITY)
#define COHORT_ASKED(prog, mentor) COHORT_PAIRS(prog, mentor, "'requested'")

/*
 * SQL: whether person (a column) is in a pair of programme prog, on
 * `side` ("mentor_id", "mentee_id"): one asked or under way. A mentee
 * who is not waits on the matching board, whatever came of their pairs
 * before (declined, withdrawn, expired, ended); the participants page
 * says "In a pair" by the same rule.
 */
#define COHORT_PAIRED(prog, side, person) "EXISTS (SELECT 1 FROM " \
	"mentorships x WHERE x.programme_id = " prog " AND x." side " = " \
	person " AND x.stage IN (" STAGES_OPEN "))"

/*
 * SQL: an intake answer (programme_answers a, its question q) that a
 * participant may read of another, on their pair's page or in any words
 * matching shows them: given under the join form's notice that it is
 * shown to the pair (sql/400), and its question still so marked. Every
 * other answer is the organisers' alone.
 */
#define COHORT_ANSWER_SHOWN(a, q)	"(" a ".shared = 1 AND " q ".shared = 1)"

/*
 * May mentor and mentee form a pair in the programme called slug? Both
 * must be in it (the mentor approved, with a place left of those they
 * offered it): 0 and *programme_id set, or *why, worded for who reads
 * it: the mentee who asks ("You are not a mentee of this programme"),
 * or an organiser who proposes the pair, after "X cannot be paired with
 * Y: " ("they are not an active mentee of the programme."); -1 database
 * down.
 */
enum cohort_reader { COHORT_MENTEE, COHORT_ORGANISER };

/*
 * The organiser's refusal of a mentor the programme has not approved,
 * the matching board's too.
 */
#define COHORT_NOT_MENTOR	"this person is not an approved mentor of the " \
	"programme."

int	cohort_pair_check(struct req *, const char *slug, long long mentor_id,
	    long long mentee_id, enum cohort_reader, long long *programme_id,
	    const char **why);

/*
 * Makes mentorship id the programme's pair, its contract started from
 * the programme's ground rules and cadence (inside the caller's
 * transaction). proposed: an organiser made the pair. 0, or -1.
 */
int	cohort_pair_terms(struct req *, long long mentorship_id,
	    long long programme_id, int proposed);

/*
 * The programme that proposed mentorship id (SPEC §12), for the words
 * of its answer: name NULL when the pair was not proposed by one. Its
 * mails then speak of "the pair the organisers of X proposed", not of
 * the mentee's request. 0, or -1.
 */
struct cohort_proposal {
	long long	 id;
	const char	*name;
	const char	*slug;
};
int	cohort_proposal(struct req *, long long mentorship_id,
	    struct cohort_proposal *);

/*
 * Tells each organiser of the programme that proposed m that the pair
 * will not be, once it moved to `to` (declined, withdrawn, expired, or
 * ended by an admin or a deletion; other stages tell nobody): an in-app
 * notification and a mail that
 * lead to the matching board, where the mentee can be proposed another
 * mentor. Nothing of the parties' notes: those are theirs. ev is the
 * stage event, the key of each notice. 0, or -1.
 */
int	cohort_tell_organisers(struct req *, const struct mship *m,
	    const struct cohort_proposal *, const char *to, long long ev);

/* An invitation's subject and notice, of a programme's name (%s). */
#define COHORT_INVITE_SUBJECT	"You are invited to the mentoring programme %s"
/*
 * The key of the mail and notice of the invitation whose token hashes
 * to hash (mail_forget takes both back when it is withdrawn).
 */
const char	*cohort_invite_key(struct req *, const char *hash);
/*
 * An address just confirmed (uid's): each live invitation to it, sent
 * before the account was made, becomes a notice leading to its
 * programme, whose page offers it to the address's account. 0, or -1.
 */
int	cohort_invites_tell(struct req *, long long uid, const char *email);

#endif
