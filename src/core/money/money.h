/* money.h -- the ledger: one seller's money, whichever face spends it.
 *
 * Amounts are minor units of the site currency (grosze), never floating
 * point. Money sits in pockets (store.h MoneyPocket): wallet, bonus and
 * refund make the account; postpaid is what a seller the operator trusts
 * owes, charged onto the next monthly invoice. Every movement is an entry
 * and a pocket's balance is the sum of its entries.
 *
 * A purchase is whole or nothing: the charge and what was bought are
 * written in one transaction. It is named by (seller, app, idempotency
 * key): the same key again answers the first operation and charges
 * nothing; another purchase under a used key is SOUK_EEXIST. Writers queue
 * on the write lock and read the balance inside it, so two purchases never
 * spend the same money. Records are the store's MoneyOp and MoneyEntry. */
#ifndef SOUK_MONEY_H
#define SOUK_MONEY_H

#include "../actor.h"
#include "../ctx.h"
#include "products.h"

#define MONEY_KEY_MAX 255	/* bytes of an idempotency key */
#define MONEY_AMOUNT_MAX 100000000000LL	/* one billion in major units: far past any price */
#define MONEY_CURRENCY "PLN"
#define MONEY_CATEGORY_DEPTH 16	/* deeper than any tree: a loop in one cannot hang a lookup */

typedef enum MoneyMethod {
	MONEY_ACCOUNT = 0,	/* bonus first, then refund, then wallet */
	MONEY_POSTPAID,		/* only when the operator enabled it for the seller */
} MoneyMethod;

typedef struct MoneyBalance {
	int64_t pocket[POCKET_COUNT];	/* postpaid: zero or below, what is owed */
	int64_t sum;			/* wallet + bonus + refund: what the account can spend */
	bool postpaid;			/* the postpaid method is enabled */
} MoneyBalance;

/* What a purchase buys. */
typedef struct MoneyOrder {
	int64_t seller;
	const char *face;		/* "olx", "allegro", ...: where it was bought */
	const char *key;		/* idempotency key; NULL: this purchase only */
	MoneyMethod method;
	const char *product;		/* a product code (products.h) */
	int64_t listing_id;		/* what it is for; 0: the seller's account */
	int64_t amount;			/* > 0; the caller prices it (money_price) */
} MoneyOrder;

/* The bought thing, written in the purchase's transaction; a non-zero
 * return undoes the charge. op->id is the purchase. */
typedef int (*MoneyGoods)(Ctx *c, const MoneyOp *op, void *u);

/* Reading */
int money_balance(Ctx *c, int64_t seller, MoneyBalance *out);
/* The product's price in the category: the operator's for the category or
 * its nearest ancestor that has one, else the default row (category 0),
 * else the catalogue's. SOUK_ENOTFOUND: no such product. */
int money_price(Ctx *c, int64_t category_id, const char *product, int64_t *amount);
/* The category and its ancestors, nearest first (at most
 * MONEY_CATEGORY_DEPTH); SOUK_ENOTFOUND when one does not exist. */
int money_category_chain(Ctx *c, int64_t category_id, int64_t out[MONEY_CATEGORY_DEPTH], int *n);
/* A page of the seller's entries, newest first. */
int money_entries(Ctx *c, int64_t seller, int64_t offset, int64_t limit, MoneyEntry **out, int *n,
	int64_t *total);

/* Purchases. 0 and *out (out->id the purchase; *replayed when the key had
 * already bought it: nothing charged, goods not called again).
 * SOUK_EDENIED: postpaid is not enabled for the seller; SOUK_EFUNDS: the
 * account holds less than the amount; SOUK_EEXIST: the key named another
 * purchase; SOUK_EINVAL: amount or key out of range. */
int money_purchase(Ctx *c, const Actor *who, const MoneyOrder *o, MoneyGoods goods, void *u, MoneyOp *out,
	bool *replayed);
/* The same charge inside the caller's transaction (the caller writes what
 * was bought, and rolls back on any failure). */
int money_charge_step(Ctx *c, const Actor *who, const MoneyOrder *o, MoneyOp *out, bool *replayed);

/* A listing's classifieds packages: charged once per key, in the caller's
 * transaction, for the job that publishes it. Each package assigned to the
 * listing is one purchase priced in the listing's category (key "K/code"),
 * paid postpaid when the seller has it enabled, else from the account.
 * *charged: what this call took (0 on a replay, or with no package
 * assigned). Errors as money_purchase; SOUK_ENOTFOUND: no such listing.
 * The publication worker calls it with the key of its task, so a task run
 * twice charges once and a relisting (a new task) charges again. */
int money_charge_listing(Ctx *c, int64_t listing_id, const char *key, int64_t *charged);

/* The operator's controls: money into a pocket (wallet, bonus or refund;
 * idempotent by key like a purchase), the postpaid switch, prices. */
int money_top_up(Ctx *c, const Actor *who, int64_t seller, MoneyPocket pocket, int64_t amount,
	const char *key, MoneyOp *out, bool *replayed);
int money_postpaid_enable(Ctx *c, int64_t seller, bool enabled);
/* category 0: the default for every category without its own. */
int money_price_set(Ctx *c, int64_t category_id, const char *product, int64_t amount);

/* Names as stored and shown: "wallet", ...; MoneyMethod "account", "postpaid". */
const char *money_pocket_name(MoneyPocket p);
bool money_pocket_parse(const char *name, MoneyPocket *out);
const char *money_method_name(MoneyMethod m);
bool money_method_parse(const char *name, MoneyMethod *out);

#endif
