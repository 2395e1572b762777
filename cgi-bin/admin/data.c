/*
 * admin/data: the person's own data, for everyone signed in: the JSON
 * export of everything they own or take part in, and deleting the
 * account (docs/admin.md).
 */
#include <string.h>

#include "admin.h"
#include "auth.h"
#include "db.h"
#include "field.h"
#include "json.h"
#include "mail.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "sess.h"
#include "stage.h"

/* ---- the person's own data ---------------------------------------------------- */

/*
 * One section of the export: a name and the rows of one query about the
 * person (every query takes the user id as often as it has '?').
 */
struct export_part {
	const char	*name;
	const char	*sql;
	const char	*types;
	const char	*numeric;
};

#define MINE "(SELECT id FROM mentorships WHERE mentor_id = ? OR mentee_id = ?)"

static const struct export_part export_parts[] = {
	{ "mentorships", "SELECT m.id, m.stage, m.focus, m.message, "
	    "a.display_name AS mentor, b.display_name AS mentee, "
	    "IF(m.mentor_id = ?, 'mentor', 'mentee') AS my_role, m.created_at, "
	    "m.stage_changed_at, m.ground_rules, m.cadence, m.channels, "
	    "m.review_date, m.mentor_agreed_at, m.mentee_agreed_at, "
	    "m.contract_version, m.acknowledged_at, m.checkin_months, "
	    "m.next_checkin FROM mentorships m JOIN users a ON a.id = m.mentor_id "
	    "JOIN users b ON b.id = m.mentee_id WHERE m.id IN " MINE
	    " ORDER BY m.id", "iii", "id,contract_version,checkin_months" },
	{ "contract_versions", "SELECT mentorship_id, version, snapshot, "
	    "agreed_at FROM contract_versions WHERE mentorship_id IN " MINE
	    " ORDER BY mentorship_id, version", "ii", "mentorship_id,version" },
	{ "goals", "SELECT id, mentorship_id, title, measure, target_date, "
	    "status, review_note, reviewed_at, version FROM goals WHERE "
	    "mentorship_id IN " MINE " ORDER BY id", "ii",
	    "id,mentorship_id,version" },
	{ "stage_events", "SELECT e.mentorship_id, e.from_stage, e.to_stage, "
	    "u.display_name AS actor, e.note, e.created_at FROM stage_events e "
	    "LEFT JOIN users u ON u.id = e.actor_id WHERE e.mentorship_id IN "
	    MINE " ORDER BY e.id", "ii", "mentorship_id" },
	{ "mentorship_renames", "SELECT n.mentorship_id, n.from_focus, "
	    "n.to_focus, u.display_name AS actor, n.created_at FROM "
	    "mentorship_renames n LEFT JOIN users u ON u.id = n.actor_id WHERE "
	    "n.mentorship_id IN " MINE " ORDER BY n.id", "ii",
	    "mentorship_id" },
	{ "milestones", "SELECT id, mentorship_id, goal_id, title, description, "
	    "due_date, done_at FROM mentorship_milestones WHERE mentorship_id IN "
	    MINE " ORDER BY mentorship_id, position", "ii",
	    "id,mentorship_id,goal_id" },
	{ "meetings", "SELECT id, mentorship_id, starts_at, minutes, agenda, "
	    "notes, actions FROM meetings WHERE mentorship_id IN " MINE
	    " ORDER BY starts_at", "ii", "id,mentorship_id,minutes" },
	{ "meetings_cancelled", "SELECT id, mentorship_id, starts_at, minutes, "
	    "agenda, notes, actions, cancelled_at FROM meetings_cancelled WHERE "
	    "mentorship_id IN " MINE " ORDER BY starts_at", "ii",
	    "id,mentorship_id,minutes" },
	{ "checkins", "SELECT c.id, c.mentorship_id, c.held_on, c.note, "
	    "u.display_name AS logged_by, c.created_at FROM checkins c LEFT "
	    "JOIN users u ON u.id = c.logged_by WHERE c.mentorship_id IN "
	    MINE " ORDER BY c.mentorship_id, c.held_on, c.id", "ii",
	    "id,mentorship_id" },
	{ "room_messages", "SELECT x.id, x.mentorship_id, u.display_name AS "
	    "author, x.author_id = ? AS mine, x.body, x.reply_to, x.created_at, "
	    "x.edited_at FROM room_messages x JOIN users u ON u.id = x.author_id "
	    "WHERE x.mentorship_id IN " MINE " ORDER BY x.mentorship_id, x.id",
	    "iii", "id,mentorship_id,reply_to,mine" },
	{ "threads", "SELECT id, title, purpose, visibility, mentorship_id, "
	    "created_at, updated_at FROM threads WHERE owner_id = ? ORDER BY id",
	    "i", "id,mentorship_id" },
	{ "thread_entries", "SELECT e.id, e.thread_id, e.kind, e.body, "
	    "e.created_at, e.updated_at FROM thread_entries e JOIN threads t ON "
	    "t.id = e.thread_id WHERE t.owner_id = ? ORDER BY e.id", "i",
	    "id,thread_id" },
	{ "thread_comments", "SELECT c.id, c.entry_id, u.display_name AS author, "
	    "c.body, c.created_at FROM thread_comments c JOIN users u ON u.id = "
	    "c.author_id JOIN thread_entries e ON e.id = c.entry_id JOIN threads "
	    "t ON t.id = e.thread_id WHERE t.owner_id = ? OR c.author_id = ? "
	    "ORDER BY c.id", "ii", "id,entry_id" },
	{ "roadmaps", "SELECT id, title, summary, visibility, created_at FROM "
	    "roadmaps WHERE owner_id = ? ORDER BY id", "i", "id" },
	{ "reports", "SELECT id, mentorship_id, kind, body, status, created_at "
	    "FROM mentorship_reports WHERE reporter_id = ? ORDER BY id", "i",
	    "id,mentorship_id" },
	/* what the person told programmes, and answered about their pairs */
	{ "programmes", "SELECT p.name AS programme, pp.role, pp.status, "
	    "pp.capacity, pp.joined_at, pp.decided_at FROM "
	    "programme_participants pp JOIN programmes p ON p.id = "
	    "pp.programme_id WHERE pp.user_id = ? ORDER BY pp.id", "i",
	    "capacity" },
	{ "intake_answers", "SELECT p.name AS programme, q.prompt AS question, "
	    "a.answer FROM programme_answers a JOIN programme_participants pp ON "
	    "pp.id = a.participant_id JOIN programmes p ON p.id = "
	    "pp.programme_id JOIN programme_questions q ON q.id = a.question_id "
	    "WHERE pp.user_id = ? ORDER BY pp.id, q.position, q.id", "i", "" },
	{ "surveys", "SELECT s.id, s.mentorship_id, s.role, s.moment, "
	    "s.created_at, s.answered_at FROM surveys s WHERE s.user_id = ? "
	    "ORDER BY s.id", "i", "id,mentorship_id" },
	{ "survey_answers", "SELECT a.survey_id, a.question, a.score, a.answer "
	    "FROM survey_answers a JOIN surveys s ON s.id = a.survey_id WHERE "
	    "s.user_id = ? ORDER BY a.survey_id, a.question", "i",
	    "survey_id,score" },
	{ "notifications", "SELECT kind, title, path, created_at, read_at FROM "
	    "notifications WHERE user_id = ? ORDER BY id", "i", "" },
	{ "email_choices_off", "SELECT kind, created_at FROM mail_optouts "
	    "WHERE user_id = ? ORDER BY kind", "i", "" },
};

static struct db_rows *
export_query(struct req *r, const struct export_part *p)
{
	long long u = r->user.id;

	switch (strlen(p->types)) {
	case 1:
		return db_query(r, p->sql, p->types, u);
	case 2:
		return db_query(r, p->sql, p->types, u, u);
	default:
		return db_query(r, p->sql, p->types, u, u, u);
	}
}

void
export_json(struct req *r)
{
	struct db_rows *profile, *rows;
	struct buf b = { NULL, 0, 0 };
	size_t i;

	profile = db_query(r, "SELECT id, email, email_verified_at, "
	    "display_name, headline, bio, skills, looking_for, languages, "
	    "timezone, is_mentor, capacity, slug, last_active, created_at "
	    "FROM users WHERE id = ?", "i",
	    r->user.id);
	if (profile == NULL)
		return;
	buf_adds(&b, "{\n\"format\": \"menteo-export-1\",\n\"profile\": ");
	json_object(&b, profile, 0, "id,is_mentor,capacity");
	for (i = 0; i < sizeof(export_parts) / sizeof(export_parts[0]); i++) {
		if ((rows = export_query(r, &export_parts[i])) == NULL)
			goto out;
		buf_adds(&b, ",\n");
		json_str(&b, export_parts[i].name);
		buf_adds(&b, ": ");
		json_rows(&b, rows, export_parts[i].numeric);
	}
	buf_adds(&b, "\n}\n");
	resp_status(r, 200);
	resp_header(r, "Content-Type", "application/json; charset=utf-8");
	resp_header(r, "Content-Disposition", req_printf(r,
	    "attachment; filename=\"menteo-%s.json\"", r->user.slug));
	resp_header(r, "Cache-Control", "private, no-store");
	resp_write(r, b.p, b.len);
out:
	buf_free(&b);
}

static void
delete_show(struct req *r, const char *err, int status)
{
	struct tdict *d = page_new(r, "Delete your account",
	    "settings_delete.tpl");

	if (err != NULL)
		tmpl_set(tmpl_section(d, "PASSWORD_ERROR"), "MESSAGE", err);
	page_send(r, status);
}

void
delete_form(struct req *r)
{
	delete_show(r, NULL, 200);
}

/*
 * Every open mentorship ends (a stage move by deletion, in the caller's
 * transaction: its rows locked first, as every stage write does); the
 * other party is told.
 */
static int
delete_end_mentorships(struct req *r)
{
	struct db_rows *open;
	struct mship m;
	const char *why;
	size_t i;

	open = db_query(r, "SELECT id FROM mentorships WHERE (mentor_id = ? OR "
	    "mentee_id = ?) AND stage IN (" STAGES_OPEN ") ORDER BY id "
	    "FOR UPDATE", "ii", r->user.id, r->user.id);
	for (i = 0; open != NULL && i < open->nrows; i++) {
		if (mship_load(r, db_get_int(open, i, "id"), &m) != 0 ||
		    stage_end(r, &m, STAGE_DELETION, "The other person deleted "
		    "their account.", &why) == -1)
			return -1;
	}
	return open == NULL ? -1 : 0;
}

/*
 * Every mail to the person goes: sent, queued or failed, to the account
 * or to an address they asked to move to. A failed row kept would hold
 * their address and words, and could be queued again by an admin.
 */
static int
delete_mail(struct req *r)
{
	if (db_exec(r, "DELETE FROM outbox WHERE user_id = ?", "i",
	    r->user.id) < 0 ||
	    db_exec(r, "DELETE FROM outbox WHERE to_addr = ?", "s",
	    r->user.email) < 0 ||
	    db_exec(r, "DELETE o FROM outbox o JOIN email_tokens t ON "
	    "t.target = o.to_addr WHERE t.user_id = ? AND t.purpose = "
	    "'email' AND o.user_id IS NULL", "i", r->user.id) < 0)
		return -1;
	return 0;
}

/*
 * A programme keeps the pairs its organisers follow, not the person: the
 * intake answers they gave about themselves go, they leave as removed
 * (never suggested, proposed or counted as joined again), the invitation
 * they used no longer names their address, and they organise nothing.
 */
static int
delete_programme_data(struct req *r)
{
	long long u = r->user.id;

	if (db_exec(r, "DELETE a FROM programme_answers a JOIN "
	    "programme_participants p ON p.id = a.participant_id WHERE "
	    "p.user_id = ?", "i", u) < 0 ||
	    db_exec(r, "UPDATE programme_participants SET status = 'removed', "
	    "decided_at = UTC_TIMESTAMP(), decided_by = NULL WHERE user_id = ? "
	    "AND status <> 'removed'", "i", u) < 0 ||
	    db_exec(r, "UPDATE programme_invitations SET email = CONCAT("
	    "'deleted-', used_by, '-', id, '@deleted.invalid'), name = NULL "
	    "WHERE used_by = ?", "i", u) < 0 ||
	    db_exec(r, "DELETE FROM programme_organisers WHERE user_id = ?", "i",
	    u) < 0)
		return -1;
	return 0;
}

/*
 * Removes what is the person's alone (profile, threads, custom roadmaps,
 * programme answers, sessions, tokens) and keeps the shared record (mentorships, messages)
 * readable for the other party under the name "Deleted account".
 */
static int
delete_private_data(struct req *r)
{
	long long u = r->user.id;

	if (db_exec(r, "DELETE FROM threads WHERE owner_id = ?", "i", u) < 0 ||
	    db_exec(r, "DELETE FROM thread_comments WHERE author_id = ?", "i",
	    u) < 0 ||
	    db_exec(r, "DELETE FROM roadmaps WHERE owner_id = ? AND kind = "
	    "'custom'", "i", u) < 0 ||
	    delete_mail(r) == -1 || delete_programme_data(r) == -1 ||
	    db_exec(r, "DELETE FROM notifications WHERE user_id = ?", "i",
	    u) < 0 ||
	    db_exec(r, "UPDATE mentorships SET record_secret = NULL WHERE "
	    "mentor_id = ? OR mentee_id = ?", "ii", u, u) < 0 ||
	    db_exec(r, "DELETE FROM email_tokens WHERE user_id = ?", "i", u) < 0)
		return -1;
	if (stage_table_exists(r, "user_skills") &&
	    db_exec(r, "DELETE FROM user_skills WHERE user_id = ?", "i", u) < 0)
		return -1;
	/*
	 * An address and a slug no account can hold, or the unique keys
	 * would refuse the deletion: no address under .invalid is accepted
	 * (field.c email_ok), and no slug has an underscore (slug_ok)
	 */
	return db_exec(r, "UPDATE users SET email = CONCAT('deleted-', id, "
	    "'@deleted.invalid'), email_verified_at = NULL, password_hash = '!', "
	    "display_name = 'Deleted account', headline = '', bio = '', "
	    "skills = '', looking_for = '', languages = '', timezone = DEFAULT, "
	    "is_mentor = 0, capacity = 0, slug = CONCAT('deleted_', "
	    "id), calendar_secret = NULL, is_admin = 0, disabled_at = "
	    "UTC_TIMESTAMP() WHERE id = ?", "i", u) < 0 ? -1 : 0;
}

/* The deletion, all or nothing; db_tx_run's body. */
static int
delete_tx(struct req *r, void *arg)
{
	(void)arg;
	/* the account first, as a request to or from it locks it
	 * (mentorships/request.c): none made meanwhile outlives it */
	if (db_query(r, "SELECT id FROM users WHERE id = ? FOR UPDATE", "i",
	    r->user.id) == NULL || delete_end_mentorships(r) == -1 ||
	    delete_private_data(r) == -1 ||
	    db_exec(r, "DELETE FROM sessions WHERE user_id = ?", "i",
	    r->user.id) < 0)
		return -1;
	return 0;
}

void
delete_account(struct req *r)
{
	enum { DA_PASSWORD, DA_N };
	static const struct field f[DA_N] = {
		{ "password", F_PASSWORD, 1, 1024, 1, NULL },
	};
	struct fval v[DA_N];
	int ok;

	if (field_read(r, f, DA_N, v) != 0)
		return delete_show(r, "Enter your password to confirm.", 422);
	if ((ok = auth_current_ok(r, v[DA_PASSWORD].str)) != 1)
		return ok == -1 ? (void)0 : delete_show(r,
		    "That is not your password.", 422);
	if (db_tx_run(r, delete_tx, NULL) != 0)
		return;
	r->sess_id = 0;
	sess_end(r);
	resp_flash(r, "Your account has been deleted.");
	resp_redirect(r, "/");
}
