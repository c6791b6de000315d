/* expand.h -- placeholders the corpora use for what only a running fixture
 * knows: "@USER@" and "@APP@" (bearer tokens), "@AD@" (an advert id),
 * "@ID@" and "@SECRET@" (the app's client credentials), "@ALLEGRO@" (the
 * seller's Allegro token) and "@CONTACT@" (an offer contact's id). */
#ifndef SOUK_FUZZ_EXPAND_H
#define SOUK_FUZZ_EXPAND_H

#include <stdio.h>
#include <string.h>

#include "harness.h"

static inline void fuzz_expand(const uint8_t *data, size_t size, Buf *out)
{
	const Fixture *f = fuzz_fixture();
	char ad[24];
	snprintf(ad, sizeof(ad), "%lld", f->advert_id);
	const struct { const char *key, *value; } subst[] = {
		{"@USER@", f->user_token}, {"@APP@", f->app_token}, {"@AD@", ad},
		{"@ID@", f->client_id}, {"@SECRET@", f->client_secret},
		{"@ALLEGRO@", f->allegro_token}, {"@CONTACT@", f->contact_id},
	};
	for (size_t i = 0; i < size;) {
		size_t k = 0;
		while (k < sizeof(subst) / sizeof(subst[0])) {
			size_t n = strlen(subst[k].key);
			if (size - i >= n && memcmp(data + i, subst[k].key, n) == 0) break;
			k++;
		}
		if (k < sizeof(subst) / sizeof(subst[0])) {
			buf_puts(out, subst[k].value);
			i += strlen(subst[k].key);
		} else {
			buf_append(out, data + i, 1);
			i++;
		}
	}
}

#endif
