/* listing_parts.c -- what a listing holds in rows of other tables: images in
 * order, parameters with their values, and the description's sections. */
#include "listing_cols.h"

#include <string.h>

#include "../../util/buf.h"
#include "../../util/errors.h"
#include "../../util/vec.h"

/* --- the packed read copy (adverts.parts) ------------------------------------
 * version byte 1; count of images, each a string; count of parameters, each
 * a flags byte (1 multiple, 2 range_from, 4 range_to), the code, the range
 * ends present, the value ids and the free values as counted lists of
 * strings. Counts and string lengths are 32-bit little-endian. */

enum { PARTS_VERSION = 1, PARTS_MULTIPLE = 1, PARTS_FROM = 2, PARTS_TO = 4 };

static void put_u32(Buf *b, size_t v)
{
	unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
		(unsigned char)(v >> 24)};
	buf_append(b, x, 4);
}

static void put_str(Buf *b, const char *v)
{
	size_t n = strlen(v);
	put_u32(b, n);
	buf_append(b, v, n);
}

static void put_list(Buf *b, const char *const *v, int n)
{
	put_u32(b, (size_t)n);
	for (int k = 0; k < n; k++) put_str(b, v[k]);
}

void sq_parts_bind(sqlite3_stmt *s, int i, const Advert *ad)
{
	Buf b = {0};
	buf_putc(&b, PARTS_VERSION);
	put_u32(&b, (size_t)ad->nimages);
	for (int k = 0; k < ad->nimages; k++) put_str(&b, ad->images[k].url);
	put_u32(&b, (size_t)ad->nparams);
	for (int k = 0; k < ad->nparams; k++) {
		const AdvertParam *p = &ad->params[k];
		buf_putc(&b, (char)((p->multiple ? PARTS_MULTIPLE : 0) | (p->range_from ? PARTS_FROM : 0) |
			(p->range_to ? PARTS_TO : 0)));
		put_str(&b, p->code);
		if (p->range_from) put_str(&b, p->range_from);
		if (p->range_to) put_str(&b, p->range_to);
		put_list(&b, p->value_ids, p->nvalue_ids);
		put_list(&b, p->values, p->nvalues);
	}
	sqlite3_bind_blob(s, i, b.p, (int)b.len, SQLITE_TRANSIENT);
	buf_free(&b);
}

typedef struct Reader {
	Arena *a;
	const unsigned char *p, *end;
	bool bad;
} Reader;

static size_t get_u32(Reader *r)
{
	if (r->end - r->p < 4) {
		r->bad = true;
		return 0;
	}
	size_t v = (size_t)r->p[0] | (size_t)r->p[1] << 8 | (size_t)r->p[2] << 16 | (size_t)r->p[3] << 24;
	r->p += 4;
	return v;
}

static const char *get_str(Reader *r)
{
	size_t n = get_u32(r);
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		return "";
	}
	const char *v = arena_strndup(r->a, (const char *)r->p, n);
	r->p += n;
	return v;
}

/* A count of items of at least min bytes each that the rest can hold. */
static int get_count(Reader *r, size_t min)
{
	size_t n = get_u32(r);
	if (r->bad || n > (size_t)(r->end - r->p) / min) {
		r->bad = true;
		return 0;
	}
	return (int)n;
}

static const char **get_list(Reader *r, int *n)
{
	*n = get_count(r, 4);
	const char **v = arena_alloc(r->a, sizeof(*v) * (size_t)(*n ? *n : 1));
	for (int k = 0; k < *n; k++) v[k] = get_str(r);
	return v;
}

bool sq_parts_read(Arena *a, sqlite3_stmt *s, int col, Advert *ad)
{
	if (sq_null(s, col)) return false;
	Reader r = {.a = a, .p = sqlite3_column_blob(s, col)};
	r.end = r.p + sqlite3_column_bytes(s, col);
	if (!r.p || r.end - r.p < 1 || *r.p++ != PARTS_VERSION) return false;
	int nimages = get_count(&r, 4);
	AdvertImage *images = arena_alloc(a, sizeof(*images) * (size_t)(nimages ? nimages : 1));
	for (int k = 0; k < nimages; k++) images[k].url = get_str(&r);
	int nparams = get_count(&r, 13);
	AdvertParam *params = arena_zalloc(a, sizeof(*params) * (size_t)(nparams ? nparams : 1));
	for (int k = 0; k < nparams && !r.bad; k++) {
		AdvertParam *p = &params[k];
		unsigned flags = r.p < r.end ? *r.p++ : (r.bad = true, 0);
		p->multiple = flags & PARTS_MULTIPLE;
		p->code = get_str(&r);
		if (flags & PARTS_FROM) p->range_from = get_str(&r);
		if (flags & PARTS_TO) p->range_to = get_str(&r);
		p->value_ids = get_list(&r, &p->nvalue_ids);
		p->values = get_list(&r, &p->nvalues);
	}
	if (r.bad || r.p != r.end) return false;
	ad->images = images;
	ad->nimages = nimages;
	ad->params = params;
	ad->nparams = nparams;
	return true;
}

/* --- the tables ---------------------------------------------------------------- */

/* The current parameter's value lists, kept as vectors until its last row. */
typedef struct ParamValues {
	Vec ids, values;
} ParamValues;

static void param_values_close(ParamValues *pv, AdvertParam *p)
{
	p->value_ids = pv->ids.p;
	p->nvalue_ids = (int)pv->ids.n;
	p->values = pv->values.p;
	p->nvalues = (int)pv->values.n;
}

/* Images, then parameters with their values: two statements, each walking
 * its table's primary key in order (no sort). One compound statement for
 * both cost the GET path more than the second statement does. */
int sq_listing_parts_read(Store *st, Arena *a, Advert *ad)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT url FROM advert_images WHERE advert_id = ? ORDER BY position");
	sqlite3_bind_int64(s, 1, ad->id);
	Vec images = VEC_IN(a, AdvertImage);
	int rc;
	while ((rc = sq_step(st, s)) == SQLITE_ROW)
		*(AdvertImage *)vec_push(&images) = (AdvertImage){.url = sq_text(a, s, 0)};
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) return sq_error(st, rc);
	ad->images = images.p;
	ad->nimages = (int)images.n;

	s = sq_stmt(st, "SELECT p.position, p.code, p.multiple, p.range_from, p.range_to, v.value_id,"
		" v.value FROM advert_params p LEFT JOIN advert_param_values v"
		" ON v.advert_id = p.advert_id AND v.position = p.position WHERE p.advert_id = ?"
		" ORDER BY p.position, v.seq");
	sqlite3_bind_int64(s, 1, ad->id);
	Vec params = VEC_IN(a, AdvertParam);
	ParamValues pv = {0};
	int64_t last = -1;
	while ((rc = sq_step(st, s)) == SQLITE_ROW) {
		int64_t pos = sqlite3_column_int64(s, 0);
		if (pos != last) {
			if (params.n) param_values_close(&pv, (AdvertParam *)params.p + params.n - 1);
			*(AdvertParam *)vec_push(&params) = (AdvertParam){
				.code = sq_text(a, s, 1),
				.multiple = sqlite3_column_int(s, 2) != 0,
				.range_from = sq_text(a, s, 3),
				.range_to = sq_text(a, s, 4),
			};
			pv = (ParamValues){VEC_IN(a, const char *), VEC_IN(a, const char *)};
			last = pos;
		}
		if (!sq_null(s, 5)) *(const char **)vec_push(&pv.ids) = sq_text(a, s, 5);
		if (!sq_null(s, 6)) *(const char **)vec_push(&pv.values) = sq_text(a, s, 6);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) return sq_error(st, rc);
	if (params.n) param_values_close(&pv, (AdvertParam *)params.p + params.n - 1);
	ad->params = params.p;
	ad->nparams = (int)params.n;
	return 0;
}

int store_advert_sections(Store *st, Arena *a, int64_t id, DescSection **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT section, type, content FROM advert_description"
		" WHERE advert_id = ? ORDER BY section, item");
	sqlite3_bind_int64(s, 1, id);
	Vec list = VEC_IN(a, DescSection);
	int rc;
	int64_t last = -1;
	while ((rc = sq_step(st, s)) == SQLITE_ROW) {
		int64_t section = sqlite3_column_int64(s, 0);
		if (section != last) {
			*(DescSection *)vec_push(&list) = (DescSection){0};
			last = section;
		}
		DescSection *sec = (DescSection *)list.p + list.n - 1;
		if (sec->nitems == DESC_SECTION_ITEMS_MAX) continue;	/* the schema's PK allows more; the model does not */
		const char *type = (const char *)sqlite3_column_text(s, 1);
		sec->items[sec->nitems++] = (DescItem){
			.type = type && strcmp(type, "IMAGE") == 0 ? DESC_IMAGE : DESC_TEXT,
			.content = sq_text(a, s, 2),
		};
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) return sq_error(st, rc);
	*out = list.p;
	*n = (int)list.n;
	return 0;
}

static int write_images(Store *st, const Advert *ad)
{
	for (int k = 0; k < ad->nimages; k++) {
		sqlite3_stmt *s = sq_stmt(st, "INSERT INTO advert_images(advert_id, position, url)"
			" VALUES(?, ?, ?)");
		sqlite3_bind_int64(s, 1, ad->id);
		sqlite3_bind_int(s, 2, k);
		sq_bind_text(s, 3, ad->images[k].url);
		int rc = sq_exec(st, s);
		if (rc) return rc;
	}
	return 0;
}

static int write_value(Store *st, int64_t id, int pos, int seq, const char *value_id, const char *value)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO advert_param_values(advert_id, position, seq,"
		" value_id, value) VALUES(?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, pos);
	sqlite3_bind_int(s, 3, seq);
	sq_bind_text(s, 4, value_id);
	sq_bind_text(s, 5, value);
	return sq_exec(st, s);
}

static int write_params(Store *st, const Advert *ad)
{
	int rc;
	for (int k = 0; k < ad->nparams; k++) {
		const AdvertParam *p = &ad->params[k];
		sqlite3_stmt *s = sq_stmt(st, "INSERT INTO advert_params(advert_id, position, code,"
			" multiple, range_from, range_to) VALUES(?, ?, ?, ?, ?, ?)");
		sqlite3_bind_int64(s, 1, ad->id);
		sqlite3_bind_int(s, 2, k);
		sq_bind_text(s, 3, p->code);
		sqlite3_bind_int(s, 4, p->multiple);
		sq_bind_text(s, 5, p->range_from);
		sq_bind_text(s, 6, p->range_to);
		if ((rc = sq_exec(st, s)) != 0) return rc;
		/* Value ids first, then free values: each list keeps its order. */
		int seq = 0;
		for (int v = 0; v < p->nvalue_ids; v++)
			if ((rc = write_value(st, ad->id, k, seq++, p->value_ids[v], NULL)) != 0) return rc;
		for (int v = 0; v < p->nvalues; v++)
			if ((rc = write_value(st, ad->id, k, seq++, NULL, p->values[v])) != 0) return rc;
	}
	return 0;
}

static int write_sections(Store *st, const Advert *ad)
{
	for (int k = 0; k < ad->nsections; k++) {
		const DescSection *sec = &ad->sections[k];
		for (int j = 0; j < sec->nitems; j++) {
			sqlite3_stmt *s = sq_stmt(st, "INSERT INTO advert_description(advert_id, section,"
				" item, type, content) VALUES(?, ?, ?, ?, ?)");
			sqlite3_bind_int64(s, 1, ad->id);
			sqlite3_bind_int(s, 2, k);
			sqlite3_bind_int(s, 3, j);
			sq_bind_text(s, 4, sec->items[j].type == DESC_IMAGE ? "IMAGE" : "TEXT");
			sq_bind_text(s, 5, sec->items[j].content);
			int rc = sq_exec(st, s);
			if (rc) return rc;
		}
	}
	return 0;
}

int sq_listing_parts_write(Store *st, const Advert *ad, bool replace)
{
	static const char *const clear[] = {
		"DELETE FROM advert_images WHERE advert_id = ?",
		"DELETE FROM advert_params WHERE advert_id = ?",	/* its values cascade */
		"DELETE FROM advert_description WHERE advert_id = ?",
	};
	int rc;
	for (size_t k = 0; replace && k < sizeof(clear) / sizeof(clear[0]); k++) {
		sqlite3_stmt *s = sq_stmt(st, clear[k]);
		sqlite3_bind_int64(s, 1, ad->id);
		if ((rc = sq_exec(st, s)) != 0) return rc;
	}
	if ((rc = write_images(st, ad)) != 0) return rc;
	if ((rc = write_params(st, ad)) != 0) return rc;
	return write_sections(st, ad);
}

int store_advert_images_replace(Store *st, const Advert *ad)
{
	/* The packed read copy holds the images too: both change together. */
	sqlite3_stmt *s = sq_stmt(st, "UPDATE adverts SET updated_at = ?, parts = ? WHERE id = ?");
	sqlite3_bind_int64(s, 1, ad->updated_at);
	sq_parts_bind(s, 2, ad);
	sqlite3_bind_int64(s, 3, ad->id);
	int rc = sq_exec_found(st, s);
	if (rc) return rc;
	s = sq_stmt(st, "DELETE FROM advert_images WHERE advert_id = ?");
	sqlite3_bind_int64(s, 1, ad->id);
	if ((rc = sq_exec(st, s)) != 0) return rc;
	return write_images(st, ad);
}
