/* face.c -- the Allegro face as the dispatcher sees it: its header rule
 * (conventions.c), the JSON media types a body may carry, its error
 * writers (errors.c) and the OAuth2 short form of 401s (seed 004). */
#include "allegro.h"

#include <string.h>
#include <strings.h>

#include "../faces.h"
#include "../oauth/oauth.h"

static void short_form(Request *r, const char *error, const char *description)
{
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "error", error);
	jw_kstr(&w, "error_description", description);
	jw_obj_end(&w);
	allegro_done(r, 401);
}

static void auth_error(Request *r, AuthFail why)
{
	switch (why) {
	case AUTHFAIL_INVALID:
		/* The seed's example for a request without a token; a token that is
		 * unknown, expired or revoked is RFC 6750's invalid_token. */
		if (!http_header(r, "Authorization")) {
			http_add_header(r, "WWW-Authenticate", "Bearer realm=\"allegro\"");
			short_form(r, "unauthorized",
				"Full authentication is required to access this resource");
		} else {
			http_add_header(r, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
			short_form(r, "invalid_token", "Invalid access token");
		}
		return;
	case AUTHFAIL_SCOPE:
		allegro_error_one(r, 403, "AccessDenied", "Access is denied", NULL);
		return;
	case AUTHFAIL_NOT_USER:
		allegro_error_one(r, 403, "AccessDenied",
			"Access is denied: this resource needs a token with user context", NULL);
		return;
	}
}

static void bad_json(Request *r)
{
	allegro_error_one(r, 400, "BadRequestException", "Malformed JSON body", NULL);
}

/* One face per version of the document: a route belongs to the one whose
 * media type the document lists for its resource, and takes, answers in
 * and names in a 415 that type only (plain application/json is another
 * representation). A route the document lists in both would get a face
 * of both. */
#define ALLEGRO_RESOURCES .name = "allegro", .error = allegro_error, .check = allegro_check, \
	.auth_error = auth_error, .bad_json = bad_json, .scopes = SCOPE_ALLEGRO
const Face face_allegro = {ALLEGRO_RESOURCES, .prefix = "/sale", .json_types = allegro_public_v1};
const Face face_allegro_beta = {ALLEGRO_RESOURCES, .json_types = allegro_beta_v1};

/* Past the sign-in endpoints' limit per address: the OAuth form, as every
 * answer of theirs (oauth_face_too_many). */
static void oauth_too_many(Request *r)
{
	oauth_error_body(r, 429, "too_many_requests", "Too many requests. Try again later.", NULL);
}

/* The sign-in endpoints speak RFC 6749 (and its error bodies) throughout. */
const Face face_allegro_oauth = {
	.name = "allegro-oauth",
	.prefix = ALLEGRO_OAUTH,
	.error = oauth_face_error,
	.auth_error = oauth_face_auth_error,
	.bad_json = oauth_face_bad_json,
	.too_many = oauth_too_many,
};
