/* violations.h -- the rules an input broke, collected so that one answer
 * reports them all (OLX's "validation" array, Allegro's "errors"). Strings
 * are borrowed: static texts or the request's arena. */
#ifndef SOUK_VIOLATIONS_H
#define SOUK_VIOLATIONS_H

#include <stdbool.h>

#define VIOLATIONS_MAX 32

typedef struct Violation {
	const char *field;	/* "title", "location.city_id", "attributes", ... */
	const char *title;	/* the rule's message */
	bool detail;		/* also report the message as "detail" (as the seed does) */
} Violation;

typedef struct Violations {
	Violation v[VIOLATIONS_MAX];
	int n;
} Violations;

/* Adds one; a repeat of the same field and message is dropped. */
void violations_add(Violations *vs, const char *field, const char *title);
void violations_add_detailed(Violations *vs, const char *field, const char *title);
bool violations_has(const Violations *vs, const char *field);

#endif
