/*
 * stem-compare.c -- the table-driven light stemmer against the step-by-step
 * reference (nazif__stem_light_ref, the implementation before the tables)
 * on a word list, one word a line: nazif__stem_light (unpadded) and
 * nazif__stem_light_padded (16 bytes of garbage after the word) must give
 * the reference's [a, b).  Prints "N words, M differ"; exit 1 on a
 * difference.
 *
 *   cc -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -std=c11 -O2 \
 *      -o build/stem-compare tools/stem-compare.c build/libnazif.a
 *   build/stem-compare < words.txt
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif.h"
#include "textnorm.h"

int main(void)
{
    size_t cap = 1 << 16, words = 0, bad = 0;
    uint8_t *line = malloc(cap + 16), *pad = malloc(cap + 16);
    if (!line || !pad) return 2;
    unsigned long long r = 88172645463325252ull;
    for (;;) {
        size_t n = 0;
        int ch;
        while ((ch = getchar()) != EOF && ch != '\n') {
            if (n == cap) break; /* longer lines are cut */
            line[n++] = (uint8_t)ch;
        }
        if (ch == EOF && n == 0) break;
        size_t a, b, pa, pb, ra, rb;
        nazif__stem_light(line, n, &a, &b);
        nazif__stem_light_ref(line, n, &ra, &rb);
        memcpy(pad, line, n);
        for (size_t i = 0; i < 16; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            pad[n + i] = (uint8_t)r;
        }
        nazif__stem_light_padded(pad, n, &pa, &pb);
        words++;
        if (a != ra || b != rb || pa != ra || pb != rb) {
            if (bad++ < 10)
                fprintf(stderr, "[%.*s]: ref %zu..%zu, fast %zu..%zu, padded %zu..%zu\n",
                        (int)n, (const char *)line, ra, rb, a, b, pa, pb);
        }
        if (ch == EOF) break;
    }
    printf("%zu words, %zu differ\n", words, bad);
    free(line);
    free(pad);
    return bad != 0;
}
