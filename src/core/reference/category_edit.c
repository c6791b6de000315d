/* category_edit.c -- the operator's changes to the category tree, each in
 * one transaction with its event, the catalog rebuilt after it. */
#include "category_edit.h"

#include <json-c/json.h>
#include <string.h>

#include "../../util/errors.h"
#include "../../util/utf8.h"
#include "../events/events.h"
#include "categories.h"

#define PHOTOS_DEFAULT 8	/* a new top-level category's photo limit */

/* Names: a JSON object of language codes the catalog knows to texts of 1 to
 * CATEGORY_NAME_MAX characters; the default language's when required. */
static int check_names(Ctx *c, const char *names_json, bool need_default, json_object **out)
{
	const Catalog *cat;
	const Language *langs;
	int rc = catalog_get(c, &cat);
	if (rc) return rc;
	size_t nlangs = catalog_languages(cat, &langs);
	json_object *o = names_json ? json_tokener_parse(names_json) : NULL;
	if (!o || !json_object_is_type(o, json_type_object) || json_object_object_length(o) == 0) goto bad;
	json_object_object_foreach(o, lang, text) {
		size_t i = 0;
		while (i < nlangs && strcmp(langs[i].code, lang) != 0) i++;
		if (i == nlangs || !json_object_is_type(text, json_type_string)) goto bad;
		const char *s = json_object_get_string(text);
		int64_t n = utf8_count(s, strlen(s));
		if (n <= 0 || n > CATEGORY_NAME_MAX) goto bad;
	}
	if (need_default && !json_object_object_get_ex(o, catalog_lang_code(cat, 0), NULL)) goto bad;
	*out = o;
	return 0;
bad:
	json_object_put(o);
	return ctx_fail(c, SOUK_EINVAL, "names",
		"names is an object of language codes (%s first) to names of 1 to %d characters",
		catalog_lang_code(cat, 0), CATEGORY_NAME_MAX);
}

static int put_names(Ctx *c, int64_t id, json_object *names)
{
	json_object_object_foreach(names, lang, text) {
		int rc = store_text_set(c->st, TEXT_CATEGORY_NAME, id, lang, json_object_get_string(text));
		if (rc) return rc;
	}
	return 0;
}

/* A category that may hold others: the top (0), or one that is not a leaf. */
static int check_parent(Ctx *c, int64_t parent_id, Category *parent)
{
	if (!parent_id) return 0;
	int rc = store_category_get(c->st, parent_id, parent);
	if (rc == SOUK_ENOTFOUND) return ctx_fail(c, rc, "parent_id", "no category %lld", (long long)parent_id);
	if (rc) return rc;
	if (parent->is_leaf)
		return ctx_fail(c, SOUK_ESTATE, "parent_id", "category %lld is a leaf: listings live there",
			(long long)parent_id);
	return 0;
}

static int load(Ctx *c, int64_t id, Category *cat)
{
	int rc = store_category_get(c->st, id, cat);
	return rc == SOUK_ENOTFOUND ? ctx_fail(c, rc, "id", "no category %lld", (long long)id) : rc;
}

/* Commits, then rebuilds the catalog this process reads. */
static int done(Ctx *c)
{
	int rc = store_commit(c->st);
	return rc ? rc : catalog_reload(c);
}

int category_create(Ctx *c, const Actor *who, int64_t parent_id, const char *names_json, int64_t *id)
{
	json_object *names = NULL;
	Category parent = {0};
	int rc = check_names(c, names_json, true, &names);
	if (rc) return rc;
	if ((rc = store_begin(c->st)) != 0) goto out;
	if ((rc = check_parent(c, parent_id, &parent)) != 0) goto fail;
	Category cat = {.parent_id = parent_id, .is_leaf = true,
		.photos_limit = parent_id ? parent.photos_limit : PHOTOS_DEFAULT};
	int position;
	if ((rc = store_category_next(c->st, parent_id, &cat.id, &position)) != 0) goto fail;
	if ((rc = store_category_insert(c->st, &cat, position)) != 0) goto fail;
	if ((rc = put_names(c, cat.id, names)) != 0) goto fail;
	if ((rc = event_category_created(c, who, &cat, json_object_to_json_string(names))) != 0) goto fail;
	*id = cat.id;
	rc = done(c);
	goto out;
fail:
	store_rollback(c->st);
out:
	json_object_put(names);
	return rc;
}

int category_rename(Ctx *c, const Actor *who, int64_t id, const char *names_json)
{
	json_object *names = NULL;
	Category cat;
	const char *before, *after;
	int rc = check_names(c, names_json, false, &names);
	if (rc) return rc;
	if ((rc = store_begin(c->st)) != 0) goto out;
	if ((rc = load(c, id, &cat)) != 0) goto fail;
	if ((rc = store_category_names(c->st, c->arena, id, &before)) != 0) goto fail;
	if ((rc = put_names(c, id, names)) != 0) goto fail;
	if ((rc = store_category_names(c->st, c->arena, id, &after)) != 0) goto fail;
	if ((rc = event_category_changed(c, who, EVENT_CATEGORY_RENAMED, &cat, after, before, 0)) != 0) goto fail;
	rc = done(c);
	goto out;
fail:
	store_rollback(c->st);
out:
	json_object_put(names);
	return rc;
}

int category_move(Ctx *c, const Actor *who, int64_t id, int64_t parent_id)
{
	Category cat, parent = {0};
	const char *names;
	int position;
	int64_t unused;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = load(c, id, &cat)) != 0 || (rc = check_parent(c, parent_id, &parent)) != 0) goto fail;
	/* Not under itself: walk up from the new parent. */
	for (Category up = parent; up.id; ) {
		if (up.id == id) {
			rc = ctx_fail(c, SOUK_ESTATE, "parent_id", "a category cannot move into its own subtree");
			goto fail;
		}
		if (!up.parent_id) break;
		if ((rc = store_category_get(c->st, up.parent_id, &up)) != 0) goto fail;
	}
	int64_t before = cat.parent_id;
	if ((rc = store_category_next(c->st, parent_id, &unused, &position)) != 0) goto fail;
	if ((rc = store_category_set_parent(c->st, id, parent_id, position)) != 0) goto fail;
	cat.parent_id = parent_id;
	if ((rc = store_category_names(c->st, c->arena, id, &names)) != 0) goto fail;
	if ((rc = event_category_changed(c, who, EVENT_CATEGORY_MOVED, &cat, names, NULL, before)) != 0) goto fail;
	return done(c);
fail:
	store_rollback(c->st);
	return rc;
}

int category_delete(Ctx *c, const Actor *who, int64_t id, int64_t redirect_id)
{
	Category cat, redirect;
	const char *names;
	int64_t uses;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = load(c, id, &cat)) != 0) goto fail;
	if (redirect_id && (redirect_id == id || (rc = store_category_get(c->st, redirect_id, &redirect)) != 0)) {
		rc = ctx_fail(c, SOUK_EINVAL, "redirect_id", "the redirect is another existing category");
		goto fail;
	}
	if ((rc = store_category_uses(c->st, id, &uses)) != 0) goto fail;
	if (uses) {
		rc = ctx_fail(c, SOUK_ESTATE, "id", "category %lld still has subcategories or listings", (long long)id);
		goto fail;
	}
	if ((rc = store_category_names(c->st, c->arena, id, &names)) != 0) goto fail;
	if ((rc = store_category_delete(c->st, id)) != 0) goto fail;
	if ((rc = event_category_changed(c, who, EVENT_CATEGORY_DELETED, &cat, names, NULL, redirect_id)) != 0)
		goto fail;
	return done(c);
fail:
	store_rollback(c->st);
	return rc;
}
