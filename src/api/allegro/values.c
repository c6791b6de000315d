/* values.c -- Allegro's dates and prices (seed 004): ISO 8601 in UTC
 * ("2026-11-30T21:40:05Z") and {"amount": "10.23", "currency": "PLN"}, the
 * amount a string so no client reads money through a binary float. */
#include "allegro.h"

#include <json-c/json.h>
#include <string.h>
#include <time.h>

#include "../../util/decimal.h"
#include "../../util/errors.h"
#include "../../util/timefmt.h"

void allegro_date(int64_t t, char out[ALLEGRO_DATE_LEN])
{
	char s[TIMEFMT_LEN];
	timefmt_utc(t, s);
	s[10] = 'T';
	memcpy(out, s, 19);
	out[19] = 'Z';
	out[20] = '\0';
}

void allegro_jw_date(JsonW *w, const char *key, int64_t t)
{
	char d[ALLEGRO_DATE_LEN];
	if (!t) {
		jw_knull(w, key);
		return;
	}
	allegro_date(t, d);
	jw_kstr(w, key, d);
}

static bool digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

int allegro_date_parse(const char *s, int64_t *t)
{
	int y, mo, d, h, mi, sec, zh = 0, zm = 0;
	if (!s || strlen(s) < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
	    s[13] != ':' || s[16] != ':' || !digits(s, 4, &y) || !digits(s + 5, 2, &mo) ||
	    !digits(s + 8, 2, &d) || !digits(s + 11, 2, &h) || !digits(s + 14, 2, &mi) ||
	    !digits(s + 17, 2, &sec))
		return SOUK_EINVAL;
	const char *z = s + 19;
	if (*z == '.') {
		do z++; while (*z >= '0' && *z <= '9');
		if (z == s + 20) return SOUK_EINVAL;
	}
	int sign = 0;
	if ((*z == 'Z' || *z == 'z') && !z[1]) sign = 0;
	else if ((*z == '+' || *z == '-') && strlen(z) == 6 && z[3] == ':' && digits(z + 1, 2, &zh) &&
		 digits(z + 4, 2, &zm) && zh < 24 && zm < 60)
		sign = *z == '+' ? 1 : -1;
	else
		return SOUK_EINVAL;
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 60) return SOUK_EINVAL;
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[mo - 1] || (mo == 2 && d == 29 && !leap)) return SOUK_EINVAL;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
		.tm_min = mi, .tm_sec = sec};
	*t = (int64_t)timegm(&tm) - sign * (zh * 3600 + zm * 60);
	return 0;
}

void allegro_jw_price(JsonW *w, const char *key, int64_t minor, const char *currency)
{
	char amount[DECIMAL_LEN];
	decimal_format(minor, 2, false, amount);
	jw_key(w, key);
	jw_obj(w);
	jw_kstr(w, "amount", amount);
	jw_kstr(w, "currency", currency);
	jw_obj_end(w);
}

int allegro_amount_parse(const char *s, int64_t *minor)
{
	/* Digits, then at most two decimals: "10", "10.2", "10.23". */
	size_t whole = strspn(s, "0123456789");
	if (!whole) return SOUK_EINVAL;
	if (s[whole] == '.') {
		size_t frac = strspn(s + whole + 1, "0123456789");
		if (frac < 1 || frac > 2 || s[whole + 1 + frac]) return SOUK_EINVAL;
	} else if (s[whole]) {
		return SOUK_EINVAL;
	}
	int rc = decimal_parse(s, 2, minor);
	return rc || *minor == INT64_MAX ? SOUK_EINVAL : 0;
}

int allegro_json_price(json_object *o, const char *dotted, int64_t *minor, char currency[4],
	AllegroErrors *errs)
{
	json_object *p;
	int rc = allegro_json_obj(o, dotted, &p, errs);
	if (rc != 1) return rc;
	Arena *a = errs->v.arena;
	const char *amount_path = arena_printf(a, "%s.amount", dotted);
	const char *currency_path = arena_printf(a, "%s.currency", dotted);
	json_object *amount = allegro_json_get(p, "amount");
	const char *cur = NULL;
	bool ok = true;
	/* A JSON number is taken as its own text, so 10.23 reads as "10.23". */
	if (!amount || !(json_object_is_type(amount, json_type_string) ||
			 json_object_is_type(amount, json_type_int) ||
			 json_object_is_type(amount, json_type_double)) ||
	    allegro_amount_parse(json_object_get_string(amount), minor) != 0) {
		allegro_errors_add(errs, "VALIDATION_ERROR", amount_path,
			"amount must be a string of digits with at most two decimals, such as \"10.23\"", NULL);
		ok = false;
	}
	int crc = allegro_json_str(p, "currency", &cur, errs);
	if (crc == 1 && strlen(cur) == 3 && strspn(cur, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 3) {
		memcpy(currency, cur, 4);
	} else {
		if (crc == -1) {
			/* Reported by the typed read with a bare path: name it in full. */
			AllegroError *last = (AllegroError *)errs->v.p + errs->v.n - 1;
			last->path = currency_path;
		} else {
			allegro_errors_add(errs, "VALIDATION_ERROR", currency_path,
				"currency must be an ISO 4217 code of three capital letters, such as \"PLN\"", NULL);
		}
		ok = false;
	}
	return ok ? 1 : -1;
}
