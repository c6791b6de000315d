/* peer.c -- the address a request came from, as text: the connection's
 * peer, or behind a trusted reverse proxy the client it says it saw. */
#include "http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <string.h>

#include "../core/site.h"

/* An address as inet_ntop writes it, IPv4 for v4-mapped IPv6 (a client on
 * a dual-stack socket, or a proxy writing it so): two spellings of one
 * address must be one key to a limit. */
static const char *address_text(Request *r, int family, const void *bin)
{
	char *out = arena_alloc(r->arena, INET6_ADDRSTRLEN);
	if (family == AF_INET6 && IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)bin)) {
		family = AF_INET;
		bin = (const unsigned char *)bin + 12;
	}
	return inet_ntop(family, bin, out, INET6_ADDRSTRLEN);
}

const char *http_peer_addr(Request *r)
{
	const union MHD_ConnectionInfo *ci =
		r->conn ? MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS) : NULL;
	if (!ci || !ci->client_addr) return NULL;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		return address_text(r, AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr);
	if (sa->sa_family == AF_INET6)
		return address_text(r, AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr);
	return NULL;
}

/* s[0..n) if it is an IP address, written as address_text writes it. */
static const char *address_parse(Request *r, const char *s, size_t n)
{
	char text[INET6_ADDRSTRLEN];
	struct in6_addr bin;
	if (!n || n >= sizeof(text)) return NULL;
	memcpy(text, s, n);
	text[n] = '\0';
	if (inet_pton(AF_INET, text, &bin) == 1) return address_text(r, AF_INET, &bin);
	if (inet_pton(AF_INET6, text, &bin) == 1) return address_text(r, AF_INET6, &bin);
	return NULL;
}

const char *http_client_addr(Request *r)
{
	const char *peer = http_peer_addr(r);
	const char *fwd = http_header(r, "X-Forwarded-For");
	if (!fwd || !site_proxy_trusted(peer)) return peer;
	/* The proxy appends the address it saw last: that one is its word; what
	 * comes before it, the client wrote. Anything but an address there is
	 * the proxy's fault, and the proxy's address is kept. */
	const char *last = strrchr(fwd, ',');
	last = last ? last + 1 : fwd;
	last += strspn(last, " \t");
	const char *addr = address_parse(r, last, strcspn(last, " \t"));
	return addr ? addr : peer;
}
