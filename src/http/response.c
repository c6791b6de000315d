/* response.c -- what handlers call to shape their answer, and the lazily
 * parsed form body. */
#include "http.h"

#include <string.h>

void http_respond(Request *r, int status, const char *content_type)
{
	r->status = status;
	r->content_type = content_type;
}

void http_add_header(Request *r, const char *name, const char *value)
{
	if (r->nheaders == HTTP_MAX_HEADERS) return;
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders].value = arena_strdup(r->arena, value);
	r->nheaders++;
}

void http_redirect(Request *r, int status, const char *location)
{
	buf_reset(&r->out);
	http_add_header(r, "Location", location);
	http_respond(r, status, NULL);
}

/* --- application/x-www-form-urlencoded ----------------------------------- */

struct FormField {
	struct FormField *next;
	const char *name, *value;
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Decodes %XX and '+' in place; a broken escape is kept as written. */
static char *decode(Arena *a, const char *s, size_t n)
{
	char *out = arena_alloc(a, n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			*o++ = ' ';
		} else if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			*o++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

static struct FormField *parse_form(Request *r)
{
	struct FormField *head = NULL, **tail = &head;
	const char *p = buf_cstr(&r->body), *end = p + r->body.len;
	while (p < end) {
		size_t len = strcspn(p, "&");
		const char *eq = memchr(p, '=', len);
		if (len) {
			struct FormField *f = arena_zalloc(r->arena, sizeof(*f));
			size_t klen = eq ? (size_t)(eq - p) : len;
			f->name = decode(r->arena, p, klen);
			f->value = eq ? decode(r->arena, eq + 1, len - klen - 1) : "";
			*tail = f;
			tail = &f->next;
		}
		p += len + (p + len < end);
	}
	return head;
}

const char *http_form(Request *r, const char *name)
{
	static struct FormField empty;
	if (!r->form) {
		r->form = parse_form(r);
		if (!r->form) r->form = &empty;
	}
	for (struct FormField *f = r->form; f && f != &empty; f = f->next)
		if (strcmp(f->name, name) == 0) return f->value;
	return NULL;
}
