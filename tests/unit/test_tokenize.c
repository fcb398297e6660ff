/* test_tokenize.c -- the tokenizer through the public API: tokens and their
 * offsets into the original text (obfuscated words, fused words, hyphens,
 * numbers, ZWNJ), the offsets round trip on the shared seed article and dev
 * set, stopping early, stop words, the light stemmer and its edge cases, a
 * custom stemmer, errors.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"
#include "restore.h"
#include "textnorm.h"

#define ZWNJ "\xe2\x80\x8c"
#define ZWSP "\xe2\x80\x8b"

#define MAXT 4096

typedef struct tok {
    char text[256];
    char word[256];
    uint64_t start, end, line;
    int kind;
} tok;

typedef struct toks {
    tok t[MAXT];
    int n;
    int stop_after; /* stop after this many tokens (0: never) */
    int order_ok;
} toks;

static int collect(void *ctx, const nazif_token *t)
{
    toks *ts = ctx;
    if (ts->n > 0 && t->start < ts->t[ts->n - 1].start) ts->order_ok = 0;
    if (t->start > t->end) ts->order_ok = 0;
    if (ts->n < MAXT) {
        tok *x = &ts->t[ts->n];
        size_t l = t->len < 255 ? t->len : 255;
        memcpy(x->text, t->text, l);
        x->text[l] = 0;
        l = t->word_len < 255 ? t->word_len : 255;
        memcpy(x->word, t->word, l);
        x->word[l] = 0;
        x->start = t->start;
        x->end = t->end;
        x->line = t->line;
        x->kind = t->kind;
    }
    ts->n++;
    return ts->stop_after && ts->n >= ts->stop_after;
}

static toks *run(const char *text, size_t len, const nazif_token_options *o)
{
    static toks ts;
    memset(&ts, 0, sizeof ts);
    ts.order_ok = 1;
    int rc = nazif_tokenize(text, len, o, collect, &ts);
    if (rc != NAZIF_OK) ts.n = -1;
    return &ts;
}

static toks *run_search(const char *text)
{
    nazif_token_options o;
    nazif_token_options_init(&o);
    return run(text, strlen(text), &o);
}

/* Token i has this text and covers exactly this substring of in. */
static void check_tok(const char *in, const toks *ts, int i, const char *text, const char *orig)
{
    CHECK_MSG(i < ts->n, "token %d missing (only %d)", i, ts->n);
    if (i >= ts->n) return;
    CHECK_EQ_STR(ts->t[i].text, text);
    size_t s = (size_t)ts->t[i].start, e = (size_t)ts->t[i].end;
    CHECK_MSG(e - s == strlen(orig) && memcmp(in + s, orig, e - s) == 0,
              "token %d [%zu,%zu) is \"%.*s\", want \"%s\"", i, s, e, (int)(e - s), in + s, orig);
}

static void test_offsets(void)
{
    const char *in = "وقف إطلاق النـ.ار بعد التـ.ـوتر";
    toks *ts = run_search(in);
    CHECK(ts->n == 5 && ts->order_ok);
    check_tok(in, ts, 0, "وقف", "وقف");
    check_tok(in, ts, 1, "اطلاق", "إطلاق");
    check_tok(in, ts, 2, "النار", "النـ.ار");
    check_tok(in, ts, 4, "التوتر", "التـ.ـوتر");

    in = "الشـ. ــهيد و مُحَمَّدٌ، والعم" ZWSP "ر";
    ts = run_search(in);
    CHECK(ts->n == 4);
    check_tok(in, ts, 0, "الشهيد", "الشـ. ــهيد");
    check_tok(in, ts, 2, "محمد", "مُحَمَّدٌ");
    check_tok(in, ts, 3, "والعمر", "والعم" ZWSP "ر");

    /* hyphen inside a word, numbers, ZWNJ in a Persian word */
    in = "أبو-ظبي 3.5% و١٢٫٥ 2020-2021 نهاية. -بداية";
    ts = run_search(in);
    CHECK(ts->n == 6);
    check_tok(in, ts, 0, "ابو-ظبي", "أبو-ظبي");
    check_tok(in, ts, 1, "3.5", "3.5");
    check_tok(in, ts, 2, "و12٫5", "و١٢٫٥");
    check_tok(in, ts, 3, "2020-2021", "2020-2021");
    check_tok(in, ts, 4, "نهايه", "نهاية");
    check_tok(in, ts, 5, "بدايه", "بداية");
    in = "من می" ZWNJ "خواهم این کتاب را";
    ts = run_search(in);
    CHECK(ts->n == 5);
    check_tok(in, ts, 1, "می" ZWNJ "خواهم", "می" ZWNJ "خواهم");

    /* line numbers and offsets across lines, CRLF */
    in = "أ ب\r\n\nج";
    ts = run_search(in);
    CHECK(ts->n == 3 && ts->t[0].line == 1 && ts->t[1].line == 1 && ts->t[2].line == 3);
    check_tok(in, ts, 2, "ج", "ج");

    /* a letter substituted one for one (P14 extended look-alike): the
       token covers the whole word, not from the word's second alef */
    in = "آعلنت ٱلإدارة إلي";
    ts = run_search(in);
    CHECK(ts->n == 3);
    check_tok(in, ts, 1, "الاداره", "ٱلإدارة");

    /* tokens that normalize to nothing are not tokens */
    ts = run_search("دمشق ـ سانا َ");
    CHECK(ts->n == 2);
}

static void test_fused(void)
{
    /* a word fused with the next (P10): two tokens, each with its own bytes */
    const char *in = "بعد الطـ.وفانالذي بدأ";
    toks *ts = run_search(in);
    CHECK(ts->order_ok);
    CHECK(ts->n == 4);
    if (ts->n == 4) {
        check_tok(in, ts, 1, "الطوفان", "الطـ.وفان");
        check_tok(in, ts, 2, "الذي", "الذي");
    }
}

static void test_stop_and_errors(void)
{
    nazif_token_options o;
    nazif_token_options_init(&o);
    static toks ts;
    memset(&ts, 0, sizeof ts);
    ts.order_ok = 1;
    ts.stop_after = 2;
    const char *in = "واحد اثنان ثلاثة أربعة";
    CHECK(nazif_tokenize(in, strlen(in), &o, collect, &ts) == 1);
    CHECK(ts.n == 2);
    CHECK(nazif_tokenize(in, strlen(in), &o, NULL, &ts) == NAZIF_EINVAL);
    o.version = 0;
    CHECK(nazif_tokenize(in, strlen(in), &o, collect, &ts) == NAZIF_EINVAL);
    nazif_token_options_init(&o);
    o.stemmer = NAZIF_STEM_CUSTOM;
    nazif_tokenizer *tk = (nazif_tokenizer *)1;
    CHECK(nazif_tokenizer_new(&tk, &o) == NAZIF_EINVAL && tk == NULL);
    o.stemmer = 7;
    CHECK(nazif_tokenizer_new(&tk, &o) == NAZIF_EINVAL);
    nazif_token_options_init(&o);
    o.flags = 0x100;
    CHECK(nazif_tokenizer_new(&tk, &o) == NAZIF_EINVAL);
    /* strict UTF-8: error with the offset */
    nazif_token_options_init(&o);
    o.norm.flags = NAZIF_STRICT_UTF8;
    CHECK(nazif_tokenizer_new(&tk, &o) == NAZIF_OK);
    memset(&ts, 0, sizeof ts);
    CHECK(nazif_tokenizer_run(tk, "abc\nde\xff", 7, collect, &ts) == NAZIF_EUTF8);
    CHECK(nazif_tokenizer_error_offset(tk) == 6);
    /* the same object works again */
    memset(&ts, 0, sizeof ts);
    CHECK(nazif_tokenizer_run(tk, "abc de", 6, collect, &ts) == NAZIF_OK && ts.n == 2);
    CHECK(nazif_tokenizer_error_offset(tk) == 0);
    nazif_tokenizer_free(tk);
    /* without strict: U+FFFD is a break, not a token */
    toks *t2 = run_search("ab\xff" "cd");
    CHECK(t2->n == 2);
}

static void test_stopwords(void)
{
    nazif_token_options o;
    nazif_token_options_init(&o);
    o.flags = NAZIF_TOK_STOPWORDS;
    const char *in = "ذهب إلى المدرسة على الرغم من ذلك وفي علي";
    toks *ts = run(in, strlen(in), &o);
    /* إلى على من ذلك وفي are stop words; علي is على after fold-yeh */
    CHECK(ts->n == 3);
    if (ts->n == 3) {
        CHECK_EQ_STR(ts->t[0].text, "ذهب");
        CHECK_EQ_STR(ts->t[1].text, "المدرسه");
        CHECK_EQ_STR(ts->t[2].text, "الرغم");
    }
    /* with profile none the stop words are matched as written */
    o.norm.ops = 0;
    ts = run("الى إلى", strlen("الى إلى"), &o);
    CHECK(ts->n == 1 && strcmp(ts->t[0].text, "الى") == 0);
}

static void check_light(const char *w, const char *want)
{
    size_t a = 99, n = 99;
    CHECK(nazif_stem_light(w, strlen(w), &a, &n) == NAZIF_OK);
    CHECK_MSG(n == strlen(want) && memcmp(w + a, want, n) == 0, "light(%s) = %.*s, want %s", w,
              (int)n, w + a, want);
}

static void test_light(void)
{
    /* light10 as Lucene: one prefix, then the suffixes in order */
    check_light("الكتاب", "كتاب");
    check_light("والكتاب", "كتاب");
    check_light("بالكتاب", "كتاب");
    check_light("كالكتاب", "كتاب");
    check_light("فالكتاب", "كتاب");
    check_light("للكتاب", "كتاب");
    check_light("وكتاب", "كتاب");
    check_light("كتابها", "كتاب");
    check_light("كتابان", "كتاب");
    check_light("معلمات", "معلم");
    check_light("معلمون", "معلم");
    check_light("المعلمين", "معلم");
    check_light("كتابيه", "كتاب");
    check_light("جامعية", "جامع");
    check_light("كتابه", "كتاب");
    check_light("مدرسة", "مدرس");
    check_light("سيارتها", "سيارت");
    /* short words and words that only look prefixed */
    check_light("ولد", "ولد");   /* و needs 4 letters */
    check_light("فيل", "فيل");   /* ف alone is not a prefix */
    check_light("في", "في");
    check_light("و", "و");
    check_light("ال", "ال");
    check_light("الى", "الى");   /* ال would leave one letter */
    check_light("", "");
    /* the exception: الله keeps its form (light10 gives له) */
    check_light("الله", "الله");
    check_light("والله", "الله");
    check_light("بالله", "الله");
    check_light("تالله", "الله");
    check_light("اللهم", "اللهم");
    check_light("لله", "لله");
    check_light("ولله", "لله");
    /* not Arabic: untouched */
    check_light("GPS", "GPS");
    check_light("2024", "2024");
    size_t a, n;
    CHECK(nazif_stem_light(NULL, 1, &a, &n) == NAZIF_EINVAL);
    /* the fast letter codes agree with the readable affix lists */
    CHECK(nazif__stem_light_tables_agree());
    /* through the tokenizer: text is the stem, word the whole word */
    nazif_token_options o;
    nazif_token_options_init(&o);
    o.stemmer = NAZIF_STEM_LIGHT;
    const char *in = "والكتاب المـ.ـعلمين";
    toks *ts = run(in, strlen(in), &o);
    CHECK(ts->n == 2);
    if (ts->n == 2) {
        CHECK_EQ_STR(ts->t[0].text, "كتاب");
        CHECK_EQ_STR(ts->t[0].word, "والكتاب");
        CHECK_EQ_STR(ts->t[1].text, "معلم");
        check_tok(in, ts, 1, "معلم", "المـ.ـعلمين");
    }
}

/* A stemmer of our own: the first two bytes (one Arabic letter). */
static char stem_buf[8];
static int first_letter(void *ctx, const char *w, size_t len, const char **stem, size_t *n)
{
    int *calls = ctx;
    (*calls)++;
    if (len >= 2 && memcmp(w, "xx", 2) == 0) return 1; /* XX after lower */
    *n = len < 2 ? len : 2;
    memcpy(stem_buf, w, *n);
    *stem = stem_buf;
    return 0;
}

static void test_custom(void)
{
    int calls = 0;
    nazif_token_options o;
    nazif_token_options_init(&o);
    o.stemmer = NAZIF_STEM_CUSTOM;
    o.stem_fn = first_letter;
    o.stem_ctx = &calls;
    toks *ts = run("كتاب قلم", strlen("كتاب قلم"), &o);
    CHECK(ts->n == 2 && calls == 2);
    if (ts->n == 2) {
        CHECK_EQ_STR(ts->t[0].text, "ك");
        CHECK_EQ_STR(ts->t[1].word, "قلم");
    }
    static toks t2;
    memset(&t2, 0, sizeof t2);
    CHECK(nazif_tokenize("ok XX", 5, &o, collect, &t2) == NAZIF_ECALLBACK);
}


/* ---- the fast path and the general path agree ---------------------------- */

/* Pieces random text is made of: Arabic letters (those the fast table maps
   and those it leaves to the general path), harakat, tatweel, Persian
   letters, ZWNJ and other invisible characters, digits of three scripts,
   Latin, presentation forms, combining hamza, separators, invalid UTF-8. */
static const char *const pieces[] = {
    "\xd8\xa7", "\xd8\xa3", "\xd8\xa5", "\xd8\xa2", "\xd9\x89", "\xd8\xa9", "\xd9\x8a", /* ا أ إ آ ى ة ي */
    "\xd9\x84", "\xd9\x85", "\xd9\x88", "\xd8\xa8", "\xd9\x83", "\xd8\xb3", "\xd9\x81", /* ل م و ب ك س ف */
    "\xd8\xa4", "\xd8\xa6", "\xd8\xa1",                                                /* ؤ ئ ء */
    "\xd9\x8e", "\xd9\x91", "\xd9\x8c", "\xd9\xb0", "\xd9\x80",                        /* harakat, dagger, tatweel */
    "\xd9\x94", "\xd9\x93",                                                            /* combining hamza, madda */
    "\xda\xa9", "\xdb\x8c", "\xda\xbe", "\xd9\xbe",                                    /* ک ی ھ پ */
    ZWNJ, ZWSP, "\xe2\x80\x8f",                                                        /* ZWNJ ZWSP RLM */
    "3", "\xd9\xa3", "\xdb\xb4", ".", ",", "\xd9\xab", "-", "\xd8\x8c", "\xd8\x9f",  /* digits, separators */
    "a", "Z", "\xc3\x89", " ", " ", " ", "\n", "\r\n",
    "\xef\xbb\xbb", "\xef\xb7\xb2", "\xef\xba\x97",                                    /* ﻻ ﷲ ﺗ */
    "\xff", "\xd8", "\xe2\x80",                                                        /* invalid */
    "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x80.\xd9\x80\xd9\x88\xd8\xaa\xd8\xb1",              /* التـ.ـوتر */
};

typedef struct tlist {
    char buf[1 << 16];
    size_t n;
} tlist;

static int serialize(void *ctx, const nazif_token *t)
{
    tlist *l = ctx;
    int k = snprintf(l->buf + l->n, sizeof l->buf - l->n, "%.*s|%.*s|%llu|%llu|%llu|%d\n",
                     (int)t->len, t->text, (int)t->word_len, t->word, (unsigned long long)t->start,
                     (unsigned long long)t->end, (unsigned long long)t->line, t->kind);
    if (k > 0 && (size_t)k < sizeof l->buf - l->n) l->n += (size_t)k;
    return 0;
}

static void test_fast_path(void)
{
    const unsigned ops[] = {NAZIF_NORM_SEARCH, NAZIF_NORM_NLP, NAZIF_NORM_FAITHFUL, 0,
                            NAZIF_NORM_SEARCH & ~NAZIF_NORM_YEH,
                            (NAZIF_NORM_NLP & ~NAZIF_NORM_YEH) | NAZIF_NORM_MAKSURA | NAZIF_NORM_HAMZA |
                                NAZIF_NORM_PUNCT};
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    static tlist a, b;
    static char text[4096], na[16384], nb[16384];
    unsigned long seed = 12345;
    int same = 0, differ = 0;
    for (size_t p = 0; p < sizeof ops / sizeof ops[0]; p++) {
        for (int stem = 0; stem < 3; stem++) {
            nazif_token_options o;
            nazif_token_options_init(&o);
            o.norm.ops = ops[p];
            o.stemmer = stem == 1 ? NAZIF_STEM_LIGHT : NAZIF_STEM_NONE;
            if (stem == 2) o.flags = NAZIF_TOK_CLITICS | NAZIF_TOK_STOPWORDS;
            nazif_tokenizer *fast = NULL, *slow = NULL;
            if (nazif_tokenizer_new(&fast, &o) != NAZIF_OK || nazif_tokenizer_new(&slow, &o) != NAZIF_OK) {
                CHECK(0);
                return;
            }
            nazif__tokenizer_general_only(slow, 1);
            for (int it = 0; it < 400; it++) {
                size_t n = 0;
                int len = (int)(seed % 60);
                for (int k = 0; k < len; k++) {
                    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
                    const char *pc = pieces[(seed >> 33) % npieces];
                    size_t pl = strlen(pc);
                    if (n + pl >= sizeof text) break;
                    memcpy(text + n, pc, pl);
                    n += pl;
                }
                seed = seed * 6364136223846793005ul + 1442695040888963407ul;
                a.n = b.n = 0;
                int ra = nazif_tokenizer_run(fast, text, n, serialize, &a);
                int rb = nazif_tokenizer_run(slow, text, n, serialize, &b);
                size_t la = 0, lb = 0;
                int ta = nazif_tokenizer_normalize(fast, text, n, na, sizeof na, &la);
                int tb = nazif_tokenizer_normalize(slow, text, n, nb, sizeof nb, &lb);
                if (ra == rb && a.n == b.n && memcmp(a.buf, b.buf, a.n) == 0 && ta == tb && la == lb &&
                    memcmp(na, nb, la) == 0) {
                    same++;
                } else {
                    differ++;
                    if (differ <= 3)
                        fprintf(stderr, "fast/general differ (ops %x, %d) on [%.*s]:\n%.*s---\n%.*s\n",
                                ops[p], stem, (int)n, text, (int)a.n, a.buf, (int)b.n, b.buf);
                }
            }
            nazif_tokenizer_free(fast);
            nazif_tokenizer_free(slow);
        }
    }
    CHECK_MSG(differ == 0, "%d of %d random texts tokenize differently", differ, same + differ);
}

/* ---- clitic segmentation -------------------------------------------------- */

/* Each case: the word and its parts, '|' between parts; a part of kind
   proclitic is written "p:" and a suffix "s:" in front.  The byte ranges
   are checked separately (each part covers its own letters, in order). */
static const struct {
    const char *in;
    const char *want;
} clitic_cases[] = {
    /* split */
    {"وبالمدرسة", "p:و|p:ب|p:ال|مدرسه"},
    {"كتابهم", "كتاب|s:هم"},
    {"وكتابها", "p:و|كتاب|s:ها"},
    {"بيته", "بيت|s:ه"},
    {"سيارتها", "سيارت|s:ها"},          /* ت before a suffix: سيارة is the word */
    {"المدرسة", "p:ال|مدرسه"},
    {"للمدرسة", "p:ل|p:ال|مدرسه"},       /* ل + ال, the alef not written */
    {"والله", "p:و|الله"},
    {"بالله", "p:ب|الله"},
    {"ولله", "p:و|لله"},
    {"سيكتبون", "p:س|يكتبون"},
    {"وهذا", "p:و|هذا"},                /* و before a function word */
    {"عنده", "عند|s:ه"},
    {"التوتر", "p:ال|توتر"},             /* listed whole, but the article comes off */
    {"والتوتر", "p:و|p:ال|توتر"},        /* the article before a shorter strip */
    {"وبالمدرسةِ", "p:و|p:ب|p:ال|مدرسه"}, /* a mark at the end stays in the stem */
    /* must not split */
    {"والد", "والد"}, /* not و + الد */
    {"ولد", "ولد"},   /* a word: not و + لد */
    {"فيل", "فيل"},   /* not ف + يل */
    {"الله", "الله"}, /* not ال + له */
    {"اللهم", "اللهم"},
    {"لله", "لله"},
    {"بيت", "بيت"},   /* not ب + يت */
    {"كتب", "كتب"},   /* not ك + تب */
    {"كلهم", "كلهم"}, /* not ك + لهم: ب ك ل س ال take no function word */
    {"سماء", "سماء"}, /* س only before an imperfect verb */
    {"فهم", "فهم"},   /* the stem keeps three letters */
    {"وليد", "وليد"},
    {"إلهام", "الهام"}, /* the article's alef is bare */
    {"مدرسة", "مدرسه"},
    {"كتاب", "كتاب"},
};

static void test_clitics(void)
{
    nazif_token_options o;
    nazif_token_options_init(&o);
    o.flags = NAZIF_TOK_CLITICS;
    for (size_t c = 0; c < sizeof clitic_cases / sizeof clitic_cases[0]; c++) {
        const char *in = clitic_cases[c].in;
        toks *ts = run(in, strlen(in), &o);
        char got[512];
        size_t g = 0;
        int ranges_ok = ts->n > 0;
        uint64_t prev_end = 0, prev_start = 0;
        for (int i = 0; i < ts->n && g < sizeof got - 64; i++) {
            const tok *t = &ts->t[i];
            const char *k = t->kind == NAZIF_TOKEN_PROCLITIC ? "p:" : t->kind == NAZIF_TOKEN_SUFFIX ? "s:" : "";
            g += (size_t)snprintf(got + g, sizeof got - g, "%s%s%s", i ? "|" : "", k, t->text);
            /* in order, inside the word, no gap, no overlap (plain text) */
            if (t->start != (i ? prev_end : 0) || t->end <= t->start || t->end > strlen(in) ||
                t->start < prev_start)
                ranges_ok = 0;
            if (ts->n > 1 && strcmp(t->word, ts->t[0].word) != 0) ranges_ok = 0;
            prev_start = t->start;
            prev_end = t->end;
        }
        got[g] = 0;
        if (prev_end != strlen(in)) ranges_ok = 0;
        CHECK_MSG(strcmp(got, clitic_cases[c].want) == 0, "clitics(%s) = %s, want %s", in, got,
                  clitic_cases[c].want);
        CHECK_MSG(ranges_ok, "clitics(%s): part offsets", in);
    }
    /* an obfuscated word: parts inside its original bytes, in order */
    const char *in = "والمـ.ـدرسة";
    toks *ts = run(in, strlen(in), &o);
    CHECK(ts->n == 3);
    if (ts->n == 3) {
        check_tok(in, ts, 0, "و", "و");
        check_tok(in, ts, 1, "ال", "ال");
        check_tok(in, ts, 2, "مدرسه", "مـ.ـدرسة");
    }
    /* with stop words the clitics are dropped, the stem stays */
    o.flags = NAZIF_TOK_CLITICS | NAZIF_TOK_STOPWORDS;
    ts = run("وبالمدرسة", strlen("وبالمدرسة"), &o);
    CHECK(ts->n == 1 && strcmp(ts->t[0].text, "مدرسه") == 0 && ts->t[0].kind == NAZIF_TOKEN_WORD);
    /* with the light stemmer only the stem part is stemmed */
    o.flags = NAZIF_TOK_CLITICS;
    o.stemmer = NAZIF_STEM_LIGHT;
    ts = run("وبالمدرسة", strlen("وبالمدرسة"), &o);
    CHECK(ts->n == 4 && strcmp(ts->t[3].text, "مدرس") == 0 && strcmp(ts->t[2].text, "ال") == 0);
    /* an unknown flag is still rejected */
    o.flags = 0x80;
    nazif_tokenizer *tk = NULL;
    CHECK(nazif_tokenizer_new(&tk, &o) == NAZIF_EINVAL);
}

/* ---- the offsets round trip on shared data ------------------------------ */

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
            if (!q) free(p);
            p = q;
        }
    }
    fclose(f);
    if (p) *len = n;
    return p;
}

static int bad_utf8(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        unsigned char b = s[i];
        size_t need = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2
                    : b >= 0xF0 && b <= 0xF4 ? 3 : 9;
        if (need == 9 || i + need >= n + (need ? 0 : 1)) return 1;
        for (size_t k = 1; k <= need; k++)
            if ((s[i + k] & 0xC0) != 0x80) return 1;
        i += need + 1;
    }
    return 0;
}

static long rt_tokens, rt_fail;

/*
 * For every token of text: the original bytes between its offsets, run
 * through the same pipeline alone, give exactly that token back.
 */
static void round_trip(const char *what, const char *text, size_t len, unsigned ops)
{
    nazif_token_options o;
    nazif_token_options_init(&o);
    o.norm.ops = ops;
    static toks all;
    memset(&all, 0, sizeof all);
    all.order_ok = 1;
    int rc = nazif_tokenize(text, len, &o, collect, &all);
    CHECK(rc == NAZIF_OK && all.order_ok && all.n <= MAXT);
    static toks one;
    for (int i = 0; i < all.n && i < MAXT; i++) {
        const tok *t = &all.t[i];
        rt_tokens++;
        int ok = t->end <= len && t->start < t->end && !bad_utf8(t->text, strlen(t->text));
        if (ok) {
            memset(&one, 0, sizeof one);
            ok = nazif_tokenize(text + t->start, (size_t)(t->end - t->start), &o, collect, &one) ==
                     NAZIF_OK &&
                 one.n == 1 && strcmp(one.t[0].text, t->text) == 0;
        }
        if (!ok) {
            rt_fail++;
            if (rt_fail <= 10)
                fprintf(stderr, "%s: token \"%s\" [%llu,%llu) = \"%.*s\" gives %d token(s), first \"%s\"\n",
                        what, t->text, (unsigned long long)t->start, (unsigned long long)t->end,
                        (int)(t->end - t->start), text + t->start, one.n, one.n > 0 ? one.t[0].text : "");
        }
    }
}

typedef struct joined {
    char *p;
    size_t n, cap;
    int sep; /* after each token; 0: none */
} joined;

static int join_token(void *ctx, const nazif_token *t)
{
    joined *j = ctx;
    if (j->n + t->len + 2 > j->cap) return 1;
    memcpy(j->p + j->n, t->text, t->len);
    j->n += t->len;
    if (j->sep) j->p[j->n++] = (char)j->sep;
    return 0;
}
/* Token texts of text[0..len) with the operations ops, each followed by
   sep (0: none), as one string (caller frees). */
static char *token_texts(const char *text, size_t len, unsigned ops, int sep)
{
    nazif_token_options o;
    nazif_token_options_init(&o);
    o.norm.ops = ops;
    joined j = {malloc(len * 2 + 16), 0, len * 2 + 16, sep};
    if (!j.p || nazif_tokenize(text, len, &o, join_token, &j) != NAZIF_OK) {
        free(j.p);
        return NULL;
    }
    j.p[j.n] = 0;
    return j.p;
}

/*
 * nazif__line_cut() without a usable space: before the last invalid
 * sequence or U+FFFD of the window's second half (in_word 0), the same
 * place whether the bytes are still invalid or already replaced, so that
 * cleaning twice cuts alike (libFuzzer, idempotence); not for bytes in the
 * window's last 4, where the window may cut a valid character; else at a
 * character boundary near the end (in_word 1).
 */
static void test_line_cut_invalid(void)
{
    const size_t w = NAZIF_LINE_WINDOW;
    uint8_t *line = malloc(w + 8);
    if (!line) return;
    for (size_t i = 0; i + 1 < w + 8; i += 2) {
        line[i] = 0xD8; /* ا ا ا ... */
        line[i + 1] = 0xA7;
    }
    int in_word = -1;
    /* an invalid byte in the second half, then "xxx" and the letters go
       on (as after U+FFFD below, which takes three bytes) */
    const size_t at = w - 1000;
    memcpy(line + at, "\xffxxx", 4);
    size_t cut = nazif__line_cut(line, w, &in_word);
    CHECK_MSG(cut == at && in_word == 0, "invalid byte: cut %zu (want %zu), in_word %d", cut, at, in_word);
    /* U+FFFD there instead, then "x": the same place */
    memcpy(line + at, "\xef\xbf\xbdx", 4);
    cut = nazif__line_cut(line, w, &in_word);
    CHECK_MSG(cut == at && in_word == 0, "U+FFFD: cut %zu (want %zu), in_word %d", cut, at, in_word);
    /* only alefs, the window ending in the middle of one: no invalid
       sequence, the fallback (before the lead byte, in_word 1) */
    for (size_t i = 0; i + 1 < w + 8; i += 2) {
        line[i] = 0xD8;
        line[i + 1] = 0xA7;
    }
    cut = nazif__line_cut(line + 1, w, &in_word);
    CHECK_MSG(in_word == 1 && cut > w - 4 && cut < w && (line[1 + cut] & 0xC0) != 0x80,
              "window end in a letter: cut %zu, in_word %d", cut, in_word);
    /* an invalid byte in the first half only: the fallback too */
    line[1001] = 0xA7;
    cut = nazif__line_cut(line, w, &in_word);
    CHECK_MSG(in_word == 1 && cut > w - 4, "first-half stray byte: cut %zu, in_word %d", cut, in_word);
    free(line);
}

/*
 * A line longer than NAZIF_LINE_WINDOW is cut in pieces, by the tokenizer
 * as by the cleaner; restoration must see across the cut as the cleaner's
 * does.  Variant 0: an exercise instruction at the end of one piece keeps
 * the blank (الكتـ_ـاب) at the start of the next one, so the tokens of the
 * text with restoration are the tokens of nazif_clean()'s output without
 * it.  Variant 1: no safe space in the window's second half, so the cut
 * falls inside بـنسبة, after بـن: a word cut in two is left as it is (the
 * cleaner cannot see it whole), so the tokens, joined, are again clean's
 * output's (the tokenizer ends a token at a cut).
 */
static void test_long_line_context(void)
{
    const char *fill = "\xd9\x83\xd9\x84\xd9\x85\xd8\xa9 ";                  /* كلمة */
    const char *fill_dot = "\xd9\x83\xd9\x84\xd9\x85\xd8\xa9 .";             /* كلمة . */
    const char *cue = "\xd8\xa3\xd9\x83\xd9\x85\xd9\x84 \xd8\xa7\xd9\x84\xd9\x81\xd8\xb1\xd8\xa7\xd8\xba: "; /* أكمل الفراغ: */
    const char *blank = "\xd8\xa7\xd9\x84\xd9\x83\xd8\xaa\xd9\x80_\xd9\x80\xd8\xa7\xd8\xa8"; /* الكتـ_ـاب */
    const char *cutw = "\xd8\xa8\xd9\x80\xd9\x86\xd8\xb3\xd8\xa8\xd8\xa9";    /* بـنسبة */
    const size_t cap = 3u * NAZIF_LINE_WINDOW;
    char *line = malloc(cap);
    if (!line) return;
    for (int variant = 0; variant < 2; variant++) {
        size_t n = 0, want_cut;
        if (variant == 0) {
            /* words up to just before the window's end, the cue, then the
               blank across the window's end: the cut falls before it */
            while (n + strlen(fill) + strlen(cue) + 4 < NAZIF_LINE_WINDOW) {
                memcpy(line + n, fill, strlen(fill));
                n += strlen(fill);
            }
            memcpy(line + n, cue, strlen(cue));
            n += strlen(cue);
            want_cut = n;
            memcpy(line + n, blank, strlen(blank));
            n += strlen(blank);
        } else {
            /* every space is followed by a dot (not a safe cut) */
            const size_t at = NAZIF_LINE_WINDOW - 8; /* بـن | سبة */
            while (n + strlen(fill_dot) < at) {
                memcpy(line + n, fill_dot, strlen(fill_dot));
                n += strlen(fill_dot);
            }
            while (n < at) line[n++] = ' ';
            memcpy(line + n, cutw, strlen(cutw));
            n += strlen(cutw);
            want_cut = at + 6;
        }
        while (n + strlen(fill) < 2 * NAZIF_LINE_WINDOW) {
            memcpy(line + n, fill, strlen(fill));
            n += strlen(fill);
        }
        int in_word = -1;
        size_t cut = nazif__line_cut((const uint8_t *)line, NAZIF_LINE_WINDOW, &in_word);
        CHECK_MSG(in_word == variant && cut == want_cut, "variant %d: cut at %zu (want %zu), in_word %d",
                  variant, cut, want_cut, in_word);
        char *cleaned = NULL;
        size_t cl = 0;
        nazif_clean_options co;
        nazif_clean_options_init(&co);
        co.flags |= NAZIF_KEEP_BOILERPLATE;
        CHECK(nazif_clean(line, n, &cleaned, &cl, &co) == NAZIF_OK);
        const int sep = variant == 0 ? '\n' : 0;
        char *a = token_texts(line, n, NAZIF_NORM_RESTORE, sep);
        char *b = cleaned ? token_texts(cleaned, cl, 0, sep) : NULL;
        CHECK(a && b);
        if (a && b) {
            CHECK_MSG(strcmp(a, b) == 0, "variant %d: tokens with restoration differ from clean's",
                      variant);
            /* and the case is really there */
            CHECK(strstr(cleaned, variant == 0 ? blank : cutw) != NULL);
        }
        free(a);
        free(b);
        nazif_free(cleaned);
    }
    free(line);
}

static void test_round_trip(void)
{
    const char *shared = getenv("NAZIF_SHARED");
    if (!shared) shared = "../shared";
    char path[4096];
    snprintf(path, sizeof path, "%s/seed/seed-article.txt", shared);
    size_t len = 0;
    char *text = read_file(path, &len);
    if (!text) {
        printf("test_tokenize: %s not found ($NAZIF_SHARED), offsets round trip skipped\n", path);
        return;
    }
    const unsigned profiles[] = {NAZIF_NORM_SEARCH, NAZIF_NORM_NLP, NAZIF_NORM_FAITHFUL, 0};
    rt_tokens = rt_fail = 0;
    for (size_t p = 0; p < 4; p++) {
        /* the article one line at a time (MAXT tokens per call) */
        size_t pos = 0;
        while (pos < len) {
            const char *nl = memchr(text + pos, '\n', len - pos);
            size_t end = nl ? (size_t)(nl - text) : len;
            round_trip("seed-article", text + pos, end - pos, profiles[p]);
            pos = end + 1;
        }
    }
    free(text);
    snprintf(path, sizeof path, "%s/data/restore-dev.tsv", shared);
    text = read_file(path, &len);
    if (!text) {
        printf("test_tokenize: %s not found, dev-set round trip skipped\n", path);
    } else {
        size_t pos = 0;
        int first = 1;
        while (pos < len) {
            const char *nl = memchr(text + pos, '\n', len - pos);
            size_t end = nl ? (size_t)(nl - text) : len;
            if (!first) {
                /* column 3 */
                const char *c = text + pos, *e = text + end;
                for (int col = 0; col < 2 && c; col++) {
                    c = memchr(c, '\t', (size_t)(e - c));
                    if (c) c++;
                }
                if (c) {
                    const char *ce = memchr(c, '\t', (size_t)(e - c));
                    if (!ce) ce = e;
                    for (size_t p = 0; p < 4; p++)
                        round_trip("restore-dev", c, (size_t)(ce - c), profiles[p]);
                }
            }
            first = 0;
            pos = end + 1;
        }
        free(text);
    }
    CHECK_MSG(rt_fail == 0, "%ld of %ld tokens do not round-trip", rt_fail, rt_tokens);
    CHECK(rt_tokens > 10000);
    printf("test_tokenize: offsets round trip: %ld tokens, %ld failures\n", rt_tokens, rt_fail);
}

/* Tokens with absolute offsets and lines, for the streaming test. */
typedef struct stoks {
    char *p;          /* "text start end line\n" records */
    size_t n, cap;
    uint64_t base;    /* offset of the current call's text */
    uint64_t lines;   /* line ends before the current call's text */
} stoks;

static int stok(void *ctx, const nazif_token *t)
{
    stoks *st = ctx;
    if (st->n + t->len + 80 > st->cap) {
        size_t c = st->cap * 2 + t->len + 80;
        char *q = realloc(st->p, c);
        if (!q) return 1;
        st->p = q;
        st->cap = c;
    }
    memcpy(st->p + st->n, t->text, t->len);
    st->n += t->len;
    st->n += (size_t)snprintf(st->p + st->n, 80, " %llu %llu %llu\n",
                              (unsigned long long)(st->base + t->start),
                              (unsigned long long)(st->base + t->end),
                              (unsigned long long)(st->lines + t->line));
    return 0;
}

static int contains(const char *s, size_t n, const char *lit)
{
    const size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, lit, m) == 0) return 1;
    return 0;
}

static uint64_t count_nl(const char *s, size_t n)
{
    uint64_t k = 0;
    for (size_t i = 0; i < n; i++) k += s[i] == '\n';
    return k;
}

/*
 * nazif_tokenizer_stream() and nazif_tokenizer_normalize_stream(): the
 * input fed in parts of many sizes gives the tokens (with offsets and
 * lines) and the text of one call over all of it; the unconsumed rest
 * stays below the window plus a part.
 */
static void test_stream(void)
{
    /* short lines, a long line (pieces, one cut inside a word), CRLF, an
       obfuscated word across part boundaries, no final line end */
    const char *word = "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x80.\xd9\x80\xd9\x88\xd8\xaa\xd8\xb1 "; /* التـ.ـوتر */
    const size_t cap = 8u * NAZIF_LINE_WINDOW;
    char *text = malloc(cap);
    if (!text) return;
    size_t n = 0;
    for (int i = 0; i < 50; i++) n += (size_t)snprintf(text + n, cap - n, "%s%d\r\n", word, i);
    while (n < 3u * NAZIF_LINE_WINDOW) {
        memcpy(text + n, word, strlen(word));
        n += strlen(word);
    }
    for (int i = 0; i < 40000 && n + 2 < 5u * NAZIF_LINE_WINDOW; i++) {
        memcpy(text + n, "\xd8\xa8", 2); /* no space: a cut inside a word */
        n += 2;
    }
    text[n++] = '\n';
    /* a line cut inside بـنسـبة after بـن (no safe space before): the
       second piece starts inside a word, so سـبة alone is not restored */
    const size_t line0 = n, at = NAZIF_LINE_WINDOW - 8;
    while (n - line0 + 10 < at) {
        memcpy(text + n, "\xd9\x83\xd9\x84\xd9\x85\xd8\xa9 .", 10); /* كلمة . */
        n += 10;
    }
    while (n - line0 < at) text[n++] = ' ';
    const char *cut_word = "\xd8\xa8\xd9\x80\xd9\x86\xd8\xb3\xd9\x80\xd8\xa8\xd8\xa9"; /* بـنسـبة */
    memcpy(text + n, cut_word, strlen(cut_word));
    n += strlen(cut_word);
    while (n - line0 < NAZIF_LINE_WINDOW + 1000) {
        memcpy(text + n, word, strlen(word));
        n += strlen(word);
    }
    text[n++] = '\n';
    {
        int in_word = 0;
        CHECK(nazif__line_cut((const uint8_t *)text + line0, NAZIF_LINE_WINDOW, &in_word) == at + 6 &&
              in_word);
    }
    for (int i = 0; i < 30; i++) n += (size_t)snprintf(text + n, cap - n, "%s%s\n", word, word);
    n += (size_t)snprintf(text + n, cap - n, "%s", word);
    const unsigned profiles[] = {NAZIF_NORM_SEARCH, NAZIF_NORM_FAITHFUL};
    for (int pi = 0; pi < 2; pi++) {
        nazif_token_options o;
        nazif_token_options_init(&o);
        o.norm.ops = profiles[pi];
        o.stemmer = NAZIF_STEM_LIGHT;
        nazif_tokenizer *tk = NULL;
        CHECK(nazif_tokenizer_new(&tk, &o) == NAZIF_OK);
        if (!tk) break;
        stoks want = {malloc(1024), 0, 1024, 0, 0};
        CHECK(want.p && nazif_tokenizer_run(tk, text, n, stok, &want) == NAZIF_OK);
        char *want_norm = malloc(nazif_normalize_bound(n));
        size_t want_nl = 0;
        CHECK(want_norm && nazif_tokenizer_normalize(tk, text, n, want_norm, nazif_normalize_bound(n),
                                                     &want_nl) == NAZIF_OK);
        if (pi == 1) /* faithful: the cut word is left as it is */
            CHECK(want_norm && contains(want_norm, want_nl, cut_word));
        const size_t parts[] = {1000, 4096, NAZIF_LINE_WINDOW + 13, 100000, 0 /* random */};
        unsigned seed = 12345;
        for (size_t pk = 0; pk < sizeof parts / sizeof parts[0]; pk++) {
            stoks got = {malloc(1024), 0, 1024, 0, 0};
            char *norm = malloc(nazif_normalize_bound(n) + 16);
            char *buf = malloc(n + 1);
            size_t norm_n = 0, have = 0, fed = 0, max_keep = 0;
            int ok = got.p && norm && buf;
            for (int mode = 0; mode < 2 && ok; mode++) { /* 0: tokens, 1: normalize */
                have = fed = 0;
                got.base = got.lines = 0;
                for (;;) {
                    size_t part = parts[pk];
                    if (!part) {
                        seed = seed * 1103515245u + 12345u;
                        part = 1 + (seed >> 8) % 70000u;
                    }
                    if (part > n - fed) part = n - fed;
                    memcpy(buf + have, text + fed, part);
                    have += part;
                    fed += part;
                    const int final = fed == n;
                    size_t used = 0, out = 0;
                    int rc;
                    if (mode == 0) {
                        rc = nazif_tokenizer_stream(tk, buf, have, final, &used, stok, &got);
                    } else {
                        rc = nazif_tokenizer_normalize_stream(tk, buf, have, final, &used,
                                                              norm + norm_n,
                                                              nazif_normalize_bound(have), &out);
                        norm_n += out;
                    }
                    if (rc != NAZIF_OK || used > have || (final && used != have)) {
                        ok = 0;
                        break;
                    }
                    got.base += used;
                    got.lines += count_nl(buf, used);
                    memmove(buf, buf + used, have - used);
                    have -= used;
                    if (have > max_keep) max_keep = have;
                    if (final) break;
                }
            }
            CHECK_MSG(ok, "parts %zu: a call failed", parts[pk]);
            CHECK_MSG(ok && got.n == want.n && memcmp(got.p, want.p, want.n) == 0,
                      "parts %zu, profile %d: streamed tokens differ", parts[pk], pi);
            CHECK_MSG(ok && norm_n == want_nl && memcmp(norm, want_norm, want_nl) == 0,
                      "parts %zu, profile %d: streamed normalization differs", parts[pk], pi);
            CHECK_MSG(max_keep <= NAZIF_LINE_WINDOW + 100000, "parts %zu: kept %zu bytes", parts[pk],
                      max_keep);
            free(got.p);
            free(norm);
            free(buf);
        }
        free(want.p);
        free(want_norm);
        nazif_tokenizer_free(tk);
    }
    free(text);
}

/* Reads every byte a callback may read under NAZIF_TOKEN_PADDING (the
   sanitizer build turns a read past the end into a failure). */
static int pad_read(void *ctx, const nazif_token *t)
{
    unsigned *sum = ctx;
    for (size_t i = 0; i < t->len + NAZIF_TOKEN_PADDING; i++) *sum += (unsigned char)t->text[i];
    for (size_t i = 0; i < t->word_len + NAZIF_TOKEN_PADDING; i++) *sum += (unsigned char)t->word[i];
    sum[1]++;
    return 0;
}

static int stem_copy(void *ctx, const char *w, size_t len, const char **stem, size_t *n)
{
    (void)ctx;
    /* a stem in the stemmer's own buffer of exactly its size */
    static char one[1];
    *stem = len ? w + len - 1 : NULL;
    *n = len ? 1 : 0;
    if (len) {
        one[0] = w[len - 1];
        *stem = one;
    }
    return 0;
}

/* NAZIF_TOKEN_PADDING: with each stemmer, with clitics (the article part is
   a constant), on the seed article and an empty stem. */
static void test_padding(void)
{
    const char *text = "\xd9\x88\xd8\xa8\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9 "
                       "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x80.\xd9\x80\xd9\x88\xd8\xaa\xd8\xb1 "
                       "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8\xd9\x87\xd9\x85 word 123 \xd8\xa7\xd9\x84\xd9\x84\xd9\x87";
    for (int mode = 0; mode < 5; mode++) {
        nazif_token_options o;
        nazif_token_options_init(&o);
        if (mode == 1) o.stemmer = NAZIF_STEM_LIGHT;
        if (mode == 2) {
            o.stemmer = NAZIF_STEM_CUSTOM;
            o.stem_fn = stem_copy;
        }
        if (mode == 3) o.flags |= NAZIF_TOK_CLITICS;
        if (mode == 4) {
            o.flags |= NAZIF_TOK_CLITICS;
            o.stemmer = NAZIF_STEM_LIGHT;
        }
        unsigned sum[2] = {0, 0};
        CHECK(nazif_tokenize(text, strlen(text), &o, pad_read, sum) == NAZIF_OK);
        CHECK_MSG(sum[1] >= 5, "mode %d: %u tokens", mode, sum[1]);
    }
}

/* The pre-scan with its SIMD blocks finds what the scalar tables find,
   from every position after a space, on random lines of Arabic letters,
   no-break spaces (not flagged by the blocks), their lone halves, soft
   hyphens, tatweel, Latin-1 letters, quotes and invalid bytes. */
static void test_prescan_random(void)
{
    static const char *const piece[] = {
        "\xd8\xa7", "\xd9\x84", "\xd8\xb3", " ", " ", "\xc2\xa0", "\xc2\xa0", "\xc2", "\xa0",
        "\xd9\x80", "1", ".", "\xc3\xa9", "\xe2\x80\x9c", "\xc2\xad", "\xe0\xb8\xb8", "\xff",
        "a", "\xd8", "\xc2\xc2\xa0", "\xd8\xa0", "\x80", "\xe2\x80", "\xf0\x9f\x98\x80",
        "\xd9\x89\xd8\xa8", "\xda\xa9", "\xd9\xa3", "\xd8\xa7\xd9\x84\xd8\xb9", "!"};
    const size_t np = sizeof piece / sizeof piece[0];
    uint64_t x = 0x9E3779B97F4A7C15u;
    int bad = 0, nbsp_lines = 0;
    for (int line = 0; line < 8000 && bad < 5; line++) {
        uint8_t buf[400];
        size_t n = 0;
        x = x * 6364136223846793005u + 1442695040888963407u;
        const size_t len = 20 + (size_t)(x >> 33) % 300;
        /* mostly letters and spaces, so that lines without a trigger are many */
        const unsigned rare = (unsigned)(x >> 20) % 4;
        while (n + 4 < len) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            size_t k = (size_t)(x >> 40) % (rare ? np : 1000);
            k = k < np ? k : (size_t)(x >> 24) % 6;
            const size_t l = strlen(piece[k]);
            memcpy(buf + n, piece[k], l);
            n += l;
        }
        for (size_t i = 0; i + 1 < n; i++)
            if (buf[i] == 0xC2 && buf[i + 1] == 0xA0) {
                nbsp_lines++;
                break;
            }
        /* from the start and from after the spaces of the first 80 bytes */
        for (size_t from = 0; from < n && from < 80; from++) {
            if (from > 0 && buf[from - 1] != ' ') continue;
            const size_t a = nazif__next_trigger(buf, n, from), b = nazif__next_trigger_scalar(buf, n, from);
            if (a != b) {
                bad++;
                fprintf(stderr, "prescan: line %d from %zu: %zu, scalar %zu\n", line, from, a, b);
                break;
            }
        }
    }
    CHECK(bad == 0);
    CHECK(nbsp_lines > 500);
}

/* The pre-scan's last bytes (the block that ends at the line's next to
   last byte, then the last byte alone) and its flags on the second byte
   of a D8/D9 character (judged without the scalar scan): lines of 34 to
   99 bytes of letters, ending in each of the given tails, with a
   haraka, shadda or tatweel put at each position, against the scalar
   tables from every position. */
static void test_prescan_tails(void)
{
    static const char *const tail[] = {"", " ", "\xd9", "\xd9 ", "\xd8\x8c", "\xd9\x91", "\xc2",
                                       "\xc2\xa0", "\xe2\x80", "\x80", "a", "\xd8\xa7\xd9\x91",
                                       "\xd9\x80", "\xd9\x89", "\x08", "a\x08", "\x07"};
    static const char *const mark[] = {"\xd9\x91", "\xd9\x8e", "\xd9\x92", "\xd8\x8c", "\xd9\x80",
                                       " \xd8\xa8\xd9\x91", "\xd9\x89", "\x08"};
    int bad = 0;
    for (size_t len = 34; len < 100 && bad < 5; len++)
        for (size_t k = 0; k < sizeof tail / sizeof tail[0]; k++)
            for (size_t mk = 0; mk < sizeof mark / sizeof mark[0]; mk++)
                for (size_t at = 0; at + 8 < len; at += 3) {
                    uint8_t buf[160];
                    size_t n = 0;
                    while (n < len) {
                        const char *w = n % 10 == 8 ? " " : "\xd8\xb3";
                        memcpy(buf + n, w, strlen(w));
                        n += strlen(w);
                    }
                    memcpy(buf + at, mark[mk], strlen(mark[mk]));
                    memcpy(buf + n, tail[k], strlen(tail[k]));
                    n += strlen(tail[k]);
                    for (size_t from = 0; from < n; from += 5) {
                        if (from > 0 && (buf[from] & 0xC0) == 0x80) continue;
                        const size_t a = nazif__next_trigger(buf, n, from);
                        const size_t b = nazif__next_trigger_scalar(buf, n, from);
                        if (a != b && bad++ < 5)
                            fprintf(stderr, "prescan tail: len %zu tail %zu mark %zu at %zu from %zu: %zu, scalar %zu\n",
                                    len, k, mk, at, from, a, b);
                    }
                }
    CHECK(bad == 0);
}

/* A line the pre-scan calls plain holds no byte 00..08 and no lead byte
   but D8, D9 and the C2 of a no-break space (cleaner.c then counts no
   NUL bytes, restore.c looks for no windows-874 mojibake): lines of 40
   to 136 bytes of letters and spaces with one such byte put at each
   position; the same lines without it are plain. */
static void test_prescan_plain(void)
{
    static const uint8_t odd[] = {0x00, 0x01, 0x08, 0xE0, 0xC3, 0xDA, 0xC2, 0xFF};
    int bad = 0, plains = 0;
    for (size_t len = 40; len < 140; len += 4)
        for (size_t k = 0; k <= sizeof odd; k++)
            for (size_t at = 0; at < len; at++) {
                uint8_t buf[160];
                for (size_t i = 0; i < len; i += 2) {
                    buf[i] = i % 10 == 8 ? ' ' : 0xD8;
                    buf[i + 1] = i % 10 == 8 ? ' ' : 0xB3;
                }
                if (k < sizeof odd) buf[at] = odd[k];
                else if (at) break;
                int plain = -1;
                const size_t t = nazif__next_trigger_plain(buf, len, &plain);
                if (t != nazif__next_trigger_scalar(buf, len, 0) || (plain && k < sizeof odd)) {
                    if (bad++ < 5)
                        fprintf(stderr, "prescan plain: len %zu byte %02x at %zu: plain %d\n", len,
                                k < sizeof odd ? odd[k] : 0, at, plain);
                }
                plains += plain == 1;
            }
    CHECK(bad == 0);
    CHECK(plains == 25); /* each length without the byte */
}

int main(void)
{
    test_offsets();
    test_fused();
    test_stop_and_errors();
    test_stopwords();
    test_light();
    test_custom();
    test_fast_path();
    test_clitics();
    test_round_trip();
    test_long_line_context();
    test_line_cut_invalid();
    test_stream();
    test_padding();
    /* the pre-scan's SIMD blocks (restore_scan.c) against its scalar tables */
    CHECK(nazif__prescan_superset());
    test_prescan_random();
    test_prescan_tails();
    test_prescan_plain();
    return DONE("tokenize");
}
