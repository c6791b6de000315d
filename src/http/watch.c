/* watch.c -- a deadline for each request head, and a lingering close.
 *
 * libmicrohttpd's timeout counts inactivity only, so a client that sends one
 * header line every few seconds (slowloris) keeps its connection forever,
 * and a thousand such clients leave none for anyone else. Here each
 * connection carries the time by which its request line and headers must be
 * in: set when it opens and again when a request on it ends (the next head
 * of a kept-alive connection), cleared while a complete request is served.
 * A watchdog thread shuts down the socket of a connection past its deadline;
 * libmicrohttpd then reads the end of the stream and closes it as usual.
 *
 * A connection answered before its body was read (a body announced over the
 * cap) is closed by libmicrohttpd with the body still arriving, and closing
 * a socket with unread data resets it: the client, still sending, loses the
 * answer. So such a socket is kept open past libmicrohttpd's close (a
 * duplicate descriptor), its writing side ended, and the watchdog reads and
 * drops what still comes for a short while before closing it (RFC 9112
 * 9.6, as servers' "lingering close").
 *
 * libmicrohttpd reports a connection closed before it closes the socket, and
 * the watchdog touches a connection's socket only under the lock that this
 * report takes, so it never acts on a descriptor another connection reused. */
#include "watch.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http.h"

#define LINGER_NS (2 * 1000000000ull)	/* how long a lingering close reads */
#define LINGER_MAX 256			/* sockets lingering at once; past it, close */
#define LINGER_TICK_NS (20 * 1000000ull)

struct Watched {
	struct Watched *prev, *next;
	int fd;
	_Atomic uint64_t deadline_ns;	/* 0: none (a complete request is served) */
	bool linger;			/* set and read on the connection's thread */
};

typedef struct List {
	Watched *head;
	int n;
} List;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake;
static List open_, lingering;	/* under lock */
static pthread_t watchdog;
static bool running, stopping;
static uint64_t timeout_ns;

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void list_add(List *l, Watched *w)
{
	w->prev = NULL;
	w->next = l->head;
	if (l->head) l->head->prev = w;
	l->head = w;
	l->n++;
}

static void list_remove(List *l, Watched *w)
{
	if (w->prev) w->prev->next = w->next;
	else l->head = w->next;
	if (w->next) w->next->prev = w->prev;
	l->n--;
}

/* Reads what a lingering socket has; true once it is done with. */
static bool drain(Watched *w, uint64_t now)
{
	char buf[16384];
	for (int i = 0; i < 64; i++) {
		ssize_t n = recv(w->fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n == 0) return true;
		if (n < 0) return !(errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
	}
	return now >= atomic_load(&w->deadline_ns);
}

static void cut_late_heads(uint64_t now)
{
	for (Watched *w = open_.head; w; w = w->next) {
		uint64_t d = atomic_load(&w->deadline_ns);
		/* The exchange loses to a head that completed meanwhile. */
		if (d && now >= d && atomic_compare_exchange_strong(&w->deadline_ns, &d, 0)) {
			shutdown(w->fd, SHUT_RDWR);
			metrics_count_head_timeout();
		}
	}
}

static void end_lingering(bool all, uint64_t now)
{
	Watched *next;
	for (Watched *w = lingering.head; w; w = next) {
		next = w->next;
		if (!all && !drain(w, now) && now < atomic_load(&w->deadline_ns)) continue;
		list_remove(&lingering, w);
		close(w->fd);
		free(w);
	}
}

/* Checks a few times per head timeout, so a connection is cut at most a
 * quarter of it late (and at most a second); often while sockets linger. */
static void *watch(void *unused)
{
	(void)unused;
	uint64_t tick = timeout_ns ? timeout_ns / 4 : 1000000000u;
	if (tick > 1000000000u) tick = 1000000000u;

	pthread_mutex_lock(&lock);
	while (!stopping) {
		uint64_t now = now_ns();
		if (timeout_ns) cut_late_heads(now);
		end_lingering(false, now);
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		uint64_t ns = (uint64_t)until.tv_nsec + (lingering.n ? LINGER_TICK_NS : tick);
		until.tv_sec += (time_t)(ns / 1000000000u);
		until.tv_nsec = (long)(ns % 1000000000u);
		pthread_cond_timedwait(&wake, &lock, &until);
	}
	end_lingering(true, 0);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int watch_start(unsigned head_timeout_s)
{
	pthread_condattr_t attr;

	timeout_ns = (uint64_t)head_timeout_s * 1000000000u;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&wake, &attr);
	pthread_condattr_destroy(&attr);
	stopping = false;
	if (pthread_create(&watchdog, NULL, watch, NULL) != 0) return -1;
	running = true;
	return 0;
}

void watch_stop(void)
{
	if (!running) return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(watchdog, NULL);
	pthread_cond_destroy(&wake);
	running = false;
}

Watched *watch_open(int fd)
{
	Watched *w = xcalloc(1, sizeof(*w));
	w->fd = fd;
	atomic_init(&w->deadline_ns, timeout_ns ? now_ns() + timeout_ns : 0);
	pthread_mutex_lock(&lock);
	list_add(&open_, w);
	pthread_mutex_unlock(&lock);
	return w;
}

/* Called before libmicrohttpd closes the socket: a duplicate keeps it open
 * for the lingering close. */
void watch_close(Watched *w)
{
	int fd = w->linger ? dup(w->fd) : -1;
	pthread_mutex_lock(&lock);
	list_remove(&open_, w);
	if (fd >= 0 && lingering.n < LINGER_MAX) {
		shutdown(fd, SHUT_WR);
		w->fd = fd;
		atomic_store(&w->deadline_ns, now_ns() + LINGER_NS);
		list_add(&lingering, w);
		pthread_cond_signal(&wake);
		w = NULL;
	}
	pthread_mutex_unlock(&lock);
	if (w && fd >= 0) close(fd);
	free(w);
}

void watch_head_received(Watched *w)
{
	if (w) atomic_store(&w->deadline_ns, 0);
}

void watch_request_ended(Watched *w)
{
	if (w && timeout_ns) atomic_store(&w->deadline_ns, now_ns() + timeout_ns);
}

void watch_linger(Watched *w)
{
	if (w) w->linger = true;
}
