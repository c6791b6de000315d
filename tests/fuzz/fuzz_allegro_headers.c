/* fuzz_allegro_headers.c -- the parsers of Allegro's conventions and of the
 * device flow on arbitrary text: Accept, Accept-Language, offset and limit,
 * sort, ISO 8601 dates, amounts, JSON bodies read by dotted names, user
 * codes as typed. The first byte picks the parser; none may crash, read
 * past its input or answer outside its contract. */
#include <assert.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/api/allegro/conventions.h"
#include "../../src/core/auth/oauth.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fields[] = {"name", "stock.sold", "-x", "", NULL};
	if (size < 1) return 0;
	char *s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	const char *media;
	AllegroPage page;
	AllegroError err;
	AllegroSortKey keys[3];
	int n;
	int64_t v;
	char code[OAUTH_USER_CODE_LEN + 1];
	switch (data[0] % 8) {
	case 0:
		if (allegro_accept_parse(s, allegro_public_v1, &media) == 0)
			assert(!media || !strcmp(media, ALLEGRO_MEDIA));
		if (allegro_accept_parse(s, allegro_beta_v1, &media) == 0)
			assert(!media || !strcmp(media, ALLEGRO_MEDIA_BETA));
		break;
	case 1:
		assert(allegro_lang_parse(s) <= ALLEGRO_LANG_PL);
		break;
	case 2: {
		/* offset before the first comma, limit after it */
		char *comma = strchr(s, ',');
		if (comma) *comma = '\0';
		if (allegro_page_parse(s, comma ? comma + 1 : NULL, 20, 1000, &page, &err) == 0)
			assert(page.offset >= 0 && page.limit >= 1 && page.limit <= 1000);
		break;
	}
	case 3:
		if (allegro_sort_parse(s, fields, keys, 3, &n) == 0) {
			assert(n >= 0 && n <= 3);
			for (int i = 0; i < n; i++) assert(keys[i].field >= 0 && keys[i].field < 4);
		}
		break;
	case 4:
		(void)allegro_date_parse(s, &v);
		break;
	case 5:
		if (allegro_amount_parse(s, &v) == 0) assert(v >= 0);
		break;
	case 6:
		if (oauth_user_code_normalize(s, code)) assert(strlen(code) == OAUTH_USER_CODE_LEN && code[4] == '-');
		break;
	case 7: {
		json_object *o = json_tokener_parse(s);
		if (o) {
			Arena *a = arena_new();
			AllegroErrors errs;
			allegro_errors_init(&errs, a);
			const char *str;
			int64_t i;
			char cur[4];
			(void)allegro_json_str(o, "a.b", &str, &errs);
			(void)allegro_json_int(o, "a", &i, &errs);
			(void)allegro_json_price(o, "p", &i, cur, &errs);
			json_object_put(o);
			arena_free(a);
		}
		break;
	}
	}
	free(s);
	return 0;
}
