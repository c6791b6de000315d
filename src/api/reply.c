#include "reply.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

void reply_json(Request *r, JsonW *w)
{
	buf_reset(&r->out);
	jw_init(w, &r->out);
}

void reply_json_done(Request *r, int status)
{
	http_respond(r, status, "application/json");
}

void reply_images(JsonW *w, const Advert *ad)
{
	jw_key(w, "images");
	jw_arr(w);
	for (int i = 0; i < ad->nimages; i++) {
		jw_obj(w);
		jw_kstr(w, "url", ad->images[i].url);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void reply_quota_limits(JsonW *w, const QuotaLimit *l, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		bool bounded = l[i].total != QUOTA_NO_LIMIT;
		jw_obj(w);
		jw_key(w, "total");
		if (bounded) jw_int(w, l[i].total);
		else jw_null(w);
		jw_kint(w, "used", l[i].used);
		/* A limit lowered below what runs has no place left, not fewer. */
		jw_key(w, "available");
		if (bounded) jw_int(w, l[i].total > l[i].used ? l[i].total - l[i].used : 0);
		else jw_null(w);
		jw_key(w, "category_ids");
		jw_arr(w);
		for (int k = 0; k < l[i].ncategories; k++) jw_int(w, l[i].category_ids[k]);
		jw_arr_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void reply_error(Request *r, int status, const char *detail)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "error");
	jw_obj(&w);
	jw_kint(&w, "status", status);
	jw_kstr(&w, "detail", detail);
	jw_obj_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, status);
}

const char *body_str(Request *r, const char *name)
{
	if (!r->json) return http_form(r, name);
	json_object *v;
	if (!json_object_object_get_ex(r->json, name, &v) || !v) return NULL;
	switch (json_object_get_type(v)) {
	case json_type_string:
	case json_type_int:
	case json_type_double:
	case json_type_boolean:
		return arena_strdup(r->arena, json_object_get_string(v));
	default:
		return NULL;
	}
}

static bool parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char *end;
	if (!s || !*s || *s == ' ' || *s == '+') return false;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max) return false;
	*out = v;
	return true;
}

bool query_int(Request *r, const char *name, int64_t def, int64_t min, int64_t max, int64_t *out)
{
	const char *s = http_query(r, name);
	if (!s) {
		*out = def;
		return true;
	}
	return parse_int(s, min, max, out);
}

bool param_id(Request *r, int i, int64_t *out)
{
	return parse_int(http_param(r, i), 1, INT64_MAX, out);
}
