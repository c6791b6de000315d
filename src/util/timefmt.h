/* timefmt.h -- Unix seconds as "YYYY-MM-DD HH:MM:SS" (UTC) without the
 * locale machinery of strftime: every advert answer writes three of them. */
#ifndef SOUK_TIMEFMT_H
#define SOUK_TIMEFMT_H

#include <stdint.h>

#define TIMEFMT_LEN 20	/* 19 characters and a NUL */

void timefmt_utc(int64_t t, char out[TIMEFMT_LEN]);

#endif
