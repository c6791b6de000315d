/* allegro.h -- the Allegro REST API face: sign-in under /auth/oauth (token
 * endpoint, JWKS, RFC 8414 metadata; the pages are web/'s) and the
 * resources (/me, /sale/...).
 *
 * Resources answer in the versioned media type the client asked for; a
 * refusal is {"errors": [{code, message, details, path, userMessage}]},
 * except a 401, which is OAuth2's {"error", "error_description"} (seed 004).
 * The token endpoint speaks RFC 6749 throughout. Every resource handler
 * uses conventions.h (media type, language, errors, body reading, paging,
 * filters, sorting, dates, prices) rather than parsing any of it itself. */
#ifndef SOUK_API_ALLEGRO_H
#define SOUK_API_ALLEGRO_H

#include "../reply.h"
#include "conventions.h"

#define ALLEGRO_OAUTH "/auth/oauth"

/* Handlers */
int allegro_token_post(Request *r);
int allegro_jwks_get(Request *r);
int allegro_metadata_get(Request *r);
int allegro_me_get(Request *r);
int allegro_device_post(Request *r);

/* The face's header rule (conventions.c): false after answering 406. */
bool allegro_check(Request *r);

/* Offers: classified ads' drafts and the seller's list (offers*.c) */
int allegro_offers_create(Request *r);
int allegro_offers_list(Request *r);
int allegro_offers_get(Request *r);
int allegro_offers_replace(Request *r);
int allegro_offers_delete(Request *r);

/* Offer contacts (contacts.c) */
int allegro_contacts_create(Request *r);
int allegro_contacts_list(Request *r);
int allegro_contacts_get(Request *r);
int allegro_contacts_replace(Request *r);

/* Categories and parameters (categories.c, parameters.c) */
int allegro_categories_list(Request *r);
int allegro_categories_get(Request *r);
int allegro_category_parameters(Request *r);
struct Catalog;
/* The catalog, and its language for the request's Accept-Language. */
int allegro_catalog(Request *r, const struct Catalog **cat, int *lang);
/* The catalog, its language and the category of path parameter 0 (*out
 * NULL after answering 404); a store error otherwise. */
int allegro_path_category(Request *r, const struct Catalog **cat, int *lang, const Category **out);
void allegro_category_not_found(Request *r);

/* Images (images.c): POST /sale/images */
int allegro_images_post(Request *r);

/* Event journals (offer_events*.c, category_events.c) */
int allegro_offer_events(Request *r);
int allegro_category_events(Request *r);

/* Publication commands and their tasks (publication*.c) */
int allegro_publication_put(Request *r);
int allegro_publication_get(Request *r);
int allegro_publication_tasks(Request *r);
/* Today's flow (product_offers.c): POST, PATCH, GET /sale/product-offers
 * and the operations a publication starts */
int allegro_product_offers_create(Request *r);
int allegro_product_offers_patch(Request *r);
int allegro_product_offers_get(Request *r);
int allegro_product_offer_operation(Request *r);
/* The name the face's publication commands give the core (publish.h). */
#define ALLEGRO_PUBLISH_FACE "allegro"
/* Gives the core the rules drafts published through this face must pass;
 * once, before the job runner starts. */
void allegro_publication_setup(void);
/* The path's command id (a UUID), lower case; NULL after answering 422. */
const char *allegro_command_id(Request *r);

/* Classifieds packages and the fee preview (packages.c, pricing.c) */
struct json_object;
struct Product;
int allegro_packages_list(Request *r);
int allegro_packages_get(Request *r);
int allegro_offer_packages_get(Request *r);
int allegro_offer_packages_put(Request *r);
int allegro_fee_preview(Request *r);
/* {basePackage: {id}, extraPackages: [{id}]} under the dotted prefix `at`
 * ("" or "classifiedsPackages.") as products; false after answering 422. */
bool allegro_packages_read(Request *r, struct json_object *o, const char *at, bool base_required,
	const struct Product **base, const struct Product ***extras, int *n);

#endif
