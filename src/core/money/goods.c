/* goods.c -- paid features and packets, bought through money_purchase
 * with the row of what was bought as its goods. */
#include "goods.h"

#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"

#define DAY 86400

int features_running(Ctx *c, const Advert *ad, MoneyFeature **out, int *n)
{
	/* Most listings never ran one, or their last has ended. */
	if (ad->features_to <= c->now) {
		*out = NULL;
		*n = 0;
		return 0;
	}
	return store_money_features(c->st, c->arena, ad->id, c->now, out, n);
}

/* The seller's listing, read in the purchase's transaction. */
static int listing_of(Ctx *c, const Actor *who, int64_t listing_id, Advert *ad)
{
	int rc = store_advert_get(c->st, c->arena, listing_id, ad);
	if (rc) return rc;
	if (ad->user_id != who->user_id || ad->status == ADVERT_DELETED ||
	    (ad->status == ADVERT_DRAFT && who->drafts_hidden))
		return SOUK_ENOTFOUND;
	return 0;
}

struct FeatureGoods {
	const Product *p;
	int64_t listing_id;
	int64_t from;		/* when it starts: now, or the end of the same one running */
};

static int feature_write(Ctx *c, const MoneyOp *op, void *u)
{
	struct FeatureGoods *g = u;
	MoneyFeature f = {.listing_id = g->listing_id, .product = g->p->code, .op_id = op->id,
		.starts_at = g->from, .valid_to = g->from + (int64_t)g->p->days * DAY};
	int64_t id;
	return store_money_feature_insert(c->st, &f, &id);
}

int feature_buy(Ctx *c, const Actor *who, int64_t listing_id, const char *code, MoneyMethod method,
	const char *key, const char *face, bool *bought)
{
	const Product *p = product_by_code(code);
	Advert ad;
	MoneyFeature *run;
	MoneyOp op;
	int n, rc;
	bool replayed;
	*bought = false;
	if (!p || p->kind != PRODUCT_FEATURE) return ctx_fail(c, SOUK_EINVAL, "code", "no such paid feature");
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = listing_of(c, who, listing_id, &ad)) != 0) goto fail;
	if (ad.status != ADVERT_ACTIVE) {
		rc = ctx_fail(c, SOUK_ESTATE, "ad", "paid features are for active listings");
		goto fail;
	}
	if ((rc = store_money_features(c->st, c->arena, listing_id, c->now, &run, &n)) != 0) goto fail;
	for (int i = 0; i < n; i++)
		if (strcmp(run[i].product, code) == 0) goto done;	/* running: a retry */
	MoneyOrder o = {.seller = ad.user_id, .face = face, .key = key, .method = method, .product = code,
		.listing_id = listing_id};
	if ((rc = money_price(c, ad.category_id, code, &o.amount)) != 0) goto fail;
	if ((rc = money_charge_step(c, who, &o, &op, &replayed)) != 0) goto fail;
	struct FeatureGoods g = {p, listing_id, c->now};
	if (!replayed && (rc = feature_write(c, &op, &g)) != 0) goto fail;
	*bought = !replayed;
done:
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

struct PacketGoods {
	const Product *p;
	int64_t category_id;
};

static int packet_write(Ctx *c, const MoneyOp *op, void *u)
{
	struct PacketGoods *g = u;
	char *uuid = arena_alloc(c->arena, CRYPTO_UUID_LEN + 1);
	crypto_random_uuid(uuid);
	MoneyPacket k = {.uuid = uuid, .user_id = op->user_id, .op_id = op->id, .product = g->p->code,
		.category_id = g->category_id, .size = g->p->size, .remaining = g->p->size,
		.activated_at = c->now, .active_to = c->now + (int64_t)g->p->days * DAY};
	int64_t id;
	return store_money_packet_insert(c->st, &k, &id);
}

static int packet_purchase(Ctx *c, const Actor *who, const Product *p, int64_t category_id, int64_t listing_id,
	MoneyMethod method, const char *key, const char *face)
{
	MoneyOrder o = {.seller = who->user_id, .face = face, .key = key, .method = method, .product = p->code,
		.listing_id = listing_id};
	MoneyOp op;
	bool replayed;
	int rc = money_price(c, category_id, p->code, &o.amount);
	if (rc) return rc;
	struct PacketGoods g = {p, category_id};
	return money_purchase(c, who, &o, packet_write, &g, &op, &replayed);
}

int packet_buy(Ctx *c, const Actor *who, int64_t category_id, const char *type, int64_t size,
	MoneyMethod method, const char *key, const char *face)
{
	const Product *p = product_packet(type ? type : "base", size);
	Category cat;
	if (!p || p->size == 1 || store_category_get(c->st, category_id, &cat) != 0) return SOUK_ENOTFOUND;
	return packet_purchase(c, who, p, category_id, 0, method, key, face);
}

int packet_buy_for_listing(Ctx *c, const Actor *who, int64_t listing_id, bool premium, MoneyMethod method,
	const char *key, const char *face)
{
	Advert ad;
	int rc = listing_of(c, who, listing_id, &ad);
	if (rc) return rc;
	return packet_purchase(c, who, product_packet(premium ? "mega" : "base", 1), ad.category_id, listing_id,
		method, key, face);
}

int packet_use(Ctx *c, int64_t seller, int64_t category_id, bool *used)
{
	int64_t chain[MONEY_CATEGORY_DEPTH];
	int n, rc = money_category_chain(c, category_id, chain, &n);
	*used = false;
	if (rc == SOUK_ENOTFOUND) {
		/* A category the tree no longer has: its own packets only. */
		chain[0] = category_id;
		n = 1;
		rc = 0;
	}
	for (int i = 0; rc == 0 && i < n && !*used; i++)
		rc = store_money_packet_take(c->st, seller, chain[i], c->now, used);
	return rc;
}

int packets_list(Ctx *c, int64_t seller, int active, bool by_expiry, int64_t offset, int64_t limit,
	MoneyPacket **out, int *n)
{
	return store_money_packets(c->st, c->arena, seller, c->now, active, by_expiry, offset, limit, out, n);
}
