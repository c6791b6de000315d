/* text_rules.c -- advert text rules: length in characters, capitals, contact
 * details, punctuation runs, currency codes and contact phone fields.
 *
 * Every detector is one linear pass over the bytes (the link detector may look
 * back over the current word, which each byte belongs to once), so a 1 MiB
 * description costs a few milliseconds at most and no input can crash it. */
#include "text_rules.h"

#include <string.h>

#include "../../util/utf8.h"

bool text_violations_has(const TextViolations *v, RuleCode r)
{
	if (!v)
		return false;
	for (int i = 0; i < v->n; i++)
		if (v->rule[i] == r)
			return true;
	return false;
}

static void add(TextViolations *v, RuleCode r)
{
	if (v->n < TEXT_VIOLATIONS_MAX)
		v->rule[v->n++] = r;
}

/* --- letter case by code point --------------------------------------------
 * Covered blocks, each checked against the Unicode tables:
 *   U+0041-005A, U+0061-007A     Basic Latin A-Z upper, a-z lower
 *   U+00C0-00FF  Latin-1 Supplement: C0-DE upper, DF-FF lower, but D7 (x)
 *                and F7 (division sign) are not letters; B5 (micro) lower
 *   U+0100-017F  Latin Extended-A (Polish A, C, E, L, N, S, Z with marks;
 *                Czech, Hungarian, Baltic, Turkish): upper/lower pairs, upper
 *                on even code points in 0100-0137 and 014A-0177, on odd ones
 *                in 0139-0148 and 0179-017E; 0138, 0149, 017F lower, 0178 upper
 *   U+0200-0233  Latin Extended-B pairs (Romanian S and T with comma below)
 *   U+0370-03FF  Greek: 0391-03AB upper (03A2 unassigned), 03AC-03CE lower,
 *                the accented capitals 0386-038F, archaic and symbol pairs
 *   U+0400-052F  Cyrillic and Cyrillic Supplement: 0400-042F upper (Ukrainian
 *                IE, I, YI among them), 0430-045F lower; 0460-0481, 048A-04BF
 *                (Ukrainian GHE with upturn, Kazakh letters) and 04D0-052F
 *                pairs with upper even; 04C1-04CE upper odd; 04C0 upper, 04CF
 *                lower; 0482-0489 are signs
 *   U+1E00-1EFF  Latin Extended Additional (Vietnamese): pairs with upper
 *                even, 1E96-1E9D and 1E9F lower, 1E9E (capital sharp s) upper
 * Anything else (caseless scripts, digits, symbols) is neither. */
static int even_upper(uint32_t cp) { return cp & 1 ? -1 : 1; }
static int odd_upper(uint32_t cp) { return cp & 1 ? 1 : -1; }

static int greek_case(uint32_t cp)
{
	if (cp >= 0x391 && cp <= 0x3AB)
		return cp == 0x3A2 ? 0 : 1;
	if (cp >= 0x3AC && cp <= 0x3CE)
		return -1;
	switch (cp) {
	case 0x37F: case 0x386: case 0x388: case 0x389: case 0x38A: case 0x38C:
	case 0x38E: case 0x38F: case 0x3CF: case 0x3D2: case 0x3D3: case 0x3D4:
	case 0x3F4: case 0x3F7: case 0x3F9: case 0x3FA: case 0x3FD: case 0x3FE:
	case 0x3FF:
		return 1;
	case 0x37B: case 0x37C: case 0x37D: case 0x390: case 0x3D0: case 0x3D1:
	case 0x3D5: case 0x3D6: case 0x3D7: case 0x3F0: case 0x3F1: case 0x3F2:
	case 0x3F3: case 0x3F5: case 0x3F8: case 0x3FB: case 0x3FC:
		return -1;
	}
	if ((cp >= 0x370 && cp <= 0x373) || cp == 0x376 || cp == 0x377 ||
	    (cp >= 0x3D8 && cp <= 0x3EF))
		return even_upper(cp);
	return 0;
}

static int cyrillic_case(uint32_t cp)
{
	if (cp <= 0x42F)
		return 1;
	if (cp <= 0x45F)
		return -1;
	if (cp <= 0x481)
		return even_upper(cp);
	if (cp <= 0x489)
		return 0;
	if (cp <= 0x4BF)
		return even_upper(cp);
	if (cp == 0x4C0)
		return 1;
	if (cp <= 0x4CE)
		return odd_upper(cp);
	if (cp == 0x4CF)
		return -1;
	return even_upper(cp);	/* 04D0-052F */
}

int text_letter_case(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? 1 : cp >= 'a' && cp <= 'z' ? -1 : 0;
	if (cp < 0xC0)
		return cp == 0xB5 ? -1 : 0;
	if (cp <= 0xFF) {
		if (cp == 0xD7 || cp == 0xF7)
			return 0;
		return cp <= 0xDE ? 1 : -1;
	}
	if (cp <= 0x17F) {
		if (cp <= 0x137) return even_upper(cp);
		if (cp == 0x138) return -1;
		if (cp <= 0x148) return odd_upper(cp);
		if (cp == 0x149) return -1;
		if (cp <= 0x177) return even_upper(cp);
		if (cp == 0x178) return 1;
		if (cp <= 0x17E) return odd_upper(cp);
		return -1;
	}
	if (cp >= 0x200 && cp <= 0x233) {
		if (cp == 0x220) return 1;
		if (cp == 0x221) return -1;
		return even_upper(cp);
	}
	if (cp >= 0x370 && cp <= 0x3FF)
		return greek_case(cp);
	if (cp >= 0x400 && cp <= 0x52F)
		return cyrillic_case(cp);
	if (cp >= 0x1E00 && cp <= 0x1EFF) {
		if ((cp >= 0x1E96 && cp <= 0x1E9D) || cp == 0x1E9F) return -1;
		if (cp == 0x1E9E) return 1;
		return even_upper(cp);
	}
	return 0;
}

/* --- capitals and punctuation: one decoding pass ------------------------- */

/* The marks that may not come three in a row (seed, error 17). */
static bool is_punct(unsigned char c)
{
	return c && strchr("!?.,-=+#%&@*_><:()|", c) != NULL;
}

typedef struct Scan {
	int64_t chars;		/* code points, -1 when not UTF-8 */
	int64_t upper, lower;	/* cased letters */
	bool punct_run;		/* three marks of the set in a row */
} Scan;

static Scan scan(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	Scan r = {0};
	int run = 0;
	uint32_t cp;

	for (size_t i = 0; i < len; r.chars++) {
		size_t k = utf8_decode((const char *)p + i, len - i, &cp);
		if (!k) {
			r.chars = -1;
			return r;
		}
		i += k;
		if (cp < 0x80 && is_punct((unsigned char)cp)) {
			if (++run >= 3)
				r.punct_run = true;
		} else {
			run = 0;
		}
		int c = text_letter_case(cp);
		r.upper += c > 0;
		r.lower += c < 0;
	}
	return r;
}

/* "More than 50% of the text in capitals", measured over cased letters:
 * digits, punctuation and caseless characters neither help nor hurt. */
static bool too_many_capitals(const Scan *r)
{
	return r->upper > r->lower;
}

bool text_has_too_many_capitals(const char *s, size_t len)
{
	Scan r = scan(s ? s : "", s ? len : 0);
	return too_many_capitals(&r);
}

bool text_has_punctuation_run(const char *s, size_t len)
{
	Scan r = scan(s ? s : "", s ? len : 0);
	return r.punct_run;
}

/* --- e-mail and web addresses ---------------------------------------------
 * A text carries an address when it has
 *   - "http://" or "https://" anywhere, or "www." starting a word and followed
 *     by a name;
 *   - an e-mail address: a name character, '@' (one space either side
 *     tolerated: "jan @ wp.pl"), then a domain with a dot and a final label of
 *     two or more letters (any top-level domain);
 *   - a bare domain "name.tld" where tld is one of the list below, in any
 *     case, and the name has a letter: "olx.pl", "Example.COM", "sklep.com.ua".
 * Not addresses: "np. tanio" (no name after the dot), "2.5 l" and "v1.0"
 * (digits), "m.in." and "itd." (not a listed top-level domain), "ASP.NET".
 * Top-level domains that are everyday words after a missing space ("to",
 * "in", "it", "me", "at", "be", "no", "do") are left out on purpose. */
static const char *const tlds[] = {
	"com", "net", "org", "info", "biz", "eu", "io", "pl", "ua", "de", "ru",
	"uk", "cz", "sk", "pt", "es", "ro", "bg", "hu", "kz", "uz", "by", "lt",
	"lv", "ee", "fr", "nl", "ch", "online", "shop", "store", "site", "xyz",
	"app", "pro", "waw", "gov", "edu", NULL,
};

/* Words written like domains that are not ("ASP.NET"), lower case. */
static const char *const not_domains[] = { "asp.net", "vb.net", "ado.net", NULL };

static bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
/* A byte of a domain label; UTF-8 bytes count, for internationalized names. */
static bool is_label(unsigned char c) { return is_alnum(c) || c == '-' || c >= 0x80; }

static bool eq_ci(const unsigned char *p, size_t n, const char *word)
{
	size_t i;

	for (i = 0; i < n && word[i]; i++)
		if ((p[i] | 0x20) != (unsigned char)word[i])
			return false;
	return i == n && !word[i];
}

static bool starts_ci(const unsigned char *p, size_t len, const char *word)
{
	size_t n = strlen(word);
	return len >= n && eq_ci(p, n, word);
}

/* The '.' at p[i] ends a name and starts a listed top-level domain. */
static bool is_domain_dot(const unsigned char *p, size_t len, size_t i)
{
	size_t b = i, e = i + 1;
	bool letter = false;

	while (b > 0 && is_label(p[b - 1])) {
		b--;
		letter |= !is_digit(p[b]) && p[b] != '-';
	}
	if (b == i || !letter)
		return false;
	while (e < len && is_alpha(p[e]) && e - i <= 8)
		e++;
	if (e < len && is_label(p[e]))
		return false;	/* "olx.plus", "foo.com2": a longer word */
	size_t n = e - i - 1;
	if (n < 2)
		return false;
	for (int k = 0; not_domains[k]; k++)
		if (eq_ci(p + b, e - b, not_domains[k]))
			return false;
	for (int k = 0; tlds[k]; k++)
		if (eq_ci(p + i + 1, n, tlds[k]))
			return true;
	return false;
}

static bool is_local_char(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* The '@' at p[i] sits in an e-mail address. */
static bool is_email_at(const unsigned char *p, size_t len, size_t i)
{
	size_t j = i, k = i + 1, e, dot = 0;

	if (j > 0 && p[j - 1] == ' ')
		j--;
	if (j == 0 || !is_local_char(p[j - 1]))
		return false;
	if (k < len && p[k] == ' ')
		k++;
	for (e = k; e < len && (is_label(p[e]) || p[e] == '.'); e++)
		;
	while (e > k && p[e - 1] == '.')	/* "... jan@wp.pl." */
		e--;
	for (size_t m = k; m < e; m++)
		if (p[m] == '.')
			dot = m;
	if (!dot || dot == k || p[dot - 1] == '.' || e - dot - 1 < 2)
		return false;
	for (size_t m = dot + 1; m < e; m++)
		if (!is_alpha(p[m]))
			return false;
	return true;
}

bool text_has_link(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s)
		return false;
	for (size_t i = 0; i < len; i++) {
		switch (p[i]) {
		case '@':
			if (is_email_at(p, len, i))
				return true;
			break;
		case '.':
			if (is_domain_dot(p, len, i))
				return true;
			break;
		case 'w': case 'W':
			if ((i == 0 || !is_label(p[i - 1])) && starts_ci(p + i, len - i, "www.") &&
			    i + 4 < len && is_label(p[i + 4]))
				return true;
			break;
		case 'h': case 'H':
			if (starts_ci(p + i, len - i, "http://") || starts_ci(p + i, len - i, "https://"))
				return true;
			break;
		}
	}
	return false;
}

/* --- phone numbers ----------------------------------------------------------
 * A phone number is a run of digit groups that
 *   - starts a word (not glued to a letter or digit before it: "S21", "A4"
 *     and "XR600700800" are names), optionally with '+' or '(' before it;
 *   - has groups joined by one to three separator characters out of
 *     space, '-', '.', '(' and ')' ("+48 600-700-800",
 *     "(22) 123 45 67", "600 - 700 - 800"); any other character ends the run,
 *     so "120x200", "10/12", "10:00" and "1,5" never join up;
 *   - counts 9 to 15 digits, not counting a last group glued to a letter
 *     ("128GB", "500zl", "2015r" are quantities);
 * and is none of these: a run followed by a currency ("1 200 000 000 zl"),
 * a run of years only ("2015 2016 2017"), a run holding a date ("12.05.2023",
 * "2023-05-12"), a run without any group of three or more digits (sizes
 * "36 38 40 42 44"). Longer runs (over 15 digits: bank accounts) are let be.
 * Known misses: a number glued to a word ("tel600700800"). */

/* The character ending just before p[i] is a letter or a digit. */
static bool word_before(const unsigned char *p, size_t i)
{
	uint32_t cp;
	size_t b = i;

	if (i == 0)
		return false;
	if (p[i - 1] < 0x80)
		return is_alnum(p[i - 1]);
	while (b > 0 && i - b < 4 && (p[b - 1] & 0xC0) == 0x80)
		b--;
	if (b > 0 && i - b < 4)
		b--;
	if (utf8_decode((const char *)p + b, i - b, &cp) != i - b)
		return false;
	return text_letter_case(cp) != 0;
}

/* The character starting at p[i] is a letter. */
static bool letter_at(const unsigned char *p, size_t len, size_t i)
{
	uint32_t cp;

	if (i >= len)
		return false;
	if (p[i] < 0x80)
		return is_alpha(p[i]);
	return utf8_decode((const char *)p + i, len - i, &cp) && text_letter_case(cp) != 0;
}

static const char *const currencies[] = {
	"zł", "zl", "pln", "eur", "euro", "€", "$", "usd", "gbp", "uah", "грн",
	"ron", "lei", "лв", "bgn", "kzt", "тг", "₸", "сум", "uzs", "₴", NULL,
};

static bool currency_at(const unsigned char *p, size_t len, size_t i)
{
	if (i < len && p[i] == ' ')
		i++;
	for (int k = 0; currencies[k]; k++) {
		size_t n = strlen(currencies[k]);
		if (len - i >= n && (eq_ci(p + i, n, currencies[k]) ||
				     memcmp(p + i, currencies[k], n) == 0) &&
		    !letter_at(p, len, i + n))
			return true;
	}
	return false;
}

static bool is_year(const unsigned char *g, size_t n)
{
	return n == 4 && ((g[0] == '1' && g[1] == '9') || (g[0] == '2' && g[1] == '0'));
}

static bool is_phone_sep(unsigned char c)
{
	return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
}

/* Reads the run starting at p[i]; returns where it ends, sets *phone. */
static size_t phone_run(const unsigned char *p, size_t len, size_t i, bool *phone)
{
	size_t j = i, digits = 0, glen = 0;
	size_t len3[3] = {0};		/* the last three groups, newest last */
	unsigned char sep2[2] = {0};	/* single-character separators before them */
	bool all_years = true, long_group = false, date = false;

	if (p[j] == '+' || p[j] == '(')
		j++;
	for (;;) {
		size_t g = j;
		while (j < len && is_digit(p[j]))
			j++;
		glen = j - g;
		digits += glen;
		all_years &= is_year(p + g, glen);
		long_group |= glen >= 3;
		len3[0] = len3[1], len3[1] = len3[2], len3[2] = glen;
		/* d.m.yyyy and yyyy-mm-dd */
		if (sep2[0] == '.' && sep2[1] == '.' && len3[0] <= 2 && len3[1] <= 2 &&
		    is_year(p + g, glen))
			date = true;
		if (sep2[0] == '-' && sep2[1] == '-' && len3[0] == 4 && len3[1] == 2 && glen == 2 &&
		    is_year(p + g - 8, 4))
			date = true;

		size_t k = j;
		while (k < len && k - j <= 3 && is_phone_sep(p[k]))
			k++;
		if (k == j || k - j > 3 || k >= len || !is_digit(p[k]))
			break;
		sep2[0] = sep2[1];
		sep2[1] = k - j == 1 ? p[j] : 0;
		j = k;
	}
	if (letter_at(p, len, j))
		digits -= glen;
	*phone = digits >= 9 && digits <= 15 && long_group && !all_years && !date &&
		 !currency_at(p, len, j);
	return j;
}

bool text_has_phone_number(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	bool phone;

	if (!s)
		return false;
	while (i < len) {
		bool start = false;
		if (is_digit(p[i]))
			start = !word_before(p, i);
		else if ((p[i] == '+' || p[i] == '(') && i + 1 < len && is_digit(p[i + 1]))
			start = !word_before(p, i);
		if (!start) {
			i++;	/* the digits after a glued one are glued too */
			continue;
		}
		i = phone_run(p, len, i, &phone);
		if (phone)
			return true;
	}
	return false;
}

/* --- faces' own counts ---------------------------------------------------- */

int64_t text_entity_length(const char *s, size_t len)
{
	int64_t n = utf8_count(s ? s : "", s ? len : 0);
	if (n < 0) return -1;
	for (size_t i = 0; i < len; i++)
		switch (s[i]) {
		case '&': n += 4; break;	/* &amp; */
		case '<':
		case '>': n += 3; break;	/* &lt; &gt; */
		case '"': n += 5; break;	/* &quot; */
		}
	return n;
}

static bool set_has(const char *set, uint32_t cp)
{
	size_t n = strlen(set);
	uint32_t c;
	for (size_t i = 0, k; i < n; i += k) {
		if (!(k = utf8_decode(set + i, n - i, &c))) return false;
		if (c == cp) return true;
	}
	return false;
}

bool text_in_charset(const char *s, size_t len, const char *set)
{
	uint32_t cp;
	for (size_t i = 0, k; i < len; i += k) {
		if (!(k = utf8_decode(s + i, len - i, &cp))) return false;
		if (!set_has(set, cp)) return false;
	}
	return true;
}

/* --- the checks ------------------------------------------------------------ */

int text_check(const char *s, size_t len, int64_t min, int64_t max, TextViolations *out)
{
	TextViolations v = {0};

	if (!s) {
		s = "";
		len = 0;
	}
	Scan r = scan(s, len);
	v.chars = r.chars;
	if (r.chars < 0) {
		add(&v, RULE_ENCODING);
		goto Exit;
	}
	if (r.chars < min)
		add(&v, RULE_TOO_SHORT);
	if (r.chars > max)
		add(&v, RULE_TOO_LONG);
	if (too_many_capitals(&r))
		add(&v, RULE_CAPITALS);
	if (text_has_link(s, len))
		add(&v, RULE_LINKS);
	if (text_has_phone_number(s, len))
		add(&v, RULE_PHONE_NUMBERS);
	if (r.punct_run)
		add(&v, RULE_PUNCTUATION);
Exit:
	if (out)
		*out = v;
	return v.n;
}

/* "PLN", "EUR": one or more of A-Z and nothing else (ISO 4217 codes are
 * written in upper case; "pln" is refused, not corrected). */
RuleCode text_check_currency(const char *currency)
{
	if (!currency || !*currency)
		return RULE_CURRENCY_FORMAT;
	for (const char *c = currency; *c; c++)
		if (*c < 'A' || *c > 'Z')
			return RULE_CURRENCY_FORMAT;
	return RULE_NONE;
}

/* A contact phone: optional leading '+', then digits with single spaces or
 * dashes between them, 9 to 15 digits in all ("+48 600-700-800"). */
RuleCode text_check_phone(const char *phone)
{
	const char *c = phone;
	int digits = 0;
	bool after_sep = true;	/* refuses a separator first, twice, or last */

	if (!c)
		return RULE_PHONE_FORMAT;
	if (*c == '+')
		c++;
	for (; *c; c++) {
		if (*c >= '0' && *c <= '9') {
			digits++;
			after_sep = false;
		} else if ((*c == ' ' || *c == '-') && !after_sep) {
			after_sep = true;
		} else {
			return RULE_PHONE_FORMAT;
		}
	}
	if (after_sep || digits < 9 || digits > 15)
		return RULE_PHONE_FORMAT;
	return RULE_NONE;
}

/* A contact e-mail: local@domain, at most 254 characters. The local part of
 * letters, digits and . _ % + - (no dot first, last or twice in a row); the
 * domain of two or more labels of letters, digits and hyphens (no hyphen
 * first or last), the last of two or more letters. Quoted local parts and
 * address literals, legal but never typed into a form, are refused. */
RuleCode text_check_email(const char *email)
{
	const char *at, *p;
	size_t n;

	if (!email || (n = strlen(email)) > 254 || !(at = strchr(email, '@')) || strchr(at + 1, '@'))
		return RULE_EMAIL_FORMAT;
	if (at == email || at - email > 64 || *email == '.' || at[-1] == '.')
		return RULE_EMAIL_FORMAT;
	for (p = email; p < at; p++)
		if (!is_local_char((unsigned char)*p) || (*p == '.' && p[1] == '.'))
			return RULE_EMAIL_FORMAT;
	const char *label = at + 1;
	int labels = 0;
	for (p = label;; p++) {
		if (*p == '.' || !*p) {
			size_t len = (size_t)(p - label);
			if (!len || len > 63 || label[0] == '-' || p[-1] == '-')
				return RULE_EMAIL_FORMAT;
			labels++;
			if (!*p)
				break;
			label = p + 1;
		} else if (!is_alnum((unsigned char)*p) && *p != '-') {
			return RULE_EMAIL_FORMAT;
		}
	}
	if (labels < 2 || p - label < 2)
		return RULE_EMAIL_FORMAT;
	for (const char *t = label; t < p; t++)
		if (!is_alpha((unsigned char)*t))
			return RULE_EMAIL_FORMAT;
	return RULE_NONE;
}
