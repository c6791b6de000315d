/* jobs.c -- the runner thread. It sleeps on a condition variable so that
 * jobs_stop() wakes it at once instead of waiting out a tick. */
#include "jobs.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "clock.h"
#include "settings.h"

static pthread_t thread;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static bool running, stopping, woken;	/* woken: work queued since the last pass began */
static const Job *table;
static int tick;

int jobs_run_once(const Job *jobs, Ctx *c)
{
	int total = 0;
	clock_load(c);
	settings_apply(c);	/* another process may have changed one */
	for (const Job *j = jobs; j->name; j++) {
		c->now = clock_now();
		c->err = NULL;
		arena_reset(c->arena);
		int n = j->run(c);
		if (n < 0) fprintf(stderr, "souk: job %s failed: %s\n", j->name, c->err ? c->err : "?");
		else total += n;
	}
	return total;
}

static void *runner(void *unused)
{
	(void)unused;
	Ctx c = {.arena = arena_new(), .st = store_thread()};

	pthread_mutex_lock(&lock);
	while (!stopping) {
		woken = false;
		pthread_mutex_unlock(&lock);
		/* A busy batch goes straight on to the next one. */
		int n = jobs_run_once(table, &c);
		pthread_mutex_lock(&lock);
		if (n > 0 || stopping || woken) continue;
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += (long)tick * 1000000L;
		ts.tv_sec += ts.tv_nsec / 1000000000L;
		ts.tv_nsec %= 1000000000L;
		pthread_cond_timedwait(&wake, &lock, &ts);
	}
	pthread_mutex_unlock(&lock);
	arena_free(c.arena);
	store_thread_close();
	return NULL;
}

int jobs_start(const Job *jobs, int tick_ms)
{
	table = jobs;
	tick = tick_ms > 0 ? tick_ms : 1000;
	stopping = false;
	if (pthread_create(&thread, NULL, runner, NULL) != 0) return -1;
	running = true;
	return 0;
}

void jobs_wake(void)
{
	pthread_mutex_lock(&lock);
	woken = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
}

void jobs_stop(void)
{
	if (!running) return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(thread, NULL);
	running = false;
}
