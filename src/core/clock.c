#include "clock.h"

#include <stdatomic.h>
#include <time.h>

static _Atomic int64_t offset;

int64_t clock_now(void)
{
	return (int64_t)time(NULL) + atomic_load_explicit(&offset, memory_order_relaxed);
}

int64_t clock_offset(void)
{
	return atomic_load(&offset);
}

void clock_set_offset(int64_t seconds)
{
	atomic_store(&offset, seconds);
}
