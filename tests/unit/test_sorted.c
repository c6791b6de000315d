/* test_sorted.c -- the one binary search: lower bound at both ends, the
 * first of equal keys, absent keys between and outside the range, prefixes. */
#include "t.h"

#include <stdint.h>

#include "../../src/util/sorted.h"

typedef struct Rec {
	int64_t id;
	const char *word;
} Rec;

static int cmp_prefix2(const void *key, const void *elem)
{
	return strncmp(key, ((const Rec *)elem)->word, 2);
}

void test_sorted(void)
{
	static const Rec recs[] = {
		{2, "ab"}, {4, "abc"}, {4, "abd"}, {4, "b"}, {9, "ba"}, {11, "bb"},
	};
	size_t n = sizeof(recs) / sizeof(recs[0]);
	int64_t k;

	k = 4;
	CHECK(sorted_lower_bound(recs, n, sizeof(Rec), &k, sorted_cmp_id) == 1);
	const Rec *r = sorted_find(recs, n, sizeof(Rec), &k, sorted_cmp_id);
	CHECK(r == &recs[1]);	/* the first of the equal ones */
	k = 1;
	CHECK(sorted_lower_bound(recs, n, sizeof(Rec), &k, sorted_cmp_id) == 0);
	CHECK(sorted_find(recs, n, sizeof(Rec), &k, sorted_cmp_id) == NULL);
	k = 5;
	CHECK(sorted_lower_bound(recs, n, sizeof(Rec), &k, sorted_cmp_id) == 4);
	CHECK(sorted_find(recs, n, sizeof(Rec), &k, sorted_cmp_id) == NULL);
	k = 11;
	CHECK(sorted_find(recs, n, sizeof(Rec), &k, sorted_cmp_id) == &recs[5]);
	k = 12;
	CHECK(sorted_lower_bound(recs, n, sizeof(Rec), &k, sorted_cmp_id) == n);
	CHECK(sorted_find(recs, n, sizeof(Rec), &k, sorted_cmp_id) == NULL);
	k = 2;
	CHECK(sorted_find(recs, 1, sizeof(Rec), &k, sorted_cmp_id) == &recs[0]);
	CHECK(sorted_find(NULL, 0, sizeof(Rec), &k, sorted_cmp_id) == NULL);
	CHECK(sorted_lower_bound(NULL, 0, sizeof(Rec), &k, sorted_cmp_id) == 0);

	/* a prefix range: the words sorted by text, keyed on two characters */
	static const Rec words[] = {{0, "aa"}, {0, "ab"}, {0, "abc"}, {0, "abd"}, {0, "ac"}};
	size_t lo = sorted_lower_bound(words, 5, sizeof(Rec), "ab", cmp_prefix2);
	size_t hi = lo;
	while (hi < 5 && cmp_prefix2("ab", &words[hi]) == 0) hi++;
	CHECK(lo == 1 && hi == 4);
}
