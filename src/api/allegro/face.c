/* face.c -- the Allegro face's conventions for the dispatcher: the Accept
 * rule, the error envelope of seed 004 and its OAuth2 short form for 401s. */
#include "allegro.h"

#include <string.h>
#include <strings.h>

#include "../faces.h"
#include "../oauth/oauth.h"

void allegro_begin(Request *r, JsonW *w)
{
	reply_json(r, w);
}

void allegro_done(Request *r, int status)
{
	http_respond(r, status, ALLEGRO_MEDIA);
}

static const char *code_for(int status)
{
	switch (status) {
	case 400: return "BadRequestException";
	case 403: return "AccessDenied";
	case 404: return "NotFoundException";
	case 405: return "MethodNotAllowedException";
	case 406: return "NotAcceptableException";
	case 413: return "PayloadTooLargeException";
	case 415: return "UnsupportedMediaTypeException";
	case 422: return "ValidationException";
	case 429: return "TooManyRequestsException";
	case 503: return "ServiceUnavailableException";
	}
	return status >= 500 ? "InternalServerErrorException" : "BadRequestException";
}

/* userMessage: for the application's user, in English unless the request
 * asks for Polish (Accept-Language: pl-PL). */
static const char *user_message(Request *r, int status)
{
	const char *lang = http_header(r, "Accept-Language");
	bool pl = lang && strncasecmp(lang, "pl", 2) == 0;
	if (status == 404)
		return pl ? "Funkcja niedostępna. Skontaktuj się z autorem aplikacji."
			  : "Function not available. Contact the application author.";
	if (status == 403)
		return pl ? "Brak dostępu do tego zasobu." : "You do not have access to this resource.";
	if (status >= 500)
		return pl ? "Wystąpił błąd. Spróbuj ponownie później."
			  : "An error occurred. Please try again later.";
	return pl ? "Żądanie zawiera błędne dane. Skontaktuj się z autorem aplikacji."
		  : "The request contains incorrect data. Contact the application author.";
}

void allegro_error_one(Request *r, int status, const char *code, const char *message,
	const char *path)
{
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "errors");
	jw_arr(&w);
	jw_obj(&w);
	jw_kstr(&w, "code", code);
	jw_kstr(&w, "message", message);
	jw_knull(&w, "details");
	jw_kstr(&w, "path", path);
	jw_kstr(&w, "userMessage", user_message(r, status));
	jw_obj_end(&w);
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, status);
}

void allegro_error(Request *r, int status, const char *detail)
{
	/* The seed's own example of a 404 says "Not found". */
	allegro_error_one(r, status, code_for(status), status == 404 ? "Not found" : detail, NULL);
}

/* Accept: none, any, or one of the face's versioned media types. */
static bool acceptable(const char *accept)
{
	if (!accept || !*accept) return true;
	return strstr(accept, "*/*") || strstr(accept, "application/*") ||
	       strstr(accept, "application/vnd.allegro.public.v1+json") ||
	       strstr(accept, "application/vnd.allegro.beta.v1+json");
}

static bool check(Request *r)
{
	if (acceptable(http_header(r, "Accept"))) return true;
	allegro_error_one(r, 406, "NotAcceptableException",
		"Not acceptable representation requested. Please check 'Accept' request header", NULL);
	return false;
}

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

const Face face_allegro = {
	.name = "allegro",
	.prefix = "/sale",
	.error = allegro_error,
	.check = check,
	.auth_error = auth_error,
	.bad_json = bad_json,
};

/* The sign-in endpoints speak RFC 6749 (and its error bodies) throughout. */
const Face face_allegro_oauth = {
	.name = "allegro-oauth",
	.prefix = ALLEGRO_OAUTH,
	.error = oauth_face_error,
	.auth_error = oauth_face_auth_error,
	.bad_json = oauth_face_bad_json,
};
