/* workers.c -- GET and PUT /api/admin/workers/publication {"paused": B}:
 * the sandbox holds publication tasks back (an offer then stays ACTIVATING)
 * and lets them go, next to the clock it can move. */
#include "admin.h"

#include <json-c/json.h>

#include "../../core/listing/publish.h"

static void write_worker(Request *r)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kbool(&w, "paused", publish_paused(&r->ctx));
	jw_obj_end(&w);
	reply_json_done(r, 200);
}

int admin_publication_get(Request *r)
{
	write_worker(r);
	return 0;
}

int admin_publication_put(Request *r)
{
	json_object *v;
	if (!json_object_object_get_ex(r->json, "paused", &v) || !json_object_is_type(v, json_type_boolean)) {
		admin_error(r, 400, "Send {\"paused\": true} or {\"paused\": false}");
		return 0;
	}
	int rc = publish_pause(&r->ctx, json_object_get_boolean(v));
	if (rc) return admin_fail(r, rc);
	write_worker(r);
	return 0;
}
