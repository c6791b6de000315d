/* test_decimal.c -- amounts read from a JSON number's text and written back,
 * exactly: near the largest price, binary fractions, many decimals,
 * exponents, and text that is not a number. */
#include "t.h"

#include <stdint.h>

#include "../../src/util/decimal.h"
#include "../../src/util/errors.h"

static int64_t minor(const char *s)
{
	int64_t v = -7777;
	return decimal_parse(s, 2, &v) == 0 ? v : -7777;
}

static const char *fmt(int64_t v, bool trim)
{
	static char s[DECIMAL_LEN];
	decimal_format(v, 2, trim, s);
	return s;
}

void test_decimal(void)
{
	CHECK(minor("12") == 1200 && minor("12.30") == 1230 && minor("12.3") == 1230);
	CHECK(minor("0") == 0 && minor("-0") == 0 && minor("0.01") == 1 && minor("-1.5") == -150);
	/* Past 2^53 minor units, where a double loses the cents. */
	CHECK(minor("99999999999999") == 9999999999999900);
	CHECK(minor("99999999999998.99") == 9999999999999899);
	CHECK(minor("99999999999999.99") == 9999999999999999);
	CHECK(minor("90071992547409.93") == 9007199254740993);
	/* Binary fractions and many decimals round half away from zero, once. */
	CHECK(minor("0.30000000000000004") == 30);
	CHECK(minor("0.1") == 10 && minor("0.2") == 20);
	CHECK(minor("1.005") == 101 && minor("1.004999999999999999999") == 100);
	CHECK(minor("49.999") == 5000 && minor("-0.005") == -1 && minor("0.0049") == 0);
	CHECK(minor("0.00000000000000000000000000000000000001") == 0);
	/* Exponents, either case and sign. */
	CHECK(minor("1e3") == 100000 && minor("1E+3") == 100000 && minor("1.5e1") == 1500);
	CHECK(minor("125e-2") == 125 && minor("-1.5e-2") == -2 && minor("0e99999999999") == 0);
	CHECK(minor("1e-400") == 0);
	/* Too large saturates, so the caller's limit refuses it. */
	CHECK(minor("1e400") == INT64_MAX && minor("-1e400") == -INT64_MAX);
	CHECK(minor("92233720368547758.08") == INT64_MAX && minor("92233720368547758.07") == INT64_MAX);
	CHECK(minor("92233720368547758.06") == INT64_MAX - 1);
	CHECK(minor("18446744073709551615") == INT64_MAX);
	CHECK(minor("123456789012345678901234567890.5") == INT64_MAX);
	/* Not JSON numbers. */
	static const char *const bad[] = {"", "-", "+1", ".5", "1.", "01", "1e", "1e+", "0x10", "NaN",
		"Infinity", " 1", "1 ", "1,5", "1.2.3", "--1", "1e1.5", NULL};
	int64_t v;
	for (int i = 0; bad[i]; i++) CHECK(decimal_parse(bad[i], 2, &v) == SOUK_EINVAL);
	CHECK(decimal_parse(NULL, 2, &v) == SOUK_EINVAL && decimal_parse("1", 19, &v) == SOUK_EINVAL);
	CHECK(decimal_parse("7", 0, &v) == 0 && v == 7);

	/* Written back as digits, never through %.15g. */
	CHECK_STR(fmt(9999999999999900, true), "99999999999999");
	CHECK_STR(fmt(9999999999999899, true), "99999999999998.99");
	CHECK_STR(fmt(4999, true), "49.99");
	CHECK_STR(fmt(1230, true), "12.3");
	CHECK_STR(fmt(1230, false), "12.30");
	CHECK_STR(fmt(5, true), "0.05");
	CHECK_STR(fmt(0, true), "0");
	CHECK_STR(fmt(0, false), "0.00");
	CHECK_STR(fmt(-150, true), "-1.5");
	CHECK_STR(fmt(INT64_MIN, false), "-92233720368547758.08");
	CHECK_STR(fmt(INT64_MAX, true), "92233720368547758.07");
	char s[DECIMAL_LEN];
	CHECK(decimal_format(1234, 0, true, s) == 4 && strcmp(s, "1234") == 0);
	/* Every amount survives the round trip. */
	for (int64_t m = 9999999999999000; m <= 9999999999999999; m += 7) {
		decimal_format(m, 2, true, s);
		CHECK(minor(s) == m);
	}
}
