/*
 * people/suggestions: up to ten mentors for the person signed in, each
 * with the reasons in words (lib/suggest.h): the directory's mentors, or
 * inside a programme (?programme={slug}) its approved mentors with a
 * place left there.
 */
#include <string.h>

#include "db.h"
#include "field.h"
#include "page.h"
#include "people.h"
#include "suggest.h"

#define SUGGESTIONS	10

static const struct field suggest_f[] = {
	{ "programme",	F_SLUG,	3, 40,	0, NULL },
};
enum { SF_PROGRAMME, SF_N };

void
people_suggestions(struct req *r)
{
	struct fval v[SF_N];
	struct db_rows *p = NULL;
	struct tdict *d, *s;
	long long pid = 0;

	if (field_read(r, suggest_f, SF_N, v) > 0)
		return page_error_msg(r, 400, "Name a programme by its address, "
		    "as its page's link does.");
	if (v[SF_PROGRAMME].str != NULL) {
		p = db_query(r, "SELECT p.id, p.name, pp.status FROM programmes "
		    "p LEFT JOIN programme_participants pp ON pp.programme_id = "
		    "p.id AND pp.user_id = ? AND pp.role = 'mentee' WHERE "
		    "p.slug = ?", "is", r->user.id, v[SF_PROGRAMME].str);
		if (p == NULL)
			return;
		if (p->nrows == 0)
			return page_error_msg(r, 404, "There is no such "
			    "programme.");
		if (db_get(p, 0, "status") == NULL ||
		    strcmp(db_get(p, 0, "status"), "active") != 0)
			return page_error_msg(r, 403, "Suggestions in a "
			    "programme are for its mentees: join it as a mentee "
			    "first.");
		pid = db_get_int(p, 0, "id");
	}
	d = page_new(r, "Mentors for you", "people_suggestions.tpl");
	if (p != NULL) {
		s = tmpl_section(d, "IN_PROGRAMME");
		tmpl_set(s, "PROG_NAME", db_get(p, 0, "name"));
		tmpl_set(s, "PROG_SLUG", v[SF_PROGRAMME].str);
	}
	if (suggest_fill(r, d, &(struct suggest_from){ pid,
	    v[SF_PROGRAMME].str, NULL, 0, 0, 0 }, SUGGESTIONS) == -1)
		return;
	page_send(r, 200);
}
