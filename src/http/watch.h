/* watch.h -- what libmicrohttpd leaves to souk about connections
 * (watch.c): a deadline for each request head, and a lingering close for
 * connections answered before their body was read. A connection's entry
 * is made and ended by conn.c; server.c marks its requests. */
#ifndef SOUK_WATCH_H
#define SOUK_WATCH_H

typedef struct Watched Watched;

/* Lifetime: the watchdog thread, started before the daemon and stopped
 * after it. A head timeout of 0 sets no deadline. */
int watch_start(unsigned head_timeout_s);
void watch_stop(void);

/* A connection on socket fd opens (its first head's deadline starts), or
 * is about to be closed (it is forgotten, or lingers). */
Watched *watch_open(int fd);
void watch_close(Watched *w);

/* The connection's request head is complete: no deadline while it is served. */
void watch_head_received(Watched *w);
/* A request ended: the next head on a kept-alive connection has its own. */
void watch_request_ended(Watched *w);
/* The connection is answered before its body was read: when it closes, the
 * body still arriving is read and dropped for a while, so that closing does
 * not reset the connection under the answer before the client reads it. */
void watch_linger(Watched *w);

#endif
