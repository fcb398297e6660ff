/* utf8.c -- UTF-8 decoding and encoding (RFC 3629, Unicode maximal subpart),
   and the byte-level Persian pre-filter. */
#include <string.h>

#include "internal.h"

uint32_t nazif__utf8_decode(const uint8_t *s, size_t n, size_t *len)
{
    uint8_t b0 = s[0];
    if (b0 < 0x80) {
        *len = 1;
        return b0;
    }
    if (b0 < 0xC2 || b0 > 0xF4) { /* continuation, overlong lead, > U+10FFFF */
        *len = 1;
        return NAZIF__BAD;
    }
    size_t need = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    /* the second byte's valid range depends on the lead (no overlongs,
       no surrogates, nothing above U+10FFFF) */
    uint8_t lo = 0x80, hi = 0xBF;
    if (b0 == 0xE0) lo = 0xA0;
    else if (b0 == 0xED) hi = 0x9F;
    else if (b0 == 0xF0) lo = 0x90;
    else if (b0 == 0xF4) hi = 0x8F;
    if (n < 2 || s[1] < lo || s[1] > hi) {
        *len = 1;
        return NAZIF__BAD;
    }
    uint32_t cp = b0 & (need == 2 ? 0x1Fu : need == 3 ? 0x0Fu : 0x07u);
    cp = (cp << 6) | (s[1] & 0x3Fu);
    for (size_t i = 2; i < need; i++) {
        if (i >= n || (s[i] & 0xC0) != 0x80) {
            *len = i;
            return NAZIF__BAD;
        }
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    *len = need;
    return cp;
}

int nazif__maybe_persian(const uint8_t *s, size_t n)
{
    /* three memchr passes (the C library's are vectorised, tails included)
       beat one hand-written pass on lines of a few hundred bytes */
    if (memchr(s, 0xDA, n) || memchr(s, 0xDB, n)) return 1;
    for (const uint8_t *p = s; (p = memchr(p, 0xE2, (size_t)(s + n - p))) != NULL; p++)
        if (p + 2 < s + n && p[1] == 0x80 && p[2] == 0x8C) return 1;
    return 0;
}

int nazif_utf8_valid(const char *str, size_t len)
{
    const uint8_t *s = (const uint8_t *)str;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp = nazif__utf8_decode(s + i, len - i, &n);
        /* U+FFFD itself (EF BF BD) is valid; any other FFFD is an error */
        if (cp == NAZIF__BAD && !(n == 3 && s[i] == 0xEF)) return 0;
        i += n;
    }
    return 1;
}

size_t nazif__utf8_encode(uint32_t cp, uint8_t *out)
{
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xC0 | (cp >> 6));
        out[1] = (uint8_t)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (cp >> 12));
        out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (cp >> 18));
    out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (cp & 0x3F));
    return 4;
}
