/* deliveries.c -- GET /webhooks/{webhookId}/deliveries (souk's extension of
 * the webhooks document): what was sent to one of the seller's webhooks,
 * newest first, each notification as sent with every attempt (when, the
 * receiver's status or why none came, how long it took). Pages of `limit`
 * (1-100, 20) behind `before`, the `next` of the previous page. Another
 * seller's webhook is a 404. The operator's view writes the same list. */
#include "wallapop.h"

#include "../../core/webhooks/deliver.h"
#include "../../util/errors.h"

#define PAGE_DEFAULT 20
#define PAGE_MAX 100

static const char *const states[] = {
	[DELIVERY_PENDING] = "PENDING",
	[DELIVERY_DELIVERED] = "DELIVERED",
	[DELIVERY_ABANDONED] = "ABANDONED",
};

void wallapop_jw_deliveries(Request *r, JsonW *w, const WebhookDelivery *list, int n, int limit)
{
	jw_obj(w);
	jw_key(w, "deliveries");
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		const WebhookDelivery *d = &list[i];
		jw_obj(w);
		jw_kstr(w, "id", d->notice_id);
		jw_kstr(w, "type", d->type);
		jw_kstr(w, "item_id", arena_printf(r->arena, "%lld", (long long)d->listing_id));
		jw_kstr(w, "status", states[d->state]);
		jw_key(w, "payload");
		jw_raw(w, d->body);	/* the body as sent: souk's own JSON */
		jw_kint(w, "created_on", d->created_at * 1000);
		if (d->state == DELIVERY_PENDING) jw_kint(w, "next_attempt_on", d->next_at * 1000);
		else jw_knull(w, "next_attempt_on");
		jw_key(w, "attempts");
		jw_arr(w);
		for (int k = 0; k < d->ntries; k++) {
			const DeliveryAttempt *t = &d->tries[k];
			jw_obj(w);
			jw_kint(w, "timestamp", t->at_ms);
			if (t->status) jw_kint(w, "status_code", t->status);
			else jw_knull(w, "status_code");
			jw_kstr(w, "error", t->error);
			jw_kint(w, "duration_ms", t->duration_ms);
			jw_obj_end(w);
		}
		jw_arr_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	if (n == limit && n > 0) jw_kstr(w, "next", arena_printf(r->arena, "%lld", (long long)list[n - 1].id));
	else jw_knull(w, "next");
	jw_obj_end(w);
}

bool wallapop_deliveries_page(Request *r, int64_t *before, int *limit)
{
	int64_t l;
	if (!query_int(r, "before", 0, 0, INT64_MAX, before) || !query_int(r, "limit", PAGE_DEFAULT, 1, PAGE_MAX, &l))
		return false;
	*limit = (int)l;
	return true;
}

int wallapop_webhook_deliveries(Request *r)
{
	Webhook hook;
	WebhookDelivery *list;
	int n, limit;
	int64_t before;
	Actor who = {.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
	int rc = webhook_find(&r->ctx, &who, http_param(r, 0), &hook);
	if (rc == SOUK_ENOTFOUND || rc == SOUK_EDENIED) {
		wallapop_error(r, 404, WALLAPOP_NO_WEBHOOK, "No webhook with this id");
		return 0;
	}
	if (rc) return rc;
	if (!wallapop_deliveries_page(r, &before, &limit)) {
		wallapop_error(r, 400, WALLAPOP_INVALID_BODY, "before must be a next cursor of this list and limit a number from 1 to 100");
		return 0;
	}
	if ((rc = deliver_log(&r->ctx, hook.id, before, limit, &list, &n)) != 0) return rc;
	JsonW w;
	reply_json(r, &w);
	wallapop_jw_deliveries(r, &w, list, n, limit);
	reply_json_done(r, 200);
	return 0;
}
