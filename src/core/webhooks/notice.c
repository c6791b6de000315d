/* notice.c -- the feed's events as Wallapop's notifications: which type an
 * event is, the body sent, and its signature. Pure.
 *
 * A listing's moves are told apart by where it went and why
 * (docs/ARCHITECTURE.md, "Event feed"): into active is ITEM_LISTED; into a
 * moderator's status (rejected, blocked, removed) ITEM_BANNED; ended as
 * sold SALE_COMPLETED; out of active otherwise (ended by the seller,
 * expired, held for verification) ITEM_INACTIVATED. Out of active into
 * moderation again is an edit being checked, not an inactivation.
 *
 * An edit (listing.changed) whose stock fell from units to none is
 * ITEM_OUT_OF_STOCK. Only a fall: a count that was not kept before (null)
 * and starts at 0, or stays at 0, ran out of nothing; 5 to 3 is still in
 * stock. The listing itself stays as it was: the core has no rule that
 * ends a listing for want of units, so it is the seller who then sells or
 * inactivates it (each its own notification). */
#include "deliver.h"

#include <json-c/json.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/buf.h"
#include "../events/events.h"
#include "../listing/advert_state.h"

static bool is(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static bool status_is(const char *name, AdvertStatus s)
{
	return is(name, advert_status_name(s));
}

/* A member of the event's payload (a JSON object the feed's writer made). */
static json_object *member(json_object *payload, const char *key)
{
	json_object *v;
	return payload && json_object_object_get_ex(payload, key, &v) ? v : NULL;
}

static bool member_is(json_object *payload, const char *key, const char *text)
{
	json_object *v = member(payload, key);
	return v && json_object_is_type(v, json_type_string) && is(json_object_get_string(v), text);
}

/* The stock member of an edit went from above 0 to 0. */
static bool ran_out(json_object *stock)
{
	json_object *old = member(stock, "old"), *now = member(stock, "new");
	return json_object_is_type(old, json_type_int) && json_object_is_type(now, json_type_int) &&
	       json_object_get_int64(old) > 0 && json_object_get_int64(now) == 0;
}

/* A status change's notification type, or -1. */
static int moved_type(const Event *e, json_object *payload)
{
	const char *to = e->to_status;
	if (status_is(to, ADVERT_MODERATED) || status_is(to, ADVERT_BLOCKED) ||
	    status_is(to, ADVERT_REMOVED_BY_MODERATOR))
		return WEBHOOK_ITEM_BANNED;
	if (status_is(to, ADVERT_ACTIVE))
		return status_is(e->from_status, ADVERT_ACTIVE) ? -1 : WEBHOOK_ITEM_LISTED;
	if (status_is(to, ADVERT_REMOVED_BY_USER) &&
	    member_is(payload, "end_reason", listing_end_reason_name(ADVERT_END_SOLD)))
		return WEBHOOK_SALE_COMPLETED;
	if (status_is(e->from_status, ADVERT_ACTIVE) && !status_is(to, ADVERT_NEW))
		return WEBHOOK_ITEM_INACTIVATED;
	return -1;
}

bool notice_of_event(const Event *e, Notice *out)
{
	int t = -1;
	*out = (Notice){.listing_id = e->listing_id, .occurred_ms = e->occurred_at * 1000};
	bool moved = is(e->type, event_type_name(EVENT_LISTING_STATUS_CHANGED));
	bool edited = is(e->type, event_type_name(EVENT_LISTING_CHANGED));
	bool message = is(e->type, event_type_name(EVENT_MESSAGE_CREATED));
	if (!moved && !edited && !message) return false;
	json_object *payload = json_tokener_parse(e->payload ? e->payload : "{}");
	if (moved) {
		t = moved_type(e, payload);
	} else if (edited) {
		if (ran_out(member(payload, "stock"))) t = WEBHOOK_ITEM_OUT_OF_STOCK;
	} else if (member_is(payload, "from", "buyer") &&
		   json_object_get_boolean(member(payload, "first"))) {
		/* The message that opened the thread: a seller never writes first. */
		t = WEBHOOK_CHAT_LEAD_CREATED;
		out->thread_id = json_object_get_int64(member(payload, "thread_id"));
		out->listing_id = json_object_get_int64(member(payload, "listing_id"));
	}
	json_object_put(payload);
	if (t < 0 || out->listing_id <= 0) return false;
	out->type = (WebhookEvent)t;
	return true;
}

const char *notice_body(Arena *a, const Notice *n, const char *id)
{
	char num[24];
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kstr(&w, "id", id);
	jw_kstr(&w, "type", webhook_event_name(n->type));
	jw_kint(&w, "occurred_on", n->occurred_ms);
	jw_key(&w, "data");
	jw_obj(&w);
	/* Ids as the items face writes them: the listing id in decimal. */
	snprintf(num, sizeof(num), "%lld", (long long)n->listing_id);
	jw_kstr(&w, "item_id", num);
	if (n->thread_id) {
		snprintf(num, sizeof(num), "%lld", (long long)n->thread_id);
		jw_kstr(&w, "conversation_id", num);
	}
	jw_obj_end(&w);
	jw_obj_end(&w);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static EVP_MAC *hmac;
static pthread_once_t hmac_once = PTHREAD_ONCE_INIT;

static void hmac_fetch(void)
{
	if (!(hmac = EVP_MAC_fetch(NULL, "HMAC", NULL))) abort();
}

void notice_sign(const char *token, const char *body, size_t len, int64_t ts_ms,
	char out[NOTICE_SIGNATURE_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	char ts[24], digest[] = "SHA256";
	int tn = snprintf(ts, sizeof(ts), ":%lld", (long long)ts_ms);
	unsigned char mac[32];
	size_t maclen = 0;
	OSSL_PARAM params[] = {
		OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
		OSSL_PARAM_construct_end(),
	};
	pthread_once(&hmac_once, hmac_fetch);
	/* The message is the body then ":<ts>", fed in two parts: the body is
	 * not copied. */
	EVP_MAC_CTX *h = EVP_MAC_CTX_new(hmac);
	if (!h || !EVP_MAC_init(h, (const unsigned char *)token, strlen(token), params) ||
	    !EVP_MAC_update(h, (const unsigned char *)body, len) ||
	    !EVP_MAC_update(h, (const unsigned char *)ts, (size_t)tn) ||
	    !EVP_MAC_final(h, mac, &maclen, sizeof(mac)) || maclen != sizeof(mac))
		abort();
	EVP_MAC_CTX_free(h);
	for (size_t i = 0; i < sizeof(mac); i++) {
		out[2 * i] = hex[mac[i] >> 4];
		out[2 * i + 1] = hex[mac[i] & 15];
	}
	out[NOTICE_SIGNATURE_LEN] = '\0';
}
