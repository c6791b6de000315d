/* business.c -- business profiles: their rules, and the reads and writes
 * of a business account's own profile, logos and banners. */
#include "business.h"

#include <string.h>

#include "../../util/errors.h"
#include "../../util/utf8.h"
#include "../auth/accounts.h"
#include "../listing/rules.h"
#include "../listing/text_rules.h"
#include "../media/media.h"

/* --- the rules ------------------------------------------------------------ */

static void check_text(const char *path, const char *s, int64_t max, Violations *vs)
{
	if (!s) return;
	int64_t n = utf8_count(s, strlen(s));
	if (n < 0) violations_rule(vs, RULE_ENCODING, path);
	else if (n > max) violations_rule_n(vs, RULE_TOO_LONG, path, max, n);
}

static bool subdomain_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= BUSINESS_SUBDOMAIN_MIN && n <= BUSINESS_SUBDOMAIN_MAX &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n && s[0] != '-' && s[n - 1] != '-';
}

/* Violations borrow their paths: one literal per phone. */
static const char *const phone_paths[BUSINESS_PHONES_MAX] = {
	"phones[0]", "phones[1]", "phones[2]", "phones[3]", "phones[4]"};

bool business_check(const BusinessProfile *p, Violations *vs)
{
	int before = vs->n;
	if (!p->name || !*p->name) violations_rule(vs, RULE_REQUIRED, "name");
	check_text("name", p->name, BUSINESS_NAME_MAX, vs);
	check_text("description", p->description, BUSINESS_DESCRIPTION_MAX, vs);
	if (p->subdomain && !subdomain_ok(p->subdomain)) violations_rule(vs, RULE_INVALID, "subdomain");
	if (p->website_url && *p->website_url &&
	    (strlen(p->website_url) > BUSINESS_URL_MAX || !rules_url_ok(p->website_url)))
		violations_rule(vs, RULE_URL_FORMAT, "website_url");
	check_text("address.street", p->street, BUSINESS_FIELD_MAX, vs);
	check_text("address.number", p->number, BUSINESS_FIELD_MAX, vs);
	check_text("address.postcode", p->postcode, BUSINESS_FIELD_MAX, vs);
	check_text("address.city", p->city, BUSINESS_FIELD_MAX, vs);
	if (p->nphones > BUSINESS_PHONES_MAX)
		violations_rule_n(vs, RULE_TOO_MANY, "phones", BUSINESS_PHONES_MAX, p->nphones);
	for (int i = 0; i < p->nphones && i < BUSINESS_PHONES_MAX; i++)
		if (!p->phones[i] || text_check_phone(p->phones[i]) != RULE_NONE)
			violations_rule(vs, RULE_PHONE_FORMAT, phone_paths[i]);
	return vs->n == before;
}

/* --- the account's profile ------------------------------------------------ */

/* The business account acting, or SOUK_EDENIED (SOUK_ENOTFOUND for an app
 * on its own, which has no account). */
static int business_account(Ctx *c, const Actor *who, User *u)
{
	if (who->kind != ACTOR_USER || who->user_id <= 0) return SOUK_ENOTFOUND;
	int rc = user_get(c, who->user_id, u);
	if (rc) return rc;
	return u->is_business ? 0 : ctx_fail(c, SOUK_EDENIED, NULL, "not a business account");
}

static const char *newest_url(Ctx *c, int64_t user_id, BusinessImageKind kind)
{
	BusinessImage *list;
	int n;
	return store_business_images(c->st, c->arena, user_id, kind, &list, &n) == 0 && n ? list[0].url : NULL;
}

static int view(Ctx *c, const User *u, BusinessView *out)
{
	*out = (BusinessView){0};
	BusinessProfile *p = &out->profile;
	int rc = store_business_get(c->st, c->arena, u->id, p);
	if (rc == SOUK_ENOTFOUND) {
		*p = (BusinessProfile){.user_id = u->id, .name = u->name, .description = "", .website_url = "",
			.street = "", .number = "", .postcode = "", .city = ""};
		if (u->phone && *u->phone) p->phones[p->nphones++] = u->phone;
	} else if (rc) {
		return rc;
	}
	out->logo_url = newest_url(c, u->id, BUSINESS_LOGO);
	out->banner_url = newest_url(c, u->id, BUSINESS_BANNER);
	return 0;
}

int business_get(Ctx *c, const Actor *who, BusinessView *out)
{
	User u;
	int rc = business_account(c, who, &u);
	return rc ? rc : view(c, &u, out);
}

int business_replace(Ctx *c, const Actor *who, const BusinessProfile *in, Violations *vs,
	BusinessView *out)
{
	User u;
	int rc = business_account(c, who, &u);
	if (rc) return rc;
	if (!business_check(in, vs)) return SOUK_EINVAL;
	BusinessProfile p = *in;
	p.user_id = u.id;
	p.updated_at = c->now;
	if (p.subdomain && !*p.subdomain) p.subdomain = NULL;
	rc = store_business_put(c->st, &p);
	if (rc == SOUK_EEXIST) return ctx_fail(c, rc, "subdomain", "the subdomain is taken");
	return rc ? rc : view(c, &u, out);
}

/* --- logos and banners ----------------------------------------------------- */

int business_images(Ctx *c, const Actor *who, BusinessImageKind kind, BusinessImage **out, int *n)
{
	User u;
	int rc = business_account(c, who, &u);
	return rc ? rc : store_business_images(c->st, c->arena, u.id, kind, out, n);
}

static int room(Ctx *c, int64_t user_id, BusinessImageKind kind)
{
	int64_t n;
	int rc = store_business_image_count(c->st, user_id, kind, &n);
	if (rc) return rc;
	return n < BUSINESS_IMAGES_MAX ? 0 : ctx_fail(c, SOUK_ELIMIT, "url", "at most %d", BUSINESS_IMAGES_MAX);
}

int business_image_add(Ctx *c, const Actor *who, BusinessImageKind kind, const char *url,
	BusinessImage *out)
{
	User u;
	Image img;
	int rc = business_account(c, who, &u);
	/* Counted before the fetch (a full set costs no download) and again
	 * where the row is written, so racing uploads cannot pass the limit. */
	if (rc || (rc = room(c, u.id, kind)) != 0) return rc;
	if ((rc = media_image_upload_url(c, u.id, url, NULL, &img)) != 0) return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	/* Resolved in the row's transaction: the images job cannot remove the
	 * image between the upload and the row that keeps it. */
	if ((rc = room(c, u.id, kind)) != 0 || (rc = media_image_resolve(c, u.id, img.url, &img)) != 0) goto fail;
	*out = (BusinessImage){.image_id = img.id, .url = img.url, .created_at = c->now};
	if ((rc = store_business_image_insert(c->st, u.id, kind, out, &out->id)) != 0) goto fail;
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

int business_image_delete(Ctx *c, const Actor *who, BusinessImageKind kind, int64_t id)
{
	User u;
	int rc = business_account(c, who, &u);
	return rc ? rc : store_business_image_delete(c->st, u.id, kind, id);
}

int business_shown(Ctx *c, int64_t seller, const char **name, const char **logo_url)
{
	User u;
	BusinessView v;
	int rc = user_get(c, seller, &u);
	if (rc || !u.is_business) return rc ? rc : SOUK_ENOTFOUND;
	if ((rc = view(c, &u, &v)) != 0) return rc;
	if (!v.profile.name || !*v.profile.name) return SOUK_ENOTFOUND;
	*name = v.profile.name;
	*logo_url = v.logo_url;
	return 0;
}

int business_set_account(Ctx *c, int64_t user_id, bool business)
{
	return store_user_set_business(c->st, user_id, business);
}
