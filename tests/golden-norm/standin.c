/*
 * standin.c -- a stand-in for the nazif binary with only the commands of
 * cli/cmd_text.c, for the golden tests while build/nazif does not dispatch
 * them yet (run.sh and snowball.sh build it as BUILD/tests/nazif-text).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "normalize") == 0) return nazif_cli_normalize(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "tokens") == 0) return nazif_cli_tokens(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "stem") == 0) return nazif_cli_stem(argc - 1, argv + 1);
    fprintf(stderr, "usage: nazif-text normalize|tokens|stem ...\n");
    return 1;
}
