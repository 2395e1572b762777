/*
 * mentorships: the mentorship page's rows, kept (lib/kept.h): what a
 * view shows besides the mentorship itself, made by a handful of queries
 * on a worker's first view after a write and kept under the pair's
 * version; show.c lays them out.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kept.h"
#include "mentorships.h"
#include "mine.h"
#include "risk.h"

/*
 * A party's view of the page was ten statements (issue 24). Its rows are
 * kept (lib/kept.h) under the pair's version (sql/290_mentorship_versions.sql),
 * which every write the page shows moves, whoever makes it: one entry a
 * pair, whichever party views it (what differs by viewer, the role's
 * texts and the time zone, is laid out here from the same rows), so a
 * worker keeps a page for each of a thousand pairs. A view then reads
 * only the mentorship with its version, the clock and the viewer's
 * unread count (VIEW_COLS), the session beside them: one statement.
 * What the clock alone changes is kept until the first moment it can
 * (the facts' until): the next midnight (days left, milestones overdue,
 * the weeks of progress), a meeting coming to pass, one falling out of
 * the cadence's window, the cadence falling behind; the current stage's
 * days are counted here from now (mship_strip_rows).
 */
static const char *const show_watch[] = {
	"mentorships.message", "mentorships.ground_rules",
	"mentorships.cadence", "mentorships.channels",
	"mentorships.review_date", "mentorships.mentor_agreed_at",
	"mentorships.mentee_agreed_at", "mentorships.contract_version",
	"mentorships.cycle_version", "mentorships.acknowledged_at",
	"mentorships.acknowledged_event",
	"mentorships.checkin_months", "mentorships.next_checkin",
	"mentorships.created_at", "mentorships.proposed_by_programme",
	"mentorships.programme_id", "mentorships.stage",
	"mentorships.stage_changed_at", "mentorships.mentor_id",
	"mentorships.mentee_id",
	"programmes.name", "programmes.slug",
	"goals.mentorship_id", "goals.title", "goals.measure",
	"goals.target_date", "goals.status", "goals.review_note",
	"goals.reviewed_at", "goals.reviewed_after_event", "goals.version",
	"mentorship_milestones.mentorship_id", "mentorship_milestones.title",
	"mentorship_milestones.due_date", "mentorship_milestones.done_at",
	"mentorship_milestones.position",
	"meetings.mentorship_id", "meetings.starts_at",
	"stage_events.mentorship_id", "stage_events.from_stage",
	"stage_events.to_stage", "stage_events.note",
	"stage_events.created_at", "stage_events.actor_id",
	"stage_events.by_outsider",
	"mentorship_renames.mentorship_id", "mentorship_renames.from_focus",
	"mentorship_renames.to_focus", "mentorship_renames.actor_id",
	"mentorship_renames.created_at", "mentorship_renames.after_event",
	"mentorship_renames.by_outsider",
	"checkins.mentorship_id", "checkins.held_on", "checkins.note",
	"checkins.logged_by",
	"users.display_name", "users.headline", "users.skills",
	"users.looking_for", "users.languages", "users.timezone", NULL
};
static const struct kept_def show_kept = { "page", "mentorship_versions",
    show_watch, "sql/290 mentorships_version_*, goals_version_*, "
    "stage_events_version_*, milestones_version_*, meetings_version_*, "
    "checkins_version_*, programmes_pairs_version*, "
    "users_mentorship_version (sql/340), mentorship_renames_version_* "
    "(sql/398)" };
/* and the cards of the list, /mentorships (lib/mine.h) */
const struct kept_def *const mships_kept[] = { &show_kept, &mine_kept, NULL };


/*
 * The pair's row with the counts and the clock of the page: the
 * contract, the next step's, the milestones', the meetings' (as
 * show_meetings had them), and until, the first moment after now that
 * the clock alone changes any of them. Days (to the review, overdue)
 * count from the reader's date, which the page's key holds: the next
 * midnight there makes it again. "ssii": that date twice, the
 * mentorship twice.
 */
#define F_DAYS	RISK_CADENCE_DAYS("f")
#define F_AFTER(t) "IF(" t " > UTC_TIMESTAMP(), " t ", " KEPT_NEVER ")"
static const char facts_sql[] = "SELECT f.*, DATE_FORMAT(LEAST("
    "COALESCE(f.next_at + INTERVAL 1 SECOND, " KEPT_NEVER "), "
    "COALESCE(f.window_first + INTERVAL 3 * " F_DAYS " DAY, " KEPT_NEVER "), "
    F_AFTER("COALESCE(f.last_at, f.stage_changed_at) + INTERVAL " F_DAYS
    " DAY") ", " F_AFTER("f.stage_changed_at + INTERVAL " F_DAYS " DAY")
    "), '%Y-%m-%d %H:%i:%s') AS until, "
    /* the moment the cadence's next meeting is due (RISK_CADENCE_BEHIND) */
    "f.last_at + INTERVAL " F_DAYS " DAY AS due_by FROM (SELECT m.message, "
    "m.ground_rules, m.cadence, m.channels, m.review_date, "
    "DATEDIFF(m.review_date, ?) AS days_left, m.mentor_agreed_at, "
    "m.mentee_agreed_at, m.contract_version, m.acknowledged_at, "
    MSHIP_ACKED("m") " AS acked, "
    "m.checkin_months, m.next_checkin, "
    "m.created_at, m.stage_changed_at, m.proposed_by_programme, "
    "p.name AS programme, p.slug AS programme_slug, "
    "(SELECT COUNT(*) FROM goals go WHERE go.mentorship_id = m.id AND "
    " go.status = 'open') AS open_goals, "
    "(SELECT ms.title FROM mentorship_milestones ms WHERE ms.mentorship_id "
    " = m.id AND ms.done_at IS NULL ORDER BY ms.due_date, ms.position, "
    " ms.id LIMIT 1) AS ms_title, k.ms_total, k.ms_done, k.ms_overdue, "
    "(SELECT MIN(mt.starts_at) FROM meetings mt WHERE mt.mentorship_id = "
    " m.id AND mt.starts_at >= UTC_TIMESTAMP()) AS next_at, "
    "(SELECT MAX(mt.starts_at) FROM meetings mt WHERE mt.mentorship_id = "
    " m.id AND mt.starts_at < UTC_TIMESTAMP()) AS last_at, "
    /* held over the last three intervals, the first of them */
    "(SELECT COUNT(*) FROM meetings mt WHERE mt.mentorship_id = m.id AND "
    " mt.starts_at < UTC_TIMESTAMP() AND mt.starts_at >= UTC_TIMESTAMP() - "
    " INTERVAL 3 * " RISK_CADENCE_DAYS("m") " DAY) AS held, "
    "(SELECT MIN(mt.starts_at) FROM meetings mt WHERE mt.mentorship_id = "
    " m.id AND mt.starts_at < UTC_TIMESTAMP() AND mt.starts_at >= "
    " UTC_TIMESTAMP() - INTERVAL 3 * " RISK_CADENCE_DAYS("m") " DAY) AS "
    " window_first, "
    RISK_CADENCE_DAYS("m") " AS days, " RISK_CADENCE_BEHIND("m") " AS "
    "behind, m.stage_changed_at > UTC_TIMESTAMP() - INTERVAL "
    RISK_CADENCE_DAYS("m") " DAY AS early "
    "FROM mentorships m LEFT JOIN programmes p ON p.id = m.programme_id "
    "JOIN (SELECT COUNT(*) AS ms_total, COALESCE(SUM(ms.done_at IS NOT "
    "NULL), 0) AS ms_done, COALESCE(SUM(" MS_OVERDUE("ms", "?") "), 0) AS "
    "ms_overdue FROM mentorship_milestones ms WHERE ms.mentorship_id = ?) "
    "k WHERE m.id = ?) f";

/* earlier: the goal was closed in an earlier cycle (GOAL_EARLIER) */
static const char goals_sql[] = "SELECT g.id, g.title, g.measure, "
    "g.target_date, g.status, g.review_note, g.version, " GOAL_EARLIER
    " AS earlier FROM goals g WHERE g.mentorship_id = ? ORDER BY g.id";

/* While requested: what both parties say of themselves, to decide on. */
static const char parties_sql[] = "SELECT u.id AS party, u.headline, "
    "u.skills, u.looking_for, u.languages, u.timezone FROM users u WHERE "
    "u.id IN (?, ?)";

/* Rows of ncols named columns made here (the kept answers of conditions). */
static struct db_rows *
show_rows_new(struct req *r, const char *const *names, size_t ncols,
    size_t nrows)
{
	struct db_rows *q = arena_alloc(r->arena, sizeof(*q));

	if (q == NULL || (q->cell = arena_alloc(r->arena, (nrows * ncols + 1) *
	    sizeof(*q->cell))) == NULL)
		return NULL;
	memset(q->cell, 0, (nrows * ncols + 1) * sizeof(*q->cell));
	q->names = (const char **)(uintptr_t)names;
	q->ncols = ncols;
	q->nrows = nrows;
	return q;
}

#define SHOW_PARTS	9
/*
 * Rows of several queries as one, to be kept as one: a "part" column
 * naming each row's query, then every column of them all by name (a
 * row's own columns filled, the others NULL). show_part reads one back.
 */
static struct db_rows *
show_join(struct req *r, const char *const *part, struct db_rows *const *q,
    size_t n)
{
	const char **names;
	struct db_rows *all;
	size_t i, j, k, c, row, ncols = 1, nrows = 0, max = 1;

	for (i = 0; i < n; i++) {
		max += q[i]->ncols;
		nrows += q[i]->nrows;
	}
	if ((names = arena_alloc(r->arena, max * sizeof(*names))) == NULL)
		return NULL;
	names[0] = "part";
	for (i = 0; i < n; i++)
		for (j = 0; j < q[i]->ncols; j++) {
			for (c = 0; c < ncols && strcmp(names[c],
			    q[i]->names[j]) != 0; c++)
				;
			if (c == ncols)
				names[ncols++] = q[i]->names[j];
		}
	if ((all = show_rows_new(r, names, ncols, nrows)) == NULL)
		return NULL;
	for (row = 0, i = 0; i < n; i++)
		for (k = 0; k < q[i]->nrows; k++, row++) {
			all->cell[row * ncols] = (char *)(uintptr_t)part[i];
			for (j = 0; j < q[i]->ncols; j++) {
				for (c = 1; strcmp(names[c], q[i]->names[j]) != 0;
				    c++)
					;
				all->cell[row * ncols + c] =
				    q[i]->cell[k * q[i]->ncols + j];
			}
		}
	return all;
}

/* The rows of part name within all (show_join), none when it has none. */
struct db_rows
mships_part(const struct db_rows *all, const char *name)
{
	struct db_rows p = { 0, all->ncols, all->cell, all->names };
	size_t i;

	for (i = 0; i < all->nrows; i++)
		if (strcmp(all->cell[i * all->ncols], name) == 0) {
			if (p.nrows++ == 0)
				p.cell = all->cell + i * all->ncols;
		} else if (p.nrows > 0)
			break;
	return p;
}

/*
 * The part of rule rl's condition the page keeps (stage_pair_cond), for
 * a move from m's stage that the page asks (mships_move_ready), or NULL.
 */
static stage_cond_fn
show_cond(const struct stage_rule *rl, const struct mship *m)
{
	int whole;

	if (strcmp(rl->from, m->stage) != 0 || strcmp(rl->from,
	    "requested") == 0 || strcmp(rl->to, "ended") == 0)
		return NULL;
	return stage_pair_cond(rl, &whole);
}

/*
 * The page's rows of mentorship m (as loaded, in the stage its version
 * names): its facts, goals, timeline, progress, check-ins in
 * Redefinition, and the answers of what the page asks the stage rules:
 * of each condition of a move from this stage, what reads the pair alone
 * (show_cond), what the contract lacks in Initiation, whether a question
 * waits while requested.
 */
static const struct db_rows *
show_make(struct req *r, void *arg, int *keep)
{
	static const char *const cond_names[] = { "from_stage", "to_stage",
		"ready", "whole" };
	static const char *const why_names[] = { "why" };
	static const char *const asked_names[] = { "asked" };
	const struct mship *m = arg;
	const char *part[SHOW_PARTS], *why;
	struct db_rows *q[SHOW_PARTS], *c;
	stage_cond_fn cond;
	size_t i, n = 0, nc = 0;
	int rc, whole;

	(void)keep;
#define PART(name, rows) do { part[n] = (name); \
	if ((q[n++] = (rows)) == NULL) return NULL; } while (0)
	PART("facts", db_query(r, facts_sql, "ssii", page_today(r),
	    page_today(r), m->id, m->id));
	PART("goals", db_query(r, goals_sql, "i", m->id));
	PART("events", db_query(r, mships_timeline_sql, "i", m->id));
	PART("renames", db_query(r, mships_renames_sql, "i", m->id));
	if (!mships_is(m, "requested"))
		PART("progress", db_query(r, mships_progress_sql, "iii",
		    m->id, m->id, m->id));
	if (mships_is(m, "redefinition"))
		PART("checkins", db_query(r, mships_checkins_sql, "i", m->id));
	for (i = 0; i < stage_nrules; i++)
		nc += show_cond(&stage_rules[i], m) != NULL;
	PART("cond", show_rows_new(r, cond_names, 4, nc));
	for (c = q[n - 1], nc = 0, i = 0; i < stage_nrules; i++) {
		if ((cond = show_cond(&stage_rules[i], m)) == NULL)
			continue;
		why = NULL;
		if ((rc = cond(r, m, "", &why)) == -1 || r->db_failed)
			return NULL;
		(void)stage_pair_cond(&stage_rules[i], &whole);
		c->cell[nc * 4] = (char *)(uintptr_t)stage_rules[i].from;
		c->cell[nc * 4 + 1] = (char *)(uintptr_t)stage_rules[i].to;
		c->cell[nc * 4 + 2] = (char *)(uintptr_t)(rc == 0 ? "1" : "0");
		c->cell[nc * 4 + 3] = (char *)(uintptr_t)(whole ? "1" : "0");
		nc++;
	}
	if (mships_is(m, "initiation")) {
		why = NULL;
		if ((rc = stage_contract_complete(r, m, &why)) == -1 ||
		    r->db_failed)
			return NULL;
		PART("complete", show_rows_new(r, why_names, 1, 1));
		q[n - 1]->cell[0] = (char *)(uintptr_t)(rc != 0 ? why : NULL);
	}
	if (mships_is(m, "requested")) {
		if ((rc = stage_question_open(r, m)) == -1)
			return NULL;
		PART("asked", show_rows_new(r, asked_names, 1, 1));
		q[n - 1]->cell[0] = (char *)(uintptr_t)(rc ? "1" : "0");
		PART("parties", db_query(r, parties_sql, "ii", m->mentor_id,
		    m->mentee_id));
	}
#undef PART
	return show_join(r, part, q, n);
}

/* The page's rows hold until the facts' one row says. */
static const char *
facts_until(const struct db_rows *all)
{
	struct db_rows f = mships_part(all, "facts");

	return f.nrows == 1 ? db_get(&f, 0, "until") : NULL;
}

const struct db_rows *
mships_rows(struct req *r, struct mship *m, const char *version,
    const char *now)
{
	/* the reader's date counts days; the pair's, a review date passed */
	const char *key = kept_key(r, &show_kept, version, "isss", m->id,
	    m->stage, page_today(r), mship_pair_today(r, m));

	return kept_get_until(r, key, show_make, m, now, facts_until);
}
