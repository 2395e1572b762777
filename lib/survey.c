/*
 * survey: the moments are found by three queries over the stage index
 * (a recent start of Cultivation, each 30 days in it, a recent entry
 * into Separation); each due pair gets its two surveys and their mails
 * in one transaction, or neither.
 */
#include <string.h>

#include "db.h"
#include "mail.h"
#include "mship.h"
#include "stage.h"
#include "survey.h"
#include "tmpl.h"

static const struct survey_q start_q[] = {
	{ "clarity", "How clear are our goals?", SURVEY_SCORE5, 1,
	    "1: not clear at all", "5: completely clear" },
};
static const struct survey_q checkin_q[] = {
	{ "going", "How is it going?", SURVEY_SCORE5, 1, "1: badly",
	    "5: very well" },
	{ "comment", "Anything you would like to add?", SURVEY_TEXT, 0,
	    NULL, NULL },
};
static const struct survey_q end_q[] = {
	{ "satisfaction", "How satisfied are you with this mentorship?",
	    SURVEY_SCORE5, 1, "1: not at all satisfied", "5: very satisfied" },
	{ "recommend", "How likely are you to recommend a mentorship like "
	    "this one to a friend or colleague?", SURVEY_SCORE10, 1,
	    "0: not at all likely", "10: extremely likely" },
	{ "valuable", "What was most valuable?", SURVEY_TEXT, 0, NULL,
	    NULL },
};

/*
 * A pair that reached its stage by a recorded change (stage_move writes
 * the event): rows written by other means (imports, fixtures) are not
 * surveyed.
 */
#define ENTERED "EXISTS (SELECT 1 FROM stage_events e WHERE " \
	"e.mentorship_id = m.id AND e.to_stage = m.stage)"

/* Each moment: its questions, its label, and the pairs it is due for. */
static const struct moment {
	const char		*name;
	const char		*label;
	const struct survey_q	*q;
	size_t			 nq;
	const char		*stage;	/* the pair's, when it is due */
	const char		*due;	/* id, mentor_id, mentee_id, programme_id, seq */
} moments[] = {
	{ "start", "as Cultivation starts", start_q, 1, "cultivation",
	  "SELECT m.id, m.mentor_id, m.mentee_id, m.programme_id, "
	  "m.contract_version AS seq FROM mentorships m WHERE m.stage = "
	  "'cultivation' AND m.stage_changed_at > UTC_TIMESTAMP() - INTERVAL "
	  "7 DAY AND NOT EXISTS (SELECT 1 FROM surveys s WHERE "
	  "s.mentorship_id = m.id AND s.moment = 'start' AND s.seq = "
	  "m.contract_version) AND " ENTERED " LIMIT 500" },
	{ "checkin", "after 30 days in Cultivation", checkin_q, 2, "cultivation",
	  "SELECT id, mentor_id, mentee_id, programme_id, seq FROM (SELECT "
	  "m.id, m.mentor_id, m.mentee_id, m.programme_id, m.contract_version "
	  "* 100 + TIMESTAMPDIFF(DAY, m.stage_changed_at, UTC_TIMESTAMP()) "
	  "DIV 30 AS seq FROM mentorships m WHERE m.stage = 'cultivation' AND "
	  "m.stage_changed_at <= UTC_TIMESTAMP() - INTERVAL 30 DAY) d WHERE "
	  "NOT EXISTS (SELECT 1 FROM surveys s WHERE s.mentorship_id = d.id "
	  "AND s.moment = 'checkin' AND s.seq = d.seq) AND EXISTS (SELECT 1 "
	  "FROM stage_events e WHERE e.mentorship_id = d.id AND e.to_stage = "
	  "'cultivation') LIMIT 500" },
	{ "end", "on entering Separation", end_q, 3, "separation",
	  "SELECT m.id, m.mentor_id, m.mentee_id, m.programme_id, "
	  "m.contract_version AS seq FROM mentorships m WHERE m.stage = "
	  "'separation' AND m.stage_changed_at > UTC_TIMESTAMP() - INTERVAL "
	  "7 DAY AND NOT EXISTS (SELECT 1 FROM surveys s WHERE "
	  "s.mentorship_id = m.id AND s.moment = 'end' AND s.seq = "
	  "m.contract_version) AND " ENTERED " LIMIT 500" },
};
#define NMOMENTS (sizeof(moments) / sizeof(moments[0]))

static const struct moment *
moment_of(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < NMOMENTS; i++)
		if (strcmp(moments[i].name, name) == 0)
			return &moments[i];
	return NULL;
}

const struct survey_q *
survey_questions(const char *moment, size_t *n)
{
	const struct moment *m = moment_of(moment);

	*n = m != NULL ? m->nq : 0;
	return m != NULL ? m->q : NULL;
}

const char *
survey_moment_label(const char *moment)
{
	const struct moment *m = moment_of(moment);

	return m != NULL ? m->label : "";
}

const char *
survey_prompt(const char *name)
{
	size_t i, k;

	for (i = 0; i < NMOMENTS; i++)
		for (k = 0; k < moments[i].nq; k++)
			if (strcmp(moments[i].q[k].name, name) == 0)
				return moments[i].q[k].prompt;
	return NULL;
}

/* One person's survey and its mail: 1 made, 0 there already, -1 db. */
static int
survey_make(struct req *r, const struct moment *mo, const struct db_rows *d,
    size_t i, const char *role)
{
	long long uid = db_get_int(d, i, strcmp(role, "mentor") == 0 ?
	    "mentor_id" : "mentee_id"), rc, id;
	struct tdict *t;
	const char *about, *path;
	struct db_rows *p;

	rc = db_exec(r, "INSERT INTO surveys (mentorship_id, user_id, role, "
	    "moment, seq, programme_id, created_at) VALUES (?, ?, ?, ?, ?, ?, "
	    "UTC_TIMESTAMP())", "iissis", db_get_int(d, i, "id"), uid, role,
	    mo->name, db_get_int(d, i, "seq"), db_get(d, i, "programme_id"));
	if (rc == DB_DUPLICATE)
		return 0;
	if (rc != 1)
		return -1;
	id = db_last_id();
	if ((p = db_query(r, "SELECT m.focus, a.display_name AS mentor_name, "
	    "b.display_name AS mentee_name FROM mentorships m JOIN users a ON "
	    "a.id = m.mentor_id JOIN users b ON b.id = m.mentee_id WHERE "
	    "m.id = ?", "i", db_get_int(d, i, "id"))) == NULL || p->nrows == 0)
		return -1;
	about = mail_mship_about(r, db_get(p, 0, strcmp(role, "mentor") == 0 ?
	    "mentee_name" : "mentor_name"), db_get(p, 0, "focus"));
	path = req_printf(r, "/surveys/%lld", id);
	t = tmpl_dict_new("mail");
	if (mail_link_set(r, t, uid, path) == -1) {
		tmpl_dict_free(t);
		return -1;
	}
	tmpl_set(t, "MOMENT", mo->label);
	tmpl_set(t, "ABOUT", about);
	if (db_get(d, i, "programme_id") != NULL)
		tmpl_show(t, "IN_PROGRAMME");
	else
		tmpl_show(t, "NO_PROGRAMME");
	/* the moment too: one pair gets up to three in a few weeks */
	rc = mail_notify(r, "survey", uid, req_printf(r, "A one-minute survey "
	    "about your mentorship %s, %s", about, mo->label),
	    path, "mail/survey", t,
	    req_printf(r, "survey:%lld", id));
	tmpl_dict_free(t);
	return rc == -1 ? -1 : 1;
}

/*
 * Both parties' surveys of one pair, all or nothing, in a transaction
 * that runs again after a deadlock, as a reminder's does (remind.c). The
 * pair is locked first and its stage read under the lock: the scan read
 * up to 500 pairs before, and one ended or moved on since got its
 * surveys and their mails (found in a review).
 */
struct moment_w {
	const struct moment	*mo;
	const struct db_rows	*d;
	size_t			 i;
	int			 made;	/* surveys this try made */
};

static int
moment_tx(struct req *r, void *arg)
{
	struct moment_w *w = arg;
	struct mship m = { .id = db_get_int(w->d, w->i, "id") };
	int a, b, rc;

	w->made = 0;
	if ((rc = stage_lock(r, &m)) != 0)
		return rc == 404 ? 0 : -1;	/* 404: deleted meanwhile */
	if (strcmp(m.stage, w->mo->stage) != 0)
		return 0;
	if ((a = survey_make(r, w->mo, w->d, w->i, "mentor")) == -1 ||
	    (b = survey_make(r, w->mo, w->d, w->i, "mentee")) == -1)
		return -1;
	w->made = a + b;
	return 0;
}

static int
moment_scan(struct req *r, const struct moment *mo)
{
	struct moment_w w = { mo, NULL, 0, 0 };
	int made = 0;

	if ((w.d = db_query(r, mo->due, "")) == NULL)
		return -1;
	for (w.i = 0; w.i < w.d->nrows; w.i++) {
		if (db_tx_run(r, moment_tx, &w) != 0)
			return -1;
		made += w.made;
	}
	return made;
}

int
survey_scan(struct req *r)
{
	size_t i;
	int n, made = 0;

	for (i = 0; i < NMOMENTS; i++) {
		if ((n = moment_scan(r, &moments[i])) == -1)
			return -1;
		made += n;
	}
	return made;
}
