/* throttle.c -- a set-associative table of attempt counters. */
#include "throttle.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/crypto.h"

#define WAYS 8

typedef struct Entry {
	uint64_t key;		/* keyed hash of the key; 0: free */
	int attempts;
	int64_t last;		/* when the last counted attempt was let through */
} Entry;

struct Throttle {
	ThrottlePolicy p;
	pthread_mutex_t mu;
	unsigned sets;		/* a power of two */
	unsigned char hash_key[16];
	Entry *e;		/* sets * WAYS */
};

int64_t throttle_wait(const ThrottlePolicy *p, int attempts, int64_t since_last)
{
	if (attempts < p->free) return 0;
	int64_t need;
	if (attempts >= p->free + p->slowed) {
		need = p->lock;
	} else {
		int k = attempts - p->free;	/* 0 for the first slowed attempt */
		need = p->first_wait << (k < 30 ? k : 30);
		if (need > p->lock) need = p->lock;
	}
	return since_last >= need ? 0 : need - since_last;
}

Throttle *throttle_new(const ThrottlePolicy *policy, unsigned slots)
{
	Throttle *t = calloc(1, sizeof(*t));
	if (!t) abort();
	t->p = *policy;
	t->sets = 1;
	while (t->sets * WAYS < slots) t->sets <<= 1;
	t->e = calloc((size_t)t->sets * WAYS, sizeof(Entry));
	if (!t->e) abort();
	pthread_mutex_init(&t->mu, NULL);
	crypto_random_bytes(t->hash_key, sizeof(t->hash_key));
	return t;
}

void throttle_free(Throttle *t)
{
	if (!t) return;
	pthread_mutex_destroy(&t->mu);
	free(t->e);
	free(t);
}

static uint64_t hash(const Throttle *t, const char *key)
{
	/* Keyed, so nobody can pick keys that crowd one set on purpose. */
	uint64_t h = crypto_short_hash(t->hash_key, key, strlen(key));
	return h ? h : 1;
}

/* The key's entry; with make, a free, forgotten or least recent one of its
 * set is taken for it. NULL when absent and not made. Called locked. */
static Entry *find(Throttle *t, uint64_t h, int64_t now, int make)
{
	Entry *set = &t->e[(h & (t->sets - 1)) * WAYS], *victim = NULL;
	for (int i = 0; i < WAYS; i++) {
		Entry *e = &set[i];
		if (e->key == h) {
			if (now - e->last >= t->p.lock) e->attempts = 0;	/* forgotten */
			return e;
		}
		if (!victim || e->key == 0 || (victim->key != 0 && e->last < victim->last)) victim = e;
	}
	if (!make) return NULL;
	victim->key = h;
	victim->attempts = 0;
	victim->last = now;
	return victim;
}

int64_t throttle_take(Throttle *t, const char *key, int64_t now)
{
	uint64_t h = hash(t, key);
	pthread_mutex_lock(&t->mu);
	Entry *e = find(t, h, now, 1);
	int64_t wait = throttle_wait(&t->p, e->attempts, now - e->last);
	if (!wait) {
		e->attempts++;
		e->last = now;
	}
	pthread_mutex_unlock(&t->mu);
	return wait;
}

void throttle_give_back(Throttle *t, const char *key)
{
	uint64_t h = hash(t, key);
	pthread_mutex_lock(&t->mu);
	Entry *e = find(t, h, 0, 0);
	if (e && e->attempts > 0) e->attempts--;
	pthread_mutex_unlock(&t->mu);
}

void throttle_clear(Throttle *t, const char *key)
{
	uint64_t h = hash(t, key);
	pthread_mutex_lock(&t->mu);
	Entry *e = find(t, h, 0, 0);
	if (e) memset(e, 0, sizeof(*e));
	pthread_mutex_unlock(&t->mu);
}
