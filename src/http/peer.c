/* peer.c -- the address a request came from, as text: the connection's
 * peer (written once per connection, conn.c), or behind a trusted reverse
 * proxy the client it says it saw. */
#include "http.h"

#include <string.h>

#include "conn.h"

/* An address as inet_ntop writes it, IPv4 for v4-mapped IPv6 (a client on
 * a dual-stack socket, or a proxy writing it so): two spellings of one
 * address must be one key to a limit. */
static bool address_text(int family, const void *bin, char out[INET6_ADDRSTRLEN])
{
	if (family == AF_INET6 && IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)bin)) {
		family = AF_INET;
		bin = (const unsigned char *)bin + 12;
	}
	return inet_ntop(family, bin, out, INET6_ADDRSTRLEN) != NULL;
}

bool peer_text(const struct sockaddr *sa, char out[INET6_ADDRSTRLEN])
{
	if (sa->sa_family == AF_INET)
		return address_text(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out);
	if (sa->sa_family == AF_INET6)
		return address_text(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out);
	return false;
}

const char *http_peer_addr(Request *r)
{
	return r->cs && r->cs->peer[0] ? r->cs->peer : NULL;
}

/* s[0..n) if it is an IP address, written as address_text writes it. */
static const char *address_parse(Request *r, const char *s, size_t n)
{
	char text[INET6_ADDRSTRLEN];
	struct in6_addr bin;
	if (!n || n >= sizeof(text)) return NULL;
	memcpy(text, s, n);
	text[n] = '\0';
	char *out = arena_alloc(r->arena, INET6_ADDRSTRLEN);
	if (inet_pton(AF_INET, text, &bin) == 1) return address_text(AF_INET, &bin, out) ? out : NULL;
	if (inet_pton(AF_INET6, text, &bin) == 1) return address_text(AF_INET6, &bin, out) ? out : NULL;
	return NULL;
}

const char *http_client_addr(Request *r)
{
	const char *peer = http_peer_addr(r);
	if (!r->cs || !r->cs->via_proxy) return peer;
	const char *fwd = http_header(r, "X-Forwarded-For");
	if (!fwd) return peer;
	/* The proxy appends the address it saw last: that one is its word; what
	 * comes before it, the client wrote. Anything but an address there is
	 * the proxy's fault, and the proxy's address is kept. */
	const char *last = strrchr(fwd, ',');
	last = last ? last + 1 : fwd;
	last += strspn(last, " \t");
	const char *addr = address_parse(r, last, strcspn(last, " \t"));
	return addr ? addr : peer;
}
