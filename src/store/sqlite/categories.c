/* categories.c -- the category tree, attribute definitions and their
 * values, texts in every language, site languages and currencies. */
#include "sq.h"

#include <string.h>

#include "../../util/errors.h"

static void bind_opt_int(sqlite3_stmt *s, int idx, bool has, int64_t v)
{
	if (has) sqlite3_bind_int64(s, idx, v);
	else sqlite3_bind_null(s, idx);
}

static const char *const attr_types[] = {"attribute", "price", "salary"};

/* --- writes ------------------------------------------------------------- */

int store_category_insert(Store *st, const Category *c, int position)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO categories(id, parent_id, position, photos_limit, is_leaf)"
		" VALUES(?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, c->id);
	bind_opt_int(s, 2, c->parent_id != 0, c->parent_id);
	sqlite3_bind_int(s, 3, position);
	sqlite3_bind_int(s, 4, c->photos_limit);
	sqlite3_bind_int(s, 5, c->is_leaf);
	return sq_exec(st, s);
}

int store_attribute_insert(Store *st, int64_t category_id, int position, const Attribute *a,
	int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO category_attributes(category_id, position, code, unit, type, required,"
		" numeric, min_value, max_value, multiple, decimals) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, category_id);
	sqlite3_bind_int(s, 2, position);
	sq_bind_text(s, 3, a->code);
	sq_bind_text(s, 4, a->unit);
	sqlite3_bind_text(s, 5, attr_types[a->type], -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 6, a->required);
	sqlite3_bind_int(s, 7, a->numeric);
	bind_opt_int(s, 8, a->has_min, a->min);
	bind_opt_int(s, 9, a->has_max, a->max);
	sqlite3_bind_int(s, 10, a->multiple);
	sqlite3_bind_int(s, 11, a->decimals);
	return sq_insert(st, s, id);
}

int store_attribute_value_insert(Store *st, int64_t attribute_id, int position, const char *code,
	int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO attribute_values(attribute_id, position, code) VALUES(?, ?, ?)");
	sqlite3_bind_int64(s, 1, attribute_id);
	sqlite3_bind_int(s, 2, position);
	sq_bind_text(s, 3, code);
	return sq_insert(st, s, id);
}

int store_text_insert(Store *st, int kind, int64_t ref_id, const char *lang, const char *text)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO translations(kind, ref_id, lang, text) VALUES(?, ?, ?, ?)");
	sqlite3_bind_int(s, 1, kind);
	sqlite3_bind_int64(s, 2, ref_id);
	sq_bind_text(s, 3, lang);
	sq_bind_text(s, 4, text);
	return sq_exec(st, s);
}

int store_language_insert(Store *st, const Language *l, int position)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO languages(code, position, is_default) VALUES(?, ?, ?)");
	sq_bind_text(s, 1, l->code);
	sqlite3_bind_int(s, 2, position);
	sqlite3_bind_int(s, 3, l->is_default);
	return sq_exec(st, s);
}

int store_currency_insert(Store *st, const Currency *c, int position)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO currencies(code, position, label, is_default) VALUES(?, ?, ?, ?)");
	sq_bind_text(s, 1, c->code);
	sqlite3_bind_int(s, 2, position);
	sq_bind_text(s, 3, c->label);
	sqlite3_bind_int(s, 4, c->is_default);
	return sq_exec(st, s);
}

int store_categories_count(Store *st, int64_t *n)
{
	return sq_count(st, sq_stmt(st, "SELECT count(*) FROM categories"), n);
}

int store_languages_count(Store *st, int64_t *n)
{
	return sq_count(st, sq_stmt(st, "SELECT count(*) FROM languages"), n);
}

int store_currencies_count(Store *st, int64_t *n)
{
	return sq_count(st, sq_stmt(st, "SELECT count(*) FROM currencies"), n);
}

/* --- reads -------------------------------------------------------------- */

struct Each {
	Arena *a;
	union {
		int (*category)(void *u, const Category *c, int position);
		int (*attribute)(void *u, int64_t id, int64_t category_id, const Attribute *at);
		int (*value)(void *u, int64_t id, int64_t attribute_id, const char *code);
		int (*text)(void *u, int64_t ref_id, const char *lang, const char *text);
		int (*language)(void *u, const Language *l);
		int (*currency)(void *u, const Currency *c);
	} fn;
	void *u;
};

static int category_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	Category c = {
		.id = sqlite3_column_int64(s, 0),
		.parent_id = sqlite3_column_int64(s, 1),	/* NULL reads as 0 */
		.photos_limit = sqlite3_column_int(s, 3),
		.is_leaf = sqlite3_column_int(s, 4) != 0,
	};
	return e->fn.category(e->u, &c, sqlite3_column_int(s, 2));
}

int store_categories_each(Store *st, Arena *a, int (*fn)(void *u, const Category *c, int position),
	void *u)
{
	struct Each e = {a, {.category = fn}, u};
	return sq_each(st, sq_stmt(st,
		"SELECT id, parent_id, position, photos_limit, is_leaf FROM categories ORDER BY position, id"),
		category_row, &e);
}

static int attribute_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	const char *type = (const char *)sqlite3_column_text(s, 4);
	Attribute at = {
		.code = sq_text(e->a, s, 2),
		.unit = sq_text(e->a, s, 3),
		.type = ATTR_ATTRIBUTE,
		.required = sqlite3_column_int(s, 5) != 0,
		.numeric = sqlite3_column_int(s, 6) != 0,
		.has_min = sqlite3_column_type(s, 7) != SQLITE_NULL,
		.min = sqlite3_column_int64(s, 7),
		.has_max = sqlite3_column_type(s, 8) != SQLITE_NULL,
		.max = sqlite3_column_int64(s, 8),
		.multiple = sqlite3_column_int(s, 9) != 0,
		.decimals = sqlite3_column_int(s, 10),
	};
	if (type && strcmp(type, "price") == 0) at.type = ATTR_PRICE;
	else if (type && strcmp(type, "salary") == 0) at.type = ATTR_SALARY;
	return e->fn.attribute(e->u, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), &at);
}

int store_attributes_each(Store *st, Arena *a,
	int (*fn)(void *u, int64_t id, int64_t category_id, const Attribute *at), void *u)
{
	struct Each e = {a, {.attribute = fn}, u};
	return sq_each(st, sq_stmt(st,
		"SELECT id, category_id, code, unit, type, required, numeric, min_value, max_value,"
		" multiple, decimals FROM category_attributes ORDER BY category_id, position"), attribute_row, &e);
}

static int value_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	return e->fn.value(e->u, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
		sq_text(e->a, s, 2));
}

int store_attribute_values_each(Store *st, Arena *a,
	int (*fn)(void *u, int64_t id, int64_t attribute_id, const char *code), void *u)
{
	struct Each e = {a, {.value = fn}, u};
	return sq_each(st, sq_stmt(st,
		"SELECT id, attribute_id, code FROM attribute_values ORDER BY attribute_id, position"),
		value_row, &e);
}

static int text_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	return e->fn.text(e->u, sqlite3_column_int64(s, 0), sq_text(e->a, s, 1), sq_text(e->a, s, 2));
}

int store_texts_each(Store *st, Arena *a, int kind,
	int (*fn)(void *u, int64_t ref_id, const char *lang, const char *text), void *u)
{
	struct Each e = {a, {.text = fn}, u};
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT ref_id, lang, text FROM translations WHERE kind = ? ORDER BY ref_id, lang");
	sqlite3_bind_int(s, 1, kind);
	return sq_each(st, s, text_row, &e);
}

static int language_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	Language l = {.code = sq_text(e->a, s, 0), .is_default = sqlite3_column_int(s, 1) != 0};
	return e->fn.language(e->u, &l);
}

int store_languages_each(Store *st, Arena *a, int (*fn)(void *u, const Language *l), void *u)
{
	struct Each e = {a, {.language = fn}, u};
	return sq_each(st, sq_stmt(st,
		"SELECT code, is_default FROM languages ORDER BY position"), language_row, &e);
}

static int currency_row(sqlite3_stmt *s, void *ctx)
{
	struct Each *e = ctx;
	Currency c = {
		.code = sq_text(e->a, s, 0),
		.label = sq_text(e->a, s, 1),
		.is_default = sqlite3_column_int(s, 2) != 0,
	};
	return e->fn.currency(e->u, &c);
}

int store_currencies_each(Store *st, Arena *a, int (*fn)(void *u, const Currency *c), void *u)
{
	struct Each e = {a, {.currency = fn}, u};
	return sq_each(st, sq_stmt(st,
		"SELECT code, label, is_default FROM currencies ORDER BY position"), currency_row, &e);
}
