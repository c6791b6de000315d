/* seed.h -- the reference data every marketplace starts with (places,
 * categories and their attributes, languages, currencies), loaded into an
 * empty database from files compiled into the binary (data/, embedded by
 * the build as seed_files[]). */
#ifndef SOUK_SEED_H
#define SOUK_SEED_H

#include <stddef.h>

#include "../ctx.h"

/* The places a new marketplace gets (a path under data/). */
#define SEED_PLACES "places/pl.tsv"

/* Loads whatever reference data the database does not have yet, in one
 * transaction; does nothing when everything is there. */
int seed_reference(Ctx *c);

/* An embedded data file by its path under data/; NULL when absent. */
const unsigned char *seed_file(const char *path, size_t *len);

#endif
