/* delay.c -- connections held until their time (delay.h).
 *
 * The held connections are a small array scanned by the timer thread: at
 * most DELAY_MAX of them, and a scan is a few microseconds. The thread
 * sleeps until the earliest time, but never more than TICK_MS while any
 * connection is held, since the operator may move the marketplace clock
 * (POST /api/admin/clock/advance) and the times are the clock's. With
 * nothing held it sleeps until a connection is. */
#include "delay.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "../core/clock.h"

#define TICK_MS 50

typedef struct Held {
	struct MHD_Connection *conn;
	int64_t due_ms;
} Held;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake;
static Held held[DELAY_MAX];	/* under lock */
static int nheld;		/* under lock */
static atomic_int reserved;	/* places taken: held, or about to be */
static atomic_bool running;
static bool stopping;
static pthread_t timer;

/* Resumes the connections whose time has come (all when stopping); the
 * milliseconds until the next one's, or -1 when none is held. */
static int64_t resume_due(int64_t now_ms)
{
	int64_t next = -1;
	for (int i = 0; i < nheld;) {
		if (stopping || held[i].due_ms <= now_ms) {
			MHD_resume_connection(held[i].conn);
			held[i] = held[--nheld];
			atomic_fetch_sub(&reserved, 1);
			continue;
		}
		int64_t left = held[i].due_ms - now_ms;
		if (next < 0 || left < next) next = left;
		i++;
	}
	return next;
}

static void *run(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&lock);
	for (;;) {
		int64_t next = resume_due(clock_now_ms());
		if (stopping) break;
		if (next < 0) {
			pthread_cond_wait(&wake, &lock);
			continue;
		}
		if (next > TICK_MS) next = TICK_MS;
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		int64_t ns = until.tv_nsec + next * 1000000;
		until.tv_sec += (time_t)(ns / 1000000000);
		until.tv_nsec = (long)(ns % 1000000000);
		pthread_cond_timedwait(&wake, &lock, &until);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int delay_start(void)
{
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&wake, &attr);
	pthread_condattr_destroy(&attr);
	stopping = false;
	if (pthread_create(&timer, NULL, run, NULL) != 0) return -1;
	atomic_store(&running, true);
	return 0;
}

void delay_stop(void)
{
	if (!atomic_load(&running)) return;
	pthread_mutex_lock(&lock);
	stopping = true;
	atomic_store(&running, false);
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(timer, NULL);
	pthread_cond_destroy(&wake);
}

bool delay_reserve(void)
{
	if (!atomic_load(&running)) return false;
	int n = atomic_load(&reserved);
	while (n < DELAY_MAX)
		if (atomic_compare_exchange_weak(&reserved, &n, n + 1)) return true;
	return false;
}

void delay_unreserve(void)
{
	atomic_fetch_sub(&reserved, 1);
}

void delay_hold(struct MHD_Connection *conn, int64_t due_ms)
{
	pthread_mutex_lock(&lock);
	if (stopping) {
		/* Stopping meanwhile: no timer will come back for it. */
		atomic_fetch_sub(&reserved, 1);
		pthread_mutex_unlock(&lock);
		MHD_resume_connection(conn);
		return;
	}
	held[nheld++] = (Held){conn, due_ms};
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
}

int delay_held(void)
{
	pthread_mutex_lock(&lock);
	int n = nheld;
	pthread_mutex_unlock(&lock);
	return n;
}
