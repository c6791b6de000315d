/* places.c -- OLX regions, cities, districts and /locations.
 *
 * Answered from the core's in-memory places index. City and district objects
 * carry the coordinates as "latitude" and "longitude" (live OLX and the
 * document's examples) and also as "longtitude", the property name of the
 * document's schemas, so clients generated from either read them. */
#include "olx.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "../../util/errors.h"
#include "../../core/reference/places.h"

static void write_region(JsonW *w, const Region *g)
{
	jw_obj(w);
	jw_kint(w, "id", g->id);
	jw_kstr(w, "name", g->name);
	jw_obj_end(w);
}

static void write_city(JsonW *w, const City *c)
{
	jw_obj(w);
	jw_kint(w, "id", c->id);
	jw_kint(w, "region_id", c->region_id);
	jw_kstr(w, "name", c->name);
	jw_kstr(w, "county", c->county ? c->county : "");
	jw_kstr(w, "municipality", c->municipality ? c->municipality : "");
	jw_knum(w, "latitude", c->lat);
	jw_knum(w, "longitude", c->lon);
	jw_knum(w, "longtitude", c->lon);
	jw_obj_end(w);
}

static void write_district(JsonW *w, const District *d)
{
	jw_obj(w);
	jw_kint(w, "id", d->id);
	jw_kint(w, "city_id", d->city_id);
	jw_kstr(w, "name", d->name);
	jw_knum(w, "latitude", d->lat);
	jw_knum(w, "longitude", d->lon);
	jw_knum(w, "longtitude", d->lon);
	jw_obj_end(w);
}

int olx_regions_list(Request *r)
{
	const Places *p = NULL;
	const Region *rs;
	int rc = places_get(&r->ctx, &p);
	if (rc) return rc;
	size_t n = places_regions(p, &rs);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) write_region(&w, &rs[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_regions_get(Request *r)
{
	const Places *p = NULL;
	int64_t id;
	int rc = places_get(&r->ctx, &p);
	if (rc) return rc;
	const Region *g = param_id(r, 0, &id) ? places_region(p, id) : NULL;
	if (!g) {
		olx_error(r, 404, "Region not found");
		return 0;
	}
	JsonW w;
	olx_data_begin(r, &w);
	write_region(&w, g);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_cities_list(Request *r)
{
	const Places *p = NULL;
	const City *cs;
	int64_t offset, limit;
	if (!query_int(r, "offset", 0, 0, INT64_MAX, &offset)) {
		olx_validation_error(r, "offset", "Offset must be a non-negative integer");
		return 0;
	}
	if (!query_int(r, "limit", 1000, 0, INT64_MAX, &limit)) {
		olx_validation_error(r, "limit", "Limit must be a non-negative integer");
		return 0;
	}
	int rc = places_get(&r->ctx, &p);
	if (rc) return rc;
	size_t n = places_cities(p, &cs);
	size_t from = (uint64_t)offset < n ? (size_t)offset : n;
	size_t to = (uint64_t)limit < n - from ? from + (size_t)limit : n;
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = from; i < to; i++) write_city(&w, &cs[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

/* The city of path parameter 0, or NULL after answering 404. */
static const City *path_city(Request *r, const Places *p)
{
	int64_t id;
	const City *c = param_id(r, 0, &id) ? places_city(p, id) : NULL;
	if (!c) olx_error(r, 404, "City not found");
	return c;
}

int olx_cities_get(Request *r)
{
	const Places *p = NULL;
	int rc = places_get(&r->ctx, &p);
	if (rc) return rc;
	const City *c = path_city(r, p);
	if (!c) return 0;
	JsonW w;
	olx_data_begin(r, &w);
	write_city(&w, c);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_cities_districts(Request *r)
{
	const Places *p = NULL;
	const District *const *ds;
	int rc = places_get(&r->ctx, &p);
	if (rc) return rc;
	const City *c = path_city(r, p);
	if (!c) return 0;
	size_t n = places_city_districts(p, c->id, &ds);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) write_district(&w, ds[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_districts_list(Request *r)
{
	const Places *p = NULL;
	const District *ds;
	int rc = places_get(&r->ctx, &p);
	if (rc) return rc;
	size_t n = places_districts(p, &ds);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) write_district(&w, &ds[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_districts_get(Request *r)
{
	const Places *p = NULL;
	int64_t id;
	int rc = places_get(&r->ctx, &p);
	if (rc) return rc;
	const District *d = param_id(r, 0, &id) ? places_district(p, id) : NULL;
	if (!d) {
		olx_error(r, 404, "District not found");
		return 0;
	}
	JsonW w;
	olx_data_begin(r, &w);
	write_district(&w, d);
	olx_data_end(r, &w, 200);
	return 0;
}

/* A decimal coordinate within [-lim, lim]. */
static bool query_coord(Request *r, const char *name, double lim, double *out)
{
	const char *s = http_query(r, name);
	char *end;
	if (!s || !*s || *s == ' ') return false;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || !isfinite(v) || fabs(v) > lim) return false;
	*out = v;
	return true;
}

int olx_locations_get(Request *r)
{
	const Places *p = NULL;
	double lat, lon;
	Location loc;
	if (!query_coord(r, "latitude", 90, &lat)) {
		olx_validation_error(r, "latitude", "Latitude must be a number between -90 and 90");
		return 0;
	}
	if (!query_coord(r, "longitude", 180, &lon)) {
		olx_validation_error(r, "longitude", "Longitude must be a number between -180 and 180");
		return 0;
	}
	int rc = places_get(&r->ctx, &p);
	if (rc) return rc;
	bool found = places_locate(p, lat, lon, &loc) == 0;
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	if (found) {
		jw_obj(&w);
		jw_key(&w, "city");
		write_city(&w, loc.city);
		if (loc.district) {
			jw_key(&w, "district");
			write_district(&w, loc.district);
		}
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}
