/* body.c -- reading an Allegro request body: null means absent, since
 * clients send back the whole structure a GET gave them, nulls included;
 * a member of another type is a 422 naming its dotted path. */
#include "allegro.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

/* Walks "a.b.c"; *under_scalar tells that a step was not an object. */
static json_object *walk(json_object *o, const char *dotted, bool *under_scalar)
{
	char step[128];
	*under_scalar = false;
	for (const char *s = dotted; o;) {
		if (!json_object_is_type(o, json_type_object)) {
			*under_scalar = true;
			return NULL;
		}
		size_t n = strcspn(s, ".");
		if (n >= sizeof(step)) return NULL;
		memcpy(step, s, n);
		step[n] = '\0';
		json_object *v = NULL;
		if (!json_object_object_get_ex(o, step, &v)) return NULL;
		o = v;
		if (!s[n]) return o;
		s += n + 1;
	}
	return NULL;
}

json_object *allegro_json_get(json_object *o, const char *dotted)
{
	bool under_scalar;
	return walk(o, dotted, &under_scalar);
}

/* 0 absent, 1 found with the type, -1 wrong type (reported). */
static int typed(json_object *o, const char *dotted, json_type want, const char *what,
	json_object **out, AllegroErrors *errs)
{
	bool under_scalar;
	json_object *v = walk(o, dotted, &under_scalar);
	if (!v && !under_scalar) return 0;
	if (v && json_object_is_type(v, want)) {
		*out = v;
		return 1;
	}
	if (errs)
		allegro_errors_add(errs, "VALIDATION_ERROR", dotted,
			arena_printf(errs->v.arena, "%s must be %s", dotted, what), NULL);
	return -1;
}

int allegro_json_str(json_object *o, const char *dotted, const char **out, AllegroErrors *errs)
{
	json_object *v;
	int rc = typed(o, dotted, json_type_string, "a string", &v, errs);
	if (rc == 1) *out = json_object_get_string(v);
	return rc;
}

int allegro_json_int(json_object *o, const char *dotted, int64_t *out, AllegroErrors *errs)
{
	bool under_scalar;
	json_object *v = walk(o, dotted, &under_scalar);
	if (!v && !under_scalar) return 0;
	if (v && json_object_is_type(v, json_type_int)) {
		errno = 0;
		int64_t n = json_object_get_int64(v);
		if (!errno) {
			*out = n;
			return 1;
		}
	} else if (v && json_object_is_type(v, json_type_string)) {
		/* Ids come as strings too ("category": {"id": "257150"}). */
		const char *s = json_object_get_string(v);
		char *end;
		errno = 0;
		long long n = (*s >= '0' && *s <= '9') || *s == '-' ? strtoll(s, &end, 10) : 0;
		if (((*s >= '0' && *s <= '9') || *s == '-') && !errno && !*end) {
			*out = n;
			return 1;
		}
	}
	if (errs)
		allegro_errors_add(errs, "VALIDATION_ERROR", dotted,
			arena_printf(errs->v.arena, "%s must be an integer", dotted), NULL);
	return -1;
}

int allegro_json_bool(json_object *o, const char *dotted, bool *out, AllegroErrors *errs)
{
	json_object *v;
	int rc = typed(o, dotted, json_type_boolean, "true or false", &v, errs);
	if (rc == 1) *out = json_object_get_boolean(v);
	return rc;
}

int allegro_json_obj(json_object *o, const char *dotted, json_object **out, AllegroErrors *errs)
{
	return typed(o, dotted, json_type_object, "an object", out, errs);
}

int allegro_json_arr(json_object *o, const char *dotted, json_object **out, AllegroErrors *errs)
{
	return typed(o, dotted, json_type_array, "an array", out, errs);
}
