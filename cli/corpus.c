/*
 * corpus.c -- corpus mode of `nazif clean`: JSON Lines, WARC/WET and text
 * with document filters, threads, rejected documents and stats.
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
 * I/O; reading files (plain or gzip), threads and output order live in
 * cli/.  The pieces (corpus_int.h):
 *   corpus.c          the clean command: its usage, options, sinks, summary
 *   corpus_opts.c     options clean, dedup and linefreq share (copts)
 *   corpus_read.c     input (plain/gzip/stdin), WARC records and resync,
 *                     batches, and the cli_docs_* reader of nazif index
 *   corpus_inflate.c  gzip members inflated ahead by helper threads (-j)
 *   corpus_pipeline.c workers, the thread pool, progress, run_pipeline()
 *   corpus_stats.c    --stats JSON, the summary line, the text-field check
 *   corpus_util.c     growable buffer, reasons, counters, restored words
 *   cmd_dedup.c       nazif dedup
 *   cmd_linefreq.c    nazif linefreq
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_corpus.h"
#include "corpus_int.h"

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
            "                       'nazif linefreq --output=FILE' (docs/furniture.md)\n"
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
            "  --visual-order=report|repair, --split-join,\n"
            "  --no-restore, --strict   as in plain 'nazif clean'; --strict also makes a\n"
            "                       malformed JSON line an error (exit 3)\n"
            "\n"
            "Exit status: 0 ok, 1 usage, 2 input (unreadable, truncated gzip or WARC,\n"
            "no document with the text field, a linefreq table that is not one or\n"
            "is truncated),\n"
            "3 invalid UTF-8 or malformed JSON with --strict, 4 internal, 5 output.\n");
}

const char *const *nazif_cli_clean_valued(void)
{
    static const char *names[64];
    if (!names[0]) {
        static const char *const fixed[] = {"--boilerplate", "--report", "--format", "--html", "--text-field",
                                            "--id-field", "--filters", "--rejected", "--stats",
                                            "--output", "--jobs", "--max-doc-bytes", "--linefreq",
                                            "--site-field", "--linefreq-min", "--visual-order"};
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

int cli_clean_opt(const char *a, unsigned *flags, const char **report, int *explain)
{
    if (strcmp(a, "--boilerplate=drop") == 0) *flags &= ~NAZIF_KEEP_BOILERPLATE;
    else if (strcmp(a, "--boilerplate=keep") == 0) *flags |= NAZIF_KEEP_BOILERPLATE;
    else if (strcmp(a, "--suspects") == 0) *flags |= NAZIF_REPORT_SUSPECTS;
    else if (strcmp(a, "--visual-order=report") == 0) *flags &= ~NAZIF_VISUAL_REPAIR;
    else if (strcmp(a, "--visual-order=repair") == 0) *flags |= NAZIF_VISUAL_REPAIR;
    else if (strcmp(a, "--no-restore") == 0) *flags |= NAZIF_NO_RESTORE;
    else if (strcmp(a, "--split-join") == 0) *flags |= NAZIF_SPLIT_JOIN;
    else if (strcmp(a, "--explain") == 0) *explain = 1;
    else if (strncmp(a, "--report=", 9) == 0 && a[9]) *report = a + 9;
    else return 0;
    return 1;
}

/* clean's own options in corpus mode (parse_cmd_args()): 1 taken, -1
   refused (message printed), ARGS_DONE after --version. */
static int clean_opt(copts *o, const char *a)
{
    const int l = linefreq_opt(o, a, "clean");
    if (l != 0) return l;
    if (cli_clean_opt(a, &o->clean.flags, &o->report, &o->explain)) return 1;
    if (strncmp(a, "--linefreq=", 11) == 0 && a[11]) o->lf_file = a + 11;
    else if (strcmp(a, "--linefreq-stream") == 0) o->lf_stream = 1;
    else if (strcmp(a, "--version") == 0) {
        printf("nazif %s\n", nazif_version());
        return ARGS_DONE;
    } else if (strcmp(a, "--format=jsonl") == 0) o->format = FMT_JSONL;
    else if (strcmp(a, "--format=warc") == 0 || strcmp(a, "--format=wet") == 0) o->format = FMT_WARC;
    else if (strcmp(a, "--format=text") == 0) o->format = FMT_TEXT;
    else if (strcmp(a, "--format=html") == 0) o->format = FMT_HTML;
    else if (strcmp(a, "--html=main") == 0) o->html_text = 0;
    else if (strcmp(a, "--html=text") == 0) o->html_text = 1;
    else if (strcmp(a, "--format=auto") == 0) o->format = FMT_AUTO;
    else if (strncmp(a, "--rejected=", 11) == 0 && a[11]) o->rejected = a + 11;
    else if (strncmp(a, "--stats=", 8) == 0 && a[8]) o->stats = a + 8;
    else if (strncmp(a, "--output=", 9) == 0 && a[9]) o->output = a + 9;
    else if (strncmp(a, "--filters=", 10) == 0) {
        if (parse_filters(a + 10, &o->filters)) {
            fprintf(stderr, "%s clean: bad --filters '%s' (empty, lang, length, gopher, repetition, fineweb, all, none)\n",
                    prog, a + 10);
            return -1;
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
                    return -1;
                }
                o->thr[k] = v;
                done = 1;
            }
        }
        if (!done) {
            const char *expect = NULL;
            if (strncmp(a, "--format", 8) == 0) expect = "jsonl, warc, wet, text, html or auto";
            else if (strncmp(a, "--html", 6) == 0) expect = "main or text";
            else if (strncmp(a, "--boilerplate", 13) == 0) expect = "drop or keep";
            cli_bad_option("clean", a, nazif_cli_clean_valued(), expect);
            return -1;
        }
    }
    return 1;
}

int nazif_cli_clean_corpus(int argc, char **argv)
{
    copts o;
    opts_defaults(&o);
    reasons_init();
    char **files;
    int nfiles;
    const int pr = parse_cmd_args(&o, argc, argv, "clean", 1, clean_opt, usage_corpus, &files, &nfiles);
    if (pr != CX_OK) return pr == ARGS_DONE ? CX_OK : pr;
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
    const double t0 = cli_now();
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
        const int st = write_stats(o.stats, &total, &rw, cli_now() - t0, o.jobs, o.lf != NULL);
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
