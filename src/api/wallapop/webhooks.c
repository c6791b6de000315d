/* webhooks.c -- Wallapop's webhooks document: POST, GET /webhooks, PUT and
 * DELETE /webhooks/{webhookId}, PATCH /webhooks/{webhookId}/token over
 * core/webhooks. A webhook is the signed-in seller's through this app;
 * anyone else's is a 404. */
#include "wallapop.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/webhooks/webhooks.h"
#include "../../util/errors.h"

static Actor seller(Request *r)
{
	return (Actor){.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
}

/* WebhookRequest: {url, events}. false after answering 400. */
static bool read_request(Request *r, const char **url, uint32_t *events)
{
	json_object *u, *e;
	if (!json_object_is_type(r->json, json_type_object)) {
		wallapop_error(r, 400, WALLAPOP_INVALID_BODY, "The body must be a JSON object with url and events");
		return false;
	}
	if (!json_object_object_get_ex(r->json, "url", &u) || !json_object_is_type(u, json_type_string)) {
		wallapop_error(r, 400, WALLAPOP_INVALID_BODY, "url is required and must be a string");
		return false;
	}
	*url = json_object_get_string(u);
	if (strlen(*url) != (size_t)json_object_get_string_len(u)) {
		wallapop_error(r, 400, WALLAPOP_INVALID_BODY, "url must be an absolute http or https URL with a host");
		return false;
	}
	if (!json_object_object_get_ex(r->json, "events", &e) || !json_object_is_type(e, json_type_array) ||
	    json_object_array_length(e) == 0) {
		wallapop_error(r, 400, WALLAPOP_INVALID_BODY, "events is required: a non-empty array of event types");
		return false;
	}
	*events = 0;
	size_t n = json_object_array_length(e);
	for (size_t i = 0; i < n; i++) {
		json_object *v = json_object_array_get_idx(e, i);
		int t = json_object_is_type(v, json_type_string) ? webhook_event_parse(json_object_get_string(v)) : -1;
		if (t < 0) {
			wallapop_error(r, 400, WALLAPOP_INVALID_BODY,
				arena_printf(r->arena, "events[%zu] is not one of the event types (EventType)", i));
			return false;
		}
		*events |= 1u << t;
	}
	return true;
}

/* A failed core call: a rule broken is 400, another's webhook 404. */
static int fail(Request *r, int rc)
{
	switch (rc) {
	case SOUK_EINVAL:
	case SOUK_ELIMIT:
		wallapop_error(r, 400, WALLAPOP_INVALID_BODY, r->ctx.err ? r->ctx.err : "Invalid webhook");
		return 0;
	case SOUK_ENOTFOUND:
	case SOUK_EDENIED:
		wallapop_error(r, 404, WALLAPOP_NO_WEBHOOK, "No webhook with this id");
		return 0;
	}
	return rc;
}

/* CreateWebhookResponse and WebhookTokenUpdatedResponse: {id, token}. */
static void id_token(Request *r, const Webhook *w)
{
	JsonW wr;
	reply_json(r, &wr);
	jw_obj(&wr);
	jw_kstr(&wr, "id", w->uid);
	jw_kstr(&wr, "token", w->token);
	jw_obj_end(&wr);
	http_add_header(r, "Cache-Control", "no-store");
	reply_json_done(r, 200);
}

static void events_array(JsonW *w, uint32_t events)
{
	jw_arr(w);
	for (int t = 0; t < WEBHOOK_EVENT_COUNT; t++)
		if (events & (1u << t)) jw_str(w, webhook_event_name((WebhookEvent)t));
	jw_arr_end(w);
}

int wallapop_webhooks_create(Request *r)
{
	const char *url;
	uint32_t events;
	Webhook w;
	if (!read_request(r, &url, &events)) return 0;
	Actor who = seller(r);
	int rc = webhook_create(&r->ctx, &who, url, events, &w);
	if (rc) return fail(r, rc);
	id_token(r, &w);
	return 0;
}

/* FindWebhookResponse[], oldest first; events in the document's order. */
int wallapop_webhooks_list(Request *r)
{
	Webhook *list;
	int n;
	Actor who = seller(r);
	int rc = webhook_list(&r->ctx, &who, &list, &n);
	if (rc) return fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "id", list[i].uid);
		jw_kstr(&w, "url", list[i].url);
		jw_kstr(&w, "token", list[i].token);
		jw_key(&w, "events");
		events_array(&w, list[i].events);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	http_add_header(r, "Cache-Control", "no-store");
	reply_json_done(r, 200);
	return 0;
}

int wallapop_webhooks_update(Request *r)
{
	const char *url;
	uint32_t events;
	if (!read_request(r, &url, &events)) return 0;
	Actor who = seller(r);
	int rc = webhook_update(&r->ctx, &who, http_param(r, 0), url, events);
	if (rc) return fail(r, rc);
	http_respond(r, 204, NULL);
	return 0;
}

int wallapop_webhooks_delete(Request *r)
{
	Actor who = seller(r);
	int rc = webhook_delete(&r->ctx, &who, http_param(r, 0));
	if (rc) return fail(r, rc);
	http_respond(r, 204, NULL);
	return 0;
}

int wallapop_webhooks_token(Request *r)
{
	Webhook w;
	Actor who = seller(r);
	int rc = webhook_token_rotate(&r->ctx, &who, http_param(r, 0), &w);
	if (rc) return fail(r, rc);
	id_token(r, &w);
	return 0;
}
