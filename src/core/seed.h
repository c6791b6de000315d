/* seed.h -- the reference data every marketplace starts with (places,
 * categories and their attributes, languages, currencies), loaded into an
 * empty database from files compiled into the binary. */
#ifndef SOUK_SEED_H
#define SOUK_SEED_H

#include "ctx.h"

/* Loads whatever reference data the database does not have yet. */
int seed_reference(Ctx *c);

#endif
