/*
 * cmd_corpus.h -- corpus mode of the nazif command (cli/corpus.c and the
 * files it lists): `nazif clean` over JSON Lines / WARC / WET / text with
 * document filters, threads, rejected documents and stats; `nazif dedup`
 * (cmd_dedup.c); `nazif linefreq` (cmd_linefreq.c).
 *
 * Both take argv[0] = the command name ("clean", "dedup") followed by all
 * of its arguments, and return the exit status (0 ok, 1 usage, 2 input,
 * 3 invalid UTF-8 or malformed JSON under --strict, 4 internal, 5 output).
 */
#ifndef NAZIF_CMD_CORPUS_H
#define NAZIF_CMD_CORPUS_H

#include <stddef.h>
#include <stdint.h>

/* `nazif clean` with corpus options (--format=jsonl|warc|text, -j,
   --rejected, --stats, --text-field, --filters, thresholds ...). */
int nazif_cli_clean_corpus(int argc, char **argv);

/* The options of `nazif clean` (plain and corpus mode) that take a value,
   NULL-terminated: "--report", "--format", ..., "--min-chars", ... */
const char *const *nazif_cli_clean_valued(void);

/*
 * The options `nazif clean` reads the same way in plain and corpus mode:
 * --boilerplate=drop|keep, --suspects, --no-restore (bits of *flags, the
 * NAZIF_* clean flags), --explain (*explain = 1) and --report=FILE
 * (*report).  Returns 1 when a is one of them, 0 otherwise.
 */
int cli_clean_opt(const char *a, unsigned *flags, const char **report, int *explain);

/* `nazif dedup`: exact and MinHash-LSH near-duplicates of JSON Lines. */
int nazif_cli_dedup(int argc, char **argv);

/* `nazif linefreq`: count per-site repeated lines into a table file. */
int nazif_cli_linefreq(int argc, char **argv);

/* ---- one input, document by document, read as `clean` reads it --------- */

/* The format of an input (cli_docs_open()'s format, cli_doc.fmt). */
enum { CLI_FMT_AUTO, CLI_FMT_JSONL, CLI_FMT_WARC, CLI_FMT_TEXT, CLI_FMT_HTML };

/* One document.  Pointers are valid until the next cli_docs_next(). */
typedef struct cli_doc {
    int fmt;                 /* CLI_FMT_*: JSONL, WARC, TEXT or HTML */
    const char *data;        /* JSONL: the line; else the document's text
                                (WARC: codings undone, HTML's text) */
    size_t len;
    const char *id, *url;    /* WARC: WARC-Record-ID, -Target-URI; text and
                                HTML files: the file name; JSONL: NULL */
    size_t id_len, url_len;
    uint64_t where;          /* JSONL: line number; WARC: the record's offset
                                in the uncompressed stream; else 1 */
    uint64_t too_large;      /* > max_doc: its size (a text file: the bytes
                                read); data is NULL, nothing was held */
} cli_doc;

typedef struct cli_docreader cli_docreader;

/*
 * Opens file ("-": standard input), plain or gzip (multi-member too), in
 * format (CLI_FMT_AUTO: by its first bytes, as `clean` does: WARC/, {,
 * <!doctype html / <html, else text).  Documents longer than max_doc bytes
 * (0: no limit) are read past, never held.  Returns CLI_OK, or an exit
 * code after a message.
 */
int cli_docs_open(cli_docreader **out, const char *file, int format, uint64_t max_doc);

/*
 * The next document: 1 (d filled), 0 at the end, -1 after an input error
 * (message printed: truncated gzip or WARC record, read error; the
 * documents before it were returned; cli_docs_status() has the exit code).
 * A broken WARC header is skipped to the next record with a message and
 * counted (cli_docs_broken()).
 */
int cli_docs_next(cli_docreader *r, cli_doc *d);
int cli_docs_status(const cli_docreader *r);
uint64_t cli_docs_broken(const cli_docreader *r);
/* Compressed bytes read so far (progress). */
uint64_t cli_docs_pos(const cli_docreader *r);
void cli_docs_close(cli_docreader *r);

#endif
