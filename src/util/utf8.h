/* utf8.h -- the one UTF-8 decoder of souk, and its encoder.
 *
 * One validity rule, RFC 3629's: a stray continuation byte, an overlong
 * form, a surrogate (U+D800-DFFF), a code point above U+10FFFF and a
 * sequence cut short are all invalid. Nothing here allocates. */
#ifndef SOUK_UTF8_H
#define SOUK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_MAX 4		/* bytes of the longest sequence */
#define UTF8_REPLACEMENT 0xFFFD	/* what readers that go on put for a bad byte */

/* Decoding */

/* The code point at s[0..len), len > 0: its byte length, or 0 when the bytes
 * there are not UTF-8 (then *cp is UTF8_REPLACEMENT). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
bool utf8_valid(const char *s, size_t len);
int64_t utf8_count(const char *s, size_t len);	/* code points, or -1 if invalid */

/* Encoding: a valid code point into out (room for UTF8_MAX); the length. */
size_t utf8_encode(uint32_t cp, char *out);

#endif
