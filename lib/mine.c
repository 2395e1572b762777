/*
 * mine: the viewer's mentorships laid out for /mentorships and the
 * dashboard: grouped by what they need, with what waits for the viewer,
 * milestone progress, unread messages and the meetings to come.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "kept.h"
#include "mine.h"
#include "mship.h"
#include "page.h"
#include "sess.h"
#include "stage.h"
#include "tmpl.h"
struct attn {
	const char	*text[12];
	const char	*url[12];
	int		 n;
	long long	 ms_total, ms_done, ms_overdue;
	long long	 unread;
	int		 has_room;
};

static void
attn_add(struct attn *a, const char *text, const char *url)
{
	if (a->n < 12) {
		a->text[a->n] = text;
		a->url[a->n] = url;
		a->n++;
	}
}

/* "total done overdue" as MINE_MS packs them (three counts); NULL: none. */
static void
ms_counts(const char *s, struct attn *a)
{
	char *end;

	a->ms_total = a->ms_done = a->ms_overdue = 0;
	if (s == NULL)
		return;
	a->ms_total = strtoll(s, &end, 10);
	a->ms_done = strtoll(end, &end, 10);
	a->ms_overdue = strtoll(end, &end, 10);
}

/*
 * Milestones of row i (counted by the list query) and unread messages in
 * its room. The list brings the other party's newest message and the
 * viewer's read position: most rooms have nothing unread, and cost no
 * more. Otherwise the count is a query of its own: its range on the
 * room's key (id > the read position) needs the position as a constant;
 * as a subquery of the list, correlated, it walked the whole room.
 */
static int
mine_extras(struct req *r, struct attn *a, const struct db_rows *q, size_t i)
{
	long long id = db_get_int(q, i, "id");
	struct db_rows *u;

	ms_counts(db_get(q, i, "ms"), a);
	if (a->ms_overdue > 0)
		attn_add(a, req_printf(r, "%lld overdue milestone%s",
		    a->ms_overdue, a->ms_overdue == 1 ? "" : "s"), req_printf(r, "/mentorships/%lld/roadmap",
		    id));
	a->has_room = 1;
	if (db_get(q, i, "other_newest") == NULL ||
	    db_get_int(q, i, "other_newest") <= db_get_int(q, i, "last_read"))
		a->unread = 0;
	else {
		u = db_query(r, "SELECT " MSHIP_UNREAD " AS unread", "iiii",
		    id, r->user.id, id, r->user.id);
		if (u == NULL)
			return -1;
		a->unread = db_get_int(u, 0, "unread");
	}
	if (a->unread > 0)
		attn_add(a, req_printf(r, "%lld unread message%s in the room",
		    a->unread, a->unread == 1 ? "" : "s"), req_printf(r, "/rooms/%lld", id));
	return 0;
}

/* What this row needs from the viewer, from its stage and contract. */
static void
mine_attention(struct req *r, struct attn *a, const struct db_rows *q,
    size_t i)
{
	const char *st = db_get(q, i, "stage");
	int mentor = db_get_int(q, i, "mentor_id") == r->user.id;
	int me = db_get(q, i, mentor ? "mentor_agreed_at" :
	    "mentee_agreed_at") != NULL;
	int other = db_get(q, i, mentor ? "mentee_agreed_at" :
	    "mentor_agreed_at") != NULL;
	long long days;
	const char *base = req_printf(r, "/mentorships/%s", db_get(q, i, "id"));

	if (strcmp(st, "requested") == 0 && mentor)
		attn_add(a, "Answer the request", base);
	else if (strcmp(st, "requested") == 0 &&
	    db_get_int(q, i, "asked") != 0)
		attn_add(a, "Answer the mentor's question", base);
	else if (strcmp(st, "initiation") == 0 && !me)
		attn_add(a, other ? "Agree to the contract" :
		    "Write and agree the contract",
		    req_printf(r, "%s/contract", base));
	else if (strcmp(st, "initiation") == 0 && other &&
	    db_get_int(q, i, "contract_version") > 0)
		attn_add(a, "Start Cultivation: the contract is agreed", base);
	else if ((strcmp(st, "separation") == 0 ||
	    strcmp(st, "redefinition") == 0) && other && !me)
		attn_add(a, "Agree to the new contract version",
		    req_printf(r, "%s/contract", base));
	if (strcmp(st, "cultivation") == 0 && page_days_to(r, db_get(q, i,
	    "review_date"), &days) == 0 && days <= 7)
		attn_add(a, days < 0 ?
		    "The review date has passed: review the goals" :
		    "Review date within a week: review the goals",
		    req_printf(r, "%s/review", base));
	/* this Separation's: an earlier cycle's hid the prompt (a review) */
	if (strcmp(st, "separation") == 0 && mentor &&
	    !db_get_int(q, i, "acked"))
		attn_add(a, "Acknowledge the goals achieved",
		    req_printf(r, "%s/review", base));
	if (strcmp(st, "redefinition") == 0 && page_days_to(r, db_get(q, i,
	    "next_checkin"), &days) == 0 && days <= 0)
		attn_add(a, "A check-in is due", base);
}

/* One mentorship in its group; returns the group: 0 needs, 1 active, 2 closed. */
static int
mine_row(struct req *r, struct tdict *d, const struct db_rows *q, size_t i,
    const struct attn *a)
{
	const char *st = db_get(q, i, "stage");
	const char *group, *next;
	struct tdict *row, *s;
	int open = mship_stage_open(st);
	int k, mentor, asked;

	group = !open ? "CLOSED" : a->n > 0 ? "NEEDS" : "ACTIVE";
	row = tmpl_section(d, group);
	tmpl_set(row, "ID", db_get(q, i, "id"));
	tmpl_set(row, "FOCUS", db_get(q, i, "focus"));
	tmpl_set(row, "STAGE", st);
	tmpl_set(row, "STAGE_LABEL", mship_stage_label(st));
	tmpl_set(row, "OTHER_NAME", db_get(q, i, "other_name"));
	tmpl_set(row, "OTHER_SLUG", db_get(q, i, "other_slug"));
	/* a request is not a pair yet, nor one that never became one */
	mentor = db_get_int(q, i, "mentor_id") == r->user.id;
	asked = strcmp(st, "requested") == 0 || strcmp(st, "declined") == 0 ||
	    strcmp(st, "withdrawn") == 0 || strcmp(st, "expired") == 0;
	/* a pair the organisers proposed was asked by neither */
	tmpl_set(row, "ROLE", asked && db_get_int(q, i, "proposed") ?
	    "Pair proposed with" : asked ? (mentor ? "Request from" :
	    "Request to") : mentor ? "You mentor" : "Your mentor");
	if ((next = db_get(q, i, "meetings")) != NULL)
		page_time(r, tmpl_section(row, "NEXT"), "AT",
		    req_printf(r, "%.*s", (int)strcspn(next, ","), next));
	for (k = 0; k < a->n; k++) {
		s = tmpl_section(row, "ATTN");
		tmpl_set(s, "TEXT", a->text[k]);
		tmpl_set(s, "URL", a->url[k]);
		s = tmpl_section(d, "ATTENTION");
		tmpl_set(s, "TEXT", a->text[k]);
		tmpl_set(s, "URL", a->url[k]);
		tmpl_set(s, "FOCUS", db_get(q, i, "focus"));
		tmpl_set(s, "OTHER_NAME", db_get(q, i, "other_name"));
	}
	if (a->ms_total > 0) {
		s = tmpl_section(row, "PROGRESS");
		tmpl_set_int(s, "TOTAL", a->ms_total);
		tmpl_set_int(s, "DONE", a->ms_done);
		tmpl_set_int(s, "OVERDUE", a->ms_overdue);
		tmpl_set_int(s, "PERCENT", a->ms_done * 100 / a->ms_total);
		if (a->ms_overdue > 0)
			tmpl_show(s, "HAS_OVERDUE");
	}
	if (a->has_room) {
		s = tmpl_section(row, "UNREAD_BOX");
		tmpl_set_int(s, "UNREAD", a->unread);
		tmpl_set(s, "ID", db_get(q, i, "id"));
		if (a->unread > 0)
			tmpl_show(s, "HAS_UNREAD");
	}
	return !open ? 2 : a->n > 0 ? 0 : 1;
}

/*
 * What the list shows of each of the viewer's mentorships: its next
 * meetings and for open ones the roadmap's progress (closed ones skip
 * it: IF evaluates only the branch it takes) on its card, who spoke last
 * and how far the viewer read in the viewer's rows.
 */
#define MINE_OPEN	"m.stage IN (" STAGES_ACTIVE ")"
#define MINE_MAX	300	/* rows listed at most */
#define MINE_MEETINGS	5	/* meetings on the dashboard, MINE_MEET's LIMIT */
/*
 * Its first MINE_MEETINGS meetings to come, "2026-12-01 09:00:00,..."
 * (mine_meetings): the dashboard's list of meetings from the rows it has
 * anyway. A query of their own cost the page more than this whole list
 * (its OR over the two parties' keys plans an index merge every time).
 */
#define MINE_MEET	"(SELECT GROUP_CONCAT(x.starts_at ORDER BY " \
	"x.starts_at SEPARATOR ',' LIMIT 5) FROM meetings x WHERE " \
	"x.mentorship_id = m.id AND x.starts_at >= UTC_TIMESTAMP())"
/* total, done and overdue milestones in one scan, as "3 1 0" (ms_counts) */
#define MINE_MS	"IF(" MINE_OPEN ", (SELECT CONCAT_WS(' ', COUNT(*), " \
	"COUNT(t.done_at), COUNT(IF(" MS_OVERDUE("t", "?") ", 1, NULL))) " \
	"FROM mentorship_milestones t " \
	"WHERE t.mentorship_id = m.id), NULL)"
/*
 * The other party's newest message (u is the other party), read
 * backwards on (room, author, id), sql/280: one index entry; and how far
 * the viewer has read.
 */
#define MINE_ROOM	"IF(" MINE_OPEN ", (SELECT x.id FROM room_messages x " \
	"FORCE INDEX (room_messages_room_author) WHERE x.mentorship_id = " \
	"m.id AND x.author_id = u.id ORDER BY x.mentorship_id DESC, " \
	"x.author_id DESC, x.id DESC LIMIT 1), NULL)"
#define MINE_READ	"(SELECT w.last_read_id FROM room_reads w WHERE " \
	"w.mentorship_id = m.id AND w.user_id = s.user_id)"
/*
 * The viewer's own, the same on every row (su and nc: their users and
 * notification_counts rows, sess_load_rows), so that the dashboard asks
 * nothing more (mine_open): whether a mentor has a mentee side besides
 * the mentorships listed (a subquery whose outer reference is a
 * constant: answered once; none for a mentee), and their notifications'
 * version.
 */
#define MINE_VIEWER	"su.is_mentor AND (su.looking_for <> '' OR EXISTS " \
	"(SELECT 1 FROM programme_participants p WHERE p.user_id = " \
	"s.user_id AND p.role = 'mentee')) AS mentee_side, " \
	"nc.version AS notes_version"
/*
 * A mentorship's card: what the list shows of it that is the same for
 * both parties, kept (lib/kept.h) under the pair's version (sql/290),
 * which every write of these columns moves, whoever makes it. Made by a
 * statement of its own on a view after a write, the list itself is then
 * a statement of the viewer's rows alone: the card's subqueries cost the
 * optimizer as much as the rest of the dashboard's statement (issue 24).
 * What the clock alone changes is kept until the first moment it can
 * (until): a meeting starting (no longer to come). Overdue milestones
 * are counted from the reader's date, part of the key: their midnight
 * makes the card again. The days to the review and a check-in due are
 * the viewer's rows' own, counted from that date too (mine_attention).
 * A cold cache costs a statement a card, once: 300 for the busiest list.
 */
static const char *const mine_card_watch[] = {
	"mentorships.focus", "mentorships.stage", "mentorships.mentor_id",
	"mentorships.mentor_agreed_at", "mentorships.mentee_agreed_at",
	"mentorships.contract_version", "mentorships.acknowledged_event",
	"mentorships.stage_changed_at", "meetings.mentorship_id",
	"meetings.starts_at",
	"stage_events.mentorship_id", "stage_events.actor_id",
	"stage_events.from_stage", "stage_events.to_stage",
	"stage_events.by_outsider",
	"mentorship_milestones.mentorship_id", "mentorship_milestones.done_at",
	"mentorship_milestones.due_date", NULL
};
const struct kept_def mine_kept = { "card", "mentorship_versions",
    mine_card_watch, "sql/290 mentorships_version_*, stage_events_version_*, "
    "milestones_version_*, meetings_version_*" };

/* "si": the reader's date (MINE_MS), the mentorship */
const char mine_card_sql[] = "SELECT c.focus, c.mentor_agreed_at, "
    "c.mentee_agreed_at, c.contract_version, c.acked, "
    "c.meetings, c.asked, c.ms, DATE_FORMAT("
    "COALESCE(TIMESTAMP(SUBSTRING_INDEX(c.meetings, ',', 1)) + "
    "INTERVAL 1 SECOND, " KEPT_NEVER "), '%Y-%m-%d %H:%i:%s') AS until "
    "FROM (SELECT m.focus, m.mentor_agreed_at, m.mentee_agreed_at, "
    "m.contract_version, " MSHIP_ACKED("m") " AS acked, " MINE_MEET " AS meetings, "
    "IF(m.stage = 'requested', (SELECT " STAGE_ASKED("e", "m.mentor_id")
    " FROM stage_events e WHERE e.mentorship_id = m.id "
    " ORDER BY e.id DESC LIMIT 1), NULL) AS asked, "
    MINE_MS " AS ms FROM mentorships m "
    "WHERE m.id = ?) c";

/*
 * The viewer's (s.user_id, sess_load_rows) mentorships: what differs by
 * viewer (the other party, the room as they read it), what the clock
 * moves every day, the version of each card and the clock its until is
 * read against (as DATE_FORMAT writes until).
 */
static const char mine_cols[] =
    "m.id, m.stage, m.mentor_id, m.proposed_by_programme AS proposed, "
    "mv.version AS card_version, "
    "DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i:%s') AS now, "
    "m.review_date, m.next_checkin, "
    "u.display_name AS other_name, u.slug AS other_slug, "
    MINE_ROOM " AS other_newest, "
    MINE_READ " AS last_read, " MINE_VIEWER;

struct db_rows *
mine_rows(struct req *r)
{
	return sess_load_rows(r, mine_cols, "JOIN mentorships m ON "
	    "m.mentor_id = s.user_id OR m.mentee_id = s.user_id JOIN users u "
	    "ON u.id = IF(m.mentor_id = s.user_id, m.mentee_id, m.mentor_id) "
	    "LEFT JOIN mentorship_versions mv ON mv.mentorship_id = m.id",
	    "ORDER BY m.stage_changed_at DESC, m.id DESC LIMIT ?", MINE_MAX);
}

/* A card; none kept for a mentorship gone since the list was read. */
static const struct db_rows *
mine_card_make(struct req *r, void *arg, int *keep)
{
	const long long *id = arg;
	const struct db_rows *c = db_query(r, mine_card_sql, "si",
	    page_today(r), *id);

	if (c != NULL && c->nrows == 0)
		*keep = 0;
	return c;
}

/* Row i's card (one row), kept while the clock has not passed its until. */
static const struct db_rows *
mine_card(struct req *r, const struct db_rows *q, size_t i)
{
	long long id = db_get_int(q, i, "id");
	const char *key = kept_key(r, &mine_kept, db_get(q, i,
	    "card_version"), "is", id, page_today(r));

	return kept_get_until(r, key, mine_card_make, &id, db_get(q, i,
	    "now"), NULL);
}

/*
 * q's rows with their cards' columns after their own, as one list for
 * what lays them out; a mentorship deleted between the two statements
 * (its card has no row) is left out. NULL when the database failed.
 */
static const struct db_rows *
mine_with_cards(struct req *r, const struct db_rows *q)
{
	const struct db_rows *c;
	struct db_rows *all = req_alloc(r, sizeof(*all));
	size_t i, nc = 0;

	*all = *q;
	all->nrows = 0;
	for (i = 0; i < q->nrows; i++) {
		if ((c = mine_card(r, q, i)) == NULL)
			return NULL;
		if (c->nrows != 1)
			continue;
		if (nc == 0) {	/* every card has the same columns */
			nc = q->ncols + c->ncols;
			all->names = req_alloc(r, nc * sizeof(*all->names));
			memcpy(all->names, q->names, q->ncols *
			    sizeof(*all->names));
			memcpy(all->names + q->ncols, c->names, c->ncols *
			    sizeof(*all->names));
			all->cell = req_alloc(r, q->nrows * nc *
			    sizeof(*all->cell));
			all->ncols = nc;
		}
		memcpy(all->cell + all->nrows * nc, q->cell + i * q->ncols,
		    q->ncols * sizeof(*all->cell));
		memcpy(all->cell + all->nrows * nc + q->ncols, c->cell,
		    c->ncols * sizeof(*all->cell));
		all->nrows++;
	}
	return all;
}

struct meet {
	const char	*at;
	size_t		 row;
};

static int
meet_cmp(const void *a, const void *b)
{
	const struct meet *x = a, *y = b;
	int c = strcmp(x->at, y->at);	/* same width: the order of time */

	return c != 0 ? c : (x->row > y->row) - (x->row < y->row);
}

/*
 * The next MINE_MEETINGS meetings of the active mentorships among q's
 * rows (MINE_MEET lists each one's first few): those the list shows,
 * its newest 300, which is where a meeting is planned.
 */
static void
mine_meetings(struct req *r, struct tdict *d, const struct db_rows *q)
{
	struct meet *m;
	struct tdict *row;
	char *list, *at, *save;
	size_t i, k, n = 0;

	m = req_alloc(r, (q->nrows * MINE_MEETINGS + 1) * sizeof(*m));
	for (i = 0; i < q->nrows; i++) {
		if (db_get(q, i, "ms") == NULL ||	/* not MINE_OPEN */
		    db_get(q, i, "meetings") == NULL)
			continue;
		list = req_strdup(r, db_get(q, i, "meetings"));
		for (k = 0, at = strtok_r(list, ",", &save);
		    at != NULL && k < MINE_MEETINGS;
		    k++, at = strtok_r(NULL, ",", &save))
			m[n++] = (struct meet){ at, i };
	}
	qsort(m, n, sizeof(*m), meet_cmp);
	for (i = 0; i < n && i < MINE_MEETINGS; i++) {
		row = tmpl_section(d, "MEETING");
		page_time(r, row, "AT", m[i].at);
		tmpl_set(row, "ID", db_get(q, m[i].row, "id"));
		tmpl_set(row, "FOCUS", db_get(q, m[i].row, "focus"));
	}
	tmpl_show(d, n > 0 ? "HAS_MEETINGS" : "NO_MEETINGS");
}

/* open before the rows are counted: what the viewer's columns say. */
static void
mine_open_init(struct mine_open *open, const struct db_rows *q)
{
	memset(open, 0, sizeof(*open));
	open->whole = q->nrows < MINE_MAX;
	open->mentee_side = -1;
	if (q->nrows == 0)
		return;
	open->notes_version = db_get(q, 0, "notes_version");
	if (open->whole)
		open->mentee_side = db_get_int(q, 0, "mentee_side") != 0;
}

int
mine_fill(struct req *r, struct tdict *d, const struct db_rows *q,
    struct mine_open *open)
{
	struct attn a;
	size_t i;
	int natt = 0, groups[3] = { 0, 0, 0 };
	const char *st;
	long long me = r->user.id;

	if (q == NULL)
		return -1;
	if (open != NULL)
		mine_open_init(open, q);
	if ((q = mine_with_cards(r, q)) == NULL)
		return -1;
	for (i = 0; i < q->nrows; i++) {
		st = db_get(q, i, "stage");
		memset(&a, 0, sizeof(a));
		/* a mentorship of any stage as a mentee */
		if (open != NULL && open->mentee_side == 0 &&
		    db_get_int(q, i, "mentor_id") != me)
			open->mentee_side = 1;
		if (mship_stage_open(st) && open != NULL) {
			if (db_get_int(q, i, "mentor_id") == me)
				open->as_mentor++;
			else
				open->as_mentee++;
		}
		if (mship_stage_open(st)) {
			mine_attention(r, &a, q, i);
			if (strcmp(st, "requested") != 0 &&
			    mine_extras(r, &a, q, i) == -1)
				return -1;
		}
		natt += a.n;
		groups[mine_row(r, d, q, i, &a)]++;
	}
	if (q->nrows > 0)
		tmpl_show(d, "HAS_ANY");
	/* no heading over an empty group; "another mentor" for mentees */
	if (groups[0] > 0)
		tmpl_show(d, "HAS_NEEDS");
	for (i = 0; i < q->nrows; i++)
		if (db_get_int(q, i, "mentor_id") != r->user.id &&
		    mship_stage_open(db_get(q, i, "stage"))) {
			tmpl_show(d, "IS_MENTEE");
			break;
		}
	if (groups[1] == 0)
		tmpl_show(d, "NO_ACTIVE");
	if (groups[2] == 0)
		tmpl_show(d, "NO_CLOSED");
	tmpl_show(d, natt > 0 ? "HAS_ATTENTION" : "NO_ATTENTION");
	mine_meetings(r, d, q);
	return (int)q->nrows;
}
