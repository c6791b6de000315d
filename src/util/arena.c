/* arena.c -- a chain of chunks; the first chunk is reused across requests. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE 8192

typedef struct Chunk {
	struct Chunk *next;
	size_t cap, used;
	_Alignas(max_align_t) unsigned char data[];
} Chunk;

struct Arena {
	Chunk *head;	/* chunk being filled; older ones follow */
};

static void oom(void)
{
	fputs("souk: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p) oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) oom();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

static Chunk *chunk_new(size_t cap)
{
	Chunk *c = xmalloc(sizeof(*c) + cap);
	c->next = NULL;
	c->cap = cap;
	c->used = 0;
	return c;
}

Arena *arena_new(void)
{
	Arena *a = xmalloc(sizeof(*a));
	a->head = chunk_new(CHUNK_SIZE);
	return a;
}

void arena_reset(Arena *a)
{
	/* Keep the oldest chunk (the last in the chain): most requests fit in it. */
	Chunk *c = a->head;
	while (c->next) {
		Chunk *next = c->next;
		free(c);
		c = next;
	}
	c->used = 0;
	a->head = c;
}

void arena_free(Arena *a)
{
	if (!a) return;
	arena_reset(a);
	free(a->head);
	free(a);
}

void *arena_alloc(Arena *a, size_t n)
{
	const size_t align = _Alignof(max_align_t);
	Chunk *c = a->head;
	size_t off = (c->used + align - 1) & ~(align - 1);

	if (n > SIZE_MAX / 2) oom();
	if (off + n > c->cap) {
		size_t cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		Chunk *nc = chunk_new(cap);
		nc->next = c;
		a->head = nc;
		c = nc;
		off = 0;
	}
	c->used = off + n;
	return c->data + off;
}

void *arena_zalloc(Arena *a, size_t n)
{
	return memset(arena_alloc(a, n), 0, n);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(Arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
	va_list ap;
	char small[256];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) return arena_strdup(a, "");
	if ((size_t)n < sizeof(small)) return arena_strndup(a, small, (size_t)n);

	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
