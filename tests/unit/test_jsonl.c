/* test_jsonl.c -- the JSON Lines field reader/writer (src/jsonl.c). */
#include <stdlib.h>
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
    return DONE("jsonl");
}
