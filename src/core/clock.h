/* clock.h -- the marketplace clock: wall time plus an offset an operator can
 * advance, so expiry and waiting periods are testable without waiting. The
 * offset is kept in the database, so every souk process sharing it agrees. */
#ifndef SOUK_CLOCK_H
#define SOUK_CLOCK_H

#include <stdint.h>

#include "ctx.h"

/* Reading */
int64_t clock_now(void);
int64_t clock_now_ms(void);	/* the same clock in milliseconds */
int64_t clock_offset(void);

/* Keeping it in the store */
int clock_load(Ctx *c);				/* adopts the stored offset */
int clock_advance(Ctx *c, int64_t seconds);	/* moves time forward, never back */

#endif
