/* jobs.c -- the runner threads. Each sleeps on a condition variable so that
 * stopping or waking it acts at once instead of waiting out a tick. */
#include "jobs.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "clock.h"
#include "settings.h"

struct JobRunner {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stopping, woken;	/* woken: work queued since the last pass began */
	const Job *table;
	int tick;
};

static JobSlot main_slot = JOB_SLOT_INIT;

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

static void *runner(void *arg)
{
	JobRunner *r = arg;
	Ctx c = {.arena = arena_new(), .st = store_thread()};

	pthread_mutex_lock(&r->lock);
	while (!r->stopping) {
		r->woken = false;
		pthread_mutex_unlock(&r->lock);
		/* A busy batch goes straight on to the next one. */
		int n = jobs_run_once(r->table, &c);
		pthread_mutex_lock(&r->lock);
		if (n > 0 || r->stopping || r->woken) continue;
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += (long)r->tick * 1000000L;
		ts.tv_sec += ts.tv_nsec / 1000000000L;
		ts.tv_nsec %= 1000000000L;
		pthread_cond_timedwait(&r->wake, &r->lock, &ts);
	}
	pthread_mutex_unlock(&r->lock);
	arena_free(c.arena);
	store_thread_close();
	return NULL;
}

JobRunner *jobs_runner_start(const Job *jobs, int tick_ms)
{
	JobRunner *r = calloc(1, sizeof(*r));
	if (!r) abort();
	r->table = jobs;
	r->tick = tick_ms > 0 ? tick_ms : 1000;
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->wake, NULL);
	if (pthread_create(&r->thread, NULL, runner, r) != 0) {
		pthread_cond_destroy(&r->wake);
		pthread_mutex_destroy(&r->lock);
		free(r);
		return NULL;
	}
	return r;
}

void jobs_runner_wake(JobRunner *r)
{
	pthread_mutex_lock(&r->lock);
	r->woken = true;
	pthread_cond_signal(&r->wake);
	pthread_mutex_unlock(&r->lock);
}

void jobs_runner_stop(JobRunner *r)
{
	if (!r) return;
	pthread_mutex_lock(&r->lock);
	r->stopping = true;
	pthread_cond_signal(&r->wake);
	pthread_mutex_unlock(&r->lock);
	pthread_join(r->thread, NULL);
	pthread_cond_destroy(&r->wake);
	pthread_mutex_destroy(&r->lock);
	free(r);
}

int jobs_slot_start(JobSlot *s, const Job *jobs, int tick_ms)
{
	JobRunner *r = jobs_runner_start(jobs, tick_ms);
	if (!r) return -1;
	pthread_mutex_lock(&s->lock);
	s->runner = r;
	pthread_mutex_unlock(&s->lock);
	return 0;
}

void jobs_slot_wake(JobSlot *s)
{
	pthread_mutex_lock(&s->lock);
	if (s->runner) jobs_runner_wake(s->runner);
	pthread_mutex_unlock(&s->lock);
}

void jobs_slot_stop(JobSlot *s)
{
	pthread_mutex_lock(&s->lock);
	JobRunner *r = s->runner;
	s->runner = NULL;
	pthread_mutex_unlock(&s->lock);
	jobs_runner_stop(r);
}

int jobs_start(const Job *jobs, int tick_ms)
{
	return jobs_slot_start(&main_slot, jobs, tick_ms);
}

void jobs_wake(void)
{
	jobs_slot_wake(&main_slot);
}

void jobs_stop(void)
{
	jobs_slot_stop(&main_slot);
}
