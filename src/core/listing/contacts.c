/* contacts.c -- offer contacts: UUIDs, the per-seller limit, reuse. */
#include "contacts.h"

#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"

const char *contact_new_uuid(Arena *a)
{
	char hex[33];
	crypto_random_hex(hex, 16);
	hex[12] = '4';					/* version 4: random */
	hex[16] = "89ab"[(unsigned char)hex[16] % 4];	/* the RFC 4122 variant */
	return arena_printf(a, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

int contact_resolve(Ctx *ctx, int64_t user_id, Contact *c)
{
	Contact same;
	int64_t n;

	c->user_id = user_id;
	int rc = store_contact_find_same(ctx->st, ctx->arena, c, &same);
	if (rc == 0) {
		*c = same;
		return 0;
	}
	if (rc != SOUK_ENOTFOUND) return rc;
	if ((rc = store_contact_count(ctx->st, user_id, &n)) != 0) return rc;
	if (n >= CONTACTS_PER_SELLER_MAX)
		return ctx_fail(ctx, SOUK_EINVAL, "contact", "You cannot have more than %d contacts",
			CONTACTS_PER_SELLER_MAX);
	c->uuid = contact_new_uuid(ctx->arena);
	c->created_at = c->updated_at = ctx->now;
	return store_contact_insert(ctx->st, c, &c->id);
}
