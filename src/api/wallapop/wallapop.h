/* wallapop.h -- the Wallapop Connect face: sign-in at the paths of the
 * document's security scheme (WALLAPOP_OIDC in faces.h; the authorize page
 * is web/'s, shared with the other faces), under core/auth's
 * oauth_policy_wallapop. The token endpoint speaks RFC 6749 throughout and
 * refuses a request without a User-Agent (seed 000). */
#ifndef SOUK_API_WALLAPOP_H
#define SOUK_API_WALLAPOP_H

#include "../reply.h"

/* Sign-in (signin.c) */
int wallapop_token_post(Request *r);
int wallapop_userinfo_get(Request *r);

#endif
