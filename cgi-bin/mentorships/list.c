/*
 * mentorships: the list of mine: /mentorships.
 */
#include "cfg.h"
#include "mentorships.h"
#include "mine.h"

/* ---- the list of mine ------------------------------------------------- */

void
mships_list(struct req *r)
{
	struct tdict *d = page_new(r, "Your mentorships",
	    "mentorships_list.tpl");
	const char *cal;
	int n;

	if ((n = mine_fill(r, d, mine_rows(r), NULL)) == -1)
		return;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	if ((cal = stage_calendar_url(r)) == NULL)
		return;
	/* the address to copy into a calendar app is a whole one */
	tmpl_set(d, "CALENDAR_PATH", cal);
	tmpl_set(d, "CALENDAR_URL", req_printf(r, "%s%s", cfg_base_url(), cal));
	page_send(r, 200);
}
