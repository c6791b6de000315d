/* suggest.c -- category suggestion for an advert title: the word and phrase
 * index of the leaves (built with the catalog), and scoring a title against
 * it. */
#include "catalog_index.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/sorted.h"
#include "text_fold.h"

/* --- the index ---------------------------------------------------------- */

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

/* The first of the texts about ref (sorted by ref), and how many there are. */
static const Text *texts_of(const Vec *tv, int64_t ref, size_t *n)
{
	const Text *t = tv->p;
	size_t lo = sorted_lower_bound(t, tv->n, sizeof(Text), &ref, sorted_cmp_id), hi = lo;
	while (hi < tv->n && t[hi].ref == ref) hi++;
	*n = hi - lo;
	return t + lo;
}

void suggest_index_build(Catalog *c, const Vec *names, const Vec *keywords)
{
	Vec terms = VEC(Term), phrases = VEC(Phrase);
	for (size_t i = 0; i < c->n; i++) {
		if (!c->cat[0][i].is_leaf) continue;
		size_t nk, nn;
		const Text *t = texts_of(keywords, c->info[i].id, &nk);
		for (size_t k = 0; k < nk; k++) {
			/* one keyword per line */
			char *dup = arena_strdup(c->arena, t[k].text), *save = NULL;
			for (char *kw = strtok_r(dup, "\n", &save); kw; kw = strtok_r(NULL, "\n", &save))
				index_text(c, &terms, &phrases, kw, (uint32_t)i, W_KEYWORD, true);
		}
		for (long a = (long)i; a >= 0; a = c->info[a].parent) {
			const Text *nt = texts_of(names, c->info[a].id, &nn);
			for (size_t k = 0; k < nn; k++)
				index_text(c, &terms, &phrases, nt[k].text, (uint32_t)i,
					a == (long)i ? W_NAME : W_ANCESTOR, false);
		}
	}
	if (terms.n) qsort(terms.p, terms.n, sizeof(Term), by_term);
	c->nterms = terms.n;
	c->terms = vec_take(&terms);
	c->nphrases = phrases.n;
	c->phrases = vec_take(&phrases);
}

/* --- scoring a title ---------------------------------------------------- */

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
	const Category *all;
	catalog_categories(cat, lang, &all);
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
