/* test_p17_table.c -- rule P17's window table (src/p17_table.h): the
 * splits P17 makes pass it, ordinary word pairs mostly do not, and the
 * cleaner gives the same text with the table (the built-in lexicon) as
 * without it (the same lexicon opened from a copy with other bytes, which
 * goes without the table).  tools/p17-verify.c (make check-p17) checks the
 * table against every ANT key and its clitic forms.
 * Run from the repository root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"
#include "internal.h"
#include "restore.h"

extern const unsigned char nazif__lex_blob[];
extern const size_t nazif__lex_blob_size;

/* the window test on "head tail" */
static int window(const char *pair)
{
    const char *sp = strchr(pair, ' ');
    return nazif__p17_window((const uint8_t *)pair, strlen(pair), (size_t)(sp - pair));
}

/* splits P17 joins (tests/unit/test_cleaner.c, ANT) and their forms */
static const char *const joins[] = {
    "المقا ومة", "إسرا ئيل", "الاحتلا ل", "الإسرا ئيلي", "وزرا ء", "ميا ه", "نقا بة",
    "الا علامي", "المسا عدات", "بالمقا ومة", "والمسا عدات", "مقا ومتها", "إسرا ئيلية",
    "الإعلا م",
};

/* ordinary word pairs of ANT whose window no word P17 can make has */
static const char *const pairs[] = {
    "يصابوا بذلك", "سوريا ووصول", "مفصلا عن", "إيجاد حل", "بشير بن", "ذاتها عن",
    "مبدأ فصل", "إطار برنامج", "مستقبلا في", "كما دعا", "أيضا خلال", "عبر شبكات",
};

/* the whole output of a cleaner with lexicon lex on text */
static char *clean_with(const nazif_lexicon *lex, const char *text, size_t len, size_t *out_len)
{
    nazif_clean_options o;
    nazif_clean_options_init(&o);
    o.lexicon = lex;
    nazif_cleaner *c = NULL;
    if (nazif_cleaner_new(&c, &o) != NAZIF_OK) return NULL;
    size_t cap = 2 * len + 4096, n = 0;
    char *out = malloc(cap);
    nazif_inbuf in = {text, len, 0};
    int rc;
    do {
        nazif_outbuf ob = {out + n, cap - n, 0};
        rc = nazif_cleaner_stream(c, &in, &ob);
        n += ob.pos;
    } while (rc == 1 && n < cap);
    if (rc == NAZIF_OK) {
        do {
            nazif_outbuf ob = {out + n, cap - n, 0};
            rc = nazif_cleaner_finish(c, &ob);
            n += ob.pos;
        } while (rc == 1 && n < cap);
    }
    nazif_cleaner_free(c);
    if (rc != NAZIF_OK) {
        free(out);
        return NULL;
    }
    *out_len = n;
    return out;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while ((r = fread(b + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) b = realloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

/* text cleaned with the built-in lexicon (table) and with lex2 (none) */
static void same_text(const nazif_lexicon *lex2, const char *what, const char *text, size_t len)
{
    size_t n1 = 0, n2 = 0;
    char *a = clean_with(NULL, text, len, &n1);
    char *b = clean_with(lex2, text, len, &n2);
    CHECK_MSG(a && b && n1 == n2 && memcmp(a, b, n1) == 0, "%s: the table changes the output", what);
    free(a);
    free(b);
}

/* Is s[i] (0 < i, i + 1 < n) a space P17's map must give: after a byte
   that may end a non-joining letter (A1..A7, AF..B2, 88), before an
   Arabic lead byte (D8, D9)? */
static int candidate(const uint8_t *s, size_t i)
{
    const uint8_t b = s[i - 1];
    return s[i] == ' ' && ((b >= 0xA1 && b <= 0xA7) || (b >= 0xAF && b <= 0xB2) || b == 0x88) &&
           (s[i + 1] == 0xD8 || s[i + 1] == 0xD9);
}

/* The map against candidate(), on lines of 1 to 200 bytes built from the
   bytes that matter (every byte 80..BF before a space, both lead bytes
   and others after it), at every offset of its 32- and 64-byte blocks
   and of the line's last, partial block. */
static void test_map(void)
{
    static const uint8_t after[] = {0xD8, 0xD9, 0xDA, 0xD7, 'a', ' '};
    uint8_t line[256];
    size_t pos[256];
    unsigned seed = 12345;
    int bad = 0;
    for (size_t n = 1; n <= 200; n++) {
        for (int rep = 0; rep < 24; rep++) {
            for (size_t i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                const unsigned r = seed >> 16;
                line[i] = r % 3 == 0 ? ' ' : r % 3 == 1 ? (uint8_t)(0x80 + (r >> 2) % 64)
                                                        : after[(r >> 2) % sizeof after];
            }
            const size_t k = nazif__p17_map(line, n, pos, sizeof pos / sizeof pos[0]);
            size_t want = 0, j = 0;
            int ok = 1;
            for (size_t i = 1; i + 1 < n; i++) {
                if (!candidate(line, i)) continue;
                want++;
#if defined(__SSE2__)
                ok &= j < k && pos[j] == i;
                j++;
#endif
            }
#if defined(__SSE2__)
            ok &= k == want;
#else
            ok &= k >= want; /* every space */
#endif
            bad += !ok;
        }
    }
    CHECK_MSG(bad == 0, "%d lines whose map differs", bad);
}

int main(void)
{
    test_map();
    for (size_t i = 0; i < sizeof joins / sizeof joins[0]; i++)
        CHECK_MSG(window(joins[i]), "refused: %s", joins[i]);
    int refused = 0;
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) refused += !window(pairs[i]);
    CHECK_MSG(refused == (int)(sizeof pairs / sizeof pairs[0]), "%d of the pairs refused", refused);
    /* harakat in the window: the table does not say */
    CHECK(window("المق\xD9\x8Eا ومة"));
    CHECK(window("الم\xD9\x8Eقا ومة"));
    CHECK(window("يصابوا ب\xD9\x90ذلك"));

    /* which lexicons use the table */
    CHECK(nazif__lex_builtin(NULL));
    CHECK(nazif__lex_builtin(nazif_lexicon_default()));
    nazif_lexicon *same = NULL, *other = NULL;
    CHECK(nazif_lexicon_open(&same, nazif__lex_blob, nazif__lex_blob_size) == NAZIF_OK);
    CHECK(same && nazif__lex_builtin(same));
    /* the same words, other bytes (the header's unused last field) */
    unsigned char *copy = malloc(nazif__lex_blob_size);
    memcpy(copy, nazif__lex_blob, nazif__lex_blob_size);
    copy[36] ^= 1;
    CHECK(nazif_lexicon_open(&other, copy, nazif__lex_blob_size) == NAZIF_OK);
    CHECK(other && !nazif__lex_builtin(other));

    /* the same output with and without the table */
    static const char lines[] =
        "تحدث قادة المقا ومة عن الهدنة ووصلت المسا عدات\n"
        "ردت إسرا ئيل على الاتهامات وقوات الاحتلا ل الإسرا ئيلي هناك\n"
        "اجتمع وزرا ء الخارجية ونقا بة الصحفيين بشأن ميا ه الشرب\n"
        "يصابوا بذلك سوريا ووصول كما دعا أيضا خلال عبر شبكات\n";
    size_t n1 = 0;
    char *a = clean_with(NULL, lines, sizeof lines - 1, &n1);
    CHECK(a && strstr(a, "المقاومة") && strstr(a, "إسرائيل") && strstr(a, "وزراء") &&
          strstr(a, "يصابوا بذلك"));
    free(a);
    if (other) {
        same_text(other, "lines", lines, sizeof lines - 1);
        static const char *const files[] = {
            "tests/golden/lexicon.in", "tests/golden/patterns.in", "tests/golden/strokes.in",
            "tests/golden/twoway.in",  "tests/golden/furniture.in", "data/sample/article.txt",
        };
        for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
            size_t len = 0;
            char *t = slurp(files[i], &len);
            CHECK_MSG(t != NULL, "%s missing", files[i]);
            if (t) same_text(other, files[i], t, len);
            free(t);
        }
        const char *sh = getenv("NAZIF_SHARED");
        char path[4096];
        snprintf(path, sizeof path, "%s/seed/seed-article.txt", sh ? sh : "../shared");
        size_t len = 0;
        char *t = slurp(path, &len);
        if (t) same_text(other, "the seed article", t, len);
        else printf("skip: %s missing\n", path);
        free(t);
    }
    nazif_lexicon_free(same);
    nazif_lexicon_free(other);
    free(copy);
    return DONE("p17_table");
}
