/*
 * notif: in-app notifications (SPEC §14). Each is written beside the
 * outbox row of its e-mail event, in the same transaction and under the
 * same key (mail_notify), so it exists exactly when the event happened.
 */
#ifndef MENTEO_NOTIF_H
#define MENTEO_NOTIF_H

#include "req.h"

/* A page of the list (/notifications): newest first, by id. */
#define NOTIF_PAGE	50

/*
 * Records one for user_id about the page at path ("/mentorships/7";
 * a query or fragment is dropped: opening the page is what reads it).
 * Returns 1 written, 0 when dedup_key was seen before, -1 db.
 */
int		 notif_add(struct req *, long long user_id, const char *kind,
		    const char *title, const char *path, const char *dedup_key);

/*
 * A path's two bits in the set of unread paths kept with the count
 * (sql/370, the triggers' notification_path_bit): computed here for the
 * session's query (lib/sess.h SESS_COLS), where a stored function's call
 * cost MariaDB a third of what the subquery it replaced did. CRC-32 as
 * MariaDB's CRC32() (ISO 3309), over the path's bytes.
 */
unsigned long long notif_path_bits(const char *path);

/* Unread ones counted for the header at most: more shows as "99+". */
#define NOTIF_COUNT_MAX	99

/*
 * The header's count for the person signed in (r->user.unread, read with
 * the session; the header shows more than NOTIF_COUNT_MAX as "99+"). On a GET of a page that was shown (status 200) the notifications
 * about that page become read first: opening what a notification is
 * about reads it. -1 db.
 */
long long	 notif_seen(struct req *, int status);

/* Marks one (id > 0) or all (id 0) of the person's read: rows changed. */
long long	 notif_mark_read(struct req *, long long id);

#endif
