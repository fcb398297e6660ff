/*
 * fuzz_tokens.c -- libFuzzer target for the tokenizer and the normalizer
 * (nazif_tokenizer_run, nazif_tokenizer_normalize, nazif_normalize).
 *
 * Uses only include/nazif.h.  Input layout:
 *
 *   byte 0      profile and extra operations: bits 0-1 pick none / faithful /
 *               search / nlp; bit 2 adds ascii-punct, bit 3 fold-hamza,
 *               bit 4 swaps fold-yeh for fold-maksura, bit 5 strict UTF-8;
 *   byte 1      bits 0-1 stemmer (none, light, custom, light); bit 2 stop
 *               words; bit 3: ask the callback to stop after a few tokens;
 *               bit 4: the streaming check on a long line (see T-stream);
 *   bytes 2..3  seed of the generator that cuts the text into chunks of
 *               whole lines (the CLI's way of feeding);
 *   the rest    the text.
 *
 * Inputs shorter than 4 bytes are a text tokenized with the defaults.
 *
 * Properties (abort() on the first violation, with a message on stderr):
 *   T-bounds  every token has start <= end <= length and a non-empty,
 *             valid UTF-8 text and word; starts never decrease; lines are
 *             >= 1 and never decrease;
 *   T-split   tokenizing chunk by chunk (cut after random line ends, offsets
 *             shifted by the chunk start) gives the same tokens;
 *   T-stop    a callback that stops makes the call return 1 with exactly
 *             that many tokens delivered;
 *   T-stream  nazif_tokenizer_stream() fed parts of random sizes (cut
 *             anywhere, the unconsumed rest carried over) gives the same
 *             tokens, and nazif_tokenizer_normalize_stream() the same text;
 *             with byte 1 bit 4, on a line longer than two windows made by
 *             repeating the text with its line ends turned into spaces (so
 *             the long-line cuts and the context across them are fuzzed);
 *   N-utf8    the normalized text is valid UTF-8, at most
 *             nazif_normalize_bound() bytes, with as many line ends as the
 *             input; one-shot and reused-tokenizer results are equal, and
 *             equal again chunk by chunk;
 *   strict    with strict UTF-8 both calls fail with NAZIF_EUTF8 exactly
 *             when the input is not valid UTF-8.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL(...)                                                         \
    do {                                                                  \
        fprintf(stderr, "fuzz_tokens: property violated: " __VA_ARGS__); \
        fputc('\n', stderr);                                              \
        abort();                                                          \
    } while (0)

/* Offset of the first invalid UTF-8 sequence, or len (RFC 3629). */
static size_t utf8_first_invalid(const uint8_t *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const uint8_t b = s[i];
        size_t n;
        uint32_t cp, min;
        if (b < 0x80) { i++; continue; }
        if (b >= 0xC2 && b <= 0xDF) { n = 1; cp = b & 0x1Fu; min = 0x80; }
        else if (b >= 0xE0 && b <= 0xEF) { n = 2; cp = b & 0x0Fu; min = 0x800; }
        else if (b >= 0xF0 && b <= 0xF4) { n = 3; cp = b & 0x07u; min = 0x10000; }
        else return i;
        if (len - i <= n) return i;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n + 1;
    }
    return len;
}

typedef struct { uint32_t s; } rng;

static uint32_t rng_next(rng *r)
{
    uint32_t x = r->s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    r->s = x;
    return x;
}

typedef struct tlog {
    size_t len;          /* length of the text given */
    uint64_t base;       /* added to offsets (chunked runs) */
    uint64_t line_base;
    uint64_t count;
    uint64_t hash;
    uint64_t last_start, last_line;
    uint64_t stop_at;
} tlog;

static void hash_bytes(uint64_t *h, const void *p, size_t n)
{
    const uint8_t *s = p;
    for (size_t i = 0; i < n; i++) {
        *h ^= s[i];
        *h *= 1099511628211ull;
    }
}

static int on_token(void *ctx, const nazif_token *t)
{
    tlog *g = ctx;
    if (t->start > t->end || t->end > g->len)
        FAIL("token [%llu,%llu) outside the text (%zu bytes)", (unsigned long long)t->start,
             (unsigned long long)t->end, g->len);
    if (!t->text || !t->word || t->word_len == 0) FAIL("token without text or word");
    if (utf8_first_invalid((const uint8_t *)t->text, t->len) != t->len)
        FAIL("token text is not valid UTF-8");
    if (utf8_first_invalid((const uint8_t *)t->word, t->word_len) != t->word_len)
        FAIL("token word is not valid UTF-8");
    if (t->kind != NAZIF_TOKEN_WORD) FAIL("token kind %d", t->kind);
    uint64_t start = g->base + t->start, line = g->line_base + t->line;
    if (t->line < 1) FAIL("token on line 0");
    if (g->count && (start < g->last_start || line < g->last_line))
        FAIL("tokens out of order: %llu after %llu", (unsigned long long)start,
             (unsigned long long)g->last_start);
    g->last_start = start;
    g->last_line = line;
    g->count++;
    uint64_t end = g->base + t->end;
    hash_bytes(&g->hash, &start, sizeof start);
    hash_bytes(&g->hash, &end, sizeof end);
    hash_bytes(&g->hash, &line, sizeof line);
    hash_bytes(&g->hash, t->text, t->len);
    return g->stop_at && g->count >= g->stop_at;
}

static char stem_buf[16];

/* A custom stemmer: the first letter (or byte) of the word. */
static int first_cp(void *ctx, const char *w, size_t len, const char **stem, size_t *n)
{
    (void)ctx;
    size_t k = len ? 1 : 0;
    while (k < len && ((unsigned char)w[k] & 0xC0) == 0x80) k++;
    memcpy(stem_buf, w, k);
    *stem = stem_buf;
    *n = k;
    return 0;
}

static void log_init(tlog *g, size_t len)
{
    memset(g, 0, sizeof *g);
    g->len = len;
    g->hash = 1469598103934665603ull;
}

/* T-stream: text[0..len) through the streaming calls in random parts must
   give want's tokens and (when norm) the normalized text norm[0..norm_n). */
static void stream_check(nazif_tokenizer *tk, const char *text, size_t len, rng *r,
                         const tlog *want, const char *norm, size_t norm_n)
{
    char *buf = malloc(len + 1);
    size_t cap = nazif_normalize_bound(len) + 16;
    char *out = malloc(cap);
    if (!buf || !out) FAIL("out of memory in the harness");
    for (int mode = 0; mode < 2; mode++) {
        if (mode == 1 && !norm) break;
        tlog g;
        log_init(&g, 0);
        size_t have = 0, fed = 0, on = 0;
        const size_t scale = len > 4096 ? len / 8 : 64;
        for (;;) {
            size_t part = 1 + rng_next(r) % scale;
            if (part > len - fed) part = len - fed;
            memcpy(buf + have, text + fed, part);
            have += part;
            fed += part;
            const int final = fed == len;
            size_t used = 0, n = 0;
            g.len = have;
            int rc = mode == 0 ? nazif_tokenizer_stream(tk, buf, have, final, &used, on_token, &g)
                               : nazif_tokenizer_normalize_stream(tk, buf, have, final, &used,
                                                                  out + on, cap - on, &n);
            if (rc != NAZIF_OK) FAIL("stream returned %d (%s)", rc, nazif_strerror(rc));
            if (used > have || (final && used != have)) FAIL("stream consumed %zu of %zu", used, have);
            if (n > nazif_normalize_bound(have)) FAIL("normalize_stream wrote past its bound");
            on += n;
            for (size_t k = 0; k < used; k++) g.line_base += buf[k] == '\n';
            g.base += used;
            memmove(buf, buf + used, have - used);
            have -= used;
            if (final) break;
        }
        if (mode == 0 && (g.count != want->count || g.hash != want->hash))
            FAIL("streamed tokens differ: %llu vs %llu tokens", (unsigned long long)g.count,
                 (unsigned long long)want->count);
        if (mode == 1 && (on != norm_n || memcmp(out, norm, norm_n) != 0))
            FAIL("streamed normalization differs (%zu vs %zu bytes)", on, norm_n);
    }
    free(buf);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t b0 = 2, b1 = 0;
    uint32_t seed = 0x9E3779B9u;
    const char *in = (const char *)data;
    size_t len = size;
    if (size >= 4) {
        b0 = data[0];
        b1 = data[1];
        seed ^= (uint32_t)data[2] | ((uint32_t)data[3] << 8);
        in = (const char *)data + 4;
        len = size - 4;
    }
    rng r = {seed ? seed : 1u};
    static const char *const profiles[] = {"none", "faithful", "search", "nlp"};
    nazif_token_options o;
    nazif_token_options_init(&o);
    if (nazif_norm_profile(profiles[b0 & 3], &o.norm.ops) != NAZIF_OK) FAIL("profile");
    if (b0 & 4) o.norm.ops |= NAZIF_NORM_PUNCT;
    if (b0 & 8) o.norm.ops |= NAZIF_NORM_HAMZA;
    if (b0 & 16) o.norm.ops = (o.norm.ops & ~NAZIF_NORM_YEH) | NAZIF_NORM_MAKSURA;
    const int strict = (b0 & 32) != 0;
    if (strict) o.norm.flags = NAZIF_STRICT_UTF8;
    switch (b1 & 3) {
    case 1: case 3: o.stemmer = NAZIF_STEM_LIGHT; break;
    case 2: o.stemmer = NAZIF_STEM_CUSTOM; o.stem_fn = first_cp; break;
    default: break;
    }
    if (b1 & 4) o.flags |= NAZIF_TOK_STOPWORDS;
    const int bad = utf8_first_invalid((const uint8_t *)in, len) < len;

    nazif_tokenizer *tk = NULL;
    if (nazif_tokenizer_new(&tk, &o) != NAZIF_OK || !tk) FAIL("nazif_tokenizer_new failed");

    /* tokens, whole text */
    tlog a;
    log_init(&a, len);
    int rc = nazif_tokenizer_run(tk, in, len, on_token, &a);
    if (strict && bad) {
        if (rc != NAZIF_EUTF8) FAIL("strict: invalid input, tokenizer returned %d", rc);
    } else if (rc != NAZIF_OK) {
        FAIL("tokenizer returned %d (%s)", rc, nazif_strerror(rc));
    }

    /* tokens, chunk by chunk (whole lines) */
    if (rc == NAZIF_OK) {
        tlog b;
        log_init(&b, len);
        size_t pos = 0;
        while (pos < len) {
            size_t end = pos;
            size_t want = 1 + rng_next(&r) % 4; /* lines in this chunk */
            while (end < len && want) {
                const char *nl = memchr(in + end, '\n', len - end);
                end = nl ? (size_t)(nl - in) + 1 : len;
                want--;
            }
            b.len = end - pos;
            int rc2 = nazif_tokenizer_run(tk, in + pos, end - pos, on_token, &b);
            if (rc2 != NAZIF_OK) FAIL("chunked tokenizer returned %d", rc2);
            for (size_t k = pos; k < end; k++) b.line_base += in[k] == '\n';
            b.base += end - pos;
            pos = end;
        }
        if (a.count != b.count || a.hash != b.hash)
            FAIL("chunked tokens differ: %llu vs %llu tokens", (unsigned long long)a.count,
                 (unsigned long long)b.count);
    }

    /* tokens, streamed in parts */
    if (rc == NAZIF_OK) stream_check(tk, in, len, &r, &a, NULL, 0);

    /* a long line: the text repeated, line ends as spaces, streamed */
    if (rc == NAZIF_OK && (b1 & 16) && len > 0) {
        size_t want_len = 2 * NAZIF_LINE_WINDOW + 1 + rng_next(&r) % 4096;
        char *big = malloc(want_len);
        if (!big) FAIL("out of memory in the harness");
        for (size_t k = 0; k < want_len; k++) {
            char ch = in[k % len];
            big[k] = ch == '\n' ? ' ' : ch;
        }
        /* the repetition may cut the last character in two; with strict
           UTF-8 the text was valid, so the line ends at a whole character
           (the harness's own mistake, not the tokenizer's: libFuzzer) */
        if (strict)
            while (want_len > 2 * NAZIF_LINE_WINDOW && !nazif_utf8_valid(big, want_len)) want_len--;
        tlog w;
        log_init(&w, want_len);
        const int rcl = nazif_tokenizer_run(tk, big, want_len, on_token, &w);
        if (rcl != NAZIF_OK) FAIL("tokenizer failed on the long line (returned %d)", rcl);
        size_t bcap = nazif_normalize_bound(want_len), bn = 0;
        char *bout = malloc(bcap);
        if (!bout) FAIL("out of memory in the harness");
        if (nazif_tokenizer_normalize(tk, big, want_len, bout, bcap, &bn) != NAZIF_OK)
            FAIL("normalize failed on the long line");
        stream_check(tk, big, want_len, &r, &w, bout, bn);
        free(bout);
        free(big);
    }

    /* stopping early */
    if (rc == NAZIF_OK && (b1 & 8) && a.count > 0) {
        tlog c;
        log_init(&c, len);
        c.stop_at = 1 + rng_next(&r) % a.count;
        int rc3 = nazif_tokenizer_run(tk, in, len, on_token, &c);
        if (rc3 != 1 || c.count != c.stop_at)
            FAIL("stop after %llu: returned %d with %llu tokens", (unsigned long long)c.stop_at,
                 rc3, (unsigned long long)c.count);
    }

    /* normalization: reused tokenizer, one-shot, chunked */
    size_t cap = nazif_normalize_bound(len);
    char *out = malloc(cap ? cap : 1);
    if (!out) FAIL("out of memory in the harness");
    size_t n = 0;
    rc = nazif_tokenizer_normalize(tk, in, len, out, cap, &n);
    if (strict && bad) {
        if (rc != NAZIF_EUTF8) FAIL("strict: normalize returned %d", rc);
    } else {
        if (rc != NAZIF_OK) FAIL("normalize returned %d (%s)", rc, nazif_strerror(rc));
        if (n > cap) FAIL("normalize wrote %zu > bound %zu", n, cap);
        if (utf8_first_invalid((const uint8_t *)out, n) != n)
            FAIL("normalized text is not valid UTF-8 at %zu", utf8_first_invalid((const uint8_t *)out, n));
        size_t li = 0, lo = 0;
        for (size_t k = 0; k < len; k++) li += in[k] == '\n';
        for (size_t k = 0; k < n; k++) lo += out[k] == '\n';
        if (li != lo) FAIL("normalize: %zu line ends in, %zu out", li, lo);
        char *one = NULL;
        size_t on = 0;
        if (nazif_normalize(in, len, &one, &on, &o.norm) != NAZIF_OK) FAIL("nazif_normalize failed");
        if (on != n || memcmp(one, out, n) != 0) FAIL("one-shot and tokenizer normalize differ");
        if (one[on] != '\0') FAIL("one-shot output not NUL-terminated");
        nazif_free(one);
        tlog none;
        log_init(&none, len);
        none.count = a.count;
        none.hash = a.hash;
        if (!(b1 & 8)) stream_check(tk, in, len, &r, &none, out, n);
        /* chunked at a line end */
        const char *nl = len ? memchr(in, '\n', len) : NULL;
        if (nl) {
            size_t cut = (size_t)(nl - in) + 1;
            char *o2 = malloc(cap + 16);
            size_t n1 = 0, n2 = 0;
            if (!o2) FAIL("out of memory in the harness");
            if (nazif_tokenizer_normalize(tk, in, cut, o2, cap + 16, &n1) != NAZIF_OK ||
                nazif_tokenizer_normalize(tk, in + cut, len - cut, o2 + n1, cap + 16 - n1, &n2) !=
                    NAZIF_OK)
                FAIL("chunked normalize failed");
            if (n1 + n2 != n || memcmp(o2, out, n) != 0) FAIL("chunked normalize differs");
            free(o2);
        }
    }
    free(out);
    nazif_tokenizer_free(tk);
    return 0;
}
