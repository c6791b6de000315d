/* violations.h -- the rules an input broke, collected so that one answer
 * reports them all (OLX's "validation" array, Allegro's "errors").
 *
 * The core reports rule codes with canonical paths and the numbers a face may
 * print (a limit, a count), never sentences: each face maps a code to its own
 * words and status (api/olx/rules_map.c). Lifecycle refusals (another
 * seller's listing, a status the table refuses, the quota) are codes too.
 * Only a face's parser adds entries in its own words (RULE_WORDED), for what
 * only its dialect can get wrong. Strings are borrowed: static texts or the
 * request's arena. */
#ifndef SOUK_VIOLATIONS_H
#define SOUK_VIOLATIONS_H

#include <stdbool.h>
#include <stdint.h>

/* Rule codes. Canonical paths name the listing's fields: "title",
 * "description", "category", "external_url", "contact", "contact.name",
 * "contact.phone", "location.city", "location.district",
 * "location.coordinates", "price", "price.currency", "salary.from",
 * "salary.to", "salary.currency", "salary", "parameters[<attribute code>]",
 * "images", "images[<index>]", "description.sections[<k>].items[<j>]",
 * "location.region", "location.post_code", "payments.invoice"; "listing"
 * (the listing as a whole: whose it is, its status, its room in the quota),
 * "refreshed_at", "logo", "logos", "contacts" (the seller's offer contacts). */
typedef enum RuleCode {
	RULE_NONE = 0,		/* no rule broken (what single checks return) */
	RULE_WORDED,		/* carries its own field and title (see above) */
	RULE_REQUIRED,		/* missing, and a published listing needs it */
	RULE_INVALID,		/* not one of the values the field allows */
	RULE_NOT_FOUND,		/* names a category or place that does not exist */
	RULE_NOT_LEAF,		/* a category listings cannot be posted in */
	RULE_NOT_PERMITTED,	/* the app may not set this field */
	RULE_UNKNOWN,		/* a parameter the category does not have */
	RULE_TOO_FAR,		/* coordinates farther than limit km from the place */
	RULE_TOO_MANY,		/* count items where at most limit are allowed */
	RULE_URL_FORMAT,	/* not an http(s) URL */
	RULE_UNREACHABLE,	/* the URL does not answer with a file */
	RULE_ENCODING,		/* text that is not UTF-8 */
	RULE_TOO_SHORT,		/* count characters, fewer than limit */
	RULE_TOO_LONG,		/* count characters, more than limit */
	RULE_CAPITALS,		/* more than half of the cased letters upper case */
	RULE_LINKS,		/* an e-mail or web address in the text */
	RULE_PHONE_NUMBERS,	/* a phone number in the text */
	RULE_PUNCTUATION,	/* three punctuation marks in a row */
	RULE_CURRENCY_FORMAT,	/* a currency code not in upper case letters */
	RULE_AMOUNT_TOO_LARGE,	/* an amount above limit (minor units) */
	RULE_PHONE_FORMAT,	/* a contact phone that is not a phone number */
	RULE_EMAIL_FORMAT,	/* a contact e-mail that is not an address */
	RULE_POST_CODE_FORMAT,	/* not a post code of the listing's country */
	RULE_TAG_NOT_ALLOWED,	/* description markup with a tag or attribute not allowed */
	RULE_MARKUP,		/* description markup that is not well formed */
	RULE_NOT_IN_IMAGES,	/* a description image that is not one of the listing's */
	RULE_RANGE,		/* a numeric range whose start lies past its end */
	RULE_CHARSET,		/* characters outside the set the face allows */
	RULE_TOO_LARGE,		/* count bytes, more than limit */
	RULE_NOT_OWNER,		/* the listing is another seller's */
	RULE_STATUS,		/* the listing's status does not allow this */
	RULE_NOT_ACTIVE,	/* only a running listing allows this */
	RULE_TOO_SOON,		/* again before limit seconds have passed */
	RULE_OVER_QUOTA,	/* the quota has no room for one more running listing */
	RULE_CODE_COUNT
} RuleCode;

/* How far a listing with this violation may go. */
typedef enum RuleLevel {
	RULES_STORABLE = 0,	/* breaks even a draft: nothing may be stored */
	RULES_PUBLISHABLE,	/* a draft may hold it; it may not go live */
} RuleLevel;

#define VIOLATIONS_MAX 64	/* more are dropped: an answer long enough to fix from */

typedef struct Violation {
	RuleCode code;
	const char *path;	/* canonical path; RULE_WORDED: the face's field name */
	const char *title;	/* RULE_WORDED only: the words */
	bool detail;		/* RULE_WORDED only: also report the words as "detail" */
	int64_t limit, count;	/* what the rule allowed and what it found; 0: none */
} Violation;

typedef struct Violations {
	Violation v[VIOLATIONS_MAX];
	int n;
} Violations;

/* Codes with their paths; a repeat of the same code and path is dropped. */
void violations_rule(Violations *vs, RuleCode code, const char *path);
void violations_rule_n(Violations *vs, RuleCode code, const char *path, int64_t limit, int64_t count);
bool violations_has_rule(const Violations *vs, RuleCode code, const char *path);	/* path NULL: any */
/* The level below which the listing cannot go: whether any entry stops it
 * at level (worded entries stop everything). */
bool violations_block(const Violations *vs, RuleLevel level);
RuleLevel rule_level(RuleCode code);
const char *rule_code_name(RuleCode code);	/* "too_long": stable, for logs and faces */

/* Entries in a face's own words (its parser's). */
void violations_add(Violations *vs, const char *field, const char *title);
void violations_add_detailed(Violations *vs, const char *field, const char *title);
bool violations_has(const Violations *vs, const char *field);	/* worded entries only */

#endif
