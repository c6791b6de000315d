/* face.c -- the OLX face: Version and Accept rules, error envelopes, and the
 * OAuth error bodies of seed 001 ("Troubleshooting", authorization errors). */
#include "olx.h"

#include <string.h>

#include "../../util/timefmt.h"
#include "../faces.h"

static const char *title_for(int status)
{
	switch (status) {
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 406: return "Not Acceptable";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 429: return "Too many requests";	/* the error catalogue's name */
	case 503: return "Service Unavailable";
	}
	return status >= 500 ? "Internal Server Error" : "Error";
}

static void error_object(JsonW *w, int status, const char *title, const char *detail)
{
	jw_key(w, "error");
	jw_obj(w);
	jw_kint(w, "status", status);
	jw_kstr(w, "title", title);
	jw_kstr(w, "detail", detail);
	jw_obj_end(w);
}

void olx_error(Request *r, int status, const char *detail)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	error_object(&w, status, title_for(status), detail);
	jw_obj_end(&w);
	reply_json_done(r, status);
}

void olx_validation_items(Request *r, const OlxItem *items, int n)
{
	JsonW w;
	bool attributes = false;
	for (int i = 0; i < n; i++) attributes |= strcmp(items[i].field, "attributes") == 0;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "error");
	jw_obj(&w);
	jw_kint(&w, "status", 400);
	/* The seed's attribute error (publishing error 7) alone carries "code". */
	if (attributes) jw_kint(&w, "code", 400);
	jw_kstr(&w, "title", "Invalid request");
	jw_kstr(&w, "detail", "Data validation error occurred");
	jw_key(&w, "validation");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "field", items[i].field);
		jw_kstr(&w, "title", items[i].title);
		if (items[i].detail) jw_kstr(&w, "detail", items[i].title);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 400);
}

void olx_validation_error(Request *r, const char *field, const char *title)
{
	OlxItem it = {.field = field, .title = title};
	olx_validation_items(r, &it, 1);
}

/* Some errors of the seed come inside a "data" wrapper; these are written
 * exactly as the seed shows them. */
static void wrapped_error(Request *r, int status, const char *detail)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "data");
	jw_obj(&w);
	error_object(&w, status, title_for(status), detail);
	jw_obj_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, status);
}

void olx_data_begin(Request *r, JsonW *w)
{
	reply_json(r, w);
	jw_obj(w);
	jw_key(w, "data");
}

void olx_data_end(Request *r, JsonW *w, int status)
{
	jw_obj_end(w);
	reply_json_done(r, status);
}

static bool accepts_json(const char *accept)
{
	if (!accept || !*accept) return true;
	return strstr(accept, "application/json") || strstr(accept, "*/*") ||
	       strstr(accept, "application/*");
}

static bool check(Request *r)
{
	const char *v = http_header(r, "Version");
	if (!v) {
		wrapped_error(r, 400, "Missing required 'Version' header!");
		return false;
	}
	if (strcmp(v, "2.0") != 0 && strcmp(v, "2") != 0) {
		JsonW w;
		reply_json(r, &w);
		jw_obj(&w);
		jw_key(&w, "error");
		jw_obj(&w);
		jw_kstr(&w, "type", "NotFoundException");
		jw_kstr(&w, "message", "Unsupported API version");
		jw_obj_end(&w);
		jw_obj_end(&w);
		reply_json_done(r, 404);
		return false;
	}
	if (!accepts_json(http_header(r, "Accept"))) {
		olx_error(r, 406, "The server can only answer with application/json");
		return false;
	}
	return true;
}

static void oauth_style(Request *r, int status, const char *error, const char *desc,
	const char *human)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "error", error);
	jw_kstr(&w, "error_description", desc);
	if (human) jw_kstr(&w, "error_human_title", human);
	jw_obj_end(&w);
	reply_json_done(r, status);
}

static void auth_error(Request *r, AuthFail why)
{
	switch (why) {
	case AUTHFAIL_INVALID:
		http_add_header(r, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
		oauth_style(r, 401, "invalid_token", "The access token provided is invalid", NULL);
		return;
	case AUTHFAIL_SCOPE:
		http_add_header(r, "WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
		oauth_style(r, 401, "insufficient_scope",
			"The request requires higher privileges than provided by the access token",
			"Insufficient scope.");
		return;
	case AUTHFAIL_NOT_USER:
		olx_error(r, 400, "Invalid owner in token");
		return;
	}
}

void olx_syntax_error(Request *r)
{
	wrapped_error(r, 400, "Error while decoding JSON data: Syntax error");
}

/* The error catalogue of the OLX document: "Too many requests", 429, "Too
 * many requests hit the API too quickly". */
static void too_many(Request *r)
{
	olx_error(r, 429, "Too many requests hit the API too quickly");
}

const Face face_olx = {
	.name = "olx",
	.prefix = "/api/partner",
	.error = olx_error,
	.check = check,
	.auth_error = auth_error,
	.bad_json = olx_syntax_error,
	.too_many = too_many,
	/* The document names no rate headers; souk sends them so integrations
	 * can pace themselves (clients ignore headers they do not know). */
	.rate_headers = true,
	.scopes = SCOPE_OLX,
};

void olx_time(JsonW *w, const char *key, int64_t t)
{
	char s[TIMEFMT_LEN];
	timefmt_utc(t, s);
	/* Digits, '-', ' ' and ':' only: nothing to escape. */
	jw_key(w, key);
	jw_str_plain(w, s, TIMEFMT_LEN - 1);
}
