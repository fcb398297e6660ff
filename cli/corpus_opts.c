/*
 * corpus_opts.c -- the options that `nazif clean` (corpus mode), `nazif
 * dedup` and `nazif linefreq` share: defaults, --filters, -j, --format,
 * --site-field / --linefreq-min, and loading a --linefreq table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "corpus_int.h"

int parse_filters(const char *s, unsigned *out)
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
void opts_defaults(copts *o)
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
int linefreq_opt(copts *o, const char *a, const char *cmd)
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
int load_linefreq(copts *o, const char *cmd)
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
            fprintf(stderr, "%s %s: %s: not a linefreq table (made by 'nazif linefreq --output=FILE')\n",
                    prog, cmd, o->lf_file);
        return CX_INPUT;
    }
    return CX_OK;
}

int parse_cmd_args(copts *o, int argc, char **argv, const char *cmd, int stdin_ok, own_opt_fn own,
                   void (*usage)(FILE *), char ***files_out, int *nfiles_out)
{
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) oom();
    int nfiles = 0, only_files = 0, rc = CX_OK;
    for (int i = 1; i < argc && rc == CX_OK; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || (stdin_ok && strcmp(a, "-") == 0)) {
            files[nfiles++] = argv[i];
            continue;
        }
        const int c = common_opt(o, argc, argv, &i, cmd);
        if (c < 0) rc = CX_USAGE;
        if (c != 0) continue;
        if (stdin_ok && strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            rc = ARGS_DONE;
        } else {
            const int r = own(o, a);
            if (r < 0) rc = CX_USAGE;
            else if (r == ARGS_DONE) rc = ARGS_DONE;
        }
    }
    if (rc != CX_OK) {
        free(files);
        files = NULL;
        nfiles = 0;
    }
    *files_out = files;
    *nfiles_out = nfiles;
    return rc;
}

/* Options both commands share.  Returns 1 if taken, 0 if not known, -1 bad
   value (message printed).  *i may advance (for "-j N"). */
int common_opt(copts *o, int argc, char **argv, int *i, const char *cmd)
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
