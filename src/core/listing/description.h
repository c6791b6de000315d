/* description.h -- a listing's description as sections of items (model.h
 * DescSection) and its plain-text projection. Faces that speak text (OLX,
 * Wallapop) give and get the text; Allegro gives and gets the sections. */
#ifndef SOUK_DESCRIPTION_H
#define SOUK_DESCRIPTION_H

#include "../../model.h"
#include "../../util/arena.h"

/* A plain text as one section with one TEXT item: the text, escaped, in a
 * paragraph (migration 0008 converts old adverts the same way). */
void description_from_text(Arena *a, const char *text, DescSection **out, int *n);

/* The plain text of sections: TEXT items without their tags, entities
 * decoded, blocks on lines of their own; IMAGE items are left out. */
const char *description_to_text(Arena *a, const DescSection *sections, int n);

#endif
