#include <string.h>

#include "csv.h"
#include "resp.h"

int
csv_begin(struct buf *b)
{
	return buf_add(b, "\xEF\xBB\xBF", 3);
}

int
csv_cell(struct buf *b, const char *s, int last)
{
	int formula, quote, rc = 0;

	if (s == NULL)
		s = "";
	formula = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
	quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		rc |= buf_adds(b, formula ? "\"'" : "\"");
	for (; *s != '\0'; s++)
		rc |= *s == '"' ? buf_add(b, "\"\"", 2) : buf_add(b, s, 1);
	if (quote)
		rc |= buf_add(b, "\"", 1);
	rc |= buf_adds(b, last ? "\r\n" : ",");
	return rc != 0 ? -1 : 0;
}

void
csv_send(struct req *r, struct buf *b, const char *filename)
{
	resp_header(r, "Content-Disposition", req_printf(r,
	    "attachment; filename=\"%s\"", filename));
	resp_header(r, "Cache-Control", "private, no-store");
	r->status = 200;
	r->body.len = 0;
	resp_header(r, "Content-Type", "text/csv; charset=utf-8");
	resp_write(r, b->p != NULL ? b->p : "", b->len);
}
