/* fuzz_http.c -- raw request bytes through MHD's parser, the dispatcher and
 * whichever handler they reach. "@USER@" and "@APP@" in the input become the
 * fixture's tokens and "@AD@" its advert id, so the corpus can reach the
 * routes behind authentication. */
#include "harness.h"
#include "expand.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Buf req = {0}, out = {0};
	fuzz_expand(data, size, &req);
	fuzz_exchange(req.p, req.len, &out);
	buf_free(&req);
	buf_free(&out);
	return 0;
}
