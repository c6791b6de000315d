/* conventions.c -- the media type and language an Allegro request chose
 * (seed 004: versioning by media type, Accept-Language), worked out once per
 * request and kept in r->face_data, and the answers that carry them. */
#include "allegro.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../util/errors.h"

/* One item of a comma-separated header: its value up to ';' (trimmed) and
 * its q (1000 = 1.0; RFC 9110 allows three decimals). */
typedef struct HeaderItem {
	const char *p;
	size_t n;
	int q;
} HeaderItem;

static const char *skip_ws(const char *s)
{
	while (*s == ' ' || *s == '\t') s++;
	return s;
}

static int parse_q(const char *s, size_t n)
{
	/* "0", "0.5", "1", "1.000"; anything else counts as 1 (lenient, as browsers are). */
	if (n == 0 || (s[0] != '0' && s[0] != '1')) return 1000;
	int q = (s[0] - '0') * 1000, scale = 100;
	size_t i = 1;
	if (i < n && s[i] == '.') {
		for (i = 2; i < n && i < 5 && s[i] >= '0' && s[i] <= '9'; i++, scale /= 10)
			q += (s[i] - '0') * scale;
	}
	return q > 1000 ? 1000 : q;
}

/* Reads the item starting at s; returns where the next one starts, NULL at the end. */
static const char *next_item(const char *s, HeaderItem *it)
{
	s = skip_ws(s);
	if (!*s) return NULL;
	const char *end = s + strcspn(s, ",");
	const char *semi = memchr(s, ';', (size_t)(end - s));
	const char *vend = semi ? semi : end;
	while (vend > s && (vend[-1] == ' ' || vend[-1] == '\t')) vend--;
	it->p = s;
	it->n = (size_t)(vend - s);
	it->q = 1000;
	for (const char *a = semi; a && a < end;) {
		a = skip_ws(a + 1);
		const char *aend = memchr(a, ';', (size_t)(end - a));
		if (!aend) aend = end;
		if ((a[0] == 'q' || a[0] == 'Q') && a[1] == '=') it->q = parse_q(a + 2, (size_t)(aend - a - 2));
		a = aend;
	}
	return *end ? end + 1 : end;
}

static bool item_is(const HeaderItem *it, const char *s)
{
	return it->n == strlen(s) && strncasecmp(it->p, s, it->n) == 0;
}

const char *const allegro_public_v1[] = {ALLEGRO_MEDIA, NULL};
const char *const allegro_beta_v1[] = {ALLEGRO_MEDIA_BETA, NULL};

/* The offered type an Accept item names, or NULL. */
static const char *offered_item(const HeaderItem *it, const char *const *offered)
{
	for (; *offered; offered++)
		if (item_is(it, *offered)) return *offered;
	return NULL;
}

int allegro_accept_parse(const char *accept, const char *const *offered, const char **media)
{
	*media = NULL;
	if (!accept || !*skip_ws(accept)) return 0;
	int best_q = 0, best_rank = 0;
	HeaderItem it;
	for (const char *s = accept; (s = next_item(s, &it));) {
		/* A versioned type ranks above a wildcard of the same q (RFC 9110 12.5.1). */
		const char *m = offered_item(&it, offered);
		int rank;
		if (m) rank = 2;
		else if (item_is(&it, "*/*") || item_is(&it, "application/*")) rank = 1;
		else continue;
		if (it.q == 0) continue;
		if (it.q > best_q || (it.q == best_q && rank > best_rank)) {
			best_q = it.q;
			best_rank = rank;
			*media = m;
		}
	}
	return best_q > 0 ? 0 : SOUK_EINVAL;
}

AllegroLang allegro_lang_parse(const char *accept_language)
{
	if (!accept_language) return ALLEGRO_LANG_EN;
	AllegroLang best = ALLEGRO_LANG_EN;
	int best_q = 0;
	HeaderItem it;
	for (const char *s = accept_language; (s = next_item(s, &it));) {
		/* The primary subtag decides: "pl", "pl-PL", "PL-pl" are Polish. */
		size_t primary = strcspn(it.p, "-,; \t");
		if (primary > it.n) primary = it.n;
		AllegroLang l;
		if (primary == 2 && strncasecmp(it.p, "pl", 2) == 0) l = ALLEGRO_LANG_PL;
		else if (primary == 2 && strncasecmp(it.p, "en", 2) == 0) l = ALLEGRO_LANG_EN;
		else if (item_is(&it, "*")) l = ALLEGRO_LANG_EN;
		else continue;
		if (it.q > best_q) {
			best_q = it.q;
			best = l;
		}
	}
	return best;
}

/* What a request chose, worked out on first use: the dispatcher's check
 * asks first, but a 404 or 405 is written before any check runs. */
typedef struct AllegroChoice {
	const char *media;
	AllegroLang lang;
	bool acceptable;
} AllegroChoice;

const char *allegro_type_of(const char *ct, const char *const *types)
{
	for (; ct && *types; types++) {
		size_t n = strlen(*types);
		if (strncasecmp(ct, *types, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' '))
			return *types;
	}
	return NULL;
}

/* Every versioned type of the face, whichever routes take them. */
static const char *const face_media[] = {ALLEGRO_MEDIA, ALLEGRO_MEDIA_BETA, NULL};

/* The route's types (its face's: face_allegro or face_allegro_beta); a
 * request no route matched (a 404, a 405) is answered in whichever of the
 * face's types it asked for. */
static const char *const *offered(Request *r)
{
	return r->route && r->route->face->json_types ? r->route->face->json_types : face_media;
}

static AllegroChoice *choice(Request *r)
{
	AllegroChoice *c = r->face_data;
	if (c) return c;
	c = r->face_data = arena_zalloc(r->arena, sizeof(*c));
	const char *const *types = offered(r);
	c->acceptable = allegro_accept_parse(http_header(r, "Accept"), types, &c->media) == 0;
	if (!c->media) c->media = allegro_type_of(http_header(r, "Content-Type"), types);
	if (!c->media) c->media = types[0];
	c->lang = allegro_lang_parse(http_header(r, "Accept-Language"));
	return c;
}

const char *allegro_media(Request *r)
{
	return choice(r)->media;
}

AllegroLang allegro_lang(Request *r)
{
	return choice(r)->lang;
}

const char *allegro_say(Request *r, const char *en, const char *pl)
{
	return allegro_lang(r) == ALLEGRO_LANG_PL ? pl : en;
}

/* The face's header rule for the dispatcher. DELETE is not versioned
 * (seed 004), so any Accept does for it. */
bool allegro_check(Request *r)
{
	AllegroChoice *c = choice(r);
	if (!c->acceptable && r->method != HTTP_DELETE) {
		allegro_error_one(r, 406, "NotAcceptableException",
			"Not acceptable representation requested. Please check 'Accept' request header", NULL);
		return false;
	}
	/* A body comes in the route's media types: one in another version of
	 * the face's is refused here, a JSON route's other types by the
	 * dispatcher, and one sent where none is taken here too. Routes that
	 * take other bodies (image bytes) say so and are left alone. */
	const char *ct = http_header(r, "Content-Type");
	const char *const *types = offered(r);
	bool versioned = allegro_type_of(ct, face_media) != NULL;
	if (r->route && ((versioned && !allegro_type_of(ct, types)) ||
	    (r->route->body == BODY_NONE && r->body.len && !versioned))) {
		allegro_error_one(r, 415, "UnsupportedMediaTypeException",
			arena_printf(r->arena, "Unsupported Media Type: send %s", types[0]), NULL);
		return false;
	}
	return true;
}

void allegro_begin(Request *r, JsonW *w)
{
	reply_json(r, w);
}

void allegro_done(Request *r, int status)
{
	http_add_header(r, "Content-Language", allegro_lang(r) == ALLEGRO_LANG_PL ? "pl-PL" : "en-US");
	http_respond(r, status, allegro_media(r));
}

void allegro_no_content(Request *r, int status)
{
	buf_reset(&r->out);
	http_respond(r, status, NULL);
}
