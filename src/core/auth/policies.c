/* policies.c -- the token policies more than one layer reads: a face's
 * token endpoint and the authorize page it shares with the other faces.
 * A policy only one face reads stays in that face. */
#include "oauth.h"

/* The FAQ gives the refresh token "a maximum lifetime" without a number:
 * thirty days, as OLX's. A code lives a minute (Keycloak's default, which
 * Wallapop's sign-in runs on): it is to be used at once. */
const OAuthPolicy oauth_policy_wallapop = {
	.scopes = SCOPE_WALLAPOP, .access_ttl = 300, .refresh_ttl = 2592000,
	.rotate_after = 0, .keep_access = false, .jwt = true,
	.pkce_s256 = true, .strict_rotation = true, .code_ttl = 60,
};
