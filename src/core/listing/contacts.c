/* contacts.c -- offer contacts: UUIDs, the per-seller limit, reuse, the
 * use cases of contacts on their own, and how phone numbers are shown. */
#include "contacts.h"

#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "rules.h"

const char *contact_new_uuid(Arena *a)
{
	char uuid[CRYPTO_UUID_LEN + 1];
	crypto_random_uuid(uuid);
	return arena_strdup(a, uuid);
}

static int insert(Ctx *ctx, int64_t user_id, bool implicit, Contact *c)
{
	c->user_id = user_id;
	c->implicit = implicit;
	c->uuid = contact_new_uuid(ctx->arena);
	c->created_at = c->updated_at = ctx->now;
	return store_contact_insert(ctx->st, c, &c->id);
}

int contact_resolve(Ctx *ctx, int64_t user_id, Contact *c)
{
	Contact same;

	c->user_id = user_id;
	int rc = store_contact_find_same(ctx->st, ctx->arena, c, &same);
	if (rc == 0) {
		*c = same;
		return 0;
	}
	/* Made for an inline contact: never refused for the limit. */
	return rc == SOUK_ENOTFOUND ? insert(ctx, user_id, true, c) : rc;
}

int contact_list(Ctx *ctx, int64_t user_id, Contact **out, int *n)
{
	return store_contact_list(ctx->st, ctx->arena, user_id, out, n);
}

int contact_get(Ctx *ctx, int64_t user_id, const char *uuid, Contact *out)
{
	return store_contact_get(ctx->st, ctx->arena, user_id, uuid, out);
}

static int check(Ctx *ctx, const Contact *c, int emails, int phones, Violations *vs)
{
	rules_check_contact(ctx->arena, c, emails, phones, vs);
	return vs->n ? SOUK_EINVAL : 0;
}

int contact_create(Ctx *ctx, int64_t user_id, Contact *c, int emails, int phones, Violations *vs)
{
	int64_t n;
	int rc = check(ctx, c, emails, phones, vs);
	if (rc) return rc;
	if ((rc = store_begin(ctx->st)) != 0) return rc;
	/* Only the seller's own contacts count: those made for an inline
	 * contact never take a place (contacts.h). */
	if ((rc = store_contact_count_explicit(ctx->st, user_id, &n)) != 0) goto fail;
	if (n >= CONTACTS_PER_SELLER_MAX) {
		violations_rule_n(vs, RULE_TOO_MANY, "contacts", CONTACTS_PER_SELLER_MAX, n + 1);
		rc = SOUK_EINVAL;
		goto fail;
	}
	if ((rc = insert(ctx, user_id, false, c)) != 0) goto fail;
	if ((rc = store_commit(ctx->st)) != 0) goto fail;
	return 0;
fail:
	store_rollback(ctx->st);
	return rc;
}

int contact_replace(Ctx *ctx, int64_t user_id, const char *uuid, Contact *c, int emails, int phones,
	Violations *vs)
{
	Contact cur;
	int rc = contact_get(ctx, user_id, uuid, &cur);
	if (rc) return rc;
	if ((rc = check(ctx, c, emails, phones, vs)) != 0) return rc;
	cur.name = c->name;
	cur.email = c->email;
	for (int i = 0; i < CONTACT_PHONES_MAX; i++) cur.phones[i] = c->phones[i];
	cur.updated_at = ctx->now;
	/* One statement by id and seller: a contact deleted meanwhile is a 404. */
	if ((rc = store_contact_update(ctx->st, &cur)) != 0) return rc;
	*c = cur;
	return 0;
}

/* --- phone numbers ------------------------------------------------------ */

/* The geographic area codes of the Polish numbering plan; every other
 * national number (mobile, 70x, 80x) is grouped three by three. */
static const char pl_area_codes[][3] = {
	"12", "13", "14", "15", "16", "17", "18", "22", "23", "24", "25", "29", "32", "33", "34", "41",
	"42", "43", "44", "46", "48", "52", "54", "55", "56", "58", "59", "61", "62", "63", "65", "67",
	"68", "71", "74", "75", "76", "77", "81", "82", "83", "84", "85", "86", "87", "89", "91", "94",
	"95",
};

static bool pl_geographic(const char *d)
{
	for (size_t i = 0; i < sizeof(pl_area_codes) / sizeof(pl_area_codes[0]); i++)
		if (d[0] == pl_area_codes[i][0] && d[1] == pl_area_codes[i][1]) return true;
	return false;
}

const char *contact_phone_format(Arena *a, const char *phone)
{
	char d[32];
	size_t n = 0;
	bool plus = phone[0] == '+';
	for (const char *p = phone + plus; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 >= sizeof(d)) return phone;
			d[n++] = *p;
		} else if (*p != ' ' && *p != '-') {
			return phone;	/* not a phone number the rules accept */
		}
	}
	d[n] = '\0';
	const char *national = NULL;
	if (!plus && n == 9) national = d;
	else if (plus && n == 11 && strncmp(d, "48", 2) == 0) national = d + 2;
	else if (!plus && n == 13 && strncmp(d, "0048", 4) == 0) national = d + 4;
	if (!national) return plus ? arena_printf(a, "+%s", d) : phone;
	if (pl_geographic(national))
		return arena_printf(a, "+48 %.2s %.3s %.2s %.2s", national, national + 2, national + 5, national + 7);
	return arena_printf(a, "+48 %.3s %.3s %.3s", national, national + 3, national + 6);
}
