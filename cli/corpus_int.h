/*
 * corpus_int.h -- private to the corpus files of the nazif command
 * (cli/corpus*.c, cmd_dedup.c, cmd_linefreq.c; see corpus.c for the map):
 * the types they pass to each other (options, batches, the reader, sinks)
 * and the functions one defines for another.  Not part of any API.
 */
#ifndef NAZIF_CLI_CORPUS_INT_H
#define NAZIF_CLI_CORPUS_INT_H

#include <stdint.h>
#include <stdio.h>
#include <zlib.h>

#include "nazif.h"
#include "nazif_corpus.h"
#include "nazif_linefreq.h"
#include "common.h"
#include "progress.h"

static const char *const prog = "nazif";

enum { CX_OK = CLI_OK, CX_USAGE = CLI_USAGE, CX_INPUT = CLI_INPUT, CX_DATA = CLI_DATA,
       CX_INTERNAL = CLI_INTERNAL, CX_OUTPUT = CLI_OUTPUT };

#define READ_CHUNK (1u << 20)
#define BATCH_TARGET (1u << 20)

/* The growable buffer of common.h; the sb_* functions (corpus_util.c)
   exit with CX_INTERNAL when out of memory. */
typedef cli_buf sbuf;

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
    /* whole gzip members with libdeflate (src_read): */
    struct libdeflate_decompressor *ld; /* NULL: zlib streaming only */
    int zmode;                  /* this member goes through zlib */
    int zeof;                   /* fread() found the end of the file */
    size_t zcap;                /* bytes zbuf holds */
    uint64_t fsize;             /* a regular file's size, 0 when unknown */
    size_t ld_max;              /* largest member inflated whole */
    unsigned char *obuf;        /* the member inflated */
    size_t olen, opos, ocap;
    /* a regular gzip file is mapped whole: zbuf is the mapping, zlen its
       size; zlib is fed from it in slices up to in_end */
    int mapped;
    uint64_t in_end;
    int zthreads;               /* helpers that inflate members ahead (-j) */
    struct zahead *ah;          /* they, once a second member is seen */
} source;

#define MAX_REASONS 64

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

/* corpus_inflate.c: members inflated ahead by helper threads */
typedef struct zahead zahead;
zahead *zah_new(const unsigned char *map, uint64_t size, uint64_t from, int threads,
                size_t member_max);
/* At zpos, between members (padding skipped): 1 when the helpers have
   inflated the members from zpos on (*buf, *cap swapped with theirs, *len
   bytes, *end the compressed offset after them); 0 when the reader must
   inflate the member at zpos itself. */
int zah_take(zahead *z, uint64_t zpos, unsigned char **buf, size_t *cap, size_t *len,
             uint64_t *end);
void zah_free(zahead *z);

/* corpus_prefault.c: the pages of buf[0..n) faulted in writable by a
   thread of its own while the caller fills them; NULL when it did not
   start (n under PF_MIN, no thread, a kernel without the advice).
   pf_stop(p) stops it and waits for it; p may be NULL. */
#define PF_MIN (4u << 20)
typedef struct prefault prefault;
prefault *pf_start(void *buf, size_t n);
void pf_stop(prefault *p);

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
    int zthreads;       /* gzip helpers (source.zthreads) */
    int status;
    char err[300];
    int err_is_src; /* print err after the batch */
} reader;

typedef struct sinks {
    FILE *out, *rej, *report;
    const char *out_name;
    int status;
} sinks;

typedef void (*collect_fn)(void *ctx, batch *b);

/* corpus_opts.c */
int common_opt(copts *o, int argc, char **argv, int *i, const char *cmd);

/* What a command's own option function returns besides 1 (taken) and -1
   (refused, message printed): done, exit 0 (--version printed). */
#define ARGS_DONE 2
typedef int (*own_opt_fn)(copts *o, const char *a);
/*
 * The argument loop of clean (corpus mode), dedup and linefreq.  FILEs are
 * the arguments that do not start with '-' and, when the command reads
 * standard input (stdin_ok), "-" and everything after "--"; common_opt()
 * takes the options all three share, -h/--help prints usage(stdout), and
 * own(o, a) takes the command's own options and refuses the rest (with
 * cli_bad_option()).  Returns CX_OK with *files (calloc()ed, *nfiles of
 * them), CX_USAGE after a message, or ARGS_DONE (help or version printed:
 * exit 0); *files is NULL unless CX_OK.
 */
int parse_cmd_args(copts *o, int argc, char **argv, const char *cmd, int stdin_ok, own_opt_fn own,
                   void (*usage)(FILE *), char ***files, int *nfiles);
int linefreq_opt(copts *o, const char *a, const char *cmd);
int load_linefreq(copts *o, const char *cmd);
void opts_defaults(copts *o);
int parse_filters(const char *s, unsigned *out);

/* corpus_pipeline.c */
int run_pipeline(const copts *o, char **files, int nfiles, int mode, sinks *s,
                        counters *total, rw_map *rw, collect_fn collect, void *cctx);

/* corpus_read.c */
void batch_free(batch *b);
int rd_fill(reader *r, batch *b);
void src_close(source *s);
uint64_t src_pos(const source *s);
int src_open(source *s, const char *name);
long src_read(source *s, unsigned char *dst, size_t cap);

/* corpus_stats.c */
int check_text_field(const char *cmd, const counters *c, const char *field);
void run_summary(const char *cmd, const counters *c, const char *rej_path, const char *keep_opt,
                        const char *extra);
int write_stats(const char *path, const counters *c, const rw_map *rw, double secs, int jobs,
                       int linefreq);

/* corpus_util.c */
__attribute__((noreturn)) void oom(void);
void reasons_init(void);
void rw_free(rw_map *m);
int parse_uint(const char *s, unsigned long lo, unsigned long hi, unsigned long *out);
void sb_free(sbuf *b);
char *sb_reserve(sbuf *b, size_t extra);
void counters_add(counters *a, const counters *b);
int reason_index(const char *r);
int reasons_count(void);
const char *reason_name(int k);
void rw_add_n(rw_map *m, const char *o, size_t ol, const char *r, size_t rl, uint64_t cnt);
void rw_merge(rw_map *into, const rw_map *from);
void sb_json(sbuf *b, const char *s, size_t n);
__attribute__((format(printf, 2, 3))) void sb_printf(sbuf *b, const char *fmt, ...);
void sb_put(sbuf *b, const void *s, size_t n);
void sb_puts(sbuf *b, const char *s);
void *xrealloc(void *p, size_t n);


#endif
