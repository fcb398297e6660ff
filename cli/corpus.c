/*
 * corpus.c -- corpus mode: `nazif clean` over JSON Lines, WARC/WET and text
 * with document filters, threads, rejected documents and stats, and
 * `nazif dedup` (exact + MinHash-LSH near-duplicates).
 *
 * Shape of the pipeline: the main thread reads (plain or gzip, multi-member
 * gzip included), cuts the input into batches of whole documents (~1 MiB),
 * hands them to N workers and writes finished batches strictly in input
 * order.  A worker owns a document processor (nazif_corpus: HTTP body
 * decoding, HTML, cleaner, filters) and scratch buffers; everything a batch
 * produces (kept documents, rejected ones, report lines, messages) goes
 * into the batch's own buffers, so output order never depends on thread
 * timing.  With -j 1 the main thread does the work.
 *
 * Everything about one document -- which WARC records are documents, their
 * HTTP codings, JSON fields, filters, MinHash, dedup's clusters -- is the
 * library's public corpus tier (include/nazif_corpus.h), which does no
 * I/O; reading files (plain or gzip), threads and output order live here.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "nazif_corpus.h"
#include "nazif_linefreq.h"
#include "cmd_corpus.h"
#include "common.h"
#include "nazif.h"

enum { CX_OK = CLI_OK, CX_USAGE = CLI_USAGE, CX_INPUT = CLI_INPUT, CX_DATA = CLI_DATA,
       CX_INTERNAL = CLI_INTERNAL, CX_OUTPUT = CLI_OUTPUT };

#define READ_CHUNK (1u << 20)
#define BATCH_TARGET (1u << 20)

static const char *prog = "nazif";

/* ---- small helpers ------------------------------------------------------- */

static void oom(void)
{
    fprintf(stderr, "%s: out of memory\n", prog);
    exit(CX_INTERNAL);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom();
    return q;
}

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static char *sb_reserve(sbuf *b, size_t extra)
{
    if (b->n + extra > b->cap) {
        size_t nc = b->cap ? b->cap : 4096;
        while (nc < b->n + extra) nc *= 2;
        b->p = xrealloc(b->p, nc);
        b->cap = nc;
    }
    return b->p + b->n;
}

static void sb_put(sbuf *b, const void *s, size_t n)
{
    if (!n) return;
    memcpy(sb_reserve(b, n), s, n);
    b->n += n;
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[512];
    const int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if ((size_t)k < sizeof tmp) {
        sb_put(b, tmp, (size_t)k);
        return;
    }
    char *p = sb_reserve(b, (size_t)k + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

static void sb_json(sbuf *b, const char *s, size_t n)
{
    char *d = sb_reserve(b, NAZIF_JSON_STRING_BOUND(n));
    b->n += nazif_json_string(s, n, d);
}

static void sb_free(sbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int parse_uint(const char *s, unsigned long lo, unsigned long hi, unsigned long *out)
{
    if (!*s) return -1;
    char *end;
    errno = 0;
    const unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v < lo || v > hi || s[0] == '-') return -1;
    *out = v;
    return 0;
}

/* ---- input: plain or gzip (multi-member) --------------------------------- */

typedef struct source {
    FILE *f;
    const char *name;
    int gz;
    int zinit;
    z_stream zs;
    unsigned char *zbuf;
    size_t zlen, zpos;  /* plain mode: bytes of zbuf not yet served */
    uint64_t file_read; /* bytes read from the file */
    uint64_t member_start;
    int in_member;
    int eof;
    char err[256];
    int errcode;
} source;

static int src_fill(source *s)
{
    const size_t got = fread(s->zbuf, 1, READ_CHUNK, s->f);
    if (got == 0 && ferror(s->f)) {
        snprintf(s->err, sizeof s->err, "%s: read error: %s", s->name, strerror(errno));
        s->errcode = CX_INPUT;
        return -1;
    }
    s->file_read += got;
    s->zlen = got;
    s->zpos = 0;
    return (int)(got > 0);
}

static int src_open(source *s, const char *name)
{
    memset(s, 0, sizeof *s);
    s->name = strcmp(name, "-") == 0 ? "<stdin>" : name;
    s->f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    if (!s->f) {
        fprintf(stderr, "%s: cannot open '%s': %s\n", prog, name, strerror(errno));
        return CX_INPUT;
    }
    s->zbuf = xrealloc(NULL, READ_CHUNK);
    if (src_fill(s) < 0) {
        fprintf(stderr, "%s: %s\n", prog, s->err);
        return CX_INPUT;
    }
    if (s->zlen >= 2 && s->zbuf[0] == 0x1f && s->zbuf[1] == 0x8b) {
        s->gz = 1;
        if (inflateInit2(&s->zs, 15 + 16) != Z_OK) oom();
        s->zinit = 1;
        s->zs.next_in = s->zbuf;
        s->zs.avail_in = (uInt)s->zlen;
    }
    return CX_OK;
}

static void src_close(source *s)
{
    if (s->zinit) inflateEnd(&s->zs);
    if (s->f && s->f != stdin) fclose(s->f);
    free(s->zbuf);
    s->f = NULL;
    s->zbuf = NULL;
}

/* Compressed bytes consumed so far (for progress and messages). */
static uint64_t src_pos(const source *s)
{
    if (s->gz) return s->file_read - s->zs.avail_in;
    return s->file_read - (s->zlen - s->zpos);
}

/* Read up to cap bytes; returns the count, 0 at the end, -1 on error (s->err). */
static long src_read(source *s, unsigned char *dst, size_t cap)
{
    if (s->eof) return 0;
    if (!s->gz) {
        if (s->zpos == s->zlen) {
            const int r = src_fill(s);
            if (r < 0) return -1;
            if (r == 0) {
                s->eof = 1;
                return 0;
            }
        }
        size_t k = s->zlen - s->zpos;
        if (k > cap) k = cap;
        memcpy(dst, s->zbuf + s->zpos, k);
        s->zpos += k;
        return (long)k;
    }
    s->zs.next_out = dst;
    s->zs.avail_out = (uInt)cap;
    while (s->zs.avail_out == cap) {
        if (s->zs.avail_in == 0) {
            const int r = src_fill(s);
            if (r < 0) return -1;
            if (r == 0) {
                if (s->in_member) {
                    snprintf(s->err, sizeof s->err,
                             "%s: truncated gzip at byte %llu (member starting at byte %llu)",
                             s->name, (unsigned long long)s->file_read,
                             (unsigned long long)s->member_start);
                    s->errcode = CX_INPUT;
                    return -1;
                }
                s->eof = 1;
                break;
            }
            s->zs.next_in = s->zbuf;
            s->zs.avail_in = (uInt)s->zlen;
        }
        if (!s->in_member) {
            /* between members: padding zeros are tolerated, anything else
               must be a new gzip member */
            while (s->zs.avail_in && s->zs.next_in[0] == 0) {
                s->zs.next_in++;
                s->zs.avail_in--;
            }
            if (!s->zs.avail_in) continue;
            if (s->zs.next_in[0] != 0x1f) {
                snprintf(s->err, sizeof s->err, "%s: not a gzip member at byte %llu", s->name,
                         (unsigned long long)src_pos(s));
                s->errcode = CX_INPUT;
                return -1;
            }
            s->member_start = src_pos(s);
            s->in_member = 1;
        }
        const int ret = inflate(&s->zs, Z_NO_FLUSH);
        if (ret == Z_STREAM_END) {
            s->in_member = 0;
            inflateReset(&s->zs);
        } else if (ret == Z_BUF_ERROR) {
            if (s->zs.avail_in) break; /* output full */
        } else if (ret != Z_OK) {
            snprintf(s->err, sizeof s->err, "%s: corrupt gzip at byte %llu (%s)", s->name,
                     (unsigned long long)src_pos(s), s->zs.msg ? s->zs.msg : "data error");
            s->errcode = CX_INPUT;
            return -1;
        }
    }
    return (long)(cap - s->zs.avail_out);
}

/* ---- reasons and counters ------------------------------------------------- */

#define MAX_REASONS 64
static const char *reasons[MAX_REASONS];
static int n_reasons;

static void reasons_init(void)
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

static int reason_index(const char *r)
{
    for (int k = 0; k < n_reasons; k++)
        if (reasons[k] == r || strcmp(reasons[k], r) == 0) return k;
    return n_reasons - 1;
}

/* Why a WARC record is not a document (records_skipped, by reason):
   NAZIF_SKIP_*, named by nazif_skip_name(). */
#define N_SKIP NAZIF_SKIP_COUNT

typedef struct counters {
    uint64_t read, kept, malformed, bytes_in, bytes_out, text_in, text_out;
    uint64_t invalid_utf8, lines_dropped, restored_words, records_skipped;
    uint64_t by_rule[NAZIF_RULE_COUNT];
    uint64_t removed[MAX_REASONS];
    uint64_t records_html;    /* WARC HTML records turned into documents */
    uint64_t skipped[N_SKIP]; /* records_skipped by reason (skip_names) */
    uint64_t json_docs;       /* JSON objects read (valid lines) */
    uint64_t field_found;     /* of them, with the text field as a string */
    uint64_t field_notstr;    /* of them, with the text field not a string */
    uint64_t warc_broken;     /* broken WARC headers skipped (resync) */
    uint64_t warc_broken_bytes;
    /* linefreq: lines dropped as repeated on their site; documents
       counted (nazif linefreq); documents without a site */
    uint64_t lines_repeated, lf_counted, lf_nosite;
} counters;

static void counters_add(counters *a, const counters *b)
{
    const uint64_t *s = (const uint64_t *)b;
    uint64_t *d = (uint64_t *)a;
    for (size_t i = 0; i < sizeof *a / sizeof(uint64_t); i++) d[i] += s[i];
}

/* ---- restored words: original -> replacement counts ------------------------ */

typedef struct rw_entry {
    uint64_t hash;
    size_t off;
    uint32_t olen, rlen;
    uint64_t count;
} rw_entry;

typedef struct rw_map {
    rw_entry *e;
    size_t cap, n;
    sbuf arena;
} rw_map;

#define RW_MAX 2000000u

static void rw_add_n(rw_map *m, const char *o, size_t ol, const char *r, size_t rl, uint64_t cnt)
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

static void rw_merge(rw_map *into, const rw_map *from)
{
    for (size_t i = 0; i < from->cap; i++) {
        const rw_entry *x = &from->e[i];
        if (!x->count) continue;
        rw_add_n(into, from->arena.p + x->off, x->olen, from->arena.p + x->off + x->olen,
                 x->rlen, x->count);
    }
}

static void rw_free(rw_map *m)
{
    free(m->e);
    sb_free(&m->arena);
    memset(m, 0, sizeof *m);
}

/* ---- options ----------------------------------------------------------------- */

enum { FMT_AUTO, FMT_JSONL, FMT_WARC, FMT_TEXT, FMT_HTML };

typedef struct copts {
    int format;
    const char *text_field, *id_field;
    int jobs;
    const char *rejected, *stats, *report, *output;
    unsigned filters;
    double thr[NAZIF_FILTER_N_PARAMS];
    int progress; /* -1 auto */
    int explain, strict;
    int quiet;        /* no summary line */
    int html_text;    /* --html=text: the whole page's text, not its main content */
    uint64_t max_doc; /* longer documents (JSON lines, WARC records, text
                         files) are skipped unread */
    nazif_clean_options clean;
    /* dedup */
    const char *clusters, *removed;
    int bands, rows, ngram;
    unsigned long seed;
    /* repeated lines: the table read (--linefreq=FILE), counted in one run
       (--linefreq-stream) or written (nazif linefreq --out=FILE) */
    const char *lf_file, *lf_out, *site_field;
    int lf_stream;
    unsigned long lf_min;
    nazif_linefreq *lf;
} copts;

/* What run_pipeline's workers do with a batch. */
enum { MODE_CLEAN, MODE_DEDUP, MODE_COUNT };

/* ---- batches ---------------------------------------------------------------- */

typedef struct doc {
    size_t off, len;         /* the JSON line, or the text */
    size_t pre_off, pre_len; /* WARC/text: the JSON fields before the text */
    uint64_t where;          /* line number (JSONL), record offset (WARC) */
    /* WARC: [off, off+len) is the document as stored (an HTTP body still
       to be de-chunked and inflated, HTML still to be turned into text:
       the worker's nazif_corpus_process() does it) */
    int type;                /* NAZIF_DOC_* */
    unsigned coding;         /* NAZIF_CODING_* */
    uint64_t too_large;      /* > --max-doc-bytes: its size (text: the bytes
                                read when it went over); nothing held */
    size_t ct_off, ct_len;   /* the Content-Type value, in the batch data */
    size_t uri_off, uri_len; /* WARC: WARC-Target-URI, in the batch data */
    size_t rid_off, rid_len; /* WARC: WARC-Record-ID as it is, in the batch data */
} doc;

typedef struct dsig {
    uint64_t exact;
    uint32_t nwords;
    int valid;
    int too_large; /* a line over --max-doc-bytes: neither kept nor compared */
} dsig;

enum { B_FREE, B_QUEUED, B_WORKING, B_DONE };

typedef struct batch {
    int state;
    int fmt;
    const char *file;
    sbuf data;
    doc *docs;
    size_t ndocs, cdocs;
    uint64_t in_bytes; /* input bytes this batch covers */
    sbuf out, rej, report, err;
    counters cnt;
    int status;      /* exit code of an error inside the batch, else 0 */
    /* dedup */
    uint64_t *bands; /* ndocs * nbands */
    dsig *sigs;
    sbuf ids;        /* id strings, NUL-separated, one per doc */
} batch;

static void batch_reset(batch *b)
{
    b->data.n = 0;
    b->ndocs = 0;
    b->in_bytes = 0;
    b->out.n = b->rej.n = b->report.n = b->err.n = 0;
    b->ids.n = 0;
    memset(&b->cnt, 0, sizeof b->cnt);
    b->status = 0;
}

static doc *batch_add(batch *b)
{
    if (b->ndocs == b->cdocs) {
        b->cdocs = b->cdocs ? b->cdocs * 2 : 1024;
        b->docs = xrealloc(b->docs, b->cdocs * sizeof *b->docs);
    }
    doc *d = &b->docs[b->ndocs++];
    memset(d, 0, sizeof *d);
    return d;
}

/* A document longer than --max-doc-bytes: none of it is held, the worker
   reports it (reason too_large) with its size. */
static void batch_add_too_large(batch *b, uint64_t where, uint64_t bytes)
{
    doc *d = batch_add(b);
    d->off = b->data.n;
    d->where = where;
    d->too_large = bytes;
}

static void batch_free(batch *b)
{
    sb_free(&b->data);
    free(b->docs);
    sb_free(&b->out);
    sb_free(&b->rej);
    sb_free(&b->report);
    sb_free(&b->err);
    sb_free(&b->ids);
    free(b->bands);
    free(b->sigs);
}

/* ---- the reader: files -> batches of whole documents ------------------------------ */

typedef struct reader {
    char **files;
    int nfiles, cur;
    int fmt_opt;
    int fmt; /* of the current file */
    source src;
    int open;
    unsigned char *pend;
    size_t plen, ppos, pcap;
    uint64_t pend_base; /* stream offset of pend[0] */
    uint64_t line;
    uint64_t total_size, done_size; /* compressed sizes, for progress */
    const char *text_field;
    uint64_t max_doc;   /* 0: no limit */
    int status;
    char err[300];
    int err_is_src; /* print err after the batch */
} reader;

/* Append more input to pend; returns bytes read, 0 at the end, -1 error. */
static long rd_more(reader *r)
{
    if (r->ppos > 0 && r->ppos == r->plen) {
        r->pend_base += r->plen;
        r->plen = r->ppos = 0;
    } else if (r->ppos > (r->pcap >> 1)) {
        memmove(r->pend, r->pend + r->ppos, r->plen - r->ppos);
        r->pend_base += r->ppos;
        r->plen -= r->ppos;
        r->ppos = 0;
    }
    if (r->pcap - r->plen < READ_CHUNK) {
        r->pcap = r->pcap ? r->pcap * 2 : 4 * READ_CHUNK;
        while (r->pcap - r->plen < READ_CHUNK) r->pcap *= 2;
        r->pend = xrealloc(r->pend, r->pcap);
    }
    const long got = src_read(&r->src, r->pend + r->plen, r->pcap - r->plen);
    if (got < 0) {
        snprintf(r->err, sizeof r->err, "%s", r->src.err);
        r->status = r->src.errcode;
        return -1;
    }
    r->plen += (size_t)got;
    return got;
}

static int detect_format(const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) i++;
    if (n - i >= 5 && memcmp(p + i, "WARC/", 5) == 0) return FMT_WARC;
    if (i < n && p[i] == '{') return FMT_JSONL;
    /* an HTML page: <!DOCTYPE html or <html (any case) */
    static const char *const starts[] = {"<!doctype html", "<html"};
    for (size_t k = 0; k < 2; k++) {
        const size_t m = strlen(starts[k]);
        size_t j = 0;
        while (j < m && i + j < n && (p[i + j] | (p[i + j] >= 'A' && p[i + j] <= 'Z' ? 0x20 : 0)) == starts[k][j]) j++;
        if (j == m && (i + m == n || p[i + m] == ' ' || p[i + m] == '>' || p[i + m] == '\n' ||
                       p[i + m] == '\r' || p[i + m] == '\t'))
            return FMT_HTML;
    }
    return FMT_TEXT;
}

static int rd_open_next(reader *r)
{
    while (r->cur < r->nfiles) {
        const char *name = r->files[r->cur];
        const int rc = src_open(&r->src, name);
        if (rc) {
            r->status = rc;
            return -1;
        }
        r->open = 1;
        r->plen = r->ppos = 0;
        r->pend_base = 0;
        r->line = 0;
        if (rd_more(r) < 0) return -1;
        r->fmt = r->fmt_opt == FMT_AUTO ? detect_format(r->pend, r->plen) : r->fmt_opt;
        return 1;
    }
    return 0;
}

static void rd_close(reader *r)
{
    if (!r->open) return;
    r->done_size += src_pos(&r->src);
    src_close(&r->src);
    r->open = 0;
    r->cur++;
}

/*
 * From a broken WARC header at pend[ppos] on to the next line that starts
 * with "WARC/1.": 1 with ppos there, 0 at the end of the input (ppos ==
 * plen), -1 on a read error.  Memory stays the read buffer.
 */
static int rd_warc_resync(reader *r)
{
    static const char tag[] = "\nWARC/1.";
    const size_t tl = sizeof tag - 1;
    r->ppos++; /* at least the byte that is not a record */
    for (;;) {
        const unsigned char *p = r->pend + r->ppos, *e = r->pend + r->plen;
        while (p < e) {
            const unsigned char *nl = memchr(p, '\n', (size_t)(e - p));
            if (!nl) { p = e; break; }
            if ((size_t)(e - nl) < tl) { p = nl; break; } /* may be cut: read on */
            if (memcmp(nl, tag, tl) == 0) {
                r->ppos = (size_t)(nl + 1 - r->pend);
                return 1;
            }
            p = nl + 1;
        }
        r->ppos = (size_t)(p - r->pend);
        const long got = rd_more(r);
        if (got < 0) return -1;
        if (got == 0) {
            r->ppos = r->plen;
            return 0;
        }
    }
}

/* JSON-encode "key": into b */
static void put_key(sbuf *b, const char *k)
{
    sb_json(b, k, strlen(k));
    sb_put(b, ":", 1);
}

/*
 * Fill b with whole documents of the current file (a batch never spans two
 * files).  Returns 1 when b holds something or more may come, 0 at the end
 * of all input, -1 on an error (b still holds the documents before it).
 */
static int rd_fill(reader *r, batch *b)
{
    batch_reset(b);
    if (!r->open) {
        const int o = rd_open_next(r);
        if (o <= 0) return o;
    }
    b->fmt = r->fmt;
    b->file = r->src.name;
    const uint64_t start_pos = r->pend_base + r->ppos;
    int rc = 1;
    if (r->fmt == FMT_JSONL) {
        while (b->data.n < BATCH_TARGET) {
            unsigned char *p = r->pend + r->ppos;
            unsigned char *nl = memchr(p, '\n', r->plen - r->ppos);
            size_t ll;
            if (nl) {
                ll = (size_t)(nl - p);
            } else if (r->max_doc && r->plen - r->ppos > r->max_doc) {
                /* a line longer than the limit: read past it without
                   holding it, and leave a note for the worker */
                uint64_t skipped = 0;
                int eof = 0;
                for (;;) {
                    unsigned char *q = r->pend + r->ppos;
                    unsigned char *e = memchr(q, '\n', r->plen - r->ppos);
                    if (e) {
                        skipped += (uint64_t)(e - q);
                        r->ppos += (size_t)(e - q) + 1;
                        break;
                    }
                    skipped += r->plen - r->ppos;
                    r->ppos = r->plen;
                    const long got = rd_more(r);
                    if (got < 0) { rc = -1; break; }
                    if (got == 0) { eof = 1; break; }
                }
                if (rc < 0) break;
                r->line++;
                batch_add_too_large(b, r->line, skipped);
                if (eof) { rd_close(r); break; }
                continue;
            } else {
                const long got = rd_more(r);
                if (got < 0) { rc = -1; break; }
                if (got > 0) continue;
                ll = r->plen - r->ppos; /* last line without '\n' */
                if (ll == 0) { rd_close(r); break; }
            }
            p = r->pend + r->ppos;
            r->line++;
            size_t a = 0;
            while (a < ll && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r')) a++;
            if (r->max_doc && ll > r->max_doc) {
                /* too long, though it arrived whole: the same as above */
                batch_add_too_large(b, r->line, ll);
            } else if (a < ll) {
                doc *d = batch_add(b);
                d->off = b->data.n;
                d->len = ll;
                d->where = r->line;
                sb_put(&b->data, p, ll);
            }
            r->ppos += ll + (nl ? 1 : 0);
            if (!nl) { rd_close(r); break; }
        }
    } else if (r->fmt == FMT_WARC) {
        while (b->data.n < BATCH_TARGET) {
            while (r->ppos < r->plen && (r->pend[r->ppos] == '\r' || r->pend[r->ppos] == '\n'))
                r->ppos++;
            if (r->ppos == r->plen) {
                const long got = rd_more(r);
                if (got < 0) { rc = -1; break; }
                if (got == 0) { rd_close(r); break; }
                continue;
            }
            nazif_warc_header h;
            const char *p = (const char *)r->pend + r->ppos;
            const size_t avail = r->plen - r->ppos;
            const uint64_t at = r->pend_base + r->ppos;
            const int hr = nazif_warc_header_parse(p, avail, &h);
            if (hr == NAZIF_WARC_EBAD) {
                /* a broken header: on to the next line that starts a
                   record ("WARC/1."), as readers of real crawls do; what
                   lies between is counted and reported, never held */
                const int rs = rd_warc_resync(r);
                if (rs < 0) { rc = -1; break; }
                const uint64_t to = r->pend_base + r->ppos;
                if (rs == 1)
                    sb_printf(&b->err, "%s: %s: not a WARC record at byte %llu: %llu bytes skipped to the next record at byte %llu\n",
                              prog, r->src.name, (unsigned long long)at, (unsigned long long)(to - at),
                              (unsigned long long)to);
                else
                    sb_printf(&b->err, "%s: %s: not a WARC record at byte %llu: %llu bytes skipped to the end\n",
                              prog, r->src.name, (unsigned long long)at, (unsigned long long)(to - at));
                b->cnt.warc_broken++;
                b->cnt.warc_broken_bytes += to - at;
                if (rs == 0) { rd_close(r); break; }
                continue;
            }
            if (hr == 0 && r->max_doc && h.content_length > r->max_doc) {
                /* a record longer than the limit: read past it without
                   holding it */
                uint64_t need = h.header_len + h.content_length;
                int trunc = 0;
                for (;;) {
                    const uint64_t have = r->plen - r->ppos;
                    if (have >= need) {
                        r->ppos += (size_t)need;
                        break;
                    }
                    need -= have;
                    r->ppos = r->plen;
                    const long got = rd_more(r);
                    if (got < 0) { rc = -1; break; }
                    if (got == 0) { trunc = 1; break; }
                }
                if (rc < 0) break;
                if (trunc) {
                    snprintf(r->err, sizeof r->err, "%s: truncated WARC record at byte %llu",
                             r->src.name, (unsigned long long)at);
                    r->status = CX_INPUT;
                    rc = -1;
                    break;
                }
                batch_add_too_large(b, at, h.content_length);
                continue;
            }
            if (hr == NAZIF_WARC_MORE || (uint64_t)avail < h.header_len + h.content_length) {
                const long got = rd_more(r);
                if (got < 0) { rc = -1; break; }
                if (got == 0) {
                    snprintf(r->err, sizeof r->err, "%s: truncated WARC record at byte %llu",
                             r->src.name, (unsigned long long)at);
                    r->status = CX_INPUT;
                    rc = -1;
                    break;
                }
                continue;
            }
            const size_t clen = (size_t)h.content_length;
            nazif_doc wt;
            const int skip = nazif_warc_record(&h, p + h.header_len, clen, &wt);
            if (skip == NAZIF_SKIP_NONE) {
                const char *text = wt.data;
                const size_t tlen = wt.len;
                doc *d = batch_add(b);
                d->where = at;
                d->pre_off = b->data.n;
                sb_put(&b->data, "{", 1);
                put_key(&b->data, "id");
                sb_json(&b->data, h.id ? h.id : "", h.id_len);
                sb_put(&b->data, ",", 1);
                put_key(&b->data, "url");
                sb_json(&b->data, h.uri ? h.uri : "", h.uri_len);
                sb_put(&b->data, ",", 1);
                put_key(&b->data, "date");
                sb_json(&b->data, h.date ? h.date : "", h.date_len);
                sb_put(&b->data, ",", 1);
                put_key(&b->data, r->text_field);
                d->pre_len = b->data.n - d->pre_off;
                d->off = b->data.n;
                d->len = tlen;
                sb_put(&b->data, text, tlen);
                if (wt.type == NAZIF_DOC_HTML || wt.coding) {
                    d->type = wt.type;
                    d->coding = wt.coding;
                    d->ct_off = b->data.n;
                    d->ct_len = wt.content_type ? wt.content_type_len : 0;
                    sb_put(&b->data, wt.content_type ? wt.content_type : "", d->ct_len);
                }
                d->uri_off = b->data.n;
                d->uri_len = h.uri ? h.uri_len : 0;
                sb_put(&b->data, h.uri ? h.uri : "", d->uri_len);
                d->rid_off = b->data.n;
                d->rid_len = h.id ? h.id_len : 0;
                sb_put(&b->data, h.id ? h.id : "", d->rid_len);
            } else {
                b->cnt.records_skipped++;
                b->cnt.skipped[skip]++;
            }
            r->ppos += h.header_len + clen;
        }
    } else { /* text or HTML: the whole file is one document */
        int too_large = 0;
        for (;;) {
            if (r->max_doc && r->plen - r->ppos > r->max_doc) {
                /* longer than the limit: the rest of the file is this
                   document, so it is not read at all (a gzip bomb costs
                   the limit, not its inflated size) */
                too_large = 1;
                break;
            }
            const long got = rd_more(r);
            if (got < 0) { rc = -1; break; }
            if (got == 0) break;
        }
        if (too_large) {
            batch_add_too_large(b, 1, r->plen - r->ppos);
            r->ppos = r->plen;
        } else if (rc == 1 || r->plen > r->ppos) {
            doc *d = batch_add(b);
            d->pre_off = b->data.n;
            sb_put(&b->data, "{", 1);
            put_key(&b->data, "id");
            sb_json(&b->data, r->src.name, strlen(r->src.name));
            sb_put(&b->data, ",", 1);
            put_key(&b->data, r->text_field);
            d->pre_len = b->data.n - d->pre_off;
            d->off = b->data.n;
            d->len = r->plen - r->ppos;
            d->where = 1;
            sb_put(&b->data, r->pend + r->ppos, d->len);
            r->ppos = r->plen;
            if (r->fmt == FMT_HTML) {
                d->type = NAZIF_DOC_HTML; /* charset: the page's own, or sniffed */
                d->ct_off = b->data.n;
                d->ct_len = 0;
            }
        }
        if (rc == 1) rd_close(r);
    }
    b->in_bytes = (r->pend_base + r->ppos) - start_pos;
    if (!r->open && rc == 1 && b->ndocs == 0 && r->cur >= r->nfiles) return 0;
    return rc;
}

/* ---- one file, document by document (nazif index) ---------------------------------- */

struct cli_docreader {
    reader r;
    batch b;
    size_t next;          /* the next document of b */
    int last;             /* rd_fill's last result */
    char *name;
    nazif_corpus *cp;     /* WARC bodies and HTML: codings undone, text extracted */
    int status;
    uint64_t broken;      /* broken WARC records skipped */
};

int cli_docs_open(cli_docreader **out, const char *file, int format, uint64_t max_doc)
{
    *out = NULL;
    cli_docreader *dr = calloc(1, sizeof *dr);
    if (!dr) oom();
    dr->name = strdup(file);
    if (!dr->name) oom();
    dr->r.files = &dr->name;
    dr->r.nfiles = 1;
    dr->r.fmt_opt = format == CLI_FMT_JSONL ? FMT_JSONL : format == CLI_FMT_WARC ? FMT_WARC
                  : format == CLI_FMT_TEXT ? FMT_TEXT : format == CLI_FMT_HTML ? FMT_HTML : FMT_AUTO;
    dr->r.text_field = "text";
    dr->r.max_doc = max_doc;
    dr->last = 1;
    nazif_corpus_options co;
    nazif_corpus_options_init(&co);
    co.filters = 0;
    co.clean.flags |= NAZIF_NO_RESTORE | NAZIF_KEEP_BOILERPLATE; /* only res.input is used */
    if (nazif_corpus_new(&dr->cp, &co) != NAZIF_OK) oom();
    const int o = rd_open_next(&dr->r);
    if (o < 0) {
        /* src_open printed why */
        const int st = dr->r.status ? dr->r.status : CX_INPUT;
        if (dr->r.err[0]) fprintf(stderr, "%s: %s\n", prog, dr->r.err);
        cli_docs_close(dr);
        return st;
    }
    *out = dr;
    return CX_OK;
}

int cli_docs_next(cli_docreader *dr, cli_doc *out)
{
    memset(out, 0, sizeof *out);
    for (;;) {
        batch *b = &dr->b;
        if (dr->next < b->ndocs) {
            const doc *d = &b->docs[dr->next++];
            out->fmt = b->fmt == FMT_JSONL ? CLI_FMT_JSONL : b->fmt == FMT_WARC ? CLI_FMT_WARC
                     : b->fmt == FMT_HTML ? CLI_FMT_HTML : CLI_FMT_TEXT;
            out->where = d->where;
            if (d->too_large) {
                out->too_large = d->too_large;
                return 1;
            }
            if (b->fmt == FMT_JSONL) {
                out->data = b->data.p + d->off;
                out->len = d->len;
                return 1;
            }
            if (b->fmt == FMT_WARC) {
                out->id = b->data.p + d->rid_off;
                out->id_len = d->rid_len;
                out->url = b->data.p + d->uri_off;
                out->url_len = d->uri_len;
            } else {
                out->id = dr->r.src.name;
                out->id_len = strlen(dr->r.src.name);
            }
            if (d->type == NAZIF_DOC_HTML || d->coding) {
                nazif_doc in;
                nazif_doc_init(&in);
                in.data = b->data.p + d->off;
                in.len = d->len;
                in.type = d->type;
                in.coding = d->coding;
                in.content_type = b->data.p + d->ct_off;
                in.content_type_len = d->ct_len;
                nazif_doc_result res;
                const int rc = nazif_corpus_process(dr->cp, &in, &res);
                if (res.skip != NAZIF_SKIP_NONE) continue; /* not a document after all */
                if (rc < 0 && rc != NAZIF_EUTF8) {
                    fprintf(stderr, "%s: %s: %s\n", prog, dr->r.src.name, nazif_strerror(rc));
                    dr->status = CX_INTERNAL;
                    return -1;
                }
                out->data = res.input;
                out->len = res.input_len;
            } else {
                out->data = b->data.p + d->off;
                out->len = d->len;
            }
            return 1;
        }
        if (b->err.n) {
            fwrite(b->err.p, 1, b->err.n, stderr);
            b->err.n = 0;
        }
        if (dr->last <= 0) {
            if (dr->last < 0) {
                if (dr->r.err[0]) fprintf(stderr, "%s: %s\n", prog, dr->r.err);
                dr->status = dr->r.status ? dr->r.status : CX_INPUT;
                return -1;
            }
            return 0;
        }
        dr->last = rd_fill(&dr->r, b);
        dr->next = 0;
        dr->broken += b->cnt.warc_broken;
        if (dr->last == 0 && b->ndocs == 0 && !b->err.n) return 0;
    }
}

uint64_t cli_docs_broken(const cli_docreader *dr)
{
    return dr->broken;
}

uint64_t cli_docs_pos(const cli_docreader *dr)
{
    return dr->r.open ? src_pos(&dr->r.src) : dr->r.done_size;
}

int cli_docs_status(const cli_docreader *dr)
{
    return dr->status;
}

void cli_docs_close(cli_docreader *dr)
{
    if (!dr) return;
    if (dr->r.open) src_close(&dr->r.src);
    free(dr->r.pend);
    batch_free(&dr->b);
    nazif_corpus_free(dr->cp);
    free(dr->name);
    free(dr);
}

/* ---- workers --------------------------------------------------------------------- */

typedef struct worker {
    const copts *o;
    nazif_corpus *cp;     /* clean: body decoding, HTML, cleaner, filters */
    nazif_tokenizer *tk;
    nazif_minhash *mh;
    uint32_t *sig;
    char *dec;
    size_t dec_cap;
    char *sdec;               /* the decoded site field */
    size_t sdec_cap;
    nazif_linefreq *lf;       /* nazif linefreq: this worker's counts */
    rw_map rw;
    /* for the change callback */
    batch *cur;
    const doc *cur_doc;
    int want_report;
} worker;

static const char *kind_name(int kind)
{
    switch (kind) {
    case NAZIF_CHANGE_EDIT: return "edit";
    case NAZIF_CHANGE_SUSPECT: return "suspect";
    case NAZIF_CHANGE_DROP: return "drop";
    default: return "?";
    }
}

static int on_change(void *ctx, const nazif_change *ch)
{
    worker *w = ctx;
    if (ch->kind == NAZIF_CHANGE_EDIT && ch->rule[0] == 'P')
        rw_add_n(&w->rw, ch->original, ch->length, ch->replacement, ch->replacement_len, 1);
    batch *b = w->cur;
    if (w->o->report) {
        sbuf *f = &b->report;
        sb_puts(f, "{\"file\":");
        sb_json(f, b->file, strlen(b->file));
        sb_printf(f, ",\"%s\":%llu,\"line\":%llu,\"offset\":%llu,\"length\":%llu,\"kind\":\"%s\",\"rule\":\"%s\",\"original\":",
                  b->fmt == FMT_WARC ? "record" : "doc_line", (unsigned long long)w->cur_doc->where,
                  (unsigned long long)ch->line, (unsigned long long)ch->offset,
                  (unsigned long long)ch->length, kind_name(ch->kind), ch->rule);
        sb_json(f, ch->original, ch->length);
        sb_puts(f, ",\"replacement\":");
        sb_json(f, ch->replacement, ch->replacement_len);
        sb_puts(f, ",\"evidence\":");
        sb_json(f, ch->evidence, strlen(ch->evidence));
        sb_puts(f, "}\n");
    }
    if (w->o->explain) {
        size_t olen = ch->length;
        while (olen > 0 && (ch->original[olen - 1] == '\n' || ch->original[olen - 1] == '\r')) olen--;
        if (olen > 200) {
            olen = 200;
            while (olen > 0 && ((unsigned char)ch->original[olen] & 0xC0) == 0x80) olen--;
        }
        sb_printf(&b->err, "%s:%s%llu: line %llu byte %llu+%llu %s %s: \"%.*s\"", b->file,
                  b->fmt == FMT_WARC ? "record@" : "", (unsigned long long)w->cur_doc->where,
                  (unsigned long long)ch->line, (unsigned long long)ch->offset,
                  (unsigned long long)ch->length, ch->rule, kind_name(ch->kind), (int)olen,
                  ch->original);
        if (ch->kind != NAZIF_CHANGE_DROP)
            sb_printf(&b->err, " -> \"%.*s\"", (int)ch->replacement_len, ch->replacement);
        sb_printf(&b->err, " (%s)\n", ch->evidence);
    }
    return 0;
}

static int worker_init(worker *w, const copts *o, int mode)
{
    memset(w, 0, sizeof *w);
    w->o = o;
    if (mode == MODE_DEDUP) {
        nazif_token_options to;
        nazif_token_options_init(&to);
        if (nazif_tokenizer_new(&w->tk, &to) != NAZIF_OK) return -1;
        if (nazif_minhash_new(&w->mh, o->bands, o->rows, o->ngram, o->seed) != NAZIF_OK) return -1;
        w->sig = xrealloc(NULL, (size_t)o->bands * (size_t)o->rows * sizeof *w->sig);
        return 0;
    }
    nazif_corpus_options co;
    nazif_corpus_options_init(&co);
    co.clean = o->clean;
    co.clean.on_change = on_change;
    co.clean.ctx = w;
    co.filters = o->filters;
    memcpy(co.thr, o->thr, sizeof co.thr);
    if (o->html_text) co.flags |= NAZIF_CORPUS_HTML_TEXT;
    if (nazif_corpus_new(&w->cp, &co) != NAZIF_OK) return -1;
    if (mode == MODE_COUNT) {
        w->lf = nazif_linefreq_new();
        if (!w->lf) return -1;
    } else if (o->lf &&
               nazif_corpus_set_linefreq(w->cp, o->lf, (unsigned)o->lf_min,
                                         o->lf_stream ? NAZIF_LINEFREQ_STREAM : 0) != NAZIF_OK) {
        return -1;
    }
    return 0;
}

static void worker_fini(worker *w)
{
    nazif_corpus_free(w->cp);
    nazif_tokenizer_free(w->tk);
    nazif_minhash_free(w->mh);
    free(w->sig);
    free(w->dec);
    free(w->sdec);
    nazif_linefreq_free(w->lf);
    rw_free(&w->rw);
}

static void grow(char **p, size_t *cap, size_t need)
{
    if (*cap >= need) return;
    size_t nc = *cap ? *cap : 65536;
    while (nc < need) nc *= 2;
    free(*p);
    *p = malloc(nc);
    if (!*p) oom();
    *cap = nc;
}

/* ,"headline":...,"published":...,"author":... of an HTML document's
   main content (null when the page does not say) */
static void put_article(sbuf *o, const nazif_doc_result *res)
{
    const char *const keys[3] = {",\"headline\":", ",\"published\":", ",\"author\":"};
    const char *const vals[3] = {res->article.headline, res->article.date, res->article.author};
    for (int k = 0; k < 3; k++) {
        sb_puts(o, keys[k]);
        if (vals[k][0]) sb_json(o, vals[k], strlen(vals[k]));
        else sb_puts(o, "null");
    }
}

/* The line with ,"reason":"..." added before its closing brace. */
static void put_with_reason(sbuf *o, const char *line, size_t len, const char *reason,
                            int has_value, double value)
{
    size_t e = len;
    while (e > 0 && line[e - 1] != '}') e--;
    if (e == 0) return;
    e--;
    size_t k = e;
    while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t' || line[k - 1] == '\n' ||
                     line[k - 1] == '\r'))
        k--;
    sb_put(o, line, e);
    if (k > 0 && line[k - 1] != '{') sb_put(o, ",", 1);
    sb_printf(o, "\"reason\":\"%s\"", reason);
    if (has_value) sb_printf(o, ",\"reason_value\":%.4g", value);
    sb_put(o, line + e, len - e);
    sb_put(o, "\n", 1);
}

/* End of the JSON string that starts at s[i] ('"'): the index after its
   closing quote. */
static size_t json_str_end(const char *s, size_t n, size_t i)
{
    size_t j = i + 1;
    for (;;) {
        const char *q = memchr(s + j, '"', n - j);
        if (!q) return n;
        const size_t k = (size_t)(q - s);
        size_t bs = 0; /* backslashes just before it: odd, it is escaped */
        while (k - bs > i + 1 && s[k - 1 - bs] == '\\') bs++;
        j = k + 1;
        if (bs % 2 == 0) return j;
    }
}

/*
 * The top-level member key of line[0..len), a JSON object that
 * nazif_json_find() has already validated: [*vs, *ve) is its value when
 * it is a string (returns 1), else 0.  Strings are skipped with memchr
 * instead of being parsed again (the site field costs a fraction of the
 * text field's parse).  A member name with an escape is compared by
 * nazif_json_find() instead.
 */
static int json_member(const char *s, size_t n, const char *key, size_t klen, size_t *vs, size_t *ve)
{
    size_t i = 0;
    while (i < n && s[i] != '{') i++;
    i++;
    for (;;) {
        while (i < n && s[i] != '"' && s[i] != '}') i++;
        if (i >= n || s[i] == '}') return 0;
        const size_t ka = i + 1, ke = json_str_end(s, n, i) - 1;
        if (memchr(s + ka, '\\', ke - ka)) {
            nazif_json_span sp;
            size_t ep;
            if (nazif_json_find(s, n, key, klen, &sp, &ep) != NAZIF_JSON_FOUND) return 0;
            *vs = sp.vstart;
            *ve = sp.vend;
            return 1;
        }
        i = ke + 1;
        while (i < n && s[i] != ':') i++;
        i++;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
        const int match = ke - ka == klen && memcmp(s + ka, key, klen) == 0;
        if (i < n && s[i] == '"') {
            const size_t e = json_str_end(s, n, i);
            if (match) {
                *vs = i;
                *ve = e;
                return 1;
            }
            i = e;
        } else {
            if (match) return 0; /* the first occurrence is not a string */
            /* a number, literal, object or array: to the ',' or '}' that
               ends it at depth 0 */
            int depth = 0;
            while (i < n) {
                const char c = s[i];
                if (c == '"') {
                    i = json_str_end(s, n, i);
                    continue;
                }
                if (c == '{' || c == '[') depth++;
                else if (c == '}' || c == ']') {
                    if (depth == 0) break;
                    depth--;
                } else if (c == ',' && depth == 0) {
                    break;
                }
                i++;
            }
        }
        while (i < n && s[i] != ',' && s[i] != '}') i++;
        if (i >= n || s[i] == '}') return 0;
        i++;
    }
}

/*
 * The document's site for the repeated-line counts: JSON Lines, the
 * --site-field value (default "url"): a value with "://" is an URL whose
 * host is the site, any other non-empty string is the site itself; WARC,
 * the host of WARC-Target-URI; text files have none.
 */
static void set_site(worker *w, batch *b, const doc *d, const char *line, nazif_doc *in)
{
    if (b->fmt == FMT_WARC) {
        in->url = b->data.p + d->uri_off;
        in->url_len = d->uri_len;
        return;
    }
    if (b->fmt != FMT_JSONL) return;
    const char *f = w->o->site_field;
    size_t vs, ve, ep, n;
    /* the line is valid JSON: the text field was found in it */
    if (!json_member(line, d->len, f, strlen(f), &vs, &ve)) return;
    grow(&w->sdec, &w->sdec_cap, ve - vs + 16);
    if (nazif_json_decode(line + vs, ve - vs, w->sdec, &n, &ep)) return;
    size_t a = 0;
    while (a < n && (w->sdec[a] == ' ' || w->sdec[a] == '\t')) a++;
    while (n > a && (w->sdec[n - 1] == ' ' || w->sdec[n - 1] == '\t')) n--;
    if (n == a) return;
    const char *v = w->sdec + a;
    n -= a;
    int is_url = 0;
    for (size_t k = 0; k + 2 < n && !is_url; k++)
        is_url = v[k] == ':' && v[k + 1] == '/' && v[k + 2] == '/';
    if (is_url) {
        in->url = v;
        in->url_len = n;
    } else {
        in->site = v;
        in->site_len = n;
    }
}

static void process_clean(worker *w, batch *b)
{
    const copts *o = w->o;
    const size_t tfl = strlen(o->text_field);
    b->cnt.bytes_in += b->in_bytes;
    w->cur = b;
    for (size_t di = 0; di < b->ndocs; di++) {
        const doc *d = &b->docs[di];
        w->cur_doc = d;
        const char *line = b->data.p + d->off;
        b->cnt.read++;
        nazif_json_span sp = {0, 0};
        size_t tlen;
        const char *reason = NULL;
        if (d->too_large) {
            if (b->fmt == FMT_JSONL)
                sb_printf(&b->err, "%s: %s:%llu: line of %llu bytes, more than --max-doc-bytes=%llu (skipped)\n",
                          prog, b->file, (unsigned long long)d->where,
                          (unsigned long long)d->too_large, (unsigned long long)o->max_doc);
            else if (b->fmt == FMT_TEXT)
                sb_printf(&b->err, "%s: %s: more than --max-doc-bytes=%llu bytes (skipped; the rest of the file not read)\n",
                          prog, b->file, (unsigned long long)o->max_doc);
            else
                sb_printf(&b->err,
                          "%s: %s: WARC record at byte %llu: %llu bytes, more than --max-doc-bytes=%llu (skipped)\n",
                          prog, b->file, (unsigned long long)d->where,
                          (unsigned long long)d->too_large, (unsigned long long)o->max_doc);
            b->cnt.removed[reason_index("too_large")]++;
            if (o->rejected) {
                sb_printf(&b->rej, "{\"reason\":\"too_large\",\"file\":");
                sb_json(&b->rej, b->file, strlen(b->file));
                if (b->fmt == FMT_TEXT)
                    sb_printf(&b->rej, ",\"bytes_read\":%llu}\n", (unsigned long long)d->too_large);
                else
                    sb_printf(&b->rej, ",\"%s\":%llu,\"bytes\":%llu}\n",
                              b->fmt == FMT_JSONL ? "line" : "offset", (unsigned long long)d->where,
                              (unsigned long long)d->too_large);
            }
            continue;
        }
        if (b->fmt == FMT_JSONL) {
            size_t ep = 0;
            const int fr = nazif_json_find(line, d->len, o->text_field, tfl, &sp, &ep);
            if (fr == NAZIF_JSON_EMALFORMED) {
                if (o->strict) {
                    sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu\n", prog, b->file,
                              (unsigned long long)d->where, (unsigned long long)ep);
                    b->status = CX_DATA;
                    b->cnt.read--;
                    return;
                }
                sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu (line skipped)\n",
                          prog, b->file, (unsigned long long)d->where, (unsigned long long)ep);
                b->cnt.malformed++;
                b->cnt.removed[reason_index("malformed_json")]++;
                if (o->rejected) {
                    sb_printf(&b->rej, "{\"reason\":\"malformed_json\",\"file\":");
                    sb_json(&b->rej, b->file, strlen(b->file));
                    sb_printf(&b->rej, ",\"line\":%llu,\"byte\":%llu,\"raw\":",
                              (unsigned long long)d->where, (unsigned long long)ep);
                    sb_json(&b->rej, line, d->len);
                    sb_puts(&b->rej, "}\n");
                }
                continue;
            }
            b->cnt.json_docs++;
            if (fr == NAZIF_JSON_NOTSTR) b->cnt.field_notstr++;
            if (fr != NAZIF_JSON_FOUND) {
                b->cnt.removed[reason_index("no_text_field")]++;
                if (o->rejected) put_with_reason(&b->rej, line, d->len, "no_text_field", 0, 0);
                continue;
            }
            b->cnt.field_found++;
            const size_t raw = sp.vend - sp.vstart;
            grow(&w->dec, &w->dec_cap, raw + 16);
            if (nazif_json_decode(line + sp.vstart, raw, w->dec, &tlen, &ep)) {
                /* cannot happen after a successful find; be safe */
                b->cnt.removed[reason_index("malformed_json")]++;
                continue;
            }
        }
        nazif_doc in;
        nazif_doc_init(&in);
        if (b->fmt == FMT_JSONL) {
            in.data = w->dec;
            in.len = tlen;
        } else {
            in.data = line;
            in.len = d->len;
            in.type = d->type;
            in.coding = d->coding;
            in.content_type = b->data.p + d->ct_off;
            in.content_type_len = d->ct_len;
        }
        if (o->lf) set_site(w, b, d, line, &in);
        nazif_doc_result res;
        const int rc = nazif_corpus_process(w->cp, &in, &res);
        if (res.skip != NAZIF_SKIP_NONE) {
            /* a WARC body that does not decode, HTML in an unknown charset */
            b->cnt.read--;
            b->cnt.records_skipped++;
            b->cnt.skipped[res.skip]++;
            continue;
        }
        if (res.html) {
            b->cnt.records_html++;
            b->cnt.invalid_utf8 += res.html_invalid; /* already U+FFFD, even with --strict */
        }
        tlen = res.input_len;
        b->cnt.text_in += tlen;
        if (rc == NAZIF_EUTF8) {
            sb_printf(&b->err, "%s: %s:%s%llu: invalid UTF-8 in \"%s\" at byte %llu\n", prog, b->file,
                      b->fmt == FMT_WARC ? "record@" : "", (unsigned long long)d->where,
                      o->text_field, (unsigned long long)res.error_offset);
            b->status = CX_DATA;
            b->cnt.read--;
            return;
        }
        if (rc < 0) {
            sb_printf(&b->err, "%s: %s: %s\n", prog, b->file, nazif_strerror(rc));
            b->status = CX_INTERNAL;
            return;
        }
        const nazif_clean_stats *st = &res.stats;
        for (int k = 0; k < NAZIF_RULE_COUNT; k++) b->cnt.by_rule[k] += st->by_rule[k];
        b->cnt.invalid_utf8 += st->invalid_utf8;
        b->cnt.lines_dropped += st->lines_dropped;
        b->cnt.restored_words += st->restored_words;
        b->cnt.lines_repeated += res.lines_repeated;
        if (o->lf && res.site_len == 0) b->cnt.lf_nosite++;
        const size_t clen = res.text_len;
        reason = res.reason;
        if (reason) {
            const double value = res.reason_value;
            b->cnt.removed[reason_index(reason)]++;
            if (!o->rejected) continue;
            const int hv = res.has_value;
            if (b->fmt == FMT_JSONL) {
                put_with_reason(&b->rej, line, d->len, reason, hv, value);
            } else {
                sb_put(&b->rej, b->data.p + d->pre_off, d->pre_len);
                /* HTML: the extracted text, as it went into the cleaner */
                sb_json(&b->rej, res.input, res.input_len);
                if (res.html && !o->html_text) put_article(&b->rej, &res);
                sb_printf(&b->rej, ",\"reason\":\"%s\"", reason);
                if (hv) sb_printf(&b->rej, ",\"reason_value\":%.4g", value);
                sb_puts(&b->rej, "}\n");
            }
            continue;
        }
        b->cnt.kept++;
        b->cnt.text_out += clen;
        const size_t before = b->out.n;
        if (b->fmt == FMT_JSONL) {
            sb_put(&b->out, line, sp.vstart);
            sb_json(&b->out, res.text, clen);
            sb_put(&b->out, line + sp.vend, d->len - sp.vend);
        } else {
            sb_put(&b->out, b->data.p + d->pre_off, d->pre_len);
            sb_json(&b->out, res.text, clen);
            if (res.html && !o->html_text) put_article(&b->out, &res);
            sb_put(&b->out, "}", 1);
        }
        sb_put(&b->out, "\n", 1);
        b->cnt.bytes_out += b->out.n - before;
    }
}

/* nazif linefreq: count the lines of every document of b into w->lf. */
static void process_count(worker *w, batch *b)
{
    const copts *o = w->o;
    const size_t tfl = strlen(o->text_field);
    b->cnt.bytes_in += b->in_bytes;
    for (size_t di = 0; di < b->ndocs; di++) {
        const doc *d = &b->docs[di];
        const char *line = b->data.p + d->off;
        b->cnt.read++;
        if (d->too_large) {
            sb_printf(&b->err, "%s: %s:%s%llu: %llu bytes, more than --max-doc-bytes=%llu (not counted)\n",
                      prog, b->file, b->fmt == FMT_WARC ? "record@" : "",
                      (unsigned long long)d->where, (unsigned long long)d->too_large,
                      (unsigned long long)o->max_doc);
            b->cnt.removed[reason_index("too_large")]++;
            continue;
        }
        nazif_doc in;
        nazif_doc_init(&in);
        if (b->fmt == FMT_JSONL) {
            nazif_json_span sp;
            size_t ep = 0, tlen = 0;
            const int fr = nazif_json_find(line, d->len, o->text_field, tfl, &sp, &ep);
            if (fr == NAZIF_JSON_EMALFORMED) {
                sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu%s\n", prog, b->file,
                          (unsigned long long)d->where, (unsigned long long)ep,
                          o->strict ? "" : " (line skipped)");
                if (o->strict) {
                    b->status = CX_DATA;
                    b->cnt.read--;
                    return;
                }
                b->cnt.malformed++;
                b->cnt.removed[reason_index("malformed_json")]++;
                continue;
            }
            b->cnt.json_docs++;
            if (fr == NAZIF_JSON_NOTSTR) b->cnt.field_notstr++;
            if (fr != NAZIF_JSON_FOUND) {
                b->cnt.removed[reason_index("no_text_field")]++;
                continue;
            }
            b->cnt.field_found++;
            grow(&w->dec, &w->dec_cap, sp.vend - sp.vstart + 16);
            if (nazif_json_decode(line + sp.vstart, sp.vend - sp.vstart, w->dec, &tlen, &ep)) {
                b->cnt.removed[reason_index("malformed_json")]++;
                continue;
            }
            in.data = w->dec;
            in.len = tlen;
        } else {
            in.data = line;
            in.len = d->len;
            in.type = d->type;
            in.coding = d->coding;
            in.content_type = b->data.p + d->ct_off;
            in.content_type_len = d->ct_len;
        }
        set_site(w, b, d, line, &in);
        nazif_doc_result res;
        const int rc = nazif_corpus_count(w->cp, &in, w->lf, &res);
        if (res.skip != NAZIF_SKIP_NONE) {
            b->cnt.read--;
            b->cnt.records_skipped++;
            b->cnt.skipped[res.skip]++;
            continue;
        }
        if (rc < 0) {
            sb_printf(&b->err, "%s: %s: %s\n", prog, b->file, nazif_strerror(rc));
            b->status = CX_INTERNAL;
            return;
        }
        if (res.html) b->cnt.records_html++;
        b->cnt.text_in += res.input_len;
        if (res.site_len) b->cnt.lf_counted++;
        else b->cnt.lf_nosite++;
    }
}

static void process_sig(worker *w, batch *b)
{
    const copts *o = w->o;
    const size_t tfl = strlen(o->text_field), ifl = strlen(o->id_field);
    const size_t nb = (size_t)o->bands;
    b->bands = xrealloc(b->bands, (b->ndocs ? b->ndocs : 1) * nb * sizeof *b->bands);
    b->sigs = xrealloc(b->sigs, (b->ndocs ? b->ndocs : 1) * sizeof *b->sigs);
    b->cnt.bytes_in += b->in_bytes;
    for (size_t di = 0; di < b->ndocs; di++) {
        const doc *d = &b->docs[di];
        const char *line = b->data.p + d->off;
        dsig *s = &b->sigs[di];
        memset(s, 0, sizeof *s);
        b->cnt.read++;
        if (d->too_large) {
            sb_printf(&b->err, "%s: %s:%llu: line of %llu bytes, more than --max-doc-bytes=%llu (skipped)\n",
                      prog, b->file, (unsigned long long)d->where, (unsigned long long)d->too_large,
                      (unsigned long long)o->max_doc);
            b->cnt.removed[reason_index("too_large")]++;
            s->too_large = 1;
            sb_put(&b->ids, "", 1);
            continue;
        }
        nazif_json_span sp;
        size_t ep = 0, tlen = 0;
        const int fr = nazif_json_find(line, d->len, o->text_field, tfl, &sp, &ep);
        if (fr == NAZIF_JSON_EMALFORMED) {
            if (o->strict) {
                sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu\n", prog, b->file,
                          (unsigned long long)d->where, (unsigned long long)ep);
                b->status = CX_DATA;
                return;
            }
            sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu (line skipped)\n", prog,
                      b->file, (unsigned long long)d->where, (unsigned long long)ep);
            b->cnt.malformed++;
            sb_put(&b->ids, "", 1);
            continue;
        }
        /* the id, for the clusters file */
        nazif_json_span isp;
        size_t ie;
        if (nazif_json_find(line, d->len, o->id_field, ifl, &isp, &ie) == NAZIF_JSON_FOUND) {
            grow(&w->dec, &w->dec_cap, isp.vend - isp.vstart + 16);
            size_t il;
            if (nazif_json_decode(line + isp.vstart, isp.vend - isp.vstart, w->dec, &il, &ie) == 0) {
                for (size_t k = 0; k < il; k++)
                    if (w->dec[k] == 0) w->dec[k] = ' ';
                sb_put(&b->ids, w->dec, il);
            }
        }
        sb_put(&b->ids, "", 1);
        b->cnt.json_docs++;
        if (fr == NAZIF_JSON_NOTSTR) b->cnt.field_notstr++;
        if (fr != NAZIF_JSON_FOUND) continue; /* no text: kept, never a duplicate */
        b->cnt.field_found++;
        grow(&w->dec, &w->dec_cap, sp.vend - sp.vstart + 16);
        if (nazif_json_decode(line + sp.vstart, sp.vend - sp.vstart, w->dec, &tlen, &ep)) continue;
        b->cnt.text_in += tlen;
        size_t nw = 0;
        if (nazif_minhash_doc(w->mh, w->tk, w->dec, tlen, w->sig, &s->exact, &nw) != NAZIF_OK)
            continue;
        if (nw == 0) continue; /* nothing to compare: kept */
        s->nwords = (uint32_t)(nw > 0xFFFFFFFFu ? 0xFFFFFFFFu : nw);
        s->valid = 1;
        nazif_minhash_bands(w->mh, w->sig, b->bands + di * nb);
    }
}

/* ---- the thread pool ----------------------------------------------------------------- */

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    batch *slots;
    int nslots;
    uint64_t next_submit, next_take; /* sequence numbers, slot = seq % nslots */
    int quit;
    int mode;
    worker *workers;
    pthread_t *threads;
    int nthreads;
} pool;

typedef struct thread_arg {
    pool *p;
    worker *w;
} thread_arg;

static void *thread_main(void *arg)
{
    thread_arg *ta = arg;
    pool *p = ta->p;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->quit && p->next_take == p->next_submit) pthread_cond_wait(&p->work, &p->mu);
        if (p->quit && p->next_take == p->next_submit) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        batch *b = &p->slots[p->next_take % (uint64_t)p->nslots];
        p->next_take++;
        b->state = B_WORKING;
        pthread_mutex_unlock(&p->mu);
        if (p->mode == MODE_DEDUP) process_sig(ta->w, b);
        else if (p->mode == MODE_COUNT) process_count(ta->w, b);
        else process_clean(ta->w, b);
        pthread_mutex_lock(&p->mu);
        b->state = B_DONE;
        pthread_cond_broadcast(&p->done);
        pthread_mutex_unlock(&p->mu);
    }
}

/* ---- progress ------------------------------------------------------------------------- */

typedef struct progress {
    int on;
    double t0, last;
    int shown;
} progress;

static void fmt_time(char *buf, size_t n, double s)
{
    if (s < 0 || s > 359999) {
        snprintf(buf, n, "--:--");
        return;
    }
    const long t = (long)(s + 0.5);
    if (t >= 3600) snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    else snprintf(buf, n, "%02ld:%02ld", t / 60, t % 60);
}

static void progress_show(progress *pg, const counters *c, const reader *r, int final)
{
    if (!pg->on) return;
    const double t = now_s();
    if (!final && t - pg->last < 0.25) return;
    pg->last = t;
    const double el = t - pg->t0 > 1e-6 ? t - pg->t0 : 1e-6;
    const uint64_t pos = r->done_size + (r->open ? src_pos(&r->src) : 0);
    char eta[32] = "--:--";
    double pct = -1;
    if (r->total_size > 0) {
        pct = 100.0 * (double)pos / (double)r->total_size;
        if (pct > 100) pct = 100;
        if (pos > 0) fmt_time(eta, sizeof eta, el * ((double)r->total_size - (double)pos) / (double)pos);
    }
    char elapsed[32];
    fmt_time(elapsed, sizeof elapsed, el);
    if (pct >= 0)
        fprintf(stderr, "\r%s: %llu docs  %.0f docs/s  %.1f MB/s  %5.1f%%  %s left  \033[K", prog,
                (unsigned long long)c->read, (double)c->read / el, (double)c->bytes_in / el / 1e6,
                pct, final ? "00:00" : eta);
    else
        fprintf(stderr, "\r%s: %llu docs  %.0f docs/s  %.1f MB/s  %s  \033[K", prog,
                (unsigned long long)c->read, (double)c->read / el, (double)c->bytes_in / el / 1e6,
                elapsed);
    if (final) fputc('\n', stderr);
    fflush(stderr);
    pg->shown = 1;
}

static void progress_clear(progress *pg)
{
    if (pg->on && pg->shown) fputs("\r\033[K", stderr);
}

/* ---- the driver ------------------------------------------------------------------------ */

typedef struct sinks {
    FILE *out, *rej, *report;
    const char *out_name;
    int status;
} sinks;

static int write_buf(FILE *f, const sbuf *b)
{
    return b->n == 0 || fwrite(b->p, 1, b->n, f) == b->n ? 0 : -1;
}

/* Write a finished batch; returns 0 or an exit code. */
static int emit(sinks *s, batch *b, progress *pg, counters *total)
{
    if (b->err.n) {
        progress_clear(pg);
        fwrite(b->err.p, 1, b->err.n, stderr);
    }
    counters_add(total, &b->cnt);
    if (s->out && write_buf(s->out, &b->out)) {
        fprintf(stderr, "%s: cannot write output: %s\n", prog, strerror(errno));
        return CX_OUTPUT;
    }
    if (s->rej && write_buf(s->rej, &b->rej)) {
        fprintf(stderr, "%s: cannot write rejected documents: %s\n", prog, strerror(errno));
        return CX_OUTPUT;
    }
    if (s->report && write_buf(s->report, &b->report)) {
        fprintf(stderr, "%s: cannot write report: %s\n", prog, strerror(errno));
        return CX_OUTPUT;
    }
    return b->status;
}

typedef void (*collect_fn)(void *ctx, batch *b);

/*
 * Read everything, process it with o->jobs workers, hand each finished
 * batch to emit() (and collect, for dedup) in input order.
 */
static int run_pipeline(const copts *o, char **files, int nfiles, int mode, sinks *s,
                        counters *total, rw_map *rw, collect_fn collect, void *cctx)
{
    const int dedup = mode == MODE_DEDUP;
    reader r;
    memset(&r, 0, sizeof r);
    r.files = files;
    r.nfiles = nfiles;
    r.fmt_opt = dedup ? FMT_JSONL : o->format;
    r.text_field = o->text_field;
    r.max_doc = o->max_doc;
    for (int i = 0; i < nfiles; i++) {
        struct stat sb;
        if (strcmp(files[i], "-") != 0 && stat(files[i], &sb) == 0 && S_ISREG(sb.st_mode))
            r.total_size += (uint64_t)sb.st_size;
    }
    progress pg = {0, now_s(), 0, 0};
    pg.on = o->progress == 1 || (o->progress < 0 && isatty(2));
    pg.last = pg.t0;

    const int nthreads = o->jobs > 1 ? o->jobs : 0;
    const int nworkers = nthreads ? nthreads : 1;
    worker *ws = calloc((size_t)nworkers, sizeof *ws);
    if (!ws) oom();
    for (int i = 0; i < nworkers; i++)
        if (worker_init(&ws[i], o, mode)) {
            fprintf(stderr, "%s: cannot set up a worker (out of memory or bad options)\n", prog);
            for (int k = 0; k <= i; k++) worker_fini(&ws[k]);
            free(ws);
            return CX_INTERNAL;
        }
    pool p;
    memset(&p, 0, sizeof p);
    p.mode = mode;
    p.nslots = nthreads ? 2 * nthreads + 2 : 1;
    p.slots = calloc((size_t)p.nslots, sizeof *p.slots);
    thread_arg *tas = calloc((size_t)nworkers, sizeof *tas);
    p.threads = calloc((size_t)nworkers, sizeof *p.threads);
    if (!p.slots || !tas || !p.threads) oom();
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    for (int i = 0; i < nthreads; i++) {
        tas[i].p = &p;
        tas[i].w = &ws[i];
        if (pthread_create(&p.threads[i], NULL, thread_main, &tas[i]) != 0) {
            fprintf(stderr, "%s: cannot start a thread\n", prog);
            exit(CX_INTERNAL);
        }
        p.nthreads++;
    }

    int status = CX_OK, read_rc = 1;
    uint64_t next_emit = 0;
    while (status == CX_OK) {
        /* the slot for the next batch must be free: emit in order */
        const uint64_t seq = p.next_submit;
        if (nthreads && seq - next_emit >= (uint64_t)p.nslots) {
            batch *hb = &p.slots[next_emit % (uint64_t)p.nslots];
            pthread_mutex_lock(&p.mu);
            while (hb->state != B_DONE) pthread_cond_wait(&p.done, &p.mu);
            pthread_mutex_unlock(&p.mu);
            status = emit(s, hb, &pg, total);
            if (collect) collect(cctx, hb);
            hb->state = B_FREE;
            next_emit++;
            progress_show(&pg, total, &r, 0);
            continue;
        }
        if (read_rc <= 0) break;
        batch *b = &p.slots[seq % (uint64_t)p.nslots];
        read_rc = rd_fill(&r, b);
        if (b->ndocs == 0 && b->cnt.records_skipped == 0 && b->in_bytes == 0) {
            if (read_rc < 0) status = r.status ? r.status : CX_INPUT;
            continue;
        }
        if (!nthreads) {
            if (dedup) process_sig(&ws[0], b);
            else if (mode == MODE_COUNT) process_count(&ws[0], b);
            else process_clean(&ws[0], b);
            status = emit(s, b, &pg, total);
            if (collect) collect(cctx, b);
            p.next_submit++;
            next_emit++;
            progress_show(&pg, total, &r, 0);
        } else {
            pthread_mutex_lock(&p.mu);
            b->state = B_QUEUED;
            p.next_submit++;
            pthread_cond_signal(&p.work);
            pthread_mutex_unlock(&p.mu);
        }
        if (read_rc < 0 && status == CX_OK) read_rc = -2; /* emit the rest, then fail */
    }
    /* drain what is queued, in order (after an error only up to it) */
    while (next_emit < p.next_submit) {
        batch *hb = &p.slots[next_emit % (uint64_t)p.nslots];
        pthread_mutex_lock(&p.mu);
        while (hb->state != B_DONE) pthread_cond_wait(&p.done, &p.mu);
        pthread_mutex_unlock(&p.mu);
        if (status == CX_OK) {
            status = emit(s, hb, &pg, total);
            if (collect) collect(cctx, hb);
        }
        hb->state = B_FREE;
        next_emit++;
    }
    pthread_mutex_lock(&p.mu);
    p.quit = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < p.nthreads; i++) pthread_join(p.threads[i], NULL);
    if (status == CX_OK && read_rc == -2) status = r.status ? r.status : CX_INPUT;
    if (pg.on) progress_show(&pg, total, &r, 1);
    if (r.err[0] && (status == r.status)) {
        progress_clear(&pg);
        fprintf(stderr, "%s: %s\n", prog, r.err);
    }
    if (r.open) src_close(&r.src);
    free(r.pend);
    for (int i = 0; i < nworkers; i++) {
        if (rw) rw_merge(rw, &ws[i].rw);
        /* the counting pass is a reduction: the workers' tables add up */
        if (mode == MODE_COUNT && status == CX_OK && nazif_linefreq_merge(o->lf, ws[i].lf)) oom();
        worker_fini(&ws[i]);
    }
    for (int i = 0; i < p.nslots; i++) batch_free(&p.slots[i]);
    free(p.slots);
    free(p.threads);
    free(tas);
    free(ws);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    return status;
}

/* ---- stats ---------------------------------------------------------------------------------- */

static const rw_map *sort_map;

static int cmp_rw(const void *a, const void *b)
{
    const rw_entry *x = *(rw_entry *const *)a, *y = *(rw_entry *const *)b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    const size_t lx = x->olen + x->rlen, ly = y->olen + y->rlen;
    const int c = memcmp(sort_map->arena.p + x->off, sort_map->arena.p + y->off, lx < ly ? lx : ly);
    if (c) return c;
    return lx < ly ? -1 : lx > ly;
}

#define TOP_WORDS 50

static int write_stats(const char *path, const counters *c, const rw_map *rw, double secs, int jobs,
                       int linefreq)
{
    cli_out so;
    if (cli_out_open(&so, NULL, path, "stats file")) return CX_OUTPUT;
    FILE *f = so.f;
    uint64_t removed = 0;
    for (int k = 0; k < n_reasons; k++) removed += c->removed[k];
    fprintf(f, "{\n  \"documents_read\": %llu,\n  \"documents_kept\": %llu,\n  \"documents_removed\": %llu,\n",
            (unsigned long long)c->read, (unsigned long long)c->kept, (unsigned long long)removed);
    fputs("  \"removed\": {", f);
    int first = 1;
    for (int k = 0; k < n_reasons; k++) {
        if (!c->removed[k]) continue;
        fprintf(f, "%s\"%s\": %llu", first ? "" : ", ", reasons[k], (unsigned long long)c->removed[k]);
        first = 0;
    }
    fputs("},\n", f);
    fprintf(f, "  \"malformed_lines\": %llu,\n  \"records_skipped\": %llu,\n", (unsigned long long)c->malformed,
            (unsigned long long)c->records_skipped);
    fprintf(f, "  \"records_html\": %llu,\n  \"skipped\": {", (unsigned long long)c->records_html);
    first = 1;
    for (int k = 0; k < N_SKIP; k++) {
        if (!c->skipped[k]) continue;
        fprintf(f, "%s\"%s\": %llu", first ? "" : ", ", nazif_skip_name(k), (unsigned long long)c->skipped[k]);
        first = 0;
    }
    fputs("},\n", f);
    fprintf(f, "  \"bytes_in\": %llu,\n  \"bytes_out\": %llu,\n  \"text_bytes_in\": %llu,\n  \"text_bytes_out\": %llu,\n",
            (unsigned long long)c->bytes_in, (unsigned long long)c->bytes_out,
            (unsigned long long)c->text_in, (unsigned long long)c->text_out);
    fprintf(f, "  \"lines_dropped\": %llu,\n  \"invalid_utf8\": %llu,\n  \"restored_words\": %llu,\n",
            (unsigned long long)c->lines_dropped, (unsigned long long)c->invalid_utf8,
            (unsigned long long)c->restored_words);
    if (linefreq)
        fprintf(f, "  \"lines_repeated\": %llu,\n  \"documents_without_site\": %llu,\n",
                (unsigned long long)c->lines_repeated, (unsigned long long)c->lf_nosite);
    fputs("  \"restorations\": {", f);
    first = 1;
    for (int k = 0; k < NAZIF_RULE_COUNT; k++) {
        const char *name = nazif_rule_name(k);
        if (!name || !c->by_rule[k]) continue;
        fprintf(f, "%s\"%s\": %llu", first ? "" : ", ", name, (unsigned long long)c->by_rule[k]);
        first = 0;
    }
    fputs("},\n  \"top_restored\": [", f);
    if (rw && rw->n) {
        rw_entry **v = calloc(rw->n, sizeof *v);
        if (!v) oom();
        size_t n = 0;
        for (size_t i = 0; i < rw->cap; i++)
            if (rw->e[i].count) v[n++] = &rw->e[i];
        sort_map = rw;
        qsort(v, n, sizeof *v, cmp_rw);
        for (size_t i = 0; i < n && i < TOP_WORDS; i++) {
            sbuf t = {0};
            sb_puts(&t, i ? ",\n    {\"original\": " : "\n    {\"original\": ");
            sb_json(&t, rw->arena.p + v[i]->off, v[i]->olen);
            sb_puts(&t, ", \"replacement\": ");
            sb_json(&t, rw->arena.p + v[i]->off + v[i]->olen, v[i]->rlen);
            sb_printf(&t, ", \"count\": %llu}", (unsigned long long)v[i]->count);
            fwrite(t.p, 1, t.n, f);
            sb_free(&t);
        }
        if (n) fputs("\n  ", f);
        free(v);
    }
    fputs("],\n", f);
    fprintf(f, "  \"jobs\": %d,\n  \"seconds\": %.3f\n}\n", jobs, secs);
    return cli_out_commit(&so, NULL);
}

/*
 * The line every corpus run ends with, on standard error whatever it is
 * (--quiet: none), documented in docs/corpus.md:
 *   nazif clean: R documents read, W written, X rejected (REASON N, ...) into 'FILE'
 *   nazif clean: R documents read, W written, X rejected (REASON N, ...), dropped (--rejected=FILE keeps them)
 * then, when there are any, "; N WARC records skipped (REASON N, ...)" (not
 * documents: warcinfo, redirects, images ...)
 * and "; N bytes of broken WARC records skipped"; extra (dedup's clusters)
 * last.  rej_path is where rejected documents went, keep_opt the option
 * that keeps them (NULL: none).
 */
static void run_summary(const char *cmd, const counters *c, const char *rej_path, const char *keep_opt,
                        const char *extra)
{
    uint64_t removed = 0;
    for (int k = 0; k < n_reasons; k++) removed += c->removed[k];
    sbuf t = {0};
    sb_printf(&t, "%s %s: %llu document%s read, %llu written, %llu rejected", prog, cmd,
              (unsigned long long)c->read, c->read == 1 ? "" : "s", (unsigned long long)c->kept,
              (unsigned long long)removed);
    if (removed) {
        sb_puts(&t, " (");
        int first = 1;
        for (int k = 0; k < n_reasons; k++) {
            if (!c->removed[k]) continue;
            sb_printf(&t, "%s%s %llu", first ? "" : ", ", reasons[k], (unsigned long long)c->removed[k]);
            first = 0;
        }
        sb_puts(&t, ")");
        if (rej_path && strcmp(rej_path, "-") == 0) sb_puts(&t, " to standard output");
        else if (rej_path) sb_printf(&t, " into '%s'", rej_path);
        else if (keep_opt) sb_printf(&t, ", dropped (%s=FILE keeps them)", keep_opt);
        else sb_puts(&t, ", dropped");
    }
    if (c->records_skipped) {
        sb_printf(&t, "; %llu WARC record%s skipped (", (unsigned long long)c->records_skipped,
                  c->records_skipped == 1 ? "" : "s");
        int first = 1;
        for (int k = 0; k < N_SKIP; k++) {
            if (!c->skipped[k]) continue;
            sb_printf(&t, "%s%s %llu", first ? "" : ", ", nazif_skip_name(k), (unsigned long long)c->skipped[k]);
            first = 0;
        }
        sb_puts(&t, ")");
    }
    if (c->warc_broken)
        sb_printf(&t, "; %llu broken WARC record%s skipped (%llu bytes)", (unsigned long long)c->warc_broken,
                  c->warc_broken == 1 ? "" : "s", (unsigned long long)c->warc_broken_bytes);
    if (extra) sb_printf(&t, "; %s", extra);
    sb_puts(&t, "\n");
    fwrite(t.p, 1, t.n, stderr);
    sb_free(&t);
}

/*
 * A JSON Lines run in which no document had the text field (a mistyped
 * --text-field): an input error.  Returns CX_OK or CX_INPUT after a message.
 */
static int check_text_field(const char *cmd, const counters *c, const char *field)
{
    if (c->json_docs == 0 || c->field_found > 0) return CX_OK;
    if (c->field_notstr)
        fprintf(stderr, "%s %s: the text field \"%s\" is not a string in any of the %llu documents (see --text-field)\n",
                prog, cmd, field, (unsigned long long)c->json_docs);
    else
        fprintf(stderr, "%s %s: none of the %llu documents has the text field \"%s\" (see --text-field)\n",
                prog, cmd, (unsigned long long)c->json_docs, field);
    return CX_INPUT;
}

/* ---- options ------------------------------------------------------------------------------- */

static void usage_corpus(FILE *f)
{
    fprintf(f,
            "usage: nazif clean --format=jsonl|warc|text|html [OPTIONS] [FILE...]\n"
            "\n"
            "Corpus mode: cleans every document of JSON Lines (the text field's value\n"
            "is replaced, every other byte passes through), WARC/WET (conversion\n"
            "records, text/plain responses and the text of HTML responses; id, url\n"
            "and date become fields), text files or HTML pages (each file one\n"
            "document), plain or gzip (multi-member too), applies document filters\n"
            "and writes JSON Lines to standard output in input order.\n"
            "\n"
            "Options:\n"
            "  --format=FMT         jsonl, warc (also wet), text, html, or auto\n"
            "                       (default: from the first bytes of each file;\n"
            "                       <!DOCTYPE html or <html is html)\n"
            "  --html=main|text     HTML: main keeps the article -- its headline,\n"
            "                       then its text -- and drops menus, related\n"
            "                       lists, share bars, comments, footers (default);\n"
            "                       text keeps the whole page's text\n"
            "  --text-field=NAME    the JSON field holding the text (default: text)\n"
            "  --id-field=NAME      the id field (dedup; default: id)\n"
            "  -j N, --jobs=N       worker threads (default 1)\n"
            "  --output=FILE        write documents to FILE instead of standard output\n"
            "  --rejected=FILE      removed documents as JSON Lines with \"reason\"\n"
            "  --stats=FILE         counts as JSON, and a summary on standard error\n"
            "  --filters=LIST       comma list of empty, lang, length, gopher,\n"
            "                       repetition, fineweb; all (default) or none\n"
            "  --progress           progress on standard error even when it is not a\n"
            "                       terminal (--no-progress: never)\n"
            "  -q, --quiet          no summary line at the end (by default one line on\n"
            "                       standard error: documents read, written, rejected\n"
            "                       by reason, where the rejected ones went)\n"
            "  --max-doc-bytes=N    a JSON line, WARC record or text file longer than\n"
            "                       N bytes is skipped unread, reason too_large\n"
            "                       (default 67108864; 0: no limit); memory stays\n"
            "                       about twice N however big the inflated input is\n"
            "  --linefreq=FILE      drop lines repeated on many pages of the same\n"
            "                       site (reason repeated_line), by the counts of\n"
            "                       'nazif linefreq --out=FILE' (docs/furniture.md)\n"
            "  --linefreq-stream    count each document just before cleaning it, in\n"
            "                       one run (a site's first pages cannot be judged\n"
            "                       yet; one worker); with --linefreq, from its counts\n"
            "  --linefreq-min=N     a line is repeated when N documents of its site\n"
            "                       hold it (default 5; a sentence needs 4 x N)\n"
            "  --site-field=NAME    the JSON field naming the site (default: url,\n"
            "                       its host); WARC: the host of WARC-Target-URI\n"
            "  --NAME=VALUE         a filter threshold (see docs/corpus.md):\n");
    for (int i = 0; nazif_filter_params(i); i++)
        fprintf(f, "                         --%s=%g\n", nazif_filter_params(i)->option,
                nazif_filter_params(i)->value);
    fprintf(f,
            "  --boilerplate=drop|keep, --report=FILE, --explain, --suspects,\n"
            "  --no-restore, --strict   as in plain 'nazif clean'; --strict also makes a\n"
            "                       malformed JSON line an error (exit 3)\n"
            "\n"
            "Exit status: 0 ok, 1 usage, 2 input (unreadable, truncated gzip or WARC,\n"
            "no document with the text field, a linefreq table that is not one or\n"
            "is truncated),\n"
            "3 invalid UTF-8 or malformed JSON with --strict, 4 internal, 5 output.\n");
}

static void usage_dedup(FILE *f)
{
    fprintf(f,
            "usage: nazif dedup [OPTIONS] FILE...\n"
            "\n"
            "Finds exact duplicates (same words after search normalization) and\n"
            "near-duplicates (MinHash LSH on word n-grams of the search-normalized\n"
            "text) in JSON Lines files (plain or gzip), keeps the first document of\n"
            "each cluster and writes the kept lines unchanged.  Reads its input twice\n"
            "(no standard input).\n"
            "\n"
            "Options:\n"
            "  --out=FILE          kept documents (default: standard output)\n"
            "  --clusters=FILE     one JSON line per cluster: id, size, members\n"
            "  --removed=FILE      removed documents with \"cluster\" and \"reason\"\n"
            "  --text-field=NAME   default: text\n"
            "  --id-field=NAME     shown in the clusters file (default: id)\n"
            "  --bands=N --rows=N  LSH bands and hashes per band (default 14 x 8)\n"
            "  --ngram=N           words per shingle (default 5)\n"
            "  --seed=N            hash family (default 1)\n"
            "  -j N, --jobs=N      threads for the signatures\n"
            "  --max-doc-bytes=N   a line longer than N bytes is skipped unread, reason\n"
            "                      too_large (default 67108864; 0: no limit)\n"
            "  --strict            a malformed JSON line is an error (exit 3)\n"
            "  --progress, --no-progress\n"
            "  -q, --quiet         no summary line at the end (documents read, written,\n"
            "                      removed by reason, clusters)\n"
            "\n"
            "A run in which no document has the text field is an error (exit 2).\n");
}

static int parse_filters(const char *s, unsigned *out)
{
    unsigned f = 0;
    while (*s) {
        const char *e = strchr(s, ',');
        const size_t n = e ? (size_t)(e - s) : strlen(s);
        int ok = 0;
        if (n == 3 && memcmp(s, "all", 3) == 0) { f |= NAZIF_FILTER_ALL; ok = 1; }
        if (n == 4 && memcmp(s, "none", 4) == 0) ok = 1;
        for (unsigned bit = 1; bit <= NAZIF_FILTER_ALL && !ok; bit <<= 1) {
            const char *name = nazif_filter_name(bit);
            if (name && strlen(name) == n && memcmp(name, s, n) == 0) { f |= bit; ok = 1; }
        }
        if (!ok) return -1;
        s += n;
        if (*s == ',') s++;
    }
    *out = f;
    return 0;
}

const char *const *nazif_cli_clean_valued(void)
{
    static const char *names[64];
    if (!names[0]) {
        static const char *const fixed[] = {"--boilerplate", "--report", "--format", "--html", "--text-field",
                                            "--id-field", "--filters", "--rejected", "--stats",
                                            "--output", "--jobs", "--max-doc-bytes", "--linefreq",
                                            "--site-field", "--linefreq-min"};
        static char opt[NAZIF_FILTER_N_PARAMS][64];
        int n = 0;
        for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) names[n++] = fixed[i];
        for (int k = 0; nazif_filter_params(k) && k < NAZIF_FILTER_N_PARAMS && n < 63; k++) {
            snprintf(opt[k], sizeof opt[k], "--%s", nazif_filter_params(k)->option);
            names[n++] = opt[k];
        }
        names[n] = NULL;
    }
    return names;
}

static const char *const dedup_valued[] = {"--out", "--clusters", "--removed", "--text-field", "--id-field",
                                           "--bands", "--rows", "--ngram", "--seed", "--jobs",
                                           "--max-doc-bytes", NULL};

static void opts_defaults(copts *o)
{
    memset(o, 0, sizeof *o);
    o->format = FMT_AUTO;
    o->text_field = "text";
    o->id_field = "id";
    o->jobs = 1;
    o->max_doc = 64u << 20;
    o->filters = NAZIF_FILTER_ALL;
    o->progress = -1;
    for (int i = 0; i < NAZIF_FILTER_N_PARAMS; i++) o->thr[i] = nazif_filter_params(i)->value;
    nazif_clean_options_init(&o->clean);
    o->bands = 14;
    o->rows = 8;
    o->ngram = 5;
    o->seed = 1;
    o->site_field = "url";
}

/* --site-field=NAME and --linefreq-min=N (clean and linefreq).  Returns 1
   if taken, 0 if not, -1 bad value (message printed). */
static int linefreq_opt(copts *o, const char *a, const char *cmd)
{
    unsigned long v;
    if (strncmp(a, "--site-field=", 13) == 0 && a[13]) {
        o->site_field = a + 13;
        return 1;
    }
    if (strncmp(a, "--linefreq-min=", 15) == 0) {
        if (parse_uint(a + 15, 1, 1000000000ul, &v)) {
            fprintf(stderr, "%s %s: bad --linefreq-min '%s' (documents of a site, 1 or more)\n", prog,
                    cmd, a + 15);
            return -1;
        }
        o->lf_min = v;
        return 1;
    }
    return 0;
}

/* Read the table of --linefreq=FILE.  Returns CX_OK, or CX_INPUT after a
   message (cannot be read; not a table, or truncated). */
static int load_linefreq(copts *o, const char *cmd)
{
    FILE *f = fopen(o->lf_file, "rb");
    if (!f) {
        fprintf(stderr, "%s %s: cannot open linefreq table %s: %s\n", prog, cmd, o->lf_file,
                strerror(errno));
        return CX_INPUT;
    }
    sbuf b = {0};
    for (;;) {
        char *p = sb_reserve(&b, 1u << 20);
        const size_t got = fread(p, 1, 1u << 20, f);
        b.n += got;
        if (got < (1u << 20)) break;
    }
    const int err = ferror(f);
    const int eno = errno;
    fclose(f);
    if (err) {
        fprintf(stderr, "%s %s: cannot read linefreq table %s: %s\n", prog, cmd, o->lf_file,
                strerror(eno));
        sb_free(&b);
        return CX_INPUT;
    }
    o->lf = nazif_linefreq_load((const uint8_t *)b.p, b.n);
    const size_t n = b.n;
    const int magic = n >= 6 && memcmp(b.p, "NZLF1\n", 6) == 0;
    sb_free(&b);
    if (!o->lf) {
        if (magic)
            fprintf(stderr, "%s %s: %s: truncated or damaged linefreq table (%zu bytes; write it again with 'nazif linefreq')\n",
                    prog, cmd, o->lf_file, n);
        else
            fprintf(stderr, "%s %s: %s: not a linefreq table (made by 'nazif linefreq --out=FILE')\n",
                    prog, cmd, o->lf_file);
        return CX_INPUT;
    }
    return CX_OK;
}

/* Options both commands share.  Returns 1 if taken, 0 if not known, -1 bad
   value (message printed).  *i may advance (for "-j N"). */
static int common_opt(copts *o, int argc, char **argv, int *i, const char *cmd)
{
    const char *a = argv[*i];
    unsigned long v;
    if (strncmp(a, "--text-field=", 13) == 0 && a[13]) { o->text_field = a + 13; return 1; }
    if (strncmp(a, "--id-field=", 11) == 0 && a[11]) { o->id_field = a + 11; return 1; }
    if (strcmp(a, "--progress") == 0) { o->progress = 1; return 1; }
    if (strcmp(a, "--no-progress") == 0) { o->progress = 0; return 1; }
    if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) { o->quiet = 1; return 1; }
    if (strncmp(a, "--max-doc-bytes=", 16) == 0) {
        char *end;
        errno = 0;
        const unsigned long long mv = strtoull(a + 16, &end, 10);
        if (errno || end == a + 16 || *end || a[16] == '-') {
            fprintf(stderr, "%s %s: bad --max-doc-bytes '%s' (bytes; 0: no limit)\n", prog, cmd, a + 16);
            return -1;
        }
        o->max_doc = mv;
        return 1;
    }
    if (strcmp(a, "--strict") == 0) {
        o->strict = 1;
        o->clean.flags |= NAZIF_STRICT_UTF8;
        return 1;
    }
    const char *jv = NULL;
    if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) {
        if (*i + 1 >= argc) {
            fprintf(stderr, "%s %s: %s needs a number\n", prog, cmd, a);
            return -1;
        }
        jv = argv[++*i];
    } else if (strncmp(a, "-j", 2) == 0 && a[2] && a[1] != '-') {
        jv = a + 2;
    } else if (strncmp(a, "--jobs=", 7) == 0) {
        jv = a + 7;
    }
    if (jv) {
        if (parse_uint(jv, 1, 256, &v)) {
            fprintf(stderr, "%s %s: bad number of jobs '%s' (1..256)\n", prog, cmd, jv);
            return -1;
        }
        o->jobs = (int)v;
        return 1;
    }
    return 0;
}

int nazif_cli_clean_corpus(int argc, char **argv)
{
    copts o;
    opts_defaults(&o);
    reasons_init();
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) oom();
    int nfiles = 0, only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            files[nfiles++] = argv[i];
            continue;
        }
        const int c = common_opt(&o, argc, argv, &i, "clean");
        if (c < 0) { free(files); return CX_USAGE; }
        if (c > 0) continue;
        const int l = linefreq_opt(&o, a, "clean");
        if (l < 0) { free(files); return CX_USAGE; }
        if (l > 0) continue;
        if (strcmp(a, "--") == 0) only_files = 1;
        else if (strncmp(a, "--linefreq=", 11) == 0 && a[11]) o.lf_file = a + 11;
        else if (strcmp(a, "--linefreq-stream") == 0) o.lf_stream = 1;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage_corpus(stdout);
            free(files);
            return CX_OK;
        } else if (strcmp(a, "--version") == 0) {
            printf("nazif %s\n", nazif_version());
            free(files);
            return CX_OK;
        } else if (strcmp(a, "--format=jsonl") == 0) o.format = FMT_JSONL;
        else if (strcmp(a, "--format=warc") == 0 || strcmp(a, "--format=wet") == 0) o.format = FMT_WARC;
        else if (strcmp(a, "--format=text") == 0) o.format = FMT_TEXT;
        else if (strcmp(a, "--format=html") == 0) o.format = FMT_HTML;
        else if (strcmp(a, "--html=main") == 0) o.html_text = 0;
        else if (strcmp(a, "--html=text") == 0) o.html_text = 1;
        else if (strcmp(a, "--format=auto") == 0) o.format = FMT_AUTO;
        else if (strcmp(a, "--boilerplate=drop") == 0) o.clean.flags &= ~NAZIF_KEEP_BOILERPLATE;
        else if (strcmp(a, "--boilerplate=keep") == 0) o.clean.flags |= NAZIF_KEEP_BOILERPLATE;
        else if (strcmp(a, "--suspects") == 0) o.clean.flags |= NAZIF_REPORT_SUSPECTS;
        else if (strcmp(a, "--no-restore") == 0) o.clean.flags |= NAZIF_NO_RESTORE;
        else if (strcmp(a, "--explain") == 0) o.explain = 1;
        else if (strncmp(a, "--report=", 9) == 0 && a[9]) o.report = a + 9;
        else if (strncmp(a, "--rejected=", 11) == 0 && a[11]) o.rejected = a + 11;
        else if (strncmp(a, "--stats=", 8) == 0 && a[8]) o.stats = a + 8;
        else if (strncmp(a, "--output=", 9) == 0 && a[9]) o.output = a + 9;
        else if (strncmp(a, "--filters=", 10) == 0) {
            if (parse_filters(a + 10, &o.filters)) {
                fprintf(stderr, "%s clean: bad --filters '%s' (empty, lang, length, gopher, repetition, fineweb, all, none)\n",
                        prog, a + 10);
                free(files);
                return CX_USAGE;
            }
        } else {
            int done = 0;
            for (int k = 0; nazif_filter_params(k) && !done; k++) {
                const char *name = nazif_filter_params(k)->option;
                const size_t nl = strlen(name);
                if (strncmp(a + 2, name, nl) == 0 && a[2 + nl] == '=') {
                    char *end;
                    errno = 0;
                    const double v = strtod(a + 3 + nl, &end);
                    if (errno || *end || end == a + 3 + nl || v < 0) {
                        fprintf(stderr, "%s clean: bad value in '%s'\n", prog, a);
                        free(files);
                        return CX_USAGE;
                    }
                    o.thr[k] = v;
                    done = 1;
                }
            }
            if (!done) {
                const char *expect = NULL;
                if (strncmp(a, "--format", 8) == 0) expect = "jsonl, warc, wet, text, html or auto";
                else if (strncmp(a, "--html", 6) == 0) expect = "main or text";
                else if (strncmp(a, "--boilerplate", 13) == 0) expect = "drop or keep";
                cli_bad_option("clean", a, nazif_cli_clean_valued(), expect);
                free(files);
                return CX_USAGE;
            }
        }
    }
    if (nfiles == 0) files[nfiles++] = "-";
    if ((o.lf_min || strcmp(o.site_field, "url") != 0) && !o.lf_file && !o.lf_stream) {
        fprintf(stderr, "%s clean: --linefreq-min and --site-field need --linefreq=FILE or --linefreq-stream\n",
                prog);
        free(files);
        return CX_USAGE;
    }
    if (o.lf_file) {
        for (int k = 0; k < nfiles; k++)
            if (strcmp(files[k], o.lf_file) == 0) {
                fprintf(stderr, "%s clean: %s is both an input and the linefreq table\n", prog,
                        o.lf_file);
                free(files);
                return CX_USAGE;
            }
        const int lr = load_linefreq(&o, "clean");
        if (lr != CX_OK) {
            free(files);
            return lr;
        }
    } else if (o.lf_stream) {
        o.lf = nazif_linefreq_new();
        if (!o.lf) oom();
    }
    if (o.lf_stream && o.jobs > 1) {
        fprintf(stderr, "%s clean: --linefreq-stream judges each document by the ones before it: one worker (-j %d ignored)\n",
                prog, o.jobs);
        o.jobs = 1;
    }
    sinks s = {stdout, NULL, NULL, "<stdout>", 0};
    int status = CX_OK;
    {
        const char *outs[5] = {o.output ? o.output : "-", o.rejected, o.report, o.stats,
                               o.output ? "-" : NULL};
        const char *what[5] = {"output", "rejected file", "report", "stats file", "standard output"};
        if (cli_check_outputs("clean", files, nfiles, outs, what, 5)) {
            free(files);
            return CX_USAGE;
        }
    }
    cli_out oo, orj, orp;
    memset(&oo, 0, sizeof oo);
    memset(&orj, 0, sizeof orj);
    memset(&orp, 0, sizeof orp);
    if (o.output) {
        if (cli_out_open(&oo, NULL, o.output, "output")) status = CX_OUTPUT;
        else s.out = oo.f;
    }
    if (status == CX_OK && o.rejected) {
        if (cli_out_open(&orj, NULL, o.rejected, "rejected file")) status = CX_OUTPUT;
        else s.rej = orj.f;
    }
    if (status == CX_OK && o.report) {
        if (cli_out_open(&orp, NULL, o.report, "report")) status = CX_OUTPUT;
        else s.report = orp.f;
    }
    counters total;
    memset(&total, 0, sizeof total);
    rw_map rw;
    memset(&rw, 0, sizeof rw);
    const double t0 = now_s();
    if (status == CX_OK) status = run_pipeline(&o, files, nfiles, MODE_CLEAN, &s, &total, &rw, NULL, NULL);
    if (status == CX_OK) status = check_text_field("clean", &total, o.text_field);
    if (!o.output && (fflush(stdout) != 0 || ferror(stdout)) && status == CX_OK)
        status = cli_write_error(NULL, "output", "-", errno);
    cli_out *outs[3] = {&oo, &orj, &orp};
    for (int k = 0; k < 3; k++) {
        if (status == CX_OK) status = cli_out_commit(outs[k], NULL);
        else cli_out_abort(outs[k]);
    }
    /* broken WARC records were skipped and everything else written: the
       outputs stay, the exit status says that input was lost */
    if (status == CX_OK && total.warc_broken) status = CX_INPUT;
    if (total.invalid_utf8)
        fprintf(stderr, "%s: %llu invalid UTF-8 sequence%s replaced by U+FFFD\n", prog,
                (unsigned long long)total.invalid_utf8, total.invalid_utf8 == 1 ? "" : "s");
    if (o.stats) {
        const int st = write_stats(o.stats, &total, &rw, now_s() - t0, o.jobs, o.lf != NULL);
        if (status == CX_OK) status = st;
    }
    if (!o.quiet) {
        char extra[160] = "";
        if (o.lf)
            snprintf(extra, sizeof extra, "%llu line%s dropped as repeated on their site (repeated_line), %llu document%s without a site",
                     (unsigned long long)total.lines_repeated, total.lines_repeated == 1 ? "" : "s",
                     (unsigned long long)total.lf_nosite, total.lf_nosite == 1 ? "" : "s");
        run_summary("clean", &total, o.rejected, "--rejected", o.lf ? extra : NULL);
    }
    rw_free(&rw);
    nazif_linefreq_free(o.lf);
    free(files);
    return status;
}

/* ---- dedup ------------------------------------------------------------------------------ */

typedef struct dd {
    size_t nb;
    uint64_t *bands; /* n * nb */
    dsig *sigs;
    sbuf ids;
    size_t *id_off;
    uint64_t *where;
    size_t n, cap;
} dd;

static void dd_collect(void *ctx, batch *b)
{
    dd *d = ctx;
    if (d->n + b->ndocs > d->cap) {
        size_t nc = d->cap ? d->cap : 65536;
        while (nc < d->n + b->ndocs) nc *= 2;
        d->bands = xrealloc(d->bands, nc * d->nb * sizeof *d->bands);
        d->sigs = xrealloc(d->sigs, nc * sizeof *d->sigs);
        d->id_off = xrealloc(d->id_off, nc * sizeof *d->id_off);
        d->where = xrealloc(d->where, nc * sizeof *d->where);
        d->cap = nc;
    }
    /* a batch stopped by an error holds fewer results than documents */
    size_t ndone = b->ndocs;
    if (b->status) return;
    memcpy(d->bands + d->n * d->nb, b->bands, ndone * d->nb * sizeof *d->bands);
    memcpy(d->sigs + d->n, b->sigs, ndone * sizeof *d->sigs);
    size_t at = 0;
    for (size_t i = 0; i < ndone; i++) {
        d->id_off[d->n + i] = d->ids.n + at;
        d->where[d->n + i] = b->docs[i].where;
        at += strlen(b->ids.p + at) + 1;
    }
    sb_put(&d->ids, b->ids.p, b->ids.n);
    d->n += ndone;
}

/* dedup --removed: a line over --max-doc-bytes.  Returns 0 or -1 (write). */
static int dd_removed_too_large(sbuf *t, FILE *rem, const char *file, uint64_t line, uint64_t bytes)
{
    t->n = 0;
    sb_puts(t, "{\"reason\":\"too_large\",\"file\":");
    sb_json(t, file, strlen(file));
    sb_printf(t, ",\"line\":%llu,\"bytes\":%llu}\n", (unsigned long long)line, (unsigned long long)bytes);
    return fwrite(t->p, 1, t->n, rem) == t->n ? 0 : -1;
}

int nazif_cli_dedup(int argc, char **argv)
{
    argc = cli_join_values(argc, argv, dedup_valued);
    if (argc < 0) oom();
    copts o;
    opts_defaults(&o);
    reasons_init();
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) oom();
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        unsigned long v;
        if (a[0] != '-') {
            files[nfiles++] = argv[i];
            continue;
        }
        const int c = common_opt(&o, argc, argv, &i, "dedup");
        if (c < 0) { free(files); return CX_USAGE; }
        if (c > 0) continue;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage_dedup(stdout);
            free(files);
            return CX_OK;
        } else if (strncmp(a, "--out=", 6) == 0 && a[6]) o.output = a + 6;
        else if (strncmp(a, "--clusters=", 11) == 0 && a[11]) o.clusters = a + 11;
        else if (strncmp(a, "--removed=", 10) == 0 && a[10]) o.removed = a + 10;
        else if (strncmp(a, "--bands=", 8) == 0 && !parse_uint(a + 8, 1, 1024, &v)) o.bands = (int)v;
        else if (strncmp(a, "--rows=", 7) == 0 && !parse_uint(a + 7, 1, 1024, &v)) o.rows = (int)v;
        else if (strncmp(a, "--ngram=", 8) == 0 && !parse_uint(a + 8, 1, 64, &v)) o.ngram = (int)v;
        else if (strncmp(a, "--seed=", 7) == 0 && !parse_uint(a + 7, 0, 0xFFFFFFFFul, &v)) o.seed = v;
        else {
            const char *expect = NULL;
            if (strncmp(a, "--bands", 7) == 0 || strncmp(a, "--rows", 6) == 0) expect = "1 to 1024";
            else if (strncmp(a, "--ngram", 7) == 0) expect = "1 to 64";
            else if (strncmp(a, "--seed", 6) == 0) expect = "0 to 4294967295";
            cli_bad_option("dedup", a, dedup_valued, expect);
            free(files);
            return CX_USAGE;
        }
    }
    if (nfiles == 0) {
        fprintf(stderr, "%s dedup: give FILEs (dedup reads its input twice; no standard input)\n", prog);
        free(files);
        return CX_USAGE;
    }
    if ((size_t)o.bands * (size_t)o.rows > NAZIF_MINHASH_MAX_HASHES) {
        fprintf(stderr, "%s dedup: bands x rows must be at most %d\n", prog, NAZIF_MINHASH_MAX_HASHES);
        free(files);
        return CX_USAGE;
    }
    {
        const char *outs[4] = {o.output ? o.output : "-", o.clusters, o.removed, o.output ? "-" : NULL};
        const char *what[4] = {"output", "clusters file", "removed file", "standard output"};
        if (cli_check_outputs("dedup", files, nfiles, outs, what, 4)) {
            free(files);
            return CX_USAGE;
        }
    }
    /* pass 1: signatures */
    dd d;
    memset(&d, 0, sizeof d);
    d.nb = (size_t)o.bands;
    sinks s = {NULL, NULL, NULL, NULL, 0};
    counters total;
    memset(&total, 0, sizeof total);
    const double t_start = now_s();
    int status = run_pipeline(&o, files, nfiles, MODE_DEDUP, &s, &total, NULL, dd_collect, &d);
    const double t_sig = now_s();
    if (status == CX_OK) status = check_text_field("dedup", &total, o.text_field);
    if (status != CX_OK) {
        total.removed[reason_index("malformed_json")] = total.malformed;
        if (!o.quiet) run_summary("dedup", &total, o.removed, "--removed", NULL);
        free(d.bands); free(d.sigs); free(d.id_off); free(d.where); sb_free(&d.ids);
        free(files);
        return status;
    }
    /* clusters: exact hashes, then each band (the library's union-find);
       parent[i] is the first document of i's cluster */
    const size_t n = d.n;
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    uint64_t *exact = malloc((n ? n : 1) * sizeof *exact);
    unsigned char *valid = malloc(n ? n : 1);
    if (!parent || !exact || !valid) oom();
    for (size_t i = 0; i < n; i++) {
        exact[i] = d.sigs[i].exact;
        valid[i] = (unsigned char)(d.sigs[i].valid != 0);
    }
    if (nazif_dedup_clusters(n, d.nb, d.bands, exact, valid, parent) != NAZIF_OK) oom();
    free(exact);
    free(valid);
    /* cluster sizes and ids (in order of their first document) */
    size_t *size = calloc(n ? n : 1, sizeof *size);
    size_t *cid = malloc((n ? n : 1) * sizeof *cid);
    if (!size || !cid) oom();
    for (size_t i = 0; i < n; i++) size[parent[i]]++;
    size_t nclusters = 0, removed = 0, exact_removed = 0;
    for (size_t i = 0; i < n; i++) {
        const size_t r = parent[i];
        if (r == i) cid[i] = size[i] > 1 ? nclusters++ : (size_t)-1;
        else {
            cid[i] = cid[r];
            removed++;
            if (d.sigs[i].exact == d.sigs[r].exact) exact_removed++;
        }
    }
    /* the clusters file */
    cli_out oc, oo, orm;
    memset(&oc, 0, sizeof oc);
    memset(&oo, 0, sizeof oo);
    memset(&orm, 0, sizeof orm);
    if (o.clusters) {
        FILE *cf = NULL;
        if (cli_out_open(&oc, "dedup", o.clusters, "clusters file")) {
            status = CX_OUTPUT;
        } else {
            cf = oc.f;
            /* members of each cluster: chain them by next pointer */
            size_t *next = malloc((n ? n : 1) * sizeof *next), *last = malloc((n ? n : 1) * sizeof *last);
            if (!next || !last) oom();
            for (size_t i = 0; i < n; i++) { next[i] = (size_t)-1; last[i] = i; }
            for (size_t i = 0; i < n; i++) {
                const size_t r = parent[i];
                if (r != i) { next[last[r]] = i; last[r] = i; }
            }
            sbuf t = {0};
            for (size_t i = 0; i < n; i++) {
                if (parent[i] != i || size[i] < 2) continue;
                t.n = 0;
                sb_printf(&t, "{\"cluster\":%zu,\"size\":%zu,\"members\":[", cid[i], size[i]);
                for (size_t k = i; k != (size_t)-1; k = next[k]) {
                    const char *id = d.ids.p + d.id_off[k];
                    sb_printf(&t, "%s{\"line\":%llu,\"id\":", k == i ? "" : ",",
                              (unsigned long long)d.where[k]);
                    sb_json(&t, id, strlen(id));
                    sb_printf(&t, ",\"kept\":%s,\"match\":\"%s\"}", k == i ? "true" : "false",
                              k == i ? "first" : d.sigs[k].exact == d.sigs[i].exact ? "exact" : "near");
                }
                sb_puts(&t, "]}\n");
                fwrite(t.p, 1, t.n, cf);
            }
            sb_free(&t);
            free(next);
            free(last);
        }
    }
    const double t_clu = now_s();
    /* pass 2: copy the kept lines (and the removed ones) */
    FILE *out = stdout, *rem = NULL;
    if (status == CX_OK && o.output) {
        if (cli_out_open(&oo, "dedup", o.output, "output")) status = CX_OUTPUT;
        out = oo.f;
    }
    if (status == CX_OK && o.removed) {
        if (cli_out_open(&orm, "dedup", o.removed, "removed file")) status = CX_OUTPUT;
        rem = orm.f;
    }
    size_t idx = 0;
    sbuf t = {0};
    for (int fi = 0; fi < nfiles && status == CX_OK; fi++) {
        source src;
        if (src_open(&src, files[fi])) { status = CX_INPUT; break; }
        unsigned char *buf = NULL;
        size_t len = 0, pos = 0, cap = 0;
        int eof = 0;
        while (status == CX_OK) {
            unsigned char *nl = len > pos ? memchr(buf + pos, '\n', len - pos) : NULL;
            if (!nl && !eof && o.max_doc && len - pos > o.max_doc) {
                /* a line over the limit (pass 1 reported it): read past
                   it without holding it */
                uint64_t skipped = len - pos;
                pos = len = 0;
                for (;;) {
                    const long got = src_read(&src, buf, cap);
                    if (got < 0) { fprintf(stderr, "%s: %s\n", prog, src.err); status = CX_INPUT; break; }
                    if (got == 0) { eof = 1; break; }
                    unsigned char *e = memchr(buf, '\n', (size_t)got);
                    len = (size_t)got;
                    if (e) { skipped += (uint64_t)(e - buf); pos = (size_t)(e - buf) + 1; break; }
                    skipped += (uint64_t)got;
                }
                if (status != CX_OK) break;
                if (idx < n) {
                    if (rem && dd_removed_too_large(&t, rem, src.name, d.where[idx], skipped))
                        status = cli_write_error("dedup", "removed file", o.removed, errno);
                    idx++;
                }
                continue;
            }
            if (!nl && !eof) {
                if (pos) { memmove(buf, buf + pos, len - pos); len -= pos; pos = 0; }
                if (cap - len < READ_CHUNK) { cap = cap ? cap * 2 : 4 * READ_CHUNK; buf = xrealloc(buf, cap); }
                const long got = src_read(&src, buf + len, cap - len);
                if (got < 0) { fprintf(stderr, "%s: %s\n", prog, src.err); status = CX_INPUT; break; }
                if (got == 0) eof = 1;
                len += (size_t)got;
                continue;
            }
            const size_t ll = nl ? (size_t)(nl - (buf + pos)) : len - pos;
            if (!nl && ll == 0) break;
            const unsigned char *p = buf + pos;
            size_t a = 0;
            while (a < ll && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r')) a++;
            if (o.max_doc && ll > o.max_doc && idx < n) {
                /* over the limit, though it arrived whole (pass 1 said so) */
                if (rem && dd_removed_too_large(&t, rem, src.name, d.where[idx], ll))
                    status = cli_write_error("dedup", "removed file", o.removed, errno);
                idx++;
            } else if (a < ll && idx < n) {
                const size_t r = parent[idx];
                size_t ep;
                nazif_json_span sp;
                const int malformed = !d.sigs[idx].valid &&
                    nazif_json_find((const char *)p, ll, "", 0, &sp, &ep) == NAZIF_JSON_EMALFORMED;
                if (malformed) {
                    /* reported in pass 1; kept in --removed like any other */
                    if (rem) {
                        t.n = 0;
                        sb_puts(&t, "{\"reason\":\"malformed_json\",\"file\":");
                        sb_json(&t, src.name, strlen(src.name));
                        sb_printf(&t, ",\"line\":%llu,\"byte\":%llu,\"raw\":", (unsigned long long)d.where[idx],
                                  (unsigned long long)ep);
                        sb_json(&t, (const char *)p, ll);
                        sb_puts(&t, "}\n");
                        if (fwrite(t.p, 1, t.n, rem) != t.n)
                            status = cli_write_error("dedup", "removed file", o.removed, errno);
                    }
                } else if (r == idx) {
                    if (fwrite(p, 1, ll, out) != ll || fputc('\n', out) == EOF)
                        status = cli_write_error("dedup", "output", o.output, errno);
                } else if (rem) {
                    t.n = 0;
                    /* write: line + ,"reason":"...","cluster":C,"kept_line":L */
                    size_t e = ll;
                    while (e > 0 && p[e - 1] != '}') e--;
                    if (e > 0) {
                        e--;
                        size_t k = e;
                        while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\t' || p[k - 1] == '\r')) k--;
                        sb_put(&t, p, e);
                        if (k > 0 && p[k - 1] != '{') sb_put(&t, ",", 1);
                        sb_printf(&t, "\"reason\":\"%s_duplicate\",\"cluster\":%zu,\"kept_line\":%llu",
                                  d.sigs[idx].exact == d.sigs[r].exact ? "exact" : "near", cid[idx],
                                  (unsigned long long)d.where[r]);
                        sb_put(&t, p + e, ll - e);
                        sb_put(&t, "\n", 1);
                        if (fwrite(t.p, 1, t.n, rem) != t.n)
                            status = cli_write_error("dedup", "removed file", o.removed, errno);
                    }
                }
                idx++;
            }
            pos += ll + (nl ? 1 : 0);
            if (!nl) break;
        }
        free(buf);
        src_close(&src);
    }
    sb_free(&t);
    if (status == CX_OK && !o.output && (fflush(stdout) != 0 || ferror(stdout)))
        status = cli_write_error("dedup", "output", "-", errno);
    cli_out *douts[3] = {&oc, &oo, &orm};
    for (int k = 0; k < 3; k++) {
        if (status == CX_OK) status = cli_out_commit(douts[k], "dedup");
        else cli_out_abort(douts[k]);
    }
    total.removed[reason_index("malformed_json")] = total.malformed;
    total.removed[reason_index("exact_duplicate")] = exact_removed;
    total.removed[reason_index("near_duplicate")] = removed - exact_removed;
    total.kept = status == CX_OK ? n - removed - (size_t)total.malformed -
                                       (size_t)total.removed[reason_index("too_large")] : 0;
    if (!o.quiet) {
        char extra[64];
        snprintf(extra, sizeof extra, "%zu cluster%s", nclusters, nclusters == 1 ? "" : "s");
        run_summary("dedup", &total, status == CX_OK ? o.removed : NULL, "--removed", extra);
    }
    if (o.progress == 1 || (o.progress < 0 && isatty(2))) {
        /* where the time went (with progress only: the times vary) */
        const double ts = t_sig - t_start, tc = t_clu - t_sig, tp = now_s() - t_clu;
        fprintf(stderr, "%s dedup: signatures %.2f s (%.1f MB/s with -j %d), clusters %.2f s, copy pass %.2f s\n",
                prog, ts, ts > 0 ? (double)total.bytes_in / ts / 1e6 : 0.0, o.jobs, tc, tp);
    }
    free(parent);
    free(size);
    free(cid);
    free(d.bands);
    free(d.sigs);
    free(d.id_off);
    free(d.where);
    sb_free(&d.ids);
    free(files);
    return status;
}

/* ---- linefreq: the counting pass ---------------------------------------------------- */

static void usage_linefreq(FILE *f)
{
    fprintf(f,
            "usage: nazif linefreq --out=FILE [OPTIONS] [FILE...]\n"
            "\n"
            "The counting pass for repeated page furniture: reads JSON Lines or\n"
            "WARC/WET (plain or gzip; the same readers as 'nazif clean') and counts,\n"
            "for each site, in how many documents each normalised line occurs.  The\n"
            "table goes to FILE; 'nazif clean --linefreq=FILE' then drops lines seen\n"
            "on many pages of the same site (reason repeated_line).  A summary\n"
            "(documents, sites, distinct lines) goes to standard error.\n"
            "\n"
            "Options:\n"
            "  --out=FILE          the table (required; written whole or not at all)\n"
            "  --format=FMT        jsonl, warc (also wet), or auto (default)\n"
            "  --html=main|text    HTML records: count the lines of the main content\n"
            "                      (default) or of the whole page's text; give the\n"
            "                      same as to 'nazif clean'\n"
            "  --text-field=NAME   the JSON field holding the text (default: text)\n"
            "  --site-field=NAME   the JSON field naming the site (default: url): a\n"
            "                      value with :// is an URL whose host is the site,\n"
            "                      anything else is the site's name; WARC: the host\n"
            "                      of WARC-Target-URI\n"
            "  -j N, --jobs=N      worker threads, each counting its share; the\n"
            "                      tables add up (the same table for any N)\n"
            "  --max-doc-bytes=N   longer documents are not counted (default 64 MiB)\n"
            "  --strict            a malformed JSON line is an error (exit 3)\n"
            "  -q, --quiet         no summary line\n"
            "  --progress, --no-progress\n"
            "\n"
            "Exit status: 0 done, 1 usage, 2 input cannot be read or truncated, or\n"
            "no document with the text field,\n"
            "3 malformed JSON with --strict, 4 internal, 5 output.\n");
}

static const char *const linefreq_valued[] = {"--out", "--format", "--html", "--text-field", "--site-field",
                                              "--jobs", "--max-doc-bytes", NULL};

int nazif_cli_linefreq(int argc, char **argv)
{
    argc = cli_join_values(argc, argv, linefreq_valued);
    if (argc < 0) oom();
    copts o;
    opts_defaults(&o);
    reasons_init();
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) oom();
    int nfiles = 0, only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            files[nfiles++] = argv[i];
            continue;
        }
        const int c = common_opt(&o, argc, argv, &i, "linefreq");
        if (c < 0) { free(files); return CX_USAGE; }
        if (c > 0) continue;
        if (strncmp(a, "--site-field=", 13) == 0 && a[13]) { o.site_field = a + 13; continue; }
        if (strcmp(a, "--") == 0) only_files = 1;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage_linefreq(stdout);
            free(files);
            return CX_OK;
        } else if (strncmp(a, "--out=", 6) == 0 && a[6]) o.lf_out = a + 6;
        else if (strcmp(a, "--format=jsonl") == 0) o.format = FMT_JSONL;
        else if (strcmp(a, "--format=warc") == 0 || strcmp(a, "--format=wet") == 0) o.format = FMT_WARC;
        else if (strcmp(a, "--format=auto") == 0) o.format = FMT_AUTO;
        else if (strcmp(a, "--html=main") == 0) o.html_text = 0;
        else if (strcmp(a, "--html=text") == 0) o.html_text = 1;
        else if (strncmp(a, "--max-doc-bytes=", 16) == 0) {
            unsigned long long v;
            char *end;
            errno = 0;
            v = strtoull(a + 16, &end, 10);
            if (errno || end == a + 16 || *end || a[16] == '-') {
                fprintf(stderr, "%s linefreq: bad --max-doc-bytes '%s' (bytes; 0: no limit)\n", prog, a + 16);
                free(files);
                return CX_USAGE;
            }
            o.max_doc = v;
        } else {
            cli_bad_option("linefreq", a, linefreq_valued,
                           strncmp(a, "--format", 8) == 0   ? "jsonl, warc, wet or auto"
                           : strncmp(a, "--html", 6) == 0 ? "main or text"
                                                            : NULL);
            free(files);
            return CX_USAGE;
        }
    }
    if (!o.lf_out) {
        fprintf(stderr, "%s linefreq: give --out=FILE for the table\n", prog);
        free(files);
        return CX_USAGE;
    }
    if (nfiles == 0) files[nfiles++] = "-";
    {
        const char *outs[1] = {o.lf_out};
        const char *what[1] = {"table"};
        if (cli_check_outputs("linefreq", files, nfiles, outs, what, 1)) {
            free(files);
            return CX_USAGE;
        }
    }
    o.lf = nazif_linefreq_new();
    if (!o.lf) oom();
    sinks s = {NULL, NULL, NULL, NULL, 0};
    counters total;
    memset(&total, 0, sizeof total);
    const double t0 = now_s();
    int status = run_pipeline(&o, files, nfiles, MODE_COUNT, &s, &total, NULL, NULL, NULL);
    if (status == CX_OK) status = check_text_field("linefreq", &total, o.text_field);
    if (status == CX_OK) {
        uint8_t *bytes = NULL;
        size_t n = 0;
        if (nazif_linefreq_save(o.lf, &bytes, &n)) oom();
        cli_out oo;
        if (cli_out_open(&oo, "linefreq", o.lf_out, "table")) {
            status = CX_OUTPUT;
        } else if (fwrite(bytes, 1, n, oo.f) != n) {
            status = cli_write_error("linefreq", "table", o.lf_out, errno);
            cli_out_abort(&oo);
        } else {
            status = cli_out_commit(&oo, "linefreq");
        }
        free(bytes);
    }
    if (status == CX_OK && !o.quiet) {
        uint64_t skipped = 0;
        for (int k = 0; k < n_reasons; k++) skipped += total.removed[k];
        fprintf(stderr,
                "%s linefreq: %llu documents counted on %zu sites, %zu distinct lines (site, line); "
                "%llu without a site, %llu not documents; %.1f MB in %.2f s -> %s\n",
                prog, (unsigned long long)total.lf_counted, nazif_linefreq_hosts(o.lf),
                nazif_linefreq_size(o.lf), (unsigned long long)total.lf_nosite,
                (unsigned long long)skipped, (double)total.bytes_in / 1e6, now_s() - t0, o.lf_out);
    }
    nazif_linefreq_free(o.lf);
    free(files);
    return status;
}
