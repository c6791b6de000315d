/* conn.c -- the state of each connection (conn.h). */
#include "conn.h"

#include <stdlib.h>

#include "http.h"
#include "../core/site.h"

static void opened(struct MHD_Connection *conn, void **socket_context)
{
	ConnState *cs = xcalloc(1, sizeof(*cs));
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr && peer_text(ci->client_addr, cs->peer))
		cs->via_proxy = site_proxy_trusted(cs->peer);
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci) cs->watch = watch_open(ci->connect_fd);
	*socket_context = cs;
}

void conn_on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
	enum MHD_ConnectionNotificationCode toe)
{
	(void)cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		metrics_count_connection(1);
		opened(conn, socket_context);
		return;
	}
	metrics_count_connection(-1);
	ConnState *cs = *socket_context;
	if (cs && cs->watch) watch_close(cs->watch);
	free(cs);
	*socket_context = NULL;
}

ConnState *conn_state(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}
