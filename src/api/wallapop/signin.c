/* signin.c -- Wallapop's token endpoint and its face: the grants are
 * core/auth's under oauth_policy_wallapop; this file words the refusals and
 * holds the User-Agent rule of seed 000. */
#include "wallapop.h"

#include <string.h>

#include "../faces.h"
#include "../oauth/oauth.h"
#include "../../core/site.h"

/* Seed 000: a request without a valid User-Agent is rejected. Only the
 * token endpoint and userinfo live under this face; the pages are web's. */
static bool user_agent_check(Request *r)
{
	const char *ua = http_header(r, "User-Agent");
	if (ua && ua[strspn(ua, " \t")]) return true;
	oauth_error_body(r, 400, "invalid_request",
		"The request has no User-Agent header. Make sure your request includes a valid "
		"User-Agent header.", NULL);
	return false;
}

/* Past the token endpoint's limit per address (the dispatcher has added
 * Retry-After). */
static void too_many(Request *r)
{
	oauth_error_body(r, 429, "temporarily_unavailable",
		"Too many token requests from this address: retry after the time in Retry-After", NULL);
}

const Face face_wallapop_oauth = {
	.name = "wallapop-oauth",
	.prefix = WALLAPOP_OIDC,
	.error = oauth_face_error,
	.check = user_agent_check,
	.auth_error = oauth_face_auth_error,
	.bad_json = oauth_face_bad_json,
	.too_many = too_many,
};

/* Clear words for each refusal; a code that was used or expired in the
 * FAQ's terms. A client that fails to authenticate is a 401. */
static void token_error(Request *r, OAuthError e)
{
	static const char *const said[OAUTH_ERROR_COUNT] = {
		[OAUTH_NO_GRANT_TYPE] = "Missing form parameter: grant_type",
		[OAUTH_UNSUPPORTED_GRANT] = "Unsupported grant_type",
		[OAUTH_BAD_CLIENT] = "Invalid client or Invalid client credentials",
		[OAUTH_CLIENT_INACTIVE] = "Client is not active",
		[OAUTH_GRANT_NOT_ALLOWED] = "The client is not registered for this grant type or for Wallapop",
		[OAUTH_NO_CODE] = "Missing parameter: code",
		[OAUTH_BAD_CODE] = "The authorization code is no longer valid: it was already used, it "
			"expired, or it was not issued to this client with a PKCE S256 challenge",
		[OAUTH_NO_VERIFIER] = "PKCE code verifier not specified",
		[OAUTH_BAD_VERIFIER] = "PKCE verification failed: code mismatch",
		[OAUTH_UNEXPECTED_VERIFIER] = "PKCE code verifier sent for a code issued without a challenge",
		[OAUTH_NO_REFRESH] = "Missing parameter: refresh_token",
		[OAUTH_BAD_REFRESH] = "The refresh token is no longer valid: it expired, was revoked or "
			"was already used",
		[OAUTH_BAD_SCOPE] = "Invalid scopes",
	};
	bool client = e == OAUTH_BAD_CLIENT || e == OAUTH_CLIENT_INACTIVE;
	oauth_error_say(r, e, client ? 401 : 400,
		e > OAUTH_OK && e < OAUTH_ERROR_COUNT ? said[e] : NULL, NULL);
}

int wallapop_token_post(Request *r)
{
	TokenFace face = {
		.policy = &oauth_policy_wallapop, .get = body_str, .error = token_error,
		.issuer = arena_printf(r->arena, "%s%s", site_url(), WALLAPOP_REALM),
	};
	return oauth_token_serve(r, &face);
}

/* OpenID Connect's userinfo, as the realm serves it: whose token this is. */
int wallapop_userinfo_get(Request *r)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "sub", arena_printf(r->arena, "%lld", (long long)r->principal.user_id));
	jw_obj_end(&w);
	http_add_header(r, "Cache-Control", "no-store");
	reply_json_done(r, 200);
	return 0;
}
