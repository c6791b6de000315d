/* oauth.h -- the OAuth2 token endpoint face (/api/open/oauth) and the
 * RFC 8414 metadata document. Errors are RFC 6749 bodies with OLX's wording
 * (seed 001, "Authorization errors"); the grants themselves live in
 * core/oauth. */
#ifndef SOUK_API_OAUTH_H
#define SOUK_API_OAUTH_H

#include <stdbool.h>

#include "../reply.h"
#include "../../core/auth/oauth.h"

/* Handlers */
int oauth_token_post(Request *r);
int oauth_metadata_get(Request *r);

/* Where a face's authorization server lives, for its RFC 8414 document:
 * paths below the base URL; NULL where the face has no such endpoint. */
typedef struct OAuthEndpoints {
	const char *issuer, *authorize, *token, *device, *jwks;
	unsigned scopes;	/* scopes_supported */
} OAuthEndpoints;
void oauth_metadata_write(Request *r, const OAuthEndpoints *e);

/* A face's token endpoint: its policy, where its parameters come from, how
 * it words a refusal, and the issuer it names in JWTs (or NULL). */
typedef struct TokenFace {
	const OAuthPolicy *policy;
	const char *(*get)(Request *r, const char *name);
	void (*error)(Request *r, OAuthError e);
	const char *issuer;
} TokenFace;
/* Reads the token request, authenticates the client, runs the grant and
 * writes the RFC 6749 answer (or the face's error). */
int oauth_token_serve(Request *r, const TokenFace *f);
/* A form body whose fields repeat or do not decode: answers 400
 * invalid_request and returns true. */
bool oauth_form_refused(Request *r);
/* Takes the client's credentials from an HTTP Basic header when there is
 * one; false when they conflict with the parameters or do not decode. */
bool oauth_client_basic(Request *r, TokenRequest *in);

/* The face's writers, for every face whose token endpoint speaks RFC 6749. */
void oauth_face_error(Request *r, int status, const char *detail);
void oauth_face_auth_error(Request *r, AuthFail why);
void oauth_face_bad_json(Request *r);
/* Past the endpoint's limit per address: RFC 6749 has no code for it, so
 * "too_many_requests" (the extension RFC 6749 8.5 allows) with OLX's
 * catalogue words; Allegro's face says it without the human title. */
void oauth_face_too_many(Request *r);

/* RFC 6749's (and RFC 8628's) error code for a refusal: "invalid_grant";
 * NULL for OAUTH_OK. One table for every face; each words its own
 * descriptions. */
const char *oauth_error_code(OAuthError e);
/* The refusal with its code and the face's words; a 500 server_error when
 * the face has none for it. */
void oauth_error_say(Request *r, OAuthError e, int status, const char *description, const char *human);

/* {"error": code, "error_description": description[, "error_human_title"]} */
void oauth_error_body(Request *r, int status, const char *code, const char *description,
	const char *human);

/* Client credentials from an "Authorization: Basic" header value: base64 of
 * form-urlencoded id ":" secret (RFC 6749 2.3.1). False when it is not one. */
bool oauth_basic_decode(Arena *a, const char *header, const char **id, const char **secret);

#endif
