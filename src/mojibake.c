/*
 * mojibake.c -- Arabic UTF-8 that was decoded with the wrong charset and
 * encoded again: "Ø§Ù„" (windows-1252 or Latin-1), "ุงู„" (windows-874,
 * common in crawls), and the same done twice ("Ã˜Â§").  Found per word and
 * repaired before anything else (restore.c composes the repair with the
 * restoration of the repaired text).
 *
 * A word is repaired when every character of it maps back to one byte of
 * those charsets, the bytes are valid UTF-8, and the text they spell is
 * Arabic: at least one Arabic letter and at least 2/3 of its non-ASCII
 * characters from the Arabic block.  A line is repaired only when its
 * repaired words hold 3 Arabic letters or more.  Real text in those
 * charsets almost never passes: French "été" maps back to E9 74 E9, not
 * UTF-8; Danish "Øre" to D8 72 65, a lead byte without its continuation;
 * Thai maps back to bytes A1..FB in orders UTF-8 does not allow.
 *
 * Windows-1252 has no character for 0x81 0x8D 0x8F 0x90 0x9D.  Decoders
 * give U+0081 etc. (Latin-1, WHATWG), which map back; some drop the byte.
 * In Arabic the lost byte after Ù (D9) is 0x81 nearly always: ف is D9 81
 * (the others, D9 8D/8F/90/9D, are harakat, rare in news).  So a D9 that
 * is not followed by a continuation byte gets 0x81 back, when the word is
 * otherwise valid: ÙÙŠ -> في.  ftfy leaves such words alone.
 */
#include <string.h>

#include "restore.h"

/* The byte a windows-1252 / Latin-1 / windows-874 decoder turned into cp,
   or -1.  Windows-1252's 0x80..0x9F (the WHATWG index), Latin-1 for the
   rest of 0x80..0xFF, TIS-620/windows-874's Thai block (U+0E01..U+0E5B ->
   0xA1..0xFB); windows-874's own 0x80..0x9F characters are a subset of
   windows-1252's at the same bytes. */
static int back_byte(uint32_t cp)
{
    if (cp < 0x100) return (int)cp;
    if (cp >= 0x0E01 && cp <= 0x0E5B) return (int)(cp - 0x0E00 + 0xA0);
    switch (cp) {
    case 0x20AC: return 0x80; case 0x201A: return 0x82; case 0x0192: return 0x83;
    case 0x201E: return 0x84; case 0x2026: return 0x85; case 0x2020: return 0x86;
    case 0x2021: return 0x87; case 0x02C6: return 0x88; case 0x2030: return 0x89;
    case 0x0160: return 0x8A; case 0x2039: return 0x8B; case 0x0152: return 0x8C;
    case 0x017D: return 0x8E; case 0x2018: return 0x91; case 0x2019: return 0x92;
    case 0x201C: return 0x93; case 0x201D: return 0x94; case 0x2022: return 0x95;
    case 0x2013: return 0x96; case 0x2014: return 0x97; case 0x02DC: return 0x98;
    case 0x2122: return 0x99; case 0x0161: return 0x9A; case 0x203A: return 0x9B;
    case 0x0153: return 0x9C; case 0x017E: return 0x9E; case 0x0178: return 0x9F;
    default: return -1;
    }
}

int nazif__mojibake_byte(uint32_t cp) { return back_byte(cp); }

#define MOJ_WORD 256 /* bytes of a word looked at (longer: left alone) */

/*
 * One level: the characters of w[0..n) (UTF-8) mapped back to bytes, into
 * out (at most n bytes).  Returns the length, or -1 when a character has no
 * byte.  *thai: a Thai character was seen; *lost: a 0x81 was put back.
 */
static long back_bytes(const uint8_t *w, size_t n, uint8_t *out, int *thai, int *lost)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = nazif__utf8_next(w + i, n - i, &len);
        if (cp == NAZIF__BAD) return -1;
        int b = back_byte(cp);
        if (b < 0) return -1;
        if (cp >= 0x0E01 && cp <= 0x0E5B) *thai = 1;
        /* D9 without its continuation byte: the 0x81 of ف was dropped */
        if (k > 0 && out[k - 1] == 0xD9 && (b & 0xC0) != 0x80) {
            if (k + 1 >= n) return -1;
            out[k++] = 0x81;
            *lost = 1;
        }
        if (k >= n) return -1;
        out[k++] = (uint8_t)b;
        i += len;
    }
    if (k > 0 && out[k - 1] == 0xD9) {
        if (k >= n) return -1;
        out[k++] = 0x81;
        *lost = 1;
    }
    return (long)k;
}

/* Is b[0..n) valid UTF-8 spelling Arabic?  *ar: its Arabic letters;
   *mojibake: it has characters that map back again (for a second level). */
static int arabic_utf8(const uint8_t *b, size_t n, int *ar)
{
    int arabic = 0, other = 0;
    *ar = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = nazif__utf8_next(b + i, n - i, &len);
        if (cp == NAZIF__BAD || cp == 0xFFFDu) return 0;
        if (cp >= 0x80) {
            if (cp >= 0x0600 && cp <= 0x06FF) {
                arabic++;
                if (nazif__uclass(cp) & NZ_LETTER) (*ar)++;
            } else {
                other++;
            }
        }
        i += len;
    }
    return *ar >= 1 && 3 * arabic >= 2 * (arabic + other);
}

/*
 * Repair one word w[0..n): up to three levels of mapping back.  On success
 * writes the repaired bytes to out (at most n bytes), sets *len, *level
 * (1 or 2 or 3), *thai, *ar (Arabic letters); returns 1.
 */
static int repair_word(const uint8_t *w, size_t n, uint8_t *out, size_t *len,
                       int *level, int *thai, int *ar)
{
    uint8_t a[MOJ_WORD], b[MOJ_WORD];
    const uint8_t *cur = w;
    size_t cn = n;
    *thai = 0;
    for (int lv = 1; lv <= 3; lv++) {
        uint8_t *dst = lv % 2 ? a : b;
        int lost = 0;
        long k = back_bytes(cur, cn, dst, thai, &lost);
        /* nothing left to map back, or the bytes did not change */
        if (k < 0 || ((size_t)k == cn && memcmp(dst, cur, cn) == 0)) return 0;
        if (arabic_utf8(dst, (size_t)k, ar)) {
            memcpy(out, dst, (size_t)k);
            *len = (size_t)k;
            *level = lv;
            return 1;
        }
        /* a second level only from valid UTF-8 (a lost byte is a guess
           that must be confirmed on this level) */
        if (lost || !nazif_utf8_valid((const char *)dst, (size_t)k)) return 0;
        cur = dst;
        cn = (size_t)k;
    }
    return 0;
}

/* Could s[0..n) hold mojibake?  Arabic lead bytes D8..DB read as
   windows-1252 are Ø Ù Ú Û (C3 98..9B), and as windows-874 ุ ู ฺ
   (E0 B8 B8..BA); a second level makes Ã (C3 83). */
int nazif__maybe_mojibake_874(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = s; (p = memchr(p, 0xE0, (size_t)(s + n - p))) != NULL; p++)
        if (p + 2 < s + n && p[1] == 0xB8 && p[2] >= 0xB8 && p[2] <= 0xBA) return 1;
    return 0;
}

int nazif__maybe_mojibake(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = s; (p = memchr(p, 0xC3, (size_t)(s + n - p))) != NULL; p++)
        if (p + 1 < s + n && ((p[1] >= 0x98 && p[1] <= 0x9B) || p[1] == 0x83)) return 1;
    return nazif__maybe_mojibake_874(s, n);
}

static const char *evidence(int level, int thai)
{
    if (level >= 2) return "UTF-8 decoded as windows-1252 twice (double encoding): "
                           "characters mapped back to their bytes";
    if (thai) return "UTF-8 decoded as windows-874: characters mapped back to their bytes";
    return "UTF-8 decoded as windows-1252/Latin-1: characters mapped back to their bytes";
}

static int is_space_byte(uint8_t c) { return c == ' ' || c == '\t'; }

/*
 * Append to ed one MOJIBAKE edit per run of repaired words of line
 * s[0..n) (words separated by ASCII spaces; what lies between repaired
 * words stays as it is and is part of the run).  Returns 0, or
 * NAZIF_ENOMEM.  Appends nothing unless the repaired words hold 3 Arabic
 * letters or more.
 */
int nazif__mojibake_find(const uint8_t *s, size_t n, nazif__edits *ed)
{
    if (!nazif__maybe_mojibake(s, n)) return 0;
    /* first pass: count; second pass: emit */
    int total = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1 && total < 3) return 0;
        size_t run_a = 0, run_b = 0; /* the run of repaired words so far */
        int run_level = 0, run_thai = 0, in_run = 0;
        uint8_t rep[4 * MOJ_WORD];
        size_t rep_n = 0;
        size_t i = 0;
        for (;;) {
            while (i < n && is_space_byte(s[i])) i++;
            size_t a = i;
            while (i < n && !is_space_byte(s[i])) i++;
            size_t b = i;
            uint8_t out[MOJ_WORD];
            size_t len = 0;
            int level = 0, thai = 0, ar = 0, ok = 0;
            if (b > a && b - a <= MOJ_WORD)
                ok = repair_word(s + a, b - a, out, &len, &level, &thai, &ar);
            if (pass == 0) {
                if (ok) total += ar;
                if (b >= n) break;
                continue;
            }
            /* the run ends before a word that is not repaired, or when the
               replacement would not fit */
            if (in_run && (!ok || rep_n + (a - run_b) + len > sizeof rep)) {
                if (nazif__edit_add(ed, run_a, run_b, rep, rep_n, NAZIF_CHANGE_EDIT, NZR_MOJIBAKE,
                                    evidence(run_level, run_thai)))
                    return NAZIF_ENOMEM;
                in_run = 0;
            }
            if (ok) {
                if (!in_run) {
                    in_run = 1;
                    run_a = a;
                    rep_n = 0;
                    run_level = level;
                    run_thai = thai;
                } else {
                    memcpy(rep + rep_n, s + run_b, a - run_b);
                    rep_n += a - run_b;
                    if (level > run_level) run_level = level;
                    run_thai |= thai;
                }
                memcpy(rep + rep_n, out, len);
                rep_n += len;
                run_b = b;
            }
            if (b >= n) break;
        }
        if (pass == 1 && in_run &&
            nazif__edit_add(ed, run_a, run_b, rep, rep_n, NAZIF_CHANGE_EDIT, NZR_MOJIBAKE,
                            evidence(run_level, run_thai)))
            return NAZIF_ENOMEM;
    }
    return 0;
}
