/* allow.c -- the address rule of outgoing requests. */
#include "allow.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

/* IPv4 a.b.c.d as ::ffff:a.b.c.d, so one comparison serves both families. */
static void mapped(const uint8_t v4[4], uint8_t out[16])
{
	memset(out, 0, 10);
	out[10] = out[11] = 0xff;
	memcpy(out + 12, v4, 4);
}

static bool is_mapped(const uint8_t a[16])
{
	static const uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	return memcmp(a, prefix, 12) == 0;
}

static bool in_prefix(const uint8_t a[16], const uint8_t net[16], int bits)
{
	int whole = bits / 8, rest = bits % 8;
	if (memcmp(a, net, (size_t)whole) != 0) return false;
	if (!rest) return true;
	uint8_t mask = (uint8_t)(0xff << (8 - rest));
	return (a[whole] & mask) == (net[whole] & mask);
}

/* IANA special-purpose IPv4 registry, everything not globally reachable. */
static const struct { uint8_t net[4]; int bits; } v4_special[] = {
	{{0, 0, 0, 0}, 8}, {{10, 0, 0, 0}, 8}, {{100, 64, 0, 0}, 10}, {{127, 0, 0, 0}, 8},
	{{169, 254, 0, 0}, 16}, {{172, 16, 0, 0}, 12}, {{192, 0, 0, 0}, 24}, {{192, 0, 2, 0}, 24},
	{{192, 88, 99, 0}, 24}, {{192, 168, 0, 0}, 16}, {{198, 18, 0, 0}, 15},
	{{198, 51, 100, 0}, 24}, {{203, 0, 113, 0}, 24}, {{224, 0, 0, 0}, 4}, {{240, 0, 0, 0}, 4},
};

/* Inside global unicast 2000::/3, the blocks that are not public: IETF
 * protocol assignments (Teredo among them), documentation, 6to4 (which
 * embeds an IPv4 address of any kind). */
static const struct { uint8_t net[4]; int bits; } v6_special[] = {
	{{0x20, 0x01, 0x00, 0x00}, 23}, {{0x20, 0x01, 0x0d, 0xb8}, 32}, {{0x20, 0x02, 0, 0}, 16},
	{{0x3f, 0xff, 0x00, 0x00}, 20},
};

bool allow_is_public(const uint8_t a[16])
{
	if (is_mapped(a)) {
		for (size_t i = 0; i < sizeof(v4_special) / sizeof(v4_special[0]); i++) {
			uint8_t net[16];
			mapped(v4_special[i].net, net);
			if (in_prefix(a, net, 96 + v4_special[i].bits)) return false;
		}
		return true;
	}
	/* Outside 2000::/3 nothing is public: loopback, unspecified, unique
	 * local, link-local, multicast, NAT64, IPv4-compatible, discard. */
	if ((a[0] & 0xe0) != 0x20) return false;
	for (size_t i = 0; i < sizeof(v6_special) / sizeof(v6_special[0]); i++) {
		uint8_t net[16] = {0};
		memcpy(net, v6_special[i].net, 4);
		if (in_prefix(a, net, v6_special[i].bits)) return false;
	}
	return true;
}

/* One "addr[/bits]" of n bytes. */
static int parse_one(const char *s, size_t n, AllowRange *r)
{
	char text[64];
	if (n == 0 || n >= sizeof(text)) return -1;
	memcpy(text, s, n);
	text[n] = '\0';
	char *slash = strchr(text, '/');
	long bits = -1;
	if (slash) {
		char *end;
		*slash = '\0';
		bits = strtol(slash + 1, &end, 10);
		if (end == slash + 1 || *end || bits < 0) return -1;
	}
	uint8_t v4[4];
	if (inet_pton(AF_INET, text, v4) == 1) {
		if (bits > 32) return -1;
		mapped(v4, r->addr);
		r->bits = 96 + (bits < 0 ? 32 : (int)bits);
		return 0;
	}
	if (inet_pton(AF_INET6, text, r->addr) == 1) {
		if (bits > 128) return -1;
		r->bits = bits < 0 ? 128 : (int)bits;
		return 0;
	}
	return -1;
}

int allow_parse(const char *s, AllowList *out)
{
	static const char sep[] = ", \t";
	out->n = 0;
	if (!s) return 0;
	for (;;) {
		s += strspn(s, sep);
		if (!*s) return 0;
		size_t n = strcspn(s, sep);
		if (out->n == ALLOW_RANGES_MAX || parse_one(s, n, &out->r[out->n]) != 0) return -1;
		out->n++;
		s += n;
	}
}

bool allow_addr_ok(const AllowList *l, const struct sockaddr *sa)
{
	uint8_t a[16];
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
		mapped((const uint8_t *)&in->sin_addr, a);
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
		memcpy(a, &in6->sin6_addr, 16);
	} else {
		return false;
	}
	for (int i = 0; i < l->n; i++)
		if (in_prefix(a, l->r[i].addr, l->r[i].bits)) return true;
	return allow_is_public(a);
}
