/* routes.c -- `souk routes`: the route table as JSON, one route a line, for
 * documentation and the coverage report of each face against its API
 * description (tests/e2e/05-routes.test.js). */
#include "cli.h"

#include <stdio.h>

#include "../api/faces.h"
#include "../core/auth/scopes.h"
#include "../core/limits/policy.h"
#include "../util/buf.h"

static const char *method_name(unsigned m)
{
	static const char *const names[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
	for (int i = 0; i < 7; i++)
		if (m == (1u << i)) return names[i];
	return "?";
}

int cli_routes(const Args *a)
{
	static const char *const auth[] = {"public", "token", "user", "operator"};
	static const char *const known[] = {NULL};
	if (!args_check(a, known)) return 2;

	Buf b = {0};
	for (int i = 0; i < souk_routes_count; i++) {
		const Route *r = &souk_routes[i];
		char scopes[SCOPES_TEXT_MAX];
		JsonW w;
		scopes_format(r->scopes, scopes, sizeof(scopes));
		buf_reset(&b);
		jw_init(&w, &b);
		jw_obj(&w);
		jw_kstr(&w, "method", method_name(r->method));
		jw_kstr(&w, "path", r->pattern);
		jw_kstr(&w, "face", r->face->name);
		jw_kstr(&w, "auth", auth[r->auth]);
		jw_kstr(&w, "scopes", scopes);
		jw_kstr(&w, "rate_class", ratepolicy_class_name((RateClass)r->rate_class));
		/* the versioned types a face takes (Allegro's, by route) */
		jw_key(&w, "media");
		if (r->face->json_types) {
			jw_arr(&w);
			for (const char *const *m = r->face->json_types; *m; m++) jw_str(&w, *m);
			jw_arr_end(&w);
		} else {
			jw_null(&w);
		}
		jw_obj_end(&w);
		buf_putc(&b, '\n');
		fwrite(b.p, 1, b.len, stdout);
	}
	buf_free(&b);
	return 0;
}
