/* metrics.c -- request counters and latency histograms per route, in the
 * Prometheus text format. Counters are relaxed atomics: a scrape may see one
 * request counted and its latency not yet, which Prometheus tolerates. */
#include "http.h"

#include "delay.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static const int codes[] = {
	200, 201, 202, 204, 301, 302, 303, 304, 400, 401, 403, 404, 405, 406, 409,
	413, 415, 422, 429, 431, 500, 501, 503,
};
#define NCODES (int)(sizeof(codes) / sizeof(codes[0]))
#define OTHER_CODE NCODES	/* slot for codes not listed */

static const double bounds_s[] = {
	0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
};
#define NBOUNDS (int)(sizeof(bounds_s) / sizeof(bounds_s[0]))

typedef struct RouteStats {
	_Atomic uint64_t by_code[NCODES + 1];
	_Atomic uint64_t bucket[NBOUNDS + 1];	/* last: +Inf */
	_Atomic uint64_t ns_sum;
	_Atomic uint64_t db_ns_sum;
} RouteStats;

static RouteStats *stats;	/* nroutes + 1: the last counts unmatched paths */
static int nstats;
static _Atomic int64_t connections;
static _Atomic uint64_t head_timeouts;
static _Atomic uint64_t delayed;

void metrics_count_connection(int delta)
{
	atomic_fetch_add_explicit(&connections, delta, memory_order_relaxed);
}

void metrics_count_head_timeout(void)
{
	atomic_fetch_add_explicit(&head_timeouts, 1, memory_order_relaxed);
}

void metrics_count_delayed(void)
{
	atomic_fetch_add_explicit(&delayed, 1, memory_order_relaxed);
}

void metrics_init(int nroutes)
{
	free(stats);
	nstats = nroutes + 1;
	stats = xcalloc((size_t)nstats, sizeof(*stats));
}

void metrics_record(int route_index, int status, uint64_t ns, uint64_t db_ns)
{
	if (!stats) return;
	RouteStats *s = &stats[route_index >= 0 && route_index < nstats - 1 ? route_index : nstats - 1];
	int c = 0;
	while (c < NCODES && codes[c] != status) c++;
	atomic_fetch_add_explicit(&s->by_code[c], 1, memory_order_relaxed);
	int b = 0;
	while (b < NBOUNDS && (double)ns > bounds_s[b] * 1e9) b++;
	atomic_fetch_add_explicit(&s->bucket[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&s->ns_sum, ns, memory_order_relaxed);
	atomic_fetch_add_explicit(&s->db_ns_sum, db_ns, memory_order_relaxed);
}

static const char *route_label(const Route *routes, int i, int nroutes, char *buf, size_t len)
{
	static const char *const methods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};
	if (i >= nroutes) return "unmatched";
	const char *m = "?";
	for (int k = 0; k < 7; k++)
		if (routes[i].method == (1u << k)) m = methods[k];
	snprintf(buf, len, "%s %s", m, routes[i].pattern);
	return buf;
}

void metrics_render(Buf *b, const Route *routes, int nroutes)
{
	char label[256];

	buf_printf(b, "# HELP souk_http_connections Connections open now.\n"
		      "# TYPE souk_http_connections gauge\n"
		      "souk_http_connections %lld\n"
		      "# HELP souk_http_head_timeouts_total Connections cut for not sending a whole "
		      "request head in time.\n"
		      "# TYPE souk_http_head_timeouts_total counter\n"
		      "souk_http_head_timeouts_total %llu\n"
		      "# HELP souk_requests_delayed_total Requests held before they were served "
		      "(a leaky bucket past its rate).\n"
		      "# TYPE souk_requests_delayed_total counter\n"
		      "souk_requests_delayed_total %llu\n"
		      "# HELP souk_requests_held Requests held now, their connections suspended.\n"
		      "# TYPE souk_requests_held gauge\n"
		      "souk_requests_held %d\n",
		(long long)atomic_load(&connections), (unsigned long long)atomic_load(&head_timeouts),
		(unsigned long long)atomic_load(&delayed), delay_held());
	buf_puts(b, "# HELP souk_requests_total Requests answered, by route and status.\n"
		    "# TYPE souk_requests_total counter\n");
	for (int i = 0; i < nstats; i++) {
		const char *l = route_label(routes, i, nroutes, label, sizeof(label));
		for (int c = 0; c <= NCODES; c++) {
			uint64_t v = atomic_load_explicit(&stats[i].by_code[c], memory_order_relaxed);
			if (!v) continue;
			if (c < NCODES)
				buf_printf(b, "souk_requests_total{route=\"%s\",status=\"%d\"} %llu\n", l,
					codes[c], (unsigned long long)v);
			else
				buf_printf(b, "souk_requests_total{route=\"%s\",status=\"other\"} %llu\n", l,
					(unsigned long long)v);
		}
	}
	buf_puts(b, "# HELP souk_request_duration_seconds Time from request line to response.\n"
		    "# TYPE souk_request_duration_seconds histogram\n");
	for (int i = 0; i < nstats; i++) {
		uint64_t total = 0;
		for (int k = 0; k <= NBOUNDS; k++) total += atomic_load(&stats[i].bucket[k]);
		if (!total) continue;
		const char *l = route_label(routes, i, nroutes, label, sizeof(label));
		uint64_t cum = 0;
		for (int k = 0; k <= NBOUNDS; k++) {
			cum += atomic_load(&stats[i].bucket[k]);
			if (k < NBOUNDS)
				buf_printf(b, "souk_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n",
					l, bounds_s[k], (unsigned long long)cum);
			else
				buf_printf(b, "souk_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
					l, (unsigned long long)cum);
		}
		buf_printf(b, "souk_request_duration_seconds_sum{route=\"%s\"} %.6f\n", l,
			(double)atomic_load(&stats[i].ns_sum) / 1e9);
		buf_printf(b, "souk_request_duration_seconds_count{route=\"%s\"} %llu\n", l,
			(unsigned long long)cum);
	}
	buf_puts(b, "# HELP souk_db_seconds_total Time spent in the database, by route.\n"
		    "# TYPE souk_db_seconds_total counter\n");
	for (int i = 0; i < nstats; i++) {
		uint64_t ns = atomic_load(&stats[i].db_ns_sum);
		if (!ns) continue;
		buf_printf(b, "souk_db_seconds_total{route=\"%s\"} %.6f\n",
			route_label(routes, i, nroutes, label, sizeof(label)), (double)ns / 1e9);
	}
}
