/* rules.c -- the listing's rules as codes: text, category, contact, place,
 * money, parameters and images, every problem at once. */
#include "rules.h"

#include <string.h>

#include "../../net/remote.h"
#include "../../util/errors.h"
#include "../reference/categories.h"
#include "../reference/places.h"
#include "attributes.h"
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

static void check_amount(const char *path, int64_t minor, const RuleLimits *lim, Violations *vs)
{
	if (minor > lim->amount_max) violations_rule_n(vs, RULE_AMOUNT_TOO_LARGE, path, lim->amount_max, minor);
}

static void check_contact(const Advert *ad, Violations *vs)
{
	bool phone = ad->contact.phones[0] && *ad->contact.phones[0];
	if (!ad->contact.name) violations_rule(vs, RULE_REQUIRED, phone ? "contact.name" : "contact");
	if (phone && text_check_phone(ad->contact.phones[0]) != RULE_NONE)
		violations_rule(vs, RULE_PHONE_FORMAT, "contact.phone");
}

static void check_location(const Advert *ad, const ListingFacts *f, Violations *vs)
{
	const AdvertLocation *loc = &ad->location;
	if (!loc->city_id) {
		violations_rule(vs, RULE_REQUIRED, "location.city");
		return;
	}
	if (!f->city_found) {
		violations_rule(vs, RULE_NOT_FOUND, "location.city");
		return;
	}
	double lat = f->city.lat, lon = f->city.lon;
	if (loc->district_id) {
		if (f->district_found) {
			lat = f->district.lat;
			lon = f->district.lon;
		} else {
			violations_rule(vs, RULE_INVALID, "location.district");
		}
	}
	if (loc->has_coordinates &&
	    (loc->latitude < -90 || loc->latitude > 90 || loc->longitude < -180 || loc->longitude > 180 ||
	     places_distance_km(lat, lon, loc->latitude, loc->longitude) > RULES_COORDINATES_KM))
		violations_rule_n(vs, RULE_TOO_FAR, "location.coordinates", RULES_COORDINATES_KM, 0);
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

	check_text("title", ad->title, lim->title_min, lim->title_max, vs);
	check_text("description", ad->description, lim->description_min, lim->description_max, vs);
	if (!ad->category_id) violations_rule(vs, RULE_REQUIRED, "category");
	else if (!f->category_found) violations_rule(vs, RULE_NOT_FOUND, "category");
	else if (!f->category.is_leaf) violations_rule(vs, RULE_NOT_LEAF, "category");
	if (ad->external_url && !f->external_url_allowed) violations_rule(vs, RULE_NOT_PERMITTED, "external_url");
	check_contact(ad, vs);
	check_location(ad, f, vs);
	check_money(ad, lim, vs);
	if (f->category_found && f->category.is_leaf)
		attributes_check(a, f->attributes, f->nattributes, in->attrs, in->nattrs, ad, vs);
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

int rules_check_listing(Ctx *c, const Actor *who, const AdvertInput *in, RuleLevel level,
	Violations *vs)
{
	ListingFacts f;
	int rc = gather(c, who, &in->ad, &f);
	if (rc) return rc;
	rules_check_content(c->arena, in, &f, in->limits, vs);
	if (!violations_block(vs, level)) probe_images(c->arena, in, vs);
	return violations_block(vs, level) ? SOUK_EINVAL : 0;
}
