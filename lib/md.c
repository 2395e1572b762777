/*
 * cmark's CMARK_OPT_SAFE (the default in cmark >= 0.29 unless UNSAFE)
 * replaces raw HTML with a comment and drops javascript:, vbscript:,
 * file: and most data: URLs. We add rel on links by rewriting the
 * anchors cmark produced, which all start with the exact text `<a href="`.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "md.h"

const char *
md_html(struct req *r, const char *text)
{
	char *html, *out, *o;
	const char *p, *a;
	size_t n = 0;
	static const char anchor[] = "<a href=\"";
	static const char withrel[] = "<a rel=\"nofollow noopener\" href=\"";

	if (text == NULL)
		return "";
	html = cmark_markdown_to_html(text, strlen(text),
	    CMARK_OPT_SAFE | CMARK_OPT_NOBREAKS);
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
