/*
 * p17-verify.c -- check that rule P17's window table (src/p17_table.h)
 * lets through every split P17 could close.
 *
 *   p17-verify < words
 *
 * Reads one word a line (tools/gen_p17.py --verify writes the ANT keys and
 * their clitic forms).  For each word the built-in lexicon gives a class of
 * 1 or more (P17 makes no other word), every split after a letter that does
 * not join the next one (ء ؤ ا أ إ آ د ذ ر ز و), with three letters or more
 * before it and one or more after it, is written as "head tail" and given
 * to the test P17 makes before any look-up (nazif__p17_window()); a split
 * it refuses is printed, and the exit status is 1.  Internal API
 * (src/restore.h).
 */
#include <stdio.h>
#include <string.h>

#include "restore.h"

/* Is s[0..2) a letter after which a space changes nothing a reader sees? */
static int non_joining(const uint8_t *s)
{
    if (s[0] == 0xD8) return (s[1] >= 0xA1 && s[1] <= 0xA5) || s[1] == 0xA7 || (s[1] >= 0xAF && s[1] <= 0xB2);
    return s[0] == 0xD9 && s[1] == 0x88;
}

int main(void)
{
    static char line[4096];
    static uint8_t buf[4096 + 1];
    unsigned long words = 0, joinable = 0, splits = 0, refused = 0;
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
        words++;
        int cls = 0;
        if (nazif_lexicon_lookup(NULL, line, n, &cls) == NAZIF_LEX_UNKNOWN || cls < 1) continue;
        joinable++;
        const uint8_t *w = (const uint8_t *)line;
        /* keys are two-byte letters only */
        for (size_t i = 0; i < n; i += 2)
            if ((w[i] != 0xD8 && w[i] != 0xD9) || i + 1 >= n) goto next;
        for (size_t sp = 6; sp + 2 <= n; sp += 2) {
            if (!non_joining(w + sp - 2)) continue;
            memcpy(buf, w, sp);
            buf[sp] = ' ';
            memcpy(buf + sp + 1, w + sp, n - sp);
            splits++;
            if (!nazif__p17_window(buf, n + 1, sp)) {
                refused++;
                if (refused <= 20) printf("refused: %.*s\n", (int)(n + 1), (const char *)buf);
            }
        }
    next:;
    }
    printf("p17-verify: %lu words, %lu of class >= 1, %lu splits, %lu refused\n", words, joinable,
           splits, refused);
    return refused || ferror(stdin) ? 1 : 0;
}
