/*
 * corpus_read.c -- the input side of corpus mode: files (plain, gzip
 * multi-member, standard input), format detection, cutting the input into
 * batches of whole documents (JSON lines, WARC records with resync after a
 * broken header, text and HTML files), documents over --max-doc-bytes read
 * past; and the cli_docs_* reader (cmd_corpus.h) that nazif index uses.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <libdeflate.h>

#include "cmd_corpus.h"
#include "corpus_int.h"

/* ---- input: plain or gzip (multi-member) --------------------------------- */

/*
 * A regular gzip file is mapped whole (mmap): the window below is then the
 * whole file, nothing is copied into it, and with -j the helpers of
 * corpus_inflate.c inflate members ahead from the same mapping; standard
 * input and pipes are read into the window.
 *
 * Gzip input is inflated a whole member at a time with libdeflate (about
 * twice zlib's speed) when the member's compressed bytes fit in a window of
 * at most LD_WINDOW_MAX bytes and its inflated bytes in s->ld_max (64 MiB,
 * or --max-doc-bytes when smaller): a WARC file's records, and a JSON
 * Lines file gzipped whole up to that size.  A bigger member, and one that
 * libdeflate rejects (truncated, corrupt), goes through zlib's streaming
 * inflate from its first byte, as all gzip input did before: the same
 * output, the same messages and byte offsets, memory bounded.
 */
#define LD_WINDOW_MAX (64u << 20)
#define LD_OUT_MAX (64u << 20)
/* zlib reads a mapped file in slices of this many bytes (avail_in is 32 bits) */
#define Z_SLICE (1u << 30)

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

/* zlib's input from offset at of a mapped file */
static void z_at(source *s, uint64_t at)
{
    const uint64_t n = s->fsize - at < Z_SLICE ? s->fsize - at : Z_SLICE;
    s->zs.next_in = s->zbuf + at;
    s->zs.avail_in = (uInt)n;
    s->in_end = at + n;
}

/* More input for zlib: 1, 0 at the end of the file, -1 on a read error. */
static int z_fill(source *s)
{
    if (s->mapped) {
        if (s->in_end >= s->fsize) return 0;
        z_at(s, s->in_end);
        return 1;
    }
    const int r = src_fill(s);
    if (r > 0) {
        s->zs.next_in = s->zbuf;
        s->zs.avail_in = (uInt)s->zlen;
    }
    return r;
}

int src_open(source *s, const char *name)
{
    memset(s, 0, sizeof *s);
    s->name = strcmp(name, "-") == 0 ? "<stdin>" : name;
    s->f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    if (!s->f) {
        fprintf(stderr, "%s: cannot open '%s': %s\n", prog, name, strerror(errno));
        return CX_INPUT;
    }
    s->zbuf = xrealloc(NULL, READ_CHUNK);
    s->zcap = READ_CHUNK;
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
        s->ld = libdeflate_alloc_decompressor(); /* NULL: zlib alone */
        s->ld_max = LD_OUT_MAX;
        struct stat sb;
        if (fstat(fileno(s->f), &sb) == 0 && S_ISREG(sb.st_mode)) s->fsize = (uint64_t)sb.st_size;
        /* a regular file is mapped whole: no copy into a window, and the
           helpers of -j can read any member of it */
        void *m = s->fsize >= s->zlen && s->fsize <= (uint64_t)SIZE_MAX
                      ? mmap(NULL, (size_t)s->fsize, PROT_READ, MAP_PRIVATE, fileno(s->f), 0)
                      : MAP_FAILED;
        if (m != MAP_FAILED) {
            (void)posix_madvise(m, (size_t)s->fsize, POSIX_MADV_SEQUENTIAL);
            free(s->zbuf);
            s->zbuf = m;
            s->zcap = s->zlen = (size_t)s->fsize;
            s->zpos = 0;
            s->file_read = s->fsize;
            s->zeof = 1;
            s->mapped = 1;
            z_at(s, 0);
        }
    }
    return CX_OK;
}

void src_close(source *s)
{
    zah_free(s->ah);
    s->ah = NULL;
    if (s->zinit) inflateEnd(&s->zs);
    if (s->ld) libdeflate_free_decompressor(s->ld);
    if (s->f && s->f != stdin) fclose(s->f);
    if (s->mapped) munmap(s->zbuf, (size_t)s->fsize);
    else free(s->zbuf);
    free(s->obuf);
    s->f = NULL;
    s->zbuf = NULL;
    s->obuf = NULL;
    s->ld = NULL;
}

/* Compressed bytes consumed so far (for progress and messages). */
uint64_t src_pos(const source *s)
{
    if (s->gz && (!s->ld || s->zmode)) return (s->mapped ? s->in_end : s->file_read) - s->zs.avail_in;
    return s->file_read - (s->zlen - s->zpos);
}

/* More compressed bytes into the window zbuf[zpos..zlen) (moved to the
   front first): 1 when bytes came, 0 at the end of the file, -1 on a read
   error, -2 when the window is full.  Only ld_read() grows the window (to
   the whole rest of a regular file, when that fits): growing it by steps
   would inflate a big member's start again at each step. */
static int zwin_more(source *s)
{
    if (s->zeof) return 0;
    if (s->zpos) {
        memmove(s->zbuf, s->zbuf + s->zpos, s->zlen - s->zpos);
        s->zlen -= s->zpos;
        s->zpos = 0;
    }
    if (s->zlen == s->zcap) return -2;
    const size_t got = fread(s->zbuf + s->zlen, 1, s->zcap - s->zlen, s->f);
    if (got == 0 && ferror(s->f)) {
        snprintf(s->err, sizeof s->err, "%s: read error: %s", s->name, strerror(errno));
        s->errcode = CX_INPUT;
        return -1;
    }
    s->file_read += got;
    s->zlen += got;
    if (got == 0) s->zeof = 1;
    return got > 0;
}

static uint32_t rd_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* src_read() with libdeflate: the rest of the member inflated last, or
   the next member inflated whole; -3 when the next member must go through
   zlib (s->zs is then set at its first byte). */
static long ld_read(source *s, unsigned char *dst, size_t cap)
{
again:
    if (s->opos == s->olen) {
        for (;;) { /* between members: padding zeros are tolerated */
            while (s->zpos < s->zlen && s->zbuf[s->zpos] == 0) s->zpos++;
            if (s->zpos < s->zlen) break;
            const int r = zwin_more(s);
            if (r == -1) return -1;
            if (r == 0) {
                s->eof = 1;
                return 0;
            }
        }
        if (s->zbuf[s->zpos] != 0x1f) {
            snprintf(s->err, sizeof s->err, "%s: not a gzip member at byte %llu", s->name,
                     (unsigned long long)src_pos(s));
            s->errcode = CX_INPUT;
            return -1;
        }
        s->member_start = src_pos(s);
        if (s->ah) {
            size_t n = 0;
            uint64_t end = 0;
            if (zah_take(s->ah, s->zpos, &s->obuf, &s->ocap, &n, &end)) {
                s->zpos = (size_t)end;
                s->olen = n;
                s->opos = 0;
                goto serve;
            }
        }
        /* the rest of a regular file when it fits in the window: a file
           gzipped whole is then inflated at the first attempt */
        while (!s->zeof && s->fsize > s->file_read &&
               s->fsize - s->file_read <= LD_WINDOW_MAX - (s->zlen - s->zpos)) {
            if (s->zlen == s->zcap || s->zcap - s->zlen < s->fsize - s->file_read) {
                /* + 1: the last read sees the end */
                const size_t nc = s->zlen - s->zpos + (size_t)(s->fsize - s->file_read) + 1;
                if (nc > s->zcap) {
                    memmove(s->zbuf, s->zbuf + s->zpos, s->zlen - s->zpos);
                    s->zlen -= s->zpos;
                    s->zpos = 0;
                    s->zbuf = xrealloc(s->zbuf, nc);
                    s->zcap = nc;
                }
            }
            const int r = zwin_more(s);
            if (r == -1) return -1;
            if (r != 1) break;
        }
        size_t want = 0;
        int done = 0;
        for (;;) {
            const size_t avail = s->zlen - s->zpos;
            /* the inflated size: a single member's is in the file's last
               4 bytes (mod 2^32); else a guess, doubled when too small */
            size_t out = avail < s->ld_max / 4 ? avail * 4 : s->ld_max, isz = 0;
            const int whole = s->zeof || (s->fsize && s->file_read >= s->fsize);
            if (whole && avail >= 18) {
                isz = rd_le32(s->zbuf + s->zlen - 4);
                if (isz > out) out = isz;
            }
            if (want > out) out = want;
            if (out < (64u << 10)) out = 64u << 10;
            if (out > s->ld_max) out = s->ld_max;
            if (out > s->ocap) {
                free(s->obuf); /* nothing in it to keep */
                s->obuf = xrealloc(NULL, out);
                s->ocap = out;
            }
            /* with -j, a helper faults the output's pages in while this
               thread inflates (corpus_prefault.c): as many as the file's
               last member says it holds, a file gzipped whole */
            prefault *pf = s->zthreads > 0 && s->mapped && isz >= PF_MIN && isz <= s->ocap
                               ? pf_start(s->obuf, isz)
                               : NULL;
            size_t in_n = 0, out_n = 0;
            const enum libdeflate_result res = libdeflate_gzip_decompress_ex(
                s->ld, s->zbuf + s->zpos, avail, s->obuf, s->ocap, &in_n, &out_n);
            pf_stop(pf);
            if (res == LIBDEFLATE_SUCCESS) {
                s->zpos += in_n;
                s->olen = out_n;
                s->opos = 0;
                done = 1;
                /* more than one member: the helpers of -j take the rest */
                if (s->mapped && s->zthreads > 0 && !s->ah && s->zpos < s->zlen)
                    s->ah = zah_new(s->zbuf, s->fsize, s->zpos, s->zthreads, s->ld_max);
                break;
            }
            if (res == LIBDEFLATE_INSUFFICIENT_SPACE) {
                if (s->ocap >= s->ld_max) break;
                want = s->ocap * 2 < s->ld_max ? s->ocap * 2 : s->ld_max;
                continue;
            }
            /* not all of the member in the window (or a broken one) */
            const int r = zwin_more(s);
            if (r == -1) return -1;
            if (r < 0 || (r == 0 && avail == s->zlen - s->zpos)) break; /* zlib says why */
        }
        if (!done) {
            /* zlib from the member's first byte */
            s->olen = s->opos = 0;
            s->zmode = 1;
            s->in_member = 1;
            inflateReset(&s->zs);
            if (s->mapped) {
                z_at(s, s->zpos);
            } else {
                s->zs.next_in = s->zbuf + s->zpos;
                s->zs.avail_in = (uInt)(s->zlen - s->zpos);
            }
            return -3;
        }
    }
serve:;
    size_t k = s->olen - s->opos;
    if (k > cap) k = cap;
    if (k == 0) goto again; /* an empty member */
    memcpy(dst, s->obuf + s->opos, k);
    s->opos += k;
    return (long)k;
}

static long z_read(source *s, unsigned char *dst, size_t cap);

/* Read up to cap bytes; returns the count, 0 at the end, -1 on error (s->err). */
long src_read(source *s, unsigned char *dst, size_t cap)
{
    if (s->eof) return 0;
    if (s->gz) {
        for (;;) {
            if (s->ld && !s->zmode) {
                const long r = ld_read(s, dst, cap);
                if (r != -3) return r;
            }
            const long r = z_read(s, dst, cap);
            /* a member zlib ended: back to libdeflate for the next one */
            if (r != 0 || !s->ld || s->zmode || s->eof) return r;
        }
    }
    {
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
}

/* src_read() with zlib's streaming inflate. */
static long z_read(source *s, unsigned char *dst, size_t cap)
{
    s->zs.next_out = dst;
    s->zs.avail_out = (uInt)cap;
    while (s->zs.avail_out == cap) {
        if (s->zs.avail_in == 0) {
            const int r = z_fill(s);
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
            if (s->ld) {
                /* the next member with libdeflate, from the window */
                s->zmode = 0;
                s->zpos = (size_t)(s->zs.next_in - s->zbuf);
                if (!s->mapped) s->zlen = s->zpos + s->zs.avail_in;
                break;
            }
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

/* ---- batches ---------------------------------------------------------------- */

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

void batch_free(batch *b)
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
        if (r->max_doc && r->max_doc < r->src.ld_max) r->src.ld_max = (size_t)r->max_doc;
        r->src.zthreads = r->zthreads;
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
int rd_fill(reader *r, batch *b)
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
