/*
 * snippet.h -- nazif_snippet(), the FTS5 auxiliary function of
 * `nazif search` (cli/snippet.c): a snippet whose cost grows with the
 * snippet and the document's hits, not with the square of them.
 */
#ifndef NAZIF_CLI_SNIPPET_H
#define NAZIF_CLI_SNIPPET_H

#include <sqlite3.h>

/* Registers nazif_snippet(table, column, words) on db; SQLITE_OK or an
   SQLite error code. */
int cli_snippet_register(sqlite3 *db);

#endif
