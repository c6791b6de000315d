/* category_events.c -- GET /sale/category-events (seed 003, "Events
 * journals"): the changes to the category tree of the last three months,
 * oldest first, from the marketplace's event feed (the operator API makes
 * them: core/reference/category_edit.h). Each event carries the category as
 * it was after the change, so a deleted one is still named. */
#include "offer_events.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/reference/categories.h"

#define WINDOW (92 * 24 * 3600)	/* three months */

static const char *const names[] = {"CATEGORY_CREATED", "CATEGORY_RENAMED", "CATEGORY_MOVED", "CATEGORY_DELETED", NULL};
static const EventType feed[] = {EVENT_CATEGORY_CREATED, EVENT_CATEGORY_RENAMED, EVENT_CATEGORY_MOVED,
	EVENT_CATEGORY_DELETED};

/* "key": {"id": "N"}, left out when there is none (a top-level category
 * has no parent; the document has no null for it). */
static void jw_id_obj(Request *r, JsonW *w, const char *key, json_object *id)
{
	if (!id || !json_object_is_type(id, json_type_int)) return;
	jw_key(w, key);
	jw_obj(w);
	jw_kstr(w, "id", arena_printf(r->arena, "%lld", (long long)json_object_get_int64(id)));
	jw_obj_end(w);
}

/* The name in the request's language, else the first the category has. */
static const char *name_of(Request *r, json_object *texts)
{
	const struct Catalog *cat;
	int lang;
	json_object *v;
	if (!texts || !json_object_is_type(texts, json_type_object)) return NULL;
	if (allegro_catalog(r, &cat, &lang) == 0 &&
	    json_object_object_get_ex(texts, catalog_lang_code(cat, lang), &v))
		return arena_strdup(r->arena, json_object_get_string(v));
	json_object_object_foreach(texts, code, text) {
		(void)code;
		return arena_strdup(r->arena, json_object_get_string(text));
	}
	return NULL;
}

static bool write_event(Request *r, JsonW *w, const Event *e, unsigned types)
{
	int t = 0;
	while (t < 4 && strcmp(e->type, event_type_name(feed[t])) != 0) t++;
	if (t == 4 || (types && !(types & (1u << t)))) return false;
	json_object *p = json_tokener_parse(e->payload ? e->payload : "{}"), *v = NULL;
	jw_obj(w);
	journal_jw_id(r, w, e->seq);
	allegro_jw_date(w, "occurredAt", e->occurred_at);
	jw_kstr(w, "type", names[t]);
	jw_key(w, "category");
	jw_obj(w);
	jw_kstr(w, "id", arena_printf(r->arena, "%lld", (long long)e->category_id));
	jw_kbool(w, "leaf", p && json_object_object_get_ex(p, "leaf", &v) && json_object_get_boolean(v));
	json_object_object_get_ex(p, "name", &v);
	jw_kstr(w, "name", name_of(r, v));
	v = NULL;
	json_object_object_get_ex(p, "parent_id", &v);
	jw_id_obj(r, w, "parent", v);
	jw_obj_end(w);
	if (feed[t] == EVENT_CATEGORY_DELETED) {
		v = NULL;
		json_object_object_get_ex(p, "redirect_id", &v);
		jw_id_obj(r, w, "redirectCategory", v);
	}
	jw_obj_end(w);
	json_object_put(p);
	return true;
}

int allegro_category_events(Request *r)
{
	JournalQuery q;
	const char *types[4];
	int ntypes = 0;
	if (!journal_query(r, names, &q)) return 0;
	for (int t = 0; t < 4; t++)
		if (!q.types || q.types & (1u << t)) types[ntypes++] = event_type_name(feed[t]);
	EventFilter f = {.types = types, .ntypes = ntypes, .since = r->ctx.now - WINDOW};
	return journal_answer(r, &f, &q, "events", write_event);
}
