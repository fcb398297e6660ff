/*
 * html_refs.c -- tests/html/refs.py's driver: each line of standard input
 * is one HTML text (UTF-8, no '<'), converted by nazif_html_to_text() and
 * written as one line to standard output.
 */
#include <stdio.h>
#include <string.h>

#include "nazif.h"

int main(void)
{
    static char line[1 << 16], out[3 << 16];
    nazif_html_options o;
    nazif_html_options_init(&o);
    o.content_type = "utf-8";
    o.content_type_len = 5;
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line), on = 0;
        if (n && line[n - 1] == '\n') line[--n] = 0;
        if (nazif_html_to_text(line, n, &o, out, sizeof out, &on, NULL) != NAZIF_OK) return 1;
        fwrite(out, 1, on, stdout);
        putchar('\n');
    }
    return 0;
}
