/* markup.h -- the small HTML a description's TEXT items may hold (seed 002
 * §5): the tags p, h1, h2, ul, ol, li and b in lower case, without
 * attributes, properly nested: text inside p, h1, h2 or li; li only in a
 * list, lists holding only items; b inside p and li, p inside li; h1 and h2
 * unformatted. Pure: one pass, no allocation, any input safe. */
#ifndef SOUK_MARKUP_H
#define SOUK_MARKUP_H

#include <stddef.h>

#include "violations.h"

/* RULE_NONE, RULE_TAG_NOT_ALLOWED (a tag outside the list, or one with
 * attributes) or RULE_MARKUP (a stray '<', a tag left open, closed out of
 * order, written in capitals or in a place it may not stand, text outside
 * the blocks). */
RuleCode markup_check(const char *html, size_t len);

#endif
