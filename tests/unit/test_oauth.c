/* test_oauth.c -- the pure rules of the authorization server: PKCE, HTTP
 * Basic client credentials, the redirect URI rule, sealing, and how a
 * device's user code is read as typed. */
#include "t.h"

#include <stdlib.h>

#include "../../src/api/oauth/oauth.h"
#include "../../src/core/auth/accounts.h"
#include "../../src/core/auth/oauth.h"
#include "../../src/util/crypto.h"

static void test_pkce(void)
{
	/* RFC 7636 appendix B */
	const char *verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
	const char *challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
	CHECK(oauth_pkce_valid(verifier));
	CHECK(oauth_pkce_verify("S256", challenge, verifier));
	CHECK(!oauth_pkce_verify("S256", challenge, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK"));
	CHECK(!oauth_pkce_verify("S256", challenge, challenge));
	CHECK(!oauth_pkce_verify("S256", verifier, verifier));
	CHECK(oauth_pkce_verify("plain", verifier, verifier));
	CHECK(oauth_pkce_verify(NULL, verifier, verifier));	/* plain is the default */
	CHECK(!oauth_pkce_verify("plain", verifier, challenge));
	CHECK(!oauth_pkce_verify("S512", challenge, verifier));
	CHECK(!oauth_pkce_verify("S256", NULL, verifier));

	/* 43 to 128 unreserved characters */
	char s[130];
	memset(s, 'a', sizeof(s));
	s[42] = '\0';
	CHECK(!oauth_pkce_valid(s));
	s[42] = 'a';
	s[43] = '\0';
	CHECK(oauth_pkce_valid(s));
	s[43] = 'a';
	s[128] = '\0';
	CHECK(oauth_pkce_valid(s));
	s[128] = 'a';
	s[129] = '\0';
	CHECK(!oauth_pkce_valid(s));
	CHECK(!oauth_pkce_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+a"));
	CHECK(!oauth_pkce_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=a"));
	CHECK(oauth_pkce_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-._~"));
	CHECK(!oauth_pkce_valid(NULL));
	CHECK(!oauth_pkce_verify("plain", s, s));	/* too long for a verifier */
}

static void test_basic(void)
{
	Arena *a = arena_new();
	const char *id = NULL, *secret = NULL;

	/* "client:s3cret" */
	CHECK(oauth_basic_decode(a, "Basic Y2xpZW50OnMzY3JldA==", &id, &secret));
	CHECK_STR(id, "client");
	CHECK_STR(secret, "s3cret");
	CHECK(oauth_basic_decode(a, "basic   Y2xpZW50OnMzY3JldA", &id, &secret));	/* no padding */
	CHECK_STR(secret, "s3cret");
	/* RFC 6749 2.3.1: form-urlencoded before base64: "a%3Ab:c+d%25" -> "a:b" / "c d%" */
	CHECK(oauth_basic_decode(a, "Basic YSUzQWI6YytkJTI1", &id, &secret));
	CHECK_STR(id, "a:b");
	CHECK_STR(secret, "c d%");
	/* the secret may contain ':' after the first */
	CHECK(oauth_basic_decode(a, "Basic aWQ6YTpi", &id, &secret));	/* "id:a:b" */
	CHECK_STR(id, "id");
	CHECK_STR(secret, "a:b");
	/* empty secret is decoded; it will not authenticate */
	CHECK(oauth_basic_decode(a, "Basic aWQ6", &id, &secret));	/* "id:" */
	CHECK_STR(secret, "");

	CHECK(!oauth_basic_decode(a, "Bearer Y2xpZW50OnMzY3JldA==", &id, &secret));
	CHECK(!oauth_basic_decode(a, "Basic ", &id, &secret));
	CHECK(!oauth_basic_decode(a, "Basic Y2xpZW50", &id, &secret));		/* "client": no colon */
	CHECK(!oauth_basic_decode(a, "Basic Y2xp*W50OnMz", &id, &secret));	/* not base64 */
	CHECK(!oauth_basic_decode(a, "Basic Y2=xpZW50OnMzY3JldA", &id, &secret));	/* data after padding */
	CHECK(!oauth_basic_decode(a, "Basic YSUzOmI=", &id, &secret));		/* "a%3:b": broken escape */
	CHECK(!oauth_basic_decode(a, "Basic YSUwMDpi", &id, &secret));		/* "a%00:b": NUL */
	CHECK(!oauth_basic_decode(a, NULL, &id, &secret));
	arena_free(a);
}

static void test_redirect(void)
{
	Ctx c = {.arena = arena_new()};
	App one = {.redirect_uris = "http://a.test/cb"};
	App two = {.redirect_uris = "http://a.test/cb\nhttp://b.test/cb"};
	App none = {.redirect_uris = ""};

	CHECK_STR(oauth_redirect_choose(&c, &one, NULL), "http://a.test/cb");
	CHECK_STR(oauth_redirect_choose(&c, &one, ""), "http://a.test/cb");
	CHECK_STR(oauth_redirect_choose(&c, &one, "http://a.test/cb"), "http://a.test/cb");
	CHECK(oauth_redirect_choose(&c, &one, "http://a.test/cb/") == NULL);	/* exact match only */
	CHECK(oauth_redirect_choose(&c, &one, "http://a.test/cb?x=1") == NULL);
	CHECK(oauth_redirect_choose(&c, &one, "http://a.test") == NULL);
	CHECK(oauth_redirect_choose(&c, &two, NULL) == NULL);	/* several: must name one */
	CHECK_STR(oauth_redirect_choose(&c, &two, "http://b.test/cb"), "http://b.test/cb");
	CHECK(oauth_redirect_choose(&c, &two, "http://a.test/cb\nhttp://b.test/cb") == NULL);
	CHECK(oauth_redirect_choose(&c, &none, NULL) == NULL);
	CHECK(oauth_redirect_choose(&c, &none, "http://a.test/cb") == NULL);
	arena_free(c.arena);
}

static void test_seal(void)
{
	char sealed[CRYPTO_SEALED_MAX], again[CRYPTO_SEALED_MAX], out[64];
	const char *refresh = "12a13560163da7901d7f74c89fc5df3ea7625942";
	const char *access = "454c3cd39a980500e9b787e03d53ec5c320f644b";

	CHECK(crypto_seal("ctx", refresh, access, sealed, sizeof(sealed)) == 0);
	CHECK(strstr(sealed, access) == NULL);
	CHECK(crypto_unseal("ctx", refresh, sealed, out, sizeof(out)) == 0);
	CHECK_STR(out, access);
	CHECK(crypto_seal("ctx", refresh, access, again, sizeof(again)) == 0);
	CHECK(strcmp(sealed, again) != 0);	/* random nonce */
	CHECK(crypto_unseal("ctx", "12a13560163da7901d7f74c89fc5df3ea7625943", sealed, out, sizeof(out)) != 0);
	CHECK(crypto_unseal("other", refresh, sealed, out, sizeof(out)) != 0);
	sealed[10] = sealed[10] == 'A' ? 'B' : 'A';
	CHECK(crypto_unseal("ctx", refresh, sealed, out, sizeof(out)) != 0);
	CHECK(crypto_unseal("ctx", refresh, "not base64 !", out, sizeof(out)) != 0);
	CHECK(crypto_unseal("ctx", refresh, again, out, 10) != 0);	/* too small */
}

/* Client ids were 16 hex characters, which clients that type OLX's client_id
 * as an integer could not hold: now decimal, within a signed 32-bit int, and
 * random rather than in sequence. */
static void test_client_id_numeric(void)
{
	char id[CLIENT_ID_LEN + 1], prev[CLIENT_ID_LEN + 1] = "";
	int distinct = 0;
	for (int i = 0; i < 200; i++) {
		app_client_id_make(id);
		char *end;
		unsigned long long v = strtoull(id, &end, 10);
		CHECK(*end == '\0' && id[0] != '0' && strspn(id, "0123456789") == strlen(id));
		CHECK(v >= CLIENT_ID_MIN && v <= 2147483647ull);
		/* not a sequence: consecutive ids differ by more than one */
		if (prev[0] && llabs((long long)v - strtoll(prev, NULL, 10)) > 1) distinct++;
		strcpy(prev, id);
	}
	CHECK(distinct >= 190);
}

static void test_user_code(void)
{
	char c[OAUTH_USER_CODE_LEN + 1];
	CHECK(oauth_user_code_normalize("BCDF-GHJK", c) && strcmp(c, "BCDF-GHJK") == 0);
	CHECK(oauth_user_code_normalize("bcdfghjk", c) && strcmp(c, "BCDF-GHJK") == 0);
	CHECK(oauth_user_code_normalize(" bc df-gh jk ", c) && strcmp(c, "BCDF-GHJK") == 0);
	CHECK(!oauth_user_code_normalize("BCDF-GHJ", c));	/* seven letters */
	CHECK(!oauth_user_code_normalize("BCDF-GHJKL", c));	/* nine */
	CHECK(!oauth_user_code_normalize("ABCD-GHJK", c));	/* a vowel: never drawn */
	CHECK(!oauth_user_code_normalize("BCD1-GHJK", c));
	CHECK(!oauth_user_code_normalize("BCDF_GHJK", c));
	CHECK(!oauth_user_code_normalize("", c));
	CHECK(!oauth_user_code_normalize(NULL, c));
}

void test_oauth(void)
{
	test_user_code();
	test_client_id_numeric();
	test_pkce();
	test_basic();
	test_redirect();
	test_seal();
}
