#include "decimal.h"

#include <string.h>

#include "errors.h"

#define EXP_CLAMP 100000	/* beyond any int64: keeps the exponent's sum in range */

static bool digit(char c) { return c >= '0' && c <= '9'; }

int decimal_parse(const char *s, int scale, int64_t *out)
{
	const char *p = s;
	bool neg = false;
	int64_t exp = 0;
	/* Significant digits of the mantissa without leading zeros, and how
	 * many of the mantissa's digits stood after the point. */
	const char *ip, *fp = NULL;
	size_t nint, nfrac = 0;

	if (!s || scale < 0 || scale > 18) return SOUK_EINVAL;
	if (*p == '-') neg = true, p++;
	ip = p;
	if (*p == '0') p++;
	else if (digit(*p)) while (digit(*p)) p++;
	else return SOUK_EINVAL;
	nint = (size_t)(p - ip);
	if (*p == '.') {
		fp = ++p;
		while (digit(*p)) p++;
		nfrac = (size_t)(p - fp);
		if (!nfrac) return SOUK_EINVAL;
	}
	if (*p == 'e' || *p == 'E') {
		bool eneg = false;
		p++;
		if (*p == '+' || *p == '-') eneg = *p++ == '-';
		if (!digit(*p)) return SOUK_EINVAL;
		for (; digit(*p); p++)
			if (exp < EXP_CLAMP) exp = exp * 10 + (*p - '0');
		if (eneg) exp = -exp;
	}
	if (*p) return SOUK_EINVAL;

	/* value = digits * 10^shift, digits read left to right over both parts */
	int64_t shift = exp - (int64_t)nfrac + scale;
	size_t ndig = nint + nfrac;
	uint64_t v = 0;
	bool over = false;
	int64_t keep = (int64_t)ndig + (shift < 0 ? shift : 0);	/* digits above the unit */
	for (int64_t i = 0; i < keep && !over; i++) {
		char c = (size_t)i < nint ? ip[i] : fp[(size_t)i - nint];
		if (v > (UINT64_MAX - 9) / 10) over = true;
		else v = v * 10 + (uint64_t)(c - '0');
	}
	if (!over && keep >= 0 && (size_t)keep < ndig) {
		size_t i = (size_t)keep;
		char c = i < nint ? ip[i] : fp[i - nint];
		if (c >= '5') v++;
	}
	for (int64_t i = 0; i < shift && !over; i++) {
		if (v > UINT64_MAX / 10) over = true;
		else v *= 10;
	}
	if (over || v > (uint64_t)INT64_MAX) v = (uint64_t)INT64_MAX;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

size_t decimal_format(int64_t v, int scale, bool trim, char out[DECIMAL_LEN])
{
	char tmp[DECIMAL_LEN];
	size_t n = 0, len = 0;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	if (scale < 0) scale = 0;
	if (scale > 18) scale = 18;
	/* digits, least significant first, at least one before the point */
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u || n <= (size_t)scale);
	size_t frac = (size_t)scale, skip = 0;
	if (trim)
		while (skip < frac && tmp[skip] == '0') skip++;
	if (v < 0) out[len++] = '-';
	for (size_t i = n; i > frac; i--) out[len++] = tmp[i - 1];
	if (skip < frac) {
		out[len++] = '.';
		for (size_t i = frac; i > skip; i--) out[len++] = tmp[i - 1];
	}
	out[len] = '\0';
	return len;
}
