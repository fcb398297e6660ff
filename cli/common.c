/*
 * common.c -- the shared core of the nazif command (see common.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common.h"
#include "nazif.h"

void cli_exit_help(FILE *f)
{
    fputs("Exit status (the same for every nazif command):\n"
          "  0  success\n"
          "  1  usage error (unknown option, bad value, an output that is an input)\n"
          "  2  an input could not be opened or read (also a truncated gzip or WARC\n"
          "     record, a broken WARC record skipped, a malformed JSON line that\n"
          "     was skipped by index, a JSON Lines run in which no document has\n"
          "     the text field)\n"
          "  3  invalid data with --strict (invalid UTF-8, malformed JSON line)\n"
          "  4  internal error (out of memory; serve: the server cannot start)\n"
          "  5  an output could not be written (full disk, no permission)\n"
          "  6  database error (index, search)\n",
          f);
}

static void prefix(const char *cmd)
{
    if (cmd) fprintf(stderr, "nazif %s: ", cmd);
    else fputs("nazif: ", stderr);
}

/* ---- the command line ---------------------------------------------------- */

int cli_is_valued(const char *arg, const char *const *valued)
{
    if (!valued || strncmp(arg, "--", 2) != 0) return 0;
    const char *eq = strchr(arg, '=');
    const size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
    for (int i = 0; valued[i]; i++)
        if (strlen(valued[i]) == n && memcmp(valued[i], arg, n) == 0) return 1;
    return 0;
}

int cli_join_values(int argc, char **argv, const char *const *valued)
{
    int w = 1, only_files = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (!only_files && strcmp(a, "--") == 0) only_files = 1;
        if (!only_files && strchr(a, '=') == NULL && cli_is_valued(a, valued) && i + 1 < argc) {
            const size_t n = strlen(a), m = strlen(argv[i + 1]);
            char *j = malloc(n + m + 2);
            if (!j) return -1;
            memcpy(j, a, n);
            j[n] = '=';
            memcpy(j + n + 1, argv[i + 1], m + 1);
            argv[w++] = j;
            i++;
            continue;
        }
        argv[w++] = a;
    }
    argv[w] = NULL;
    return w;
}

int cli_bad_option(const char *cmd, const char *arg, const char *const *valued, const char *expect)
{
    if (cli_is_valued(arg, valued)) {
        const char *eq = strchr(arg, '=');
        const int n = eq ? (int)(eq - arg) : (int)strlen(arg);
        if (!eq || !eq[1])
            fprintf(stderr, "nazif %s: %.*s needs a value%s%s%s\n", cmd, n, arg, expect ? " (" : "",
                    expect ? expect : "", expect ? ")" : "");
        else
            fprintf(stderr, "nazif %s: bad value '%s' for %.*s%s%s%s\n", cmd, eq + 1, n, arg,
                    expect ? " (" : "", expect ? expect : "", expect ? ")" : "");
    } else {
        fprintf(stderr, "nazif %s: unknown option '%s' (see 'nazif %s --help')\n", cmd, arg, cmd);
    }
    return CLI_USAGE;
}

int cli_version_asked(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) return 0;
        if (strcmp(argv[i], "--version") == 0) {
            printf("nazif %s\n", nazif_version());
            return 1;
        }
    }
    return 0;
}

/* ---- outputs --------------------------------------------------------------- */

int cli_check_outputs(const char *cmd, char *const *inputs, int ninputs, const char *const *outputs,
                      const char *const *what, int noutputs)
{
    /* only regular files are compared: two outputs to one pipe or terminal
       (--report=/dev/stdout) interleave, they do not destroy anything */
    for (int o = 0; o < noutputs; o++) {
        if (!outputs[o]) continue;
        struct stat so;
        const int is_stdout = strcmp(outputs[o], "-") == 0;
        if ((is_stdout ? fstat(1, &so) : stat(outputs[o], &so)) != 0 || !S_ISREG(so.st_mode)) continue;
        for (int k = 0; k < ninputs; k++) {
            struct stat si;
            const int is_stdin = strcmp(inputs[k], "-") == 0;
            if (is_stdin ? fstat(0, &si) != 0 : stat(inputs[k], &si) != 0) continue;
            if (si.st_dev != so.st_dev || si.st_ino != so.st_ino) continue;
            prefix(cmd);
            fprintf(stderr, "the %s %s%s%s is the input %s%s%s: refused, nothing written\n", what[o],
                    is_stdout ? "(standard output)" : "'", is_stdout ? "" : outputs[o], is_stdout ? "" : "'",
                    is_stdin ? "(standard input)" : "'", is_stdin ? "" : inputs[k], is_stdin ? "" : "'");
            return CLI_USAGE;
        }
        /* two outputs that are one file would overwrite each other */
        for (int p = 0; p < o; p++) {
            struct stat sp;
            if (!outputs[p]) continue;
            if ((strcmp(outputs[p], "-") == 0 ? fstat(1, &sp) : stat(outputs[p], &sp)) != 0) continue;
            if (!S_ISREG(sp.st_mode) || sp.st_dev != so.st_dev || sp.st_ino != so.st_ino) continue;
            prefix(cmd);
            fprintf(stderr, "the %s and the %s are the same file '%s': refused, nothing written\n", what[p],
                    what[o], is_stdout ? "(standard output)" : outputs[o]);
            return CLI_USAGE;
        }
    }
    /* outputs that do not exist yet: the same spelling twice */
    for (int o = 0; o < noutputs; o++)
        for (int p = 0; p < o; p++)
            if (outputs[o] && outputs[p] && strcmp(outputs[o], "-") != 0 && strcmp(outputs[o], outputs[p]) == 0) {
                prefix(cmd);
                fprintf(stderr, "the %s and the %s are the same file '%s': refused, nothing written\n", what[p],
                        what[o], outputs[o]);
                return CLI_USAGE;
            }
    return CLI_OK;
}

int cli_write_error(const char *cmd, const char *what, const char *path, int err)
{
    prefix(cmd);
    if (!path || strcmp(path, "-") == 0)
        fprintf(stderr, "cannot write %s: %s\n", what, strerror(err ? err : EIO));
    else
        fprintf(stderr, "cannot write %s '%s': %s\n", what, path, strerror(err ? err : EIO));
    return CLI_OUTPUT;
}

/* The temporary names of the outputs open now, for on_bus_error(). */
#define MAX_OPEN_TMPS 16
static char *volatile open_tmps[MAX_OPEN_TMPS];

static void tmp_open(char *p)
{
    for (int i = 0; i < MAX_OPEN_TMPS; i++)
        if (!open_tmps[i]) {
            open_tmps[i] = p;
            return;
        }
}

static void tmp_closed(const char *p)
{
    for (int i = 0; i < MAX_OPEN_TMPS; i++)
        if (open_tmps[i] == p) open_tmps[i] = NULL;
}

static void on_bus_error(int sig)
{
    static const char msg[] =
        "nazif: an input file was cut short or changed while it was read (bus error): stopped; "
        "no output file was written, standard output is incomplete\n";
    (void)sig;
    const ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    for (int i = 0; i < MAX_OPEN_TMPS; i++)
        if (open_tmps[i]) unlink(open_tmps[i]);
    _exit(CLI_INPUT);
}

void cli_catch_bus_error(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_bus_error;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
}

int cli_out_open(cli_out *o, const char *cmd, const char *path, const char *what)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    o->what = what;
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        return CLI_OK;
    }
    struct stat st;
    /* not a regular file (a device, a pipe) or a symbolic link (e.g.
       /dev/stderr): written in place, never replaced */
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        o->f = fopen(path, "w");
        if (!o->f) goto fail;
        return CLI_OK;
    }
    /* dir/.name.nazif-XXXXXX beside the final name */
    const char *slash = strrchr(path, '/');
    const size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dl;
    o->tmp = malloc(dl + strlen(base) + 16);
    if (!o->tmp) {
        errno = ENOMEM;
        goto fail;
    }
    memcpy(o->tmp, path, dl);
    sprintf(o->tmp + dl, ".%s.nazif-XXXXXX", base);
    const int fd = mkstemp(o->tmp);
    if (fd < 0) goto fail;
    /* the mode a new file would get from fopen(): 0666 less the umask, or
       the mode of the file it replaces */
    mode_t um = umask(0);
    umask(um);
    mode_t mode = (mode_t)(0666 & ~um);
    if (lstat(path, &st) == 0) mode = st.st_mode & 07777;
    if (fchmod(fd, mode) != 0) { /* not fatal: the file stays 0600 */ }
    o->f = fdopen(fd, "w");
    if (!o->f) {
        const int e = errno;
        close(fd);
        unlink(o->tmp);
        errno = e;
        goto fail;
    }
    tmp_open(o->tmp);
    return CLI_OK;
fail:;
    const int e = errno;
    prefix(cmd);
    fprintf(stderr, "cannot open %s '%s': %s\n", what, path, strerror(e));
    free(o->tmp);
    o->tmp = NULL;
    o->f = NULL;
    return CLI_OUTPUT;
}

int cli_out_commit(cli_out *o, const char *cmd)
{
    if (!o->f) return CLI_OK;
    int bad = ferror(o->f) != 0, e = 0;
    if (fflush(o->f) != 0) bad = 1;
    if (bad) e = errno;
    if (o->f == stdout) {
        o->f = NULL;
        return bad ? cli_write_error(cmd, o->what, "-", e) : CLI_OK;
    }
    if (fclose(o->f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->f = NULL;
    if (!bad && o->tmp && rename(o->tmp, o->path) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad && o->tmp) unlink(o->tmp);
    tmp_closed(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
    return bad ? cli_write_error(cmd, o->what, o->path, e) : CLI_OK;
}

void cli_out_abort(cli_out *o)
{
    if (o->f && o->f != stdout) fclose(o->f);
    else if (o->f) fflush(o->f);
    o->f = NULL;
    if (o->tmp) unlink(o->tmp);
    tmp_closed(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
}

/* ---- the growable buffer ------------------------------------------------------ */

int cli_buf_reserve(cli_buf *b, size_t extra)
{
    if (b->oom) return -1;
    if (extra > (size_t)-1 - 1 - b->n) {
        b->oom = 1;
        return -1;
    }
    const size_t need = b->n + extra + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < need) cap = cap > (size_t)-1 / 2 ? need : cap * 2;
    char *q = realloc(b->p, cap);
    if (!q) {
        b->oom = 1;
        return -1;
    }
    b->p = q;
    b->cap = cap;
    return 0;
}

int cli_buf_put(cli_buf *b, const void *s, size_t n)
{
    if (cli_buf_reserve(b, n)) return -1;
    if (n) memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

int cli_buf_puts(cli_buf *b, const char *s)
{
    return cli_buf_put(b, s, strlen(s));
}

int cli_buf_vprintf(cli_buf *b, const char *fmt, va_list ap)
{
    char tmp[512];
    va_list again;
    va_copy(again, ap);
    const int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    int rc;
    if (k < 0) {
        b->oom = 1;
        rc = -1;
    } else if ((size_t)k < sizeof tmp) {
        rc = cli_buf_put(b, tmp, (size_t)k);
    } else if (cli_buf_reserve(b, (size_t)k)) {
        rc = -1;
    } else {
        vsnprintf(b->p + b->n, (size_t)k + 1, fmt, again);
        b->n += (size_t)k;
        rc = 0;
    }
    va_end(again);
    return rc;
}

int cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const int rc = cli_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

int cli_buf_json(cli_buf *b, const char *s, size_t n)
{
    if (cli_buf_reserve(b, NAZIF_JSON_STRING_BOUND(n))) return -1;
    b->n += nazif_json_string(s, n, b->p + b->n);
    b->p[b->n] = '\0';
    return 0;
}

void cli_buf_free(cli_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
    b->oom = 0;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *cli_opt_value(const char *name, int argc, char **argv, int *i)
{
    const size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] == '\0' && *i + 1 < argc) return argv[++*i];
    return NULL;
}

const char *cli_change_kind(int kind)
{
    switch (kind) {
    case NAZIF_CHANGE_EDIT: return "edit";
    case NAZIF_CHANGE_SUSPECT: return "suspect";
    case NAZIF_CHANGE_DROP: return "drop";
    default: return "other";
    }
}
