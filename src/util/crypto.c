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

void crypto_random_uuid(char out[CRYPTO_UUID_LEN + 1])
{
	/* Every answer carries one (Trace-Id): laid out by hand, since
	 * snprintf's format parsing and sodium_bin2hex's constant-time digits
	 * (an id shown to the client has no secret to keep) cost more than
	 * the random bytes. */
	static const char digit[] = "0123456789abcdef";
	unsigned char raw[16];
	randombytes_buf(raw, sizeof(raw));
	raw[6] = (unsigned char)((raw[6] & 0x0f) | 0x40);	/* version 4: random */
	raw[8] = (unsigned char)((raw[8] & 0x3f) | 0x80);	/* the RFC 4122 variant */
	char *o = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10) *o++ = '-';	/* 8-4-4-4-12 */
		*o++ = digit[raw[i] >> 4];
		*o++ = digit[raw[i] & 0x0f];
	}
	*o = '\0';
}

void crypto_random_b64url(char *out, size_t outlen, size_t nbytes)
{
	unsigned char raw[64];
	if (nbytes > sizeof(raw)) nbytes = sizeof(raw);
	randombytes_buf(raw, nbytes);
	sodium_bin2base64(out, outlen, raw, nbytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void crypto_random_bytes(void *out, size_t n)
{
	randombytes_buf(out, n);
}

uint64_t crypto_short_hash(const unsigned char key[16], const void *in, size_t len)
{
	unsigned char h[crypto_shorthash_BYTES];
	uint64_t v;
	crypto_shorthash(h, in, len, key);
	memcpy(&v, h, sizeof(v));
	return v;
}

uint32_t crypto_random_below(uint32_t upper)
{
	return randombytes_uniform(upper);
}

void crypto_sha256_hex(const void *in, size_t len, char out[SHA256_HEX_LEN + 1])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, in, len);
	sodium_bin2hex(out, SHA256_HEX_LEN + 1, d, sizeof(d));
}

void crypto_b64url(const void *in, size_t len, char *out, size_t outlen)
{
	sodium_bin2base64(out, outlen, in, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void crypto_sha256_b64url(const void *in, size_t len, char *out, size_t outlen)
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, in, len);
	sodium_bin2base64(out, outlen, d, sizeof(d), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void crypto_hmac_sha256_b64url(const char *key, const char *msg, char *out, size_t outlen)
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)key, strlen(key));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, strlen(msg));
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2base64(out, outlen, mac, sizeof(mac), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
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

bool crypto_digest_equal(const char *a, const char *b)
{
	if (!a || !b || strlen(a) != SHA256_HEX_LEN || strlen(b) != SHA256_HEX_LEN) return false;
	return sodium_memcmp(a, b, SHA256_HEX_LEN) == 0;
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

/* --- sealing (OAuth: access tokens under their refresh token) ------------ */

static void seal_key(const char *context, const char *secret,
	unsigned char key[crypto_secretbox_KEYBYTES])
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, crypto_secretbox_KEYBYTES);
	crypto_generichash_update(&h, (const unsigned char *)context, strlen(context) + 1);
	crypto_generichash_update(&h, (const unsigned char *)secret, strlen(secret));
	crypto_generichash_final(&h, key, crypto_secretbox_KEYBYTES);
}

int crypto_seal(const char *context, const char *secret, const char *plain,
	char *out, size_t outlen)
{
	unsigned char key[crypto_secretbox_KEYBYTES];
	unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + CRYPTO_SEAL_PLAIN_MAX];
	size_t n = strlen(plain);

	if (n > CRYPTO_SEAL_PLAIN_MAX) return -1;
	if (outlen < sodium_base64_ENCODED_LEN(crypto_secretbox_NONCEBYTES +
		crypto_secretbox_MACBYTES + n, sodium_base64_VARIANT_URLSAFE_NO_PADDING)) return -1;
	seal_key(context, secret, key);
	randombytes_buf(box, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, (const unsigned char *)plain, n,
		box, key);
	sodium_memzero(key, sizeof(key));
	sodium_bin2base64(out, outlen, box, crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n,
		sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return 0;
}

int crypto_unseal(const char *context, const char *secret, const char *sealed,
	char *out, size_t outlen)
{
	unsigned char key[crypto_secretbox_KEYBYTES];
	unsigned char box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + CRYPTO_SEAL_PLAIN_MAX];
	size_t n;

	if (sodium_base642bin(box, sizeof(box), sealed, strlen(sealed), NULL, &n, NULL,
		sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) return -1;
	if (n < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return -1;
	size_t plen = n - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	if (plen + 1 > outlen) return -1;
	seal_key(context, secret, key);
	int rc = crypto_secretbox_open_easy((unsigned char *)out, box + crypto_secretbox_NONCEBYTES,
		n - crypto_secretbox_NONCEBYTES, box, key);
	sodium_memzero(key, sizeof(key));
	if (rc != 0) return -1;
	out[plen] = '\0';
	return 0;
}
