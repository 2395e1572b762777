/*
 * cmark's CMARK_OPT_SAFE (the default in cmark >= 0.29 unless UNSAFE)
 * drops javascript:, vbscript:, file: and most data: URLs, and would
 * replace raw HTML with a comment: a paragraph that began with a tag
 * vanished whole, the words after it too. Raw HTML is shown as typed
 * instead (md_raw_as_text): "Vec<String>" in a message about Rust is
 * what its author wrote, and nothing typed is lost. We add rel on links
 * by rewriting the anchors cmark produced, which all start with the
 * exact text `<a href="`.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "md.h"

/* how every text is read and written, raw HTML's text read again too */
#define MD_OPTS		(CMARK_OPT_SAFE | CMARK_OPT_NOBREAKS)

/*
 * A block of raw HTML as Markdown to read again, its tags text: every
 * `<` the entity for itself, so that no HTML comes back and the
 * Markdown around the tags still reads. A copy to free, or NULL.
 */
static char *
md_block_text(const char *s)
{
	char *out = malloc(strlen(s) * 4 + 1), *o = out;

	if (out == NULL)
		return NULL;
	for (; *s != '\0'; s++)
		if (*s == '<') {
			memcpy(o, "&lt;", 4);
			o += 4;
		} else
			*o++ = *s;
	*o = '\0';
	return out;
}

/*
 * Raw HTML becomes text: an inline tag the text node of itself, a block
 * its text read as Markdown again (md_block_text). n is unlinked and
 * freed. -1 when memory is short: n stays, omitted.
 */
static int
md_unraw(cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	cmark_node *doc, *c;
	char *s;

	if (lit == NULL)
		lit = "";
	if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE) {
		if ((c = cmark_node_new(CMARK_NODE_TEXT)) == NULL ||
		    !cmark_node_set_literal(c, lit) ||
		    !cmark_node_insert_before(n, c)) {
			if (c != NULL)
				cmark_node_free(c);
			return -1;
		}
		cmark_node_free(n);	/* unlinks it */
		return 0;
	}
	if ((s = md_block_text(lit)) == NULL)
		return -1;
	doc = cmark_parse_document(s, strlen(s), MD_OPTS);
	free(s);
	if (doc == NULL)
		return -1;
	while ((c = cmark_node_first_child(doc)) != NULL)
		if (!cmark_node_insert_before(n, c)) {
			cmark_node_free(doc);
			return -1;
		}
	cmark_node_free(doc);
	cmark_node_free(n);
	return 0;
}

/*
 * Every node of raw HTML in doc is made text (md_unraw). They are
 * changed after the walk: the iterator must not meet a node it freed.
 */
static void
md_raw_as_text(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node *n, *next, *raw = NULL;
	cmark_node_type t;

	if (it == NULL)
		return;
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		/* chained through user data: no list to allocate (a raw
		 * node has no children: it is met once) */
		if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
			cmark_node_set_user_data(n, raw);
			raw = n;
		}
	}
	cmark_iter_free(it);
	for (n = raw; n != NULL; n = next) {
		next = cmark_node_get_user_data(n);
		(void)md_unraw(n);
	}
}

const char *
md_html(struct req *r, const char *text)
{
	cmark_node *doc;
	char *html, *out, *o;
	const char *p, *a;
	size_t n = 0;
	static const char anchor[] = "<a href=\"";
	static const char withrel[] = "<a rel=\"nofollow noopener\" href=\"";

	if (text == NULL)
		return "";
	if ((doc = cmark_parse_document(text, strlen(text), MD_OPTS)) == NULL)
		return "";
	md_raw_as_text(doc);
	html = cmark_render_html(doc, MD_OPTS);
	cmark_node_free(doc);
	if (html == NULL)
		return "";
	for (p = html; (a = strstr(p, anchor)) != NULL; p = a + 1)
		n++;
	out = req_alloc(r, strlen(html) + n * (sizeof(withrel) -
	    sizeof(anchor)) + 1);
	for (o = out, p = html; (a = strstr(p, anchor)) != NULL;
	    p = a + sizeof(anchor) - 1) {
		memcpy(o, p, (size_t)(a - p));
		o += a - p;
		memcpy(o, withrel, sizeof(withrel) - 1);
		o += sizeof(withrel) - 1;
	}
	memcpy(o, p, strlen(p) + 1);
	free(html);
	return out;
}
