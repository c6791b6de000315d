/* jobs.h -- the job runners: threads that run the marketplace's timed work
 * (moderation decisions, expiry, ...), each on its own store connection.
 * Jobs are idempotent steps guarded by their UPDATE's WHERE clause, so
 * several souk processes on one database may run them at once. */
#ifndef SOUK_JOBS_H
#define SOUK_JOBS_H

#include <pthread.h>

#include "ctx.h"

/* A job does one bounded batch and returns how many items it handled. */
typedef int (*JobFn)(Ctx *c);

typedef struct Job {
	const char *name;
	JobFn run;
} Job;

/* A runner: one thread going through one table. The marketplace's jobs
 * have the main runner; work that waits on other servers (webhook
 * deliveries, image fetches) has its own, so it holds back no other job. */
typedef struct JobRunner JobRunner;

/* Starts a runner over a NULL-terminated table; tick in milliseconds.
 * NULL when its thread cannot start. */
JobRunner *jobs_runner_start(const Job *jobs, int tick_ms);
void jobs_runner_stop(JobRunner *r);		/* joins and frees; NULL: nothing */
/* Asks the runner to go through its table now rather than at its next
 * tick (work was just queued). */
void jobs_runner_wake(JobRunner *r);

/* A runner that request threads wake (work was queued): the lock keeps a
 * wake from meeting it before it starts or after it is freed. */
typedef struct JobSlot {
	pthread_mutex_t lock;
	JobRunner *runner;	/* NULL: not running, a wake does nothing */
} JobSlot;
#define JOB_SLOT_INIT {PTHREAD_MUTEX_INITIALIZER, NULL}

int jobs_slot_start(JobSlot *s, const Job *jobs, int tick_ms);	/* -1: no thread */
void jobs_slot_wake(JobSlot *s);
void jobs_slot_stop(JobSlot *s);

/* The main runner (a slot of its own) */
int jobs_start(const Job *jobs, int tick_ms);
void jobs_stop(void);
void jobs_wake(void);	/* nothing when it is not running */
/* Runs every job once on the caller's context (tests, `souk jobs run`). */
int jobs_run_once(const Job *jobs, Ctx *c);

#endif
