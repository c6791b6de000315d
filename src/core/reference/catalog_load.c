/* catalog_load.c -- loading data/categories.json and data/reference.json
 * (formats in docs/DATA.md) into the store: categories with their names,
 * keywords and attributes; languages and currencies. */
#include "categories.h"

#include <json-c/json.h>
#include <string.h>

#include "../../util/buf.h"
#include "../../util/errors.h"
#include "../events/events.h"

/* A member, or NULL when absent or null (json-c gives null as NULL). */
static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;
	return o && json_object_object_get_ex(o, key, &v) ? v : NULL;
}

static bool is_type(json_object *v, json_type t)
{
	return v && json_object_get_type(v) == t;
}

/* Inserts one text per language of a {"pl": ..., "en": ...} object. */
static int put_texts(Ctx *c, int kind, int64_t ref, json_object *obj)
{
	if (!is_type(obj, json_type_object)) return SOUK_EINVAL;
	json_object_object_foreach(obj, lang, v) {
		int rc;
		if (!is_type(v, json_type_string)) return SOUK_EINVAL;
		if ((rc = store_text_insert(c->st, kind, ref, lang, json_object_get_string(v))) != 0) return rc;
	}
	return 0;
}

static int put_keywords(Ctx *c, int64_t ref, json_object *obj)
{
	if (!obj) return 0;
	if (!is_type(obj, json_type_object)) return SOUK_EINVAL;
	json_object_object_foreach(obj, lang, list) {
		if (!is_type(list, json_type_array)) return SOUK_EINVAL;
		size_t n = json_object_array_length(list);
		if (n == 0) continue;
		Buf b = {0};
		for (size_t i = 0; i < n; i++) {
			json_object *k = json_object_array_get_idx(list, i);
			if (!is_type(k, json_type_string)) {
				buf_free(&b);
				return SOUK_EINVAL;
			}
			if (i) buf_putc(&b, '\n');
			buf_puts(&b, json_object_get_string(k));
		}
		int rc = store_text_insert(c->st, TEXT_CATEGORY_KEYWORDS, ref, lang, buf_cstr(&b));
		buf_free(&b);
		if (rc) return rc;
	}
	return 0;
}

static bool opt_int(json_object *v, bool *has, int64_t *out)
{
	*has = false;
	if (!v || is_type(v, json_type_null)) return true;
	if (!is_type(v, json_type_int)) return false;
	*has = true;
	*out = json_object_get_int64(v);
	return true;
}

static int put_attribute(Ctx *c, int64_t cat_id, int position, json_object *ja)
{
	json_object *val = get(ja, "validation"), *code = get(ja, "code"), *unit = get(ja, "unit");
	json_object *type = get(val, "type"), *values = get(ja, "values");
	if (!is_type(code, json_type_string) || !is_type(type, json_type_string) ||
	    !(unit == NULL || is_type(unit, json_type_null) || is_type(unit, json_type_string)) ||
	    !(values == NULL || is_type(values, json_type_array)))
		return SOUK_EINVAL;
	Attribute a = {
		.code = json_object_get_string(code),
		.unit = is_type(unit, json_type_string) ? json_object_get_string(unit) : NULL,
		.required = json_object_get_boolean(get(val, "required")),
		.numeric = json_object_get_boolean(get(val, "numeric")),
		.multiple = json_object_get_boolean(get(val, "allow_multiple_values")),
	};
	const char *t = json_object_get_string(type);
	if (strcmp(t, "price") == 0) a.type = ATTR_PRICE;
	else if (strcmp(t, "salary") == 0) a.type = ATTR_SALARY;
	else if (strcmp(t, "attribute") == 0) a.type = ATTR_ATTRIBUTE;
	else return SOUK_EINVAL;
	if (!opt_int(get(val, "min"), &a.has_min, &a.min) || !opt_int(get(val, "max"), &a.has_max, &a.max))
		return SOUK_EINVAL;
	/* decimals: optional, 0 (whole numbers) when absent */
	bool has_decimals;
	int64_t decimals = 0;
	if (!opt_int(get(val, "decimals"), &has_decimals, &decimals) || decimals < 0 ||
	    decimals > ATTRIBUTE_DECIMALS_MAX || (decimals && !a.numeric))
		return SOUK_EINVAL;
	a.decimals = (int)decimals;
	int64_t aid;
	int rc = store_attribute_insert(c->st, cat_id, position, &a, &aid);
	if (rc) return rc;
	if ((rc = put_texts(c, TEXT_ATTRIBUTE_LABEL, aid, get(ja, "label"))) != 0) return rc;
	size_t nv = values ? json_object_array_length(values) : 0;
	for (size_t i = 0; i < nv; i++) {
		json_object *jv = json_object_array_get_idx(values, i);
		json_object *vc = get(jv, "code");
		int64_t vid;
		if (!is_type(vc, json_type_string)) return SOUK_EINVAL;
		if ((rc = store_attribute_value_insert(c->st, aid, (int)i, json_object_get_string(vc), &vid)) != 0)
			return rc;
		if ((rc = put_texts(c, TEXT_VALUE_LABEL, vid, get(jv, "label"))) != 0) return rc;
	}
	return 0;
}

int catalog_load_categories_json(Ctx *c, const char *text, size_t len, int *count)
{
	json_tokener *tok = json_tokener_new();
	json_object *root = json_tokener_parse_ex(tok, text, (int)len);
	json_tokener_free(tok);
	json_object *list = get(root, "categories");
	int rc = 0;
	size_t n = 0;
	int64_t id = 0;

	if (!is_type(list, json_type_array)) {
		rc = ctx_fail(c, SOUK_EINVAL, NULL, "categories file: no \"categories\" array");
		goto out;
	}
	n = json_object_array_length(list);
	for (size_t i = 0; i < n; i++) {
		json_object *jc = json_object_array_get_idx(list, i);
		json_object *jid = get(jc, "id"), *parent = get(jc, "parent_id"), *attrs = get(jc, "attributes");
		if (!is_type(jid, json_type_int) || !(parent == NULL || is_type(parent, json_type_int)) ||
		    !(attrs == NULL || is_type(attrs, json_type_array))) {
			rc = SOUK_EINVAL;
			break;
		}
		Category cat = {
			.id = id = json_object_get_int64(jid),
			.parent_id = is_type(parent, json_type_int) ? json_object_get_int64(parent) : 0,
			.photos_limit = json_object_get_int(get(jc, "photos_limit")),
			.is_leaf = json_object_get_boolean(get(jc, "is_leaf")),
		};
		if ((rc = store_category_insert(c->st, &cat, (int)i)) != 0) break;
		json_object *name = get(jc, "name");
		if ((rc = event_category_created(c, &actor_marketplace, &cat,
			name ? json_object_to_json_string_ext(name, JSON_C_TO_STRING_PLAIN) : NULL)) != 0)
			break;
		if ((rc = put_texts(c, TEXT_CATEGORY_NAME, cat.id, get(jc, "name"))) != 0) break;
		if ((rc = put_keywords(c, cat.id, get(jc, "keywords"))) != 0) break;
		size_t na = attrs ? json_object_array_length(attrs) : 0;
		for (size_t k = 0; k < na && rc == 0; k++)
			rc = put_attribute(c, cat.id, (int)k, json_object_array_get_idx(attrs, k));
		if (rc) break;
	}
	if (rc == SOUK_EINVAL || rc == SOUK_EEXIST)
		rc = ctx_fail(c, SOUK_EINVAL, NULL, "categories file: category %lld is malformed", (long long)id);
	else if (rc)
		rc = ctx_fail(c, rc, NULL, "categories file: %s", souk_strerror(rc));
	else if (count)
		*count = (int)n;
out:
	json_object_put(root);
	return rc;
}

int catalog_load_reference_json(Ctx *c, const char *text, size_t len, bool languages,
	bool currencies)
{
	json_tokener *tok = json_tokener_new();
	json_object *root = json_tokener_parse_ex(tok, text, (int)len);
	json_tokener_free(tok);
	json_object *ls = get(root, "languages"), *cs = get(root, "currencies");
	int rc = 0;

	if (!is_type(ls, json_type_array) || !is_type(cs, json_type_array)) {
		rc = SOUK_EINVAL;
		goto out;
	}
	for (size_t i = 0; languages && rc == 0 && i < json_object_array_length(ls); i++) {
		json_object *j = json_object_array_get_idx(ls, i);
		if (!is_type(get(j, "code"), json_type_string)) {
			rc = SOUK_EINVAL;
			break;
		}
		Language l = {json_object_get_string(get(j, "code")), json_object_get_boolean(get(j, "is_default"))};
		rc = store_language_insert(c->st, &l, (int)i);
	}
	for (size_t i = 0; currencies && rc == 0 && i < json_object_array_length(cs); i++) {
		json_object *j = json_object_array_get_idx(cs, i);
		if (!is_type(get(j, "code"), json_type_string) || !is_type(get(j, "label"), json_type_string)) {
			rc = SOUK_EINVAL;
			break;
		}
		Currency cu = {json_object_get_string(get(j, "code")), json_object_get_string(get(j, "label")),
			json_object_get_boolean(get(j, "is_default"))};
		rc = store_currency_insert(c->st, &cu, (int)i);
	}
out:
	json_object_put(root);
	if (rc == SOUK_EINVAL || rc == SOUK_EEXIST)
		return ctx_fail(c, SOUK_EINVAL, NULL, "reference file: malformed languages or currencies");
	return rc ? ctx_fail(c, rc, NULL, "reference file: %s", souk_strerror(rc)) : 0;
}
