/* packages.h -- classifieds packages assigned to a listing (Allegro's base
 * package and extra options, seed 002 §7-8 and "Managing classified ads").
 * Before the listing is published its packages are only chosen: the
 * publication charges them (money_charge_listing). Once published the base
 * package is fixed, and an extra option added is bought at once. */
#ifndef SOUK_PACKAGES_H
#define SOUK_PACKAGES_H

#include "money.h"

#define PACKAGES_EXTRA_MAX 20	/* extra options named in one assignment */
#define PACKAGE_DEFAULT "package_basic"	/* the base of a listing published without one */

/* The listing's packages: *base (NULL: none) and its extras, as products.
 * SOUK_ENOTFOUND: no such listing of the seller's. */
int packages_of(Ctx *c, const Actor *who, int64_t listing_id, const Product **base, const Product ***extras,
	int *nextras);

/* Assigns base and extras (products of kind PRODUCT_PACKAGE, base of type
 * BASE, extras of type EXTRA). While the listing does not run (a draft,
 * or ended and waiting to be relisted) the assignment replaces the
 * listing's; after it the base must be the one assigned and extras not
 * yet assigned are bought now from the account (postpaid when enabled),
 * once per publication (a listing published without a base package has
 * PACKAGE_DEFAULT). *charged: what was taken. SOUK_ENOTFOUND: no such
 * listing of the seller's; SOUK_EINVAL (err_field "basePackage" or
 * "extraPackages"): a package of the wrong kind; SOUK_ESTATE: the base
 * changed after publication, or extras for a listing that does not run;
 * money_purchase's errors. */
int packages_assign(Ctx *c, const Actor *who, int64_t listing_id, const Product *base,
	const Product *const *extras, int nextras, int64_t *charged);

#endif
