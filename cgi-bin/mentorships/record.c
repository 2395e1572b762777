/*
 * mentorships: the record of achievement and its sharing link.
 */
#include <string.h>

#include "cfg.h"
#include "entry.h"
#include "md.h"
#include "mentorships.h"
#include "sess.h"

static int
record_extras(struct req *r, struct tdict *d, const struct mship *m)
{
	struct db_rows *q;
	struct tdict *s;
	size_t i;

	if (stage_table_exists(r, "mentorship_milestones")) {
		q = db_query(r, "SELECT title, done_at FROM "
		    "mentorship_milestones WHERE mentorship_id = ? AND done_at "
		    "IS NOT NULL ORDER BY done_at", "i", m->id);
		if (q == NULL)
			return -1;
		for (i = 0; i < q->nrows; i++) {
			s = tmpl_section(d, "MILESTONE");
			tmpl_set(s, "TITLE", db_get(q, i, "title"));
			page_date(r, s, "DONE", db_get(q, i, "done_at"));
		}
		if (q->nrows == 0)
			tmpl_show(d, "NO_MILESTONES");
	} else if (r->db_failed)
		return -1;
	else
		tmpl_show(d, "NO_MILESTONES");
	if (stage_table_exists(r, "threads") &&
	    stage_table_exists(r, "thread_entries")) {
		q = db_query(r, "SELECT t.id, t.title, e.kind, e.body, "
		    "e.created_at FROM threads t JOIN thread_entries e ON "
		    "e.thread_id = t.id JOIN users o ON o.id = t.owner_id AND "
		    "o.disabled_at IS NULL WHERE t.mentorship_id = ? AND "
		    "t.visibility = 'public' ORDER BY e.id LIMIT 200", "i",
		    m->id);
		if (q == NULL)
			return -1;
		for (i = 0; i < q->nrows; i++) {
			s = tmpl_section(d, "ENTRY");
			tmpl_set(s, "THREAD_ID", db_get(q, i, "id"));
			tmpl_set(s, "THREAD", db_get(q, i, "title"));
			tmpl_set(s, "KIND", db_get(q, i, "kind"));
			tmpl_set(s, "KIND_LABEL", entry_kind_label(db_get(q,
			    i, "kind")));
			tmpl_set(s, "BODY_HTML", md_html(r,
			    db_get(q, i, "body")));
			page_date(r, s, "WHEN", db_get(q, i, "created_at"));
		}
		if (q->nrows == 0)
			tmpl_show(d, "NO_ENTRIES");
	} else if (r->db_failed)
		return -1;
	else
		tmpl_show(d, "NO_ENTRIES");
	return 0;
}

/* A record is shared while both its people still have their accounts. */
#define RECORD_LIVE "JOIN users a ON a.id = m.mentor_id AND a.disabled_at " \
	"IS NULL JOIN users b ON b.id = m.mentee_id AND b.disabled_at IS NULL"

void
mships_record(struct req *r)
{
	struct tdict *d;
	struct mship m;
	const char *secret = req_query(r, "s"), *ack;
	const char *shared;
	int rc;

	if ((rc = mship_load(r, r->id[0], &m)) == -1)
		return;
	if (rc == 404)
		return page_error(r, 404);
	if (!m.is_party) {
		shared = secret == NULL || strlen(secret) != 64 ? NULL :
		    db_value(r, "SELECT m.id FROM mentorships m " RECORD_LIVE
		    " WHERE m.id = ? AND m.record_secret = ?", "is", m.id,
		    secret);
		if (shared == NULL && r->db_failed)
			return;
		if (shared == NULL)
			return r->user.id == 0 ? resp_redirect(r, req_printf(r,
			    "/login?next=/mentorships/%lld/record", m.id)) :
			    page_error_msg(r, 403, "Only the mentor and the "
			    "mentee, or someone they shared the link with, can "
			    "see this record.");
	}
	ack = db_value(r, "SELECT acknowledged_at FROM mentorships WHERE "
	    "id = ?", "i", m.id);
	if (ack == NULL && r->db_failed)
		return;
	d = page_new(r, req_printf(r, "%s: record of achievement", m.focus),
	    "mentorships_record.tpl");
	tmpl_set_int(d, "ID", m.id);
	tmpl_set(d, "FOCUS", m.focus);
	tmpl_set(d, "STAGE", m.stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m.stage));
	tmpl_set(d, "MENTOR_NAME", m.mentor_name);
	tmpl_set(d, "MENTEE_NAME", m.mentee_name);
	/* the viewer's date, shown as it is (a DATE has no zone) */
	page_date(r, d, "TODAY", page_today(r));
	if (ack != NULL)
		page_date(r, tmpl_section(d, "ACKNOWLEDGED"), "AT", ack);
	else
		tmpl_show(d, "NOT_ACKNOWLEDGED");
	if (m.is_party) {
		struct tdict *s = tmpl_section(d, "SHARE");
		tmpl_show(d, "PARTY");	/* the way back: not for a shared link */
		const char *sec = db_value(r, "SELECT m.record_secret FROM "
		    "mentorships m " RECORD_LIVE " WHERE m.id = ?", "i", m.id);
		if (sec == NULL && r->db_failed)
			return;
		if (sec != NULL) {	/* shown whole: it is there to copy */
			struct tdict *l = tmpl_section(s, "SHARE_LINK");
			tmpl_set(l, "PATH", req_printf(r, "/mentorships/%lld/"
			    "record?s=%s", m.id, sec));
			tmpl_set(l, "URL", req_printf(r, "%s/mentorships/%lld/"
			    "record?s=%s", cfg_base_url(), m.id, sec));
		}
		tmpl_set_int(s, "ID", m.id);
	}
	/* what a shared link shows, the parties see too: no notes */
	if (mships_goals(r, d, &m, 0, 0) == -1 ||
	    mships_timeline(r, d, &m, 0) == -1 ||
	    record_extras(r, d, &m) == -1 || mships_strip(r, d, &m) == -1)
		return;
	page_send(r, 200);
}

static void
record_refused(struct req *r, struct mship *m, int status, const char *why)
{
	(void)m;
	page_error_msg(r, status, why);
}

/*
 * A new link stored and the other party told, in a transaction that runs
 * again after a deadlock or a Galera certification failure (db_tx_run).
 */
struct share_write {
	const struct mship	*m;
	const char		*tok;
};

static int
share_tx(struct req *r, void *arg)
{
	const struct share_write *w = arg;

	if (db_exec(r, "UPDATE mentorships SET record_secret = ? WHERE id = ?",
	    "si", w->tok, w->m->id) == -1)
		return -1;
	return mships_tell(r, w->m, "Your record of achievement was shared",
	    req_printf(r, "%s made a link that lets anyone who has it read "
	    "your record of achievement: goals and outcomes, milestones, "
	    "stage dates and public Growth Thread entries (no notes). You "
	    "can end the link on the record page.", r->user.name), NULL,
	    "/record");
}

/*
 * Either party makes a link (share=1) or ends it (share=0). The record
 * is both people's, so making a link tells the other one, who can end
 * it at any time: asking both to consent first would leave a record
 * unsharable whenever the other party has gone quiet, which is when a
 * mentee most needs to show it.
 */
void
mships_record_share(struct req *r)
{
	static const char *const share[] = { "0", "1", NULL };
	enum { SH_SHARE, SH_N };
	static const struct field f[SH_N] = {
		{ "share", F_CHOICE, 0, 0, 0, share },
	};
	struct fval v[SH_N];
	struct mship m;
	char tok[SESS_TOKEN_LEN + 1];

	if (mships_load(r, &m) == -1)
		return;
	if (field_read(r, f, SH_N, v) != 0)
		return page_error(r, 400);
	if (v[SH_SHARE].str != NULL && strcmp(v[SH_SHARE].str, "0") == 0) {
		if (db_exec(r, "UPDATE mentorships SET record_secret = NULL "
		    "WHERE id = ?", "i", m.id) == -1)
			return;
		resp_flash(r, "The record is no longer shared: its link does "
		    "not work any more.");
		return resp_redirect(r, mships_path(r, &m, "/record"));
	}
	if (mships_mail_throttled(r, &m, record_refused))
		return;
	sess_token(tok);
	if (db_tx_run(r, share_tx, &(struct share_write){ &m, tok }) != 0)
		return;
	resp_flash(r, "A new sharing link was made; any earlier link no "
	    "longer works. We told the other person.");
	resp_redirect(r, mships_path(r, &m, "/record"));
}
