/* response.c -- what handlers call to shape their answer, and the lazily
 * parsed form body. */
#include "http.h"

#include <string.h>

void http_respond(Request *r, int status, const char *content_type)
{
	r->status = status;
	r->content_type = content_type;
}

/* No cap: a dropped header (a Set-Cookie) would break a client silently. */
void http_add_header(Request *r, const char *name, const char *value)
{
	if (r->nheaders == r->cap_headers) {
		int cap = r->cap_headers ? 2 * r->cap_headers : 8;
		HttpHeader *h = arena_alloc(r->arena, (size_t)cap * sizeof(*h));
		if (r->nheaders) memcpy(h, r->headers, (size_t)r->nheaders * sizeof(*h));
		r->headers = h;
		r->cap_headers = cap;
	}
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

const Form *http_form_fields(Request *r)
{
	if (!r->form) {
		r->form = arena_zalloc(r->arena, sizeof(*r->form));
		form_parse(r->arena, r->body.p, r->body.len, r->form);
	}
	return r->form;
}

const char *http_form(Request *r, const char *name)
{
	return form_get(http_form_fields(r), name);
}
