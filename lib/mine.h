/*
 * mine: the viewer's mentorships as the list page and the dashboard
 * show them (a page's layout: the stage machine only moves stages).
 */
#ifndef MENTEO_MINE_H
#define MENTEO_MINE_H

#include "req.h"

struct db_rows;
struct kept_def;
struct tdict;

/*
 * The cards of the list (its pairs' columns, the same for both parties)
 * are kept under each pair's version and the reader's date: the programs
 * that show the list declare it among their kept things (lib/kept.h).
 * mine_card_sql makes one ("si": the date, the mentorship); it is here
 * for the unit test of its watch.
 */
extern const struct kept_def	mine_kept;
extern const char		mine_card_sql[];

/*
 * The viewer's mentorships, newest stage first, with the session when
 * the route left it to its handler (ROUTE_OWN_SESSION: the dashboard):
 * sess_load_rows, so nobody may be signed in after it (r->user.id 0).
 * NULL when the database failed.
 */
struct db_rows	*mine_rows(struct req *);
/*
 * What else the list tells (open), so the dashboard needs no query of
 * its own for it: the viewer's open mentorships (not closed, requests
 * included) as mentee and as mentor; whole is 0 when the list was cut at
 * its limit and the counts may be short. mentee_side, for a mentor: 1
 * when they say what they look for, were ever a mentee or hold a
 * programme's place as one, 0 when not, -1 when the rows cannot tell
 * (cut, or none to carry it). notes_version: the version of the viewer's
 * unread notifications (notification_counts, sql/315), NULL when no row
 * carried it or they have none.
 */
struct mine_open {
	int		 as_mentee;
	int		 as_mentor;
	int		 whole;
	int		 mentee_side;
	const char	*notes_version;
};
/*
 * Fills d with the viewer's mentorships q (mine_rows) for /mentorships
 * and the dashboard: sections NEEDS, ACTIVE, CLOSED (rows with ID, FOCUS,
 * OTHER_NAME, ROLE, STAGE, STAGE_LABEL, ATTN, PROGRESS, UNREAD_BOX,
 * NEXT), ATTENTION (TEXT, URL, FOCUS), MEETINGS, HAS_ANY. The number
 * of mentorships listed (none: the caller says what to do instead), or
 * -1 when the database failed (then or in mine_rows: q is NULL).
 */
int	 mine_fill(struct req *, struct tdict *, const struct db_rows *q,
	    struct mine_open *open);

#endif
