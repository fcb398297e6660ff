/*
 * cmd_search.h -- nazif index (cmd_index.c) and nazif search
 * (cmd_search.c): full-text search over SQLite FTS5 with the nazif
 * tokenizer (ext/sqlite/).  Each
 * takes the arguments after the command name (argv[0] is the command name)
 * and returns an exit status: 0 ok, 1 usage, 2 input (a file cannot be
 * read, lines that are not JSON), 4 internal, 5 output, 6 database error
 * (cannot be opened or written, not a nazif index, corrupt).
 * docs/search.md documents both commands.
 */
#ifndef NAZIF_CLI_CMD_SEARCH_H
#define NAZIF_CLI_CMD_SEARCH_H

/* nazif index DB FILE...: add documents (text files, JSON Lines) to DB. */
int nazif_cli_index(int argc, char **argv);

/* nazif search DB QUERY: ranked documents with highlighted snippets. */
int nazif_cli_search(int argc, char **argv);

#endif
