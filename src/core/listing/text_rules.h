/* text_rules.h -- the marketplace's rules for advert text, as pure functions.
 *
 * Inputs are UTF-8 byte strings (NULL counts as empty); nothing here allocates,
 * keeps state or knows HTTP or JSON. A check reports every rule a text breaks,
 * not just the first, as rule codes in a caller-owned TextViolations; the
 * detectors are the marketplace's, the length limits the caller's, and the
 * words each face's own. Lengths are counted in characters (Unicode code
 * points), never bytes. */
#ifndef SOUK_TEXT_RULES_H
#define SOUK_TEXT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "violations.h"

/* Rules a text breaks, as codes (violations.h), in the order the checks
 * run: encoding, length, capitals, links, phone numbers, punctuation. */
#define TEXT_VIOLATIONS_MAX 8
typedef struct TextViolations {
	int n;				/* how many of rule[] are set */
	RuleCode rule[TEXT_VIOLATIONS_MAX];
	int64_t chars;			/* the text's length in characters, -1 if not UTF-8 */
} TextViolations;

bool text_violations_has(const TextViolations *v, RuleCode r);

/* A listing's text (title, description) between min and max characters,
 * limits a face chooses (OLX: title 16-70; Allegro: at most 50): fills *out
 * (may be NULL) and returns how many rules the text breaks, 0 when it is
 * fine. Takes a length and accepts NUL bytes inside; NULL is empty. Not
 * UTF-8: RULE_ENCODING alone, nothing else is checked. */
int text_check(const char *s, size_t len, int64_t min, int64_t max, TextViolations *out);

/* Single fields: RULE_NONE or the rule broken */
RuleCode text_check_currency(const char *currency);	/* RULE_CURRENCY_FORMAT */
RuleCode text_check_phone(const char *phone);		/* RULE_PHONE_FORMAT */
RuleCode text_check_email(const char *email);		/* RULE_EMAIL_FORMAT */

/* The detectors the checks are made of, for faces with other limits.
 * They expect valid UTF-8 (util/utf8.h: utf8_valid, utf8_count). */
int text_letter_case(uint32_t cp);			/* 1 upper, -1 lower, 0 neither */
bool text_has_too_many_capitals(const char *s, size_t len);
bool text_has_link(const char *s, size_t len);
bool text_has_phone_number(const char *s, size_t len);
bool text_has_punctuation_run(const char *s, size_t len);

/* For faces that count and restrict characters their own way (Allegro's
 * titles): the length with &, <, > and " counted as the HTML entities they
 * become ("&" is "&amp;", five characters), -1 if not UTF-8; and whether
 * every character of s is one of set's (both UTF-8; false if s is not). */
int64_t text_entity_length(const char *s, size_t len);
bool text_in_charset(const char *s, size_t len, const char *set);

#endif
