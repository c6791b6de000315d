/* seller_place.c -- the operator sets where a seller is: PUT
 * /api/admin/users/{id}/place {"city_id": N, "district_id": N?} answers the
 * place; a listing of a face without locations of its own (Wallapop's
 * items) is put there. */
#include "admin.h"

#include <json-c/json.h>

#include "../../core/listing/seller_place.h"
#include "../../util/errors.h"

/* A positive integer member, or absent (false without a value). */
static bool id_member(Request *r, const char *key, bool required, int64_t *out)
{
	json_object *v;
	*out = 0;
	if (!json_object_object_get_ex(r->json, key, &v) || json_object_is_type(v, json_type_null))
		return !required;
	if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) <= 0) return false;
	*out = json_object_get_int64(v);
	return true;
}

int admin_user_place(Request *r)
{
	int64_t id;
	AdvertLocation place = {0};
	Violations vs = {0};
	if (!param_id(r, 0, &id)) {
		admin_error(r, 404, "User not found");
		return 0;
	}
	if (!json_object_is_type(r->json, json_type_object) || !id_member(r, "city_id", true, &place.city_id) ||
	    !id_member(r, "district_id", false, &place.district_id)) {
		admin_error(r, 400, "city_id is a city's id; district_id, when given, one of its districts'");
		return 0;
	}
	int rc = seller_place_set(&r->ctx, id, &place, &vs);
	if (rc == SOUK_ENOTFOUND) {
		admin_error(r, 404, "User not found");
		return 0;
	}
	if (rc == SOUK_EINVAL) {
		admin_error(r, 400, violations_has_rule(&vs, RULE_INVALID, "location.district") ?
			"district_id is not a district of the city" : "city_id is not a city of the places");
		return 0;
	}
	if (rc) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", id);
	jw_kint(&w, "city_id", place.city_id);
	jw_key(&w, "district_id");
	if (place.district_id) jw_int(&w, place.district_id);
	else jw_null(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
