/* categories.c -- the catalog index (categories, attributes, languages,
 * currencies), category suggestion, text folding, and the JSON loaders. */
#include "categories.h"

#include <json-c/json.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../util/errors.h"
#include "lazy.h"
#include "../../util/buf.h"
#include "../../util/sorted.h"
#include "../../util/utf8.h"
#include "../../util/vec.h"

/* --- text folding ------------------------------------------------------- */

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

/* --- the catalog -------------------------------------------------------- */

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

static Lazy loaded = LAZY_INIT;

/* Texts of one kind, as the store gives them: by ref_id. */
typedef struct Text {
	int64_t ref;
	int lang;
	const char *text;
} Text;
_Static_assert(offsetof(Text, ref) == 0, "texts are found by their leading ref");

struct Loader {
	Catalog *cat;
	Vec texts;
	Vec cats;	/* Category, display order */
	Vec attrs;	/* Attribute + ids */
	Vec vals;
};

typedef struct AttrRow {
	int64_t id, category_id;
	Attribute a;
	uint32_t vfirst, vcount;
} AttrRow;

typedef struct ValRow {
	int64_t id, attribute_id;
	const char *code;
} ValRow;

/* Values in attribute order; the key is an attribute id. */
static int cmp_val_attr(const void *key, const void *elem)
{
	int64_t k = *(const int64_t *)key, a = ((const ValRow *)elem)->attribute_id;
	return k < a ? -1 : k > a;
}

static int lang_index(Catalog *cat, const char *code, bool add)
{
	for (int i = 0; i < cat->nlang; i++)
		if (strcmp(cat->lang[i], code) == 0) return i;
	if (!add || cat->nlang == CATALOG_MAX_LANGS) return -1;
	cat->lang[cat->nlang] = code;
	return cat->nlang++;
}

static int add_language(void *u, const Language *l)
{
	*(Language *)vec_push(u) = *l;
	return 0;
}

static int add_currency(void *u, const Currency *c)
{
	*(Currency *)vec_push(u) = *c;
	return 0;
}

static int add_text(void *u, int64_t ref, const char *lang, const char *text)
{
	struct Loader *ld = u;
	int li = lang_index(ld->cat, lang, true);
	if (li < 0) return 0;		/* more languages than supported: ignored */
	Text *t = vec_push(&ld->texts);
	t->ref = ref;
	t->lang = li;
	t->text = text;
	return 0;
}

static int add_category(void *u, const Category *c, int position)
{
	(void)position;
	*(Category *)vec_push(&((struct Loader *)u)->cats) = *c;
	return 0;
}

static int add_attribute(void *u, int64_t id, int64_t category_id, const Attribute *a)
{
	AttrRow *r = vec_push(&((struct Loader *)u)->attrs);
	memset(r, 0, sizeof(*r));
	r->id = id;
	r->category_id = category_id;
	r->a = *a;
	return 0;
}

static int add_value(void *u, int64_t id, int64_t attribute_id, const char *code)
{
	ValRow *r = vec_push(&((struct Loader *)u)->vals);
	r->id = id;
	r->attribute_id = attribute_id;
	r->code = code;
	return 0;
}

/* The text of ref in lang, else in the default language, else any. */
static const char *text_for(const Vec *tv, int64_t ref, int lang)
{
	const Text *t = tv->p;
	size_t lo = sorted_lower_bound(t, tv->n, sizeof(Text), &ref, sorted_cmp_id);
	const char *dflt = NULL, *any = NULL;
	for (size_t i = lo; i < tv->n && t[i].ref == ref; i++) {
		if (t[i].lang == lang) return t[i].text;
		if (t[i].lang == 0) dflt = t[i].text;
		if (!any) any = t[i].text;
	}
	return dflt ? dflt : any;
}

static int load_texts(Store *st, struct Loader *ld, int kind)
{
	ld->texts.n = 0;
	return store_texts_each(st, ld->cat->arena, kind, add_text, ld);
}

/* by_id holds indices into info: the key carries info along with the id. */
typedef struct CatKey {
	const CatInfo *info;
	int64_t id;
} CatKey;

static int cmp_cat_key(const void *key, const void *elem)
{
	const CatKey *k = key;
	int64_t id = k->info[*(const uint32_t *)elem].id;
	return k->id < id ? -1 : k->id > id;
}

static long find_cat(const Catalog *cat, int64_t id)
{
	CatKey k = {cat->info, id};
	const uint32_t *i = sorted_find(cat->by_id, cat->n, sizeof(uint32_t), &k, cmp_cat_key);
	return i ? (long)*i : -1;
}

static int by_cat_id(const void *a, const void *b, void *u)
{
	const CatInfo *info = u;
	int64_t x = info[*(const uint32_t *)a].id, y = info[*(const uint32_t *)b].id;
	return x < y ? -1 : x > y;
}

static int by_term(const void *a, const void *b)
{
	const Term *x = a, *y = b;
	int c = strcmp(x->word, y->word);
	if (c) return c;
	return x->cat < y->cat ? -1 : x->cat > y->cat;
}

/* Words too common in titles and category names to say anything. */
static bool stopword(const char *w, size_t n)
{
	static const char *const stop[] = {
		"na", "do", "dla", "od", "po", "ze", "za", "we", "lub", "oraz", "inne", "inny",
		"pozostale", "sprzedam", "sprzedaz", "kupie", "nowy", "nowa", "nowe", "the", "and",
		"for", "with", "other", "to", "of", "in", NULL,
	};
	if (n < 2) return true;
	bool digits = true;
	for (size_t i = 0; i < n; i++)
		if (w[i] < '0' || w[i] > '9') digits = false;
	if (digits) return true;
	for (const char *const *s = stop; *s; s++)
		if (strlen(*s) == n && memcmp(*s, w, n) == 0) return true;
	return false;
}

/* Adds the words of text (folded) as terms of leaf index `cat`; a keyword of
 * several words is also kept as a phrase. */
static void index_text(Catalog *c, Vec *terms, Vec *phrases, const char *text,
	uint32_t cat, uint8_t weight, bool phrase)
{
	char buf[512];
	size_t n = text_fold(text, buf, sizeof(buf));
	if (n == 0) return;
	if (phrase && strchr(buf, ' ')) {
		Phrase *p = vec_push(phrases);
		p->text = arena_printf(c->arena, " %s ", buf);
		p->cat = cat;
		p->weight = weight;
	}
	for (char *w = buf; *w;) {
		char *sp = strchr(w, ' ');
		size_t wl = sp ? (size_t)(sp - w) : strlen(w);
		if (!stopword(w, wl)) {
			Term *t = vec_push(terms);
			t->word = arena_strndup(c->arena, w, wl);
			t->cat = cat;
			t->weight = weight;
		}
		w += wl;
		while (*w == ' ') w++;
	}
}

/* Weights of the suggestion index. */
enum {
	W_KEYWORD = 6,		/* a keyword of the leaf */
	W_NAME = 5,		/* a word of the leaf's name */
	W_ANCESTOR = 2,		/* a word of a parent's name */
	W_PHRASE = 4,		/* bonus for a whole keyword phrase */
};

static void build_suggest(Catalog *c, struct Loader *ld, const Vec *names,
	const Vec *keywords)
{
	Vec terms = VEC(Term), phrases = VEC(Phrase);
	for (size_t i = 0; i < c->n; i++) {
		if (!c->cat[0][i].is_leaf) continue;
		const Text *t = keywords->p;
		for (size_t k = 0; k < keywords->n; k++) {
			if (t[k].ref != c->info[i].id) continue;
			/* one keyword per line */
			char *dup = arena_strdup(c->arena, t[k].text), *save = NULL;
			for (char *kw = strtok_r(dup, "\n", &save); kw; kw = strtok_r(NULL, "\n", &save))
				index_text(c, &terms, &phrases, kw, (uint32_t)i, W_KEYWORD, true);
		}
		for (long a = (long)i; a >= 0; a = c->info[a].parent) {
			const Text *nt = names->p;
			for (size_t k = 0; k < names->n; k++)
				if (nt[k].ref == c->info[a].id)
					index_text(c, &terms, &phrases, nt[k].text, (uint32_t)i,
						a == (long)i ? W_NAME : W_ANCESTOR, false);
		}
	}
	(void)ld;
	if (terms.n) qsort(terms.p, terms.n, sizeof(Term), by_term);
	c->nterms = terms.n;
	c->terms = vec_take(&terms);
	c->nphrases = phrases.n;
	c->phrases = vec_take(&phrases);
}

/* Builds the index; *out is a Catalog (lazy_get keeps it as void *). */
static int build(Ctx *ctx, void **out)
{
	Catalog *c = xcalloc(1, sizeof(*c));
	struct Loader ld = {.cat = c, .texts = VEC(Text), .cats = VEC(Category),
		.attrs = VEC(AttrRow), .vals = VEC(ValRow)};
	Vec langs = VEC(Language), curs = VEC(Currency);
	Vec names = VEC(Text), keywords = VEC(Text);
	Store *st = ctx->st;
	int rc;

	c->arena = arena_new();

	if ((rc = store_languages_each(st, c->arena, add_language, &langs)) != 0) goto fail;
	if ((rc = store_currencies_each(st, c->arena, add_currency, &curs)) != 0) goto fail;
	c->nlanguages = langs.n;
	c->languages = vec_take(&langs);
	c->ncurrencies = curs.n;
	c->currencies = vec_take(&curs);
	/* language 0: the site default */
	const char *dflt = "pl";
	for (size_t i = 0; i < c->nlanguages; i++)
		if (c->languages[i].is_default) dflt = c->languages[i].code;
	lang_index(c, dflt, true);

	if ((rc = store_categories_each(st, c->arena, add_category, &ld)) != 0) goto fail;
	if ((rc = store_attributes_each(st, c->arena, add_attribute, &ld)) != 0) goto fail;
	if ((rc = store_attribute_values_each(st, c->arena, add_value, &ld)) != 0) goto fail;

	/* categories */
	c->n = ld.cats.n;
	c->info = xcalloc(c->n + 1, sizeof(CatInfo));
	c->by_id = xmalloc((c->n + 1) * sizeof(uint32_t));
	const Category *base = ld.cats.p;
	for (size_t i = 0; i < c->n; i++) {
		c->info[i].id = base[i].id;
		c->by_id[i] = (uint32_t)i;
	}
	if (c->n) qsort_r(c->by_id, c->n, sizeof(uint32_t), by_cat_id, c->info);
	for (size_t i = 0; i < c->n; i++) {
		c->info[i].parent = base[i].parent_id ? find_cat(c, base[i].parent_id) : -1;
		/* parents come first: their depth is known */
		c->info[i].depth = c->info[i].parent >= 0 && (size_t)c->info[i].parent < i
			? c->info[c->info[i].parent].depth + 1 : 0;
	}

	/* texts: names first, so that their languages are the catalog's */
	if ((rc = load_texts(st, &ld, TEXT_CATEGORY_NAME)) != 0) goto fail;
	names = ld.texts;
	ld.texts = VEC(Text);
	if ((rc = load_texts(st, &ld, TEXT_CATEGORY_KEYWORDS)) != 0) goto fail;
	keywords = ld.texts;
	ld.texts = VEC(Text);
	for (int l = 0; l < c->nlang; l++) {
		c->cat[l] = xmalloc((c->n + 1) * sizeof(Category));
		for (size_t i = 0; i < c->n; i++) {
			c->cat[l][i] = base[i];
			const char *nm = text_for(&names, base[i].id, l);
			c->cat[l][i].name = nm ? nm : "";
		}
	}

	/* attributes and their values */
	AttrRow *ar = ld.attrs.p;
	ValRow *vr = ld.vals.p;
	c->nattr = ld.attrs.n;
	c->nval = ld.vals.n;
	for (size_t i = 0; i < c->nattr; i++) {
		/* values come by attribute id: the first of this attribute's */
		size_t lo = sorted_lower_bound(vr, c->nval, sizeof(ValRow), &ar[i].id, cmp_val_attr);
		size_t v = lo;
		while (v < c->nval && vr[v].attribute_id == ar[i].id) v++;
		ar[i].vfirst = (uint32_t)lo;
		ar[i].vcount = (uint32_t)(v - lo);
		long ci = find_cat(c, ar[i].category_id);
		if (ci >= 0) {
			if (c->info[ci].attr_count++ == 0) c->info[ci].attr_first = (uint32_t)i;
		}
	}
	Vec alabels = VEC(Text), vlabels = VEC(Text);
	if ((rc = load_texts(st, &ld, TEXT_ATTRIBUTE_LABEL)) != 0) goto fail;
	alabels = ld.texts;
	ld.texts = VEC(Text);
	if ((rc = load_texts(st, &ld, TEXT_VALUE_LABEL)) != 0) {
		vec_free(&alabels);
		goto fail;
	}
	vlabels = ld.texts;
	ld.texts = VEC(Text);
	for (int l = 0; l < c->nlang; l++) {
		c->attr[l] = xmalloc((c->nattr + 1) * sizeof(Attribute));
		c->val[l] = xmalloc((c->nval + 1) * sizeof(AttrValue));
		for (size_t i = 0; i < c->nval; i++) {
			const char *lb = text_for(&vlabels, vr[i].id, l);
			c->val[l][i] = (AttrValue){.code = vr[i].code, .label = lb ? lb : vr[i].code};
		}
		for (size_t i = 0; i < c->nattr; i++) {
			Attribute *a = &c->attr[l][i];
			*a = ar[i].a;
			const char *lb = text_for(&alabels, ar[i].id, l);
			a->label = lb ? lb : a->code;
			a->values = c->val[l] + ar[i].vfirst;
			a->nvalues = (int)ar[i].vcount;
		}
	}
	vec_free(&alabels);
	vec_free(&vlabels);

	build_suggest(c, &ld, &names, &keywords);
	vec_free(&names);
	vec_free(&keywords);
	vec_free(&ld.cats);
	vec_free(&ld.attrs);
	vec_free(&ld.vals);
	*out = c;
	return 0;
fail:
	vec_free(&langs);
	vec_free(&curs);
	vec_free(&names);
	vec_free(&keywords);
	vec_free(&ld.texts);
	vec_free(&ld.cats);
	vec_free(&ld.attrs);
	vec_free(&ld.vals);
	for (int l = 0; l < CATALOG_MAX_LANGS; l++) {
		free(c->cat[l]);
		free(c->attr[l]);
		free(c->val[l]);
	}
	free(c->languages);
	free(c->currencies);
	free(c->info);
	free(c->by_id);
	arena_free(c->arena);
	free(c);
	return rc;
}

int catalog_get(Ctx *c, const Catalog **out)
{
	void *v;
	int rc = lazy_get(&loaded, c, build, &v);
	if (rc) return ctx_fail(c, rc, NULL, "categories could not be loaded");
	*out = v;
	return 0;
}

/* --- languages ---------------------------------------------------------- */

int catalog_lang(const Catalog *cat, const char *h)
{
	int best = 0;
	double best_q = -1;
	if (!h) return 0;
	while (*h) {
		while (*h == ' ' || *h == ',') h++;
		const char *tag = h;
		size_t tl = 0;
		while (h[tl] && h[tl] != ',' && h[tl] != ';' && h[tl] != ' ' && h[tl] != '-' && h[tl] != '_')
			tl++;
		const char *e = strchr(h, ',');
		const char *end = e ? e : h + strlen(h);
		double q = 1;
		const char *qp = strstr(h, ";q=");
		if (!qp) qp = strstr(h, "; q=");
		if (qp && qp < end) q = strtod(strchr(qp, '=') + 1, NULL);
		for (int i = 0; i < cat->nlang && tl; i++) {
			if (strlen(cat->lang[i]) == tl && strncasecmp(cat->lang[i], tag, tl) == 0 &&
			    q > best_q && q > 0) {
				best = i;
				best_q = q;
			}
		}
		h = end;
	}
	return best;
}

const char *catalog_lang_code(const Catalog *cat, int lang)
{
	return lang >= 0 && lang < cat->nlang ? cat->lang[lang] : cat->lang[0];
}

static int clamp_lang(const Catalog *cat, int lang)
{
	return lang >= 0 && lang < cat->nlang ? lang : 0;
}

/* --- categories --------------------------------------------------------- */

size_t catalog_categories(const Catalog *cat, int lang, const Category **out)
{
	*out = cat->cat[clamp_lang(cat, lang)];
	return cat->n;
}

const Category *catalog_category(const Catalog *cat, int lang, int64_t id)
{
	long i = find_cat(cat, id);
	return i < 0 ? NULL : &cat->cat[clamp_lang(cat, lang)][i];
}

size_t catalog_children(const Catalog *cat, int lang, int64_t parent_id, const Category **out)
{
	const Category *all = cat->cat[clamp_lang(cat, lang)];
	size_t n = 0;
	for (size_t i = 0; i < cat->n; i++)
		if (all[i].parent_id == parent_id) out[n++] = &all[i];
	return n;
}

size_t catalog_path(const Catalog *cat, int lang, int64_t id, const Category **out, size_t max)
{
	const Category *all = cat->cat[clamp_lang(cat, lang)];
	long i = find_cat(cat, id);
	size_t n = 0;
	if (i < 0) return 0;
	for (long a = cat->info[i].parent; a >= 0 && n < max; a = cat->info[a].parent) n++;
	size_t k = n;
	for (long a = cat->info[i].parent; a >= 0 && k > 0; a = cat->info[a].parent) out[--k] = &all[a];
	return n;
}

size_t catalog_attributes(const Catalog *cat, int lang, int64_t id, const Attribute **out)
{
	long i = find_cat(cat, id);
	if (i < 0 || cat->info[i].attr_count == 0) {
		*out = NULL;
		return 0;
	}
	*out = cat->attr[clamp_lang(cat, lang)] + cat->info[i].attr_first;
	return cat->info[i].attr_count;
}

size_t catalog_languages(const Catalog *cat, const Language **out)
{
	*out = cat->languages;
	return cat->nlanguages;
}

size_t catalog_currencies(const Catalog *cat, const Currency **out)
{
	*out = cat->currencies;
	return cat->ncurrencies;
}

int category_get(Ctx *c, int64_t id, Category *out)
{
	const Catalog *cat = NULL;
	int rc = catalog_get(c, &cat);
	if (rc) return rc;
	const Category *x = catalog_category(cat, 0, id);
	if (!x) return ctx_fail(c, SOUK_ENOTFOUND, NULL, "Category not found");
	*out = *x;
	return 0;
}

int category_attributes(Ctx *c, int64_t id, const Attribute **out, int *n)
{
	const Catalog *cat = NULL;
	int rc = catalog_get(c, &cat);
	if (rc) return rc;
	if (!catalog_category(cat, 0, id)) return ctx_fail(c, SOUK_ENOTFOUND, NULL, "Category not found");
	*n = (int)catalog_attributes(cat, 0, id, out);
	return 0;
}

/* --- suggestion --------------------------------------------------------- */

#define SUGGEST_MAX_WORDS 32
#define STEM_MIN 4		/* characters two words (both longer) must share to be one stem */

static size_t common_prefix(const char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n]) n++;
	return n;
}

/* Terms sharing a word's first len characters. */
typedef struct TermKey {
	const char *word;
	size_t len;
} TermKey;

static int cmp_term_prefix(const void *key, const void *elem)
{
	const TermKey *k = key;
	return strncmp(k->word, ((const Term *)elem)->word, k->len);
}

/* Full word: the term's weight; same stem (a long enough shared start, and
 * endings of a few letters at most): one less. 0: no match. */
static int match_weight(const char *q, size_t ql, const Term *t)
{
	size_t tl = strlen(t->word);
	size_t p = common_prefix(q, t->word);
	if (p == ql && p == tl) return t->weight;
	size_t m = ql < tl ? ql : tl;
	size_t diff = ql > tl ? ql - tl : tl - ql;
	if (m > STEM_MIN && p >= STEM_MIN && p + 2 >= m && diff <= 4) return t->weight > 1 ? t->weight - 1 : 1;
	return 0;
}

size_t catalog_suggest(const Catalog *cat, int lang, const char *title, const Category **out,
	size_t max)
{
	char folded[1024];
	size_t fl = text_fold(title, folded + 1, sizeof(folded) - 2);
	if (fl == 0 || cat->n == 0) return 0;
	folded[0] = ' ';
	folded[fl + 1] = ' ';
	folded[fl + 2] = '\0';

	int *score = xcalloc(cat->n, sizeof(int));
	int *best = xcalloc(cat->n, sizeof(int));
	const char *seen[SUGGEST_MAX_WORDS];
	size_t nseen = 0;

	char words[1024];
	memcpy(words, folded + 1, fl + 1);
	words[fl] = '\0';
	for (char *w = words; *w && nseen < SUGGEST_MAX_WORDS;) {
		char *sp = strchr(w, ' ');
		size_t wl = sp ? (size_t)(sp - w) : strlen(w);
		if (sp) *sp = '\0';
		bool dup = false;
		for (size_t i = 0; i < nseen; i++)
			if (strcmp(seen[i], w) == 0) dup = true;
		if (!dup && !stopword(w, wl)) {
			seen[nseen++] = w;
			memset(best, 0, cat->n * sizeof(int));
			/* terms sharing the first STEM_MIN characters (or the whole short word) */
			TermKey key = {w, wl < STEM_MIN ? wl : STEM_MIN};
			size_t lo = sorted_lower_bound(cat->terms, cat->nterms, sizeof(Term), &key,
				cmp_term_prefix);
			for (size_t i = lo; i < cat->nterms && cmp_term_prefix(&key, &cat->terms[i]) == 0; i++) {
				int wt = match_weight(w, wl, &cat->terms[i]);
				if (wt > best[cat->terms[i].cat]) best[cat->terms[i].cat] = wt;
			}
			for (size_t i = 0; i < cat->n; i++) score[i] += best[i];
		}
		w += wl + (sp ? 1 : 0);
	}
	for (size_t i = 0; i < cat->nphrases; i++)
		if (strstr(folded, cat->phrases[i].text)) score[cat->phrases[i].cat] += W_PHRASE;

	/* best first; ties: deeper (more specific), then display order. Leaves
	 * scoring under half the best are noise (one shared word of a name). */
	size_t n = 0;
	int top = 0;
	const Category *all = cat->cat[clamp_lang(cat, lang)];
	while (n < max) {
		long pick = -1;
		for (size_t i = 0; i < cat->n; i++) {
			if (score[i] <= 0) continue;
			if (pick < 0 || score[i] > score[pick] ||
			    (score[i] == score[pick] && cat->info[i].depth > cat->info[pick].depth))
				pick = (long)i;
		}
		if (pick < 0 || score[pick] * 2 < top) break;
		if (n == 0) top = score[pick];
		out[n++] = &all[pick];
		score[pick] = 0;
	}
	free(score);
	free(best);
	return n;
}

/* --- loading the JSON files --------------------------------------------- */

/* A member, or NULL when absent or null (json-c gives null as NULL). */
static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;
	return o && json_object_object_get_ex(o, key, &v) ? v : NULL;
}

static bool is_type(json_object *v, json_type t)
{
	return v && json_object_get_type(v) == t;
}

/* Inserts one text per language of a {"pl": ..., "en": ...} object. */
static int put_texts(Ctx *c, int kind, int64_t ref, json_object *obj)
{
	if (!is_type(obj, json_type_object)) return SOUK_EINVAL;
	json_object_object_foreach(obj, lang, v) {
		int rc;
		if (!is_type(v, json_type_string)) return SOUK_EINVAL;
		if ((rc = store_text_insert(c->st, kind, ref, lang, json_object_get_string(v))) != 0) return rc;
	}
	return 0;
}

static int put_keywords(Ctx *c, int64_t ref, json_object *obj)
{
	if (!obj) return 0;
	if (!is_type(obj, json_type_object)) return SOUK_EINVAL;
	json_object_object_foreach(obj, lang, list) {
		if (!is_type(list, json_type_array)) return SOUK_EINVAL;
		size_t n = json_object_array_length(list);
		if (n == 0) continue;
		Buf b = {0};
		for (size_t i = 0; i < n; i++) {
			json_object *k = json_object_array_get_idx(list, i);
			if (!is_type(k, json_type_string)) {
				buf_free(&b);
				return SOUK_EINVAL;
			}
			if (i) buf_putc(&b, '\n');
			buf_puts(&b, json_object_get_string(k));
		}
		int rc = store_text_insert(c->st, TEXT_CATEGORY_KEYWORDS, ref, lang, buf_cstr(&b));
		buf_free(&b);
		if (rc) return rc;
	}
	return 0;
}

static bool opt_int(json_object *v, bool *has, int64_t *out)
{
	*has = false;
	if (!v || is_type(v, json_type_null)) return true;
	if (!is_type(v, json_type_int)) return false;
	*has = true;
	*out = json_object_get_int64(v);
	return true;
}

static int put_attribute(Ctx *c, int64_t cat_id, int position, json_object *ja)
{
	json_object *val = get(ja, "validation"), *code = get(ja, "code"), *unit = get(ja, "unit");
	json_object *type = get(val, "type"), *values = get(ja, "values");
	if (!is_type(code, json_type_string) || !is_type(type, json_type_string) ||
	    !(unit == NULL || is_type(unit, json_type_null) || is_type(unit, json_type_string)) ||
	    !(values == NULL || is_type(values, json_type_array)))
		return SOUK_EINVAL;
	Attribute a = {
		.code = json_object_get_string(code),
		.unit = is_type(unit, json_type_string) ? json_object_get_string(unit) : NULL,
		.required = json_object_get_boolean(get(val, "required")),
		.numeric = json_object_get_boolean(get(val, "numeric")),
		.multiple = json_object_get_boolean(get(val, "allow_multiple_values")),
	};
	const char *t = json_object_get_string(type);
	if (strcmp(t, "price") == 0) a.type = ATTR_PRICE;
	else if (strcmp(t, "salary") == 0) a.type = ATTR_SALARY;
	else if (strcmp(t, "attribute") == 0) a.type = ATTR_ATTRIBUTE;
	else return SOUK_EINVAL;
	if (!opt_int(get(val, "min"), &a.has_min, &a.min) || !opt_int(get(val, "max"), &a.has_max, &a.max))
		return SOUK_EINVAL;
	int64_t aid;
	int rc = store_attribute_insert(c->st, cat_id, position, &a, &aid);
	if (rc) return rc;
	if ((rc = put_texts(c, TEXT_ATTRIBUTE_LABEL, aid, get(ja, "label"))) != 0) return rc;
	size_t nv = values ? json_object_array_length(values) : 0;
	for (size_t i = 0; i < nv; i++) {
		json_object *jv = json_object_array_get_idx(values, i);
		json_object *vc = get(jv, "code");
		int64_t vid;
		if (!is_type(vc, json_type_string)) return SOUK_EINVAL;
		if ((rc = store_attribute_value_insert(c->st, aid, (int)i, json_object_get_string(vc), &vid)) != 0)
			return rc;
		if ((rc = put_texts(c, TEXT_VALUE_LABEL, vid, get(jv, "label"))) != 0) return rc;
	}
	return 0;
}

int catalog_load_categories_json(Ctx *c, const char *text, size_t len, int *count)
{
	json_tokener *tok = json_tokener_new();
	json_object *root = json_tokener_parse_ex(tok, text, (int)len);
	json_tokener_free(tok);
	json_object *list = get(root, "categories");
	int rc = 0;
	size_t n = 0;
	int64_t id = 0;

	if (!is_type(list, json_type_array)) {
		rc = ctx_fail(c, SOUK_EINVAL, NULL, "categories file: no \"categories\" array");
		goto out;
	}
	n = json_object_array_length(list);
	for (size_t i = 0; i < n; i++) {
		json_object *jc = json_object_array_get_idx(list, i);
		json_object *jid = get(jc, "id"), *parent = get(jc, "parent_id"), *attrs = get(jc, "attributes");
		if (!is_type(jid, json_type_int) || !(parent == NULL || is_type(parent, json_type_int)) ||
		    !(attrs == NULL || is_type(attrs, json_type_array))) {
			rc = SOUK_EINVAL;
			break;
		}
		Category cat = {
			.id = id = json_object_get_int64(jid),
			.parent_id = is_type(parent, json_type_int) ? json_object_get_int64(parent) : 0,
			.photos_limit = json_object_get_int(get(jc, "photos_limit")),
			.is_leaf = json_object_get_boolean(get(jc, "is_leaf")),
		};
		if ((rc = store_category_insert(c->st, &cat, (int)i)) != 0) break;
		if ((rc = put_texts(c, TEXT_CATEGORY_NAME, cat.id, get(jc, "name"))) != 0) break;
		if ((rc = put_keywords(c, cat.id, get(jc, "keywords"))) != 0) break;
		size_t na = attrs ? json_object_array_length(attrs) : 0;
		for (size_t k = 0; k < na && rc == 0; k++)
			rc = put_attribute(c, cat.id, (int)k, json_object_array_get_idx(attrs, k));
		if (rc) break;
	}
	if (rc == SOUK_EINVAL || rc == SOUK_EEXIST)
		rc = ctx_fail(c, SOUK_EINVAL, NULL, "categories file: category %lld is malformed", (long long)id);
	else if (rc)
		rc = ctx_fail(c, rc, NULL, "categories file: %s", souk_strerror(rc));
	else if (count)
		*count = (int)n;
out:
	json_object_put(root);
	return rc;
}

int catalog_load_reference_json(Ctx *c, const char *text, size_t len, bool languages,
	bool currencies)
{
	json_tokener *tok = json_tokener_new();
	json_object *root = json_tokener_parse_ex(tok, text, (int)len);
	json_tokener_free(tok);
	json_object *ls = get(root, "languages"), *cs = get(root, "currencies");
	int rc = 0;

	if (!is_type(ls, json_type_array) || !is_type(cs, json_type_array)) {
		rc = SOUK_EINVAL;
		goto out;
	}
	for (size_t i = 0; languages && rc == 0 && i < json_object_array_length(ls); i++) {
		json_object *j = json_object_array_get_idx(ls, i);
		if (!is_type(get(j, "code"), json_type_string)) {
			rc = SOUK_EINVAL;
			break;
		}
		Language l = {json_object_get_string(get(j, "code")), json_object_get_boolean(get(j, "is_default"))};
		rc = store_language_insert(c->st, &l, (int)i);
	}
	for (size_t i = 0; currencies && rc == 0 && i < json_object_array_length(cs); i++) {
		json_object *j = json_object_array_get_idx(cs, i);
		if (!is_type(get(j, "code"), json_type_string) || !is_type(get(j, "label"), json_type_string)) {
			rc = SOUK_EINVAL;
			break;
		}
		Currency cu = {json_object_get_string(get(j, "code")), json_object_get_string(get(j, "label")),
			json_object_get_boolean(get(j, "is_default"))};
		rc = store_currency_insert(c->st, &cu, (int)i);
	}
out:
	json_object_put(root);
	if (rc == SOUK_EINVAL || rc == SOUK_EEXIST)
		return ctx_fail(c, SOUK_EINVAL, NULL, "reference file: malformed languages or currencies");
	return rc ? ctx_fail(c, rc, NULL, "reference file: %s", souk_strerror(rc)) : 0;
}
