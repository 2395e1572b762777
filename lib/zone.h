/*
 * zone: the IANA time zones a person chooses from, one per country and
 * region as the system's tz database lists them (zone.tab), with the
 * region and city a person reads ("Europe", "Berlin").
 */
#ifndef MENTEO_ZONE_H
#define MENTEO_ZONE_H

#include <stddef.h>

/* How many zones there are (0 when the database cannot be read). */
size_t		 zone_count(void);
/* Zone i in name order, so each region's zones follow one another. */
const char	*zone_name(size_t);
/* "Europe/Berlin" -> "Europe"; "America/..." -> "Americas". */
const char	*zone_region(const char *, char *, size_t);
/* "America/Argentina/Buenos_Aires" -> "Argentina / Buenos Aires". */
const char	*zone_city(const char *, char *, size_t);

/*
 * Zone's distance from UTC now, in seconds, into *seconds: 0, or -1 for
 * a name not in the list (nor "UTC"). Kept per zone for an hour.
 */
int		 zone_offset(const char *zone, long *seconds);

#endif
