/* ratelimit.c -- the limiter's arithmetic and its in-process store. */
#include "ratelimit.h"

#include <assert.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* --- the rule ------------------------------------------------------------ */

/* GCRA: a.. = the theoretical arrival time, in microseconds, of the next
 * request were the allowance used evenly; a request may go on while that
 * time stays within one window of now. One number, no refill loop. */
static void token_bucket(const RateRule *rule, RateState *st, int64_t now_ms, RateVerdict *v)
{
	int64_t now = now_ms * 1000, window = rule->window_ms * 1000;
	int64_t step = window / rule->limit;
	if (step < 1) step = 1;
	int64_t tat = st->a > now ? st->a : now;
	if (tat + step - now > window) {
		v->allowed = false;
		v->retry_ms = (tat + step - window - now + 999) / 1000;
	} else {
		v->allowed = true;
		st->a = tat = tat + step;
	}
	v->remaining = (window - (tat - now)) / step;
	v->reset_ms = (tat - now + 999) / 1000;
}

/* GCRA as a queue: a request that does not conform now conforms at
 * tat + step - window; it takes that place (tat moves on) and waits until
 * then, unless that is more than block_ms away. */
static void leaky_bucket(const RateRule *rule, RateState *st, int64_t now_ms, RateVerdict *v)
{
	int64_t now = now_ms * 1000, window = rule->window_ms * 1000;
	int64_t step = window / rule->limit;
	if (step < 1) step = 1;
	int64_t tat = st->a > now ? st->a : now;
	int64_t wait = tat + step - window - now;	/* > 0: late */
	if (wait > rule->block_ms * 1000) {
		v->allowed = false;
		v->retry_ms = (wait - rule->block_ms * 1000 + 999) / 1000;
	} else {
		v->allowed = true;
		v->delay_ms = wait > 0 ? (wait + 999) / 1000 : 0;
		st->a = tat = tat + step;
	}
	v->remaining = tat - now < window ? (window - (tat - now)) / step : 0;
	v->reset_ms = (tat - now + 999) / 1000;
}

/* a = requests in flight. */
static void concurrent(const RateRule *rule, RateState *st, RateVerdict *v)
{
	if (st->a >= rule->limit) {
		v->allowed = false;
		v->retry_ms = 1000;	/* when one ends is not known: a second */
	} else {
		v->allowed = true;
		st->a++;
	}
	v->remaining = st->a < rule->limit ? rule->limit - st->a : 0;
}

/* a = the window's start, b = requests counted in it, c = blocked until. */
static void fixed_window(const RateRule *rule, RateState *st, int64_t now_ms, RateVerdict *v)
{
	if (now_ms < st->c) {
		v->allowed = false;
		v->remaining = 0;
		v->retry_ms = v->reset_ms = st->c - now_ms;
		return;
	}
	if (now_ms >= st->a + rule->window_ms || now_ms < st->a) {
		st->a = now_ms;
		st->b = 0;
	}
	if (st->b >= rule->limit) {
		st->c = now_ms + rule->block_ms;
		st->a = st->b = 0;
		v->allowed = false;
		v->remaining = 0;
		v->retry_ms = v->reset_ms = rule->block_ms;
		return;
	}
	st->b++;
	v->allowed = true;
	v->remaining = rule->limit - st->b;
	v->reset_ms = st->a + rule->window_ms - now_ms;
}

int64_t ratelimit_backoff_wait(const RateRule *rule, int64_t attempts, int64_t since_last_ms)
{
	if (attempts < rule->limit) return 0;
	int64_t need;
	if (attempts >= rule->limit + rule->slowed) {
		need = rule->block_ms;
	} else {
		int64_t k = attempts - rule->limit;	/* 0 for the first slowed attempt */
		need = rule->window_ms << (k < 30 ? k : 30);
		if (need > rule->block_ms) need = rule->block_ms;
	}
	return since_last_ms >= need ? 0 : need - since_last_ms;
}

/* a = attempts counted, b = when the last one was let through. */
static void backoff(const RateRule *rule, RateState *st, int64_t now_ms, RateVerdict *v)
{
	int64_t since = now_ms - st->b;
	if (since < 0) since = 0;
	if (since >= rule->block_ms) st->a = 0;	/* quiet long enough: forgotten */
	int64_t wait = ratelimit_backoff_wait(rule, st->a, since);
	if (wait) {
		v->allowed = false;
		v->retry_ms = wait;
	} else {
		v->allowed = true;
		st->a++;
		st->b = now_ms;
		since = 0;
	}
	v->limit = rule->limit + rule->slowed;
	v->remaining = st->a < v->limit ? v->limit - st->a : 0;
	v->reset_ms = rule->block_ms - since;
}

/* A rule that counts nothing: no allowance set (a backoff may let none
 * through at once and still slow the ones after). */
static bool unlimited(const RateRule *rule)
{
	if (rule->algo == RATE_BACKOFF)
		return rule->limit < 0 || rule->limit + rule->slowed <= 0 || rule->block_ms <= 0;
	if (rule->algo == RATE_CONCURRENT) return rule->limit <= 0;
	return rule->limit <= 0 || rule->window_ms <= 0;
}

void ratelimit_step(const RateRule *rule, RateState *st, int64_t now_ms, RateVerdict *v)
{
	memset(v, 0, sizeof(*v));
	v->limit = rule->limit;
	if (unlimited(rule)) {
		v->allowed = true;
		return;
	}
	switch (rule->algo) {
	case RATE_FIXED_WINDOW: fixed_window(rule, st, now_ms, v); break;
	case RATE_BACKOFF: backoff(rule, st, now_ms, v); break;
	case RATE_LEAKY_BUCKET: leaky_bucket(rule, st, now_ms, v); break;
	case RATE_CONCURRENT: concurrent(rule, st, v); break;
	case RATE_TOKEN_BUCKET: token_bucket(rule, st, now_ms, v); break;
	}
}

void ratelimit_step_back(const RateRule *rule, RateState *st)
{
	/* A request in flight ends whatever the rule has become meanwhile (a
	 * limit turned off and on again must not keep phantom requests). */
	if (rule->algo == RATE_CONCURRENT) {
		if (st->a > 0) st->a--;
		return;
	}
	if (unlimited(rule)) return;
	switch (rule->algo) {
	case RATE_CONCURRENT:
		break;
	case RATE_TOKEN_BUCKET:
	case RATE_LEAKY_BUCKET: {
		/* The arrival time moves back one step; a time in the past is
		 * the same as now to the next hit. */
		int64_t step = rule->window_ms * 1000 / rule->limit;
		st->a -= step < 1 ? 1 : step;
		if (st->a < 0) st->a = 0;
		break;
	}
	case RATE_FIXED_WINDOW:	/* the count in the window */
		if (st->b > 0) st->b--;
		break;
	case RATE_BACKOFF:	/* the attempts */
		if (st->a > 0) st->a--;
		break;
	}
}

/* --- the in-process store ------------------------------------------------ */

#define SHARDS 64	/* one mutex each: requests for different keys rarely meet */
#define NIL (-1)

typedef struct Entry {
	uint64_t k0, k1;	/* keyed digest of the key */
	RateState st;
	int32_t chain;		/* next in the hash bucket */
	int32_t prev, next;	/* recency list, most recent at head */
} Entry;

typedef struct Shard {
	pthread_mutex_t lock;
	Entry *e;
	int32_t *bucket;
	uint32_t mask;		/* buckets - 1 */
	int32_t used, cap, head, tail;
} Shard;

typedef struct MemoryStore {
	RateStore base;
	unsigned char key[crypto_shorthash_siphashx24_KEYBYTES];
	Shard shard[SHARDS];
} MemoryStore;

static void list_unlink(Shard *s, int32_t i)
{
	Entry *e = &s->e[i];
	if (e->prev != NIL) s->e[e->prev].next = e->next;
	else s->head = e->next;
	if (e->next != NIL) s->e[e->next].prev = e->prev;
	else s->tail = e->prev;
}

static void list_push(Shard *s, int32_t i)
{
	Entry *e = &s->e[i];
	e->prev = NIL;
	e->next = s->head;
	if (s->head != NIL) s->e[s->head].prev = i;
	s->head = i;
	if (s->tail == NIL) s->tail = i;
}

static void chain_remove(Shard *s, int32_t i)
{
	int32_t *p = &s->bucket[s->e[i].k0 & s->mask];
	while (*p != i) {
		assert(*p != NIL);
		p = &s->e[*p].chain;
	}
	*p = s->e[i].chain;
}

/* The entry of digest (k0, k1), or NIL. */
static int32_t entry_find(const Shard *s, uint64_t k0, uint64_t k1)
{
	for (int32_t i = s->bucket[k0 & s->mask]; i != NIL; i = s->e[i].chain)
		if (s->e[i].k0 == k0 && s->e[i].k1 == k1) return i;
	return NIL;
}

/* The entry of digest (k0, k1), created (evicting the idlest) if new. */
static Entry *entry_for(Shard *s, uint64_t k0, uint64_t k1)
{
	int32_t *head = &s->bucket[k0 & s->mask];
	int32_t i = entry_find(s, k0, k1);
	if (i != NIL) {
		list_unlink(s, i);
		list_push(s, i);
		return &s->e[i];
	}
	if (s->used < s->cap) {
		i = s->used++;
	} else {
		i = s->tail;
		list_unlink(s, i);
		chain_remove(s, i);
	}
	Entry *e = &s->e[i];
	memset(e, 0, sizeof(*e));
	e->k0 = k0;
	e->k1 = k1;
	e->chain = *head;
	*head = i;
	list_push(s, i);
	return e;
}

/* The key's digest and the shard it lives in. */
static Shard *shard_of(MemoryStore *m, const char *key, size_t keylen, uint64_t *k0, uint64_t *k1)
{
	unsigned char d[crypto_shorthash_siphashx24_BYTES];
	crypto_shorthash_siphashx24(d, (const unsigned char *)key, keylen, m->key);
	memcpy(k0, d, 8);
	memcpy(k1, d + 8, 8);
	return &m->shard[(*k1 >> 58) % SHARDS];
}

static int memory_hit(RateStore *base, const char *key, size_t keylen, const RateRule *rule,
	int64_t now_ms, RateVerdict *v)
{
	uint64_t k0, k1;
	Shard *s = shard_of((MemoryStore *)base, key, keylen, &k0, &k1);
	pthread_mutex_lock(&s->lock);
	ratelimit_step(rule, &entry_for(s, k0, k1)->st, now_ms, v);
	pthread_mutex_unlock(&s->lock);
	return 0;
}

/* A key evicted since its hit has nothing to give back: it was forgotten. */
static int memory_give_back(RateStore *base, const char *key, size_t keylen, const RateRule *rule)
{
	uint64_t k0, k1;
	Shard *s = shard_of((MemoryStore *)base, key, keylen, &k0, &k1);
	pthread_mutex_lock(&s->lock);
	int32_t i = entry_find(s, k0, k1);
	if (i != NIL) ratelimit_step_back(rule, &s->e[i].st);
	pthread_mutex_unlock(&s->lock);
	return 0;
}

/* The slot stays where it is with a fresh state: a new key's state. */
static int memory_clear(RateStore *base, const char *key, size_t keylen)
{
	uint64_t k0, k1;
	Shard *s = shard_of((MemoryStore *)base, key, keylen, &k0, &k1);
	pthread_mutex_lock(&s->lock);
	int32_t i = entry_find(s, k0, k1);
	if (i != NIL) s->e[i].st = (RateState){0};
	pthread_mutex_unlock(&s->lock);
	return 0;
}

static void memory_free(RateStore *base)
{
	MemoryStore *m = (MemoryStore *)base;
	for (int i = 0; i < SHARDS; i++) {
		pthread_mutex_destroy(&m->shard[i].lock);
		free(m->shard[i].e);
		free(m->shard[i].bucket);
	}
	free(m);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	if (!p) abort();
	return p;
}

RateStore *ratestore_memory_new(unsigned capacity)
{
	MemoryStore *m = xcalloc(1, sizeof(*m));
	m->base.hit = memory_hit;
	m->base.give_back = memory_give_back;
	m->base.clear = memory_clear;
	m->base.free = memory_free;
	randombytes_buf(m->key, sizeof(m->key));
	int32_t per = (int32_t)((capacity + SHARDS - 1) / SHARDS);
	if (per < 1) per = 1;
	uint32_t buckets = 1;
	while (buckets < (uint32_t)per * 2) buckets <<= 1;
	for (int i = 0; i < SHARDS; i++) {
		Shard *s = &m->shard[i];
		pthread_mutex_init(&s->lock, NULL);
		s->e = xcalloc((size_t)per, sizeof(Entry));
		s->bucket = xcalloc(buckets, sizeof(int32_t));
		memset(s->bucket, 0xff, buckets * sizeof(int32_t));	/* NIL */
		s->mask = buckets - 1;
		s->cap = per;
		s->head = s->tail = NIL;
	}
	return &m->base;
}
