/* vec.c -- growable arrays on the heap or in an arena. */
#include "vec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VEC_FIRST_CAP 16

void *vec_push(Vec *v)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? v->cap * 2 : VEC_FIRST_CAP;
		if (cap > SIZE_MAX / v->size) {
			fputs("souk: vector too large\n", stderr);
			abort();
		}
		if (v->arena) {
			/* the old block stays in the arena: at most as much again */
			void *p = arena_alloc(v->arena, cap * v->size);
			if (v->n) memcpy(p, v->p, v->n * v->size);
			v->p = p;
		} else {
			v->p = xrealloc(v->p, cap * v->size);
		}
		v->cap = cap;
	}
	return (char *)v->p + v->size * v->n++;
}

void *vec_take(Vec *v)
{
	void *p = v->p;
	v->p = NULL;
	v->n = v->cap = 0;
	return p;
}

void vec_free(Vec *v)
{
	if (!v->arena) free(v->p);
	v->p = NULL;
	v->n = v->cap = 0;
}
