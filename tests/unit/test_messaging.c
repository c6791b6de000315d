/* test_messaging.c -- the rules of a message (pure), and threads on a real
 * store through the core: one thread per listing and buyer, a seller who
 * cannot write first, counts and flags seen by each participant, a stranger
 * who finds nothing, attachments named and read back in order, and the
 * message.created event written with each message. */
#include "t.h"

#include <stdlib.h>
#include <unistd.h>

#include "../../src/core/messaging/messaging.h"
#include "../../src/core/events/events.h"
#include "../../src/util/errors.h"

static void test_message_rules(void)
{
	Violations vs = {0};
	MessageInput in = {.text = "Dzień dobry"};
	CHECK(message_check(&in, &vs) && vs.n == 0);

	in.text = NULL;
	CHECK(!message_check(&in, &vs) && violations_has_rule(&vs, RULE_REQUIRED, "text"));
	vs.n = 0;
	in.text = " \t\r\n ";
	CHECK(!message_check(&in, &vs) && violations_has_rule(&vs, RULE_REQUIRED, "text"));

	/* Characters, not bytes: 4000 two-byte letters are within the limit. */
	char *s = malloc(2 * MESSAGE_TEXT_MAX + 3);
	for (int i = 0; i < MESSAGE_TEXT_MAX; i++) memcpy(s + 2 * i, "\xc5\xbc", 2);
	s[2 * MESSAGE_TEXT_MAX] = '\0';
	vs.n = 0;
	in.text = s;
	CHECK(message_check(&in, &vs));
	memcpy(s + 2 * MESSAGE_TEXT_MAX, "x", 2);
	CHECK(!message_check(&in, &vs) && vs.v[0].code == RULE_TOO_LONG && vs.v[0].limit == MESSAGE_TEXT_MAX &&
	      vs.v[0].count == MESSAGE_TEXT_MAX + 1);
	free(s);
	vs.n = 0;
	in.text = "bad \xc5 byte";
	CHECK(!message_check(&in, &vs) && violations_has_rule(&vs, RULE_ENCODING, "text"));

	Attachment files[MESSAGE_ATTACHMENTS_MAX + 1];
	for (int i = 0; i <= MESSAGE_ATTACHMENTS_MAX; i++) files[i] = (Attachment){.url = "https://files.test/a.pdf"};
	in = (MessageInput){.text = "Pliki", .attachments = files, .nattachments = MESSAGE_ATTACHMENTS_MAX};
	vs.n = 0;
	CHECK(message_check(&in, &vs));
	in.nattachments++;
	CHECK(!message_check(&in, &vs) && violations_has_rule(&vs, RULE_TOO_MANY, "attachments"));
	files[1].url = "javascript:alert(1)";
	files[2].url = NULL;
	files[3].name = "";
	in.nattachments = 4;
	vs.n = 0;
	CHECK(!message_check(&in, &vs));
	CHECK(violations_has_rule(&vs, RULE_URL_FORMAT, "attachments[1].url"));
	CHECK(violations_has_rule(&vs, RULE_REQUIRED, "attachments[2].url"));
	CHECK(vs.n == 2);	/* an empty name is given: the URL's segment is not used */
}

/* --- on a store ----------------------------------------------------------- */

static int64_t add_user(Store *st, const char *email)
{
	User u = {.email = email, .name = "", .password_hash = "!", .status = "confirmed", .created_at = 1};
	int64_t id = 0;
	CHECK(store_user_insert(st, &u, &id) == 0);
	return id;
}

static int64_t add_listing(Store *st, int64_t seller, AdvertStatus status, int n)
{
	char item[32], title[32];
	snprintf(item, sizeof(item), "msgitem%d", n);
	snprintf(title, sizeof(title), "Title %d", n);
	Advert ad = {.item_id = item, .user_id = seller, .status = status, .title = title,
		.description = "Text", .category_id = 1581, .advertiser_type = "private",
		.location = {.city_id = 1394}, .salary_from_minor = -1, .salary_to_minor = -1,
		.courier = -1, .created_at = 10, .updated_at = 10, .valid_to = 1000};
	int64_t id = 0;
	CHECK(store_advert_insert(st, &ad, &id) == 0);
	return id;
}

static Actor user(int64_t id)
{
	return (Actor){.kind = ACTOR_USER, .user_id = id};
}

static void test_threads(void)
{
	char path[64];
	Store *st;
	snprintf(path, sizeof(path), "/tmp/souk-unit-msg-%d.db", (int)getpid());
	unlink(path);
	CHECK(store_open(path, &st) == 0);
	CHECK(store_migrate(st, NULL) == 0);
	Arena *a = arena_new();
	Ctx c = {.arena = a, .st = st, .now = 100};
	int64_t seller = add_user(st, "seller@msg.test"), buyer = add_user(st, "buyer@msg.test"),
		stranger = add_user(st, "stranger@msg.test");
	int64_t listing = add_listing(st, seller, ADVERT_ACTIVE, 1),
		hidden = add_listing(st, seller, ADVERT_NEW, 2);
	Actor b = user(buyer), s = user(seller), x = user(stranger);
	Violations vs = {0};
	Thread t, t2;
	Message m;

	Attachment files[] = {{.url = "https://files.test/docs/umowa.pdf?v=2"}, {.url = "https://files.test"},
		{.url = "https://files.test/x", .name = "Zdjęcie"}};
	MessageInput in = {.text = "Czy aktualne?", .attachments = files, .nattachments = 3};
	CHECK(message_open(&c, &b, listing, &in, &vs, &t, &m) == 0);
	CHECK(t.total_count == 1 && t.unread_count == 0 && t.buyer_id == buyer && t.seller_id == seller);
	CHECK(message_open(&c, &s, listing, &in, &vs, &t2, &m) == SOUK_EDENIED);
	CHECK(message_open(&c, &b, hidden, &in, &vs, &t2, &m) == SOUK_ENOTFOUND);
	in.nattachments = 0;
	c.now = 101;
	CHECK(message_open(&c, &b, listing, &in, &vs, &t2, &m) == 0);
	CHECK(t2.id == t.id && t2.total_count == 2);

	CHECK(thread_get(&c, &s, t.id, &t2) == 0 && t2.unread_count == 2 && t2.total_count == 2);
	CHECK(thread_get(&c, &x, t.id, &t2) == SOUK_ENOTFOUND);
	CHECK(message_post(&c, &x, t.id, &in, &vs, &m) == SOUK_ENOTFOUND);
	CHECK(thread_mark_read(&c, &x, t.id) == SOUK_ENOTFOUND);
	CHECK(thread_set_favourite(&c, &x, t.id, true) == SOUK_ENOTFOUND);

	Message *list;
	int n;
	CHECK(thread_messages(&c, &s, t.id, 0, 100, &list, &n) == 0 && n == 2);
	CHECK(n == 2 && list[0].nattachments == 3 && list[1].nattachments == 0);
	if (n == 2 && list[0].nattachments == 3) {
		CHECK_STR(list[0].attachments[0].name, "umowa.pdf");
		CHECK_STR(list[0].attachments[1].name, "attachment");
		CHECK_STR(list[0].attachments[2].name, "Zdjęcie");
		CHECK_STR(list[0].attachments[0].url, "https://files.test/docs/umowa.pdf?v=2");
	}
	CHECK(thread_message_get(&c, &x, t.id, list[0].id, &m) == SOUK_ENOTFOUND);

	in.text = "Tak.";
	CHECK(message_post(&c, &s, t.id, &in, &vs, &m) == 0);
	CHECK(thread_mark_read(&c, &s, t.id) == 0);
	CHECK(thread_get(&c, &s, t.id, &t2) == 0 && t2.unread_count == 0 && t2.total_count == 3);
	CHECK(thread_get(&c, &b, t.id, &t2) == 0 && t2.unread_count == 1);
	int64_t total;
	CHECK(thread_unread_total(&c, &b, &total) == 0 && total == 1);
	CHECK(thread_set_favourite(&c, &b, t.id, true) == 0);
	CHECK(thread_get(&c, &b, t.id, &t2) == 0 && t2.is_favourite);
	CHECK(thread_get(&c, &s, t.id, &t2) == 0 && !t2.is_favourite);

	Thread *threads;
	CHECK(thread_list(&c, &x, 0, 0, 0, 10, &threads, &n) == 0 && n == 0);
	CHECK(thread_list(&c, &s, listing, buyer, 0, 10, &threads, &n) == 0 && n == 1);
	CHECK(thread_list(&c, &s, hidden, 0, 0, 10, &threads, &n) == 0 && n == 0);

	EventFilter f = {.seller_id = seller, .types = (const char *const[]){"message.created"}, .ntypes = 1,
		.limit = 10};
	Event *ev;
	CHECK(events_read(&c, &f, &ev, &n) == 0 && n == 3);
	CHECK(n == 3 && ev[0].message_id > 0 && ev[0].listing_id == 0 && ev[2].actor.user_id == seller);

	arena_free(a);
	store_close(st);
	unlink(path);
	char p2[80];
	snprintf(p2, sizeof(p2), "%s-wal", path);
	unlink(p2);
	snprintf(p2, sizeof(p2), "%s-shm", path);
	unlink(p2);
}

void test_messaging(void)
{
	test_message_rules();
	test_threads();
}
