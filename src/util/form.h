/* form.h -- application/x-www-form-urlencoded: the one decoder of souk, for
 * form bodies (the token endpoint, the pages) and the client credentials of
 * HTTP Basic (RFC 6749 2.3.1).
 *
 * '+' is a space and %XX a byte. A broken escape (a '%' without two hex
 * digits) or an escaped NUL is refused, never kept as written. Names may
 * repeat in a body; OAuth must refuse repeated parameters (RFC 6749 3.1,
 * 3.2), so a parsed form tells which name came more than once. Every string
 * lives in the caller's arena. */
#ifndef SOUK_FORM_H
#define SOUK_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef struct FormField {
	const char *name, *value;
} FormField;

typedef struct Form {
	const FormField *fields;	/* in body order */
	size_t n;
	bool malformed;		/* a field did not decode and is left out */
} Form;

/* Decoding one name or value: false on a broken escape or an escaped NUL. */
bool form_decode(Arena *a, const char *s, size_t n, const char **out);

/* Parsing a body: fields split on '&', name from value on the first '='
 * (none: an empty value); empty fields ("a=1&&b=2") are skipped. */
void form_parse(Arena *a, const char *s, size_t n, Form *out);

/* Reading */
const char *form_get(const Form *f, const char *name);	/* the first value, or NULL */
const char *form_repeated(const Form *f);		/* a name sent twice, or NULL */

#endif
