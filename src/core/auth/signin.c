/* signin.c -- a password sign-in behind the login limits (core/limits:
 * RATE_LOGIN_ADDRESS and RATE_LOGIN_ACCOUNT, slowed and then refused). */
#include "signin.h"

#include <ctype.h>
#include <string.h>

#include "../../util/errors.h"
#include "../limits/policy.h"
#include "accounts.h"

/* Whole seconds, rounded up: who waits that long gets through. */
static int64_t seconds(int64_t ms)
{
	return ms > 0 ? (ms + 999) / 1000 : 1;
}

int signin_password(Ctx *c, const char *email, const char *password, const char *addr,
	User *out, int64_t *retry_after)
{
	char account[256];
	size_t n = 0;

	/* "A@x" and "a@x" are one account to the limit: guesses must not
	 * multiply by spelling. Longer e-mails than any real one share a key. */
	for (const char *p = email ? email : ""; *p && n < sizeof(account) - 1; p++)
		account[n++] = (char)tolower((unsigned char)*p);
	account[n] = '\0';
	RateWho who = {.address = addr ? addr : "-", .account = account};
	int64_t now_ms = c->now * 1000;
	RateVerdict v;

	/* Counted when let through, before the Argon2id they guard, so
	 * concurrent attempts cannot all pass the check first. */
	if (!ratepolicy_hit(RATE_LOGIN_ADDRESS, &who, now_ms, &v)) {
		*retry_after = seconds(v.retry_ms);
		return SOUK_ELIMIT;
	}
	if (!ratepolicy_hit(RATE_LOGIN_ACCOUNT, &who, now_ms, &v)) {
		/* The address counts passwords checked, not attempts refused. */
		ratepolicy_give_back(RATE_LOGIN_ADDRESS, &who);
		*retry_after = seconds(v.retry_ms);
		return SOUK_ELIMIT;
	}
	int rc = user_authenticate(c, email, password, out);
	if (rc == 0) {
		ratepolicy_clear(RATE_LOGIN_ACCOUNT, &who);
		ratepolicy_give_back(RATE_LOGIN_ADDRESS, &who);
	}
	return rc;
}
