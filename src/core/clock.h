/* clock.h -- the marketplace clock: wall time plus an offset an operator can
 * advance, so expiry and waiting periods are testable without waiting. */
#ifndef SOUK_CLOCK_H
#define SOUK_CLOCK_H

#include <stdint.h>

int64_t clock_now(void);
int64_t clock_offset(void);
void clock_set_offset(int64_t seconds);

#endif
