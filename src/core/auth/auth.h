/* auth.h -- turning a bearer token into the principal it speaks for. */
#ifndef SOUK_AUTH_H
#define SOUK_AUTH_H

#include "../ctx.h"

/* 0 and *out filled, or SOUK_EAUTH for an unknown, expired or revoked token.
 * Answers come from a small per-thread cache for up to AUTH_CACHE_MS. */
int auth_bearer(Ctx *c, const char *token, size_t len, Principal *out);

/* Revocation: drops every cached answer in this process at once. Other souk
 * processes on the database see a revocation within AUTH_CACHE_MS. */
#define AUTH_CACHE_MS 1000
void auth_forget_cached(void);

/* 0 and *key_id filled for a live operator key, or SOUK_EAUTH. */
int auth_operator(Ctx *c, const char *token, size_t len, int64_t *key_id);
/* Creates an operator key; the plaintext (OPERATOR_KEY_LEN + 1) is shown once. */
#define OPERATOR_KEY_LEN 48
int auth_operator_create(Ctx *c, const char *name, char *token, int64_t *id);

#endif
