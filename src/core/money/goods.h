/* goods.h -- what a seller buys with the ledger's money (money.h): paid
 * features that promote one listing for some days, and packets, room for
 * more listings past the free limit in a category and its subcategories.
 * Each is written in the transaction of the purchase that paid for it. */
#ifndef SOUK_GOODS_H
#define SOUK_GOODS_H

#include "money.h"

/* The listing's features running now, soonest to end first. ad as read
 * by the store: one whose features_to is past asks nothing more. */
int features_running(Ctx *c, const Advert *ad, MoneyFeature **out, int *n);

/* Buys the feature `code` for the seller's listing, priced in its
 * category. A feature already running on it is not bought again (a retry
 * without a key): *bought false, nothing charged. SOUK_ENOTFOUND: no such
 * listing of the seller's; SOUK_EINVAL (err_field "code"): no such
 * feature; SOUK_ESTATE: the listing is not active; money_purchase's
 * errors. */
int feature_buy(Ctx *c, const Actor *who, int64_t listing_id, const char *code, MoneyMethod method,
	const char *key, const char *face, bool *bought);

/* Buys a packet of `size` listings of `type` (base, mega) for a category,
 * running PACKET_DAYS. SOUK_ENOTFOUND: the category has no such variant
 * (no such category, type or size, or size 1, which only an advert buys);
 * money_purchase's errors. */
int packet_buy(Ctx *c, const Actor *who, int64_t category_id, const char *type, int64_t size,
	MoneyMethod method, const char *key, const char *face);
/* A packet of one for the seller's listing, in its category (premium: the
 * mega one). SOUK_ENOTFOUND: no such listing of the seller's. */
int packet_buy_for_listing(Ctx *c, const Actor *who, int64_t listing_id, bool premium, MoneyMethod method,
	const char *key, const char *face);

/* The quota's hook (core/listing/quota.c): a listing past the free limit
 * takes one place from the seller's packet for its category or an
 * ancestor, the soonest to end first. *used false when none has room. In
 * the caller's transaction, which then makes the listing run. */
int packet_use(Ctx *c, int64_t seller, int64_t category_id, bool *used);

/* The seller's packets (see store_money_packets). */
int packets_list(Ctx *c, int64_t seller, int active, bool by_expiry, int64_t offset, int64_t limit,
	MoneyPacket **out, int *n);

#endif
