/* test_throttle.c -- the login throttle's rule and table: free attempts,
 * slowed ones waiting twice as long each time, the lock, forgetting, and
 * attempts counted before the work they guard. */
#include "t.h"

#include "../../src/core/auth/throttle.h"

static const ThrottlePolicy P = {3, 3, 2, 600};

static void test_wait_rule(void)
{
	CHECK(throttle_wait(&P, 0, 0) == 0);
	CHECK(throttle_wait(&P, 2, 0) == 0);
	CHECK(throttle_wait(&P, 3, 0) == 2);	/* slowed: 2, 4, 8 */
	CHECK(throttle_wait(&P, 3, 1) == 1);
	CHECK(throttle_wait(&P, 3, 2) == 0);
	CHECK(throttle_wait(&P, 4, 0) == 4);
	CHECK(throttle_wait(&P, 5, 3) == 5);
	CHECK(throttle_wait(&P, 6, 0) == 600);	/* locked */
	CHECK(throttle_wait(&P, 6, 599) == 1);
	CHECK(throttle_wait(&P, 60, 600) == 0);
	ThrottlePolicy steep = {0, 100, 1, 900};
	CHECK(throttle_wait(&steep, 99, 0) == 900);	/* waits never pass the lock */
}

static void test_table(void)
{
	Throttle *t = throttle_new(&P, 16);
	int64_t now = 1000;
	for (int i = 0; i < 3; i++) CHECK(throttle_take(t, "a", now) == 0);
	CHECK(throttle_take(t, "a", now) == 2);		/* refused: nothing counted */
	CHECK(throttle_take(t, "a", now + 1) == 1);
	CHECK(throttle_take(t, "b", now) == 0);		/* another key is its own */
	CHECK(throttle_take(t, "a", now + 2) == 0);	/* 4th, after the wait */
	CHECK(throttle_take(t, "a", now + 6) == 0);	/* 5th: waited 4 */
	CHECK(throttle_take(t, "a", now + 14) == 0);	/* 6th: waited 8 */
	CHECK(throttle_take(t, "a", now + 100) == 514);	/* locked 600 s after the 6th */
	CHECK(throttle_take(t, "a", now + 614) == 0);	/* forgotten after the lock */

	/* A given-back attempt does not count; a cleared key starts afresh. */
	for (int i = 0; i < 3; i++) CHECK(throttle_take(t, "c", now) == 0);
	throttle_give_back(t, "c");
	CHECK(throttle_take(t, "c", now) == 0);
	CHECK(throttle_take(t, "c", now) != 0);
	throttle_clear(t, "c");
	CHECK(throttle_take(t, "c", now) == 0);

	/* Many keys in a small table: each still gets its free attempts. */
	char key[32];
	int fresh = 0;
	for (int i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "spray-%d", i);
		fresh += throttle_take(t, key, now + 700) == 0;
	}
	CHECK(fresh == 1000);
	throttle_free(t);
}

void test_throttle(void)
{
	test_wait_rule();
	test_table();
}
