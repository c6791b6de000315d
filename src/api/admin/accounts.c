/* accounts.c -- the operator's account settings: PUT
 * /api/admin/users/{id}/business {"is_business": true|false} makes an
 * account a business (OLX's is_business, the business profile) or a private
 * one again. */
#include "admin.h"

#include <json-c/json.h>

#include "../../core/business/business.h"
#include "../../util/errors.h"

int admin_user_business(Request *r)
{
	int64_t id;
	json_object *v;
	if (!param_id(r, 0, &id)) {
		admin_error(r, 404, "User not found");
		return 0;
	}
	if (!json_object_object_get_ex(r->json, "is_business", &v) || !json_object_is_type(v, json_type_boolean)) {
		admin_error(r, 400, "is_business is true or false");
		return 0;
	}
	bool on = json_object_get_boolean(v);
	int rc = business_set_account(&r->ctx, id, on);
	if (rc == SOUK_ENOTFOUND) {
		admin_error(r, 404, "User not found");
		return 0;
	}
	if (rc) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", id);
	jw_kbool(&w, "is_business", on);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
