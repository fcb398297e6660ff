/*
 * spaced.c -- rule P17 for a space with tatweel at it: يقتـ ـل, الاحتـ لال,
 * الاحت ـلال, المقـ ـ ـاومة.  A tatweel draws the join of a letter to the
 * next one; written at the end of a word before a space, or at the start of
 * a word after one, it draws a join that the space then cuts, which is how
 * obfuscators split a word so that a reader still sees one.  (spacejoin.c
 * handles the splits that leave no mark, a space after a letter that does
 * not join to the left; both report as P17.)
 *
 * The lexicon decides, precision first (classes: nazif_lexicon_lookup()'s
 * frequency class in news, -1 for no word):
 *
 *   - tatweel on both sides of the space (يقتـ ـل): joined when the joined
 *     word is known, or when neither half is a word seen in news (a name:
 *     منبـ ـج).  One letter on the left (كـ ـكـ ـك shows a letter's forms)
 *     joins only into a known word of four letters or more.  A tatweel
 *     standing alone between spaces is a dash (الحرب ـ التي) and splits
 *     nothing.
 *   - tatweel on one side (الاحتـ لال): joined when the joined word is seen
 *     in news, or is known and neither half is seen in news; not when the
 *     left half is one letter or the article (بـ مليار, الـ كورونا: a
 *     proclitic written apart is a newsroom style).  After a digit (1445هـ)
 *     there is no word to join; after ة or ى the tatweel is a dash
 *     (اللجنةـ الاربعاء).
 *
 * Never in a line with Persian, Kurdish or Urdu letters or ZWNJ
 * (nazif__maybe_persian()), nor over another rule's edit.
 */
#include <stdlib.h>
#include <string.h>

#include "restore.h"

/* Is p[0..2) an Arabic letter (ء..غ, ف..ي)?  A haraka (U+064B..U+0652)?
   Tatweel? */
static inline int is_let(const uint8_t *p)
{
    return p[0] == 0xD8 ? (uint8_t)(p[1] - 0xA1) <= 0xBA - 0xA1
                        : p[0] == 0xD9 && (uint8_t)(p[1] - 0x81) <= 0x8A - 0x81;
}
static inline int is_har(const uint8_t *p) { return p[0] == 0xD9 && (uint8_t)(p[1] - 0x8B) <= 0x92 - 0x8B; }
static inline int is_tat(const uint8_t *p) { return p[0] == 0xD9 && p[1] == 0x80; }

/* May a word start right after s[0..i)?  (A space, the line's start, an
   opening bracket or quote.) */
static int left_edge(const uint8_t *s, size_t i)
{
    if (i == 0) return 1;
    const uint8_t b = s[i - 1];
    if (b == ' ' || b == '\t' || b == '(' || b == '[' || b == '"' || b == '\'') return 1;
    if (i >= 2 && s[i - 2] == 0xC2 && b == 0xAB) return 1;                    /* « */
    if (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && b == 0x9C) return 1; /* “ */
    return 0;
}

/* May a word end at byte i of s[0..n)? */
static int right_edge(const uint8_t *s, size_t n, size_t i)
{
    if (i == n) return 1;
    const uint8_t b = s[i];
    if (b == ' ' || b == '\t' || b == '\r' || b == ')' || b == ']' || b == '"' || b == '\'' ||
        b == ',' || b == ';' || b == ':' || b == '!' || b == '?')
        return 1;
    if (b == '.') return i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\r' ||
                         s[i + 1] == '"' || s[i + 1] == '.';
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xBB) return 1; /* » */
    if (i + 1 < n && s[i] == 0xD8 && (s[i + 1] == 0x8C || s[i + 1] == 0x9B || s[i + 1] == 0x9F))
        return 1;                                                 /* ، ؛ ؟ */
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x9D) return 1; /* ” */
    return 0;
}

/* Does [a, b) touch one of the edits ed->v[first .. last)? */
static int overlaps(const nazif__edits *ed, size_t first, size_t last, size_t a, size_t b)
{
    for (size_t i = first; i < last; i++)
        if (ed->v[i].start < b && ed->v[i].end > a) return 1;
    return 0;
}

/* The class of the word w[0..n) in news, or -1 when it is no word. */
static int wclass(const nazif_lexicon *lex, const uint8_t *w, size_t n)
{
    int f = 0;
    if (n == 0 || nazif_lexicon_lookup(lex, (const char *)w, n, &f) == NAZIF_LEX_UNKNOWN) return -1;
    return f;
}

/* s[a, b) without its tatweels, appended to out[*k ..); its letters are
   counted into *letters. */
static void put_letters(const uint8_t *s, size_t a, size_t b, uint8_t *out, size_t *k, int *letters)
{
    for (size_t i = a; i + 1 < b + 1 && i < b; i += 2) {
        if (is_tat(s + i)) continue;
        if (is_let(s + i)) ++*letters;
        out[(*k)++] = s[i];
        out[(*k)++] = s[i + 1];
    }
}

/* ---- a space with tatweel at it ---------------------------------------- */

/* Does the word w[0..n) end in ة or ى (letters that never join the next)? */
static int final_only(const uint8_t *w, size_t n)
{
    while (n >= 2 && is_har(w + n - 2)) n -= 2;
    return n >= 2 && ((w[n - 2] == 0xD8 && w[n - 1] == 0xA9) || (w[n - 2] == 0xD9 && w[n - 1] == 0x89));
}

/* Is w[0..n) the article, alone or after و ف ب ك (ال وال فال بال كال), or
   لل / ولل / فلل? */
static int detached_article(const uint8_t *w, size_t n)
{
    static const char *const forms[] = {"\xd8\xa7\xd9\x84", "\xd9\x88\xd8\xa7\xd9\x84",
                                        "\xd9\x81\xd8\xa7\xd9\x84", "\xd8\xa8\xd8\xa7\xd9\x84",
                                        "\xd9\x83\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84",
                                        "\xd9\x88\xd9\x84\xd9\x84", "\xd9\x81\xd9\x84\xd9\x84"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strlen(forms[i]) == n && memcmp(forms[i], w, n) == 0) return 1;
    return 0;
}

static int tatweel_splits(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed,
                          size_t first, size_t last)
{
    uint8_t j[NAZIF__MAX_WORD];
    size_t jn = 0, jend = SIZE_MAX; /* the last join: its text, its end */
    int jc = -1;
    for (size_t i = 2; i + 2 < n; i++) {
        /* the next tatweel (80 is a rare byte in Arabic text) at a space */
        const uint8_t *p = memchr(s + i, 0x80, n - i);
        if (!p) break;
        const size_t tt = (size_t)(p - s); /* s[tt - 1], s[tt] may be a tatweel */
        if (s[tt - 1] != 0xD9) {
            i = tt;
            continue;
        }
        size_t sp;
        if (tt + 1 < n && s[tt + 1] == ' ') {
            sp = tt + 1;
        } else if (tt >= 2 && s[tt - 2] == ' ') {
            sp = tt - 2;
        } else {
            i = tt;
            continue;
        }
        if (sp < 2 || sp + 2 >= n) {
            i = tt;
            continue;
        }
        i = sp;
        /* the gap: spaces and tatweels around the space */
        size_t g0 = i, g1 = i + 1;
        int spaces = 1;
        for (;;) {
            if (g0 >= 1 && s[g0 - 1] == ' ') { g0--; spaces++; }
            else if (g0 >= 2 && is_tat(s + g0 - 2)) g0 -= 2;
            else break;
        }
        for (;;) {
            if (g1 < n && s[g1] == ' ') { g1++; spaces++; }
            else if (g1 + 1 < n && is_tat(s + g1)) g1 += 2;
            else break;
        }
        const size_t next = g1;
        /* a tatweel drawn from a word into the space: at the gap's start
           after a letter, or at its end before one */
        const int left_t = is_tat(s + g0), right_t = g1 >= 2 && is_tat(s + g1 - 2);
        if (spaces > 3 || !(left_t || right_t) || g0 < 2 || g1 + 2 > n ||
            !(is_let(s + g0 - 2) || is_har(s + g0 - 2)) || !is_let(s + g1)) {
            i = next - 1;
            continue;
        }
        /* the words on either side (letters, harakat and tatweel) */
        size_t a = g0, b = g1;
        while (a >= 2 && (is_let(s + a - 2) || is_har(s + a - 2) || is_tat(s + a - 2))) a -= 2;
        while (b + 1 < n && (is_let(s + b) || is_har(s + b) || is_tat(s + b))) b += 2;
        /* the left word is the right one of the last join */
        const int chain = jend == g0;
        i = next - 1;
        if (!left_edge(s, a) || !right_edge(s, n, b) || b - a > NAZIF__MAX_WORD ||
            overlaps(ed, first, last, a, b))
            continue;
        uint8_t w[NAZIF__MAX_WORD];
        size_t lk = 0, rk = 0;
        int ll = 0, rl = 0;
        put_letters(s, a, g0, w, &lk, &ll);
        uint8_t r[NAZIF__MAX_WORD];
        put_letters(s, g1, b, r, &rk, &rl);
        /* ة and ى end a word: a tatweel after them is a dash */
        if (ll == 0 || rl == 0 || final_only(w, lk)) continue;
        /* the joined word: the left as it goes out (after a join, the
           joined word), then the right */
        uint8_t t[NAZIF__MAX_WORD];
        size_t tk = 0;
        if (chain) {
            memcpy(t, j, jn);
            tk = jn;
        } else {
            memcpy(t, w, lk);
            tk = lk;
        }
        if (tk + rk > sizeof t) continue;
        memcpy(t + tk, r, rk);
        tk += rk;
        const int cj = wclass(lex, t, tk);
        const int cl = chain ? jc : ll == 1 ? -1 : wclass(lex, w, lk);
        const int cr = rl == 1 ? -1 : wclass(lex, r, rk);
        int join;
        const char *ev;
        if (left_t && right_t) {
            /* كـ ـكـ ـك shows a letter's forms: one letter on the left
               joins only into a known word of four letters or more */
            if (ll == 1 && !chain)
                join = rl >= 3 && cj >= 1;
            else
                join = cj >= 1 || (cj == 0 && !(cl >= 1 && cr >= 1)) || (cl < 1 && cr < 1);
            ev = cj >= 0 ? "space inside a word, tatweel on both sides of it; lexicon: the joined word is known"
                         : "space inside a word, tatweel on both sides of it; no half is a word seen in news";
        } else {
            /* بـ مليار, لـ "الجوهرة", الـ كورونا: a proclitic or the
               article written apart with tatweel is a newsroom style, not
               a split (ANT has 86 of the one); the lexicon keeps out the
               rest (a tatweel as a dash: اللجنةـ الاربعاء) */
            join = (chain || (ll >= 2 && !detached_article(w, lk))) &&
                   (cj >= 1 || (cj == 0 && cl < 1 && cr < 1));
            ev = cj >= 1 ? "space inside a word, tatweel on one side of it; lexicon: the joined word "
                           "is seen in news"
                         : "space inside a word, tatweel on one side of it; lexicon: the joined word "
                           "is known, no half is a word seen in news";
        }
        if (!join) continue;
        if (chain) {
            /* one edit for the whole chain: the previous join grows */
            if (nazif__edit_extend(ed, b, r, rk)) return NAZIF_ENOMEM;
        } else if (nazif__edit_add(ed, a, b, t, tk, NAZIF_CHANGE_EDIT, NZR_P17, ev)) {
            return NAZIF_ENOMEM;
        }
        memcpy(j, t, tk);
        jn = tk;
        jend = b;
        jc = cj;
    }
    return 0;
}

/* Is there a tatweel right before or after a space in s[0..n)? */
static int tatweel_at_space(const uint8_t *s, size_t n)
{
    /* 80 is a rare byte in Arabic text (a second byte: tatweel D9 80,
       punctuation E2 80 ..) */
    for (const uint8_t *p = s + 1; p < s + n && (p = memchr(p, 0x80, (size_t)(s + n - p))) != NULL; p++)
        if (p[-1] == 0xD9 && ((p - 1 > s && p[-2] == ' ') || (p + 1 < s + n && p[1] == ' ')))
            return 1;
    return 0;
}

int nazif__spaced_join(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                       nazif__edits *ed, size_t first)
{
    const size_t last = ed->n;
    if (n < 5 || !tatweel_at_space(s, n)) return 0;
    if (tatweel_splits(lex, s, n, ed, first, last)) return NAZIF_ENOMEM;
    /* not in Persian, Kurdish or Urdu text (asked only now: most lines
       never get here); what was added is taken back */
    if (ed->n > last && !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n)) ed->n = last;
    return ed->oom ? NAZIF_ENOMEM : 0;
}
