/* test_throttle.c -- the login throttle as the limiter runs it (RATE_BACKOFF
 * in core/limits): free attempts, slowed ones waiting twice as long each
 * time, the lock, forgetting, attempts given back and keys cleared. */
#include "t.h"

#include "../../src/core/limits/ratelimit.h"

/* 3 free, 3 slowed from 2 s, locked 600 s. */
static const RateRule P = {.algo = RATE_BACKOFF, .limit = 3, .slowed = 3, .window_ms = 2000,
	.block_ms = 600000};

/* The pure rule, in seconds. */
static int64_t wait_s(const RateRule *p, int attempts, int64_t since_s)
{
	return ratelimit_backoff_wait(p, attempts, since_s * 1000) / 1000;
}

static void test_wait_rule(void)
{
	CHECK(wait_s(&P, 0, 0) == 0);
	CHECK(wait_s(&P, 2, 0) == 0);
	CHECK(wait_s(&P, 3, 0) == 2);	/* slowed: 2, 4, 8 */
	CHECK(wait_s(&P, 3, 1) == 1);
	CHECK(wait_s(&P, 3, 2) == 0);
	CHECK(wait_s(&P, 4, 0) == 4);
	CHECK(wait_s(&P, 5, 3) == 5);
	CHECK(wait_s(&P, 6, 0) == 600);	/* locked */
	CHECK(wait_s(&P, 6, 599) == 1);
	CHECK(wait_s(&P, 60, 600) == 0);
	RateRule steep = {.algo = RATE_BACKOFF, .limit = 0, .slowed = 100, .window_ms = 1000,
		.block_ms = 900000};
	CHECK(wait_s(&steep, 99, 0) == 900);	/* waits never pass the lock */
}

/* One attempt for key at now (seconds): 0 when let through and counted,
 * else the whole seconds to wait (nothing counted). */
static int64_t take(RateStore *s, const char *key, int64_t now)
{
	RateVerdict v;
	CHECK(ratelimit_hit(s, key, strlen(key), &P, now * 1000, &v) == 0);
	return v.allowed ? 0 : (v.retry_ms + 999) / 1000;
}

/* Room for a few keys in every shard: with 16 keys over 64 shards (one a
 * shard), "a" and "b" shared a shard one run in 64, since the digest key is
 * random, and "b" evicted "a" midway. */
static void test_table(void)
{
	RateStore *t = ratestore_memory_new(64 * 8);
	int64_t now = 1000;
	for (int i = 0; i < 3; i++) CHECK(take(t, "a", now) == 0);
	CHECK(take(t, "a", now) == 2);		/* refused: nothing counted */
	CHECK(take(t, "a", now + 1) == 1);
	CHECK(take(t, "b", now) == 0);		/* another key is its own */
	CHECK(take(t, "a", now + 2) == 0);	/* 4th, after the wait */
	CHECK(take(t, "a", now + 6) == 0);	/* 5th: waited 4 */
	CHECK(take(t, "a", now + 14) == 0);	/* 6th: waited 8 */
	CHECK(take(t, "a", now + 100) == 514);	/* locked 600 s after the 6th */
	CHECK(take(t, "a", now + 614) == 0);	/* forgotten after the lock */

	/* A given-back attempt does not count; a cleared key starts afresh. */
	for (int i = 0; i < 3; i++) CHECK(take(t, "c", now) == 0);
	CHECK(ratelimit_give_back(t, "c", 1, &P) == 0);
	CHECK(take(t, "c", now) == 0);
	CHECK(take(t, "c", now) != 0);
	CHECK(ratelimit_clear(t, "c", 1) == 0);
	CHECK(take(t, "c", now) == 0);
	/* Giving back or clearing a key never seen makes nothing. */
	CHECK(ratelimit_give_back(t, "never", 5, &P) == 0);
	CHECK(ratelimit_clear(t, "never", 5) == 0);

	/* Many keys in a small table: each still gets its free attempts. */
	char key[32];
	int fresh = 0;
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "spray-%d", i);
		fresh += take(t, key, now + 700) == 0;
	}
	CHECK(fresh == 1000);
	ratestore_free(t);
}

void test_throttle(void)
{
	test_wait_rule();
	test_table();
}
