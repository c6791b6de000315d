/* test_site.c -- the public base URL rule: what --public-url accepts and the
 * canonical form every absolute link is built on. */
#include "t.h"

#include "../../src/core/site.h"

static void test_url_parse(void)
{
	char out[SITE_URL_MAX + 1];
	CHECK(site_url_parse("https://market.example.com", out, sizeof(out)) == 0);
	CHECK_STR(out, "https://market.example.com");
	CHECK(site_url_parse("https://market.example.com///", out, sizeof(out)) == 0);
	CHECK_STR(out, "https://market.example.com");
	CHECK(site_url_parse("http://127.0.0.1:8080/souk/", out, sizeof(out)) == 0);
	CHECK_STR(out, "http://127.0.0.1:8080/souk");
	CHECK(site_url_parse("http://[::1]:8080", out, sizeof(out)) == 0);
	CHECK_STR(out, "http://[::1]:8080");

	CHECK(site_url_parse(NULL, out, sizeof(out)) != 0);
	CHECK(site_url_parse("market.example.com", out, sizeof(out)) != 0);
	CHECK(site_url_parse("ftp://market.example.com", out, sizeof(out)) != 0);
	CHECK(site_url_parse("https://", out, sizeof(out)) != 0);
	CHECK(site_url_parse("https:///path", out, sizeof(out)) != 0);
	CHECK(site_url_parse("https://a.test/?q=1", out, sizeof(out)) != 0);
	CHECK(site_url_parse("https://a.test#x", out, sizeof(out)) != 0);
	CHECK(site_url_parse("https://a.test\r\nX: y", out, sizeof(out)) != 0);
	CHECK(site_url_parse("https://user@a.test", out, sizeof(out)) != 0);
	CHECK(site_url_parse("https://a.test/\"><script>", out, sizeof(out)) != 0);
	CHECK(site_url_parse("https://market.example.com", out, 10) != 0);	/* too long */
}

void test_site(void)
{
	test_url_parse();
}
