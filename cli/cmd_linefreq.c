/*
 * cmd_linefreq.c -- `nazif linefreq`: the counting pass that writes a
 * table of per-site repeated lines for `nazif clean --linefreq=FILE`.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_corpus.h"
#include "corpus_int.h"

/* ---- linefreq: the counting pass ---------------------------------------------------- */

static void usage_linefreq(FILE *f)
{
    fprintf(f,
            "usage: nazif linefreq --output=FILE [OPTIONS] [FILE...]\n"
            "\n"
            "The counting pass for repeated page furniture: reads JSON Lines or\n"
            "WARC/WET (plain or gzip; the same readers as 'nazif clean') and counts,\n"
            "for each site, in how many documents each normalised line occurs.  The\n"
            "table goes to FILE; 'nazif clean --linefreq=FILE' then drops lines seen\n"
            "on many pages of the same site (reason repeated_line).  A summary\n"
            "(documents, sites, distinct lines) goes to standard error.\n"
            "\n"
            "Options:\n"
            "  --output=FILE       the table (required; written whole or not at all;\n"
            "                      --out=FILE is the same)\n"
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
            "\n");
    cli_exit_help(f);
}

static const char *const linefreq_valued[] = {"--output", "--out", "--format", "--html", "--text-field", "--site-field",
                                              "--jobs", "--max-doc-bytes", NULL};

/* linefreq's own options (parse_cmd_args()): 1 taken, -1 refused. */
static int linefreq_cmd_opt(copts *o, const char *a)
{
    if (strncmp(a, "--site-field=", 13) == 0 && a[13]) o->site_field = a + 13;
    else if (strncmp(a, "--output=", 9) == 0 && a[9]) o->lf_out = a + 9;
    else if (strncmp(a, "--out=", 6) == 0 && a[6]) o->lf_out = a + 6;
    else if (strcmp(a, "--format=jsonl") == 0) o->format = FMT_JSONL;
    else if (strcmp(a, "--format=warc") == 0 || strcmp(a, "--format=wet") == 0) o->format = FMT_WARC;
    else if (strcmp(a, "--format=auto") == 0) o->format = FMT_AUTO;
    else if (strcmp(a, "--html=main") == 0) o->html_text = 0;
    else if (strcmp(a, "--html=text") == 0) o->html_text = 1;
    else {
        cli_bad_option("linefreq", a, linefreq_valued,
                       strncmp(a, "--format", 8) == 0   ? "jsonl, warc, wet or auto"
                       : strncmp(a, "--html", 6) == 0 ? "main or text"
                                                        : NULL);
        return -1;
    }
    return 1;
}

int nazif_cli_linefreq(int argc, char **argv)
{
    argc = cli_join_values(argc, argv, linefreq_valued);
    if (argc < 0) oom();
    copts o;
    opts_defaults(&o);
    reasons_init();
    char **files;
    int nfiles;
    const int pr = parse_cmd_args(&o, argc, argv, "linefreq", 1, linefreq_cmd_opt, usage_linefreq, &files,
                                  &nfiles);
    if (pr != CX_OK) return pr == ARGS_DONE ? CX_OK : pr;
    if (!o.lf_out) {
        fprintf(stderr, "%s linefreq: give --output=FILE for the table\n", prog);
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
    const double t0 = cli_now();
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
        for (int k = 0; k < reasons_count(); k++) skipped += total.removed[k];
        fprintf(stderr,
                "%s linefreq: %llu documents counted on %zu sites, %zu distinct lines (site, line); "
                "%llu without a site, %llu not documents; %.1f MB in %.2f s -> %s\n",
                prog, (unsigned long long)total.lf_counted, nazif_linefreq_hosts(o.lf),
                nazif_linefreq_size(o.lf), (unsigned long long)total.lf_nosite,
                (unsigned long long)skipped, (double)total.bytes_in / 1e6, cli_now() - t0, o.lf_out);
    }
    nazif_linefreq_free(o.lf);
    free(files);
    return status;
}
