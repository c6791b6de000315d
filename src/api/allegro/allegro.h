/* allegro.h -- the Allegro REST API face: sign-in under /auth/oauth (token
 * endpoint, JWKS, RFC 8414 metadata; the pages are web/'s) and the
 * resources (/me, /sale/...).
 *
 * Resources answer in application/vnd.allegro.public.v1+json; a refusal is
 * {"errors": [{code, message, details, path, userMessage}]}, except a 401,
 * which is OAuth2's {"error", "error_description"} (seed 004). The token
 * endpoint speaks RFC 6749 throughout. */
#ifndef SOUK_API_ALLEGRO_H
#define SOUK_API_ALLEGRO_H

#include "../reply.h"

#define ALLEGRO_MEDIA "application/vnd.allegro.public.v1+json"
#define ALLEGRO_OAUTH "/auth/oauth"

/* Handlers */
int allegro_token_post(Request *r);
int allegro_jwks_get(Request *r);
int allegro_metadata_get(Request *r);
int allegro_me_get(Request *r);

/* Answers */
/* Starts a body in r->out; allegro_done ends it with the face's media type. */
void allegro_begin(Request *r, JsonW *w);
void allegro_done(Request *r, int status);
/* {"errors": [one error]}: code such as "NotFoundException"; path NULL
 * unless a field is at fault; userMessage in the request's language. */
void allegro_error_one(Request *r, int status, const char *code, const char *message,
	const char *path);
/* The face's error writer for the dispatcher: the code follows the status. */
void allegro_error(Request *r, int status, const char *detail);

#endif
