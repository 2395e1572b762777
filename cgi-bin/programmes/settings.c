/*
 * programmes/settings: creating a programme (site admins) and its
 * settings (its organisers); the page's questions are questions.c's.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "mail.h"
#include "mship.h"
#include "programmes.h"
#include "resp.h"

static const char *const joins[] = { "open", "invite", NULL };
static const char *const yes_no[] = { "1", "0", NULL };
static const char *const cadences[] = { "weekly", "biweekly", "monthly", NULL };

/* The programme's own fields: /programmes/new and its settings. */
static const struct field prog_f[] = {
	{ "name",		F_TEXT,		1, 120,	1, NULL },
	{ "slug",		F_SLUG,		3, 40,	1, NULL },
	{ "description",	F_MULTILINE,	0, 5000, 0, NULL },
	{ "join",		F_CHOICE,	0, 0,	1, joins },
	{ "mentor_approval",	F_CHOICE,	0, 0,	1, yes_no },
	{ "starts_on",		F_DATE,		0, 0,	0, NULL },
	{ "ends_on",		F_DATE,		0, 0,	0, NULL },
	{ "review_weeks",	F_INT,		1, 104,	1, NULL },
	{ "cadence",		F_CHOICE,	0, 0,	1, cadences },
	{ "ground_rules",	F_MULTILINE,	0, 5000, 0, NULL },
	{ "roadmap",		F_INT,		1, LLONG_MAX, 0, NULL },
	{ "organisers",		F_MULTILINE,	0, 5000, 0, NULL },
};
enum { PF_NAME, PF_SLUG, PF_DESC, PF_JOIN, PF_APPROVAL, PF_STARTS, PF_ENDS,
    PF_WEEKS, PF_CADENCE, PF_RULES, PF_ROADMAP, PF_ORGANISERS, PF_N };

/* ---- creating and configuring --------------------------------------------- */

/*
 * Back to the settings page, at one of its sections (NULL: the top),
 * saying what was done (NULL: the page shows it).
 */
void
prog_settings_back(struct req *r, const char *slug, const char *section,
    const char *done)
{
	if (done != NULL)
		resp_flash(r, done);
	resp_redirect(r, req_printf(r, "/programmes/%s/settings%s%s", slug,
	    section != NULL ? "#" : "", section != NULL ? section : ""));
}

/* The roadmaps a programme may suggest: curated ones and shared ones. */
static int
roadmap_options(struct req *r, struct tdict *d, const char *chosen)
{
	struct db_rows *rm;
	struct tdict *o;
	size_t i;

	rm = db_query(r, "SELECT id, title FROM roadmaps WHERE kind = "
	    "'curated' OR visibility = 'shared' ORDER BY kind, title LIMIT 200",
	    "");
	if (rm == NULL)
		return -1;
	for (i = 0; i < rm->nrows; i++) {
		o = tmpl_section(d, "ROADMAP_OPTION");
		tmpl_set(o, "OPT_ID", db_get(rm, i, "id"));
		tmpl_set(o, "OPT_LABEL", db_get(rm, i, "title"));
		if (chosen != NULL && strcmp(chosen, db_get(rm, i, "id")) == 0)
			tmpl_show(o, "OPT_SELECTED");
	}
	return 0;
}

/* The form's values as saved (p), or a new programme's defaults. */
static const struct fval *
prog_values(struct req *r, const struct prog *p, struct fval *v)
{
	memset(v, 0, PF_N * sizeof(*v));
	if (p == NULL) {
		field_stored(&v[PF_JOIN], "invite");
		field_stored(&v[PF_APPROVAL], "1");
		field_stored(&v[PF_WEEKS], "26");
		field_stored(&v[PF_CADENCE], "biweekly");
		/* who makes it runs it, unless they hand it to others */
		field_stored(&v[PF_ORGANISERS], r->user.email);
		return v;
	}
	field_stored(&v[PF_NAME], p->name);
	field_stored(&v[PF_SLUG], p->slug);
	field_stored(&v[PF_DESC], p->description);
	field_stored(&v[PF_JOIN], p->join);
	field_stored(&v[PF_APPROVAL], p->approval ? "1" : "0");
	field_stored(&v[PF_STARTS], p->starts_on);
	field_stored(&v[PF_ENDS], p->ends_on);
	field_stored(&v[PF_WEEKS], req_printf(r, "%lld", p->review_weeks));
	field_stored(&v[PF_CADENCE], p->cadence);
	field_stored(&v[PF_RULES], p->ground_rules);
	if (p->roadmap_id > 0)
		field_stored(&v[PF_ROADMAP], req_printf(r, "%lld", p->roadmap_id));
	field_stored(&v[PF_ORGANISERS], db_value(r, "SELECT GROUP_CONCAT(u.email "
	    "ORDER BY u.email SEPARATOR ', ') FROM programme_organisers o "
	    "JOIN users u ON u.id = o.user_id WHERE o.programme_id = ?", "i",
	    p->id));
	return v;
}

/* The programme form, new or as saved, with what was typed when v. */
void
prog_settings_page(struct req *r, const struct prog *p, const struct fval *v,
    const struct fval *qv, const struct fval *sv, int status)
{
	struct fval saved[PF_N];
	struct tdict *d;

	d = page_new(r, p != NULL ? req_printf(r, "%s: settings", p->name) :
	    "New programme", "programmes_form.tpl");
	if (v == NULL)
		v = prog_values(r, p, saved);
	page_form(d, prog_f, PF_N, v);
	if (roadmap_options(r, d, v[PF_ROADMAP].raw) == -1)
		return;
	if (p == NULL) {
		tmpl_show(d, "CREATING");
		tmpl_set(d, "ACTION", "/programmes/new");
	} else {
		prog_head(d, p, "Settings");
		tmpl_show(d, "EDITING");
		tmpl_set(d, "ACTION", req_printf(r, "/programmes/%s/settings",
		    p->slug));
	}
	if (p == NULL || r->user.admin)
		tmpl_show(d, "SET_ORGANISERS");
	if (p != NULL && prog_questions_fill(r, d, p, qv, sv) == -1)
		return;
	page_send(r, status);
}

/* Checks the fields beyond their types; counts the errors it adds. */
static int
prog_form_check(struct req *r, struct fval *v, long long self_id)
{
	int errors = 0;
	const char *other;

	if (v[PF_STARTS].str != NULL && v[PF_ENDS].str != NULL &&
	    strcmp(v[PF_ENDS].str, v[PF_STARTS].str) < 0) {
		v[PF_ENDS].err = "Choose an end after the start.";
		errors++;
	}
	if (v[PF_SLUG].str != NULL) {
		other = db_value(r, "SELECT id FROM programmes WHERE slug = ? "
		    "AND id <> ?", "si", v[PF_SLUG].str, self_id);
		if (r->db_failed)
			return -1;
		if (other != NULL) {
			v[PF_SLUG].err = "Another programme has this address.";
			errors++;
		}
		if (strcmp(v[PF_SLUG].str, "new") == 0) {
			v[PF_SLUG].err = "This address is taken by a page.";
			errors++;
		}
	}
	if (v[PF_ROADMAP].str != NULL) {
		other = db_value(r, "SELECT id FROM roadmaps WHERE id = ? AND "
		    "(kind = 'curated' OR visibility = 'shared')", "i",
		    v[PF_ROADMAP].num);
		if (r->db_failed)
			return -1;
		if (other == NULL) {
			v[PF_ROADMAP].err = "Choose a roadmap from the library.";
			errors++;
		}
	}
	return errors;
}

/* Whether id is among the n of ids. */
static int
id_in(const long long *ids, size_t n, long long id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/*
 * The organisers' addresses, comma- or line-separated, as account ids
 * in ids (up to n, each once: an address named twice is one organiser,
 * told once): their count, or -1 after setting the field's error (what
 * is not an address, an address with no account) or on a database
 * failure.
 */
static int
organisers_parse(struct req *r, struct fval *f, long long *ids, size_t n)
{
	static const struct field email = { "organisers", F_EMAIL, 1, 254, 1,
		NULL };
	char *list, *tok, *save = NULL;
	const char *id, *missing = NULL, *bad = NULL, *err = "";
	struct fval ev;
	size_t k = 0, nmissing = 0;

	if (f->str == NULL)
		return 0;
	list = req_strdup(r, f->str);
	for (tok = strtok_r(list, ",\n\r ", &save); tok != NULL;
	    tok = strtok_r(NULL, ",\n\r ", &save)) {
		if (k == n) {
			f->err = "Name at most 20 organisers.";
			return -1;
		}
		/* not an address at all is said apart (found walking) */
		if (field_check(r->arena, &email, tok, &ev) != 0) {
			bad = bad == NULL ? tok : req_printf(r, "%s, %s", bad,
			    tok);
			continue;
		}
		id = db_value(r, "SELECT id FROM users WHERE email = ? AND "
		    "disabled_at IS NULL", "s", ev.str);
		if (r->db_failed)
			return -1;
		if (id == NULL) {
			missing = missing == NULL ? tok :
			    req_printf(r, "%s, %s", missing, tok);
			nmissing++;
			continue;
		}
		if (!id_in(ids, k, strtoll(id, NULL, 10)))
			ids[k++] = strtoll(id, NULL, 10);
	}
	if (bad != NULL)
		err = req_printf(r, "Not an e-mail address: %s.", bad);
	if (missing != NULL)
		err = req_printf(r, "%s%sNo account has %s: %s. Organisers "
		    "sign up first.", err, *err != '\0' ? " " : "",
		    nmissing == 1 ? "this address" : "these addresses",
		    missing);
	if (*err != '\0') {
		f->err = err;
		return -1;
	}
	return (int)k;
}

/*
 * Tells user uid they are an organiser of the programme now (gone 0),
 * or no longer (gone 1): what they may do, and where. 0, or -1.
 */
static int
organiser_mail(struct req *r, long long prog_id, const char *name,
    const char *slug, long long uid, int gone)
{
	struct tdict *d = tmpl_dict_new("mail");
	const char *path = req_printf(r, gone ? "/programmes/%s" :
	    "/programmes/%s/dashboard", slug);
	int rc;

	tmpl_set(d, "PROG_NAME", name);
	tmpl_set(d, "INVITER", r->user.name);
	tmpl_set(d, "LINK", req_printf(r, "%s%s", cfg_base_url(), path));
	tmpl_show(d, gone ? "IS_ORGANISER_GONE" : "IS_ORGANISER");
	/* named again later is news again: a key of its own */
	rc = mail_notify(r, "programme", uid, req_printf(r, gone ? "You are "
	    "no longer an organiser of %s" : "You are an organiser of %s",
	    name), path, "mail/programme_decision", d, prog_once_key(r,
	    req_printf(r, "organiser%s:%lld:%lld", gone ? "-gone" : "",
	    prog_id, uid)));
	tmpl_dict_free(d);
	return rc == -1 ? -1 : 0;
}

/*
 * The programme's organisers become ids (n): those kept keep their row
 * (and its date), each one who comes or goes is told, unless it is the
 * administrator doing it to themselves. 0, or -1.
 */
static int
organisers_save(struct req *r, long long prog_id, const char *name,
    const char *slug, const long long *ids, int n)
{
	struct db_rows *was;
	long long *old;
	size_t k;
	int i;

	if ((was = db_query(r, "SELECT user_id FROM programme_organisers "
	    "WHERE programme_id = ?", "i", prog_id)) == NULL)
		return -1;
	old = req_alloc(r, (was->nrows + 1) * sizeof(*old));
	for (k = 0; k < was->nrows; k++) {
		old[k] = db_get_int(was, k, "user_id");
		if (id_in(ids, (size_t)n, old[k]))
			continue;
		if (db_exec(r, "DELETE FROM programme_organisers WHERE "
		    "programme_id = ? AND user_id = ?", "ii", prog_id,
		    old[k]) < 0 || (old[k] != r->user.id && organiser_mail(r,
		    prog_id, name, slug, old[k], 1) == -1))
			return -1;
	}
	for (i = 0; i < n; i++) {
		if (id_in(old, was->nrows, ids[i]))
			continue;
		if (db_exec(r, "INSERT IGNORE INTO programme_organisers "
		    "(programme_id, user_id, created_at) VALUES (?, ?, "
		    "UTC_TIMESTAMP())", "ii", prog_id, ids[i]) < 0 ||
		    (ids[i] != r->user.id && organiser_mail(r, prog_id, name,
		    slug, ids[i], 0) == -1))
			return -1;
	}
	return 0;
}

/*
 * A programme's fields and organisers, written together (db_tx_run: a
 * deadlock runs the two again, where a 503 lost the form). p is the
 * programme changed, NULL for a new one; the transactions answer 1 when
 * another programme has the address.
 */
struct settings_w {
	const struct prog	*p;
	const struct fval	*v;
	const long long		*ids;
	int			 n;
};

/* The form's fields as the two statements bind them, in one order. */
#define PROG_TYPES "ssssississs"
#define PROG_ARGS(v) (v)[PF_SLUG].str, (v)[PF_NAME].str, \
	field_opt(&(v)[PF_DESC]), (v)[PF_JOIN].str, \
	strcmp((v)[PF_APPROVAL].str, "1") == 0 ? 1LL : 0LL, (v)[PF_STARTS].str, \
	(v)[PF_ENDS].str, (v)[PF_WEEKS].num, (v)[PF_CADENCE].str, \
	field_opt(&(v)[PF_RULES]), (v)[PF_ROADMAP].str

/*
 * The unread notifications about the programme's pages follow it to its
 * new address: read on visit (lib/notif.h) compares the page's path, and
 * one at the old address stayed unread when its page was opened at the
 * new one, the person joined, or the organiser saw the dashboard. Only
 * the people a programme tells (its participants, organisers, invited
 * accounts and the site's admins) are looked at, by their key: never
 * every notification of the site. 0, or -1.
 */
static int
unread_moved(struct req *r, long long id, const char *was, const char *now)
{
	const char *from = req_printf(r, "/programmes/%s", was);

	/* joined to the people, so that each is found by the path's key */
	return db_exec(r, "UPDATE notifications n JOIN (SELECT user_id AS id "
	    "FROM programme_participants WHERE programme_id = ? UNION SELECT "
	    "user_id FROM programme_organisers WHERE programme_id = ? UNION "
	    "SELECT u.id FROM programme_invitations i JOIN users u ON u.email "
	    "= i.email WHERE i.programme_id = ? UNION SELECT id FROM users "
	    "WHERE is_admin = 1) k ON n.user_id = k.id SET n.path = CONCAT(?, "
	    "SUBSTRING(n.path, ?)) WHERE n.read_at IS NULL AND (n.path = ? OR "
	    "LEFT(n.path, ?) = ?)", "iiisisis", id, id, id, req_printf(r,
	    "/programmes/%s", now), (long long)strlen(from) + 1, from,
	    (long long)strlen(from) + 1, req_printf(r, "%s/", from)) < 0 ?
	    -1 : 0;
}

/*
 * The programme's addresses once its slug is `now` (sql/325): `was`, an
 * address it leaves, leads to it from now on; `now` is an earlier
 * address of no programme any more (its own, or another's it takes
 * over). was NULL: a new programme. 0, or -1.
 */
static int
slug_history(struct req *r, long long id, const char *was, const char *now)
{
	if (was != NULL && strcmp(was, now) == 0)
		return 0;
	if (db_exec(r, "DELETE FROM programme_slugs WHERE slug = ?", "s",
	    now) < 0)
		return -1;
	if (was != NULL && db_exec(r, "INSERT INTO programme_slugs (slug, "
	    "programme_id, retired_at) VALUES (?, ?, UTC_TIMESTAMP()) ON "
	    "DUPLICATE KEY UPDATE programme_id = VALUES(programme_id), "
	    "retired_at = VALUES(retired_at)", "si", was, id) < 0)
		return -1;
	return was != NULL ? unread_moved(r, id, was, now) : 0;
}

static int
create_tx(struct req *r, void *arg)
{
	struct settings_w *w = arg;
	const struct fval *v = w->v;
	long long e, id;

	e = db_exec(r, "INSERT INTO programmes (slug, name, description, "
	    "join_mode, mentor_approval, starts_on, ends_on, review_weeks, "
	    "cadence, ground_rules, roadmap_id, created_by, created_at, "
	    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())", PROG_TYPES "i", PROG_ARGS(v),
	    r->user.id);
	if (e == DB_DUPLICATE)
		return 1;
	if (e < 0)
		return -1;
	id = db_last_id();
	if (slug_history(r, id, NULL, v[PF_SLUG].str) == -1 ||
	    organisers_save(r, id, v[PF_NAME].str, v[PF_SLUG].str, w->ids,
	    w->n) == -1)
		return -1;
	return 0;
}

void
prog_new(struct req *r)
{
	prog_settings_page(r, NULL, NULL, NULL, NULL, 200);
}

void
prog_create(struct req *r)
{
	struct fval v[PF_N];
	long long ids[20];
	int errors, n, e;

	errors = field_read(r, prog_f, PF_N, v);
	if ((e = prog_form_check(r, v, 0)) == -1)
		return;
	errors += e;
	if ((n = organisers_parse(r, &v[PF_ORGANISERS], ids, 20)) == -1) {
		if (r->db_failed)
			return;
		errors++;
	}
	if (errors > 0)
		return prog_settings_page(r, NULL, v, NULL, NULL, 422);
	if ((e = db_tx_run(r, create_tx, &(struct settings_w){ NULL, v, ids,
	    n })) == 1) {
		v[PF_SLUG].err = "Another programme has this address.";
		return prog_settings_page(r, NULL, v, NULL, NULL, 422);
	}
	if (e != 0)
		return;
	prog_settings_back(r, v[PF_SLUG].str, NULL,
	    "Programme created. Add intake questions, then invite "
	    "people.");
}

void
prog_settings(struct req *r)
{
	struct prog p;

	if (prog_manage(r, &p) == -1)
		return;
	prog_settings_page(r, &p, NULL, NULL, NULL, 200);
}

/*
 * The open pairs a programme named in Menteo's words take its new name,
 * each with a line on its timeline; a closed one keeps the name it
 * closed with, as its record does. -1 db.
 */
static int
pairs_rename(struct req *r, long long prog, const char *was,
    const char *name)
{
	const char *from = prog_focus(r, was), *to = prog_focus(r, name);

#define PAIRS	"m.programme_id = ? AND m.proposed_by_programme = 1 AND " \
	"m.focus = ? AND m.stage IN (" STAGES_OPEN ")"
	if (strcmp(from, to) == 0)
		return 0;
	if (db_exec(r, MSHIP_RENAMES_INSERT PAIRS, "siiis", to, r->user.id,
	    1LL, prog, from) < 0 || db_exec(r, "UPDATE mentorships m SET "
	    "m.focus = ? WHERE " PAIRS, "sis", to, prog, from) < 0)
		return -1;
#undef PAIRS
	return 0;
}

/*
 * The programme's fields, in a transaction that runs again after a
 * deadlock or a Galera certification failure (db_tx_run): a new name or
 * address moves each of its pairs' versions (sql/290) and renames the
 * pairs named after it, and new dates
 * count its pairs' weeks again (sql/241), rows its pairs' own work moves
 * meanwhile. 1: another programme took the address meanwhile; 2: the
 * programme is gone.
 */
static int
settings_tx(struct req *r, void *arg)
{
	struct settings_w *w = arg;
	const struct fval *v = w->v;
	struct db_rows *now;
	const char *was, *name;
	long long rc;

	/* the address it leaves, as it is under the lock: two renames at
	 * once each leave the address the other saw */
	now = db_query(r, "SELECT slug, name FROM programmes WHERE id = ? FOR "
	    "UPDATE", "i", w->p->id);
	if (now == NULL)
		return -1;
	if (now->nrows == 0)	/* gone since the page loaded it */
		return 2;
	was = db_get(now, 0, "slug");
	name = db_get(now, 0, "name");
	rc = db_exec(r, "UPDATE programmes SET slug = ?, name = ?, "
	    "description = ?, join_mode = ?, mentor_approval = ?, "
	    "starts_on = ?, ends_on = ?, review_weeks = ?, cadence = ?, "
	    "ground_rules = ?, roadmap_id = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?", PROG_TYPES "i", PROG_ARGS(v), w->p->id);
	if (rc == DB_DUPLICATE)
		return 1;
	if (rc < 0 || slug_history(r, w->p->id, was, v[PF_SLUG].str) == -1)
		return -1;
	if (strcmp(name, v[PF_NAME].str) != 0 &&
	    pairs_rename(r, w->p->id, name, v[PF_NAME].str) == -1)
		return -1;
	/* only a site admin names organisers; an organiser's form has none */
	if (r->user.admin && organisers_save(r, w->p->id, v[PF_NAME].str,
	    v[PF_SLUG].str, w->ids, w->n) == -1)
		return -1;
	return 0;
}

/*
 * One page, two forms: the programme's fields, and a new intake question
 * (a post with `question` and no `name`).
 */
void
prog_settings_post(struct req *r)
{
	struct prog p;
	struct fval v[PF_N];
	long long ids[20];
	int errors, e, n = 0;

	if (prog_manage(r, &p) == -1)
		return;
	if (req_form(r, "name") == NULL && req_form(r, "question") != NULL)
		return prog_question_add(r, &p);
	if (req_form(r, "name") == NULL &&
	    req_form(r, "survey_question") != NULL)
		return prog_survey_question_add(r, &p);
	errors = field_read(r, prog_f, PF_N, v);
	if ((e = prog_form_check(r, v, p.id)) == -1)
		return;
	errors += e;
	if (r->user.admin &&
	    (n = organisers_parse(r, &v[PF_ORGANISERS], ids, 20)) == -1) {
		if (r->db_failed)
			return;
		errors++;
	}
	if (errors > 0)
		return prog_settings_page(r, &p, v, NULL, NULL, 422);
	if ((e = db_tx_run(r, settings_tx, &(struct settings_w){ &p, v, ids,
	    n })) == 1) {
		v[PF_SLUG].err = "Another programme has this address.";
		return prog_settings_page(r, &p, v, NULL, NULL, 422);
	}
	if (e == 2)
		return page_error_msg(r, 404, "This programme is gone.");
	if (e != 0)
		return;
	prog_settings_back(r, v[PF_SLUG].str, NULL, "Settings saved.");
}

