/* throttle.h -- attempts counted per key (an account, an address), slowed and
 * then refused for a while: what keeps a password guesser from both guessing
 * and making the server run Argon2id (64 MiB, ~100 ms) for every guess.
 *
 * An attempt is counted when it is let through, before the work it guards,
 * so concurrent attempts cannot all pass the check first. Times are the
 * caller's (the marketplace clock), in seconds. State is in-process, in a
 * fixed table (keys are kept as keyed 64-bit hashes): a shared store could
 * hold the same counters when several processes serve one marketplace.
 * Request rates are core/limits/ratelimit.h's: this table exists for what
 * that one cannot do yet (give back, clear, doubling waits). */
#ifndef SOUK_THROTTLE_H
#define SOUK_THROTTLE_H

#include <stdint.h>

typedef struct ThrottlePolicy {
	int free;		/* attempts let through at once */
	int slowed;		/* then this many more, each waiting twice as long as the one before */
	int64_t first_wait;	/* seconds the first slowed attempt waits after the previous one */
	int64_t lock;		/* after free + slowed attempts: refused this long after the last;
				   also how long a quiet key takes to be forgotten */
} ThrottlePolicy;

typedef struct Throttle Throttle;

/* A table of at least `slots` keys (rounded up to a power of two). */
Throttle *throttle_new(const ThrottlePolicy *policy, unsigned slots);
void throttle_free(Throttle *t);

/* 0: the attempt may go on and is counted. Otherwise the seconds to wait
 * before the next attempt may go on (nothing is counted). */
int64_t throttle_take(Throttle *t, const char *key, int64_t now);
/* Gives back an attempt taken by throttle_take (the work it guarded did not
 * happen). */
void throttle_give_back(Throttle *t, const char *key);
/* Forgets the key (a successful sign-in). */
void throttle_clear(Throttle *t, const char *key);

/* Pure rule (unit tested): how long the attempt after `attempts` must wait
 * after the last one; 0 when it may go on. */
int64_t throttle_wait(const ThrottlePolicy *p, int attempts, int64_t since_last);

#endif
