/* signin.c -- the login throttle's two tables and policies. */
#include "signin.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "../../util/errors.h"
#include "accounts.h"
#include "throttle.h"

/* An account: five attempts, then five more each waiting twice as long as
 * the one before (5, 10, 20, 40, 80 s), then none for a quarter of an hour.
 * An address (which many people may share behind one NAT, and whose right
 * passwords do not count): twenty, then ten slowed, then none. */
static const ThrottlePolicy account_policy = {5, 5, 5, SIGNIN_LOCK_SECONDS};
static const ThrottlePolicy address_policy = {20, 10, 5, SIGNIN_LOCK_SECONDS};

static Throttle *accounts, *addresses;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void tables_make(void)
{
	accounts = throttle_new(&account_policy, 8192);
	addresses = throttle_new(&address_policy, 8192);
}

int signin_password(Ctx *c, const char *email, const char *password, const char *addr,
	User *out, int64_t *retry_after)
{
	char account[256], address[64];
	size_t n = 0;

	pthread_once(&once, tables_make);
	/* "A@x" and "a@x" are one account to the throttle: guesses must not
	 * multiply by spelling. Longer e-mails than any real one share a key. */
	for (const char *p = email ? email : ""; *p && n < sizeof(account) - 9; p++)
		account[n++] = (char)tolower((unsigned char)*p);
	account[n] = '\0';
	memmove(account + 8, account, n + 1);
	memcpy(account, "account|", 8);
	snprintf(address, sizeof(address), "address|%s", addr ? addr : "-");

	int64_t wait_address = throttle_take(addresses, address, c->now);
	if (wait_address) {
		*retry_after = wait_address;
		return SOUK_ELIMIT;
	}
	int64_t wait_account = throttle_take(accounts, account, c->now);
	if (wait_account) {
		throttle_give_back(addresses, address);
		*retry_after = wait_account;
		return SOUK_ELIMIT;
	}
	int rc = user_authenticate(c, email, password, out);
	if (rc == 0) {
		throttle_clear(accounts, account);
		throttle_give_back(addresses, address);
	}
	return rc;
}
