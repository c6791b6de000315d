/* metadata.c -- GET /.well-known/oauth-authorization-server (RFC 8414): where
 * a client finds the endpoints. The issuer is the configured public URL, one
 * fixed identifier whatever Host a request names (RFC 8414 section 3.3). */
#include "oauth.h"

#include "../../core/site.h"

int oauth_metadata_get(Request *r)
{
	const char *base = site_url();
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "issuer", base);
	jw_kstr(&w, "authorization_endpoint", arena_printf(r->arena, "%s/oauth/authorize", base));
	jw_kstr(&w, "token_endpoint", arena_printf(r->arena, "%s/api/open/oauth/token", base));
	jw_key(&w, "response_types_supported");
	jw_arr(&w);
	jw_str(&w, "code");
	jw_arr_end(&w);
	jw_key(&w, "grant_types_supported");
	jw_arr(&w);
	jw_str(&w, "authorization_code");
	jw_str(&w, "client_credentials");
	jw_str(&w, "refresh_token");
	jw_arr_end(&w);
	jw_key(&w, "token_endpoint_auth_methods_supported");
	jw_arr(&w);
	jw_str(&w, "client_secret_basic");
	jw_str(&w, "client_secret_post");
	jw_arr_end(&w);
	jw_key(&w, "code_challenge_methods_supported");
	jw_arr(&w);
	jw_str(&w, "S256");
	jw_str(&w, "plain");
	jw_arr_end(&w);
	jw_key(&w, "scopes_supported");
	jw_arr(&w);
	jw_str(&w, "v2");
	jw_str(&w, "read");
	jw_str(&w, "write");
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
