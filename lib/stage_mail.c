/*
 * stage: the mail a move sends, in words that say what happened ("X
 * declined your request", "the organisers of P have withdrawn the pair
 * they proposed"), to whom the move concerns.
 */
#include <string.h>

#include "cohort.h"
#include "ics.h"
#include "mail.h"
#include "stage.h"

/*
 * The pair a programme's organisers proposed (prog: its name), as its
 * mails say it: not the mentee's request. NULL when prog is NULL.
 */
static const char *
move_proposal(struct req *r, const char *prog)
{
	return prog == NULL ? NULL : req_printf(r, "the pair the organisers "
	    "of %s proposed", prog);
}

/*
 * What comes next in the open stage a move reached, for the one told
 * (the move's mail said only where it went: found walking).
 */
static const char *
move_next(const char *to, int told_mentor)
{
	if (strcmp(to, "cultivation") == 0)
		return "Next: the deep work. Talk in the room, meet at your "
		    "cadence and follow the roadmap toward the goals.";
	if (strcmp(to, "separation") == 0)
		return told_mentor ? "Next: acknowledge the goals achieved, "
		    "on the review page; the record of achievement follows." :
		    "Next: your mentor acknowledges the goals achieved; the "
		    "record of achievement follows.";
	if (strcmp(to, "redefinition") == 0)
		return "Next: you go on as peers, with a check-in now and "
		    "then. " MSHIP_NEW_CYCLE;
	return "";
}

/* What the other party reads about this move. */
static const char *
move_intro(struct req *r, const struct mship *m, const struct stage_rule *rl,
    const char *note, const char *prog)
{
	const char *who = r->user.id == 0 ? "Menteo" :
	    (r->user.id == m->mentor_id ? m->mentor_name : m->mentee_name);
	const char *pair = move_proposal(r, prog);

	if (rl->who == STAGE_ADMIN)
		return "An administrator of Menteo ended this mentorship.";
	if (rl->who == STAGE_DELETION)
		return "The other person deleted their Menteo account, so this "
		    "mentorship has ended. Its record stays readable for you.";
	/*
	 * The note says who withdrew it; never why (a removal is nobody
	 * else's business).
	 */
	if (stage_by_programme(rl->who) && prog != NULL && !stage_by_leaver(r, m, rl))
		return req_printf(r, "The organisers of %s have withdrawn the "
		    "pair they proposed, so it will not go ahead. You stay in "
		    "the programme, and they may propose another pair.", prog);
	/* note: Menteo's, naming who left or was removed (a mentee who
	 * left read that the organisers withdrew the pair: found walking) */
	if (stage_by_programme(rl->who))
		return req_printf(r, "%s This %s will not go ahead.", note,
		    prog != NULL ? "proposed pair" : "request");
	if (strcmp(rl->to, "requested") == 0)
		return r->user.id == m->mentor_id ?
		    req_printf(r, "%s would like to know more before "
		    "answering %s. Answer on the mentorship page.", who,
		    pair != NULL ? pair : "your request") :
		    req_printf(r, "%s answered your question about %s.", who,
		    pair != NULL ? pair : "their request");
	if (strcmp(rl->to, "expired") == 0)
		return pair != NULL ? req_printf(r, "%s did not answer %s "
		    "within 14 days, so it has expired. The organisers have "
		    "been told.", m->mentor_name, pair) :
		    req_printf(r, "Your request to %s was not answered "
		    "within 14 days and has expired. You can ask another "
		    "mentor.", m->mentor_name);
	if (strcmp(rl->to, "initiation") == 0)
		return req_printf(r, "%s accepted %s. Next: write the contract "
		    "together (ground rules, cadence, 3 to 5 goals).", who,
		    pair != NULL ? pair : "your request");
	if (pair != NULL)	/* declined or withdrawn */
		return req_printf(r, "%s said no to %s. The organisers have "
		    "been told%s", who, pair, strcmp(rl->to, "declined") == 0 ?
		    ", and can propose you another mentor." : ".");
	/* a person's act in their words ("moved your mentorship from
	 * Requested to Declined" told a refusal: found walking) */
	if (strcmp(rl->to, "declined") == 0)
		return req_printf(r, "%s declined your request. You can ask "
		    "another mentor.", who);
	if (strcmp(rl->to, "withdrawn") == 0)
		return req_printf(r, "%s withdrew their request.", who);
	if (strcmp(rl->to, "ended") == 0)
		return req_printf(r, "%s ended the mentorship. Its record stays "
		    "readable for you.", who);
	return req_printf(r, "%s moved your mentorship from %s to %s. %s",
	    who, mship_stage_label(rl->from), mship_stage_label(rl->to),
	    move_next(rl->to, r->user.id != m->mentor_id));
}

static const char *
move_subject(struct req *r, const struct mship *m, const struct stage_rule *rl,
    const char *prog)
{
	if (strcmp(rl->to, "requested") == 0)
		return r->user.id != m->mentor_id ? "An answer to your question" :
		    prog != NULL ? "More asked about the proposed pair" :
		    "More asked about your mentorship request";
	if (prog != NULL && stage_by_programme(rl->who))
		return "A proposed pair was withdrawn";
	if (prog != NULL && !stage_by_outsider(rl->who))	/* an answer to a proposal */
		return req_printf(r, "The proposed pair was %s",
		    strcmp(rl->to, "initiation") == 0 ? "accepted" :
		    strcmp(rl->to, "expired") == 0 ? "not answered in time" :
		    strcmp(rl->to, "withdrawn") == 0 ? "turned down by the "
		    "mentee" : "declined");
	return rl->subject;
}

/*
 * The mail to rcpt, with the meetings a closing cancelled (ids) as its
 * calendar: one taken from an earlier mail's event.ics stayed in the
 * calendar after the pair had closed (found walking; the feed dropped
 * them). The intro says what the attachment does.
 */
static int
move_notice_send(struct req *r, const struct mship *m, long long rcpt,
    struct mship_notice *n, const char *ids)
{
	const char *intro = n->intro;
	int rc;

	n->calendar = ics_cancelled(r, m->id, ids, m->focus,
	    rcpt == m->mentor_id ? m->mentee_name : m->mentor_name);
	if (r->db_failed)
		return -1;
	if (n->calendar != NULL)
		n->intro = req_printf(r, "%s The meetings you had still to come "
		    "are cancelled: if you added them to your calendar, the "
		    "attached event.ics marks them cancelled, which most "
		    "calendars follow.", intro);
	rc = mship_notice_send(r, m, rcpt, n);
	n->intro = intro;
	n->calendar = NULL;
	return rc;
}

/*
 * A programme's ending, told to each party still in the programme: a
 * party removed from it has the removal's own mail, one who left it
 * their own page's word. 0, or -1.
 */
static int
move_mail_stayers(struct req *r, const struct mship *m,
    struct mship_notice *n, long long ev, const char *ids)
{
	const long long party[2] = { m->mentor_id, m->mentee_id };
	struct db_rows *gone;
	size_t i, k;

	gone = db_query(r, "SELECT pp.user_id FROM programme_participants pp "
	    "JOIN mentorships m ON m.programme_id = pp.programme_id AND "
	    "pp.user_id IN (m.mentor_id, m.mentee_id) WHERE m.id = ? AND "
	    "pp.status IN ('removed', 'left')", "i", m->id);
	if (gone == NULL)
		return -1;
	for (i = 0; i < 2; i++) {
		for (k = 0; k < gone->nrows; k++)
			if (db_get_int(gone, k, "user_id") == party[i])
				break;
		if (k < gone->nrows)
			continue;
		n->dedup = req_printf(r, "stage:%lld:%lld", ev, party[i]);
		if (move_notice_send(r, m, party[i], n, ids) == -1)
			return -1;
	}
	return 0;
}

/*
 * The mail about rule rl: to the other party, both for an admin, those
 * still in the programme for its organisers.
 */
int
stage_mail(struct req *r, const struct mship *m, const struct stage_rule *rl,
    const char *note, long long ev, const struct cohort_proposal *cp,
    const char *cancelled)
{
	struct mship_notice n = {
		.headline = move_subject(r, m, rl, cp->name),
		.intro = move_intro(r, m, rl, note, cp->name),
		.note = note,
		.path = req_printf(r, "/mentorships/%lld", m->id),
	};
	long long rcpt;

	/*
	 * a proposal taken back, or a party removed, leaves no pair: what
	 * stays is the programme; one who left leaves the pair's page, which
	 * says so
	 */
	if (stage_by_programme(rl->who) && cp->slug != NULL && !stage_by_leaver(r, m, rl)) {
		n.path = req_printf(r, "/programmes/%s", cp->slug);
		n.link_text = "Open the programme";
	}

	if (rl->who == STAGE_ADMIN) {
		n.dedup = req_printf(r, "stage:%lld:mentor", ev);
		if (move_notice_send(r, m, m->mentor_id, &n, cancelled) == -1)
			return -1;
		n.dedup = req_printf(r, "stage:%lld:mentee", ev);
		return move_notice_send(r, m, m->mentee_id, &n, cancelled);
	}
	if (rl->who == STAGE_DELETION || stage_by_programme(rl->who))
		n.note = NULL;	/* the event keeps it; the intro says it */
	if (stage_by_programme(rl->who))
		return move_mail_stayers(r, m, &n, ev, cancelled);
	rcpt = r->user.id == 0 ? m->mentee_id :
	    (r->user.id == m->mentor_id ? m->mentee_id : m->mentor_id);
	n.dedup = req_printf(r, "stage:%lld", ev);
	return move_notice_send(r, m, rcpt, &n, cancelled);
}
