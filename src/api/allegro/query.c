/* query.c -- Allegro's list parameters (seed 004): paging by offset and
 * limit with each resource's maximum, filters named by dotted fields whose
 * values come comma-joined or repeated, and sort=-field,field. A bad value
 * is a 422 naming the parameter, as Allegro answers. */
#include "allegro.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/errors.h"

#define OFFSET_MAX 2147483647

static bool parse_int(const char *s, int64_t *out)
{
	char *end;
	if (!*s || *s == ' ' || *s == '+') return false;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end) return false;
	*out = v;
	return true;
}

static void page_error(AllegroError *err, const char *name, const char *message, const char *value)
{
	*err = (AllegroError){.code = "VALIDATION_ERROR", .message = message, .path = name,
		.details = value};
}

int allegro_page_parse(const char *offset, const char *limit, int64_t def, int64_t max,
	AllegroPage *out, AllegroError *err)
{
	out->offset = 0;
	out->limit = def;
	if (offset && !parse_int(offset, &out->offset)) {
		page_error(err, "offset", "offset must be an integer", offset);
		return SOUK_EINVAL;
	}
	if (out->offset < 0 || out->offset > OFFSET_MAX) {
		page_error(err, "offset", out->offset < 0 ? "offset must be greater than or equal to 0"
			: "offset must be less than or equal to 2147483647", offset);
		return SOUK_EINVAL;
	}
	if (limit && !parse_int(limit, &out->limit)) {
		page_error(err, "limit", "limit must be an integer", limit);
		return SOUK_EINVAL;
	}
	if (out->limit < 1 || out->limit > max) {
		/* The message carries the resource's maximum, so a client can adapt. */
		page_error(err, "limit", NULL, limit);
		err->message = out->limit < 1 ? "limit must be greater than or equal to 1" : NULL;
		return SOUK_EINVAL;
	}
	return 0;
}

bool allegro_page(Request *r, int64_t def, int64_t max, AllegroPage *out)
{
	AllegroError e;
	if (allegro_page_parse(http_query(r, "offset"), http_query(r, "limit"), def, max, out, &e) == 0)
		return true;
	if (!e.message)
		e.message = arena_printf(r->arena, "limit must be less than or equal to %lld", (long long)max);
	if (e.details) e.details = arena_printf(r->arena, "Invalid value: %s", e.details);
	allegro_errors(r, 422, &e, 1);
	return false;
}

int allegro_list_split(Arena *a, const char *const *raw, int nraw, const char ***out)
{
	Vec v = VEC_IN(a, const char *);
	for (int i = 0; i < nraw; i++) {
		for (const char *s = raw[i]; *s;) {
			size_t n = strcspn(s, ",");
			if (n) *(const char **)vec_push(&v) = arena_strndup(a, s, n);
			s += n;
			if (*s) s++;
		}
	}
	*out = v.p;
	return (int)v.n;
}

int allegro_filter(Request *r, const char *name, const char ***out)
{
	const char **raw;
	int n = http_query_all(r, name, &raw);
	return allegro_list_split(r->arena, raw, n, out);
}

bool allegro_filter_enum(Request *r, const char *name, const char *const *allowed, unsigned *mask)
{
	const char **v;
	int n = allegro_filter(r, name, &v);
	*mask = 0;
	for (int i = 0; i < n; i++) {
		int k = 0;
		while (allowed[k] && strcmp(allowed[k], v[i]) != 0) k++;
		if (!allowed[k]) {
			AllegroError e = {.code = "VALIDATION_ERROR", .path = name,
				.message = arena_printf(r->arena, "%s: unknown value", name),
				.details = arena_printf(r->arena, "Invalid value: %s", v[i])};
			allegro_errors(r, 422, &e, 1);
			return false;
		}
		assert(k < 32);
		*mask |= 1u << k;
	}
	return true;
}

int allegro_sort_parse(const char *s, const char *const *fields, AllegroSortKey *keys, int max,
	int *n)
{
	*n = 0;
	if (!s) return 0;
	for (;;) {
		size_t len = strcspn(s, ",");
		bool desc = len && s[0] == '-';
		const char *name = s + desc;
		size_t nlen = len - desc;
		int k = 0;
		while (fields[k] && (strlen(fields[k]) != nlen || strncmp(fields[k], name, nlen) != 0)) k++;
		if (!nlen || !fields[k] || *n == max) return SOUK_EINVAL;
		for (int i = 0; i < *n; i++)
			if (keys[i].field == k) return SOUK_EINVAL;
		keys[(*n)++] = (AllegroSortKey){.field = k, .desc = desc};
		if (!s[len]) return 0;
		s += len + 1;
	}
}

bool allegro_sort(Request *r, const char *const *fields, AllegroSortKey *keys, int max, int *n)
{
	const char *s = http_query(r, "sort");
	if (allegro_sort_parse(s, fields, keys, max, n) == 0) return true;
	const char *names = "";
	for (int k = 0; fields[k]; k++) names = arena_printf(r->arena, "%s%s%s", names, k ? ", " : "", fields[k]);
	AllegroError e = {.code = "VALIDATION_ERROR", .path = "sort",
		.message = arena_printf(r->arena,
			"sort takes at most %d of: %s, each once, '-' first to reverse", max, names),
		.details = arena_printf(r->arena, "Invalid value: %s", s)};
	allegro_errors(r, 422, &e, 1);
	return false;
}
