/* maintenance.h -- the marketplace's housekeeping jobs. */
#ifndef SOUK_MAINTENANCE_H
#define SOUK_MAINTENANCE_H

#include "ctx.h"

/* Copies the write-ahead log into the database (never blocks writers). */
int maintenance_checkpoint(Ctx *c);

#endif
