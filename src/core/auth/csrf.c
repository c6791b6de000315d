/* csrf.c -- the key and the tokens. */
#include "csrf.h"

#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"

#define KEY_SETTING "web.csrf_key"	/* not one of the operator's settings */
#define KEY_HEX 64

/* Written once by csrf_key_load before the worker threads start. */
static char key[KEY_HEX + 1];

int csrf_key_load(Ctx *c)
{
	char fresh[KEY_HEX + 1];
	const char *stored;
	crypto_random_hex(fresh, KEY_HEX / 2);
	/* Insert-if-absent, then read: of two processes starting on a new
	 * database, both use the key the first one stored. */
	int rc = store_setting_put_new(c->st, KEY_SETTING, fresh);
	if (!rc) rc = store_setting_get(c->st, c->arena, KEY_SETTING, &stored);
	if (rc) return rc;
	if (strlen(stored) != KEY_HEX) return ctx_fail(c, SOUK_ESTORE, NULL, "the stored CSRF key is damaged");
	memcpy(key, stored, sizeof(key));
	return 0;
}

void csrf_token(const char *binding, char out[CSRF_TOKEN_MAX])
{
	/* The prefix keeps these MACs apart from any other use of the key. */
	char msg[256];
	size_t n = binding ? strlen(binding) : 0;
	if (n > sizeof(msg) - 16) n = sizeof(msg) - 16;
	memcpy(msg, "souk-csrf|", 10);
	if (n) memcpy(msg + 10, binding, n);
	msg[10 + n] = '\0';
	crypto_hmac_sha256_b64url(key, msg, out, CSRF_TOKEN_MAX);
}

bool csrf_valid(const char *binding, const char *sent)
{
	char want[CSRF_TOKEN_MAX];
	if (!binding || !sent || !key[0]) return false;
	csrf_token(binding, want);
	return crypto_equal(sent, want);
}
