/* token.c -- POST /api/open/oauth/token: client authentication (body or
 * HTTP Basic), then one of the three grants of core/oauth under OLX's
 * policy. oauth_token_serve is the endpoint's body for every face that has
 * one; the faces differ by policy, where parameters come from, and wording. */
#include "oauth.h"

#include <string.h>
#include <strings.h>

#include "../../util/errors.h"
#include "../../core/auth/oauth.h"
#include "../../util/form.h"

static int b64val(char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+') return 62;
	if (c == '/') return 63;
	return -1;
}

bool oauth_basic_decode(Arena *a, const char *header, const char **id, const char **secret)
{
	if (!header || strncasecmp(header, "Basic ", 6) != 0) return false;
	const char *s = header + 6;
	while (*s == ' ') s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ') n--;
	if (n == 0 || n > 2048) return false;

	char *raw = arena_alloc(a, n + 1);
	size_t len = 0, pad = 0;
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '=') {
			pad++;
			continue;
		}
		int v = b64val(s[i]);
		if (v < 0 || pad) return false;	/* nothing may follow padding */
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			raw[len++] = (char)((acc >> bits) & 0xff);
		}
	}
	if (pad > 2 || ((n - pad) % 4 == 1)) return false;
	raw[len] = '\0';
	if (memchr(raw, '\0', len)) return false;
	const char *colon = memchr(raw, ':', len);
	if (!colon) return false;
	return form_decode(a, raw, (size_t)(colon - raw), id) &&
	       form_decode(a, colon + 1, len - (size_t)(colon - raw) - 1, secret);
}

/* OLX: a day-long access token handed back while it lives; a refresh token
 * renewed at most once a day and valid thirty days. */
static const OAuthPolicy olx_policy = {
	.scopes = SCOPE_OLX, .access_ttl = 86400, .refresh_ttl = 2592000,
	.rotate_after = 86400, .keep_access = true, .jwt = false,
};

const char *oauth_error_code(OAuthError e)
{
	static const char *const codes[OAUTH_ERROR_COUNT] = {
		[OAUTH_NO_GRANT_TYPE] = "invalid_request", [OAUTH_UNSUPPORTED_GRANT] = "unsupported_grant_type",
		[OAUTH_BAD_CLIENT] = "invalid_client", [OAUTH_CLIENT_INACTIVE] = "invalid_client",
		[OAUTH_GRANT_NOT_ALLOWED] = "unauthorized_client", [OAUTH_NO_CODE] = "invalid_request",
		[OAUTH_BAD_CODE] = "invalid_grant", [OAUTH_NO_VERIFIER] = "invalid_grant",
		[OAUTH_BAD_VERIFIER] = "invalid_grant", [OAUTH_UNEXPECTED_VERIFIER] = "invalid_grant",
		[OAUTH_NO_REFRESH] = "invalid_request", [OAUTH_BAD_REFRESH] = "invalid_grant",
		[OAUTH_BAD_SCOPE] = "invalid_scope", [OAUTH_NO_DEVICE_CODE] = "invalid_request",
		[OAUTH_BAD_DEVICE_CODE] = "invalid_grant", [OAUTH_PENDING] = "authorization_pending",
		[OAUTH_SLOW_DOWN] = "slow_down", [OAUTH_ACCESS_DENIED] = "access_denied",
		[OAUTH_EXPIRED_TOKEN] = "expired_token",
	};
	return e > OAUTH_OK && e < OAUTH_ERROR_COUNT ? codes[e] : NULL;
}

void oauth_error_say(Request *r, OAuthError e, int status, const char *description, const char *human)
{
	const char *code = oauth_error_code(e);
	if (!code || !description) {
		oauth_error_body(r, 500, "server_error", "Internal Server Error", NULL);
		return;
	}
	oauth_error_body(r, status, code, description, human);
}

/* Seed 001's words; only an inactive client is a 401 there. */
static void token_error(Request *r, OAuthError e)
{
	static const char *const said[OAUTH_ERROR_COUNT][2] = {
		[OAUTH_NO_GRANT_TYPE] = {"The grant type was not specified in the request"},
		[OAUTH_UNSUPPORTED_GRANT] = {"The authorization grant type is not supported by the authorization server"},
		[OAUTH_BAD_CLIENT] = {"The client credentials are invalid"},
		[OAUTH_CLIENT_INACTIVE] = {"Client is not active"},
		[OAUTH_GRANT_NOT_ALLOWED] = {"The grant type is unauthorized for this client_id", "Unauthorized client."},
		[OAUTH_NO_CODE] = {"Missing parameter: \"code\" is required"},
		[OAUTH_BAD_CODE] = {"Authorization code doesn't exist or is invalid for the client"},
		[OAUTH_NO_VERIFIER] = {"Missing parameter: \"code_verifier\" is required"},
		[OAUTH_BAD_VERIFIER] = {"The code_verifier does not match the code_challenge"},
		[OAUTH_UNEXPECTED_VERIFIER] = {"A code_verifier was sent but the authorization request had no code_challenge"},
		[OAUTH_NO_REFRESH] = {"Missing parameter: \"refresh_token\" is required"},
		[OAUTH_BAD_REFRESH] = {"Invalid refresh token", "Provided authorization credentials are invalid or expired."},
		[OAUTH_BAD_SCOPE] = {"The scope requested is invalid for this client"},
	};
	bool known = e > OAUTH_OK && e < OAUTH_ERROR_COUNT;
	oauth_error_say(r, e, e == OAUTH_CLIENT_INACTIVE ? 401 : 400, known ? said[e][0] : NULL, known ? said[e][1] : NULL);
}

/* A form body whose fields repeat or do not decode is refused whole: RFC
 * 6749 3.2 forbids repeating a parameter, and a broken escape read as an
 * absent field would turn into some other, misleading error. */
bool oauth_form_refused(Request *r)
{
	if (r->json) return false;
	const Form *f = http_form_fields(r);
	const char *dup = form_repeated(f);
	if (!dup && !f->malformed) return false;
	oauth_error_body(r, 400, "invalid_request", dup
		? arena_printf(r->arena, "Parameter \"%s\" was sent more than once", dup)
		: "The request body is not valid form data", NULL);
	return true;
}

int oauth_token_post(Request *r)
{
	static const TokenFace olx = {.policy = &olx_policy, .get = body_str, .error = token_error};
	return oauth_token_serve(r, &olx);
}

bool oauth_client_basic(Request *r, TokenRequest *in)
{
	const char *auth = http_header(r, "Authorization"), *id, *secret;
	if (auth && strncasecmp(auth, "Basic ", 6) == 0) {
		/* One authentication method per request (RFC 6749 2.3): a body
		 * client_id must name the same client, a body secret is refused. */
		if (!oauth_basic_decode(r->arena, auth, &id, &secret) || in->client_secret ||
		    (in->client_id && strcmp(in->client_id, id) != 0)) {
			if (in->grant_type && *in->grant_type) return false;
		} else {
			in->client_id = id;
			in->client_secret = secret;
		}
	}
	return true;
}

int oauth_token_serve(Request *r, const TokenFace *f)
{
	if (oauth_form_refused(r)) return 0;
	TokenRequest in = {
		.policy = f->policy,
		.issuer = f->issuer,
		.grant_type = f->get(r, "grant_type"),
		.client_id = f->get(r, "client_id"),
		.client_secret = f->get(r, "client_secret"),
		.scope = f->get(r, "scope"),
		.code = f->get(r, "code"),
		.redirect_uri = f->get(r, "redirect_uri"),
		.code_verifier = f->get(r, "code_verifier"),
		.refresh_token = f->get(r, "refresh_token"),
		.device_code = f->get(r, "device_code"),
	};
	if (!oauth_client_basic(r, &in)) {
		f->error(r, OAUTH_BAD_CLIENT);
		return 0;
	}
	TokenGrant g;
	OAuthError e;
	int rc = oauth_token(&r->ctx, &in, &g, &e);
	if (rc == SOUK_EINVAL) {
		f->error(r, e);
		return 0;
	}
	if (rc) return rc;

	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "access_token", g.access_token);
	jw_kint(&w, "expires_in", g.expires_in);
	jw_kstr(&w, "token_type", "bearer");
	jw_kstr(&w, "scope", g.scope);
	if (g.refresh_token[0]) jw_kstr(&w, "refresh_token", g.refresh_token);
	jw_obj_end(&w);
	http_add_header(r, "Cache-Control", "no-store");
	http_add_header(r, "Pragma", "no-cache");
	reply_json_done(r, 200);
	return 0;
}
