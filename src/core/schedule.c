/* schedule.c -- what the job runner does, in order, every tick. Add a job by
 * adding its line here; each must be a bounded, idempotent batch. */
#include "schedule.h"

const Job souk_jobs[] = {
	{NULL, NULL},
};
