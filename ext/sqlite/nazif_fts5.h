/*
 * nazif_fts5.h -- the nazif FTS5 tokenizer, linked statically (the nazif
 * command does so).  As a loadable extension (build/nazif_fts5.so) the
 * same code registers itself from its entry point sqlite3_naziffts_init().
 * See docs/search.md for the tokenizer options and the query syntax.
 */
#ifndef NAZIF_FTS5_H
#define NAZIF_FTS5_H

#include <sqlite3.h>

/*
 * Register, on connection db, the FTS5 tokenizer "nazif" and the SQL
 * function nazif_tokens(TEXT [, OPTIONS]).  Returns SQLITE_OK, or an
 * SQLite error code with *errmsg (sqlite3_malloc()ed; free it with
 * sqlite3_free()) set when errmsg is not NULL.
 */
int nazif_fts5_register(sqlite3 *db, char **errmsg);

#endif
