/* grant.h -- what the token grants of core/auth share (oauth.c, device.c):
 * how a grant reports, and the issuing of a new token family. Not for use
 * outside core/auth. */
#ifndef SOUK_AUTH_GRANT_H
#define SOUK_AUTH_GRANT_H

#include "oauth.h"

/* A grant runs inside oauth_token's transaction: fail set means "answer
 * this error"; keep that the transaction must still be committed (a
 * replay's revocations, a poll's time); revoked that it revoked tokens: the
 * token cache is dropped only after the commit, or another thread could
 * cache the still-valid rows again in between. */
typedef struct OAuthOutcome {
	OAuthError fail;
	bool keep;
	bool revoked;
} OAuthOutcome;

/* The client of in, authenticated, and allowed `grant` (GRANT_*) and some
 * of the policy's scopes: 0, or SOUK_EINVAL with *err. */
int oauth_client_check(Ctx *c, const TokenRequest *in, unsigned grant, App *app, OAuthError *err);

/* A new family with its first access token (and refresh token when the app
 * may refresh). */
int oauth_grant_issue(Ctx *c, const TokenRequest *in, const App *app, int64_t user_id,
	unsigned scopes, int64_t *family, TokenGrant *out);

/* The requested scope as a subset of `allowed`; absent: all of it. */
bool oauth_scope_pick(const char *requested, unsigned allowed, unsigned *out);

/* grant_type urn:ietf:params:oauth:grant-type:device_code (device.c). */
int oauth_grant_device_code(Ctx *c, const App *app, const TokenRequest *in, TokenGrant *out,
	OAuthOutcome *o);

#endif
