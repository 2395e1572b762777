/*
 * (b) of the benchmark: the room page's content query and nothing else,
 * rows printed unescaped: the database's limit for that page. It uses
 * the same statement text as cgi-bin/rooms.c (prepared once) and the
 * room and cursor from the query string: ?m=ID&before=ID.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>
#include <mysql.h>

static const char page_sql[] =
    "SELECT m.id, m.author_id, m.body, m.created_at, m.edited_at, "
    "m.created_at > UTC_TIMESTAMP() - INTERVAL 15 MINUTE AS editable, "
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

int
main(void)
{
	MYSQL *db = mysql_init(NULL);
	MYSQL_STMT *st;
	MYSQL_BIND in[2], out[3];
	long long mid, before, id;
	char body[70000];
	unsigned long blen;
	my_bool isnull[3];
	FCGX_Request r;

	mysql_options(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (!mysql_real_connect(db, NULL, getenv("BENCH_DB_USER"),
	    getenv("BENCH_DB_PASSWORD"), "menteo", 0, getenv("BENCH_DB_SOCKET"), 0))
		return fprintf(stderr, "%s\n", mysql_error(db)), 1;
	st = mysql_stmt_init(db);
	if (mysql_stmt_prepare(st, page_sql, strlen(page_sql)) != 0)
		return fprintf(stderr, "%s\n", mysql_stmt_error(st)), 1;
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
		memset(out, 0, sizeof(out));
		out[0].buffer_type = MYSQL_TYPE_LONGLONG;
		out[0].buffer = &id;
		out[0].is_null = &isnull[0];
		out[1].buffer_type = MYSQL_TYPE_LONGLONG;
		out[1].buffer = &id;
		out[1].is_null = &isnull[1];
		out[2].buffer_type = MYSQL_TYPE_STRING;
		out[2].buffer = body;
		out[2].buffer_length = sizeof(body) - 1;
		out[2].length = &blen;
		out[2].is_null = &isnull[2];
		FCGX_PutS("Status: 200 OK\r\nContent-Type: text/plain\r\n\r\n", r.out);
		if (mysql_stmt_bind_param(st, in) == 0 &&
		    mysql_stmt_execute(st) == 0 &&
		    mysql_stmt_bind_result(st, out) == 0 &&
		    mysql_stmt_store_result(st) == 0) {
			while (mysql_stmt_fetch(st) == 0) {
				FCGX_PutStr(body, (int)blen, r.out);
				FCGX_PutS("\n", r.out);
			}
			mysql_stmt_free_result(st);
		}
		FCGX_Finish_r(&r);
	}
	return 0;
}
