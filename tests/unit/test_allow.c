/* test_allow.c -- the address rule of outgoing requests: what counts as
 * public, the operator's ranges, and their syntax. */
#include "t.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include "../../src/net/allow.h"

/* Whether l lets a connection to the address text through. */
static bool ok(const AllowList *l, const char *text)
{
	struct sockaddr_in in4 = {.sin_family = AF_INET};
	struct sockaddr_in6 in6 = {.sin6_family = AF_INET6};
	if (inet_pton(AF_INET, text, &in4.sin_addr) == 1)
		return allow_addr_ok(l, (const struct sockaddr *)&in4);
	if (inet_pton(AF_INET6, text, &in6.sin6_addr) == 1)
		return allow_addr_ok(l, (const struct sockaddr *)&in6);
	return false;
}

void test_allow(void)
{
	AllowList none, some;
	CHECK(allow_parse("", &none) == 0 && none.n == 0);
	CHECK(allow_parse(NULL, &none) == 0 && none.n == 0);

	/* public only, by default */
	static const char *const refused[] = {
		"127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255",
		"192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "192.0.2.1",
		"198.18.0.1", "203.0.113.9", "224.0.0.1", "255.255.255.255",
		"::1", "::", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
		"fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "64:ff9b::a9fe:a9fe",
		"2001:db8::1", "2002:7f00:1::1", "2001::1",
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		if (ok(&none, refused[i])) fprintf(stderr, "allowed: %s\n", refused[i]);
		CHECK(!ok(&none, refused[i]));
	}
	static const char *const public[] = {
		"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.0.3.1", "::ffff:8.8.8.8",
		"2a00:1450:4001::1", "2600::1",
	};
	for (size_t i = 0; i < sizeof(public) / sizeof(public[0]); i++) CHECK(ok(&none, public[i]));

	/* the operator's ranges, on top */
	CHECK(allow_parse("127.0.0.1, 10.0.0.0/8 ::1/128", &some) == 0 && some.n == 3);
	CHECK(ok(&some, "127.0.0.1") && ok(&some, "::ffff:127.0.0.1") && ok(&some, "10.200.1.1"));
	CHECK(ok(&some, "::1") && ok(&some, "8.8.8.8"));
	CHECK(!ok(&some, "127.0.0.2") && !ok(&some, "169.254.169.254") && ok(&some, "11.0.0.1"));
	CHECK(allow_parse("172.16.0.0/12", &some) == 0);
	CHECK(ok(&some, "172.20.1.1") && ok(&some, "172.32.0.1") && !ok(&some, "127.0.0.1"));
	CHECK(allow_parse("fd00::/8", &some) == 0 && ok(&some, "fd12::1") && !ok(&some, "fc00::1"));

	/* syntax */
	static const char *const bad[] = {
		"nope", "10.0.0.0/33", "::1/129", "127.0.0.1/", "1.2.3.4/8x", "1.2.3", "1.2.3.4/-1",
		"1.1.1.1,2.2.2.2,3.3.3.3,4.4.4.4,5.5.5.5,6.6.6.6,7.7.7.7,8.8.8.8,9.9.9.9,"
		"10.0.0.1,10.0.0.2,10.0.0.3,10.0.0.4,10.0.0.5,10.0.0.6,10.0.0.7,10.0.0.8",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) CHECK(allow_parse(bad[i], &some) == -1);
}
