#include "violations.h"

#include <string.h>

static void add(Violations *vs, const char *field, const char *title, bool detail)
{
	for (int i = 0; i < vs->n; i++)
		if (strcmp(vs->v[i].field, field) == 0 && strcmp(vs->v[i].title, title) == 0) return;
	if (vs->n == VIOLATIONS_MAX) return;
	vs->v[vs->n++] = (Violation){field, title, detail};
}

void violations_add(Violations *vs, const char *field, const char *title)
{
	add(vs, field, title, false);
}

void violations_add_detailed(Violations *vs, const char *field, const char *title)
{
	add(vs, field, title, true);
}

bool violations_has(const Violations *vs, const char *field)
{
	for (int i = 0; i < vs->n; i++)
		if (strcmp(vs->v[i].field, field) == 0) return true;
	return false;
}
