/*
 * cmd_text.c -- the commands normalize, tokens and stem.  Uses only the
 * public API (include/nazif.h) and, for --stemmer=snowball, Debian's
 * libstemmer (sb_stemmer_*, -lstemmer) plugged in as a custom stemmer.
 *
 * Input is read in chunks; only whole lines are handed to the library (a
 * line is never split between calls), so results do not depend on the
 * chunk size.  Offsets and line numbers are made document-relative here by
 * adding the bytes and lines of the chunks already done.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "commands.h"
#include "common.h"
#include "nazif.h"

enum { X_OK = CLI_OK, X_USAGE = CLI_USAGE, X_INPUT = CLI_INPUT, X_UTF8 = CLI_DATA,
       X_INTERNAL = CLI_INTERNAL, X_OUTPUT = CLI_OUTPUT };

/* Options that take a value (--name=VALUE or --name VALUE).  --format is
   the old name of tokens' --output-format (kept as an alias). */
static const char *const text_valued[] = {"--profile", "--stemmer", "--output-format", "--format",
                                          "--max-doc-bytes", NULL};

#define CHUNK (1u << 20)

enum { CMD_NORMALIZE, CMD_TOKENS, CMD_STEM };
enum { FMT_TSV, FMT_TEXT, FMT_JSONL };
enum { ST_NONE, ST_LIGHT, ST_SNOWBALL };

static const char *const cmd_names[] = {"normalize", "tokens", "stem"};

/* ---- output buffer ------------------------------------------------------ */

typedef struct obuf {
    char *p;
    size_t n, cap;
    int err;
} obuf;

static void ob_flush(obuf *o)
{
    if (o->n && !o->err && fwrite(o->p, 1, o->n, stdout) != o->n) o->err = 1;
    o->n = 0;
}

static void ob_put(obuf *o, const char *s, size_t n)
{
    if (o->n + n > o->cap) {
        ob_flush(o);
        if (n > o->cap) {
            if (!o->err && fwrite(s, 1, n, stdout) != n) o->err = 1;
            return;
        }
    }
    memcpy(o->p + o->n, s, n);
    o->n += n;
}

static void ob_c(obuf *o, char c)
{
    if (o->n == o->cap) ob_flush(o);
    o->p[o->n++] = c;
}

static void ob_u64(obuf *o, unsigned long long v)
{
    char t[24];
    int i = 24;
    do {
        t[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    ob_put(o, t + i, (size_t)(24 - i));
}

static const char digits2[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/*
 * Write v in decimal at p and return the end.  p must have room for 24
 * bytes: the digits are made at the end of a local buffer and copied with
 * one fixed-size copy (bytes after the number are scratch, overwritten by
 * what follows).  Below 10^8 (offsets of files up to 100 MB) the eight
 * digits come from four independent pairs instead of a chain of divisions:
 * the chain was a fifth of 'nazif tokens' (bench/tokens.sh).
 */
static inline char *put_u64(char *p, unsigned long long v)
{
    char t[48];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (v < 100000000ull) {
        /* the eight digits in one register (first digit in the low byte),
           shifted past the leading zeros, stored at once: going through
           memory would stall on store forwarding */
        const uint32_t x = (uint32_t)v, hi = x / 10000, lo = x % 10000;
        uint16_t a, b, c, d;
        memcpy(&a, digits2 + 2 * (hi / 100), 2);
        memcpy(&b, digits2 + 2 * (hi % 100), 2);
        memcpy(&c, digits2 + 2 * (lo / 100), 2);
        memcpy(&d, digits2 + 2 * (lo % 100), 2);
        uint64_t u = (uint64_t)a | (uint64_t)b << 16 | (uint64_t)c << 32 | (uint64_t)d << 48;
        const int nd = x >= 10000 ? (x >= 1000000 ? (x >= 10000000 ? 8 : 7) : (x >= 100000 ? 6 : 5))
                                  : (x >= 100 ? (x >= 1000 ? 4 : 3) : (x >= 10 ? 2 : 1));
        u >>= 8 * (8 - nd);
        memcpy(p, &u, 8);
        return p + nd;
    }
#endif
    int i = 24;
    while (v >= 100) {
        unsigned r = (unsigned)(v % 100);
        v /= 100;
        i -= 2;
        memcpy(t + i, digits2 + 2 * r, 2);
    }
    if (v >= 10) {
        i -= 2;
        memcpy(t + i, digits2 + 2 * v, 2);
    } else {
        t[--i] = (char)('0' + v);
    }
    memcpy(p, t + i, 24);
    return p + (24 - i);
}

/*
 * Offsets for the TSV output.  Token offsets only grow, so the digits above
 * the last four change once every 10,000 bytes: they are kept written out
 * (hs, hn digits, for the block of numbers base..base+9999) and per number
 * only the last four are added, as one 4-byte entry of last4 ("0000" ..
 * "9999", filled by upper_digits_init).  put_u64 was 15 % of the
 * instructions of 'nazif tokens' at 54 a number; this is about 10.  Same
 * contract as put_u64: 24 bytes of room at p.
 */
typedef struct upper_digits {
    unsigned long long base; /* v - v % 10000 of the last number >= 10000 */
    int hn;                  /* digits of base / 10000 in hs; 0: none yet */
    char hs[48];
    char last4[10000][4];
} upper_digits;

static void upper_digits_init(upper_digits *o)
{
    o->base = 0;
    o->hn = 0;
    for (unsigned v = 0; v < 10000; v++) {
        o->last4[v][0] = (char)('0' + v / 1000);
        o->last4[v][1] = (char)('0' + v / 100 % 10);
        o->last4[v][2] = (char)('0' + v / 10 % 10);
        o->last4[v][3] = (char)('0' + v % 10);
    }
}

/* The number base + lo (lo < 10,000, hn > 0) at p. */
static inline char *put_cached(const upper_digits *o, char *p, unsigned long long lo)
{
    memcpy(p, o->hs, 16); /* hi < 2^64 / 10^4 has at most 16 digits */
    p += o->hn;
    memcpy(p, o->last4[lo], 4);
    return p + 4;
}

static inline char *put_offset(upper_digits *o, char *p, unsigned long long v)
{
    unsigned long long lo = v - o->base;
    if (lo >= 10000 || o->hn == 0) {
        /* another block of 10,000 (v < base wraps: also here) */
        if (v < 10000) return put_u64(p, v);
        const unsigned long long hi = v / 10000;
        o->base = hi * 10000;
        o->hn = (int)(put_u64(o->hs, hi) - o->hs);
        lo = v - o->base;
    }
    return put_cached(o, p, lo);
}

/* Copy a token's n bytes: s is followed by NAZIF_TOKEN_PADDING readable
   bytes and p has room, so a token of up to 16 bytes (most) is two fixed
   8-byte moves, with no branch on its length to mispredict (the former
   length-class copy cost a misprediction a token). */
static inline char *put_bytes(char *p, const char *s, size_t n)
{
    char *e = p + n;
    memcpy(p, s, 8);
    memcpy(p + 8, s + 8, 8);
    if (n > 16) {
        for (p += 16, s += 16, n -= 16; n >= 8; n -= 8, p += 8, s += 8) memcpy(p, s, 8);
        memcpy(p, s, 8);
    }
    return e;
}

/* A JSON string, by the library's encoder (bytes that do not form UTF-8
   become \ufffd), written in place when it fits in the buffer. */
static void ob_json(obuf *o, const char *s, size_t n)
{
    size_t need = NAZIF_JSON_STRING_BOUND(n);
    if (need <= o->cap) {
        if (o->n + need > o->cap) ob_flush(o);
        o->n += nazif_json_string(s, n, o->p + o->n);
        return;
    }
    char *d = malloc(need);
    if (!d) {
        o->err = 1;
        return;
    }
    ob_put(o, d, nazif_json_string(s, n, d));
    free(d);
}

/* ---- help --------------------------------------------------------------- */

static void list_ops(FILE *f)
{
    for (int i = 0; nazif_norm_op(i); i++) {
        const nazif_norm_op_info *op = nazif_norm_op(i);
        fprintf(f, "  --%-19s %s\n  %-21s   e.g. %s -> %s\n", op->name, op->description, "",
                op->example_in, op->example_out);
    }
}

static void usage(FILE *f, int cmd)
{
    if (cmd == CMD_NORMALIZE) {
        fprintf(f,
                "usage: nazif normalize [OPTIONS] [FILE...]\n"
                "\n"
                "Restores and normalizes UTF-8 text for search engines and corpora and\n"
                "writes it to standard output; line structure, spaces and punctuation\n"
                "are kept (punctuation changes only with --ascii-punct).\n"
                "Example: nazif normalize --profile=search in.txt\n"
                "         nazif normalize --strip-harakat --fold-alef --fold-yeh in.txt\n");
    } else if (cmd == CMD_TOKENS) {
        fprintf(f,
                "usage: nazif tokens [OPTIONS] [FILE...]\n"
                "\n"
                "Writes one token a line: the normalized (and stemmed) word and the byte\n"
                "range [start, end) it came from in the ORIGINAL input, before any\n"
                "restoration or normalization: التـ.ـوتر gives one token التوتر covering\n"
                "all of التـ.ـوتر.  Offsets start at 0 in each FILE.\n"
                "Example: nazif tokens --profile=search --format=tsv in.txt\n");
    } else {
        fprintf(f,
                "usage: nazif stem [OPTIONS] [FILE...]\n"
                "\n"
                "Writes, for each input line, its tokens stemmed and separated by one\n"
                "space (an empty line when it has none).  With one word a line and\n"
                "--profile=none --stemmer=snowball the output is that of\n"
                "'stemwords -l arabic'.\n"
                "Example: nazif stem --stemmer=light in.txt\n"
                "         nazif stem --stemmer=snowball --profile=none words.txt\n");
    }
    fprintf(f,
            "\n"
            "Reads FILEs or standard input (no FILE, or -).\n"
            "\n"
            "Options:\n"
            "  --profile=NAME        none, faithful (what 'nazif clean' does to words),\n"
            "                        search or nlp (default: search; operations given\n"
            "                        one by one change it)\n"
            "                        e.g. --profile=nlp\n"
            "  --show-profile        print the operations in effect and exit\n"
            "                        e.g. nazif %s --profile=search --show-profile\n"
            "  --OPERATION           add an operation, --no-OPERATION removes one:\n"
            "                        e.g. --profile=search --no-fold-teh\n",
            cmd_names[cmd]);
    if (cmd != CMD_NORMALIZE) {
        fprintf(f,
                "  --stemmer=NAME        none, light (Lucene's light10 with the exception\n"
                "                        for الله; see nazif.h) or snowball (Snowball's\n"
                "                        Arabic stemmer from libstemmer); default: %s\n"
                "                        e.g. --stemmer=light\n"
                "  --stopwords           drop Arabic stop words (data/stopwords-ar.tsv)\n"
                "                        e.g. --profile=search --stopwords\n"
                "  --clitics             split proclitics (و ف ب ك ل س ال) and pronoun\n"
                "                        suffixes off words the lexicon knows:\n"
                "                        وبالمدرسة -> و ب ال مدرسة, كتابهم -> كتاب هم\n"
                "                        (with --stopwords the clitics are dropped too)\n"
                "                        e.g. --profile=search --clitics\n",
                cmd == CMD_STEM ? "light" : "none");
    }
    if (cmd == CMD_STEM) {
        fprintf(f,
                "  --lines               each line is one word, as stemwords reads it: the\n"
                "                        line is normalized and stemmed whole (spaces and\n"
                "                        punctuation included), no tokenizing, no stop words\n"
                "                        e.g. nazif stem --lines --stemmer=snowball voc.txt\n"
                "  --max-doc-bytes=N     with --lines: a line longer than N bytes is read\n"
                "                        past and written empty, with a message (default\n"
                "                        67108864; 0: no limit); memory stays under about\n"
                "                        three times N\n");
    }
    if (cmd == CMD_TOKENS) {
        fprintf(f,
                "  --output-format=FMT   tsv (default): TOKEN<TAB>START<TAB>END;\n"
                "                        text: TOKEN; jsonl: {\"token\",\"word\",\"start\",\n"
                "                        \"end\",\"line\",\"original\"} (word: before stemming,\n"
                "                        original: the input bytes [start, end); with\n"
                "                        --clitics also \"kind\": word, proclitic, suffix)\n"
                "                        e.g. --output-format=jsonl (old name: --format)\n");
    }
    fprintf(f,
            "  --strict              invalid UTF-8 is an error (exit 3); otherwise each\n"
            "                        invalid sequence is read as U+FFFD\n"
            "  --help                print this help and exit\n"
            "  --version             print the version and exit\n"
            "\n"
            "Operations (in pipeline order; each alone does what its example shows):\n");
    list_ops(f);
    fputs("\n", f);
    cli_exit_help(f);
}

/* ---- options ------------------------------------------------------------ */

typedef struct topts {
    int cmd;
    /* profile, operations, strict, stemmer, stopwords, clitics: read by the
       library's option parser (nazif_options_set(), the one every front end
       uses: the same names, defaults and messages) */
    nazif_options lo;
    const char *profile;
    int show;
    int stemmer;
    int clitics;
    int format;
    int lines;
    unsigned long long max_line; /* stem --lines: a longer line is written empty */
    char **files;
    int nfiles;
} topts;

static int op_by_name(const char *name, unsigned *op)
{
    for (int i = 0; nazif_norm_op(i); i++) {
        if (strcmp(nazif_norm_op(i)->name, name) == 0) {
            *op = nazif_norm_op(i)->op;
            return 0;
        }
    }
    return -1;
}

/* --key=value through the library's parser: 0, or -1 after its message. */
static int set_opt(topts *t, const char *key, const char *value)
{
    char err[NAZIF_ERROR_DETAIL_SIZE];
    const unsigned scope = t->cmd == CMD_NORMALIZE ? NAZIF_OPT_NORM : NAZIF_OPT_TOKEN;
    if (nazif_options_set(&t->lo, key, value, scope, err, sizeof err) == NAZIF_OK) return 0;
    fprintf(stderr, "nazif %s: %s\n", cmd_names[t->cmd], err);
    return -1;
}

/* Returns -1 to go on, or an exit status. */
static int parse(int argc, char **argv, topts *t)
{
    const char *cmd = cmd_names[t->cmd];
    int only_files = 0;
    t->files = calloc((size_t)argc + 1, sizeof *t->files);
    if (!t->files) return X_INTERNAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        unsigned op;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            t->files[t->nfiles++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout, t->cmd);
            return X_OK;
        } else if (strncmp(a, "--profile=", 10) == 0) {
            if (set_opt(t, "profile", a + 10)) return X_USAGE;
            t->profile = a + 10;
        } else if (strcmp(a, "--show-profile") == 0) {
            t->show = 1;
        } else if (strcmp(a, "--strict") == 0) {
            if (set_opt(t, "strict", "on")) return X_USAGE;
        } else if (t->cmd != CMD_NORMALIZE && strncmp(a, "--stemmer=", 10) == 0) {
            if (set_opt(t, "stemmer", a + 10)) return X_USAGE;
        } else if (t->cmd != CMD_NORMALIZE && strcmp(a, "--stopwords") == 0) {
            if (set_opt(t, "stopwords", "on")) return X_USAGE;
        } else if (t->cmd != CMD_NORMALIZE && strcmp(a, "--clitics") == 0) {
            if (set_opt(t, "clitics", "on")) return X_USAGE;
        } else if (t->cmd == CMD_STEM && strcmp(a, "--lines") == 0) {
            t->lines = 1;
        } else if (t->cmd == CMD_STEM && strncmp(a, "--max-doc-bytes=", 16) == 0) {
            char *end;
            errno = 0;
            const unsigned long long v = strtoull(a + 16, &end, 10);
            if (errno || end == a + 16 || *end || a[16] == '-')
                return cli_bad_option(cmd, a, text_valued, "bytes; 0: no limit");
            t->max_line = v;
        } else if (t->cmd == CMD_TOKENS &&
                   (strncmp(a, "--output-format=", 16) == 0 || strncmp(a, "--format=", 9) == 0)) {
            const char *v = strchr(a, '=') + 1;
            if (strcmp(v, "tsv") == 0) t->format = FMT_TSV;
            else if (strcmp(v, "text") == 0) t->format = FMT_TEXT;
            else if (strcmp(v, "jsonl") == 0) t->format = FMT_JSONL;
            else return cli_bad_option(cmd, a, text_valued, "tsv, text or jsonl");
        } else if (strncmp(a, "--no-", 5) == 0 && op_by_name(a + 5, &op) == 0) {
            if (set_opt(t, a + 5, "off")) return X_USAGE;
        } else if (strncmp(a, "--", 2) == 0 && op_by_name(a + 2, &op) == 0) {
            if (set_opt(t, a + 2, "on")) return X_USAGE;
        } else {
            /* a value option without its value, or unknown here */
            static const char *const norm_valued[] = {"--profile", NULL};
            static const char *const stem_valued[] = {"--profile", "--stemmer", "--max-doc-bytes", NULL};
            return cli_bad_option(cmd, a,
                                  t->cmd == CMD_NORMALIZE ? norm_valued
                                  : t->cmd == CMD_STEM    ? stem_valued
                                                          : text_valued,
                                  NULL);
        }
    }
    if (t->nfiles == 0) t->files[t->nfiles++] = "-";
    const int st = t->lo.token.stemmer;
    t->stemmer = st == NAZIF_STEM_LIGHT ? ST_LIGHT : st == NAZIF_STEM_SNOWBALL ? ST_SNOWBALL : ST_NONE;
    t->clitics = (t->lo.token.flags & NAZIF_TOK_CLITICS) != 0;
    return -1;
}

static void show_profile(const topts *t, unsigned ops)
{
    printf("operations in effect (profile %s%s):\n", t->profile ? t->profile : "search",
           t->lo.ops_on || t->lo.ops_off ? ", changed by options" : "");
    int any = 0;
    for (int i = 0; nazif_norm_op(i); i++) {
        const nazif_norm_op_info *op = nazif_norm_op(i);
        if (!(ops & op->op)) continue;
        any = 1;
        printf("  %-18s %s\n  %-18s e.g. %s -> %s\n", op->name, op->description, "",
               op->example_in, op->example_out);
    }
    if (!any) printf("  (none: the text is only checked for UTF-8)\n");
}

/* ---- snowball ----------------------------------------------------------- */

static int snowball_stem(void *ctx, const char *word, size_t len, const char **stem,
                         size_t *stem_len)
{
    struct sb_stemmer *sb = ctx;
    if (len > INT_MAX) return -1;
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)word, (int)len);
    if (!r) return -1;
    *stem = (const char *)r;
    *stem_len = (size_t)sb_stemmer_length(sb);
    return 0;
}

/* ---- running ------------------------------------------------------------ */

typedef struct run {
    const topts *t;
    nazif_tokenizer *tk;
    obuf out;
    const char *chunk;      /* the text given to the library */
    unsigned long long base; /* document offset of chunk[0] */
    unsigned long long line_base;
    unsigned long long line_done; /* stem: lines of the chunk already ended */
    int first_on_line;
    char *nbuf;             /* normalize: output */
    size_t nbuf_cap;
    struct sb_stemmer *sb;  /* stem --lines --stemmer=snowball */
    unsigned long long lines_seen; /* stem --lines: lines written */
    upper_digits hi;        /* tokens --format=tsv: digits above the last four */
} run;

/* on_token_tsv() when the buffer is short of room or an offset leaves the
   cached block of 10,000: everything through the general writers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int on_token_tsv_slow(run *r, const nazif_token *tok)
{
    obuf *o = &r->out;
    if (o->cap - o->n < tok->len + 64) {
        ob_flush(o);
        if (o->cap < tok->len + 64) {
            ob_put(o, tok->text, tok->len);
            ob_c(o, '\t');
            ob_u64(o, r->base + tok->start);
            ob_c(o, '\t');
            ob_u64(o, r->base + tok->end);
            ob_c(o, '\n');
            return 0;
        }
    }
    char *p = put_bytes(o->p + o->n, tok->text, tok->len);
    *p++ = '\t';
    p = put_offset(&r->hi, p, r->base + tok->start);
    *p++ = '\t';
    p = put_offset(&r->hi, p, r->base + tok->end);
    *p++ = '\n';
    o->n = (size_t)(p - o->p);
    return 0;
}

/* tokens --format=tsv: the hot path of 'tokens', a callback of its own so
   that it saves few registers (the general one's prologue and format
   tests were a fifth of its instructions).  The common case -- a token of
   at most 16 bytes, room in the buffer, both offsets in the cached block of
   10,000 -- makes no call and has no loop, so it saves no register at all;
   what it stores is read into locals first (a store through char * could
   change them otherwise).  The rest goes to on_token_tsv_slow(). */
static int on_token_tsv(void *ctx, const nazif_token *tok)
{
    run *r = ctx;
    obuf *o = &r->out;
    const upper_digits *h = &r->hi;
    const unsigned long long ls = r->base + tok->start - h->base, le = r->base + tok->end - h->base;
    const size_t n = tok->len;
    if (n > 16 || o->cap - o->n < 16 + 64 || ls >= 10000 || le >= 10000 || h->hn == 0)
        return on_token_tsv_slow(r, tok);
    char hs[16];
    uint32_t ds, de;
    memcpy(hs, h->hs, 16);
    memcpy(&ds, h->last4[ls], 4);
    memcpy(&de, h->last4[le], 4);
    const size_t hn = (size_t)h->hn;
    char *p = o->p + o->n;
    memcpy(p, tok->text, 16); /* NAZIF_TOKEN_PADDING: 16 bytes readable */
    p += n;
    *p++ = '\t';
    memcpy(p, hs, 16);
    p += hn;
    memcpy(p, &ds, 4);
    p[4] = '\t';
    p += 5;
    memcpy(p, hs, 16);
    p += hn;
    memcpy(p, &de, 4);
    p[4] = '\n';
    o->n = (size_t)(p + 5 - o->p);
    return 0;
}

static int on_token(void *ctx, const nazif_token *tok);

/* tokens --format=text and stem: the common case -- a token of at most 16
   bytes, room in the buffer, and for stem a token on the line already
   begun -- as plain stores, as on_token_tsv() does; the rest through
   on_token(). */
static int on_token_text(void *ctx, const nazif_token *tok)
{
    run *r = ctx;
    obuf *o = &r->out;
    const size_t n = tok->len;
    if (n > 16 || o->cap - o->n < 32) return on_token(ctx, tok);
    char *p = o->p + o->n;
    memcpy(p, tok->text, 16); /* NAZIF_TOKEN_PADDING: 16 bytes readable */
    p[n] = '\n';
    o->n += n + 1;
    return 0;
}

static int on_token_stem(void *ctx, const nazif_token *tok)
{
    run *r = ctx;
    obuf *o = &r->out;
    const size_t n = tok->len;
    if (n > 16 || o->cap - o->n < 32 || r->first_on_line || r->line_done + 1 != tok->line)
        return on_token(ctx, tok);
    char *p = o->p + o->n;
    p[0] = ' ';
    memcpy(p + 1, tok->text, 16);
    o->n += n + 1;
    return 0;
}

static int on_token(void *ctx, const nazif_token *tok)
{
    run *r = ctx;
    obuf *o = &r->out;
    if (r->t->cmd == CMD_STEM) {
        while (r->line_done + 1 < tok->line) {
            ob_c(o, '\n');
            r->line_done++;
            r->first_on_line = 1;
        }
        if (!r->first_on_line) ob_c(o, ' ');
        r->first_on_line = 0;
        ob_put(o, tok->text, tok->len);
        return 0;
    }
    if (r->t->format == FMT_TEXT) {
        ob_put(o, tok->text, tok->len);
        ob_c(o, '\n');
    } else if (r->t->format == FMT_TSV) {
        return on_token_tsv(ctx, tok);
    } else {
        ob_put(o, "{\"token\":", 9);
        ob_json(o, tok->text, tok->len);
        ob_put(o, ",\"word\":", 8);
        ob_json(o, tok->word, tok->word_len);
        ob_put(o, ",\"start\":", 9);
        ob_u64(o, r->base + tok->start);
        ob_put(o, ",\"end\":", 7);
        ob_u64(o, r->base + tok->end);
        ob_put(o, ",\"line\":", 8);
        ob_u64(o, r->line_base + tok->line);
        ob_put(o, ",\"original\":", 12);
        ob_json(o, r->chunk + tok->start, (size_t)(tok->end - tok->start));
        if (r->t->clitics) {
            static const char *const kinds[] = {"word", "proclitic", "suffix"};
            const char *k = tok->kind >= 0 && tok->kind <= 2 ? kinds[tok->kind] : "word";
            ob_put(o, ",\"kind\":\"", 9);
            ob_put(o, k, strlen(k));
            ob_c(o, '"');
        }
        ob_put(o, "}\n", 2);
    }
    return 0;
}

/* stem --lines: each line of the normalized text s[0..n) stemmed whole. */
static int stem_lines(run *r, const char *s, size_t n)
{
    size_t pos = 0;
    while (pos < n) {
        const char *nl = memchr(s + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - s) : n;
        const char *stem = s + pos;
        size_t len = end - pos;
        if (r->t->stemmer == ST_LIGHT) {
            size_t a, l;
            nazif_stem_light(stem, len, &a, &l);
            stem += a;
            len = l;
        } else if (r->t->stemmer == ST_SNOWBALL) {
            if (snowball_stem(r->sb, stem, len, &stem, &len)) return NAZIF_ENOMEM;
        }
        ob_put(&r->out, stem, len);
        if (nl) {
            ob_c(&r->out, '\n');
            r->lines_seen++;
        }
        pos = nl ? end + 1 : n;
    }
    return NAZIF_OK;
}

/* Process whole lines text[0..n).  Returns an exit status. */
/*
 * Walk text[0..n): all of it when final, else the whole lines and the
 * pieces of a long last line that the library can walk already; *used
 * receives how much.  stem --lines needs whole lines and gets only those.
 */
static int do_chunk(run *r, const char *text, size_t n, const char *name, int final, size_t *used)
{
    int rc;
    size_t got_in = n;
    r->chunk = text;
    if (r->t->cmd == CMD_NORMALIZE || r->t->lines) {
        size_t need = nazif_normalize_bound(n);
        if (need > r->nbuf_cap) {
            char *p = realloc(r->nbuf, need);
            if (!p) {
                fprintf(stderr, "nazif: out of memory\n");
                return X_INTERNAL;
            }
            r->nbuf = p;
            r->nbuf_cap = need;
        }
        size_t got = 0;
        if (r->t->lines)
            rc = nazif_tokenizer_normalize(r->tk, text, n, r->nbuf, r->nbuf_cap, &got);
        else
            rc = nazif_tokenizer_normalize_stream(r->tk, text, n, final, &got_in, r->nbuf,
                                                  r->nbuf_cap, &got);
        if (rc == NAZIF_OK && r->t->lines) rc = stem_lines(r, r->nbuf, got);
        else if (rc == NAZIF_OK) ob_put(&r->out, r->nbuf, got);
    } else {
        r->line_done = 0;
        const nazif_token_fn cb = r->t->cmd == CMD_STEM                                ? on_token_stem
                                  : r->t->format == FMT_TSV && r->t->cmd == CMD_TOKENS  ? on_token_tsv
                                  : r->t->format == FMT_TEXT && r->t->cmd == CMD_TOKENS ? on_token_text
                                                                                        : on_token;
        rc = nazif_tokenizer_stream(r->tk, text, n, final, &got_in, cb, r);
        if (rc == NAZIF_OK && r->t->cmd == CMD_STEM) {
            /* end every line of the chunk, as the input did (a line the
               library stopped inside goes on in the next chunk) */
            unsigned long long lines = 0;
            for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + got_in - p))) != NULL; p++)
                lines++;
            while (r->line_done < lines) {
                ob_c(&r->out, '\n');
                r->line_done++;
                r->first_on_line = 1;
            }
        }
    }
    if (rc == NAZIF_EUTF8) {
        fprintf(stderr, "nazif: %s: invalid UTF-8 at byte %llu\n", name,
                r->base + (unsigned long long)nazif_tokenizer_error_offset(r->tk));
        return X_UTF8;
    }
    if (rc != NAZIF_OK) {
        fprintf(stderr, "nazif: %s: %s\n", name, nazif_strerror(rc));
        return X_INTERNAL;
    }
    if (r->t->format == FMT_JSONL)
        for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + got_in - p))) != NULL; p++)
            r->line_base++;
    r->base += got_in;
    *used = got_in;
    return r->out.err ? X_OUTPUT : X_OK;
}

/*
 * stem --lines with a limit: the whole lines text[0..n) to do_chunk(),
 * except that a line longer than --max-doc-bytes is written empty with a
 * message (a line that did not fit in the buffer is read past in
 * do_stream(); this is the one that arrived whole).
 */
static int lines_chunk(run *r, const char *text, size_t n, const char *name, size_t *used)
{
    size_t start = 0;
    while (start < n) {
        size_t ls = start, long_s = n, long_e = n;
        while (ls < n) {
            const char *nl = memchr(text + ls, '\n', n - ls);
            const size_t le = nl ? (size_t)(nl - text) : n;
            if (le - ls > r->t->max_line) {
                long_s = ls;
                long_e = le;
                break;
            }
            ls = le + 1;
        }
        if (long_s > start) {
            size_t u = 0;
            const int rc = do_chunk(r, text + start, long_s - start, name, 0, &u);
            if (rc) return rc;
        }
        if (long_s < n) {
            r->lines_seen++;
            fprintf(stderr, "nazif: %s:%llu: line of %llu bytes, more than --max-doc-bytes=%llu (written empty)\n",
                    name, r->lines_seen, (unsigned long long)(long_e - long_s), r->t->max_line);
            ob_c(&r->out, '\n');
            r->base += long_e + 1 - long_s;
            start = long_e + 1;
        } else {
            start = n;
        }
    }
    *used = n;
    return r->out.err ? X_OUTPUT : X_OK;
}

/*
 * Read in CHUNK-sized reads and hand the library what it can walk; the
 * rest (the start of a line shorter than the library's window) waits for
 * the next read, so memory stays bounded by the window and CHUNK however
 * long a line is (stem --lines, which stems each line whole, holds a line).
 */
static int do_stream(run *r, FILE *in, const char *name, char **bufp, size_t *capp)
{
    size_t have = 0, scanned = 0, last_nl = 0; /* stem --lines: whole lines */
    r->base = 0;
    r->line_base = 0;
    r->first_on_line = 1;
    for (;;) {
        if (*capp - have < CHUNK) {
            size_t cap = *capp ? *capp * 2 : 2 * CHUNK;
            char *p = realloc(*bufp, cap);
            if (!p) {
                fprintf(stderr, "nazif: out of memory\n");
                return X_INTERNAL;
            }
            *bufp = p;
            *capp = cap;
        }
        char *buf = *bufp;
        size_t got = fread(buf + have, 1, CHUNK, in);
        if (got == 0) {
            if (ferror(in)) {
                fprintf(stderr, "nazif: %s: read error: %s\n", name, strerror(errno));
                return X_INPUT;
            }
            break;
        }
        have += got;
        size_t avail = have;
        if (r->t->lines) {
            /* only the new bytes are searched for the last line end */
            for (const char *p = buf + scanned; (p = memchr(p, '\n', (size_t)(buf + have - p))) != NULL; p++)
                last_nl = (size_t)(p - buf) + 1;
            scanned = have;
            avail = last_nl;
            if (avail == 0 && r->t->max_line && have > r->t->max_line) {
                /* one line longer than the limit: read past it without
                   holding it; an empty line keeps the lines in step */
                unsigned long long n = have;
                const char *e = NULL;
                for (;;) {
                    got = fread(buf, 1, CHUNK, in);
                    if (got == 0) {
                        if (ferror(in)) {
                            fprintf(stderr, "nazif: %s: read error: %s\n", name, strerror(errno));
                            return X_INPUT;
                        }
                        break;
                    }
                    e = memchr(buf, '\n', got);
                    if (e) {
                        n += (unsigned long long)(e - buf);
                        break;
                    }
                    n += got;
                }
                r->lines_seen++;
                fprintf(stderr, "nazif: %s:%llu: line of %llu bytes, more than --max-doc-bytes=%llu (written empty)\n",
                        name, r->lines_seen, n, r->t->max_line);
                ob_c(&r->out, '\n');
                if (r->out.err) return X_OUTPUT;
                /* what follows the line end stays for the next round */
                have = e ? got - (size_t)(e + 1 - buf) : 0;
                if (e) memmove(buf, e + 1, have);
                scanned = 0;
                last_nl = 0;
                r->base += n + (e ? 1 : 0);
                if (!e) return X_OK; /* the input ended inside the line */
                /* the bytes kept may hold whole lines: look again */
                for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + have - p))) != NULL; p++)
                    last_nl = (size_t)(p - buf) + 1;
                scanned = have;
                avail = last_nl;
            }
            if (avail == 0) continue;
        }
        size_t used = 0;
        int rc = r->t->lines && r->t->max_line ? lines_chunk(r, buf, avail, name, &used)
                                               : do_chunk(r, buf, avail, name, 0, &used);
        if (rc) return rc;
        memmove(buf, buf + used, have - used);
        have -= used;
        if (r->t->lines) {
            scanned -= used;
            last_nl = 0;
        }
    }
    size_t used = 0;
    return do_chunk(r, *bufp, have, name, 1, &used);
}

static int run_command(int cmd, int argc, char **argv)
{
    topts t;
    memset(&t, 0, sizeof t);
    t.cmd = cmd;
    nazif_options_init(&t.lo);
    /* nazif stem stems (light) unless told otherwise */
    if (cmd == CMD_STEM) nazif_options_set(&t.lo, "stemmer", "light", NAZIF_OPT_TOKEN, NULL, 0);
    t.max_line = 64ull << 20;
    argc = cli_join_values(argc, argv, text_valued);
    if (argc < 0) return X_INTERNAL;
    int rc = parse(argc, argv, &t);
    if (rc >= 0) {
        free(t.files);
        return rc;
    }
    const unsigned ops = t.lo.token.norm.ops;
    if ((ops & NAZIF_NORM_YEH) && (ops & NAZIF_NORM_MAKSURA)) {
        fprintf(stderr, "nazif %s: --fold-yeh and --fold-maksura exclude each other "
                        "(add --no-fold-yeh)\n", cmd_names[cmd]);
        free(t.files);
        return X_USAGE;
    }
    if (t.show) {
        show_profile(&t, ops);
        free(t.files);
        return fflush(stdout) == 0 ? X_OK : X_OUTPUT;
    }
    nazif_token_options o = t.lo.token;
    /* stem --lines stems each line whole: no word-level options */
    if (t.lines) o.flags &= ~(unsigned)(NAZIF_TOK_STOPWORDS | NAZIF_TOK_CLITICS);
    struct sb_stemmer *sb = NULL;
    if (t.stemmer == ST_SNOWBALL) {
        sb = sb_stemmer_new("arabic", "UTF_8");
        if (!sb) {
            fprintf(stderr, "nazif %s: libstemmer has no Arabic stemmer\n", cmd_names[cmd]);
            free(t.files);
            return X_INTERNAL;
        }
        o.stemmer = NAZIF_STEM_CUSTOM;
        o.stem_fn = snowball_stem;
        o.stem_ctx = sb;
    }
    run r;
    memset(&r, 0, sizeof r);
    upper_digits_init(&r.hi);
    r.t = &t;
    r.sb = sb;
    r.out.cap = 1u << 20;
    r.out.p = malloc(r.out.cap);
    int status = X_OK;
    if (!r.out.p || nazif_tokenizer_new(&r.tk, &o) != NAZIF_OK) {
        fprintf(stderr, "nazif: out of memory\n");
        status = X_INTERNAL;
    }
    char *buf = NULL;
    size_t cap = 0;
    for (int i = 0; i < t.nfiles && status == X_OK; i++) {
        const char *name = t.files[i];
        FILE *in = stdin;
        if (strcmp(name, "-") != 0) {
            in = fopen(name, "rb");
            if (!in) {
                fprintf(stderr, "nazif: cannot open '%s': %s\n", name, strerror(errno));
                status = X_INPUT;
                break;
            }
        }
        status = do_stream(&r, in, strcmp(name, "-") == 0 ? "<stdin>" : name, &buf, &cap);
        if (in != stdin) fclose(in);
    }
    if (r.out.p) ob_flush(&r.out);
    if ((r.out.err || fflush(stdout) != 0) && (status == X_OK || status == X_OUTPUT)) {
        fprintf(stderr, "nazif: cannot write output: %s\n", strerror(errno));
        status = X_OUTPUT;
    }
    nazif_tokenizer_free(r.tk);
    if (sb) sb_stemmer_delete(sb);
    free(r.out.p);
    free(r.nbuf);
    free(buf);
    free(t.files);
    return status;
}

int nazif_cli_normalize(int argc, char **argv) { return run_command(CMD_NORMALIZE, argc, argv); }

int nazif_cli_tokens(int argc, char **argv) { return run_command(CMD_TOKENS, argc, argv); }

int nazif_cli_stem(int argc, char **argv) { return run_command(CMD_STEM, argc, argv); }
