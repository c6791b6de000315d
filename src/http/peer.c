/* peer.c -- the address a request came from, as text. */
#include "http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <string.h>

const char *http_peer_addr(Request *r)
{
	const union MHD_ConnectionInfo *ci =
		r->conn ? MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS) : NULL;
	if (!ci || !ci->client_addr) return NULL;
	char *out = arena_alloc(r->arena, INET6_ADDRSTRLEN);
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
		return inet_ntop(AF_INET, &in->sin_addr, out, INET6_ADDRSTRLEN);
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
		/* An IPv4 client on a dual-stack socket is written as IPv4. */
		if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr))
			return inet_ntop(AF_INET, &in6->sin6_addr.s6_addr[12], out, INET6_ADDRSTRLEN);
		return inet_ntop(AF_INET6, &in6->sin6_addr, out, INET6_ADDRSTRLEN);
	}
	return NULL;
}
