/* oauth.h -- the OAuth2 token endpoint face (/api/open/oauth) and the
 * RFC 8414 metadata document. Errors are RFC 6749 bodies with OLX's wording
 * (seed 001, "Authorization errors"); the grants themselves live in
 * core/oauth. */
#ifndef SOUK_API_OAUTH_H
#define SOUK_API_OAUTH_H

#include <stdbool.h>

#include "../reply.h"

/* Handlers */
int oauth_token_post(Request *r);
int oauth_metadata_get(Request *r);

/* {"error": code, "error_description": description[, "error_human_title"]} */
void oauth_error_body(Request *r, int status, const char *code, const char *description,
	const char *human);

/* Client credentials from an "Authorization: Basic" header value: base64 of
 * form-urlencoded id ":" secret (RFC 6749 2.3.1). False when it is not one. */
bool oauth_basic_decode(Arena *a, const char *header, const char **id, const char **secret);

#endif
