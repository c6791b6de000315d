/* seller_place.c -- where a seller is. */
#include "seller_place.h"

#include "../../store/store.h"
#include "../../util/errors.h"
#include "../reference/places.h"

int seller_place_get(Ctx *c, int64_t user_id, AdvertLocation *out)
{
	return store_seller_place_get(c->st, user_id, out);
}

/* The place names a city of the places, and a district of that city. */
static int check(Ctx *c, const AdvertLocation *place, Violations *vs)
{
	City city;
	District district;
	if (!place->city_id) {
		violations_rule(vs, RULE_REQUIRED, "location.city");
		return 0;
	}
	int rc = city_get(c, place->city_id, &city);
	if (rc == SOUK_ENOTFOUND) {
		violations_rule(vs, RULE_NOT_FOUND, "location.city");
		return 0;
	}
	if (rc || !place->district_id) return rc;
	rc = district_get(c, place->district_id, &district);
	if (rc && rc != SOUK_ENOTFOUND) return rc;
	if (rc || district.city_id != city.id) violations_rule(vs, RULE_INVALID, "location.district");
	return 0;
}

int seller_place_set(Ctx *c, int64_t user_id, const AdvertLocation *place, Violations *vs)
{
	User u;
	int rc = store_user_by_id(c->st, c->arena, user_id, &u);
	if (rc) return rc;
	if ((rc = check(c, place, vs)) != 0) return rc;
	if (vs->n) return SOUK_EINVAL;
	return store_seller_place_put(c->st, user_id, place, c->now);
}
