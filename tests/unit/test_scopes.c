/* test_scopes.c -- scope and grant words both ways. */
#include "t.h"

#include "../../src/core/auth/scopes.h"

void test_scopes(void)
{
	unsigned s;
	char buf[64];

	CHECK(scopes_parse("read write v2", &s) == 0 && s == SCOPE_OLX);
	CHECK(scopes_parse("read+v2", &s) == 0 && s == (SCOPE_READ | SCOPE_V2));
	CHECK(scopes_parse("", &s) == 0 && s == 0);
	CHECK(scopes_parse("read admin", &s) == -1);
	CHECK(scopes_parse("rea", &s) == -1);
	scopes_format(SCOPE_OLX, buf, sizeof(buf));
	CHECK_STR(buf, "v2 read write");
	/* Allegro's names, in any order; written back in the table's order */
	CHECK(scopes_parse("allegro:api:sale:offers:write allegro:api:profile:read", &s) == 0 &&
	      s == (SCOPE_ALLEGRO_OFFERS_WRITE | SCOPE_ALLEGRO_PROFILE_READ));
	scopes_format(s, buf, sizeof(buf));
	CHECK_STR(buf, "allegro:api:profile:read allegro:api:sale:offers:write");
	CHECK(scopes_parse("allegro:api:sale:offers", &s) == -1);
	CHECK_STR(scopes_name(SCOPE_ALLEGRO_SETTINGS_WRITE), "allegro:api:sale:settings:write");
	CHECK(scopes_name(SCOPE_OLX) == NULL);
	char all[SCOPES_TEXT_MAX];
	scopes_format(SCOPE_ALL, all, sizeof(all));
	CHECK(scopes_parse(all, &s) == 0 && s == SCOPE_ALL);
	CHECK(grants_parse("client_credentials refresh_token", &s) == 0 &&
	      s == (GRANT_CLIENT_CREDENTIALS | GRANT_REFRESH_TOKEN));
	grants_format(GRANT_AUTHORIZATION_CODE, buf, sizeof(buf));
	CHECK_STR(buf, "authorization_code");
}
