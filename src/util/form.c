/* form.c -- application/x-www-form-urlencoded decoding and parsing. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "vec.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

bool form_decode(Arena *a, const char *s, size_t n, const char **out)
{
	char *o = arena_alloc(a, n + 1), *p = o;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			*p++ = ' ';
		} else if (s[i] == '%') {
			if (n - i < 3 || hexval(s[i + 1]) < 0 || hexval(s[i + 2]) < 0) return false;
			char ch = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			if (!ch) return false;	/* a NUL would cut the C string short */
			*p++ = ch;
			i += 2;
		} else if (s[i] == '\0') {
			return false;		/* raw or escaped, NUL never passes */
		} else {
			*p++ = s[i];
		}
	}
	*p = '\0';
	*out = o;
	return true;
}

void form_parse(Arena *a, const char *s, size_t n, Form *out)
{
	Vec fields = VEC_IN(a, FormField);
	memset(out, 0, sizeof(*out));
	if (!s) return;		/* no body at all */
	const char *end = s + n;
	while (s < end) {
		const char *amp = memchr(s, '&', (size_t)(end - s));
		size_t len = amp ? (size_t)(amp - s) : (size_t)(end - s);
		if (len) {
			const char *eq = memchr(s, '=', len);
			size_t klen = eq ? (size_t)(eq - s) : len;
			FormField f = {.value = ""};
			if (form_decode(a, s, klen, &f.name) &&
			    (!eq || form_decode(a, eq + 1, len - klen - 1, &f.value)))
				*(FormField *)vec_push(&fields) = f;
			else
				out->malformed = true;
		}
		s += len + (amp ? 1 : 0);
	}
	out->n = fields.n;
	out->fields = vec_take(&fields);
}

const char *form_get(const Form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0) return f->fields[i].value;
	return NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *form_repeated(const Form *f)
{
	/* sorted, so that a body of many fields costs n log n, not n squared */
	if (f->n < 2) return NULL;
	const char **names = xmalloc(f->n * sizeof(*names)), *dup = NULL;
	for (size_t i = 0; i < f->n; i++) names[i] = f->fields[i].name;
	qsort(names, f->n, sizeof(*names), by_name);
	for (size_t i = 1; i < f->n && !dup; i++)
		if (strcmp(names[i - 1], names[i]) == 0) dup = names[i];
	free(names);
	return dup;
}
