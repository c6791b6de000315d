/* users.c -- GET /users/me and GET /users/{id}. */
#include "olx.h"

#include "../../core/accounts.h"
#include "../../core/errors.h"

int olx_users_me(Request *r)
{
	User u;
	int rc = user_get(&r->ctx, r->principal.user_id, &u);
	if (rc == SOUK_ENOTFOUND) {
		olx_error(r, 400, "Invalid owner in token");
		return 0;
	}
	if (rc) return rc;

	JsonW w;
	olx_data_begin(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", u.id);
	jw_kstr(&w, "email", u.email);
	jw_kstr(&w, "status", u.status);
	jw_kstr(&w, "name", u.name);
	if (u.phone) jw_kstr(&w, "phone", u.phone);
	olx_time(&w, "created_at", u.created_at);
	if (u.last_login_at) olx_time(&w, "last_login_at", u.last_login_at);
	jw_kbool(&w, "is_business", u.is_business);
	jw_obj_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_users_get(Request *r)
{
	int64_t id;
	User u;
	if (!param_id(r, 0, &id)) {
		olx_error(r, 404, "User not found");
		return 0;
	}
	int rc = user_get(&r->ctx, id, &u);
	if (rc == SOUK_ENOTFOUND) {
		olx_error(r, 404, "User not found");
		return 0;
	}
	if (rc) return rc;

	JsonW w;
	olx_data_begin(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", u.id);
	jw_kstr(&w, "name", u.name);
	jw_obj_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}
