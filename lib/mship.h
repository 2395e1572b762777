/*
 * mship: a mentorship as the other programs see it: its two parties,
 * its stage, and whether the person asking is one of them.
 */
#ifndef MENTEO_MSHIP_H
#define MENTEO_MSHIP_H

#include "db.h"
#include "svg.h"
#include "req.h"

struct mship {
	long long	 id;
	long long	 mentor_id;
	long long	 mentee_id;
	const char	*mentor_name;
	const char	*mentee_name;
	const char	*mentor_slug;
	const char	*mentee_slug;
	const char	*stage;
	const char	*focus;
	const char	*mentor_tz;	/* the parties' zones: NULL is UTC */
	const char	*mentee_tz;
	int		 is_mentor;	/* the viewer is the mentor */
	int		 is_party;	/* the viewer is mentor or mentee */
	int		 is_open;	/* not declined/withdrawn/expired/ended */
	long long	 other_id;	/* the other party, for the viewer */
};

/*
 * Loads mentorship id for the viewer r->user: 0 found, 404 unknown,
 * -1 database down (r->db_failed set).
 */
int	mship_load(struct req *, long long id, struct mship *);

/*
 * For a page that loads more of the mentorship in the same round trip:
 * its query starts with MSHIP_SELECT (the first eleven columns, by these
 * names), may add columns of its own (other names), names `m` MSHIP_FROM and may join
 * more; mship_row reads the result as mship_load would.
 */
#define MSHIP_COLS(p)	"m.id AS " p "id, m.mentor_id AS " p "mentor_id, " \
	"m.mentee_id AS " p "mentee_id, m.stage AS " p "stage, " \
	"m.focus AS " p "focus, a.display_name AS " p "mentor_name, " \
	"a.slug AS " p "mentor_slug, b.display_name AS " p "mentee_name, " \
	"b.slug AS " p "mentee_slug, a.timezone AS " p "mentor_tz, " \
	"b.timezone AS " p "mentee_tz"
#define MSHIP_SELECT	"SELECT " MSHIP_COLS("")
#define MSHIP_TABLES	"mentorships m " \
	"JOIN users a ON a.id = m.mentor_id JOIN users b ON b.id = m.mentee_id"
#define MSHIP_FROM	" FROM " MSHIP_TABLES
/*
 * The pair's today: the earlier of the two parties' dates. A date the
 * pair shares (the review date) has passed for the pair once it has
 * passed for both: the first day the party behind could save is already
 * yesterday for a partner a day ahead (Kiritimati and Pago Pago).
 */
const char	*mship_pair_today(struct req *, const struct mship *);
int	mship_row(struct req *, const struct db_rows *, struct mship *);

/*
 * For a query about something else (a thread) that brings its linked
 * mentorship beside it in the same row: MSHIP_JOINED among its columns
 * (MSHIP_SELECT's under names of their own, "mship_id", so that they do
 * not clash with its own), MSHIP_JOIN(its mentorship_id column) among
 * its joins. mship_row_joined reads them as mship_row would: 404 when
 * there is no mentorship (none linked, or its row is gone).
 */
#define MSHIP_JOINED_AS	"mship_"
#define MSHIP_JOINED	MSHIP_COLS(MSHIP_JOINED_AS)
#define MSHIP_JOIN(on)	" LEFT JOIN (" MSHIP_TABLES ") ON m.id = " on
int	mship_row_joined(struct req *, const struct db_rows *, struct mship *);

/*
 * Answers 404, 403 (`why`) as mship_open does for mship_load's rc:
 * RESP_GO_ON or RESP_DONE (resp.h).
 */
int	mship_party(struct req *, int rc, const struct mship *,
	    const char *why);

/*
 * The same, for one of its two parties only: RESP_GO_ON (0) loaded;
 * RESP_DONE (-1, resp.h) after answering 404 (unknown), 403 (anyone else, admins included: `why`, or
 * a default message) or leaving a database failure to the app.
 */
int	mship_open(struct req *, long long id, struct mship *,
	    const char *why);

/*
 * The stage lists, each stage named once: the one definition that SQL
 * written in C uses ("stage IN (" STAGES_OPEN ")"), that the predicates
 * below read, and that sql/120's triggers repeat (tests/unit/test_stage.c
 * fails when they differ). docs/stages.md says what each list means.
 */
#define STAGES_CAPACITY	"'initiation','cultivation','separation'"
#define STAGES_ACTIVE	STAGES_CAPACITY ",'redefinition'"
#define STAGES_OPEN	"'requested'," STAGES_ACTIVE
#define STAGES_CLOSED	"'declined','withdrawn','expired','ended'"
/*
 * SQL: whether mentorship m's mentor ever accepted it (a stage event to
 * Initiation): a pair with a contract to show, or a request that came
 * to nothing (whatever closed it: an answer, the organisers, an admin).
 */
#define MSHIP_ACCEPTED(m)	"EXISTS (SELECT 1 FROM stage_events acc " \
	"WHERE acc.mentorship_id = " m ".id AND acc.to_stage = 'initiation')"

/*
 * A milestone of mentorship_milestones (named ms) that is overdue: not
 * done, and due before `today`. The one rule for the roadmap page, its
 * progress, the dashboard, the organisers' pair view and the reminders.
 * A page counts from its reader's own date, bound as ? (page_today: in
 * Los Angeles a milestone due today is not overdue at 5 pm, when UTC's
 * date is tomorrow); the notifier from UTC_DATE().
 */
#define MS_OVERDUE(ms, today) \
	"(" ms ".done_at IS NULL AND " ms ".due_date < " today ")"

/*
 * The room messages of a mentorship the viewer has not read: the other's,
 * after the viewer's read position. Parameters "iiii": the mentorship's
 * id, the viewer, the id, the viewer again. By value, not correlated to
 * m.id: the read position is then a constant and the count a range on
 * the room's key, not a walk of every message in the room.
 */
#define MSHIP_UNREAD \
	"(SELECT COUNT(*) FROM room_messages x WHERE x.mentorship_id = ? " \
	"AND x.author_id <> ? AND x.id > COALESCE((SELECT last_read_id FROM " \
	"room_reads w WHERE w.mentorship_id = ? AND w.user_id = ?), 0))"
/*
 * The same in a query that finds the mentorship m by its id and the
 * viewer by a unique key of its own (their session), neither known
 * before it runs: MSHIP_READS_JOIN among its joins, after m, brings both
 * parties' read positions (rows by their primary key) and
 * MSHIP_UNREAD_BY(viewer) counts after the viewer's. The optimizer reads
 * rows found so before the rest and holds them as constants: the count
 * is a range on the room's key. A correlated subquery for the read
 * position is not held so, and the count walked the whole room.
 */
#define MSHIP_READS_JOIN \
	" LEFT JOIN room_reads mra ON mra.mentorship_id = m.id " \
	"AND mra.user_id = m.mentor_id LEFT JOIN room_reads mrb " \
	"ON mrb.mentorship_id = m.id AND mrb.user_id = m.mentee_id"
/*
 * The other's are named as the other party and their key forced: left
 * to weigh room_messages' four keys for "not the viewer's", each by
 * dives into its tree, the optimizer spent a fifth of the mentorship
 * page's statement (mariadb-slap: 0.26 ms a run, 0.21 so); and "not the
 * viewer's" on that key is two ranges of all the other's messages
 * (50,043 rows in the bench's big room), where the other's after a
 * position is one range of the unread alone.
 */
#define MSHIP_UNREAD_BY(viewer) \
	"(SELECT COUNT(*) FROM room_messages x FORCE INDEX " \
	"(room_messages_room_author) WHERE x.mentorship_id = m.id AND " \
	"x.author_id = IF(" viewer " = m.mentor_id, m.mentee_id, " \
	"m.mentor_id) AND x.id > COALESCE(IF(" viewer " = m.mentor_id, " \
	"mra.last_read_id, mrb.last_read_id), 0))"

/*
 * The id of the newest stage event of mentorship `m` (an expression or
 * a ?), 0 for none: what a rename (sql/399) or an outcome (sql/404) is
 * placed after, since times of whole seconds cannot order them.
 */
#define MSHIP_LAST_EVENT(m)	"(SELECT COALESCE(MAX(e.id), 0) FROM " \
	"stage_events e WHERE e.mentorship_id = " m ")"

/*
 * Mentorship `m` (its alias) was acknowledged in the Separation it is in:
 * no stage event since the acknowledgment's (sql/405). An earlier
 * cycle's stays on the row for the record, and a move and an
 * acknowledgment can share a second, so times cannot tell them apart.
 */
#define MSHIP_ACKED(m)	"COALESCE(" m ".acknowledged_event = " \
	MSHIP_LAST_EVENT(m ".id") ", 0)"

/*
 * Renames kept for the parties' timeline (sql/398), written before the
 * focus changes: the pairs of mentorships m chosen by the condition that
 * follows, each placed after its latest stage event (sql/399). The new
 * name, who renamed it and whether they are an outsider (the programme's
 * organisers) are the first three parameters.
 */
#define MSHIP_RENAMES_INSERT \
	"INSERT INTO mentorship_renames (mentorship_id, after_event, " \
	"from_focus, to_focus, actor_id, by_outsider, created_at) SELECT " \
	"m.id, " MSHIP_LAST_EVENT("m.id") ", m.focus, ?, ?, ?, " \
	"UTC_TIMESTAMP() FROM mentorships m WHERE "

/* stage is one of list (one of the STAGES_ above). */
int	mship_stage_in(const char *list, const char *stage);

/* Not declined, withdrawn, expired or ended (a requested one is open). */
int	mship_stage_open(const char *stage);

/* A goal's status as people read it: "Partly achieved", ... */
const char *mship_outcome_label(const char *status);
/* A contract's cadence and channels (a SET) as people read them. */
const char *mship_cadence_label(const char *cadence);
const char *mship_channels_label(struct req *, const char *channels);
/*
 * SPEC 15's strip of the four stages with how long each lasted (a second
 * cycle adds to them), one rule for the mentorship page, the record and
 * the organisers' pair view: fills section s with CHART_HTML, a ROW
 * (LABEL, VALUE: "3 days", "under a day", "not reached") per stage, and
 * NOT_YET when none is reached. 0, or -1 (the database).
 */
int	mship_strip(struct req *, struct tdict *s, long long id);
/*
 * The same from rows of stage events (a kept page's): to_stage,
 * created_at, and minutes, the minutes until the next event (NULL for
 * the last, whose stage lasts until now, 'YYYY-MM-DD hh:mm:ss' UTC).
 */
int	mship_strip_rows(struct req *, struct tdict *s, const struct db_rows *,
	    const char *now);
/* SQL: the minutes stage event e lasted, until the next (NULL: the last). */
#define MSHIP_STAGE_MINUTES(e) \
	"TIMESTAMPDIFF(MINUTE, " e ".created_at, (SELECT MIN(n.created_at) " \
	"FROM stage_events n WHERE n.mentorship_id = " e ".mentorship_id AND " \
	"n.id > " e ".id))"
/*
 * A contract change's "agree again" mail waits MSHIP_CHANGE_HOLD seconds
 * before it goes (its notice in Menteo does not): the one who changed
 * the contract often agrees next, and the other party then gets one mail
 * saying both. mship_change_key is the key of a change's mail and notice
 * by user `by` of mentorship mid ("%" as tail: a LIKE of all of them).
 * mship_change_take_back takes back what changes by `by` (0: anyone)
 * told `to` (0: either party) while their mail waits: the mail if no
 * notifier claimed it (attempts 0), with its notice; the notice alone
 * for one who turned that mail off. How many, or -1 (db). Inside the
 * caller's transaction.
 */
#define MSHIP_CHANGE_HOLD	120
const char	*mship_change_key(struct req *, long long mid, long long by,
		    const char *tail);
long long	 mship_change_take_back(struct req *, const struct mship *,
		    long long by, long long to);
/*
 * SQL: meetings cancelled, kept in meetings_cancelled under their ids
 * (sql/200) with their notes and the next SEQUENCE, for the calendars to
 * drop them: by `?` (an account's id; 0: Menteo itself), those of the
 * condition on meetings that follows: one a party cancels, or those a
 * closing mentorship had to come (lib/stage.c).
 */
#define MSHIP_MEETINGS_CANCEL	"INSERT INTO meetings_cancelled (id, " \
	"mentorship_id, starts_at, minutes, agenda, notes, actions, sequence, " \
	"created_by, cancelled_by, cancelled_at) SELECT id, mentorship_id, " \
	"starts_at, minutes, agenda, notes, actions, sequence + 1, " \
	"created_by, NULLIF(?, 0), UTC_TIMESTAMP() FROM meetings WHERE "

/* Stage names shown to people: "Initiation", "Requested", ... */
const char *mship_stage_label(const char *stage);
/*
 * A stage event `e` that starts a new cycle: back into Cultivation from
 * Separation or Redefinition (lib/stage.c's rules). What was closed
 * before the newest one is an earlier cycle's.
 */
#define MSHIP_CYCLE_START(e)	e ".to_stage = 'cultivation' AND " e \
	".from_stage IN ('separation', 'redefinition')"

/*
 * How a pair in Redefinition goes back to Cultivation, in one sentence:
 * its next step and the mail that brings a pair there say it.
 */
#define MSHIP_NEW_CYCLE	"A new challenge starts a new cycle: a new goal in " \
	"the contract, agreed by both."

/*
 * A stage event in words, as both timelines show it: "Requested the
 * mentorship", "Asked a question" (by "mentor") or "Answered the
 * question" (by "mentee"; NULL: unknown, "Asked or answered a
 * question"), "Initiation → Cultivation".
 */
const char	*mship_event_text(struct req *, const char *from, const char *to,
		    const char *by);

/*
 * Mail one person causes in one mentorship (a question, a planned
 * meeting, a stage change, an agreement...): MSHIP_MAIL_LIMIT an hour,
 * then waits that grow, as the sign-in throttle's do. The other party
 * reads every one of them, so the cap is on the sender.
 * mship_mail_wait: NULL when the viewer may send, else why not, with
 * Retry-After set and *seconds the wait (-1 and NULL: the database
 * failed). mship_mail_count counts one mail, in the writer's
 * transaction so a rolled-back change counts nothing.
 */
#define MSHIP_MAIL_LIMIT	10
const char	*mship_mail_wait(struct req *, const struct mship *,
		    long long *seconds);
int		 mship_mail_count(struct req *, const struct mship *);

/*
 * The standard notice about a mentorship: a notification and a mail
 * (mail/stage_notice) with a headline, a sentence, an optional note and a
 * signed-in link. Fields left NULL take the usual: kind "mentorship",
 * note_label "Their note:", link_text "Open the mentorship", and for a
 * mentorship's notice the subject is the headline with the pair named.
 */
struct mship_notice {
	const char	*kind;		/* mail kind: "mentorship", "programme" */
	const char	*headline;
	const char	*subject;	/* NULL: headline — the pair */
	const char	*intro;
	const char	*note_label;	/* "Agenda:" */
	const char	*note;		/* NULL or empty: none */
	const char	*path;
	const char	*link_text;	/* "Open the meetings" */
	const char	*dedup;		/* NULL: none */
	const char	*calendar;	/* the mail's event.ics, or NULL */
	int		 hold;		/* mail_msg's: seconds it waits */
};

/*
 * The viewer's open mentorship as the mentee of mentor_id (named
 * mentor_name), as section ALREADY of d (TEXT, HREF, LINK): where a page
 * would offer to ask them again, it leads to the one there is. 1 shown,
 * 0 none, -1 db.
 */
int	 mship_already(struct req *, struct tdict *, long long mentor_id,
	    const char *mentor_name);

/* Queues notice n to user_id, inside the caller's transaction. 0 or -1. */
int	 mship_notice_send(struct req *, const struct mship *,
	    long long user_id, const struct mship_notice *n);

#endif
