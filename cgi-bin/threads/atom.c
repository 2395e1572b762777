/*
 * threads: a public thread's Atom feed (RFC 4287).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "db.h"
#include "md.h"
#include "page.h"
#include "resp.h"
#include "threads.h"

#define FEED_ENTRIES	50	/* newest entries in the Atom feed */
#define SUMMARY_MAX	60	/* bytes of the body in a feed entry's title */

/*
 * XML 1.0 forbids U+FFFE and U+FFFF (valid UTF-8, so they get past the
 * request checks); C0 controls the template's XML escaping already turns
 * into spaces.
 */
static const char *
xml_clean(struct req *r, const char *s)
{
	char *c = req_strdup(r, s), *p;

	for (p = c; (p = strstr(p, "\xef\xbf")) != NULL; p += 2)
		if (p[2] == '\xbe' || p[2] == '\xbf')
			p[2] = '\xbd';
	return c;
}

/* "Lesson: the first words of the body…", a feed entry's title. */
static const char *
entry_title(struct req *r, const char *kind, const char *body)
{
	const char *label = entry_kind_label(kind), *p = body;
	char *out, *o, *start;
	int cut = 0, lead = 1;

	out = req_alloc(r, strlen(label) + SUMMARY_MAX + 8);
	memcpy(out, label, strlen(label));
	o = out + strlen(label);
	*o++ = ':';
	*o++ = ' ';
	start = o;
	for (; *p != '\0'; p++) {
		/* Markdown marks: emphasis anywhere, headings and quotes
		 * where a line starts */
		if (*p == '\n')
			lead = 1;
		if (isspace((unsigned char)*p) || strchr("*`", *p) != NULL ||
		    (lead && strchr("#>", *p) != NULL)) {
			if (o > start && o[-1] != ' ')
				*o++ = ' ';
			continue;
		}
		lead = 0;
		if (o - start >= SUMMARY_MAX) {
			cut = 1;
			break;
		}
		*o++ = *p;
	}
	/* never end inside a UTF-8 sequence */
	while (cut && o > start && ((unsigned char)*p & 0xc0) == 0x80) {
		o--;
		p--;
	}
	while (o > start && o[-1] == ' ')
		o--;
	if (cut)
		o = stpcpy(o, "\xe2\x80\xa6");
	*o = '\0';
	return o == start ? label : out;
}

void
threads_atom(struct req *r)
{
	struct thread t;
	struct db_rows *rows;
	struct tdict *d, *e;
	const char *base, *url, *updated;
	char *xml;
	size_t i, len;
	int rc;

	if ((rc = thread_load(r, r->id[0], &t)) == -1)
		return;
	if (rc != 0 || strcmp(t.visibility, "public") != 0)
		return page_error(r, 404);
	rows = db_query(r, "SELECT id, kind, body, "
	    "DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ') AS published, "
	    "DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') AS updated "
	    "FROM thread_entries WHERE thread_id = ? "
	    "ORDER BY id DESC LIMIT ?", "ii", t.id, (long long)FEED_ENTRIES);
	if (rows == NULL)
		return;
	base = cfg_base_url();
	url = req_printf(r, "%s/threads/%lld", base, t.id);
	/* the feed changed when its newest-changed entry did, or after */
	updated = t.updated_iso;
	for (i = 0; i < rows->nrows; i++)
		if (strcmp(db_get(rows, i, "updated"), updated) > 0)
			updated = db_get(rows, i, "updated");
	d = tmpl_dict_new("atom");
	tmpl_set(d, "FEED_ID", url);
	tmpl_set(d, "FEED_TITLE", xml_clean(r, t.title));
	if (t.purpose[0] != '\0')
		/* a text subtitle: the purpose's words, not its Markdown */
		tmpl_set(tmpl_section(d, "SUBTITLE"), "FEED_SUBTITLE",
		    xml_clean(r, md_text(r, t.purpose)));
	tmpl_set(d, "UPDATED", updated);
	tmpl_set(d, "AUTHOR_NAME", xml_clean(r, t.owner_name));
	tmpl_set(d, "AUTHOR_URI", req_printf(r, "%s/people/%s", base,
	    t.owner_slug));
	tmpl_set(d, "SELF_URL", req_printf(r, "%s.atom", url));
	tmpl_set(d, "ALT_URL", url);
	for (i = 0; i < rows->nrows; i++) {
		e = tmpl_section(d, "ENTRY");
		tmpl_set(e, "ENTRY_ID", req_printf(r, "%s#entry-%s", url,
		    db_get(rows, i, "id")));
		tmpl_set(e, "ENTRY_URL", req_printf(r, "%s/entries/%s", url,
		    db_get(rows, i, "id")));
		tmpl_set(e, "ENTRY_TITLE", xml_clean(r, entry_title(r,
		    db_get(rows, i, "kind"), db_get(rows, i, "body"))));
		tmpl_set(e, "ENTRY_KIND", db_get(rows, i, "kind"));
		tmpl_set(e, "ENTRY_KIND_LABEL",
		    entry_kind_label(db_get(rows, i, "kind")));
		tmpl_set(e, "PUBLISHED", db_get(rows, i, "published"));
		tmpl_set(e, "ENTRY_UPDATED", db_get(rows, i, "updated"));
		/* HTML as text: the template's XML escaping escapes it */
		tmpl_set(e, "CONTENT", xml_clean(r, md_html(r,
		    db_get(rows, i, "body"))));
	}
	xml = tmpl_expand("threads_atom.tpl", d, &len);
	tmpl_dict_free(d);
	if (xml == NULL)
		return page_error(r, 500);
	r->status = 200;
	r->body.len = 0;
	resp_header(r, "Content-Type", "application/atom+xml; charset=utf-8");
	resp_write(r, xml, len);
	free(xml);
}
