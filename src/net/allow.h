/* allow.h -- which addresses souk's outgoing requests may reach: public
 * addresses, and the ranges the operator lists on top ("images.allow_ranges",
 * e.g. a test image host on 127.0.0.1). Checked on the address a connection
 * is about to be made to, after DNS resolution, for every hop. Pure. */
#ifndef SOUK_NET_ALLOW_H
#define SOUK_NET_ALLOW_H

#include <stdbool.h>
#include <stdint.h>

struct sockaddr;

#define ALLOW_RANGES_MAX 16

typedef struct AllowRange {
	uint8_t addr[16];	/* IPv4 as ::ffff:a.b.c.d */
	int bits;		/* prefix length over those 16 bytes */
} AllowRange;

typedef struct AllowList {
	AllowRange r[ALLOW_RANGES_MAX];
	int n;
} AllowList;

/* "10.0.0.0/8, 127.0.0.1, ::1/128" (commas or spaces; an address alone is
 * itself); "" is none. -1 on anything else, or past ALLOW_RANGES_MAX. */
int allow_parse(const char *s, AllowList *out);

/* Whether a public (globally routable unicast) address: not loopback,
 * private, link-local (169.254.169.254, the cloud metadata service, among
 * them), shared, documentation, multicast or reserved, also when an IPv6
 * address embeds one (mapped, NAT64, 6to4). */
bool allow_is_public(const uint8_t a[16]);

/* The rule: public, or inside a listed range. sa: AF_INET or AF_INET6. */
bool allow_addr_ok(const AllowList *l, const struct sockaddr *sa);

#endif
