/* scopes.h -- scope and grant sets and their space-separated spellings. */
#ifndef SOUK_SCOPES_H
#define SOUK_SCOPES_H

#include <stddef.h>

#include "../../model.h"

/* Room for every scope name, space-separated. */
#define SCOPES_TEXT_MAX 256

/* Parses "v2 read write" or "allegro:api:profile:read ..." (any order, spaces
 * or '+'); -1 on an unknown word. */
int scopes_parse(const char *s, unsigned *out);
/* Writes the canonical order ("v2 read write", then Allegro's) into buf. */
void scopes_format(unsigned scopes, char *buf, size_t len);
/* The name of one scope bit, or NULL. */
const char *scopes_name(unsigned bit);

int grants_parse(const char *s, unsigned *out);
void grants_format(unsigned grants, char *buf, size_t len);

#endif
