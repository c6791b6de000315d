/* users.c -- GET /users/me and GET /users/{id}. */
#include "olx.h"

#include "../../core/auth/accounts.h"
#include "../../util/errors.h"

/* Loads a user or answers for the missing one: 1 loaded, 0 answered, <0 failed. */
static int load(Request *r, int64_t id, int status, const char *missing, User *u)
{
	int rc = id > 0 ? user_get(&r->ctx, id, u) : SOUK_ENOTFOUND;
	if (rc == SOUK_ENOTFOUND) {
		olx_error(r, status, missing);
		return 0;
	}
	return rc ? rc : 1;
}

int olx_users_me(Request *r)
{
	User u;
	int rc = load(r, r->principal.user_id, 400, "Invalid owner in token", &u);
	if (rc <= 0) return rc;

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
	int64_t id = 0;
	User u;
	param_id(r, 0, &id);
	int rc = load(r, id, 404, "User not found", &u);
	if (rc <= 0) return rc;

	JsonW w;
	olx_data_begin(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", u.id);
	jw_kstr(&w, "name", u.name);
	jw_obj_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}
