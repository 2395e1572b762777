/*
 * people: what the program's page files share: the capacity rule of the
 * directory and the profile, the tag and activity helpers, and the
 * handlers the route table (main.c) names.
 */
#ifndef MENTEO_PEOPLE_H
#define MENTEO_PEOPLE_H

#include <stddef.h>

#include "kept.h"
#include "page.h"
#include "req.h"
#include "stage.h"
#include "suggest.h"

/*
 * Mentorships that take one of a mentor's places: the working stages
 * (redefinition is a light check-in and does not count).
 */

/* directory.c's kept rows and word index (lib/kept.h). */
extern const struct kept_def	dir_kept, dir_index_kept;

/* A skill tag as stored: trimmed, ASCII lower-case. */
char		*tag_norm(struct req *, const char *, size_t);
/* "Active today", "Active 3 days ago", "Active on 2 Nov 2026". */
const char	*last_active_text(struct req *, const char *date,
		    const char *days);
const char	*places_text(struct req *, long long room);
/* One TAGS section per skill in the comma-separated list. */
void		 tags_fill(struct req *, struct tdict *, const char *skills,
		    const char *current);
/* The first character of a name, whole even when it is not ASCII. */
const char	*first_char(struct req *, const char *);

/* Handlers, one page file each. */
void	people_index(struct req *);	/* directory.c */
void	people_show(struct req *);	/* profile.c */
void	people_suggestions(struct req *);	/* suggestions.c */
void	settings_show(struct req *);	/* settings.c */
void	settings_save(struct req *);
void	notify_save(struct req *);
void	calendar_renew(struct req *);

#endif
