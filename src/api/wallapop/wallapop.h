/* wallapop.h -- the Wallapop Connect face: sign-in at the paths of the
 * document's security scheme (WALLAPOP_OIDC in faces.h; the authorize page
 * is web/'s, shared with the other faces), under core/auth's
 * oauth_policy_wallapop. The token endpoint speaks RFC 6749 throughout and
 * refuses a request without a User-Agent (seed 000). */
#ifndef SOUK_API_WALLAPOP_H
#define SOUK_API_WALLAPOP_H

#include "../reply.h"
#include "../../core/media/media.h"

/* Sign-in (signin.c) */
int wallapop_token_post(Request *r);
int wallapop_userinfo_get(Request *r);

/* The seller's subscription slots (limits.c): GET /items/limits. Their
 * hidden items are GET /items/inactive (wallapop_items_serve_inactive). */
int wallapop_limits_get(Request *r);

/* Errors (face.c): face_wallapop and face_wallapop_webhooks (faces.h)
 * answer every refusal as the documents' Error {code, message}, its code
 * one of their lists. */
#define WALLAPOP_INVALID_BODY "INVALID_BODY_REQUEST"
#define WALLAPOP_UNAUTHORIZED "USER_UNAUTHORIZED"
#define WALLAPOP_NO_WEBHOOK "INVALID_WEBHOOK_ID"	/* ours: the document lists no 404 body */
void wallapop_error(Request *r, int status, const char *code, const char *message);

/* Webhooks (webhooks.c): the registry, /webhooks */
int wallapop_webhooks_create(Request *r);
int wallapop_webhooks_list(Request *r);
int wallapop_webhooks_update(Request *r);
int wallapop_webhooks_delete(Request *r);
int wallapop_webhooks_token(Request *r);

/* Items (items*.c): an item is a listing of the core; its id is the
 * listing's, in decimal. */

/* The item as the document writes it: the whole one (ItemDetailResponse)
 * or, !detail, an entry of a list (ItemInUserItemsResponse). Its flags
 * (reserved, inactive, expired, sold) appear only when true. */
void wallapop_item_write(Request *r, JsonW *w, const Advert *ad, bool detail);
/* A list of the caller's items as UserItemsResponse, 40 a page in id order
 * from the `since` cursor of the query, meta.pagination.next naming the
 * next page (absent after the last): those in statuses (none: every
 * item's), and the extension filters external_id and license_plate. */
int wallapop_items_serve(Request *r, const AdvertStatus *statuses, int nstatuses);
/* The same list of the items that carry `inactive` only (GET
 * /items/inactive). */
int wallapop_items_serve_inactive(Request *r);

/* Handlers: items (items.c) and their status commands (items_status.c) */
int wallapop_items_create(Request *r);
int wallapop_items_list(Request *r);
int wallapop_items_get(Request *r);
int wallapop_items_replace(Request *r);
int wallapop_items_delete(Request *r);
int wallapop_items_sold(Request *r);
int wallapop_items_activate(Request *r);
int wallapop_items_inactivate(Request *r);
int wallapop_items_reserve(Request *r);
int wallapop_items_unreserve(Request *r);

/* An item's images (images.c): Wallapop's rule for an image file (JPEG,
 * 10 MB, copies at 320, 640 and 800 pixels wide), and the handlers that add
 * and delete one. */
extern const MediaRule wallapop_image_rule;
int wallapop_images_add(Request *r);
int wallapop_images_delete(Request *r);

/* Categories (categories.c): the tree, and a category's attributes */
int wallapop_categories_list(Request *r);
int wallapop_category_attributes(Request *r);
/* Webhook deliveries (deliveries.c): GET /webhooks/{webhookId}/deliveries,
 * souk's extension; the list's writer and paging, which the operator's
 * view shares. */
int wallapop_webhook_deliveries(Request *r);
void wallapop_jw_deliveries(Request *r, JsonW *w, const WebhookDelivery *list, int n, int limit);
/* ?before and ?limit; false when malformed (the caller answers 400). */
bool wallapop_deliveries_page(Request *r, int64_t *before, int *limit);

#endif
