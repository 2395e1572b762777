/*
 * Notifications are rows per person; the header shows how many are
 * unread on every signed-in page. That count is kept by triggers in
 * notification_counts (sql/260_unread_counts.sql) and comes with the
 * session's own query (r->user.unread), so it costs no statement; the
 * page's own notifications are marked read only when the session's
 * query saw unread ones about this page (r->user.unread_here).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "notif.h"

int
notif_add(struct req *r, long long user_id, const char *kind,
    const char *title, const char *path, const char *dedup_key)
{
	size_t n;
	long long rc;

	if (path == NULL || path[0] != '/')
		path = "/";
	n = strcspn(path, "?#");
	rc = db_exec(r, "INSERT INTO notifications (user_id, kind, title, "
	    "path, dedup_key, created_at) VALUES (?, ?, LEFT(?, 200), "
	    "LEFT(?, 300), ?, UTC_TIMESTAMP())", "issss", user_id, kind, title,
	    n > 0 ? arena_strndup(r->arena, path, n) : "/", dedup_key);
	if (rc == DB_DUPLICATE)
		return 0;
	return rc < 0 ? -1 : 1;
}

static uint32_t
crc32_iso(const char *s)
{
	uint32_t c = 0xffffffffu;
	int k;

	for (; *s != '\0'; s++)
		for (c ^= (unsigned char)*s, k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & -(c & 1));
	return ~c;
}

unsigned long long
notif_path_bits(const char *path)
{
	uint32_t c = crc32_iso(path);

	return 1ULL << (c % 63) | 1ULL << (c / 63 % 63);
}

/*
 * The set of unread paths (sql/300) again from what is unread, once a
 * page's notifications were marked read or a bit said "maybe" wrongly.
 * Read, then written only if no notification moved the count meanwhile
 * (its version): an UPDATE reading notifications itself would lock them
 * in the order opposite to the triggers' and deadlock with a new one.
 */
static int
notif_paths_again(struct req *r)
{
	struct db_rows *row;

	row = db_query(r, "SELECT version, (SELECT COALESCE(BIT_OR("
	    "notification_path_bit(n.path)), 0) FROM notifications n WHERE "
	    "n.user_id = nc.user_id AND n.read_at IS NULL) AS paths "
	    "FROM notification_counts nc WHERE nc.user_id = ?", "i",
	    r->user.id);
	if (row == NULL)
		return -1;
	if (row->nrows == 0)
		return 0;
	return db_exec(r, "UPDATE notification_counts SET paths = ? "
	    "WHERE user_id = ? AND version = ?", "sis", db_get(row, 0,
	    "paths"), r->user.id, db_get(row, 0, "version")) < 0 ? -1 : 0;
}

long long
notif_seen(struct req *r, int status)
{
	long long n = r->user.unread, done;

	if (r->user.id <= 0)
		return 0;
	/*
	 * Inside a handler's transaction the mark would share its fate;
	 * the next visit reads it then.
	 */
	if (n == 0 || !r->user.unread_here || status != 200 || r->in_tx ||
	    strcmp(r->method, "GET") != 0)
		return n;
	done = db_exec(r, "UPDATE notifications SET read_at = UTC_TIMESTAMP() "
	    "WHERE user_id = ? AND read_at IS NULL AND path = ?", "is",
	    r->user.id, r->path);
	if (done < 0)
		return -1;
	r->user.unread = n > done ? n - done : 0;
	/* none left: the triggers emptied the set */
	if (r->user.unread > 0 && notif_paths_again(r) == -1)
		return -1;
	return r->user.unread;
}

long long
notif_mark_read(struct req *r, long long id)
{
	if (id > 0)
		return db_exec(r, "UPDATE notifications SET read_at = "
		    "UTC_TIMESTAMP() WHERE id = ? AND user_id = ? AND read_at "
		    "IS NULL", "ii", id, r->user.id);
	return db_exec(r, "UPDATE notifications SET read_at = UTC_TIMESTAMP() "
	    "WHERE user_id = ? AND read_at IS NULL", "i", r->user.id);
}
