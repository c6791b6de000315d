/* places.h -- regions, cities and districts, and where a point on the map
 * lies.
 *
 * The places are read from the store once, on first use, into an immutable
 * index shared by every thread (places_get); records handed out borrow it and
 * stay valid for the life of the process. `souk import places` replaces the
 * places in the database: a running server keeps the set it loaded until it
 * restarts. */
#ifndef SOUK_PLACES_H
#define SOUK_PLACES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../ctx.h"

/* /locations answers with nothing when no place lies within this distance. */
#define PLACES_LOCATE_MAX_KM 50.0
/* A point near a city with districts gets its nearest district within this. */
#define PLACES_DISTRICT_MAX_KM 15.0

/* Distance: great-circle (haversine), in km, on a sphere of radius 6371 km. */
double places_distance_km(double lat1, double lon1, double lat2, double lon2);

/* Nearest-point index: a uniform grid of cells (0.1 degree, coarser for a
 * wide spread of points) over fixed points. Immutable once built. */
typedef struct GeoGrid GeoGrid;
GeoGrid *geogrid_new(const double *lat, const double *lon, size_t n);
void geogrid_free(GeoGrid *g);
/* Index of the point nearest to (lat, lon) within max_km (its distance in
 * *dist_km when not NULL), or -1. */
long geogrid_nearest(const GeoGrid *g, double lat, double lon, double max_km, double *dist_km);

/* The index of places */
typedef struct Places Places;
/* Loads the index on the first call (SOUK_ESTORE if the store fails). */
int places_get(Ctx *c, const Places **out);
size_t places_regions(const Places *p, const Region **out);	/* by id */
size_t places_cities(const Places *p, const City **out);	/* by id */
size_t places_districts(const Places *p, const District **out);	/* by id */
const Region *places_region(const Places *p, int64_t id);	/* NULL: none */
const City *places_city(const Places *p, int64_t id);
const District *places_district(const Places *p, int64_t id);
/* The city's districts, by id (none for an unknown city). */
size_t places_city_districts(const Places *p, int64_t city_id, const District *const **out);

/* Where a point lies: the nearest city, or the city of the nearest district;
 * with the city's district nearest to the point when the city has districts
 * (NULL otherwise). SOUK_ENOTFOUND when nothing is within PLACES_LOCATE_MAX_KM. */
typedef struct Location {
	const City *city;
	const District *district;
	double distance_km;		/* from the point to the place found */
} Location;
int places_locate(const Places *p, double lat, double lon, Location *out);

/* Lookups for other core code (adverts): 0 or SOUK_ENOTFOUND. The record's
 * strings borrow the index. */
int region_get(Ctx *c, int64_t id, Region *out);
int city_get(Ctx *c, int64_t id, City *out);
int district_get(Ctx *c, int64_t id, District *out);	/* out->city_id: its city */
/* How many districts the city has (an advert there should name one). */
int city_district_count(Ctx *c, int64_t city_id, int *n);

/* Loading: inserts the rows of a places file (docs/DATA.md: R, C and D rows,
 * TAB-separated) into the store. The caller owns the transaction and clears
 * old places first. SOUK_EINVAL with the line in the error slot on a bad file. */
typedef struct PlacesCount {
	int regions, cities, districts;
} PlacesCount;
int places_load_tsv(Ctx *c, const char *text, size_t len, PlacesCount *count);

#endif
