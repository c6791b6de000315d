/* category_edit.c -- the operator's changes to the category tree
 * (core/reference/category_edit.c): one category's row, its names, where a
 * new one goes, whether anything still uses one, and its removal with its
 * attribute definitions and texts. */
#include "sq.h"

#include "../../util/errors.h"

int store_category_get(Store *st, int64_t id, Category *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT id, parent_id, photos_limit, is_leaf FROM categories WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW)
		*out = (Category){.id = sqlite3_column_int64(s, 0), .parent_id = sqlite3_column_int64(s, 1),
			.photos_limit = sqlite3_column_int(s, 2), .is_leaf = sqlite3_column_int(s, 3) != 0};
	return sq_row_end(st, s, rc);
}

int store_category_next(Store *st, int64_t parent_id, int64_t *id, int *position)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT (SELECT coalesce(max(id), 0) + 1 FROM categories),"
		" (SELECT coalesce(max(position), -1) + 1 FROM categories WHERE parent_id IS ?)");
	sq_bind_opt_int(s, 1, parent_id != 0, parent_id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*position = sqlite3_column_int(s, 1);
	}
	return sq_row_end(st, s, rc);
}

int store_category_set_parent(Store *st, int64_t id, int64_t parent_id, int position)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE categories SET parent_id = ?, position = ? WHERE id = ?");
	sq_bind_opt_int(s, 1, parent_id != 0, parent_id);
	sqlite3_bind_int(s, 2, position);
	sqlite3_bind_int64(s, 3, id);
	return sq_exec(st, s);
}

int store_category_names(Store *st, Arena *a, int64_t id, const char **json)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT json_group_object(lang, text) FROM"
		" (SELECT lang, text FROM translations WHERE kind = ? AND ref_id = ? ORDER BY lang)");
	sqlite3_bind_int(s, 1, TEXT_CATEGORY_NAME);
	sqlite3_bind_int64(s, 2, id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) *json = sq_text(a, s, 0);
	return sq_row_end(st, s, rc);
}

int store_text_set(Store *st, int kind, int64_t ref_id, const char *lang, const char *text)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO translations(kind, ref_id, lang, text) VALUES(?, ?, ?, ?)"
		" ON CONFLICT(kind, ref_id, lang) DO UPDATE SET text = excluded.text");
	sqlite3_bind_int(s, 1, kind);
	sqlite3_bind_int64(s, 2, ref_id);
	sq_bind_text(s, 3, lang);
	sq_bind_text(s, 4, text);
	return sq_exec(st, s);
}

int store_category_uses(Store *st, int64_t id, int64_t *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT (SELECT count(*) FROM categories WHERE parent_id = ?1)"
		" + (SELECT count(*) FROM adverts WHERE category_id = ?1 AND status <> 'deleted')");
	sqlite3_bind_int64(s, 1, id);
	return sq_count(st, s, n);
}

int store_category_delete(Store *st, int64_t id)
{
	static const char *const steps[] = {
		"DELETE FROM translations WHERE kind = ?2 AND ref_id IN (SELECT v.id FROM attribute_values v"
		" JOIN category_attributes t ON t.id = v.attribute_id WHERE t.category_id = ?1)",
		"DELETE FROM attribute_values WHERE attribute_id IN"
		" (SELECT id FROM category_attributes WHERE category_id = ?1)",
		"DELETE FROM translations WHERE kind = ?3 AND ref_id IN"
		" (SELECT id FROM category_attributes WHERE category_id = ?1)",
		"DELETE FROM category_attributes WHERE category_id = ?1",
		"DELETE FROM translations WHERE kind IN (?4, ?5) AND ref_id = ?1",
		"DELETE FROM categories WHERE id = ?1",
	};
	const int kinds[] = {TEXT_VALUE_LABEL, TEXT_ATTRIBUTE_LABEL, TEXT_CATEGORY_NAME, TEXT_CATEGORY_KEYWORDS};
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		sqlite3_stmt *s = sq_stmt(st, steps[i]);
		sqlite3_bind_int64(s, 1, id);
		/* each statement names the kinds it needs by their number (?2-?5) */
		for (int k = 2; k <= sqlite3_bind_parameter_count(s); k++) sqlite3_bind_int(s, k, kinds[k - 2]);
		int rc = sq_exec(st, s);
		if (rc) return rc;
	}
	return 0;
}
