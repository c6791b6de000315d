/* jwt.h -- the marketplace's signing key and the access tokens it signs as
 * JWTs (RS256, RFC 7519), for the faces whose clients read their tokens.
 *
 * The RSA key is generated on first start and kept in the settings table as
 * PEM; its private half is never served. The public half is published as a
 * JWK (RFC 7517) with its RFC 7638 thumbprint as "kid", so anyone can check
 * a token's signature. souk itself recognises its tokens by the digest of the
 * whole string (core/auth/auth.c), so revocation acts on a JWT at once. */
#ifndef SOUK_JWT_H
#define SOUK_JWT_H

#include <stdint.h>

#include "../ctx.h"

#define JWT_MAX 2048		/* longest token jwt_sign writes */
#define JWT_ID_LEN 32		/* hex characters of a jti */

/* What a token says about itself. */
typedef struct JwtClaims {
	const char *issuer;	/* "iss"; NULL: left out */
	int64_t user_id;	/* "user_name" as a string; 0: a client token, left out */
	const char *client_id;	/* "client_id" */
	unsigned scopes;	/* "scope": an array of names */
	const char *jti;	/* "jti" */
	int64_t issued_at;	/* "iat" */
	int64_t expires_at;	/* "exp" */
} JwtClaims;

/* The published half of the key, base64url. */
typedef struct JwtPublicKey {
	const char *kid, *n, *e;
} JwtPublicKey;

/* Loads the key, creating it when the marketplace has none; call outside a
 * transaction (it may open one). Later calls are free. */
int jwt_key_ensure(Ctx *c);
/* Writes the signed token into out (JWT_MAX + 1); SOUK_ESTORE when the key
 * cannot be had or used. */
int jwt_sign(Ctx *c, const JwtClaims *claims, char *out, size_t outlen);
/* The public key, for the JWKS document. */
int jwt_public_key(Ctx *c, JwtPublicKey *out);

#endif
