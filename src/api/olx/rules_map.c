/* rules_map.c -- the core's rule codes in OLX's words: which field OLX names,
 * what it says, and which of the problems it reports.
 *
 * Seed 001 ("Troubleshooting > Publishing errors") gives the bodies, word for
 * word: a category, city or external_url OLX cannot accept is answered alone
 * as a "Bad Request" (errors 1, 4, 21); otherwise every other problem is one
 * "validation" list (2, 5-8, 14-17, 22); the images' own errors (9, 10) come
 * only for an advert that is valid otherwise, since OLX fetches images last.
 * The length and salary sentences are the "Validation rules" list of POST
 * /adverts; "Field is not valid UTF-8" is ours (OLX documents no such error).
 * The lifecycle's refusals are Publishing errors 18-21 and the logos' are the
 * images' words. */
#include "olx.h"

#include <string.h>

#include "../../core/listing/rules.h"

/* OLX's numbers for the marketplace's rules. */
const RuleLimits olx_rule_limits = {
	.title_min = 16, .title_max = 70,
	.description_min = 80, .description_max = 9000,
	.amount_max = 9999999999999900,		/* 99999999999999 in minor units */
	.images_max = 16,			/* the largest photos_limit of any category */
	.sections_max = 100,			/* OLX sends text; its one section never nears it */
};

bool olx_polish(Request *r)
{
	const char *lang = http_header(r, "Accept-Language");
	return !lang || strncmp(lang, "en", 2) != 0;
}

const char *olx_invalid_words(Request *r)
{
	return olx_polish(r) ? "Nieprawidłowa wartość" : "Invalid value";
}

/* "images", "images[3]": the listing's gallery; "logo", "logos": its
 * logos, which OLX checks as images. */
static bool is_image_path(const char *path)
{
	return (strncmp(path, "images", 6) == 0 && (path[6] == '\0' || path[6] == '[')) ||
	       strcmp(path, "logo") == 0 || strcmp(path, "logos") == 0;
}

/* "parameters[state]" -> "state" in the arena; NULL for other paths. */
static const char *parameter_code(Request *r, const char *path)
{
	static const char prefix[] = "parameters[";
	size_t n = strlen(path), k = sizeof(prefix) - 1;
	if (n <= k + 1 || strncmp(path, prefix, k) != 0 || path[n - 1] != ']') return NULL;
	return arena_strndup(r->arena, path + k, n - k - 1);
}

/* OLX's name for a canonical path. */
static const char *olx_field(Request *r, const char *path, const OlxAdvertBody *body)
{
	static const struct { const char *path, *field; } names[] = {
		{"category", "category_id"}, {"contact.phones[0]", "phone"}, {"location.city", "city_id"},
		{"location.district", "district_id"}, {"location.coordinates", "district/city_id"},
		{"price", "price.value"}, {"salary.from", "salary.value_from"},
		{"salary.to", "salary.value_to"}, {"listing", "ad"}, {"refreshed_at", "time"},
	};
	const char *code = parameter_code(r, path);
	if (code) return arena_printf(r->arena, "params.%s", code);
	if (is_image_path(path)) return "images";
	/* An object OLX's body left out is named, not the member it lacks. */
	if (strcmp(path, "location.city") == 0 && body && !body->location) return "location";
	if (strcmp(path, "contact") == 0 && body && body->contact) return "contact.name";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(path, names[i].path) == 0) return names[i].field;
	return path;
}

/* The codes OLX says in one fixed sentence, wherever they apply. */
static const char *fixed_words(RuleCode code)
{
	static const struct { RuleCode code; const char *words; } words[] = {
		{RULE_ENCODING, "Field is not valid UTF-8"},
		{RULE_CAPITALS, "Too many capital letters"},
		{RULE_LINKS, "Field is not valid. Emails and www addresses are not allowed"},
		{RULE_PHONE_NUMBERS, "Field is not valid. Phone numbers are not allowed"},
		{RULE_PUNCTUATION, "Field contains to much punctuation"},	/* OLX's spelling */
		{RULE_TOO_FAR, "Your coordinates are too far from picked location."},
		{RULE_PHONE_FORMAT, "Invalid phone format"},
		{RULE_CURRENCY_FORMAT, "Salary currency has to be written in uppercase"},
		{RULE_NOT_PERMITTED, "Partner is not allowed to use external URL"},
		/* Publishing errors 18, 19 and 21 (field "ad"). */
		{RULE_NOT_OWNER, "You are not the owner of this ad"},
		{RULE_STATUS, "Invalid status"},
		{RULE_NOT_ACTIVE, "Ad has to be active"},
		{RULE_OVER_QUOTA, "Advert exceeded limit of free adverts in this category"},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i].code == code) return words[i].words;
	return NULL;
}

static void required_words(Request *r, const Violation *v, OlxItem *it)
{
	bool pl = olx_polish(r);
	it->detail = true;
	/* The seed's example shows the Polish site's wording for these two. */
	if (strcmp(v->path, "title") == 0)
		it->title = pl ? "Musisz podać tytuł" : "Title is required";
	else if (strcmp(v->path, "description") == 0)
		it->title = pl ? "Musisz podać opis" : "Description is required";
	else if (strcmp(v->path, "price") == 0 || strcmp(v->path, "salary") == 0 ||
		 strncmp(v->path, "parameters[", 11) == 0) {
		/* What the category's own definitions require (seed error 8's family). */
		it->title = "This value should not be blank.";
		it->detail = false;
	} else
		it->title = pl ? "To pole jest wymagane" : "This field is required";
}

void olx_rule_words(Request *r, const Violation *v, const OlxAdvertBody *body, OlxItem *it)
{
	const RuleLimits *lim = &olx_rule_limits;
	const char *text;

	*it = (OlxItem){.field = v->path, .title = v->title, .detail = v->detail};
	if (v->code == RULE_WORDED) return;
	it->field = olx_field(r, v->path, body);
	switch (v->code) {
	case RULE_REQUIRED:
		if (strcmp(v->path, "price") == 0) it->field = "price";
		required_words(r, v, it);
		return;
	case RULE_NOT_LEAF:
		it->title = "Fix the category";
		it->detail = true;
		return;
	case RULE_UNKNOWN:
		it->field = "attributes";
		it->title = "This value is not valid.";
		return;
	case RULE_TOO_SHORT:
	case RULE_TOO_LONG:
		if (strcmp(v->path, "title") != 0 && strcmp(v->path, "description") != 0)
			it->title = olx_invalid_words(r);
		else if (strcmp(v->path, "title") == 0)
			it->title = arena_printf(r->arena, "The title has to be at least %lld characters long and "
				"cannot be longer than %lld characters", (long long)lim->title_min, (long long)lim->title_max);
		else
			it->title = arena_printf(r->arena, "The description has to be at least %lld characters long "
				"and cannot be longer than %lld characters", (long long)lim->description_min,
				(long long)lim->description_max);
		return;
	case RULE_AMOUNT_TOO_LARGE:
		/* OLX answers an amount out of range like a malformed one. */
		it->title = olx_invalid_words(r);
		return;
	case RULE_NOT_FOUND:
		it->title = strcmp(v->path, "category") == 0 ? "Category with given ID doesn't exists"
							    : "City with given ID doesn't exists";
		return;
	case RULE_TOO_SOON:
		/* Publishing error 20 (field "time"). */
		it->title = arena_printf(r->arena, "You cannot refresh ad more often than once in %lld days",
			(long long)(v->limit / 86400));
		return;
	case RULE_TOO_MANY:
		it->title = is_image_path(v->path) ? "Image error: Image limit exceeded" : olx_invalid_words(r);
		return;
	case RULE_URL_FORMAT:
	case RULE_UNREACHABLE:
		it->title = is_image_path(v->path) ? "Image error: Remote file not exists" : olx_invalid_words(r);
		return;
	default:
		text = fixed_words(v->code);
		it->title = text ? text : "Invalid value";	/* RULE_INVALID: seed errors 5 and 8 */
		return;
	}
}

/* The answers OLX gives alone, in the order it checks them. */
static bool alone(const Violation *v)
{
	return v->code == RULE_NOT_PERMITTED || v->code == RULE_NOT_FOUND;
}

static bool image_error(const Violation *v)
{
	return is_image_path(v->path) &&
	       (v->code == RULE_TOO_MANY || v->code == RULE_URL_FORMAT || v->code == RULE_UNREACHABLE);
}

static const Violation *first(const Violations *vs, bool (*which)(const Violation *),
	RuleCode code, const char *path)
{
	for (int i = 0; i < vs->n; i++)
		if (which(&vs->v[i]) && vs->v[i].code == code && (!path || strcmp(vs->v[i].path, path) == 0))
			return &vs->v[i];
	return NULL;
}

/* A field the body got wrong (itself or a member: "price.value") is not
 * also reported missing. */
static bool worded_within(const Violations *vs, const char *field)
{
	size_t n = strlen(field);
	for (int i = 0; i < vs->n; i++)
		if (vs->v[i].code == RULE_WORDED && strncmp(vs->v[i].path, field, n) == 0 &&
		    (vs->v[i].path[n] == '\0' || vs->v[i].path[n] == '.'))
			return true;
	return false;
}

static void answer_alone(Request *r, const Violation *v)
{
	OlxItem it;
	olx_rule_words(r, v, NULL, &it);
	olx_error(r, 400, it.title);
}

void olx_answer_violations(Request *r, const Violations *vs, const OlxAdvertBody *body)
{
	static const struct { RuleCode code; const char *path; } order[] = {
		{RULE_NOT_PERMITTED, "external_url"}, {RULE_NOT_FOUND, "category"},
		{RULE_NOT_FOUND, "location.city"},
	};
	const Violation *v;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if ((v = first(vs, alone, order[i].code, order[i].path))) {
			answer_alone(r, v);
			return;
		}
	/* Malformed attribute objects (seed error 7) are reported alone among
	 * the attributes: checking the rest against the category would only
	 * echo them. */
	bool malformed = violations_has(vs, "attributes");
	OlxItem *items = arena_alloc(r->arena, sizeof(*items) * (size_t)(vs->n ? vs->n : 1));
	int n = 0;
	for (int i = 0; i < vs->n; i++) {
		const Violation *x = &vs->v[i];
		if (alone(x) || image_error(x)) continue;
		if (malformed && x->code != RULE_WORDED && strncmp(x->path, "parameters[", 11) == 0) continue;
		olx_rule_words(r, x, body, &items[n]);
		if (x->code == RULE_REQUIRED && worded_within(vs, items[n].field)) continue;
		n++;
	}
	if (n) {
		olx_validation_items(r, items, n);
		return;
	}
	if ((v = first(vs, image_error, RULE_TOO_MANY, NULL)) || (v = first(vs, image_error, RULE_URL_FORMAT, NULL)) ||
	    (v = first(vs, image_error, RULE_UNREACHABLE, NULL))) {
		answer_alone(r, v);
		return;
	}
	olx_error(r, 400, "Bad Request");
}

void olx_validation(Request *r, const Violations *vs)
{
	OlxItem *items = arena_alloc(r->arena, sizeof(*items) * (size_t)(vs->n ? vs->n : 1));
	for (int i = 0; i < vs->n; i++) olx_rule_words(r, &vs->v[i], NULL, &items[i]);
	olx_validation_items(r, items, vs->n);
}
