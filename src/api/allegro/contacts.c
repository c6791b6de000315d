/* contacts.c -- Allegro's offer contacts (seed 002 §1): POST and GET
 * /sale/offer-contacts, GET and PUT /sale/offer-contacts/{id}, over the
 * marketplace's contact records (core/listing/contacts.h). The face reads
 * {name, emails[{address}], phones[{number}]}, words the core's rule codes
 * with the seed's sentences and Allegro's field paths, and shows phone
 * numbers as the marketplace writes them ("+48 55 555 57 77"). */
#include "allegro.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "../../core/listing/contacts.h"
#include "../../util/errors.h"

/* --- answers ------------------------------------------------------------ */

static void write_contact(Request *r, JsonW *w, const Contact *c)
{
	jw_obj(w);
	jw_kstr(w, "id", c->uuid);
	jw_kstr(w, "name", c->name);
	jw_key(w, "emails");
	jw_arr(w);
	if (c->email) {
		jw_obj(w);
		jw_kstr(w, "address", c->email);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_key(w, "phones");
	jw_arr(w);
	for (int i = 0; i < CONTACT_PHONES_MAX; i++) {
		if (!c->phones[i]) continue;
		jw_obj(w);
		jw_kstr(w, "number", contact_phone_format(r->arena, c->phones[i]));
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

static void send_contact(Request *r, int status, const Contact *c)
{
	JsonW w;
	allegro_begin(r, &w);
	write_contact(r, &w, c);
	allegro_done(r, status);
}

static void not_found(Request *r)
{
	allegro_error_one(r, 404, "NotFoundException", "Contact not found", NULL);
}

/* --- the core's rule codes in the seed's words ---------------------------- */

/* Canonical contact paths (rules_check_contact) as the request's fields. */
static const char *field_path(Arena *a, const char *path)
{
	int i;
	if (strcmp(path, "contact") == 0 || strcmp(path, "contact.name") == 0) return "name";
	if (strcmp(path, "contact.email") == 0) return "emails[0].address";
	if (sscanf(path, "contact.phones[%d]", &i) == 1) return arena_printf(a, "phones[%d].number", i);
	if (strncmp(path, "contact.", 8) == 0) return path + 8;	/* emails, phones */
	return NULL;						/* contacts: the seller's */
}

static void add_violation(Request *r, AllegroErrors *errs, const Violation *v)
{
	const char *en, *pl;
	switch (v->code) {
	case RULE_REQUIRED:
		en = "Contact name is required.";
		pl = "Nazwa kontaktu jest wymagana.";
		break;
	case RULE_TOO_LONG:
		if (strcmp(v->path, "contact.email") == 0) {
			en = arena_printf(r->arena, "Email address cannot be longer than %lld characters.",
				(long long)v->limit);
			pl = arena_printf(r->arena, "Adres e-mail może mieć najwyżej %lld znaków.", (long long)v->limit);
		} else {
			en = arena_printf(r->arena, "Contact name cannot be longer than %lld characters.",
				(long long)v->limit);
			pl = arena_printf(r->arena, "Nazwa kontaktu może mieć najwyżej %lld znaków.", (long long)v->limit);
		}
		break;
	case RULE_ENCODING:
		en = "Contact name is not valid text.";
		pl = "Nazwa kontaktu nie jest poprawnym tekstem.";
		break;
	case RULE_TOO_MANY:
		if (strcmp(v->path, "contacts") == 0) {
			en = arena_printf(r->arena, "You cannot have more than %lld contacts.", (long long)v->limit);
			pl = arena_printf(r->arena, "Nie możesz mieć więcej niż %lld kontaktów.", (long long)v->limit);
		} else if (strcmp(v->path, "contact.emails") == 0) {
			en = "Within one contact you can provide up to 1 email address.";
			pl = "W jednym kontakcie możesz podać najwyżej 1 adres e-mail.";
		} else {
			en = arena_printf(r->arena, "Within one contact you can provide up to %lld phone numbers.",
				(long long)v->limit);
			pl = arena_printf(r->arena, "W jednym kontakcie możesz podać najwyżej %lld numery telefonu.",
				(long long)v->limit);
		}
		break;
	case RULE_EMAIL_FORMAT:
		en = "Invalid email address.";
		pl = "Niepoprawny adres e-mail.";
		break;
	case RULE_PHONE_FORMAT:
		en = "Invalid phone number.";
		pl = "Niepoprawny numer telefonu.";
		break;
	default:
		en = pl = rule_code_name(v->code);
		break;
	}
	allegro_errors_add(errs, "VALIDATION_ERROR", field_path(r->arena, v->path), en,
		allegro_say(r, en, pl));
}

/* --- the request body -------------------------------------------------- */

/* One list of the body, emails[{address}] or phones[{number}]: the strings
 * given, the first max of them into out; returns how many were given (an
 * entry whose member is absent, null or empty is no value). */
static int read_list(Request *r, json_object *body, const char *name, const char *member,
	const char **out, int max, AllegroErrors *errs)
{
	json_object *list;
	int given = 0;
	if (allegro_json_arr(body, name, &list, errs) != 1) return 0;
	int n = (int)json_object_array_length(list);
	for (int i = 0; i < n; i++) {
		json_object *e = json_object_array_get_idx(list, (size_t)i);
		const char *path = arena_printf(r->arena, "%s[%d]", name, i);
		if (!json_object_is_type(e, json_type_object)) {
			if (e) allegro_errors_add(errs, "VALIDATION_ERROR", path,
				arena_printf(r->arena, "%s must be an object", path), NULL);
			continue;
		}
		path = arena_printf(r->arena, "%s.%s", path, member);
		json_object *m = allegro_json_get(e, member);
		if (m && !json_object_is_type(m, json_type_string)) {
			allegro_errors_add(errs, "VALIDATION_ERROR", path,
				arena_printf(r->arena, "%s must be a string", path), NULL);
			continue;
		}
		const char *v = m ? json_object_get_string(m) : NULL;
		if (!v || !*v) continue;	/* "" is no address or number, as null is */
		if (given < max) out[given] = v;
		given++;
	}
	return given;
}

/* Reads {name, emails[{address}], phones[{number}]} into c; *emails and
 * *phones count what was sent (the record keeps what it can hold, the core
 * refuses more). Type errors go to errs; other members (an "id" sent back)
 * are ignored. */
static void read_contact(Request *r, Contact *c, int *emails, int *phones, AllegroErrors *errs)
{
	json_object *body = r->json;
	*c = (Contact){0};
	*emails = *phones = 0;
	if (!json_object_is_type(body, json_type_object)) {
		allegro_errors_add(errs, "VALIDATION_ERROR", NULL, "The body must be a JSON object", NULL);
		return;
	}
	allegro_json_str(body, "name", &c->name, errs);
	*emails = read_list(r, body, "emails", "address", &c->email, 1, errs);
	*phones = read_list(r, body, "phones", "number", c->phones, CONTACT_PHONES_MAX, errs);
}

/* Reads the body and runs op; answers 422 with every error, the contact
 * with status, or 404. */
static int write_op(Request *r, int status, const char *uuid)
{
	AllegroErrors errs;
	Violations vs = {0};
	Contact c;
	int emails, phones, rc;
	allegro_errors_init(&errs, r->arena);
	read_contact(r, &c, &emails, &phones, &errs);
	if (allegro_errors_count(&errs)) {
		allegro_errors_send(r, 422, &errs);
		return 0;
	}
	int64_t user = r->principal.user_id;
	rc = uuid ? contact_replace(&r->ctx, user, uuid, &c, emails, phones, &vs)
		  : contact_create(&r->ctx, user, &c, emails, phones, &vs);
	if (rc == SOUK_ENOTFOUND) {
		not_found(r);
		return 0;
	}
	if (rc == SOUK_EINVAL && vs.n) {
		for (int i = 0; i < vs.n; i++) add_violation(r, &errs, &vs.v[i]);
		allegro_errors_send(r, 422, &errs);
		return 0;
	}
	if (rc) return rc;
	send_contact(r, status, &c);
	return 0;
}

/* --- handlers ------------------------------------------------------------ */

int allegro_contacts_create(Request *r)
{
	return write_op(r, 201, NULL);
}

int allegro_contacts_replace(Request *r)
{
	return write_op(r, 200, http_param(r, 0));
}

int allegro_contacts_get(Request *r)
{
	Contact c;
	int rc = contact_get(&r->ctx, r->principal.user_id, http_param(r, 0), &c);
	if (rc == SOUK_ENOTFOUND) {
		not_found(r);
		return 0;
	}
	if (rc) return rc;
	send_contact(r, 200, &c);
	return 0;
}

/* The document gives this list no paging: a seller has at most
 * CONTACTS_PER_SELLER_MAX contacts of their own. */
int allegro_contacts_list(Request *r)
{
	Contact *list;
	int n;
	int rc = contact_list(&r->ctx, r->principal.user_id, &list, &n);
	if (rc) return rc;
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "contacts");
	jw_arr(&w);
	for (int i = 0; i < n; i++) write_contact(r, &w, &list[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}
