/* crypto.h -- randomness, hashing and comparisons for secrets (libsodium).
 *
 * Tokens, codes and client secrets are long random strings: they are stored as
 * SHA-256 hex digests. Only passwords, which people choose, get Argon2id. */
#ifndef SOUK_CRYPTO_H
#define SOUK_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SHA256_HEX_LEN 64
#define PASSWORD_HASH_MAX 128

/* Setup */
int crypto_setup(void);

/* Randomness */
void crypto_random_hex(char *out, size_t nbytes);	/* out holds 2*nbytes+1 */
void crypto_random_b64url(char *out, size_t outlen, size_t nbytes);
void crypto_random_bytes(void *out, size_t n);
/* A random (version 4) UUID in its 36-character form, NUL-terminated. */
#define CRYPTO_UUID_LEN 36
void crypto_random_uuid(char out[CRYPTO_UUID_LEN + 1]);
/* Uniform in [0, upper), without modulo bias. */
uint32_t crypto_random_below(uint32_t upper);

/* Digests */
void crypto_sha256_hex(const void *in, size_t len, char out[SHA256_HEX_LEN + 1]);
void crypto_sha256_b64url(const void *in, size_t len, char *out, size_t outlen);
/* Base64url without padding (RFC 4648 5); out holds 4 * ceil(len / 3) + 1. */
void crypto_b64url(const void *in, size_t len, char *out, size_t outlen);

/* SipHash-2-4 of in under a 16-byte key: for hash tables fed by strangers. */
uint64_t crypto_short_hash(const unsigned char key[16], const void *in, size_t len);
/* HMAC-SHA-256 of msg under key (any length), base64url without padding. */
void crypto_hmac_sha256_b64url(const char *key, const char *msg, char *out, size_t outlen);

/* Comparisons */
bool crypto_equal(const char *a, const char *b);	/* constant time in length of b */
/* Two SHA-256 hex digests: the length is public, so one constant-time
 * compare of the 64 characters is enough. */
bool crypto_digest_equal(const char *a, const char *b);

/* Passwords */
int crypto_password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
bool crypto_password_verify(const char *hash, const char *password);

/* Sealing (OAuth): a short secret encrypted under a key derived from another
 * secret and a context string (BLAKE2b, then XSalsa20-Poly1305 with a random
 * nonce). The sealed text is base64url; only the holder of `secret` can open
 * it. */
#define CRYPTO_SEAL_PLAIN_MAX 2048	/* longest plaintext (a signed access token) */
#define CRYPTO_SEALED_MAX 2800		/* sealed text of a plaintext that long */
int crypto_seal(const char *context, const char *secret, const char *plain,
	char *out, size_t outlen);
/* 0 and the plaintext in out, or -1 when the key is wrong or the text altered. */
int crypto_unseal(const char *context, const char *secret, const char *sealed,
	char *out, size_t outlen);

#endif
