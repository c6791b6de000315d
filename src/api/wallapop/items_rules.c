/* items_rules.c -- Wallapop's numbers for the core's listing rules, and the
 * core's rule codes as the document's error codes and plain words.
 *
 * Wallapop answers one code per refusal; the message names every problem
 * (field: what is wrong), so one answer is enough to fix the item. The code
 * is the gravest problem's: the category, then the seller's place, then
 * the attributes, then the image, then anything else in the body. */
#include "items.h"

#include <string.h>

#include "../../util/buf.h"
#include "../../util/decimal.h"

/* Wallapop's upload form: a title of at most 50 characters, a description
 * of at most 640; prices below a million euros. */
const RuleLimits wallapop_item_limits = {
	.title_min = 1, .title_max = 50,
	.description_min = 1, .description_max = 640,
	.amount_max = 99999999,			/* 999999.99 EUR, in cents */
	.images_max = 10,			/* where a category names no photo limit */
	.sections_max = 1,
	.fetched_images = &wallapop_image_rule,	/* the main image: fetched in the background */
};

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The document's code for a problem at a canonical path, and its rank
 * (lower: graver). */
static const char *code_of(const Violation *v, int *rank)
{
	const char *path = v->path ? v->path : "";
	if (v->code == RULE_STATUS || v->code == RULE_NOT_ACTIVE || v->code == RULE_OVER_QUOTA) {
		*rank = 0;
		return "INVALID_STATUS";
	}
	if (strcmp(path, "category") == 0) {
		*rank = 1;
		return "INVALID_CATEGORY_LEAF";
	}
	if (starts(path, "location")) {
		*rank = 2;
		return strcmp(path, "location.city") == 0 && v->code == RULE_REQUIRED ? "USER_LOCATION_MISSING"
			: "INVALID_LOCATION";
	}
	if (starts(path, "parameters[")) {
		*rank = 3;
		return "INVALID_ATTRIBUTE";
	}
	if (starts(path, "images")) {
		*rank = 4;
		if (v->code == RULE_TOO_MANY) return "MAX_IMAGES_EXCEED";
		/* the last image an item shows; the main image an item lacks */
		if (v->code == RULE_REQUIRED) return strcmp(path, "images") == 0 ? "INSUFFICIENT_IMAGES" : "MISSING_MAIN_IMAGE";
		return "INVALID_IMAGE";
	}
	*rank = 5;
	return "INVALID_BODY_REQUEST";
}

/* The document's name of a canonical path. */
static const char *field_of(Arena *a, const char *path)
{
	static const struct { const char *path, *field; } names[] = {
		{"title", "item.title"}, {"description", "item.description"},
		{"category", "item.category_leaf_id"}, {"price", "item.price.cash_amount"},
		{"price.currency", "item.price.currency"}, {"images[0]", "main_image.url"},
		{"images", "images"}, {"location.city", "the user's location"},
		{"location.district", "the user's location"}, {"listing", "the item"},
	};
	if (!path) return "the item";
	if (starts(path, "parameters[")) {
		size_t n = strlen(path);
		return arena_printf(a, "item.attributes.%.*s", (int)(n - 12), path + 11);
	}
	if (starts(path, "contact")) return "the user's name";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(path, names[i].path) == 0) return names[i].field;
	return path;
}

static const char *words(Arena *a, const Violation *v)
{
	char amount[DECIMAL_LEN];
	switch (v->code) {
	case RULE_WORDED: return v->title;
	case RULE_REQUIRED:
		return v->path && strcmp(v->path, "location.city") == 0 ? "is not set (User without location set)"
			: "is required";
	case RULE_INVALID: return "is not one of the values allowed";
	case RULE_NOT_FOUND: return "does not exist";
	case RULE_NOT_LEAF: return "is not assignable to items: choose one of its subcategories";
	case RULE_UNKNOWN: return "is not an attribute of this category";
	case RULE_TOO_MANY: return arena_printf(a, "has %lld where at most %lld are allowed", (long long)v->count,
		(long long)v->limit);
	case RULE_URL_FORMAT: return "is not an http or https URL";
	case RULE_NOT_PERMITTED: return "is not allowed: souk does not fetch images from this address";
	case RULE_UNREACHABLE: return "could not be fetched: a direct link answering 2xx is required";
	case RULE_ENCODING: return "is not valid UTF-8 text";
	case RULE_TOO_SHORT: return arena_printf(a, "is too short: at least %lld characters", (long long)v->limit);
	case RULE_TOO_LONG: return arena_printf(a, "is too long: %lld characters where at most %lld are allowed",
		(long long)v->count, (long long)v->limit);
	case RULE_CAPITALS: return "has too many capital letters";
	case RULE_LINKS: return "contains an e-mail or web address";
	case RULE_PHONE_NUMBERS: return "contains a phone number";
	case RULE_PUNCTUATION: return "has three punctuation marks in a row";
	case RULE_CURRENCY_FORMAT: return "is not a currency code";
	case RULE_AMOUNT_TOO_LARGE:
		decimal_format(v->limit, 2, true, amount);
		return arena_printf(a, "is too large: at most %s", amount);
	case RULE_RANGE: return "starts past its end";
	case RULE_CHARSET: return "has characters that are not allowed";
	case RULE_TOO_LARGE: return arena_printf(a, "is too large: at most %lld bytes", (long long)v->limit);
	case RULE_STATUS: return "is in a status that does not allow this";
	case RULE_NOT_ACTIVE: return "is not published: only a published item allows this";
	case RULE_OVER_QUOTA: return "has no free slot in the user's plan for one more published item";
	default: return arena_printf(a, "breaks the rule %s", rule_code_name(v->code));
	}
}

void wallapop_item_refuse(Request *r, const Violations *vs)
{
	wallapop_item_refuse_as(r, 400, vs);
}

void wallapop_item_refuse_as(Request *r, int status, const Violations *vs)
{
	const char *code = "INVALID_BODY_REQUEST";
	int best = 99;
	for (int i = 0; i < vs->n; i++) {
		int rank;
		const char *c = code_of(&vs->v[i], &rank);
		if (rank < best) {
			best = rank;
			code = c;
		}
	}
	Buf b = {0};
	for (int i = 0; i < vs->n; i++) {
		const Violation *v = &vs->v[i];
		if (i) buf_puts(&b, "; ");
		buf_puts(&b, v->code == RULE_WORDED ? v->path : field_of(r->arena, v->path));
		buf_puts(&b, " ");
		buf_puts(&b, words(r->arena, v));
	}
	const char *message = vs->n ? arena_strdup(r->arena, buf_cstr(&b)) : "The item is not valid";
	buf_free(&b);
	wallapop_error(r, status, code, message);
}
