/* webhooks.h -- the webhook registry: the URLs a seller's app registers to be
 * told of events, the event types each one is subscribed to, and its signing
 * token. A webhook belongs to one seller and the app acting for them; any
 * other caller finds nothing (SOUK_ENOTFOUND).
 *
 * The signing token is an HMAC key that deliveries need in clear and the
 * seller reads back, so it cannot be kept as a digest: it is drawn from the
 * CSPRNG and stored sealed (util/crypto's crypto_seal) under the registry's
 * key, which the settings hold and webhooks_key_load reads at start. A
 * deleted webhook keeps its row with the token wiped, so that records
 * referring to it (deliveries) stay valid; every function here skips it. */
#ifndef SOUK_WEBHOOKS_H
#define SOUK_WEBHOOKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../actor.h"
#include "../ctx.h"

/* Limits (documented in the README) */
#define WEBHOOKS_PER_OWNER_MAX 20	/* live webhooks of one seller through one app */
#define WEBHOOK_URL_MAX 2048		/* bytes of a URL */
#define WEBHOOK_ID_LEN 36		/* a UUID, the public id */
#define WEBHOOK_TOKEN_LEN 64		/* characters of a token, [A-Za-z0-9] */

/* The event types of Wallapop's document (EventType), in its order. A
 * webhook's subscription is a set of them (bit 1u << type). */
typedef enum WebhookEvent {
	WEBHOOK_SALE_COMPLETED = 0,
	WEBHOOK_ITEM_BANNED,
	WEBHOOK_ITEM_OUT_OF_STOCK,
	WEBHOOK_ITEM_INACTIVATED,
	WEBHOOK_ITEM_LISTED,
	WEBHOOK_ITEM_RETURNED,
	WEBHOOK_DELIVERY_REQUEST_STARTED,
	WEBHOOK_DELIVERY_REQUEST_CANCELLED,
	WEBHOOK_DELIVERY_REQUEST_FAILED,
	WEBHOOK_DELIVERY_REQUEST_EXPIRED,
	WEBHOOK_TRANSACTION_CREATED,
	WEBHOOK_DISPUTE_CREATED,
	WEBHOOK_DISPUTE_QUALITY_CHECK_STARTED,
	WEBHOOK_DISPUTE_QUALITY_CHECK_EXPIRED,
	WEBHOOK_DISPUTE_QUALITY_CHECK_APPROVED_BY_SELLER,
	WEBHOOK_DISPUTE_ISSUE_REPORTED_BY_SELLER,
	WEBHOOK_DISPUTE_CANCELLED_BY_WALLAPOP,
	WEBHOOK_CHAT_LEAD_CREATED,
	WEBHOOK_EVENT_COUNT
} WebhookEvent;

/* Webhook (model.h) is what the registry gives: strings in the caller's
 * arena, token in clear where a function says so, else NULL. */

/* Event types (pure) */
const char *webhook_event_name(WebhookEvent e);		/* "ITEM_LISTED" */
/* The type named name, or -1. */
int webhook_event_parse(const char *name);

/* Pure rules: 0, or SOUK_EINVAL with a sentence in err. A URL must be an
 * absolute http or https URL with a host, at most WEBHOOK_URL_MAX bytes,
 * without spaces or control characters; it is kept exactly as given. */
int webhook_url_check(const char *url, char *err, size_t errlen);

/* At start, before any request or job: loads the sealing key, creating it
 * on the marketplace's first start. */
int webhooks_key_load(Ctx *c);

/* --- The seller's app (who: ACTOR_USER with user_id and app_id) ---------- */

/* Registers url for events (non-empty): SOUK_EINVAL (detail in c),
 * SOUK_ELIMIT past WEBHOOKS_PER_OWNER_MAX. out has the clear token. */
int webhook_create(Ctx *c, const Actor *who, const char *url, uint32_t events, Webhook *out);
/* The caller's webhooks, oldest first, with clear tokens. */
int webhook_list(Ctx *c, const Actor *who, Webhook **out, int *n);
/* One of the caller's webhooks by public id, token NULL (SOUK_ENOTFOUND). */
int webhook_find(Ctx *c, const Actor *who, const char *uid, Webhook *out);
/* Replaces url and events (checked as by webhook_create). */
int webhook_update(Ctx *c, const Actor *who, const char *uid, const char *url, uint32_t events);
int webhook_delete(Ctx *c, const Actor *who, const char *uid);
/* A new token replaces the old one at once; out has it in clear. Two
 * rotations racing each leave one token: the one stored last, which its
 * caller was given. */
int webhook_token_rotate(Ctx *c, const Actor *who, const char *uid, Webhook *out);

/* --- The delivery worker --------------------------------------------------- */

/* The live webhooks of seller user_id (through any app) subscribed to
 * event, in the order they were created (id ascending), with clear tokens.
 * *n may be 0. */
int webhooks_for_event(Ctx *c, int64_t user_id, WebhookEvent event, Webhook **out, int *n);
/* One live webhook by row id with its current clear token (a delivery
 * retried after a rotation is signed with the new token); SOUK_ENOTFOUND
 * once deleted. */
int webhook_by_id(Ctx *c, int64_t id, Webhook *out);

/* --- The operator ---------------------------------------------------------- */

/* A seller's live webhooks through every app, oldest first, without their
 * tokens (SOUK_ENOTFOUND: no such user). */
int webhooks_of_seller(Ctx *c, int64_t user_id, Webhook **out, int *n);

#endif
