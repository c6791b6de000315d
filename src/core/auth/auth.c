#include "auth.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "jwt.h"

/* The token lookup runs on every authenticated request: a per-thread,
 * direct-mapped cache of recent answers saves the SQL. An entry is good while
 * the process-wide generation has not moved (no revocation since) and for
 * AUTH_CACHE_MS at most (revocations by other processes). */
#define CACHE_SLOTS 64
#define CLIENT_ID_MAX 64

typedef struct Cached {
	char hash[SHA256_HEX_LEN + 1];
	Principal p;
	char client_id[CLIENT_ID_MAX];
	uint64_t generation;
	uint64_t until_ms;
} Cached;

static _Atomic uint64_t generation = 1;
static __thread Cached cache[CACHE_SLOTS];

static uint64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void auth_forget_cached(void)
{
	atomic_fetch_add(&generation, 1);
}

int auth_bearer(Ctx *c, const char *token, size_t len, Principal *out)
{
	char hash[SHA256_HEX_LEN + 1];

	/* Hex tokens and signed JWTs alike are found by the digest of the whole
	 * string, which covers a JWT's signature: revocation applies to both. */
	if (len == 0 || len > JWT_MAX) return SOUK_EAUTH;
	crypto_sha256_hex(token, len, hash);
	/* The hash is uniform: its first characters pick the slot. */
	Cached *e = &cache[strtoul((char[3]){hash[0], hash[1], 0}, NULL, 16) % CACHE_SLOTS];
	uint64_t gen = atomic_load_explicit(&generation, memory_order_acquire), now = mono_ms();
	if (e->generation == gen && now < e->until_ms && memcmp(e->hash, hash, SHA256_HEX_LEN) == 0 &&
	    e->p.expires_at > c->now) {
		*out = e->p;
		return 0;
	}
	int rc = store_access_token_lookup(c->st, c->arena, hash, c->now, out);
	if (rc == SOUK_ENOTFOUND) return SOUK_EAUTH;
	if (rc) return rc;
	if (out->client_id && strlen(out->client_id) < CLIENT_ID_MAX) {
		memcpy(e->hash, hash, sizeof(hash));
		e->p = *out;
		strcpy(e->client_id, out->client_id);
		e->p.client_id = e->client_id;
		e->generation = gen;
		e->until_ms = now + AUTH_CACHE_MS;
	}
	return 0;
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
