/* text_fold.c -- folding text for matching: code points by table to ASCII,
 * separators, or themselves. */
#include "text_fold.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "../../util/utf8.h"

/* Latin-1 Supplement and Latin Extended-A letters, by code point range. */
static const struct {
	unsigned lo, hi;
	const char *ascii;
} fold_ranges[] = {
	{0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"},
	{0xCC, 0xCF, "i"}, {0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"},
	{0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"}, {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"},
	{0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"},
	{0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"}, {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"},
	{0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"},
	{0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"},
	{0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
	{0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
	{0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
	{0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
	{0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
	{0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

/* The folded form of a code point: ASCII text, a separator (NULL), or the
 * code point itself (lower-cased where cheap) written as UTF-8 into own. */
static const char *fold_cp(uint32_t cp, char own[UTF8_MAX + 1])
{
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z') cp += 32;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			own[0] = (char)cp;
			own[1] = '\0';
			return own;
		}
		return NULL;
	}
	for (size_t i = 0; i < sizeof(fold_ranges) / sizeof(fold_ranges[0]); i++)
		if (cp >= fold_ranges[i].lo && cp <= fold_ranges[i].hi) return fold_ranges[i].ascii;
	/* punctuation and symbols: Latin-1 (× ÷ « » ...), general punctuation
	 * (dashes, quotes), replacement character */
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
	    cp == 0xFFFD || (cp >= 0x20A0 && cp <= 0x20CF))
		return NULL;
	if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;		/* Cyrillic А-Я */
	else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;	/* Ѐ-Џ */
	own[utf8_encode(cp, own)] = '\0';
	return own;
}

size_t text_fold(const char *in, char *out, size_t cap)
{
	size_t n = 0;
	bool space = false;
	if (cap == 0) return 0;
	const char *s = in ? in : "";
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		i += k ? k : 1;		/* a bad byte reads as U+FFFD, a separator */
		char own[UTF8_MAX + 1];
		const char *f = fold_cp(cp, own);
		if (!f) {
			space = n > 0;
			continue;
		}
		size_t fl = strlen(f);
		if (n + (space ? 1 : 0) + fl >= cap) break;
		if (space) out[n++] = ' ';
		space = false;
		memcpy(out + n, f, fl);
		n += fl;
	}
	out[n] = '\0';
	return n;
}
