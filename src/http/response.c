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
