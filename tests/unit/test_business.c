/* test_business.c -- the rules of a business profile (pure): a name is
 * required, lengths count characters, a subdomain is lower-case letters,
 * digits and inner hyphens, the website an http(s) URL, at most five phones
 * each a phone number. */
#include "t.h"

#include "../../src/core/business/business.h"

void test_business(void)
{
	BusinessProfile p = {.name = "Sklep Ania", .subdomain = "sklep-ania", .website_url = "https://ania.test",
		.city = "Kraków", .phones = {"600100200", "+48 22 555 01 02"}, .nphones = 2};
	Violations vs = {0};
	CHECK(business_check(&p, &vs) && vs.n == 0);

	BusinessProfile q = p;
	q.name = "";
	CHECK(!business_check(&q, &vs) && violations_has_rule(&vs, RULE_REQUIRED, "name"));

	/* 100 two-byte letters are 100 characters, within the limit. */
	char name[2 * BUSINESS_NAME_MAX + 3];
	for (int i = 0; i < BUSINESS_NAME_MAX; i++) memcpy(name + 2 * i, "\xc4\x85", 2);
	name[2 * BUSINESS_NAME_MAX] = '\0';
	q = p;
	q.name = name;
	vs.n = 0;
	CHECK(business_check(&q, &vs));
	memcpy(name + 2 * BUSINESS_NAME_MAX, "x", 2);
	CHECK(!business_check(&q, &vs) && violations_has_rule(&vs, RULE_TOO_LONG, "name"));

	const char *bad_subdomains[] = {"ab", "Sklep", "sklep ania", "-sklep", "sklep-", "sklep_ania"};
	for (size_t i = 0; i < sizeof(bad_subdomains) / sizeof(bad_subdomains[0]); i++) {
		q = p;
		q.subdomain = bad_subdomains[i];
		vs.n = 0;
		CHECK(!business_check(&q, &vs) && violations_has_rule(&vs, RULE_INVALID, "subdomain"));
	}
	q = p;
	q.website_url = "ania.test";
	vs.n = 0;
	CHECK(!business_check(&q, &vs) && violations_has_rule(&vs, RULE_URL_FORMAT, "website_url"));
	q.website_url = "";
	vs.n = 0;
	CHECK(business_check(&q, &vs));

	q = p;
	q.phones[1] = "call me";
	vs.n = 0;
	CHECK(!business_check(&q, &vs) && violations_has_rule(&vs, RULE_PHONE_FORMAT, "phones[1]"));
	q = p;
	q.nphones = BUSINESS_PHONES_MAX + 1;
	for (int i = 0; i < BUSINESS_PHONES_MAX; i++) q.phones[i] = "600100200";
	vs.n = 0;
	CHECK(!business_check(&q, &vs) && violations_has_rule(&vs, RULE_TOO_MANY, "phones") && vs.n == 1);
}
