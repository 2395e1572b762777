/*
 * mentorships: the list of mine: /mentorships.
 */
#include "mentorships.h"
#include "mine.h"

/* ---- the list of mine ------------------------------------------------- */

void
mships_list(struct req *r)
{
	struct tdict *d = page_new(r, "Your mentorships",
	    "mentorships_list.tpl");
	const char *cal;

	if (mine_fill(r, d, mine_rows(r), NULL) == -1)
		return;
	if ((cal = stage_calendar_url(r)) == NULL)
		return;
	tmpl_set(d, "CALENDAR_URL", cal);
	page_send(r, 200);
}
