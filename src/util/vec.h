/* vec.h -- a growable array of fixed-size elements.
 *
 * A Vec keeps its elements on the heap (vec_free, or vec_take to keep the
 * array) or, when given an arena, in that arena (nothing to free). Growth
 * doubles; allocation failure aborts the process, as everywhere in souk. */
#ifndef SOUK_VEC_H
#define SOUK_VEC_H

#include <stddef.h>

#include "arena.h"

typedef struct Vec {
	void *p;
	size_t n, cap, size;	/* elements used, room, bytes per element */
	Arena *arena;		/* NULL: the heap */
} Vec;

/* An empty vector of `type`, on the heap or in an arena. */
#define VEC(type) ((Vec){.size = sizeof(type)})
#define VEC_IN(a, type) ((Vec){.size = sizeof(type), .arena = (a)})

/* Growing */
void *vec_push(Vec *v);		/* room for one more element at the end, not cleared */

/* Ownership */
void *vec_take(Vec *v);		/* the array to the caller (heap: free() it); v is left empty */
void vec_free(Vec *v);		/* heap memory freed; v is left empty */

#endif
