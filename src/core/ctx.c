#include "ctx.h"

#include <stdarg.h>
#include <stdio.h>

int ctx_fail(Ctx *c, int rc, const char *field, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->err_field = field;
	c->err = arena_strdup(c->arena, msg);
	return rc;
}
