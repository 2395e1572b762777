/*
 * people: a public profile, /people/{slug}: who they are, whether they
 * have room, how to ask them, their public Growth Threads.
 */

#include "db.h"
#include "md.h"
#include "mship.h"
#include "page.h"
#include "people.h"

/*
 * The call to action on a profile, from the visitor's point of view: the
 * mentorship they have with this mentor already, or the way to ask.
 * 0, or -1 db.
 */
static int
profile_request(struct req *r, struct tdict *d, long long id,
    const char *slug, const char *name, int mentor, long long room)
{
	int rc;

	if (r->user.id == id) {
		tmpl_show(d, "OWN_PROFILE");
		return 0;
	}
	if ((rc = mship_already(r, d, id, name)) != 0)
		return rc == -1 ? -1 : 0;
	if (!mentor)
		return 0;
	if (room <= 0) {
		tmpl_show(d, "NO_ROOM");
		return 0;
	}
	/* signed in (or signed up, which goes on from there), the form */
	if (r->user.id <= 0)
		tmpl_set(tmpl_section(d, "REQUEST_SIGNIN"), "LOGIN_URL",
		    req_printf(r, "/login?next=%s", req_url_enc(r, req_printf(r,
		    "/mentorships/new?mentor=%s", req_url_enc(r, slug)))));
	else if (!r->user.verified)
		tmpl_show(d, "REQUEST_VERIFY");
	else
		tmpl_set(tmpl_section(d, "REQUEST"), "REQUEST_URL",
		    req_printf(r, "/mentorships/new?mentor=%s",
		    req_url_enc(r, slug)));
	return 0;
}

static int
profile_threads(struct req *r, struct tdict *d, long long id)
{
	struct db_rows *rows;
	struct tdict *t;
	size_t i;

	rows = db_query(r, "SELECT id, title, updated_at FROM threads "
	    "WHERE owner_id = ? AND visibility = 'public' "
	    "ORDER BY id DESC LIMIT 50", "i", id);
	if (rows == NULL)
		return -1;
	for (i = 0; i < rows->nrows; i++) {
		t = tmpl_section(d, "THREADS");
		tmpl_set(t, "THREAD_ID", db_get(rows, i, "id"));
		tmpl_set(t, "THREAD_TITLE", db_get(rows, i, "title"));
		page_date(r, t, "THREAD_UPDATED", db_get(rows, i, "updated_at"));
	}
	tmpl_show(d, rows->nrows > 0 ? "HAS_THREADS" : "NO_THREADS");
	return 0;
}

/*
 * The programmes person id mentors in that the viewer shares (takes part
 * in or organises; their own, to themselves), as section PROG_MENTOR: a
 * mentor who joined by invitation read "Not mentoring at the moment" to
 * the very mentees of the programme (found walking). 1 said, 0 none, -1.
 */
static int
profile_programmes(struct req *r, struct tdict *d, long long id)
{
	struct db_rows *q;
	struct tdict *s, *p;
	size_t i;

	q = db_query(r, "SELECT g.name, g.slug FROM programme_participants pp "
	    "JOIN programmes g ON g.id = pp.programme_id WHERE pp.user_id = ? "
	    "AND pp.role = 'mentor' AND pp.status = 'active' AND (? = "
	    "pp.user_id OR EXISTS (SELECT 1 FROM programme_participants v "
	    "WHERE v.programme_id = g.id AND v.user_id = ? AND v.status IN "
	    "('active', 'waiting')) OR EXISTS (SELECT 1 FROM "
	    "programme_organisers o WHERE o.programme_id = g.id AND "
	    "o.user_id = ?)) ORDER BY g.name LIMIT 10", "iiii", id, r->user.id,
	    r->user.id, r->user.id);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 0;
	s = tmpl_section(d, "PROG_MENTOR");
	tmpl_show(s, r->user.id == id ? "YOU" : "THEY");
	for (i = 0; i < q->nrows; i++) {
		p = tmpl_section(s, "PROG");
		tmpl_set(p, "NAME", db_get(q, i, "name"));
		tmpl_set(p, "SLUG", db_get(q, i, "slug"));
	}
	return 1;
}

void
people_show(struct req *r)
{
	struct db_rows *u;
	struct tdict *d, *s;
	const char *name, *slug, *bio;
	long long id, room;
	int mentor, progs;

	u = db_query(r, "SELECT u.id, u.slug, u.display_name, u.headline, "
	    "u.bio, u.skills, u.timezone, u.is_mentor, u.last_active, "
	    "u.languages, u.looking_for, "
	    "DATEDIFF(UTC_DATE(), u.last_active) AS days, "
	    SUGGEST_ROOM " AS room "
	    "FROM users u WHERE u.slug = ? AND u.disabled_at IS NULL",
	    "s", r->arg[0]);
	if (u == NULL)
		return;
	if (u->nrows == 0) {
		page_error(r, 404);
		return;
	}
	id = db_get_int(u, 0, "id");
	name = db_get(u, 0, "display_name");
	slug = db_get(u, 0, "slug");
	mentor = db_get_int(u, 0, "is_mentor") != 0;
	room = db_get_int(u, 0, "room");

	d = page_new(r, name, "people_show.tpl");
	tmpl_set(d, "NAME", name);
	tmpl_set(d, "INITIAL", first_char(r, name));
	tmpl_set(d, "SLUG", slug);
	if (*db_get(u, 0, "headline") != '\0')
		tmpl_set(tmpl_section(d, "HEADLINE"), "TEXT",
		    db_get(u, 0, "headline"));
	bio = db_get(u, 0, "bio");
	if (bio != NULL && *bio != '\0')
		tmpl_set(tmpl_section(d, "BIO"), "BIO_HTML", md_html(r, bio));
	else
		tmpl_show(d, "NO_BIO");
	tags_fill(r, d, db_get(u, 0, "skills"), NULL);
	if (*db_get(u, 0, "skills") == '\0')
		tmpl_show(d, "NO_TAGS");
	tmpl_set(d, "TIMEZONE", db_get(u, 0, "timezone"));
	if (*db_get(u, 0, "languages") != '\0')
		tmpl_set(tmpl_section(d, "LANGUAGES"), "LANGS",
		    db_get(u, 0, "languages"));
	if (*db_get(u, 0, "looking_for") != '\0')
		tmpl_set(tmpl_section(d, "LOOKING_FOR"), "WANTS",
		    db_get(u, 0, "looking_for"));
	tmpl_set(d, "LAST_ACTIVE", last_active_text(r,
	    db_get(u, 0, "last_active"), db_get(u, 0, "days")));
	/* one sentence for each case, said to the visitor or to the owner */
	if ((progs = profile_programmes(r, d, id)) == -1)
		return;
	if (mentor || !progs) {
		s = tmpl_section(d, !mentor ? "NOT_MENTOR" : room > 0 ?
		    "MENTORS_ROOM" : "MENTORS_FULL");
		tmpl_show(s, r->user.id == id ? "YOU" : "THEY");
		if (mentor && room > 0)
			tmpl_set(s, "PLACES", places_text(r, room));
	}
	if (profile_request(r, d, id, slug, name, mentor, room) == -1 ||
	    profile_threads(r, d, id) == -1)
		return;
	page_send(r, 200);
}
