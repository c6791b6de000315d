/* rules.c -- the listing's rules as codes: text, category, contact, place,
 * money, parameters and images, every problem at once. */
#include "rules.h"

#include <stdint.h>
#include <string.h>

#include "../../net/remote.h"
#include "../../util/errors.h"
#include "../../util/utf8.h"
#include "../reference/categories.h"
#include "../reference/places.h"
#include "attributes.h"
#include "description.h"
#include "markup.h"
#include "text_rules.h"

bool rules_url_ok(const char *u)
{
	return u && (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0) &&
	       strlen(u) > 10 && !strpbrk(u, " \t\r\n\"<>");
}

/* A title or description: required to go live; when given, the face's
 * length limits and the marketplace's detectors. "" is given, and short. */
static void check_text(const char *path, const char *s, int64_t min, int64_t max, Violations *vs)
{
	TextViolations tv;
	if (!s) {
		violations_rule(vs, RULE_REQUIRED, path);
		return;
	}
	text_check(s, strlen(s), min, max, &tv);
	for (int i = 0; i < tv.n; i++) {
		RuleCode code = tv.rule[i];
		int64_t limit = code == RULE_TOO_SHORT ? min : code == RULE_TOO_LONG ? max : 0;
		violations_rule_n(vs, code, path, limit, tv.chars);
	}
}

/* The title, with the face's character set and way of counting: counted
 * as entities, the limits apply to that count, the detectors to the text. */
static void check_title(const char *s, const RuleLimits *lim, Violations *vs)
{
	bool entities = s && lim->title_entities;
	check_text("title", s, entities ? 0 : lim->title_min, entities ? INT64_MAX : lim->title_max, vs);
	if (!s || !utf8_valid(s, strlen(s))) return;
	if (entities) {
		int64_t n = text_entity_length(s, strlen(s));
		if (n < lim->title_min) violations_rule_n(vs, RULE_TOO_SHORT, "title", lim->title_min, n);
		if (n > lim->title_max) violations_rule_n(vs, RULE_TOO_LONG, "title", lim->title_max, n);
	}
	if (lim->title_charset && !text_in_charset(s, strlen(s), lim->title_charset))
		violations_rule(vs, RULE_CHARSET, "title");
}

static void check_amount(const char *path, int64_t minor, const RuleLimits *lim, Violations *vs)
{
	if (minor > lim->amount_max) violations_rule_n(vs, RULE_AMOUNT_TOO_LARGE, path, lim->amount_max, minor);
}

static bool given(const char *s) { return s && *s; }

void rules_check_contact(Arena *a, const Contact *c, int emails, int phones, Violations *vs)
{
	bool reachable = given(c->email);
	for (int i = 0; i < CONTACT_PHONES_MAX; i++) reachable |= given(c->phones[i]);
	if (!c->name) {
		/* Nothing at all is a missing contact; a phone without a name, a missing name. */
		violations_rule(vs, RULE_REQUIRED, reachable ? "contact.name" : "contact");
	} else if (!*c->name) {
		violations_rule(vs, RULE_REQUIRED, "contact.name");
	} else {
		int64_t chars = utf8_count(c->name, strlen(c->name));
		if (chars < 0) violations_rule(vs, RULE_ENCODING, "contact.name");
		else if (chars > RULES_CONTACT_NAME_MAX)
			violations_rule_n(vs, RULE_TOO_LONG, "contact.name", RULES_CONTACT_NAME_MAX, chars);
	}
	if (emails > 1) violations_rule_n(vs, RULE_TOO_MANY, "contact.emails", 1, emails);
	if (given(c->email) && text_check_email(c->email) != RULE_NONE)
		violations_rule(vs, RULE_EMAIL_FORMAT, "contact.email");
	else if (given(c->email) && strlen(c->email) > RULES_CONTACT_EMAIL_MAX)
		violations_rule_n(vs, RULE_TOO_LONG, "contact.email", RULES_CONTACT_EMAIL_MAX,
			(int64_t)strlen(c->email));
	if (phones > CONTACT_PHONES_MAX)
		violations_rule_n(vs, RULE_TOO_MANY, "contact.phones", CONTACT_PHONES_MAX, phones);
	for (int i = 0; i < CONTACT_PHONES_MAX; i++)
		if (given(c->phones[i]) && text_check_phone(c->phones[i]) != RULE_NONE)
			violations_rule(vs, RULE_PHONE_FORMAT, arena_printf(a, "contact.phones[%d]", i));
}

/* Polish post codes are "NN-NNN"; elsewhere 2 to 10 letters, digits, spaces
 * and hyphens, starting with a letter or digit. */
static bool post_code_ok(const char *country, const char *code)
{
	size_t n = strlen(code);
	if (!country || strcmp(country, "PL") == 0)
		return n == 6 && code[2] == '-' && strspn(code, "0123456789") == 2 &&
		       strspn(code + 3, "0123456789") == 3;
	if (n < 2 || n > 10 || code[0] == ' ' || code[0] == '-') return false;
	return strspn(code, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -") == n;
}

static void check_location(const AdvertLocation *l, const ListingFacts *f, Violations *vs)
{
	if (l->post_code && !post_code_ok(l->country_code, l->post_code))
		violations_rule(vs, RULE_POST_CODE_FORMAT, "location.post_code");
	if (!l->city_id) {
		/* A city named by text (Allegro's location) stands for one of the
		 * places: in Poland names repeat across regions, so its region and
		 * post code say which. */
		if (!given(l->city_name)) violations_rule(vs, RULE_REQUIRED, "location.city");
		else if (!l->country_code || strcmp(l->country_code, "PL") == 0) {
			if (!l->region_id) violations_rule(vs, RULE_REQUIRED, "location.region");
			if (!given(l->post_code)) violations_rule(vs, RULE_REQUIRED, "location.post_code");
		}
		return;
	}
	if (!f->city_found) {
		violations_rule(vs, RULE_NOT_FOUND, "location.city");
		return;
	}
	double lat = f->city.lat, lon = f->city.lon;
	if (l->district_id) {
		if (f->district_found) {
			lat = f->district.lat;
			lon = f->district.lon;
		} else {
			violations_rule(vs, RULE_INVALID, "location.district");
		}
	}
	if (l->has_coordinates &&
	    (l->latitude < -90 || l->latitude > 90 || l->longitude < -180 || l->longitude > 180 ||
	     places_distance_km(lat, lon, l->latitude, l->longitude) > RULES_COORDINATES_KM))
		violations_rule_n(vs, RULE_TOO_FAR, "location.coordinates", RULES_COORDINATES_KM, 0);
}

static bool among_images(const AdvertInput *in, const char *url)
{
	for (int i = 0; i < in->nimages; i++)
		if (strcmp(in->images[i], url) == 0) return true;
	return false;
}

/* Sections a face sent (Allegro's description): TEXT items hold the small
 * markup, IMAGE items one of the listing's own images. */
static void check_sections(Arena *a, const AdvertInput *in, const RuleLimits *lim, Violations *vs)
{
	const Advert *ad = &in->ad;
	int64_t bytes = 0;
	if (ad->nsections > lim->sections_max)
		violations_rule_n(vs, RULE_TOO_MANY, "description.sections", lim->sections_max, ad->nsections);
	for (int k = 0; k < ad->nsections; k++)
		for (int j = 0; j < ad->sections[k].nitems; j++) {
			const DescItem *it = &ad->sections[k].items[j];
			bytes += it->content ? (int64_t)strlen(it->content) : 0;
			const char *path = arena_printf(a, "description.sections[%d].items[%d]", k, j);
			RuleCode code;
			if (it->type == DESC_TEXT) {
				const char *html = it->content ? it->content : "";
				if ((code = markup_check(html, strlen(html))) != RULE_NONE) violations_rule(vs, code, path);
			} else if (!rules_url_ok(it->content)) {
				violations_rule(vs, RULE_URL_FORMAT, path);
			} else if (!among_images(in, it->content)) {
				violations_rule(vs, RULE_NOT_IN_IMAGES, path);
			}
		}
	if (lim->description_bytes_max && bytes > lim->description_bytes_max)
		violations_rule_n(vs, RULE_TOO_LARGE, "description", lim->description_bytes_max, bytes);
}

static void check_money(const Advert *ad, const RuleLimits *lim, Violations *vs)
{
	if (ad->has_price) check_amount("price", ad->price_minor, lim, vs);
	if (!ad->salary_type) return;
	if (ad->salary_from_minor >= 0) check_amount("salary.from", ad->salary_from_minor, lim, vs);
	if (ad->salary_to_minor >= 0) check_amount("salary.to", ad->salary_to_minor, lim, vs);
	if (ad->salary_currency && text_check_currency(ad->salary_currency) != RULE_NONE)
		violations_rule(vs, RULE_CURRENCY_FORMAT, "salary.currency");
}

/* The photo cap holds in every category, leaf or not, and is counted
 * before any URL is fetched. */
static void check_images(Arena *a, const AdvertInput *in, const ListingFacts *f, const RuleLimits *lim,
	Violations *vs)
{
	int64_t cap = f->category_found ? f->category.photos_limit : lim->images_max;
	if (in->nimages > cap) violations_rule_n(vs, RULE_TOO_MANY, "images", cap, in->nimages);
	for (int i = 0; i < in->nimages; i++)
		if (!rules_url_ok(in->images[i]))
			violations_rule(vs, RULE_URL_FORMAT, arena_printf(a, "images[%d]", i));
}

void rules_check_content(Arena *a, const AdvertInput *in, const ListingFacts *f, const RuleLimits *lim,
	Violations *vs)
{
	const Advert *ad = &in->ad;

	/* A face that sends sections is held to the same text rules on their text. */
	const char *description = ad->description;
	if (!description && ad->nsections) description = description_to_text(a, ad->sections, ad->nsections);

	check_title(ad->title, lim, vs);
	check_text("description", description, lim->description_min, lim->description_max, vs);
	check_sections(a, in, lim, vs);
	if (!ad->category_id) violations_rule(vs, RULE_REQUIRED, "category");
	else if (!f->category_found) violations_rule(vs, RULE_NOT_FOUND, "category");
	else if (!f->category.is_leaf) violations_rule(vs, RULE_NOT_LEAF, "category");
	if (ad->external_url && !f->external_url_allowed) violations_rule(vs, RULE_NOT_PERMITTED, "external_url");
	int phones = 0;
	for (int i = 0; i < CONTACT_PHONES_MAX; i++) phones += given(ad->contact.phones[i]);
	rules_check_contact(a, &ad->contact, given(ad->contact.email), phones, vs);
	check_location(&ad->location, f, vs);
	check_money(ad, lim, vs);
	if (lim->invoice_required && !ad->invoice) violations_rule(vs, RULE_REQUIRED, "payments.invoice");
	if (f->category_found && f->category.is_leaf) {
		if (ad->nparams)
			attributes_check_params(a, f->attributes, f->nattributes, ad->params, ad->nparams, ad, vs);
		else
			attributes_check(a, f->attributes, f->nattributes, in->attrs, in->nattrs, ad, vs);
	}
	check_images(a, in, f, lim, vs);
}

/* Looks up what the checks need; a missing category or place is a fact
 * (found false), not an error. */
static int gather(Ctx *c, const Actor *who, const Advert *ad, ListingFacts *f)
{
	int rc;
	memset(f, 0, sizeof(*f));
	if (ad->external_url) {
		App app;
		rc = store_app_by_id(c->st, c->arena, who->app_id, &app);
		if (rc && rc != SOUK_ENOTFOUND) return rc;
		f->external_url_allowed = rc == 0 && app.external_url;
	}
	if (ad->category_id) {
		rc = category_get(c, ad->category_id, &f->category);
		if (rc && rc != SOUK_ENOTFOUND) return rc;
		f->category_found = rc == 0;
		if (f->category_found && f->category.is_leaf &&
		    (rc = category_attributes(c, ad->category_id, &f->attributes, &f->nattributes)) != 0)
			return rc;
	}
	if (ad->location.city_id) {
		rc = city_get(c, ad->location.city_id, &f->city);
		if (rc && rc != SOUK_ENOTFOUND) return rc;
		f->city_found = rc == 0;
	}
	if (f->city_found && ad->location.district_id) {
		rc = district_get(c, ad->location.district_id, &f->district);
		if (rc && rc != SOUK_ENOTFOUND) return rc;
		f->district_found = rc == 0 && f->district.city_id == f->city.id;
	}
	return 0;
}

/* The only place a listing's check goes to the network. */
static void probe_images(Arena *a, const AdvertInput *in, Violations *vs)
{
	bool *ok = arena_alloc(a, (size_t)in->nimages + 1);
	remote_check_urls((const char *const *)in->images, in->nimages, ok);
	for (int i = 0; i < in->nimages; i++)
		if (!ok[i]) violations_rule(vs, RULE_UNREACHABLE, arena_printf(a, "images[%d]", i));
}

int rules_check_offline(Ctx *c, const Actor *who, const AdvertInput *in, Violations *vs)
{
	ListingFacts f;
	int rc = gather(c, who, &in->ad, &f);
	if (rc) return rc;
	rules_check_content(c->arena, in, &f, in->limits, vs);
	return 0;
}

int rules_check_listing(Ctx *c, const Actor *who, const AdvertInput *in, RuleLevel level,
	Violations *vs)
{
	int rc = rules_check_offline(c, who, in, vs);
	if (rc) return rc;
	if (!violations_block(vs, level) && !(in->limits && (in->limits->hosted_images || in->limits->fetched_images)))
		probe_images(c->arena, in, vs);
	return violations_block(vs, level) ? SOUK_EINVAL : 0;
}
