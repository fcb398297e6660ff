/*
 * maksura-lookup.c -- ask the built-in maksura table about words.
 *
 *   maksura-lookup < words      prints "0" (ي) or "1" (ى) per input line
 *
 * Used by `make maksura-verify`: tools/gen_maksura.py --verify runs it on
 * every decided key and its proclitic forms and compares with its own
 * lookup(), so that nazif__maksura_final() in src/lexicon.c and the
 * generator cannot drift apart.  Internal API (src/internal.h).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

int main(void)
{
    static char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
        if (printf("%d\n", nazif__maksura_final((const uint8_t *)line, n)) < 0) return 1;
    }
    return ferror(stdin) ? 1 : 0;
}
