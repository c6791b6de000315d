/* csrf.h -- the tokens that prove a form was served by souk to this browser:
 * an HMAC-SHA-256, under a server key, of what binds the form to its viewer
 * (the login session, or before sign-in a random per-browser cookie). The key
 * is generated on the marketplace's first start and kept in the settings, so
 * every souk process on the database agrees; without it nobody can compute a
 * token, even for a cookie they planted. */
#ifndef SOUK_CSRF_H
#define SOUK_CSRF_H

#include <stdbool.h>

#include "../ctx.h"

#define CSRF_TOKEN_MAX 48	/* base64url of 32 bytes, and its NUL */

/* At start, before any request: loads the key, creating it on first start. */
int csrf_key_load(Ctx *c);

/* The token for binding (a session id or a browser cookie). */
void csrf_token(const char *binding, char out[CSRF_TOKEN_MAX]);
/* Whether sent is the token for binding (constant time). */
bool csrf_valid(const char *binding, const char *sent);

#endif
