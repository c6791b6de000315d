/* conn.h -- what souk keeps per connection (conn.c), made when
 * libmicrohttpd accepts it and freed when it closes: the peer's address,
 * written once rather than on every request, whether that peer is a trusted
 * proxy, and the connection's watch entry (watch.c). Requests reach it as
 * r->cs. */
#ifndef SOUK_CONN_H
#define SOUK_CONN_H

#include <arpa/inet.h>
#include <stdbool.h>
#include <microhttpd.h>

#include "watch.h"

typedef struct ConnState {
	Watched *watch;
	bool via_proxy;			/* the peer is in --trusted-proxies */
	char peer[INET6_ADDRSTRLEN];	/* as inet_ntop writes it; "" unknown */
} ConnState;

/* MHD_OPTION_NOTIFY_CONNECTION. */
void conn_on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
	enum MHD_ConnectionNotificationCode toe);
/* The connection's state, or NULL. */
ConnState *conn_state(struct MHD_Connection *conn);

/* A socket address as text (peer.c): what limits count by, so one address
 * has one spelling (IPv4 for v4-mapped IPv6). False for other families. */
bool peer_text(const struct sockaddr *sa, char out[INET6_ADDRSTRLEN]);

#endif
