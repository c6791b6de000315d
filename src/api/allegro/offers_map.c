/* offers_map.c -- Allegro's names for the core's listing statuses,
 * regions and invoice kinds (the table in docs/ARCHITECTURE.md, "One
 * advert, three dialects"). */
#include "offers.h"

#include <string.h>

#include "../../core/reference/places.h"
#include "../../util/errors.h"

/* Where each core status shows in Allegro's publication.status: a draft
 * and a listing whose publication failed for want of room (limited) are
 * INACTIVE; one waiting for moderation or confirmation ACTIVATING; every
 * ended one, whoever ended it, ENDED. Deleted listings are not shown. */
static const char *const statuses[ADVERT_STATUS_COUNT] = {
	[ADVERT_DRAFT] = "INACTIVE",
	[ADVERT_LIMITED] = "INACTIVE",
	[ADVERT_NEW] = "ACTIVATING",
	[ADVERT_UNCONFIRMED] = "ACTIVATING",
	[ADVERT_UNPAID] = "ACTIVATING",
	[ADVERT_ACTIVE] = "ACTIVE",
	[ADVERT_REMOVED_BY_USER] = "ENDED",
	[ADVERT_OUTDATED] = "ENDED",
	[ADVERT_MODERATED] = "ENDED",
	[ADVERT_BLOCKED] = "ENDED",
	[ADVERT_DISABLED] = "ENDED",
	[ADVERT_REMOVED_BY_MODERATOR] = "ENDED",
};

const char *allegro_publication_status(AdvertStatus s)
{
	return (int)s >= 0 && s < ADVERT_STATUS_COUNT && statuses[s] ? statuses[s] : "ENDED";
}

bool allegro_publication_waits(const char *status)
{
	return strcmp(status, "ACTIVE") != 0 && strcmp(status, "ACTIVATING") != 0;
}

static bool wanted(const char *const *names, unsigned mask, const char *status)
{
	for (int i = 0; names[i]; i++)
		if ((mask & (1u << i)) && strcmp(names[i], status) == 0) return true;
	return false;
}

void allegro_publication_search(Arena *a, const char *const *names, unsigned mask, AdvertSearch *q)
{
	AdvertStatus *any = arena_alloc(a, sizeof(*any) * ADVERT_STATUS_COUNT * 3);
	AdvertStatus *idle = any + ADVERT_STATUS_COUNT, *waiting = idle + ADVERT_STATUS_COUNT;
	bool activating = wanted(names, mask, "ACTIVATING");
	q->nstatuses = q->nidle_statuses = q->nwaiting_statuses = 0;
	for (int s = 0; s < ADVERT_STATUS_COUNT; s++) {
		if (!statuses[s]) continue;
		bool own = wanted(names, mask, statuses[s]);
		if (own && (activating || !allegro_publication_waits(statuses[s]))) any[q->nstatuses++] = (AdvertStatus)s;
		else if (own) idle[q->nidle_statuses++] = (AdvertStatus)s;
		else if (activating && allegro_publication_waits(statuses[s])) waiting[q->nwaiting_statuses++] = (AdvertStatus)s;
	}
	q->statuses = any;
	q->idle_statuses = idle;
	q->waiting_statuses = waiting;
}

/* The sixteen voivodeships by Allegro's name and their GeoNames code, the
 * code the places keep (data/places). */
static const struct { const char *name, *code; } provinces[] = {
	{"DOLNOSLASKIE", "PL.72"}, {"KUJAWSKO_POMORSKIE", "PL.73"}, {"LODZKIE", "PL.74"},
	{"LUBELSKIE", "PL.75"}, {"LUBUSKIE", "PL.76"}, {"MALOPOLSKIE", "PL.77"},
	{"MAZOWIECKIE", "PL.78"}, {"OPOLSKIE", "PL.79"}, {"PODKARPACKIE", "PL.80"},
	{"PODLASKIE", "PL.81"}, {"POMORSKIE", "PL.82"}, {"SLASKIE", "PL.83"},
	{"SWIETOKRZYSKIE", "PL.84"}, {"WARMINSKO_MAZURSKIE", "PL.85"}, {"WIELKOPOLSKIE", "PL.86"},
	{"ZACHODNIOPOMORSKIE", "PL.87"},
};
#define NPROVINCES (sizeof(provinces) / sizeof(provinces[0]))

int allegro_province_region(Ctx *c, const char *province, int64_t *region_id)
{
	const Places *p;
	const Region *regions;
	int rc = places_get(c, &p);
	if (rc) return rc;
	size_t n = places_regions(p, &regions);
	for (size_t k = 0; k < NPROVINCES; k++) {
		if (strcmp(provinces[k].name, province) != 0) continue;
		for (size_t i = 0; i < n; i++)
			if (strcmp(regions[i].code, provinces[k].code) == 0) {
				*region_id = regions[i].id;
				return 0;
			}
	}
	return SOUK_ENOTFOUND;
}

const char *allegro_province_name(Ctx *c, int64_t region_id)
{
	const Places *p;
	const Region *r;
	if (!region_id || places_get(c, &p) != 0 || !(r = places_region(p, region_id))) return NULL;
	for (size_t k = 0; k < NPROVINCES; k++)
		if (strcmp(provinces[k].code, r->code) == 0) return provinces[k].name;
	return NULL;
}

static const struct { const char *allegro, *core; } invoices[] = {
	{"VAT", "vat"}, {"VAT_MARGIN", "vat_margin"}, {"WITHOUT_VAT", "without_vat"}, {"NO_INVOICE", "none"},
};

const char *allegro_invoice_core(const char *allegro)
{
	for (size_t k = 0; k < sizeof(invoices) / sizeof(invoices[0]); k++)
		if (strcmp(invoices[k].allegro, allegro) == 0) return invoices[k].core;
	return NULL;
}

const char *allegro_invoice_name(const char *core)
{
	for (size_t k = 0; core && k < sizeof(invoices) / sizeof(invoices[0]); k++)
		if (strcmp(invoices[k].core, core) == 0) return invoices[k].allegro;
	return NULL;
}
