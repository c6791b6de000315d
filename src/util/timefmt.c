/* timefmt.c -- days to a civil date in the proleptic Gregorian calendar, by
 * the era arithmetic of H. Hinnant's "chrono-compatible low-level date
 * algorithms" (public domain description; written here from it). */
#include "timefmt.h"

static void two(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
}

void timefmt_utc(int64_t t, char out[TIMEFMT_LEN])
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int secs = (int)(t - days * 86400);
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;					/* [0, 146096] */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;	/* [0, 399] */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);		/* [0, 365] */
	int64_t mp = (5 * doy + 2) / 153;				/* [0, 11] */
	int day = (int)(doy - (153 * mp + 2) / 5 + 1);
	int month = (int)(mp < 10 ? mp + 3 : mp - 9);
	int64_t year = yoe + era * 400 + (month <= 2);

	if (year < 0 || year > 9999) year = year < 0 ? 0 : 9999;
	int y = (int)year;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	two(out + 5, month);
	out[7] = '-';
	two(out + 8, day);
	out[10] = ' ';
	two(out + 11, secs / 3600);
	out[13] = ':';
	two(out + 14, secs / 60 % 60);
	out[16] = ':';
	two(out + 17, secs % 60);
	out[19] = '\0';
}
