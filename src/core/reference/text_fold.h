/* text_fold.h -- text folded for matching: what category suggestion compares
 * titles, names and keywords in, and what the faces measure a query by.
 *
 * Pure: no state, no allocation. Input is UTF-8 (util/utf8.h's rule); a byte
 * that is not reads as a separator. */
#ifndef SOUK_TEXT_FOLD_H
#define SOUK_TEXT_FOLD_H

#include <stddef.h>

/* Folding: lower case, Latin letters without diacritics (ą->a, ł->l, ß->ss,
 * ...), every run of other characters but letters and digits becomes one
 * space, no leading or trailing space. Non-Latin letters are kept as they
 * are (Cyrillic lower-cased). Writes at most cap-1 bytes and a NUL; returns
 * the length written. */
size_t text_fold(const char *in, char *out, size_t cap);

#endif
