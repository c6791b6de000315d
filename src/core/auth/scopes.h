/* scopes.h -- scope and grant sets and their space-separated spellings. */
#ifndef SOUK_SCOPES_H
#define SOUK_SCOPES_H

#include <stddef.h>

#include "../../model.h"

/* Parses "v2 read write" (any order, spaces or '+'); -1 on an unknown word. */
int scopes_parse(const char *s, unsigned *out);
/* Writes the canonical "v2 read write" order into buf. */
void scopes_format(unsigned scopes, char *buf, size_t len);

int grants_parse(const char *s, unsigned *out);
void grants_format(unsigned grants, char *buf, size_t len);

#endif
