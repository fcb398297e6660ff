/*
 * span_alone.c -- the assumption the PostgreSQL dictionary rests on: the
 * parser hands the dictionary a word's original span (التـ.ـوتر), and the
 * dictionary runs the library over that span alone.  For that to index
 * what the text means, a span alone must give the word that the text
 * around it gave.  Reads lines on stdin, tokenizes each (search profile,
 * restoration on, as the parser does), tokenizes every token's span alone
 * and compares the joined words.  Prints "tokens N, obfuscated spans N,
 * differ N" and the first differences; exit status 1 when any differ.
 *
 * With --no-persian the Persian-letter operation is left out of both runs:
 * it depends on the line (a line with more Persian-only letters than
 * Arabic-only ones keeps ی and ک), so a span alone of such a line is
 * folded where the line was not; and spans with ی or ک are not compared,
 * since restoration (P14) also reads those letters word by word in an
 * Arabic line.  Otherwise a span alone must give exactly the word its line
 * gave.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif.h"

typedef struct span {
    size_t start, end;
    size_t at, len; /* the word, in the words buffer */
} span;

typedef struct ctx {
    span *v;
    size_t n, cap;
    char *words;
    size_t wn, wcap;
} ctx;

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 256;
    while (c < need) c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q) return 1;
    *p = q;
    *cap = c;
    return 0;
}

static int on_token(void *vp, const nazif_token *t)
{
    ctx *c = vp;
    if (grow((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v) ||
        grow((void **)&c->words, &c->wcap, c->wn + t->word_len, 1))
        return 1;
    span *s = &c->v[c->n++];
    s->start = t->start;
    s->end = t->end;
    s->at = c->wn;
    s->len = t->word_len;
    memcpy(c->words + c->wn, t->word, t->word_len);
    c->wn += t->word_len;
    return 0;
}

typedef struct joined {
    char buf[8192];
    size_t n;
    int over;
} joined;

static int on_alone(void *vp, const nazif_token *t)
{
    joined *j = vp;
    if (j->n + t->word_len > sizeof j->buf) { j->over = 1; return 1; }
    memcpy(j->buf + j->n, t->word, t->word_len);
    j->n += t->word_len;
    return 0;
}

static int plain_ascii(unsigned char ch)
{
    return (ch >= '0' && ch <= '9') || ((ch | 32) >= 'a' && (ch | 32) <= 'z') || ch == '-';
}

/* Does s[0..n) hold Persian ی (DB 8C) or ک (DA A9)? */
static int persian_letter(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (((unsigned char)s[i] == 0xDB && (unsigned char)s[i + 1] == 0x8C) ||
            ((unsigned char)s[i] == 0xDA && (unsigned char)s[i + 1] == 0xA9))
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    nazif_tokenizer *tk = NULL, *tk2 = NULL;
    nazif_token_options o;
    nazif_token_options_init(&o);
    const int no_persian = argc > 1 && strcmp(argv[1], "--no-persian") == 0;
    if (no_persian) o.norm.ops &= ~(unsigned)NAZIF_NORM_PERSIAN;
    if (nazif_tokenizer_new(&tk, &o) != NAZIF_OK || nazif_tokenizer_new(&tk2, &o) != NAZIF_OK) {
        fprintf(stderr, "span_alone: no tokenizer\n");
        return 2;
    }
    ctx c = {0};
    char *line = NULL;
    size_t lcap = 0, total = 0, obf = 0, differ = 0;
    ssize_t r;
    while ((r = getline(&line, &lcap, stdin)) > 0) {
        c.n = c.wn = 0;
        if (nazif_tokenizer_run(tk, line, (size_t)r, on_token, &c) < 0) return 2;
        for (size_t i = 0; i < c.n; i++) {
            const span *s = &c.v[i];
            joined j;
            j.n = 0;
            j.over = 0;
            total++;
            for (size_t k = s->start; k < s->end; k++)
                if ((unsigned char)line[k] < 0x80 && !plain_ascii((unsigned char)line[k])) { obf++; break; }
            if (nazif_tokenizer_run(tk2, line + s->start, s->end - s->start, on_alone, &j) < 0) return 2;
            if (j.over) continue; /* a word of more than 8 KB: not compared */
            /* Persian ی ک are read by restoration too, word by word in an
               Arabic line (P14): with --no-persian such spans are left out */
            if (no_persian && persian_letter(line + s->start, s->end - s->start)) continue;
            if (j.n != s->len || memcmp(j.buf, c.words + s->at, s->len) != 0) {
                if (++differ <= 10)
                    printf("differ: in the text %.*s, alone %.*s, span %.*s\n", (int)s->len,
                           c.words + s->at, (int)j.n, j.buf, (int)(s->end - s->start), line + s->start);
            }
        }
    }
    printf("tokens %zu, obfuscated spans %zu, differ %zu\n", total, obf, differ);
    free(line);
    free(c.v);
    free(c.words);
    nazif_tokenizer_free(tk);
    nazif_tokenizer_free(tk2);
    return differ ? 1 : 0;
}
