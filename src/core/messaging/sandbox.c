/* sandbox.c -- what the operator's sandbox needs to play a buyer: the
 * buyer's account, found by e-mail or created, so an integrator can test
 * message handling without a browser. */
#include "messaging.h"

#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "../auth/accounts.h"

int messaging_buyer_ensure(Ctx *c, const char *email, const char *name, const char *password,
	int64_t *id)
{
	User u;
	int rc = store_user_by_email(c->st, c->arena, email ? email : "", &u);
	if (rc == 0) {
		*id = u.id;
		return 0;
	}
	if (rc != SOUK_ENOTFOUND) return rc;
	/* Without a password nobody can sign in as this buyer: a random one. */
	char random[33];
	if (!password) {
		crypto_random_hex(random, 16);
		password = random;
	}
	User in = {.email = email, .name = name, .role = ROLE_BUYER};
	rc = user_create(c, &in, password, id);
	if (rc != SOUK_EEXIST) return rc;
	/* Created meanwhile by another request: that account is the buyer. */
	rc = store_user_by_email(c->st, c->arena, email, &u);
	if (rc == 0) *id = u.id;
	return rc;
}
