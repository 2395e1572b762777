/*
 * field: every form and query field declared once with its type and
 * bounds (like kcgi's kvalid). Handlers read typed values only; a field
 * that fails keeps its raw text and a message for the person.
 */
#ifndef MENTEO_FIELD_H
#define MENTEO_FIELD_H

#include "req.h"

/* Validated input: declare each field once, read typed values. */
enum ftype {
	F_TEXT,		/* one line, trimmed */
	F_MULTILINE,	/* free text, newlines kept, trimmed */
	F_INT,		/* decimal integer within [min, max] */
	F_EMAIL,
	F_PASSWORD,	/* length-checked, never trimmed, never echoed */
	F_DATE,		/* YYYY-MM-DD, a real calendar date */
	F_TIME,		/* HH:MM */
	F_SLUG,		/* a-z 0-9 and '-', min..max long */
	F_CHOICE,	/* one of choices[] */
	F_BOOL,		/* "1" or absent */
	F_TIMEZONE,	/* IANA name present in the zone database */
	F_NEXT		/* a local path to return to ("/x", never "//x") */
};

struct field {
	const char		*name;
	enum ftype		 type;
	long long		 min;	/* chars for text, value for F_INT */
	long long		 max;
	int			 required;
	const char *const	*choices;	/* F_CHOICE, NULL-terminated */
};

struct fval {
	const char	*raw;	/* as sent (NULL when absent) */
	const char	*str;	/* cleaned value, NULL when absent or bad */
	long long	 num;	/* F_INT, F_BOOL */
	const char	*err;	/* message for the person, NULL when fine */
};

/* One value against its declaration: 0 when valid. */
int	field_check(struct arena *, const struct field *, const char *,
	    struct fval *);

/* Every declared field of the form (POST) or query (GET): error count. */
int	field_read(struct req *, const struct field *, size_t, struct fval *);
/*
 * A value that may be left behind, as if never sent, when it is bad (a
 * sign-in's next from a link someone made: going to "/" instead is no
 * reason to refuse the sign-in): 1 when it was bad, to take from
 * field_read's count, else 0.
 */
int	field_drop(struct fval *);

/*
 * A form of repeated fields, one row per repetition: each of the ncol
 * declared columns is posted once a row, in order (title=a&title=b),
 * the first counting the rows; a column from `need` on may be left out
 * altogether (empty in every row: a note nobody typed). Row i's values
 * go to v[i * stride + k]. The cells' error count, or -1 when the
 * columns do not line up or there are more than max rows.
 */
int	field_rows(struct req *, const struct field *, size_t ncol,
	    size_t need, size_t max, struct fval *v, size_t stride,
	    size_t *nrows);

/*
 * An F_EMAIL field's error for an address beyond ASCII (mail goes out
 * without SMTPUTF8): a caller that words errors its own way knows it.
 */
extern const char field_email_accented[];

/* A stored value put in a form's field as if it had been typed. */
void		 field_stored(struct fval *, const char *);
/* An optional field's value: "" when it was left empty. */
const char	*field_opt(const struct fval *);
/*
 * A slug that would name a fixed page instead of a person or a programme
 * (/people/suggestions, /programmes/new): never given, never accepted.
 */
int	field_slug_reserved(const char *);

#endif
