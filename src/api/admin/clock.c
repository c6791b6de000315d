/* clock.c -- GET /api/admin/clock and POST /api/admin/clock/advance. */
#include "admin.h"

#include <json-c/json.h>

#include "../../core/clock.h"

static void write_clock(Request *r)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "now", clock_now());
	jw_kint(&w, "offset_seconds", clock_offset());
	jw_obj_end(&w);
	reply_json_done(r, 200);
}

int admin_clock_get(Request *r)
{
	int rc = clock_load(&r->ctx);
	if (rc) return rc;
	write_clock(r);
	return 0;
}

int admin_clock_advance(Request *r)
{
	json_object *v;
	if (!json_object_object_get_ex(r->json, "seconds", &v) || !json_object_is_type(v, json_type_int)) {
		admin_error(r, 400, "Send {\"seconds\": N} with a whole number of seconds");
		return 0;
	}
	int rc = clock_advance(&r->ctx, json_object_get_int64(v));
	if (rc) return admin_fail(r, rc);
	write_clock(r);
	return 0;
}
