/* me.c -- GET /me: the signed-in user as Allegro's MeResponse. The id is the
 * token's user_name; the marketplace keeps one display name, which is split
 * at its first space into firstName and lastName. */
#include "allegro.h"

#include <string.h>

#include "../../core/auth/accounts.h"

int allegro_me_get(Request *r)
{
	User u;
	int rc = user_get(&r->ctx, r->principal.user_id, &u);
	if (rc) return rc;
	const char *name = u.name ? u.name : "";
	const char *space = strchr(name, ' ');
	const char *at = u.email ? strchr(u.email, '@') : NULL;

	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "id", arena_printf(r->arena, "%lld", (long long)u.id));
	/* Allegro's login is a nickname; ours is the e-mail's local part. */
	jw_key(&w, "login");
	if (at) jw_strn(&w, u.email, (size_t)(at - u.email));
	else jw_str(&w, u.email ? u.email : "");
	jw_key(&w, "firstName");
	jw_strn(&w, name, space ? (size_t)(space - name) : strlen(name));
	jw_kstr(&w, "lastName", space ? space + 1 : "");
	jw_kstr(&w, "email", u.email);
	jw_key(&w, "baseMarketplace");
	jw_obj(&w);
	jw_kstr(&w, "id", "allegro-pl");
	jw_obj_end(&w);
	if (u.is_business) {
		jw_key(&w, "company");
		jw_obj(&w);
		jw_kstr(&w, "name", name);
		jw_knull(&w, "taxId");
		jw_obj_end(&w);
	}
	jw_key(&w, "features");
	jw_arr(&w);
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}
