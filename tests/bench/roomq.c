/*
 * (b) of the benchmark: the room page's content query and nothing else,
 * rows printed unescaped: the database's limit for that page. It uses
 * the same statement text as cgi-bin/rooms.c (prepared once) and the
 * room and cursor from the query string: ?m=ID&before=ID. It prints the
 * columns of each row, the stored HTML (sql/090) among them, as text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>
#include <mysql.h>

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

static long long
arg(const char *qs, const char *key, long long def)
{
	const char *p = strstr(qs, key);

	return p != NULL ? strtoll(p + strlen(key), NULL, 10) : def;
}

#define NCOLS	16
#define COLMAX	70000

int
main(void)
{
	static char col[NCOLS][COLMAX];
	MYSQL *db = mysql_init(NULL);
	MYSQL_STMT *st;
	MYSQL_BIND in[2], out[NCOLS];
	long long mid, before;
	unsigned long len[NCOLS];
	my_bool isnull[NCOLS];
	unsigned int c, ncols;
	FCGX_Request r;

	mysql_options(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (!mysql_real_connect(db, NULL, getenv("BENCH_DB_USER"),
	    getenv("BENCH_DB_PASSWORD"), "menteo", 0, getenv("BENCH_DB_SOCKET"), 0))
		return fprintf(stderr, "%s\n", mysql_error(db)), 1;
	st = mysql_stmt_init(db);
	if (mysql_stmt_prepare(st, page_sql, strlen(page_sql)) != 0)
		return fprintf(stderr, "%s\n", mysql_stmt_error(st)), 1;
	/* every column as text, as lib/db.c fetches them for the page */
	if ((ncols = mysql_stmt_field_count(st)) > NCOLS)
		return fprintf(stderr, "more than %d columns\n", NCOLS), 1;
	memset(out, 0, sizeof(out));
	for (c = 0; c < ncols; c++) {
		out[c].buffer_type = MYSQL_TYPE_STRING;
		out[c].buffer = col[c];
		out[c].buffer_length = COLMAX;
		out[c].length = &len[c];
		out[c].is_null = &isnull[c];
	}
	FCGX_Init();
	FCGX_InitRequest(&r, 0, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		const char *qs = FCGX_GetParam("QUERY_STRING", r.envp);
		mid = arg(qs ? qs : "", "m=", 1);
		before = arg(qs ? qs : "", "before=", 9223372036854775807LL);
		memset(in, 0, sizeof(in));
		in[0].buffer_type = in[1].buffer_type = MYSQL_TYPE_LONGLONG;
		in[0].buffer = &mid;
		in[1].buffer = &before;
		if (mysql_stmt_bind_param(st, in) != 0 ||
		    mysql_stmt_execute(st) != 0 ||
		    mysql_stmt_bind_result(st, out) != 0 ||
		    mysql_stmt_store_result(st) != 0) {
			FCGX_FPrintF(r.out, "Status: 500 Error\r\nContent-Type: "
			    "text/plain\r\n\r\n%s\n", mysql_stmt_error(st));
			FCGX_Finish_r(&r);
			continue;
		}
		FCGX_PutS("Status: 200 OK\r\nContent-Type: text/plain\r\n\r\n",
		    r.out);
		/* each row's columns, unescaped, tab-separated */
		while (mysql_stmt_fetch(st) == 0) {
			for (c = 0; c < ncols; c++) {
				if (!isnull[c])
					FCGX_PutStr(col[c], (int)(len[c] <
					    COLMAX ? len[c] : COLMAX), r.out);
				FCGX_PutS(c + 1 < ncols ? "\t" : "\n", r.out);
			}
		}
		mysql_stmt_free_result(st);
		FCGX_Finish_r(&r);
	}
	return 0;
}
