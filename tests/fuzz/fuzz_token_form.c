/* fuzz_token_form.c -- form bodies through the token endpoint: form
 * decoding, client authentication and every grant's parameters. "@ID@" and
 * "@SECRET@" stand for the fixture app's credentials (expand.h). */
#include "body.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_send_body("POST /api/open/oauth/token HTTP/1.1\r\nHost: f\r\n"
		"Content-Type: application/x-www-form-urlencoded\r\n", data, size);
	return 0;
}
