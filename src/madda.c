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
 *
 * A decoration style writes every ا of a line as آ (آلـمـھآم for المهام,
 * with tatweel and ھ): there one word rarely decides, since a stem of the
 * table may begin it (آلم begins آلمهام).  nazif__madda_line() reads such
 * a line as a whole, after the other rules, on their output: an آ inside a
 * word whose letters around it the second table does not list (القرآن's
 * رآن is listed), or at the word's start where no stem of the table
 * begins it, is impossible spelling; with two words or more so on the
 * line, each such word's impossible آ are read as ا when the lexicon knows
 * the word (class >= 2).
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

/* memcmp()'s order of s[0..len) and the string t, shorter first when one
   begins the other; t read once (no strlen()) */
static int cmp_z(const uint8_t *s, size_t len, const char *t)
{
    for (size_t i = 0;; i++) {
        if (t[i] == 0) return i < len ? 1 : 0;
        if (i == len) return -1;
        if (s[i] != (uint8_t)t[i]) return s[i] < (uint8_t)t[i] ? -1 : 1;
    }
}

/* Is the byte run s[a, b) (UTF-8) a stem of the table? */
static int madda_stem(const uint8_t *s, size_t len)
{
    size_t lo = 0, hi = NAZIF__MADDA_N;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const int c = cmp_z(s, len, nazif__madda_stems[mid]);
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
        if (cmp_z(p, len, pre[i]) == 0) return 1;
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

static int madda_suspect(const uint8_t *s, size_t n, size_t p);
static int suffix(const uint8_t *p, size_t len);

int nazif__madda_fix(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                     nazif__edits *ed, size_t first, int *maddas)
{
    const size_t last = ed->n;
    int foreign = -1;
    *maddas = 0;
    for (const uint8_t *q = s; (q = memchr(q, 0xA2, (size_t)(s + n - q))) != NULL; q++) {
        const size_t p = (size_t)(q - s) - 1; /* the آ: D8 A2 */
        if (q == s || s[p] != 0xD8) continue;
        int sus = madda_suspect(s, n, p);
        /* the word around it */
        size_t a = p, b = p + 2;
        while (a >= 2 && (ar_letter(ar2(s + a - 2)) || ar_mark(ar2(s + a - 2)))) a -= 2;
        while (b + 1 < n && (ar_letter(ar2(s + b)) || ar_mark(ar2(s + b)))) b += 2;
        /* a tatweel at its edge: another rule's word, read after it */
        if (!sus && ((a >= 2 && s[a - 2] == 0xD9 && s[a - 1] == 0x80) ||
                     (b + 1 < n && s[b] == 0xD9 && s[b + 1] == 0x80)))
            sus = 1;
        *maddas += sus;
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
        for (int l = sl; l >= 3 && l >= sl - 3 && !listed; l--)
            listed = madda_stem(st, (size_t)l * 2) && suffix(st + 2 * l, (size_t)(sl - l) * 2);
        if (listed) continue;
        if (!sus) ++*maddas;
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

/* ---- a line written with آ for every ا ------------------------------- */

/* Is the word w[0..len) (UTF-8) an entry of the second table (words
   with an آ inside, from their first letter after the proclitics)? */
static int madda_mid(const uint8_t *w, size_t len)
{
    size_t lo = 0, hi = NAZIF__MADDA_MID_N;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const int c = cmp_z(w, len, nazif__madda_mid[mid]);
        if (c == 0) return 1;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return 0;
}

/* The word b[0..2m) of basic Arabic letters (two bytes each) has an آ at
   letter i, not at its start: does an entry of the second table begin it
   after some proclitic string, with its آ at i (منشآتها: منشآت; an
   entry's final ة may be the word's ت: مرآتها), or a hamza follow it
   inside the word?  Then the آ is spelling. */
static int inner_listed(const uint8_t *b, int m, int i)
{
    /* an older spelling writes the alef before a hamza inside a word with
       a madda (تسآءل, مسآءلة); ـآء at the end is a decoration's (لقآء) */
    if (i + 2 < m && b[2 * i + 2] == 0xD8 && b[2 * i + 3] == 0xA1 &&
        !(b[2 * i + 4] == 0xD8 && b[2 * i + 5] == 0xA7)) /* but ـآءات (إجرآءات) */
        return 1;
    for (int k = 0; k < i; k++) {
        if (!proclitics(b, (size_t)k * 2)) continue;
        const uint8_t *r = b + 2 * k;
        for (int l = i - k + 1; l <= m - k; l++) {
            if (madda_mid(r, (size_t)l * 2)) return 1;
            if (r[2 * l - 2] == 0xD8 && r[2 * l - 1] == 0xAA) { /* ت: an entry's ة */
                uint8_t t[2 * 48];
                if (l > 48) break;
                memcpy(t, r, (size_t)l * 2);
                t[2 * l - 1] = 0xA9;
                if (madda_mid(t, (size_t)l * 2)) return 1;
            }
        }
    }
    return 0;
}

#define ML_MAX 48 /* letters of a word looked at */

/* The آ at s[p] (D8 A2) of s[0..n): is it inside its word (after a
   letter that is no proclitic string) and no listed word's (inner_listed())?
   Harakat and tatweel are left out; a word too long to look at is
   listed. */
static int inner_unlisted(const uint8_t *s, size_t n, size_t p)
{
    size_t a = p;
    while (a >= 2 && (ar_letter(ar2(s + a - 2)) || ar_mark(ar2(s + a - 2)) || ar2(s + a - 2) == 0x0640))
        a -= 2;
    uint8_t b[2 * ML_MAX];
    int m = 0;
    for (size_t q = a; q < p; q += 2) {
        if (!ar_letter(ar2(s + q))) continue;
        if (m == ML_MAX - 1) return 0;
        b[2 * m] = s[q];
        b[2 * m + 1] = s[q + 1];
        m++;
    }
    /* at the word's start or after its proclitics (الآن): not inside */
    const int i = m;
    if (i == 0 || proclitics(b, (size_t)i * 2)) return 0;
    for (size_t q = p; q + 1 < n && (ar_letter(ar2(s + q)) || ar_mark(ar2(s + q)) || ar2(s + q) == 0x0640);
         q += 2) {
        if (!ar_letter(ar2(s + q))) continue;
        if (m == ML_MAX) return 0;
        b[2 * m] = s[q];
        b[2 * m + 1] = s[q + 1];
        m++;
    }
    return !inner_listed(b, m, i);
}

int nazif__madda_inner(const uint8_t *s, size_t n, size_t p) { return inner_unlisted(s, n, p); }

#define AR_ALEF_CP 0x0627u

/* Might the آ at s[p] be the decoration style's (a cheap test on the line
   as written, so that nazif__madda_line() runs on few lines): a tatweel
   or a letter of the extended blocks before it (حـآ, ڪآ), or an آ inside
   a word no listed word has there (inner_unlisted(); at a word's start,
   after proclitics, the caller counts an آ no stem of the table begins). */
static int madda_suspect(const uint8_t *s, size_t n, size_t p)
{
    if (p >= 2 && s[p - 2] == 0xD9 && s[p - 1] == 0x80) return 1;
    /* an extended letter before it (ڪآ: a tool's look-alike, which the
       other rules map first) */
    if (p >= 2 && (s[p - 2] == 0xDA || s[p - 2] == 0xDB || s[p - 2] == 0xDD)) return 1;
    if (p >= 2 && ar_letter(ar2(s + p - 2))) return inner_unlisted(s, n, p);
    return 0; /* at a word's start: nazif__madda_fix() counts it */
}

/* One word of the line as the output will have it: its letters (code
   points) and where each one's bytes are: in the line (edit -1) or in the
   replacement of edit ed->v[edit]. */
typedef struct {
    uint32_t cp[ML_MAX];
    size_t at[ML_MAX];
    long edit[ML_MAX];
    int m;
} mlword;

/* Is p[0..len) a suffix a stem of the table may take (the word's end)? */
static int suffix(const uint8_t *p, size_t len)
{
    static const char *const suf[] = {"", "ة", "ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي",
                                      "ات", "ان", "ين", "ون", "وا", "ا", "ته", "تها", "تهم", "اتها"};
    for (size_t i = 0; i < sizeof suf / sizeof suf[0]; i++)
        if (cmp_z(p, len, suf[i]) == 0) return 1;
    return 0;
}

/* Is the آ at w->cp[i] impossible spelling (see above)?  Earlier آ of the
   word are read as ا. */
static int madda_impossible(const mlword *w, int i, const int *imp)
{
    uint8_t b[2 * ML_MAX + 2];
    size_t bn = 0;
    /* nazif__madda_fix()'s own test, on the letters as they stand (an
       earlier آ it reads, as ا): what it would change in the output, this
       changes now (cleaning twice agrees) */
    for (int j = 0; j < w->m; j++) {
        const uint32_t c = j < i && imp[j] == 2 ? AR_ALEF_CP : w->cp[j];
        b[bn++] = (uint8_t)(0xC0 | (c >> 6));
        b[bn++] = (uint8_t)(0x80 | (c & 0x3F));
    }
    if (proclitics(b, (size_t)i * 2) && w->m - i >= 3) {
        const int sl = w->m - i;
        int listed = 0;
        for (int l = sl; l >= 3 && l >= sl - 3 && !listed; l--)
            listed = madda_stem(b + 2 * i, (size_t)l * 2) && suffix(b + 2 * (i + l), (size_t)(sl - l) * 2);
        if (!listed) return 2;
    }
    bn = 0;
    for (int j = 0; j < i; j++) {
        const uint32_t c = w->cp[j] == 0x0622 ? AR_ALEF_CP : w->cp[j];
        b[bn++] = (uint8_t)(0xC0 | (c >> 6));
        b[bn++] = (uint8_t)(0x80 | (c & 0x3F));
    }
    if (proclitics(b, bn)) {
        int sl = 0;
        bn = 0;
        for (int j = i; j < w->m; j++, sl++) {
            const uint32_t c = j > i && w->cp[j] == 0x0622 ? AR_ALEF_CP : w->cp[j];
            b[bn++] = (uint8_t)(0xC0 | (c >> 6));
            b[bn++] = (uint8_t)(0x80 | (c & 0x3F));
        }
        if (sl < 3) return 0;
        for (int l = sl; l >= 3 && l >= sl - 3; l--)
            if (madda_stem(b, (size_t)l * 2) && suffix(b + 2 * l, (size_t)(sl - l) * 2)) return 0;
        return 1;
    }
    /* inside the word: the آ of no listed word there (its earlier آ that
       are bare alefs read as ا) */
    bn = 0;
    for (int j = 0; j < w->m; j++) {
        const uint32_t c = j < i && imp[j] ? AR_ALEF_CP : w->cp[j];
        b[bn++] = (uint8_t)(0xC0 | (c >> 6));
        b[bn++] = (uint8_t)(0x80 | (c & 0x3F));
    }
    return !inner_listed(b, w->m, i);
}

int nazif__madda_read(uint8_t *b, size_t n, int inner)
{
    mlword w;
    w.m = 0;
    if (n % 2 || n / 2 > ML_MAX) return 0;
    for (size_t i = 0; i < n; i += 2) {
        const uint32_t c = ar2(b + i);
        if (!ar_letter(c)) return 0;
        w.cp[w.m] = c;
        w.at[w.m] = i;
        w.edit[w.m] = -1;
        w.m++;
    }
    int imp[ML_MAX], ni = 0;
    for (int j = 0; j < w.m; j++) {
        imp[j] = w.cp[j] == 0x0622 ? madda_impossible(&w, j, imp) : 0;
        /* inside the word (not after its proclitics): the triples the
           table lists (رآن, شآت) are of words a tool rarely draws; its
           آ there is its ا */
        if (w.cp[j] == 0x0622 && !imp[j] && inner &&
            (!proclitics(b, (size_t)j * 2) ||
             /* a stem of two letters (كآن), but الآن */
             (w.m - j < 3 && !(j >= 2 && w.cp[j - 2] == 0x0627 && w.cp[j - 1] == 0x0644))))
            imp[j] = 1;
        if (imp[j]) {
            b[2 * j + 1] = 0xA7;
            ni++;
        }
    }
    return ni;
}

/* Put the character at q[0..len) into w: 1 when the word goes on (a
   letter, a haraka, tatweel; or a character that makes it no word read
   here, *bad set: a digit, a Latin letter, another character of the Arabic
   blocks), 0 when it ends the word (a space, punctuation). */
static int ml_put(mlword *w, const uint8_t *q, size_t len, size_t at, long edit, int *bad)
{
    if (len == 2 && (q[0] == 0xD8 || q[0] == 0xD9)) {
        const uint32_t c = ar2(q);
        if (ar_mark(c) || c == 0x0640) return 1;
        if (ar_letter(c)) {
            if (w->m == ML_MAX) {
                *bad = 1;
                return 1;
            }
            w->cp[w->m] = c;
            w->at[w->m] = at;
            w->edit[w->m] = edit;
            w->m++;
            return 1;
        }
    }
    if (len == 1) {
        if ((q[0] >= '0' && q[0] <= '9') || ((q[0] | 32) >= 'a' && (q[0] | 32) <= 'z') || q[0] == '_') {
            *bad = 1;
            return 1;
        }
        return 0;
    }
    if (len == 2 && q[0] >= 0xD8 && q[0] <= 0xDB) {
        const uint32_t c = ((uint32_t)(q[0] & 0x1F) << 6) | (q[1] & 0x3F);
        if (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4) return 0;
    } else if ((len == 2 && q[0] == 0xC2) || (len == 3 && q[0] == 0xE2 && (q[1] == 0x80 || q[1] == 0x81))) {
        return 0;
    }
    *bad = 1;
    return 1;
}

static size_t ulen(uint8_t b) { return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

/* The word w of the line: 1 when it has an impossible آ (or madda_fix()
   changed one of its آ: prior).  With apply, its آ are read as ا: those
   madda_fix() would read, and with soft_line >= 2 (or in a word another
   rule rebuilt) the others; 0 or NAZIF_ENOMEM in *rc. */
static int ml_word(const nazif_lexicon *lex, nazif__edits *ed, const mlword *w, int prior, int apply,
                   int soft_line, int *rc)
{
    if (w->m < 2) return 0;
    int imp[ML_MAX], ni = 0;
    for (int j = 0; j < w->m; j++) {
        imp[j] = w->cp[j] == 0x0622 ? madda_impossible(w, j, imp) : 0;
        ni += imp[j] != 0;
    }
    if (!ni) return prior;
    if (!apply) return 1;
    /* but for madda_fix's own test, two such words on the line, or a word
       another rule rebuilt (its letters come from an edit over more than
       one letter: a decoration's tatweels or look-alikes, اﻟﻤﮭآم) */
    int tooled = 0;
    for (int j = 0; j < w->m && !tooled; j++)
        tooled = w->edit[j] >= 0 && ed->v[w->edit[j]].end - ed->v[w->edit[j]].start > 2;
    /* a word another rule rebuilt (its tatweels removed, its look-alikes
       mapped): an آ inside it, after its proclitics, is the decoration's
       too (nazif__madda_read() with inner) */
    if (tooled) {
        uint8_t b[2 * ML_MAX];
        for (int j = 0; j < w->m; j++) {
            const uint32_t c = imp[j] ? AR_ALEF_CP : w->cp[j];
            b[2 * j] = (uint8_t)(0xC0 | (c >> 6));
            b[2 * j + 1] = (uint8_t)(0x80 | (c & 0x3F));
        }
        for (int j = 0; j < w->m; j++)
            if (w->cp[j] == 0x0622 && !imp[j] && j > 0 && !proclitics(b, (size_t)j * 2)) imp[j] = 1;
    }
    if (soft_line < 2 && !tooled) {
        ni = 0;
        for (int j = 0; j < w->m; j++) {
            if (imp[j] != 2) imp[j] = 0;
            ni += imp[j] != 0;
        }
        if (!ni) return 1;
    }
    /* the word with those آ read as ا known in news (or, as madda_fix()
       asks, the word as it stands: the lexicon reads آ as ا) */
    uint8_t out[2 * ML_MAX], as[2 * ML_MAX];
    for (int j = 0; j < w->m; j++) {
        const uint32_t c = imp[j] ? AR_ALEF_CP : w->cp[j];
        out[2 * j] = (uint8_t)(0xC0 | (c >> 6));
        out[2 * j + 1] = (uint8_t)(0x80 | (c & 0x3F));
        as[2 * j] = (uint8_t)(0xC0 | (w->cp[j] >> 6));
        as[2 * j + 1] = (uint8_t)(0x80 | (w->cp[j] & 0x3F));
    }
    int f = 0, g = 0;
    if ((nazif_lexicon_lookup(lex, (const char *)out, (size_t)w->m * 2, &f) == NAZIF_LEX_UNKNOWN || f < 2) &&
        (nazif_lexicon_lookup(lex, (const char *)as, (size_t)w->m * 2, &g) == NAZIF_LEX_UNKNOWN || g < 2))
        return 1;
    for (int j = 0; j < w->m; j++) {
        if (!imp[j]) continue;
        if (w->edit[j] >= 0) {
            ed->pool[w->at[j] + 1] = 0xA7; /* the edit's آ becomes ا */
        } else if (nazif__edit_add(ed, w->at[j], w->at[j] + 2, (const uint8_t *)"\xd8\xa7", 2,
                                   NAZIF_CHANGE_EDIT, NZR_P14,
                                   "alef madda for a bare alef in a line written so (madda "
                                   "tables); lexicon: the word with alef is known")) {
            *rc = NAZIF_ENOMEM;
            return 1;
        }
    }
    return 1;
}

int nazif__madda_line(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first)
{
    if (!(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n)) return 0;
    const size_t last = ed->n;
    int soft_line = 0, rc = 0;
    /* for each byte of the window s[wb, wb + ML_MAP) of the line, the
       first edit (in the list's order) of kind EDIT that covers it, plus
       1, or 0: one look-up a character instead of a walk over the line's
       edits, which on a line dense with edits cost most of the rule's
       time; rebuilt as the walk leaves the window */
    enum { ML_MAP = 4096 };
    uint16_t map[ML_MAP];
    const int mapped = last - first < 0xFFFF;
    size_t wb = SIZE_MAX;
    for (int pass = 0; pass < 2 && !rc; pass++) {
        int soft = 0;
        mlword w;
        w.m = 0;
        int bad = 0, prior = 0;
        size_t i = 0;
        /* the line as the output will have it: an edit's replacement in
           place of its bytes; words end at spaces and punctuation */
        while (i <= n && !rc) {
            size_t e = first;
            if (i < n && mapped) {
                if (wb == SIZE_MAX || i < wb || i >= wb + ML_MAP) {
                    wb = i;
                    memset(map, 0, sizeof map);
                    for (size_t k = first; k < last; k++) {
                        const nazif__edit *x = &ed->v[k];
                        if (x->kind != NAZIF_CHANGE_EDIT || x->end <= wb || x->start >= wb + ML_MAP) continue;
                        const size_t b0 = x->start > wb ? x->start : wb;
                        const size_t b1 = x->end < wb + ML_MAP ? x->end : wb + ML_MAP;
                        for (size_t b = b0; b < b1; b++)
                            if (!map[b - wb]) map[b - wb] = (uint16_t)(k - first + 1);
                    }
                }
                e = map[i - wb] ? first + map[i - wb] - 1 : last;
            } else if (i < n) {
                for (; e < last; e++)
                    if (ed->v[e].start <= i && ed->v[e].end > i && ed->v[e].kind == NAZIF_CHANGE_EDIT) break;
            }
            if (i < n && e < last) {
                const nazif__edit *x = &ed->v[e];
                /* madda_fix's edit: a word with an impossible آ already */
                if (x->end - x->start == 2 && s[x->start] == 0xD8 && s[x->start + 1] == 0xA2) prior = 1;
                const uint8_t *r = ed->pool + x->rep_off;
                for (size_t j = 0; j < x->rep_len && !rc; j += ulen(r[j])) {
                    const size_t l = ulen(r[j]);
                    if (j + l > x->rep_len) {
                        bad = 1;
                        break;
                    }
                    if (!ml_put(&w, r + j, l, x->rep_off + j, (long)e, &bad)) {
                        if (!bad) soft += ml_word(lex, ed, &w, prior, pass, soft_line, &rc);
                        w.m = 0;
                        bad = prior = 0;
                    }
                }
                i = x->end;
                continue;
            }
            const size_t l = i < n ? ulen(s[i]) : 1;
            if (i == n || i + l > n || !ml_put(&w, s + i, l, i, -1, &bad)) {
                if (!bad) soft += ml_word(lex, ed, &w, prior, pass, soft_line, &rc);
                w.m = 0;
                bad = prior = 0;
            }
            i += l;
        }
        if (pass == 0) soft_line = soft;
    }
    return rc ? rc : ed->oom ? NAZIF_ENOMEM : 0;
}
