/* sys.c -- /healthz and /metrics, and the plain JSON error of paths no face
 * claims. */
#include "sys.h"

#include "../faces.h"

static void sys_auth_error(Request *r, AuthFail why)
{
	reply_error(r, why == AUTHFAIL_INVALID ? 401 : 403, "Not allowed");
}

const Face face_sys = {
	.name = "sys",
	.prefix = "/",
	.error = reply_error,
	.auth_error = sys_auth_error,
};

int sys_healthz(Request *r)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "status", "ok");
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

int sys_metrics(Request *r)
{
	buf_reset(&r->out);
	metrics_render(&r->out, souk_routes, souk_routes_count);
	http_respond(r, 200, "text/plain; version=0.0.4");
	return 0;
}
