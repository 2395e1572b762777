/*
 * mail: e-mail goes through the outbox table, written in the caller's
 * transaction, and is sent by bin/menteo-notify (mail_send_due). Bodies
 * come from templates/mail/<name>.txt and <name>.html expanded with the
 * caller's dictionary (BASE_URL, NAME and UNSUBSCRIBE_URL are added).
 */
#ifndef MENTEO_MAIL_H
#define MENTEO_MAIL_H

#include "req.h"
#include "tmpl.h"

#define MAIL_QUEUED	0
#define MAIL_DUPLICATE	1	/* dedup_key seen before: nothing queued */

/*
 * One message to queue: to a user (user_id > 0, address looked up) or
 * to a bare address (user_id 0, to, with its own way out: unsub, as
 * mail_queue_bare). With path, the recipient's in-app notification too
 * (as mail_notify). With calendar, an iCalendar object (RFC 5545,
 * METHOD:PUBLISH) goes with it as an attachment, event.ics, that a mail
 * client offers to add to a calendar, or updates there by UID and
 * SEQUENCE.
 */
struct mail_msg {
	const char	*kind;
	long long	 user_id;
	const char	*to;
	const char	*unsub;
	const char	*subject;
	const char	*tpl;
	struct tdict	*d;
	const char	*dedup_key;
	const char	*path;
	const char	*calendar;
	int		 hold;	/* seconds before it may go: a message the
				   sender's next act may take back (0 none) */
};

/* Queues m, as mail_notify when m->path is set, else as mail_queue. */
int		 mail_put(struct req *, const struct mail_msg *m);

/*
 * Queues one message to a user (user_id > 0, address looked up) or to a
 * bare address (user_id 0, `to` given). dedup_key, when not NULL, makes
 * the event happen once: "review-7d:42:2026-12-01". Returns MAIL_QUEUED,
 * MAIL_DUPLICATE or -1 (r->db_failed set). Frees nothing: d belongs to
 * the caller and must be freed with tmpl_dict_free.
 */
int		 mail_queue(struct req *, const char *kind, long long user_id,
		    const char *to, const char *subject, const char *tpl,
		    struct tdict *d, const char *dedup_key);

/*
 * mail_queue to a bare address with its own way out: unsub, a URL where
 * a mail client's one-click POST (RFC 8058, List-Unsubscribe=One-Click)
 * acts without a session (req_one_click), named by the mail's
 * List-Unsubscribe header. An invitation's is its decline link.
 */
int		 mail_queue_bare(struct req *, const char *kind, const char *to,
		    const char *unsub, const char *subject, const char *tpl,
		    struct tdict *d, const char *dedup_key);

/*
 * An e-mail event about a mentorship, a thread or a programme: the
 * recipient's in-app notification (lib/notif.h, titled by the subject,
 * pointing at path) and then the mail, both under dedup_key in the
 * caller's transaction. The notification is written even when the person
 * opted out of this kind of mail; a key seen before writes neither.
 * Returns as mail_queue.
 */
int		 mail_notify(struct req *, const char *kind, long long user_id,
		    const char *subject, const char *path, const char *tpl,
		    struct tdict *d, const char *dedup_key);

/*
 * The event under dedup_key is no longer news (an invitation withdrawn,
 * or sent again with a new link): its mail, if still queued, is not
 * sent, and its notification is marked read. 0, or -1.
 */
int		 mail_forget(struct req *, const char *dedup_key);

/*
 * What a kind of mail is, in words, for the admin's outbox: "survey" is
 * "Survey about a mentorship". An unknown kind is returned as it is.
 */
const char	*mail_kind_label(const char *kind);

/*
 * Which mentorship a mail or notification is about, for its subject:
 * "with Ana Lima on “Moving into management”" (no focus: "with Ana
 * Lima"), `other` being the party the recipient is not. A mentor of two
 * tells them apart by it (journey-32).
 */
const char	*mail_mship_about(struct req *, const char *other,
		    const char *focus);
/*
 * A mail's subject about a mentorship: "headline — with Ana Lima on
 * “focus”", each name once: when the headline names the other already,
 * "Ana Lima is waiting for your answer — on “focus”".
 */
const char	*mail_mship_subject(struct req *, const char *headline,
		    const char *other, const char *focus);

/*
 * An absolute link to `path` for user_id carrying a single-use token
 * (7 days) that signs the recipient in on that page: BASE/link?t=...
 * Must run inside the transaction that queues the mail.
 */
const char	*mail_link(struct req *, long long user_id, const char *path);
/*
 * The same link set as LINK in a mail's dict, with LINK_NOTE, the
 * sentence that tells its reader what it does: 0, or -1. A mail of
 * several such links (a digest) says mail_links_note once instead.
 */
extern const char mail_links_note[];
int		 mail_link_set(struct req *, struct tdict *, long long user_id,
		    const char *path);

/*
 * Text someone typed, as a section of d of one dictionary a line (its
 * LINE): an HTML mail's template writes <br> between them (the section's
 * _separator), since white-space: pre-line, which keeps the lines of a
 * page, is ignored by Outlook's Word engine, where they ran together.
 */
void		 mail_lines(struct req *, struct tdict *d, const char *section,
		    const char *text);

/* The bare address Menteo's mail comes from (mail_from's "<addr>"). */
const char	*mail_from_addr(struct req *);

/* The notifier: claims due rows (SKIP LOCKED), sends, marks. Count sent. */
int		 mail_send_due(struct req *, int max);
/*
 * The one queued row `id` alone, as mail_send_due would (menteo-admin
 * send-test-mail: a test sends the test, not the rest of the queue).
 * 1 sent, 0 not (failed, or claimed by a running notifier), -1 database.
 */
int		 mail_send_queued(struct req *, long long id);

/*
 * The notifier's word that it is at work, one row a host (sql/403),
 * said after a pass's scan and after each batch it sends: `every` its
 * loop's seconds, 0 for a single pass (the packaged timer's --once).
 * A notifier is live while its last word is recent: three of its
 * intervals, never less than ten minutes, so that a slow pass or a
 * restart is not an alarm. Mail is sent while any one is live.
 */
int		 mail_notifier_passed(struct req *, long long every);
#define MAIL_NOTIFIER_LIVE \
	"passed_at >= UTC_TIMESTAMP() - INTERVAL GREATEST(3 * every_seconds, " \
	"600) SECOND"

#endif
