#include "auth.h"

#include <string.h>

#include "../util/crypto.h"
#include "errors.h"

int auth_bearer(Ctx *c, const char *token, size_t len, Principal *out)
{
	char hash[SHA256_HEX_LEN + 1];

	if (len == 0 || len > 512) return SOUK_EAUTH;
	crypto_sha256_hex(token, len, hash);
	int rc = store_access_token_lookup(c->st, c->arena, hash, c->now, out);
	return rc == SOUK_ENOTFOUND ? SOUK_EAUTH : rc;
}

int auth_operator(Ctx *c, const char *token, size_t len, int64_t *key_id)
{
	char hash[SHA256_HEX_LEN + 1];

	if (len == 0 || len > 512) return SOUK_EAUTH;
	crypto_sha256_hex(token, len, hash);
	int rc = store_operator_key_lookup(c->st, hash, key_id);
	return rc == SOUK_ENOTFOUND ? SOUK_EAUTH : rc;
}

int auth_operator_create(Ctx *c, const char *name, char *token, int64_t *id)
{
	char hash[SHA256_HEX_LEN + 1];

	if (!name || !*name) return ctx_fail(c, SOUK_EINVAL, "name", "an operator key needs a name");
	crypto_random_hex(token, OPERATOR_KEY_LEN / 2);
	crypto_sha256_hex(token, strlen(token), hash);
	return store_operator_key_insert(c->st, hash, name, c->now, id);
}
