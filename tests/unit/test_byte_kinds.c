/* test_byte_kinds.c -- nazif__byte_kinds() (src/restore_scan.c), the one
 * pass that tells the per-line tests which of the bytes 00 _ A2 C2 C3 DA
 * DB E0 E2 a line holds, against the byte-by-byte table: each of those
 * bytes and its neighbours at every place of lines of 1 to 99 bytes (the
 * last, overlapping block included), and random lines of every length up
 * to 300.  Where the CPU has no AVX2 it must say NAZIF__BK_ALL for lines of
 * 32 bytes or more (every test then runs). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "internal.h"
#include "restore.h"

static long differ;

static void one(const uint8_t *s, size_t n)
{
    const unsigned got = nazif__byte_kinds(s, n), want = nazif__byte_kinds_scalar(s, n);
    if (got != want && got != NAZIF__BK_ALL) {
        if (differ < 10) fprintf(stderr, "byte_kinds of %zu bytes: %02x, the table %02x\n", n, got, want);
        differ++;
    }
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2") && got != want) differ++;
#endif
}

int main(void)
{
    static const uint8_t kinds[] = {0x00, '_', 0xA2, 0xC2, 0xC3, 0xDA, 0xDB, 0xE0, 0xE2};
    /* bytes next to them in the nibble tables: none is a kind */
    static const uint8_t near[] = {0x01, 0x10, 0x5E, 0x4F, 0xA3, 0xB2, 0xC1, 0xC4, 0xD2, 0xD9,
                                   0xD8, 0xDC, 0xCA, 0xE1, 0xF0, 0xE3, 0x20, 0x80, 0xBF, 0xFF};
    uint8_t buf[320];
    for (size_t n = 1; n < 100; n++)
        for (size_t at = 0; at < n; at++) {
            for (size_t k = 0; k < sizeof kinds; k++) {
                memset(buf, 'a', n);
                buf[at] = kinds[k];
                one(buf, n);
                CHECK_MSG(nazif__byte_kinds_scalar(buf, n) != 0, "kind %02x", kinds[k]);
            }
            for (size_t k = 0; k < sizeof near; k++) {
                memset(buf, 0xD8, n);
                buf[at] = near[k];
                one(buf, n);
            }
        }
    srand(17);
    for (int r = 0; r < 20000; r++) {
        const size_t n = (size_t)rand() % 300;
        for (size_t i = 0; i < n; i++) {
            const int x = rand() % 100;
            buf[i] = x < 3 ? kinds[rand() % (int)sizeof kinds] : x < 50 ? (uint8_t)(0xD8 + rand() % 2)
                                                                        : (uint8_t)(rand() % 256);
        }
        one(buf, n);
    }
    CHECK_MSG(differ == 0, "%ld lines differ", differ);
    return DONE("byte_kinds");
}
