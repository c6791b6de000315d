/* products.c -- the catalogue a marketplace like OLX or Allegro offers.
 * Packets and packages are named by code in the price table like features,
 * so one lookup prices every kind. */
#include "products.h"

#include <string.h>

#define FEATURE(code, type, days, price, pl, en) {code, PRODUCT_FEATURE, type, days, 0, price, pl, en, NULL, NULL, NULL}
#define PACKET(code, type, size, price, pl, en) {code, PRODUCT_PACKET, type, 30, size, price, pl, en, NULL, NULL, NULL}

static const ProductPromotion basic_promotions[] = {{"bold", 240}, {"emphasized", 120}, {NULL, 0}};
static const ProductPromotion extended_promotions[] = {{"bold", 240}, {"emphasized", 240}, {"highlight", 240},
	{NULL, 0}};
static const ProductPromotion extra_bold[] = {{"bold", 240}, {"emphasized", 120}, {NULL, 0}};
static const ProductExtension exports[] = {{"autocentrumExport", "Eksport ogłoszenia do autocentrum"}, {NULL, NULL}};

static const Product products[] = {
	FEATURE("bump_up", "pushup", 1, 900, "Odświeżenie ogłoszenia", "Bump up"),
	FEATURE("promoted_ad_3", "topads", 3, 1900, "Wyróżnienie ogłoszenia na 3 dni", "Top ad for 3 days"),
	FEATURE("promoted_ad_7", "topads", 7, 2900, "Wyróżnienie ogłoszenia na 7 dni", "Top ad for 7 days"),
	FEATURE("promoted_ad_30", "topads", 30, 6900, "Wyróżnienie ogłoszenia na 30 dni", "Top ad for 30 days"),
	FEATURE("highlight", "highlight", 7, 1200, "Podświetlenie ogłoszenia na 7 dni", "Highlighted for 7 days"),
	/* A packet of one: what a single advert past the limit buys. */
	PACKET("packet_base_1", "base", 1, 500, "Pakiet 1 ogłoszenia", "Packet of 1 advert"),
	PACKET("packet_mega_1", "mega", 1, 900, "Pakiet Mega 1 ogłoszenia", "Mega packet of 1 advert"),
	PACKET("packet_base_5", "base", 5, 2250, "Pakiet 5 ogłoszeń", "Packet of 5 adverts"),
	PACKET("packet_base_10", "base", 10, 4305, "Pakiet 10 ogłoszeń", "Packet of 10 adverts"),
	PACKET("packet_base_20", "base", 20, 8200, "Pakiet 20 ogłoszeń", "Packet of 20 adverts"),
	PACKET("packet_base_50", "base", 50, 20910, "Pakiet 50 ogłoszeń", "Packet of 50 adverts"),
	PACKET("packet_mega_10", "mega", 10, 7900, "Pakiet Mega 10 ogłoszeń", "Mega packet of 10 adverts"),
	PACKET("packet_mega_50", "mega", 50, 34900, "Pakiet Mega 50 ogłoszeń", "Mega packet of 50 adverts"),
	{"package_basic", PRODUCT_PACKAGE, "BASE", 40, 0, 0, "Podstawowy", "Basic",
		"6174be19-56f9-484b-b72c-43b0b00785e8", basic_promotions, exports},
	{"package_extended", PRODUCT_PACKAGE, "BASE", 40, 0, 4900, "Rozszerzony", "Extended",
		"7a2c5e10-3b8f-4d61-9c0e-5f1d2b7e4a93", extended_promotions, exports},
	{"package_extra_bold_10", PRODUCT_PACKAGE, "EXTRA", 10, 0, 1500, "Dodatkowe wyróżnienie na 10 dni",
		"Extra bold for 10 days", "3174be19-56f9-484b-b72c-43b0b00785e8", extra_bold, NULL},
};

#define NPRODUCTS (sizeof(products) / sizeof(products[0]))

const Product *product_by_code(const char *code)
{
	for (size_t i = 0; code && i < NPRODUCTS; i++)
		if (strcmp(products[i].code, code) == 0) return &products[i];
	return NULL;
}

const Product *product_packet(const char *type, int64_t size)
{
	for (size_t i = 0; type && i < NPRODUCTS; i++)
		if (products[i].kind == PRODUCT_PACKET && products[i].size == size &&
		    strcmp(products[i].type, type) == 0)
			return &products[i];
	return NULL;
}

const Product *product_by_uuid(const char *uuid)
{
	for (size_t i = 0; uuid && i < NPRODUCTS; i++)
		if (products[i].uuid && strcmp(products[i].uuid, uuid) == 0) return &products[i];
	return NULL;
}

size_t product_all(const Product **out)
{
	*out = products;
	return NPRODUCTS;
}
