/*
 * madda.c -- rule P14 for an alef madda put for a bare alef (الآعتقال for
 * الاعتقال).
 *
 * The lexicon reads آ as ا, so it knows الآعتقال as well as الاعتقال and
 * cannot tell a look-alike from the spelling of الآن, الآخر, آلاف.  The
 * madda table (madda_table.h, tools/gen_madda.py) can: it lists the stems
 * that ANT and hunspell-ar write with آ at the start of the word or right
 * after its proclitics.  An آ there is read as ا when
 *
 *   - the word is Arabic letters (harakat allowed) standing alone, in a
 *     line without Persian, Kurdish or Urdu letters (Persian writes آ for
 *     many words: آن, آسان);
 *   - what comes before the آ is a proclitic string (و ف ب ك ل س, the
 *     article, وال بال لل ...), as in the table;
 *   - no stem of the table begins the word from the آ on, but for at most
 *     three letters of suffix (آخرين is آخر + ين; a stem of three letters
 *     or more);
 *   - the lexicon knows the word (class >= 2: seen in news).
 *
 * The edit covers the two bytes of the آ alone.
 */
#include <string.h>

#include "madda_table.h"
#include "restore.h"

static uint32_t ar2(const uint8_t *s)
{
    if ((s[0] != 0xD8 && s[0] != 0xD9) || (s[1] & 0xC0) != 0x80) return 0;
    return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
}

static int ar_letter(uint32_t cp) { return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A); }
static int ar_mark(uint32_t cp) { return cp >= 0x064B && cp <= 0x0652; }

/* Is the byte run s[a, b) (UTF-8) a stem of the table? */
static int madda_stem(const uint8_t *s, size_t len)
{
    size_t lo = 0, hi = NAZIF__MADDA_N;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const char *t = nazif__madda_stems[mid];
        const size_t tl = strlen(t);
        int c = memcmp(s, t, len < tl ? len : tl);
        if (c == 0) c = len < tl ? -1 : len > tl ? 1 : 0;
        if (c == 0) return 1;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return 0;
}

/* The proclitic strings accepted before the آ (tools/gen_madda.py PREFIXES). */
static int proclitics(const uint8_t *p, size_t len)
{
    static const char *const pre[] = {
        "", "و", "ف", "ب", "ك", "ل", "س", "ال", "وال", "فال", "بال", "كال", "لل",
        "ولل", "فلل", "وب", "فب", "ول", "فل", "وك", "فك", "وبال", "فبال", "وكال"};
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
        if (strlen(pre[i]) == len && memcmp(pre[i], p, len) == 0) return 1;
    return 0;
}

/* May a word end at s[i] / start after s[i - 1]: not a letter, digit,
   tatweel or character of another block glued to it? */
static int free_byte(uint8_t b)
{
    return !(b >= 0x80 || (b >= '0' && b <= '9') || ((b | 32) >= 'a' && (b | 32) <= 'z') || b == '_');
}
static int left_free(const uint8_t *s, size_t a)
{
    if (a == 0 || free_byte(s[a - 1])) return 1;
    return (a >= 2 && s[a - 2] == 0xC2 && s[a - 1] == 0xAB) ||                     /* « */
           (a >= 3 && s[a - 3] == 0xE2 && s[a - 2] == 0x80 && s[a - 1] == 0x9C); /* “ */
}
static int right_free(const uint8_t *s, size_t n, size_t b)
{
    if (b == n || free_byte(s[b])) return 1;
    if (b + 1 < n && s[b] == 0xC2 && s[b + 1] == 0xBB) return 1;                          /* » */
    if (b + 1 < n && s[b] == 0xD8 && (s[b + 1] == 0x8C || s[b + 1] == 0x9B || s[b + 1] == 0x9F))
        return 1;                                                                        /* ، ؛ ؟ */
    return b + 2 < n && s[b] == 0xE2 && s[b + 1] == 0x80 && s[b + 2] == 0x9D;            /* ” */
}

int nazif__madda_fix(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                     nazif__edits *ed, size_t first)
{
    const size_t last = ed->n;
    int foreign = -1;
    for (const uint8_t *q = s; (q = memchr(q, 0xA2, (size_t)(s + n - q))) != NULL; q++) {
        const size_t p = (size_t)(q - s) - 1; /* the آ: D8 A2 */
        if (q == s || s[p] != 0xD8) continue;
        /* the word around it */
        size_t a = p, b = p + 2;
        while (a >= 2 && (ar_letter(ar2(s + a - 2)) || ar_mark(ar2(s + a - 2)))) a -= 2;
        while (b + 1 < n && (ar_letter(ar2(s + b)) || ar_mark(ar2(s + b)))) b += 2;
        if (!left_free(s, a) || !right_free(s, n, b) || b - a > NAZIF__MAX_WORD) continue;
        /* letters before the آ (marks left out): a proclitic string */
        uint8_t pre[64], st[NAZIF__MAX_WORD];
        size_t pn = 0, sn = 0;
        int ok = 1, sl = 0;
        for (size_t i = a; i < p; i += 2) {
            if (ar_mark(ar2(s + i))) continue;
            if (pn + 2 > sizeof pre) {
                ok = 0;
                break;
            }
            pre[pn++] = s[i];
            pre[pn++] = s[i + 1];
        }
        if (!ok || !proclitics(pre, pn)) continue;
        /* the stem from the آ on: no stem of the table begins it */
        for (size_t i = p; i < b; i += 2) {
            if (ar_mark(ar2(s + i))) continue;
            st[sn++] = s[i];
            st[sn++] = s[i + 1];
            sl++;
        }
        if (sl < 3) continue;
        int listed = 0;
        for (int l = sl; l >= 3 && l >= sl - 3 && !listed; l--) listed = madda_stem(st, (size_t)l * 2);
        if (listed) continue;
        int f = 0;
        if (nazif_lexicon_lookup(lex, (const char *)s + a, b - a, &f) == NAZIF_LEX_UNKNOWN || f < 2)
            continue;
        int overlap = 0;
        for (size_t i = first; i < last; i++)
            if (ed->v[i].start < b && ed->v[i].end > a) overlap = 1;
        if (overlap) continue;
        if (foreign < 0) foreign = !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n);
        if (foreign) return 0;
        if (nazif__edit_add(ed, p, p + 2, (const uint8_t *)"\xd8\xa7", 2, NAZIF_CHANGE_EDIT, NZR_P14,
                            "alef madda where the word has none (madda table); lexicon: the word "
                            "with alef is known"))
            return NAZIF_ENOMEM;
    }
    return ed->oom ? NAZIF_ENOMEM : 0;
}
