/* arena.h -- per-request memory pool.
 *
 * Everything a request allocates lives in its arena and is released at once
 * when the request ends; nothing allocated here is ever freed on its own.
 * Allocation failure aborts the process (a server restarts, it does not limp). */
#ifndef SOUK_ARENA_H
#define SOUK_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

/* Lifetime */
Arena *arena_new(void);
void arena_free(Arena *a);
void arena_reset(Arena *a);

/* Allocation */
void *arena_alloc(Arena *a, size_t n);
void *arena_zalloc(Arena *a, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Process-wide helpers for long-lived objects: abort instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
