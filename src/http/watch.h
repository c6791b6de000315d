/* watch.h -- what libmicrohttpd leaves to souk about connections
 * (watch.c): a deadline for each request head, and a lingering close for
 * connections answered before their body was read. Wired in by server.c. */
#ifndef SOUK_WATCH_H
#define SOUK_WATCH_H

#include <microhttpd.h>

/* Lifetime: the watchdog thread, started before the daemon and stopped
 * after it. A head timeout of 0 sets no deadline. */
int watch_start(unsigned head_timeout_s);
void watch_stop(void);

/* MHD_OPTION_NOTIFY_CONNECTION: a connection opens (its deadline starts) or
 * closes (it is forgotten, or lingers). */
void watch_on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
	enum MHD_ConnectionNotificationCode toe);

/* The connection's request head is complete: no deadline while it is served. */
void watch_head_received(struct MHD_Connection *conn);
/* A request ended: the next head on a kept-alive connection has its own. */
void watch_request_ended(struct MHD_Connection *conn);
/* The connection is answered before its body was read: when it closes, the
 * body still arriving is read and dropped for a while, so that closing does
 * not reset the connection under the answer before the client reads it. */
void watch_linger(struct MHD_Connection *conn);

#endif
