/* oauth.h -- the marketplace's OAuth2 authorization server, shared by every
 * face: authorize-request checks, authorization codes (single use, PKCE), the
 * token grants with OLX's refresh rules, consents (linked apps) and the login
 * sessions of the pages.
 *
 * Codes, tokens and session ids are random hex handed out once and stored as
 * SHA-256 only (access tokens of a JWT policy are signed JWTs, stored the same
 * way). Failures of the token endpoint come back as an OAuthError; the face
 * that speaks the protocol picks status and wording. The rules are one set:
 * where OLX and Allegro differ (lifetimes, rotation, token format, scopes),
 * the face passes an OAuthPolicy. Knows no HTTP. */
#ifndef SOUK_OAUTH_H
#define SOUK_OAUTH_H

#include <stdbool.h>

#include "../ctx.h"
#include "jwt.h"
#include "scopes.h"

#define OAUTH_TOKEN_LEN 40		/* hex characters of a code, access or refresh token */
#define OAUTH_ACCESS_MAX JWT_MAX	/* longest access token: a signed JWT */
#define OAUTH_SESSION_LEN 64		/* hex characters of a login session id */
#define OAUTH_REFRESH_GRACE 60		/* a replaced refresh token answers as its
					   successor this long, until that is used */
#define OAUTH_CODE_TTL 600		/* authorization code: ten minutes */
#define OAUTH_SESSION_TTL 43200		/* login session of the pages: twelve hours */

/* Why the token endpoint refused a request. */
typedef enum OAuthError {
	OAUTH_OK = 0,
	OAUTH_NO_GRANT_TYPE,		/* invalid_request */
	OAUTH_UNSUPPORTED_GRANT,	/* unsupported_grant_type */
	OAUTH_BAD_CLIENT,		/* invalid_client: unknown id or wrong secret */
	OAUTH_CLIENT_INACTIVE,		/* invalid_client */
	OAUTH_GRANT_NOT_ALLOWED,	/* unauthorized_client */
	OAUTH_NO_CODE,			/* invalid_request */
	OAUTH_BAD_CODE,			/* invalid_grant: unknown, used, expired, other client, redirect */
	OAUTH_NO_VERIFIER,		/* invalid_grant: PKCE verifier missing */
	OAUTH_BAD_VERIFIER,		/* invalid_grant: PKCE verifier wrong or malformed */
	OAUTH_UNEXPECTED_VERIFIER,	/* invalid_grant: verifier without a challenge */
	OAUTH_NO_REFRESH,		/* invalid_request */
	OAUTH_BAD_REFRESH,		/* invalid_grant: unknown, expired, revoked or reused */
	OAUTH_BAD_SCOPE,		/* invalid_scope */
} OAuthError;

/* How a face's tokens live. */
typedef struct OAuthPolicy {
	unsigned scopes;	/* the face's scopes: its tokens carry no others, and an
				   app with none of them may not use its endpoint */
	int64_t access_ttl;	/* seconds an access token lives */
	int64_t refresh_ttl;	/* seconds a refresh token lives from its issue */
	int64_t rotate_after;	/* a refresh token younger than this comes back
				   unchanged; 0: every refresh returns a new one */
	bool keep_access;	/* a refresh while the access token lives returns it;
				   false: a new one, which ends the previous */
	bool jwt;		/* access tokens are signed JWTs (jwt.h) */
} OAuthPolicy;

/* Token endpoint */
typedef struct TokenRequest {
	const OAuthPolicy *policy;
	const char *issuer;	/* "iss" of JWT access tokens; NULL: none */
	const char *grant_type;
	const char *client_id, *client_secret;
	const char *scope;
	const char *code, *redirect_uri, *code_verifier;	/* authorization_code */
	const char *refresh_token;				/* refresh_token */
} TokenRequest;

typedef struct TokenGrant {
	char access_token[OAUTH_ACCESS_MAX + 1];
	int64_t expires_in;
	char scope[SCOPES_TEXT_MAX];
	char refresh_token[OAUTH_TOKEN_LEN + 1];	/* "" when the app has no refresh grant */
} TokenGrant;

/* 0 and *out filled; SOUK_EINVAL with *err set; or a store error. */
int oauth_token(Ctx *c, const TokenRequest *in, TokenGrant *out, OAuthError *err);

/* Authorization endpoint */
typedef struct AuthorizeRequest {
	const char *client_id, *response_type, *redirect_uri, *scope, *state;
	const char *code_challenge, *code_challenge_method;
	unsigned face_scopes;	/* without `scope`, the app's scopes of this face */
} AuthorizeRequest;

typedef struct Authorization {
	App app;
	const char *redirect_uri;	/* the effective redirect URI */
	bool redirect_explicit;		/* the request named it */
	unsigned scopes;		/* what the app asks for */
	const char *challenge, *challenge_method;	/* PKCE, or NULL */
	/* Set when the request must be refused by redirecting back to the
	 * client: an RFC 6749 error code ("invalid_scope", ...). */
	const char *error;
} Authorization;

/* 0 with *out filled (out->error may be set: redirect it to the client);
 * SOUK_ENOTFOUND for an unknown or inactive client and SOUK_EINVAL for a
 * redirect URI that may not be used: never redirect those; detail in ctx. */
int oauth_authorize_check(Ctx *c, const AuthorizeRequest *in, Authorization *out);
/* Whether the user's remembered consent already covers the request. */
bool oauth_consent_covers(Ctx *c, int64_t user_id, const Authorization *az);
/* Records the consent and issues a code for it. */
int oauth_code_issue(Ctx *c, const Authorization *az, int64_t user_id,
	char code[OAUTH_TOKEN_LEN + 1]);
/* The client and redirect URI of an unused, unexpired code (for the demo
 * callback page); SOUK_ENOTFOUND otherwise. */
int oauth_code_peek(Ctx *c, const char *code, const char **client_id, const char **redirect_uri);

/* Linked apps */
int oauth_consent_list(Ctx *c, int64_t user_id, Consent **out, int *n);
/* Forgets the consent and revokes every token the app holds for the user. */
int oauth_consent_revoke(Ctx *c, int64_t user_id, const char *client_id);

/* Login sessions of the pages */
int oauth_session_start(Ctx *c, int64_t user_id, char sid[OAUTH_SESSION_LEN + 1]);
/* SOUK_ENOTFOUND for an unknown or expired session. */
int oauth_session_user(Ctx *c, const char *sid, int64_t *user_id);
int oauth_session_end(Ctx *c, const char *sid);

/* Pure rules (unit tested) */
/* RFC 7636: 43-128 characters of [A-Za-z0-9-._~]. */
bool oauth_pkce_valid(const char *s);
/* Whether verifier answers challenge under method ("S256" or "plain"). */
bool oauth_pkce_verify(const char *method, const char *challenge, const char *verifier);
/* The redirect URI to use: the requested one when registered; with none
 * requested, the app's only one. NULL when it may not be used. */
const char *oauth_redirect_choose(Ctx *c, const App *app, const char *requested);

#endif
