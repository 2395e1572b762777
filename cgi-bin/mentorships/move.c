/*
 * mentorships: a stage move posted from the mentorship page (lib/stage.c
 * decides it); the page again when it was refused or its note is empty.
 */
#include <string.h>

#include "mentorships.h"

/* The flash after a move: what happened, in words ("in Declined" is not). */
static const char *
moved_text(struct req *r, const char *to, const char *stage,
    const char *prog)
{
	if (strcmp(to, "requested") == 0)
		return "Sent.";
	if (prog != NULL && (strcmp(stage, "declined") == 0 ||
	    strcmp(stage, "withdrawn") == 0))
		return req_printf(r, "You said no to the pair the organisers of "
		    "%s proposed. They have been told.", prog);
	if (strcmp(stage, "declined") == 0)
		return "You declined the request.";
	if (strcmp(stage, "withdrawn") == 0)
		return "You withdrew the request.";
	if (strcmp(stage, "ended") == 0)
		return "The mentorship has ended.";
	return req_printf(r, "The mentorship is now in %s.",
	    mship_stage_label(stage));
}
void
mships_stage(struct req *r)
{
	enum { ST_TO, ST_NOTE, ST_N };
	static const struct field f[ST_N] = {
		{ "to", F_TEXT, 1, 20, 1, NULL },
		{ "note", F_MULTILINE, 0, 4000, 0, NULL },
	};
	struct fval v[ST_N];
	struct mship m;
	const char *why, *prog;
	int rc;

	if (mships_load(r, &m) == -1)
		return;
	if (field_read(r, f, ST_N, v) > 0 && v[ST_TO].err != NULL)
		return mships_page(r, &m, 409,
		    "Choose what to do with this mentorship.");
	/* the note's own problem, beside it with what was typed (a 422) */
	if (v[ST_NOTE].err != NULL)
		return mships_page(r, &m, 422,
		    "The note is too long (4000 characters at most).");
	/*
	 * Never refused for the mail it causes: a step of the project (a
	 * new cycle, an end) waited behind the meetings and agreements of
	 * the same hour (found walking). The stage machine bounds them, and
	 * a question waits for its answer (stage_move's 409); the mail still
	 * counts against the posts that can repeat.
	 */
	rc = stage_move(r, &m, v[ST_TO].str, v[ST_NOTE].str, &why, &prog);
	if (rc == 0 && mship_mail_count(r, &m) == -1)
		rc = -1;
	if (rc == -1)
		return;
	if (rc == 403)
		return page_error_msg(r, 403, why);
	if (rc == 404)
		return page_error(r, 404);
	if (rc == 409 || rc == 422)
		return mships_page(r, &m, rc, why);
	resp_flash(r, moved_text(r, v[ST_TO].str, m.stage, prog));
	resp_redirect(r, mships_path(r, &m, ""));
}
