/*
 * zone: the IANA time zones a person chooses from, one per country and
 * region as the system's tz database lists them (zone.tab), with the
 * region and city a person reads ("Europe", "Berlin").
 */
#ifndef MENTEO_ZONE_H
#define MENTEO_ZONE_H

#include <stddef.h>
#include <time.h>

/* The system's tz database: zone files, zone.tab, links between names. */
#define ZONE_DIR	"/usr/share/zoneinfo/"

/* How many zones there are (0 when the database cannot be read). */
size_t		 zone_count(void);
/* Zone i in name order, so each region's zones follow one another. */
const char	*zone_name(size_t);
/*
 * The list's own name for zone: itself when the list has it, the zone
 * an old name links to ("Asia/Calcutta" -> "Asia/Kolkata", "Etc/UTC" ->
 * "UTC"), else NULL. A name of the list that is a link itself keeps its
 * own name ("Europe/Bratislava" is a country's zone, not Prague's).
 */
const char	*zone_canonical(const char *zone);
/* "Europe/Berlin" -> "Europe"; "America/..." -> "Americas". */
const char	*zone_region(const char *, char *, size_t);
/* "America/Argentina/Buenos_Aires" -> "Argentina / Buenos Aires". */
const char	*zone_city(const char *, char *, size_t);

/*
 * Wall-clock time in zone tz (NULL: UTC) and UTC, for a person's own
 * zone: "YYYY-MM-DD" "HH:MM" there to UTC "YYYY-MM-DD HH:MM:00" (-1
 * for a time that does not exist there); UTC "YYYY-MM-DD HH:MM:SS" to
 * the wall clock there. Both leave TZ set to tz: a worker reads local
 * time only through here and lib/page, each setting it first.
 */
struct tm;
int		 zone_to_utc(const char *tz, const char *date, const char *hm,
		    char *out, size_t);
int		 zone_from_utc(const char *tz, const char *utc, struct tm *);

/*
 * Zone's distance from UTC now (or at t), in seconds, into *seconds: 0,
 * or -1 for a name not in the list (nor "UTC"). Kept per zone for the
 * quarter hour, never across a change; like the two above it may leave
 * TZ set to zone.
 */
int		 zone_offset(const char *zone, long *seconds);
int		 zone_offset_at(const char *zone, time_t t, long *seconds);

/*
 * The time between two clocks in words, seconds apart (either sign):
 * "1 hour", "4 hours 30 minutes", "45 minutes"; "" for none. In buf.
 */
const char	*zone_gap(long seconds, char *buf, size_t n);

#endif
