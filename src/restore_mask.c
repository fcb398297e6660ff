/*
 * restore_mask.c -- a symbol or punctuation mark glued inside a word
 * without tatweel, beyond the bare symbols P5 reads in restore.c
 * (مخد#رات, الا,حتجاجات): the symbols people type into words to mask them
 * (حش^يش, سل♡اح, المخ😀درات, الحر\ب) and punctuation dropped between two
 * letters (مخد_رات, سلا/ح, ار'هاب, سلا،ح, مخد..رات).  Each such gap is a
 * bare gap the lexicon decides (nazif__decide_bare_run()): joined when the
 * joined word is known and its pieces are not both words; punctuation only
 * into a word seen in news, with letters on both sides and not where the
 * mark has a use there (a hashtag's underscore, و/أو, a quotation mark
 * after a proclitic: لـ"الجوهرة, و"الجزيرة").
 */
#include "restore_int.h"

/* Symbols that ordinary text never puts between two letters of a word. */
int nazif__strong_mask(uint32_t cp)
{
    switch (cp) {
    case '^': case '\\': case '|': case '~': case '+': case '=': case '`': case '$':
    case 0x00B7: case 0x2022: case 0x066D: /* · • ٭ */
        return 1;
    default:
        break;
    }
    return (cp >= 0x2190 && cp <= 0x27BF) || /* arrows ... dingbats: ♡ ★ ✿ */
           (cp >= 0x2B00 && cp <= 0x2BFF) ||  /* more arrows and symbols: ⭐ */
           (cp >= 0x1F000 && cp <= 0x1FAFF); /* emoji */
}

/* Punctuation a writer may glue between words (a missing space), or that
   has a use inside text: weak evidence, the lexicon decides strictly. */
static int weak_mask(uint32_t cp)
{
    return cp == '_' || cp == '/' || cp == AR_COMMA || cp == 0x061B || cp == 0x066B || cp == 0x066C ||
           cp == '\'' || cp == '"';
}

int nazif__mask_symbol(uint32_t cp)
{
    return cp != '|' && cp != '~' && cp != '_' && cp != '/' && cp != AR_COMMA && cp != 0x061B &&
           (nazif__strong_mask(cp) || weak_mask(cp));
}

static int arabic_letter(const unit *x) { return x->t == U_LET && (x->cls & NZ_LETTER); }

int nazif__mask_between(const unit *u, size_t k, size_t q)
{
    size_t p = q;
    while (p > 0 && u[p - 1].t == U_MARK) p--;
    return p > 0 && arabic_letter(&u[p - 1]) && q + 1 < k && arabic_letter(&u[q + 1]);
}

/* Is the piece a chain of proclitics (و ف, then ب ل ك, then ال)? */
static int proclitics_only(const cluster *c, int k)
{
    uint32_t l[8];
    int n = 0;
    for (size_t i = c->p[k].a; i < c->p[k].b; i++)
        if (c->u[i].t == U_LET) {
            if (n == 8) return 0;
            l[n++] = c->u[i].cp;
        }
    int i = 0;
    if (i < n && (l[i] == 0x0648 || l[i] == 0x0641)) i++;
    if (i < n && (l[i] == 0x0628 || l[i] == 0x0644 || l[i] == 0x0643)) i++;
    if (i + 1 < n && l[i] == AR_ALEF && l[i + 1] == 0x0644) i += 2;
    else if (i < n && l[i] == 0x0644 && i > 0 && l[i - 1] == 0x0644) i++; /* لل */
    return i == n;
}

/* Does the piece end in the article (ال, وال, بال, فبال; not لل)? */
static int article_end(const cluster *c, int k)
{
    uint32_t l1 = 0, l2 = 0;
    for (size_t i = c->p[k].a; i < c->p[k].b; i++)
        if (c->u[i].t == U_LET) {
            l1 = l2;
            l2 = c->u[i].cp;
        }
    return l1 == AR_ALEF && l2 == 0x0644;
}

/* Is the piece a suffix written after a slash for the other gender or
   number (الطالب/ة, للمدير/ة, كلم/ي, المعلم/ين, الموظف/ات)? */
static int slash_suffix(const cluster *c, int k)
{
    uint32_t l[3];
    int n = 0;
    for (size_t i = c->p[k].a; i < c->p[k].b; i++)
        if (c->u[i].t == U_LET) {
            if (n == 2) return 0;
            l[n++] = c->u[i].cp;
        }
    if (n == 1)
        return l[0] == 0x0629 || l[0] == 0x064A || l[0] == 0x0647 || l[0] == 0x0646 ||
               l[0] == AR_ALEF || l[0] == 0x0649; /* ة ي ه ن ا ى */
    if (n == 2) {
        const uint32_t a = l[0], b = l[1];
        return (a == 0x064A && b == 0x0646) || (a == AR_ALEF && b == 0x062A) || /* ين ات */
               (a == 0x0648 && b == 0x0646) || (a == 0x0647 && b == AR_ALEF) || /* ون ها */
               (a == AR_ALEF && b == 0x0646) || (a == 0x0643 && b == 0x0645) || /* ان كم */
               (a == 0x0647 && b == 0x0645) || (a == 0x062A && b == 0x0645);    /* هم تم */
    }
    return 0;
}

/* Is there a '#' glued before the word that holds unit at (a hashtag)? */
static int in_hashtag(const rctx *cx, size_t at)
{
    for (size_t i = at; i-- > 0;) {
        const uint8_t b = cx->s[i];
        if (b == '#') return 1;
        if (is_ws(b) || b == '\n') return 0;
    }
    return 0;
}

/* How many times the byte q occurs in the word (between spaces) that
   holds position at. */
static int word_quotes(const rctx *cx, size_t at, uint8_t q)
{
    size_t a = at, b = at;
    while (a > 0 && !is_ws(cx->s[a - 1])) a--;
    while (b < cx->n && !is_ws(cx->s[b])) b++;
    int m = 0;
    for (size_t i = a; i < b; i++) m += cx->s[i] == q;
    return m;
}

/* How many times the byte q occurs in the line. */
static size_t count_byte(const rctx *cx, uint8_t q)
{
    size_t m = 0;
    for (size_t i = 0; i < cx->n; i++) m += cx->s[i] == q;
    return m;
}

void nazif__mask_gap(const rctx *cx, const cluster *c, int k, int left, int foreign, gapinfo *g)
{
    const unit *u = c->u;
    const size_t a = c->p[k].b, b = c->p[k + 1].a;
    if (cx->persian || foreign) return;
    const int right = c->p[k + 1].letters;
    int weak = 0;
    /* a run: one symbol repeated (مخ^^درات, مخ،،درات) or an emoji with
       its modifiers (مخ❤️درات); its length when not 1 */
    size_t run = 1;
    while (a + run < b && (u[a + run].cp == u[a].cp || u[a + run].cp == 0xFE0F ||
                           (u[a + run].cp >= 0x1F3FB && u[a + run].cp <= 0x1F3FF)))
        run++;
    if (a + run != b) return;
    const int mod = run > 1 && u[a + 1].cp != u[a].cp;
    const uint32_t s0 = u[a].cp;
    if (run > 1 && !mod && (s0 == '.' || s0 == ELLIPSIS)) {
        /* two or three dots (مخد..رات); an ellipsis glued between two
           words reads as two words, which the lexicon tells */
        weak = 1;
    } else if (run > 1 && (nazif__strong_mask(s0) || s0 == '*' || s0 == '#' || s0 == '$' ||
                           s0 == '%' || s0 == '&' || s0 == '@')) {
        /* a repeated mask, or an emoji with its modifiers: as one mask */
        if (left < 1 || right < 1 || left + right < 3) return;
        if (left == 1 && s0 >= 0x80 && proclitics_only(c, k)) return;
    } else if (run > 1 && !mod) {
        /* repeated punctuation (مخ::درات, مخ،،درات, !!, --): as a
           bare dot, into a word seen in news */
        if (left < 2 || right < 1 || left + right < 4) return;
        if (s0 == '_' && in_hashtag(cx, u[a].pos)) return;
        weak = 1;
    } else if (b == a + 1 && nazif__strong_mask(u[a].cp)) {
        /* after a lone letter: not after a proclitic but for an ASCII mask
           (و😀الحرب may be a conjunction and an emoji; ب^عدد is masked) */
        if (left < 1 || right < 1 || left + right < 3) return;
        if (left == 1 && u[a].cp >= 0x80 && proclitics_only(c, k)) return;
    } else if (b == a + 1 && weak_mask(u[a].cp)) {
        const uint32_t s = u[a].cp;
        weak = 1;
        /* و/أو, كم/س; after a lone letter only one no proclitic is
           (ا/لحكومة, ض'يف, ا"لاتحاد; not و،قال, ب"الحرب) */
        if (left < 1 || right < 1 || left + right < 3 || (left == 1 && proclitics_only(c, k))) return;
        /* a word of three letters (عا_م, دو'ر, قب،ل): only into a word
           common in news (restore_gaps.c), not a slash (units: كم/س,
           م/ث) or a double quote */
        if (left + right == 3 && (s == '/' || s == '"')) return;
        if (left + right == 3) weak = 2;
        if (s == '_' && in_hashtag(cx, u[a].pos)) return;
        /* a slash before the other gender's or number's ending */
        if (s == '/' && slash_suffix(c, k + 1)) return;
        if (s == '"' || s == '\'') {
            /* a quotation mark after a proclitic (ب"الحرب), or one of a
               pair; after the article it masks the word (ال'حرب, ال"حرب:
               a quotation opens before the article) */
            if ((proclitics_only(c, k) && !(article_end(c, k) && right >= 2)) ||
                (count_byte(cx, (uint8_t)s) & 1) == 0 ||
                word_quotes(cx, u[a].pos, (uint8_t)s) != 1)
                return;
        }
    } else {
        return;
    }
    g->type = G_BARE;
    g->rule = NZR_P5;
    g->hyphen = weak ? GAP_WEAK | (weak == 2 ? GAP_SHORT : 0) : GAP_MASK;
}
