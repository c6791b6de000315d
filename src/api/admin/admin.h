/* admin.h -- the operator API (/api/admin): the marketplace's own controls,
 * used by operators, moderators' tools and tests. Authenticated with an
 * operator key (`souk operator create`). */
#ifndef SOUK_ADMIN_H
#define SOUK_ADMIN_H

#include "../reply.h"

/* {"error":{"status":S,"detail":D}} */
void admin_error(Request *r, int status, const char *detail);
/* Answers a failed core call: validation 400, not found 404, state 409. */
int admin_fail(Request *r, int rc);

/* Handlers: the marketplace clock */
int admin_clock_get(Request *r);
int admin_clock_advance(Request *r);

/* Handlers: the category tree (add, rename or move, delete) */
int admin_category_create(Request *r);
int admin_category_change(Request *r);
int admin_category_delete(Request *r);

/* Handlers: the publication worker (sandbox: tasks wait while paused) */
int admin_publication_get(Request *r);
int admin_publication_put(Request *r);	/* {"paused": true | false} */

/* Handlers: moderation, buyer simulation, settings */
int admin_moderation_queue(Request *r);
int admin_moderation_decide(Request *r);
int admin_simulate(Request *r);
int admin_setting_put(Request *r);

/* Handlers: subscription plans and the plan a seller holds (plans.c) */
int admin_plan_create(Request *r);
int admin_plan_list(Request *r);
int admin_plan_get(Request *r);
int admin_plan_replace(Request *r);
int admin_plan_delete(Request *r);
int admin_seller_plan_get(Request *r);
int admin_seller_plan_put(Request *r);

/* Handlers: the sandbox's buyer writes to a seller (messages.c) */
int admin_message_send(Request *r);

/* Handlers: a seller's money and the price table (money.c) */
int admin_money_get(Request *r);
int admin_money_top_up(Request *r);
int admin_money_postpaid(Request *r);
int admin_money_entries(Request *r);
int admin_prices_get(Request *r);
int admin_prices_put(Request *r);

/* Handlers: a listing's images on their way or refused (image_fetches.c) */
int admin_image_fetches(Request *r);

/* Handlers: account settings (accounts.c) */
int admin_user_business(Request *r);

/* Handlers: a seller's Wallapop webhooks, without their tokens (webhooks.c) */
int admin_webhooks_list(Request *r);
/* ... and one webhook's delivery log (webhook_deliveries.c) */
int admin_webhook_deliveries(Request *r);

/* Handlers: where a seller is (seller_place.c) */
int admin_user_place(Request *r);

#endif
