/* adverts.c -- the OLX advert endpoints: list, create, get, replace, delete,
 * commands, moderation reason and statistics. The core checks an advert
 * with OLX's limits (rules_map.c), and every failure is answered with the
 * seed's exact body. */
#include "olx.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/listing/adverts.h"
#include "../../core/money/goods.h"
#include "../../util/errors.h"

#define LIST_DEFAULT 10
#define LIST_MAX 1000

static Actor actor_of(Request *r)
{
	Actor a = {
		.kind = r->principal.user_id ? ACTOR_USER : ACTOR_APP,
		.user_id = r->principal.user_id,
		.app_id = r->principal.app_id,
		/* OLX has no drafts: one saved through another face is not an
		 * OLX advert until it is submitted (docs/ARCHITECTURE.md). */
		.drafts_hidden = true,
	};
	return a;
}

/* Every core failure of this face, answered in the seed's words. */
static int fail(Request *r, int rc, const Violations *vs)
{
	if (vs && vs->n > 0 && (rc == SOUK_EINVAL || rc == SOUK_EDENIED || rc == SOUK_ESTATE)) {
		olx_validation(r, vs);
		return 0;
	}
	switch (rc) {
	case SOUK_EINVAL:
		olx_error(r, 400, r->ctx.err ? r->ctx.err : "Bad Request");
		return 0;
	case SOUK_ENOTFOUND:
		olx_error(r, 404, "Advert not found");
		return 0;
	case SOUK_EDENIED:
		olx_validation_error(r, "ad", "You are not the owner of this ad");
		return 0;
	case SOUK_ESTATE:
		olx_validation_error(r, "ad", "Invalid status");
		return 0;
	}
	return rc;
}

static bool advert_id(Request *r, int64_t *id)
{
	if (param_id(r, 0, id)) return true;
	olx_error(r, 404, "Advert not found");
	return false;
}

/* What every handler of one advert starts from: the advert named in the
 * path, the caller acting on it and room for the core's violations. */
typedef struct AdvertCall {
	int64_t id;
	Actor who;
	Violations vs;
} AdvertCall;

/* false when the path names no advert (answered 404). Only the count of
 * violations is set: zeroing 64 entries cost more than the rest of a GET. */
static bool advert_call(Request *r, AdvertCall *call)
{
	call->vs.n = 0;
	call->who = actor_of(r);
	return advert_id(r, &call->id);
}

/* Loads the caller's advert named in the path, or answers why not:
 * 1 loaded, 0 answered, < 0 failed. */
static int owned_advert(Request *r, Advert *ad)
{
	AdvertCall a;
	if (!advert_call(r, &a)) return 0;
	int rc = advert_get_owned(&r->ctx, &a.who, a.id, &a.vs, ad);
	return rc ? fail(r, rc, &a.vs) : 1;
}

/* The answer of a command that worked: 204, no body. */
static int no_content(Request *r)
{
	buf_reset(&r->out);
	http_respond(r, 204, NULL);
	return 0;
}

static void respond_advert(Request *r, const Advert *ad, int status)
{
	JsonW w;
	/* One allocation for a typical advert (about 1 KiB) instead of growing
	 * the answer by doubling from 256 bytes. */
	buf_reserve(&r->out, 2048);
	olx_data_begin(r, &w);
	olx_advert_write(r, &w, ad);
	olx_data_end(r, &w, status);
}

/* POST /adverts and PUT /adverts/{id} share everything but the core call. */
static int write_advert(Request *r, int64_t id)
{
	AdvertInput in;
	Violations vs = {0};
	OlxAdvertBody body;
	Actor who = actor_of(r);
	Advert out;

	olx_advert_parse(r, &in, &vs, &body);
	if (body.syntax) {
		olx_syntax_error(r);
		return 0;
	}
	int rc = id ? advert_replace(&r->ctx, &who, id, &in, &vs, &out)
		    : advert_create(&r->ctx, &who, &in, &vs, &out);
	if (rc == SOUK_EINVAL && vs.n > 0) {
		olx_answer_violations(r, &vs, &body);
		return 0;
	}
	if (rc) return fail(r, rc, &vs);
	respond_advert(r, &out, 200);
	return 0;
}

int olx_adverts_create(Request *r)
{
	return write_advert(r, 0);
}

int olx_adverts_replace(Request *r)
{
	int64_t id;
	if (!advert_id(r, &id)) return 0;
	return write_advert(r, id);
}

int olx_adverts_get(Request *r)
{
	Advert ad;
	MoneyFeature *f;
	int n, rc = owned_advert(r, &ad);
	if (rc <= 0) return rc;
	/* The advert with the paid features it runs (core/money). */
	if ((rc = features_running(&r->ctx, &ad, &f, &n)) != 0) return rc;
	JsonW w;
	buf_reserve(&r->out, 2048);
	olx_data_begin(r, &w);
	olx_advert_write_with(r, &w, &ad, f, n);
	olx_data_end(r, &w, 200);
	return 0;
}

Actor olx_actor(Request *r)
{
	return actor_of(r);
}

int olx_advert_owned(Request *r, Advert *ad)
{
	return owned_advert(r, ad);
}

int olx_no_content(Request *r)
{
	return no_content(r);
}

/* "1,2, 3" -> ids; false on anything else. */
static bool parse_ids(Request *r, const char *s, int64_t **ids, int *n)
{
	int cap = 1;
	for (const char *p = s; *p; p++) cap += *p == ',';
	*ids = arena_alloc(r->arena, sizeof(int64_t) * (size_t)cap);
	*n = 0;
	while (*s) {
		char *end;
		while (*s == ' ') s++;
		long long v = strtoll(s, &end, 10);
		if (end == s || v <= 0) return false;
		(*ids)[(*n)++] = v;
		s = end;
		while (*s == ' ') s++;
		if (*s == ',') s++;
		else if (*s) return false;
	}
	return true;
}

static void link(Request *r, JsonW *w, const char *rel, int64_t offset, int64_t limit)
{
	Buf href = {0};
	buf_printf(&href, "/api/partner/adverts?offset=%lld&limit=%lld", (long long)offset,
		(long long)limit);
	const char *q;
	if ((q = http_query(r, "external_id"))) {
		buf_puts(&href, "&external_id=");
		buf_urlenc(&href, q);
	}
	if ((q = http_query(r, "category_ids"))) {
		buf_puts(&href, "&category_ids=");
		buf_urlenc(&href, q);
	}
	jw_key(w, rel);
	jw_obj(w);
	jw_kstr(w, "href", buf_cstr(&href));
	jw_obj_end(w);
	buf_free(&href);
}

int olx_adverts_list(Request *r)
{
	int64_t offset, limit, total, *cats = NULL;
	int ncats = 0, n;
	Actor who = actor_of(r);
	Advert *list;

	if (!query_int(r, "offset", 0, 0, INT32_MAX, &offset) ||
	    !query_int(r, "limit", LIST_DEFAULT, 1, LIST_MAX, &limit)) {
		olx_validation_error(r, !query_int(r, "offset", 0, 0, INT32_MAX, &offset) ? "offset" : "limit",
			"Invalid value");
		return 0;
	}
	const char *c = http_query(r, "category_ids");
	if (c && *c && !parse_ids(r, c, &cats, &ncats)) {
		olx_validation_error(r, "category_ids", "Invalid value");
		return 0;
	}
	int rc = advert_list(&r->ctx, &who, http_query(r, "external_id"), cats, ncats, offset, limit,
		&list, &n, &total);
	if (rc) return fail(r, rc, NULL);

	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "data");
	jw_arr(&w);
	for (int i = 0; i < n; i++) olx_advert_write(r, &w, &list[i]);
	jw_arr_end(&w);
	jw_key(&w, "metadata");
	jw_obj(&w);
	jw_kint(&w, "total_elements", total);
	jw_obj_end(&w);
	jw_key(&w, "links");
	jw_obj(&w);
	link(r, &w, "self", offset, limit);
	if (offset + limit < total) link(r, &w, "next", offset + limit, limit);
	if (offset > 0) link(r, &w, "previous", offset > limit ? offset - limit : 0, limit);
	jw_obj_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

int olx_adverts_delete(Request *r)
{
	AdvertCall a;

	if (!advert_call(r, &a)) return 0;
	int rc = advert_delete(&r->ctx, &a.who, a.id, &a.vs);
	return rc ? fail(r, rc, &a.vs) : no_content(r);
}

int olx_adverts_command(Request *r)
{
	static const struct { const char *name; AdvertCommand cmd; } commands[] = {
		{"activate", ADVERT_CMD_ACTIVATE}, {"deactivate", ADVERT_CMD_DEACTIVATE},
		{"finish", ADVERT_CMD_FINISH}, {"extend", ADVERT_CMD_EXTEND},
	};
	AdvertCall a;
	json_object *cmd = NULL, *succ = NULL;

	if (!advert_call(r, &a)) return 0;
	if (!json_object_is_type(r->json, json_type_object)) {
		olx_syntax_error(r);
		return 0;
	}
	json_object_object_foreach(r->json, key, val) {
		(void)val;
		if (strcmp(key, "command") != 0 && strcmp(key, "is_success") != 0) {
			olx_syntax_error(r);
			return 0;
		}
	}
	json_object_object_get_ex(r->json, "command", &cmd);
	json_object_object_get_ex(r->json, "is_success", &succ);
	size_t i = 0;
	const char *name = cmd && json_object_is_type(cmd, json_type_string) ? json_object_get_string(cmd) : "";
	while (i < sizeof(commands) / sizeof(commands[0]) && strcmp(commands[i].name, name) != 0) i++;
	if (i == sizeof(commands) / sizeof(commands[0])) {
		olx_validation_error(r, "command", "Invalid value");
		return 0;
	}
	if (succ && !json_object_is_type(succ, json_type_boolean)) {
		olx_validation_error(r, "is_success", "Invalid value");
		return 0;
	}
	if (commands[i].cmd == ADVERT_CMD_DEACTIVATE && !succ) {
		olx_validation_error(r, "is_success", "This value should not be blank.");
		return 0;
	}
	int rc = advert_command(&r->ctx, &a.who, a.id, commands[i].cmd, succ && json_object_get_boolean(succ), &a.vs);
	return rc ? fail(r, rc, &a.vs) : no_content(r);
}

/* The caller's advert named in the path with the answer's data object
 * opened for it: 1, or as owned_advert when it cannot be had. */
static int owned_object(Request *r, Advert *ad, JsonW *w)
{
	int rc = owned_advert(r, ad);
	if (rc <= 0) return rc;
	olx_data_begin(r, w);
	jw_obj(w);
	return 1;
}

static int object_done(Request *r, JsonW *w)
{
	jw_obj_end(w);
	olx_data_end(r, w, 200);
	return 0;
}

int olx_adverts_moderation_reason(Request *r)
{
	Advert ad;
	JsonW w;
	int rc = owned_object(r, &ad, &w);
	if (rc <= 0) return rc;
	/* The reason as the e-mail to the seller says it, in HTML. */
	Buf html = {0};
	if (ad.moderation_reason) {
		buf_puts(&html, "<p>");
		buf_html(&html, ad.moderation_reason);
		buf_puts(&html, "</p>");
	}
	jw_kstr(&w, "email_notification", buf_cstr(&html));
	buf_free(&html);
	return object_done(r, &w);
}

int olx_adverts_statistics(Request *r)
{
	Advert ad;
	JsonW w;
	int rc = owned_object(r, &ad, &w);
	if (rc <= 0) return rc;
	jw_kint(&w, "advert_views", ad.advert_views);
	jw_kint(&w, "phone_views", ad.phone_views);
	jw_kint(&w, "users_observing", ad.users_observing);
	return object_done(r, &w);
}

int olx_adverts_statistics_clear(Request *r)
{
	AdvertCall a;
	const char *name = http_param(r, 1);
	int which;

	if (!advert_call(r, &a)) return 0;
	if (strcmp(name, "advert-views") == 0) which = COUNTER_ADVERT_VIEWS;
	else if (strcmp(name, "phone-views") == 0) which = COUNTER_PHONE_VIEWS;
	else {
		olx_error(r, 404, "Statistic not found");
		return 0;
	}
	int rc = advert_clear_counter(&r->ctx, &a.who, a.id, which, &a.vs);
	return rc ? fail(r, rc, &a.vs) : no_content(r);
}

static void write_logo(JsonW *w, const Logo *l)
{
	jw_obj(w);
	jw_kint(w, "id", l->id);
	jw_kstr(w, "url", l->url);
	jw_obj_end(w);
}

int olx_adverts_logos(Request *r)
{
	AdvertCall a;
	Logo *list;
	int n;

	if (!advert_call(r, &a)) return 0;
	int rc = advert_logos(&r->ctx, &a.who, a.id, &a.vs, &list, &n);
	if (rc) return fail(r, rc, &a.vs);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) write_logo(&w, &list[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_adverts_logo_add(Request *r)
{
	AdvertCall a;
	json_object *url;
	Logo logo;

	if (!advert_call(r, &a)) return 0;
	if (!json_object_is_type(r->json, json_type_object) || json_object_object_length(r->json) != 1 ||
	    !json_object_object_get_ex(r->json, "url", &url)) {
		olx_syntax_error(r);
		return 0;
	}
	if (!json_object_is_type(url, json_type_string)) {
		olx_validation_error(r, "url", "Invalid value");
		return 0;
	}
	int rc = advert_logo_add(&r->ctx, &a.who, a.id, json_object_get_string(url), &a.vs, &logo);
	if (rc == SOUK_EINVAL && a.vs.n > 0) {
		/* A logo is checked as an image and refused in the images' words. */
		olx_answer_violations(r, &a.vs, NULL);
		return 0;
	}
	if (rc) return fail(r, rc, &a.vs);
	logo.url = arena_strdup(r->arena, logo.url);
	JsonW w;
	olx_data_begin(r, &w);
	write_logo(&w, &logo);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_adverts_logo_delete(Request *r)
{
	AdvertCall a;
	int64_t logo_id;

	if (!advert_call(r, &a)) return 0;
	if (!param_id(r, 1, &logo_id)) {
		olx_error(r, 404, "Logo not found");
		return 0;
	}
	int rc = advert_logo_delete(&r->ctx, &a.who, a.id, logo_id, &a.vs);
	if (rc == SOUK_ENOTFOUND && violations_has_rule(&a.vs, RULE_NOT_FOUND, "logo")) {
		olx_error(r, 404, "Logo not found");
		return 0;
	}
	return rc ? fail(r, rc, &a.vs) : no_content(r);
}
