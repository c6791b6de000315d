/* test_allegro_offers.c -- the Allegro offer mapping without a server: every
 * core status has one publication.status and each filter value finds the
 * statuses behind it, invoices both ways, and the title rule with
 * Allegro's numbers (seed 002 §4: the character list, & counted as five). */
#include "t.h"

#include "../../src/api/allegro/offers.h"
#include "../../src/core/listing/text_rules.h"

static bool has(const AdvertStatus *st, int n, AdvertStatus s)
{
	for (int i = 0; i < n; i++)
		if (st[i] == s) return true;
	return false;
}

static void test_statuses(void)
{
	static const char *const names[] = {"INACTIVE", "ACTIVATING", "ACTIVE", "ENDED", NULL};
	Arena *a = arena_new();
	int seen[ADVERT_STATUS_COUNT] = {0}, inactive_or_ended = 0;
	for (int s = ADVERT_NEW; s < ADVERT_STATUS_COUNT; s++)
		inactive_or_ended += s != ADVERT_DELETED && allegro_publication_waits(allegro_publication_status(s));
	for (int k = 0; names[k]; k++) {
		AdvertSearch q = {0};
		allegro_publication_search(a, names, 1u << k, &q);
		CHECK(q.nstatuses + q.nidle_statuses > 0);
		for (int i = 0; i < q.nstatuses; i++) {
			CHECK_STR(allegro_publication_status(q.statuses[i]), names[k]);
			seen[q.statuses[i]]++;
		}
		for (int i = 0; i < q.nidle_statuses; i++) {
			CHECK_STR(allegro_publication_status(q.idle_statuses[i]), names[k]);
			seen[q.idle_statuses[i]]++;
		}
		/* ACTIVATING also finds every offer an activation waits for. */
		CHECK(q.nwaiting_statuses == (k == 1 ? inactive_or_ended : 0));
		CHECK(k != 1 || (has(q.waiting_statuses, q.nwaiting_statuses, ADVERT_DRAFT) &&
			has(q.waiting_statuses, q.nwaiting_statuses, ADVERT_OUTDATED) &&
			!has(q.waiting_statuses, q.nwaiting_statuses, ADVERT_ACTIVE)));
	}
	/* Every status a seller can see is behind exactly one filter value. */
	for (int s = ADVERT_NEW; s < ADVERT_STATUS_COUNT; s++) CHECK(seen[s] == (s == ADVERT_DELETED ? 0 : 1));
	/* INACTIVE with ACTIVATING: a draft matches whether or not an activation waits. */
	AdvertSearch both = {0};
	allegro_publication_search(a, names, 3u, &both);
	CHECK(has(both.statuses, both.nstatuses, ADVERT_DRAFT) && both.nidle_statuses == 0);
	CHECK(has(both.waiting_statuses, both.nwaiting_statuses, ADVERT_OUTDATED));
	AdvertSearch none = {0};
	allegro_publication_search(a, names, 0, &none);
	CHECK(none.nstatuses == 0 && none.nidle_statuses == 0 && none.nwaiting_statuses == 0);
	CHECK_STR(allegro_publication_status(ADVERT_DRAFT), "INACTIVE");
	CHECK_STR(allegro_publication_status(ADVERT_ACTIVE), "ACTIVE");
	CHECK_STR(allegro_publication_status(ADVERT_NEW), "ACTIVATING");
	CHECK_STR(allegro_publication_status(ADVERT_OUTDATED), "ENDED");
	CHECK(allegro_publication_waits("INACTIVE") && allegro_publication_waits("ENDED"));
	CHECK(!allegro_publication_waits("ACTIVE") && !allegro_publication_waits("ACTIVATING"));
	arena_free(a);
}

static void test_invoices(void)
{
	static const char *const allegro[] = {"VAT", "VAT_MARGIN", "WITHOUT_VAT", "NO_INVOICE"};
	for (size_t k = 0; k < sizeof(allegro) / sizeof(allegro[0]); k++)
		CHECK_STR(allegro_invoice_name(allegro_invoice_core(allegro[k])), allegro[k]);
	CHECK_STR(allegro_invoice_core("NO_INVOICE"), "none");
	CHECK(!allegro_invoice_core("vat") && !allegro_invoice_core("") && !allegro_invoice_name(NULL));
}

static void test_title_charset(void)
{
	const RuleLimits *lim = &allegro_offer_limits;
	const char *seed_signs = "!@[]#$%^&*{}().,/\\|? ;~²³`'’´\"”„“″<>_\t:-=+…–°";
	CHECK(lim->title_max == 50 && lim->title_entities && lim->invoice_required);
	CHECK(text_in_charset(seed_signs, strlen(seed_signs), lim->title_charset));
	CHECK(text_in_charset("BMW X5 e53", 10, lim->title_charset));
	CHECK(text_in_charset("Żółć Ąę ŁÓDŹ ß µ ⌀ €", strlen("Żółć Ąę ŁÓDŹ ß µ ⌀ €"), lim->title_charset));
	CHECK(!text_in_charset("Bluzka ☺", strlen("Bluzka ☺"), lim->title_charset));
	CHECK(!text_in_charset("Bluzka\n", 7, lim->title_charset));
	CHECK(!text_in_charset("\xff", 1, lim->title_charset));
	/* & is &amp;, < &lt;, > &gt;, " &quot; */
	CHECK(text_entity_length("a&b", 3) == 7);
	CHECK(text_entity_length("<b>\"", 4) == 4 + 3 + 3 + 5);
	CHECK(text_entity_length("żółw", strlen("żółw")) == 4);
	CHECK(text_entity_length("\xc3", 1) == -1);
}

void test_allegro_offers(void)
{
	test_statuses();
	test_invoices();
	test_title_charset();
}
