/* csrf.c -- the key and the tokens. */
#include "csrf.h"

#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "../settings.h"

#define KEY_SETTING "web.csrf_key"	/* not one of the operator's settings */
#define KEY_HEX 64

/* Written once by csrf_key_load before the worker threads start. */
static char key[KEY_HEX + 1];

int csrf_key_load(Ctx *c)
{
	return setting_secret_load(c, KEY_SETTING, KEY_HEX, key);
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
