/* webhook_deliveries.c -- GET /api/admin/users/{id}/webhooks/{webhookId}/
 * deliveries: the operator reads a seller's delivery log, the list the
 * seller's app reads (api/wallapop/deliveries.c), paged the same way. */
#include "admin.h"

#include <string.h>

#include "../../core/webhooks/deliver.h"
#include "../wallapop/wallapop.h"

int admin_webhook_deliveries(Request *r)
{
	int64_t user_id, before;
	Webhook *hooks;
	WebhookDelivery *list;
	int nhooks, n, limit;
	const Webhook *hook = NULL;
	if (!param_id(r, 0, &user_id)) {
		admin_error(r, 404, "User not found");
		return 0;
	}
	int rc = webhooks_of_seller(&r->ctx, user_id, &hooks, &nhooks);
	if (rc) return admin_fail(r, rc);
	for (int i = 0; i < nhooks && !hook; i++)
		if (strcmp(hooks[i].uid, http_param(r, 1)) == 0) hook = &hooks[i];
	if (!hook) {
		admin_error(r, 404, "The seller has no webhook with this id");
		return 0;
	}
	if (!wallapop_deliveries_page(r, &before, &limit)) {
		admin_error(r, 400, "before must be a next cursor of this list and limit a number from 1 to 100");
		return 0;
	}
	if ((rc = deliver_log(&r->ctx, hook->id, before, limit, &list, &n)) != 0) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	wallapop_jw_deliveries(r, &w, list, n, limit);
	reply_json_done(r, 200);
	return 0;
}
