/* packages.c -- a listing's classifieds packages, chosen before its
 * publication and extended after it. */
#include "packages.h"

#include <string.h>

#include "../../util/errors.h"

/* The seller's listing (any status but deleted), read in the caller's
 * transaction when there is one. */
static int listing_of(Ctx *c, const Actor *who, int64_t id, Advert *ad)
{
	int rc = store_advert_get(c->st, c->arena, id, ad);
	if (rc) return rc;
	return ad->user_id == who->user_id && ad->status != ADVERT_DELETED ? 0 : SOUK_ENOTFOUND;
}

static int assigned(Ctx *c, int64_t listing_id, const Product **base, const Product ***extras, int *nextras)
{
	const char **codes;
	int n;
	int rc = store_money_listing_packages(c->st, c->arena, listing_id, &codes, &n);
	if (rc) return rc;
	*base = NULL;
	*extras = arena_alloc(c->arena, sizeof(**extras) * (size_t)(n ? n : 1));
	*nextras = 0;
	for (int i = 0; i < n; i++) {
		const Product *p = product_by_code(codes[i]);
		if (!p) continue;	/* a product the catalogue dropped */
		if (strcmp(p->type, "BASE") == 0) *base = p;
		else (*extras)[(*nextras)++] = p;
	}
	return 0;
}

int packages_of(Ctx *c, const Actor *who, int64_t listing_id, const Product **base, const Product ***extras,
	int *nextras)
{
	Advert ad;
	int rc = listing_of(c, who, listing_id, &ad);
	return rc ? rc : assigned(c, listing_id, base, extras, nextras);
}

static bool is_package(const Product *p, const char *type)
{
	return p && p->kind == PRODUCT_PACKAGE && strcmp(p->type, type) == 0;
}

static bool has(const Product *const *list, int n, const Product *p)
{
	for (int i = 0; i < n; i++)
		if (list[i] == p) return true;
	return false;
}

/* An extra option bought for a running listing: charged once for this
 * publication (keyed by when it started) and assigned. */
static int extra_buy(Ctx *c, const Actor *who, const Advert *ad, const Product *p, int64_t *charged)
{
	bool postpaid, replayed;
	MoneyOp op;
	MoneyOrder o = {.seller = ad->user_id, .face = "allegro", .product = p->code, .listing_id = ad->id,
		.key = arena_printf(c->arena, "offer/%lld/extra/%s/%lld", (long long)ad->id, p->code,
			(long long)ad->activated_at)};
	int rc = store_money_postpaid(c->st, ad->user_id, &postpaid);
	if (rc == 0) rc = money_price(c, ad->category_id, p->code, &o.amount);
	if (rc) return rc;
	o.method = postpaid ? MONEY_POSTPAID : MONEY_ACCOUNT;
	if (o.amount > 0 && (rc = money_charge_step(c, who, &o, &op, &replayed)) != 0) return rc;
	if (o.amount > 0 && !replayed) *charged += o.amount;
	return store_money_listing_package_add(c->st, ad->id, p->code, c->now);
}

int packages_assign(Ctx *c, const Actor *who, int64_t listing_id, const Product *base,
	const Product *const *extras, int nextras, int64_t *charged)
{
	Advert ad;
	const Product *had_base, **had;
	int nhad, rc;
	*charged = 0;
	if (!is_package(base, "BASE"))
		return ctx_fail(c, SOUK_EINVAL, "basePackage", "the base package is not a base package");
	for (int i = 0; i < nextras; i++)
		if (!is_package(extras[i], "EXTRA"))
			return ctx_fail(c, SOUK_EINVAL, "extraPackages", "an extra package is not an extra option");
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = listing_of(c, who, listing_id, &ad)) != 0) goto fail;
	if ((rc = assigned(c, listing_id, &had_base, &had, &nhad)) != 0) goto fail;
	if (ad.status == ADVERT_DRAFT || ad.status == ADVERT_REMOVED_BY_USER || ad.status == ADVERT_OUTDATED) {
		/* Chosen, not bought: the next publication charges what is
		 * assigned. */
		if ((rc = store_money_listing_packages_clear(c->st, listing_id)) != 0) goto fail;
		if ((rc = store_money_listing_package_add(c->st, listing_id, base->code, c->now)) != 0) goto fail;
		for (int i = 0; i < nextras; i++)
			if ((rc = store_money_listing_package_add(c->st, listing_id, extras[i]->code, c->now)) != 0)
				goto fail;
		return store_commit(c->st);
	}
	/* A listing published without a package runs on the basic one. */
	if (!had_base) {
		had_base = product_by_code(PACKAGE_DEFAULT);
		if ((rc = store_money_listing_package_add(c->st, listing_id, had_base->code, c->now)) != 0) goto fail;
	}
	if (had_base != base) {
		rc = ctx_fail(c, SOUK_ESTATE, "basePackage", "the base package cannot change once the offer is published");
		goto fail;
	}
	for (int i = 0; i < nextras; i++) {
		if (has(had, nhad, extras[i]) || has(extras, i, extras[i])) continue;
		if (ad.status != ADVERT_ACTIVE) {
			rc = ctx_fail(c, SOUK_ESTATE, "extraPackages", "extra options are bought for a running offer");
			goto fail;
		}
		if ((rc = extra_buy(c, who, &ad, extras[i], charged)) != 0) goto fail;
	}
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}
