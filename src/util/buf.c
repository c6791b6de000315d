/* buf.c -- byte buffer, escaping, and the streaming JSON writer. */
#include "buf.h"
#include "arena.h"
#include "decimal.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_reserve(Buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap) return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1) cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void buf_append(Buf *b, const void *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

void buf_puts(Buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_putc(Buf *b, char c)
{
	buf_reserve(b, 1);
	b->p[b->len++] = c;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	buf_reserve(b, 64);
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0) return;
	if ((size_t)n >= b->cap - b->len) {
		buf_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void buf_reset(Buf *b)
{
	b->len = 0;
}

void buf_free(Buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

const char *buf_cstr(Buf *b)
{
	buf_reserve(b, 0);
	b->p[b->len] = '\0';
	return b->p;
}

/* Whether any of the 8 bytes in x is below 0x20, '"' or '\\': the bytes JSON
 * strings must escape. Bit tricks from "Bit Twiddling Hacks" (has a zero
 * byte, has a byte less than n). */
static int needs_escape8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t quote = x ^ (ones * '"'), bslash = x ^ (ones * '\\');
	uint64_t t = ((x - ones * 0x20) & ~x) |
		     ((quote - ones) & ~quote) |
		     ((bslash - ones) & ~bslash);
	return (t & highs) != 0;
}

/* The end of the run from i on that JSON writes as it is: n, or the index
 * of the first byte to escape. Most text needs no escaping at all, so 8
 * clean bytes are skipped at a time; a word that fails holds the byte the
 * loop after it finds. */
static inline size_t clean_run(const char *s, size_t i, size_t n)
{
	uint64_t x;
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		if (needs_escape8(x)) break;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '"' || c == '\\') return i;
	}
	return n;
}

/* s, n bytes that need no escaping, in quotes, and a ':' after a key. */
static inline void put_quoted(Buf *b, const char *s, size_t n, bool colon)
{
	buf_reserve(b, n + 3);
	char *p = b->p + b->len;
	p[0] = '"';
	memcpy(p + 1, s, n);
	p[n + 1] = '"';
	p[n + 2] = ':';
	b->len += n + 2 + colon;
}

void buf_json_string(Buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = clean_run(s, 0, n), run = 0;

	if (i == n) {
		put_quoted(b, s, n, false);
		return;
	}
	buf_reserve(b, n + 2);
	buf_putc(b, '"');
	for (; i < n; i = clean_run(s, i, n)) {
		unsigned char c = (unsigned char)s[i];
		buf_append(b, s + run, i - run);
		run = ++i;
		switch (c) {
		case '"': buf_append(b, "\\\"", 2); break;
		case '\\': buf_append(b, "\\\\", 2); break;
		case '\n': buf_append(b, "\\n", 2); break;
		case '\r': buf_append(b, "\\r", 2); break;
		case '\t': buf_append(b, "\\t", 2); break;
		default: {
			char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
			buf_append(b, u, 6);
		}
		}
	}
	buf_append(b, s + run, n - run);
	buf_putc(b, '"');
}

void buf_html(Buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
	}
}

void buf_urlenc(Buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
			buf_putc(b, (char)c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			buf_append(b, e, 3);
		}
	}
}

/* --- JSON writer -------------------------------------------------------- */

void jw_init(JsonW *w, Buf *b)
{
	w->b = b;
	w->depth = 0;
	w->need_comma[0] = false;
}

/* Called before every value and every key: writes the separating comma. */
static void sep(JsonW *w)
{
	if (w->need_comma[w->depth]) buf_putc(w->b, ',');
	w->need_comma[w->depth] = true;
}

static void open(JsonW *w, char c)
{
	sep(w);
	buf_putc(w->b, c);
	assert(w->depth + 1 < JW_MAX_DEPTH);
	w->need_comma[++w->depth] = false;
}

static void close_(JsonW *w, char c)
{
	assert(w->depth > 0);
	w->depth--;
	buf_putc(w->b, c);
}

void jw_obj(JsonW *w) { open(w, '{'); }
void jw_obj_end(JsonW *w) { close_(w, '}'); }
void jw_arr(JsonW *w) { open(w, '['); }
void jw_arr_end(JsonW *w) { close_(w, ']'); }

void jw_key_n(JsonW *w, const char *k, size_t n)
{
	sep(w);
	/* Keys are nearly always the program's own names (a constant length,
	 * since jw_key is inline, and nothing to escape): copied at once. */
	if (clean_run(k, 0, n) == n) {
		put_quoted(w->b, k, n, true);
	} else {
		buf_json_string(w->b, k, n);
		buf_putc(w->b, ':');
	}
	/* the value that follows must not write a comma */
	w->need_comma[w->depth] = false;
}

void jw_strn(JsonW *w, const char *s, size_t n)
{
	sep(w);
	buf_json_string(w->b, s, n);
}

void jw_str_plain(JsonW *w, const char *s, size_t n)
{
	sep(w);
	put_quoted(w->b, s, n, false);
}

void jw_str(JsonW *w, const char *s)
{
	if (!s) {
		jw_null(w);
		return;
	}
	jw_strn(w, s, strlen(s));
}

void jw_int(JsonW *w, int64_t v)
{
	/* By hand, as the dates and decimals: %lld cost more than its key. */
	char s[DECIMAL_LEN];
	sep(w);
	buf_append(w->b, s, decimal_format(v, 0, false, s));
}

/* Numbers with at most 6 decimals (coordinates, money) are written by hand:
 * printf's %g costs more than the rest of an advert. Others go to printf. */
static bool write_fixed6(Buf *b, double v)
{
	if (!(fabs(v) < 1e9)) return false;
	double scaled = v * 1e6;
	long long n = llround(scaled);
	if (fabs(scaled - (double)n) > 1e-3) return false;
	char tmp[32], *p = tmp + sizeof(tmp);
	unsigned long long u = n < 0 ? (unsigned long long)-n : (unsigned long long)n;
	unsigned long long frac = u % 1000000, whole = u / 1000000;
	if (frac) {
		int digits = 6;
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		for (int i = 0; i < digits; i++) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	if (n < 0) *--p = '-';
	buf_append(b, p, (size_t)(tmp + sizeof(tmp) - p));
	return true;
}

void jw_num(JsonW *w, double v)
{
	sep(w);
	if (!isfinite(v)) buf_puts(w->b, "null");
	else if (!write_fixed6(w->b, v)) buf_printf(w->b, "%.15g", v);
}

void jw_bool(JsonW *w, bool v)
{
	sep(w);
	buf_append(w->b, v ? "true" : "false", v ? 4 : 5);
}

void jw_null(JsonW *w)
{
	sep(w);
	buf_puts(w->b, "null");
}

void jw_raw(JsonW *w, const char *json)
{
	sep(w);
	buf_puts(w->b, json);
}

