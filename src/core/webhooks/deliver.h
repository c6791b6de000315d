/* deliver.h -- webhook delivery, exactly as Wallapop sends them: the one
 * event feed mapped onto Wallapop's notification types, fanned out to the
 * webhooks that subscribe (a queue in the store: one delivery per webhook
 * and notification, enqueued in the transaction that moves the feed's
 * cursor), and sent by a runner of its own, never a request thread.
 *
 * A delivery is a POST of {id, type, occurred_on, data} to the webhook's
 * URL (its query string kept), signed: X-Wallapop-Timestamp (epoch ms, new
 * on each attempt) and X-Wallapop-Signature, the HMAC-SHA256 of
 * "<raw body>:<timestamp>" under the webhook's token, in lowercase hex.
 * A 2xx is delivered; anything else is tried again with exponential
 * backoff on the marketplace clock, for DELIVER_GIVE_UP seconds before it
 * is abandoned; a later notification about an item waits while an earlier
 * one to the same webhook is pending. Every attempt is logged. */
#ifndef SOUK_DELIVER_H
#define SOUK_DELIVER_H

#include <stdbool.h>
#include <stddef.h>

#include "../ctx.h"
#include "../jobs.h"
#include "webhooks.h"

/* --- Notifications (pure) ------------------------------------------------- */

/* Of Wallapop's types (webhooks.h's WebhookEvent) the marketplace raises
 * ITEM_LISTED (a listing starts running), ITEM_INACTIVATED (a running one
 * stops: the seller, expiry, held for verification), ITEM_BANNED
 * (moderation rejected, blocked or removed it), SALE_COMPLETED (the seller
 * marked it sold) and CHAT_LEAD_CREATED (a buyer's first message in a
 * thread) and ITEM_OUT_OF_STOCK (an edit took a listing's stock from
 * units to 0; the listing stays as it was). The shipping and dispute
 * types need transactions it does not have: webhooks may subscribe to
 * them, nothing raises them. */
typedef struct Notice {
	WebhookEvent type;
	int64_t listing_id;		/* the item */
	int64_t thread_id;		/* CHAT_LEAD_CREATED: the conversation; else 0 */
	int64_t occurred_ms;		/* marketplace time, epoch milliseconds */
} Notice;

/* Which notification a feed event is: true and *out, or false for an
 * event Wallapop has no type for (content edits other than a stock run
 * out, reservations, categories, a seller's reply). */
bool notice_of_event(const Event *e, Notice *out);

/* The body as sent: {"id", "type", "occurred_on", "data": {"item_id", ...}};
 * id names the notification (the same on every attempt). */
const char *notice_body(Arena *a, const Notice *n, const char *id);

/* X-Wallapop-Signature: lowercase hex HMAC-SHA256 (OpenSSL) of
 * "<body>:<ts_ms>" keyed by the token. */
#define NOTICE_SIGNATURE_LEN 64
void notice_sign(const char *token, const char *body, size_t len, int64_t ts_ms,
	char out[NOTICE_SIGNATURE_LEN + 1]);

/* --- Retries (pure) -------------------------------------------------------- */

#define DELIVER_BACKOFF_FIRST 30		/* seconds after the first failure */
#define DELIVER_BACKOFF_MAX 3600		/* the longest wait between attempts */
#define DELIVER_GIVE_UP (24 * 3600)		/* tried this long, then abandoned */

/* Seconds to wait after a delivery's attempts-th failure (1, 2, ...). */
int64_t deliver_backoff(int attempts);
/* Whether a failure at now, of a delivery enqueued at created_at, ends it. */
bool deliver_gives_up(int64_t created_at, int64_t now);

/* --- The runner ------------------------------------------------------------ */

/* One batch each, as the job runner calls them: events after the cursor
 * become deliveries; due deliveries are sent (at most the
 * webhooks.concurrency setting at once, each within webhooks.timeout_ms). */
int deliver_job_fanout(Ctx *c);
int deliver_job_send(Ctx *c);

/* The delivery runner: a job runner of its own, so a receiver that hangs
 * holds back no other job. */
int deliver_start(int tick_ms);
void deliver_stop(void);

/* --- The log --------------------------------------------------------------- */

/* A webhook's deliveries, newest first, each with its attempts: up to
 * limit of them before the delivery id `before` (0: the newest). The
 * caller has checked whose webhook it is. */
int deliver_log(Ctx *c, int64_t webhook_id, int64_t before, int limit,
	WebhookDelivery **out, int *n);

#endif
