/*
 * mentorships: the timeline of a mentorship, who moved it to which
 * stage and, on its parties' page, who renamed it, with the words the
 * latest move came with; on its page (show.c) and its record.
 */
#include <string.h>

#include "mentorships.h"

/*
 * Who made event i of a timeline (mships_timeline_sql), as the mails say
 * it: a programme's proposal or withdrawal is its organisers', not the
 * name of the one who clicked; a move of nobody's is Menteo's.
 */
static const char *
event_actor(const struct db_rows *e, size_t i)
{
	if (db_get_int(e, i, "by_organisers"))
		return "The organisers";
	return db_get(e, i, "actor") != NULL ? db_get(e, i, "actor") :
	    "Menteo";
}

/*
 * The words the latest move came with, above everything else: the
 * mentor's open question while a request waits, or why it closed. The
 * timeline has them too, but further down and among older events.
 */
static void
last_word(struct req *r, struct tdict *d, const struct mship *m,
    const struct db_rows *e)
{
	struct tdict *s;
	const char *from, *to, *note, *who;
	size_t i;

	if (e->nrows == 0)
		return;
	i = e->nrows - 1;
	from = db_get(e, i, "from_stage");
	to = db_get(e, i, "to_stage");
	note = db_get(e, i, "note");
	who = event_actor(e, i);
	if (note == NULL || *note == '\0' || strcmp(to, m->stage) != 0)
		return;
	if (mships_is(m, "requested") && from != NULL &&
	    strcmp(from, to) == 0 &&
	    db_get_int(e, i, "actor_id") == m->mentor_id) {
		s = tmpl_section(d, "QUESTION");
		tmpl_set(s, "WHO", who);
		tmpl_set(s, "TEXT", note);
		page_time(r, s, "WHEN", db_get(e, i, "created_at"));
	} else if (!m->is_open) {
		s = tmpl_section(d, "CLOSED_NOTE");
		tmpl_set(s, "WHO", who);
		tmpl_set(s, "LABEL", mship_stage_label(to));
		tmpl_set(s, "TEXT", note);
		page_time(r, s, "WHEN", db_get(e, i, "created_at"));
		/*
		 * A request its programme's organisers withdrew carries
		 * Menteo's sentence ("Withdrawn by the organisers of X"),
		 * not words one of them wrote.
		 */
		tmpl_show(s, strcmp(to, "withdrawn") == 0 &&
		    db_get_int(e, i, "by_outsider") ? "BY_MENTEO" :
		    "BY_PERSON");
	}
}

/*
 * The timeline: each stage event with who moved it (and the strip's
 * minutes). A programme's move is its organisers' unless a party made it
 * (one who left: stage_by_leaver, lib/stage.h, the same rule).
 */
const char mships_timeline_sql[] = "SELECT e.id, e.from_stage, e.to_stage, "
    "e.note, e.created_at, u.display_name AS actor, e.actor_id, "
    "m.proposed_by_programme AS proposed, e.by_outsider, "
    "m.programme_id IS NOT NULL AND e.actor_id IS NOT NULL AND "
    "e.by_outsider AND e.to_stage IN ('requested', 'withdrawn') AND "
    "e.actor_id NOT IN (m.mentor_id, m.mentee_id) AS by_organisers, "
    MSHIP_STAGE_MINUTES("e") " AS minutes FROM stage_events e JOIN "
    "mentorships m ON m.id = e.mentorship_id LEFT JOIN "
    "users u ON u.id = e.actor_id WHERE e.mentorship_id = ? ORDER BY e.id";

/*
 * The renames of a mentorship, for its parties' timeline (sql/398), each
 * after the stage event it followed, and the programme's said as its
 * organisers' (sql/399).
 */
const char mships_renames_sql[] = "SELECT n.after_event, n.from_focus, "
    "n.to_focus, n.created_at, u.display_name AS actor, n.by_outsider AS "
    "by_organisers FROM mentorship_renames n LEFT JOIN users u ON u.id = "
    "n.actor_id WHERE n.mentorship_id = ? ORDER BY n.id";

/* A line of the timeline at `at`: its time, ISO and in words. */
static struct tdict *
timeline_line(struct req *r, struct tdict *d, const char *at)
{
	struct tdict *s = tmpl_section(d, "EVENT");

	page_time(r, s, "WHEN", at);
	/* a datetime attribute without a zone would be local time */
	tmpl_set(s, "WHEN_ISO", strlen(at) == 19 ?
	    req_printf(r, "%.10sT%sZ", at, at + 11) : at);
	return s;
}

static void
timeline_rename(struct req *r, struct tdict *d, const struct db_rows *n,
    size_t i)
{
	struct tdict *s = timeline_line(r, d, db_get(n, i, "created_at"));
	int org = db_get_int(n, i, "by_organisers");

	tmpl_set(s, "ACTOR", org ? "The organisers" : db_get(n, i, "actor") !=
	    NULL ? db_get(n, i, "actor") : "A former member");
	tmpl_set(s, "WHAT", req_printf(r, "Renamed it%s from “%s” to “%s”",
	    org ? " with the programme," : "", db_get(n, i, "from_focus"),
	    db_get(n, i, "to_focus")));
}

/*
 * What event i did, in words: a request's first move is the mentee's
 * request or a proposal; a move within Requested is the mentor's
 * question or the mentee's answer, by who made it ("Asked or answered a
 * question" said both: found walking).
 */
static const char *
event_what(struct req *r, const struct mship *m, const struct db_rows *e,
    size_t i)
{
	const char *from = db_get(e, i, "from_stage");
	const char *to = db_get(e, i, "to_stage");

	if (from == NULL && db_get_int(e, i, "proposed"))
		return "Proposed the pair";
	return mship_event_text(r, from, to, db_get(e, i, "actor_id") == NULL ?
	    NULL : db_get_int(e, i, "actor_id") == m->mentor_id ? "mentor" :
	    "mentee");
}

/*
 * The timeline: stage events e and, for the parties' page, renames n
 * (NULL: none), in the order they happened.
 */
void
mships_timeline_fill(struct req *r, struct tdict *d, const struct mship *m,
    int notes, const struct db_rows *e, const struct db_rows *n)
{
	struct tdict *s;
	size_t i, k = 0;

	if (notes)
		last_word(r, d, m, e);
	for (i = 0; i < e->nrows; i++) {
		const char *to = db_get(e, i, "to_stage");
		const char *at = db_get(e, i, "created_at");
		const char *note = db_get(e, i, "note");
		for (; n != NULL && k < n->nrows && db_get_int(n, k,
		    "after_event") < db_get_int(e, i, "id"); k++)
			timeline_rename(r, d, n, k);
		s = timeline_line(r, d, at);
		tmpl_set(s, "ACTOR", event_actor(e, i));
		tmpl_set(s, "TO", to);
		tmpl_set(s, "TO_LABEL", mship_stage_label(to));
		tmpl_show(s, "STAGE_MOVE");
		tmpl_set(s, "WHAT", event_what(r, m, e, i));
		if (notes && note != NULL && *note != '\0')
			tmpl_set(tmpl_section(s, "NOTE"), "TEXT", note);
	}
	for (; n != NULL && k < n->nrows; k++)
		timeline_rename(r, d, n, k);
}

int
mships_timeline(struct req *r, struct tdict *d, const struct mship *m,
    int notes)
{
	struct db_rows *e;

	if ((e = db_query(r, mships_timeline_sql, "i", m->id)) == NULL)
		return -1;
	mships_timeline_fill(r, d, m, notes, e, NULL);
	return 0;
}
