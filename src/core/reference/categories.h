/* categories.h -- the category tree, attribute definitions, category
 * suggestion for an advert title, site languages and currencies.
 *
 * Like the places, the catalog is read from the store once, on first use,
 * into an immutable index shared by every thread; records borrow it and stay
 * valid for the life of the process. Texts exist per language: a `lang` is an
 * index into the catalog's languages, 0 being the default (pl).
 *
 * Where it lives: the index and its lookups in catalog.c (layout shared in
 * catalog_index.h), suggestion in suggest.c, the JSON loaders in
 * catalog_load.c, and the text folding they match with in text_fold.h. */
#ifndef SOUK_CATEGORIES_H
#define SOUK_CATEGORIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../ctx.h"

#define CATALOG_MAX_LANGS 8
#define SUGGEST_MAX 5		/* suggestions returned at most */
#define SUGGEST_QUERY_MIN 3	/* characters a title needs */

typedef struct Catalog Catalog;

/* --- the index (catalog.c) ---------------------------------------------- */

/* Loads the catalog on the first call. */
int catalog_get(Ctx *c, const Catalog **out);
/* Builds it again from the store (after the operator changed the tree);
 * records handed out before stay valid. Other processes keep theirs. */
int catalog_reload(Ctx *c);

/* Languages: the catalog's text language for an Accept-Language header
 * ("en-GB,en;q=0.9,pl;q=0.8"): the supported language of highest weight,
 * else the default (0). NULL or empty: the default. */
int catalog_lang(const Catalog *cat, const char *accept_language);
const char *catalog_lang_code(const Catalog *cat, int lang);

/* Categories, in display order (parents before their children) */
size_t catalog_categories(const Catalog *cat, int lang, const Category **out);
const Category *catalog_category(const Catalog *cat, int lang, int64_t id);	/* NULL: none */
/* The category's children in display order, written into out (room for
 * catalog_categories' count); returns how many. parent_id 0: the top level. */
size_t catalog_children(const Catalog *cat, int lang, int64_t parent_id, const Category **out);
/* Ancestors from the top level down to the parent; returns how many (at most max). */
size_t catalog_path(const Catalog *cat, int lang, int64_t id, const Category **out, size_t max);
/* The category's attribute definitions, in display order. */
size_t catalog_attributes(const Catalog *cat, int lang, int64_t id, const Attribute **out);

/* Site languages and currencies, in display order */
size_t catalog_languages(const Catalog *cat, const Language **out);
size_t catalog_currencies(const Catalog *cat, const Currency **out);

/* For other core code (adverts): 0 or SOUK_ENOTFOUND; texts in the default
 * language. */
int category_get(Ctx *c, int64_t id, Category *out);
/* The category's attribute definitions (borrowed; *n of them). */
int category_attributes(Ctx *c, int64_t id, const Attribute **out, int *n);

/* --- suggestion (suggest.c) --------------------------------------------- */

/* Leaf categories for an advert title, best first. Title words are matched,
 * ignoring case and diacritics, against every language's keywords and names
 * of each leaf (full words, or words sharing a stem with them: "pokoje" finds
 * "pokój"), the leaf's own weighing more than its ancestors'. Writes up to
 * max leaves; returns how many. */
size_t catalog_suggest(const Catalog *cat, int lang, const char *title, const Category **out,
	size_t max);

/* --- loading (catalog_load.c) ------------------------------------------- */

/* Inserts data/categories.json and data/reference.json (their formats are in
 * docs/DATA.md) into the store; the caller owns the transaction. SOUK_EINVAL
 * with detail in the error slot on a bad file. */
int catalog_load_categories_json(Ctx *c, const char *text, size_t len, int *count);
int catalog_load_reference_json(Ctx *c, const char *text, size_t len, bool languages,
	bool currencies);

#endif
