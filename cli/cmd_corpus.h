/*
 * cmd_corpus.h -- corpus mode of the nazif command (cli/corpus.c):
 * `nazif clean` over JSON Lines / WARC / WET / text with document filters,
 * threads, rejected documents and stats; `nazif dedup`.
 *
 * Both take argv[0] = the command name ("clean", "dedup") followed by all
 * of its arguments, and return the exit status (0 ok, 1 usage, 2 input,
 * 3 invalid UTF-8 or malformed JSON under --strict, 4 internal, 5 output).
 */
#ifndef NAZIF_CMD_CORPUS_H
#define NAZIF_CMD_CORPUS_H

/* `nazif clean` with corpus options (--format=jsonl|warc|text, -j,
   --rejected, --stats, --text-field, --filters, thresholds ...). */
int nazif_cli_clean_corpus(int argc, char **argv);

/* The options of `nazif clean` (plain and corpus mode) that take a value,
   NULL-terminated: "--report", "--format", ..., "--min-chars", ... */
const char *const *nazif_cli_clean_valued(void);

/* `nazif dedup`: exact and MinHash-LSH near-duplicates of JSON Lines. */
int nazif_cli_dedup(int argc, char **argv);

/* `nazif linefreq`: count per-site repeated lines into a table file. */
int nazif_cli_linefreq(int argc, char **argv);

#endif
