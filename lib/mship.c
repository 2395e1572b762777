#include <string.h>

#include "db.h"
#include "mship.h"
#include "resp.h"

int
mship_row(struct req *r, const struct db_rows *row, struct mship *m)
{
	memset(m, 0, sizeof(*m));
	if (row == NULL)
		return -1;
	if (row->nrows == 0)
		return 404;
	m->id = db_int(row, 0, 0);
	m->mentor_id = db_int(row, 0, 1);
	m->mentee_id = db_int(row, 0, 2);
	m->stage = db_str(row, 0, 3);
	m->focus = db_str(row, 0, 4);
	m->mentor_name = db_str(row, 0, 5);
	m->mentor_slug = db_str(row, 0, 6);
	m->mentee_name = db_str(row, 0, 7);
	m->mentee_slug = db_str(row, 0, 8);
	m->is_mentor = r->user.id == m->mentor_id;
	m->is_party = r->user.id > 0 && (m->is_mentor ||
	    r->user.id == m->mentee_id);
	m->other_id = m->is_mentor ? m->mentee_id : m->mentor_id;
	m->is_open = mship_stage_open(m->stage);
	return 0;
}

int
mship_stage_open(const char *stage)
{
	return strcmp(stage, "declined") != 0 &&
	    strcmp(stage, "withdrawn") != 0 &&
	    strcmp(stage, "expired") != 0 && strcmp(stage, "ended") != 0;
}

int
mship_load(struct req *r, long long id, struct mship *m)
{
	return mship_row(r, db_query(r, MSHIP_SELECT MSHIP_FROM
	    " WHERE m.id = ?", "i", id), m);
}

int
mship_party(struct req *r, int rc, const struct mship *m, const char *why)
{
	if (rc == -1)
		return -1;
	if (rc == 404) {
		resp_error(r, 404);
		return -1;
	}
	if (!m->is_party) {
		resp_error_msg(r, 403, why != NULL ? why : "Only the mentor "
		    "and the mentee of a mentorship can see it.");
		return -1;
	}
	return 0;
}

int
mship_open(struct req *r, long long id, struct mship *m, const char *why)
{
	return mship_party(r, mship_load(r, id, m), m, why);
}

const char *
mship_stage_label(const char *s)
{
	static const char *const names[][2] = {
		{ "requested", "Requested" }, { "initiation", "Initiation" },
		{ "cultivation", "Cultivation" }, { "separation", "Separation" },
		{ "redefinition", "Redefinition" }, { "declined", "Declined" },
		{ "withdrawn", "Withdrawn" }, { "expired", "Expired" },
		{ "ended", "Ended" },
	};
	size_t i;

	for (i = 0; s != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], s) == 0)
			return names[i][1];
	return "Unknown";
}

const char *
mship_event_text(struct req *r, const char *from, const char *to)
{
	if (from == NULL)
		return "Requested the mentorship";
	if (to != NULL && strcmp(from, to) == 0)
		return "Asked or answered a question";
	return req_printf(r, "%s \xe2\x86\x92 %s", mship_stage_label(from),
	    mship_stage_label(to));
}
