/* catalog_index.h -- the catalog's in-memory layout, shared by the index
 * (catalog.c builds and reads it) and suggestion (suggest.c indexes and
 * scores its leaves). Private to core/reference/: others use categories.h. */
#ifndef SOUK_CATALOG_INDEX_H
#define SOUK_CATALOG_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "../../util/vec.h"
#include "categories.h"

/* --- the suggestion index: what suggest.c builds and scores with --------- */

/* A word of the suggestion index: a folded word of a leaf's keywords or names. */
typedef struct Term {
	const char *word;
	uint32_t cat;			/* index in display order */
	uint8_t weight;
} Term;

/* A keyword of several words, matched as a phrase. */
typedef struct Phrase {
	const char *text;		/* folded, with a space on either side */
	uint32_t cat;
	uint8_t weight;
} Phrase;

/* --- the catalog: what catalog.c builds and looks up in -------------------- */

/* Per category, in display order: what the Category records do not say. */
typedef struct CatInfo {
	int64_t id;
	long parent;			/* index, -1: top level */
	uint32_t attr_first, attr_count;
	int depth;
} CatInfo;

struct Catalog {
	Arena *arena;
	int nlang;
	const char *lang[CATALOG_MAX_LANGS];
	size_t n;
	CatInfo *info;				/* display order */
	Category *cat[CATALOG_MAX_LANGS];	/* per language, display order */
	uint32_t *by_id;			/* indices sorted by id */
	size_t nattr, nval;
	Attribute *attr[CATALOG_MAX_LANGS];
	AttrValue *val[CATALOG_MAX_LANGS];
	Term *terms;
	size_t nterms;
	Phrase *phrases;
	size_t nphrases;
	Language *languages;
	size_t nlanguages;
	Currency *currencies;
	size_t ncurrencies;
};

/* --- building -------------------------------------------------------------- */

/* Texts of one kind, as the store gives them: by ref_id. */
typedef struct Text {
	int64_t ref;
	int lang;
	const char *text;
} Text;
_Static_assert(offsetof(Text, ref) == 0, "texts are found by their leading ref");

/* Suggestion (suggest.c): builds c's word and phrase index of its leaves from
 * the category names and keywords (Text, sorted by ref), into c->arena. */
void suggest_index_build(Catalog *c, const Vec *names, const Vec *keywords);

#endif
