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
 * otherwise valid: ÙÙŠ -> في.  Decoders that replace what they cannot
 * decode (Python's errors="replace") write U+FFFD for it: Ù\uFFFDÙŠ -> في,
 * also inside a second level.  ftfy leaves such words alone.  Not after
 * ู, windows-874's D9: that charset lacks most of 0x80..0x9F, so the lost
 * byte could be any of them (ل ق ك م ن ه و ي ...) and the word stays.
 */
#include <string.h>

#include "charset_tables.h"
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
 * byte.  *thai: a Thai character was seen; *lost: how many times a 0x81
 * was put back, at out[gpos[0..MOJ_GUESS)].
 */
#define MOJ_GUESS 3
static long back_bytes(const uint8_t *w, size_t n, uint8_t *out, int *thai, int *lost, size_t *gpos)
{
    size_t k = 0;
    int d9_thai = 0; /* the last byte came from ู (windows-874), not Ù */
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = nazif__utf8_next(w + i, n - i, &len);
        /* D9 then a real U+FFFD (EF BF BD, not an invalid sequence): a
           decoder with no character for 0x81 wrote the replacement
           character (Python's errors="replace") */
        if (cp == 0xFFFDu && len == 3 && w[i] == 0xEF && k > 0 && out[k - 1] == 0xD9 &&
            !d9_thai && k < n) {
            if (*lost < MOJ_GUESS) gpos[*lost] = k;
            (*lost)++;
            out[k++] = 0x81;
            i += len;
            continue;
        }
        if (cp == NAZIF__BAD) return -1;
        int b = back_byte(cp);
        if (b < 0) return -1;
        if (cp >= 0x0E01 && cp <= 0x0E5B) *thai = 1;
        /* D9 without its continuation byte: the 0x81 of ف was dropped */
        if (k > 0 && out[k - 1] == 0xD9 && (b & 0xC0) != 0x80) {
            if (k + 1 >= n || d9_thai) return -1;
            if (*lost < MOJ_GUESS) gpos[*lost] = k;
            (*lost)++;
            out[k++] = 0x81;
        }
        if (k >= n) return -1;
        out[k++] = (uint8_t)b;
        d9_thai = cp == 0x0E39;
        i += len;
    }
    if (k > 0 && out[k - 1] == 0xD9) {
        if (k >= n || d9_thai) return -1;
        if (*lost < MOJ_GUESS) gpos[*lost] = k;
        (*lost)++;
        out[k++] = 0x81;
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
    /* no letter: Arabic punctuation or digits alone ("ØŒ" is ،) */
    return arabic >= 1 && 3 * arabic >= 2 * (arabic + other) && (*ar >= 1 || other == 0);
}

/* The word out[*x, *y) without the ASCII, « » and ، ؛ ؟ at its ends. */
static void word_core(const uint8_t *out, size_t len, size_t *px, size_t *py)
{
    size_t x = 0, y = len;
    for (;;) {
        if (x < y && out[x] < 0x80) x++;
        else if (y - x >= 2 && out[x] == 0xC2) x += 2;
        else break;
    }
    for (;;) {
        if (y > x && out[y - 1] < 0x80) y--;
        else if (y - x >= 2 && (out[y - 2] == 0xC2 ||
                                (out[y - 2] == 0xD8 && (out[y - 1] == 0x8C || out[y - 1] == 0x9B ||
                                                        out[y - 1] == 0x9F))))
            y -= 2;
        else break;
    }
    *px = x;
    *py = y;
}

/*
 * The letters put back after D9 at d[gpos[0..lost)] (0x81: ف): each stays
 * ف, or, when windows-1252's missing byte there was a haraka (D9 8D 8F 90:
 * ٍ ُ ِ), is taken out with its D9.  The lexicon cannot tell harakat apart
 * (its keys drop them), so the reading without it is the honest one:
 * "Ø­Ù�Ø¸Ø±" is حظر (from حُظر), not حفظر.  ف is by far the more common
 * (harakat are rare in news), so ف everywhere stays when the lexicon knows
 * that reading or knows none (a name); otherwise, of the other readings,
 * the one it knows with the highest frequency class.  Returns the new
 * length.
 */
static size_t pick_lost(const nazif_lexicon *lex, uint8_t *d, size_t k, const size_t *gpos, int lost)
{
    if (!lex || lost > MOJ_GUESS) return k;
    size_t x, y;
    word_core(d, k, &x, &y);
    if (y <= x) return k;
    int best = -1, best_f = -1;
    for (int c = 0; c < (1 << lost); c++) {
        /* c's bit j: the j-th guess taken out */
        uint8_t t[MOJ_WORD];
        size_t tn = 0, at = x;
        for (int j = 0; j < lost; j++) {
            if (!(c >> j & 1)) continue;
            memcpy(t + tn, d + at, gpos[j] - 1 - at);
            tn += gpos[j] - 1 - at;
            at = gpos[j] + 1;
        }
        memcpy(t + tn, d + at, y - at);
        tn += y - at;
        int f = 0;
        if (tn > 0 && nazif_lexicon_lookup(lex, (const char *)t, tn, &f)) {
            if (c == 0) return k;
            if (f > best_f) {
                best = c;
                best_f = f;
            }
        }
    }
    if (best <= 0) return k;
    size_t w = gpos[0] - 1, at = gpos[0] - 1;
    for (int j = 0; j < lost; j++) {
        size_t g = gpos[j];
        memmove(d + w, d + at, g - 1 - at);
        w += g - 1 - at;
        if (best >> j & 1) {
            at = g + 1;
        } else {
            d[w++] = 0xD9;
            d[w++] = 0x81;
            at = g + 1;
        }
    }
    memmove(d + w, d + at, k - at);
    return w + (k - at);
}

/* How a repaired word had been decoded (the evidence names it). */
enum {
    MOJ_1252 = 0, /* UTF-8 as windows-1252 / Latin-1 */
    MOJ_874,      /* UTF-8 as windows-874 */
    MOJ_U1256,    /* UTF-8 as windows-1256 */
    MOJ_B1256     /* windows-1256 as windows-1252 / Latin-1 */
};

/*
 * Repair one word w[0..n) that is UTF-8 mapped back through windows-1252,
 * Latin-1 or windows-874: up to three levels of mapping back.  On success
 * writes the repaired bytes to out (at most n bytes), sets *len, *level
 * (1 or 2 or 3), *thai, *ar (Arabic letters); returns 1.
 */
static int repair_utf8(const nazif_lexicon *lex, const uint8_t *w, size_t n, uint8_t *out,
                       size_t *len, int *level, int *thai, int *ar)
{
    uint8_t a[MOJ_WORD], b[MOJ_WORD];
    const uint8_t *cur = w;
    size_t cn = n;
    *thai = 0;
    for (int lv = 1; lv <= 3; lv++) {
        uint8_t *dst = lv % 2 ? a : b;
        int lost = 0;
        size_t gpos[MOJ_GUESS];
        long k = back_bytes(cur, cn, dst, thai, &lost, gpos);
        /* nothing left to map back, or the bytes did not change */
        if (k < 0 || ((size_t)k == cn && memcmp(dst, cur, cn) == 0)) return 0;
        if (arabic_utf8(dst, (size_t)k, ar)) {
            if (lost) k = (long)pick_lost(lex, dst, (size_t)k, gpos, lost);
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

/* The windows-1256 byte of cp (0x80..0xFF), or -1. */
static int cp1256_byte(uint32_t cp)
{
    size_t lo = 0, hi = 128;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (nazif__cp1256_inv[mid][0] < cp) lo = mid + 1;
        else hi = mid;
    }
    return lo < 128 && nazif__cp1256_inv[lo][0] == cp ? nazif__cp1256_inv[lo][1] : -1;
}

/*
 * UTF-8 decoded as windows-1256 ("ط§ظ„" for "ال"), up to four times (a
 * page saved again: "ط·آ§ط¸â€‍" is ال twice so; forum archives hold such
 * text): every character of w[0..n) maps back to its windows-1256 byte,
 * and the bytes are UTF-8; when they spell Arabic the word is repaired,
 * when they are UTF-8 of something else the bytes are mapped back again.
 * Real Arabic and Persian words almost never pass: their letters map back
 * to lead bytes (C1..DF, E1..ED) that need a continuation byte, and the
 * continuation bytes are windows-1256's symbols and extended letters (§ „
 * … ٹ پ ...); "عکس" maps back to DA 98 D3, invalid.  *level: how many
 * times.
 */
static int repair_u1256(const uint8_t *w, size_t n, uint8_t *out, size_t *len, int *ar, int *level)
{
    uint8_t buf[2][MOJ_WORD];
    const uint8_t *cur = w;
    size_t cn = n;
    *level = 0;
    for (int lv = 1; lv <= 4; lv++) {
        uint8_t *dst = buf[lv & 1];
        size_t k = 0;
        int high = 0, bad = 0;
        for (size_t i = 0; i < cn;) {
            size_t l;
            uint32_t cp = nazif__utf8_next(cur + i, cn - i, &l);
            int b = cp < 0x80 ? (int)cp : cp1256_byte(cp);
            bad = b < 0 || k >= cn;
            if (bad) break;
            high |= b >= 0x80;
            dst[k++] = (uint8_t)b;
            i += l;
        }
        if (bad || !high || !nazif_utf8_valid((const char *)dst, k)) break;
        /* Arabic at this level: kept unless a deeper level is too (the
           mojibake of ق, ظ‚, is two Arabic-block characters and a quote,
           "Arabic"; real Arabic never maps back to UTF-8) */
        int a = 0;
        if (arabic_utf8(dst, k, &a)) {
            memcpy(out, dst, k);
            *len = k;
            *level = lv;
            *ar = a;
        }
        cur = dst;
        cn = k;
    }
    return *level > 0;
}

/*
 * Windows-1256 text decoded as windows-1252 or Latin-1 ("Çá" for "ال"):
 * every character of w[0..n) maps back to a byte, and each byte from 0x80
 * read as windows-1256 is a character of the Arabic block (or « », a
 * no-break space, ZWNJ, ZWJ, LRM, RLM).  A
 * word with a Latin letter is not Arabic: French "été" keeps its t, and
 * windows-1256 keeps à â ç è é ê ë î ï ô ù û ü, which are not Arabic.
 * At most n bytes are written.
 */
static int repair_b1256(const uint8_t *w, size_t n, uint8_t *out, size_t *len, int *ar)
{
    size_t k = 0;
    int letters = 0, arab = 0;
    for (size_t i = 0; i < n;) {
        size_t l;
        uint32_t cp = nazif__utf8_next(w + i, n - i, &l);
        i += l;
        if (cp < 0x80) {
            if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return 0;
            if (k >= n) return 0;
            out[k++] = (uint8_t)cp;
            continue;
        }
        if (cp == NAZIF__BAD) return 0;
        int b = back_byte(cp);
        if (b < 0x80) return 0;
        uint32_t c = nazif__cp1256_hi[b - 0x80];
        if (!(c >= 0x0600 && c <= 0x06FF) && c != 0xAB && c != 0xBB && c != 0xA0 &&
            !(c >= 0x200C && c <= 0x200F))
            return 0;
        if (nazif__uclass(c) & NZ_LETTER) letters++;
        if (c >= 0x0600 && c <= 0x06FF) arab++;
        uint8_t u[4];
        size_t ul = nazif__utf8_encode(c, u);
        if (k + ul > n) return 0;
        memcpy(out + k, u, ul);
        k += ul;
    }
    if (arab < 1) return 0;
    *len = k;
    *ar = letters;
    return 1;
}

/* One word by each kind in turn; *kind says which repaired it. */
static int repair_word(const nazif_lexicon *lex, const uint8_t *w, size_t n, uint8_t *out,
                       size_t *len, int *level, int *kind, int *ar)
{
    int thai = 0;
    *level = 1;
    if (repair_utf8(lex, w, n, out, len, level, &thai, ar)) {
        *kind = thai ? MOJ_874 : MOJ_1252;
        return 1;
    }
    if (repair_u1256(w, n, out, len, ar, level)) {
        *kind = MOJ_U1256;
        return 1;
    }
    *level = 1;
    if (repair_b1256(w, n, out, len, ar)) {
        *kind = MOJ_B1256;
        return 1;
    }
    return 0;
}

/* Could s[0..n) hold mojibake?  Arabic lead bytes D8..DB read as
   windows-1252 are Ø Ù Ú Û (C3 98..9B), and as windows-874 ุ ู ฺ
   (E0 B8 B8..BA); a second level makes Ã (C3 83).  Read as windows-1256,
   ا is ط§ (D8 B7 C2 A7), and a line without ا has ي ف as ظٹ ظپ, Urdu
   letters that the pre-scan finds; windows-1256's ا (C7) read as
   windows-1252 is Ç (C3 87). */
int nazif__maybe_mojibake_874(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = s; (p = memchr(p, 0xE0, (size_t)(s + n - p))) != NULL; p++)
        if (p + 2 < s + n && p[1] == 0xB8 && p[2] >= 0xB8 && p[2] <= 0xBA) return 1;
    return 0;
}

int nazif__maybe_mojibake(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = s; (p = memchr(p, 0xC3, (size_t)(s + n - p))) != NULL; p++)
        if (p + 1 < s + n && ((p[1] >= 0x98 && p[1] <= 0x9B) || p[1] == 0x83 || p[1] == 0x87))
            return 1;
    /* ط§: § is a trigger of the pre-scan (gen_scan.py) for this; twice
       so, every letter's lead byte ط or ظ is ط· or ط¸ */
    for (const uint8_t *p = s; (p = memchr(p, 0xC2, (size_t)(s + n - p))) != NULL; p++)
        if (p >= s + 2 && p + 1 < s + n && p[-2] == 0xD8 && p[-1] == 0xB7 &&
            (p[1] == 0xA7 || p[1] == 0xB7 || p[1] == 0xB8))
            return 1;
    return nazif__maybe_mojibake_874(s, n);
}

static const char *evidence(int level, int kind)
{
    if (level >= 2 && kind == MOJ_U1256)
        return "UTF-8 decoded as windows-1256 twice or more (double encoding): characters mapped "
               "back to their bytes";
    if (level >= 2) return "UTF-8 decoded as windows-1252 twice (double encoding): "
                           "characters mapped back to their bytes";
    switch (kind) {
    case MOJ_874: return "UTF-8 decoded as windows-874: characters mapped back to their bytes";
    case MOJ_U1256: return "UTF-8 decoded as windows-1256: characters mapped back to their bytes";
    case MOJ_B1256: return "windows-1256 decoded as windows-1252/Latin-1: bytes read as windows-1256";
    default: return "UTF-8 decoded as windows-1252/Latin-1: characters mapped back to their bytes";
    }
}

static int is_space_byte(uint8_t c) { return c == ' ' || c == '\t'; }

/*
 * Append to ed one MOJIBAKE edit per run of repaired words of line
 * s[0..n) (words separated by ASCII spaces; what lies between repaired
 * words stays as it is and is part of the run).  Returns 0, or
 * NAZIF_ENOMEM.  Appends nothing unless the repaired words hold 3 Arabic
 * letters or more.  Words read as windows-1256 bytes (Latin-1 letters
 * only, so the weakest evidence) count only when the lexicon knows most of
 * them: "ÇáÚÑÈíÉ" is العربية, "ÉÉ ÓÚÑ" in a line of capitals is not.
 */
int nazif__mojibake_find(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed)
{
    if (!nazif__maybe_mojibake(s, n)) return 0;
    /* first pass: count; second pass: emit */
    int total = 0, total_b = 0, b_words = 0, b_known = 0, use_b = 1;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            use_b = lex && b_known * 2 > b_words;
            if (!use_b) total -= total_b;
            if (total < 3) return 0;
        }
        size_t run_a = 0, run_b = 0; /* the run of repaired words so far */
        int run_level = 0, run_kind = 0, in_run = 0;
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
            int level = 0, kind = 0, ar = 0, ok = 0;
            if (b > a && b - a <= MOJ_WORD)
                ok = repair_word(lex, s + a, b - a, out, &len, &level, &kind, &ar);
            if (ok && kind == MOJ_B1256 && !use_b) ok = 0;
            if (pass == 0) {
                if (ok) total += ar;
                if (ok && kind == MOJ_B1256) {
                    total_b += ar;
                    size_t x, y;
                    word_core(out, len, &x, &y);
                    if (ar >= 2) {
                        b_words++;
                        if (lex && nazif_lexicon_lookup(lex, (const char *)out + x, y - x, NULL))
                            b_known++;
                    }
                }
                if (b >= n) break;
                continue;
            }
            /* the run ends before a word that is not repaired, or when the
               replacement would not fit */
            if (in_run && (!ok || rep_n + (a - run_b) + len > sizeof rep)) {
                if (nazif__edit_add(ed, run_a, run_b, rep, rep_n, NAZIF_CHANGE_EDIT, NZR_MOJIBAKE,
                                    evidence(run_level, run_kind)))
                    return NAZIF_ENOMEM;
                in_run = 0;
            }
            if (ok) {
                if (!in_run) {
                    in_run = 1;
                    run_a = a;
                    rep_n = 0;
                    run_level = level;
                    run_kind = kind;
                } else {
                    memcpy(rep + rep_n, s + run_b, a - run_b);
                    rep_n += a - run_b;
                    if (level > run_level) run_level = level;
                }
                memcpy(rep + rep_n, out, len);
                rep_n += len;
                run_b = b;
            }
            if (b >= n) break;
        }
        if (pass == 1 && in_run &&
            nazif__edit_add(ed, run_a, run_b, rep, rep_n, NAZIF_CHANGE_EDIT, NZR_MOJIBAKE,
                            evidence(run_level, run_kind)))
            return NAZIF_ENOMEM;
    }
    return 0;
}
