/* seller_place.h -- where a seller is: a city of the places and maybe one
 * of its districts. A face whose listings carry no location of their own
 * (Wallapop: an item is where its seller is) gives it to the seller's new
 * listings; the operator sets it (PUT /api/admin/users/{id}/place). */
#ifndef SOUK_SELLER_PLACE_H
#define SOUK_SELLER_PLACE_H

#include "../ctx.h"
#include "violations.h"

/* The seller's place into *out (city_id, district_id; the rest zero);
 * SOUK_ENOTFOUND when the seller has none. */
int seller_place_get(Ctx *c, int64_t user_id, AdvertLocation *out);

/* Replaces the seller's place: SOUK_EINVAL with RULE_REQUIRED or
 * RULE_NOT_FOUND at "location.city", RULE_INVALID at "location.district"
 * (not one of the city's); SOUK_ENOTFOUND when there is no such user. */
int seller_place_set(Ctx *c, int64_t user_id, const AdvertLocation *place, Violations *vs);

#endif
