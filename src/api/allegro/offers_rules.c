/* offers_rules.c -- Allegro's numbers for the marketplace's listing rules
 * and its words for their codes.
 *
 * Seed 002 gives the rules (§4 title, §5 description, §7 the fields a
 * classified ad needs) and, in §6's sample draft, the sentences of its
 * validation list ("Location may not be empty.", "Payments may not be
 * empty.", "Please describe your offer.", "Missing required parameters:
 * ...", "You must select at least one selling mode and provide the
 * required prices.", "After sales service conditions ... are required by
 * company account."); a rule the seed states is worded as it states it.
 * Paths are Allegro's field names. */
#include "offers.h"

#include <stdio.h>
#include <string.h>

#include "../../core/reference/categories.h"

/* Seed 002 §4's letters, numbers and special signs; letters in both cases. */
static const char title_charset[] =
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	"äöüøòßáčěířšůúýžœæàâçéèêëîïôûùÿ€×ąćęłńóśźżµ⌀"
	"ÄÖÜØÒÁČĚÍŘŠŮÚÝŽŒÆÀÂÇÉÈÊËÎÏÔÛÙŸĄĆĘŁŃÓŚŹŻ"
	"0123456789"
	"!@[]#$%^&*{}().,/\\|? ;~²³`'’´\"”„“″<>_\t:-=+…–°";

const RuleLimits allegro_offer_limits = {
	.title_min = 1, .title_max = 50,
	.title_charset = title_charset, .title_entities = true,
	.description_min = 1, .description_max = 40000,	/* the text cannot outgrow its bytes */
	.description_bytes_max = 40000,
	.sections_max = 100,
	.amount_max = 9999999999999900,		/* the marketplace's, as OLX's */
	.images_max = 16,
	.invoice_required = true,
	.hosted_images = true,		/* seed 002 §3: only what POST /sale/images took */
	.base_package_required = true,	/* the rule: ValidAdvertisementPackage */
};

/* A sentence in the two languages of userMessage (message is English). */
typedef struct Words {
	const char *en, *pl;
} Words;

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Allegro's field for a canonical path. */
static const char *allegro_path(const char *path)
{
	static const struct { const char *path, *field; } names[] = {
		{"title", "name"}, {"category", "category.id"}, {"location.region", "location.province"},
		{"location.post_code", "location.postCode"}, {"location.district", "location"},
		{"location.coordinates", "location"}, {"price", "sellingMode.price"},
		{"price.currency", "sellingMode.price.currency"}, {"external_url", "external"},
		{"payments.invoice", "payments"},
	};
	if (starts(path, "contact")) return "contact.id";
	if (starts(path, "parameters[")) return "parameters";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(path, names[i].path) == 0) return names[i].field;
	return path;
}

/* Seed 002 §5's rule 1 broken: text outside any tag, or a tag in capitals. */
static bool outside_tags(const char *html)
{
	int depth = 0;
	for (const char *p = html; *p; p++) {
		if (*p == '<') {
			const char *name = p + 1 + (p[1] == '/');
			if (*name >= 'A' && *name <= 'Z') return true;
			depth += p[1] == '/' ? -1 : 1;
			p = strchr(p, '>');
			if (!p) return false;
		} else if (depth <= 0 && !strchr(" \t\r\n", *p)) {
			return true;
		}
	}
	return false;
}

/* Rule 2: a tag inside h1 or h2. */
static bool formatted_heading(const char *html)
{
	for (const char *p = html; (p = strstr(p, "<h")) != NULL; p++) {
		if ((p[2] != '1' && p[2] != '2') || p[3] != '>') continue;
		const char *inner = strchr(p + 4, '<');
		if (inner && strncmp(inner, "</h", 3) != 0) return true;
	}
	return false;
}

/* Seed 002 §5's key rules: the one a TEXT item breaks. */
static Words markup_words(const Advert *ad, const char *path)
{
	int k, j;
	const char *html = "";
	if (sscanf(path, "description.sections[%d].items[%d]", &k, &j) == 2 && k >= 0 && k < ad->nsections &&
	    j >= 0 && j < ad->sections[k].nitems && ad->sections[k].items[j].content)
		html = ad->sections[k].items[j].content;
	if (outside_tags(html))
		return (Words){"You must put content in HTML tags. Use only lower case letters in HTML tag.",
			"Treść musi być umieszczona w znacznikach HTML. W znacznikach używaj tylko małych liter."};
	if (formatted_heading(html))
		return (Words){"You cannot format h1 and h2 tags.", "Nie możesz formatować znaczników h1 i h2."};
	return (Words){"You can use <b></b> tags in <p></p>, <ul></ul> and <ol></ol>, and <p></p> tags in "
		"<ul></ul> and <ol></ol>.", "Znacznika <b></b> możesz używać w <p></p>, <ul></ul> i <ol></ol>, "
		"a znacznika <p></p> w <ul></ul> i <ol></ol>."};
}

static Words text_words(Request *r, const Violation *v, const char *en, const char *pl)
{
	Arena *a = r->arena;
	switch (v->code) {
	case RULE_ENCODING:
		return (Words){arena_printf(a, "The %s is not valid UTF-8.", en), arena_printf(a, "%s nie jest poprawnym UTF-8.", pl)};
	case RULE_CAPITALS:
		return (Words){arena_printf(a, "The %s has too many capital letters.", en),
			arena_printf(a, "%s ma zbyt wiele wielkich liter.", pl)};
	case RULE_LINKS:
		return (Words){arena_printf(a, "The %s may not contain e-mail or web addresses.", en),
			arena_printf(a, "%s nie może zawierać adresów e-mail ani stron.", pl)};
	case RULE_PHONE_NUMBERS:
		return (Words){arena_printf(a, "The %s may not contain phone numbers.", en),
			arena_printf(a, "%s nie może zawierać numerów telefonów.", pl)};
	case RULE_PUNCTUATION:
		return (Words){arena_printf(a, "The %s has too many punctuation marks in a row.", en),
			arena_printf(a, "%s ma zbyt wiele znaków interpunkcyjnych z rzędu.", pl)};
	default:
		return (Words){arena_printf(a, "The %s is not valid.", en), arena_printf(a, "%s jest niepoprawny.", pl)};
	}
}

static Words title_words(Request *r, const Violation *v)
{
	switch (v->code) {
	case RULE_REQUIRED:
	case RULE_TOO_SHORT: return (Words){"The title may not be empty.", "Tytuł nie może być pusty."};
	case RULE_TOO_LONG:
		return (Words){arena_printf(r->arena, "The title cannot exceed %lld characters.", (long long)v->limit),
			arena_printf(r->arena, "Tytuł nie może przekraczać %lld znaków.", (long long)v->limit)};
	case RULE_CHARSET:
		return (Words){"The title may contain only the supported letters, numbers and special signs.",
			"Tytuł może zawierać tylko obsługiwane litery, cyfry i znaki specjalne."};
	default: return text_words(r, v, "title", "Tytuł");
	}
}

static Words description_words(Request *r, const Advert *ad, const Violation *v)
{
	switch (v->code) {
	case RULE_REQUIRED:
	case RULE_TOO_SHORT: return (Words){"Please describe your offer.", "Opisz swoją ofertę."};
	case RULE_TOO_LARGE:
		return (Words){arena_printf(r->arena, "The maximum description size you can transfer is %lld bytes.",
				(long long)v->limit),
			arena_printf(r->arena, "Opis może mieć najwyżej %lld bajtów.", (long long)v->limit)};
	case RULE_TOO_LONG:
		return (Words){arena_printf(r->arena, "The description cannot exceed %lld characters.", (long long)v->limit),
			arena_printf(r->arena, "Opis nie może przekraczać %lld znaków.", (long long)v->limit)};
	case RULE_TOO_MANY:
		return (Words){arena_printf(r->arena, "The description can have up to %lld sections.", (long long)v->limit),
			arena_printf(r->arena, "Opis może mieć najwyżej %lld sekcji.", (long long)v->limit)};
	case RULE_TAG_NOT_ALLOWED:
		return (Words){"Use only the following HTML tags: h1, h2, p, ul, ol, li, b.",
			"Używaj tylko znaczników HTML: h1, h2, p, ul, ol, li, b."};
	case RULE_MARKUP: return markup_words(ad, v->path);
	case RULE_NOT_IN_IMAGES:
		return (Words){"Use only images that are saved in the ad gallery that are transferred in the images array.",
			"Używaj tylko zdjęć z galerii ogłoszenia, przekazanych w tablicy images."};
	case RULE_URL_FORMAT:
	case RULE_UNREACHABLE:
		return (Words){"You can use only images you have previously transferred by calling POST on /sale/images.",
			"Możesz używać tylko zdjęć przesłanych wcześniej przez POST /sale/images."};
	default: return text_words(r, v, "description", "Opis");
	}
}

static Words parameter_words(Request *r, const Violation *v)
{
	const char *code = v->path + strlen("parameters[");
	int len = (int)strlen(code) - 1;
	if (v->code == RULE_UNKNOWN)
		return (Words){arena_printf(r->arena, "The category has no parameter %.*s.", len, code),
			arena_printf(r->arena, "Kategoria nie ma parametru %.*s.", len, code)};
	if (v->code == RULE_RANGE)
		return (Words){arena_printf(r->arena, "The range of parameter %.*s starts after it ends.", len, code),
			arena_printf(r->arena, "Zakres parametru %.*s zaczyna się po swoim końcu.", len, code)};
	return (Words){arena_printf(r->arena, "Invalid value of parameter %.*s.", len, code),
		arena_printf(r->arena, "Niepoprawna wartość parametru %.*s.", len, code)};
}

static Words required_words(Request *r, const char *p)
{
	static const struct { const char *path; Words w; } said[] = {
		{"price", {"You must select at least one selling mode and provide the required prices.",
			"Musisz wybrać co najmniej jeden format sprzedaży i podać wymagane ceny."}},
		{"payments.invoice", {"Payments may not be empty.", "Płatności nie mogą być puste."}},
		{"category", {"The category may not be empty.", "Kategoria nie może być pusta."}},
		{"contact", {"Contact may not be empty.", "Kontakt nie może być pusty."}},
		{"location.city", {"City may not be empty.", "Miejscowość nie może być pusta."}},
		{"location.region", {"Province is required in the case of countryCode PL.",
			"Województwo jest wymagane dla countryCode PL."}},
		{"location.post_code", {"Postal code is required in the case of Polish addresses.",
			"Kod pocztowy jest wymagany dla polskich adresów."}},
	};
	for (size_t i = 0; i < sizeof(said) / sizeof(said[0]); i++)
		if (strcmp(p, said[i].path) == 0 || (starts(p, "contact") && strcmp(said[i].path, "contact") == 0))
			return said[i].w;
	return (Words){arena_printf(r->arena, "%s may not be empty.", allegro_path(p)),
		arena_printf(r->arena, "%s nie może być puste.", allegro_path(p))};
}

static Words image_words(Request *r, const Violation *v)
{
	if (v->code == RULE_TOO_MANY)
		return (Words){arena_printf(r->arena, "You can add up to %lld images.", (long long)v->limit),
			arena_printf(r->arena, "Możesz dodać najwyżej %lld zdjęć.", (long long)v->limit)};
	return (Words){"You can use only images you have previously transferred by calling POST on /sale/images.",
		"Możesz używać tylko zdjęć przesłanych wcześniej przez POST /sale/images."};
}

/* The words for one violation. */
static Words words(Request *r, const Advert *ad, const Violation *v)
{
	const char *p = v->path;
	if (strcmp(p, "title") == 0) return title_words(r, v);
	if (starts(p, "description")) return description_words(r, ad, v);
	if (starts(p, "parameters[")) return parameter_words(r, v);
	if (starts(p, "images")) return image_words(r, v);
	switch (v->code) {
	case RULE_REQUIRED: return required_words(r, p);
	case RULE_NOT_FOUND:
		return strcmp(p, "category") == 0
			? (Words){"The category does not exist.", "Kategoria nie istnieje."}
			: (Words){"The contact does not exist. Retrieve it by calling GET /sale/offer-contacts.",
				"Kontakt nie istnieje. Pobierz go przez GET /sale/offer-contacts."};
	case RULE_NOT_LEAF:
		return (Words){"Ads can be listed in the lowest tier category only (\"leaf\": true).",
			"Ogłoszenia można wystawiać tylko w kategorii najniższego poziomu (\"leaf\": true)."};
	case RULE_POST_CODE_FORMAT:
		return (Words){"The postal code is not valid for the country.", "Kod pocztowy jest niepoprawny dla kraju."};
	case RULE_AMOUNT_TOO_LARGE: return (Words){"The price is too high.", "Cena jest zbyt wysoka."};
	default:
		return (Words){arena_printf(r->arena, "Invalid value of %s.", allegro_path(p)),
			arena_printf(r->arena, "Niepoprawna wartość %s.", allegro_path(p))};
	}
}

static bool location_empty(const AdvertLocation *l)
{
	return !l->city_id && !l->city_name && !l->region_id && !l->post_code && !l->country_code;
}

/* "Missing required parameters: Stan, Rozmiar." with the category's labels
 * (the marketplace's language, as the seed shows them), in its order. */
static const char *missing_parameters(Request *r, const Advert *ad, const Violations *vs, bool pl)
{
	const Attribute *defs;
	int n;
	if (category_attributes(&r->ctx, ad->category_id, &defs, &n) != 0) n = 0;
	Buf b = {0};
	buf_puts(&b, pl ? "Brak wymaganych parametrów: " : "Missing required parameters: ");
	int named = 0;
	for (int i = 0; i < n; i++) {
		const char *path = arena_printf(r->arena, "parameters[%s]", defs[i].code);
		if (defs[i].type != ATTR_ATTRIBUTE || !violations_has_rule(vs, RULE_REQUIRED, path)) continue;
		buf_printf(&b, "%s%s", named++ ? ", " : "", defs[i].label ? defs[i].label : defs[i].code);
	}
	buf_putc(&b, '.');
	const char *s = arena_strdup(r->arena, buf_cstr(&b));
	buf_free(&b);
	return named ? s : NULL;
}

static void add(Request *r, AllegroErrors *out, const char *path, Words w)
{
	allegro_errors_add(out, "VALIDATION_ERROR", path, w.en, allegro_say(r, w.en, w.pl));
}

void allegro_offer_errors(Request *r, const Advert *ad, const Violations *vs, RuleLevel level, AllegroErrors *out)
{
	bool no_location = location_empty(&ad->location), parameters_said = false, location_said = false;
	for (int i = 0; i < vs->n; i++) {
		const Violation *v = &vs->v[i];
		if (rule_level(v->code) > level && v->code != RULE_WORDED) continue;
		if (v->code == RULE_WORDED) {
			allegro_errors_add(out, "VALIDATION_ERROR", v->path, v->title, v->title);
			continue;
		}
		bool missing = v->code == RULE_REQUIRED;
		if (missing && no_location && starts(v->path, "location.")) {
			if (!location_said)
				add(r, out, "location", (Words){"Location may not be empty.", "Lokalizacja nie może być pusta."});
			location_said = true;
			continue;
		}
		if (missing && starts(v->path, "parameters[")) {
			const char *en = parameters_said ? NULL : missing_parameters(r, ad, vs, false);
			if (en) add(r, out, "parameters", (Words){en, missing_parameters(r, ad, vs, true)});
			parameters_said = true;
			continue;
		}
		add(r, out, allegro_path(v->path), words(r, ad, v));
	}
	/* Seed 002 §6: a company account's offer with no selling mode yet also
	 * lacks after sales conditions; a classified ad (ADVERTISEMENT, with
	 * its price) does without them, as the seed's complete draft shows. */
	if (level == RULES_PUBLISHABLE && ad->status == ADVERT_DRAFT && !ad->has_price && ad->advertiser_type &&
	    strcmp(ad->advertiser_type, "business") == 0)
		add(r, out, "afterSalesServices", (Words){
			"After sales service conditions (return policies, implied warranties) are required by company account.",
			"Warunki obsługi posprzedażowej (zasady zwrotów, reklamacje) są wymagane dla konta firmowego."});
}
