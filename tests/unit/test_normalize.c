/* test_normalize.c -- normalization operations and profiles through the
 * public API: every operation's documented example, the anchors' bugs that
 * must not come back, Persian lines, errors, invalid UTF-8, line ends,
 * idempotence of the profiles.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"

/* Code points used below, named. */
#define AR_ALEF "\xd8\xa7"           /* ا */
#define AR_HAMZA_ABOVE "\xd9\x94"    /* U+0654 combining */
#define AR_TATWEEL "\xd9\x80"        /* ـ */
#define ZWNJ "\xe2\x80\x8c"
#define ZWSP "\xe2\x80\x8b"
#define RLM "\xe2\x80\x8f"

static char *norm(const char *in, unsigned ops)
{
    nazif_norm_options o;
    nazif_norm_options_init(&o);
    o.ops = ops;
    char *out = NULL;
    size_t n = 0;
    if (nazif_normalize(in, strlen(in), &out, &n, &o) != NAZIF_OK) return NULL;
    if (strlen(out) != n) { /* no NUL inside in these tests */
        nazif_free(out);
        return NULL;
    }
    return out;
}

static void check_norm(const char *in, unsigned ops, const char *want)
{
    char *got = norm(in, ops);
    CHECK_EQ_STR(got, want);
    nazif_free(got);
}

static void test_examples(void)
{
    /* each operation alone does what its documentation shows */
    int n = 0;
    for (int i = 0; nazif_norm_op(i); i++) {
        const nazif_norm_op_info *op = nazif_norm_op(i);
        CHECK(op->name && op->description && op->example_in && op->example_out);
        CHECK((op->op & (op->op - 1)) == 0 && (op->op & NAZIF_NORM_ALL_OPS));
        char *got = norm(op->example_in, op->op);
        CHECK_MSG(got && strcmp(got, op->example_out) == 0, "%s: %s -> %s (want %s)", op->name,
                  op->example_in, got ? got : "(null)", op->example_out);
        nazif_free(got);
        n++;
    }
    CHECK(n == 18);
    CHECK(nazif_norm_op(-1) == NULL);
    CHECK(nazif_norm_op(n) == NULL);
    unsigned all = 0;
    for (int i = 0; nazif_norm_op(i); i++) all |= nazif_norm_op(i)->op;
    CHECK(all == NAZIF_NORM_ALL_OPS);
}

static void test_profiles(void)
{
    unsigned ops = 12345;
    CHECK(nazif_norm_profile("none", &ops) == NAZIF_OK && ops == 0);
    CHECK(nazif_norm_profile("faithful", &ops) == NAZIF_OK && ops == NAZIF_NORM_RESTORE);
    CHECK(nazif_norm_profile("search", &ops) == NAZIF_OK && ops == NAZIF_NORM_SEARCH);
    CHECK(nazif_norm_profile("nlp", &ops) == NAZIF_OK && ops == NAZIF_NORM_NLP);
    ops = 7;
    CHECK(nazif_norm_profile("Search", &ops) == NAZIF_EINVAL && ops == 7);
    CHECK(nazif_norm_profile(NULL, &ops) == NAZIF_EINVAL);
    /* teh marbuta: folded for search, kept for nlp */
    CHECK(NAZIF_NORM_SEARCH & NAZIF_NORM_TEH_MARBUTA);
    CHECK(!(NAZIF_NORM_NLP & NAZIF_NORM_TEH_MARBUTA));
    check_norm("مدرسة", NAZIF_NORM_SEARCH, "مدرسه");
    check_norm("مدرسة", NAZIF_NORM_NLP, "مدرسة");
    /* faithful is what clean does to words */
    check_norm("وقف إطلاق النـ.ار د.محمد", NAZIF_NORM_FAITHFUL, "وقف إطلاق النار د.محمد");
    check_norm("مُحَمَّدٌ", NAZIF_NORM_FAITHFUL, "مُحَمَّدٌ");
    nazif_norm_options o;
    nazif_norm_options_init(&o);
    CHECK(o.version == NAZIF_NORM_OPTIONS_VERSION && o.ops == NAZIF_NORM_SEARCH && !o.lexicon);
}

/* The anchors' bugs (shared/docs/anchors.md) must not come back. */
static void test_anchor_bugs(void)
{
    /* PyArabic normalize_searchtext: على -> علا */
    check_norm("على", NAZIF_NORM_SEARCH, "علي");
    check_norm("على", NAZIF_NORM_YEH, "علي");
    /* PyArabic normalize_hamza: أردوغان -> ءردوغان */
    check_norm("أردوغان", NAZIF_NORM_SEARCH, "اردوغان");
    check_norm("أردوغان", NAZIF_NORM_HAMZA, "أردوغان");
    /* ZWNJ never becomes a space inside a word */
    check_norm("كل" ZWNJ "مة", NAZIF_NORM_SEARCH, "كلمه");
    check_norm("كل" ZWNJ "مة", NAZIF_NORM_INVISIBLE, "كلمة");
    check_norm("من می" ZWNJ "خواهم این کتاب را", NAZIF_NORM_SEARCH,
               "من می" ZWNJ "خواهم این کتاب را");
    /* Persian letters are never deleted; Persian lines keep them */
    check_norm("پاکستان و گیلان چای ژاله", NAZIF_NORM_SEARCH, "پاکستان و گیلان چای ژاله");
    check_norm("این کتاب خوب است", NAZIF_NORM_SEARCH, "این کتاب خوب است");
    /* a hyphen inside a word stays */
    check_norm("أبو-ظبي جربة-جرجيس", NAZIF_NORM_SEARCH, "ابو-ظبي جربه-جرجيس");
    /* the obfuscated word is one word (Lucene, CAMeL, Snowball keep it broken) */
    check_norm("التـ.ـوتر الـ.ـنار قـ.ـصف", NAZIF_NORM_SEARCH, "التوتر النار قصف");
    /* look-alikes that are not obfuscation stay */
    check_norm("د.محمد ق.م الطوفان.. حكايات 3.5%", NAZIF_NORM_SEARCH,
               "د.محمد ق.م الطوفان.. حكايات 3.5%");
}

static void test_ops_details(void)
{
    /* composition then folding */
    check_norm(AR_ALEF AR_HAMZA_ABOVE "حمد", NAZIF_NORM_COMPOSE, "أحمد");
    check_norm(AR_ALEF AR_HAMZA_ABOVE "حمد", NAZIF_NORM_COMPOSE | NAZIF_NORM_ALEF, "احمد");
    check_norm("ل" AR_HAMZA_ABOVE, NAZIF_NORM_COMPOSE, "ل" AR_HAMZA_ABOVE);
    check_norm("ل" AR_HAMZA_ABOVE, NAZIF_NORM_COMPOSE | NAZIF_NORM_HARAKAT, "ل");
    /* maksura: only at the end of a word, also before a hyphen */
    check_norm("في بيتي-هنا يمين", NAZIF_NORM_MAKSURA, "فى بيتى-هنا يمين");
    /* tatweel carrying a dagger alef */
    check_norm("الرحمـٰن", NAZIF_NORM_SEARCH, "الرحمن");
    /* digits and punctuation */
    check_norm("١٢٫٥٪، ۱۴۰۳؟", NAZIF_NORM_DIGITS | NAZIF_NORM_PUNCT, "12.5%, 1403?");
    /* presentation forms then Persian letters (ﮐ is a form of ک) */
    check_norm("ﮐﺘﺎﺏ في المكتبة", NAZIF_NORM_PRESFORMS | NAZIF_NORM_PERSIAN, "كتاب في المكتبة");
    check_norm("ﷺ", NAZIF_NORM_SEARCH, "ﷺ");
    /* invisible characters outside words go too; bidi controls */
    check_norm(RLM "كلمة" RLM " " ZWSP, NAZIF_NORM_INVISIBLE, "كلمة ");
    /* lower */
    check_norm("GPS Été", NAZIF_NORM_LOWER, "gps été");
    check_norm("ΣΊΣΥΦΟΣ ПРИВЕТ İ", NAZIF_NORM_LOWER, "σίσυφοσ привет i");
    /* strip-accents: Latin and Greek only; Arabic hamza/madda, Cyrillic й stay */
    check_norm("Café Ἀθῆναι", NAZIF_NORM_ACCENTS, "Cafe Αθηναι");
    check_norm("آمن أحمد й", NAZIF_NORM_ACCENTS, "آمن أحمد й");
    check_norm("ÉTÉ", NAZIF_NORM_LOWER | NAZIF_NORM_ACCENTS, "ete");
    check_norm("Café", NAZIF_NORM_NLP, "Café");
    /* none: nothing changes */
    check_norm("مُحَمَّدٌ التـ.ـوتر ﻻ ٢٠٢٤", 0, "مُحَمَّدٌ التـ.ـوتر ﻻ ٢٠٢٤");
}

static void test_bytes(void)
{
    nazif_norm_options o;
    nazif_norm_options_init(&o);
    char *out = NULL;
    size_t n = 0;
    /* line ends, CRLF, NUL, no final newline, empty */
    static const char in1[] = "أ\r\nب\0ت\n\nـ";
    CHECK(nazif_normalize(in1, sizeof in1 - 1, &out, &n, &o) == NAZIF_OK);
    CHECK(n == 11 && memcmp(out, "\xd8\xa7\r\n\xd8\xa8\0\xd8\xaa\n\n", 11) == 0);
    CHECK(out && out[n] == '\0');
    nazif_free(out);
    CHECK(nazif_normalize("", 0, &out, &n, &o) == NAZIF_OK && n == 0 && out && out[0] == 0);
    nazif_free(out);
    /* invalid UTF-8 -> U+FFFD, or an error with STRICT */
    static const char bad[] = "ab\xff" "c\xd8";
    CHECK(nazif_normalize(bad, sizeof bad - 1, &out, &n, &o) == NAZIF_OK);
    CHECK_EQ_STR(out, "ab\xef\xbf\xbd" "c\xef\xbf\xbd");
    nazif_free(out);
    o.flags = NAZIF_STRICT_UTF8;
    out = (char *)1;
    CHECK(nazif_normalize(bad, sizeof bad - 1, &out, &n, &o) == NAZIF_EUTF8 && out == NULL);
    /* errors */
    o.flags = 0;
    o.ops = NAZIF_NORM_YEH | NAZIF_NORM_MAKSURA;
    CHECK(nazif_normalize("x", 1, &out, &n, &o) == NAZIF_EINVAL);
    o.ops = 0x80000000u;
    CHECK(nazif_normalize("x", 1, &out, &n, &o) == NAZIF_EINVAL);
    o.ops = 0;
    o.version = 99;
    CHECK(nazif_normalize("x", 1, &out, &n, &o) == NAZIF_EINVAL);
    CHECK(nazif_normalize(NULL, 1, &out, &n, NULL) == NAZIF_EINVAL);
    CHECK(nazif_normalize("x", 1, NULL, &n, NULL) == NAZIF_EINVAL);
    /* the caller-buffer form refuses a buffer below the bound */
    nazif_tokenizer *tk = NULL;
    CHECK(nazif_tokenizer_new(&tk, NULL) == NAZIF_OK);
    char small[4];
    size_t got = 0;
    CHECK(nazif_tokenizer_normalize(tk, "كلمة طويلة", strlen("كلمة طويلة"), small, sizeof small,
                                    &got) == NAZIF_EINVAL);
    char big[64];
    CHECK(nazif_tokenizer_normalize(tk, "أ", 2, big, sizeof big, &got) == NAZIF_OK && got == 2);
    nazif_tokenizer_free(tk);
    nazif_tokenizer_free(NULL);
    CHECK(nazif_normalize_bound(10) >= 30);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    size_t got;
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *q = realloc(p, cap *= 2);
            if (!q) { free(p); p = NULL; }
            p = q;
        }
    }
    fclose(f);
    if (p) *len = n;
    return p;
}

/* normalize(normalize(x)) == normalize(x) for the profiles. */
static void test_idempotence(void)
{
    const char *shared = getenv("NAZIF_SHARED");
    char path[4096];
    snprintf(path, sizeof path, "%s/seed/seed-article.txt", shared ? shared : "../shared");
    size_t len = 0;
    char *text = read_file(path, &len);
    if (!text) {
        printf("test_normalize: %s not found, idempotence on the seed article skipped\n", path);
        return;
    }
    const unsigned profiles[] = {NAZIF_NORM_SEARCH, NAZIF_NORM_NLP,
                                 NAZIF_NORM_SEARCH | NAZIF_NORM_PUNCT | NAZIF_NORM_HAMZA};
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++) {
        nazif_norm_options o;
        nazif_norm_options_init(&o);
        o.ops = profiles[i];
        char *a = NULL, *b = NULL;
        size_t na = 0, nb = 0;
        CHECK(nazif_normalize(text, len, &a, &na, &o) == NAZIF_OK);
        CHECK(na <= nazif_normalize_bound(len));
        CHECK(a && nazif_normalize(a, na, &b, &nb, &o) == NAZIF_OK);
        CHECK_MSG(a && b && na == nb && memcmp(a, b, na) == 0, "profile %zu not idempotent", i);
        /* line structure kept */
        size_t la = 0, lt = 0;
        for (size_t k = 0; a && k < na; k++) la += a[k] == '\n';
        for (size_t k = 0; k < len; k++) lt += text[k] == '\n';
        CHECK(la == lt);
        nazif_free(a);
        nazif_free(b);
    }
    free(text);
}

int main(void)
{
    test_examples();
    test_profiles();
    test_anchor_bugs();
    test_ops_details();
    test_bytes();
    test_idempotence();
    return DONE("normalize");
}
