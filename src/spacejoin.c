/*
 * spacejoin.c -- rule P17: a word split by a space (مقا ومة, إسرا ئيل).
 *
 * A space after a letter that does not join to the left (ا أ إ آ ء ؤ د ذ ر
 * ز و) changes nothing a reader sees: المقا ومة looks like المقاومة, which
 * is why obfuscators split words there.  Most such spaces are real word
 * ends, so the lexicon decides, precision first:
 *
 *   - both halves are runs of Arabic letters (harakat allowed), the first
 *     of three letters or more (بو تفليقة, بو زلفة: Maghrebi names write
 *     بو apart), the second not starting with the article;
 *     the pair stands alone (space, line end or punctuation around it);
 *   - at least one half is unseen in news (lexicon class 0: not a word, a
 *     hunspell form that ANT never has, or a single letter), the first is
 *     rare (class <= P17_HEAD_MAX) and the second no common word (class <
 *     P17_HALF_MAX): a pair of words that news text writes is never
 *     joined;
 *   - the joined form is a word seen in news (class >= P17_JOIN_MIN; a
 *     form of hunspell-ar's, or one ANT has three times) and more frequent
 *     than either half.
 *
 * Word-pair counts are not needed beyond this: with one half unseen in ANT,
 * the pair is unseen too.  Joins chain left to right (إسرا ئيل then the
 * next word is tried against the joined word), so cleaning twice gives the
 * same text.
 */
#include <stdlib.h>
#include <string.h>

#include "restore.h"

#define P17_JOIN_MIN 1 /* class of the joined word: seen in ANT */
#define P17_HEAD_MAX 2 /* the first half: seen at most 3 times in ANT */
#define P17_HALF_MAX 6 /* the second half: a word of this class or more is real */

/* The code point of the two-byte Arabic character at s (lead D8/D9), or 0. */
static uint32_t ar2(const uint8_t *s)
{
    if ((s[0] != 0xD8 && s[0] != 0xD9) || (s[1] & 0xC0) != 0x80) return 0;
    return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
}

static int ar_letter(uint32_t cp) { return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A); }
static int ar_mark(uint32_t cp) { return cp >= 0x064B && cp <= 0x0652; }

/* Letters that do not join the next one: a space after them is invisible. */
static int non_joiner(uint32_t cp)
{
    switch (cp) {
    case 0x0621: case 0x0622: case 0x0623: case 0x0624: case 0x0625: case 0x0627:
    case 0x062F: case 0x0630: case 0x0631: case 0x0632: case 0x0648:
        return 1;
    default:
        return 0;
    }
}

/* May a word of the pair start right after s[0..i) (i is its first byte)? */
static int left_edge(const uint8_t *s, size_t i)
{
    if (i == 0) return 1;
    const uint8_t b = s[i - 1];
    if (b == ' ' || b == '\t' || b == '(' || b == '[' || b == '"' || b == '\'') return 1;
    if (i >= 2 && s[i - 2] == 0xC2 && b == 0xAB) return 1;                    /* « */
    if (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && b == 0x9C) return 1; /* “ */
    return 0;
}

/* May the pair end at byte i of s[0..n)? */
static int right_edge(const uint8_t *s, size_t n, size_t i)
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

/* The run of Arabic letters and harakat ending at byte e (exclusive),
   searching back; its start, and its letter count in *letters. */
static size_t word_back(const uint8_t *s, size_t e, int *letters)
{
    size_t i = e;
    int l = 0;
    while (i >= 2) {
        const uint32_t cp = ar2(s + i - 2);
        if (ar_letter(cp)) l++;
        else if (!ar_mark(cp)) break;
        i -= 2;
    }
    *letters = l;
    return i;
}

/* The run of Arabic letters and harakat starting at byte a; its end. */
static size_t word_fwd(const uint8_t *s, size_t n, size_t a, int *letters)
{
    size_t i = a;
    int l = 0;
    while (i + 1 < n) {
        const uint32_t cp = ar2(s + i);
        if (ar_letter(cp)) l++;
        else if (!ar_mark(cp)) break;
        i += 2;
    }
    *letters = l;
    return i;
}

/*
 * Most words P17 looks at are common ones, looked up again and again: their
 * classes are kept in a direct-mapped cache of WC_SIZE (16,384; 384 KiB,
 * allocated on first use) words of up to 16
 * bytes (the key is the bytes themselves, so a hit is always right).
 */
#define WC_BITS 14
#define WC_SIZE (1u << WC_BITS)

typedef struct wc_entry {
    uint64_t k0, k1;
    uint8_t len; /* 0: empty */
    int8_t cls;
} wc_entry;

struct nazif__wcache {
    wc_entry e[WC_SIZE];
};

/* The class of s[a, b) when the cache holds it, else -2 (never looks up). */
static int cached_class(const nazif__rscratch *scr, const uint8_t *s, size_t a, size_t b)
{
    const size_t n = b - a;
    if (n > 16 || !scr->wcache) return -2;
    uint8_t kb[16] = {0};
    uint64_t k0, k1;
    memcpy(kb, s + a, n);
    memcpy(&k0, kb, 8);
    memcpy(&k1, kb + 8, 8);
    const uint64_t h = ((k0 ^ (k1 * 0x9E3779B97F4A7C15u) ^ n) * 0xFF51AFD7ED558CCDu) >> (64 - WC_BITS);
    const wc_entry *slot = &scr->wcache->e[h];
    return slot->len == n && slot->k0 == k0 && slot->k1 == k1 ? slot->cls : -2;
}

/* Lexicon class of s[a, b), or 0 when not a word (single letters never
   are); -1 when out of memory. */
static int word_class(const nazif_lexicon *lex, nazif__rscratch *scr, const uint8_t *s, size_t a,
                      size_t b)
{
    const size_t n = b - a;
    wc_entry *slot = NULL;
    uint64_t k0 = 0, k1 = 0;
    if (n <= 16) {
        if (!scr->wcache && !(scr->wcache = calloc(1, sizeof *scr->wcache))) return -1;
        uint8_t kb[16] = {0};
        memcpy(kb, s + a, n);
        memcpy(&k0, kb, 8);
        memcpy(&k1, kb + 8, 8);
        const uint64_t h = ((k0 ^ (k1 * 0x9E3779B97F4A7C15u) ^ n) * 0xFF51AFD7ED558CCDu) >> (64 - WC_BITS);
        slot = &scr->wcache->e[h];
        if (slot->len == n && slot->k0 == k0 && slot->k1 == k1) return slot->cls;
    }
    int f = 0;
    if (nazif_lexicon_lookup(lex, (const char *)s + a, n, &f) == NAZIF_LEX_UNKNOWN) f = 0;
    if (slot) {
        slot->k0 = k0;
        slot->k1 = k1;
        slot->len = (uint8_t)n;
        slot->cls = (int8_t)f;
    }
    return f;
}

/* Does [a, b) touch one of the edits ed->v[first .. last)? */
static int overlaps(const nazif__edits *ed, size_t first, size_t last, size_t a, size_t b)
{
    for (size_t i = first; i < last; i++)
        if (ed->v[i].start < b && ed->v[i].end > a) return 1;
    return 0;
}

/*
 * The next space at or after byte i of s[0..n) that follows a byte that may
 * end a non-joining letter (A1..A7, AF..B2, 88) and precedes an Arabic lead
 * byte: a superset of the places P17 looks at, found 16 bytes at a time.
 */
#if defined(__SSE2__)
#include <emmintrin.h>
static size_t next_space(const uint8_t *s, size_t n, size_t i)
{
    if (i < 1) i = 1;
    const __m128i sp = _mm_set1_epi8(' '), d8 = _mm_set1_epi8((char)0xD8);
    while (i + 17 <= n) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        const __m128i pv = _mm_loadu_si128((const __m128i *)(s + i - 1));
        const __m128i w = _mm_loadu_si128((const __m128i *)(s + i + 1));
#define IN(x, lo, span)                                                                            \
    _mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8((x), _mm_set1_epi8((char)(lo))),                      \
                                _mm_set1_epi8((char)(span))),                                      \
                   _mm_set1_epi8((char)(span)))
        __m128i m = _mm_cmpeq_epi8(v, sp);
        m = _mm_and_si128(m, _mm_or_si128(_mm_or_si128(IN(pv, 0xA1, 6), IN(pv, 0xAF, 3)),
                                          _mm_cmpeq_epi8(pv, _mm_set1_epi8((char)0x88))));
        m = _mm_and_si128(m, _mm_cmpeq_epi8(_mm_and_si128(w, _mm_set1_epi8((char)0xFE)), d8));
#undef IN
        const unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return i + (size_t)__builtin_ctz(bits);
        i += 16;
    }
    for (; i < n; i++)
        if (s[i] == ' ') return i;
    return n;
}
#else
static size_t next_space(const uint8_t *s, size_t n, size_t i)
{
    const uint8_t *p = i < n ? memchr(s + i, ' ', n - i) : NULL;
    return p ? (size_t)(p - s) : n;
}
#endif

int nazif__space_join(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first, nazif__rscratch *scr)
{
    int foreign = -1; /* the line has Persian/Kurdish/Urdu letters (-1: not asked yet) */
    const size_t last = ed->n; /* the edits of the other rules end here */
    uint8_t j[NAZIF__MAX_WORD];
    /* the word before the current space as last seen: [wa, we), its letters
       and class (-1: not looked up); after a join, the joined word, whose
       text is j[0 .. jn) and whose edit is the last one */
    size_t wa = 0, we = SIZE_MAX, jn = 0;
    int wl = 0, wc = -1, joined = 0;
    for (size_t sp = next_space(s, n, 0); sp < n; sp = next_space(s, n, sp + 1)) {
        /* one space between a non-joining letter and a letter */
        if (sp < 6 || sp + 3 > n || !non_joiner(ar2(s + sp - 2)) || !ar_letter(ar2(s + sp + 1)))
            continue;
        size_t a;
        int la, ca;
        const int chain = joined && we == sp;
        if (we == sp) {
            a = wa;
            la = wl;
            ca = wc;
        } else {
            a = word_back(s, sp, &la);
            ca = -1;
        }
        joined = 0;
        if (la < 3 || !left_edge(s, a)) continue;
        /* the article begins a word, it does not end a split one (also
           after و ف ب ك: وال بال ...) */
        const uint8_t *q = s + sp + 1;
        if (ar2(q) == 0x0627 && sp + 5 <= n && ar2(q + 2) == 0x0644) continue;
        if (sp + 7 <= n && ar2(q + 2) == 0x0627 && ar2(q + 4) == 0x0644) {
            const uint32_t c0 = ar2(q);
            if (c0 == 0x0648 || c0 == 0x0641 || c0 == 0x0628 || c0 == 0x0643) continue;
        }
        /* the head of a split word is no word news writes often.  Most
           heads are common words the cache knows; when it does not know
           the head but knows the next word as a common one (or it is one
           letter), the pair is settled without looking the head up */
        if (ca < 0 && (ca = cached_class(scr, s, a, sp)) == -2) {
            int lq;
            const size_t bq = word_fwd(s, n, sp + 1, &lq);
            const int cq = lq == 1 ? 0 : cached_class(scr, s, sp + 1, bq);
            if (cq >= P17_HALF_MAX) {
                wa = sp + 1;
                we = bq;
                wl = lq;
                wc = cq;
                continue;
            }
            ca = -1;
        }
        if (ca < 0 && (ca = word_class(lex, scr, s, a, sp)) < 0) return NAZIF_ENOMEM;
        wa = sp + 1; /* the right word is the next space's left word */
        we = SIZE_MAX;
        if (ca > P17_HEAD_MAX) continue;
        int lb;
        const size_t b = word_fwd(s, n, sp + 1, &lb);
        we = b;
        wl = lb;
        wc = -1;
        if (!right_edge(s, n, b) || b - a > NAZIF__MAX_WORD || overlaps(ed, first, last, a, b))
            continue;
        const int cb = lb == 1 ? 0 : word_class(lex, scr, s, sp + 1, b);
        if (cb < 0) return NAZIF_ENOMEM;
        wc = cb;
        if (cb >= P17_HALF_MAX || (ca > 0 && cb > 0)) continue;
        /* the joined text: the left word as it goes out, then the right */
        size_t k = chain ? jn : sp - a;
        if (!chain) memcpy(j, s + a, k);
        memcpy(j + k, s + sp + 1, b - sp - 1);
        k += b - sp - 1;
        int cj = 0;
        if (nazif_lexicon_lookup(lex, (const char *)j, k, &cj) == NAZIF_LEX_UNKNOWN ||
            cj < P17_JOIN_MIN || cj <= ca || cj <= cb)
            continue;
        /* not in Persian, Kurdish or Urdu text, nor beside it (asked only
           now: most lines never get here) */
        if (foreign < 0) foreign = !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n);
        if (foreign) return 0;
        if (chain) {
            /* one edit for the whole chain */
            if (nazif__edit_extend(ed, b, s + sp + 1, b - sp - 1)) return NAZIF_ENOMEM;
        } else if (nazif__edit_add(ed, a, b, j, k, NAZIF_CHANGE_EDIT, NZR_P17,
                                   "space inside a word after a non-joining letter; lexicon: "
                                   "the joined word is seen in news, a half is not")) {
            return NAZIF_ENOMEM;
        }
        /* the joined word is the left word of the next space */
        wa = a;
        wl = la + lb;
        wc = cj;
        jn = k;
        joined = 1;
    }
    return ed->oom ? NAZIF_ENOMEM : 0;
}
