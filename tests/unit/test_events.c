/* test_events.c -- the event feed's payloads: which fields a replace
 * changed, the old and new price, the cause and end reason of a move; and
 * the fixed set of type names. */
#include "t.h"

#include "../../src/core/events/events.h"

static const AdvertImage images[] = {{"https://i.test/a.jpg"}, {"https://i.test/b.jpg"}};
static const char *used[] = {"used"};

static Advert base(void)
{
	static AdvertParam params[] = {{.code = "state", .value_ids = used, .nvalue_ids = 1}};
	Advert ad = {
		.id = 7, .user_id = 3, .title = "Rower", .description = "Rower miejski, mało używany",
		.category_id = 1529, .advertiser_type = "private",
		.contact = {.id = 5, .name = "Jan", .phones = {"500100200"}}, .location = {.city_id = 1},
		.images = images, .nimages = 2, .params = params, .nparams = 1, .has_price = true,
		.price_minor = 5000, .price_currency = "PLN", .salary_from_minor = -1,
		.salary_to_minor = -1, .courier = -1,
	};
	return ad;
}

static void test_changed_fields(Arena *a)
{
	Advert x = base(), y = base();
	CHECK(event_payload_changed(a, &x, &y) == NULL);
	/* the same text in another buffer is no change */
	char title[] = "Rower";
	y.title = title;
	CHECK(event_payload_changed(a, &x, &y) == NULL);

	static const char *fresh[] = {"new"};
	AdvertParam other = {.code = "state", .value_ids = fresh, .nvalue_ids = 1};
	y.title = "Rower górski";
	y.location.district_id = 4;
	y.params = &other;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"title\",\"location\",\"parameters\"]}");

	/* a price change alone is not a content change: it has its own event */
	y = base();
	y.price_minor = 4500;
	CHECK(event_payload_changed(a, &x, &y) == NULL);

	/* absent on one side only counts, both NULL does not */
	y = base();
	y.external_id = "sku-1";
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"external_id\"]}");
	y = base();
	y.contact.phones[0] = NULL;
	y.location.has_coordinates = true;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"contact\",\"location\"]}");
	/* another contact record with the same words is another contact */
	y = base();
	y.contact.id = 6;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"contact\"]}");
	/* images: order and count */
	static const AdvertImage swapped[] = {{"https://i.test/b.jpg"}, {"https://i.test/a.jpg"}};
	y = base();
	y.images = swapped;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"images\"]}");
	y.images = images;
	y.nimages = 1;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"images\"]}");
	y = base();
	y.salary_type = "monthly";
	y.auto_extend = true;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"salary\",\"auto_extend\"]}");
}

/* The stock rides on listing.changed with its old and new counts, only
 * when it changed, and an edit of the stock alone is still recorded (an
 * empty "fields" then): a fall to 0 is Wallapop's ITEM_OUT_OF_STOCK. */
static void test_changed_stock(Arena *a)
{
	Advert x = base(), y = base();
	x.has_stock = y.has_stock = true;
	x.stock_units = y.stock_units = 5;
	CHECK(event_payload_changed(a, &x, &y) == NULL);
	y.stock_units = 0;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[],\"stock\":{\"old\":5,\"new\":0}}");
	y.title = "Rower górski";
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"title\"],\"stock\":{\"old\":5,\"new\":0}}");
	/* a title alone leaves the stock out */
	y.stock_units = 5;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[\"title\"]}");
	/* counted from now on, or no longer counted: null on that side */
	y = base();
	x.has_stock = false;
	y.has_stock = true;
	CHECK_STR(event_payload_changed(a, &x, &y), "{\"fields\":[],\"stock\":{\"old\":null,\"new\":0}}");
	CHECK_STR(event_payload_changed(a, &y, &x), "{\"fields\":[],\"stock\":{\"old\":0,\"new\":null}}");
	/* not counted on both sides: the units left in the row do not matter */
	y.has_stock = false;
	y.stock_units = 9;
	CHECK(event_payload_changed(a, &x, &y) == NULL);
}

static void test_price(Arena *a)
{
	Advert x = base(), y = base();
	CHECK(event_payload_price(a, &x, &y) == NULL);
	y.price_minor = 4500;
	CHECK_STR(event_payload_price(a, &x, &y),
		"{\"old\":{\"amount_minor\":5000,\"currency\":\"PLN\",\"flags\":[]},"
		"\"new\":{\"amount_minor\":4500,\"currency\":\"PLN\",\"flags\":[]}}");
	y = base();
	y.price_flags = PRICE_NEGOTIABLE | PRICE_TRADE;
	CHECK_STR(event_payload_price(a, &x, &y),
		"{\"old\":{\"amount_minor\":5000,\"currency\":\"PLN\",\"flags\":[]},"
		"\"new\":{\"amount_minor\":5000,\"currency\":\"PLN\",\"flags\":[\"negotiable\",\"trade\"]}}");
	y = base();
	y.has_price = false;
	CHECK_STR(event_payload_price(a, &x, &y),
		"{\"old\":{\"amount_minor\":5000,\"currency\":\"PLN\",\"flags\":[]},\"new\":null}");
	/* without a price on both sides the stale amount means nothing */
	x.has_price = false;
	y.price_minor = 1;
	CHECK(event_payload_price(a, &x, &y) == NULL);
}

static void test_moved(Arena *a)
{
	CHECK_STR(event_payload_moved(a, ADVERT_END_SOLD, ADVERT_EV_DEACTIVATE, "sold"),
		"{\"cause\":\"deactivate\",\"reason\":\"sold\",\"end_reason\":\"sold\"}");
	CHECK_STR(event_payload_moved(a, ADVERT_END_SELLER, ADVERT_EV_FINISH, NULL),
		"{\"cause\":\"finish\",\"reason\":null,\"end_reason\":\"seller\"}");
	CHECK_STR(event_payload_moved(a, ADVERT_END_EXPIRED, ADVERT_EV_EXPIRE, NULL),
		"{\"cause\":\"expire\",\"reason\":null,\"end_reason\":\"expired\"}");
	CHECK_STR(event_payload_moved(a, ADVERT_END_MODERATOR, ADVERT_EV_MODERATOR_REMOVE, "spam \"x\""),
		"{\"cause\":\"moderator_remove\",\"reason\":\"spam \\\"x\\\"\",\"end_reason\":\"moderator\"}");
	/* a listing that has not ended has no end reason */
	CHECK_STR(event_payload_moved(a, ADVERT_END_NONE, ADVERT_EV_MODERATION_ACCEPT, NULL),
		"{\"cause\":\"moderation_accept\",\"reason\":null,\"end_reason\":null}");
}

static void test_names(void)
{
	for (int t = 0; t < EVENT_TYPE_COUNT; t++) {
		EventType back;
		const char *name = event_type_name((EventType)t);
		CHECK(name != NULL);
		CHECK(event_type_from_name(name, &back) == 0 && back == (EventType)t);
	}
	EventType t;
	CHECK(event_type_from_name("advert.created", &t) != 0);
	CHECK(event_type_from_name(NULL, &t) != 0);
	CHECK(event_type_name(EVENT_TYPE_COUNT) == NULL);
	CHECK_STR(event_actor_kind_name(ACTOR_USER), "user");
	CHECK_STR(event_actor_kind_name(ACTOR_OPERATOR), "operator");
	CHECK_STR(event_actor_kind_name(ACTOR_SYSTEM), "system");
}

void test_events(void)
{
	Arena *a = arena_new();
	test_changed_fields(a);
	test_changed_stock(a);
	test_price(a);
	test_moved(a);
	test_names();
	arena_free(a);
}
