#include "clock.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../util/errors.h"

#define OFFSET_KEY "clock_offset"

static _Atomic int64_t offset;

int64_t clock_now(void)
{
	return (int64_t)time(NULL) + atomic_load_explicit(&offset, memory_order_relaxed);
}

int64_t clock_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return ((int64_t)ts.tv_sec + atomic_load_explicit(&offset, memory_order_relaxed)) * 1000 +
	       ts.tv_nsec / 1000000;
}

int64_t clock_offset(void)
{
	return atomic_load(&offset);
}

int clock_load(Ctx *c)
{
	const char *v;
	int rc = store_setting_get(c->st, c->arena, OFFSET_KEY, &v);
	if (rc == SOUK_ENOTFOUND) return 0;
	if (rc) return rc;
	atomic_store(&offset, strtoll(v, NULL, 10));
	c->now = clock_now();
	return 0;
}

int clock_advance(Ctx *c, int64_t seconds)
{
	char v[32];

	if (seconds < 0 || seconds > 10LL * 365 * 86400)
		return ctx_fail(c, SOUK_EINVAL, "seconds", "advance by 0 to 10 years of seconds");
	int rc = clock_load(c);
	if (rc) return rc;
	int64_t next = clock_offset() + seconds;
	snprintf(v, sizeof(v), "%lld", (long long)next);
	if ((rc = store_setting_put(c->st, OFFSET_KEY, v)) != 0) return rc;
	atomic_store(&offset, next);
	c->now = clock_now();
	return 0;
}
