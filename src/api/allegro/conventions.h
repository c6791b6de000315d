/* conventions.h -- Allegro's REST conventions (seed 004), once for every
 * resource of the face: the media type and language a request chose, the
 * error envelope and its 422 list, reading a JSON body where null means
 * absent, paging, filters, sorting, dates and prices.
 *
 * The dispatcher enforces the headers through face_allegro (face.c): a wrong
 * Accept is 406 before authentication, a JSON body under another
 * Content-Type 415. A handler that is reached calls these helpers and never
 * parses a header or a query list itself. Everything returned lives in the
 * request's arena. */
#ifndef SOUK_API_ALLEGRO_CONVENTIONS_H
#define SOUK_API_ALLEGRO_CONVENTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "../../http/http.h"
#include "../../util/vec.h"

struct json_object;

#define ALLEGRO_MEDIA "application/vnd.allegro.public.v1+json"
#define ALLEGRO_MEDIA_BETA "application/vnd.allegro.beta.v1+json"

/* What a route takes, as the document lists it for the resource: most
 * are public v1 only (face_allegro's), a few beta v1 only
 * (face_allegro_beta's): the route table names one of the two faces. */
extern const char *const allegro_public_v1[];
extern const char *const allegro_beta_v1[];

/* --- Media type and language, chosen once per request ------------------- */

typedef enum AllegroLang {
	ALLEGRO_LANG_EN = 0,	/* en-US: the default, and for "*" */
	ALLEGRO_LANG_PL,	/* pl-PL */
} AllegroLang;

/* The media type answers carry: the versioned type the Accept header names
 * among the route's, else the one the body's Content-Type names, else the
 * route's first. */
const char *allegro_media(Request *r);
/* The one of types (NULL-terminated) a Content-Type names, its parameters
 * after ';' aside; NULL for none. */
const char *allegro_type_of(const char *content_type, const char *const *types);
/* The language of userMessage texts and of category and parameter names. */
AllegroLang allegro_lang(Request *r);
/* The text for the request's language: allegro_say(r, "Not found", "Nie znaleziono"). */
const char *allegro_say(Request *r, const char *en, const char *pl);

/* Pure parsers behind them (unit-tested). Accept: NULL or empty, "*" + "/" + "*",
 * "application/" + "*" and the versioned types offered (NULL-terminated)
 * are acceptable, by q-value; 0 and *media set (one of offered; NULL: no
 * preference), or SOUK_EINVAL (406: a versioned type the route does not
 * take is no better than any other type). */
int allegro_accept_parse(const char *accept, const char *const *offered, const char **media);
/* Accept-Language by q-value: pl and en (any region) are served; "*", absent
 * or nothing served gives English. */
AllegroLang allegro_lang_parse(const char *accept_language);

/* --- Answers --------------------------------------------------------------- */

/* Starts a body in r->out; allegro_done ends it with allegro_media(r). */
void allegro_begin(Request *r, JsonW *w);
void allegro_done(Request *r, int status);
/* 204, or a 200 without content: no body and no Content-Type. */
void allegro_no_content(Request *r, int status);

/* --- Errors: {"errors": [{code, message, details, path, userMessage}]} ----- */

typedef struct AllegroError {
	const char *code;		/* "VALIDATION_ERROR", "NotFoundException" */
	const char *message;		/* for the developer, English */
	const char *details;		/* NULL: null */
	const char *path;		/* the field at fault, dotted ("sellingMode.price.amount"); NULL: null */
	const char *user_message;	/* in allegro_lang(r); NULL: the status's generic text */
} AllegroError;

/* A list of errors gathered while reading a request, in the arena. */
typedef struct AllegroErrors {
	Vec v;			/* of AllegroError */
} AllegroErrors;

void allegro_errors_init(AllegroErrors *l, Arena *a);
/* Appends one; returns it so a caller may set details. */
AllegroError *allegro_errors_add(AllegroErrors *l, const char *code, const char *path,
	const char *message, const char *user_message);
static inline int allegro_errors_count(const AllegroErrors *l) { return (int)l->v.n; }
/* Writes the list: 422 for semantic errors (each with its path). */
void allegro_errors_send(Request *r, int status, const AllegroErrors *l);
void allegro_errors(Request *r, int status, const AllegroError *errs, int n);
/* The list alone, as a JSON array into w (a part of another answer, such as
 * a publication task's errors); codes and userMessage default by status. */
void allegro_jw_errors(Request *r, JsonW *w, int status, const AllegroError *errs, int n);
/* {"errors": [one error]}: code such as "NotFoundException"; path NULL
 * unless a field is at fault; the status's userMessage in the request's language. */
void allegro_error_one(Request *r, int status, const char *code, const char *message,
	const char *path);
/* The face's error writer for the dispatcher: the code follows the status. */
void allegro_error(Request *r, int status, const char *detail);

/* --- Reading a JSON body: null means absent ----------------------------- */

/* Clients send back the whole GET structure, nulls included, so a member
 * that is null is treated as absent. Names are dotted ("category.id"):
 * each step must be an object. NULL when absent, null, or under a
 * non-object (the typed readers report that as a wrong type). */
struct json_object *allegro_json_get(struct json_object *o, const char *dotted);
/* Typed reads: 0 absent (out unchanged), 1 read, -1 present with another
 * type (an error VALIDATION_ERROR at `dotted` is added to errs). Strings
 * must be JSON strings; integers JSON integers or strings of digits, as
 * Allegro sends ids both ways. */
int allegro_json_str(struct json_object *o, const char *dotted, const char **out,
	AllegroErrors *errs);
int allegro_json_int(struct json_object *o, const char *dotted, int64_t *out, AllegroErrors *errs);
int allegro_json_bool(struct json_object *o, const char *dotted, bool *out, AllegroErrors *errs);
/* An object or an array (json type given); the value is borrowed from o. */
int allegro_json_obj(struct json_object *o, const char *dotted, struct json_object **out,
	AllegroErrors *errs);
int allegro_json_arr(struct json_object *o, const char *dotted, struct json_object **out,
	AllegroErrors *errs);

/* --- Paging, filters, sorting ------------------------------------------- */

typedef struct AllegroPage {
	int64_t offset, limit;
} AllegroPage;

/* offset (default 0, 0..2147483647) and limit (default def, 1..max) from
 * the query; false after answering 422 VALIDATION_ERROR at "offset" or
 * "limit" for a value that is not an integer or out of range. */
bool allegro_page(Request *r, int64_t def, int64_t max, AllegroPage *out);
/* The pure part: NULL strings take the defaults; 0, or SOUK_EINVAL with *err
 * filled (its message NULL for a limit over max: the caller words it). */
int allegro_page_parse(const char *offset, const char *limit, int64_t def, int64_t max,
	AllegroPage *out, AllegroError *err);

/* The values of a filter named by its dotted field ("publication.status"),
 * from the parameter repeated, comma-joined, or both; empty items dropped,
 * order kept. Returns how many (0: the filter is absent). */
int allegro_filter(Request *r, const char *name, const char ***out);
/* The same for a fixed set of words: *mask gets bit i for allowed[i]
 * (NULL-terminated, at most 32). false after answering 422 at `name` for a
 * value outside the set. */
bool allegro_filter_enum(Request *r, const char *name, const char *const *allowed, unsigned *mask);
/* The pure part: splits raw values at commas. */
int allegro_list_split(Arena *a, const char *const *raw, int nraw, const char ***out);

typedef struct AllegroSortKey {
	int field;	/* index into the resource's sortable fields */
	bool desc;	/* "-field" */
} AllegroSortKey;

/* sort=-field,field against the resource's sortable fields (NULL-terminated):
 * *n keys in order (0: absent). false after answering 422 at "sort" for an
 * unknown or repeated field, an empty item, or more than max keys. */
bool allegro_sort(Request *r, const char *const *fields, AllegroSortKey *keys, int max, int *n);
/* The pure part: 0, or SOUK_EINVAL. */
int allegro_sort_parse(const char *s, const char *const *fields, AllegroSortKey *keys, int max,
	int *n);

/* --- Dates and prices ----------------------------------------------------- */

#define ALLEGRO_DATE_LEN 21	/* "2026-11-30T21:40:05Z" and a NUL */

/* Unix seconds as ISO 8601 UTC (seed 004: YYYY-MM-DDTHH:MM:SSZ). */
void allegro_date(int64_t t, char out[ALLEGRO_DATE_LEN]);
/* "key": date, or null for 0 (never). */
void allegro_jw_date(JsonW *w, const char *key, int64_t t);
/* Reads ISO 8601 with a zone ("Z" or "+01:00"), seconds fraction allowed and
 * dropped; 0 and *t in UTC seconds, or SOUK_EINVAL. */
int allegro_date_parse(const char *s, int64_t *t);

/* "key": {"amount": "10.23", "currency": "PLN"}: the amount a string of
 * the minor units (two decimals), the currency ISO 4217. */
void allegro_jw_price(JsonW *w, const char *key, int64_t minor, const char *currency);
/* Reads a price object at `dotted`: amount a string (or JSON number) of
 * digits with at most two decimals, not negative; currency three capital
 * letters. 0 absent, 1 read, -1 wrong (errors at dotted.amount / dotted.currency). */
int allegro_json_price(struct json_object *o, const char *dotted, int64_t *minor, char currency[4],
	AllegroErrors *errs);
/* The pure amount rule: 0, or SOUK_EINVAL. */
int allegro_amount_parse(const char *s, int64_t *minor);

#endif
