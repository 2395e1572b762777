/*
 * mentorships: agreeing to the contract. Each party agrees; when both
 * have, the contract and its goals are kept as a numbered version, a
 * text snapshot the contract page lists and shows (?version=N). A change
 * to the contract clears both agreements, and an agreement is to the
 * contract the page showed (its fingerprint, "seen").
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mentorships.h"
#include "contract.h"

/*
 * The viewer's change a moment before, whose mail was still held and is
 * taken back to say more: its words; NULL when none was held or the
 * database failed (r->db_failed).
 */
static const char *
change_held(struct req *r, const struct mship *m)
{
	/* its words are read only for a mail taken back */
	if (mship_change_take_back(r, m, r->user.id, m->other_id) <= 0)
		return NULL;
	return db_value(r, "SELECT change_what FROM mentorships WHERE id = ?",
	    "i", m->id);
}

/* The words of a held change and of the one after it, each said once. */
static const char *
change_both(struct req *r, const char *held, const char *what)
{
	if (what == NULL || strstr(held, what) != NULL)
		return held;
	return req_printf(r, "%s; %s", held, what);
}

/* The other party told what changed, in a mail held MSHIP_CHANGE_HOLD. */
static int
change_tell(struct req *r, const struct mship *m, const char *what)
{
	struct mship_notice n = { .headline = "The contract changed: agree "
	    "again", .path = mships_path(r, m, "/contract"),
	    .hold = MSHIP_CHANGE_HOLD };

	if (db_exec(r, "UPDATE mentorships SET change_what = LEFT(?, 1000) "
	    "WHERE id = ?", "si", what, m->id) == -1)
		return -1;
	n.intro = req_printf(r, "%s changed the contract (%s), so both "
	    "agreements were cleared. Read it and agree again.", r->user.name,
	    what);
	n.dedup = mship_change_key(r, m->id, r->user.id, req_printf(r, "%lld",
	    (long long)time(NULL)));
	return mship_notice_send(r, m, m->other_id, &n);
}

/*
 * A change to a contract one party agreed to clears both agreements
 * (*cleared 1, when cleared is not NULL) and tells the other party what
 * changed (what NULL: the agreement that follows tells them). A second
 * change while the first one's mail is held takes it back and holds one
 * saying both, counted once against the hourly limit. Inside the
 * caller's transaction.
 */
int
mships_contract_changed(struct req *r, const struct mship *m, const char *what,
    int *cleared)
{
	const char *v, *held;

	v = db_value(r, "SELECT mentor_agreed_at IS NOT NULL OR "
	    "mentee_agreed_at IS NOT NULL FROM mentorships WHERE id = ?",
	    "i", m->id);
	if (v == NULL)
		return -1;
	if (strcmp(v, "1") != 0) {
		if (what == NULL || (held = change_held(r, m)) == NULL)
			return r->db_failed ? -1 : 0;
		return change_tell(r, m, change_both(r, held, what));
	}
	if (db_exec(r, "UPDATE mentorships SET mentor_agreed_at = NULL, "
	    "mentee_agreed_at = NULL WHERE id = ?", "i", m->id) == -1)
		return -1;
	if (cleared != NULL)
		*cleared = 1;
	if (what == NULL)
		return 0;
	if (mship_mail_count(r, m) == -1)
		return -1;
	return change_tell(r, m, what);
}

const char *
mships_contract_seen(struct req *r)
{
	static const struct field f = { "seen", F_TEXT, 0, 40, 0, NULL };
	struct fval v;

	field_read(r, &f, 1, &v);
	if (v.raw == NULL)
		return NULL;
	return v.str != NULL ? v.str : "";	/* none of ours: moved */
}

/* The agreed versions the contract page lists; ?version=N shown whole. */
int
mships_versions_show(struct req *r, struct tdict *d, const struct mship *m)
{
	const char *vs = req_query(r, "version");
	struct db_rows *q;
	struct tdict *s;
	size_t i;
	long long n;
	char *end;

	q = db_query(r, "SELECT version, agreed_at, snapshot FROM "
	    "contract_versions WHERE mentorship_id = ? ORDER BY version",
	    "i", m->id);
	if (q == NULL)
		return -1;
	n = vs != NULL ? strtoll(vs, &end, 10) : 0;
	for (i = 0; i < q->nrows; i++) {
		s = tmpl_section(d, "VERSION");
		tmpl_set(s, "N", db_get(q, i, "version"));
		tmpl_set_int(s, "ID", m->id);
		page_date(r, s, "AGREED", db_get(q, i, "agreed_at"));
		if (n > 0 && db_get_int(q, i, "version") == n) {
			struct tdict *o = tmpl_section(d, "OLD_VERSION");
			tmpl_set(o, "N", db_get(q, i, "version"));
			page_date(r, o, "AGREED", db_get(q, i, "agreed_at"));
			tmpl_set(o, "SNAPSHOT", db_get(q, i, "snapshot"));
		}
	}
	if (q->nrows > 0)
		tmpl_show(d, "HAS_VERSIONS");
	return 0;
}

/* A term of a draft not written yet ("(null)" in the text, or worse). */
static const char *
or_unset(const char *v)
{
	return v != NULL && *v != '\0' ? v : "not set";
}

/* A date as people read it ("1 Jun 2027"), or what stands for none. */
static const char *
date_or(struct req *r, const char *day, const char *none)
{
	const char *s = day != NULL && *day != '\0' ? page_date_text(r, day) :
	    NULL;

	return s != NULL ? s : none;
}

/* The text kept as version `version`: the terms and the goals it holds. */
const char *
mships_contract_text(struct req *r, const struct mship *m, long long version,
    const char *head)
{
	struct db_rows *c, *g;
	struct buf b = { NULL, 0, 0 };
	const char *out;
	size_t i;

	c = db_query(r, "SELECT ground_rules, cadence, channels, review_date "
	    "FROM mentorships WHERE id = ?", "i", m->id);
	g = db_query(r, "SELECT title, measure, target_date, status FROM goals "
	    "WHERE mentorship_id = ? AND (version >= ? OR status = 'open' OR "
	    "? = 1) ORDER BY id", "iii", m->id, version, version);
	if (c == NULL || g == NULL || c->nrows == 0)
		return NULL;
	buf_printf(&b, "%s\nMentor: %s\nMentee: %s\n"
	    "Focus: %s\n\nGround rules:\n%s\n\nMeeting cadence: %s\n"
	    "Communication: %s\nReview date: %s\n\nGoals:\n", head != NULL ?
	    head : req_printf(r, "Contract version %lld", version),
	    m->mentor_name, m->mentee_name, m->focus,
	    or_unset(db_get(c, 0, "ground_rules")),
	    mship_cadence_label(db_get(c, 0, "cadence")),
	    /* in words, not the columns' "room,video" (found walking) */
	    mship_channels_label(r, db_get(c, 0, "channels")),
	    date_or(r, db_get(c, 0, "review_date"), "not set"));
	for (i = 0; i < g->nrows; i++)
		buf_printf(&b, "%zu. %s\n   Measured by: %s\n   Target: %s\n"
		    "   Status: %s\n", i + 1, db_get(g, i, "title"),
		    or_unset(db_get(g, i, "measure")),
		    date_or(r, db_get(g, i, "target_date"), "none"),
		    mship_outcome_label(db_get(g, i, "status")));
	out = b.p != NULL ? req_strdup(r, b.p) : "";
	buf_free(&b);
	return out;
}

/*
 * The other party told of the viewer's agreement, and of the changes
 * that came with it: the viewer's a moment before, whose held mail is
 * taken back to say them, and the same form's (w->what).
 */
static int
agreed_by_one(struct req *r, const struct agreeing *w)
{
	const char *held, *what = w->what;
	int changed = w->changed;

	if ((held = change_held(r, w->m)) == NULL && r->db_failed)
		return -1;
	if (held != NULL) {
		what = changed ? change_both(r, held, what) : held;
		changed = 1;
	}
	return mships_tell(r, w->m, req_printf(r, "%s agreed to the contract",
	    r->user.name),
	    changed ? req_printf(r, "%s changed the contract (%s) and agreed "
	    "to it, so any agreement given before was cleared. Read it and "
	    "agree too, so the work can start.", r->user.name, what != NULL ?
	    what : "the terms or the goals") : req_printf(r, "%s agreed to "
	    "the contract. Read it and agree too, so the work can start.",
	    r->user.name), NULL, "/contract");
}

/*
 * The viewer agrees, under the mentorship's lock, to the contract as it
 * is (the page's, or the form's just saved); when both have, the version
 * is kept. An agreement already given is a no-op (done 0): nothing
 * written, nobody mailed.
 */
int
mships_agree_locked(struct req *r, struct agreeing *w)
{
	struct mship *m = w->m;
	struct db_rows *c;
	const char *snap;
	long long n;
	int rc;

	w->done = 0;
	if ((rc = stage_contract_complete(r, m, &w->why)) != 0)
		return rc == -1 ? -1 : 422;
	n = db_exec(r, m->is_mentor ?
	    "UPDATE mentorships SET mentor_agreed_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND mentor_agreed_at IS NULL" :
	    "UPDATE mentorships SET mentee_agreed_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND mentee_agreed_at IS NULL", "i", m->id);
	if (n == -1)
		return -1;
	if (n == 0)
		return 0;
	/* the other's change, agreed to before its mail went: not sent */
	if (mship_change_take_back(r, m, m->other_id, r->user.id) == -1)
		return -1;
	c = db_query(r, "SELECT mentor_agreed_at IS NOT NULL AND "
	    "mentee_agreed_at IS NOT NULL AS both_agreed, (SELECT "
	    "COALESCE(MAX(version), 0) + 1 FROM contract_versions WHERE "
	    "mentorship_id = ?) AS next_version FROM mentorships WHERE id = ?",
	    "ii", m->id, m->id);
	if (c == NULL)
		return -1;
	if (c->nrows == 0)
		return 404;
	w->done = db_get_int(c, 0, "both_agreed") ? 2 : 1;
	w->version = db_get_int(c, 0, "next_version");
	if (w->done == 1)
		return agreed_by_one(r, w);
	if ((snap = mships_contract_text(r, m, w->version, NULL)) == NULL)
		return -1;
	if (db_exec(r, "INSERT INTO contract_versions (mentorship_id, "
	    "version, snapshot, agreed_at) VALUES (?, ?, ?, "
	    "UTC_TIMESTAMP())", "iis", m->id, w->version, snap) != 1)
		return -1;
	if (db_exec(r, "UPDATE goals SET version = ? WHERE "
	    "mentorship_id = ? AND version > (SELECT contract_version "
	    "FROM mentorships WHERE id = ?)", "iii", w->version, m->id,
	    m->id) == -1)
		return -1;
	if (db_exec(r, "UPDATE mentorships SET contract_version = ? "
	    "WHERE id = ?", "ii", w->version, m->id) == -1)
		return -1;
	return mships_tell(r, m, req_printf(r, "Contract version %lld "
	    "agreed by both of you", w->version), req_printf(r, "%s "
	    "agreed too: version %lld of your contract is kept. You "
	    "can now start %s.", r->user.name, w->version,
	    mships_is(m, "initiation") ? "Cultivation" :
	    "the next Cultivation cycle"), NULL, "");
}

/* An agreement is to the terms the page showed, or to none. */
static int
agree_tx(struct req *r, void *arg)
{
	struct agreeing *w = arg;
	int rc;

	if ((rc = mships_contract_lock(r, w->m, &w->why)) != 0)
		return rc;
	if ((rc = mships_contract_moved(r, w->m, w->seen, NULL)) != 0)
		return rc == -1 ? -1 : (w->why = "The contract changed after "
		    "you opened the page, so you did not agree yet. Read it as "
		    "it is now, below, and agree if you still do.", 409);
	return mships_agree_locked(r, w);
}

/* Where an agreement leads: the mentorship once both agreed. */
void
mships_agreed(struct req *r, struct mship *m, const struct agreeing *w)
{
	const char *said;

	said = w->done == 2 ? "You both agreed: the contract is kept as a "
	    "new version." : w->done == 1 ? "You agreed. The other party has "
	    "been told." : "You have agreed to this contract already.";
	resp_flash(r, w->changed ? req_printf(r, "Your changes are saved. %s",
	    said) : said);
	resp_redirect(r, mships_path(r, m, w->done == 2 ? "" : "/contract"));
}

void
mships_agree(struct req *r, struct mship *m)
{
	struct agreeing w = { .m = m, .seen = mships_contract_seen(r) };
	int rc;

	if (mships_mail_throttled(r, m, mships_contract_refused))
		return;
	if ((rc = db_tx_run(r, agree_tx, &w)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return mships_contract_refused(r, m, rc, w.why);
	mships_agreed(r, m, &w);
}
