#include "markup.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#define DEPTH_MAX 16

typedef enum Tag { TAG_P, TAG_H1, TAG_H2, TAG_UL, TAG_OL, TAG_LI, TAG_B, TAG_COUNT } Tag;

static const char *const names[TAG_COUNT] = {"p", "h1", "h2", "ul", "ol", "li", "b"};

static bool is_list(Tag t) { return t == TAG_UL || t == TAG_OL; }
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static bool is_name(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* Whether t may open inside parent (-1: at the top): seed 002 §5's rules,
 * b in paragraphs and lists, p in lists, headings unformatted. */
static bool may_open(int parent, Tag t)
{
	if (t == TAG_LI) return parent >= 0 && is_list((Tag)parent);
	if (parent < 0) return t != TAG_B;		/* content in blocks */
	if (is_list((Tag)parent)) return false;		/* a list holds items only */
	if (parent == TAG_B) return false;
	if (parent == TAG_LI) return t == TAG_B || t == TAG_P || is_list(t);
	return parent == TAG_P && t == TAG_B;		/* h1, h2: text only */
}

RuleCode markup_check(const char *s, size_t len)
{
	Tag stack[DEPTH_MAX];
	int depth = 0;

	if (!s) return RULE_NONE;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c != '<') {
			/* text: inside a block, not directly inside a list */
			if ((!depth || is_list(stack[depth - 1])) && !is_space(c)) return RULE_MARKUP;
			continue;
		}
		bool close = i + 1 < len && s[i + 1] == '/';
		size_t b = i + 1 + close, e = b;
		while (e < len && is_name(s[e])) e++;
		if (e == b) return RULE_MARKUP;		/* "a < b", "<>", "<!--" */
		size_t k = e;
		while (k < len && is_space(s[k])) k++;
		if (k >= len) return RULE_MARKUP;
		int t = -1;
		for (int n = 0; n < TAG_COUNT && t < 0; n++)
			if (strlen(names[n]) == e - b && strncasecmp(s + b, names[n], e - b) == 0) t = n;
		/* a known tag in capitals: tags are written in lower case */
		if (t >= 0 && strncmp(s + b, names[t], e - b) != 0) return RULE_MARKUP;
		if (t < 0 || s[k] != '>') {
			/* an unknown tag, or attributes: "<p class=x>", "<br/>" */
			size_t g = k;
			while (g < len && s[g] != '>' && s[g] != '<') g++;
			return g < len && s[g] == '>' ? RULE_TAG_NOT_ALLOWED : RULE_MARKUP;
		}
		if (close) {
			if (!depth || stack[depth - 1] != (Tag)t) return RULE_MARKUP;
			depth--;
		} else {
			if (depth == DEPTH_MAX || !may_open(depth ? (int)stack[depth - 1] : -1, (Tag)t))
				return RULE_MARKUP;
			stack[depth++] = (Tag)t;
		}
		i = k;
	}
	return depth ? RULE_MARKUP : RULE_NONE;
}
