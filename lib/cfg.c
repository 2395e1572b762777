/*
 * The file is read once at start; values never change while a process
 * runs, so they are kept in one process-wide table.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "log.h"

#define CFG_MAX		128

struct cfg_item {
	char	*key;
	char	*val;
};

static struct cfg_item	 items[CFG_MAX];
static size_t		 nitems;

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int
cfg_set(const char *key, const char *val)
{
	size_t i;

	for (i = 0; i < nitems; i++)
		if (strcmp(items[i].key, key) == 0) {
			char *v = strdup(val);
			if (v == NULL)
				return -1;
			free(items[i].val);
			items[i].val = v;
			return 0;
		}
	if (nitems == CFG_MAX)
		return -1;
	items[nitems].key = strdup(key);
	items[nitems].val = strdup(val);
	if (items[nitems].key == NULL || items[nitems].val == NULL)
		return -1;
	nitems++;
	return 0;
}

/* Returns 0 on success; a missing file is an error only when named. */
int
cfg_load(const char *path)
{
	FILE *f;
	char line[1024];
	int lineno = 0, rc = 0;

	if (path == NULL)
		path = getenv("MENTEO_CONF");
	if (path == NULL)
		path = "/etc/menteo/menteo.conf";
	if ((f = fopen(path, "r")) == NULL) {
		log_err("cfg: %s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char *s = trim(line), *eq;

		lineno++;
		if (*s == '\0' || *s == '#')
			continue;
		if ((eq = strchr(s, '=')) == NULL) {
			log_err("cfg: %s:%d: expected key = value", path, lineno);
			rc = -1;
			continue;
		}
		*eq = '\0';
		if (cfg_set(trim(s), trim(eq + 1)) == -1)
			rc = -1;
	}
	fclose(f);
	return rc;
}

void
cfg_free(void)
{
	size_t i;

	for (i = 0; i < nitems; i++) {
		free(items[i].key);
		free(items[i].val);
	}
	nitems = 0;
}

const char *
cfg_str(const char *key, const char *def)
{
	char env[128];
	const char *v;
	size_t i, n;

	n = (size_t)snprintf(env, sizeof(env), "MENTEO_%s", key);
	for (i = 7; i < n && i < sizeof(env); i++)
		env[i] = (char)toupper((unsigned char)env[i]);
	if ((v = getenv(env)) != NULL)
		return v;
	for (i = 0; i < nitems; i++)
		if (strcmp(items[i].key, key) == 0)
			return items[i].val;
	return def;
}

long long
cfg_int(const char *key, long long def)
{
	const char *v = cfg_str(key, NULL);
	char *end;
	long long n;

	if (v == NULL || *v == '\0')
		return def;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0') {
		log_err("cfg: %s: not a number, using %lld", key, def);
		return def;
	}
	return n;
}

const char *
cfg_base_url(void)
{
	static char base[512];
	const char *b = cfg_str("base_url", "http://127.0.0.1:8080");
	size_t n = strlen(b);

	while (n > 0 && b[n - 1] == '/')
		n--;
	if (n >= sizeof(base))
		n = sizeof(base) - 1;
	memcpy(base, b, n);
	base[n] = '\0';
	return base;
}
