/*
 * csv: spreadsheets' CSV (RFC 4180): cells quoted when they hold a comma,
 * a quote or a line break, CRLF between records, UTF-8 with a byte-order
 * mark so that spreadsheets read accents. A cell that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a CR) is
 * neutralised with a leading apostrophe (OWASP's CSV injection advice).
 */
#ifndef MENTEO_CSV_H
#define MENTEO_CSV_H

#include "req.h"

/* Starts a file: the byte-order mark. */
int	csv_begin(struct buf *);
/* One cell of the current record (NULL: empty); last ends the record. */
int	csv_cell(struct buf *, const char *, int last);
/* Sends b as a download named filename (letters, digits, '-', '.'). */
void	csv_send(struct req *, struct buf *, const char *filename);

#endif
