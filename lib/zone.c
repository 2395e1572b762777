#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "zone.h"

#define ZONE_MAX	600	/* zone.tab holds about 420 */
#define ZONE_TAB	ZONE_DIR "zone.tab"

/* Read once per process: the list only changes with the tzdata package. */
static char	*zones[ZONE_MAX];
static size_t	 nzones;
static int	 loaded;

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
by_key(const void *key, const void *elem)
{
	return strcmp(key, *(char *const *)elem);
}

static char *const *
zone_find(const char *zone)
{
	return bsearch(zone, zones, zone_count(), sizeof(zones[0]), by_key);
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
zone_canonical(const char *zone)
{
	static const char dir[] = ZONE_DIR;
	char path[PATH_MAX], real[PATH_MAX];
	char *const *z;
	int n;

	if (zone == NULL)
		return NULL;
	if (strcmp(zone, "UTC") == 0)
		return "UTC";
	if ((z = zone_find(zone)) != NULL)
		return *z;
	/* realpath follows the links; a result outside the database is none */
	n = snprintf(path, sizeof(path), "%s%s", dir, zone);
	if (n < 0 || (size_t)n >= sizeof(path) || realpath(path, real) == NULL ||
	    strncmp(real, dir, sizeof(dir) - 1) != 0)
		return NULL;
	if (strcmp(real + sizeof(dir) - 1, "Etc/UTC") == 0)
		return "UTC";
	return (z = zone_find(real + sizeof(dir) - 1)) != NULL ? *z : NULL;
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

/* TZ set to tz, read again only when it changed (tzset stats files). */
static void
zone_set(const char *tz)
{
	const char *old = getenv("TZ");

	if (tz == NULL)
		tz = "UTC";
	if (old == NULL || strcmp(old, tz) != 0) {
		setenv("TZ", tz, 1);
		tzset();
	}
}

int
zone_to_utc(const char *tz, const char *date, const char *hm, char *out,
    size_t size)
{
	struct tm tm, g;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	if (date == NULL || hm == NULL ||
	    sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday) != 3 || sscanf(hm, "%2d:%2d", &tm.tm_hour,
	    &tm.tm_min) != 2)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	zone_set(tz);
	if ((t = mktime(&tm)) == (time_t)-1)
		return -1;
	gmtime_r(&t, &g);
	return strftime(out, size, "%Y-%m-%d %H:%M:00", &g) > 0 ? 0 : -1;
}

int
zone_from_utc(const char *tz, const char *utc, struct tm *out)
{
	struct tm tm;
	time_t t;

	memset(&tm, 0, sizeof(tm));
	if (utc == NULL || sscanf(utc, "%4d-%2d-%2d %2d:%2d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min) != 5)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	zone_set(tz);
	return localtime_r(&t, out) != NULL ? 0 : -1;
}


/*
 * Through zone_set, as every reader of local time here; only names from
 * zone.tab get there, so no path and no POSIX rule string does. Kept
 * per zone for the quarter hour of UTC it was read in: a zone's offset
 * changes only at such a quarter's start (offsets are whole quarter
 * hours, and so are the local times of their changes), so what was read
 * holds to the quarter's end. Kept for an hour from its reading, it
 * straddled the change of daylight saving time.
 */
int
zone_offset_at(const char *zone, time_t t, long *seconds)
{
	static long	 off[ZONE_MAX];
	static time_t	 quarter[ZONE_MAX];	/* read in; 0: never */
	char *const *z;
	struct tm tm;
	size_t i;

	*seconds = 0;
	if (zone == NULL)
		return -1;
	if (strcmp(zone, "UTC") == 0)
		return 0;
	if ((z = zone_find(zone)) == NULL)
		return -1;
	i = (size_t)(z - zones);
	if (quarter[i] != t / 900 + 1) {
		zone_set(zone);
		localtime_r(&t, &tm);
		off[i] = tm.tm_gmtoff;
		quarter[i] = t / 900 + 1;
	}
	*seconds = off[i];
	return 0;
}

int
zone_offset(const char *zone, long *seconds)
{
	return zone_offset_at(zone, time(NULL), seconds);
}

const char *
zone_gap(long seconds, char *buf, size_t n)
{
	long h = labs(seconds) / 3600, min = labs(seconds) % 3600 / 60;
	char hs[32] = "";

	if (h > 0)
		snprintf(hs, sizeof(hs), "%ld hour%s", h, h == 1 ? "" : "s");
	if (min == 0)
		snprintf(buf, n, "%s", hs);
	else
		snprintf(buf, n, "%s%s%ld minute%s", hs, h > 0 ? " " : "",
		    min, min == 1 ? "" : "s");
	return buf;
}
