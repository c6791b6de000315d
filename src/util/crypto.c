/* crypto.c -- thin wrappers over libsodium, so no other file includes it. */
#include "crypto.h"

#include <sodium.h>
#include <string.h>

int crypto_setup(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

void crypto_random_hex(char *out, size_t nbytes)
{
	unsigned char raw[64];
	if (nbytes > sizeof(raw)) nbytes = sizeof(raw);
	randombytes_buf(raw, nbytes);
	sodium_bin2hex(out, nbytes * 2 + 1, raw, nbytes);
}

void crypto_random_b64url(char *out, size_t outlen, size_t nbytes)
{
	unsigned char raw[64];
	if (nbytes > sizeof(raw)) nbytes = sizeof(raw);
	randombytes_buf(raw, nbytes);
	sodium_bin2base64(out, outlen, raw, nbytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void crypto_sha256_hex(const void *in, size_t len, char out[SHA256_HEX_LEN + 1])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, in, len);
	sodium_bin2hex(out, SHA256_HEX_LEN + 1, d, sizeof(d));
}

void crypto_sha256_b64url(const void *in, size_t len, char *out, size_t outlen)
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, in, len);
	sodium_bin2base64(out, outlen, d, sizeof(d), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool crypto_equal(const char *a, const char *b)
{
	/* Compare digests of both, so neither the content nor the length of the
	 * secret leaks through timing. */
	unsigned char da[crypto_hash_sha256_BYTES], db[crypto_hash_sha256_BYTES];
	if (!a || !b) return false;
	crypto_hash_sha256(da, (const unsigned char *)a, strlen(a));
	crypto_hash_sha256(db, (const unsigned char *)b, strlen(b));
	return sodium_memcmp(da, db, sizeof(da)) == 0;
}

int crypto_password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
	_Static_assert(PASSWORD_HASH_MAX >= crypto_pwhash_STRBYTES, "hash buffer");
	return crypto_pwhash_str(out, password, strlen(password),
		crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

bool crypto_password_verify(const char *hash, const char *password)
{
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}
