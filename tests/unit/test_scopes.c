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
	CHECK(grants_parse("client_credentials refresh_token", &s) == 0 &&
	      s == (GRANT_CLIENT_CREDENTIALS | GRANT_REFRESH_TOKEN));
	grants_format(GRANT_AUTHORIZATION_CODE, buf, sizeof(buf));
	CHECK_STR(buf, "authorization_code");
}
