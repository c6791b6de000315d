/* business.h -- business profiles (OLX's /users-business/me): the name,
 * description, address, phones, website and subdomain a business account
 * shows, and its logos and banners, which are images core/media fetches,
 * normalises and serves. Business accounts only (users.is_business, set
 * with `souk user create --business` or the operator's
 * PUT /api/admin/users/{id}/business): anyone else is SOUK_EDENIED.
 * The newest logo is the one the advert pages show. */
#ifndef SOUK_BUSINESS_H
#define SOUK_BUSINESS_H

#include "../actor.h"
#include "../ctx.h"
#include "../listing/violations.h"

#define BUSINESS_IMAGES_MAX 5		/* logos, and banners, each */
#define BUSINESS_NAME_MAX 100		/* characters */
#define BUSINESS_DESCRIPTION_MAX 5000
#define BUSINESS_FIELD_MAX 100		/* each address field */
#define BUSINESS_URL_MAX 255		/* bytes */
#define BUSINESS_SUBDOMAIN_MIN 3
#define BUSINESS_SUBDOMAIN_MAX 63

/* A profile with what it shows: the newest logo and banner (NULL: none). */
typedef struct BusinessView {
	BusinessProfile profile;
	const char *logo_url, *banner_url;
} BusinessView;

/* The rules of a profile, at paths "name", "description", "subdomain",
 * "website_url", "address.street|number|postcode|city", "phones",
 * "phones[<i>]": RULE_REQUIRED, RULE_TOO_LONG, RULE_ENCODING, RULE_INVALID
 * (a subdomain not of lower-case letters, digits and inner hyphens),
 * RULE_URL_FORMAT, RULE_TOO_MANY, RULE_PHONE_FORMAT. Pure. */
bool business_check(const BusinessProfile *p, Violations *vs);

/* The caller's profile; one never saved shows the account's name and phone. */
int business_get(Ctx *c, const Actor *who, BusinessView *out);
/* Replaces the whole profile: SOUK_EINVAL with vs, SOUK_EEXIST (the
 * subdomain is another business's). */
int business_replace(Ctx *c, const Actor *who, const BusinessProfile *in, Violations *vs,
	BusinessView *out);

/* Logos and banners: adding fetches the URL through core/media (its
 * errors: SOUK_EREF, SOUK_EINVAL, SOUK_ETOOBIG); SOUK_ELIMIT past
 * BUSINESS_IMAGES_MAX; deleting one that is not the caller's is
 * SOUK_ENOTFOUND. */
int business_images(Ctx *c, const Actor *who, BusinessImageKind kind, BusinessImage **out, int *n);
int business_image_add(Ctx *c, const Actor *who, BusinessImageKind kind, const char *url,
	BusinessImage *out);
int business_image_delete(Ctx *c, const Actor *who, BusinessImageKind kind, int64_t id);

/* For the public pages: the seller's business name and newest logo, when
 * the seller is a business with a name (else SOUK_ENOTFOUND). */
int business_shown(Ctx *c, int64_t seller, const char **name, const char **logo_url);

/* The operator makes an account a business, or a private one again. */
int business_set_account(Ctx *c, int64_t user_id, bool business);

#endif
