/* fuzz_router.c -- paths through the router over the real route table. A
 * match must name a route of the asked method with as many parameters as
 * its pattern has {placeholders}, each a non-empty segment without '/'. */
#include <stdlib.h>
#include <string.h>

#include "../../src/api/faces.h"
#include "../../src/http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static Router *rt;
	static Arena *a;
	static const unsigned methods[] = {HTTP_GET, HTTP_POST, HTTP_PUT, HTTP_DELETE, HTTP_PATCH};
	if (!rt) {
		rt = router_new(souk_routes, souk_routes_count);
		a = arena_new();
	}
	if (size < 1) return 0;
	char *path = malloc(size);
	memcpy(path, data + 1, size - 1);
	path[size - 1] = '\0';
	unsigned method = methods[data[0] % (sizeof(methods) / sizeof(methods[0]))], allowed = 0;
	const char *params[HTTP_MAX_PARAMS];
	int n = 0;
	int i = router_match(rt, method, path, params, &n, a, &allowed);
	if (i >= 0) {
		const Route *r = &souk_routes[i];
		int want = 0;
		for (const char *p = r->pattern; (p = strchr(p, '{')); p++) want++;
		if (i >= souk_routes_count || r->method != method || n != want) abort();
		for (int k = 0; k < n; k++)
			if (!params[k] || !*params[k] || strchr(params[k], '/')) abort();
	}
	arena_reset(a);
	free(path);
	return 0;
}
