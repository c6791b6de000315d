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

/* Envelopes */
void olx_data_begin(Request *r, JsonW *w);	/* writes {"data": */
void olx_data_end(Request *r, JsonW *w, int status);
/* {"error":{"status":S,"title":T,"detail":D}} */
void olx_error(Request *r, int status, const char *detail);
/* 400 with the validation array: every violation, or one (field, title). */
void olx_validation(Request *r, const Violations *vs);
void olx_validation_error(Request *r, const char *field, const char *title);
/* 400 "Error while decoding JSON data: Syntax error", in the seed's data wrapper. */
void olx_syntax_error(Request *r);
/* Times as OLX writes them: "2018-01-29 14:04:13". */
void olx_time(JsonW *w, const char *key, int64_t t);

/* Adverts: parsing a body, writing one advert */
int olx_advert_parse(Request *r, struct AdvertInput *in, Violations *vs, bool *syntax);
const char *olx_advert_url(Request *r, int64_t id);
void olx_advert_write(Request *r, JsonW *w, const Advert *ad);

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

#endif
