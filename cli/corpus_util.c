/*
 * corpus_util.c -- small pieces the corpus files share: allocation that
 * exits on failure, the growable byte buffer (sbuf), the table of removal
 * reasons, counters, and the restored-words map of --stats.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus_int.h"

/* ---- small helpers ------------------------------------------------------- */

void oom(void)
{
    fprintf(stderr, "%s: out of memory\n", prog);
    exit(CX_INTERNAL);
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom();
    return q;
}

/* The corpus commands' use of cli_buf: out of memory ends the run (exit 4). */

char *sb_reserve(sbuf *b, size_t extra)
{
    if (cli_buf_reserve(b, extra)) oom();
    return b->p + b->n;
}

void sb_put(sbuf *b, const void *s, size_t n)
{
    if (cli_buf_put(b, s, n)) oom();
}

void sb_puts(sbuf *b, const char *s)
{
    if (cli_buf_puts(b, s)) oom();
}

__attribute__((format(printf, 2, 3))) void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const int rc = cli_buf_vprintf(b, fmt, ap);
    va_end(ap);
    if (rc) oom();
}

void sb_json(sbuf *b, const char *s, size_t n)
{
    if (cli_buf_json(b, s, n)) oom();
}

void sb_free(sbuf *b)
{
    cli_buf_free(b);
}

int parse_uint(const char *s, unsigned long lo, unsigned long hi, unsigned long *out)
{
    if (!*s) return -1;
    char *end;
    errno = 0;
    const unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v < lo || v > hi || s[0] == '-') return -1;
    *out = v;
    return 0;
}

/* ---- reasons and counters ------------------------------------------------- */

static const char *reasons[MAX_REASONS];
static int n_reasons;

void reasons_init(void)
{
    static const char *const extra[] = {"malformed_json", "no_text_field", "empty", "persian",
                                        "urdu", "internal_error", "too_large",
                                        "exact_duplicate", "near_duplicate"};
    n_reasons = 0;
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) reasons[n_reasons++] = extra[i];
    for (int i = 0; nazif_filter_params(i); i++) {
        const char *r = nazif_filter_params(i)->reason;
        int dup = 0;
        for (int k = 0; k < n_reasons; k++) dup |= strcmp(reasons[k], r) == 0;
        if (!dup && n_reasons < MAX_REASONS) reasons[n_reasons++] = r;
    }
}

int reason_index(const char *r)
{
    for (int k = 0; k < n_reasons; k++)
        if (reasons[k] == r || strcmp(reasons[k], r) == 0) return k;
    return n_reasons - 1;
}

int reasons_count(void)
{
    return n_reasons;
}

const char *reason_name(int k)
{
    return reasons[k];
}

void counters_add(counters *a, const counters *b)
{
    const uint64_t *s = (const uint64_t *)b;
    uint64_t *d = (uint64_t *)a;
    for (size_t i = 0; i < sizeof *a / sizeof(uint64_t); i++) d[i] += s[i];
}

/* ---- restored words: original -> replacement counts ------------------------ */

void rw_add_n(rw_map *m, const char *o, size_t ol, const char *r, size_t rl, uint64_t cnt)
{
    if (ol > 200 || rl > 200) return;
    if (m->n * 2 >= m->cap) {
        if (m->n >= RW_MAX) return;
        const size_t nc = m->cap ? m->cap * 2 : 1024;
        rw_entry *ne = calloc(nc, sizeof *ne);
        if (!ne) oom();
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->e[i].count) continue;
            size_t k = (size_t)m->e[i].hash & (nc - 1);
            while (ne[k].count) k = (k + 1) & (nc - 1);
            ne[k] = m->e[i];
        }
        free(m->e);
        m->e = ne;
        m->cap = nc;
    }
    const uint64_t h = nazif_hash64(o, ol, 7) ^ (nazif_hash64(r, rl, 11) * 31u);
    size_t k = (size_t)h & (m->cap - 1);
    while (m->e[k].count) {
        rw_entry *x = &m->e[k];
        if (x->hash == h && x->olen == ol && x->rlen == rl &&
            memcmp(m->arena.p + x->off, o, ol) == 0 &&
            memcmp(m->arena.p + x->off + ol, r, rl) == 0) {
            x->count += cnt;
            return;
        }
        k = (k + 1) & (m->cap - 1);
    }
    rw_entry *x = &m->e[k];
    x->hash = h;
    x->off = m->arena.n;
    x->olen = (uint32_t)ol;
    x->rlen = (uint32_t)rl;
    x->count = cnt;
    sb_put(&m->arena, o, ol);
    sb_put(&m->arena, r, rl);
    m->n++;
}

void rw_merge(rw_map *into, const rw_map *from)
{
    for (size_t i = 0; i < from->cap; i++) {
        const rw_entry *x = &from->e[i];
        if (!x->count) continue;
        rw_add_n(into, from->arena.p + x->off, x->olen, from->arena.p + x->off + x->olen,
                 x->rlen, x->count);
    }
}

void rw_free(rw_map *m)
{
    free(m->e);
    sb_free(&m->arena);
    memset(m, 0, sizeof *m);
}
