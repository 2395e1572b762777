#include <stdio.h>
#include <string.h>

#include "json.h"

void
json_str(struct buf *b, const char *s)
{
	const unsigned char *p;
	char esc[8];

	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	buf_adds(b, "\"");
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':  buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		default:
			if (*p < 0x20) {
				snprintf(esc, sizeof(esc), "\\u%04x", *p);
				buf_adds(b, esc);
			} else
				buf_add(b, (const char *)p, 1);
		}
	}
	buf_adds(b, "\"");
}

/* A column listed in "a,b,c" (exact names). */
static int
listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p = strchr(p, ',');
		if (p != NULL)
			p++;
	}
	return 0;
}

void
json_object(struct buf *b, const struct db_rows *rows, size_t i,
    const char *numeric)
{
	size_t c;

	if (rows == NULL || i >= rows->nrows) {
		buf_adds(b, "null");
		return;
	}
	buf_adds(b, "{");
	for (c = 0; c < rows->ncols; c++) {
		const char *v = db_str(rows, i, c);
		if (c)
			buf_adds(b, ", ");
		json_str(b, rows->names[c]);
		buf_adds(b, ": ");
		if (v != NULL && numeric != NULL && listed(numeric, rows->names[c]))
			buf_adds(b, v);
		else
			json_str(b, v);
	}
	buf_adds(b, "}");
}

void
json_rows(struct buf *b, const struct db_rows *rows, const char *numeric)
{
	size_t i;

	buf_adds(b, "[");
	for (i = 0; rows != NULL && i < rows->nrows; i++) {
		buf_adds(b, i ? ",\n  " : "\n  ");
		json_object(b, rows, i, numeric);
	}
	buf_adds(b, rows != NULL && rows->nrows ? "\n]" : "]");
}
