/* face.c -- the Wallapop face as the dispatcher sees it: every answer that
 * is not a success is the documents' Error, {code, message}, with the code
 * the status calls for where a handler names none. */
#include "wallapop.h"

#include "../faces.h"

static const char *code_for(int status)
{
	switch (status) {
	case 400: return WALLAPOP_INVALID_BODY;
	case 401:
	case 403: return WALLAPOP_UNAUTHORIZED;
	case 404: return "NOT_FOUND";
	case 405: return "METHOD_NOT_ALLOWED";
	case 413: return "PAYLOAD_TOO_LARGE";
	case 415: return "UNSUPPORTED_MEDIA_TYPE";
	case 429: return "TOO_MANY_REQUESTS";
	case 503: return "SERVICE_UNAVAILABLE";
	}
	return status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
}

void wallapop_error_code(Request *r, int status, const char *code, const char *message)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "code", code);
	jw_kstr(&w, "message", message);
	jw_obj_end(&w);
	reply_json_done(r, status);
}

void wallapop_error(Request *r, int status, const char *message)
{
	wallapop_error_code(r, status, code_for(status), message);
}

static void auth_error(Request *r, AuthFail why)
{
	if (why == AUTHFAIL_INVALID) {
		http_add_header(r, "WWW-Authenticate", "Bearer");
		wallapop_error(r, 401, "The access token is missing, invalid or expired");
		return;
	}
	wallapop_error(r, 403, why == AUTHFAIL_SCOPE ? "The access token was not issued for Wallapop Connect"
		: "This resource needs a token issued for a seller");
}

static void bad_json(Request *r)
{
	wallapop_error(r, 400, "The body is not well-formed JSON");
}

#define WALLAPOP_RESOURCES .name = "wallapop", .error = wallapop_error, .auth_error = auth_error, \
	.bad_json = bad_json, .scopes = SCOPE_WALLAPOP
const Face face_wallapop = {WALLAPOP_RESOURCES, .prefix = "/webhooks"};
