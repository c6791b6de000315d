/* category_edit.h -- the operator's changes to the category tree: a new
 * leaf under a parent that is not one, a name changed in a language, a
 * category moved under another parent, a leaf without listings deleted
 * (naming the category to use instead). Each change is recorded in the
 * event feed (category.*) in its transaction, and the process's catalog is
 * rebuilt after it (catalog_reload); other processes keep theirs until
 * they restart.
 *
 * Names come as a JSON object of language code to text ({"pl": "Bluzki",
 * "en": "Blouses"}); the default language's is required for a new one. */
#ifndef SOUK_CATEGORY_EDIT_H
#define SOUK_CATEGORY_EDIT_H

#include "../actor.h"
#include "../ctx.h"

#define CATEGORY_NAME_MAX 100	/* characters */

/* 0 with *id; SOUK_EINVAL (c->err names the field: names, parent_id),
 * SOUK_ENOTFOUND (no such category), SOUK_ESTATE (a parent that is a
 * leaf; a category that still has children or listings; a move under
 * itself or its own subtree). */
int category_create(Ctx *c, const Actor *who, int64_t parent_id, const char *names_json, int64_t *id);
int category_rename(Ctx *c, const Actor *who, int64_t id, const char *names_json);
int category_move(Ctx *c, const Actor *who, int64_t id, int64_t parent_id);
int category_delete(Ctx *c, const Actor *who, int64_t id, int64_t redirect_id);

#endif
