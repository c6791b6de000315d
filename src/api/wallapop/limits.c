/* limits.c -- a seller's subscription slots as Wallapop shows them (seed
 * 000): GET /items/limits, the limits the marketplace's quota policy holds
 * the seller to, counted now (GetMyItemsLimitsResponse: one entry per
 * limit, its categories each with their subcategories, `total` and
 * `available` null where it has no number). What a missing slot hid is
 * GET /items/inactive, the items' own list (wallapop_items_serve_inactive:
 * only the items the writer flags inactive, paged as GET /items). */
#include "wallapop.h"

int wallapop_limits_get(Request *r)
{
	QuotaLimit *l;
	int n, rc = quota_limits(&r->ctx, r->principal.user_id, &l, &n);
	if (rc) return rc;
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "limits");
	reply_quota_limits(&w, l, n);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
