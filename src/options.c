/*
 * options.c -- options written as text ("profile=search stemmer=light"),
 * read into the option structs: the one parser behind every front end
 * (the nazif command, the FTS5 tokenizer, the bindings).  The keys, their
 * scopes and defaults are listed in include/nazif.h, "Options from text".
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "nazif.h"

void nazif_options_init(nazif_options *opts)
{
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->version = NAZIF_OPTIONS_VERSION;
    nazif_clean_options_init(&opts->clean);
    nazif_token_options_init(&opts->token);
    opts->index_flags = NAZIF_INDEX_PROCLITIC_FORMS;
}

/* ---- keys ---------------------------------------------------------------- */

enum { K_PROFILE, K_STRICT, K_STEMMER, K_STOPWORDS, K_CLITICS, K_FORMS, K_BOILERPLATE, K_SUSPECTS, K_VISUAL, K_SPLIT };

typedef struct okey {
    const char *name;
    int id;
    unsigned scope;
} okey;

/* In the order messages list them; the operations come after these. */
static const okey keys[] = {
    {"profile", K_PROFILE, NAZIF_OPT_NORM},
    {"stemmer", K_STEMMER, NAZIF_OPT_TOKEN},
    {"stopwords", K_STOPWORDS, NAZIF_OPT_TOKEN},
    {"clitics", K_CLITICS, NAZIF_OPT_TOKEN},
    {"proclitic-forms", K_FORMS, NAZIF_OPT_INDEX},
    {"boilerplate", K_BOILERPLATE, NAZIF_OPT_CLEAN},
    {"suspects", K_SUSPECTS, NAZIF_OPT_CLEAN},
    {"visual-order", K_VISUAL, NAZIF_OPT_CLEAN},
    {"split-join", K_SPLIT, NAZIF_OPT_CLEAN},
    {"strict", K_STRICT, NAZIF_OPT_NORM | NAZIF_OPT_CLEAN},
};
#define NKEYS (sizeof keys / sizeof keys[0])

/* NORM's keys are TOKEN's too (a tokenizer normalizes). */
static unsigned widen(unsigned scope)
{
    return (scope & NAZIF_OPT_TOKEN) ? scope | NAZIF_OPT_NORM : scope;
}

/* The scope of an operation's key: restore is also a cleaning option. */
static unsigned op_scope(unsigned op)
{
    return op == NAZIF_NORM_RESTORE ? (NAZIF_OPT_NORM | NAZIF_OPT_CLEAN) : NAZIF_OPT_NORM;
}

static int ieq(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b);
    if (an != bn) return 0;
    for (size_t i = 0; i < an; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
        if (x != y) return 0;
    }
    return 1;
}

/* Append s to buf[*n..cap), keeping a NUL; *n counts what the whole needs. */
static void put(char *buf, size_t cap, size_t *n, const char *s)
{
    size_t l = strlen(s);
    if (buf && cap && *n < cap - 1) {
        size_t k = cap - 1 - *n < l ? cap - 1 - *n : l;
        memcpy(buf + *n, s, k);
        buf[*n + k] = '\0';
    }
    *n += l;
}

size_t nazif_options_keys(unsigned scope, char *buf, size_t cap)
{
    scope = widen(scope);
    size_t n = 0;
    if (buf && cap) buf[0] = '\0';
    for (size_t i = 0; i < NKEYS; i++) {
        if (!(keys[i].scope & scope)) continue;
        if (n) put(buf, cap, &n, ", ");
        put(buf, cap, &n, keys[i].name);
    }
    for (int i = 0; nazif_norm_op(i); i++) {
        if (!(op_scope(nazif_norm_op(i)->op) & scope)) continue;
        if (n) put(buf, cap, &n, ", ");
        put(buf, cap, &n, nazif_norm_op(i)->name);
    }
    return n;
}

/* ---- one item ------------------------------------------------------------ */

/* At most this much of a key or value is quoted in a message. */
#define QUOTE_MAX 40

static int fail(char *err, size_t cap, const char *fmt, const char *a, size_t an, const char *b,
                size_t bn, const char *tail)
{
    if (err && cap) {
        int al = (int)(an > QUOTE_MAX ? QUOTE_MAX : an);
        int bl = (int)(bn > QUOTE_MAX ? QUOTE_MAX : bn);
        int w = snprintf(err, cap, fmt, al, a ? a : "", bl, b ? b : "");
        if (w >= 0 && tail && (size_t)w < cap) snprintf(err + w, cap - (size_t)w, "%s", tail);
    }
    return NAZIF_EINVAL;
}

static int bad_value(char *err, size_t cap, const char *k, size_t kn, const char *v, size_t vn,
                     const char *choices)
{
    return fail(err, cap, "bad value \"%.*s\" for %.*s", v, vn, k, kn, choices);
}

static int parse_bool(const char *v, size_t vn, int *out)
{
    static const char *const yes[] = {"on", "1", "yes", "true"};
    static const char *const no[] = {"off", "0", "no", "false"};
    for (size_t i = 0; i < 4; i++) {
        if (ieq(v, vn, yes[i])) { *out = 1; return 0; }
        if (ieq(v, vn, no[i])) { *out = 0; return 0; }
    }
    return -1;
}

static void set_bit(unsigned *flags, unsigned bit, int on)
{
    if (on) *flags |= bit;
    else *flags &= ~bit;
}

/* The normalization operations after a change: the profile's (or what was
 * there), then the operations named one by one. */
static void apply_ops(nazif_options *o, unsigned base)
{
    o->token.norm.ops = (base | o->ops_on) & ~o->ops_off;
}

static int unknown(const char *k, size_t kn, unsigned scope, char *err, size_t cap)
{
    char known[NAZIF_ERROR_DETAIL_SIZE];
    nazif_options_keys(scope, known, sizeof known);
    /* is it a key of another scope? */
    int elsewhere = 0;
    for (size_t i = 0; i < NKEYS; i++) elsewhere |= ieq(k, kn, keys[i].name);
    for (int i = 0; nazif_norm_op(i); i++) elsewhere |= ieq(k, kn, nazif_norm_op(i)->name);
    if (err && cap) {
        int kl = (int)(kn > QUOTE_MAX ? QUOTE_MAX : kn);
        snprintf(err, cap, elsewhere ? "option \"%.*s\" does not apply here (known: %s)"
                                     : "unknown option \"%.*s\" (known: %s)",
                 kl, k, known);
    }
    return NAZIF_EINVAL;
}

static int set_one(nazif_options *o, const char *k, size_t kn, const char *v, size_t vn,
                   unsigned scope, char *err, size_t cap)
{
    if (!o || o->version != NAZIF_OPTIONS_VERSION) {
        if (err && cap) snprintf(err, cap, "options not initialized (nazif_options_init)");
        return NAZIF_EINVAL;
    }
    scope = widen(scope);
    int b = 0;
    for (size_t i = 0; i < NKEYS; i++) {
        if (!ieq(k, kn, keys[i].name)) continue;
        if (!(keys[i].scope & scope)) break;
        switch (keys[i].id) {
        case K_PROFILE: {
            static const char *const names[] = {"none", "faithful", "search", "nlp"};
            for (size_t j = 0; j < 4; j++) {
                if (!ieq(v, vn, names[j])) continue;
                unsigned ops = 0;
                nazif_norm_profile(names[j], &ops);
                o->profile_named = 1;
                apply_ops(o, ops);
                return NAZIF_OK;
            }
            return bad_value(err, cap, k, kn, v, vn, " (none, faithful, search or nlp)");
        }
        case K_STEMMER:
            if (ieq(v, vn, "none")) o->token.stemmer = NAZIF_STEM_NONE;
            else if (ieq(v, vn, "light")) o->token.stemmer = NAZIF_STEM_LIGHT;
            else if (ieq(v, vn, "snowball")) o->token.stemmer = NAZIF_STEM_SNOWBALL;
            else return bad_value(err, cap, k, kn, v, vn, " (none, light or snowball)");
            return NAZIF_OK;
        case K_BOILERPLATE:
            if (ieq(v, vn, "drop")) {
                o->clean.flags &= ~(unsigned)(NAZIF_KEEP_BOILERPLATE | NAZIF_ARTICLE_TEXT);
            } else if (ieq(v, vn, "keep")) {
                o->clean.flags &= ~(unsigned)NAZIF_ARTICLE_TEXT;
                o->clean.flags |= NAZIF_KEEP_BOILERPLATE;
            } else if (ieq(v, vn, "article")) {
                o->clean.flags &= ~(unsigned)NAZIF_KEEP_BOILERPLATE;
                o->clean.flags |= NAZIF_ARTICLE_TEXT;
            } else {
                return bad_value(err, cap, k, kn, v, vn, " (drop, keep or article)");
            }
            return NAZIF_OK;
        case K_VISUAL:
            if (ieq(v, vn, "report")) o->clean.flags &= ~(unsigned)NAZIF_VISUAL_REPAIR;
            else if (ieq(v, vn, "repair")) o->clean.flags |= NAZIF_VISUAL_REPAIR;
            else return bad_value(err, cap, k, kn, v, vn, " (report or repair)");
            return NAZIF_OK;
        default:
            break;
        }
        if (parse_bool(v, vn, &b) != 0) return bad_value(err, cap, k, kn, v, vn, " (on or off)");
        switch (keys[i].id) {
        case K_STRICT:
            set_bit(&o->clean.flags, NAZIF_STRICT_UTF8, b);
            set_bit(&o->token.norm.flags, NAZIF_STRICT_UTF8, b);
            break;
        case K_STOPWORDS: set_bit(&o->token.flags, NAZIF_TOK_STOPWORDS, b); break;
        case K_CLITICS: set_bit(&o->token.flags, NAZIF_TOK_CLITICS, b); break;
        case K_FORMS: set_bit(&o->index_flags, NAZIF_INDEX_PROCLITIC_FORMS, b); break;
        case K_SUSPECTS: set_bit(&o->clean.flags, NAZIF_REPORT_SUSPECTS, b); break;
        case K_SPLIT: set_bit(&o->clean.flags, NAZIF_SPLIT_JOIN, b); break;
        default: break;
        }
        return NAZIF_OK;
    }
    for (int i = 0; nazif_norm_op(i); i++) {
        const nazif_norm_op_info *op = nazif_norm_op(i);
        if (!ieq(k, kn, op->name)) continue;
        if (!(op_scope(op->op) & scope)) break;
        if (parse_bool(v, vn, &b) != 0) return bad_value(err, cap, k, kn, v, vn, " (on or off)");
        set_bit(&o->ops_on, op->op, b);
        set_bit(&o->ops_off, op->op, !b);
        if (op->op == NAZIF_NORM_RESTORE) set_bit(&o->clean.flags, NAZIF_NO_RESTORE, !b);
        apply_ops(o, o->token.norm.ops);
        return NAZIF_OK;
    }
    return unknown(k, kn, scope, err, cap);
}

int nazif_options_set(nazif_options *opts, const char *key, const char *value, unsigned scope,
                      char *err, size_t errcap)
{
    if (err && errcap) err[0] = '\0';
    if (!key) return fail(err, errcap, "option %.*s%.*s needs a name", NULL, 0, NULL, 0, NULL);
    if (!value)
        return fail(err, errcap, "option \"%.*s\" needs a value%.*s", key, strlen(key), NULL, 0,
                    NULL);
    return set_one(opts, key, strlen(key), value, strlen(value), scope, err, errcap);
}

/* ---- a list of items ----------------------------------------------------- */

static int is_sep(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The next item of s[*p..n): [*a, *a + *an). Returns 0 at the end. */
static int next_item(const char *s, size_t n, size_t *p, const char **a, size_t *an)
{
    size_t i = *p;
    while (i < n && is_sep(s[i])) i++;
    if (i == n) {
        *p = i;
        return 0;
    }
    size_t j = i;
    while (j < n && !is_sep(s[j])) j++;
    *a = s + i;
    *an = j - i;
    *p = j;
    return 1;
}

int nazif_options_parse(nazif_options *opts, const char *text, size_t len, unsigned scope,
                        char *err, size_t errcap)
{
    if (err && errcap) err[0] = '\0';
    if (!text) {
        if (len == 0 || len == (size_t)-1) return NAZIF_OK;
        return fail(err, errcap, "no options text%.*s%.*s", NULL, 0, NULL, 0, NULL);
    }
    if (len == (size_t)-1) len = strlen(text);
    size_t p = 0;
    const char *it;
    size_t in;
    while (next_item(text, len, &p, &it, &in)) {
        const char *eq = memchr(it, '=', in);
        const char *k = it, *v;
        size_t kn, vn;
        if (eq) {
            kn = (size_t)(eq - it);
            v = eq + 1;
            vn = in - kn - 1;
        } else {
            kn = in;
            if (!next_item(text, len, &p, &v, &vn))
                return fail(err, errcap, "option \"%.*s\" needs a value%.*s", k, kn, NULL, 0,
                            NULL);
        }
        const int rc = set_one(opts, k, kn, v, vn, scope, err, errcap);
        if (rc != NAZIF_OK) return rc;
    }
    return NAZIF_OK;
}
