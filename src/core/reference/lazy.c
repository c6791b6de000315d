#include "lazy.h"

int lazy_get(Lazy *l, Ctx *c, int (*build)(Ctx *c, void **out), void **out)
{
	void *v = atomic_load_explicit(&l->value, memory_order_acquire);
	int rc = 0;
	if (!v) {
		pthread_mutex_lock(&l->lock);
		v = atomic_load_explicit(&l->value, memory_order_relaxed);
		if (!v && (rc = build(c, &v)) == 0) atomic_store_explicit(&l->value, v, memory_order_release);
		pthread_mutex_unlock(&l->lock);
	}
	if (rc == 0) *out = v;
	return rc;
}
