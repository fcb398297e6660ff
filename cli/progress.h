/*
 * progress.h -- the one progress line of the nazif command (cli/progress.c),
 * drawn on standard error by the long-running commands: clean in corpus
 * mode, dedup, linefreq and index.
 *
 *   nazif: 12345 docs  812 docs/s  3.1 MB/s   42.0%  01:23 left
 *
 * (the share done and the time left when the size of the inputs is known,
 * the time elapsed otherwise).  It is redrawn in place at most four times
 * a second (NAZIF_PROGRESS_INTERVAL in the environment sets another
 * interval in seconds; 0 redraws at every update); the final drawing ends
 * the line.
 */
#ifndef NAZIF_CLI_PROGRESS_H
#define NAZIF_CLI_PROGRESS_H

#include <stdint.h>

#include "common.h"

typedef struct cli_progress {
    int on;           /* drawing at all */
    const char *name; /* the line's prefix ("nazif", "nazif index") */
    double t0, last;  /* the start, the last drawing (cli_now()) */
    double every;     /* seconds between drawings */
    uint64_t base;    /* input position when this run started (a resumed
                         index): the time left counts from there */
    int shown;        /* a drawing is on the screen */
} cli_progress;

/* Starts pg: mode 1 always draws, 0 never, -1 when standard error is a
   terminal. */
void cli_progress_start(cli_progress *pg, int mode, const char *name);

/*
 * Draws docs documents and bytes of input processed so far (for the
 * rates), at position pos of total bytes of input (total 0: unknown).  Not
 * again within pg->every seconds of the last drawing unless final; final draws the
 * last state and ends the line.
 */
void cli_progress_draw(cli_progress *pg, uint64_t docs, uint64_t bytes, uint64_t pos, uint64_t total,
                       int final);

/* Erases the line, if one is shown (before a message). */
void cli_progress_clear(cli_progress *pg);

#endif
