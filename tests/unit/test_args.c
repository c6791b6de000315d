/* test_args.c -- numeric options are taken whole or refused: no sign, no
 * spaces, no unit, no overflow, nothing past the maximum. */
#include "t.h"

#include "../../src/cli/cli.h"

static int size_of(const char *v, size_t *out)
{
	char flag[] = "--body-max", value[64];
	snprintf(value, sizeof(value), "%s", v);
	char *argv[] = {flag, value};
	Args a = {.argc = 2, .argv = argv};
	return args_size(&a, "body-max", NULL, 7, 1000, out);
}

void test_args(void)
{
	size_t n = 0;
	Args none = {0};

	CHECK(size_of("1000", &n) == 0 && n == 1000);
	CHECK(size_of("0", &n) == 0 && n == 0);
	CHECK(args_size(&none, "body-max", NULL, 7, 1000, &n) == 0 && n == 7);
	fprintf(stderr, "(the refusals below are expected)\n");
	const char *bad[] = {"1001", "-1", "+5", " 5", "5 ", "5k", "abc", "0x10", "1e3",
		"99999999999999999999999999", "18446744073709551617"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		n = 42;
		CHECK(size_of(bad[i], &n) == -1);
		CHECK(n == 42);
	}
}
