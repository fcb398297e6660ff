/* test_extlook.c -- the 32-byte block test of nazif__maybe_extlook()
 * (src/restore_lang.c) against its byte-by-byte loop: every byte pair at
 * every place of a block, the third byte of E2 B5 8F, and random lines. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "restore_int.h"

int main(void)
{
    /* filler that never matches: Arabic letters ب (D8 A8) and spaces */
    uint8_t buf[80];
    size_t bad = 0, hits = 0, tried = 0;
    for (unsigned b = 0; b < 256; b++) {
        for (unsigned c = 0; c < 256; c++) {
            /* the pair at every place of the first block, at its end
               (the pair across two blocks) and in the tail */
            static const size_t at[] = {0, 1, 7, 15, 16, 30, 31, 32, 33, 40, 62, 63, 70, 78};
            for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
                for (size_t i = 0; i < sizeof buf; i += 2) {
                    buf[i] = 0xD8;
                    buf[i + 1] = 0xA8;
                }
                buf[at[k]] = (uint8_t)b;
                buf[at[k] + 1] = (uint8_t)c;
                const int want = nazif__maybe_extlook_scalar(buf, sizeof buf);
                const int got = nazif__maybe_extlook(buf, sizeof buf);
                bad += want != got;
                hits += want;
                tried++;
            }
        }
    }
    CHECK_MSG(bad == 0, "%zu of %zu byte pairs differ", bad, tried);
    CHECK(hits > 1000); /* the scalar loop does find the pairs */
    /* E2 B5 8F (U+2D4F), and E2 B5 without 8F */
    const uint8_t tifi[] = "\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8"
                           "\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xd8\xa8\xe2\xb5\x8f"
                           "\xd8\xa8\xd8\xa8";
    CHECK(nazif__maybe_extlook(tifi, sizeof tifi - 1) == 1);
    uint8_t no[sizeof tifi];
    memcpy(no, tifi, sizeof tifi);
    no[32] = 0x8E;
    CHECK(nazif__maybe_extlook(no, sizeof no - 1) == 0);
    /* random lines from the bytes of the tests and their neighbours */
    static const uint8_t alpha[] = {0xD8, 0xD9, 0xDA, 0xDB, 0xDD, 0xEF, 0xD7, 0xC7, 0xE2, 0xE0,
                                    0xB5, 0x8F, 0x80, 0x95, 0x9F, 0xA1, 0xA3, 0xB1, 0xBF, 0xA8,
                                    '|', '!', ' ', 'a', 0xC2, 0xDC, 0xDE, 0x7B, 0x22};
    srand(17);
    size_t rbad = 0;
    uint8_t line[300];
    for (int r = 0; r < 200000; r++) {
        const size_t n = (size_t)(rand() % 300);
        for (size_t i = 0; i < n; i++)
            line[i] = rand() % 8 ? (i & 1 ? 0xA8 : 0xD8) : alpha[rand() % (int)sizeof alpha];
        rbad += nazif__maybe_extlook(line, n) != nazif__maybe_extlook_scalar(line, n);
    }
    CHECK_MSG(rbad == 0, "%zu random lines differ", rbad);
    return DONE("extlook");
}
