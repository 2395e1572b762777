/*
 * md: Markdown (CommonMark, via cmark) to HTML that is safe to show:
 * raw HTML is shown as typed, unsafe link schemes removed, links get
 * rel="nofollow noopener". The one source of *_HTML template values.
 */
#ifndef MENTEO_MD_H
#define MENTEO_MD_H

#include "req.h"

/* Safe HTML for text, in the request's arena (never NULL). */
const char	*md_html(struct req *, const char *markdown);
/*
 * The words a reader of that HTML sees, as plain text: no markup (list
 * markers, emphasis, link targets), raw HTML as typed, each block and
 * line break a space, none after the last. In the arena (never NULL).
 */
const char	*md_text(struct req *, const char *markdown);

#endif
