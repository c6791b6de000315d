/* money.c -- purchases, top-ups and the reading of a seller's money. Each
 * write runs under the store's write lock (BEGIN IMMEDIATE) and reads the
 * balance it spends inside it: of two purchases racing for the last money
 * the second sees what the first left. */
#include "money.h"

#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"

static const char *const pocket_names[POCKET_COUNT] = {"wallet", "bonus", "refund", "postpaid"};
static const char *const method_names[] = {"account", "postpaid"};

const char *money_pocket_name(MoneyPocket p)
{
	return p >= 0 && p < POCKET_COUNT ? pocket_names[p] : "wallet";
}

bool money_pocket_parse(const char *name, MoneyPocket *out)
{
	for (int i = 0; name && i < POCKET_COUNT; i++)
		if (strcmp(name, pocket_names[i]) == 0) {
			*out = (MoneyPocket)i;
			return true;
		}
	return false;
}

const char *money_method_name(MoneyMethod m)
{
	return method_names[m == MONEY_POSTPAID];
}

bool money_method_parse(const char *name, MoneyMethod *out)
{
	for (int i = 0; name && i < 2; i++)
		if (strcmp(name, method_names[i]) == 0) {
			*out = (MoneyMethod)i;
			return true;
		}
	return false;
}

/* --- reading ---------------------------------------------------------------- */

int money_balance(Ctx *c, int64_t seller, MoneyBalance *out)
{
	int rc = store_money_balances(c->st, seller, out->pocket);
	if (rc == 0) rc = store_money_postpaid(c->st, seller, &out->postpaid);
	out->sum = out->pocket[POCKET_WALLET] + out->pocket[POCKET_BONUS] + out->pocket[POCKET_REFUND];
	return rc;
}

int money_category_chain(Ctx *c, int64_t category_id, int64_t out[MONEY_CATEGORY_DEPTH], int *n)
{
	*n = 0;
	for (int64_t id = category_id; id != 0 && *n < MONEY_CATEGORY_DEPTH;) {
		Category cat;
		/* The stored tree, not the catalog's index: a price is asked
		 * inside write transactions, where the tree is what is stored. */
		int rc = store_category_get(c->st, id, &cat);
		if (rc) return rc;
		out[(*n)++] = id;
		id = cat.parent_id;
	}
	return 0;
}

int money_price(Ctx *c, int64_t category_id, const char *product, int64_t *amount)
{
	const Product *p = product_by_code(product);
	int64_t chain[MONEY_CATEGORY_DEPTH + 1];
	int n;
	if (!p) return SOUK_ENOTFOUND;
	int rc = money_category_chain(c, category_id, chain, &n);
	if (rc) return rc;
	chain[n++] = 0;	/* then the default row */
	for (int i = 0; i < n; i++)
		if ((rc = store_money_price(c->st, chain[i], product, amount)) != SOUK_ENOTFOUND) return rc;
	*amount = p->price;
	return 0;
}

int money_entries(Ctx *c, int64_t seller, int64_t offset, int64_t limit, MoneyEntry **out, int *n,
	int64_t *total)
{
	return store_money_entries(c->st, c->arena, seller, offset, limit, out, n, total);
}

/* --- operations ------------------------------------------------------------- */

/* The operation as this request asks for it, under its key (a fresh random
 * one when the caller has none). */
static int op_make(Ctx *c, const Actor *who, const char *face, const char *key, MoneyOp *op)
{
	if (key && (!*key || strlen(key) > MONEY_KEY_MAX))
		return ctx_fail(c, SOUK_EINVAL, "key", "an idempotency key holds 1 to %d bytes", MONEY_KEY_MAX);
	if (op->amount <= 0 || op->amount > MONEY_AMOUNT_MAX)
		return ctx_fail(c, SOUK_EINVAL, "amount", "an amount is above zero and at most %lld minor units",
			(long long)MONEY_AMOUNT_MAX);
	if (!key) {
		char *fresh = arena_alloc(c->arena, CRYPTO_UUID_LEN + 1);
		crypto_random_uuid(fresh);
		key = fresh;
	}
	op->idem_key = key;
	op->face = face;
	op->app_id = who->kind == ACTOR_USER || who->kind == ACTOR_APP ? who->app_id : 0;
	op->operator_id = who->operator_id;
	op->created_at = c->now;
	return 0;
}

static bool same_op(const MoneyOp *a, const MoneyOp *b)
{
	return strcmp(a->kind, b->kind) == 0 && strcmp(a->method, b->method) == 0 &&
		strcmp(a->product, b->product) == 0 && a->listing_id == b->listing_id && a->amount == b->amount;
}

/* The operation already stored under the key: *found and it in *out, or
 * SOUK_EEXIST when the key named another one. */
static int op_replay(Ctx *c, const MoneyOp *want, MoneyOp *out, bool *found)
{
	*found = false;
	int rc = store_money_op_find(c->st, c->arena, want->user_id, want->app_id, want->idem_key, out);
	if (rc == SOUK_ENOTFOUND) return 0;
	if (rc) return rc;
	if (!same_op(want, out))
		return ctx_fail(c, SOUK_EEXIST, "key", "this idempotency key was used for another operation");
	*found = true;
	return 0;
}

static int entry_add(Ctx *c, const MoneyOp *op, MoneyPocket pocket, bool credit, int64_t amount,
	int64_t *balance)
{
	*balance += credit ? amount : -amount;
	MoneyEntry e = {.op_id = op->id, .user_id = op->user_id, .pocket = pocket, .credit = credit,
		.amount = amount, .balance_after = *balance, .created_at = op->created_at};
	int64_t id;
	return store_money_entry_insert(c->st, &e, &id);
}

/* Debits the purchase from the pockets its method pays from. */
static int op_debit(Ctx *c, const MoneyOp *op, MoneyMethod method)
{
	MoneyBalance b;
	int rc = money_balance(c, op->user_id, &b);
	if (rc) return rc;
	if (method == MONEY_POSTPAID) {
		if (!b.postpaid) return ctx_fail(c, SOUK_EDENIED, "payment_method", "postpaid is not enabled");
		return entry_add(c, op, POCKET_POSTPAID, false, op->amount, &b.pocket[POCKET_POSTPAID]);
	}
	if (b.sum < op->amount) return ctx_fail(c, SOUK_EFUNDS, "payment_method", "not enough credits");
	/* Money the marketplace gave goes first; paid-in money last. */
	static const MoneyPocket order[] = {POCKET_BONUS, POCKET_REFUND, POCKET_WALLET};
	int64_t left = op->amount;
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]) && left > 0; i++) {
		int64_t take = b.pocket[order[i]] < left ? b.pocket[order[i]] : left;
		if (take <= 0) continue;
		if ((rc = entry_add(c, op, order[i], false, take, &b.pocket[order[i]])) != 0) return rc;
		left -= take;
	}
	return 0;
}

int money_charge_step(Ctx *c, const Actor *who, const MoneyOrder *o, MoneyOp *out, bool *replayed)
{
	MoneyOp op = {.user_id = o->seller, .kind = "purchase", .method = money_method_name(o->method),
		.product = o->product, .listing_id = o->listing_id, .amount = o->amount};
	int rc;
	*replayed = false;
	if (!product_by_code(o->product)) return ctx_fail(c, SOUK_EINVAL, "product", "no such product");
	if ((rc = op_make(c, who, o->face, o->key, &op)) != 0) return rc;
	if ((rc = store_money_touch(c->st, o->seller, c->now)) != 0) return rc;
	if ((rc = op_replay(c, &op, out, replayed)) != 0 || *replayed) return rc;
	if ((rc = store_money_op_insert(c->st, &op, &op.id)) != 0) return rc;
	if ((rc = op_debit(c, &op, o->method)) != 0) return rc;
	*out = op;
	return 0;
}

int money_purchase(Ctx *c, const Actor *who, const MoneyOrder *o, MoneyGoods goods, void *u, MoneyOp *out,
	bool *replayed)
{
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = money_charge_step(c, who, o, out, replayed)) != 0) goto fail;
	if (!*replayed && goods && (rc = goods(c, out, u)) != 0) goto fail;
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

int money_charge_listing(Ctx *c, int64_t listing_id, const char *key, int64_t *charged)
{
	Advert ad;
	const char **codes;
	int n, rc;
	bool postpaid, replayed;
	*charged = 0;
	if (!key || !*key) return ctx_fail(c, SOUK_EINVAL, "key", "a listing's fee is charged under a key");
	if ((rc = store_advert_get(c->st, c->arena, listing_id, &ad)) != 0) return rc;
	if ((rc = store_money_listing_packages(c->st, c->arena, listing_id, &codes, &n)) != 0) return rc;
	if ((rc = store_money_postpaid(c->st, ad.user_id, &postpaid)) != 0) return rc;
	for (int i = 0; i < n; i++) {
		MoneyOrder o = {.seller = ad.user_id, .face = "allegro", .product = codes[i], .listing_id = listing_id,
			.method = postpaid ? MONEY_POSTPAID : MONEY_ACCOUNT,
			.key = arena_printf(c->arena, "%s/%s", key, codes[i])};
		if ((rc = money_price(c, ad.category_id, codes[i], &o.amount)) != 0) return rc;
		if (o.amount == 0) continue;	/* a free package moves no money */
		MoneyOp op;
		if ((rc = money_charge_step(c, &actor_marketplace, &o, &op, &replayed)) != 0) return rc;
		if (!replayed) *charged += o.amount;
	}
	return 0;
}

/* --- the operator's controls ------------------------------------------------ */

int money_top_up(Ctx *c, const Actor *who, int64_t seller, MoneyPocket pocket, int64_t amount,
	const char *key, MoneyOp *out, bool *replayed)
{
	User u;
	MoneyOp op = {.user_id = seller, .kind = "top_up", .method = money_pocket_name(pocket),
		.product = money_pocket_name(pocket), .amount = amount};
	int rc;
	*replayed = false;
	if (pocket == POCKET_POSTPAID) return ctx_fail(c, SOUK_EINVAL, "pocket", "postpaid is settled, not topped up");
	if ((rc = op_make(c, who, "admin", key, &op)) != 0) return rc;
	if ((rc = store_user_by_id(c->st, c->arena, seller, &u)) != 0) return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = store_money_touch(c->st, seller, c->now)) != 0) goto fail;
	if ((rc = op_replay(c, &op, out, replayed)) != 0) goto fail;
	if (!*replayed) {
		int64_t b[POCKET_COUNT];
		if ((rc = store_money_op_insert(c->st, &op, &op.id)) != 0) goto fail;
		if ((rc = store_money_balances(c->st, seller, b)) != 0) goto fail;
		if ((rc = entry_add(c, &op, pocket, true, amount, &b[pocket])) != 0) goto fail;
		*out = op;
	}
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

int money_postpaid_enable(Ctx *c, int64_t seller, bool enabled)
{
	User u;
	int rc = store_user_by_id(c->st, c->arena, seller, &u);
	if (rc) return rc;
	return store_money_postpaid_set(c->st, seller, enabled, c->now);
}

int money_price_set(Ctx *c, int64_t category_id, const char *product, int64_t amount)
{
	if (!product_by_code(product)) return ctx_fail(c, SOUK_ENOTFOUND, "product", "no such product");
	if (amount < 0 || amount > MONEY_AMOUNT_MAX)
		return ctx_fail(c, SOUK_EINVAL, "amount", "a price is zero or more, at most %lld minor units",
			(long long)MONEY_AMOUNT_MAX);
	if (category_id != 0) {
		Category cat;
		int rc = store_category_get(c->st, category_id, &cat);
		if (rc) return rc == SOUK_ENOTFOUND ? ctx_fail(c, rc, "category_id", "no such category") : rc;
	}
	return store_money_price_put(c->st, category_id, product, amount, c->now);
}
