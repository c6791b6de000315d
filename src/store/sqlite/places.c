/* places.c -- regions, cities and districts: inserts for the seed and the
 * import, full reads for the core's in-memory index. */
#include "sq.h"

#include "../../util/errors.h"

int store_region_insert(Store *st, const Region *r)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO regions(id, code, name, latitude, longitude) VALUES(?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, r->id);
	sq_bind_text(s, 2, r->code ? r->code : "");
	sq_bind_text(s, 3, r->name);
	sqlite3_bind_double(s, 4, r->lat);
	sqlite3_bind_double(s, 5, r->lon);
	return sq_exec(st, s);
}

int store_city_insert(Store *st, const City *c)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO cities(id, region_id, name, county, municipality, latitude, longitude,"
		" population) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, c->id);
	sqlite3_bind_int64(s, 2, c->region_id);
	sq_bind_text(s, 3, c->name);
	sq_bind_text(s, 4, c->county ? c->county : "");
	sq_bind_text(s, 5, c->municipality ? c->municipality : "");
	sqlite3_bind_double(s, 6, c->lat);
	sqlite3_bind_double(s, 7, c->lon);
	sqlite3_bind_int64(s, 8, c->population);
	return sq_exec(st, s);
}

int store_district_insert(Store *st, const District *d)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO districts(id, city_id, name, latitude, longitude) VALUES(?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, d->id);
	sqlite3_bind_int64(s, 2, d->city_id);
	sq_bind_text(s, 3, d->name);
	sqlite3_bind_double(s, 4, d->lat);
	sqlite3_bind_double(s, 5, d->lon);
	return sq_exec(st, s);
}

int store_regions_count(Store *st, int64_t *n)
{
	return sq_count(st, sq_stmt(st, "SELECT count(*) FROM regions"), n);
}

int store_places_clear(Store *st)
{
	int rc;
	if ((rc = sq_exec(st, sq_stmt(st, "DELETE FROM districts"))) != 0) return rc;
	if ((rc = sq_exec(st, sq_stmt(st, "DELETE FROM cities"))) != 0) return rc;
	return sq_exec(st, sq_stmt(st, "DELETE FROM regions"));
}

int store_places_referenced(Store *st, bool *used)
{
	int64_t n = 0;
	int rc = sq_count(st, sq_stmt(st, "SELECT EXISTS(SELECT 1 FROM adverts)"), &n);
	*used = n != 0;
	return rc;
}

struct Each {
	Arena *a;
	union {
		int (*region)(void *u, const Region *r);
		int (*city)(void *u, const City *c);
		int (*district)(void *u, const District *d);
	} fn;
	void *u;
};

static int region_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	Region r = {
		.id = sqlite3_column_int64(s, 0),
		.code = sq_text(e->a, s, 1),
		.name = sq_text(e->a, s, 2),
		.lat = sqlite3_column_double(s, 3),
		.lon = sqlite3_column_double(s, 4),
	};
	return e->fn.region(e->u, &r);
}

int store_regions_each(Store *st, Arena *a, int (*fn)(void *u, const Region *r), void *u)
{
	struct Each e = {a, {.region = fn}, u};
	return sq_each(st, sq_stmt(st,
		"SELECT id, code, name, latitude, longitude FROM regions ORDER BY id"), region_row, &e);
}

static int city_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	City c = {
		.id = sqlite3_column_int64(s, 0),
		.region_id = sqlite3_column_int64(s, 1),
		.name = sq_text(e->a, s, 2),
		.county = sq_text(e->a, s, 3),
		.municipality = sq_text(e->a, s, 4),
		.lat = sqlite3_column_double(s, 5),
		.lon = sqlite3_column_double(s, 6),
		.population = sqlite3_column_int64(s, 7),
	};
	return e->fn.city(e->u, &c);
}

int store_cities_each(Store *st, Arena *a, int (*fn)(void *u, const City *c), void *u)
{
	struct Each e = {a, {.city = fn}, u};
	return sq_each(st, sq_stmt(st,
		"SELECT id, region_id, name, county, municipality, latitude, longitude, population"
		" FROM cities ORDER BY id"), city_row, &e);
}

static int district_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	District d = {
		.id = sqlite3_column_int64(s, 0),
		.city_id = sqlite3_column_int64(s, 1),
		.name = sq_text(e->a, s, 2),
		.lat = sqlite3_column_double(s, 3),
		.lon = sqlite3_column_double(s, 4),
	};
	return e->fn.district(e->u, &d);
}

int store_districts_each(Store *st, Arena *a, int (*fn)(void *u, const District *d), void *u)
{
	struct Each e = {a, {.district = fn}, u};
	return sq_each(st, sq_stmt(st,
		"SELECT id, city_id, name, latitude, longitude FROM districts ORDER BY id"),
		district_row, &e);
}
