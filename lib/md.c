/*
 * cmark's CMARK_OPT_SAFE (the default in cmark >= 0.29 unless UNSAFE)
 * drops javascript:, vbscript:, file: and most data: URLs, and would
 * replace raw HTML with a comment: a paragraph that began with a tag
 * vanished whole, the words after it too. Raw HTML is shown as typed
 * instead (md_unraw): "Vec<String>" in a message about Rust is
 * what its author wrote, and nothing typed is lost. An image is a link
 * to it (md_unimage): the same text goes into mail, where a remote image
 * is a pixel that tells its author who opened the message, and when. We
 * add rel on links by rewriting the anchors cmark produced, which all
 * start with the exact text `<a href="`.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "md.h"

/* how every text is read and written */
#define MD_OPTS		(CMARK_OPT_SAFE | CMARK_OPT_NOBREAKS)

/* Appends a node of type t (with literal lit, if any) to parent. */
static int
md_append(cmark_node *parent, cmark_node_type t, const char *lit, size_t n)
{
	cmark_node *c = cmark_node_new(t);
	char *s = NULL;

	if (c == NULL)
		return -1;
	if (lit != NULL && ((s = strndup(lit, n)) == NULL ||
	    !cmark_node_set_literal(c, s))) {
		free(s);
		cmark_node_free(c);
		return -1;
	}
	free(s);
	if (!cmark_node_append_child(parent, c)) {
		cmark_node_free(c);
		return -1;
	}
	return 0;
}

/*
 * Raw HTML becomes text, as typed: an inline tag the text node of
 * itself; a block a paragraph of its lines, each kept (CommonMark reads
 * no Markdown inside an HTML block, so neither do we). n is replaced and
 * freed. -1 when memory is short: n stays, omitted.
 */
static int
md_unraw(cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n), *e;
	int inline_ = cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE;
	cmark_node *p;

	if (lit == NULL)
		lit = "";
	if ((p = cmark_node_new(inline_ ? CMARK_NODE_TEXT :
	    CMARK_NODE_PARAGRAPH)) == NULL)
		return -1;
	if (inline_ ? !cmark_node_set_literal(p, lit) : 0) {
		cmark_node_free(p);
		return -1;
	}
	for (; !inline_ && *lit != '\0'; lit = *e == '\n' ? e + 1 : e) {
		e = lit + strcspn(lit, "\n");
		if ((cmark_node_first_child(p) != NULL && md_append(p,
		    CMARK_NODE_LINEBREAK, NULL, 0) == -1) ||
		    md_append(p, CMARK_NODE_TEXT, lit, (size_t)(e - lit)) == -1) {
			cmark_node_free(p);
			return -1;
		}
	}
	if (!cmark_node_insert_before(n, p)) {
		cmark_node_free(p);
		return -1;
	}
	cmark_node_free(n);	/* unlinks it */
	return 0;
}

/* Whether n is inside a node of type t. */
static int
md_inside(cmark_node *n, cmark_node_type t)
{
	while ((n = cmark_node_parent(n)) != NULL)
		if (cmark_node_get_type(n) == t)
			return 1;
	return 0;
}

/* n replaced by its children, and freed. -1 when memory is short. */
static int
md_unwrap(cmark_node *n)
{
	cmark_node *c;

	while ((c = cmark_node_first_child(n)) != NULL)
		if (!cmark_node_insert_before(n, c))	/* moves it */
			return -1;
	cmark_node_free(n);
	return 0;
}

/*
 * An image becomes a link to it, its alt text the link's words (its
 * address when it has none); inside a link or another image, its alt
 * text alone, as a link in an image is (md_tame): a link in a link is
 * no HTML. n is replaced and freed. -1 when memory is short: n stays,
 * omitted.
 */
static int
md_unimage(cmark_node *n)
{
	const char *url = cmark_node_get_url(n);
	cmark_node *a, *c;

	if (md_inside(n, CMARK_NODE_LINK) || md_inside(n, CMARK_NODE_IMAGE))
		return md_unwrap(n);
	if ((a = cmark_node_new(CMARK_NODE_LINK)) == NULL)
		return -1;
	if (!cmark_node_set_url(a, url != NULL ? url : "") ||
	    !cmark_node_set_title(a, cmark_node_get_title(n)))
		goto short_of_memory;
	while ((c = cmark_node_first_child(n)) != NULL)
		if (!cmark_node_append_child(a, c))	/* moves it */
			goto short_of_memory;
	if (cmark_node_first_child(a) == NULL && url != NULL &&
	    md_append(a, CMARK_NODE_TEXT, url, strlen(url)) == -1)
		goto short_of_memory;
	if (!cmark_node_insert_before(n, a))
		goto short_of_memory;
	cmark_node_free(n);	/* unlinks it */
	return 0;
short_of_memory:
	cmark_node_free(a);
	return -1;
}

/*
 * Every node of raw HTML in doc is made text (md_unraw), every image a
 * link (md_unimage) and a link in an image its words. They are changed
 * after the walk, innermost first: the iterator must not meet a node it
 * freed.
 */
static void
md_tame(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node *n, *next, *found = NULL;
	cmark_event_type ev;
	cmark_node_type t;

	if (it == NULL)
		return;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		/* chained through user data: no list to allocate (a raw
		 * node has no children: it is met once; an image is taken
		 * as it is entered) */
		if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE ||
		    (t == CMARK_NODE_IMAGE && ev == CMARK_EVENT_ENTER) ||
		    (t == CMARK_NODE_LINK && ev == CMARK_EVENT_ENTER &&
		    md_inside(n, CMARK_NODE_IMAGE))) {
			cmark_node_set_user_data(n, found);
			found = n;
		}
	}
	cmark_iter_free(it);
	for (n = found; n != NULL; n = next) {
		next = cmark_node_get_user_data(n);
		if (cmark_node_get_type(n) == CMARK_NODE_IMAGE)
			(void)md_unimage(n);
		else if (cmark_node_get_type(n) == CMARK_NODE_LINK)
			(void)md_unwrap(n);
		else
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
	md_tame(doc);
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

const char *
md_text(struct req *r, const char *text)
{
	cmark_node *doc, *n;
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node_type t;
	struct buf b = { NULL, 0, 0 };
	const char *out, *lit;

	if (text == NULL ||
	    (doc = cmark_parse_document(text, strlen(text), MD_OPTS)) == NULL)
		return "";
	if ((it = cmark_iter_new(doc)) == NULL) {
		cmark_node_free(doc);
		return "";
	}
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		/* leaves have their words; blocks and breaks end in a space */
		lit = cmark_node_get_literal(n);
		if (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK)
			buf_printf(&b, " %s ", lit != NULL ? lit : "");
		else if (lit != NULL)
			buf_adds(&b, lit);
		else if (t == CMARK_NODE_SOFTBREAK ||
		    t == CMARK_NODE_LINEBREAK || (ev == CMARK_EVENT_EXIT &&
		    t >= CMARK_NODE_FIRST_BLOCK && t <= CMARK_NODE_LAST_BLOCK))
			buf_adds(&b, " ");
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	while (b.len > 0 && b.p[b.len - 1] == ' ')	/* the last block's */
		b.p[--b.len] = '\0';
	out = b.p != NULL ? req_strdup(r, b.p) : "";
	buf_free(&b);
	return out;
}
