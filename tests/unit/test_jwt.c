/* test_jwt.c -- JWT access tokens: the key is made once and kept, a token's
 * three parts decode to the claims given, and its RS256 signature verifies
 * with the stored key (OpenSSL, independently of jwt.c); a sealed token as
 * long as a JWT opens again. */
#include "t.h"

#include <json-c/json.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sodium.h>
#include <string.h>

#include "../../src/core/auth/jwt.h"
#include "../../src/core/auth/scopes.h"
#include "../../src/store/store.h"
#include "../../src/util/crypto.h"

static size_t unb64(const char *s, size_t n, unsigned char *out, size_t cap)
{
	size_t len = 0;
	if (sodium_base642bin(out, cap, s, n, NULL, &len, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return 0;
	return len;
}

static bool signature_ok(const char *pem, const char *tok)
{
	const char *dot = strrchr(tok, '.');
	unsigned char sig[512];
	size_t siglen = unb64(dot + 1, strlen(dot + 1), sig, sizeof(sig));
	BIO *bio = BIO_new_mem_buf(pem, -1);
	EVP_PKEY *k = PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	bool ok = k && siglen && EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, k) == 1 &&
		  EVP_DigestVerify(md, sig, siglen, (const unsigned char *)tok, (size_t)(dot - tok)) == 1;
	EVP_MD_CTX_free(md);
	EVP_PKEY_free(k);
	BIO_free(bio);
	return ok;
}

void test_jwt(void)
{
	Store *st;
	Arena *a = arena_new();
	CHECK(store_open(":memory:", &st) == 0);
	CHECK(store_migrate(st, NULL) == 0);
	Ctx c = {.arena = a, .st = st, .now = 1700000000};

	CHECK(jwt_key_ensure(&c) == 0);
	const char *pem = NULL;
	CHECK(store_setting_get(st, a, "oauth.signing_key", &pem) == 0 && strstr(pem, "BEGIN PRIVATE KEY"));
	JwtPublicKey pub;
	CHECK(jwt_public_key(&c, &pub) == 0 && strcmp(pub.e, "AQAB") == 0 && strlen(pub.n) == 342 &&
	      strlen(pub.kid) == 43);

	char tok[JWT_MAX + 1];
	JwtClaims cl = {.issuer = "http://x/auth/oauth", .user_id = 42, .client_id = "123456789",
		.scopes = SCOPE_ALLEGRO_PROFILE_READ | SCOPE_ALLEGRO_OFFERS_WRITE, .jti = "0123abcd",
		.issued_at = c.now, .expires_at = c.now + 43199};
	CHECK(jwt_sign(&c, &cl, tok, sizeof(tok)) == 0);
	CHECK(signature_ok(pem, tok));
	char *dot1 = strchr(tok, '.'), *dot2 = strrchr(tok, '.');
	unsigned char json[1024];
	size_t n = unb64(dot1 + 1, (size_t)(dot2 - dot1 - 1), json, sizeof(json) - 1);
	json[n] = '\0';
	json_object *p = json_tokener_parse((const char *)json), *v;
	CHECK(p != NULL);
	CHECK(json_object_object_get_ex(p, "user_name", &v) && strcmp(json_object_get_string(v), "42") == 0);
	CHECK(json_object_object_get_ex(p, "exp", &v) && json_object_get_int64(v) == c.now + 43199);
	CHECK(json_object_object_get_ex(p, "scope", &v) && json_object_array_length(v) == 2 &&
	      strcmp(json_object_get_string(json_object_array_get_idx(v, 1)),
		      "allegro:api:sale:offers:write") == 0);
	CHECK(json_object_object_get_ex(p, "client_id", &v) && strcmp(json_object_get_string(v), "123456789") == 0);
	CHECK(json_object_object_get_ex(p, "jti", &v));
	json_object_put(p);
	n = unb64(tok, (size_t)(dot1 - tok), json, sizeof(json) - 1);
	json[n] = '\0';
	CHECK(strstr((const char *)json, "\"alg\":\"RS256\"") && strstr((const char *)json, pub.kid));

	/* a changed byte breaks the signature */
	tok[(dot1 - tok) + 5] ^= 1;
	CHECK(!signature_ok(pem, tok));
	tok[(dot1 - tok) + 5] ^= 1;

	/* a client token has no user_name */
	cl.user_id = 0;
	CHECK(jwt_sign(&c, &cl, tok, sizeof(tok)) == 0);
	dot1 = strchr(tok, '.');
	dot2 = strrchr(tok, '.');
	n = unb64(dot1 + 1, (size_t)(dot2 - dot1 - 1), json, sizeof(json) - 1);
	json[n] = '\0';
	CHECK(!strstr((const char *)json, "user_name"));
	/* too small a buffer is refused, not cut */
	char small[64];
	CHECK(jwt_sign(&c, &cl, small, sizeof(small)) != 0);

	/* the family's access token, sealed under the refresh token, may be a JWT */
	char sealed[CRYPTO_SEALED_MAX], opened[JWT_MAX + 1];
	CHECK(crypto_seal("ctx", "refresh", tok, sealed, sizeof(sealed)) == 0);
	CHECK(crypto_unseal("ctx", "refresh", sealed, opened, sizeof(opened)) == 0 && strcmp(opened, tok) == 0);
	CHECK(crypto_unseal("ctx", "other", sealed, opened, sizeof(opened)) != 0);

	store_close(st);
	arena_free(a);
}
