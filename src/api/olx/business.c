/* business.c -- OLX's business profile: GET and PUT /users-business/me,
 * and the logos and banners (GET, POST by URL, DELETE by id). Business
 * accounts only: a private account is answered 403. Logos and banners are
 * images souk fetches, normalises and serves itself (core/media); their
 * ids are strings, as the document types them. */
#include "olx.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "../../core/business/business.h"
#include "../../util/errors.h"

static Actor caller(Request *r)
{
	Actor a = {.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
	return a;
}

static int fail(Request *r, int rc, const Violations *vs, const char *missing)
{
	switch (rc) {
	case SOUK_EINVAL:
		if (vs && vs->n) {
			OlxItem *items = arena_alloc(r->arena, sizeof(*items) * (size_t)vs->n);
			for (int i = 0; i < vs->n; i++) olx_validator_words(r, &vs->v[i], &items[i]);
			olx_validation_items(r, items, vs->n);
		} else {
			/* core/media: the URL's content is not an image. */
			olx_validation_error(r, "url", "Image error: Invalid image file");
		}
		return 0;
	case SOUK_EDENIED:
		olx_error(r, 403, "Only business accounts have a business profile");
		return 0;
	case SOUK_ENOTFOUND:
		olx_error(r, 404, missing);
		return 0;
	case SOUK_EEXIST:
		olx_validation_error(r, "subdomain", "This value is already used.");
		return 0;
	case SOUK_EREF:
		olx_validation_error(r, "url", "Image error: Remote file not exists");
		return 0;
	case SOUK_ETOOBIG:
		olx_validation_error(r, "url", "Image error: Invalid image file");
		return 0;
	case SOUK_ELIMIT:
		olx_validation_error(r, "url", "Image error: Image limit exceeded");
		return 0;
	}
	return rc;
}

static void write_url_object(JsonW *w, const char *key, const char *url)
{
	if (!url) return;
	jw_key(w, key);
	jw_obj(w);
	jw_kstr(w, "url", url);
	jw_obj_end(w);
}

static void respond_view(Request *r, const BusinessView *v)
{
	const BusinessProfile *p = &v->profile;
	JsonW w;
	olx_data_begin(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", p->user_id);
	jw_kstr(&w, "name", p->name ? p->name : "");
	jw_kstr(&w, "description", p->description ? p->description : "");
	jw_kstr(&w, "subdomain", p->subdomain ? p->subdomain : "");
	jw_kstr(&w, "website_url", p->website_url ? p->website_url : "");
	jw_key(&w, "address");
	jw_obj(&w);
	jw_kstr(&w, "street", p->street ? p->street : "");
	jw_kstr(&w, "number", p->number ? p->number : "");
	jw_kstr(&w, "postcode", p->postcode ? p->postcode : "");
	jw_kstr(&w, "city", p->city ? p->city : "");
	jw_obj_end(&w);
	jw_key(&w, "phones");
	jw_arr(&w);
	for (int i = 0; i < p->nphones; i++) jw_str(&w, p->phones[i]);
	jw_arr_end(&w);
	write_url_object(&w, "logo", v->logo_url);
	write_url_object(&w, "banner", v->banner_url);
	jw_obj_end(&w);
	olx_data_end(r, &w, 200);
}

int olx_business_get(Request *r)
{
	Actor who = caller(r);
	BusinessView v;
	int rc = business_get(&r->ctx, &who, &v);
	if (rc) return fail(r, rc, NULL, "Business profile not found");
	respond_view(r, &v);
	return 0;
}

/* A string member, null or absent as NULL; false (after answering) for
 * another type. */
static bool str_member(Request *r, json_object *o, const char *key, const char *field, const char **out)
{
	json_object *v = NULL;
	*out = NULL;
	if (!json_object_object_get_ex(o, key, &v) || !v) return true;
	if (json_object_is_type(v, json_type_string)) {
		*out = json_object_get_string(v);
		return true;
	}
	olx_validation_error(r, field, olx_invalid_words(r));
	return false;
}

static bool members_known(json_object *o, const char *const *names, size_t n)
{
	json_object_object_foreach(o, key, val) {
		(void)val;
		size_t i = 0;
		while (i < n && strcmp(key, names[i]) != 0) i++;
		if (i == n) return false;
	}
	return true;
}

/* The document's body: name, description, subdomain, website_url,
 * address {street, number, postcode, city}, phones [string]. */
static bool profile_parse(Request *r, BusinessProfile *p)
{
	static const char *const members[] = {"name", "description", "subdomain", "website_url", "address",
		"phones"};
	static const char *const address[] = {"street", "number", "postcode", "city"};
	json_object *addr = NULL, *phones = NULL;

	*p = (BusinessProfile){0};
	if (!json_object_is_type(r->json, json_type_object) || !members_known(r->json, members, 6)) {
		olx_syntax_error(r);
		return false;
	}
	if (!str_member(r, r->json, "name", "name", &p->name) ||
	    !str_member(r, r->json, "description", "description", &p->description) ||
	    !str_member(r, r->json, "subdomain", "subdomain", &p->subdomain) ||
	    !str_member(r, r->json, "website_url", "website_url", &p->website_url))
		return false;
	json_object_object_get_ex(r->json, "address", &addr);
	if (addr) {
		if (!json_object_is_type(addr, json_type_object) || !members_known(addr, address, 4)) {
			olx_syntax_error(r);
			return false;
		}
		if (!str_member(r, addr, "street", "address.street", &p->street) ||
		    !str_member(r, addr, "number", "address.number", &p->number) ||
		    !str_member(r, addr, "postcode", "address.postcode", &p->postcode) ||
		    !str_member(r, addr, "city", "address.city", &p->city))
			return false;
	}
	json_object_object_get_ex(r->json, "phones", &phones);
	if (!phones) return true;
	if (!json_object_is_type(phones, json_type_array)) {
		olx_validation_error(r, "phones", olx_invalid_words(r));
		return false;
	}
	size_t n = json_object_array_length(phones);
	/* One more than the core allows is enough for it to say too many. */
	p->nphones = (int)(n > BUSINESS_PHONES_MAX ? BUSINESS_PHONES_MAX + 1 : n);
	for (int i = 0; i < p->nphones && i < BUSINESS_PHONES_MAX; i++) {
		json_object *v = json_object_array_get_idx(phones, (size_t)i);
		if (!json_object_is_type(v, json_type_string)) {
			olx_validation_error(r, arena_printf(r->arena, "phones[%d]", i), olx_invalid_words(r));
			return false;
		}
		p->phones[i] = json_object_get_string(v);
	}
	return true;
}

int olx_business_put(Request *r)
{
	Actor who = caller(r);
	BusinessProfile in;
	BusinessView v;
	Violations vs;
	vs.n = 0;
	if (!profile_parse(r, &in)) return 0;
	int rc = business_replace(&r->ctx, &who, &in, &vs, &v);
	if (rc) return fail(r, rc, &vs, "Business profile not found");
	respond_view(r, &v);
	return 0;
}

/* --- logos and banners ----------------------------------------------------- */

static const char *missing_words(BusinessImageKind kind)
{
	return kind == BUSINESS_LOGO ? "Logo not found" : "Banner not found";
}

static int respond_images(Request *r, BusinessImageKind kind)
{
	Actor who = caller(r);
	BusinessImage *list;
	int n;
	int rc = business_images(&r->ctx, &who, kind, &list, &n);
	if (rc) return fail(r, rc, NULL, missing_words(kind));
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)list[i].id);
		jw_obj(&w);
		jw_kstr(&w, "id", id);
		jw_kstr(&w, "url", list[i].url);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

static int image_add(Request *r, BusinessImageKind kind)
{
	static const char *const members[] = {"url"};
	Actor who = caller(r);
	const char *url;
	BusinessImage img;
	if (!json_object_is_type(r->json, json_type_object) || !members_known(r->json, members, 1)) {
		olx_syntax_error(r);
		return 0;
	}
	if (!str_member(r, r->json, "url", "url", &url)) return 0;
	if (!url || !*url) {
		olx_validation_error(r, "url", "This value should not be blank.");
		return 0;
	}
	int rc = business_image_add(&r->ctx, &who, kind, url, &img);
	if (rc) return fail(r, rc, NULL, missing_words(kind));
	/* The document answers with the whole list. */
	return respond_images(r, kind);
}

static int image_delete(Request *r, BusinessImageKind kind)
{
	Actor who = caller(r);
	int64_t id;
	if (!param_id(r, 0, &id)) {
		olx_error(r, 404, missing_words(kind));
		return 0;
	}
	int rc = business_image_delete(&r->ctx, &who, kind, id);
	if (rc) return fail(r, rc, NULL, missing_words(kind));
	buf_reset(&r->out);
	http_respond(r, 204, NULL);
	return 0;
}

int olx_business_logos(Request *r) { return respond_images(r, BUSINESS_LOGO); }
int olx_business_logo_add(Request *r) { return image_add(r, BUSINESS_LOGO); }
int olx_business_logo_delete(Request *r) { return image_delete(r, BUSINESS_LOGO); }
int olx_business_banners(Request *r) { return respond_images(r, BUSINESS_BANNER); }
int olx_business_banner_add(Request *r) { return image_add(r, BUSINESS_BANNER); }
int olx_business_banner_delete(Request *r) { return image_delete(r, BUSINESS_BANNER); }
