/* places.c -- the places index: regions, cities and districts in id order,
 * a nearest-point grid over cities and districts, and the places file loader. */
#include "places.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/errors.h"
#include "../../util/sorted.h"
#include "../../util/vec.h"
#include "lazy.h"

/* --- distance ----------------------------------------------------------- */

#define EARTH_KM 6371.0
#define DEG (M_PI / 180.0)
#define KM_PER_DEG (EARTH_KM * DEG)

double places_distance_km(double lat1, double lon1, double lat2, double lon2)
{
	double dlat = (lat2 - lat1) * DEG, dlon = (lon2 - lon1) * DEG;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		cos(lat1 * DEG) * cos(lat2 * DEG) * sin(dlon / 2) * sin(dlon / 2);
	if (a > 1) a = 1;
	return 2 * EARTH_KM * asin(sqrt(a));
}

/* --- grid --------------------------------------------------------------- */

struct GeoGrid {
	size_t n;
	double *lat, *lon;
	double lat0, lon0, cell;	/* south-west corner, cell side in degrees */
	long rows, cols;
	uint32_t *start;		/* rows*cols + 1 offsets into items (CSR) */
	uint32_t *items;		/* point indices, grouped by cell */
};

static long cell_of(double v, double v0, double cell)
{
	return (long)floor((v - v0) / cell);
}

GeoGrid *geogrid_new(const double *lat, const double *lon, size_t n)
{
	GeoGrid *g = xcalloc(1, sizeof(*g));
	g->n = n;
	g->lat = xmalloc((n ? n : 1) * sizeof(double));
	g->lon = xmalloc((n ? n : 1) * sizeof(double));
	if (n) {
		memcpy(g->lat, lat, n * sizeof(double));
		memcpy(g->lon, lon, n * sizeof(double));
	}
	double la0 = 0, la1 = 0, lo0 = 0, lo1 = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || lat[i] < la0) la0 = lat[i];
		if (i == 0 || lat[i] > la1) la1 = lat[i];
		if (i == 0 || lon[i] < lo0) lo0 = lon[i];
		if (i == 0 || lon[i] > lo1) lo1 = lon[i];
	}
	/* 0.1 degree cells (about 11 km north-south), doubled until the grid has
	 * no more than a few cells per point. */
	double cell = 0.1;
	long max_cells = (long)(4 * n) > 4096 ? (long)(4 * n) : 4096;
	for (;;) {
		g->rows = (long)floor((la1 - la0) / cell) + 1;
		g->cols = (long)floor((lo1 - lo0) / cell) + 1;
		if (g->rows * g->cols <= max_cells) break;
		cell *= 2;
	}
	g->lat0 = la0;
	g->lon0 = lo0;
	g->cell = cell;
	size_t ncells = (size_t)(g->rows * g->cols);
	g->start = xcalloc(ncells + 1, sizeof(uint32_t));
	g->items = xmalloc((n ? n : 1) * sizeof(uint32_t));
	for (size_t i = 0; i < n; i++) {
		size_t k = (size_t)(cell_of(lat[i], la0, cell) * g->cols + cell_of(lon[i], lo0, cell));
		g->start[k + 1]++;
	}
	for (size_t k = 0; k < ncells; k++) g->start[k + 1] += g->start[k];
	uint32_t *fill = xmalloc((ncells + 1) * sizeof(uint32_t));
	memcpy(fill, g->start, (ncells + 1) * sizeof(uint32_t));
	for (size_t i = 0; i < n; i++) {
		size_t k = (size_t)(cell_of(lat[i], la0, cell) * g->cols + cell_of(lon[i], lo0, cell));
		g->items[fill[k]++] = (uint32_t)i;
	}
	free(fill);
	return g;
}

void geogrid_free(GeoGrid *g)
{
	if (!g) return;
	free(g->lat);
	free(g->lon);
	free(g->start);
	free(g->items);
	free(g);
}

/* Searches rings of cells around the point's cell, outwards, measuring in
 * degrees of latitude with longitude scaled by cos(lat) (exact enough at the
 * scale of neighbouring towns), and stops once no unseen cell can hold a
 * nearer point. The winner's distance is then computed exactly. */
long geogrid_nearest(const GeoGrid *g, double lat, double lon, double max_km, double *dist_km)
{
	if (!g || g->n == 0 || !isfinite(lat) || !isfinite(lon)) return -1;
	double kx = cos(lat * DEG);
	if (kx < 0.05) kx = 0.05;
	double step = g->cell * (kx < 1 ? kx : 1);	/* least distance one ring adds */
	double max_deg = max_km / KM_PER_DEG;
	long r0 = cell_of(lat, g->lat0, g->cell), c0 = cell_of(lon, g->lon0, g->cell);
	long best = -1;
	double best_d2 = max_deg * max_deg * 1.0001;

	for (long ring = 0;; ring++) {
		double bound = (double)(ring - 1) * step;
		if (ring > 0 && (bound > max_deg || bound * bound > best_d2)) break;
		/* past every cell of the grid in all four directions */
		if (r0 - ring < 0 && r0 + ring >= g->rows && c0 - ring < 0 && c0 + ring >= g->cols) break;
		for (long r = r0 - ring; r <= r0 + ring; r++) {
			if (r < 0 || r >= g->rows) continue;
			bool edge = r == r0 - ring || r == r0 + ring;
			for (long c = c0 - ring; c <= c0 + ring; c += edge ? 1 : 2 * ring) {
				if (c >= 0 && c < g->cols) {
					size_t k = (size_t)(r * g->cols + c);
					for (uint32_t j = g->start[k]; j < g->start[k + 1]; j++) {
						uint32_t i = g->items[j];
						double dy = g->lat[i] - lat, dx = (g->lon[i] - lon) * kx;
						double d2 = dx * dx + dy * dy;
						if (d2 < best_d2 || (d2 == best_d2 && best >= 0 && (long)i < best)) {
							best_d2 = d2;
							best = (long)i;
						}
					}
				}
				if (ring == 0) break;
			}
		}
	}
	if (best < 0) return -1;
	double d = places_distance_km(lat, lon, g->lat[best], g->lon[best]);
	if (d > max_km) return -1;
	if (dist_km) *dist_km = d;
	return best;
}

/* --- the index ---------------------------------------------------------- */

struct Places {
	Arena *arena;			/* every string of the index */
	Region *regions;
	City *cities;
	District *districts;
	size_t nregions, ncities, ndistricts;
	/* per city (same order as cities): its districts in dist_by_city */
	uint32_t *city_dfirst, *city_dcount;
	const District **dist_by_city;
	GeoGrid *grid;			/* cities first, then districts */
};

static Lazy loaded = LAZY_INIT;

static int add_region(void *u, const Region *r)
{
	*(Region *)vec_push(u) = *r;
	return 0;
}

static int add_city(void *u, const City *c)
{
	*(City *)vec_push(u) = *c;
	return 0;
}

static int add_district(void *u, const District *d)
{
	*(District *)vec_push(u) = *d;
	return 0;
}

static long find_city(const Places *p, int64_t id)
{
	const City *x = places_city(p, id);
	return x ? (long)(x - p->cities) : -1;
}

static int by_city_then_id(const void *a, const void *b)
{
	const District *x = *(const District *const *)a, *y = *(const District *const *)b;
	if (x->city_id != y->city_id) return x->city_id < y->city_id ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Builds the index; *out is a Places (lazy_get keeps it as void *). */
static int build(Ctx *c, void **out)
{
	Places *p = xcalloc(1, sizeof(*p));
	Vec rv = VEC(Region), cv = VEC(City), dv = VEC(District);
	int rc;

	p->arena = arena_new();
	if ((rc = store_regions_each(c->st, p->arena, add_region, &rv)) != 0 ||
	    (rc = store_cities_each(c->st, p->arena, add_city, &cv)) != 0 ||
	    (rc = store_districts_each(c->st, p->arena, add_district, &dv)) != 0) {
		vec_free(&rv);
		vec_free(&cv);
		vec_free(&dv);
		arena_free(p->arena);
		free(p);
		return rc;
	}
	p->nregions = rv.n;
	p->regions = vec_take(&rv);
	p->ncities = cv.n;
	p->cities = vec_take(&cv);
	p->ndistricts = dv.n;
	p->districts = vec_take(&dv);

	p->city_dfirst = xcalloc(p->ncities + 1, sizeof(uint32_t));
	p->city_dcount = xcalloc(p->ncities + 1, sizeof(uint32_t));
	p->dist_by_city = xmalloc((p->ndistricts + 1) * sizeof(District *));
	for (size_t i = 0; i < p->ndistricts; i++) p->dist_by_city[i] = &p->districts[i];
	if (p->ndistricts)
		qsort(p->dist_by_city, p->ndistricts, sizeof(District *), by_city_then_id);
	for (size_t i = 0; i < p->ndistricts; i++) {
		long ci = find_city(p, p->dist_by_city[i]->city_id);
		if (ci < 0) continue;
		if (p->city_dcount[ci]++ == 0) p->city_dfirst[ci] = (uint32_t)i;
	}

	size_t n = p->ncities + p->ndistricts;
	double *lat = xmalloc((n + 1) * sizeof(double)), *lon = xmalloc((n + 1) * sizeof(double));
	for (size_t i = 0; i < p->ncities; i++) {
		lat[i] = p->cities[i].lat;
		lon[i] = p->cities[i].lon;
	}
	for (size_t i = 0; i < p->ndistricts; i++) {
		lat[p->ncities + i] = p->districts[i].lat;
		lon[p->ncities + i] = p->districts[i].lon;
	}
	p->grid = geogrid_new(lat, lon, n);
	free(lat);
	free(lon);
	*out = p;
	return 0;
}

int places_get(Ctx *c, const Places **out)
{
	void *v;
	int rc = lazy_get(&loaded, c, build, "places", &v);
	if (rc == 0) *out = v;
	return rc;
}

size_t places_regions(const Places *p, const Region **out)
{
	*out = p->regions;
	return p->nregions;
}

size_t places_cities(const Places *p, const City **out)
{
	*out = p->cities;
	return p->ncities;
}

size_t places_districts(const Places *p, const District **out)
{
	*out = p->districts;
	return p->ndistricts;
}

/* Regions, cities and districts are in id order, the id their first member. */
_Static_assert(offsetof(Region, id) == 0 && offsetof(City, id) == 0 &&
	offsetof(District, id) == 0, "places records lead with their id");

const Region *places_region(const Places *p, int64_t id)
{
	return sorted_find(p->regions, p->nregions, sizeof(Region), &id, sorted_cmp_id);
}

const City *places_city(const Places *p, int64_t id)
{
	return sorted_find(p->cities, p->ncities, sizeof(City), &id, sorted_cmp_id);
}

const District *places_district(const Places *p, int64_t id)
{
	return sorted_find(p->districts, p->ndistricts, sizeof(District), &id, sorted_cmp_id);
}

size_t places_city_districts(const Places *p, int64_t city_id, const District *const **out)
{
	long ci = find_city(p, city_id);
	if (ci < 0 || p->city_dcount[ci] == 0) {
		*out = NULL;
		return 0;
	}
	*out = p->dist_by_city + p->city_dfirst[ci];
	return p->city_dcount[ci];
}

int places_locate(const Places *p, double lat, double lon, Location *out)
{
	double d;
	long i = geogrid_nearest(p->grid, lat, lon, PLACES_LOCATE_MAX_KM, &d);
	memset(out, 0, sizeof(*out));
	if (i < 0) return SOUK_ENOTFOUND;
	out->distance_km = d;
	if ((size_t)i >= p->ncities) {
		out->district = &p->districts[(size_t)i - p->ncities];
		out->city = places_city(p, out->district->city_id);
		return out->city ? 0 : SOUK_ENOTFOUND;
	}
	out->city = &p->cities[i];
	/* a city with districts: the district nearest to the point */
	const District *const *ds;
	size_t nd = places_city_districts(p, out->city->id, &ds);
	double best = PLACES_DISTRICT_MAX_KM;
	for (size_t k = 0; k < nd; k++) {
		double dk = places_distance_km(lat, lon, ds[k]->lat, ds[k]->lon);
		if (dk <= best) {
			best = dk;
			out->district = ds[k];
		}
	}
	return 0;
}

int region_get(Ctx *c, int64_t id, Region *out)
{
	const Places *p = NULL;
	int rc = places_get(c, &p);
	if (rc) return rc;
	const Region *r = places_region(p, id);
	if (!r) return ctx_fail(c, SOUK_ENOTFOUND, NULL, "Region not found");
	*out = *r;
	return 0;
}

int city_get(Ctx *c, int64_t id, City *out)
{
	const Places *p = NULL;
	int rc = places_get(c, &p);
	if (rc) return rc;
	const City *x = places_city(p, id);
	if (!x) return ctx_fail(c, SOUK_ENOTFOUND, NULL, "City not found");
	*out = *x;
	return 0;
}

int district_get(Ctx *c, int64_t id, District *out)
{
	const Places *p = NULL;
	int rc = places_get(c, &p);
	if (rc) return rc;
	const District *d = places_district(p, id);
	if (!d) return ctx_fail(c, SOUK_ENOTFOUND, NULL, "District not found");
	*out = *d;
	return 0;
}

int city_district_count(Ctx *c, int64_t city_id, int *n)
{
	const Places *p = NULL;
	int rc = places_get(c, &p);
	if (rc) return rc;
	if (!places_city(p, city_id)) return ctx_fail(c, SOUK_ENOTFOUND, NULL, "City not found");
	const District *const *ds;
	*n = (int)places_city_districts(p, city_id, &ds);
	return 0;
}

/* --- the places file ---------------------------------------------------- */

static bool parse_id(const char *s, int64_t *out)
{
	char *end;
	if (!s || !*s) return false;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < 0) return false;
	*out = v;
	return true;
}

static bool parse_coord(const char *s, double lim, double *out)
{
	char *end;
	if (!s || !*s) return false;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || !isfinite(v) || fabs(v) > lim) return false;
	*out = v;
	return true;
}

int places_load_tsv(Ctx *c, const char *text, size_t len, PlacesCount *count)
{
	char *buf = arena_strndup(c->arena, text, len);
	PlacesCount n = {0};
	int lineno = 0, rc = 0;

	for (char *line = buf, *next; line && *line; line = next) {
		char *nl = strchr(line, '\n');
		next = nl ? nl + 1 : NULL;
		if (nl) *nl = '\0';
		lineno++;
		size_t ll = strlen(line);
		if (ll && line[ll - 1] == '\r') line[--ll] = '\0';
		if (ll == 0 || line[0] == '#') continue;

		char *f[10];
		int nf = 0;
		for (char *t = line; nf < 10;) {
			f[nf++] = t;
			char *tab = strchr(t, '\t');
			if (!tab) break;
			*tab = '\0';
			t = tab + 1;
		}
		bool ok = false;
		if (strcmp(f[0], "R") == 0 && nf == 6) {
			Region r = {.code = f[2], .name = f[3]};
			ok = parse_id(f[1], &r.id) && *r.name && parse_coord(f[4], 90, &r.lat) &&
				parse_coord(f[5], 180, &r.lon);
			if (ok && (rc = store_region_insert(c->st, &r)) == 0) n.regions++;
		} else if (strcmp(f[0], "C") == 0 && nf == 9) {
			City x = {.name = f[3], .county = f[4], .municipality = f[5]};
			ok = parse_id(f[1], &x.id) && parse_id(f[2], &x.region_id) && *x.name &&
				parse_coord(f[6], 90, &x.lat) && parse_coord(f[7], 180, &x.lon) &&
				parse_id(f[8], &x.population);
			if (ok && (rc = store_city_insert(c->st, &x)) == 0) n.cities++;
		} else if (strcmp(f[0], "D") == 0 && nf == 6) {
			District d = {.name = f[3]};
			ok = parse_id(f[1], &d.id) && parse_id(f[2], &d.city_id) && *d.name &&
				parse_coord(f[4], 90, &d.lat) && parse_coord(f[5], 180, &d.lon);
			if (ok && (rc = store_district_insert(c->st, &d)) == 0) n.districts++;
		}
		if (!ok) return ctx_fail(c, SOUK_EINVAL, NULL, "places file, line %d: malformed row", lineno);
		/* a duplicate id or an unknown region or city */
		if (rc) return ctx_fail(c, rc == SOUK_EEXIST ? SOUK_EINVAL : rc, NULL,
			"places file, line %d: %s", lineno,
			rc == SOUK_EEXIST ? "duplicate id or unknown reference" : souk_strerror(rc));
	}
	if (n.regions == 0 || n.cities == 0)
		return ctx_fail(c, SOUK_EINVAL, NULL, "places file has no regions or no cities");
	if (count) *count = n;
	return 0;
}
