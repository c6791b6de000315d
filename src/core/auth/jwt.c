/* jwt.c -- the signing key (OpenSSL EVP: RSA 2048, PKCS #1 v1.5 with
 * SHA-256, which is JWS "RS256") and the JWTs it signs.
 *
 * OpenSSL does all the cryptography: generating the key, keeping it as PEM,
 * signing, and reading the public numbers for the JWK. The claims are
 * written with the project's JSON writer. The key is loaded once per process
 * and shared by every thread: EVP_PKEY is safe to sign with concurrently,
 * each signature having its own EVP_MD_CTX. */
#include "jwt.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "../../util/buf.h"
#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "scopes.h"

#define KEY_SETTING "oauth.signing_key"	/* PEM (PKCS #8) of the private key */
#define KEY_BITS 2048
#define B64_MAX 400			/* base64url of a 2048-bit number */

static pthread_mutex_t key_lock = PTHREAD_MUTEX_INITIALIZER;
static EVP_PKEY *key;			/* set once, then only read */
static char key_n[B64_MAX], key_e[16], key_kid[48];
static char header_b64[160];		/* {"alg":"RS256","typ":"JWT","kid":...} */

static int bn_b64url(const EVP_PKEY *k, const char *name, char *out, size_t outlen)
{
	BIGNUM *bn = NULL;
	unsigned char raw[KEY_BITS / 8 + 8];
	if (!EVP_PKEY_get_bn_param(k, name, &bn)) return -1;
	int n = BN_num_bytes(bn);
	if (n <= 0 || (size_t)n > sizeof(raw) || (size_t)(n + 2) / 3 * 4 + 1 > outlen) {
		BN_free(bn);
		return -1;
	}
	BN_bn2bin(bn, raw);
	BN_free(bn);
	crypto_b64url(raw, (size_t)n, out, outlen);
	return 0;
}

static void b64url_text(Buf *out, const char *s, size_t n)
{
	size_t start = out->len, room = (n + 2) / 3 * 4 + 1;
	buf_reserve(out, room);
	crypto_b64url(s, n, out->p + start, room);
	out->len = start + strlen(out->p + start);
}

/* The public numbers, the kid (RFC 7638: SHA-256 of the required members in
 * lexical order) and the encoded header, from a loaded key. */
static int key_publish(EVP_PKEY *k)
{
	char thumb[B64_MAX + 64];
	if (bn_b64url(k, OSSL_PKEY_PARAM_RSA_N, key_n, sizeof(key_n)) != 0 ||
	    bn_b64url(k, OSSL_PKEY_PARAM_RSA_E, key_e, sizeof(key_e)) != 0)
		return -1;
	snprintf(thumb, sizeof(thumb), "{\"e\":\"%s\",\"kty\":\"RSA\",\"n\":\"%s\"}", key_e, key_n);
	crypto_sha256_b64url(thumb, strlen(thumb), key_kid, sizeof(key_kid));
	char header[128];
	int n = snprintf(header, sizeof(header), "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"%s\"}",
		key_kid);
	crypto_b64url(header, (size_t)n, header_b64, sizeof(header_b64));
	return 0;
}

static EVP_PKEY *key_from_pem(const char *pem)
{
	BIO *bio = BIO_new_mem_buf(pem, -1);
	EVP_PKEY *k = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
	BIO_free(bio);
	return k;
}

/* A new key as PEM in the arena, and the key itself. */
static EVP_PKEY *key_generate(Arena *a, const char **pem)
{
	EVP_PKEY *k = EVP_RSA_gen(KEY_BITS);
	BIO *bio = BIO_new(BIO_s_mem());
	char *data;
	if (!k || !bio || !PEM_write_bio_PrivateKey(bio, k, NULL, NULL, 0, NULL, NULL)) goto fail;
	long n = BIO_get_mem_data(bio, &data);
	if (n <= 0) goto fail;
	char *copy = arena_alloc(a, (size_t)n + 1);
	memcpy(copy, data, (size_t)n);
	copy[n] = '\0';
	*pem = copy;
	BIO_free(bio);
	return k;
fail:
	BIO_free(bio);
	EVP_PKEY_free(k);
	return NULL;
}

/* The stored key, or a new one stored in the same write transaction: two
 * processes starting on one database agree on one key. */
static int key_load(Ctx *c, EVP_PKEY **out)
{
	const char *pem = NULL;
	EVP_PKEY *k = NULL;
	int rc = store_setting_get(c->st, c->arena, KEY_SETTING, &pem);
	if (rc == SOUK_ENOTFOUND) {
		if ((rc = store_begin(c->st)) != 0) return rc;
		rc = store_setting_get(c->st, c->arena, KEY_SETTING, &pem);
		if (rc == SOUK_ENOTFOUND) {
			k = key_generate(c->arena, &pem);
			rc = k ? store_setting_put(c->st, KEY_SETTING, pem) : SOUK_ESTORE;
		}
		if (!rc) rc = store_commit(c->st);
		if (rc) {
			store_rollback(c->st);
			EVP_PKEY_free(k);
			return rc;
		}
	} else if (rc) {
		return rc;
	}
	if (!k) k = key_from_pem(pem);
	if (!k) {
		fprintf(stderr, "souk: the stored signing key (%s) cannot be read\n", KEY_SETTING);
		return SOUK_ESTORE;
	}
	*out = k;
	return 0;
}

int jwt_key_ensure(Ctx *c)
{
	int rc = 0;
	pthread_mutex_lock(&key_lock);
	if (!key) {
		EVP_PKEY *k = NULL;
		rc = key_load(c, &k);
		if (!rc && key_publish(k) != 0) rc = SOUK_ESTORE;
		if (!rc) key = k;
		else EVP_PKEY_free(k);
	}
	pthread_mutex_unlock(&key_lock);
	return rc;
}

static EVP_PKEY *key_get(void)
{
	pthread_mutex_lock(&key_lock);
	EVP_PKEY *k = key;
	pthread_mutex_unlock(&key_lock);
	return k;
}

int jwt_public_key(Ctx *c, JwtPublicKey *out)
{
	int rc = jwt_key_ensure(c);
	if (rc) return rc;
	out->kid = key_kid;
	out->n = key_n;
	out->e = key_e;
	return 0;
}

static void claims_write(const JwtClaims *cl, Buf *b)
{
	JsonW w;
	char id[24];
	jw_init(&w, b);
	jw_obj(&w);
	if (cl->issuer) jw_kstr(&w, "iss", cl->issuer);
	if (cl->user_id) {
		snprintf(id, sizeof(id), "%lld", (long long)cl->user_id);
		jw_kstr(&w, "user_name", id);
	}
	jw_key(&w, "scope");
	jw_arr(&w);
	for (unsigned bit = 1; bit && bit <= cl->scopes; bit <<= 1)
		if ((cl->scopes & bit) && scopes_name(bit)) jw_str(&w, scopes_name(bit));
	jw_arr_end(&w);
	jw_kstr(&w, "client_id", cl->client_id);
	jw_kstr(&w, "jti", cl->jti);
	jw_kint(&w, "iat", cl->issued_at);
	jw_kint(&w, "exp", cl->expires_at);
	jw_obj_end(&w);
}

int jwt_sign(Ctx *c, const JwtClaims *claims, char *out, size_t outlen)
{
	int rc = jwt_key_ensure(c);
	if (rc) return rc;
	EVP_PKEY *k = key_get();
	Buf payload = {0}, tok = {0};
	unsigned char sig[KEY_BITS / 8 + 16];
	size_t siglen = sizeof(sig);
	EVP_MD_CTX *md = EVP_MD_CTX_new();

	rc = SOUK_ESTORE;
	claims_write(claims, &payload);
	buf_puts(&tok, header_b64);
	buf_putc(&tok, '.');
	b64url_text(&tok, payload.p, payload.len);
	if (!md || EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, k) != 1 ||
	    EVP_DigestSign(md, sig, &siglen, (const unsigned char *)tok.p, tok.len) != 1)
		goto out;
	buf_putc(&tok, '.');
	b64url_text(&tok, (const char *)sig, siglen);
	if (tok.len + 1 > outlen) goto out;
	memcpy(out, tok.p, tok.len);
	out[tok.len] = '\0';
	rc = 0;
out:
	EVP_MD_CTX_free(md);
	buf_free(&payload);
	buf_free(&tok);
	return rc;
}
