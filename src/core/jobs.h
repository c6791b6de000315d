/* jobs.h -- the job runner: one thread that runs the marketplace's timed
 * work (moderation decisions, expiry, ...) on its own store connection.
 * Jobs are idempotent steps guarded by their UPDATE's WHERE clause, so
 * several souk processes on one database may run them at once. */
#ifndef SOUK_JOBS_H
#define SOUK_JOBS_H

#include "ctx.h"

/* A job does one bounded batch and returns how many items it handled. */
typedef int (*JobFn)(Ctx *c);

typedef struct Job {
	const char *name;
	JobFn run;
} Job;

/* Starts the runner over a NULL-terminated table; tick in milliseconds. */
int jobs_start(const Job *jobs, int tick_ms);
void jobs_stop(void);
/* Asks the runner to go through the table now rather than at its next tick
 * (work was just queued); nothing when it is not running. */
void jobs_wake(void);
/* Runs every job once on the caller's context (tests, `souk jobs run`). */
int jobs_run_once(const Job *jobs, Ctx *c);

#endif
