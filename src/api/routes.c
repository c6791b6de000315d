/* routes.c -- the route table: method, path, handler, authentication, scope,
 * accepted body, rate class and face of every endpoint souk serves.
 * A rate class names limits whose values live in core/limits/policy.c and the
 * operator's settings; a face's routes only say which class they are.
 *
 * Where patterns overlap the most specific wins whatever the order here (a
 * literal segment such as "/categories/suggestion" over "/categories/{id}");
 * two routes that would claim the same requests stop the server at start. */
#include "faces.h"
#include "../core/limits/policy.h"
#include "admin/admin.h"
#include "allegro/allegro.h"
#include "oauth/oauth.h"
#include "olx/olx.h"
#include "sys/sys.h"
#include "wallapop/wallapop.h"
#include "../web/web.h"

#define OLX "/api/partner"
#define R_V2 (SCOPE_V2 | SCOPE_READ)
#define W_V2 (SCOPE_V2 | SCOPE_WRITE)

const Route souk_routes[] = {
	/* operations */
	{HTTP_GET, "/healthz", sys_healthz, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_sys},
	{HTTP_GET, "/metrics", sys_metrics, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_sys},

	/* operator API */
	{HTTP_GET, "/api/admin/clock", admin_clock_get, ROUTE_OPERATOR, 0, BODY_NONE, 0, &face_admin},
	{HTTP_POST, "/api/admin/clock/advance", admin_clock_advance, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},
	{HTTP_POST, "/api/admin/categories", admin_category_create, ROUTE_OPERATOR, 0, BODY_JSON, 0, &face_admin},
	{HTTP_PUT, "/api/admin/categories/{id}", admin_category_change, ROUTE_OPERATOR, 0, BODY_JSON, 0, &face_admin},
	{HTTP_DELETE, "/api/admin/categories/{id}", admin_category_delete, ROUTE_OPERATOR, 0, BODY_NONE, 0,
		&face_admin},
	{HTTP_GET, "/api/admin/workers/publication", admin_publication_get, ROUTE_OPERATOR, 0, BODY_NONE, 0,
		&face_admin},
	{HTTP_PUT, "/api/admin/workers/publication", admin_publication_put, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},
	{HTTP_GET, "/api/admin/moderation/queue", admin_moderation_queue, ROUTE_OPERATOR, 0, BODY_NONE, 0,
		&face_admin},
	{HTTP_POST, "/api/admin/adverts/{id}/moderation", admin_moderation_decide, ROUTE_OPERATOR, 0,
		BODY_JSON, 0, &face_admin},
	{HTTP_POST, "/api/admin/adverts/{id}/simulate", admin_simulate, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},
	{HTTP_PUT, "/api/admin/users/{id}/business", admin_user_business, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},
	{HTTP_GET, "/api/admin/adverts/{id}/image-fetches", admin_image_fetches, ROUTE_OPERATOR, 0, BODY_NONE, 0,
		&face_admin},
	{HTTP_PUT, "/api/admin/users/{id}/place", admin_user_place, ROUTE_OPERATOR, 0, BODY_JSON, 0, &face_admin},
	{HTTP_POST, "/api/admin/adverts/{id}/messages", admin_message_send, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},
	{HTTP_GET, "/api/admin/users/{id}/money", admin_money_get, ROUTE_OPERATOR, 0, BODY_NONE, 0, &face_admin},
	{HTTP_POST, "/api/admin/users/{id}/money/top-ups", admin_money_top_up, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},
	{HTTP_PUT, "/api/admin/users/{id}/money/postpaid", admin_money_postpaid, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},
	{HTTP_GET, "/api/admin/users/{id}/money/entries", admin_money_entries, ROUTE_OPERATOR, 0, BODY_NONE, 0,
		&face_admin},
	{HTTP_GET, "/api/admin/users/{id}/webhooks", admin_webhooks_list, ROUTE_OPERATOR, 0, BODY_NONE, 0,
		&face_admin},
	{HTTP_GET, "/api/admin/users/{id}/webhooks/{webhookId}/deliveries", admin_webhook_deliveries, ROUTE_OPERATOR,
		0, BODY_NONE, 0, &face_admin},
	{HTTP_GET, "/api/admin/prices", admin_prices_get, ROUTE_OPERATOR, 0, BODY_NONE, 0, &face_admin},
	{HTTP_PUT, "/api/admin/prices", admin_prices_put, ROUTE_OPERATOR, 0, BODY_JSON, 0, &face_admin},
	{HTTP_PUT, "/api/admin/settings/{key}", admin_setting_put, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},
	{HTTP_POST, "/api/admin/plans", admin_plan_create, ROUTE_OPERATOR, 0, BODY_JSON, 0, &face_admin},
	{HTTP_GET, "/api/admin/plans", admin_plan_list, ROUTE_OPERATOR, 0, BODY_NONE, 0, &face_admin},
	{HTTP_GET, "/api/admin/plans/{id}", admin_plan_get, ROUTE_OPERATOR, 0, BODY_NONE, 0, &face_admin},
	{HTTP_PUT, "/api/admin/plans/{id}", admin_plan_replace, ROUTE_OPERATOR, 0, BODY_JSON, 0, &face_admin},
	{HTTP_DELETE, "/api/admin/plans/{id}", admin_plan_delete, ROUTE_OPERATOR, 0, BODY_NONE, 0, &face_admin},
	{HTTP_GET, "/api/admin/users/{id}/plan", admin_seller_plan_get, ROUTE_OPERATOR, 0, BODY_NONE, 0,
		&face_admin},
	{HTTP_PUT, "/api/admin/users/{id}/plan", admin_seller_plan_put, ROUTE_OPERATOR, 0, BODY_JSON, 0,
		&face_admin},

	/* OAuth2: token endpoint, metadata, authorization pages */
	{HTTP_POST, "/api/open/oauth/token", oauth_token_post, ROUTE_PUBLIC, 0, BODY_JSON | BODY_FORM,
		RATE_OLX_TOKEN, &face_oauth},
	{HTTP_GET, "/.well-known/oauth-authorization-server", oauth_metadata_get, ROUTE_PUBLIC, 0,
		BODY_NONE, 0, &face_sys},
	{HTTP_GET, "/oauth/authorize", web_authorize_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},
	{HTTP_POST, "/oauth/authorize", web_authorize_post, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	{HTTP_GET, "/oauth/login", web_login_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},
	{HTTP_POST, "/oauth/login", web_login_post, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	{HTTP_POST, "/oauth/logout", web_logout_post, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	{HTTP_GET, "/account/apps", web_apps_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},
	{HTTP_POST, "/account/apps/revoke", web_apps_revoke, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	{HTTP_GET, "/demo/callback", web_demo_callback, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},

	/* Allegro: sign-in (the pages are the same as OLX's) and the user */
	{HTTP_POST, ALLEGRO_OAUTH "/token", allegro_token_post, ROUTE_PUBLIC, 0, BODY_FORM | BODY_EMPTY,
		RATE_ALLEGRO_TOKEN, &face_allegro_oauth},
	{HTTP_POST, ALLEGRO_OAUTH "/device", allegro_device_post, ROUTE_PUBLIC, 0,
		BODY_FORM | BODY_EMPTY, RATE_ALLEGRO_DEVICE, &face_allegro_oauth},
	{HTTP_GET, DEVICE_PAGE_PATH, web_device_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},
	{HTTP_POST, DEVICE_PAGE_PATH, web_device_post, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	{HTTP_GET, ALLEGRO_OAUTH "/jwks", allegro_jwks_get, ROUTE_PUBLIC, 0, BODY_NONE, 0,
		&face_allegro_oauth},
	{HTTP_GET, "/.well-known/oauth-authorization-server" ALLEGRO_OAUTH, allegro_metadata_get,
		ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_sys},
	{HTTP_GET, ALLEGRO_OAUTH "/authorize", web_authorize_get, ROUTE_PUBLIC, 0, BODY_NONE, 0,
		&face_web},
	{HTTP_POST, ALLEGRO_OAUTH "/authorize", web_authorize_post, ROUTE_PUBLIC, 0, BODY_FORM, 0,
		&face_web},
	{HTTP_GET, "/me", allegro_me_get, ROUTE_USER, SCOPE_ALLEGRO_PROFILE_READ, BODY_NONE, RATE_ALLEGRO_READ,
		&face_allegro},

	/* Wallapop: sign-in at the document's paths (the pages are the same as
	 * OLX's) and OpenID Connect's userinfo */
	{HTTP_GET, WALLAPOP_OIDC "/auth", web_authorize_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},
	{HTTP_POST, WALLAPOP_OIDC "/auth", web_authorize_post, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	{HTTP_POST, WALLAPOP_OIDC "/token", wallapop_token_post, ROUTE_PUBLIC, 0, BODY_FORM,
		RATE_WALLAPOP_TOKEN, &face_wallapop_oauth},
	{HTTP_GET, WALLAPOP_OIDC "/userinfo", wallapop_userinfo_get, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE, 0,
		&face_wallapop_oauth},

	/* Wallapop: items (the document's server has no prefix), 36 requests a
	 * second per seller */
	{HTTP_POST, "/items", wallapop_items_create, ROUTE_USER, SCOPE_WALLAPOP, BODY_JSON, RATE_WALLAPOP,
		&face_wallapop},
	{HTTP_GET, "/items", wallapop_items_list, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE, RATE_WALLAPOP,
		&face_wallapop},
	{HTTP_GET, "/items/limits", wallapop_limits_get, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE, RATE_WALLAPOP,
		&face_wallapop},
	{HTTP_GET, "/items/inactive", wallapop_items_serve_inactive, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop},
	{HTTP_GET, "/items/{id}", wallapop_items_get, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE, RATE_WALLAPOP,
		&face_wallapop},
	{HTTP_PUT, "/items/{id}", wallapop_items_replace, ROUTE_USER, SCOPE_WALLAPOP, BODY_JSON, RATE_WALLAPOP,
		&face_wallapop},
	{HTTP_DELETE, "/items/{id}", wallapop_items_delete, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE, RATE_WALLAPOP,
		&face_wallapop},
	{HTTP_POST, "/items/{id}/images", wallapop_images_add, ROUTE_USER, SCOPE_WALLAPOP, BODY_JSON, RATE_WALLAPOP,
		&face_wallapop},
	{HTTP_DELETE, "/items/{id}/images/{imageId}", wallapop_images_delete, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop},
	{HTTP_GET, "/items/categories", wallapop_categories_list, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop},
	{HTTP_GET, "/items/categories/{id}/attributes", wallapop_category_attributes, ROUTE_USER, SCOPE_WALLAPOP,
		BODY_NONE, RATE_WALLAPOP, &face_wallapop},
	{HTTP_PUT, "/items/{id}/sold", wallapop_items_sold, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE, RATE_WALLAPOP,
		&face_wallapop},
	{HTTP_PUT, "/items/{id}/activate", wallapop_items_activate, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop},
	{HTTP_PUT, "/items/{id}/inactivate", wallapop_items_inactivate, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop},
	{HTTP_PUT, "/items/{id}/reserve", wallapop_items_reserve, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop},
	{HTTP_PUT, "/items/{id}/unreserve", wallapop_items_unreserve, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop},

	/* Wallapop: webhooks (the webhooks document; the seller's app's own) */
	{HTTP_POST, "/webhooks", wallapop_webhooks_create, ROUTE_USER, SCOPE_WALLAPOP, BODY_JSON, RATE_WALLAPOP,
		&face_wallapop_webhooks},
	{HTTP_GET, "/webhooks", wallapop_webhooks_list, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE, RATE_WALLAPOP,
		&face_wallapop_webhooks},
	{HTTP_PUT, "/webhooks/{webhookId}", wallapop_webhooks_update, ROUTE_USER, SCOPE_WALLAPOP, BODY_JSON,
		RATE_WALLAPOP, &face_wallapop_webhooks},
	{HTTP_DELETE, "/webhooks/{webhookId}", wallapop_webhooks_delete, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop_webhooks},
	{HTTP_PATCH, "/webhooks/{webhookId}/token", wallapop_webhooks_token, ROUTE_USER, SCOPE_WALLAPOP, BODY_NONE,
		RATE_WALLAPOP, &face_wallapop_webhooks},
	/* ... and what was sent to one (souk's extension) */
	{HTTP_GET, "/webhooks/{webhookId}/deliveries", wallapop_webhook_deliveries, ROUTE_USER, SCOPE_WALLAPOP,
		BODY_NONE, RATE_WALLAPOP, &face_wallapop_webhooks},

	/* Allegro: offers (classified ads' drafts) */
	{HTTP_POST, "/sale/offers", allegro_offers_create, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_WRITE, BODY_JSON,
		RATE_ALLEGRO_WRITE, &face_allegro},
	{HTTP_GET, "/sale/offers", allegro_offers_list, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_READ, BODY_NONE,
		RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_GET, "/sale/offers/{id}", allegro_offers_get, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_READ, BODY_NONE,
		RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_PUT, "/sale/offers/{id}", allegro_offers_replace, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_WRITE, BODY_JSON,
		RATE_ALLEGRO_WRITE, &face_allegro},
	{HTTP_DELETE, "/sale/offers/{id}", allegro_offers_delete, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_WRITE, BODY_NONE,
		RATE_ALLEGRO_WRITE, &face_allegro},

	/* Allegro: publication commands and their tasks */
	{HTTP_PUT, "/sale/offer-publication-commands/{commandId}", allegro_publication_put, ROUTE_USER,
		SCOPE_ALLEGRO_OFFERS_WRITE, BODY_JSON, RATE_ALLEGRO_WRITE, &face_allegro},
	{HTTP_GET, "/sale/offer-publication-commands/{commandId}", allegro_publication_get, ROUTE_USER,
		SCOPE_ALLEGRO_OFFERS_WRITE, BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_GET, "/sale/offer-publication-commands/{commandId}/tasks", allegro_publication_tasks, ROUTE_USER,
		SCOPE_ALLEGRO_OFFERS_WRITE, BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},

	/* Allegro: today's offer flow over the same drafts and publication */
	{HTTP_POST, "/sale/product-offers", allegro_product_offers_create, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_WRITE,
		BODY_JSON, RATE_ALLEGRO_WRITE, &face_allegro},
	{HTTP_GET, "/sale/product-offers/{offerId}", allegro_product_offers_get, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_READ,
		BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},
	/* the document names no scope for PATCH: a user's token, the offer its own */
	{HTTP_PATCH, "/sale/product-offers/{offerId}", allegro_product_offers_patch, ROUTE_USER, 0, BODY_JSON,
		RATE_ALLEGRO_WRITE, &face_allegro},
	{HTTP_GET, "/sale/product-offers/{offerId}/operations/{operationId}", allegro_product_offer_operation,
		ROUTE_USER, SCOPE_ALLEGRO_OFFERS_READ, BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},

	/* Allegro: the event journals (seed 003) */
	{HTTP_GET, "/sale/offer-events", allegro_offer_events, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_READ, BODY_NONE,
		RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_GET, "/sale/category-events", allegro_category_events, ROUTE_TOKEN, 0, BODY_NONE, RATE_ALLEGRO_READ,
		&face_allegro},

	/* Allegro: classifieds packages and the fee preview */
	{HTTP_GET, "/sale/classifieds-packages", allegro_packages_list, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_READ, BODY_NONE,
		RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_GET, "/sale/classifieds-packages/{packageId}", allegro_packages_get, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_READ,
		BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_GET, "/sale/offer-classifieds-packages/{offerId}", allegro_offer_packages_get, ROUTE_USER,
		SCOPE_ALLEGRO_OFFERS_READ, BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_PUT, "/sale/offer-classifieds-packages/{offerId}", allegro_offer_packages_put, ROUTE_USER,
		SCOPE_ALLEGRO_OFFERS_WRITE, BODY_JSON, RATE_ALLEGRO_WRITE, &face_allegro},
	{HTTP_POST, "/pricing/offer-fee-preview", allegro_fee_preview, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_READ, BODY_JSON,
		RATE_ALLEGRO_READ, &face_allegro},

	/* Allegro: offer contacts (the document's scopes: settings) */
	{HTTP_POST, "/sale/offer-contacts", allegro_contacts_create, ROUTE_USER, SCOPE_ALLEGRO_SETTINGS_WRITE,
		BODY_JSON, RATE_ALLEGRO_WRITE, &face_allegro},
	{HTTP_GET, "/sale/offer-contacts", allegro_contacts_list, ROUTE_USER, SCOPE_ALLEGRO_SETTINGS_READ,
		BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_GET, "/sale/offer-contacts/{id}", allegro_contacts_get, ROUTE_USER, SCOPE_ALLEGRO_SETTINGS_READ,
		BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_PUT, "/sale/offer-contacts/{id}", allegro_contacts_replace, ROUTE_USER,
		SCOPE_ALLEGRO_SETTINGS_WRITE, BODY_JSON, RATE_ALLEGRO_WRITE, &face_allegro},

	/* Allegro: categories and parameters (any Allegro token, the document
	 * asks for no scope) */
	{HTTP_GET, "/sale/categories", allegro_categories_list, ROUTE_TOKEN, 0, BODY_NONE, RATE_ALLEGRO_READ,
		&face_allegro},
	{HTTP_GET, "/sale/categories/{categoryId}", allegro_categories_get, ROUTE_TOKEN, 0, BODY_NONE,
		RATE_ALLEGRO_READ, &face_allegro},
	{HTTP_GET, "/sale/categories/{categoryId}/parameters", allegro_category_parameters, ROUTE_TOKEN, 0,
		BODY_NONE, RATE_ALLEGRO_READ, &face_allegro},

	/* Allegro: images; served to anyone at the location the upload gave */
	{HTTP_POST, "/sale/images", allegro_images_post, ROUTE_USER, SCOPE_ALLEGRO_OFFERS_WRITE,
		BODY_JSON | BODY_RAW, RATE_ALLEGRO_WRITE, &face_allegro},
	{HTTP_GET, "/images/{key}", web_image_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_sys},

	{HTTP_GET, "/oferta/{id}", web_advert_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},
	{HTTP_POST, "/oferta/{id}/phone", web_advert_phone, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	{HTTP_POST, "/oferta/{id}/observe", web_advert_observe, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	/* a buyer writes to the seller; "My messages" (the pages' own session) */
	{HTTP_POST, "/oferta/{id}/messages", web_advert_message, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},
	{HTTP_GET, "/account/messages", web_messages_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},
	{HTTP_GET, "/account/messages/{id}", web_thread_get, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_web},
	{HTTP_POST, "/account/messages/{id}", web_thread_post, ROUTE_PUBLIC, 0, BODY_FORM, 0, &face_web},

	/* OLX: adverts */
	{HTTP_GET, OLX "/adverts", olx_adverts_list, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_POST, OLX "/adverts", olx_adverts_create, ROUTE_USER, W_V2, BODY_JSON, RATE_OLX_WRITE, &face_olx},
	{HTTP_GET, OLX "/adverts/{id}", olx_adverts_get, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_PUT, OLX "/adverts/{id}", olx_adverts_replace, ROUTE_USER, W_V2, BODY_JSON, RATE_OLX_WRITE, &face_olx},
	{HTTP_DELETE, OLX "/adverts/{id}", olx_adverts_delete, ROUTE_USER, W_V2, BODY_NONE, RATE_OLX_WRITE, &face_olx},
	{HTTP_POST, OLX "/adverts/{id}/commands", olx_adverts_command, ROUTE_USER, W_V2, BODY_JSON, RATE_OLX_WRITE,
		&face_olx},
	{HTTP_GET, OLX "/adverts/{id}/moderation-reason", olx_adverts_moderation_reason, ROUTE_USER, R_V2,
		BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/adverts/{id}/statistics", olx_adverts_statistics, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_DELETE, OLX "/adverts/{id}/statistics/{name}", olx_adverts_statistics_clear, ROUTE_USER, W_V2,
		BODY_NONE, RATE_OLX_WRITE, &face_olx},
	{HTTP_GET, OLX "/adverts/{id}/logos", olx_adverts_logos, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_POST, OLX "/adverts/{id}/logos", olx_adverts_logo_add, ROUTE_USER, W_V2, BODY_JSON, RATE_OLX_WRITE,
		&face_olx},
	{HTTP_DELETE, OLX "/adverts/{id}/logos/{logoId}", olx_adverts_logo_delete, ROUTE_USER, W_V2,
		BODY_NONE, RATE_OLX_WRITE, &face_olx},

	/* OLX: money (paid features, packets, the account and its billing) */
	{HTTP_GET, OLX "/paid-features", olx_paid_features_list, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_GET, OLX "/adverts/{id}/paid-features", olx_advert_paid_features, ROUTE_USER, R_V2, BODY_NONE,
		RATE_OLX_READ, &face_olx},
	{HTTP_POST, OLX "/adverts/{id}/paid-features", olx_advert_paid_feature_buy, ROUTE_USER, W_V2, BODY_JSON,
		RATE_OLX_WRITE, &face_olx},
	{HTTP_POST, OLX "/adverts/{id}/packets", olx_advert_packet_buy, ROUTE_USER, W_V2, BODY_JSON, RATE_OLX_WRITE,
		&face_olx},
	{HTTP_GET, OLX "/packets", olx_packets_offered, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/zones", olx_zones_list, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/users/me/packets", olx_user_packets, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_POST, OLX "/users/me/packets", olx_user_packet_buy, ROUTE_USER, W_V2, BODY_JSON, RATE_OLX_WRITE,
		&face_olx},
	{HTTP_GET, OLX "/users/me/account-balance", olx_account_balance, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_GET, OLX "/users/me/payment-methods", olx_payment_methods, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_GET, OLX "/users/me/billing", olx_billing, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/users/me/prepaid-invoices", olx_prepaid_invoices, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_GET, OLX "/users/me/postpaid-invoices", olx_postpaid_invoices, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},

	/* OLX: users */
	{HTTP_GET, OLX "/users/me", olx_users_me, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/users/{id}", olx_users_get, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},

	/* OLX: threads and messages (a user's, as seller or buyer). The
	 * document names no security for GET messages: its neighbours' scopes. */
	{HTTP_GET, OLX "/threads", olx_threads_list, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/threads/{id}", olx_threads_get, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/threads/{id}/messages", olx_thread_messages, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_POST, OLX "/threads/{id}/messages", olx_thread_messages_post, ROUTE_USER, W_V2, BODY_JSON,
		RATE_OLX_WRITE, &face_olx},
	{HTTP_GET, OLX "/threads/{id}/messages/{messageId}", olx_thread_message_get, ROUTE_USER, R_V2, BODY_NONE,
		RATE_OLX_READ, &face_olx},
	{HTTP_POST, OLX "/threads/{id}/commands", olx_thread_command, ROUTE_USER, W_V2, BODY_JSON, RATE_OLX_WRITE,
		&face_olx},

	/* OLX: business profile (business accounts only) */
	{HTTP_GET, OLX "/users-business/me", olx_business_get, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_PUT, OLX "/users-business/me", olx_business_put, ROUTE_USER, W_V2, BODY_JSON, RATE_OLX_WRITE, &face_olx},
	{HTTP_GET, OLX "/users-business/me/logos", olx_business_logos, ROUTE_USER, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_POST, OLX "/users-business/me/logos", olx_business_logo_add, ROUTE_USER, W_V2, BODY_JSON,
		RATE_OLX_WRITE, &face_olx},
	{HTTP_DELETE, OLX "/users-business/me/logos/{logoId}", olx_business_logo_delete, ROUTE_USER, W_V2,
		BODY_NONE, RATE_OLX_WRITE, &face_olx},
	{HTTP_GET, OLX "/users-business/me/banners", olx_business_banners, ROUTE_USER, R_V2, BODY_NONE,
		RATE_OLX_READ, &face_olx},
	{HTTP_POST, OLX "/users-business/me/banners", olx_business_banner_add, ROUTE_USER, W_V2, BODY_JSON,
		RATE_OLX_WRITE, &face_olx},
	{HTTP_DELETE, OLX "/users-business/me/banners/{bannerId}", olx_business_banner_delete, ROUTE_USER, W_V2,
		BODY_NONE, RATE_OLX_WRITE, &face_olx},

	/* OLX: places, categories, languages and currencies */
	{HTTP_GET, OLX "/regions", olx_regions_list, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/regions/{id}", olx_regions_get, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/cities", olx_cities_list, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/cities/{id}", olx_cities_get, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/cities/{id}/districts", olx_cities_districts, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_GET, OLX "/districts", olx_districts_list, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/districts/{id}", olx_districts_get, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/locations", olx_locations_get, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/categories", olx_categories_list, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/categories/suggestion", olx_categories_suggestion, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ,
		&face_olx},
	{HTTP_GET, OLX "/categories/{id}", olx_categories_get, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/categories/{id}/attributes", olx_categories_attributes, ROUTE_TOKEN, R_V2,
		BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/languages", olx_languages_list, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
	{HTTP_GET, OLX "/currencies", olx_currencies_list, ROUTE_TOKEN, R_V2, BODY_NONE, RATE_OLX_READ, &face_olx},
};

const int souk_routes_count = (int)(sizeof(souk_routes) / sizeof(souk_routes[0]));

const Face *const souk_faces[] = {&face_wallapop_oauth, &face_wallapop, &face_wallapop_webhooks, &face_oauth,
	&face_allegro_oauth, &face_admin, &face_olx, &face_allegro, &face_web, NULL};
