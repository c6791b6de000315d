/* catalog.h -- what adverts need to know of categories and places: a
 * category's leaf flag, photo limit and attribute rules; a city's or
 * district's position. Reads the reference data loaded by core/seed. */
#ifndef SOUK_CATALOG_H
#define SOUK_CATALOG_H

#include "adverts.h"
#include "ctx.h"
#include "violations.h"

typedef struct Category {
	int64_t id;
	int64_t parent_id;
	bool is_leaf;
	int photos_limit;
} Category;

typedef struct City {
	int64_t id;
	double latitude, longitude;
} City;

typedef struct District {
	int64_t id;
	int64_t city_id;
	double latitude, longitude;
} District;

/* Lookups: 0 or SOUK_ENOTFOUND */
int catalog_category(Ctx *c, int64_t id, Category *out);
int catalog_city(Ctx *c, int64_t id, City *out);
int catalog_district(Ctx *c, int64_t id, District *out);
double catalog_distance_km(double lat1, double lon1, double lat2, double lon2);

/* The category's attribute rules against the seller's values (required,
 * known code, value from the list, numeric range, single or multiple), and
 * the price and salary blocks its attribute kinds ask for. */
void catalog_check_attributes(Ctx *c, const Category *cat, const AdvertAttr *attrs, int nattrs,
	const Advert *ad, Violations *vs);

#endif
