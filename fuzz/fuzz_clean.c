/*
 * fuzz_clean.c -- libFuzzer target for the cleaner (one-shot and streaming).
 *
 * Uses only include/nazif.h.  Input layout:
 *
 *   byte 0      flags: bit0 KEEP_BOILERPLATE, bit1 STRICT_UTF8,
 *               bit2 NO_RESTORE, bit3 REPORT_SUSPECTS (the high nibble is
 *               ignored, so printable headers such as "0abc" work);
 *   bytes 1..3  seed of the generator that picks input chunk sizes, output
 *               buffer sizes (1..64 bytes) and the extra scenarios;
 *   the rest    the document.
 *
 * Inputs shorter than 4 bytes are a document cleaned with flags 0.
 *
 * Properties (abort() on the first violation, with a message on stderr):
 *   P-crash   no crash, no sanitizer report, no endless loop;
 *   P-utf8    the output is valid UTF-8 (our own checker below);
 *   P-bound   output length <= nazif_clean_bound(input length), and the
 *             one-shot buffer is NUL-terminated;
 *   P-split   streaming with random input chunks and tiny output buffers
 *             gives byte for byte the one-shot output and the same changes,
 *             twice in a row on the same cleaner (finish makes it reusable),
 *             and again after a reset in the middle of a document;
 *   P-change  every change has offset+length <= input length and original ==
 *             input[offset..offset+length); kind/rule/evidence are sane;
 *             changes come in input order; DROP has an empty replacement;
 *   P-strict  with STRICT_UTF8: NAZIF_EUTF8 exactly when the input is not
 *             valid UTF-8, with nazif_cleaner_error_offset() = the offset of
 *             the first invalid sequence;
 *   P-stop    a callback that asks to stop makes the call return
 *             NAZIF_ECALLBACK, the cleaner then refuses work until a reset,
 *             and works normally after it;
 *   P-idem    with KEEP_BOILERPLATE: clean(clean(x)) == clean(x).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL(...)                                                        \
    do {                                                                 \
        fprintf(stderr, "fuzz_clean: property violated: " __VA_ARGS__); \
        fputc('\n', stderr);                                             \
        abort();                                                         \
    } while (0)

/* ---- our own UTF-8 checker (RFC 3629: no overlongs, no surrogates) ---- */

/* Returns the offset of the first invalid sequence, or len when valid. */
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
        if (len - i <= n) {
            /* truncated at the end: still check the bytes that are there */
            for (size_t k = 1; i + k < len; k++)
                if ((s[i + k] & 0xC0) != 0x80) return i;
            return i;
        }
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n + 1;
    }
    return len;
}

/* ---- a small generator so that a file always replays the same way ---- */

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

static size_t rng_range(rng *r, size_t lo, size_t hi) /* inclusive */
{
    return lo + (size_t)(rng_next(r) % (uint32_t)(hi - lo + 1));
}

/* ---- growable output ---- */

typedef struct {
    uint8_t *p;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const uint8_t *s, size_t n)
{
    if (n == 0) return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n) cap *= 2;
        uint8_t *p = realloc(b->p, cap);
        if (!p) FAIL("out of memory in the harness");
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* ---- change checking ---- */

typedef struct {
    const uint8_t *in;   /* the whole document as fed */
    size_t len;
    uint64_t count;      /* changes seen */
    uint64_t hash;       /* FNV-1a over every change's fields */
    uint64_t last_offset;
    uint64_t stop_at;    /* ask to stop at this change (1-based); 0 = never */
} change_log;

static void hash_bytes(uint64_t *h, const void *p, size_t n)
{
    const uint8_t *s = p;
    for (size_t i = 0; i < n; i++) {
        *h ^= s[i];
        *h *= 1099511628211ull;
    }
}

static int on_change(void *ctx, const nazif_change *ch)
{
    change_log *log = ctx;
    if (ch->kind != NAZIF_CHANGE_EDIT && ch->kind != NAZIF_CHANGE_SUSPECT &&
        ch->kind != NAZIF_CHANGE_DROP)
        FAIL("change kind %d", ch->kind);
    if (ch->offset > log->len || ch->length > log->len - ch->offset)
        FAIL("change at %llu+%zu outside the input (%zu bytes)",
             (unsigned long long)ch->offset, ch->length, log->len);
    if (ch->length && (!ch->original ||
                       memcmp(ch->original, log->in + ch->offset, ch->length) != 0))
        FAIL("change at %llu+%zu: original is not the input bytes there",
             (unsigned long long)ch->offset, ch->length);
    if (ch->replacement_len && !ch->replacement)
        FAIL("change at %llu: replacement NULL with length %zu",
             (unsigned long long)ch->offset, ch->replacement_len);
    if (ch->kind == NAZIF_CHANGE_DROP && ch->replacement_len)
        FAIL("DROP at %llu with a non-empty replacement", (unsigned long long)ch->offset);
    if (ch->replacement_len &&
        utf8_first_invalid((const uint8_t *)ch->replacement, ch->replacement_len) !=
            ch->replacement_len)
        FAIL("change at %llu: replacement is not valid UTF-8", (unsigned long long)ch->offset);
    if (!ch->rule || !ch->evidence) FAIL("change without rule or evidence");
    if (ch->line < 1) FAIL("change with line 0");
    if (log->count && ch->offset < log->last_offset)
        FAIL("changes out of input order: %llu after %llu",
             (unsigned long long)ch->offset, (unsigned long long)log->last_offset);
    log->last_offset = ch->offset;
    log->count++;
    uint64_t h = log->hash;
    const int kind = ch->kind;
    hash_bytes(&h, &kind, sizeof kind);
    hash_bytes(&h, &ch->offset, sizeof ch->offset);
    hash_bytes(&h, &ch->length, sizeof ch->length);
    hash_bytes(&h, &ch->line, sizeof ch->line);
    hash_bytes(&h, ch->rule, strlen(ch->rule));
    if (ch->replacement_len) hash_bytes(&h, ch->replacement, ch->replacement_len);
    log->hash = h;
    if (log->stop_at && log->count == log->stop_at) return 1;
    return 0;
}

static void log_init(change_log *log, const uint8_t *in, size_t len)
{
    memset(log, 0, sizeof *log);
    log->in = in;
    log->len = len;
    log->hash = 1469598103934665603ull;
}

/* ---- the two ways of cleaning ---- */

/* One-shot; returns the nazif_clean() code, output in *out (malloc'ed copy). */
static int clean_oneshot(const uint8_t *in, size_t len, unsigned flags, change_log *log,
                         buf *out)
{
    nazif_clean_options o;
    nazif_clean_options_init(&o);
    o.flags = flags;
    o.on_change = log ? on_change : NULL;
    o.ctx = log;
    char *res = NULL;
    size_t res_len = 0;
    const int rc = nazif_clean((const char *)in, len, &res, &res_len, &o);
    if (rc == NAZIF_OK) {
        if (!res) FAIL("nazif_clean returned OK and no buffer");
        if (res[res_len] != '\0') FAIL("nazif_clean output not NUL-terminated");
        if (res_len > nazif_clean_bound(len))
            FAIL("output %zu bytes > nazif_clean_bound(%zu) = %zu", res_len, len,
                 nazif_clean_bound(len));
        buf_add(out, (const uint8_t *)res, res_len);
    }
    nazif_free(res);
    return rc;
}

/*
 * Streaming: input in chunks of random size, output through buffers of 1..64
 * bytes.  reset_at (< len) feeds that many bytes, resets, and starts again.
 * Returns 0 or the first negative code.
 */
static int clean_stream(nazif_cleaner *c, const uint8_t *in, size_t len, rng *r,
                        size_t max_chunk, buf *out)
{
    size_t pos = 0;
    uint8_t ob[64];
    while (pos < len || len == 0) {
        size_t n = len ? rng_range(r, 1, max_chunk) : 0;
        if (n > len - pos) n = len - pos;
        nazif_inbuf ib = { in + pos, n, 0 };
        int stuck = 0;
        for (;;) {
            nazif_outbuf obuf = { ob, rng_range(r, 1, sizeof ob), 0 };
            const size_t before = ib.pos;
            const int rc = nazif_cleaner_stream(c, &ib, &obuf);
            if (rc < 0) return rc;
            if (obuf.pos > obuf.size || ib.pos > ib.size) FAIL("stream moved a cursor past its end");
            buf_add(out, ob, obuf.pos);
            if (rc == NAZIF_OK) {
                if (ib.pos != ib.size) FAIL("stream returned OK with input left (%zu of %zu)", ib.pos, ib.size);
                break;
            }
            if (rc != 1) FAIL("stream returned %d", rc);
            if (obuf.pos == 0 && ib.pos == before) {
                /* out full with nothing written: allow one retry (the size is random) */
                if (++stuck > 64) FAIL("stream makes no progress (returns 1, writes nothing)");
            } else {
                stuck = 0;
            }
        }
        pos += n;
        if (len == 0) break;
    }
    int stuck = 0;
    for (;;) {
        nazif_outbuf obuf = { ob, rng_range(r, 1, sizeof ob), 0 };
        const int rc = nazif_cleaner_finish(c, &obuf);
        if (rc < 0) return rc;
        buf_add(out, ob, obuf.pos);
        if (rc == NAZIF_OK) return 0;
        if (rc != 1) FAIL("finish returned %d", rc);
        if (obuf.pos == 0) {
            if (++stuck > 64) FAIL("finish makes no progress (returns 1, writes nothing)");
        } else {
            stuck = 0;
        }
    }
}

static size_t pick_chunk(rng *r, size_t len)
{
    switch (rng_next(r) % 5) {
    case 0: return 1;
    case 1: return 7;
    case 2: return 64;
    case 3: return 4096;
    default: return len ? len : 1;
    }
}

static void same(const buf *a, const buf *b, const char *what)
{
    if (a->len != b->len || (a->len && memcmp(a->p, b->p, a->len) != 0)) {
        size_t i = 0;
        while (i < a->len && i < b->len && a->p[i] == b->p[i]) i++;
        FAIL("%s: outputs differ (%zu vs %zu bytes, first difference at byte %zu)", what,
             a->len, b->len, i);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned flags = 0;
    uint32_t seed = 0x9E3779B9u;
    const uint8_t *in = data;
    size_t len = size;
    if (size >= 4) {
        flags = data[0] & 0x0Fu;
        seed ^= (uint32_t)data[1] | ((uint32_t)data[2] << 8) | ((uint32_t)data[3] << 16);
        in = data + 4;
        len = size - 4;
    }
    rng r = { seed ? seed : 1u };
    const int strict = (flags & NAZIF_STRICT_UTF8) != 0;
    const size_t bad = utf8_first_invalid(in, len);

    /* (a) one-shot */
    change_log la;
    log_init(&la, in, len);
    buf a = { 0 };
    const int rca = clean_oneshot(in, len, flags, &la, &a);
    if (strict && bad < len) {
        if (rca != NAZIF_EUTF8)
            FAIL("strict: invalid UTF-8 at %zu but nazif_clean returned %d", bad, rca);
    } else if (rca != NAZIF_OK) {
        FAIL("nazif_clean returned %d (%s)", rca, nazif_strerror(rca));
    }
    if (rca == NAZIF_OK && utf8_first_invalid(a.p, a.len) != a.len)
        FAIL("one-shot output is not valid UTF-8 at byte %zu", utf8_first_invalid(a.p, a.len));

    /* (b) streaming, twice on the same cleaner, random chunks */
    nazif_clean_options o;
    nazif_clean_options_init(&o);
    o.flags = flags;
    o.on_change = on_change;
    change_log lb;
    o.ctx = &lb;
    nazif_cleaner *c = NULL;
    if (nazif_cleaner_new(&c, &o) != NAZIF_OK || !c) FAIL("nazif_cleaner_new failed");
    for (int round = 0; round < 2; round++) {
        log_init(&lb, in, len);
        buf b = { 0 };
        const int rcb = clean_stream(c, in, len, &r, pick_chunk(&r, len), &b);
        if (strict && bad < len) {
            if (rcb != NAZIF_EUTF8) FAIL("strict: stream returned %d for invalid input", rcb);
            if (nazif_cleaner_error_offset(c) != bad)
                FAIL("strict: error offset %llu, first invalid byte at %zu",
                     (unsigned long long)nazif_cleaner_error_offset(c), bad);
            nazif_cleaner_reset(c);
        } else {
            if (rcb != 0) FAIL("stream returned %d (%s)", rcb, nazif_strerror(rcb));
            same(&a, &b, round ? "streaming (second document on the same cleaner)" : "streaming vs one-shot");
            if (lb.count != la.count || lb.hash != la.hash)
                FAIL("streaming reported %llu changes, one-shot %llu (or they differ)",
                     (unsigned long long)lb.count, (unsigned long long)la.count);
        }
        free(b.p);
    }

    /* reset in the middle of a document, then the whole document again */
    if (len > 1 && !(strict && bad < len) && (rng_next(&r) & 1u)) {
        const size_t part = rng_range(&r, 1, len - 1);
        log_init(&lb, in, len);
        nazif_inbuf ib = { in, part, 0 };
        uint8_t ob[64];
        for (int k = 0; k < 1000000; k++) {
            nazif_outbuf obuf = { ob, sizeof ob, 0 };
            const int rc = nazif_cleaner_stream(c, &ib, &obuf);
            if (rc != 1) break;
        }
        nazif_cleaner_reset(c);
        log_init(&lb, in, len);
        buf b = { 0 };
        if (clean_stream(c, in, len, &r, pick_chunk(&r, len), &b) != 0) FAIL("stream after reset failed");
        same(&a, &b, "streaming after a reset in mid-document");
        free(b.p);
    }

    /* a callback that stops: ECALLBACK, ESTATE until reset, fine after */
    if (!(strict && bad < len) && la.count > 0 && (rng_next(&r) & 1u)) {
        log_init(&lb, in, len);
        lb.stop_at = rng_range(&r, 1, (size_t)la.count);
        buf b = { 0 };
        const int rc = clean_stream(c, in, len, &r, pick_chunk(&r, len), &b);
        if (rc != NAZIF_ECALLBACK) FAIL("callback asked to stop, the cleaner returned %d", rc);
        uint8_t ob[8];
        nazif_inbuf ib = { in, len, 0 };
        nazif_outbuf obuf = { ob, sizeof ob, 0 };
        const int rc2 = nazif_cleaner_stream(c, &ib, &obuf);
        if (rc2 >= 0) FAIL("cleaner accepted work after an error (returned %d)", rc2);
        nazif_cleaner_reset(c);
        log_init(&lb, in, len);
        b.len = 0;
        if (clean_stream(c, in, len, &r, pick_chunk(&r, len), &b) != 0) FAIL("stream after stop+reset failed");
        same(&a, &b, "streaming after a callback stop and reset");
        free(b.p);
    }
    nazif_cleaner_free(c);

    /* (c) idempotence with KEEP_BOILERPLATE */
    if (rca == NAZIF_OK) {
        const unsigned f2 = (flags | NAZIF_KEEP_BOILERPLATE) & ~(unsigned)NAZIF_STRICT_UTF8;
        buf x1 = { 0 }, x2 = { 0 };
        const buf *first = &a;
        if (!(flags & NAZIF_KEEP_BOILERPLATE)) {
            if (clean_oneshot(in, len, f2, NULL, &x1) != NAZIF_OK) FAIL("clean with KEEP failed");
            first = &x1;
        }
        change_log l2;
        log_init(&l2, first->p, first->len);
        if (clean_oneshot(first->p ? first->p : (const uint8_t *)"", first->len, f2, &l2, &x2) != NAZIF_OK)
            FAIL("second clean failed");
        same(first, &x2, "idempotence clean(clean(x)) != clean(x)");
        free(x1.p);
        free(x2.p);
    }
    free(a.p);
    return 0;
}
