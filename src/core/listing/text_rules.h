/* text_rules.h -- the marketplace's rules for advert text, as pure functions.
 *
 * Inputs are UTF-8 byte strings (NULL counts as empty); nothing here allocates,
 * keeps state or knows HTTP or JSON. A check reports every rule a text breaks,
 * not just the first, as codes in a caller-owned TextViolations; a face turns
 * the codes into its own envelope (text_rule_message() gives the wording).
 * Lengths are counted in characters (Unicode code points), never bytes. */
#ifndef SOUK_TEXT_RULES_H
#define SOUK_TEXT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Rules and their codes */
typedef enum TextRule {
	TEXT_RULE_NONE = 0,
	TEXT_BAD_UTF8,		/* not valid UTF-8: nothing else is checked */
	TEXT_TITLE_LENGTH,	/* title outside 16-70 characters */
	TEXT_DESCRIPTION_LENGTH,/* description outside 80-9000 characters */
	TEXT_CAPITALS,		/* more than half of the cased letters upper case */
	TEXT_LINKS,		/* an e-mail address, www, http(s):// or a bare domain */
	TEXT_PHONES,		/* something that reads as a phone number */
	TEXT_PUNCTUATION,	/* three punctuation marks of the set in a row */
	TEXT_SALARY_CURRENCY,	/* salary currency not in upper case */
	TEXT_SALARY_VALUE,	/* salary value above 99999999999999 */
	TEXT_PHONE_FORMAT,	/* a contact phone that is not a phone number */
	TEXT_RULE_COUNT
} TextRule;

#define TEXT_TITLE_MIN 16
#define TEXT_TITLE_MAX 70
#define TEXT_DESCRIPTION_MIN 80
#define TEXT_DESCRIPTION_MAX 9000
#define TEXT_SALARY_MAX 99999999999999.0

#define TEXT_VIOLATIONS_MAX 8
typedef struct TextViolations {
	int n;				/* how many of rule[] are set */
	TextRule rule[TEXT_VIOLATIONS_MAX];	/* in a fixed order: the enum's */
} TextViolations;

/* The wording a face reports for a rule (never NULL). */
const char *text_rule_message(TextRule r);
bool text_violations_has(const TextViolations *v, TextRule r);

/* Advert title and description: fill *out (may be NULL) and return how many
 * rules the text breaks, 0 when it is fine. The _n forms take a length and
 * accept NUL bytes inside. */
int text_check_title(const char *s, TextViolations *out);
int text_check_title_n(const char *s, size_t len, TextViolations *out);
int text_check_description(const char *s, TextViolations *out);
int text_check_description_n(const char *s, size_t len, TextViolations *out);

/* Single fields: return 0 or the rule broken */
TextRule text_check_salary_currency(const char *currency);
TextRule text_check_salary_value(double value);
TextRule text_check_phone(const char *phone);

/* The detectors the checks are made of, for faces with other limits.
 * They expect valid UTF-8 (see text_utf8_count). */
int64_t text_utf8_count(const char *s, size_t len);	/* code points, or -1 if invalid */
int text_letter_case(uint32_t cp);			/* 1 upper, -1 lower, 0 neither */
bool text_has_too_many_capitals(const char *s, size_t len);
bool text_has_link(const char *s, size_t len);
bool text_has_phone_number(const char *s, size_t len);
bool text_has_punctuation_run(const char *s, size_t len);

#endif
