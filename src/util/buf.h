/* buf.h -- growable byte buffer, and a JSON writer that appends straight into
 * one, so hot read paths answer without building a JSON tree.
 *
 * A Buf owns its heap memory (buf_free). A JsonW borrows a Buf and only tracks
 * where commas go; it never allocates on its own. */
#ifndef SOUK_BUF_H
#define SOUK_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct Buf {
	char *p;
	size_t len, cap;
} Buf;

/* Byte buffer */
void buf_reserve(Buf *b, size_t extra);
void buf_append(Buf *b, const void *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(Buf *b);
void buf_free(Buf *b);
const char *buf_cstr(Buf *b);	/* NUL-terminates without counting it in len */

/* Escaping */
void buf_json_string(Buf *b, const char *s, size_t n);	/* writes "..." */
void buf_html(Buf *b, const char *s);			/* HTML text and attributes */
void buf_urlenc(Buf *b, const char *s);			/* application/x-www-form-urlencoded */

/* JSON writer */
#define JW_MAX_DEPTH 32
typedef struct JsonW {
	Buf *b;
	int depth;
	bool need_comma[JW_MAX_DEPTH];
} JsonW;

void jw_init(JsonW *w, Buf *b);
void jw_obj(JsonW *w);
void jw_obj_end(JsonW *w);
void jw_arr(JsonW *w);
void jw_arr_end(JsonW *w);
void jw_key_n(JsonW *w, const char *k, size_t n);
void jw_str(JsonW *w, const char *s);		/* NULL writes null */
void jw_strn(JsonW *w, const char *s, size_t n);
/* A string the program made of bytes JSON never escapes (dates, ids). */
void jw_str_plain(JsonW *w, const char *s, size_t n);
void jw_int(JsonW *w, int64_t v);
void jw_num(JsonW *w, double v);
void jw_bool(JsonW *w, bool v);
void jw_null(JsonW *w);
void jw_raw(JsonW *w, const char *json);	/* an already serialized value */

/* A key, and key + value in one call for the common object member. Inline
 * so that a literal key's length is a constant, not a strlen per key. */
static inline void jw_key(JsonW *w, const char *k) { jw_key_n(w, k, strlen(k)); }
static inline void jw_kstr(JsonW *w, const char *k, const char *v) { jw_key(w, k); jw_str(w, v); }
static inline void jw_kint(JsonW *w, const char *k, int64_t v) { jw_key(w, k); jw_int(w, v); }
static inline void jw_knum(JsonW *w, const char *k, double v) { jw_key(w, k); jw_num(w, v); }
static inline void jw_kbool(JsonW *w, const char *k, bool v) { jw_key(w, k); jw_bool(w, v); }
static inline void jw_knull(JsonW *w, const char *k) { jw_key(w, k); jw_null(w); }

#endif
