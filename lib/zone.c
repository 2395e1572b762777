#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "zone.h"

#define ZONE_MAX	600	/* zone.tab holds about 420 */
#define ZONE_TAB	"/usr/share/zoneinfo/zone.tab"

/* Read once per process: the list only changes with the tzdata package. */
static char	*zones[ZONE_MAX];
static size_t	 nzones;
static int	 loaded;

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
zone_load(void)
{
	char line[512], *p, *name;
	FILE *f;
	size_t n;

	loaded = 1;
	if ((f = fopen(ZONE_TAB, "r")) == NULL) {
		log_err("zone: cannot read %s", ZONE_TAB);
		return;
	}
	/* country code, coordinates, zone name, comments; tab-separated */
	while (nzones < ZONE_MAX && fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == '#' || (p = strchr(line, '\t')) == NULL ||
		    (p = strchr(p + 1, '\t')) == NULL)
			continue;
		name = p + 1;
		n = strcspn(name, "\t\r\n");
		if (n == 0 || (zones[nzones] = strndup(name, n)) == NULL)
			continue;
		nzones++;
	}
	fclose(f);
	qsort(zones, nzones, sizeof(zones[0]), by_name);
}

size_t
zone_count(void)
{
	if (!loaded)
		zone_load();
	return nzones;
}

const char *
zone_name(size_t i)
{
	return i < zone_count() ? zones[i] : NULL;
}

const char *
zone_region(const char *zone, char *buf, size_t size)
{
	size_t n = strcspn(zone, "/");

	if (strncmp(zone, "America/", 8) == 0)
		return "Americas";
	if (strncmp(zone, "Indian/", 7) == 0)
		return "Indian Ocean";
	if (strncmp(zone, "Atlantic/", 9) == 0)
		return "Atlantic Ocean";
	if (zone[n] == '\0')
		return "Other";
	snprintf(buf, size, "%.*s", (int)n, zone);
	return buf;
}

const char *
zone_city(const char *zone, char *buf, size_t size)
{
	const char *p = strchr(zone, '/');
	size_t o = 0;

	for (p = p != NULL ? p + 1 : zone; *p != '\0' && o + 4 < size; p++)
		if (*p == '_')
			buf[o++] = ' ';
		else if (*p == '/') {
			memcpy(buf + o, " / ", 3);
			o += 3;
		} else
			buf[o++] = *p;
	buf[o] = '\0';
	return buf;
}

static int
by_key(const void *key, const void *elem)
{
	return strcmp(key, *(char *const *)elem);
}

/*
 * localtime_r reads TZ: set it for one call and put it back. Only names
 * from zone.tab get there, so no path and no POSIX rule string does.
 */
int
zone_offset(const char *zone, long *seconds)
{
	static long	 off[ZONE_MAX];
	static time_t	 at[ZONE_MAX];
	char *const *z;
	char *saved = NULL;
	const char *old;
	struct tm tm;
	time_t now = time(NULL);
	size_t i;

	*seconds = 0;
	if (zone == NULL)
		return -1;
	if (strcmp(zone, "UTC") == 0)
		return 0;
	if ((z = bsearch(zone, zones, zone_count(), sizeof(zones[0]),
	    by_key)) == NULL)
		return -1;
	i = (size_t)(z - zones);
	if (at[i] == 0 || now - at[i] >= 3600) {
		if ((old = getenv("TZ")) != NULL && (saved = strdup(old)) == NULL)
			return -1;
		setenv("TZ", zone, 1);
		tzset();
		localtime_r(&now, &tm);
		if (saved != NULL)
			setenv("TZ", saved, 1);
		else
			unsetenv("TZ");
		tzset();
		free(saved);
		off[i] = tm.tm_gmtoff;
		at[i] = now;
	}
	*seconds = off[i];
	return 0;
}
