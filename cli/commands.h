/*
 * commands.h -- the nazif subcommands implemented outside nazif.c.  Each
 * takes the arguments after the command name (argv[0] is the command name)
 * and returns an exit status (0 ok, 1 usage, 2 input, 3 invalid UTF-8 under
 * --strict, 4 internal, 5 output).
 */
#ifndef NAZIF_CLI_COMMANDS_H
#define NAZIF_CLI_COMMANDS_H

/* nazif normalize: text in, normalized text out (cmd_text.c). */
int nazif_cli_normalize(int argc, char **argv);

/* nazif tokens: one token a line with byte offsets into the input (cmd_text.c). */
int nazif_cli_tokens(int argc, char **argv);

/* nazif stem: each line's tokens, stemmed, separated by spaces (cmd_text.c). */
int nazif_cli_stem(int argc, char **argv);

#endif
