/* products.h -- the catalogue of what a seller can pay for: OLX's paid
 * features and packets, Allegro's classifieds packages. Data, not rules:
 * each product's default price (minor units) is what it costs in a
 * category the operator has not priced (money_price, money.h). */
#ifndef SOUK_PRODUCTS_H
#define SOUK_PRODUCTS_H

#include <stddef.h>
#include <stdint.h>

typedef enum ProductKind {
	PRODUCT_FEATURE = 0,	/* a promotion of one listing for some days */
	PRODUCT_PACKET,		/* room for `size` more listings in a category */
	PRODUCT_PACKAGE,	/* a classifieds package (Allegro): base or extra */
} ProductKind;

/* What a classifieds package brings: promotions for some hours, and
 * extensions (an export to a partner site). */
typedef struct ProductPromotion {
	const char *name;	/* bold, emphasized, highlight, departmentPage */
	int hours;
} ProductPromotion;

typedef struct ProductExtension {
	const char *name, *description;
} ProductExtension;

typedef struct Product {
	const char *code;	/* the price table's key; OLX's feature code */
	ProductKind kind;
	const char *type;	/* feature: pushup, topads, highlight; packet: base, mega;
				 * package: BASE, EXTRA */
	int days;		/* how long it lasts: feature, packet, publication */
	int size;		/* packet: listings it holds; else 0 */
	int64_t price;		/* default, minor units */
	const char *name_pl, *name_en;
	const char *uuid;	/* package: its public id; else NULL */
	const ProductPromotion *promotions;	/* package: NULL-named end; else NULL */
	const ProductExtension *extensions;	/* package: NULL-named end; else NULL */
} Product;

/* By code; NULL when there is none. */
const Product *product_by_code(const char *code);
/* A packet of this type and size; NULL when there is none. */
const Product *product_packet(const char *type, int64_t size);
/* A package by its public id; NULL when there is none. */
const Product *product_by_uuid(const char *uuid);
/* Every product, in catalogue order. */
size_t product_all(const Product **out);

#endif
