/*
 * shim.c -- "nazif index" and "nazif search" as a program of their own, for
 * the tests while cli/nazif.c does not dispatch them yet (tests/sqlite/run.sh
 * uses build/nazif when it knows the commands).
 */
#include <stdio.h>
#include <string.h>

#include "cmd_search.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "index") == 0) return nazif_cli_index(argc - 1, argv + 1);
    if (argc > 1 && strcmp(argv[1], "search") == 0) return nazif_cli_search(argc - 1, argv + 1);
    fprintf(stderr, "usage: %s index|search ...\n", argv[0]);
    return 1;
}
