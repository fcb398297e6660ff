/* test_phrase_lookups.c -- two look-ups of src/phrases.c against the plain
 * searches they replace.  nazif__phr_head() (a hash of the prefixes
 * instead of a binary search each) gives the phrase and the rest that the
 * binary search of nazif__phr_head_tab gives, on every head phrase with
 * endings and on the normalised lines of tests/furniture and
 * tests/golden.  nazif__phr_first_strong(), the classifier's test of a
 * sentence's first word, answers as
 * nazif__phr_first_word() & NAZIF__FIRST_STRONG does: on every line that
 * begins with three Arabic letters (each of U+0621..U+063A, U+0641..U+064A)
 * or two, with a dozen endings each, and on the first words of the table
 * with their letters written as the letters that fold to them (أ إ آ for
 * ا, ى for ي, ة for ه), harakat, tatweel and marks after them.  It fails
 * when a bit of nazif__phr_strong2 or nazif__phr_strong3 is missing, or
 * when the prefix test reads a letter the normaliser changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "internal.h"
#define NAZIF__PHRASES_TABLES_IMPL
#include "phrases_tables.h"

static long differ;

static void one(const uint8_t *s, size_t n)
{
    const int want = (nazif__phr_first_word(s, n) & NAZIF__FIRST_STRONG) != 0;
    const int got = nazif__phr_first_strong(s, n);
    if (want != got) {
        if (differ < 10)
            fprintf(stderr, "first_strong(\"%.*s\") = %d, first_word says %d\n", (int)n,
                    (const char *)s, got, want);
        differ++;
    }
}

/* the endings put after a prefix or a word */
static const char *const ends[] = {
    "",       " ",        " كتب",   ":",       " :",    "-",  "1",    "x",  "\t",
    "ٌ",      "ـ",        "ـة ",    "ة",       "ى ",    "أ",  "ؤ",   "ئ ",  "\xc2\xa0",
    "ي الأخ", "ون على", "، قال", "ًا ", "...", "؟",
};
#define NENDS (sizeof ends / sizeof ends[0])

static void with_ends(const uint8_t *p, size_t pn)
{
    uint8_t buf[96];
    for (size_t e = 0; e < NENDS; e++) {
        const size_t en = strlen(ends[e]);
        memcpy(buf, p, pn);
        memcpy(buf + pn, ends[e], en);
        one(buf, pn + en);
    }
}

/* U+0621..U+063A, U+0641..U+064A as UTF-8 */
static size_t letters(uint8_t (*l)[2])
{
    size_t k = 0;
    for (unsigned cp = 0x0621; cp <= 0x064A; cp++) {
        if (cp > 0x063A && cp < 0x0641) continue;
        l[k][0] = (uint8_t)(0xC0 | cp >> 6);
        l[k][1] = (uint8_t)(0x80 | (cp & 0x3F));
        k++;
    }
    return k;
}

static void test_prefixes(void)
{
    uint8_t l[64][2], p[8];
    const size_t nl = letters(l);
    for (size_t a = 0; a < nl; a++)
        for (size_t b = 0; b < nl; b++) {
            memcpy(p, l[a], 2);
            memcpy(p + 2, l[b], 2);
            with_ends(p, 4);
            for (size_t c = 0; c < nl; c++) {
                memcpy(p + 4, l[c], 2);
                with_ends(p, 6);
            }
        }
    CHECK_MSG(differ == 0, "%ld lines of two or three letters differ", differ);
}

/* the letters that fold to the two bytes at w (ا ي ه), or none */
static const char *const *variants(const uint8_t *w)
{
    static const char *const alef[] = {"ا", "أ", "إ", "آ", NULL};
    static const char *const yeh[] = {"ي", "ى", NULL};
    static const char *const heh[] = {"ه", "ة", NULL};
    if (w[0] == 0xD8 && w[1] == 0xA7) return alef;
    if (w[0] == 0xD9 && w[1] == 0x8A) return yeh;
    if (w[0] == 0xD9 && w[1] == 0x87) return heh;
    return NULL;
}

static void test_table_words(void)
{
    static const char *const marks[] = {"", "َ", "ّ", "ـ", "ٰ"};
    long strong = 0;
    differ = 0;
    for (size_t k = 0; k < NAZIF__PHR_FIRST_TAB_N; k++) {
        const uint8_t *w = (const uint8_t *)nazif__phr_first_tab[k].s;
        const size_t n = nazif__phr_first_tab[k].len;
        strong += (nazif__phr_first_tab[k].bits & NAZIF__FIRST_STRONG) != 0;
        uint8_t buf[96];
        if (n + 16 > sizeof buf) continue;
        with_ends(w, n);
        /* each of the first three letters written as each letter that
           folds to it, one at a time, and a mark after it */
        for (size_t i = 0; i + 1 < n && i < 6; i += 2) {
            const char *const *v = variants(w + i);
            for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++)
                for (size_t j = 0; v ? v[j] != NULL : j < 1; j++) {
                    const size_t vl = v ? strlen(v[j]) : 2, ml = strlen(marks[m]);
                    memcpy(buf, w, i);
                    memcpy(buf + i, v ? (const uint8_t *)v[j] : w + i, vl);
                    memcpy(buf + i + vl, marks[m], ml);
                    memcpy(buf + i + vl + ml, w + i + 2, n - i - 2);
                    with_ends(buf, i + vl + ml + n - i - 2);
                }
        }
        /* after a bullet or a quote: not a letter first */
        memcpy(buf, "\xe2\x80\xa2 ", 4);
        memcpy(buf + 4, w, n);
        with_ends(buf, n + 4);
    }
    CHECK(strong > 0);
    CHECK_MSG(differ == 0, "%ld lines of table words differ", differ);
    /* a line that begins with a strong word is found strong */
    static const char *const yes[] = {"اشترك في النشرة", "إشترك في النشرة", "جميع الحقوق محفوظة"};
    for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++)
        CHECK_MSG(nazif__phr_first_strong((const uint8_t *)yes[k], strlen(yes[k])) ==
                      ((nazif__phr_first_word((const uint8_t *)yes[k], strlen(yes[k])) &
                        NAZIF__FIRST_STRONG) != 0),
                  "%s", yes[k]);
}

/* nazif__phr_head() as it was: ends found by decoding, each looked up by a
   binary search of the sorted table */
static int ref_alnum(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) ||
           (cp >= 0x066E && cp <= 0x066F) || (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x06D5 ||
           (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || cp == 0xA9;
}

static const nazif__phrase *ref_head(const uint8_t *s, size_t n, size_t *rest)
{
    size_t ends[8], i = 0;
    int ne = 0, in_word = 0;
    while (i < n && i < 255 && ne < 8) {
        size_t len;
        const uint32_t cp = nazif__utf8_decode(s + i, n - i, &len);
        const int a = ref_alnum(cp) || cp == '\'' || cp == 0x2019 || cp == '-';
        if (in_word && !a) ends[ne++] = i;
        in_word = a;
        i += len;
    }
    if (in_word && i == n && ne < 8) ends[ne++] = n;
    for (int k = ne - 1; k >= 0; k--) {
        size_t lo = 0, hi = NAZIF__PHR_HEAD_TAB_N;
        const nazif__phrase *p = NULL;
        while (lo < hi && !p) {
            const size_t mid = lo + (hi - lo) / 2;
            const nazif__phrase *q = &nazif__phr_head_tab[mid];
            const size_t m = ends[k] < q->len ? ends[k] : q->len;
            int c = memcmp(s, q->s, m);
            if (c == 0) c = ends[k] < q->len ? -1 : ends[k] > q->len;
            if (c == 0) p = q;
            else if (c < 0) hi = mid;
            else lo = mid + 1;
        }
        if (!p) continue;
        size_t j = ends[k], len;
        if (p->colon && (j >= n || s[j] != ':')) continue;
        while (j < n && !ref_alnum(nazif__utf8_decode(s + j, n - j, &len))) j++;
        *rest = j;
        return p;
    }
    return NULL;
}

static long head_checked, head_found, head_differ;

static void head_one(const uint8_t *s, size_t n)
{
    size_t r1 = SIZE_MAX, r2 = SIZE_MAX;
    const nazif__phrase *a = nazif__phr_head(s, n, &r1), *b = ref_head(s, n, &r2);
    head_checked++;
    head_found += b != NULL;
    /* (the test has its own copy of the tables: the strings compared) */
    const int same = a && b ? a->len == b->len && memcmp(a->s, b->s, a->len) == 0 && a->cat == b->cat
                            : a == b;
    if (!same || r1 != r2) {
        if (head_differ < 10)
            fprintf(stderr, "phr_head(\"%.*s\"): %s %zu, the binary search %s %zu\n", (int)n, (const char *)s,
                    a ? a->s : "none", r1, b ? b->s : "none", r2);
        head_differ++;
    }
}

static void head_lines(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        uint8_t buf[NAZIF__PHR_NORM_MAX];
        int full;
        const size_t m = nazif__phr_normalise((const uint8_t *)line, strcspn(line, "\n"), buf, sizeof buf, &full);
        head_one(buf, m);
    }
    fclose(f);
}

static void test_head(void)
{
    static const char *const tails[] = {"", ":", ": نص", " نص", " - نص", "نص", " ١٢", "'s x"};
    for (size_t k = 0; k < NAZIF__PHR_HEAD_TAB_N; k++) {
        const nazif__phrase *p = &nazif__phr_head_tab[k];
        for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
            uint8_t buf[400];
            const size_t tl = strlen(tails[t]);
            if (p->len + tl > sizeof buf) continue;
            memcpy(buf, p->s, p->len);
            memcpy(buf + p->len, tails[t], tl);
            head_one(buf, p->len + tl);
            /* a prefix of it, cut inside a character too */
            for (size_t c = 1; c < p->len; c += 3) head_one(buf, c);
        }
    }
    static const char *const files[] = {"tests/furniture/dev/d01.txt", "tests/furniture/dev/d02.txt",
                                        "tests/furniture/dev/d03.txt", "tests/golden/furniture.in",
                                        "tests/golden/furniture2.in"};
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) head_lines(files[k]);
    CHECK(head_found > (long)NAZIF__PHR_HEAD_TAB_N);
    CHECK_MSG(head_differ == 0, "%ld of %ld head look-ups differ", head_differ, head_checked);
}

int main(void)
{
    test_head();
    test_prefixes();
    test_table_words();
    return DONE("phrase_lookups");
}
