/* jwks.c -- GET /auth/oauth/jwks (RFC 7517): the public half of the key
 * that signs Allegro access tokens, and the RFC 8414 document that points
 * to it, so any client can verify a token. */
#include "allegro.h"

#include "../../core/auth/jwt.h"
#include "../oauth/oauth.h"

int allegro_jwks_get(Request *r)
{
	JwtPublicKey k;
	int rc = jwt_public_key(&r->ctx, &k);
	if (rc) return rc;
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "keys");
	jw_arr(&w);
	jw_obj(&w);
	jw_kstr(&w, "kty", "RSA");
	jw_kstr(&w, "use", "sig");
	jw_kstr(&w, "alg", "RS256");
	jw_kstr(&w, "kid", k.kid);
	jw_kstr(&w, "n", k.n);
	jw_kstr(&w, "e", k.e);
	jw_obj_end(&w);
	jw_arr_end(&w);
	jw_obj_end(&w);
	http_add_header(r, "Cache-Control", "public, max-age=3600");
	http_respond(r, 200, "application/jwk-set+json");
	return 0;
}

int allegro_metadata_get(Request *r)
{
	static const OAuthEndpoints allegro = {
		.issuer = ALLEGRO_OAUTH,
		.authorize = ALLEGRO_OAUTH "/authorize",
		.token = ALLEGRO_OAUTH "/token",
		.device = ALLEGRO_OAUTH "/device",
		.jwks = ALLEGRO_OAUTH "/jwks",
		.scopes = SCOPE_ALLEGRO,
	};
	oauth_metadata_write(r, &allegro);
	return 0;
}
