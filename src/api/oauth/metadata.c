/* metadata.c -- RFC 8414 authorization server metadata: where a client finds
 * a face's endpoints. Every URL starts with the configured public URL, one
 * fixed identifier whatever Host a request names (RFC 8414 section 3.3).
 * OLX's document is GET /.well-known/oauth-authorization-server; another
 * face's sits at its issuer's path after it (RFC 8414 section 3). */
#include "oauth.h"

#include "../../core/auth/scopes.h"
#include "../../core/site.h"

static void url_field(Request *r, JsonW *w, const char *base, const char *key, const char *path)
{
	if (path) jw_kstr(w, key, arena_printf(r->arena, "%s%s", base, path));
}

static void words(JsonW *w, const char *key, const char *const *list)
{
	jw_key(w, key);
	jw_arr(w);
	for (; *list; list++) jw_str(w, *list);
	jw_arr_end(w);
}

void oauth_metadata_write(Request *r, const OAuthEndpoints *e)
{
	static const char *const response_types[] = {"code", NULL};
	static const char *const grants[] = {"authorization_code", "client_credentials",
		"refresh_token", "urn:ietf:params:oauth:grant-type:device_code", NULL};
	static const char *const auth_methods[] = {"client_secret_basic", "client_secret_post", NULL};
	static const char *const pkce[] = {"S256", "plain", NULL};
	const char *base = site_url();
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	url_field(r, &w, base, "issuer", e->issuer);
	url_field(r, &w, base, "authorization_endpoint", e->authorize);
	url_field(r, &w, base, "token_endpoint", e->token);
	url_field(r, &w, base, "device_authorization_endpoint", e->device);
	url_field(r, &w, base, "jwks_uri", e->jwks);
	words(&w, "response_types_supported", response_types);
	jw_key(&w, "grant_types_supported");
	jw_arr(&w);
	for (int i = 0; grants[i]; i++)
		if (i < 3 || e->device) jw_str(&w, grants[i]);
	jw_arr_end(&w);
	words(&w, "token_endpoint_auth_methods_supported", auth_methods);
	words(&w, "code_challenge_methods_supported", pkce);
	jw_key(&w, "scopes_supported");
	jw_arr(&w);
	for (unsigned bit = 1; bit && bit <= e->scopes; bit <<= 1)
		if ((e->scopes & bit) && scopes_name(bit)) jw_str(&w, scopes_name(bit));
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
}

int oauth_metadata_get(Request *r)
{
	static const OAuthEndpoints olx = {
		.issuer = "", .authorize = "/oauth/authorize", .token = "/api/open/oauth/token",
		.scopes = SCOPE_OLX,
	};
	oauth_metadata_write(r, &olx);
	return 0;
}
