/* test_jsonl.c -- the JSON Lines field reader/writer (src/jsonl.c). */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "corpus.h"
#include "harness.h"

static int find(const char *line, const char *key, nazif__json_span *sp, size_t *ep)
{
    return nazif__json_find(line, strlen(line), key, strlen(key), sp, ep);
}

/* decode the value of key in line into a static buffer */
static const char *value(const char *line, const char *key)
{
    static char buf[1024];
    nazif__json_span sp;
    size_t ep, n;
    if (find(line, key, &sp, &ep) != NAZIF__JSON_FOUND) return NULL;
    if (nazif__json_decode(line + sp.vstart, sp.vend - sp.vstart, buf, &n, &ep)) return NULL;
    buf[n] = 0;
    return buf;
}

/* nazif_json_string's contract written plainly, byte by byte: the
   reference for the randomized comparison below. */
static size_t ref_json_string(const unsigned char *s, size_t n, char *d)
{
    size_t o = 0, i = 0;
    d[o++] = '"';
    while (i < n) {
        const unsigned char b = s[i];
        if (b == '"' || b == '\\') {
            d[o++] = '\\';
            d[o++] = (char)b;
            i++;
            continue;
        }
        if (b < 0x20) {
            const char *e = b == '\n' ? "\\n" : b == '\r' ? "\\r" : b == '\t' ? "\\t" : b == '\b' ? "\\b"
                          : b == '\f' ? "\\f" : NULL;
            if (e) {
                memcpy(d + o, e, 2);
                o += 2;
            } else {
                o += (size_t)sprintf(d + o, "\\u%04x", b);
            }
            i++;
            continue;
        }
        if (b < 0x80) {
            d[o++] = (char)b;
            i++;
            continue;
        }
        /* a well-formed sequence (RFC 3629) is copied, U+2028/9 escaped */
        size_t need = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        int ok = need && i + need <= n;
        for (size_t k = 1; ok && k < need; k++) ok = (s[i + k] & 0xC0) == 0x80;
        if (ok && b == 0xE0 && s[i + 1] < 0xA0) ok = 0;
        if (ok && b == 0xED && s[i + 1] > 0x9F) ok = 0;
        if (ok && b == 0xF0 && s[i + 1] < 0x90) ok = 0;
        if (ok && b == 0xF4 && s[i + 1] > 0x8F) ok = 0;
        if (!ok) {
            memcpy(d + o, "\\ufffd", 6);
            o += 6;
            i++;
        } else if (need == 3 && b == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
            memcpy(d + o, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
            o += 6;
            i += 3;
        } else {
            memcpy(d + o, s + i, need);
            o += need;
            i += need;
        }
    }
    d[o++] = '"';
    return o;
}

/* Random texts with long runs of Arabic and ASCII (the 16-byte fast path)
   broken by every kind of byte that needs care, at every alignment. */
static void test_json_string_random(void)
{
    static const char *const pieces[] = {
        "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x88\xd8\xaa\xd8\xb1 ", "\xd9\x81\xd9\x8a", " ", "abc def ",
        "\"", "\\", "\n", "\x01", "\x7f", "\xe2\x80\xa8", "\xe2\x80\x8c", "\xe2\x80\x9c", "\xf0\x9f\x98\x80",
        "\xff", "\xc0\xaf", "\xd8", "\x80", "\xe0\x80\x80", "\xed\xa0\x80", "\xd9\x80", "\xc2\xa0",
        "\xdf\xbf", "\xc2", "0123456789",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    unsigned seed = 7;
    unsigned char in[600];
    char got[NAZIF_JSON_STRING_BOUND(600)], want[NAZIF_JSON_STRING_BOUND(600)];
    long bad = 0;
    for (int t = 0; t < 20000; t++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        const unsigned common = 1 + (seed >> 16) % 4; /* mostly Arabic and spaces */
        while (n < 500) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 8) % 100;
            const char *p = r < 60 ? pieces[(seed >> 20) % common] : pieces[(seed >> 20) % np];
            size_t k = strlen(p);
            memcpy(in + n, p, k);
            n += k;
        }
        seed = seed * 1103515245u + 12345u;
        size_t from = (seed >> 12) % 17, len = n - from - (seed >> 24) % 17;
        const size_t a = nazif_json_string((const char *)in + from, len, got);
        const size_t b = ref_json_string(in + from, len, want);
        if (a != b || memcmp(got, want, a) != 0) bad++;
    }
    CHECK_MSG(bad == 0, "%ld of 20000 random texts encode differently from the reference", bad);
}

int main(void)
{
    nazif__json_span sp;
    size_t ep = 0;
    /* found, with the span covering the quotes */
    const char *l1 = "{\"id\":1,\"text\":\"abc\",\"x\":[1,2,{\"text\":5}]}";
    CHECK(find(l1, "text", &sp, &ep) == NAZIF__JSON_FOUND);
    CHECK(sp.vstart == 15 && sp.vend == 20);
    /* a nested "text" is not the top-level one; first occurrence wins */
    CHECK(find("{\"a\":{\"text\":\"in\"}}", "text", &sp, &ep) == NAZIF__JSON_MISSING);
    CHECK_EQ_STR(value("{\"text\":\"one\",\"text\":\"two\"}", "text"), "one");
    CHECK(find("{\"text\":7}", "text", &sp, &ep) == NAZIF__JSON_NOTSTR);

    /* several keys in one pass: each as nazif_json_find() finds it alone */
    {
        const char *l = "{\"u\\u0072l\":\"http://a.b/c\",\"id\":12,\"x\":{\"text\":\"no\"},"
                        "\"text\":\"abc\",\"text\":\"second\"}";
        const nazif_json_key keys[4] = {{"text", 4}, {"url", 3}, {"id", 2}, {"title", 5}};
        nazif_json_span sps[4];
        int f[4];
        CHECK(nazif_json_find_keys(l, strlen(l), keys, 4, sps, f, &ep) == 0);
        for (int k = 0; k < 4; k++) {
            nazif__json_span one = {0, 0};
            const int r = nazif__json_find(l, strlen(l), keys[k].key, keys[k].len, &one, &ep);
            CHECK(f[k] == r);
            if (r != NAZIF__JSON_MISSING) CHECK(sps[k].vstart == one.vstart && sps[k].vend == one.vend);
        }
        CHECK(f[0] == NAZIF__JSON_FOUND && f[1] == NAZIF__JSON_FOUND && f[2] == NAZIF__JSON_NOTSTR &&
              f[3] == NAZIF__JSON_MISSING);
        CHECK(memcmp(l + sps[0].vstart, "\"abc\"", 5) == 0); /* the first "text", not x's */
        /* the same key twice: both get the first occurrence */
        const nazif_json_key twice[2] = {{"text", 4}, {"text", 4}};
        CHECK(nazif_json_find_keys(l, strlen(l), twice, 2, sps, f, &ep) == 0);
        CHECK(f[0] == NAZIF__JSON_FOUND && f[1] == NAZIF__JSON_FOUND && sps[0].vstart == sps[1].vstart);
        /* a malformed line is malformed whatever the keys */
        CHECK(nazif_json_find_keys("{\"text\":\"a\",}", 13, keys, 4, sps, f, &ep) == NAZIF__JSON_EMALFORMED);
        CHECK(nazif_json_find_keys("{}", 2, keys, 0, sps, f, &ep) == 0);
    }
    CHECK(find("  {}  \r", "text", &sp, &ep) == NAZIF__JSON_MISSING);
    /* escaped member names are compared decoded */
    CHECK_EQ_STR(value("{\"te\\u0078t\":\"ok\"}", "text"), "ok");
    /* all escapes, surrogate pairs */
    CHECK_EQ_STR(value("{\"t\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041\\u00e9\\u0627\\ud83d\\ude00\"}", "t"),
                 "a\"b\\c/d\b\f\n\r\tA\xc3\xa9\xd8\xa7\xf0\x9f\x98\x80");
    /* malformed lines carry the position of the first bad byte */
    struct { const char *line; size_t pos; } bad[] = {
        {"{\"text\":\"abc}", 13},          /* unterminated string */
        {"{\"text\" \"abc\"}", 8},         /* missing colon */
        {"{\"a\":1,}", 7},                 /* trailing comma */
        {"{\"a\":01}", 6},                 /* leading zero */
        {"{\"a\":tru}", 8},                /* bad literal: at the first wrong byte */
        {"{\"a\":\"\\x\"}", 6},            /* bad escape */
        {"{\"a\":\"\\ud800\"}", 6},        /* lone high surrogate */
        {"{\"a\":\"\\udc00x\"}", 6},       /* lone low surrogate */
        {"{\"a\":\"tab\there\"}", 9},      /* raw control character */
        {"[1,2]", 0},                      /* not an object */
        {"{\"a\":1} x", 8},                /* garbage after */
        {"", 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ep = 999;
        const int r = find(bad[i].line, "text", &sp, &ep);
        CHECK_MSG(r == NAZIF__JSON_EMALFORMED && ep == bad[i].pos, "case %zu: r=%d pos=%zu", i, r, ep);
    }
    /* deep nesting is refused, not a stack overflow */
    {
        char deep[2200];
        size_t n = 0;
        deep[n++] = '{'; memcpy(deep + n, "\"a\":", 4); n += 4;
        for (int i = 0; i < 1000; i++) deep[n++] = '[';
        for (int i = 0; i < 1000; i++) deep[n++] = ']';
        deep[n++] = '}';
        CHECK(nazif__json_find(deep, n, "a", 1, &sp, &ep) == NAZIF__JSON_EMALFORMED);
    }
    /* decode errors carry the position in the raw string */
    {
        char out[32];
        size_t n;
        CHECK(nazif__json_decode("\"ab\\q\"", 6, out, &n, &ep) == -1 && ep == 3);
        CHECK(nazif__json_decode("\"\\ud83dx\"", 9, out, &n, &ep) == -1 && ep == 1);
    }
    /* encode: escapes, U+2028, invalid bytes -> \ufffd, Arabic copied */
    {
        const char in[] = "\"q\" \\ \n\t\x01 \xe2\x80\xa8 \xff \xd8\xa7\xe2\x80\x99";
        char out[NAZIF_JSON_STRING_BOUND(sizeof in)];
        const size_t n = nazif_json_string(in, sizeof in - 1, out);
        out[n] = 0;
        CHECK_EQ_STR(out, "\"\\\"q\\\" \\\\ \\n\\t\\u0001 \\u2028 \\ufffd \xd8\xa7\xe2\x80\x99\"");
        /* round trip */
        char back[64];
        size_t bn;
        CHECK(nazif__json_decode(out, n, back, &bn, &ep) == 0);
        CHECK(bn == sizeof in - 1 + 2 && memcmp(back, in, 12) == 0);
    }
    test_json_string_random();
    return DONE("jsonl");
}
