/*
 * entry: the kinds of a Growth Thread's entry, as thread_entries.kind
 * stores them and as people read them ("lesson", "Lesson"): the threads
 * program's forms and filters, and the record of achievement's list.
 */
#ifndef MENTEO_ENTRY_H
#define MENTEO_ENTRY_H

extern const char *const entry_kinds[];		/* NULL-terminated */
extern const char *const entry_kind_labels[];	/* in the same order */

/* The label of a stored kind; "Entry" for one this build does not know. */
const char	*entry_kind_label(const char *kind);

#endif
