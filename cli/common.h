/*
 * common.h -- the shared core of the nazif command (cli/common.c): the one
 * exit-code table, the command line (--opt=value and --opt value, "bad
 * value" against "unknown option"), and outputs that never destroy an
 * input and never leave half a file under their final name.
 */
#ifndef NAZIF_CLI_COMMON_H
#define NAZIF_CLI_COMMON_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Exit codes of every command (printed by cli_exit_help(), README.md). */
enum {
    CLI_OK = 0,
    CLI_USAGE = 1,    /* unknown option, bad value, an output that is an input */
    CLI_INPUT = 2,    /* an input cannot be opened or read, truncated gzip/WARC */
    CLI_DATA = 3,     /* --strict: invalid UTF-8, malformed JSON line */
    CLI_INTERNAL = 4, /* out of memory */
    CLI_OUTPUT = 5,   /* an output cannot be written (full disk ...) */
    CLI_DB = 6        /* index, search: database error */
};

/* The exit-code table as every --help shows it. */
void cli_exit_help(FILE *f);

/* ---- the command line ---------------------------------------------------- */

/*
 * Rewrites argv in place so that "--name value" becomes "--name=value" for
 * every NAME in valued[] (a NULL-terminated list of "--name" strings), as
 * getopt_long reads an option with a required argument; arguments after
 * "--" are left alone.  "--name" as the last argument stays as it is (the
 * command then says that it needs a value).  Returns the new argc, or -1
 * when out of memory.  The joined strings live until the process ends.
 */
int cli_join_values(int argc, char **argv, const char *const *valued);

/* 1 if "--name=..." or "--name" names an option of valued[]. */
int cli_is_valued(const char *arg, const char *const *valued);

/*
 * The message for an argument the command did not take: "bad value" when
 * the name is one of valued[] (with the accepted values, if expect is not
 * NULL), else "unknown option".  Returns CLI_USAGE.
 */
int cli_bad_option(const char *cmd, const char *arg, const char *const *valued, const char *expect);

/* 1 if argv (up to "--") asks for --version; prints it. */
int cli_version_asked(int argc, char **argv);

/* "--name=value" or "--name value" at argv[*i]: the value (*i moved past
   it), or NULL. */
const char *cli_opt_value(const char *name, int argc, char **argv, int *i);

/* The name of a NAZIF_CHANGE_* kind ("edit", "suspect", "drop"), as
   --explain, --report and serve's JSON print it. */
const char *cli_change_kind(int kind);

/* ---- outputs --------------------------------------------------------------- */

/*
 * Refuses outputs that are inputs: outputs[i] (NULL entries skipped; "-"
 * is standard output) against inputs[k] ("-" is standard input), compared by
 * device and inode, so hard links and other spellings of a path count too;
 * standard output is compared when it is a regular file.  Nothing is opened
 * for writing.  Returns CLI_OK, or CLI_USAGE after a message naming both.
 */
int cli_check_outputs(const char *cmd, char *const *inputs, int ninputs, const char *const *outputs,
                      const char *const *what, int noutputs);

/*
 * An output file written under a temporary name in the same directory and
 * renamed into place by cli_out_commit(), so a failed or interrupted run
 * never leaves half a file under the final name (an existing file stays as
 * it was).  A path that is not a regular file (/dev/null, a pipe) is
 * written directly; "-" is standard output.
 */
typedef struct cli_out {
    FILE *f;
    const char *path; /* the final name */
    char *tmp;        /* the temporary name, or NULL */
    const char *what; /* "output", "report", ... for messages */
} cli_out;

/* Opens o; returns CLI_OK or CLI_OUTPUT after a message. */
int cli_out_open(cli_out *o, const char *cmd, const char *path, const char *what);

/* Flushes, closes and renames into place; returns CLI_OK or CLI_OUTPUT
   after a message (the temporary file is removed then). */
int cli_out_commit(cli_out *o, const char *cmd);

/* Closes and removes the temporary file; the final name is not touched. */
void cli_out_abort(cli_out *o);

/*
 * An input file that is mapped (gzip input, cli/corpus_read.c) and cut
 * short by another program while it is read raises SIGBUS.  After
 * cli_catch_bus_error() the command then says so on standard error,
 * removes the temporary files of the outputs cli_out_open() has open
 * (their final names keep what they had) and exits with CLI_INPUT instead
 * of dying.  main() calls it once.
 */
void cli_catch_bus_error(void);

/* Message for a failed write to an output ("-": standard output): names it
   and errno's reason.  Returns CLI_OUTPUT. */
int cli_write_error(const char *cmd, const char *what, const char *path, int err);

/* ---- time -------------------------------------------------------------------- */

/* Seconds on a monotonic clock, for rates and durations. */
double cli_now(void);

/* ---- a growable byte buffer ------------------------------------------------ */

/*
 * The one buffer of the commands.  Start it zeroed ({0}).  p[0..n) is the
 * content, always followed by a NUL once anything was reserved.  Running
 * out of memory is sticky: oom is set, that call and every later one
 * return -1 and add nothing, so a caller may check once at the end (serve)
 * or after each call (search), or exit at once (corpus mode's sb_*).
 */
typedef struct cli_buf {
    char *p;
    size_t n, cap;
    int oom;
} cli_buf;

/* Room for extra more bytes and the NUL after them (p + n is where they
   go; n is not moved).  Returns 0, or -1 when out of memory. */
int cli_buf_reserve(cli_buf *b, size_t extra);

/* Append n bytes / a C string / printf output (any length) / s[0..n) as a
   JSON string with its quotes (invalid UTF-8 becomes U+FFFD).  Return 0,
   or -1 when out of memory. */
int cli_buf_put(cli_buf *b, const void *s, size_t n);
int cli_buf_puts(cli_buf *b, const char *s);
int cli_buf_printf(cli_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int cli_buf_vprintf(cli_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
int cli_buf_json(cli_buf *b, const char *s, size_t n);

/* Frees the memory; b is zeroed (empty, usable again). */
void cli_buf_free(cli_buf *b);

#endif
