/* t.h -- the unit test harness: CHECK records a failure and goes on, so one
 * run reports every broken expectation. */
#ifndef SOUK_T_H
#define SOUK_T_H

#include <stdio.h>
#include <string.h>

extern int t_passed, t_failed;

#define CHECK(cond) do { \
	if (cond) t_passed++; \
	else { t_failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	if (a_ && b_ && strcmp(a_, b_) == 0) t_passed++; \
	else { t_failed++; fprintf(stderr, "FAIL %s:%d: %s == \"%s\", got \"%s\"\n", \
		__FILE__, __LINE__, #a, b_ ? b_ : "(null)", a_ ? a_ : "(null)"); } \
} while (0)

/* One function per test file, called from main.c. */
void test_buf(void);
void test_router(void);
void test_scopes(void);
void test_jwt(void);
void test_oauth(void);
void test_text_rules(void);
void test_advert_state(void);
void test_places(void);
void test_categories(void);
void test_attributes(void);
void test_rules(void);
void test_decimal(void);
void test_markup(void);
void test_timefmt(void);
void test_sq_row(void);
void test_vec(void);
void test_sorted(void);
void test_utf8(void);
void test_form(void);
void test_store_upgrade(void);
void test_store_listings(void);
void test_listing_lifecycle(void);
void test_quota_plans(void);
void test_dispatch(void);
void test_response(void);
void test_log(void);
void test_args(void);
void test_ratelimit(void);
void test_deliver(void);
void test_allow(void);
void test_remote(void);
void test_events(void);
void test_event_feed(void);
void test_site(void);
void test_throttle(void);
void test_allegro_conventions(void);
void test_allegro_offers(void);
void test_device(void);
void test_allegro_params(void);
void test_listing_images(void);
void test_webhooks(void);
void test_messaging(void);
void test_business(void);
void test_contact_phones(void);
void test_media(void);
void test_publish(void);
void test_money(void);

#endif
