/* token.c -- POST /auth/oauth/token and POST /auth/oauth/device (RFC 8628)
 * for Allegro's clients: the client by HTTP Basic (or client_id and
 * client_secret), the parameters in a form body or in the query string with
 * an empty body, as several Allegro clients send them. The grants are
 * core/auth's, under Allegro's policy. */
#include "allegro.h"

#include "../oauth/oauth.h"
#include "../../core/site.h"
#include "../../util/errors.h"
#include "../faces.h"

/* Allegro: 12-hour JWT access tokens (expires_in 43199); every refresh
 * returns a new pair and ends the previous access token; a refresh token
 * lives three months. */
static const OAuthPolicy allegro_policy = {
	.scopes = SCOPE_ALLEGRO, .access_ttl = 43199, .refresh_ttl = 7776000,
	.rotate_after = 0, .keep_access = false, .jwt = true, .device = true,
};

/* A form field, else a query parameter. */
static const char *param(Request *r, const char *name)
{
	const char *v = http_form(r, name);
	return v ? v : http_query(r, name);
}

/* Allegro's words (Spring Security's, as its clients see them); a client
 * that fails to authenticate is a 401 with the Basic challenge. */
static void token_error(Request *r, OAuthError e)
{
	static const char *const said[OAUTH_ERROR_COUNT] = {
		[OAUTH_NO_GRANT_TYPE] = "Missing grant type",
		[OAUTH_UNSUPPORTED_GRANT] = "Unsupported grant type",
		[OAUTH_BAD_CLIENT] = "Bad client credentials",
		[OAUTH_CLIENT_INACTIVE] = "Client is not active",
		[OAUTH_GRANT_NOT_ALLOWED] = "The client is not registered for this grant type or these scopes",
		[OAUTH_NO_CODE] = "An authorization code must be supplied.",
		[OAUTH_BAD_CODE] = "Invalid authorization code",
		[OAUTH_NO_VERIFIER] = "Missing code verifier",
		[OAUTH_BAD_VERIFIER] = "Invalid code verifier",
		[OAUTH_UNEXPECTED_VERIFIER] = "A code verifier was sent for a code issued without a challenge",
		[OAUTH_NO_REFRESH] = "Missing refresh token",
		[OAUTH_BAD_REFRESH] = "Invalid refresh token",
		[OAUTH_BAD_SCOPE] = "Invalid scope",
		/* RFC 8628 3.5: the device's polls */
		[OAUTH_NO_DEVICE_CODE] = "Missing device code",
		[OAUTH_BAD_DEVICE_CODE] = "Invalid device code",
		[OAUTH_PENDING] = "The user has not yet confirmed the code",
		[OAUTH_SLOW_DOWN] = "Polling too often: wait the interval, now five seconds longer",
		[OAUTH_ACCESS_DENIED] = "The user denied the authorization",
		[OAUTH_EXPIRED_TOKEN] = "The device code has expired: start the authorization again",
	};
	bool client = e == OAUTH_BAD_CLIENT || e == OAUTH_CLIENT_INACTIVE;
	if (client) http_add_header(r, "WWW-Authenticate", "Basic realm=\"oauth\"");
	oauth_error_say(r, e, client ? 401 : 400, e > OAUTH_OK && e < OAUTH_ERROR_COUNT ? said[e] : NULL, NULL);
}

int allegro_token_post(Request *r)
{
	TokenFace face = {
		.policy = &allegro_policy, .get = param, .error = token_error,
		.issuer = arena_printf(r->arena, "%s%s", site_url(), ALLEGRO_OAUTH),
	};
	return oauth_token_serve(r, &face);
}

/* The device authorization request: the codes, where the user confirms
 * the short one (the page web/device.c serves), and how often to poll. */
int allegro_device_post(Request *r)
{
	if (oauth_form_refused(r)) return 0;
	TokenRequest in = {
		.policy = &allegro_policy,
		.grant_type = OAUTH_DEVICE_GRANT,
		.client_id = param(r, "client_id"),
		.client_secret = param(r, "client_secret"),
		.scope = param(r, "scope"),
	};
	if (!oauth_client_basic(r, &in)) {
		token_error(r, OAUTH_BAD_CLIENT);
		return 0;
	}
	DeviceStart d;
	OAuthError e;
	int rc = oauth_device_start(&r->ctx, &in, &d, &e);
	if (rc == SOUK_EINVAL) {
		token_error(r, e);
		return 0;
	}
	if (rc) return rc;
	const char *page = arena_printf(r->arena, "%s%s", site_url(), DEVICE_PAGE_PATH);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "device_code", d.device_code);
	jw_kstr(&w, "user_code", d.user_code);
	jw_kstr(&w, "verification_uri", page);
	jw_kstr(&w, "verification_uri_complete",
		arena_printf(r->arena, "%s?user_code=%s", page, d.user_code));
	jw_kint(&w, "expires_in", d.expires_in);
	jw_kint(&w, "interval", d.interval);
	jw_obj_end(&w);
	http_add_header(r, "Cache-Control", "no-store");
	reply_json_done(r, 200);
	return 0;
}
