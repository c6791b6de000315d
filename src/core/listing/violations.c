#include "violations.h"

#include <string.h>

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static void add(Violations *vs, Violation v)
{
	for (int i = 0; i < vs->n; i++)
		if (vs->v[i].code == v.code && same(vs->v[i].path, v.path) && same(vs->v[i].title, v.title))
			return;
	if (vs->n == VIOLATIONS_MAX) return;
	vs->v[vs->n++] = v;
}

void violations_rule(Violations *vs, RuleCode code, const char *path)
{
	add(vs, (Violation){.code = code, .path = path});
}

void violations_rule_n(Violations *vs, RuleCode code, const char *path, int64_t limit, int64_t count)
{
	add(vs, (Violation){.code = code, .path = path, .limit = limit, .count = count});
}

bool violations_has_rule(const Violations *vs, RuleCode code, const char *path)
{
	for (int i = 0; i < vs->n; i++)
		if (vs->v[i].code == code && (!path || same(vs->v[i].path, path))) return true;
	return false;
}

/* What a draft may hold: anything a seller completes or fixes later. What it
 * may not: references to nothing, more items than allowed, text that is not
 * UTF-8 or too long to keep, malformed contacts and amounts. Lifecycle
 * refusals stop everything. */
RuleLevel rule_level(RuleCode code)
{
	switch (code) {
	case RULE_REQUIRED:
	case RULE_INVALID:
	case RULE_NOT_LEAF:
	case RULE_UNKNOWN:
	case RULE_TOO_FAR:
	case RULE_TOO_SHORT:
	case RULE_CAPITALS:
	case RULE_LINKS:
	case RULE_PHONE_NUMBERS:
	case RULE_PUNCTUATION:
	case RULE_CHARSET:
		return RULES_PUBLISHABLE;
	default:
		return RULES_STORABLE;
	}
}

bool violations_block(const Violations *vs, RuleLevel level)
{
	for (int i = 0; i < vs->n; i++)
		if (rule_level(vs->v[i].code) <= level) return true;
	return false;
}

const char *rule_code_name(RuleCode code)
{
	static const char *const names[RULE_CODE_COUNT] = {
		[RULE_NONE] = "none", [RULE_WORDED] = "worded", [RULE_REQUIRED] = "required", [RULE_INVALID] = "invalid",
		[RULE_NOT_FOUND] = "not_found", [RULE_NOT_LEAF] = "not_leaf",
		[RULE_NOT_PERMITTED] = "not_permitted", [RULE_UNKNOWN] = "unknown",
		[RULE_TOO_FAR] = "too_far", [RULE_TOO_MANY] = "too_many", [RULE_URL_FORMAT] = "url_format",
		[RULE_UNREACHABLE] = "unreachable", [RULE_ENCODING] = "encoding",
		[RULE_TOO_SHORT] = "too_short", [RULE_TOO_LONG] = "too_long", [RULE_CAPITALS] = "capitals",
		[RULE_LINKS] = "links", [RULE_PHONE_NUMBERS] = "phone_numbers",
		[RULE_PUNCTUATION] = "punctuation", [RULE_CURRENCY_FORMAT] = "currency_format",
		[RULE_AMOUNT_TOO_LARGE] = "amount_too_large", [RULE_PHONE_FORMAT] = "phone_format",
		[RULE_EMAIL_FORMAT] = "email_format", [RULE_POST_CODE_FORMAT] = "post_code_format",
		[RULE_TAG_NOT_ALLOWED] = "tag_not_allowed", [RULE_MARKUP] = "markup",
		[RULE_NOT_IN_IMAGES] = "not_in_images", [RULE_RANGE] = "range", [RULE_CHARSET] = "charset",
		[RULE_TOO_LARGE] = "too_large",
		[RULE_NOT_OWNER] = "not_owner", [RULE_STATUS] = "status", [RULE_NOT_ACTIVE] = "not_active",
		[RULE_TOO_SOON] = "too_soon", [RULE_OVER_QUOTA] = "over_quota",
	};
	return (int)code >= 0 && code < RULE_CODE_COUNT ? names[code] : "?";
}

void violations_add(Violations *vs, const char *field, const char *title)
{
	add(vs, (Violation){.code = RULE_WORDED, .path = field, .title = title});
}

void violations_add_detailed(Violations *vs, const char *field, const char *title)
{
	add(vs, (Violation){.code = RULE_WORDED, .path = field, .title = title, .detail = true});
}

bool violations_has(const Violations *vs, const char *field)
{
	return violations_has_rule(vs, RULE_WORDED, field);
}
