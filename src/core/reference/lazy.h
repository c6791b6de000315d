/* lazy.h -- an immutable value built once, on first use, by whichever
 * thread asks first; every later reader gets it without taking a lock. */
#ifndef SOUK_LAZY_H
#define SOUK_LAZY_H

#include <pthread.h>
#include <stdatomic.h>

#include "../ctx.h"

typedef struct Lazy {
	_Atomic(void *) value;
	pthread_mutex_t lock;
} Lazy;

#define LAZY_INIT {NULL, PTHREAD_MUTEX_INITIALIZER}

/* *out = the value (never NULL), building it with build() if no thread has
 * yet. build's error is returned, with "<what> could not be loaded" in the
 * error slot, and the next call tries again. */
int lazy_get(Lazy *l, Ctx *c, int (*build)(Ctx *c, void **out), const char *what, void **out);

/* Publishes v in place of the value (built or not) and returns the old one,
 * which readers may still hold: the caller keeps it alive. */
void *lazy_replace(Lazy *l, void *v);

#endif
