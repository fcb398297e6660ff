/*
 * html_extract.c -- the main content of an HTML page (nazif_html_extract).
 *
 * Three steps, each linear in the input:
 *
 *   1. Tree.  A tokenizer (the markup rules of src/html.c: same attribute
 *      parsing, character references, raw-text ends, comments) builds a
 *      tree with a stack of open elements and the implicit closes HTML5
 *      applies where pages rely on them (p, li, dt/dd, td/th, tr, option,
 *      headings, a).  Nodes are stored in document order, so a subtree is
 *      a contiguous range [i, end) and every pass is a loop, never a
 *      recursion.  The stack holds at most MAX_DEPTH elements; deeper
 *      start tags are flattened into the deepest one.
 *   2. Scores.  Each text run is decoded to UTF-8 and counted: characters,
 *      characters inside links, sentence punctuation, words, stop words.
 *      A block element's own text (the text whose nearest block ancestor
 *      it is) is a paragraph when long enough; a paragraph gives points to
 *      its ancestors (all to its parent, half to the grandparent, less
 *      further up).  A container's score is its points times one minus its
 *      link density, adjusted by tag and class/id hints.
 *   3. Output.  The best container and those of its siblings that score
 *      near it (or are plain paragraphs of prose) are written, skipping
 *      inside them furniture (nav, aside, footer, forms, ...), negatively
 *      hinted blocks and link-heavy lists.
 *
 * Nothing is kept between calls; everything is allocated in one call and
 * freed before it returns.
 */
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"
#include "internal.h"
#include "nazif.h"
#include "textnorm.h"

#define NONE 0xFFFFFFFFu
#define MAX_DEPTH 512u     /* open elements kept on the stack */
#define END_SEARCH 256u    /* how deep an end tag looks for its start tag */
#define MIN_PARA 25u       /* characters of own text that make a paragraph */
#ifndef MIN_BEST
#define MIN_BEST 10.0f
#endif
#ifndef UP_RATIO
#define UP_RATIO 1.2f
#endif
#ifndef UP_MIN
#define UP_MIN 150.0f
#endif
#ifndef UP_LEVELS
#define UP_LEVELS 8
#endif
#ifndef UP_LD
#define UP_LD 0.2f
#endif

/* ---- tags ------------------------------------------------------------------ */

#define T_BLOCK 0x0001u  /* starts and ends a line */
#define T_VOID 0x0002u   /* no content, never pushed */
#define T_RAW 0x0004u    /* raw text content (skipped) */
#define T_DROP 0x0008u   /* kept in the tree, never written (svg, form controls) */
#define T_FURN 0x0010u   /* page furniture: nav, aside, footer, header, menu */
#define T_CLOSEP 0x0020u /* a start tag closes an open p */
#define T_PARA 0x0040u   /* a paragraph-like block (p, pre, blockquote, td, li ...) */
#define T_LIST 0x0080u   /* ul, ol, dl, menu */
#define T_HEAD 0x0100u   /* h1 .. h6 */
#define T_LINK 0x0200u   /* a */
#define T_SCOPE 0x0400u  /* a scope boundary for implicit closes */
#define T_CELL 0x0800u   /* td, th */
#define T_ART 0x1000u    /* article, main */
#define T_PRE 0x2000u    /* white space kept (pre, listing, textarea) */

enum {
    X_OTHER = -1
};

typedef struct xtag {
    const char *name;
    unsigned flags;
} xtag;

/* sorted by name (binary search) */
static const xtag xtags[] = {
    {"a", T_LINK},
    {"address", T_BLOCK | T_CLOSEP},
    {"applet", T_DROP | T_SCOPE},
    {"area", T_VOID},
    {"article", T_BLOCK | T_CLOSEP | T_ART},
    {"aside", T_BLOCK | T_CLOSEP | T_FURN},
    {"audio", T_DROP},
    {"base", T_VOID},
    {"blockquote", T_BLOCK | T_CLOSEP | T_PARA},
    {"body", T_BLOCK | T_SCOPE},
    {"br", T_VOID},
    {"button", T_DROP | T_SCOPE},
    {"canvas", T_DROP},
    {"caption", T_BLOCK | T_SCOPE},
    {"center", T_BLOCK | T_CLOSEP},
    {"col", T_VOID},
    {"datalist", T_DROP},
    {"dd", T_BLOCK | T_CLOSEP | T_PARA},
    {"details", T_BLOCK | T_CLOSEP},
    {"dialog", T_BLOCK | T_CLOSEP | T_DROP},
    {"dir", T_BLOCK | T_CLOSEP | T_LIST},
    {"div", T_BLOCK | T_CLOSEP},
    {"dl", T_BLOCK | T_CLOSEP | T_LIST},
    {"dt", T_BLOCK | T_CLOSEP | T_PARA},
    {"embed", T_VOID},
    {"fieldset", T_BLOCK | T_CLOSEP},
    {"figcaption", T_BLOCK | T_CLOSEP},
    {"figure", T_BLOCK | T_CLOSEP},
    {"footer", T_BLOCK | T_CLOSEP | T_FURN},
    {"form", T_BLOCK | T_CLOSEP},
    {"h1", T_BLOCK | T_CLOSEP | T_HEAD},
    {"h2", T_BLOCK | T_CLOSEP | T_HEAD},
    {"h3", T_BLOCK | T_CLOSEP | T_HEAD},
    {"h4", T_BLOCK | T_CLOSEP | T_HEAD},
    {"h5", T_BLOCK | T_CLOSEP | T_HEAD},
    {"h6", T_BLOCK | T_CLOSEP | T_HEAD},
    {"head", T_BLOCK | T_DROP},
    {"header", T_BLOCK | T_CLOSEP | T_FURN},
    {"hgroup", T_BLOCK | T_CLOSEP},
    {"hr", T_VOID | T_BLOCK | T_CLOSEP},
    {"html", T_BLOCK | T_SCOPE},
    {"iframe", T_RAW},
    {"img", T_VOID},
    {"input", T_VOID},
    {"keygen", T_VOID},
    {"legend", T_BLOCK},
    {"li", T_BLOCK | T_CLOSEP | T_PARA},
    {"link", T_VOID},
    {"listing", T_BLOCK | T_CLOSEP | T_PRE | T_PARA},
    {"main", T_BLOCK | T_CLOSEP | T_ART},
    {"marquee", T_SCOPE},
    {"math", T_DROP},
    {"menu", T_BLOCK | T_CLOSEP | T_LIST | T_FURN},
    {"meta", T_VOID},
    {"nav", T_BLOCK | T_CLOSEP | T_FURN},
    {"noembed", T_RAW},
    {"noframes", T_RAW},
    {"noscript", T_RAW},
    {"object", T_DROP | T_SCOPE},
    {"ol", T_BLOCK | T_CLOSEP | T_LIST},
    {"optgroup", T_BLOCK | T_DROP},
    {"option", T_BLOCK | T_DROP},
    {"p", T_BLOCK | T_CLOSEP | T_PARA},
    {"param", T_VOID},
    {"picture", 0},
    {"plaintext", T_RAW},
    {"pre", T_BLOCK | T_CLOSEP | T_PRE | T_PARA},
    {"script", T_RAW},
    {"section", T_BLOCK | T_CLOSEP},
    {"select", T_DROP},
    {"source", T_VOID},
    {"style", T_RAW},
    {"summary", T_BLOCK | T_CLOSEP},
    {"svg", T_DROP},
    {"table", T_BLOCK | T_CLOSEP | T_SCOPE},
    {"tbody", T_BLOCK},
    {"td", T_BLOCK | T_CELL | T_SCOPE | T_PARA},
    {"template", T_DROP | T_SCOPE},
    {"textarea", T_RAW},
    {"tfoot", T_BLOCK},
    {"th", T_BLOCK | T_CELL | T_SCOPE | T_PARA},
    {"thead", T_BLOCK},
    {"time", 0},
    {"title", T_RAW},
    {"tr", T_BLOCK},
    {"track", T_VOID},
    {"ul", T_BLOCK | T_CLOSEP | T_LIST},
    {"video", T_DROP},
    {"wbr", T_VOID},
    {"xmp", T_RAW},
};
#define N_XTAGS ((int)(sizeof xtags / sizeof xtags[0]))

static uint8_t lc(uint8_t c)
{
    return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

static int is_ws(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int is_alpha(uint8_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* tag index and name hash of s[0..n) */
static int xtag_lookup(const uint8_t *s, size_t n, uint32_t *hash)
{
    uint32_t h = 2166136261u;
    char buf[16];
    for (size_t i = 0; i < n; i++) {
        const uint8_t c = lc(s[i]);
        h = (h ^ c) * 16777619u;
        if (i < sizeof buf) buf[i] = (char)c;
    }
    *hash = h;
    if (n == 0 || n >= sizeof buf) return X_OTHER;
    buf[n] = 0;
    int lo = 0, hi = N_XTAGS - 1;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        const int c = strcmp(buf, xtags[mid].name);
        if (c == 0) return mid;
        if (c < 0) hi = mid - 1;
        else lo = mid + 1;
    }
    return X_OTHER;
}

static unsigned tflags(int tag)
{
    return tag < 0 ? 0u : xtags[tag].flags;
}

static int tag_is(int tag, const char *name)
{
    return tag >= 0 && strcmp(xtags[tag].name, name) == 0;
}

/* ---- the tree ------------------------------------------------------------------ */

#define K_ELEM 0
#define K_TEXT 1
#define K_BR 2

#define N_HIDDEN 0x01u   /* hidden attribute, display:none, aria-hidden */
#define N_BODYPROP 0x02u /* itemprop=articleBody / articleBody-like class */
#define N_METAPROP 0x04u /* itemprop of the article's metadata (datePublished, author, ...) */

typedef struct xnode {
    uint32_t parent, end;  /* parent index (NONE at the root); subtree [i, end) */
    uint32_t toff, tlen;   /* text: decoded UTF-8 in the text arena */
    uint32_t hash;         /* element: tag name hash */
    int16_t tag;           /* element: xtags[] index or X_OTHER */
    uint8_t kind, nflags;
    int8_t hint;           /* class / id hint, -3 .. +3 */
    uint8_t pad;
    uint16_t obr;          /* block elements: line breaks in their own text */
    /* subtree totals (text nodes: their own) */
    uint32_t chars, lchars, punct, words, stops;
    /* block elements: the text whose nearest block ancestor this is */
    uint32_t ochars, olchars, opunct;
    float acc;             /* points from paragraphs below */
    uint32_t ptext;        /* characters of paragraphs below (not in furniture) */
} xnode;

typedef struct xctx {
    const uint8_t *s;
    size_t n;
    const uint16_t *table;
    xnode *nodes;
    uint32_t count, cap;
    uint8_t *text;          /* decoded text arena */
    size_t tlen, tcap;
    uint32_t stack[MAX_DEPTH];
    uint32_t blk[MAX_DEPTH]; /* nearest block element at or below each stack level */
    uint32_t depth;
    uint32_t in_link;       /* open a elements */
    uint32_t in_pre;
    size_t invalid;
    int oom;
    /* attributes of the tag being read */
    const uint8_t *a_class, *a_id, *a_itemprop, *a_name, *a_prop, *a_content, *a_datetime,
        *a_type, *a_style, *a_role, *a_rel;
    size_t l_class, l_id, l_itemprop, l_name, l_prop, l_content, l_datetime, l_type, l_style,
        l_role, l_rel;
    int a_hidden;
    /* metadata */
    nazif_html_article *art;
    int head_src, date_src, author_src; /* quality of what is there: higher wins */
    uint32_t first_h1;                  /* node index of the first h1 */
    const char *const *stop_ar;         /* sorted Arabic stop words */
    size_t n_stop_ar;
} xctx;

static int grow_nodes(xctx *c)
{
    if (c->count < c->cap) return 1;
    if (c->cap >= 0x40000000u) {
        c->oom = 1;
        return 0;
    }
    const uint32_t ncap = c->cap ? c->cap * 2 : 256;
    xnode *nn = realloc(c->nodes, (size_t)ncap * sizeof(xnode));
    if (!nn) {
        c->oom = 1;
        return 0;
    }
    c->nodes = nn;
    c->cap = ncap;
    return 1;
}

static uint32_t new_node(xctx *c, uint8_t kind)
{
    if (!grow_nodes(c)) return NONE;
    const uint32_t i = c->count++;
    xnode *x = &c->nodes[i];
    memset(x, 0, sizeof *x);
    x->kind = kind;
    x->tag = X_OTHER;
    x->parent = c->depth ? c->stack[c->depth - 1] : NONE;
    x->end = i + 1;
    return i;
}

static void pop(xctx *c)
{
    if (!c->depth) return;
    const uint32_t i = c->stack[--c->depth];
    xnode *x = &c->nodes[i];
    x->end = c->count;
    const unsigned f = tflags(x->tag);
    if ((f & T_LINK) && c->in_link) c->in_link--;
    if ((f & T_PRE) && c->in_pre) c->in_pre--;
}

/* pop up to and including stack level lv */
static void pop_to(xctx *c, uint32_t lv)
{
    while (c->depth > lv) pop(c);
}

/* The stack level of the nearest open element with flags `want` (or tag
   name hash `hash` when want is 0) below any boundary in `stop`; NONE. */
static uint32_t find_open(const xctx *c, unsigned want, uint32_t hash, unsigned stop,
                          uint32_t limit)
{
    uint32_t seen = 0;
    for (uint32_t lv = c->depth; lv-- > 0 && seen < limit; seen++) {
        const xnode *x = &c->nodes[c->stack[lv]];
        const unsigned f = tflags(x->tag);
        if (want ? (f & want) != 0 : x->hash == hash) return lv;
        if (f & stop) return NONE;
    }
    return NONE;
}

static uint32_t find_tag(const xctx *c, const char *name, unsigned stop)
{
    uint32_t seen = 0;
    for (uint32_t lv = c->depth; lv-- > 0 && seen < 64; seen++) {
        const xnode *x = &c->nodes[c->stack[lv]];
        if (tag_is(x->tag, name)) return lv;
        if (tflags(x->tag) & stop) return NONE;
    }
    return NONE;
}

/* ---- words ------------------------------------------------------------------------- */

/* common English function words (written for nazif) */
static const char *const stop_en[] = {
    "a",     "about", "after", "all",   "also", "an",    "and",   "are",  "as",    "at",
    "be",    "been",  "but",   "by",    "can",  "could", "for",   "from", "had",   "has",
    "have",  "he",    "her",   "his",   "if",   "in",    "into",  "is",   "it",    "its",
    "more",  "not",   "of",    "on",    "one",  "or",    "our",   "she",  "so",    "that",
    "the",   "their", "there", "they",  "this", "to",    "was",   "we",   "were",  "what",
    "when",  "which", "who",   "will",  "with", "would", "you",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_stop(const xctx *c, const uint8_t *w, size_t n, int ascii)
{
    char buf[32];
    if (n == 0 || n >= sizeof buf) return 0;
    for (size_t i = 0; i < n; i++) buf[i] = (char)lc(w[i]);
    buf[n] = 0;
    const char *key = buf;
    if (ascii)
        return bsearch(&key, stop_en, sizeof stop_en / sizeof stop_en[0], sizeof stop_en[0],
                       cmp_str) != NULL;
    if (!c->stop_ar) return 0;
    return bsearch(&key, c->stop_ar, c->n_stop_ar, sizeof *c->stop_ar, cmp_str) != NULL;
}

static int is_punct(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == '!' || cp == '?' || cp == ';' || cp == ':' ||
           cp == 0x060C /* ، */ || cp == 0x061B /* ؛ */ || cp == 0x061F /* ؟ */ ||
           cp == 0x06D4 || cp == 0x3002;
}

/* counts of the decoded text t[0..n) into x */
static void count_text(const xctx *c, xnode *x, const uint8_t *t, size_t n)
{
    size_t i = 0, ws = SIZE_MAX;
    int ascii = 1;
    while (i <= n) {
        size_t k = 1;
        uint32_t cp = 0;
        if (i < n) cp = nazif__utf8_next(t + i, n - i, &k);
        const int word = i < n && (cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
                                                   (cp >= '0' && cp <= '9')
                                             : nazif__is_word_cp(cp));
        if (word) {
            if (ws == SIZE_MAX) ws = i, ascii = 1;
            if (cp >= 0x80) ascii = 0;
        } else if (ws != SIZE_MAX) {
            x->words++;
            if (is_stop(c, t + ws, i - ws, ascii)) x->stops++;
            ws = SIZE_MAX;
        }
        if (i < n && cp != ' ') {
            x->chars++;
            if (is_punct(cp)) x->punct++;
        }
        i += k;
    }
}

/* ---- text ---------------------------------------------------------------------------- */

static void put_text(xctx *c, const uint8_t *p, size_t k)
{
    memcpy(c->text + c->tlen, p, k);
    c->tlen += k;
}

static void put_cp_text(xctx *c, uint32_t cp, size_t start)
{
    if (cp <= 0x20 || cp == 0x7F || cp == 0xA0) {
        const int white = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
                          cp == 0x0B || cp == 0xA0;
        if (!white) return;
        if (c->in_pre && (cp == '\n')) {
            put_text(c, (const uint8_t *)"\n", 1);
            return;
        }
        if (c->tlen > start && c->text[c->tlen - 1] == ' ') return;
        put_text(c, (const uint8_t *)" ", 1);
        return;
    }
    uint8_t b[4];
    put_text(c, b, nazif__utf8_encode(cp, b));
}

/* Decode s[a..b) into the arena: references, charset, white space as one
   space (kept at the ends, so "a<b>b</b>" stays one word). */
static void decode(xctx *c, size_t a, size_t b, size_t start)
{
    const uint8_t *s = c->s;
    size_t i = a;
    while (i < b) {
        const uint8_t x = s[i];
        if (x == '&') {
            uint32_t cp[2];
            int ncp;
            const size_t k = nazif__html_char_ref(s, i, b, cp, &ncp);
            if (k == 0) {
                put_text(c, s + i, 1);
                i++;
            } else {
                for (int q = 0; q < ncp; q++) put_cp_text(c, cp[q], start);
                i += k;
            }
        } else if (x >= 0x21 && x < 0x7F) {
            put_text(c, s + i, 1);
            i++;
        } else if (x < 0x80) {
            put_cp_text(c, x, start);
            i++;
        } else if (c->table) {
            const uint32_t cp = c->table[x - 0x80];
            if (cp == NAZIF__BAD) c->invalid++;
            put_cp_text(c, cp, start);
            i++;
        } else {
            size_t k;
            const uint32_t cp = nazif__utf8_decode(s + i, b - i, &k);
            if (cp == NAZIF__BAD && !(k == 3 && x == 0xEF)) c->invalid++;
            if (cp == NAZIF__BAD || cp <= 0xA0) put_cp_text(c, cp, start);
            else put_text(c, s + i, k);
            i += k;
        }
    }
}

/* A text node for s[a..b) under the current element. */
static void text_node(xctx *c, size_t a, size_t b)
{
    if (a >= b) return;
    const size_t start = c->tlen;
    decode(c, a, b, start);
    if (c->tlen == start) return;
    const uint32_t i = new_node(c, K_TEXT);
    if (i == NONE) {
        c->tlen = start;
        return;
    }
    xnode *x = &c->nodes[i];
    x->toff = (uint32_t)start;
    x->tlen = (uint32_t)(c->tlen - start);
    count_text(c, x, c->text + start, x->tlen);
    if (c->in_link) x->lchars = x->chars;
    /* own text of the nearest block ancestor */
    if (c->depth && x->chars) {
        xnode *bl = &c->nodes[c->blk[c->depth - 1]];
        bl->ochars += x->chars;
        bl->olchars += x->lchars;
        bl->opunct += x->punct;
    }
}

/* ---- attributes, hints, metadata ------------------------------------------------------ */

static int eqn(const uint8_t *a, size_t n, const char *w)
{
    const size_t wl = strlen(w);
    if (n != wl) return 0;
    for (size_t i = 0; i < n; i++)
        if (lc(a[i]) != (uint8_t)w[i]) return 0;
    return 1;
}

static int has_sub(const uint8_t *s, size_t n, const char *w)
{
    const size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++) {
        size_t j = 0;
        while (j < wl && lc(s[i + j]) == (uint8_t)w[j]) j++;
        if (j == wl) return 1;
    }
    return 0;
}

static void on_attr(void *ud, const uint8_t *name, size_t nl, const uint8_t *v, size_t vl)
{
    xctx *c = ud;
#define A(field, str)                                          \
    if (eqn(name, nl, str)) {                                  \
        if (!c->a_##field) c->a_##field = v, c->l_##field = vl; \
        return;                                                \
    }
    A(class, "class")
    A(id, "id")
    A(itemprop, "itemprop")
    A(name, "name")
    A(prop, "property")
    A(content, "content")
    A(datetime, "datetime")
    A(type, "type")
    A(style, "style")
    A(role, "role")
    A(rel, "rel")
#undef A
    if (eqn(name, nl, "hidden")) c->a_hidden = 1;
    else if (eqn(name, nl, "aria-hidden") && eqn(v, vl, "true")) c->a_hidden = 1;
}

/* class / id words (substrings of a class token, lowercase ASCII or UTF-8
   Arabic) that mark furniture: strong ones whatever else the token says */
static const char *const neg_strong[] = {
    "comment", "related", "share", "sharing", "social", "sidebar", "side-bar", "footer",
    "breadcrumb", "advert", "sponsor", "promo", "newsletter", "subscri", "cookie", "popup",
    "modal", "outbrain", "taboola", "recommend", "masthead", "disqus", "signup",
    "more-stories", "trending", "most-read", "mostread", "popular", "login", "navbar",
    "navigation", "menu", "banner", "skip", "print", "follow", "rating", "shopping", "jump",
    "sr-only", "also-read", "read-also", "readalso",
    "\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x82",             /* تعليق */
    "\xd8\xb0\xd8\xa7\xd8\xaa",                             /* ذات (صلة) */
    "\xd8\xb4\xd8\xa7\xd8\xb1\xd9\x83",                     /* شارك */
    "\xd8\xa5\xd8\xb9\xd9\x84\xd8\xa7\xd9\x86",             /* إعلان */
    "\xd8\xa7\xd8\xb9\xd9\x84\xd8\xa7\xd9\x86",             /* اعلان */
    "\xd8\xa7\xd9\x82\xd8\xb1\xd8\xa3",                     /* اقرأ */
    "\xd8\xa7\xd9\x84\xd8\xa3\xd9\x83\xd8\xab\xd8\xb1",     /* الأكثر */
    "\xd9\x82\xd8\xa7\xd8\xa6\xd9\x85\xd8\xa9",             /* قائمة */
};
/* weak ones: furniture unless the same attribute also says content */
static const char *const neg_weak[] = {
    "byline", "dateline", "author", "copyright", "tags", "topics", "keywords", "caption",
    "credit", "meta", "timestamp", "publish", "read-more", "readmore", "pagination", "pager",
    "toolbar", "header", "category",
    "widget", /* page builders name every block a widget: elementor-widget-theme-post-content */
};
static const char *const pos_words[] = {
    "article", "content", "entry", "main", "post", "story", "text", "body", "blog", "prose",
    "detail", "news",
    "\xd9\x85\xd9\x82\xd8\xa7\xd9\x84", /* مقال */
    "\xd8\xae\xd8\xa8\xd8\xb1",         /* خبر */
    "\xd9\x85\xd8\xaa\xd9\x86",         /* متن */
};

/* whole class tokens that mark ads and navigation ("ad" as a substring
   would hit header, load, shadow) */
static int neg_token(const char *t, size_t n)
{
    /* "hidden" only as a whole token: field--label-hidden hides a label */
    static const char *const toks[] = {"ad",  "ads",    "nav",       "tools",          "adv",
                                       "aside", "tag", "hidden", "is-hidden", "visually-hidden"};
    for (size_t i = 0; i < sizeof toks / sizeof toks[0]; i++)
        if (strcmp(t, toks[i]) == 0) return 1;
    if (n > 3 && (strncmp(t, "ad-", 3) == 0 || strncmp(t, "ad_", 3) == 0 ||
                  strncmp(t, "ads-", 4) == 0 || strcmp(t + n - 3, "-ad") == 0 ||
                  (n > 4 && strcmp(t + n - 4, "-ads") == 0)))
        return 1;
    return 0;
}

static int any_sub(const char *t, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(t, list[i])) return 1;
    return 0;
}

/* -2 strong furniture, -1 weak, 1 content, 0 nothing said */
static int hint_of(const uint8_t *v, size_t n)
{
    if (!v || n == 0) return 0;
    if (n > 768) n = 768;
    int strong = 0, weak = 0, pos = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (is_ws(v[i]) || v[i] == ',')) i++;
        char t[64];
        size_t k = 0;
        for (; i < n && !is_ws(v[i]) && v[i] != ','; i++)
            if (k < sizeof t - 1) t[k++] = v[i] ? (char)lc(v[i]) : ' ';
        t[k] = 0;
        if (k == 0) continue;
        /* WordPress taxonomy classes name the post's categories and tags */
        if (strncmp(t, "category-", 9) == 0 || strncmp(t, "tag-", 4) == 0 ||
            strncmp(t, "post_format", 11) == 0 || strncmp(t, "format-", 7) == 0 ||
            strncmp(t, "status-", 7) == 0 || strncmp(t, "type-", 5) == 0 ||
            strncmp(t, "has-", 4) == 0)
            continue;
        if (any_sub(t, neg_strong, sizeof neg_strong / sizeof neg_strong[0]) || neg_token(t, k))
            strong = 1;
        else if (any_sub(t, neg_weak, sizeof neg_weak / sizeof neg_weak[0]))
            weak = 1;
        if (any_sub(t, pos_words, sizeof pos_words / sizeof pos_words[0])) pos = 1;
    }
    return strong ? -2 : weak && !pos ? -1 : pos ? 1 : 0;
}

/* copy an attribute value (references decoded) into a field */
static void set_field(xctx *c, char *dst, size_t cap, const uint8_t *v, size_t vl)
{
    size_t o = 0;
    int sp = 0;
    for (size_t i = 0; i < vl && o + 5 < cap;) {
        uint32_t cp;
        size_t k = 1;
        if (v[i] == '&') {
            uint32_t cps[2];
            int ncp;
            k = nazif__html_char_ref(v, i, vl, cps, &ncp);
            if (k == 0) k = 1, cp = '&';
            else cp = cps[0];
        } else if (v[i] >= 0x80 && c->table) {
            cp = c->table[v[i] - 0x80];
        } else {
            cp = nazif__utf8_decode(v + i, vl - i, &k);
        }
        i += k;
        if (cp <= 0x20 || cp == 0xA0 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            sp = o > 0;
            continue;
        }
        if (sp) dst[o++] = ' ', sp = 0;
        if (o + 5 >= cap) break;
        o += nazif__utf8_encode(cp, (uint8_t *)dst + o);
    }
    dst[o] = 0;
}

/* <meta name|property|itemprop=... content=...> */
static void meta_tag(xctx *c)
{
    if (!c->art || !c->a_content) return;
    const uint8_t *k = c->a_prop ? c->a_prop : c->a_name ? c->a_name : c->a_itemprop;
    const size_t kl = c->a_prop ? c->l_prop : c->a_name ? c->l_name : c->l_itemprop;
    if (!k) return;
    if ((eqn(k, kl, "og:title") || eqn(k, kl, "twitter:title") || eqn(k, kl, "headline") ||
         eqn(k, kl, "title")) && c->head_src < 3) {
        set_field(c, c->art->headline, sizeof c->art->headline, c->a_content, c->l_content);
        c->head_src = 3;
    } else if ((eqn(k, kl, "article:published_time") || eqn(k, kl, "datepublished") ||
                eqn(k, kl, "date") || eqn(k, kl, "pubdate") || eqn(k, kl, "publishdate") ||
                eqn(k, kl, "dc.date") || eqn(k, kl, "dc.date.issued") ||
                eqn(k, kl, "og:published_time") || eqn(k, kl, "sailthru.date")) &&
               c->date_src < 3) {
        set_field(c, c->art->date, sizeof c->art->date, c->a_content, c->l_content);
        c->date_src = 3;
    } else if ((eqn(k, kl, "author") || eqn(k, kl, "article:author") ||
                eqn(k, kl, "dc.creator") || eqn(k, kl, "byl") ||
                eqn(k, kl, "sailthru.author")) &&
               c->author_src < 3) {
        /* an URL is not a name */
        if (c->l_content >= 4 && eqn(c->a_content, 4, "http")) return;
        set_field(c, c->art->author, sizeof c->art->author, c->a_content, c->l_content);
        c->author_src = 3;
    }
}

/* JSON-LD: the string value after "key": at or after p (within s[..n)). */
static int json_str(const uint8_t *s, size_t n, const char *key, size_t *vs, size_t *ve)
{
    const size_t kl = strlen(key);
    for (size_t i = 0; i + kl + 2 < n; i++) {
        if (s[i] != '"' || memcmp(s + i + 1, key, kl) != 0 || s[i + 1 + kl] != '"') continue;
        size_t j = i + kl + 2;
        while (j < n && is_ws(s[j])) j++;
        if (j >= n || s[j] != ':') continue;
        j++;
        while (j < n && is_ws(s[j])) j++;
        if (j < n && (s[j] == '{' || s[j] == '[')) {
            /* an object (author: {"name": ...}): its first "name" */
            const size_t lim = j + 400 < n ? j + 400 : n;
            size_t a, b;
            if (json_str(s + j, lim - j, "name", &a, &b)) {
                *vs = j + a, *ve = j + b;
                return 1;
            }
            continue;
        }
        if (j >= n || s[j] != '"') continue;
        const size_t a = ++j;
        while (j < n && s[j] != '"') j += s[j] == '\\' ? 2 : 1;
        if (j > n) j = n;
        *vs = a, *ve = j;
        return 1;
    }
    return 0;
}

/* a JSON string body v[0..n) into a field (\uXXXX, \n, \" decoded) */
static void set_json_field(const xctx *c, char *dst, size_t cap, const uint8_t *v, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 5 < cap;) {
        uint32_t cp;
        if (v[i] == '\\' && i + 1 < n) {
            const uint8_t e = v[i + 1];
            i += 2;
            if (e == 'u' && i + 4 <= n) {
                cp = 0;
                for (int q = 0; q < 4; q++) {
                    const uint8_t h = v[i + (size_t)q];
                    cp = cp * 16 + (uint32_t)(h >= '0' && h <= '9' ? h - '0'
                                             : (h | 0x20) >= 'a' && (h | 0x20) <= 'f'
                                                 ? (h | 0x20) - 'a' + 10
                                                 : 0);
                }
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            } else {
                cp = e == 'n' || e == 't' || e == 'r' ? ' ' : e;
            }
        } else if (v[i] >= 0x80 && c->table) {
            /* a single-byte page: its JSON-LD is in the page's charset */
            cp = c->table[v[i] - 0x80];
            i++;
        } else {
            size_t k;
            cp = nazif__utf8_decode(v + i, n - i, &k);
            i += k;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) cp = ' ';
        if (cp == ' ' && (o == 0 || dst[o - 1] == ' ')) continue;
        o += nazif__utf8_encode(cp, (uint8_t *)dst + o);
    }
    while (o > 0 && dst[o - 1] == ' ') o--;
    dst[o] = 0;
}

static void json_ld(xctx *c, size_t a, size_t b)
{
    if (!c->art) return;
    const uint8_t *s = c->s + a;
    const size_t n = b - a;
    size_t vs, ve;
    if (c->head_src < 4 && json_str(s, n, "headline", &vs, &ve)) {
        set_json_field(c, c->art->headline, sizeof c->art->headline, s + vs, ve - vs);
        c->head_src = 4;
    }
    if (c->date_src < 4 && json_str(s, n, "datePublished", &vs, &ve)) {
        set_json_field(c, c->art->date, sizeof c->art->date, s + vs, ve - vs);
        c->date_src = 4;
    }
    if (c->author_src < 4 && json_str(s, n, "author", &vs, &ve)) {
        set_json_field(c, c->art->author, sizeof c->art->author, s + vs, ve - vs);
        if (c->art->author[0]) c->author_src = 4;
    }
}

/* ---- tokenizer and tree construction --------------------------------------------------- */

static void close_p(xctx *c)
{
    const uint32_t lv = find_tag(c, "p", T_SCOPE);
    if (lv != NONE) pop_to(c, lv);
}

/* a line break; counted in the nearest block's own text */
static void br_node(xctx *c)
{
    if (new_node(c, K_BR) == NONE || !c->depth) return;
    xnode *bl = &c->nodes[c->blk[c->depth - 1]];
    if (bl->obr < 0xFFFFu) bl->obr++;
}

/* The hint of a class or id value: decoded to UTF-8 first when the page
   is in a single-byte charset (Arabic class names of a windows-1256 page). */
static int hint_attr(const xctx *c, const uint8_t *v, size_t n)
{
    if (!v || !c->table) return hint_of(v, n);
    uint8_t buf[3 * 256];
    size_t o = 0;
    if (n > 256) n = 256;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < 0x80) {
            buf[o++] = v[i];
            continue;
        }
        const uint32_t cp = c->table[v[i] - 0x80];
        o += nazif__utf8_encode(cp == NAZIF__BAD ? 0xFFFDu : cp, buf + o);
    }
    return hint_of(buf, o);
}

static void start_tag(xctx *c, int tag, uint32_t hash, int selfclose)
{
    const unsigned f = tflags(tag);
    /* implicit closes */
    if (f & T_CLOSEP) close_p(c);
    if (tag_is(tag, "li")) {
        const uint32_t l2 = find_tag(c, "li", T_LIST | T_SCOPE);
        if (l2 != NONE) pop_to(c, l2);
    } else if (tag_is(tag, "dt") || tag_is(tag, "dd")) {
        uint32_t l2 = find_tag(c, "dd", T_LIST | T_SCOPE);
        if (l2 == NONE) l2 = find_tag(c, "dt", T_LIST | T_SCOPE);
        if (l2 != NONE) pop_to(c, l2);
    } else if (f & T_CELL) {
        const uint32_t l2 = find_open(c, T_CELL, 0, 0, 64);
        const uint32_t lt = find_tag(c, "table", 0);
        if (l2 != NONE && (lt == NONE || l2 > lt)) pop_to(c, l2);
    } else if (tag_is(tag, "tr")) {
        const uint32_t l2 = find_tag(c, "tr", 0);
        const uint32_t lt = find_tag(c, "table", 0);
        if (l2 != NONE && (lt == NONE || l2 > lt)) pop_to(c, l2);
    } else if (tag_is(tag, "option")) {
        const uint32_t l2 = find_tag(c, "option", T_SCOPE);
        if (l2 != NONE) pop_to(c, l2);
    } else if (f & T_HEAD) {
        if (c->depth && (tflags(c->nodes[c->stack[c->depth - 1]].tag) & T_HEAD)) pop(c);
    } else if (f & T_LINK) {
        const uint32_t l2 = find_open(c, T_LINK, 0, T_SCOPE, 64);
        if (l2 != NONE) pop_to(c, l2);
    }
    if (tag_is(tag, "meta")) meta_tag(c);
    if (tag == X_OTHER && selfclose) return; /* <foo/> (svg-like) */
    if (f & T_VOID) {
        if (tag_is(tag, "br") || tag_is(tag, "hr")) br_node(c);
        return;
    }
    if (c->depth >= MAX_DEPTH) return; /* flattened */
    const uint32_t i = new_node(c, K_ELEM);
    if (i == NONE) return;
    xnode *x = &c->nodes[i];
    x->tag = (int16_t)tag;
    x->hash = hash;
    int h = hint_attr(c, c->a_class, c->l_class);
    const int hi = hint_attr(c, c->a_id, c->l_id);
    if (hi < h || (h == 0 && hi > 0)) h = hi;
    if (c->a_role && (eqn(c->a_role, c->l_role, "navigation") ||
                      eqn(c->a_role, c->l_role, "complementary") ||
                      eqn(c->a_role, c->l_role, "contentinfo") ||
                      eqn(c->a_role, c->l_role, "banner") || eqn(c->a_role, c->l_role, "menu")))
        h = -2;
    if (c->a_itemprop && (eqn(c->a_itemprop, c->l_itemprop, "articlebody") ||
                          eqn(c->a_itemprop, c->l_itemprop, "text"))) {
        h = 3;
        x->nflags |= N_BODYPROP;
    }
    if (c->a_itemprop) {
        /* schema.org metadata written as elements (often in a hidden copy
           of the article): dates, names, URLs, sizes -- not its text */
        static const char *const meta_props[] = {
            "datepublished", "datemodified", "datecreated", "author", "publisher", "keywords",
            "image", "url", "mainentityofpage", "logo", "thumbnailurl", "headline", "name",
            "width", "height", "value", "interactionstatistic", "articlesection"};
        for (size_t k = 0; k < sizeof meta_props / sizeof meta_props[0]; k++)
            if (eqn(c->a_itemprop, c->l_itemprop, meta_props[k])) x->nflags |= N_METAPROP;
    }
    x->hint = (int8_t)h;
    if (c->a_hidden) x->nflags |= N_HIDDEN;
    if (c->a_style && (has_sub(c->a_style, c->l_style > 512 ? 512 : c->l_style, "display:none") ||
                       has_sub(c->a_style, c->l_style > 512 ? 512 : c->l_style, "display: none")))
        x->nflags |= N_HIDDEN;
    if ((f & T_HEAD) && tag_is(tag, "h1") && c->first_h1 == NONE) c->first_h1 = i;
    if (tag_is(tag, "time") && c->art && c->a_datetime && c->date_src < 2) {
        set_field(c, c->art->date, sizeof c->art->date, c->a_datetime, c->l_datetime);
        c->date_src = 2;
    }
    c->stack[c->depth] = i;
    c->blk[c->depth] = (f & T_BLOCK) || !c->depth ? i : c->blk[c->depth - 1];
    c->depth++;
    if (f & T_LINK) c->in_link++;
    if (f & T_PRE) c->in_pre++;
    if (selfclose && tag == X_OTHER) pop(c);
}

static void end_tag(xctx *c, int tag, uint32_t hash)
{
    const unsigned f = tflags(tag);
    if (tag_is(tag, "br")) {
        br_node(c);
        return;
    }
    uint32_t lv;
    if (f & T_PARA && tag_is(tag, "p")) lv = find_tag(c, "p", T_SCOPE);
    else lv = find_open(c, 0, hash, (f & T_SCOPE) ? 0 : T_SCOPE, END_SEARCH);
    if (lv == NONE) {
        if (tag_is(tag, "p")) new_node(c, K_BR);
        return;
    }
    pop_to(c, lv);
}

static void clear_attrs(xctx *c)
{
    c->a_class = c->a_id = c->a_itemprop = c->a_name = c->a_prop = c->a_content = NULL;
    c->a_datetime = c->a_type = c->a_style = c->a_role = c->a_rel = NULL;
    c->a_hidden = 0;
}

static void tokenize(xctx *c, size_t pos)
{
    const uint8_t *s = c->s;
    const size_t n = c->n;
    while (pos < n && !c->oom) {
        const uint8_t *lt = memchr(s + pos, '<', n - pos);
        const size_t e = lt ? (size_t)(lt - s) : n;
        text_node(c, pos, e);
        pos = e;
        if (pos >= n) break;
        const size_t i = pos;
        if (i + 1 >= n) {
            text_node(c, i, n);
            break;
        }
        const uint8_t x = s[i + 1];
        if (is_alpha(x) || (x == '/' && i + 2 < n && is_alpha(s[i + 2]))) {
            const size_t ns = i + 1 + (x == '/');
            size_t j = ns;
            while (j < n && !is_ws(s[j]) && s[j] != '/' && s[j] != '>') j++;
            uint32_t hash;
            const int tag = xtag_lookup(s + ns, j - ns, &hash);
            int selfclose;
            clear_attrs(c);
            const size_t te = nazif__html_tag_attrs(s, n, j, &selfclose, x == '/' ? NULL : on_attr, c);
            if (te == (size_t)-1) break;
            pos = te;
            if (x == '/') {
                end_tag(c, tag, hash);
                continue;
            }
            const unsigned f = tflags(tag);
            if (f & T_RAW) {
                const size_t re = nazif__html_raw_end(s, n, pos, xtags[tag].name);
                if (tag_is(tag, "script") && c->a_type &&
                    has_sub(c->a_type, c->l_type, "ld+json"))
                    json_ld(c, pos, re);
                if (tag_is(tag, "title") && c->art && c->head_src < 1) {
                    set_field(c, c->art->headline, sizeof c->art->headline, s + pos, re - pos);
                    c->head_src = 1;
                }
                pos = re;
                /* skip the end tag itself */
                if (pos < n) {
                    const uint8_t *gt = memchr(s + pos, '>', n - pos);
                    pos = gt ? (size_t)(gt - s) + 1 : n;
                }
                continue;
            }
            start_tag(c, tag, hash, selfclose);
            continue;
        }
        if (x == '!' && n - i >= 4 && s[i + 2] == '-' && s[i + 3] == '-') {
            size_t k = i + 4;
            if (k < n && s[k] == '>') { pos = k + 1; continue; }
            if (k + 1 < n && s[k] == '-' && s[k + 1] == '>') { pos = k + 2; continue; }
            pos = n;
            for (; k + 2 < n; k++) {
                if (s[k] != '-' || s[k + 1] != '-') continue;
                if (s[k + 2] == '>') { pos = k + 3; break; }
                if (k + 3 < n && s[k + 2] == '!' && s[k + 3] == '>') { pos = k + 4; break; }
            }
            continue;
        }
        if (x == '!' || x == '?' || x == '/') {
            if (x == '/' && i + 2 >= n) {
                text_node(c, i, n);
                break;
            }
            const uint8_t *gt = memchr(s + i + 2, '>', n - i - 2);
            pos = gt ? (size_t)(gt - s) + 1 : n;
            continue;
        }
        text_node(c, i, i + 1);
        pos = i + 1;
    }
    while (c->depth) pop(c);
}

/* ---- scoring ------------------------------------------------------------------------------ */

static float minf(float a, float b)
{
    return a < b ? a : b;
}

/* subtree totals and paragraph points (nodes are in document order, so a
   reverse walk adds every child into its parent before the parent is read) */
static void score(xctx *c)
{
    xnode *nd = c->nodes;
    for (uint32_t i = c->count; i-- > 1;) {
        xnode *x = &nd[i];
        const uint32_t p = x->parent;
        if (p == NONE) continue;
        nd[p].chars += x->chars;
        nd[p].lchars += x->lchars;
        nd[p].punct += x->punct;
        nd[p].words += x->words;
        nd[p].stops += x->stops;
    }
    for (uint32_t i = 0; i < c->count; i++) {
        xnode *x = &nd[i];
        if (x->kind != K_ELEM) continue;
        const unsigned f = tflags(x->tag);
        if (!(f & T_BLOCK) || x->ochars < MIN_PARA) continue;
        if (f & (T_FURN | T_DROP)) continue;
        const float own = (float)(x->ochars - x->olchars);
        if (own < (float)MIN_PARA * 0.8f) continue;
        /* text split by line breaks (<br><br> between paragraphs, as old
           table layouts write them): each run a paragraph, and the block
           is their container */
        float runs = 1.0f;
        if (x->obr >= 2 && own >= 2.0f * (float)MIN_PARA && !tag_is(x->tag, "p") &&
            !tag_is(x->tag, "li"))
            runs = minf((float)x->obr + 1.0f, own / (float)MIN_PARA);
        float s = runs + (float)x->opunct * 0.5f + minf(own / 100.0f, 3.0f * runs);
        if (x->words >= 8) {
            const float sd = (float)x->stops / (float)x->words;
            s *= 0.6f + minf(sd / 0.25f, 1.0f) * 0.8f;
        }
        s *= 1.0f - (float)x->olchars / (float)x->ochars;
        if (x->olchars * 2 < x->ochars) x->ptext += x->ochars - x->olchars;
        /* to the ancestors: the parent all, the grandparent half, then less */
        uint32_t p = x->parent;
        if (x->hint < 0) continue;
        int in_furn = 0;
        for (int lv = 0; lv < 5 && p != NONE; lv++) {
            const float div = lv == 0 ? 1.0f : lv == 1 ? 2.0f : (float)lv * 3.0f;
            nd[p].acc += s / div;
            /* not past furniture (comments, related lists): their prose
               does not make the page around them the article */
            if (nd[p].hint <= -2 || (tflags(nd[p].tag) & T_FURN)) {
                in_furn = 1;
                break;
            }
            p = nd[p].parent;
        }
        /* text split by line breaks is a candidate itself -- not inside a
           comment thread (a long comment of quoted lines) */
        if (runs > 1.0f && !in_furn) x->acc += s;
    }
}

/* paragraph text of subtrees, furniture not counted */
static void sum_ptext(xctx *c)
{
    xnode *nd = c->nodes;
    for (uint32_t i = c->count; i-- > 1;) {
        const xnode *x = &nd[i];
        if (x->kind != K_ELEM || x->parent == NONE) continue;
        if (x->hint < 0 || (x->nflags & N_HIDDEN) || (tflags(x->tag) & (T_FURN | T_DROP))) continue;
        nd[x->parent].ptext += x->ptext;
    }
}

static float final_score(const xnode *x)
{
    const unsigned f = tflags(x->tag);
    float s = x->acc;
    if (tag_is(x->tag, "div") || (f & T_ART)) s += 5.0f;
    else if (tag_is(x->tag, "pre") || tag_is(x->tag, "td") || tag_is(x->tag, "blockquote"))
        s += 3.0f;
    else if (f & (T_LIST | T_FURN)) s -= 3.0f;
    else if (f & T_HEAD) s -= 5.0f;
    /* furniture hints scale the score down: a long comment thread must
       not outweigh the article by its length alone */
    if (x->hint < 0) s = s * (x->hint == -1 ? 0.5f : 0.25f) + (float)x->hint * 12.0f;
    else s += (float)x->hint * 12.0f;
    const float ld = x->chars ? (float)x->lchars / (float)x->chars : 0.0f;
    return s * (1.0f - ld);
}

/* a block inside the content that is furniture */
static int junk(const xctx *c, const xnode *x, uint32_t root)
{
    const unsigned f = tflags(x->tag);
    if (x->nflags & N_HIDDEN) return 1;
    if ((x->nflags & N_METAPROP) && x->chars < 200) return 1;
    if (f & (T_DROP | T_FURN)) return 1;
    if (tag_is(x->tag, "form") && x->chars < 200) return 1;
    const xnode *r = &c->nodes[root];
    if (x->hint < 0 && !(x->nflags & N_BODYPROP) && (float)x->chars < 0.5f * (float)r->chars)
        return 1;
    if (!(f & (T_BLOCK | T_LIST)) && x->tag != X_OTHER) return 0;
    const float ld = x->chars ? (float)x->lchars / (float)x->chars : 0.0f;
    if (f & T_PARA) {
        /* a paragraph that is a link list ("Read more: ...") */
        return x->chars > 0 && ld > 0.8f && x->punct == 0;
    }
    if (x->chars == 0) return 0;
    if (ld > 0.5f) return 1;
    if ((f & T_LIST) && ld > 0.3f && x->punct < 3) return 1;
    return 0;
}

/* ---- output ---------------------------------------------------------------------------------- */

typedef struct writer {
    uint8_t *dst;
    size_t cap, out;
    int sp, nl, line_text, full;
    int drop_line; /* 1: drop the next line (a repeated headline); 2: dropping it */
} writer;

static void w_vis(writer *w, const uint8_t *p, size_t k)
{
    if (w->full || k == 0) return;
    if (w->drop_line) {
        if (w->drop_line == 2 && w->nl) {
            w->drop_line = 0; /* the dropped line has ended */
        } else {
            w->drop_line = 2;
            w->nl = w->sp = 0;
            return;
        }
    }
    const size_t sep = w->line_text ? (w->nl || w->sp ? 1u : 0u) : 0u;
    if (w->cap - w->out < sep + k) {
        w->full = 1;
        const size_t room = w->cap - w->out;
        if (room <= sep) return;
        size_t fit = room - sep;
        while (fit > 0 && (p[fit] & 0xC0) == 0x80) fit--;
        if (fit == 0) return;
        k = fit;
    }
    if (sep) w->dst[w->out++] = w->nl ? '\n' : ' ';
    memcpy(w->dst + w->out, p, k);
    w->out += k;
    w->nl = w->sp = 0;
    w->line_text = 1;
}

/* text t[0..n): spaces become pending separators, '\n' (pre) line breaks */
static void w_text(writer *w, const uint8_t *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (t[i] == ' ') {
            w->sp = 1;
            i++;
        } else if (t[i] == '\n') {
            w->nl = 1;
            i++;
        } else {
            size_t e = i;
            while (e < n && t[e] != ' ' && t[e] != '\n') e++;
            w_vis(w, t + i, e - i);
            i = e;
        }
    }
}

/* Write the subtree [r, end) (r itself included) with junk blocks skipped. */
static void emit(const xctx *c, writer *w, uint32_t r, int skip_h1)
{
    const xnode *nd = c->nodes;
    uint32_t ends[MAX_DEPTH + 1];
    uint32_t ne = 0;
    for (uint32_t i = r; i < nd[r].end;) {
        while (ne && ends[ne - 1] <= i) ne--, w->nl = 1;
        const xnode *x = &nd[i];
        if (x->kind == K_TEXT) {
            w_text(w, c->text + x->toff, x->tlen);
            i++;
            continue;
        }
        if (x->kind == K_BR) {
            w->nl = 1;
            i++;
            continue;
        }
        if (i != r && junk(c, x, r)) {
            if (tflags(x->tag) & T_BLOCK) w->nl = 1;
            i = x->end;
            continue;
        }
        if (skip_h1 && i == c->first_h1) {
            w->nl = 1;
            i = x->end;
            continue;
        }
        if (tflags(x->tag) & T_BLOCK) {
            w->nl = 1;
            if (ne < MAX_DEPTH + 1) ends[ne++] = x->end;
        }
        i++;
    }
    w->nl = 1;
}

/* The best block and those of its siblings that belong to the article. */
static void emit_article(const xctx *c, writer *w, uint32_t best, float bs)
{
    const xnode *b = &c->nodes[best];
    const uint32_t par = b->parent;
    const float thr = bs * 0.2f > 10.0f ? bs * 0.2f : 10.0f;
    /* skip the headline h1 when it is the headline */
    const int skip_h1 = c->first_h1 != NONE;
    if (par == NONE) {
        emit(c, w, best, skip_h1);
        return;
    }
    for (uint32_t i = par + 1; i < c->nodes[par].end; i = c->nodes[i].end) {
        const xnode *x = &c->nodes[i];
        int keep = i == best;
        if (!keep && x->kind == K_ELEM && !junk(c, x, best)) {
            const float s = final_score(x);
            const float ld = x->chars ? (float)x->lchars / (float)x->chars : 1.0f;
            if (s >= thr) keep = 1;
            else if ((tflags(x->tag) & T_PARA) && tag_is(x->tag, "p")) {
                if (x->chars > 80 && ld < 0.25f) keep = 1;
                else if (x->chars > 0 && ld == 0.0f && x->punct > 0) keep = 1;
            }
        }
        if (keep) emit(c, w, i, skip_h1);
    }
}

/* ---- the entry point --------------------------------------------------------------------------- */

int nazif_html_extract(const char *html, size_t len, const nazif_html_options *opts, char *dst,
                       size_t cap, size_t *out_len, nazif_html_info *info,
                       nazif_html_article *art)
{
    nazif_html_options defaults;
    if (!opts) {
        nazif_html_options_init(&defaults);
        opts = &defaults;
    }
    if (!out_len || (!html && len) || (!dst && cap) || opts->version != NAZIF_HTML_OPTIONS_VERSION ||
        (!opts->content_type && opts->content_type_len))
        return NAZIF_EINVAL;
    *out_len = 0;
    nazif_html_article art_local;
    if (!art) art = &art_local;
    memset(art, 0, sizeof *art);
    static const uint8_t no_input[4];
    xctx *c = calloc(1, sizeof *c);
    if (!c) return NAZIF_ENOMEM;
    c->s = html ? (const uint8_t *)html : no_input;
    c->n = len;
    c->art = art;
    c->first_h1 = NONE;
    int src;
    size_t skip;
    const int cs = nazif__html_charset(c->s, len, opts, &src, &skip);
    c->table = nazif__html_table(cs);
    /* the decoded text is at most 3 bytes per input byte; offsets are 32-bit */
    if (len > 0x40000000u) {
        free(c);
        return NAZIF_ENOMEM;
    }
    c->tcap = 3 * len + 16;
    c->text = malloc(c->tcap);
    const size_t nsw = nazif__stopword_count();
    const char **sw = malloc((nsw ? nsw : 1) * sizeof *sw);
    if (!c->text || !sw) {
        free(c->text);
        free(sw);
        free(c);
        return NAZIF_ENOMEM;
    }
    for (size_t i = 0; i < nsw; i++) sw[i] = nazif__stopword(i);
    qsort(sw, nsw, sizeof *sw, cmp_str);
    c->stop_ar = sw;
    c->n_stop_ar = nsw;

    /* a root above <html> so that every node has one ancestor chain */
    const uint32_t root = new_node(c, K_ELEM);
    if (root != NONE) {
        c->nodes[root].tag = (int16_t)xtag_lookup((const uint8_t *)"body", 4, &c->nodes[root].hash);
        c->nodes[root].hash = 0;
        c->stack[0] = root;
        c->blk[0] = root;
        c->depth = 1;
    }
    tokenize(c, skip);
    int rc = NAZIF_OK;
    if (c->oom) {
        rc = NAZIF_ENOMEM;
        goto done;
    }
    c->nodes[root].end = c->count;
    score(c);

    /* the best container */
    uint32_t best = NONE;
    float bs = 0.0f;
    for (uint32_t i = 1; i < c->count; i++) {
        const xnode *x = &c->nodes[i];
        if (x->kind != K_ELEM || x->acc <= 0.0f) continue;
        if (tflags(x->tag) & (T_DROP | T_FURN)) continue;
        const float s = final_score(x);
        if (best == NONE || s > bs) best = i, bs = s;
    }
    /* headline: h1 when the page gave nothing better */
    if (c->first_h1 != NONE && c->head_src < 2) {
        const xnode *h = &c->nodes[c->first_h1];
        writer hw = {(uint8_t *)art->headline, sizeof art->headline - 1, 0, 0, 0, 0, 0, 0};
        for (uint32_t i = c->first_h1 + 1; i < h->end; i++)
            if (c->nodes[i].kind == K_TEXT) w_text(&hw, c->text + c->nodes[i].toff, c->nodes[i].tlen);
        if (hw.out) {
            art->headline[hw.out] = 0;
            c->head_src = 2;
        }
    }

    writer w = {(uint8_t *)dst, cap, 0, 0, 0, 0, 0, 0};
    if (opts->flags & NAZIF_HTML_TITLE) {
        w_text(&w, (const uint8_t *)art->headline, strlen(art->headline));
        w.nl = 1;
    }
    const size_t body_start = w.out;
    sum_ptext(c);
    if (best != NONE && bs >= MIN_BEST) {
        /* an article split into sections: the parent that holds clearly
           more of the page's prose than the best block */
        for (;;) {
            const xnode *bx = &c->nodes[best];
            uint32_t p = bx->parent, up = NONE;
            for (int k = 0; k < UP_LEVELS && p != NONE && p != root; k++, p = c->nodes[p].parent) {
                const xnode *px = &c->nodes[p];
                const float pld = px->chars ? (float)px->lchars / (float)px->chars : 0.0f;
                if (pld >= UP_LD) break;
                if ((float)px->ptext >= UP_RATIO * (float)bx->ptext + UP_MIN) {
                    up = p;
                    break;
                }
            }
            if (up == NONE) break;
            best = up;
        }
        art->found = 1;
        if (body_start > 0) {
            /* the article's first line repeats the headline line: written
               once (decided before writing, so that a cut buffer still
               holds a prefix of the whole text) */
            /* room for the line, a line break and one whole character */
            uint8_t probe[sizeof art->headline + 5];
            writer pw = {probe, body_start + 5, 0, 0, 0, 0, 0, 0};
            emit_article(c, &pw, best, bs);
            const uint8_t *e1 = memchr(probe, '\n', pw.out);
            const size_t l1 = e1 ? (size_t)(e1 - probe) : pw.out;
            if ((e1 || !pw.full) && l1 == body_start && memcmp(probe, dst, l1) == 0) w.drop_line = 1;
        }
        emit_article(c, &w, best, bs);
    }
    if (w.out == body_start && !w.full) {
        /* nothing scored: the page's text as the single pass gives it */
        art->found = 0;
        size_t n = 0;
        nazif_html_options o = *opts;
        o.flags &= ~(unsigned)NAZIF_HTML_TITLE;
        const size_t off = w.out + (w.out ? 1 : 0);
        const size_t room = off <= cap ? cap - off : 0;
        const int r = nazif_html_to_text(html, len, &o, room ? dst + off : dst, room, &n, NULL);
        if (n) {
            if (w.out) dst[w.out] = '\n';
            w.out = off + n;
        }
        if (r == 1) w.full = 1;
    }
    *out_len = w.out;
    if (w.full) rc = 1;
done:
    if (info) {
        info->charset = cs;
        info->charset_source = src;
        info->invalid = c->invalid;
    }
    free(c->nodes);
    free(c->text);
    free(sw);
    free(c);
    return rc;
}
