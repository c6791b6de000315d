/* ratelimit.h -- the rate limiter: requests counted per key under a rule,
 * answered with whether one more may go on and when to come back.
 *
 * The arithmetic is pure (ratelimit_step: rule + state + now -> verdict and
 * next state; ratelimit_step_back: one counted request given back), so it
 * runs the same wherever the state lives. The state lives behind RateStore:
 * today an in-process table (ratestore_memory_new), sharded under mutexes,
 * bounded, evicting the key idle longest; a shared store (Redis, one atomic
 * script per operation over the same three numbers) can take its place when
 * several processes serve one marketplace. Times are the caller's, in
 * milliseconds of the marketplace clock, so tests can move them. Request
 * rates (core/limits/policy.h) and the login throttle (core/auth/signin.c)
 * both count here. */
#ifndef SOUK_RATELIMIT_H
#define SOUK_RATELIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum RateAlgo {
	/* limit requests per window, refilled evenly (GCRA): a burst of limit,
	 * then one every window/limit. Also what "leaky bucket" meters. */
	RATE_TOKEN_BUCKET,
	/* limit requests per fixed window; the request past it blocks the key
	 * for block_ms (Allegro: 9000 a minute, then a minute blocked). */
	RATE_FIXED_WINDOW,
	/* limit requests per window, metered evenly like RATE_TOKEN_BUCKET,
	 * but a request past the burst is let through late rather than
	 * refused: its verdict says how long to hold it (delay_ms), and its
	 * place in the queue is taken at once, so the requests after it wait
	 * behind it. One whose wait would pass block_ms is refused. */
	RATE_LEAKY_BUCKET,
	/* limit requests at once: each hit counts one more in flight, each
	 * give back (the request ended) one less (Allegro: "too many parallel
	 * requests" of one user). */
	RATE_CONCURRENT,
	/* limit attempts at once, then `slowed` more, the first window_ms
	 * after the attempt before it and each next one waiting twice as long
	 * (never longer than block_ms), then none until block_ms after the
	 * last; a key quiet for block_ms starts afresh (the login throttle). */
	RATE_BACKOFF,
} RateAlgo;

typedef struct RateRule {
	RateAlgo algo;
	int64_t limit;		/* requests per window; 0: unlimited */
	int64_t window_ms;	/* RATE_BACKOFF: the first slowed attempt's wait */
	int64_t block_ms;	/* RATE_FIXED_WINDOW, RATE_BACKOFF; RATE_LEAKY_BUCKET: the longest wait */
	int64_t slowed;		/* RATE_BACKOFF only */
} RateRule;

/* What a store keeps per key: three numbers, zero for a new key. */
typedef struct RateState {
	int64_t a, b, c;
} RateState;

typedef struct RateVerdict {
	bool allowed;
	int64_t limit;
	int64_t remaining;	/* requests left now */
	int64_t reset_ms;	/* until the key is back to a full allowance */
	int64_t retry_ms;	/* refused: until one more may go on */
	int64_t delay_ms;	/* allowed: hold the request this long first */
} RateVerdict;

/* Pure rule (unit tested): one request at now_ms against st, which it
 * updates; a refused request changes nothing but an expired block. */
void ratelimit_step(const RateRule *rule, RateState *st, int64_t now_ms, RateVerdict *v);
/* Gives back one request ratelimit_step let through (the work it guarded
 * did not happen, or its outcome does not count; RATE_CONCURRENT: it
 * ended). */
void ratelimit_step_back(const RateRule *rule, RateState *st);
/* RATE_BACKOFF's rule: how long the attempt after `attempts` must wait
 * after the last one; 0 when it may go on. */
int64_t ratelimit_backoff_wait(const RateRule *rule, int64_t attempts, int64_t since_last_ms);

/* Where the state lives. hit applies ratelimit_step to key's state
 * atomically (one key's operations never interleave), give_back applies
 * ratelimit_step_back to a key that exists, clear forgets a key; each
 * returns 0, or a negative error when the store cannot answer (the caller
 * lets the request through: a limiter that fails closed takes the
 * marketplace down with it). */
typedef struct RateStore RateStore;
struct RateStore {
	int (*hit)(RateStore *s, const char *key, size_t keylen, const RateRule *rule,
		int64_t now_ms, RateVerdict *v);
	int (*give_back)(RateStore *s, const char *key, size_t keylen, const RateRule *rule);
	int (*clear)(RateStore *s, const char *key, size_t keylen);
	void (*free)(RateStore *s);
};

/* In-process store of at most `capacity` keys (rounded up per shard). A new
 * key in a full shard evicts that shard's key used longest ago. Keys are
 * kept as keyed 128-bit digests, so their length does not matter and nobody
 * outside can aim two keys at one slot. */
RateStore *ratestore_memory_new(unsigned capacity);

static inline int ratelimit_hit(RateStore *s, const char *key, size_t keylen,
	const RateRule *rule, int64_t now_ms, RateVerdict *v)
{
	return s->hit(s, key, keylen, rule, now_ms, v);
}

static inline int ratelimit_give_back(RateStore *s, const char *key, size_t keylen,
	const RateRule *rule)
{
	return s->give_back(s, key, keylen, rule);
}

static inline int ratelimit_clear(RateStore *s, const char *key, size_t keylen)
{
	return s->clear(s, key, keylen);
}

static inline void ratestore_free(RateStore *s)
{
	if (s) s->free(s);
}

#endif
