/* test_timefmt.c -- the hand-written date formatter against gmtime/strftime. */
#include "t.h"

#include <time.h>

#include "../../src/util/timefmt.h"

void test_timefmt(void)
{
	char a[TIMEFMT_LEN], b[32];
	int bad = 0;
	/* Every day boundary from 1970 to 2100 and a second inside each day. */
	for (int64_t t = 0; t < 4102444800LL; t += 86400 + 3671) {
		time_t tt = (time_t)t;
		struct tm tm;
		gmtime_r(&tt, &tm);
		strftime(b, sizeof(b), "%Y-%m-%d %H:%M:%S", &tm);
		timefmt_utc(t, a);
		if (strcmp(a, b) != 0 && bad++ < 3) fprintf(stderr, "timefmt %lld: %s != %s\n", (long long)t, a, b);
	}
	CHECK(bad == 0);
	timefmt_utc(951782400, a);	/* a leap day */
	CHECK_STR(a, "2000-02-29 00:00:00");
	timefmt_utc(1517235853, a);
	CHECK_STR(a, "2018-01-29 14:24:13");
}
