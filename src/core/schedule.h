/* schedule.h -- the table of timed jobs the runner goes through each tick. */
#ifndef SOUK_SCHEDULE_H
#define SOUK_SCHEDULE_H

#include "jobs.h"

extern const Job souk_jobs[];	/* NULL-terminated */

#endif
