/*
 * fuzz_jsonl.c -- libFuzzer target for the JSON Lines field reader/writer
 * (src/jsonl.c).  Input: byte 0 picks the key ("text", "id", "" or an
 * escaped-looking "t\"x"); the rest is one line.
 *
 * Properties (abort() on a violation):
 *   J-span     a found value's span lies inside the line and starts and
 *              ends with a quote; a malformed line's position is <= length;
 *   J-decode   the found value decodes (find validated its escapes) into at
 *              most as many bytes as the raw value;
 *   J-round    encoding the decoded text and decoding that gives the decoded
 *              text back when it was valid UTF-8;
 *   J-replace  the line with the value replaced by the encoding is again a
 *              valid object whose field decodes to the same text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif_corpus.h"

#define FAIL(msg) do { fprintf(stderr, "fuzz_jsonl: %s\n", msg); abort(); } while (0)

static int valid_utf8(const unsigned char *s, size_t n)
{
    char *tmp = malloc(NAZIF_JSON_STRING_BOUND(n));
    const size_t k = nazif_json_string((const char *)s, n, tmp);
    int ok = 1;
    for (size_t i = 0; i + 6 <= k && ok; i++)
        if (memcmp(tmp + i, "\\ufffd", 6) == 0) ok = 0;
    free(tmp);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const keys[] = {"text", "id", "", "t\"x"};
    if (size < 1) return 0;
    const char *key = keys[data[0] & 3];
    const char *line = (const char *)data + 1;
    const size_t len = size - 1;
    nazif_json_span sp;
    size_t ep = 0;
    const int r = nazif_json_find(line, len, key, strlen(key), &sp, &ep);
    if (r == NAZIF_JSON_EMALFORMED) {
        if (ep > len) FAIL("J-span: error position past the end");
        return 0;
    }
    if (r != NAZIF_JSON_FOUND) return 0;
    if (sp.vstart >= sp.vend || sp.vend > len || line[sp.vstart] != '"' || line[sp.vend - 1] != '"')
        FAIL("J-span: bad value span");
    const size_t raw = sp.vend - sp.vstart;
    char *dec = malloc(raw + 1);
    size_t dl;
    if (nazif_json_decode(line + sp.vstart, raw, dec, &dl, &ep)) FAIL("J-decode: found value does not decode");
    if (dl > raw) FAIL("J-decode: decoded longer than raw");
    char *enc = malloc(NAZIF_JSON_STRING_BOUND(dl));
    const size_t el = nazif_json_string(dec, dl, enc);
    if (el > NAZIF_JSON_STRING_BOUND(dl)) FAIL("J-round: encode past its bound");
    char *back = malloc(el + 1);
    size_t bl;
    if (nazif_json_decode(enc, el, back, &bl, &ep)) FAIL("J-round: encoded text does not decode");
    if (valid_utf8((const unsigned char *)dec, dl) && (bl != dl || memcmp(back, dec, dl) != 0))
        FAIL("J-round: round trip changed the text");
    /* replace and find again */
    const size_t nl = sp.vstart + el + (len - sp.vend);
    char *line2 = malloc(nl + 1);
    memcpy(line2, line, sp.vstart);
    memcpy(line2 + sp.vstart, enc, el);
    memcpy(line2 + sp.vstart + el, line + sp.vend, len - sp.vend);
    nazif_json_span sp2;
    if (nazif_json_find(line2, nl, key, strlen(key), &sp2, &ep) != NAZIF_JSON_FOUND)
        FAIL("J-replace: replaced line is not valid");
    char *dec2 = malloc(sp2.vend - sp2.vstart + 1);
    size_t dl2;
    if (nazif_json_decode(line2 + sp2.vstart, sp2.vend - sp2.vstart, dec2, &dl2, &ep) ||
        dl2 != bl || memcmp(dec2, back, bl) != 0)
        FAIL("J-replace: field changed");
    free(dec); free(enc); free(back); free(line2); free(dec2);
    return 0;
}
