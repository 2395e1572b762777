/*
 * rooms: each mentorship's private room, where its two parties leave
 * each other Markdown messages, reply, edit for a short while and see
 * what is new since they last looked. Nobody else may read it.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app.h"
#include "db.h"
#include "field.h"
#include "kept.h"
#include "md.h"
#include "mship.h"
#include "page.h"
#include "resp.h"
#include "route.h"
#include "sess.h"

#define ROOM_PAGE	50	/* messages on one page */
#define ROOM_QUOTE	140	/* characters of a replied-to message shown */
#define ROOM_BODY_MAX	20000

static void	rooms_show(struct req *);
static void	rooms_post(struct req *);
static void	rooms_edit_form(struct req *);
static void	rooms_edit(struct req *);
static void	rooms_latest(struct req *);

static const struct route routes[] = {
	{ "GET",	"/rooms/{id}",			rooms_show,
	    ROUTE_USER | ROUTE_OWN_SESSION },
	{ "POST",	"/rooms/{id}/messages",		rooms_post,	ROUTE_USER },
	{ "GET",	"/rooms/{id}/messages/{id}/edit", rooms_edit_form, ROUTE_USER },
	{ "POST",	"/rooms/{id}/messages/{id}",	rooms_edit,	ROUTE_USER },
	{ "GET",	"/rooms/{id}/latest",		rooms_latest,
	    ROUTE_USER | ROUTE_OWN_SESSION },
};

/*
 * Kept (lib/kept.h): the page query's rows (room_rows) and the laid-out
 * list of messages (room_list), under the room's version. What they
 * show of the room's messages, each column watched by sql/092's
 * triggers; the names of the two people, the viewer, their zone and
 * read position are parts of the list's key instead (room_view, which
 * the live list's ETag is made of too).
 */
static const char *const room_watch[] = {
	"room_messages.mentorship_id", "room_messages.author_id",
	"room_messages.body", "room_messages.body_html",
	"room_messages.created_at", "room_messages.edited_at",
	"room_messages.reply_to", NULL
};
static const struct kept_def room_rows_kept = { "room", "room_versions",
    room_watch, "sql/092 room_messages_version_insert, _update, _delete" };
static const struct kept_def room_list_kept = { "list", "room_versions",
    room_watch, "sql/092 room_messages_version_insert, _update, _delete" };
static const struct kept_def *const rooms_kept[] = {
	&room_rows_kept, &room_list_kept, NULL
};

APP_MAIN_KEPT("rooms", routes, rooms_kept)

/* The composer: body, and the message it answers. */
enum { PF_BODY, PF_REPLY_TO, POST_NFIELDS };
static const struct field post_fields[POST_NFIELDS] = {
	{ "body",	F_MULTILINE,	1, ROOM_BODY_MAX, 1, NULL },
	{ "reply_to",	F_INT,		1, LLONG_MAX, 0, NULL },
};

enum { EF_BODY, EDIT_NFIELDS };
static const struct field edit_fields[EDIT_NFIELDS] = {
	{ "body",	F_MULTILINE,	1, ROOM_BODY_MAX, 1, NULL },
};

/* The page query: ?before= (older pages) and ?reply_to= (the composer). */
enum { PG_BEFORE, PG_REPLY_TO, PAGE_NFIELDS };
static const struct field page_fields[PAGE_NFIELDS] = {
	{ "before",	F_INT,		1, LLONG_MAX, 0, NULL },
	{ "reply_to",	F_INT,		1, LLONG_MAX, 0, NULL },
};

/*
 * One query per page, the same text and so the same plan for the newest
 * page (before = LLONG_MAX) and any older one: a backward range scan of
 * room_messages_room on both key parts, 51 rows to know whether there
 * is more. Left alone, MariaDB 10.11 picks `ref` on mentorship_id alone
 * when the range looks wide, then filters id < ? while walking back from
 * the room's newest message: a page deep in the history would read
 * everything after it. The index hint and ordering by the whole key keep
 * the range. Authors are always one of the two parties, whose names
 * mship_load has, so the only join is the replied-to message, by its
 * primary key. Messages come as the HTML stored when they were written
 * (sql/090); body only for a row whose HTML is not stored yet. Nothing
 * in it depends on the viewer or the time, so its rows can be kept
 * (room_rows).
 */
static const char page_sql[] =
    "SELECT m.id, m.author_id, m.body_html, "
    "IF(m.body_html IS NULL, m.body, NULL) AS body, "
    "m.created_at, m.edited_at, "
    "q.id AS reply_id, q.author_id AS reply_author, "
    "LEFT(q.body, 600) AS reply_body "
    "FROM room_messages m FORCE INDEX (room_messages_room) "
    "LEFT JOIN room_messages q "
    "ON q.id = m.reply_to AND q.mentorship_id = m.mentorship_id "
    "WHERE m.mentorship_id = ? AND m.id < ? "
    "ORDER BY m.mentorship_id DESC, m.id DESC LIMIT 51";

/*
 * A room as its page needs it, in one round trip: the mentorship (its
 * parties and stage), where the viewer has read to, the version of its
 * messages (sql/092) and, by the database's clock, the time after which
 * a message is still young enough to edit.
 */
struct room {
	struct mship	 m;
	long long	 last_read;	/* id of the last message seen, or 0 */
	const char	*version;	/* NULL: unknown, never kept */
	const char	*edit_after;	/* "YYYY-MM-DD HH:MM:SS", UTC */
};

#define ROOM_COLS(viewer) MSHIP_SELECT ", " \
    "(SELECT last_read_id FROM room_reads " \
    "WHERE mentorship_id = m.id AND user_id = " viewer ") AS last_read, " \
    "v.version, UTC_TIMESTAMP() - INTERVAL 15 MINUTE AS edit_after"
#define ROOM_FROM MSHIP_FROM \
    " LEFT JOIN room_versions v ON v.mentorship_id = m.id"
static const char room_sql[] = ROOM_COLS("?") ROOM_FROM " WHERE m.id = ?";
/*
 * The same with the session, for the room page (ROUTE_OWN_SESSION): the
 * viewer is one of the two users it joins anyway, so the session costs
 * one more row by its unique key, not a round trip of its own.
 */
static const char room_sess_sql[] = ROOM_COLS("s.user_id") ", " SESS_COLS
    ", " SESS_USER("a", "sa") ", " SESS_USER("b", "sb") ROOM_FROM
    " LEFT JOIN sessions s ON s.token_hash = ? AND " SESS_VALID
    SESS_UNREAD_JOIN " WHERE m.id = ?";

static const char room_outsider[] = "This room belongs to the two people "
    "of the mentorship; only they can read it.";

/*
 * The room's row, the session loaded (sess_load's rules, sess.h). The
 * shortcut takes the common case, a party's live session; anything else
 * (no such room, no session, an outsider) goes the usual way, two
 * queries. NULL once answered, or when the database failed.
 */
static struct db_rows *
room_query(struct req *r)
{
	struct sess_key k;
	struct db_rows *row;
	long long uid;

	if (r->sess_own) {
		r->sess_own = 0;
		if (sess_key(r, &k) == -1) {	/* anonymous */
			route_to_login(r);
			return NULL;
		}
		row = db_query(r, room_sess_sql, "isiii", k.others, k.hash,
		    k.hours, k.minutes, r->id[0]);
		if (row == NULL)
			return NULL;
		uid = db_get_int(row, 0, "sess_uid");
		/*
		 * A live session of someone else: the answer is known (and
		 * costs no log line); the session is read for the page's
		 * header and links, which a signed-in person is shown.
		 */
		if (row->nrows == 1 && uid > 0 &&
		    uid != db_get_int(row, 0, "mentor_id") &&
		    uid != db_get_int(row, 0, "mentee_id")) {
			if (sess_load(r) == 0)
				page_error_msg(r, 403, room_outsider);
			return NULL;
		}
		if (row->nrows == 1 && uid > 0 && sess_take(r, &k, row,
		    uid == db_get_int(row, 0, "mentor_id") ? "sa" : "sb") == 0)
			return row;
		if (sess_load(r) == -1)
			return NULL;
		if (r->user.id == 0) {
			route_to_login(r);
			return NULL;
		}
	}
	return db_query(r, room_sql, "ii", r->user.id, r->id[0]);
}

/* Loads the room for one of its parties; -1 once answered. */
static int
room_open(struct req *r, struct room *rm)
{
	struct db_rows *row = room_query(r);

	if (row == NULL)
		return -1;
	if (mship_party(r, mship_row(r, row, &rm->m), &rm->m,
	    room_outsider) == -1)
		return -1;
	rm->last_read = db_get_int(row, 0, "last_read");	/* NULL: 0 */
	rm->version = db_get(row, 0, "version");
	rm->edit_after = db_get(row, 0, "edit_after");
	return 0;
}

/* A message written at `created` (UTC) can still be edited. */
static int
room_editable(const struct room *rm, const char *created)
{
	/* both "YYYY-MM-DD HH:MM:SS": as text, as in time */
	return rm->m.is_open && created != NULL && rm->edit_after != NULL &&
	    strcmp(created, rm->edit_after) > 0;
}

/*
 * Every one of the first n rows has its HTML stored. Keeping is for
 * rows that do: room_html renders and stores the rest on this view,
 * which moves the room's version again.
 */
static int
room_rendered(const struct db_rows *rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (db_get(rows, i, "body_html") == NULL)
			return 0;
	return 1;
}

/*
 * The page query's rows for page `before`: kept by this worker under
 * the room's version (lib/kept.h), which every write to the room's
 * messages moves (sql/092). Most views of a room come after nobody has
 * written to it: they cost no page query (51 rows with their HTML and
 * replied-to text), only room_open's one. Rows shown whose HTML is
 * rendered on this view (room_html) are not kept: that rendering writes
 * the HTML, moving the version again.
 */
struct room_page {
	const struct room	*rm;
	long long		 before;
};

static const struct db_rows *
room_page_make(struct req *r, void *arg, int *keep)
{
	const struct room_page *p = arg;
	struct db_rows *rows;

	rows = db_query(r, page_sql, "ii", p->rm->m.id, p->before);
	if (rows != NULL && !room_rendered(rows,	/* 51st: not shown */
	    rows->nrows < ROOM_PAGE ? rows->nrows : ROOM_PAGE))
		*keep = 0;
	return rows;
}

static const struct db_rows *
room_rows(struct req *r, const struct room *rm, long long before)
{
	struct room_page p = { rm, before };

	return kept_get(r, kept_key(r, &room_rows_kept, rm->version, "ii",
	    rm->m.id, before), room_page_make, &p);
}

static const char *
room_author(const struct mship *m, long long id)
{
	if (id == m->mentor_id)
		return m->mentor_name;
	if (id == m->mentee_id)
		return m->mentee_name;
	return "A former participant";
}

/*
 * A short plain-text preview of Markdown for the reply quote: its words
 * as the message shows them (md_text: "<b>" typed stays "<b>", a list's
 * "- " goes), whitespace folded, cut at ROOM_QUOTE characters on a UTF-8
 * boundary. Escaped by the template.
 */
static const char *
room_preview(struct req *r, const char *md)
{
	const char *p, *words = md_text(r, md);
	char *out = req_alloc(r, strlen(words) + 4), *o = out;
	size_t chars = 0;
	int space = 0;

	for (p = words; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			space = o > out;
			continue;
		}
		if (((unsigned char)*p & 0xC0) != 0x80) {
			if (chars + space >= ROOM_QUOTE) {
				memcpy(o, "\xE2\x80\xA6", 3);	/* … */
				o += 3;
				break;
			}
			chars += 1 + space;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = *p;
	}
	*o = '\0';
	return out;
}

/* "2026-03-01 10:12:00" as an HTML datetime attribute, in UTC. */
static const char *
room_iso(struct req *r, const char *utc)
{
	char *s = req_printf(r, "%sZ", utc != NULL ? utc : "");

	if (strlen(s) > 10 && s[10] == ' ')
		s[10] = 'T';
	return s;
}

/*
 * Where a view of the first n rows of the newest page moves the viewer's
 * read position: to the newest shown, when a message of the other's
 * among them is past it; 0 when it stays. One's own messages are never
 * unread (MSHIP_UNREAD), so the poster's view of their own message, the
 * page their post leads to, writes nothing.
 */
static long long
room_read_to(struct req *r, const struct room *rm, const struct db_rows *rows,
    size_t n)
{
	size_t i;

	for (i = 0; i < n && db_get_int(rows, i, "id") > rm->last_read; i++)
		if (db_get_int(rows, i, "author_id") != r->user.id)
			return db_get_int(rows, 0, "id");
	return 0;
}

/* The viewer has now seen everything up to newest (never moves back). */
static void
room_mark_read(struct req *r, const struct mship *m, long long newest)
{
	db_exec(r, "INSERT INTO room_reads (mentorship_id, user_id, "
	    "last_read_id, read_at) VALUES (?, ?, ?, UTC_TIMESTAMP()) "
	    "ON DUPLICATE KEY UPDATE last_read_id = "
	    "GREATEST(last_read_id, VALUES(last_read_id)), "
	    "read_at = VALUES(read_at)", "iii", m->id, r->user.id, newest);
}

/*
 * A message's HTML, rendered from its Markdown when a message is written
 * (and by room_html for older rows, once). The stored copy is kept only
 * while body is still the text it was rendered from.
 */
static const char *
room_html(struct req *r, long long id, const char *html, const char *body)
{
	if (html != NULL || body == NULL)
		return html != NULL ? html : "";
	html = md_html(r, body);
	db_exec(r, "UPDATE room_messages SET body_html = ? WHERE id = ? "
	    "AND body_html IS NULL AND BINARY body = ?", "sis", html, id, body);
	return html;
}

/*
 * A message quoted (s): in the list above a reply, and in the composer
 * while one is written. Its author, its start as plain text, and a link
 * to it: on this page an anchor; further back, the page ending there.
 */
static void
room_quote(struct req *r, const struct mship *m, struct tdict *s,
    long long id, long long author, const char *body, long long oldest)
{
	tmpl_set_int(s, "REPLY_ID", id);
	tmpl_set(s, "REPLY_AUTHOR", room_author(m, author));
	tmpl_set(s, "REPLY_TEXT", room_preview(r, body));
	tmpl_set(s, "REPLY_HREF", id >= oldest ? req_printf(r, "#m%lld", id) :
	    req_printf(r, "/rooms/%lld?before=%lld#m%lld", m->id, id + 1, id));
}

static void
room_message(struct req *r, const struct room *rm, struct tdict *d,
    const struct db_rows *rows, size_t i, long long oldest)
{
	const struct mship *m = &rm->m;
	const char *created = db_get(rows, i, "created_at");
	struct tdict *s;
	long long id = db_get_int(rows, i, "id");
	long long author = db_get_int(rows, i, "author_id");
	const char *reply = db_get(rows, i, "reply_id");

	tmpl_set_int(d, "ID", id);
	tmpl_set(d, "AUTHOR", room_author(m, author));
	page_time(r, d, "TIME", created);
	tmpl_set(d, "TIME_ISO", room_iso(r, created));
	tmpl_set(d, "BODY_HTML", room_html(r, id,
	    db_get(rows, i, "body_html"), db_get(rows, i, "body")));
	if (db_get(rows, i, "edited_at") != NULL) {
		s = tmpl_section(d, "EDITED");
		page_time(r, s, "EDITED_TIME", db_get(rows, i, "edited_at"));
	}
	if (author == r->user.id) {
		tmpl_show(d, "MINE");
		if (room_editable(rm, created))
			tmpl_show(d, "CAN_EDIT");
	}
	if (m->is_open)
		tmpl_show(d, "CAN_REPLY");
	if (reply != NULL)
		room_quote(r, m, tmpl_section(d, "REPLY"), db_get_int(rows, i,
		    "reply_id"), db_get_int(rows, i, "reply_author"),
		    db_get(rows, i, "reply_body"), oldest);
}

/*
 * What the list of messages shows besides the rows, under the room's
 * version: whose page it is (their own messages), whether the room is
 * open, the names of the two people and the viewer's time zone. The one
 * place that says it, for the kept list and its ETag alike. NULL when
 * the version is unknown (nothing is kept, no ETag is sent).
 */
static const char *
room_view(struct req *r, const struct room *rm)
{
	const struct mship *m = &rm->m;

	return kept_key(r, &room_list_kept, rm->version, "iiisss", m->id,
	    r->user.id, (long long)m->is_open, m->mentor_name,
	    m->mentee_name, r->user.tz != NULL ? r->user.tz : "");
}

/*
 * Which of the viewer's messages among the first n rows can still be
 * edited, the one thing the clock changes in the list: their ids
 * (" 12 15", "" for none), and into *first when the oldest of them was
 * written (NULL for none): the window closes for it first.
 */
static const char *
room_edits(struct req *r, const struct room *rm, const struct db_rows *rows,
    size_t n, const char **first)
{
	const char *ids = "", *created;
	size_t i;

	*first = NULL;
	for (i = 0; i < n; i++) {
		created = db_get(rows, i, "created_at");
		if (db_get_int(rows, i, "author_id") != r->user.id ||
		    !room_editable(rm, created))
			continue;
		ids = req_printf(r, "%s %s", ids, db_get(rows, i, "id"));
		*first = created;	/* newest first: the last is the oldest */
	}
	return ids;
}

/*
 * The validator of the newest messages as this viewer's list shows
 * them (the room page's live list, /rooms/{id}/latest): room_view
 * hashed (the messages' version and all else the list's bytes depend
 * on besides the rows), then when the oldest of the viewer's messages
 * still editable was written ("0": none), so that a list whose "Edit"
 * link the clock has taken away since is no longer current
 * (room_etag_current). The read position is left out: it only moves
 * with a view of the newest messages, whose version the tag names
 * already (the unread marks are what was new when the list came).
 * NULL when the version is unknown: always sent in full then.
 */
static const char *
room_etag_of(struct req *r, const char *view, const char *first)
{
	unsigned char h[12];
	char hex[2 * sizeof(h) + 1];

	if (view == NULL)
		return NULL;
	crypto_generichash(h, sizeof(h), (const unsigned char *)view,
	    strlen(view), NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return req_printf(r, "\"%s.%s\"", hex, first != NULL ?
	    room_iso(r, first) : "0");
}

/* The ETag of the first n rows of the newest page, as shown to r->user. */
static const char *
room_etag(struct req *r, const struct room *rm, const struct db_rows *rows,
    size_t n)
{
	const char *first;

	(void)room_edits(r, rm, rows, n, &first);
	return room_etag_of(r, room_view(r, rm), first);
}

/*
 * The list the client holds under tag (If-None-Match) is the one it
 * would get now: the same view and version, and the oldest message it
 * shows editable still is. Only then is tag echoed: its shape is
 * checked here, to the byte.
 */
static int
room_etag_current(struct req *r, const struct room *rm, const char *tag)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ\"";
	const char *now = room_etag_of(r, room_view(r, rm), NULL), *first;
	char created[20];		/* "YYYY-MM-DD HH:MM:SS" */
	size_t len, i;

	if (now == NULL)
		return 0;
	len = strlen(now) - 2;		/* up to the '.', without "0\"" */
	if (strncmp(tag, now, len) != 0)
		return 0;
	first = tag + len;
	if (strcmp(first, "0\"") == 0)
		return 1;
	if (strlen(first) != sizeof(shape) - 1)
		return 0;
	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)first[i]) :
		    first[i] != shape[i])
			return 0;
	memcpy(created, first, sizeof(created) - 1);
	created[10] = ' ';		/* room_iso's 'T' */
	created[sizeof(created) - 1] = '\0';
	return room_editable(rm, created);
}

/*
 * The kept list's key: room_view, and the rows it shows (the room's
 * messages from the oldest shown to the newest, as they stand at this
 * version), where the viewer has read to, and which of their messages
 * can still be edited. NULL when the list cannot be kept: a row shown
 * has no HTML yet, and rendering it moves the room's version.
 */
static const char *
room_list_key(struct req *r, const struct room *rm,
    const struct db_rows *rows, size_t n)
{
	const char *view = room_view(r, rm), *first;

	/* no view: a key without it would name every viewer's list alike */
	if (view == NULL || !room_rendered(rows, n))
		return NULL;
	return kept_key(r, &room_list_kept, rm->version, "siiis", view,
	    n > 0 ? db_get_int(rows, n - 1, "id") : 0,
	    n > 0 ? db_get_int(rows, 0, "id") : 0, rm->last_read,
	    room_edits(r, rm, rows, n, &first));
}

/*
 * The list of messages as HTML, from rooms_messages.tpl (escaped as any
 * page is). Kept by this worker under room_list_key, so that a room
 * viewed again as it was costs no layout of its 50 messages.
 */
struct room_shown {
	const struct room	*rm;
	const struct db_rows	*rows;
	size_t			 n;
	long long		 oldest;
};

static const char *
room_list_make(struct req *r, void *arg, int *keep)
{
	const struct room_shown *s = arg;
	const struct room *rm = s->rm;
	const struct db_rows *rows = s->rows;
	long long oldest = s->oldest;
	struct tdict *d, *row;
	size_t i, n = s->n;
	int marked = 0;

	(void)keep;
	d = tmpl_dict_new("messages");
	tmpl_set_int(d, "MENTORSHIP_ID", rm->m.id);
	for (i = n; i-- > 0; ) {	/* oldest first on the page */
		row = tmpl_section(d, "MESSAGES");
		if (db_get_int(rows, i, "id") > rm->last_read &&
		    db_get_int(rows, i, "author_id") != r->user.id) {
			if (!marked)
				tmpl_show(row, "UNREAD_MARKER");
			tmpl_show(row, "UNREAD");
			marked = 1;
		}
		room_message(r, rm, row, rows, i, oldest);
	}
	return page_part(r, "rooms_messages.tpl", d);
}

static const char *
room_list(struct req *r, const struct room *rm, const struct db_rows *rows,
    size_t n, long long oldest)
{
	struct room_shown s = { rm, rows, n, oldest };

	/* kept text is copied by tmpl_set straight away */
	return kept_get_text(r, room_list_key(r, rm, rows, n),
	    room_list_make, &s);
}

/*
 * The composer answering a message: quoted above the text, as the reply
 * will show it, from the same LEFT(body, 600) as page_sql's reply_body
 * (a literal there: test_rooms reads page_sql to EXPLAIN it). One
 * statement, only then: the page's rows carry the messages' HTML, not the
 * text a quote is made from. A message of
 * another room, or gone, is not offered (the post would refuse it).
 */
static int
room_replying(struct req *r, const struct mship *m, struct tdict *c,
    long long id, long long oldest)
{
	struct db_rows *q;

	q = db_query(r, "SELECT author_id, LEFT(body, 600) AS body FROM "
	    "room_messages WHERE id = ? AND mentorship_id = ?", "ii", id, m->id);
	if (q == NULL)
		return -1;
	if (q->nrows == 1)
		room_quote(r, m, tmpl_section(c, "REPLYING"), id,
		    db_get_int(q, 0, "author_id"), db_get(q, 0, "body"), oldest);
	return 0;
}

/*
 * The room page. before is 0 for the newest page; v is the composer as
 * typed when it is shown again after an error, or NULL.
 */
static void
room_render(struct req *r, const struct room *rm, long long before,
    long long reply_to, const struct fval *v, const char *refusal,
    int status)
{
	const struct mship *m = &rm->m;
	const struct db_rows *rows;
	struct tdict *d;
	const char *html, *etag;
	long long oldest = 0, read;
	size_t n;

	rows = room_rows(r, rm, before > 0 ? before : LLONG_MAX);
	if (rows == NULL)
		return;
	n = rows->nrows > ROOM_PAGE ? ROOM_PAGE : rows->nrows;
	if (n > 0)
		oldest = db_get_int(rows, n - 1, "id");
	d = page_new(r, req_printf(r, "Room: %s", m->focus), "rooms_show.tpl");
	tmpl_set_int(d, "MENTORSHIP_ID", m->id);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_set(d, "OTHER_NAME", room_author(m, m->other_id));
	tmpl_set(d, "STAGE", m->stage);
	tmpl_set(d, "STAGE_LABEL", mship_stage_label(m->stage));
	if (n == 0)
		tmpl_show(d, before > 0 ? "NO_OLDER" : "EMPTY");
	else
		tmpl_show(d, "HAS_MESSAGES");
	if ((html = room_list(r, rm, rows, n, oldest)) == NULL)
		return;
	tmpl_set(d, "MESSAGES_HTML", html);
	if (rows->nrows > ROOM_PAGE)
		tmpl_set_int(tmpl_section(d, "OLDER"), "OLDER_BEFORE", oldest);
	if (before > 0)
		tmpl_show(d, "NEWER");
	else if ((etag = room_etag(r, rm, rows, n)) != NULL)
		tmpl_set(tmpl_section(d, "LIVE"), "ETAG", etag);
	if (!m->is_open) {
		tmpl_show(d, "CLOSED");
		if (refusal != NULL)
			tmpl_set(tmpl_section(d, "REFUSED"), "REFUSAL",
			    refusal);
	} else {
		struct tdict *c = tmpl_section(d, "COMPOSER");
		if (v != NULL)
			page_form(c, post_fields, POST_NFIELDS, v);
		if (reply_to > 0 && room_replying(r, m, c, reply_to,
		    oldest) == -1)
			return;
	}
	/* only the newest page moves the read position */
	if (before == 0 && (read = room_read_to(r, rm, rows, n)) > 0)
		room_mark_read(r, m, read);
	if (r->db_failed)
		return;
	page_send(r, status);
}

static void
rooms_show(struct req *r)
{
	struct room rm;
	struct fval q[PAGE_NFIELDS];

	if (room_open(r, &rm) == -1)
		return;
	if (field_read(r, page_fields, PAGE_NFIELDS, q) > 0) {
		page_error_msg(r, 400, "That page of the room does not exist.");
		return;
	}
	room_render(r, &rm, q[PG_BEFORE].str != NULL ? q[PG_BEFORE].num : 0,
	    q[PG_REPLY_TO].str != NULL ? q[PG_REPLY_TO].num : 0, NULL, NULL, 200);
}

/*
 * The newest messages as the room page lists them, for its script to
 * swap in while the page is open: with the ETag it last got, nothing
 * new costs the one query that loads the room (304).
 */
static void
rooms_latest(struct req *r)
{
	struct room rm;
	const struct db_rows *rows;
	const char *etag, *html;
	long long read;
	size_t n;

	if (room_open(r, &rm) == -1)
		return;
	if (room_etag_current(r, &rm, r->if_none_match)) {
		r->status = 304;
		resp_header(r, "ETag", r->if_none_match);
		return;
	}
	if ((rows = room_rows(r, &rm, LLONG_MAX)) == NULL)
		return;
	n = rows->nrows > ROOM_PAGE ? ROOM_PAGE : rows->nrows;
	etag = room_etag(r, &rm, rows, n);
	if ((html = room_list(r, &rm, rows, n, n > 0 ?
	    db_get_int(rows, n - 1, "id") : 0)) == NULL)
		return;
	/* shown on an open page: read, as on the page itself */
	if ((read = room_read_to(r, &rm, rows, n)) > 0)
		room_mark_read(r, &rm.m, read);
	if (r->db_failed)
		return;
	resp_text(r, 200, "text/html; charset=utf-8", html);
	if (etag != NULL)
		resp_header(r, "ETag", etag);
	resp_header(r, "Cache-Control", "private, no-cache");
}

/*
 * A message stored, in a transaction of its own (a form key is claimed
 * with it, once.h) that runs again after a deadlock (db_tx_run): the
 * room's triggers move its version and the pair's week, and two messages
 * of one room at once deadlocked on them (the bench's writes met it).
 * Stored only while the pair is open, read under the lock the insert
 * takes on the pair's row anyway: a pair that ended since the room was
 * read took a message after its end (found in a review). 409: ended.
 */
struct post_write {
	long long		 room;
	long long		 reply_to;	/* 0: none */
	const struct fval	*v;
	long long		 id;		/* the new message's */
};

static int
post_tx(struct req *r, void *arg)
{
	struct post_write *w = arg;

	long long n;

	n = db_exec(r, "INSERT INTO room_messages (mentorship_id, author_id, "
	    "body, body_html, reply_to, created_at) SELECT m.id, ?, ?, ?, ?, "
	    "UTC_TIMESTAMP() FROM mentorships m WHERE m.id = ? AND m.stage IN ("
	    STAGES_OPEN ") LOCK IN SHARE MODE", "isssi", r->user.id, w->v[PF_BODY].str,
	    md_html(r, w->v[PF_BODY].str), w->reply_to > 0 ?
	    req_printf(r, "%lld", w->reply_to) : NULL, w->room);
	if (n <= 0)
		return n < 0 ? -1 : 409;
	w->id = db_last_id();
	return 0;
}

static void
rooms_post(struct req *r)
{
	struct room rm;
	struct fval v[POST_NFIELDS];
	struct post_write w;
	long long reply_to = 0;
	int errors, rc;

	if (room_open(r, &rm) == -1)
		return;
	errors = field_read(r, post_fields, POST_NFIELDS, v);
	if (v[PF_REPLY_TO].str != NULL)
		reply_to = v[PF_REPLY_TO].num;
	if (!rm.m.is_open) {
		room_render(r, &rm, 0, 0, NULL, "This mentorship is closed: "
		    "its room can be read but takes no new messages.", 409);
		return;
	}
	if (reply_to > 0 && db_value(r, "SELECT id FROM room_messages "
	    "WHERE id = ? AND mentorship_id = ?", "ii", reply_to, rm.m.id) ==
	    NULL) {
		if (r->db_failed)
			return;
		v[PF_REPLY_TO].err = "You can only reply to a message of this room.";
		errors++;
	}
	if (errors > 0) {
		room_render(r, &rm, 0, reply_to, v, NULL, 422);
		return;
	}
	w = (struct post_write){ rm.m.id, reply_to, v, 0 };
	if ((rc = db_tx_run(r, post_tx, &w)) == 409 && room_open(r, &rm) == 0)
		room_render(r, &rm, 0, 0, NULL, "This mentorship ended while you "
		    "wrote: its room can be read but takes no new messages.",
		    409);
	if (rc != 0)
		return;
	resp_redirect(r, req_printf(r, "/rooms/%lld#m%lld", rm.m.id, w.id));
}

/*
 * The message being edited, when the viewer may still edit it: its
 * rows, or NULL once the refusal has been answered. Past its 15 minutes
 * *late is set and the rows come back too, for the caller to answer:
 * NULL late, the room says why.
 */
static struct db_rows *
edit_load(struct req *r, struct room *rm, int *late)
{
	struct db_rows *row;

	if (room_open(r, rm) == -1)
		return NULL;
	row = db_query(r, "SELECT id, author_id, body, created_at "
	    "FROM room_messages WHERE id = ? AND mentorship_id = ?", "ii",
	    r->id[1], rm->m.id);
	if (row == NULL)
		return NULL;
	if (row->nrows == 0) {
		page_error(r, 404);
		return NULL;
	}
	if (db_get_int(row, 0, "author_id") != r->user.id) {
		page_error_msg(r, 403, "Only the author of a message can "
		    "edit it.");
		return NULL;
	}
	if (!rm->m.is_open) {
		page_error_msg(r, 409, "This mentorship is closed: its room "
		    "can be read but no longer changed.");
		return NULL;
	}
	if (!room_editable(rm, db_get(row, 0, "created_at"))) {
		if (late != NULL) {
			*late = 1;
			return row;
		}
		resp_flash(r, "That message can no longer be edited: messages "
		    "can be edited for 15 minutes after posting.");
		resp_redirect(r, req_printf(r, "/rooms/%lld#m%lld", rm->m.id,
		    r->id[1]));
		return NULL;
	}
	return row;
}

/*
 * The edit form, as typed (v) or as stored (body). late: its 15 minutes
 * passed while it was open, and what was typed comes back to be posted
 * as a new message instead (a bare 409 lost it: found walking).
 */
static void
edit_render(struct req *r, const struct mship *m, const struct fval *v,
    const char *body, int late, int status)
{
	struct tdict *d = page_new(r, late ? "Post as a new message" :
	    "Edit message", "rooms_edit.tpl");

	tmpl_set_int(d, "MENTORSHIP_ID", m->id);
	tmpl_set_int(d, "MESSAGE_ID", r->id[1]);
	tmpl_set(d, "FOCUS", m->focus);
	tmpl_show(d, late ? "LATE" : "EDITING");
	if (v != NULL)
		page_form(d, edit_fields, EDIT_NFIELDS, v);
	else
		tmpl_set(d, "BODY", body);
	page_send(r, status);
}

static void
rooms_edit_form(struct req *r)
{
	struct room rm;
	struct db_rows *row;

	if ((row = edit_load(r, &rm, NULL)) == NULL)
		return;
	edit_render(r, &rm.m, NULL, db_get(row, 0, "body"), 0, 200);
}

/*
 * An edit moves the room's version as a message does (post_tx), and is
 * made only while the pair is open, read under the update's lock (as a
 * post). Rows changed, not matched, are counted: none is the pair ended
 * (409), or the same words saved by another tab in the same second.
 */
static int
edit_tx(struct req *r, void *arg)
{
	const struct fval *v = arg;
	const char *open;
	long long n;

	n = db_exec(r, "UPDATE room_messages x JOIN mentorships m ON m.id = "
	    "x.mentorship_id SET x.body = ?, x.body_html = ?, x.edited_at = "
	    "UTC_TIMESTAMP() WHERE x.id = ? AND x.author_id = ? AND m.stage "
	    "IN (" STAGES_OPEN ")", "ssii", v[EF_BODY].str,
	    md_html(r, v[EF_BODY].str), r->id[1], r->user.id);
	if (n != 0)
		return n < 0 ? -1 : 0;
	/* read after the update's wait: what it met (404: gone) */
	if ((open = db_value(r, "SELECT m.stage IN (" STAGES_OPEN ") FROM "
	    "mentorships m JOIN room_messages x ON x.mentorship_id = m.id "
	    "WHERE x.id = ?", "i", r->id[1])) == NULL)
		return r->db_failed ? -1 : 404;
	return strcmp(open, "1") == 0 ? 0 : 409;
}

static void
rooms_edit(struct req *r)
{
	struct room rm;
	struct db_rows *row;
	struct fval v[EDIT_NFIELDS];
	int late = 0, rc;

	if ((row = edit_load(r, &rm, &late)) == NULL)
		return;
	if (field_read(r, edit_fields, EDIT_NFIELDS, v) > 0 || late) {
		edit_render(r, &rm.m, v, NULL, late, late ? 409 : 422);
		return;
	}
	/* an unchanged text is not an edit */
	rc = strcmp(v[EF_BODY].str, db_get(row, 0, "body")) != 0 ?
	    db_tx_run(r, edit_tx, v) : 0;
	if (rc == 409)
		return page_error_msg(r, 409, "This mentorship ended while you "
		    "edited: its room can be read but no longer changed.");
	if (rc == 404)
		return page_error(r, 404);
	if (rc != 0)
		return;
	resp_flash(r, "Message updated.");
	resp_redirect(r, req_printf(r, "/rooms/%lld#m%lld", rm.m.id, r->id[1]));
}
