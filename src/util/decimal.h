/* decimal.h -- exact decimal numbers as scaled integers: money in minor
 * units read from, and written back to, the decimal text of a JSON number.
 *
 * No binary floating point on the way: 99999999999999.99 is 9999999999999999
 * minor units, one more than 2^53 could tell from its neighbour. */
#ifndef SOUK_DECIMAL_H
#define SOUK_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DECIMAL_LEN 24	/* "-9223372036854775808" with its point and NUL */

/* Reads a JSON number's text ("12.30", "1e3", "-0.5") as an integer count of
 * 10^-scale units (scale 0..18). Digits past the scale round half away from
 * zero ("0.30000000000000004" is 30 at scale 2, "1.005" is 101). A value too
 * large for int64 saturates at INT64_MAX (INT64_MIN + 1 when negative), so
 * the caller's range check refuses it. Returns 0, or SOUK_EINVAL when s is not
 * a JSON number (leading '+', ".5", "1.", hex, NaN, spaces). */
int decimal_parse(const char *s, int scale, int64_t *out);

/* Writes v units of 10^-scale as a JSON number into out: "49.99", "100",
 * "-0.05". trim drops zeros at the end of the fraction ("12.3"); without it
 * the fraction always has scale digits ("12.30"). Returns the length. */
size_t decimal_format(int64_t v, int scale, bool trim, char out[DECIMAL_LEN]);

#endif
