/* image_fetches.c -- GET /api/admin/adverts/{id}/image-fetches: a listing's
 * images added by URL that are still on their way or whose fetch failed,
 * with the reason (the seller's face shows only the images that are
 * there). {"image_fetches": [{id, url, position, state, reason,
 * created_at}]}, oldest first; an empty list for a listing with none. */
#include "admin.h"

#include "../../core/listing/listing_images.h"
#include "../../util/errors.h"

int admin_image_fetches(Request *r)
{
	int64_t id;
	if (!param_id(r, 0, &id)) return admin_fail(r, SOUK_ENOTFOUND);
	ImageFetch *fs;
	int n;
	int rc = listing_image_fetches(&r->ctx, id, &fs, &n);
	if (rc) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "image_fetches");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "id", fs[i].key);
		jw_kstr(&w, "url", fs[i].url);
		jw_kint(&w, "position", fs[i].position);
		jw_kstr(&w, "state", fs[i].state == IMAGE_FETCH_FAILED ? "failed" : "pending");
		jw_kstr(&w, "reason", fs[i].reason);
		jw_kint(&w, "created_at", fs[i].created_at);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
