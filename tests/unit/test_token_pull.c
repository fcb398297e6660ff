/* test_token_pull.c -- nazif_tokenizer_start()/_next(): the same tokens,
 * offsets, lines and kinds as nazif_tokenizer_run() over the same text,
 * however long its lines (stretches of 16 KiB, long lines in pieces),
 * and the errors with their detail. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"

typedef struct rec {
    char *s;      /* "text|word|start|end|line|kind\n" per token */
    size_t n, cap;
} rec;

static void add(rec *r, const nazif_token *t)
{
    char head[128];
    size_t need = t->len + t->word_len + sizeof head + 4;
    if (r->n + need > r->cap) {
        r->cap = (r->n + need) * 2;
        r->s = realloc(r->s, r->cap);
    }
    memcpy(r->s + r->n, t->text, t->len);
    r->n += t->len;
    r->s[r->n++] = '|';
    memcpy(r->s + r->n, t->word, t->word_len);
    r->n += t->word_len;
    int k = snprintf(head, sizeof head, "|%llu|%llu|%llu|%d\n", (unsigned long long)t->start,
                     (unsigned long long)t->end, (unsigned long long)t->line, t->kind);
    memcpy(r->s + r->n, head, (size_t)k);
    r->n += (size_t)k;
    r->s[r->n] = '\0';
}

static int on_tok(void *ctx, const nazif_token *t)
{
    add(ctx, t);
    return 0;
}

/* run and pull on the same text with the same options; 1 when equal */
static int same(const nazif_token_options *o, const char *text, size_t len, size_t *ntok)
{
    nazif_tokenizer *tk = NULL;
    if (nazif_tokenizer_new(&tk, o) != NAZIF_OK) return 0;
    rec a = {0}, b = {0};
    int rc = nazif_tokenizer_run(tk, text, len, on_tok, &a);
    int ok = rc == NAZIF_OK && nazif_tokenizer_start(tk, text, len) == NAZIF_OK;
    nazif_token t;
    size_t n = 0;
    while (ok && (rc = nazif_tokenizer_next(tk, &t)) == 1) {
        add(&b, &t);
        n++;
    }
    ok = ok && rc == 0 && nazif_tokenizer_next(tk, &t) == 0; /* stays at the end */
    ok = ok && a.n == b.n && (a.n == 0 || memcmp(a.s, b.s, a.n) == 0);
    if (!ok && a.s && b.s) {
        size_t i = 0;
        while (i < a.n && i < b.n && a.s[i] == b.s[i]) i++;
        fprintf(stderr, "run/pull differ at byte %zu of %zu/%zu\n", i, a.n, b.n);
    }
    if (ntok) *ntok = n;
    free(a.s);
    free(b.s);
    nazif_tokenizer_free(tk);
    return ok;
}

static const char *const words[] = {
    "التـ.ـوتر", "والقصف", "مُحَمَّدٌ", "بقـ.ـصف", "كتابهم", "للحكومة", "3.5", "١٢٫٥", "news",
    "الإثنين", "ک", "\xe2\x80\x8c", "-", "،", "\r\n", "\n", "  ", "ـ", "الله",
};

static char *random_text(unsigned *seed, size_t target, int long_lines, size_t *len)
{
    char *s = malloc(target + 64);
    size_t n = 0;
    while (n < target) {
        *seed = *seed * 1103515245u + 12345u;
        unsigned r = (*seed >> 16) % (sizeof words / sizeof words[0]);
        const char *w = words[r];
        if (long_lines && (w[0] == '\n' || w[0] == '\r')) w = " ";
        size_t l = strlen(w);
        memcpy(s + n, w, l);
        n += l;
        s[n++] = ' ';
    }
    *len = n;
    return s;
}

int main(void)
{
    nazif_token_options o;
    nazif_token_options_init(&o);
    size_t n = 0;

    /* a short text: every token, offsets into the original */
    const char *t1 = "قال التـ.ـوتر\nوالقصف بقـ.ـصف";
    CHECK(same(&o, t1, strlen(t1), &n));
    CHECK(n == 4);
    {
        nazif_tokenizer *tk = NULL;
        nazif_tokenizer_new(&tk, &o);
        nazif_token t;
        CHECK(nazif_tokenizer_next(tk, &t) == NAZIF_ESTATE); /* not started */
        nazif_tokenizer_start(tk, t1, strlen(t1));
        CHECK(nazif_tokenizer_next(tk, &t) == 1);
        CHECK(nazif_tokenizer_next(tk, &t) == 1);
        CHECK(t.len == strlen("التوتر") && memcmp(t.text, "التوتر", t.len) == 0);
        CHECK(t.start == strlen("قال ") && t.end == strlen("قال التـ.ـوتر"));
        CHECK(t.line == 1);
        CHECK(nazif_tokenizer_next(tk, &t) == 1);
        CHECK(t.line == 2 && t.start == strlen("قال التـ.ـوتر\n"));
        /* run() ends the pull */
        rec r = {0};
        CHECK(nazif_tokenizer_run(tk, "a b", 3, on_tok, &r) == NAZIF_OK);
        CHECK(nazif_tokenizer_next(tk, &t) == NAZIF_ESTATE);
        free(r.s);
        /* an empty text: the end at once */
        CHECK(nazif_tokenizer_start(tk, "", 0) == NAZIF_OK);
        CHECK(nazif_tokenizer_next(tk, &t) == 0);
        CHECK(nazif_tokenizer_start(tk, NULL, 0) == NAZIF_OK);
        CHECK(nazif_tokenizer_next(tk, &t) == 0);
        CHECK(nazif_tokenizer_start(tk, NULL, 3) == NAZIF_EINVAL);
        nazif_tokenizer_free(tk);
    }

    /* many lines over several stretches; lines of 100 KB (pieces of a long
       line, the stretch doubling); with clitics, stemming and stop words */
    unsigned seed = 7;
    for (int round = 0; round < 6; round++) {
        size_t len = 0;
        char *s = random_text(&seed, round < 3 ? 60000 : 150000, round >= 3, &len);
        nazif_token_options_init(&o);
        if (round % 3 == 1) o.flags = NAZIF_TOK_CLITICS;
        if (round % 3 == 2) {
            o.flags = NAZIF_TOK_STOPWORDS | NAZIF_TOK_CLITICS;
            o.stemmer = NAZIF_STEM_LIGHT;
        }
        CHECK_MSG(same(&o, s, len, &n), "round %d", round);
        CHECK(n > 1000);
        /* cut short at every few thousand bytes: also the same */
        for (size_t cut = 1; cut < len; cut += 7919) CHECK_MSG(same(&o, s, cut, NULL), "cut %zu", cut);
        free(s);
    }

    /* strict UTF-8: the error, its offset in the whole text and its detail,
       again at every later call */
    {
        nazif_token_options_init(&o);
        o.norm.flags = NAZIF_STRICT_UTF8;
        nazif_tokenizer *tk = NULL;
        CHECK(nazif_tokenizer_new(&tk, &o) == NAZIF_OK);
        size_t pad = 40000;
        char *s = malloc(pad + 16);
        for (size_t i = 0; i < pad; i++) s[i] = (i % 10 == 9) ? '\n' : 'a';
        memcpy(s + pad, "ab\xff" "cd\n", 6);
        nazif_tokenizer_start(tk, s, pad + 6);
        nazif_token t;
        int rc;
        size_t got = 0;
        while ((rc = nazif_tokenizer_next(tk, &t)) == 1) got++;
        CHECK(rc == NAZIF_EUTF8);
        CHECK(got > 0 && got <= pad / 10);
        CHECK(nazif_tokenizer_error_offset(tk) == pad + 2);
        char want[64];
        snprintf(want, sizeof want, "invalid UTF-8 at byte %zu (strict)", pad + 2);
        CHECK_EQ_STR(nazif_tokenizer_error_detail(tk), want);
        CHECK(nazif_tokenizer_next(tk, &t) == NAZIF_EUTF8);
        /* run() says the same */
        rec r = {0};
        CHECK(nazif_tokenizer_run(tk, s, pad + 6, on_tok, &r) == NAZIF_EUTF8);
        CHECK_EQ_STR(nazif_tokenizer_error_detail(tk), want);
        CHECK(nazif_tokenizer_run(tk, "ab", 2, on_tok, &r) == NAZIF_OK);
        CHECK_EQ_STR(nazif_tokenizer_error_detail(tk), "");
        free(r.s);
        free(s);
        nazif_tokenizer_free(tk);
    }
    return DONE("token_pull");
}
