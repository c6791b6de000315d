/* webhooks.c -- the operator's view of a seller's webhooks: GET
 * /api/admin/users/{id}/webhooks lists where the seller's apps have events
 * sent, oldest first, without the signing tokens. */
#include "admin.h"

#include "../../core/webhooks/webhooks.h"

int admin_webhooks_list(Request *r)
{
	int64_t id;
	Webhook *list;
	int n;
	if (!param_id(r, 0, &id)) {
		admin_error(r, 404, "User not found");
		return 0;
	}
	int rc = webhooks_of_seller(&r->ctx, id, &list, &n);
	if (rc) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "user_id", id);
	jw_key(&w, "webhooks");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "id", list[i].uid);
		jw_kint(&w, "app_id", list[i].app_id);
		jw_kstr(&w, "url", list[i].url);
		jw_key(&w, "events");
		jw_arr(&w);
		for (int t = 0; t < WEBHOOK_EVENT_COUNT; t++)
			if (list[i].events & (1u << t)) jw_str(&w, webhook_event_name((WebhookEvent)t));
		jw_arr_end(&w);
		jw_kint(&w, "created_at", list[i].created_at);
		jw_kint(&w, "updated_at", list[i].updated_at);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
