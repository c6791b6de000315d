/* face.c -- the operator API's error format. */
#include "admin.h"

#include "../../util/errors.h"
#include "../faces.h"

void admin_error(Request *r, int status, const char *detail)
{
	reply_error(r, status, detail);
}

int admin_fail(Request *r, int rc)
{
	switch (rc) {
	case SOUK_EINVAL: admin_error(r, 400, r->ctx.err ? r->ctx.err : "Invalid request"); return 0;
	case SOUK_ENOTFOUND: admin_error(r, 404, r->ctx.err ? r->ctx.err : "Not found"); return 0;
	case SOUK_ESTATE: admin_error(r, 409, r->ctx.err ? r->ctx.err : "Wrong state"); return 0;
	}
	return rc;
}

static void auth_error(Request *r, AuthFail why)
{
	(void)why;
	http_add_header(r, "WWW-Authenticate", "Bearer realm=\"souk-admin\"");
	admin_error(r, 401, "An operator key is required (souk operator create)");
}

const Face face_admin = {
	.name = "admin",
	.prefix = "/api/admin",
	.error = admin_error,
	.auth_error = auth_error,
};
