/*
 * programmes/paste: what an organiser pastes into the invitations' box,
 * read as entries and each entry as an address and a name: one a line,
 * or a list copied from a mail program ("Jane Doe <jane@…>", "Doe, Jane
 * <…>", quoted, comma- or semicolon-separated). Text only: what becomes
 * of each entry is invitations.c's.
 */
#include <string.h>
#include <strings.h>

#include "programmes.h"

/* The entries pasted, as a growing list. */
#define PASTE_TRIM	" \t\r,;"	/* around an entry: never part of it */
struct paste_in {
	const char	**v;
	size_t		  n, cap;
};

static void
paste_add(struct req *r, struct paste_in *in, char *s, char *end)
{
	const char **grown;

	*end = '\0';
	s += strspn(s, PASTE_TRIM);
	while (end > s && strchr(PASTE_TRIM, end[-1]) != NULL)
		*--end = '\0';
	if (*s == '\0')
		return;
	if (in->n == in->cap) {
		in->cap = in->cap == 0 ? 64 : 2 * in->cap;
		grown = req_alloc(r, in->cap * sizeof(*grown));
		if (in->n > 0)
			memcpy(grown, in->v, in->n * sizeof(*grown));
		in->v = grown;
	}
	in->v[in->n++] = s;
}

/*
 * Where the piece from p ends: at a comma or a semicolon outside quotes
 * and angle brackets, or at the end of the line.
 */
static char *
paste_piece(char *p)
{
	int quoted = 0, angled = 0;

	for (; *p != '\0'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '<' || *p == '>'))
			angled = *p == '<';
		else if (!quoted && !angled && (*p == ',' || *p == ';'))
			break;
	}
	return p;
}

/*
 * One line cut into entries where a mail program's list would be: at
 * commas and semicolons outside quotes and angle brackets ("Doe, Jane"
 * <jane@example.org>; bob@example.org). One word with no "@" before a
 * comma and a piece with angle brackets is a surname Outlook wrote first
 * (Doe, Jane <jane@...>): the two are one entry. Any other piece without
 * an address stays an entry of its own, to be corrected.
 */
static void
paste_cut(struct req *r, struct paste_in *in, char *line)
{
	char *start, *end, *next;
	size_t lead, len;
	int more;

	for (end = line, more = 1; more; end++) {
		start = end;
		end = paste_piece(start);
		lead = strspn(start, " \t");
		len = (size_t)(end - start) - lead;
		if (*end == ',' && len > 0 && memchr(start, '@', (size_t)(end -
		    start)) == NULL && strcspn(start + lead, " \t") >= len) {
			next = paste_piece(end + 1);
			if (memchr(end + 1, '<', (size_t)(next - end - 1)) != NULL)
				end = next;
		}
		more = *end != '\0';
		paste_add(r, in, start, end);
	}
}

/* The pasted entries, trimmed, blank ones dropped: their count. */
size_t
paste_split(struct req *r, const char *text, const char ***entries)
{
	char *copy = req_strdup(r, text), *save = NULL, *line;
	struct paste_in in = { NULL, 0, 0 };

	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		paste_cut(r, &in, line);
	*entries = in.v;
	return in.n;
}

/*
 * The address of an entry: what is inside its angle brackets when it
 * has them (Jane Doe <jane@example.org>), less a "mailto:" copied from
 * a link.
 */
const char *
paste_address(struct req *r, const char *entry)
{
	const char *lt = strrchr(entry, '<'), *gt;
	char *a;
	size_t n;

	if (lt != NULL && (gt = strchr(lt, '>')) != NULL)
		entry = req_printf(r, "%.*s", (int)(gt - lt - 1), lt + 1);
	entry += strspn(entry, PASTE_TRIM);
	if (strncasecmp(entry, "mailto:", 7) == 0)
		entry += 7;
	a = req_strdup(r, entry);
	for (n = strlen(a); n > 0 && strchr(PASTE_TRIM, a[n - 1]) != NULL; n--)
		a[n - 1] = '\0';
	return a;
}

/*
 * The name before an entry's address, if any: "Jane Doe <jane@…>" gives
 * "Jane Doe", Outlook's "Doe, Jane <jane@…>" "Jane Doe"; quotes and
 * spaces around it dropped. NULL for a bare address, or a name of more
 * than a display name's 80 characters (then it is no name).
 */
const char *
paste_name(struct req *r, const char *entry)
{
	const char *lt = strrchr(entry, '<'), *comma;
	char *n, *end;

	if (lt == NULL)
		return NULL;
	n = req_printf(r, "%.*s", (int)(lt - entry), entry);
	n += strspn(n, " \t\"'");
	for (end = n + strlen(n); end > n && strchr(" \t\"'", end[-1]) != NULL;
	    end--)
		end[-1] = '\0';
	if (*n == '\0' || strchr(n, '@') != NULL || strlen(n) > 80)
		return NULL;
	if ((comma = strchr(n, ',')) != NULL && strchr(comma + 1, ',') == NULL)
		n = req_printf(r, "%s %.*s", comma + 1 + strspn(comma + 1, " "),
		    (int)(comma - n), n);
	return strlen(n) > 80 ? NULL : n;
}
