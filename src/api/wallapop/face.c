/* face.c -- the Wallapop face as the dispatcher sees it: every refusal, the
 * dispatcher's included, in the documents' Error shape {code, message} with
 * a code of their lists, and only Wallapop's tokens (SCOPE_WALLAPOP) let
 * through. One face for both documents' servers, which have no prefix:
 * /items (face_wallapop) and /webhooks (face_wallapop_webhooks) differ only
 * in what an unknown id is called. */
#include "wallapop.h"

#include "../faces.h"

void wallapop_error(Request *r, int status, const char *code, const char *message)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "code", code);
	jw_kstr(&w, "message", message);
	jw_obj_end(&w);
	reply_json_done(r, status);
}

/* The document's codes name what is wrong with a request, not HTTP's
 * classes: a status the list has no word for (405, 413, 415, 429) is
 * worded in the message and coded as the request's fault. The document
 * lists no answer from a server in trouble; those keep the same shape. */
static const char *code_of(int status)
{
	switch (status) {
	case 401: case 403: return WALLAPOP_UNAUTHORIZED;
	case 404: return "INVALID_ITEM_ID";
	case 409: return "INVALID_STATUS";
	default: return WALLAPOP_INVALID_BODY;
	}
}

static void face_error(Request *r, int status, const char *detail)
{
	wallapop_error(r, status, code_of(status), detail);
}

/* The webhooks document lists no body for its 404: an unknown webhook is
 * named as the items document names an unknown item. */
static void webhooks_error(Request *r, int status, const char *detail)
{
	wallapop_error(r, status, status == 404 ? WALLAPOP_NO_WEBHOOK : code_of(status), detail);
}

static void auth_error(Request *r, AuthFail why)
{
	switch (why) {
	case AUTHFAIL_INVALID:
		http_add_header(r, "WWW-Authenticate", http_header(r, "Authorization") ?
			"Bearer error=\"invalid_token\"" : "Bearer realm=\"wallapop-connect\"");
		wallapop_error(r, 401, WALLAPOP_UNAUTHORIZED,
			"The access token is missing, expired or revoked: sign the user in again or refresh it");
		return;
	case AUTHFAIL_SCOPE:
		wallapop_error(r, 403, WALLAPOP_UNAUTHORIZED,
			"This token was not issued for Wallapop Connect: use a token of a Wallapop app");
		return;
	case AUTHFAIL_NOT_USER:
		wallapop_error(r, 403, WALLAPOP_UNAUTHORIZED, "This resource needs a token issued for a user");
		return;
	}
}

static void bad_json(Request *r)
{
	wallapop_error(r, 400, WALLAPOP_INVALID_BODY, "The body is not a well-formed JSON document");
}

static void too_many(Request *r)
{
	wallapop_error(r, 429, WALLAPOP_INVALID_BODY,
		"Too many requests for this user (Wallapop allows 36 a second): retry after the seconds in Retry-After");
}

#define WALLAPOP_FACE .name = "wallapop", .auth_error = auth_error, .bad_json = bad_json, \
	.too_many = too_many, .scopes = SCOPE_WALLAPOP
const Face face_wallapop = {WALLAPOP_FACE, .prefix = "/items", .error = face_error};
const Face face_wallapop_webhooks = {WALLAPOP_FACE, .prefix = "/webhooks", .error = webhooks_error};
