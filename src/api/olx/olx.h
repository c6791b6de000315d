/* olx.h -- the OLX Partner API v2 face: envelopes and handlers.
 *
 * Live OLX wraps every payload in {"data": ...}; souk does too, also where the
 * published document shows a bare object. Error bodies are the seed's, word
 * for word. */
#ifndef SOUK_OLX_H
#define SOUK_OLX_H

#include "../../core/listing/violations.h"
#include "../reply.h"

struct AdvertInput;
struct RuleLimits;

/* One entry of OLX's "validation" list. */
typedef struct OlxItem {
	const char *field;
	const char *title;
	bool detail;		/* also written as "detail" (as the seed does) */
} OlxItem;

/* What an advert body held beyond its values, for wording its errors. */
typedef struct OlxAdvertBody {
	bool syntax;		/* an unknown field or a non-object where one belongs */
	bool contact;		/* the contact object was there */
	bool location;		/* the location object was there */
} OlxAdvertBody;

/* Envelopes */
void olx_data_begin(Request *r, JsonW *w);	/* writes {"data": */
void olx_data_end(Request *r, JsonW *w, int status);
/* {"error":{"status":S,"title":T,"detail":D}} */
void olx_error(Request *r, int status, const char *detail);
/* 400 with the validation array: the items, or one (field, title). */
void olx_validation_items(Request *r, const OlxItem *items, int n);
void olx_validation_error(Request *r, const char *field, const char *title);
/* 400 "Error while decoding JSON data: Syntax error", in the seed's data wrapper. */
void olx_syntax_error(Request *r);
/* Times as OLX writes them: "2018-01-29 14:04:13". */
void olx_time(JsonW *w, const char *key, int64_t t);

/* The core's rule codes in OLX's words (rules_map.c) */
extern const struct RuleLimits olx_rule_limits;
bool olx_polish(Request *r);			/* messages in Polish (no Accept-Language: en) */
const char *olx_invalid_words(Request *r);	/* "Invalid value" in the request's language */
void olx_rule_words(Request *r, const Violation *v, const OlxAdvertBody *body, OlxItem *out);
/* 400 with every violation in OLX's words (body may be NULL). */
void olx_validation(Request *r, const Violations *vs);
/* The answer to an advert body that broke rules: what OLX reports alone, or
 * the validation list, or an image error (see rules_map.c). */
void olx_answer_violations(Request *r, const Violations *vs, const OlxAdvertBody *body);

/* Adverts: parsing a body, writing one advert */
int olx_advert_parse(Request *r, struct AdvertInput *in, Violations *vs, OlxAdvertBody *body);
const char *olx_advert_url(Request *r, int64_t id);
void olx_advert_write(Request *r, JsonW *w, const Advert *ad);
/* The same with the paid features it runs, when it runs any. */
void olx_advert_write_with(Request *r, JsonW *w, const Advert *ad, const MoneyFeature *features, int nfeatures);

/* Handlers: adverts */
int olx_adverts_list(Request *r);
int olx_adverts_create(Request *r);
int olx_adverts_get(Request *r);
int olx_adverts_replace(Request *r);
int olx_adverts_delete(Request *r);
int olx_adverts_command(Request *r);
int olx_adverts_moderation_reason(Request *r);
int olx_adverts_statistics(Request *r);
int olx_adverts_statistics_clear(Request *r);
int olx_adverts_logos(Request *r);
int olx_adverts_logo_add(Request *r);
int olx_adverts_logo_delete(Request *r);

/* Handlers: users */
int olx_users_me(Request *r);
int olx_users_get(Request *r);

/* The rule codes of messages and business profiles (threads.c) in the
 * words of OLX's validator ("This value should not be blank."). */
void olx_validator_words(Request *r, const Violation *v, OlxItem *it);

/* Handlers: threads and messages (threads.c) */
int olx_threads_list(Request *r);
int olx_threads_get(Request *r);
int olx_thread_messages(Request *r);
int olx_thread_messages_post(Request *r);
int olx_thread_message_get(Request *r);
int olx_thread_command(Request *r);

/* Handlers: business profile, logos and banners (business.c) */
int olx_business_get(Request *r);
int olx_business_put(Request *r);
int olx_business_logos(Request *r);
int olx_business_logo_add(Request *r);
int olx_business_logo_delete(Request *r);
int olx_business_banners(Request *r);
int olx_business_banner_add(Request *r);
int olx_business_banner_delete(Request *r);

/* Handlers: places, categories, languages and currencies (reference data) */
int olx_regions_list(Request *r);
int olx_regions_get(Request *r);
int olx_cities_list(Request *r);
int olx_cities_get(Request *r);
int olx_cities_districts(Request *r);
int olx_districts_list(Request *r);
int olx_districts_get(Request *r);
int olx_locations_get(Request *r);
int olx_categories_list(Request *r);
int olx_categories_suggestion(Request *r);
int olx_categories_get(Request *r);
int olx_categories_attributes(Request *r);
int olx_languages_list(Request *r);
int olx_currencies_list(Request *r);

/* Money (money.c, paid_features.c, packets.c): amounts as JSON numbers
 * from minor units; the payment method of a purchase's body ("Invalid
 * payment method" answered when it is none); the ledger's refusals in the
 * words of seed 001's "Payment errors"; a product's or pocket's name. */
#include "../../core/money/money.h"
void olx_jw_amount(JsonW *w, const char *key, int64_t minor);
bool olx_payment_method(Request *r, MoneyMethod *out);
int olx_money_fail(Request *r, int rc);
const char *olx_product_name(Request *r, const char *code);
void olx_paid_features_write(Request *r, JsonW *w, const MoneyFeature *f, int n);
/* What the money handlers share with the advert ones (adverts.c): the
 * caller as an actor, the caller's advert named in the path (1 loaded, 0
 * answered, < 0 failed), and an empty 204. */
Actor olx_actor(Request *r);
int olx_advert_owned(Request *r, Advert *ad);
int olx_no_content(Request *r);

/* Handlers: money */
int olx_account_balance(Request *r);
int olx_payment_methods(Request *r);
int olx_billing(Request *r);
int olx_prepaid_invoices(Request *r);
int olx_postpaid_invoices(Request *r);
int olx_paid_features_list(Request *r);
int olx_advert_paid_features(Request *r);
int olx_advert_paid_feature_buy(Request *r);
int olx_packets_offered(Request *r);
int olx_zones_list(Request *r);
int olx_user_packets(Request *r);
int olx_user_packet_buy(Request *r);
int olx_advert_packet_buy(Request *r);

#endif
