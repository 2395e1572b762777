/*
 * remind: the mail that time alone causes (docs/product.md: E-mail): review dates,
 * milestones, unanswered and expiring requests, a stalled Initiation,
 * Redefinition check-ins and room digests. Run by bin/menteo-notify
 * before it sends.
 */
#ifndef MENTEO_REMIND_H
#define MENTEO_REMIND_H

#include "req.h"

/*
 * One scan: queues every reminder now due that was not queued before,
 * and expires requests unanswered for 14 days (through stage_move, as
 * the system). Idempotent: each reminder has a key (event, object, due
 * date, recipient) recorded with the mail in one transaction, so a
 * second scan, or a scan on another machine at the same moment, queues
 * nothing twice. Must run outside a transaction with r->user.id == 0.
 * Returns the number of mails queued, or -1 when the database failed.
 */
int	remind_scan(struct req *);

#endif
