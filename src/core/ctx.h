/* ctx.h -- what every core call carries: the caller's arena, this thread's
 * store connection, the marketplace time of the call, and the error slot a
 * failing rule fills for the face to report. */
#ifndef SOUK_CTX_H
#define SOUK_CTX_H

#include <stdint.h>

#include "../store/store.h"
#include "../util/arena.h"

typedef struct Ctx {
	Arena *arena;
	Store *st;
	int64_t now;		/* marketplace clock, Unix seconds */
	const char *err_field;	/* the input field a failed rule names, or NULL */
	const char *err;	/* human detail of the last failure, or NULL */
} Ctx;

/* Fills the error slot and returns rc, so callers can `return ctx_fail(...)`. */
int ctx_fail(Ctx *c, int rc, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
