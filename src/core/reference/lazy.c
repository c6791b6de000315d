/* lazy.c -- build once under a lock, then read without one (double-checked,
 * with acquire/release ordering on the published pointer). */
#include "lazy.h"

#include <assert.h>

int lazy_get(Lazy *l, Ctx *c, int (*build)(Ctx *c, void **out), const char *what, void **out)
{
	void *v = atomic_load_explicit(&l->value, memory_order_acquire);
	int rc = 0;
	if (!v) {
		pthread_mutex_lock(&l->lock);
		v = atomic_load_explicit(&l->value, memory_order_relaxed);
		if (!v && (rc = build(c, &v)) == 0) atomic_store_explicit(&l->value, v, memory_order_release);
		pthread_mutex_unlock(&l->lock);
	}
	if (rc) return ctx_fail(c, rc, NULL, "%s could not be loaded", what);
	assert(v);	/* a built value is never NULL */
	*out = v;
	return 0;
}

void *lazy_replace(Lazy *l, void *v)
{
	assert(v);
	pthread_mutex_lock(&l->lock);
	void *old = atomic_exchange_explicit(&l->value, v, memory_order_acq_rel);
	pthread_mutex_unlock(&l->lock);
	return old;
}
