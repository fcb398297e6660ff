/*
 * jsonl.c -- one JSON Lines record: validate the object, find one string
 * member, decode it, and encode a replacement.  The caller re-emits the
 * line as line[0..vstart) + new value + line[vend..len): every other byte
 * of the record passes through untouched.
 *
 * The validator is a plain recursive-descent parser over the bytes with an
 * explicit depth limit; it allocates nothing.  Invariant of every parse_*
 * function: on success *pos is the first byte after the value; on failure
 * it returns -1 with *pos at the offending byte.
 */
#include <string.h>

#include "corpus.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "internal.h"

#define MAX_DEPTH 256

typedef struct jp {
    const unsigned char *s;
    size_t n;
    size_t pos;
} jp;

static void skip_ws(jp *p)
{
    while (p->pos < p->n) {
        const unsigned char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->pos++;
    }
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int hex4(const unsigned char *s, size_t n, size_t at, unsigned *out)
{
    if (at + 4 > n) return -1;
    unsigned v = 0;
    for (size_t k = 0; k < 4; k++) {
        const int h = hexval(s[at + k]);
        if (h < 0) return -1;
        v = v * 16u + (unsigned)h;
    }
    *out = v;
    return 0;
}

/* A string starting at the quote; escapes are checked (surrogates paired). */
static int parse_string(jp *p)
{
    const unsigned char *s = p->s;
    size_t i = p->pos + 1;
    for (;;) {
        /* fast scan over plain bytes, 8 at a time (SWAR: a byte is
           special when it is '"', '\\' or below 0x20) */
        while (i + 8 <= p->n) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
            const uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
            const uint64_t special = ((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20) & ~v);
            if (special & high) break;
            i += 8;
        }
        while (i < p->n && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20) i++;
        if (i >= p->n) { p->pos = p->n; return -1; }
        const unsigned char c = s[i];
        if (c == '"') { p->pos = i + 1; return 0; }
        if (c < 0x20) { p->pos = i; return -1; }
        /* backslash */
        if (i + 1 >= p->n) { p->pos = p->n; return -1; }
        const unsigned char e = s[i + 1];
        if (e == 'u') {
            unsigned u;
            if (hex4(s, p->n, i + 2, &u)) { p->pos = i; return -1; }
            if (u >= 0xD800 && u <= 0xDBFF) {
                unsigned lo;
                if (i + 7 >= p->n || s[i + 6] != '\\' || s[i + 7] != 'u' ||
                    hex4(s, p->n, i + 8, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
                    p->pos = i;
                    return -1;
                }
                i += 12;
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                p->pos = i;
                return -1;
            } else {
                i += 6;
            }
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                   e == 'r' || e == 't') {
            i += 2;
        } else {
            p->pos = i;
            return -1;
        }
    }
}

static int parse_number(jp *p)
{
    const unsigned char *s = p->s;
    size_t i = p->pos;
    if (i < p->n && s[i] == '-') i++;
    if (i >= p->n) { p->pos = i; return -1; }
    if (s[i] == '0') {
        i++;
    } else if (s[i] >= '1' && s[i] <= '9') {
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
    } else {
        p->pos = i;
        return -1;
    }
    if (i < p->n && s[i] == '.') {
        i++;
        const size_t d = i;
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
        if (i == d) { p->pos = i; return -1; }
    }
    if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < p->n && (s[i] == '+' || s[i] == '-')) i++;
        const size_t d = i;
        while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
        if (i == d) { p->pos = i; return -1; }
    }
    p->pos = i;
    return 0;
}

static int parse_lit(jp *p, const char *lit)
{
    const size_t k = strlen(lit);
    for (size_t j = 0; j < k; j++) {
        if (p->pos + j >= p->n || p->s[p->pos + j] != (unsigned char)lit[j]) {
            p->pos += j;
            return -1;
        }
    }
    p->pos += k;
    return 0;
}

static int parse_value(jp *p, int depth);

static int parse_array(jp *p, int depth)
{
    p->pos++; /* [ */
    skip_ws(p);
    if (p->pos < p->n && p->s[p->pos] == ']') { p->pos++; return 0; }
    for (;;) {
        if (parse_value(p, depth + 1)) return -1;
        skip_ws(p);
        if (p->pos >= p->n) return -1;
        if (p->s[p->pos] == ',') { p->pos++; skip_ws(p); continue; }
        if (p->s[p->pos] == ']') { p->pos++; return 0; }
        return -1;
    }
}

/* Decode a member name just parsed at [a, b) (with quotes) and compare it
   with key; names are short, so decode into a small stack buffer. */
static int name_equals(const unsigned char *s, size_t a, size_t b, const char *key, size_t klen)
{
    const size_t rawlen = b - a;
    if (rawlen == klen + 2 && memcmp(s + a + 1, key, klen) == 0) return 1;
    if (rawlen > 1024 || memchr(s + a, '\\', rawlen) == NULL) return 0;
    char buf[1024];
    size_t dl, ep;
    if (nazif__json_decode((const char *)s + a, rawlen, buf, &dl, &ep)) return 0;
    return dl == klen && memcmp(buf, key, klen) == 0;
}

/* The keys looked for in the top-level object (NULL inside nested ones). */
typedef struct want {
    size_t n;
    const nazif_json_key *keys;
    nazif__json_span *spans;
    int *found;
} want;

static int parse_object(jp *p, int depth, const want *w)
{
    p->pos++; /* { */
    skip_ws(p);
    if (p->pos < p->n && p->s[p->pos] == '}') { p->pos++; return 0; }
    for (;;) {
        if (p->pos >= p->n || p->s[p->pos] != '"') return -1;
        const size_t na = p->pos;
        if (parse_string(p)) return -1;
        const size_t nb = p->pos;
        skip_ws(p);
        if (p->pos >= p->n || p->s[p->pos] != ':') return -1;
        p->pos++;
        skip_ws(p);
        const size_t va = p->pos;
        if (parse_value(p, depth + 1)) return -1;
        for (size_t k = 0; w && k < w->n; k++) {
            if (w->found[k] != NAZIF__JSON_MISSING ||
                !name_equals(p->s, na, nb, w->keys[k].key, w->keys[k].len))
                continue;
            w->spans[k].vstart = va;
            w->spans[k].vend = p->pos;
            w->found[k] = p->s[va] == '"' ? NAZIF__JSON_FOUND : NAZIF__JSON_NOTSTR;
        }
        skip_ws(p);
        if (p->pos >= p->n) return -1;
        if (p->s[p->pos] == ',') { p->pos++; skip_ws(p); continue; }
        if (p->s[p->pos] == '}') { p->pos++; return 0; }
        return -1;
    }
}

static int parse_value(jp *p, int depth)
{
    if (depth > MAX_DEPTH) return -1;
    skip_ws(p);
    if (p->pos >= p->n) return -1;
    switch (p->s[p->pos]) {
    case '"': return parse_string(p);
    case '{': return parse_object(p, depth, NULL);
    case '[': return parse_array(p, depth);
    case 't': return parse_lit(p, "true");
    case 'f': return parse_lit(p, "false");
    case 'n': return parse_lit(p, "null");
    default: return parse_number(p);
    }
}

int nazif_json_find_keys(const char *line, size_t len, const nazif_json_key *keys, size_t nkeys,
                         nazif_json_span *spans, int *found, size_t *errpos)
{
    jp p = {(const unsigned char *)line, len, 0};
    const want w = {nkeys, keys, spans, found};
    for (size_t k = 0; k < nkeys; k++) found[k] = NAZIF__JSON_MISSING;
    skip_ws(&p);
    if (p.pos >= p.n || p.s[p.pos] != '{' || parse_object(&p, 0, &w)) {
        *errpos = p.pos;
        return NAZIF__JSON_EMALFORMED;
    }
    skip_ws(&p);
    if (p.pos != p.n) {
        *errpos = p.pos;
        return NAZIF__JSON_EMALFORMED;
    }
    return 0;
}

int nazif__json_find(const char *line, size_t len, const char *key, size_t klen,
                     nazif__json_span *span, size_t *errpos)
{
    const nazif_json_key k = {key, klen};
    int found;
    const int rc = nazif_json_find_keys(line, len, &k, 1, span, &found, errpos);
    return rc ? rc : found;
}

static size_t put_utf8(char *d, unsigned cp)
{
    return nazif__utf8_encode(cp, (uint8_t *)d);
}

int nazif__json_decode(const char *raw, size_t len, char *dst, size_t *dlen, size_t *errpos)
{
    const unsigned char *s = (const unsigned char *)raw;
    if (len < 2 || s[0] != '"') {
        *errpos = 0;
        return -1;
    }
    size_t i = 1, o = 0;
    const size_t end = len - 1; /* the closing quote */
    while (i < end) {
        const unsigned char *bs = memchr(s + i, '\\', end - i);
        const size_t run = bs ? (size_t)(bs - (s + i)) : end - i;
        memcpy(dst + o, s + i, run);
        o += run;
        i += run;
        if (i >= end) break;
        if (i + 1 >= end) { *errpos = i; return -1; }
        const unsigned char e = s[i + 1];
        switch (e) {
        case '"': dst[o++] = '"'; i += 2; continue;
        case '\\': dst[o++] = '\\'; i += 2; continue;
        case '/': dst[o++] = '/'; i += 2; continue;
        case 'b': dst[o++] = '\b'; i += 2; continue;
        case 'f': dst[o++] = '\f'; i += 2; continue;
        case 'n': dst[o++] = '\n'; i += 2; continue;
        case 'r': dst[o++] = '\r'; i += 2; continue;
        case 't': dst[o++] = '\t'; i += 2; continue;
        case 'u': break;
        default: *errpos = i; return -1;
        }
        unsigned u;
        if (hex4(s, end, i + 2, &u)) { *errpos = i; return -1; }
        if (u >= 0xD800 && u <= 0xDBFF) {
            unsigned lo;
            if (i + 7 >= end || s[i + 6] != '\\' || s[i + 7] != 'u' || hex4(s, end, i + 8, &lo) ||
                lo < 0xDC00 || lo > 0xDFFF) {
                *errpos = i;
                return -1;
            }
            o += put_utf8(dst + o, 0x10000u + ((u - 0xD800u) << 10) + (lo - 0xDC00u));
            i += 12;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            *errpos = i;
            return -1;
        } else {
            o += put_utf8(dst + o, u); /* at most 3 bytes for 6 read */
            i += 6;
        }
    }
    if (s[end] != '"') { *errpos = end; return -1; }
    *dlen = o;
    return 0;
}

/* Length of a valid UTF-8 sequence at p[0..n), 0 when it is not one. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    const unsigned char b = p[0];
    size_t need;
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) need = 2;
    else if (b >= 0xE0 && b <= 0xEF) need = 3;
    else if (b >= 0xF0 && b <= 0xF4) need = 4;
    else return 0;
    if (need > n) return 0;
    for (size_t k = 1; k < need; k++)
        if ((p[k] & 0xC0) != 0x80) return 0;
    if (b == 0xE0 && p[1] < 0xA0) return 0;
    if (b == 0xED && p[1] > 0x9F) return 0;
    if (b == 0xF0 && p[1] < 0x90) return 0;
    if (b == 0xF4 && p[1] > 0x8F) return 0;
    return need;
}

size_t nazif_json_string(const char *str, size_t n, char *dst)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)str;
    size_t o = 0, i = 0;
    dst[o++] = '"';
    while (i < n) {
        /* copy the run of bytes that need no escape at once: ASCII other
           than " \\ and controls, and well-formed 2- and 3-byte sequences
           (U+2028/2029 excepted) -- all of Arabic */
        size_t j = i;
#if defined(__SSE2__)
        /* 16 bytes at a time while they are only such ASCII and 2-byte
           sequences (a lead byte ending the block is left for the next) */
        while (j + 16 <= n) {
            const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
            const __m128i sv = _mm_xor_si128(v, _mm_set1_epi8((char)0x80)); /* signed order */
            /* ASCII 0x20..0x7F other than " and \ */
            const __m128i asc = _mm_andnot_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                _mm_and_si128(_mm_cmpgt_epi8(sv, _mm_set1_epi8((char)(0x1F ^ 0x80))),
                              _mm_cmplt_epi8(sv, _mm_set1_epi8((char)(0x80 ^ 0x80)))));
            /* lead bytes C2..DF, continuation bytes 80..BF */
            const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(sv, _mm_set1_epi8((char)(0xC1 ^ 0x80))),
                                               _mm_cmplt_epi8(sv, _mm_set1_epi8((char)(0xE0 ^ 0x80))));
            const __m128i cont = _mm_and_si128(_mm_cmpgt_epi8(sv, _mm_set1_epi8(-1)),
                                               _mm_cmplt_epi8(sv, _mm_set1_epi8((char)(0xC0 ^ 0x80))));
            const unsigned a = (unsigned)_mm_movemask_epi8(asc), l = (unsigned)_mm_movemask_epi8(lead),
                           c = (unsigned)_mm_movemask_epi8(cont);
            if ((a | l | c) != 0xFFFFu || c != ((l << 1) & 0xFFFFu)) break;
            memcpy(dst + o + (j - i), s + j, 16);
            j += (l & 0x8000u) ? 15 : 16;
        }
#endif
        for (;;) {
            if (j >= n) break;
            const unsigned char b = s[j];
            if (b < 0x80) {
                if (b < 0x20 || b == '"' || b == '\\') break;
                j++;
            } else if (b >= 0xC2 && b <= 0xDF) {
                if (j + 1 >= n || (s[j + 1] & 0xC0) != 0x80) break;
                j += 2;
            } else if (b >= 0xE1 && b <= 0xEC && b != 0xE2) {
                if (j + 2 >= n || (s[j + 1] & 0xC0) != 0x80 || (s[j + 2] & 0xC0) != 0x80) break;
                j += 3;
            } else {
                break;
            }
        }
        memcpy(dst + o, s + i, j - i);
        o += j - i;
        i = j;
        if (i >= n) break;
        const unsigned char c = s[i];
        if (c == '"' || c == '\\') {
            dst[o++] = '\\';
            dst[o++] = (char)c;
            i++;
        } else if (c < 0x20) {
            dst[o++] = '\\';
            switch (c) {
            case '\n': dst[o++] = 'n'; break;
            case '\r': dst[o++] = 'r'; break;
            case '\t': dst[o++] = 't'; break;
            case '\b': dst[o++] = 'b'; break;
            case '\f': dst[o++] = 'f'; break;
            default:
                dst[o++] = 'u';
                dst[o++] = '0';
                dst[o++] = '0';
                dst[o++] = hex[c >> 4];
                dst[o++] = hex[c & 15];
                break;
            }
            i++;
        } else {
            const size_t k = utf8_len(s + i, n - i);
            if (k == 0) {
                memcpy(dst + o, "\\ufffd", 6);
                o += 6;
                i++;
            } else if (k == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 &&
                       (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
                memcpy(dst + o, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
                o += 6;
                i += 3;
            } else {
                memcpy(dst + o, s + i, k);
                o += k;
                i += k;
            }
        }
    }
    dst[o++] = '"';
    return o;
}
