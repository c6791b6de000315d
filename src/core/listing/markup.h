/* markup.h -- the small HTML a description's TEXT items may hold: the tags
 * p, h1, h2, ul, ol, li and b, without attributes, properly nested (li only
 * in a list, lists holding only items, b holding no block). Pure: one pass,
 * no allocation, any input safe. */
#ifndef SOUK_MARKUP_H
#define SOUK_MARKUP_H

#include <stddef.h>

#include "violations.h"

/* RULE_NONE, RULE_TAG_NOT_ALLOWED (a tag outside the list, or one with
 * attributes) or RULE_MARKUP (a stray '<', a tag left open, closed out of
 * order, or in a place it may not stand). */
RuleCode markup_check(const char *html, size_t len);

#endif
