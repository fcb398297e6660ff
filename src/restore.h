/*
 * restore.h -- restoration of obfuscated words inside one line (restore.c)
 * and the edit list it produces, which cleaner.c applies and reports.
 */
#ifndef NAZIF_RESTORE_H
#define NAZIF_RESTORE_H

#include "internal.h"

/*
 * The rules, in the order of nazif_clean_stats.by_rule and nazif_rule_name
 * (the one list: the enum and the names are both made from it).  Ids are
 * stable: new rules are appended.
 */
#define NAZIF__RULES(X)                                                           \
    X(UTF8) X(P1) X(P2) X(P3) X(P4) X(P5) X(P6) X(P7) X(P8) X(P9) X(P10)         \
    X(P11) X(P12) X(P13) X(P14) X(P15) X(P16) X(BOILERPLATE) X(OTHER)            \
    X(MOJIBAKE) X(P17) X(VISUAL)

#define NAZIF__RULE_ENUM(id) NZR_##id,
enum { NAZIF__RULES(NAZIF__RULE_ENUM) NZR_COUNT };
#undef NAZIF__RULE_ENUM

_Static_assert(NZR_COUNT == NAZIF_RULE_COUNT, "NAZIF_RULE_COUNT (nazif.h) must match the rule list");
_Static_assert(NZR_P1 == 1 && NZR_P16 == 16 && NZR_BOILERPLATE == 17 && NZR_OTHER == 18,
               "rule ids are stable");

/* One edit of a line: bytes [start, end) of the line become rep. */
typedef struct nazif__edit {
    size_t start, end;     /* byte range in the line */
    size_t rep_off;        /* replacement: pool[rep_off .. rep_off+rep_len) */
    size_t rep_len;
    int kind;              /* NAZIF_CHANGE_EDIT or NAZIF_CHANGE_SUSPECT */
    int rule;              /* NZR_* */
    const char *evidence;  /* static string, or NULL: in the pool at ev_off */
    size_t ev_off;         /* NUL-terminated evidence in the pool */
} nazif__edit;

/* A growable edit list with its replacement byte pool (reused per line). */
typedef struct nazif__edits {
    nazif__edit *v;
    size_t n, cap;
    uint8_t *pool;
    size_t pool_len, pool_cap;
    int oom;               /* an allocation failed */
} nazif__edits;

void nazif__edits_clear(nazif__edits *e);
void nazif__edits_free(nazif__edits *e);

/* Scratch memory for nazif__restore_line, reused from line to line. */
typedef struct nazif__rscratch {
    void *units;
    size_t cap;
    /* the whole line's units for nazif__cx_arabic() (units holds a region) */
    void *lunits;
    size_t lcap;
    /* the text just before s when s is a piece of a longer line (the
       cleaner's long-line mode), so that context rules see across the cut;
       NULL otherwise */
    const uint8_t *ctx;
    size_t ctx_len;
    /* mojibake: the runs found, the repaired line, its restoration */
    nazif__edits mfound, med;
    uint8_t *mbuf;
    size_t mcap;
    /* a line with mojibake: the repaired line (mbuf is then the junk's),
       its restoration, and the control junk found in it */
    uint8_t *rbuf;
    size_t rcap;
    nazif__edits mre, jfound;
    /* control junk (restore_junk.c): the line's characters; junk_look:
       restore_plain() looks for it in the regions it decodes, junk_seen:
       it found some (and stopped) */
    void *junk;
    size_t jcap;
    int junk_look, junk_seen;
    /* restore_plain() met a letter of the extended blocks on the line
       (nazif__maybe_extlook()) */
    int xl_seen;
    /* P17: lexicon classes of recent words (spacejoin.c), or NULL */
    struct nazif__wcache *wcache;
    /* P17's scan met a single letter before another on this line
       (spacejoin.c): nazif__letter_runs() looks at it from byte
       letters - 1 on (0: not met) */
    size_t letters;
    /* set by nazif__restore_line(): the pre-scan saw every byte of the
       line in blocks without a flag (nazif__next_trigger_plain()), so
       it holds no NUL byte (the cleaner's count skips its memchr) */
    int plain;
    /* set by nazif__restore_line() on a line with a trigger: which of
       the bytes NAZIF__BK_* the line s[0..n) with bk_s == s, bk_n == n
       holds (nazif__byte_kinds()); read through nazif__bk() */
    unsigned bk;
    const uint8_t *bk_s;
    size_t bk_n;
} nazif__rscratch;

/* restore_scan.c: the bytes of a line that the memchr passes of the
   per-line tests look for (00: the NUL count; '_': the exercise cues;
   A2: the madda rule; C2 C3 E0: mojibake; DA DB E2: Persian letters and
   ZWNJ), one bit each; nazif__byte_kinds() returns NAZIF__BK_ALL when the
   CPU has no AVX2 (then every test runs) */
#define NAZIF__BK_NUL 1u
#define NAZIF__BK_US 2u
#define NAZIF__BK_A2 4u
#define NAZIF__BK_C2 8u
#define NAZIF__BK_C3 16u
#define NAZIF__BK_DADB 32u
#define NAZIF__BK_E0 64u
#define NAZIF__BK_E2 128u
#define NAZIF__BK_ALL 255u
unsigned nazif__byte_kinds(const uint8_t *s, size_t n);
/* nazif__byte_kinds() by a table, byte by byte (tests) */
unsigned nazif__byte_kinds_scalar(const uint8_t *s, size_t n);
/* The byte kinds of s[0..n) when scr holds them, else NAZIF__BK_ALL */
static inline unsigned nazif__bk(const nazif__rscratch *scr, const uint8_t *s, size_t n)
{
    return scr->bk_s == s && scr->bk_n == n ? scr->bk : NAZIF__BK_ALL;
}

void nazif__rscratch_free(nazif__rscratch *r);

/* P17 met single letters at byte pos: letter runs are looked for from the
   first such byte on */
static inline void nazif__letters_at(nazif__rscratch *scr, size_t pos)
{
    if (scr->letters == 0 || pos + 1 < scr->letters) scr->letters = pos + 1;
}

/* Append an edit (restore.c); 0, or -1 when out of memory (e->oom set). */
int nazif__edit_add(nazif__edits *e, size_t start, size_t end, const uint8_t *rep,
                    size_t rep_len, int kind, int rule, const char *evidence);

/* nazif__edit_add() with evidence ev copied into the pool (NUL included);
   0, or -1 when out of memory. */
int nazif__edit_add_ev(nazif__edits *e, size_t start, size_t end, const uint8_t *rep,
                       size_t rep_len, int kind, int rule, const char *ev);

/* The evidence of edit x of e. */
static inline const char *nazif__edit_evidence(const nazif__edits *e, const nazif__edit *x)
{
    return x->evidence ? x->evidence : (const char *)e->pool + x->ev_off;
}

/* Make the last edit of e end at byte end of the line, its replacement
   followed by rep[0..len); 0, or -1 when out of memory. */
int nazif__edit_extend(nazif__edits *e, size_t end, const uint8_t *rep, size_t len);

/* Word edges for the space rules (spacejoin.c, spaced.c). */
/* May a word of the pair start right after s[0..i) (i is its first byte)? */
static inline int nazif__left_edge(const uint8_t *s, size_t i)
{
    if (i == 0) return 1;
    const uint8_t b = s[i - 1];
    if (b == ' ' || b == '\t' || b == '(' || b == '[' || b == '"' || b == '\'') return 1;
    if (i >= 2 && s[i - 2] == 0xC2 && b == 0xAB) return 1;                    /* « */
    if (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && b == 0x9C) return 1; /* “ */
    return 0;
}

/* May the pair end at byte i of s[0..n)? */
static inline int nazif__right_edge(const uint8_t *s, size_t n, size_t i)
{
    if (i == n) return 1;
    const uint8_t b = s[i];
    if (b == ' ' || b == '\t' || b == '\r' || b == ')' || b == ']' || b == '"' || b == '\'' ||
        b == ',' || b == ';' || b == ':' || b == '!' || b == '?')
        return 1;
    /* a full stop only at a sentence end, not before a letter (الجلسة.وعاد) */
    if (b == '.') return i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\r' ||
                         s[i + 1] == '"' || s[i + 1] == '.';
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xBB) return 1; /* » */
    if (i + 1 < n && s[i] == 0xD8 && (s[i + 1] == 0x8C || s[i + 1] == 0x9B || s[i + 1] == 0x9F))
        return 1;                                                 /* ، ؛ ؟ */
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x9D) return 1; /* ” */
    return 0;
}

/* Does [a, b) touch one of the edits ed->v[first .. last)? */
static inline int nazif__overlaps(const nazif__edits *ed, size_t first, size_t last, size_t a, size_t b)
{
    for (size_t i = first; i < last; i++)
        if (ed->v[i].start < b && ed->v[i].end > a) return 1;
    return 0;
}

/* spacejoin.c, rule P17: join the words of s[0..n) that a space splits
   (lexicon), not in a line with Persian, Kurdish or Urdu letters or ZWNJ
   (nazif__maybe_persian(), unless flags has NAZIF__NOT_PERSIAN), adding
   edits after those of the other rules, which start at
   ed->v[first] and are not overlapped; scr keeps a cache of word classes
   (the result does not depend on it); 0 or NAZIF_ENOMEM. */
int nazif__space_join(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first, nazif__rscratch *scr);

/* spacejoin.c: 0 when no word rule P17 can make with the built-in lexicon
   has the letters around the space s[sp] (sp >= 6, sp + 3 <= n, a
   non-joining letter before it, a letter after it); 1 when one may
   (p17_table.h).  For tools/p17-verify.c and the tests. */
int nazif__p17_window(const uint8_t *s, size_t n, size_t sp);
/* spacejoin.c: the candidate spaces of s[0..n) P17's map gives, in
   order, up to max of them in pos; returns their count (for the tests) */
size_t nazif__p17_map(const uint8_t *s, size_t n, size_t *pos, size_t max);

/* spacejoin.c: the lexicon class of s[a, b) (a word of the line s[0..lim)),
   through scr's cache; 0 when no word, -1 when out of memory */
int nazif__p17_class(const nazif_lexicon *lex, nazif__rscratch *scr, const uint8_t *s, size_t lim,
                     size_t a, size_t b);

/* spacesplit.c, rule P17 for a space after a letter that joins the next
   one (الحش يش, ت هريب): the lexicon decides; not in a line with Persian,
   Kurdish or Urdu letters or ZWNJ; edits after those of the other rules
   (from ed->v[first]), not overlapping them; 0 or NAZIF_ENOMEM. */
int nazif__split_join(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first, nazif__rscratch *scr);

/* spaced.c, rule P17 for a space with tatweel at it (يقتـ ـل, الاحتـ لال):
   the lexicon decides; not in a line with Persian, Kurdish or Urdu letters
   or ZWNJ; edits after those of the other rules (from ed->v[first]), not
   overlapping them; 0 or NAZIF_ENOMEM.  Only lines with tatweel can have
   them: restore_plain() calls it when the pre-scan found something. */
int nazif__spaced_join(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                       nazif__edits *ed, size_t first);

/* spaced.c, rule P17 for words written letter by letter (ا ل م ق ا و م ة):
   the lexicon decides; edits after those of the other rules (from
   ed->v[first]), not overlapping them; runs looked for from the one at or
   before byte from on; 0 or NAZIF_ENOMEM. */
int nazif__letter_runs(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                       nazif__edits *ed, size_t first, size_t from);

/* madda.c, rule P14 for an alef madda put for a bare alef (الآعتقال): the
   madda table and the lexicon decide; not in a line with Persian, Kurdish
   or Urdu letters; edits after those of the other rules (from ed->v[first]),
   not overlapping them; 0 or NAZIF_ENOMEM. */
int nazif__madda_fix(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                     nazif__edits *ed, size_t first, int *maddas);
/* ... sets *maddas to the number of آ on the line that may be the
   decoration style's or that nazif__madda_fix() found no stem for.  With
   one or more, after the other rules, on their output:
   nazif__madda_line() reads the آ madda_fix() reads in the words other
   rules edited, and on a line of the style that writes every ا as آ (two
   words or more with an impossible آ) those آ too, where the lexicon knows
   the word; edits added from ed->v[first] on, or the آ of an earlier
   edit's replacement rewritten; 0 or NAZIF_ENOMEM. */
int nazif__madda_line(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first);
/* Is the آ at s[p] (of s[0..n)) inside its word, after a letter that is
   no proclitic string, and impossible spelling there: no word of the
   madda table's second list (words Arabic writes with an آ inside) begins
   the word after its proclitics with its آ there (madda.c)? */
int nazif__madda_inner(const uint8_t *s, size_t n, size_t p);
/* Does s[0, n) hold ؏ (U+060F), which tools draw for ع (restore_xword.c)? */
int nazif__misra(const uint8_t *s, size_t n);
/* P14 on the words the other rules left with a look-alike letter, on the
   line as the edits from first on write it (restore_xword.c), called on
   lines with a suspect آ (maddas: nazif__madda_fix()) or a letter of the
   extended blocks (nazif__maybe_extlook()).  0 or NAZIF_ENOMEM; the
   edits from first on are left in order. */
int nazif__xword_line(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first, int maddas);
/* P15 on words a poster drew with decoration and harakat no spelling
   puts there (restore_xword.c): read on the line as the edits from first
   on write it, after every other rule, on lines with harakat in a word
   an edit touches, or anywhere when xl (a letter of the extended blocks:
   nazif__maybe_extlook()).
   0 or NAZIF_ENOMEM; the edits from first on are left in order. */
int nazif__dword_line(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed,
                      size_t first, int xl);

/* madda.c: in the word b[0..n) (basic Arabic letters, two bytes each),
   every آ that is impossible spelling (nazif__madda_line()'s test: no stem
   of the madda table begins the word there, or the letters around it are
   not listed; with inner, any آ after the word's proclitics) is
   rewritten as ا; their number. */
int nazif__madda_read(uint8_t *b, size_t n, int inner);

/* mojibake.c: could s[0..n) hold Arabic mojibake (a cheap byte test)? */
int nazif__maybe_mojibake(const uint8_t *s, size_t n);
/* Its windows-874 half (E0 B8 B8..BA) alone: enough on a line where
   nazif__next_trigger() finds nothing, since a C3 byte is a trigger (a
   Latin-1 letter, or invalid UTF-8), and so is C2 A7 (§, in ط§). */
int nazif__maybe_mojibake_874(const uint8_t *s, size_t n);
/* Append one MOJIBAKE edit per run of repaired words of s[0..n) to ed
   (replacement: the repaired bytes); 0 or NAZIF_ENOMEM. */
int nazif__mojibake_find(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed);
/* The byte a windows-1252/Latin-1/windows-874 decoder turned into cp, or
   -1 (tests). */
int nazif__mojibake_byte(uint32_t cp);

/* The end of the previous piece of a long line that restoration may look
   back at (exercise_before() in restore.c reads up to 256 characters, at
   most this many bytes); the cleaner and the tokenizer keep exactly this
   much, so both see the same. */
#define NAZIF__PIECE_CTX 1024u

/* Internal flags for nazif__restore_line, above the public NAZIF_* ones:
   the piece of a long line starts / ends in the middle of a word ... */
#define NAZIF__CONT_LEFT 0x100u
#define NAZIF__CONT_RIGHT 0x200u
/* ... and the caller found nazif__maybe_persian() false on it already */
#define NAZIF__NOT_PERSIAN 0x400u

/*
 * Where to cut a line piece s[0..n) (n > 8) that is too long to hold: after
 * a space that cannot be part of a split word, searching back from the end
 * through the second half; failing that, before the last invalid sequence
 * or U+FFFD of the second half; failing that, at a character boundary near
 * the end, and then *in_word is 1.  Depends on the bytes only, so the cut
 * never depends on how the input arrived.  Shared by the cleaner and the
 * tokenizer so that both see the same pieces.
 */
size_t nazif__line_cut(const uint8_t *s, size_t n, int *in_word);

/* Tests: 1 when the SIMD blocks of the line pre-scan (SSE2, and AVX2 where
   the CPU has it) flag every byte pair that the scalar trigger tables
   (src/scan_tables.h) flag; they may flag more. */
int nazif__prescan_superset(void);
/* restore_scan.c: the first position >= from (a character boundary) where
   s[0..n) may need work, or n */
size_t nazif__next_trigger(const uint8_t *s, size_t n, size_t from);
/* nazif__next_trigger(s, n, 0); *plain is 1 when every byte went through
   a SIMD block without a flag: no byte 00..08, no lead byte other than
   D8, D9 and the C2 of a no-break space (so no NUL, no E0) */
size_t nazif__next_trigger_plain(const uint8_t *s, size_t n, int *plain);
/* nazif__next_trigger() by the scalar tables alone, byte by byte: what the
   SIMD blocks must find the same (tests) */
size_t nazif__next_trigger_scalar(const uint8_t *s, size_t n, size_t from);

/* Longest cluster (bytes) that is analysed as a word. */
#define NAZIF__MAX_WORD 512u

/*
 * Find what to change in line s[0..n) (no line terminator).  Appends edits
 * in increasing, non-overlapping order to ed: invalid UTF-8 (always) and,
 * unless flags has NAZIF_NO_RESTORE, restorations; SUSPECT records only
 * with NAZIF_REPORT_SUSPECTS.  Returns 0, or NAZIF_ENOMEM.
 */
int nazif__restore_line(const nazif_lexicon *lex, unsigned flags,
                        const uint8_t *s, size_t n, nazif__rscratch *scr,
                        nazif__edits *ed);

#endif
