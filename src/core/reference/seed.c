/* seed.c -- loads the reference data into an empty database, from the data
 * files compiled into the binary. Each part (places, categories, languages,
 * currencies) is loaded when its tables are empty, so a database whose
 * places were imported for another country keeps them. */
#include "seed.h"

#include <string.h>

#include "categories.h"
#include "../../util/errors.h"
#include "places.h"

/* Generated from data/ by the build (scripts/embed-data.sh). */
struct SeedFile {
	const char *path;
	const unsigned char *data;
	size_t len;
};
extern const struct SeedFile seed_files[];

const unsigned char *seed_file(const char *path, size_t *len)
{
	for (const struct SeedFile *f = seed_files; f->path; f++) {
		if (strcmp(f->path, path) == 0) {
			*len = f->len;
			return f->data;
		}
	}
	return NULL;
}

static int need(Ctx *c, int (*count)(Store *, int64_t *), bool *empty)
{
	int64_t n = 0;
	int rc = count(c->st, &n);
	*empty = n == 0;
	return rc;
}

static int load(Ctx *c, const char *path, const unsigned char **data, size_t *len)
{
	*data = seed_file(path, len);
	if (!*data) return ctx_fail(c, SOUK_EINVAL, NULL, "data file %s is not in this build", path);
	return 0;
}

int seed_reference(Ctx *c)
{
	bool places, cats, langs, curs;
	const unsigned char *data;
	size_t len;
	int rc;

	/* One writer seeds; another process waiting on the lock then finds the
	 * tables filled. */
	if ((rc = store_begin(c->st)) != 0) return ctx_fail(c, rc, NULL, "database busy");
	if ((rc = need(c, store_regions_count, &places)) != 0 ||
	    (rc = need(c, store_categories_count, &cats)) != 0 ||
	    (rc = need(c, store_languages_count, &langs)) != 0 ||
	    (rc = need(c, store_currencies_count, &curs)) != 0)
		goto fail;
	if (places) {
		if ((rc = load(c, SEED_PLACES, &data, &len)) != 0) goto fail;
		if ((rc = places_load_tsv(c, (const char *)data, len, NULL)) != 0) goto fail;
	}
	if (cats) {
		if ((rc = load(c, "categories.json", &data, &len)) != 0) goto fail;
		if ((rc = catalog_load_categories_json(c, (const char *)data, len, NULL)) != 0) goto fail;
	}
	if (langs || curs) {
		if ((rc = load(c, "reference.json", &data, &len)) != 0) goto fail;
		if ((rc = catalog_load_reference_json(c, (const char *)data, len, langs, curs)) != 0)
			goto fail;
	}
	if ((rc = store_commit(c->st)) != 0) goto fail;
	return 0;
fail:
	store_rollback(c->st);
	if (!c->err) ctx_fail(c, rc, NULL, "%s", souk_strerror(rc));
	return rc;
}
