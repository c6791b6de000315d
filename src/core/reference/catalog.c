/* catalog.c -- the catalog index: categories, attributes and their values,
 * languages and currencies, read from the store once into an immutable index
 * shared by every thread, and the lookups on it. */
#include "catalog_index.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../util/errors.h"
#include "../../util/sorted.h"
#include "lazy.h"

static Lazy loaded = LAZY_INIT;

/* --- building the index ------------------------------------------------- */

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

	suggest_index_build(c, &names, &keywords);
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

/* Catalogs replaced by a reload: records handed out borrow them for the
 * life of the process, so they are kept (the operator's changes are rare). */
static struct Retired {
	void *catalog;
	struct Retired *next;
} *retired;
static pthread_mutex_t retired_lock = PTHREAD_MUTEX_INITIALIZER;

int catalog_reload(Ctx *c)
{
	void *v;
	int rc = build(c, &v);
	if (rc) return ctx_fail(c, rc, NULL, "categories could not be loaded");
	void *old = lazy_replace(&loaded, v);
	if (old) {
		struct Retired *r = xcalloc(1, sizeof(*r));
		r->catalog = old;
		pthread_mutex_lock(&retired_lock);
		r->next = retired;
		retired = r;
		pthread_mutex_unlock(&retired_lock);
	}
	return 0;
}

int catalog_get(Ctx *c, const Catalog **out)
{
	void *v;
	int rc = lazy_get(&loaded, c, build, "categories", &v);
	if (rc == 0) *out = v;
	return rc;
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
