/*
 * nazif_fts5.h -- the nazif FTS5 tokenizer (ext/sqlite/nazif_fts5.c),
 * linked statically into a program built with it (the nazif command does
 * so: nazif index, search, serve).  Not installed: libnazif does not hold
 * it.  Elsewhere load the extension (PREFIX/lib/nazif/nazif_fts5.so),
 * whose entry point sqlite3_naziffts_init() runs the same registration.
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
