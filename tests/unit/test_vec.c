/* test_vec.c -- the growable array: growth past several doublings keeps
 * every element, on the heap and in an arena; take hands the array over. */
#include "t.h"

#include <stdint.h>
#include <stdlib.h>

#include "../../src/util/vec.h"

typedef struct Pair {
	int64_t id;
	char tag[16];
} Pair;

static void fill(Vec *v, int n)
{
	for (int i = 0; i < n; i++) {
		Pair *p = vec_push(v);
		p->id = i * 3;
		snprintf(p->tag, sizeof(p->tag), "t%d", i);
	}
}

static int intact(const Vec *v, int n)
{
	const Pair *p = v->p;
	if ((int)v->n != n) return 0;
	for (int i = 0; i < n; i++) {
		char want[16];
		snprintf(want, sizeof(want), "t%d", i);
		if (p[i].id != i * 3 || strcmp(p[i].tag, want) != 0) return 0;
	}
	return 1;
}

void test_vec(void)
{
	Vec heap = VEC(Pair);
	CHECK(heap.n == 0 && heap.p == NULL && heap.size == sizeof(Pair));
	fill(&heap, 1000);
	CHECK(intact(&heap, 1000));
	CHECK(heap.cap >= 1000);
	vec_free(&heap);
	CHECK(heap.p == NULL && heap.n == 0 && heap.cap == 0);

	/* an emptied vector grows again from nothing */
	fill(&heap, 3);
	CHECK(intact(&heap, 3));
	size_t n = heap.n;
	Pair *taken = vec_take(&heap);
	CHECK(n == 3 && taken[2].id == 6);
	CHECK(heap.p == NULL && heap.n == 0);
	free(taken);
	vec_free(&heap);	/* empty: nothing to free, no double free */

	Arena *a = arena_new();
	Vec in = VEC_IN(a, Pair);
	fill(&in, 777);
	CHECK(intact(&in, 777));
	Pair *kept = vec_take(&in);
	CHECK(kept[776].id == 776 * 3);
	vec_free(&in);		/* arena vectors never free() */
	arena_free(a);
}
