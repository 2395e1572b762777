/*
 * tmpl: the C face of Google CTemplate. A dictionary holds the values of
 * one template; sections repeat or show parts; includes pull in other
 * templates with their own dictionaries. Every template starts with
 * {{%AUTOESCAPE context="HTML"}}, so values are escaped by default.
 */
#ifndef MENTEO_TMPL_H
#define MENTEO_TMPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct tdict;

int		 tmpl_init(const char *root);
struct tdict	*tmpl_dict_new(const char *name);
void		 tmpl_dict_free(struct tdict *);
void		 tmpl_set(struct tdict *, const char *key, const char *val);
void		 tmpl_set_int(struct tdict *, const char *key, long long);
void		 tmpl_show(struct tdict *, const char *section);
struct tdict	*tmpl_section(struct tdict *, const char *section);
struct tdict	*tmpl_include(struct tdict *, const char *name,
		    const char *file);
/* Expands file with d; the text is malloc'ed for the caller. */
char		*tmpl_expand(const char *file, struct tdict *d, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
