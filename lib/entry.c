/*
 * entry: a Growth Thread entry's kinds and their labels (entry.h).
 */
#include <string.h>

#include "entry.h"

const char *const entry_kinds[] = {
	"assumption", "experiment", "failure", "breakthrough", "lesson",
	"update", NULL
};
const char *const entry_kind_labels[] = {
	"Assumption", "Experiment", "Failure", "Breakthrough", "Lesson",
	"Update", NULL
};

const char *
entry_kind_label(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && entry_kinds[i] != NULL; i++)
		if (strcmp(entry_kinds[i], kind) == 0)
			return entry_kind_labels[i];
	return "Entry";
}
