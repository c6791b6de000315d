/* test_places.c -- great-circle distance and the nearest-point grid, checked
 * against a brute-force scan. */
#include "t.h"

#include <math.h>
#include <stdlib.h>

#include "../../src/core/reference/places.h"

static uint64_t rng = 88172645463325252u;

static double uniform(double lo, double hi)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return lo + (hi - lo) * (double)(rng >> 11) / 9007199254740992.0;
}

static long brute(const double *lat, const double *lon, size_t n, double qa, double qo, double max_km)
{
	long best = -1;
	double bd = max_km;
	for (size_t i = 0; i < n; i++) {
		double d = places_distance_km(qa, qo, lat[i], lon[i]);
		if (d <= bd) {
			bd = d;
			best = (long)i;
		}
	}
	return best;
}

void test_places(void)
{
	/* distance */
	double wk = places_distance_km(52.22977, 21.01178, 50.06143, 19.93658);	/* Warszawa-Kraków */
	CHECK(wk > 250 && wk < 254);
	CHECK(places_distance_km(54.35, 18.65, 54.35, 18.65) == 0);
	CHECK(fabs(places_distance_km(0, 0, 0, 180) - M_PI * 6371.0) < 0.01);
	CHECK(fabs(places_distance_km(0, 0, 1, 0) - places_distance_km(1, 0, 0, 0)) < 1e-9);

	/* grid: empty, and one point */
	GeoGrid *g = geogrid_new(NULL, NULL, 0);
	CHECK(geogrid_nearest(g, 52, 21, 50, NULL) == -1);
	geogrid_free(g);
	double one_lat = 52.0, one_lon = 21.0, d = -1;
	g = geogrid_new(&one_lat, &one_lon, 1);
	CHECK(geogrid_nearest(g, 52.1, 21.0, 50, &d) == 0 && d > 11 && d < 11.2);
	CHECK(geogrid_nearest(g, 53.0, 21.0, 50, NULL) == -1);	/* 111 km away */
	CHECK(geogrid_nearest(g, NAN, 21.0, 50, NULL) == -1);
	geogrid_free(g);

	/* grid: 3000 points over Poland, 2000 queries (some outside) */
	enum { N = 3000, Q = 2000 };
	double *lat = malloc(N * sizeof(double)), *lon = malloc(N * sizeof(double));
	for (int i = 0; i < N; i++) {
		lat[i] = uniform(49.0, 54.8);
		lon[i] = uniform(14.1, 24.1);
	}
	g = geogrid_new(lat, lon, N);
	int agree = 0;
	for (int q = 0; q < Q; q++) {
		double qa = uniform(48.0, 56.0), qo = uniform(13.0, 25.0);
		long a = geogrid_nearest(g, qa, qo, 50, NULL), b = brute(lat, lon, N, qa, qo, 50);
		/* the grid measures on a local plane: a different winner must be
		 * as near as the true one, within metres */
		if (a == b || (a >= 0 && b >= 0 &&
		    fabs(places_distance_km(qa, qo, lat[a], lon[a]) -
			 places_distance_km(qa, qo, lat[b], lon[b])) < 0.05))
			agree++;
	}
	CHECK(agree == Q);
	/* far from every point */
	CHECK(geogrid_nearest(g, 0, 0, 50, NULL) == -1);
	geogrid_free(g);

	/* a wide spread of points makes coarser cells, same answers */
	for (int i = 0; i < N; i++) {
		lat[i] = uniform(-60, 70);
		lon[i] = uniform(-180, 180);
	}
	g = geogrid_new(lat, lon, N);
	agree = 0;
	for (int q = 0; q < Q; q++) {
		double qa = uniform(-60, 70), qo = uniform(-180, 180);
		long a = geogrid_nearest(g, qa, qo, 2000, NULL), b = brute(lat, lon, N, qa, qo, 2000);
		if (a == b || (a >= 0 && b >= 0 &&
		    fabs(places_distance_km(qa, qo, lat[a], lon[a]) -
			 places_distance_km(qa, qo, lat[b], lon[b])) < 30))
			agree++;
	}
	CHECK(agree >= Q * 99 / 100);
	geogrid_free(g);
	free(lat);
	free(lon);
}
