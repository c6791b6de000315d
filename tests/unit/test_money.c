/* test_money.c -- the ledger on a real store: prices found up the category
 * tree, top-ups and purchases as entries whose sums are the balances, bonus
 * spent before the wallet, "not enough credits" and postpaid refused
 * without a trace, a retried purchase charged once, goods that fail undoing
 * the charge, a listing's packages charged once per key, and purchases
 * racing on separate connections for money enough for some of them. */
#include "t.h"

#include <pthread.h>
#include <unistd.h>

#include "../../src/core/listing/adverts.h"
#include "../../src/core/money/goods.h"
#include "../../src/core/money/packages.h"
#include "../../src/core/reference/seed.h"
#include "../../src/util/errors.h"

static int64_t add_user(Store *st, const char *email)
{
	User u = {.email = email, .name = "", .password_hash = "!", .status = "confirmed", .created_at = 1};
	int64_t id = 0;
	CHECK(store_user_insert(st, &u, &id) == 0);
	return id;
}

/* Every pocket's kept balance is the sum of its entries. */
static bool balances_add_up(Store *st, int64_t user)
{
	int64_t kept[POCKET_COUNT], sums[POCKET_COUNT];
	if (store_money_balances(st, user, kept) || store_money_sums(st, user, sums)) return false;
	return memcmp(kept, sums, sizeof(kept)) == 0;
}

static int64_t entry_count(Ctx *c, int64_t user)
{
	MoneyEntry *e;
	int n;
	int64_t total = -1;
	CHECK(money_entries(c, user, 0, 1, &e, &n, &total) == 0);
	return total;
}

static void test_prices(Ctx *c)
{
	int64_t p;
	CHECK(money_price(c, 1581, "promoted_ad_7", &p) == 0 && p == product_by_code("promoted_ad_7")->price);
	CHECK(money_price(c, 1581, "no_such_thing", &p) == SOUK_ENOTFOUND);
	CHECK(money_price_set(c, 0, "promoted_ad_7", 3100) == 0);
	CHECK(money_price(c, 1581, "promoted_ad_7", &p) == 0 && p == 3100);
	/* The parent's price reaches its children; the child's own wins. */
	CHECK(money_price_set(c, 642, "promoted_ad_7", 3500) == 0);
	CHECK(money_price(c, 1581, "promoted_ad_7", &p) == 0 && p == 3500);
	CHECK(money_price(c, 87, "promoted_ad_7", &p) == 0 && p == 3100);
	CHECK(money_price_set(c, 1581, "promoted_ad_7", 3700) == 0);
	CHECK(money_price(c, 1581, "promoted_ad_7", &p) == 0 && p == 3700);
	CHECK(money_price(c, 1582, "promoted_ad_7", &p) == 0 && p == 3500);
	CHECK(money_price_set(c, 999999, "promoted_ad_7", 1) == SOUK_ENOTFOUND);
	CHECK(money_price_set(c, 0, "nothing", 1) == SOUK_ENOTFOUND);
	CHECK(money_price_set(c, 0, "bump_up", -1) == SOUK_EINVAL);
	CHECK(money_price(c, 999999, "bump_up", &p) == SOUK_ENOTFOUND);
}

struct Bought {
	int calls;
	int fail;
};

static int goods(Ctx *c, const MoneyOp *op, void *u)
{
	(void)c;
	struct Bought *b = u;
	b->calls++;
	return op->id > 0 && !b->fail ? 0 : SOUK_EINVAL;
}

static void test_purchases(Ctx *c, int64_t seller)
{
	Actor op = {.kind = ACTOR_OPERATOR, .operator_id = 1};
	Actor app = {.kind = ACTOR_USER, .user_id = seller, .app_id = 7};
	MoneyOp o;
	MoneyBalance b;
	bool replayed;

	/* Top-ups: a retry under its key credits once; the key for another
	 * amount is refused. */
	CHECK(money_top_up(c, &op, seller, POCKET_WALLET, 10000, "top-1", &o, &replayed) == 0 && !replayed);
	CHECK(money_top_up(c, &op, seller, POCKET_WALLET, 10000, "top-1", &o, &replayed) == 0 && replayed);
	CHECK(money_top_up(c, &op, seller, POCKET_WALLET, 20000, "top-1", &o, &replayed) == SOUK_EEXIST);
	CHECK(money_top_up(c, &op, seller, POCKET_BONUS, 500, "top-2", &o, &replayed) == 0);
	CHECK(money_top_up(c, &op, seller, POCKET_POSTPAID, 500, "top-3", &o, &replayed) == SOUK_EINVAL);
	CHECK(money_top_up(c, &op, seller, POCKET_WALLET, 0, "top-4", &o, &replayed) == SOUK_EINVAL);
	CHECK(money_top_up(c, &op, 999999, POCKET_WALLET, 100, "top-5", &o, &replayed) == SOUK_ENOTFOUND);
	CHECK(money_balance(c, seller, &b) == 0 && b.sum == 10500 && b.pocket[POCKET_WALLET] == 10000 &&
	      b.pocket[POCKET_BONUS] == 500 && !b.postpaid);

	/* A purchase spends the bonus first; its retry charges nothing more
	 * and does not buy again. */
	struct Bought got = {0};
	MoneyOrder buy = {.seller = seller, .face = "olx", .key = "buy-1", .method = MONEY_ACCOUNT,
		.product = "promoted_ad_7", .listing_id = 0, .amount = 2900};
	CHECK(money_purchase(c, &app, &buy, goods, &got, &o, &replayed) == 0 && !replayed && got.calls == 1);
	int64_t first = o.id;
	CHECK(money_purchase(c, &app, &buy, goods, &got, &o, &replayed) == 0 && replayed && got.calls == 1 &&
	      o.id == first);
	CHECK(money_balance(c, seller, &b) == 0 && b.sum == 7600 && b.pocket[POCKET_BONUS] == 0 &&
	      b.pocket[POCKET_WALLET] == 7600);
	/* The same key through another app is another purchase. */
	Actor other_app = app;
	other_app.app_id = 8;
	CHECK(money_purchase(c, &other_app, &buy, goods, &got, &o, &replayed) == 0 && !replayed && o.id != first);
	CHECK(money_balance(c, seller, &b) == 0 && b.sum == 4700);
	MoneyOrder changed = buy;
	changed.amount = 100;
	CHECK(money_purchase(c, &app, &changed, goods, &got, &o, &replayed) == SOUK_EEXIST);

	/* Refusals leave nothing behind. */
	int64_t entries = entry_count(c, seller);
	MoneyOrder big = {.seller = seller, .face = "olx", .key = "big", .method = MONEY_ACCOUNT,
		.product = "packet_base_50", .amount = 4701};
	CHECK(money_purchase(c, &app, &big, goods, &got, &o, &replayed) == SOUK_EFUNDS);
	big.method = MONEY_POSTPAID;
	CHECK(money_purchase(c, &app, &big, goods, &got, &o, &replayed) == SOUK_EDENIED);
	got.fail = 1;
	buy.key = "buy-fails";
	CHECK(money_purchase(c, &app, &buy, goods, &got, &o, &replayed) == SOUK_EINVAL);
	got.fail = 0;
	CHECK(entry_count(c, seller) == entries);
	CHECK(money_balance(c, seller, &b) == 0 && b.sum == 4700);
	/* The failed purchase's key bought nothing: it may buy now. */
	CHECK(money_purchase(c, &app, &buy, goods, &got, &o, &replayed) == 0 && !replayed);

	/* Postpaid once enabled: owed, the account untouched. */
	CHECK(money_postpaid_enable(c, seller, true) == 0);
	CHECK(money_purchase(c, &app, &big, goods, &got, &o, &replayed) == 0);
	CHECK(money_balance(c, seller, &b) == 0 && b.postpaid && b.sum == 1800 && b.pocket[POCKET_POSTPAID] == -4701);
	CHECK(balances_add_up(c->st, seller));
}

static void test_listing_fee(Ctx *c, int64_t seller)
{
	Advert ad = {.item_id = "moneyitem1", .user_id = seller, .status = ADVERT_DRAFT, .title = "Rower",
		.description = "Opis", .category_id = 1581, .salary_from_minor = -1, .salary_to_minor = -1,
		.courier = -1, .created_at = 10, .updated_at = 10};
	CHECK(store_advert_insert(c->st, &ad, &ad.id) == 0);
	int64_t charged = -1;
	/* No package: nothing to charge. */
	CHECK(money_charge_listing(c, ad.id, "task-1", &charged) == 0 && charged == 0);
	CHECK(store_money_listing_package_add(c->st, ad.id, "package_extended", c->now) == 0);
	CHECK(store_money_listing_package_add(c->st, ad.id, "package_extra_bold_10", c->now) == 0);
	CHECK(money_postpaid_enable(c, seller, false) == 0);
	Actor op = {.kind = ACTOR_OPERATOR, .operator_id = 1};
	MoneyOp o;
	bool replayed;
	CHECK(money_top_up(c, &op, seller, POCKET_REFUND, 4600, "fee-top", &o, &replayed) == 0);
	CHECK(store_begin(c->st) == 0);
	CHECK(money_charge_listing(c, ad.id, "task-1", &charged) == 0 && charged == 4900 + 1500);
	CHECK(store_commit(c->st) == 0);
	CHECK(money_charge_listing(c, ad.id, "task-1", &charged) == 0 && charged == 0);
	MoneyBalance b;
	CHECK(money_balance(c, seller, &b) == 0 && b.sum == 0);
	CHECK(money_charge_listing(c, ad.id, "task-2", &charged) == SOUK_EFUNDS);
	CHECK(money_charge_listing(c, 999999, "task-3", &charged) == SOUK_ENOTFOUND);
}

/* Features bought once while they run, only on active listings; packets
 * for a category serve its subcategories, and only past the quota. */
static void test_goods(Ctx *c)
{
	int64_t seller = add_user(c->st, "goods@x.test");
	Actor op = {.kind = ACTOR_OPERATOR, .operator_id = 1};
	Actor who = {.kind = ACTOR_USER, .user_id = seller, .app_id = 3};
	Actor stranger = {.kind = ACTOR_USER, .user_id = seller + 1000, .app_id = 3};
	MoneyOp o;
	MoneyBalance b;
	bool replayed, bought;
	CHECK(money_top_up(c, &op, seller, POCKET_WALLET, 100000, "goods-top", &o, &replayed) == 0);
	Advert ad = {.item_id = "goodsitem1", .user_id = seller, .status = ADVERT_ACTIVE, .title = "Rower",
		.description = "Opis", .category_id = 1581, .salary_from_minor = -1, .salary_to_minor = -1,
		.courier = -1, .created_at = 10, .updated_at = 10};
	CHECK(store_advert_insert(c->st, &ad, &ad.id) == 0);
	CHECK(feature_buy(c, &who, ad.id, "highlight", MONEY_ACCOUNT, NULL, "olx", &bought) == 0 && bought);
	CHECK(feature_buy(c, &who, ad.id, "highlight", MONEY_ACCOUNT, NULL, "olx", &bought) == 0 && !bought);
	CHECK(money_balance(c, seller, &b) == 0 && b.sum == 100000 - product_by_code("highlight")->price);
	MoneyFeature *f;
	int n;
	/* The purchase raised the listing's own mark, which the read carries:
	 * the features are asked for while it lies ahead, and not once the
	 * clock reaches it. */
	Advert read;
	CHECK(store_advert_get(c->st, c->arena, ad.id, &read) == 0 && read.features_to == c->now + 7 * 86400);
	CHECK(features_running(c, &read, &f, &n) == 0 && n == 1 && f[0].valid_to == c->now + 7 * 86400);
	int64_t now = c->now;
	c->now = read.features_to;
	CHECK(features_running(c, &read, &f, &n) == 0 && n == 0);
	c->now = now;
	CHECK(feature_buy(c, &who, ad.id, "packet_base_5", MONEY_ACCOUNT, NULL, "olx", &bought) == SOUK_EINVAL);
	CHECK(feature_buy(c, &stranger, ad.id, "bump_up", MONEY_ACCOUNT, NULL, "olx", &bought) == SOUK_ENOTFOUND);
	Advert ended = ad;
	ended.item_id = "goodsitem2";
	ended.status = ADVERT_REMOVED_BY_USER;
	CHECK(store_advert_insert(c->st, &ended, &ended.id) == 0);
	CHECK(feature_buy(c, &who, ended.id, "bump_up", MONEY_ACCOUNT, NULL, "olx", &bought) == SOUK_ESTATE);

	CHECK(packet_buy(c, &who, 1581, "base", 123, MONEY_ACCOUNT, NULL, "olx") == SOUK_ENOTFOUND);
	CHECK(packet_buy(c, &who, 1581, "base", 1, MONEY_ACCOUNT, NULL, "olx") == SOUK_ENOTFOUND);
	CHECK(packet_buy(c, &who, 999999, "base", 5, MONEY_ACCOUNT, NULL, "olx") == SOUK_ENOTFOUND);
	bool used;
	CHECK(packet_use(c, seller, 1581, &used) == 0 && !used);
	/* Bought for the parent category, used by its leaf; not elsewhere. */
	CHECK(packet_buy(c, &who, 642, "base", 5, MONEY_ACCOUNT, NULL, "olx") == 0);
	CHECK(packet_use(c, seller, 1755, &used) == 0 && !used);
	CHECK(packet_use(c, seller, 1581, &used) == 0 && used);
	MoneyPacket *k;
	CHECK(packets_list(c, seller, 1, false, 0, 10, &k, &n) == 0 && n == 1 && k[0].remaining == 4 &&
	      k[0].price == product_by_code("packet_base_5")->price);
	/* Past its end it serves nobody. */
	c->now += 31 * 86400;
	CHECK(packet_use(c, seller, 1581, &used) == 0 && !used);
	CHECK(packets_list(c, seller, 0, false, 0, 10, &k, &n) == 0 && n == 1);
	c->now -= 31 * 86400;
	CHECK(balances_add_up(c->st, seller));
}

/* A draft's packages are chosen and replaced; once it runs its base is
 * fixed and an extra option is bought once per publication. */
static void test_packages(Ctx *c)
{
	int64_t seller = add_user(c->st, "packages@x.test");
	Actor who = {.kind = ACTOR_USER, .user_id = seller, .app_id = 5};
	Actor op = {.kind = ACTOR_OPERATOR, .operator_id = 1};
	const Product *basic = product_by_code("package_basic"), *extended = product_by_code("package_extended"),
		*extra = product_by_code("package_extra_bold_10");
	const Product *extras[] = {extra, extra}, *base, **got;
	int64_t charged;
	int n;
	MoneyOp o;
	bool replayed;
	Advert ad = {.item_id = "packitem1", .user_id = seller, .status = ADVERT_DRAFT, .title = "Rower",
		.description = "Opis", .category_id = 1581, .salary_from_minor = -1, .salary_to_minor = -1,
		.courier = -1, .created_at = 10, .updated_at = 10};
	CHECK(store_advert_insert(c->st, &ad, &ad.id) == 0);
	CHECK(packages_of(c, &who, ad.id, &base, &got, &n) == 0 && !base && n == 0);
	CHECK(packages_assign(c, &who, ad.id, extra, NULL, 0, &charged) == SOUK_EINVAL);
	CHECK(packages_assign(c, &who, ad.id, basic, &basic, 1, &charged) == SOUK_EINVAL);
	CHECK(packages_assign(c, &who, ad.id, extended, extras, 1, &charged) == 0 && charged == 0);
	CHECK(packages_assign(c, &who, ad.id, basic, NULL, 0, &charged) == 0 && charged == 0);
	CHECK(packages_of(c, &who, ad.id, &base, &got, &n) == 0 && base == basic && n == 0);
	Actor stranger = who;
	stranger.user_id = seller + 1000;
	CHECK(packages_assign(c, &stranger, ad.id, basic, NULL, 0, &charged) == SOUK_ENOTFOUND);
	/* Running: the base is fixed; the extra is bought once, whole or not at all. */
	Advert live = ad;
	live.status = ADVERT_ACTIVE;
	live.activated_at = c->now;
	CHECK(store_advert_set_status(c->st, &live, ADVERT_DRAFT) == 0);
	CHECK(packages_assign(c, &who, ad.id, extended, NULL, 0, &charged) == SOUK_ESTATE);
	CHECK(packages_assign(c, &who, ad.id, basic, extras, 2, &charged) == SOUK_EFUNDS);
	CHECK(packages_of(c, &who, ad.id, &base, &got, &n) == 0 && n == 0);
	CHECK(money_top_up(c, &op, seller, POCKET_WALLET, 10000, "pack-top", &o, &replayed) == 0);
	CHECK(packages_assign(c, &who, ad.id, basic, extras, 2, &charged) == 0 && charged == extra->price);
	CHECK(packages_assign(c, &who, ad.id, basic, extras, 1, &charged) == 0 && charged == 0);
	CHECK(packages_of(c, &who, ad.id, &base, &got, &n) == 0 && base == basic && n == 1 && got[0] == extra);
	MoneyBalance b;
	CHECK(money_balance(c, seller, &b) == 0 && b.sum == 10000 - extra->price);
	/* They end with the publication whatever ends it, here the clock, not
	 * only an Allegro END command: a relisting chooses and pays again. */
	live.valid_to = c->now - 1;
	CHECK(store_advert_set_status(c->st, &live, ADVERT_ACTIVE) == 0);
	CHECK(adverts_job_expire(c) >= 1);
	Advert ended;
	CHECK(store_advert_get(c->st, c->arena, ad.id, &ended) == 0 && ended.status == ADVERT_OUTDATED);
	CHECK(packages_of(c, &who, ad.id, &base, &got, &n) == 0 && !base && n == 0);
}

/* --- the race: separate connections, money for RACE_WINS purchases ---------- */

#define RACE_BUYERS 8
#define RACE_WINS 3

struct Racer {
	const char *path;
	int64_t seller;
	int n;
	int rc;
};

static void *race_buy(void *u)
{
	struct Racer *r = u;
	Store *st;
	if (store_open(r->path, &st) != 0) {
		r->rc = SOUK_ESTORE;
		return NULL;
	}
	Arena *a = arena_new();
	Ctx c = {.arena = a, .st = st, .now = 2000};
	Actor who = {.kind = ACTOR_USER, .user_id = r->seller, .app_id = 1};
	MoneyOrder o = {.seller = r->seller, .face = "olx", .key = arena_printf(a, "race-%d", r->n),
		.method = MONEY_ACCOUNT, .product = "bump_up", .amount = 900};
	MoneyOp op;
	bool replayed;
	r->rc = money_purchase(&c, &who, &o, NULL, NULL, &op, &replayed);
	arena_free(a);
	store_close(st);
	return NULL;
}

static void test_race(const char *path, Ctx *c)
{
	int64_t seller = add_user(c->st, "racer@x.test");
	Actor op = {.kind = ACTOR_OPERATOR, .operator_id = 1};
	MoneyOp o;
	bool replayed;
	CHECK(money_top_up(c, &op, seller, POCKET_WALLET, 900 * RACE_WINS + 899, "race-top", &o, &replayed) == 0);
	pthread_t th[RACE_BUYERS];
	struct Racer r[RACE_BUYERS];
	for (int i = 0; i < RACE_BUYERS; i++) {
		r[i] = (struct Racer){.path = path, .seller = seller, .n = i};
		pthread_create(&th[i], NULL, race_buy, &r[i]);
	}
	int won = 0, short_of_money = 0;
	for (int i = 0; i < RACE_BUYERS; i++) {
		pthread_join(th[i], NULL);
		won += r[i].rc == 0;
		short_of_money += r[i].rc == SOUK_EFUNDS;
	}
	CHECK(won == RACE_WINS && short_of_money == RACE_BUYERS - RACE_WINS);
	MoneyBalance b;
	CHECK(money_balance(c, seller, &b) == 0 && b.sum == 899);
	CHECK(balances_add_up(c->st, seller));
}

void test_money(void)
{
	char path[64];
	snprintf(path, sizeof(path), "/tmp/souk-unit-money-%d.db", (int)getpid());
	unlink(path);
	Store *st;
	CHECK(store_open(path, &st) == 0);
	CHECK(store_migrate(st, NULL) == 0);
	Arena *a = arena_new();
	Ctx c = {.arena = a, .st = st, .now = 1000};
	CHECK(seed_reference(&c) == 0);	/* the category tree prices are found in */
	int64_t seller = add_user(st, "money@x.test");
	test_prices(&c);
	test_purchases(&c, seller);
	test_listing_fee(&c, seller);
	test_goods(&c);
	test_packages(&c);
	test_race(path, &c);
	arena_free(a);
	store_close(st);
	char wal[80];
	unlink(path);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
}
