/*
 * cmd_serve.h -- nazif serve (cmd_serve.c): a local web page and JSON API
 * over an index made by nazif index (docs/serve.md).  Takes the arguments
 * after the command name (argv[0] is the command name); returns 0 when
 * stopped by SIGINT/SIGTERM, 1 usage, 2 the database cannot be opened,
 * 4 the server cannot start, 6 not a nazif index.
 */
#ifndef NAZIF_CLI_CMD_SERVE_H
#define NAZIF_CLI_CMD_SERVE_H

int nazif_cli_serve(int argc, char **argv);

#endif
