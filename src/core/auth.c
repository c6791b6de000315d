#include "auth.h"

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
