/* face.c -- the token endpoint's face: every answer on /api/open/oauth,
 * including the dispatcher's (404, 405, 413, 415, bad JSON), is an RFC 6749
 * error body {"error", "error_description"}. */
#include "oauth.h"

#include "../faces.h"

void oauth_error_body(Request *r, int status, const char *code, const char *description,
	const char *human)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "error", code);
	jw_kstr(&w, "error_description", description);
	if (human) jw_kstr(&w, "error_human_title", human);
	jw_obj_end(&w);
	http_add_header(r, "Cache-Control", "no-store");
	reply_json_done(r, status);
}

void oauth_face_error(Request *r, int status, const char *detail)
{
	const char *code = "invalid_request";
	if (status == 404) code = "not_found";
	else if (status == 405) code = "method_not_allowed";
	else if (status == 503) code = "temporarily_unavailable";
	else if (status >= 500) code = "server_error";
	oauth_error_body(r, status, code, detail, NULL);
}

void oauth_face_auth_error(Request *r, AuthFail why)
{
	(void)why;
	oauth_error_body(r, 401, "invalid_token", "The access token provided is invalid", NULL);
}

/* An empty body without a content type is a request that names no grant. */
void oauth_face_bad_json(Request *r)
{
	if (r->body.len == 0)
		oauth_error_body(r, 400, "invalid_request",
			"The grant type was not specified in the request", NULL);
	else
		oauth_error_body(r, 400, "invalid_request", "The request body is not valid JSON", NULL);
}

void oauth_face_too_many(Request *r)
{
	oauth_error_body(r, 429, "too_many_requests", "Too many requests hit the API too quickly",
		"Too many requests.");
}

const Face face_oauth = {
	.name = "oauth",
	.prefix = "/api/open/oauth",
	.error = oauth_face_error,
	.auth_error = oauth_face_auth_error,
	.bad_json = oauth_face_bad_json,
	.too_many = oauth_face_too_many,
};
