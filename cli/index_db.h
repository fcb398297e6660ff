/*
 * index_db.h -- what nazif index (cmd_index.c) and nazif search
 * (cmd_search.c) share: their exit codes, "--name value" arguments, and
 * the database, opened with the nazif tokenizer registered (index_db.c).
 *
 * The database (docs/search.md):
 *   docs        FTS5 table (title, body), tokenize='nazif' by default
 *   doc_ids     rowid -> document id (unique) and the input it came from
 *   nazif_jobs  per input file: size, mtime, how far it is indexed (bytes
 *               of the uncompressed stream, lines, documents), done
 *   nazif_meta  format version and the tokenizer
 */
#ifndef NAZIF_CLI_INDEX_DB_H
#define NAZIF_CLI_INDEX_DB_H

#include <sqlite3.h>

#include "common.h"

enum { NX_OK = CLI_OK, NX_USAGE = CLI_USAGE, NX_INPUT = CLI_INPUT, NX_INTERNAL = CLI_INTERNAL,
       NX_OUTPUT = CLI_OUTPUT, NX_DB = CLI_DB };

/* The format version in nazif_meta. */
#define FORMAT_TAG "nazif-index 1"


/* s as a number in [lo, hi]: 0, or -1. */
int parse_count(const char *s, long lo, long hi, long *out);

/* Opens path (read-only, or read-write and created) with the nazif
   tokenizer registered; NX_OK, or an exit code after a message naming
   cmd. */
int db_open(const char *cmd, const char *path, int readonly, sqlite3 **out);

/* Runs sql; NX_OK, or NX_DB after a message. */
int db_exec(sqlite3 *db, const char *cmd, const char *sql);

/* The value of key in nazif_meta (malloc()ed) or NULL; *missing is set when
 * the database has no nazif_meta table. */
char *meta_get(sqlite3 *db, const char *key, int *missing);

#endif
