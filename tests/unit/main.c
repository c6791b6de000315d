/* main.c -- runs every unit test file and prints the closing tally. */
#include "t.h"

#include "../../src/util/crypto.h"

int t_passed, t_failed;

int main(void)
{
	crypto_setup();
	test_buf();
	test_router();
	test_scopes();
	test_oauth();
	test_jwt();
	test_text_rules();
	test_advert_state();
	test_places();
	test_categories();
	test_attributes();
	test_allegro_params();
	test_contact_phones();
	test_rules();
	test_decimal();
	test_markup();
	test_timefmt();
	test_sq_row();
	test_vec();
	test_sorted();
	test_utf8();
	test_form();
	test_store_upgrade();
	test_store_listings();
	test_listing_lifecycle();
	test_quota_plans();
	test_dispatch();
	test_response();
	test_log();
	test_args();
	test_ratelimit();
	test_allow();
	/* before test_remote, which stops net/'s fetcher for good */
	test_deliver();
	test_remote();
	test_events();
	test_event_feed();
	test_site();
	test_throttle();
	test_allegro_offers();
	test_allegro_conventions();
	test_device();
	test_listing_images();	/* before test_media, which ends libvips */
	test_media();
	test_messaging();
	test_business();
	test_publish();
	test_money();
	test_webhooks();
	printf("unit: %d passed, %d failed\n", t_passed, t_failed);
	return t_failed ? 1 : 0;
}
