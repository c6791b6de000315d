/* advert_logos.c -- the logos of a seller's listing (OLX /adverts/{id}/logos):
 * at most ADVERT_LOGOS_MAX, URLs checked like images. */
#include "advert_ops.h"

#include "../../net/remote.h"
#include "../../util/errors.h"
#include "rules.h"

int advert_logos(Ctx *c, const Actor *who, int64_t id, Violations *vs, Logo **out, int *n)
{
	Advert ad;
	int rc = advert_load_owned(c, who, id, vs, &ad);
	return rc ? rc : store_logo_list(c->st, c->arena, id, out, n);
}

int advert_logo_add(Ctx *c, const Actor *who, int64_t id, const char *url, Violations *vs, Logo *out)
{
	Advert ad;
	int64_t count;
	int rc = advert_load_owned(c, who, id, vs, &ad);
	if (rc) return rc;
	bool found = false;
	if (!rules_url_ok(url)) {
		violations_rule(vs, RULE_URL_FORMAT, "logo");
		return SOUK_EINVAL;
	}
	if (!remote_check_urls(&url, 1, &found)) {
		violations_rule(vs, RULE_UNREACHABLE, "logo");
		return SOUK_EINVAL;
	}
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = store_logo_count(c->st, id, &count)) != 0) goto fail;
	if (count >= ADVERT_LOGOS_MAX) {
		violations_rule_n(vs, RULE_TOO_MANY, "logos", ADVERT_LOGOS_MAX, count + 1);
		rc = SOUK_EINVAL;
		goto fail;
	}
	if ((rc = store_logo_insert(c->st, id, url, c->now, &out->id)) != 0) goto fail;
	out->url = url;
fail:
	return store_end(c->st, rc);
}

int advert_logo_delete(Ctx *c, const Actor *who, int64_t id, int64_t logo_id, Violations *vs)
{
	Advert ad;
	int rc = advert_load_owned(c, who, id, vs, &ad);
	if (rc) return rc;
	/* The listing is there: what is missing is the logo, and says so. */
	rc = store_logo_delete(c->st, id, logo_id);
	if (rc == SOUK_ENOTFOUND) violations_rule(vs, RULE_NOT_FOUND, "logo");
	return rc;
}

