/* seller_places.c -- where each seller is (migration 0026). */
#include "sq.h"

#include <string.h>

int store_seller_place_get(Store *st, int64_t user_id, AdvertLocation *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT city_id, district_id FROM seller_places WHERE user_id = ?");
	sqlite3_bind_int64(s, 1, user_id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof(*out));
		out->city_id = sqlite3_column_int64(s, 0);
		out->district_id = sqlite3_column_int64(s, 1);
	}
	return sq_row_end(st, s, rc);
}

int store_seller_place_put(Store *st, int64_t user_id, const AdvertLocation *place, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO seller_places(user_id, city_id, district_id, updated_at)"
		" VALUES(?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET city_id = excluded.city_id,"
		" district_id = excluded.district_id, updated_at = excluded.updated_at");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, place->city_id);
	sq_bind_opt_int(s, 3, place->district_id != 0, place->district_id);
	sqlite3_bind_int64(s, 4, now);
	return sq_exec(st, s);
}
