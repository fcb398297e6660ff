/*
 * nazif.c -- the nazif command: argument parsing, files, reports.
 * Uses only the public API (include/nazif.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_corpus.h"
#include "cmd_search.h"
#include "cmd_serve.h"
#include "commands.h"
#include "common.h"
#include "nazif.h"

enum {
    EXIT_OK = CLI_OK,
    EXIT_USAGE = CLI_USAGE,
    EXIT_INPUT = CLI_INPUT,
    EXIT_UTF8 = CLI_DATA,
    EXIT_INTERNAL = CLI_INTERNAL,
    EXIT_OUTPUT = CLI_OUTPUT
};

#define CHUNK (1u << 20)

static const char *prog = "nazif";

static void usage_main(FILE *f)
{
    fprintf(f,
            "usage: nazif COMMAND [OPTIONS] [FILE...]\n"
            "\n"
            "Commands:\n"
            "  clean      restore obfuscated words, remove invisible junk and page\n"
            "             furniture; everything else stays as it was\n"
            "  normalize  search/NLP normalization (profiles or single operations)\n"
            "  tokens     one token a line with byte offsets into the original input\n"
            "  stem       tokens, stemmed (light or Snowball)\n"
            "  dedup      exact and near-duplicate (MinHash LSH) removal of JSON Lines\n"
            "  linefreq   count lines repeated on the pages of each site (for\n"
            "             'clean --linefreq=FILE': page furniture across documents)\n"
            "  index      index text or JSON Lines into an SQLite FTS5 database\n"
            "  search     search such a database (BM25, highlighted snippets)\n"
            "  serve      a local web page over such a database: search, each\n"
            "             document with its restorations, corpus figures\n"
            "\n"
            "Run 'nazif COMMAND --help' for a command's options.\n"
            "  --version   print the version and exit (also after a command)\n"
            "  --help      print this help and exit\n"
            "\n"
            "Options take their value as --name=VALUE or --name VALUE.\n"
            "\n");
    cli_exit_help(f);
}

static void usage_clean(FILE *f)
{
    fprintf(f,
            "usage: nazif clean [OPTIONS] [FILE...]\n"
            "\n"
            "Cleans UTF-8 text: restores words broken with tatweel and separators\n"
            "(التـ.ـوتر -> التوتر), removes invisible characters inside words, maps\n"
            "presentation forms and look-alike letters to Arabic letters, and drops\n"
            "page furniture lines.  Diacritics, hamza, punctuation, digits and line\n"
            "structure are kept.  Reads FILEs (each one document) or standard input\n"
            "(no FILE, or -), writes the cleaned text to standard output.\n"
            "\n"
            "Options:\n"
            "  --boilerplate=drop|keep  drop page furniture lines (default) or keep\n"
            "                           them: with keep, one output line per input line\n"
            "  --report=FILE            write every change as JSON Lines to FILE\n"
            "  --explain                list every change on standard error\n"
            "  --suspects               also report words that look obfuscated but\n"
            "                           were left alone (report/explain only), and\n"
            "                           lines of Arabic stored in visual order\n"
            "  --visual-order=report|repair  repair lines stored in visual order\n"
            "                           (default: report them with --suspects)\n"
            "  --split-join             also join words split by a space after a\n"
            "                           joining letter (P17; about 30 %% slower)\n"
            "  --no-restore             do not restore words (furniture and UTF-8 only)\n"
            "  --strict                 invalid UTF-8 is an error (exit 3)\n"
            "  --format=jsonl|warc|text|html, --html=main|text, --text-field, -j N,\n"
            "  --filters, --rejected, --stats, --progress ...  corpus mode (JSON\n"
            "                           Lines, WARC/WET, HTML pages, filters, threads):\n"
            "                           see docs/corpus.md\n"
            "  --linefreq=FILE, --linefreq-stream  corpus mode: drop lines repeated\n"
            "                           on many pages of a site (see 'nazif linefreq')\n"
            "  --help                   print this help and exit\n"
            "  --version                print the version and exit\n"
            "\n"
            "Without --strict each invalid UTF-8 sequence becomes U+FFFD and a count\n"
            "with the first byte offset goes to standard error.  NUL bytes are kept\n"
            "and counted the same way.\n"
            "\n");
    cli_exit_help(f);
}

/* ---- JSON --------------------------------------------------------------- */

/* Write s as a JSON string (the library's encoder: bytes that are not
   UTF-8 become \ufffd; the report then also carries them in hex). */
static void json_str(FILE *f, const char *s, size_t n)
{
    char small[512];
    size_t need = NAZIF_JSON_STRING_BOUND(n);
    char *d = need <= sizeof small ? small : malloc(need);
    if (!d) {
        fputs("\"\"", f);
        return;
    }
    fwrite(d, 1, nazif_json_string(s, n, d), f);
    if (d != small) free(d);
}

/* ---- clean -------------------------------------------------------------- */

typedef struct clean_ctx {
    FILE *report;
    int explain;
    const char *file;     /* display name of the current input */
    int report_error;
} clean_ctx;

static int on_change(void *vctx, const nazif_change *ch)
{
    clean_ctx *cx = vctx;
    if (cx->report) {
        FILE *f = cx->report;
        fputs("{\"file\":", f);
        json_str(f, cx->file, strlen(cx->file));
        fprintf(f, ",\"line\":%llu,\"offset\":%llu,\"length\":%llu,\"kind\":\"%s\",\"rule\":\"%s\",\"original\":",
                (unsigned long long)ch->line, (unsigned long long)ch->offset,
                (unsigned long long)ch->length, cli_change_kind(ch->kind), ch->rule);
        json_str(f, ch->original, ch->length);
        if (!nazif_utf8_valid(ch->original, ch->length)) {
            fputs(",\"original_hex\":\"", f);
            for (size_t i = 0; i < ch->length; i++)
                fprintf(f, "%02x", (unsigned char)ch->original[i]);
            fputc('"', f);
        }
        fputs(",\"replacement\":", f);
        json_str(f, ch->replacement, ch->replacement_len);
        fputs(",\"evidence\":", f);
        json_str(f, ch->evidence, strlen(ch->evidence));
        fputs("}\n", f);
        if (ferror(f)) cx->report_error = 1;
    }
    if (cx->explain) {
        size_t olen = ch->length;
        while (olen > 0 && (ch->original[olen - 1] == '\n' || ch->original[olen - 1] == '\r'))
            olen--;
        if (olen > 200) {
            olen = 200;
            while (olen > 0 && ((unsigned char)ch->original[olen] & 0xC0) == 0x80) olen--;
        }
        fprintf(stderr, "%s:%llu: byte %llu+%llu %s %s: \"%.*s\"", cx->file,
                (unsigned long long)ch->line, (unsigned long long)ch->offset,
                (unsigned long long)ch->length, ch->rule, cli_change_kind(ch->kind),
                (int)olen, ch->original);
        if (ch->kind != NAZIF_CHANGE_DROP)
            fprintf(stderr, " -> \"%.*s\"", (int)ch->replacement_len, ch->replacement);
        fprintf(stderr, " (%s)\n", ch->evidence);
    }
    return 0;
}

static int write_all(const void *p, size_t n)
{
    return fwrite(p, 1, n, stdout) == n ? 0 : -1;
}

/* Clean one input stream as one document.  Returns an exit code. */
static int clean_stream(nazif_cleaner *c, FILE *in, const char *name, int strict,
                        unsigned char *ibuf, unsigned char *obuf, size_t osize)
{
    int rc;
    for (;;) {
        size_t got = fread(ibuf, 1, CHUNK, in);
        if (got == 0) {
            if (ferror(in)) {
                fprintf(stderr, "%s: %s: read error: %s\n", prog, name, strerror(errno));
                return EXIT_INPUT;
            }
            break;
        }
        nazif_inbuf ib = {ibuf, got, 0};
        do {
            nazif_outbuf ob = {obuf, osize, 0};
            rc = nazif_cleaner_stream(c, &ib, &ob);
            if (ob.pos && write_all(obuf, ob.pos)) goto write_error;
            if (rc < 0) goto lib_error;
        } while (rc == 1 || ib.pos < ib.size);
    }
    do {
        nazif_outbuf ob = {obuf, osize, 0};
        rc = nazif_cleaner_finish(c, &ob);
        if (ob.pos && write_all(obuf, ob.pos)) goto write_error;
        if (rc < 0) goto lib_error;
    } while (rc == 1);

    nazif_clean_stats st;
    nazif_cleaner_stats(c, &st);
    if (st.invalid_utf8)
        fprintf(stderr, "%s: %s: %llu invalid UTF-8 sequence%s replaced by U+FFFD (first at byte %llu)\n",
                prog, name, (unsigned long long)st.invalid_utf8, st.invalid_utf8 == 1 ? "" : "s",
                (unsigned long long)st.first_invalid_offset);
    if (st.nul_bytes)
        fprintf(stderr, "%s: %s: %llu NUL byte%s kept (first at byte %llu)\n", prog, name,
                (unsigned long long)st.nul_bytes, st.nul_bytes == 1 ? "" : "s",
                (unsigned long long)st.first_nul_offset);
    return EXIT_OK;

write_error:
    fprintf(stderr, "%s: cannot write output: %s\n", prog, strerror(errno));
    return EXIT_OUTPUT;
lib_error:
    if (rc == NAZIF_EUTF8 && strict) {
        fprintf(stderr, "%s: %s: invalid UTF-8 at byte %llu\n", prog, name,
                (unsigned long long)nazif_cleaner_error_offset(c));
        return EXIT_UTF8;
    }
    fprintf(stderr, "%s: %s: %s\n", prog, name, nazif_strerror(rc));
    return rc == NAZIF_ENOMEM ? EXIT_INTERNAL : EXIT_INTERNAL;
}

/* Options that belong to corpus mode (cli/corpus.c): JSON Lines, WARC,
   filters, threads, stats. */
static int corpus_option(const char *a)
{
    static const char *const prefixes[] = {
        "--format=", "--html=", "--text-field", "--id-field", "--filters", "--rejected", "--stats",
        "--progress", "--no-progress", "--output=", "--jobs", "--min-", "--max-",
        "--linefreq", "--site-field",
    };
    if (strcmp(a, "-j") == 0 || (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9'))
        return 1;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(a, prefixes[i], strlen(prefixes[i])) == 0) return 1;
    return 0;
}

static int cmd_clean(int argc, char **argv)
{
    const char *const *valued = nazif_cli_clean_valued();
    argc = cli_join_values(argc, argv, valued);
    if (argc < 0) return EXIT_INTERNAL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) break;
        if (corpus_option(argv[i])) return nazif_cli_clean_corpus(argc, argv);
    }
    nazif_clean_options opt;
    nazif_clean_options_init(&opt);
    clean_ctx cx = {NULL, 0, "-", 0};
    const char *report_path = NULL;
    int strict = 0;
    int nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return EXIT_INTERNAL;
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            files[nfiles++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage_clean(stdout);
            free(files);
            return EXIT_OK;
        } else if (cli_clean_opt(a, &opt.flags, &report_path, &cx.explain)) {
            /* the options of both modes (cli/corpus.c) */
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            /* corpus mode's summary line; plain text has none */
        } else if (strcmp(a, "--strict") == 0) {
            strict = 1;
            opt.flags |= NAZIF_STRICT_UTF8;
        } else {
            cli_bad_option("clean", a, valued,
                           strncmp(a, "--boilerplate", 13) == 0   ? "drop or keep"
                           : strncmp(a, "--visual-order", 14) == 0 ? "report or repair"
                                                                   : "a file name");
            free(files);
            return EXIT_USAGE;
        }
    }
    if (nfiles == 0) files[nfiles++] = "-";
    {
        const char *outs[2] = {"-", report_path};
        const char *what[2] = {"output", "report"};
        if (cli_check_outputs("clean", files, nfiles, outs, what, 2)) {
            free(files);
            return EXIT_USAGE;
        }
    }
    cli_out rep;
    memset(&rep, 0, sizeof rep);
    if (report_path) {
        if (cli_out_open(&rep, "clean", report_path, "report")) {
            free(files);
            return EXIT_OUTPUT;
        }
        cx.report = rep.f;
    }
    if (cx.report || cx.explain) {
        opt.on_change = on_change;
        opt.ctx = &cx;
    }
    nazif_cleaner *c = NULL;
    unsigned char *ibuf = malloc(CHUNK);
    size_t osize = CHUNK * 2;
    unsigned char *obuf = malloc(osize);
    int status = EXIT_OK;
    if (!ibuf || !obuf || nazif_cleaner_new(&c, &opt) != NAZIF_OK) {
        fprintf(stderr, "%s: out of memory\n", prog);
        status = EXIT_INTERNAL;
    }
    for (int i = 0; i < nfiles && status == EXIT_OK; i++) {
        const char *name = files[i];
        FILE *in = stdin;
        if (strcmp(name, "-") != 0) {
            in = fopen(name, "rb");
            if (!in) {
                fprintf(stderr, "%s: cannot open '%s': %s\n", prog, name, strerror(errno));
                status = EXIT_INPUT;
                break;
            }
        }
        cx.file = strcmp(name, "-") == 0 ? "<stdin>" : name;
        nazif_cleaner_reset(c);
        status = clean_stream(c, in, cx.file, strict, ibuf, obuf, osize);
        if (in != stdin) fclose(in);
        if (cx.report_error && status == EXIT_OK) status = cli_write_error(NULL, "report", report_path, errno);
    }
    if (fflush(stdout) != 0 && status == EXIT_OK) status = cli_write_error(NULL, "output", "-", errno);
    if (report_path) {
        if (status == EXIT_OK) status = cli_out_commit(&rep, NULL);
        else cli_out_abort(&rep);
    }
    nazif_cleaner_free(c);
    free(ibuf);
    free(obuf);
    free(files);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_main(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    cli_catch_bus_error();
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage_main(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("nazif %s\n", nazif_version());
        return EXIT_OK;
    }
    if (cli_version_asked(argc - 1, argv + 1)) return fflush(stdout) == 0 ? EXIT_OK : EXIT_OUTPUT;
    if (strcmp(cmd, "clean") == 0) return cmd_clean(argc - 1, argv + 1);
    if (strcmp(cmd, "normalize") == 0) return nazif_cli_normalize(argc - 1, argv + 1);
    if (strcmp(cmd, "tokens") == 0) return nazif_cli_tokens(argc - 1, argv + 1);
    if (strcmp(cmd, "stem") == 0) return nazif_cli_stem(argc - 1, argv + 1);
    if (strcmp(cmd, "dedup") == 0) return nazif_cli_dedup(argc - 1, argv + 1);
    if (strcmp(cmd, "linefreq") == 0) return nazif_cli_linefreq(argc - 1, argv + 1);
    if (strcmp(cmd, "index") == 0) return nazif_cli_index(argc - 1, argv + 1);
    if (strcmp(cmd, "search") == 0) return nazif_cli_search(argc - 1, argv + 1);
    if (strcmp(cmd, "serve") == 0) return nazif_cli_serve(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s' (see 'nazif --help')\n", prog, cmd);
    return EXIT_USAGE;
}
