/*
 * progress.c -- the progress line of the nazif command (progress.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "progress.h"

void cli_progress_start(cli_progress *pg, int mode, const char *name)
{
    pg->on = mode == 1 || (mode < 0 && isatty(2));
    pg->name = name;
    pg->t0 = pg->last = cli_now();
    pg->base = 0;
    pg->shown = 0;
    pg->every = 0.25;
    const char *e = getenv("NAZIF_PROGRESS_INTERVAL");
    if (e && *e) {
        char *end;
        const double v = strtod(e, &end);
        if (*end == '\0' && v >= 0 && v <= 3600) pg->every = v;
    }
}

/* s seconds as MM:SS or H:MM:SS; "--:--" out of range */
static void fmt_time(char *buf, size_t n, double s)
{
    if (s < 0 || s > 359999) {
        snprintf(buf, n, "--:--");
        return;
    }
    const long t = (long)(s + 0.5);
    if (t >= 3600) snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    else snprintf(buf, n, "%02ld:%02ld", t / 60, t % 60);
}

void cli_progress_draw(cli_progress *pg, uint64_t docs, uint64_t bytes, uint64_t pos, uint64_t total,
                       int final)
{
    if (!pg->on) return;
    const double t = cli_now();
    if (!final && t - pg->last < pg->every) return;
    pg->last = t;
    const double el = t - pg->t0 > 1e-6 ? t - pg->t0 : 1e-6;
    fprintf(stderr, "\r%s: %llu docs  %.0f docs/s  %.1f MB/s  ", pg->name, (unsigned long long)docs,
            (double)docs / el, (double)bytes / el / 1e6);
    char when[32];
    if (total > 0) {
        if (pos > total) pos = total;
        if (final || pos == total) fmt_time(when, sizeof when, 0);
        else if (pos > pg->base)
            fmt_time(when, sizeof when, el * (double)(total - pos) / (double)(pos - pg->base));
        else fmt_time(when, sizeof when, -1);
        fprintf(stderr, "%5.1f%%  %s left  \033[K", 100.0 * (double)pos / (double)total, when);
    } else {
        fmt_time(when, sizeof when, el);
        fprintf(stderr, "%s  \033[K", when);
    }
    if (final) fputc('\n', stderr);
    fflush(stderr);
    pg->shown = !final;
}

void cli_progress_clear(cli_progress *pg)
{
    if (pg->on && pg->shown) fputs("\r\033[K", stderr);
    pg->shown = 0;
}
