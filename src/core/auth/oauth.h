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
	OAUTH_NO_DEVICE_CODE,		/* invalid_request */
	OAUTH_BAD_DEVICE_CODE,		/* invalid_grant: unknown, other client, already exchanged */
	OAUTH_PENDING,			/* authorization_pending (RFC 8628 3.5) */
	OAUTH_SLOW_DOWN,		/* slow_down: polled sooner than the interval */
	OAUTH_ACCESS_DENIED,		/* access_denied: the user said no */
	OAUTH_EXPIRED_TOKEN,		/* expired_token: the device code's time ran out */
	OAUTH_ERROR_COUNT
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
	bool device;		/* the face has the device authorization grant */
	bool pkce_s256;		/* a code needs a PKCE S256 challenge: asked for at the
				   authorize page, checked again at the exchange */
	bool strict_rotation;	/* a replaced refresh token is dead at once: no
				   OAUTH_REFRESH_GRACE for a racing client */
	int64_t code_ttl;	/* seconds a code lives; 0: OAUTH_CODE_TTL */
} OAuthPolicy;

/* Wallapop (seed 000): PKCE S256 required, 5-minute access tokens, a new
 * refresh token on every refresh and the previous one dead at once. Read by
 * its token endpoint and by the authorize page it shares with the others. */
extern const OAuthPolicy oauth_policy_wallapop;

/* Token endpoint */
typedef struct TokenRequest {
	const OAuthPolicy *policy;
	const char *issuer;	/* "iss" of JWT access tokens; NULL: none */
	const char *grant_type;
	const char *client_id, *client_secret;
	const char *scope;
	const char *code, *redirect_uri, *code_verifier;	/* authorization_code */
	const char *refresh_token;				/* refresh_token */
	const char *device_code;				/* device_code */
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
	const OAuthPolicy *policy;	/* the face's PKCE rule and code lifetime; NULL: none */
} AuthorizeRequest;

typedef struct Authorization {
	App app;
	const char *redirect_uri;	/* the effective redirect URI */
	bool redirect_explicit;		/* the request named it */
	unsigned scopes;		/* what the app asks for */
	const char *challenge, *challenge_method;	/* PKCE, or NULL */
	int64_t code_ttl;		/* seconds its code will live */
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

/* Device authorization (RFC 8628): a device without a browser asks for a
 * device code and a user code; the user confirms the user code on a page
 * while signed in; the device polls the token endpoint with the device code
 * (grant_type OAUTH_DEVICE_GRANT) and gets authorization_pending, slow_down
 * when it polls sooner than the interval (which then grows by five
 * seconds), access_denied, expired_token, and once confirmed the token pair,
 * exactly once. Both codes are stored as SHA-256 only. */
#define OAUTH_DEVICE_GRANT "urn:ietf:params:oauth:grant-type:device_code"
#define OAUTH_DEVICE_TTL 3600		/* a device code lives an hour */
#define OAUTH_DEVICE_INTERVAL 5		/* seconds between polls, at first */
#define OAUTH_USER_CODE_LEN 9		/* "BCDF-GHJK": eight letters and a dash */

typedef struct DeviceStart {
	char device_code[OAUTH_TOKEN_LEN + 1];
	char user_code[OAUTH_USER_CODE_LEN + 1];
	int64_t expires_in, interval;
	char scope[SCOPES_TEXT_MAX];
} DeviceStart;

/* The device authorization request: in's client (id and secret), policy and
 * scope (absent: the app's scopes of the face). 0, or SOUK_EINVAL with *err
 * (a bad client, a client without the device grant, a bad scope). */
int oauth_device_start(Ctx *c, const TokenRequest *in, DeviceStart *out, OAuthError *err);

/* What a user code asks for, for the confirmation page. */
typedef struct DeviceRequest {
	App app;
	unsigned scopes;
	int64_t expires_at;
} DeviceRequest;
/* The pending request a user code names (as typed: any case, the dash and
 * spaces optional), looked up for a signed-in user. SOUK_ENOTFOUND when it
 * is unknown, expired or decided; SOUK_ELIMIT with *wait (seconds) when the
 * user has guessed wrong too often: ten codes, then ten more each waiting
 * twice as long, then none for a quarter of an hour. */
int oauth_device_find(Ctx *c, const char *user_code, int64_t user_id, DeviceRequest *out,
	int64_t *wait);
/* The user's answer; allowing records the consent (linked apps). Errors as
 * oauth_device_find. */
int oauth_device_decide(Ctx *c, const char *user_code, int64_t user_id, bool allow,
	int64_t *wait);
/* A user code as typed -> its canonical form "BCDF-GHJK"; false when it
 * cannot be one (pure). */
bool oauth_user_code_normalize(const char *typed, char out[OAUTH_USER_CODE_LEN + 1]);

/* Linked apps */
int oauth_consent_list(Ctx *c, int64_t user_id, Consent **out, int *n);
/* Forgets the consent and revokes every token the app holds for the user. */
int oauth_consent_revoke(Ctx *c, int64_t user_id, const char *client_id);

/* Housekeeping: a job (core/schedule.c) deleting device codes,
 * authorization codes, login sessions, access and refresh tokens a day
 * after they expired (a late poll still hears expired_token meanwhile).
 * A refresh token replaced by rotation stays until it expires, so that
 * presenting it again still revokes its family (reuse detection), but
 * once past OAUTH_REFRESH_GRACE it loses the sealed successor and access
 * token it kept for a racing client: nothing may use them any more.
 * Returns how many rows went or changed. */
#define OAUTH_PURGE_AFTER 86400
int oauth_job_purge(Ctx *c);

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
