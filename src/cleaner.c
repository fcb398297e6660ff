/*
 * cleaner.c -- the streaming cleaner: cuts the input into lines, has each
 * line restored (restore.c), holds a small window of lines so that the
 * boilerplate classifier (boilerplate.c) can see the neighbourhood, and
 * hands finished output to the caller through zstd-style cursors.
 *
 * Data flow and memory bound:
 *
 *   input --> line buffer (at most NAZIF_LINE_WINDOW bytes)
 *         --> restored line in a window slot (at most WIN slots)
 *         --> output queue --> caller's output buffer
 *
 * The output queue is emptied before more input is taken, so it never holds
 * more than the output of one decision step.  A line longer than the line
 * buffer is cut at a space (chosen from the content only, so the cut never
 * depends on how the caller split the input) and streamed piece by piece;
 * such a line is content by definition and only its first bytes are kept
 * for the classifier's context.  Everything that spans a chunk boundary --
 * a split UTF-8 sequence, an unfinished line -- lives in the line buffer.
 */
#include <stdlib.h>
#include <string.h>

#include "restore.h"
#include "nazif_linefreq.h"

#define WIN (NAZIF__BP_BEHIND + 1 + NAZIF__BP_AHEAD)
#define LONG_PREFIX 1024u /* bytes of a long line kept for context */

typedef struct buf {
    uint8_t *p;
    size_t n, cap;
} buf;

static int buf_reserve(buf *b, size_t more)
{
    if (b->n + more <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->n + more) cap *= 2;
    uint8_t *p = realloc(b->p, cap);
    if (!p) return NAZIF_ENOMEM;
    b->p = p;
    b->cap = cap;
    return 0;
}

static int buf_put(buf *b, const void *s, size_t n)
{
    if (n == 0) return 0;
    if (buf_reserve(b, n)) return NAZIF_ENOMEM;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}

/* One line in the window. */
typedef struct slot {
    buf out;          /* restored text + line end (a prefix for long lines) */
    size_t text_len;  /* bytes of out before the line end */
    buf orig;         /* the input line with its end (only with a callback) */
    nazif__edits ed;  /* edits, positions relative to the line start */
    uint64_t offset;  /* document offset of the line */
    uint64_t index;   /* 0-based line number */
    int truncated;    /* a long line, already streamed out */
    int drop;
    int repeated;     /* dropped by the repetition evidence alone */
    const char *why;
    nazif__bp_facts bpf; /* the classifier's facts about this line */
} slot;

struct nazif_cleaner {
    nazif_clean_options opt;
    const nazif_linefreq *lf;  /* per-site line counts, or NULL */
    char lf_host[256];
    size_t lf_host_len;
    unsigned lf_min;
    uint64_t lf_dropped;       /* lines dropped as repeated, this document */
    uint64_t bp_paras;         /* paragraphs kept so far, this document: the
                                  article has begun (nazif__bp_line.paras) */
    /* The lines decided while no paragraph has been kept yet, from the
       first one dropped on context alone: held back until a paragraph
       shows there is an article (then emitted as decided) or the document
       ends without one (then the context drops are undone: a file of
       headlines or posts is not a page).  At most HOLD_LINES lines or
       HOLD_BYTES bytes; beyond that they are emitted as decided. */
    slot *held;
    size_t nheld, held_cap, held_bytes;
    int page_evidence;         /* a line dropped on its own words (not a
                                  bare date) or as repeated on the site:
                                  this document is a web page */
    /* The hashes (nazif__bp_copy_hash) of the last NAZIF__BP_COPY_RING
       non-blank lines of this document (0 for a line longer than
       NAZIF__BP_COPY_MAX bytes): a line that the page prints again
       within them (a title, a caption or a teaser in another block) is a
       copy.  A ring: copies[ncopies % NAZIF__BP_COPY_RING] is next. */
    uint64_t copies[NAZIF__BP_COPY_RING];
    size_t ncopies;
    uint32_t copy_dropped;     /* bit k: the line in copies[k] was dropped */
    uint8_t copy_bits[256];    /* ring entries by 8 bits of their hash: a
                                  line whose count is 0 is no copy */
    int prev_title_copy;       /* the last non-blank line decided repeats
                                  an earlier one (a chorus) */
    const nazif_lexicon *lex;
    int error;                 /* sticky error code, 0 when fine */
    uint64_t error_offset;
    int doc_done;              /* finish() completed: counters restart */

    uint8_t *line;             /* the line being read */
    size_t line_len;
    uint64_t line_offset;      /* document offset of line[0] */
    int in_long;               /* the current line is being streamed */
    int cont;                  /* the last long-line cut was inside a word */
    uint8_t ctx[NAZIF__PIECE_CTX]; /* the end of the previous long-line piece */
    size_t ctx_len;
    uint64_t long_start;       /* offset where the long line began */

    slot win[WIN];             /* ring: win[(head + i) % WIN] */
    /* the classifier's view of the ring, each slot's line at its ring
       position p and again at p + WIN, so that any run of the window is
       one array (mirror_set() keeps it current; drop mode only) */
    nazif__bp_line mirror[2 * WIN];
    size_t head, count;        /* slots in use */
    size_t decided;            /* slots [0, decided) are decided */

    buf outq;                  /* finished output not yet handed over */
    size_t outq_pos;
    nazif_outbuf *dst;         /* the caller's output buffer during a call of
                                  stream() or finish(), else NULL */

    nazif__rscratch scratch;
    nazif__edits long_ed;      /* edits of a long-line piece */
    buf long_out;
    uint64_t lines;            /* lines started in this document */
    nazif_clean_stats st;
};

#define RULE_NAME(id) #id,
static const char *const rule_names[NZR_COUNT] = {NAZIF__RULES(RULE_NAME)};
#undef RULE_NAME

const char *nazif_rule_name(int index)
{
    if (index < 0 || index >= NZR_COUNT) return NULL;
    return rule_names[index];
}

const char *nazif_version(void) { return NAZIF_VERSION_STRING; }

const char *nazif_strerror(int code)
{
    switch (code) {
    case NAZIF_OK: return "no error";
    case NAZIF_ENOMEM: return "out of memory";
    case NAZIF_EINVAL: return "invalid argument";
    case NAZIF_EUTF8: return "invalid UTF-8 in the input";
    case NAZIF_ESTATE: return "cleaner used after an error";
    case NAZIF_EFORMAT: return "not a nazif lexicon of a supported version";
    case NAZIF_ECALLBACK: return "stopped by the change callback";
    default: return "unknown error";
    }
}

void nazif_clean_options_init(nazif_clean_options *opts)
{
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->version = NAZIF_CLEAN_OPTIONS_VERSION;
}

int nazif_cleaner_new(nazif_cleaner **out, const nazif_clean_options *opts)
{
    if (!out) return NAZIF_EINVAL;
    *out = NULL;
    if (opts && opts->version != NAZIF_CLEAN_OPTIONS_VERSION) return NAZIF_EINVAL;
    nazif_cleaner *c = calloc(1, sizeof *c);
    if (!c) return NAZIF_ENOMEM;
    if (opts) c->opt = *opts;
    else nazif_clean_options_init(&c->opt);
    c->lex = c->opt.lexicon ? c->opt.lexicon : nazif_lexicon_default();
    c->line = malloc(NAZIF_LINE_WINDOW);
    if (!c->line) {
        free(c);
        return NAZIF_ENOMEM;
    }
    *out = c;
    return NAZIF_OK;
}

static void slot_free(slot *s)
{
    free(s->out.p);
    free(s->orig.p);
    nazif__edits_free(&s->ed);
}

#define HOLD_LINES 256
#define HOLD_BYTES (1u << 20)

void nazif_cleaner_free(nazif_cleaner *c)
{
    if (!c) return;
    for (size_t i = 0; i < WIN; i++) slot_free(&c->win[i]);
    for (size_t i = 0; i < c->held_cap; i++) slot_free(&c->held[i]);
    free(c->held);
    free(c->line);
    free(c->outq.p);
    free(c->long_out.p);
    nazif__edits_free(&c->long_ed);
    nazif__rscratch_free(&c->scratch);
    free(c);
}

static void new_document(nazif_cleaner *c)
{
    c->line_len = 0;
    c->line_offset = 0;
    c->in_long = 0;
    c->cont = 0;
    c->ctx_len = 0;
    c->head = c->count = c->decided = 0;
    c->outq.n = 0;
    c->outq_pos = 0;
    c->lines = 0;
    c->doc_done = 0;
    c->lf_dropped = 0;
    c->bp_paras = 0;
    c->nheld = c->held_bytes = 0;
    c->page_evidence = 0;
    c->ncopies = 0;
    c->copy_dropped = 0;
    memset(c->copy_bits, 0, sizeof c->copy_bits);
    c->prev_title_copy = 0;
    memset(&c->st, 0, sizeof c->st);
}

void nazif_cleaner_reset(nazif_cleaner *c)
{
    if (!c) return;
    c->error = 0;
    c->error_offset = 0;
    new_document(c);
}

void nazif_cleaner_stats(const nazif_cleaner *c, nazif_clean_stats *st)
{
    if (!st) return;
    if (!c) {
        memset(st, 0, sizeof *st);
        return;
    }
    *st = c->st;
}

uint64_t nazif_cleaner_error_offset(const nazif_cleaner *c)
{
    return c ? c->error_offset : 0;
}

size_t nazif_clean_bound(size_t len)
{
    /* an invalid byte becomes 3 bytes; a 3-byte ligature becomes at most
       4 letters (8 bytes): 3x plus slack covers every case */
    return len * 3 + 16;
}

/* ---- reporting ---------------------------------------------------------- */

static int report(nazif_cleaner *c, int kind, uint64_t offset, const uint8_t *orig,
                  size_t len, const uint8_t *rep, size_t rep_len, int rule,
                  const char *evidence, uint64_t lineno)
{
    if (kind == NAZIF_CHANGE_EDIT) {
        c->st.edits++;
        c->st.by_rule[rule]++;
        if (rule != NZR_UTF8) c->st.restored_words++;
    } else if (kind == NAZIF_CHANGE_SUSPECT) {
        c->st.suspects++;
    }
    if (!c->opt.on_change) return 0;
    nazif_change ch;
    ch.kind = kind;
    ch.offset = offset;
    ch.length = len;
    ch.original = (const char *)orig;
    ch.replacement = rep_len ? (const char *)rep : "";
    ch.replacement_len = rep_len;
    ch.rule = rule_names[rule];
    ch.evidence = evidence ? evidence : "";
    ch.line = lineno + 1;
    if (c->opt.on_change(c->opt.ctx, &ch)) return NAZIF_ECALLBACK;
    return 0;
}

static int report_edits(nazif_cleaner *c, const nazif__edits *ed, const uint8_t *orig,
                        uint64_t base, uint64_t lineno)
{
    for (size_t i = 0; i < ed->n; i++) {
        const nazif__edit *e = &ed->v[i];
        int rc = report(c, e->kind, base + e->start, orig ? orig + e->start : NULL,
                        e->end - e->start,
                        ed->pool + e->rep_off, e->rep_len, e->rule, nazif__edit_evidence(ed, e), lineno);
        if (rc) return rc;
    }
    return 0;
}

/* Apply the EDIT records of ed to s[0..n) and append to b. */
static int apply_edits(buf *b, const uint8_t *s, size_t n, const nazif__edits *ed)
{
    size_t pos = 0;
    for (size_t i = 0; i < ed->n; i++) {
        const nazif__edit *e = &ed->v[i];
        if (e->kind != NAZIF_CHANGE_EDIT) continue;
        if (buf_put(b, s + pos, e->start - pos)) return NAZIF_ENOMEM;
        if (buf_put(b, ed->pool + e->rep_off, e->rep_len)) return NAZIF_ENOMEM;
        pos = e->end;
    }
    return buf_put(b, s + pos, n - pos);
}

/* Note invalid UTF-8 and NUL bytes of a line; fail in strict mode. */
/* plain: s[0..n) holds no NUL byte (the pre-scan found no byte 00..08 in
   it, rscratch.plain, or its byte kinds have no NUL) */
static int account(nazif_cleaner *c, const nazif__edits *ed, const uint8_t *s, size_t n,
                   uint64_t base, int plain)
{
    for (size_t i = 0; i < ed->n; i++) {
        if (ed->v[i].rule != NZR_UTF8 || ed->v[i].kind != NAZIF_CHANGE_EDIT) continue;
        if (c->st.invalid_utf8 == 0) c->st.first_invalid_offset = base + ed->v[i].start;
        c->st.invalid_utf8++;
        if (c->opt.flags & NAZIF_STRICT_UTF8) {
            c->error_offset = base + ed->v[i].start;
            return NAZIF_EUTF8;
        }
    }
    if (plain) return 0;
    const uint8_t *p = s, *end = s + n;
    while (p < end && (p = memchr(p, 0, (size_t)(end - p))) != NULL) {
        if (c->st.nul_bytes == 0) c->st.first_nul_offset = base + (uint64_t)(p - s);
        c->st.nul_bytes++;
        p++;
    }
    return 0;
}

/* ---- the window --------------------------------------------------------- */

static slot *win_at(nazif_cleaner *c, size_t i) { return &c->win[(c->head + i) % WIN]; }

/* Copy what the classifier reads of window slot i into both places of
   the mirror (after the slot's text, end or decision changed). */
static void mirror_set(nazif_cleaner *c, size_t i)
{
    if (c->opt.flags & NAZIF_KEEP_BOILERPLATE) return;
    const size_t p = (c->head + i) % WIN;
    slot *t = &c->win[p];
    nazif__bp_line l;
    l.s = t->out.p;
    l.len = t->text_len;
    l.truncated = t->truncated;
    /* the context model sees its own decisions only: a line dropped as
       repeated on the site is no evidence that its neighbours are
       furniture (the counts add drops, they never change the others) */
    l.drop = t->drop && !t->repeated;
    l.index = t->index;
    l.facts = &t->bpf;
    l.paras = 0;
    c->mirror[p] = l;
    c->mirror[p + WIN] = l;
}

/* Emit decided slot i: report and queue its output. */
/* Queue n bytes of finished output: straight into the caller's buffer
   when nothing is queued before them and they fit (one copy instead of
   two), else at the end of the queue. */
static int put_out(nazif_cleaner *c, const uint8_t *p, size_t n)
{
    nazif_outbuf *o = c->dst;
    if (o && c->outq.n == c->outq_pos && n <= o->size - o->pos) {
        if (n) memcpy((uint8_t *)o->dst + o->pos, p, n);
        o->pos += n;
        c->st.bytes_out += n;
        return 0;
    }
    return buf_put(&c->outq, p, n);
}

static int emit_slot(nazif_cleaner *c, slot *s)
{
    if (s->truncated) return 0; /* streamed when it was read */
    if (s->drop) {
        c->st.lines_dropped++;
        c->st.by_rule[NZR_BOILERPLATE]++;
        return report(c, NAZIF_CHANGE_DROP, s->offset, s->orig.p, s->orig.n, NULL, 0,
                      NZR_BOILERPLATE, s->why, s->index);
    }
    int rc = report_edits(c, &s->ed, s->orig.p, s->offset, s->index);
    if (rc) return rc;
    return put_out(c, s->out.p, s->out.n);
}

/* Copy slot s into d (d keeps and reuses its own buffers). */
static int slot_copy(slot *d, const slot *s)
{
    slot own = *d;
    *d = *s;
    d->out = own.out;
    d->orig = own.orig;
    d->ed = own.ed;
    d->out.n = d->orig.n = 0;
    if (buf_put(&d->out, s->out.p, s->out.n) || buf_put(&d->orig, s->orig.p, s->orig.n))
        return NAZIF_ENOMEM;
    nazif__edits *e = &d->ed;
    nazif__edits_clear(e);
    if (s->ed.n > e->cap) {
        nazif__edit *v = realloc(e->v, s->ed.n * sizeof *v);
        if (!v) return NAZIF_ENOMEM;
        e->v = v;
        e->cap = s->ed.n;
    }
    if (s->ed.pool_len > e->pool_cap) {
        uint8_t *q = realloc(e->pool, s->ed.pool_len);
        if (!q) return NAZIF_ENOMEM;
        e->pool = q;
        e->pool_cap = s->ed.pool_len;
    }
    if (s->ed.n) memcpy(e->v, s->ed.v, s->ed.n * sizeof *e->v);
    if (s->ed.pool_len) memcpy(e->pool, s->ed.pool, s->ed.pool_len);
    e->n = s->ed.n;
    e->pool_len = s->ed.pool_len;
    return 0;
}

static int is_context_drop(const slot *s)
{
    return s->drop && !s->repeated && nazif__bp_reason_kind(s->why) == NAZIF__BP_CONTEXT;
}

/* Emit the held lines in order; undo: the document had no article, so the
   lines dropped on context alone are kept. */
static int release_held(nazif_cleaner *c, int undo)
{
    int rc = 0;
    for (size_t k = 0; k < c->nheld && !rc; k++) {
        slot *h = &c->held[k];
        if (undo && is_context_drop(h)) {
            h->drop = 0;
            h->why = NULL;
        }
        rc = emit_slot(c, h);
    }
    c->nheld = c->held_bytes = 0;
    return rc;
}

/* Emit decided slot s, or hold it back (see nazif_cleaner.held). */
static int emit_or_hold(nazif_cleaner *c, slot *s)
{
    if (s->drop && (s->repeated || nazif__bp_reason_kind(s->why) == NAZIF__BP_OWN ||
                    nazif__bp_reason_kind(s->why) == NAZIF__BP_LISTING))
        c->page_evidence = 1;
    const int para = !s->drop && (s->truncated || (s->bpf.valid && s->bpf.para));
    if (!(c->opt.flags & NAZIF_KEEP_BOILERPLATE) && c->bp_paras == 0 && !para &&
        !s->truncated && (c->nheld > 0 || is_context_drop(s))) {
        if (c->nheld == c->held_cap) {
            const size_t cap = c->held_cap ? 2 * c->held_cap : 16;
            slot *h = realloc(c->held, cap * sizeof *h);
            if (!h) return NAZIF_ENOMEM;
            memset(h + c->held_cap, 0, (cap - c->held_cap) * sizeof *h);
            c->held = h;
            c->held_cap = cap;
        }
        if (slot_copy(&c->held[c->nheld], s)) return NAZIF_ENOMEM;
        c->nheld++;
        c->held_bytes += s->out.n + s->orig.n;
        if (c->nheld >= HOLD_LINES || c->held_bytes >= HOLD_BYTES) return release_held(c, 0);
        return 0;
    }
    int rc = c->nheld ? release_held(c, 0) : 0;
    return rc ? rc : emit_slot(c, s);
}

/* ---- copies of earlier lines of the document ----------------------------- */

static int copy_len_ok(const slot *s)
{
    return !s->truncated && s->text_len > 0 && s->text_len <= NAZIF__BP_COPY_MAX;
}

#define COPY_BITS(h) ((size_t)((h) >> 8) & 255u)

/* Is h the hash of one of the last NAZIF__BP_COPY_RING non-blank lines?
   0: no; 1: yes; 3: yes, and one such line was dropped. */
static int copies_has(const nazif_cleaner *c, uint64_t h)
{
    if (!c->copy_bits[COPY_BITS(h)]) return 0; /* most lines */
    const size_t m = c->ncopies < NAZIF__BP_COPY_RING ? c->ncopies : NAZIF__BP_COPY_RING;
    int r = 0;
    for (size_t k = 0; k < m; k++)
        if (c->copies[k] == h) r |= (c->copy_dropped >> k & 1u) ? 3 : 1;
    return r;
}

/* Push h (0: a line that is never a copy; dropped: the line went) into
   the ring. */
static void copies_push(nazif_cleaner *c, uint64_t h, int dropped)
{
    const size_t k = c->ncopies++ % NAZIF__BP_COPY_RING;
    uint64_t *e = &c->copies[k];
    if (c->ncopies > NAZIF__BP_COPY_RING && *e) c->copy_bits[COPY_BITS(*e)]--;
    *e = h;
    if (h) c->copy_bits[COPY_BITS(h)]++;
    if (dropped) c->copy_dropped |= 1u << k;
    else c->copy_dropped &= ~(1u << k);
}

/*
 * Is window slot i (kept by the model when `kept`; lines = the
 * classifier's window from slot `from`) a copy of an earlier line that
 * the page printed again?  Called for every line of the document in
 * order, it also remembers the line.  A paragraph printed again is a
 * copy; a title-like line is (nazif__bp_copy_candidate), unless the line
 * before or after it also repeats an earlier line: a song's chorus, a
 * stanza or a list printed twice are the text's own.
 */
/* Is the next non-empty slot after slot i a copy of an earlier kept line
   (of one other than the line hashed to not_h, when not_h is not 0)?  A
   chorus or a stanza printed again repeats lines the page kept; a line
   whose earlier copy went as furniture (the site's name, a photo credit,
   a counter) is the template's again, and makes no chorus. */
static int next_is_copy(nazif_cleaner *c, size_t i, uint64_t not_h)
{
    for (size_t j = i + 1; j < c->count; j++) {
        slot *t = win_at(c, j);
        if (t->text_len == 0) continue;
        if (!copy_len_ok(t)) return 0;
        const uint64_t hj = nazif__bp_copy_hash(t->out.p, t->text_len);
        return (not_h == 0 || hj != not_h) && copies_has(c, hj) == 1;
    }
    return 0;
}

static int copy_of_earlier(nazif_cleaner *c, size_t i, int kept, const nazif__bp_line *lines,
                           size_t n, size_t from)
{
    slot *s = win_at(c, i);
    if (s->text_len == 0) return 0;
    const uint64_t h = copy_len_ok(s) ? nazif__bp_copy_hash(s->out.p, s->text_len) : 0;
    const int seen = h ? copies_has(c, h) : 0;
    int drop = 0;
    if (seen && kept) {
        const int cand = nazif__bp_copy_candidate(lines, n, i - from);
        if (cand == 2) {
            drop = 1;
        } else if (cand == 4) {
            /* a short line before the article: a copy of furniture */
            drop = seen == 3;
        } else if (cand == 5) {
            /* a line between two paragraphs: a teaser's title only over
               its excerpt printed again */
            drop = !c->prev_title_copy && next_is_copy(c, i, 0);
        } else if (cand == 1 || (cand == 3 && !c->prev_title_copy)) {
            /* not when the next line is a copy of another line (a chorus) */
            drop = !next_is_copy(c, i, h);
        }
    }
    /* the line repeats an earlier one (whatever its length) */
    c->prev_title_copy = seen != 0;
    copies_push(c, h, !kept || drop);
    return drop;
}

/* Decide undecided slots while enough look-ahead exists (all when at_end). */
static int decide(nazif_cleaner *c, int at_end)
{
    while (c->decided < c->count) {
        size_t i = c->decided;
        size_t ahead = c->count - i - 1;
        if (!at_end && ahead < NAZIF__BP_AHEAD) break;
        slot *s = win_at(c, i);
        if (!s->truncated) {
            s->drop = 0;
            s->repeated = 0;
            s->why = NULL;
            if (!(c->opt.flags & NAZIF_KEEP_BOILERPLATE) && s->text_len > 0) {
                /* the mirror of line i is current: set when its text was
                   (take_line(), long_piece()), not dropped, paras 0 */
                const size_t from = i > NAZIF__BP_BEHIND ? i - NAZIF__BP_BEHIND : 0;
                const size_t n = c->count - from;
                nazif__bp_line *lines = &c->mirror[(c->head + from) % WIN];
                const char *why = NULL;
                lines[i - from].paras = c->bp_paras; /* read on line i only */
                s->drop = nazif__bp_decide_in(lines, n, i - from,
                                              at_end || ahead < NAZIF__BP_AHEAD,
                                              (c->opt.flags & NAZIF_ARTICLE_TEXT) != 0, &why);
                s->why = why ? why : "page furniture";
                int cand = !s->drop && c->lf
                               ? nazif__bp_repeat_candidate(lines, n, i - from)
                               : 0;
                /* a sentence needs four times the evidence: news sites
                   paste background sentences into follow-up articles */
                if (cand &&
                    nazif_linefreq_count(c->lf, c->lf_host, c->lf_host_len,
                                         (const char *)s->out.p, s->text_len) >=
                        (uint64_t)c->lf_min * (cand == 2 ? 4u : 1u)) {
                    s->drop = 1;
                    s->repeated = 1;
                    s->why = "repetition: repeated_line (on many pages of the same site)";
                    c->lf_dropped++;
                }
                /* a line the page prints again, anywhere in the document
                   (not in an article an extractor chose) */
                if (!(c->opt.flags & NAZIF_ARTICLE_TEXT) &&
                    copy_of_earlier(c, i, !s->drop, lines, n, from) && !s->drop) {
                    s->drop = 1;
                    s->repeated = 0;
                    s->why = "context: repeated line (printed earlier in the page)";
                }
                /* the mirror changes only when the line is dropped on the
                   classifier's own evidence; else paras goes back to 0 */
                if (s->drop && !s->repeated) mirror_set(c, i);
                else lines[i - from].paras = 0;
            }
        }
        if (s->truncated) { /* a long line: never a copy, but a line */
            copies_push(c, 0, 0);
            c->prev_title_copy = 0;
        }
        if (!s->drop && (s->truncated || (s->bpf.valid && s->bpf.para)))
            c->bp_paras++;
        c->decided++;
        int rc = emit_or_hold(c, s);
        if (rc) return rc;
    }
    /* keep at most BEHIND decided slots for context */
    while (c->decided > NAZIF__BP_BEHIND) {
        c->head = (c->head + 1) % WIN;
        c->count--;
        c->decided--;
    }
    return 0;
}

static slot *win_push(nazif_cleaner *c)
{
    /* decide() leaves at most BEHIND decided + AHEAD undecided slots, so
       there is always room for one more */
    slot *s = win_at(c, c->count);
    c->count++;
    s->out.n = 0;
    s->orig.n = 0;
    s->text_len = 0;
    s->truncated = 0;
    s->drop = 0;
    s->repeated = 0;
    s->why = NULL;
    s->bpf.valid = 0;
    nazif__edits_clear(&s->ed);
    return s;
}

/* A whole line: line[0..n) with its end (term bytes at the end). */
static int take_line(nazif_cleaner *c, const uint8_t *line, size_t n, size_t term)
{
    size_t text = n - term;
    uint64_t base = c->line_offset;
    slot *s = win_push(c);
    s->offset = base;
    s->index = c->lines++;
    c->st.lines_in++;
    int rc = nazif__restore_line(c->lex, c->opt.flags, line, text, &c->scratch, &s->ed);
    if (rc) return rc;
    rc = account(c, &s->ed, line, text, base,
                 c->scratch.plain || !(nazif__bk(&c->scratch, line, text) & NAZIF__BK_NUL));
    if (rc) return rc;
    if (apply_edits(&s->out, line, text, &s->ed)) return NAZIF_ENOMEM;
    s->text_len = s->out.n;
    if (buf_put(&s->out, line + text, term)) return NAZIF_ENOMEM;
    if (c->opt.on_change && buf_put(&s->orig, line, n)) return NAZIF_ENOMEM;
    mirror_set(c, c->count - 1);
    return decide(c, 0);
}


/* Restore and queue the piece line[0..n) of a long line (term: line end). */
static int take_piece(nazif_cleaner *c, const uint8_t *p, size_t n, size_t term, int cut_in_word)
{
    size_t text = n - term;
    uint64_t base = c->line_offset;
    unsigned flags = c->opt.flags;
    if (c->cont) flags |= NAZIF__CONT_LEFT;
    if (cut_in_word) flags |= NAZIF__CONT_RIGHT;
    c->cont = cut_in_word;
    nazif__edits_clear(&c->long_ed);
    /* the end of the previous piece, for rules that look back */
    if (flags & NAZIF__CONT_LEFT || c->ctx_len) {
        c->scratch.ctx = c->ctx;
        c->scratch.ctx_len = c->ctx_len;
    }
    int rc = nazif__restore_line(c->lex, flags, p, text, &c->scratch, &c->long_ed);
    c->scratch.ctx = NULL;
    c->scratch.ctx_len = 0;
    /* keep this piece's last bytes for the next one */
    c->ctx_len = text < sizeof c->ctx ? text : sizeof c->ctx;
    memcpy(c->ctx, p + text - c->ctx_len, c->ctx_len);
    if (rc) return rc;
    rc = account(c, &c->long_ed, p, text, base, 0);
    if (rc) return rc;
    rc = report_edits(c, &c->long_ed, p, base, c->lines - 1);
    if (rc) return rc;
    c->long_out.n = 0;
    if (apply_edits(&c->long_out, p, text, &c->long_ed)) return NAZIF_ENOMEM;
    if (buf_put(&c->long_out, p + text, term)) return NAZIF_ENOMEM;
    return put_out(c, c->long_out.p, c->long_out.n);
}

/* The line buffer is full and has no line end: stream a piece of it. */
static int long_piece(nazif_cleaner *c)
{
    int rc;
    int in_word;
    size_t cut = nazif__line_cut(c->line, c->line_len, &in_word);
    if (!c->in_long) {
        /* a new long line: it is content; decide everything before it with
           it as look-ahead, then stream it */
        c->in_long = 1;
        slot *s = win_push(c);
        s->offset = c->line_offset;
        s->index = c->lines++;
        s->truncated = 1;
        c->st.lines_in++;
        size_t keep = cut < LONG_PREFIX ? cut : LONG_PREFIX;
        while (keep > 0 && keep < cut && (c->line[keep] & 0xC0) == 0x80) keep--;
        if (buf_put(&s->out, c->line, keep)) return NAZIF_ENOMEM;
        s->text_len = keep;
        mirror_set(c, c->count - 1);
        rc = decide(c, 1);
        if (rc) return rc;
    }
    rc = take_piece(c, c->line, cut, 0, in_word);
    if (rc) return rc;
    memmove(c->line, c->line + cut, c->line_len - cut);
    c->line_len -= cut;
    c->line_offset += cut;
    return 0;
}

/* A complete line (ending in \n, or the last one) is in line[0..n). */
static int line_done(nazif_cleaner *c, size_t n, int has_nl)
{
    size_t term = 0;
    if (has_nl) {
        term = 1;
        if (n >= 2 && c->line[n - 2] == '\r') term = 2;
    }
    int rc;
    if (c->in_long) {
        rc = take_piece(c, c->line, n, term, 0);
        c->in_long = 0;
        c->ctx_len = 0;
    } else {
        rc = take_line(c, c->line, n, term);
    }
    c->line_offset += n;
    c->line_len = 0;
    return rc;
}

static int drain(nazif_cleaner *c, nazif_outbuf *out)
{
    size_t avail = c->outq.n - c->outq_pos;
    if (avail == 0) return 0;
    size_t room = out->size - out->pos;
    size_t k = avail < room ? avail : room;
    if (k) {
        memcpy((uint8_t *)out->dst + out->pos, c->outq.p + c->outq_pos, k);
        out->pos += k;
        c->outq_pos += k;
        c->st.bytes_out += k;
    }
    if (c->outq_pos == c->outq.n) {
        c->outq.n = 0;
        c->outq_pos = 0;
        return 0;
    }
    return 1;
}

static int fail(nazif_cleaner *c, int rc)
{
    c->error = rc;
    return rc;
}

static int stream(nazif_cleaner *c, nazif_inbuf *in, nazif_outbuf *out)
{
    for (;;) {
        if (drain(c, out)) return 1;
        if (in->pos >= in->size) return NAZIF_OK;
        const uint8_t *p = (const uint8_t *)in->src + in->pos;
        size_t avail = in->size - in->pos;
        size_t room = NAZIF_LINE_WINDOW - c->line_len;
        size_t take = avail < room ? avail : room;
        const uint8_t *nl = memchr(p, '\n', take);
        if (nl) take = (size_t)(nl - p) + 1;
        if (nl && c->line_len == 0 && !c->in_long) {
            /* a whole line in the input: read where it is, no copy */
            in->pos += take;
            c->st.bytes_in += take;
            const size_t term = take >= 2 && p[take - 2] == '\r' ? 2 : 1;
            int rc = take_line(c, p, take, term);
            c->line_offset += take;
            if (rc) return fail(c, rc);
            continue;
        }
        memcpy(c->line + c->line_len, p, take);
        c->line_len += take;
        in->pos += take;
        c->st.bytes_in += take;
        int rc = 0;
        if (nl) rc = line_done(c, c->line_len, 1);
        else if (c->line_len == NAZIF_LINE_WINDOW) rc = long_piece(c);
        if (rc) return fail(c, rc);
    }
}

int nazif_cleaner_stream(nazif_cleaner *c, nazif_inbuf *in, nazif_outbuf *out)
{
    if (!c || !in || !out || in->pos > in->size || out->pos > out->size) return NAZIF_EINVAL;
    if (c->error) return NAZIF_ESTATE;
    if (c->doc_done) new_document(c);
    c->dst = out;
    const int rc = stream(c, in, out);
    c->dst = NULL;
    return rc;
}

static int finish(nazif_cleaner *c, nazif_outbuf *out);

int nazif_cleaner_finish(nazif_cleaner *c, nazif_outbuf *out)
{
    if (!c || !out || out->pos > out->size) return NAZIF_EINVAL;
    if (c->error) return NAZIF_ESTATE;
    if (c->doc_done) new_document(c);
    c->dst = out;
    const int rc = finish(c, out);
    c->dst = NULL;
    return rc;
}

static int finish(nazif_cleaner *c, nazif_outbuf *out)
{
    if (drain(c, out)) return 1;
    int rc = 0;
    if (c->line_len > 0 || c->in_long) rc = line_done(c, c->line_len, 0);
    if (!rc) rc = decide(c, 1);
    /* the end of the document: no paragraph was kept and no line was
       furniture on its own words: a file of headlines or posts, not a
       page; its lines dropped on context alone stay */
    if (!rc && c->nheld) rc = release_held(c, c->bp_paras == 0 && !c->page_evidence);
    if (rc) return fail(c, rc);
    if (drain(c, out)) return 1;
    c->count = c->decided = 0;
    c->doc_done = 1;
    return NAZIF_OK;
}

int nazif_clean(const char *text, size_t len, char **out, size_t *out_len,
                const nazif_clean_options *opts)
{
    if (!out || !out_len || (!text && len)) return NAZIF_EINVAL;
    *out = NULL;
    *out_len = 0;
    nazif_cleaner *c;
    int rc = nazif_cleaner_new(&c, opts);
    if (rc) return rc;
    size_t cap = len + len / 8 + 64;
    char *o = malloc(cap + 1);
    if (!o) {
        nazif_cleaner_free(c);
        return NAZIF_ENOMEM;
    }
    nazif_inbuf in = {text, len, 0};
    nazif_outbuf ob = {o, cap, 0};
    int finishing = 0;
    for (;;) {
        rc = finishing ? nazif_cleaner_finish(c, &ob) : nazif_cleaner_stream(c, &in, &ob);
        if (rc < 0) break;
        if (rc == 0) {
            if (finishing) break;
            finishing = 1;
            continue;
        }
        cap *= 2;
        char *p = realloc(o, cap + 1);
        if (!p) {
            rc = NAZIF_ENOMEM;
            break;
        }
        o = p;
        ob.dst = o;
        ob.size = cap;
    }
    nazif_cleaner_free(c);
    if (rc < 0) {
        free(o);
        return rc;
    }
    o[ob.pos] = '\0';
    *out = o;
    *out_len = ob.pos;
    return NAZIF_OK;
}

void nazif_free(void *p) { free(p); }

int nazif_cleaner_set_linefreq(nazif_cleaner *c, const nazif_linefreq *lf,
                               const char *host, size_t host_len,
                               unsigned min_docs)
{
    if (lf && host_len >= sizeof c->lf_host) return NAZIF_EINVAL;
    c->lf = lf;
    c->lf_host_len = lf ? host_len : 0;
    if (lf && host_len) memcpy(c->lf_host, host, host_len);
    c->lf_min = min_docs ? min_docs : NAZIF_LINEFREQ_MIN_DOCS;
    return NAZIF_OK;
}

void nazif__cleaner_set_article(nazif_cleaner *c, int on)
{
    if (!c) return;
    if (on) c->opt.flags |= NAZIF_ARTICLE_TEXT;
    else c->opt.flags &= ~(unsigned)NAZIF_ARTICLE_TEXT;
}

uint64_t nazif__cleaner_repeated(const nazif_cleaner *c)
{
    return c ? c->lf_dropped : 0;
}
