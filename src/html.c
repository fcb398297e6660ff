/*
 * html.c -- HTML to plain text for corpus building (nazif_html_to_text).
 *
 * One pass over the bytes.  Markup is recognised on ASCII bytes, which the
 * four supported charsets share, so the charset only matters for text
 * runs: those are decoded (UTF-8 checked, or a single-byte table from
 * html_tables.h) as they are written.  The tokenizer follows the HTML5
 * tokenizer's states where it matters for not losing or inventing text
 * (tag open, attribute values, comments, raw-text and RCDATA elements,
 * character references) and keeps no tree: a small state records the
 * pending separator, open pre / article depths and the one element being
 * dropped with its nesting depth.
 *
 * Output invariants (the writer, vis()): a separator (' ' or '\n') is only
 * written together with the visible character that follows it, so the text
 * never starts or ends with white space and never has an empty line; every
 * output byte can be charged to input bytes at a rate of at most 3 to 1,
 * which gives NAZIF_HTML_BOUND.
 *
 * Linear time: every search (end of a comment, of a raw-text element, of a
 * quoted attribute) moves the position past what it scanned or ends the
 * input; the only rescan is the one restart after an unclosed dropped
 * element (see nazif.h), after which nothing is dropped by nesting.
 */
#include <string.h>

#include "html_tables.h"
#include "html_internal.h"
#include "internal.h"
#include "nazif.h"

#define META_SCAN 2048u /* the <meta> charset must start in this prefix */
#define NOPOS ((size_t)-1)

/* ---- tags ------------------------------------------------------------------ */

#define F_BLOCK 0x01u   /* starts and ends a line */
#define F_RAW 0x02u     /* raw text / RCDATA content, dropped */
#define F_TITLE 0x04u   /* RCDATA, kept as the first line with NAZIF_HTML_TITLE */
#define F_NEST 0x08u    /* dropped with its content (nesting counted) */
#define F_FURN 0x10u    /* F_NEST only as page furniture */
#define F_OUTART 0x20u  /* ... and only outside article / main */
#define F_PRE 0x40u     /* white space kept */
#define F_ART 0x80u     /* article, main */
#define F_FOREIGN 0x100u /* svg, math: <svg/> closes itself */

typedef struct tag_def {
    const char *name;
    unsigned flags;
} tag_def;

/* sorted by name (binary search) */
static const tag_def tags[] = {
    {"address", F_BLOCK},
    {"article", F_BLOCK | F_ART},
    {"aside", F_BLOCK | F_NEST | F_FURN},
    {"audio", F_NEST},
    {"blockquote", F_BLOCK},
    {"body", F_BLOCK},
    {"br", F_BLOCK},
    {"button", F_NEST | F_FURN},
    {"canvas", F_NEST},
    {"caption", F_BLOCK},
    {"center", F_BLOCK},
    {"datalist", F_NEST},
    {"dd", F_BLOCK},
    {"details", F_BLOCK},
    {"dialog", F_BLOCK},
    {"dir", F_BLOCK},
    {"div", F_BLOCK},
    {"dl", F_BLOCK},
    {"dt", F_BLOCK},
    {"fieldset", F_BLOCK},
    {"figcaption", F_BLOCK},
    {"figure", F_BLOCK},
    {"footer", F_BLOCK | F_NEST | F_FURN | F_OUTART},
    {"form", F_BLOCK},
    {"frameset", F_BLOCK},
    {"h1", F_BLOCK},
    {"h2", F_BLOCK},
    {"h3", F_BLOCK},
    {"h4", F_BLOCK},
    {"h5", F_BLOCK},
    {"h6", F_BLOCK},
    {"head", F_BLOCK},
    {"header", F_BLOCK | F_NEST | F_FURN | F_OUTART},
    {"hgroup", F_BLOCK},
    {"hr", F_BLOCK},
    {"html", F_BLOCK},
    {"iframe", F_RAW},
    {"legend", F_BLOCK},
    {"li", F_BLOCK},
    {"listing", F_BLOCK | F_PRE},
    {"main", F_BLOCK | F_ART},
    {"math", F_NEST | F_FOREIGN},
    {"menu", F_BLOCK},
    {"nav", F_BLOCK | F_NEST | F_FURN},
    {"noembed", F_RAW},
    {"noframes", F_RAW},
    {"noscript", F_RAW},
    {"object", F_NEST},
    {"ol", F_BLOCK},
    {"option", F_BLOCK},
    {"p", F_BLOCK},
    {"pre", F_BLOCK | F_PRE},
    {"script", F_RAW},
    {"section", F_BLOCK},
    {"select", F_NEST | F_FURN},
    {"style", F_RAW},
    {"summary", F_BLOCK},
    {"svg", F_NEST | F_FOREIGN},
    {"table", F_BLOCK},
    {"tbody", F_BLOCK},
    {"td", F_BLOCK},
    {"template", F_NEST},
    {"textarea", F_RAW},
    {"tfoot", F_BLOCK},
    {"th", F_BLOCK},
    {"thead", F_BLOCK},
    {"title", F_BLOCK | F_TITLE},
    {"tr", F_BLOCK},
    {"ul", F_BLOCK},
    {"video", F_NEST},
    {"xmp", F_RAW},
};
#define N_TAGS ((int)(sizeof tags / sizeof tags[0]))
#define TAG_OTHER (-1)

static int is_alpha(uint8_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int is_alnum(uint8_t c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

/* HTML white space, as the tokenizer sees it */
static int is_ws(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static uint8_t lower(uint8_t c)
{
    return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

/* a[0..n) equals the lowercase ASCII word w[0..n), ignoring case */
static int eq_nocase(const uint8_t *a, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lower(a[i]) != (uint8_t)w[i]) return 0;
    return 1;
}

/* Index in tags[] of the name s[0..n), or TAG_OTHER. */
static int tag_lookup(const uint8_t *s, size_t n)
{
    char buf[12];
    if (n == 0 || n >= sizeof buf) return TAG_OTHER;
    for (size_t i = 0; i < n; i++) buf[i] = (char)lower(s[i]);
    buf[n] = 0;
    int lo = 0, hi = N_TAGS - 1;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        const int c = strcmp(buf, tags[mid].name);
        if (c == 0) return mid;
        if (c < 0) hi = mid - 1;
        else lo = mid + 1;
    }
    return TAG_OTHER;
}

/* ---- attributes (HTML5 "before attribute name" .. "attribute value") -------- */

typedef struct meta_attrs {
    const uint8_t *charset, *equiv, *content;
    size_t charset_len, equiv_len, content_len;
    int has_charset, has_equiv, has_content;
} meta_attrs;

static void meta_record(void *ud, const uint8_t *name, size_t nl, const uint8_t *v, size_t vl)
{
    meta_attrs *m = ud;
    /* the first of duplicate attributes counts, as HTML5 says */
    if (nl == 7 && eq_nocase(name, "charset", 7) && !m->has_charset) {
        m->charset = v, m->charset_len = vl, m->has_charset = 1;
    } else if (nl == 10 && eq_nocase(name, "http-equiv", 10) && !m->has_equiv) {
        m->equiv = v, m->equiv_len = vl, m->has_equiv = 1;
    } else if (nl == 7 && eq_nocase(name, "content", 7) && !m->has_content) {
        m->content = v, m->content_len = vl, m->has_content = 1;
    }
}

/*
 * The attributes of a tag from s[j] (just after its name) to its '>'.
 * Returns the index after '>', or NOPOS when the input ends first (HTML5
 * drops such a tag).  *selfclose: the tag ends in "/>".  Quoted values may
 * hold '>'.
 */
size_t nazif__html_tag_attrs(const uint8_t *s, size_t n, size_t j, int *selfclose,
                            nazif__html_attr_fn fn, void *ud)
{
    *selfclose = 0;
    for (;;) {
        while (j < n && is_ws(s[j])) j++;
        if (j >= n) return NOPOS;
        if (s[j] == '>') return j + 1;
        if (s[j] == '/') {
            j++;
            if (j < n && s[j] == '>') {
                *selfclose = 1;
                return j + 1;
            }
            continue;
        }
        /* attribute name; a leading '=' belongs to it */
        const size_t ns = j++;
        while (j < n && !is_ws(s[j]) && s[j] != '/' && s[j] != '>' && s[j] != '=') j++;
        const size_t ne = j;
        while (j < n && is_ws(s[j])) j++;
        if (j >= n) return NOPOS;
        if (s[j] != '=') {
            if (fn) fn(ud, s + ns, ne - ns, s + ne, 0);
            continue;
        }
        j++;
        while (j < n && is_ws(s[j])) j++;
        if (j >= n) return NOPOS;
        if (s[j] == '"' || s[j] == '\'') {
            const uint8_t *q = memchr(s + j + 1, s[j], n - j - 1);
            if (!q) return NOPOS;
            const size_t e = (size_t)(q - s);
            if (fn) fn(ud, s + ns, ne - ns, s + j + 1, e - j - 1);
            j = e + 1;
        } else if (s[j] == '>') {
            if (fn) fn(ud, s + ns, ne - ns, s + j, 0);
            return j + 1;
        } else {
            const size_t vs = j;
            while (j < n && !is_ws(s[j]) && s[j] != '>') j++;
            if (fn) fn(ud, s + ns, ne - ns, s + vs, j - vs);
        }
    }
}

/* ---- charsets --------------------------------------------------------------- */

#define CS_NONE (-1)   /* not a label at all (empty) */
#define CS_UTF16 (-2)  /* a UTF-16 label: UTF-8 in <meta>, unsupported in HTTP */

static const char *const labels_utf8[] = {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8",
                                          "utf-8", "utf8", "x-unicode20utf8", NULL};
static const char *const labels_1256[] = {"cp1256", "windows-1256", "x-cp1256", NULL};
static const char *const labels_88596[] = {
    "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
    "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
    "iso_8859-6", "iso_8859-6:1987", NULL};
static const char *const labels_1252[] = {
    "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
    "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
    "us-ascii", "windows-1252", "x-cp1252", "x-user-defined", NULL};
static const char *const labels_utf16[] = {"csunicode", "iso-10646-ucs-2", "ucs-2", "unicode",
                                           "unicodefeff", "unicodefffe", "utf-16", "utf-16be",
                                           "utf-16le", NULL};

static int in_list(const char *w, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(w, list[i]) == 0) return 1;
    return 0;
}

/* A charset label (WHATWG names, trimmed, any case). */
static int label_lookup(const uint8_t *p, size_t n)
{
    while (n > 0 && (is_ws(p[0]) || p[0] == '"' || p[0] == '\'')) p++, n--;
    while (n > 0 && (is_ws(p[n - 1]) || p[n - 1] == '"' || p[n - 1] == '\'')) n--;
    if (n == 0) return CS_NONE;
    char w[24];
    if (n >= sizeof w) return NAZIF_CHARSET_UNSUPPORTED;
    for (size_t i = 0; i < n; i++) w[i] = (char)lower(p[i]);
    w[n] = 0;
    if (in_list(w, labels_utf8)) return NAZIF_CHARSET_UTF8;
    if (in_list(w, labels_1256)) return NAZIF_CHARSET_WINDOWS_1256;
    if (in_list(w, labels_88596)) return NAZIF_CHARSET_ISO_8859_6;
    if (in_list(w, labels_1252)) return NAZIF_CHARSET_WINDOWS_1252;
    if (in_list(w, labels_utf16)) return CS_UTF16;
    return NAZIF_CHARSET_UNSUPPORTED;
}

/*
 * The charset named in a Content-Type value ("text/html; charset=cp1256"),
 * HTML5's "extracting a character encoding from a meta element".  CS_NONE
 * when it names none.
 */
static int charset_param(const uint8_t *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i + 7 <= n && !eq_nocase(s + i, "charset", 7)) i++;
        if (i + 7 > n) return CS_NONE;
        i += 7;
        while (i < n && is_ws(s[i])) i++;
        if (i < n && s[i] == '=') break;
    }
    i++;
    while (i < n && is_ws(s[i])) i++;
    if (i >= n) return CS_NONE;
    if (s[i] == '"' || s[i] == '\'') {
        const uint8_t *q = memchr(s + i + 1, s[i], n - i - 1);
        if (!q) return CS_NONE;
        return label_lookup(s + i + 1, (size_t)(q - (s + i + 1)));
    }
    const size_t vs = i;
    while (i < n && !is_ws(s[i]) && s[i] != ';') i++;
    return label_lookup(s + vs, i - vs);
}

/* The charset of a <meta> tag's attributes, or CS_NONE. */
static int meta_charset(const meta_attrs *m)
{
    if (m->has_charset) {
        const int c = label_lookup(m->charset, m->charset_len);
        if (c != CS_NONE) return c;
    }
    if (m->has_equiv && m->has_content && m->equiv_len == 12 &&
        eq_nocase(m->equiv, "content-type", 12))
        return charset_param(m->content, m->content_len);
    return CS_NONE;
}

/* HTML5's prescan for a <meta> charset in the first META_SCAN bytes. */
static int prescan(const uint8_t *s, size_t n)
{
    const size_t lim = n < META_SCAN ? n : META_SCAN;
    int unsupported = 0;
    size_t i = 0;
    while (i < lim) {
        const uint8_t *lt = memchr(s + i, '<', lim - i);
        if (!lt) break;
        i = (size_t)(lt - s);
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            size_t k = i + 2;
            while (k + 3 <= n && memcmp(s + k, "-->", 3) != 0) k++;
            if (k + 3 > n) break;
            i = k + 3;
        } else if (n - i >= 6 && eq_nocase(s + i + 1, "meta", 4) &&
                   (is_ws(s[i + 5]) || s[i + 5] == '/')) {
            meta_attrs m;
            memset(&m, 0, sizeof m);
            int sc;
            const size_t e = nazif__html_tag_attrs(s, n, i + 5, &sc, meta_record, &m);
            if (e == NOPOS) break;
            int c = meta_charset(&m);
            if (c == CS_UTF16) c = NAZIF_CHARSET_UTF8;
            if (c >= 0 && c != NAZIF_CHARSET_UNSUPPORTED) return c;
            if (c == NAZIF_CHARSET_UNSUPPORTED) unsupported = 1;
            i = e;
        } else if (i + 1 < n && (is_alpha(s[i + 1]) ||
                                 (s[i + 1] == '/' && i + 2 < n && is_alpha(s[i + 2])))) {
            size_t j = i + 1 + (s[i + 1] == '/');
            while (j < n && !is_ws(s[j]) && s[j] != '/' && s[j] != '>') j++;
            int sc;
            const size_t e = nazif__html_tag_attrs(s, n, j, &sc, NULL, NULL);
            if (e == NOPOS) break;
            i = e;
        } else if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
            const uint8_t *gt = memchr(s + i + 1, '>', n - i - 1);
            if (!gt) break;
            i = (size_t)(gt - s) + 1;
        } else {
            i++;
        }
    }
    return unsupported ? NAZIF_CHARSET_UNSUPPORTED : CS_NONE;
}

/* No charset declared: UTF-8 unless the bytes say otherwise. */
static int sniff(const uint8_t *s, size_t n)
{
    size_t good = 0, bad = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k;
        const uint32_t cp = nazif__utf8_decode(s + i, n - i, &k);
        if (cp == NAZIF__BAD && !(k == 3 && s[i] == 0xEF)) bad++;
        else good++;
        i += k;
    }
    return bad > good ? NAZIF_CHARSET_WINDOWS_1256 : NAZIF_CHARSET_UTF8;
}

/* ---- the writer --------------------------------------------------------------- */

typedef struct hstate {
    size_t pos;        /* input position */
    size_t out;        /* bytes written */
    size_t invalid;    /* U+FFFD written for bad input */
    size_t sp;         /* pending spaces (1 at most outside pre) */
    int nl;            /* a line break is pending */
    int line_text;     /* the current output line has text */
    unsigned pre;      /* open pre / listing */
    unsigned article;  /* open article / main */
    int drop_tag;      /* tags[] index of the element being dropped, or TAG_OTHER */
    unsigned drop_depth;
    int title_done;
    int no_nest_drop;  /* after the restart: nothing is dropped by nesting */
} hstate;

typedef struct hctx {
    const uint8_t *s;
    size_t n;
    uint8_t *dst;
    size_t cap;
    const uint16_t *table; /* single-byte charset, or NULL for UTF-8 */
    unsigned flags;
    int full;
    hstate st;
} hctx;

/* Write p[0..k) as visible text, after the pending separator. */
static void vis(hctx *c, const uint8_t *p, size_t k)
{
    hstate *st = &c->st;
    if (c->full) return;
    size_t sep = 0;
    if (st->line_text) sep = st->nl ? 1 : st->sp;
    if (c->cap - st->out < sep + k) {
        /* what fits of p, cut at a character boundary (p is valid UTF-8) */
        c->full = 1;
        const size_t room = c->cap - st->out;
        if (room <= sep) return;
        size_t fit = room - sep;
        while (fit > 0 && (p[fit] & 0xC0) == 0x80) fit--;
        if (fit == 0) return;
        k = fit;
    }
    if (st->nl && st->line_text) {
        c->dst[st->out++] = '\n';
    } else if (sep) {
        memset(c->dst + st->out, ' ', sep);
        st->out += sep;
    }
    memcpy(c->dst + st->out, p, k);
    st->out += k;
    if (c->full) return;
    st->nl = 0;
    st->sp = 0;
    st->line_text = 1;
}

static void brk(hctx *c)
{
    c->st.nl = 1;
}

static void space(hctx *c)
{
    if (c->st.pre) c->st.sp++;
    else c->st.sp = 1;
}

/* One decoded code point (from a table or a character reference). */
static void put_cp(hctx *c, uint32_t cp)
{
    if (cp <= 0x20 || cp == 0x7F) {
        if (cp == '\n' || cp == '\r') {
            if (c->st.pre) brk(c);
            else space(c);
        } else if (cp == ' ' || cp == '\t' || cp == '\f' || cp == 0x0B) {
            space(c);
        }
        return; /* NUL and other controls: dropped */
    }
    if (cp == 0xA0) {
        space(c);
        return;
    }
    uint8_t b[4];
    vis(c, b, nazif__utf8_encode(cp, b));
}

/* ---- character references ------------------------------------------------------- */

static int ent_cmp(const char *names, const nazif__html_entity *e, const uint8_t *s, size_t n)
{
    const size_t m = e->len < n ? e->len : n;
    const int r = memcmp(names + e->off, s, m);
    if (r) return r;
    return e->len < n ? -1 : e->len > n ? 1 : 0;
}

static const nazif__html_entity *ent_find(const nazif__html_entity *t, int count,
                                          const char *names, const uint8_t *s, size_t n)
{
    int lo = 0, hi = count - 1;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        const int r = ent_cmp(names, &t[mid], s, n);
        if (r == 0) return &t[mid];
        if (r > 0) hi = mid - 1;
        else lo = mid + 1;
    }
    return NULL;
}

/*
 * The character reference at s[i] == '&' (text ends at b).  Returns the
 * bytes it covers (0: not a reference, the '&' is text) and its one or two
 * code points in cp[] (*ncp).
 */
size_t nazif__html_char_ref(const uint8_t *s, size_t i, size_t b, uint32_t cp[2], int *ncp)
{
    size_t j = i + 1;
    *ncp = 1;
    cp[1] = 0;
    if (j < b && s[j] == '#') {
        j++;
        const int hex = j < b && (s[j] == 'x' || s[j] == 'X');
        if (hex) j++;
        const size_t ds = j;
        uint32_t v = 0;
        for (; j < b; j++) {
            uint32_t d;
            const uint8_t x = s[j];
            if (x >= '0' && x <= '9') d = (uint32_t)(x - '0');
            else if (hex && (x | 0x20) >= 'a' && (x | 0x20) <= 'f') d = (uint32_t)((x | 0x20) - 'a' + 10);
            else break;
            v = v * (hex ? 16u : 10u) + d;
            if (v > 0x10FFFF) v = 0x110000; /* saturate: stays too large */
        }
        if (j == ds) return 0;
        if (j < b && s[j] == ';') j++;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
        else if (v >= 0x80 && v <= 0x9F) v = html_windows_1252[v - 0x80];
        cp[0] = v;
        return j - i;
    }
    size_t e = j;
    while (e < b && e - j <= HTML_ENT_SEMI_MAXLEN && is_alnum(s[e])) e++;
    if (e == j) return 0;
    const nazif__html_entity *hit = NULL;
    size_t used = 0;
    if (e < b && s[e] == ';') {
        hit = ent_find(html_ent_semi, HTML_ENT_SEMI_COUNT, html_ent_semi_names, s + j, e - j);
        used = e - j + 1;
    }
    if (!hit) {
        /* the longest legacy name that the run starts with */
        size_t l = e - j < HTML_ENT_LEGACY_MAXLEN ? e - j : HTML_ENT_LEGACY_MAXLEN;
        for (; l >= 2 && !hit; l--) {
            hit = ent_find(html_ent_legacy, HTML_ENT_LEGACY_COUNT, html_ent_legacy_names, s + j, l);
            used = l;
        }
    }
    if (!hit) return 0;
    cp[0] = hit->cp1;
    cp[1] = hit->cp2;
    *ncp = hit->cp2 ? 2 : 1;
    return 1 + used;
}

/* ---- text --------------------------------------------------------------------------- */

/* Character data s[a..b): references decoded, white space collapsed. */
static void text(hctx *c, size_t a, size_t b)
{
    const uint8_t *s = c->s;
    size_t i = a;
    while (i < b && !c->full) {
        const uint8_t x = s[i];
        if (x >= 0x21 && x < 0x7F && x != '&') {
            size_t e = i + 1;
            while (e < b && s[e] >= 0x21 && s[e] < 0x7F && s[e] != '&') e++;
            vis(c, s + i, e - i);
            i = e;
        } else if (x < 0x80) {
            if (x == '&') {
                uint32_t cp[2];
                int ncp;
                const size_t k = nazif__html_char_ref(s, i, b, cp, &ncp);
                if (k == 0) {
                    vis(c, s + i, 1);
                    i++;
                } else {
                    for (int q = 0; q < ncp; q++) put_cp(c, cp[q]);
                    i += k;
                }
            } else {
                put_cp(c, x);
                i++;
            }
        } else if (c->table) {
            /* a run of printable ASCII and mapped bytes, converted in pieces */
            uint8_t buf[256];
            size_t bl = 0, e = i;
            for (; e < b; e++) {
                const uint8_t y = s[e];
                if (y >= 0x21 && y < 0x7F && y != '&') {
                    buf[bl++] = y;
                } else if (y >= 0x80 && c->table[y - 0x80] > 0xA0 &&
                           c->table[y - 0x80] != NAZIF__BAD) {
                    bl += nazif__utf8_encode(c->table[y - 0x80], buf + bl);
                } else {
                    break;
                }
                if (bl > sizeof buf - 4) {
                    vis(c, buf, bl);
                    bl = 0;
                }
            }
            if (e == i) { /* U+FFFD, U+00A0 (white space), C1 controls */
                const uint32_t cp = c->table[x - 0x80];
                if (cp == NAZIF__BAD) c->st.invalid++;
                put_cp(c, cp);
                e++;
            } else if (bl) {
                vis(c, buf, bl);
            }
            i = e;
        } else {
            size_t k;
            const uint32_t cp = nazif__utf8_decode(s + i, b - i, &k);
            if ((cp == NAZIF__BAD && !(k == 3 && x == 0xEF)) || cp <= 0xA0) {
                if (cp == NAZIF__BAD) c->st.invalid++;
                put_cp(c, cp); /* U+FFFD, C1 controls, U+00A0 (white space) */
                i += k;
                continue;
            }
            /* a run of valid UTF-8 and printable ASCII goes out in one piece */
            size_t e = i + k;
            while (e < b) {
                const uint8_t y = s[e];
                if (y >= 0x21 && y < 0x7F && y != '&') {
                    e++;
                    continue;
                }
                if (y < 0x80) break;
                const uint32_t cq = nazif__utf8_decode(s + e, b - e, &k);
                if ((cq == NAZIF__BAD && !(k == 3 && y == 0xEF)) || cq <= 0xA0) break;
                e += k;
            }
            vis(c, s + i, e - i);
            i = e;
        }
    }
}

/* ---- markup ----------------------------------------------------------------------------- */

/* Where the raw-text element `name` ends: the '<' of "</name" + [ws / >], or n. */
size_t nazif__html_raw_end(const uint8_t *s, size_t n, size_t from, const char *name)
{
    const size_t nl = strlen(name);
    size_t i = from;
    while (i < n) {
        const uint8_t *lt = memchr(s + i, '<', n - i);
        if (!lt) return n;
        i = (size_t)(lt - s);
        if (n - i >= nl + 2 && s[i + 1] == '/' && eq_nocase(s + i + 2, name, nl) &&
            (i + 2 + nl == n || is_ws(s[i + 2 + nl]) || s[i + 2 + nl] == '/' ||
             s[i + 2 + nl] == '>'))
            return i;
        i++;
    }
    return n;
}

static int nest_dropped(const hctx *c, unsigned f)
{
    if (!(f & F_NEST) || c->st.no_nest_drop) return 0;
    if (f & F_FURN) {
        if (c->flags & NAZIF_HTML_KEEP_FURNITURE) return 0;
        if ((f & F_OUTART) && c->st.article) return 0;
    }
    return 1;
}

/* A start tag; c->st.pos is just after it.  *snap gets the state to restart from. */
static void start_tag(hctx *c, int id, int selfclose, hstate *snap)
{
    hstate *st = &c->st;
    const unsigned f = id == TAG_OTHER ? 0 : tags[id].flags;
    /* in svg / math, <script/> and <style/> close themselves */
    const int foreign = st->drop_depth && (tags[st->drop_tag].flags & F_FOREIGN);
    if ((f & (F_RAW | F_TITLE)) && !(selfclose && foreign)) {
        const size_t e = nazif__html_raw_end(c->s, c->n, st->pos, tags[id].name);
        if ((f & F_TITLE) && !st->drop_depth && !st->title_done &&
            (c->flags & NAZIF_HTML_TITLE)) {
            const unsigned pre = st->pre;
            st->pre = 0;
            brk(c);
            text(c, st->pos, e);
            brk(c);
            st->pre = pre;
            st->title_done = 1;
        }
        st->pos = e;
        return;
    }
    if (st->drop_depth) {
        if (id == st->drop_tag && !(selfclose && (f & F_FOREIGN))) st->drop_depth++;
        return;
    }
    if (f & F_BLOCK) brk(c);
    if (nest_dropped(c, f)) {
        if (selfclose && (f & F_FOREIGN)) return;
        *snap = *st;
        st->drop_tag = id;
        st->drop_depth = 1;
        return;
    }
    if (f & F_PRE) st->pre++;
    if (f & F_ART) st->article++;
}

static void end_tag(hctx *c, int id)
{
    hstate *st = &c->st;
    const unsigned f = id == TAG_OTHER ? 0 : tags[id].flags;
    if (st->drop_depth) {
        if (id == st->drop_tag && --st->drop_depth == 0) {
            st->drop_tag = TAG_OTHER;
            if (f & F_BLOCK) brk(c);
        }
        return;
    }
    if (f & F_BLOCK) brk(c);
    if ((f & F_PRE) && st->pre) st->pre--;
    if ((f & F_ART) && st->article) st->article--;
}

/* The markup at s[pos] == '<'; moves c->st.pos past it. */
static void markup(hctx *c, hstate *snap)
{
    const uint8_t *s = c->s;
    const size_t n = c->n;
    hstate *st = &c->st;
    const size_t i = st->pos;
    if (i + 1 >= n) { /* '<' at the very end: text */
        if (!st->drop_depth) vis(c, s + i, 1);
        st->pos = n;
        return;
    }
    const uint8_t x = s[i + 1];
    if (is_alpha(x) || (x == '/' && i + 2 < n && is_alpha(s[i + 2]))) {
        const size_t ns = i + 1 + (x == '/');
        size_t j = ns;
        while (j < n && !is_ws(s[j]) && s[j] != '/' && s[j] != '>') j++;
        const int id = tag_lookup(s + ns, j - ns);
        int selfclose;
        const size_t e = nazif__html_tag_attrs(s, n, j, &selfclose, NULL, NULL);
        if (e == NOPOS) { /* cut off by the end of the input: dropped */
            st->pos = n;
            return;
        }
        st->pos = e;
        if (x == '/') end_tag(c, id);
        else start_tag(c, id, selfclose, snap);
        return;
    }
    if (x == '!' && n - i >= 4 && s[i + 2] == '-' && s[i + 3] == '-') {
        /* comment: "<!-->" and "<!--->" are whole comments */
        size_t k = i + 4;
        if (k < n && s[k] == '>') { st->pos = k + 1; return; }
        if (k + 1 < n && s[k] == '-' && s[k + 1] == '>') { st->pos = k + 2; return; }
        for (; k + 2 < n; k++) {
            if (s[k] != '-' || s[k + 1] != '-') continue;
            if (s[k + 2] == '>') { st->pos = k + 3; return; }
            if (k + 3 < n && s[k + 2] == '!' && s[k + 3] == '>') { st->pos = k + 4; return; }
        }
        st->pos = n;
        return;
    }
    if (x == '!' || x == '?' || x == '/') {
        /* doctype, CDATA, processing instruction, "</>", "</ ...": to '>' */
        if (x == '/' && i + 2 >= n) { /* "</" at the end: text */
            if (!st->drop_depth) vis(c, s + i, 2);
            st->pos = n;
            return;
        }
        const uint8_t *gt = memchr(s + i + 2, '>', n - i - 2);
        st->pos = gt ? (size_t)(gt - s) + 1 : n;
        return;
    }
    if (!st->drop_depth) vis(c, s + i, 1); /* "< 5", "<3", "<ال": text */
    st->pos = i + 1;
}

/* ---- the entry points ---------------------------------------------------------------- */

void nazif_html_options_init(nazif_html_options *opts)
{
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->version = NAZIF_HTML_OPTIONS_VERSION;
}

const char *nazif_html_charset_name(int charset)
{
    switch (charset) {
    case NAZIF_CHARSET_UTF8: return "utf-8";
    case NAZIF_CHARSET_WINDOWS_1256: return "windows-1256";
    case NAZIF_CHARSET_ISO_8859_6: return "iso-8859-6";
    case NAZIF_CHARSET_WINDOWS_1252: return "windows-1252";
    default: return "unsupported";
    }
}

const uint16_t *nazif__html_table(int cs)
{
    return cs == NAZIF_CHARSET_WINDOWS_1256 ? html_windows_1256
           : cs == NAZIF_CHARSET_ISO_8859_6 ? html_iso_8859_6
           : cs == NAZIF_CHARSET_WINDOWS_1252 ? html_windows_1252
                                                : NULL;
}

int nazif__html_charset(const uint8_t *s, size_t len, const nazif_html_options *opts, int *srcp,
                        size_t *skip)
{
    int cs = CS_NONE, src = NAZIF_CHARSET_FROM_DEFAULT;
    *skip = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        cs = NAZIF_CHARSET_UTF8, src = NAZIF_CHARSET_FROM_BOM;
        *skip = 3;
    } else if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        cs = NAZIF_CHARSET_UNSUPPORTED, src = NAZIF_CHARSET_FROM_BOM;
    }
    if (cs == CS_NONE && opts->content_type_len) {
        const uint8_t *ct = (const uint8_t *)opts->content_type;
        const size_t cl = opts->content_type_len;
        int bare = 1;
        for (size_t i = 0; i < cl; i++) bare &= ct[i] != '/' && ct[i] != ';' && ct[i] != '=';
        cs = bare ? label_lookup(ct, cl) : charset_param(ct, cl);
        if (cs == CS_UTF16) cs = NAZIF_CHARSET_UNSUPPORTED; /* a real UTF-16 body */
        if (cs != CS_NONE) src = NAZIF_CHARSET_FROM_HTTP;
    }
    if (cs == CS_NONE) {
        cs = prescan(s, len);
        if (cs != CS_NONE) src = NAZIF_CHARSET_FROM_META;
    }
    if (cs == CS_NONE) {
        cs = sniff(s, len);
        src = cs == NAZIF_CHARSET_UTF8 ? NAZIF_CHARSET_FROM_DEFAULT : NAZIF_CHARSET_FROM_SNIFF;
    }
    *srcp = src;
    return cs;
}

int nazif_html_to_text(const char *html, size_t len, const nazif_html_options *opts,
                       char *dst, size_t cap, size_t *out_len, nazif_html_info *info)
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
    hctx c;
    memset(&c, 0, sizeof c);
    static const uint8_t no_input[4]; /* html may be NULL when len is 0 */
    c.s = html ? (const uint8_t *)html : no_input;
    c.n = len;
    c.dst = (uint8_t *)dst;
    c.cap = cap;
    c.flags = opts->flags;
    c.st.drop_tag = TAG_OTHER;

    int src;
    size_t skip;
    const int cs = nazif__html_charset(c.s, len, opts, &src, &skip);
    c.st.pos = skip;
    c.table = nazif__html_table(cs);

    hstate snap;
    memset(&snap, 0, sizeof snap);
    for (;;) {
        while (c.st.pos < len && !c.full) {
            const uint8_t *lt = memchr(c.s + c.st.pos, '<', len - c.st.pos);
            const size_t e = lt ? (size_t)(lt - c.s) : len;
            if (!c.st.drop_depth) text(&c, c.st.pos, e);
            c.st.pos = e;
            if (e < len && !c.full) markup(&c, &snap);
        }
        if (c.full || !c.st.drop_depth || c.st.no_nest_drop) break;
        /* an element dropped with its content never ended: read it again */
        c.st = snap;
        c.st.no_nest_drop = 1;
    }
    *out_len = c.st.out;
    if (info) {
        info->charset = cs;
        info->charset_source = src;
        info->invalid = c.st.invalid;
    }
    return c.full ? 1 : NAZIF_OK;
}
