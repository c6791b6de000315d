/* utf8.c -- UTF-8 decoding with one validity rule (RFC 3629, table 3-7 of
 * Unicode: the second byte's range depends on the first), and encoding. */
#include "utf8.h"

static bool cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t n;
	uint32_t v, min;

	*cp = UTF8_REPLACEMENT;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2)		/* a continuation byte, or C0/C1: overlong */
		return 0;
	if (c < 0xE0) {
		n = 2;
		v = c & 0x1F;
		min = 0x80;
	} else if (c < 0xF0) {
		n = 3;
		v = c & 0x0F;
		min = 0x800;
	} else if (c < 0xF5) {
		n = 4;
		v = c & 0x07;
		min = 0x10000;
	} else {
		return 0;	/* F5-FF would start code points past U+10FFFF */
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if (!cont(s[i]))
			return 0;
		v = v << 6 | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return n;
}

int64_t utf8_count(const char *s, size_t len)
{
	int64_t n = 0;
	uint32_t cp;

	if (!s)
		return 0;
	for (size_t i = 0; i < len; n++) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k)
			return -1;
		i += k;
	}
	return n;
}

bool utf8_valid(const char *s, size_t len)
{
	return utf8_count(s, len) >= 0;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
