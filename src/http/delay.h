/* delay.h -- requests held before they are served (delay.c): a leaky
 * bucket's "the response time is extended" (seed 004) without a worker
 * thread waiting. The connection is suspended (libmicrohttpd stops polling
 * it; no thread is held), and a timer thread resumes it when the
 * marketplace clock reaches its time; the dispatcher then goes on where it
 * stopped. Bounded: at most DELAY_MAX connections are held at once. */
#ifndef SOUK_DELAY_H
#define SOUK_DELAY_H

#include <stdbool.h>
#include <stdint.h>

#include <microhttpd.h>

#define DELAY_MAX 1024

/* The timer thread: started before the daemon; stopping resumes every held
 * connection (libmicrohttpd must not be stopped with one suspended). */
int delay_start(void);
void delay_stop(void);

/* Takes one of the DELAY_MAX places, false when none is free or the timer
 * is not running (then the request is not held but refused). A place taken
 * is given to delay_hold, or back with delay_unreserve. */
bool delay_reserve(void);
void delay_unreserve(void);
/* Holds conn, which the caller has just suspended, until the marketplace
 * clock reaches due_ms (a place reserved before). */
void delay_hold(struct MHD_Connection *conn, int64_t due_ms);

/* Held now, for /metrics. */
int delay_held(void);

#endif
