/* sorted.h -- binary search over a sorted array: the one lower-bound loop of
 * souk, for lookups by id and for ranges of equal or prefix-sharing keys.
 *
 * cmp(key, elem) compares as bsearch's does: negative when the key sorts
 * before the element, 0 when equal, positive after. Inline, so that a
 * constant comparison is inlined into the loop on the hot lookups. */
#ifndef SOUK_SORTED_H
#define SOUK_SORTED_H

#include <stddef.h>
#include <stdint.h>

typedef int (*SortedCmp)(const void *key, const void *elem);

/* Searching */

/* The index of the first element that does not sort before key; n when
 * every element does. */
static inline size_t sorted_lower_bound(const void *base, size_t n, size_t size,
	const void *key, SortedCmp cmp)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp(key, (const char *)base + mid * size) > 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/* The first element equal to key, or NULL. */
static inline void *sorted_find(const void *base, size_t n, size_t size, const void *key,
	SortedCmp cmp)
{
	size_t i = sorted_lower_bound(base, n, size, key, cmp);
	return i < n && cmp(key, (const char *)base + i * size) == 0
		? (char *)(uintptr_t)base + i * size : NULL;
}

/* Comparisons */

/* For records whose first member is an int64_t id (Region, City, ...),
 * sorted by it; the key is a pointer to an int64_t. */
static inline int sorted_cmp_id(const void *key, const void *elem)
{
	int64_t k = *(const int64_t *)key, e = *(const int64_t *)elem;
	return k < e ? -1 : k > e;
}

#endif
