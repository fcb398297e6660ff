/*
 * spacesplit.c -- rule P17 for a space after a letter that joins the next
 * one: السل اح, ت هريب, ال مخ درات.  (spacejoin.c handles a space after a
 * letter that does not join, which does not show; spaced.c a space with
 * tatweel at it.)
 *
 * Here the space shows: the letter before it takes its final form.  News
 * text has such a space inside a word almost never (a typo), obfuscators
 * put one there as often as after a non-joining letter.  Every space
 * between two Arabic words is a candidate, so the cheap tests come first:
 * a map of the spaces after a byte that may end a joining letter and not
 * before the article (AVX2, 32 bytes at a time), then a Bloom filter of
 * the letter windows around a space that a word of class 3 or more has
 * (p17j_table.h, tools/gen_p17j.py: 3.7 % of ANT's candidate spaces
 * pass).  Then the lexicon decides, precision first (classes:
 * nazif_lexicon_lookup()'s frequency class in news; a single letter -1):
 *
 *   - one piece of two letters or more is no word seen in news (class <=
 *     0) and not a proclitic written apart (ب ك ل ف س, ال بال كال فال وال
 *     لل ولل: news writes ال and ب ل apart before names, numbers and
 *     abbreviations: ال موندو, ب مليون, ل وات, 19 ل for litres); the
 *     joined word is seen seven times or more (class >= 3) and more
 *     frequent than either piece (a pair news writes stays: لا بد, بن
 *     سلمان, من والي);
 *   - a join goes on into the next piece when the longer word is seen in
 *     news and more frequent than the piece, which is one letter or no
 *     word (الوط ن ي, ال مخ درات: المخ, then المخدرات);
 *   - three pieces two of which are no words (one of two letters or more,
 *     not a proclitic) make a word more frequent than each (الم خد رات).
 *
 * Never: a lone و or alef on the right (the conjunction written apart, a
 * list's letter), a lone alef on the left, آل "the family of" and a
 * two-letter piece that spells a Latin letter (إل إم إس إف إن إي إك) on
 * the left, a word of fewer than four letters, a line with Persian,
 * Kurdish or Urdu letters or ZWNJ.  Word-pair counts are not needed beyond
 * this: with one piece no word seen in news, the pair is unseen too.
 */
#include <string.h>

#include "p17j_table.h"
#include "restore.h"

#define SPLIT_JOIN_MIN 3 /* class of the joined word: ANT has it 7 times */

/* Is s[0..2) an Arabic letter (ء..غ, ف..ي)?  A haraka? */
static inline int sp_let(const uint8_t *s)
{
    return s[0] == 0xD8 ? (uint8_t)(s[1] - 0xA1) <= 0xBA - 0xA1
                        : s[0] == 0xD9 && (uint8_t)(s[1] - 0x81) <= 0x8A - 0x81;
}
static inline int sp_har(const uint8_t *s) { return s[0] == 0xD9 && (uint8_t)(s[1] - 0x8B) <= 0x92 - 0x8B; }

/* Is s[0..2) a letter that joins the next one (ئ ب ت ث ج ح خ س..غ ف..ن ه
   ي)? */
static inline int sp_joining(const uint8_t *s)
{
    if (s[0] == 0xD8) return s[1] == 0xA6 || s[1] == 0xA8 || (s[1] >= 0xAA && s[1] <= 0xAE) ||
                             (s[1] >= 0xB3 && s[1] <= 0xBA);
    return s[0] == 0xD9 && ((s[1] >= 0x81 && s[1] <= 0x87) || s[1] == 0x8A);
}

/* 0 when no word of p17j_table.h splits at the space s[sp] (a joining
   letter before it, a letter after it; 8 <= sp, sp + 5 <= n), 1 when one
   may.  The window is the six bytes before the space with those up to the
   last ASCII byte (a space: the head's start) zeroed, and the four after
   it with the last two zeroed when the third is ASCII (a tail of one
   letter): the bytes themselves, no decoding (window_value() and mix() in
   tools/gen_p17j.py; a haraka in the window makes another window, which
   the table lacks). */
static inline int split_window(const uint8_t *s, size_t sp)
{
    uint64_t h;
    uint32_t t;
    memcpy(&h, s + sp - 8, 8);
    memcpy(&t, s + sp + 1, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    h = __builtin_bswap64(h);
    t = __builtin_bswap32(t);
#endif
    h >>= 16;
    const uint64_t ascii = ~h & 0x808080808080u;
    if (ascii) h &= ~(uint64_t)0 << ((63 - __builtin_clzll(ascii)) + 1);
    if (!(t & 0x800000u)) t &= 0xFFFFu;
    const uint64_t x = (h * 0x9E3779B97F4A7C15u + t) * 0xC2B2AE3D27D4EB4Fu;
    const uint64_t m = (uint64_t)1 << (x >> 32 & 63) | (uint64_t)1 << (x >> 44 & 63);
    return (p17j_bits[x >> (64 - P17J_WORD_BITS)] & m) == m;
}

/* The piece of letters and harakat ending at byte e, searching back; its
   start, its letters in *letters. */
static size_t piece_back(const uint8_t *s, size_t e, int *letters)
{
    size_t i = e;
    int l = 0;
    while (i >= 2 && (sp_let(s + i - 2) || sp_har(s + i - 2))) {
        l += sp_let(s + i - 2);
        i -= 2;
    }
    *letters = l;
    return i;
}

/* The piece of letters and harakat starting at byte a; its end. */
static size_t piece_fwd(const uint8_t *s, size_t n, size_t a, int *letters)
{
    size_t i = a;
    int l = 0;
    while (i + 1 < n && (sp_let(s + i) || sp_har(s + i))) {
        l += sp_let(s + i);
        i += 2;
    }
    *letters = l;
    return i;
}

/* w[0..n) without harakat, into out (at most NAZIF__MAX_WORD bytes); its
   length */
static size_t bare(const uint8_t *w, size_t n, uint8_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i + 1 < n; i += 2)
        if (!sp_har(w + i)) {
            out[k++] = w[i];
            out[k++] = w[i + 1];
        }
    return k;
}

/* Is w[0..n) (no harakat) one of the strings of list (NUL-separated, an
   empty one last)? */
static int one_of(const uint8_t *w, size_t n, const char *list)
{
    for (const char *p = list; *p; p += strlen(p) + 1)
        if (strlen(p) == n && memcmp(p, w, n) == 0) return 1;
    return 0;
}

/* proclitics written apart: ب ك ل ف س, the article and its forms */
static const char PROCLITIC[] = "\xd8\xa8\0\xd9\x83\0\xd9\x84\0\xd9\x81\0\xd8\xb3\0"
                                "\xd8\xa7\xd9\x84\0\xd8\xa8\xd8\xa7\xd9\x84\0"
                                "\xd9\x83\xd8\xa7\xd9\x84\0\xd9\x81\xd8\xa7\xd9\x84\0"
                                "\xd9\x88\xd8\xa7\xd9\x84\0\xd9\x84\xd9\x84\0"
                                "\xd9\x88\xd9\x84\xd9\x84\0";
static inline int alef_hamza(const uint8_t *p)
{
    return p[0] == 0xD8 && (p[1] == 0xA2 || p[1] == 0xA3 || p[1] == 0xA5 || p[1] == 0xA7);
}

/* May the left half h[0..hn) (no harakat, hl letters) be joined at all? */
static int head_ok(const uint8_t *h, size_t hn, int hl)
{
    if (hl == 1) return !alef_hamza(h);
    /* إل إم إس إف إن إي إك: Latin letters spelled out; آل (and وآل لآل
       بآل فآل) */
    if (hl == 2 && h[0] == 0xD8 && (h[1] == 0xA2 || h[1] == 0xA3 || h[1] == 0xA5) &&
        ((h[2] == 0xD9 && (h[3] == 0x84 || h[3] == 0x85 || h[3] == 0x81 || h[3] == 0x86 ||
                           h[3] == 0x8A || h[3] == 0x83)) ||
         (h[2] == 0xD8 && h[3] == 0xB3)))
        return 0;
    if (hn >= 4 && h[hn - 4] == 0xD8 && h[hn - 3] == 0xA2 && h[hn - 2] == 0xD9 && h[hn - 1] == 0x84 &&
        hl <= 3)
        return 0;
    return 1;
}

/* The class of w[0..n) (hl letters): -1 for a single letter or no word */
static int piece_class(const nazif_lexicon *lex, nazif__rscratch *scr, const uint8_t *s, size_t lim,
                       size_t a, size_t b, int letters)
{
    if (letters < 2) return -1;
    const int c = nazif__p17_class(lex, scr, s, lim, a, b);
    return c < 0 ? -2 : c == 0 ? 0 : c;
}

static int lookup(const nazif_lexicon *lex, const uint8_t *w, size_t n)
{
    int f = 0;
    if (n == 0 || nazif_lexicon_lookup(lex, (const char *)w, n, &f) == NAZIF_LEX_UNKNOWN) return -1;
    return f;
}

/* Is a piece of l letters, class c, bytes w[0..n) without harakat, no
   word while it is not a proclitic written apart (ب ل, ال): the evidence
   of a split word?  News writes the article and ب ل apart before names and
   abbreviations (ال موندو, ال ثاني for آل ثاني, ل وات, ب مليون, 19 ل for
   litres), so a proclitic or a single letter is no evidence on its own. */
static int no_word(const uint8_t *w, size_t n, int l, int c)
{
    return l >= 2 && c <= 0 && !one_of(w, n, PROCLITIC);
}

/* The decision for left half h (class ch, hl letters, bytes hb[0..hn)
   without harakat; hn 0 for a joined word) and right half (class cr, rl
   letters, its bytes r[0..rn) as written), joined class cj */
static int two_pieces(const uint8_t *hb, size_t hn, int hl, int ch, const uint8_t *r, size_t rn,
                      int rl, int cr, int cj)
{
    if (cj < SPLIT_JOIN_MIN || hl + rl < 4) return 0;
    /* a lone و or alef on the right: the conjunction, a list's letter */
    if (rl == 1 && ((r[0] == 0xD9 && r[1] == 0x88) || alef_hamza(r))) return 0;
    uint8_t rb[NAZIF__MAX_WORD];
    const size_t rbn = bare(r, rn, rb);
    if (!((hn && no_word(hb, hn, hl, ch)) || no_word(rb, rbn, rl, cr))) return 0;
    return cj > ch && cj > cr;
}

#if defined(__SSE2__) && !defined(NAZIF_NO_AVX2) && defined(__x86_64__) &&                       \
    (defined(__GNUC__) || defined(__clang__))
#define SPLIT_AVX2 1
#include <immintrin.h>

/* The candidates of s[i..n) 32 bytes at a time (s[i - 1] and the four
   bytes after each block are read too), while i + 36 <= n, up to 64
   blocks: bit b of m[k] is byte i + 32 k + b; a space after a byte that
   may end a joining letter (81..87 8A A6 A8 AA..AE B3..BA: bit 2 of
   hl[x >> 4] & ll[x & 15] for 8x, bit 0 for Ax, bit 1 for Bx), before a
   lead byte D8/D9 and not before the article (D8 A7 D9 84), which begins a
   word.  Returns the number of blocks. */
__attribute__((target("avx2"))) static size_t split_map(const uint8_t *s, size_t n, size_t i,
                                                       uint32_t *m)
{
    const __m256i nib = _mm256_set1_epi8(0x0F), sp = _mm256_set1_epi8(' ');
    const __m256i fe = _mm256_set1_epi8((char)0xFE), d8 = _mm256_set1_epi8((char)0xD8);
    const __m256i a7 = _mm256_set1_epi8((char)0xA7), d9 = _mm256_set1_epi8((char)0xD9);
    const __m256i l84 = _mm256_set1_epi8((char)0x84), zero = _mm256_setzero_si256();
    const __m256i hl = _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 2, 0, 0, 0, 0,
                                        0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 2, 0, 0, 0, 0);
    const __m256i ll = _mm256_setr_epi8(0, 4, 4, 6, 6, 6, 7, 6, 3, 2, 7, 1, 1, 1, 1, 0,
                                        0, 4, 4, 6, 6, 6, 7, 6, 3, 2, 7, 1, 1, 1, 1, 0);
    size_t k = 0;
    for (; k < 64 && i + 36 <= n; k++, i += 32) {
        const uint8_t *p = s + i;
        const __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
        const __m256i pv = _mm256_loadu_si256((const __m256i *)(const void *)(p - 1));
        const __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(p + 1));
        __m256i x = _mm256_cmpeq_epi8(v, sp);
        x = _mm256_and_si256(x, _mm256_cmpeq_epi8(_mm256_and_si256(w, fe), d8));
        const __m256i h = _mm256_shuffle_epi8(hl, _mm256_and_si256(_mm256_srli_epi16(pv, 4), nib));
        const __m256i l = _mm256_shuffle_epi8(ll, _mm256_and_si256(pv, nib));
        x = _mm256_andnot_si256(_mm256_cmpeq_epi8(_mm256_and_si256(h, l), zero), x);
        const __m256i w2 = _mm256_loadu_si256((const __m256i *)(const void *)(p + 2));
        const __m256i w3 = _mm256_loadu_si256((const __m256i *)(const void *)(p + 3));
        const __m256i w4 = _mm256_loadu_si256((const __m256i *)(const void *)(p + 4));
        const __m256i al = _mm256_and_si256(
            _mm256_and_si256(_mm256_cmpeq_epi8(w, d8), _mm256_cmpeq_epi8(w2, a7)),
            _mm256_and_si256(_mm256_cmpeq_epi8(w3, d9), _mm256_cmpeq_epi8(w4, l84)));
        m[k] = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(al, x));
    }
    return k;
}
#endif

/* Is s[sp] a candidate: a space between a joining letter and a letter? */
static inline int candidate(const uint8_t *s, size_t n, size_t sp)
{
    return sp >= 2 && sp + 3 <= n && s[sp] == ' ' && sp_joining(s + sp - 2) && sp_let(s + sp + 1);
}

/* Try the join at candidate space sp; the byte to go on from. */
__attribute__((noinline)) static size_t try_split(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed,
                        size_t first, size_t last, nazif__rscratch *scr, size_t sp, int *foreign,
                        unsigned flags, int *err)
{
    /* the article begins a word, it does not end a split one (also after
       و ف ب ك: وال بال ...) */
    const uint8_t *q = s + sp + 1;
    if (sp + 5 <= n && q[0] == 0xD8 && q[1] == 0xA7 && q[2] == 0xD9 && q[3] == 0x84) return sp + 1;
    if (sp + 7 <= n && q[2] == 0xD8 && q[3] == 0xA7 && q[4] == 0xD9 && q[5] == 0x84 &&
        ((q[0] == 0xD9 && (q[1] == 0x88 || q[1] == 0x81 || q[1] == 0x83)) || (q[0] == 0xD8 && q[1] == 0xA8)))
        return sp + 1;
    if (sp >= 8 && sp + 5 <= n && !split_window(s, sp)) return sp + 1;
    int hl, rl;
    const size_t a = piece_back(s, sp, &hl);
    const size_t b = piece_fwd(s, n, sp + 1, &rl);
    if (hl < 1 || rl < 1 || !nazif__left_edge(s, a) || b - a > NAZIF__MAX_WORD ||
        nazif__overlaps(ed, first, last, a, b))
        return sp + 1;
    uint8_t hb[NAZIF__MAX_WORD], t[NAZIF__MAX_WORD];
    const size_t hn = bare(s + a, sp - a, hb);
    if (!head_ok(hb, hn, hl)) return sp + 1;
    const int ch = piece_class(lex, scr, s, n, a, sp, hl);
    if (ch == -2) {
        *err = 1;
        return n;
    }
    /* the right half and the pieces after it: the longest chain of joins */
    size_t end = a, kj = 0, at = sp;
    int cj = ch, jl = hl, joined = 0;
    memcpy(t, s + a, sp - a);
    kj = sp - a;
    while (at < n && s[at] == ' ' && at + 3 <= n && sp_let(s + at + 1)) {
        int pl;
        const size_t pb = piece_fwd(s, n, at + 1, &pl);
        if (pb - a > NAZIF__MAX_WORD || nazif__overlaps(ed, first, last, at + 1, pb)) break;
        const int right_ok = nazif__right_edge(s, n, pb);
        const int cp = piece_class(lex, scr, s, n, at + 1, pb, pl);
        if (cp == -2) {
            *err = 1;
            return n;
        }
        uint8_t jb[NAZIF__MAX_WORD];
        const size_t jbn = joined ? 0 : bare(t, kj, jb);
        /* a word and a word, or a proclitic and a word: no evidence (most
           pairs end here, before the joined word is looked up) */
        if (!joined && cp >= 1 && !no_word(jb, jbn, hl, ch)) break;
        memcpy(t + kj, s + at + 1, pb - at - 1);
        const size_t k2 = kj + (pb - at - 1);
        const int c2 = lookup(lex, t, k2);
        /* after a join, a piece of one letter (الوط ن ي) or no word
           goes on into it when the longer word is seen in news and more
           frequent than the piece */
        const uint8_t *pr = s + at + 1;
        const int more = joined && c2 >= SPLIT_JOIN_MIN && c2 > cp &&
                         !(pl == 1 && pr[0] == 0xD9 && pr[1] == 0x88) && (pl == 1 || cp <= 0);
        if (right_ok && (more || two_pieces(jb, jbn, jl, cj, pr, pb - at - 1, pl, cp, c2))) {
            kj = k2;
            cj = c2;
            jl += pl;
            end = pb;
            joined = 1;
            at = pb;
            continue;
        }
        if (!joined && cp <= 0 && pb + 3 <= n && s[pb] == ' ' && sp_let(s + pb + 1)) {
            int ql;
            const size_t qb = piece_fwd(s, n, pb + 1, &ql);
            if (qb - a <= NAZIF__MAX_WORD && nazif__right_edge(s, n, qb) &&
                !nazif__overlaps(ed, first, last, pb + 1, qb) && hl + pl + ql >= 5) {
                const int cq = piece_class(lex, scr, s, n, pb + 1, qb, ql);
                if (cq == -2) {
                    *err = 1;
                    return n;
                }
                memcpy(t + k2, s + pb + 1, qb - pb - 1);
                const size_t k3 = k2 + (qb - pb - 1);
                const int c3 = lookup(lex, t, k3);
                const int unseen = (ch <= 0) + (cp <= 0) + (cq <= 0);
                uint8_t pw[NAZIF__MAX_WORD], qw[NAZIF__MAX_WORD];
                const size_t pwn = bare(s + at + 1, pb - at - 1, pw), qwn = bare(s + pb + 1, qb - pb - 1, qw);
                const int strong = no_word(jb, jbn, hl, ch) || no_word(pw, pwn, pl, cp) ||
                                   no_word(qw, qwn, ql, cq);
                const uint8_t *lq = s + pb + 1;
                if (c3 >= SPLIT_JOIN_MIN && unseen >= 2 && strong && c3 > ch && c3 > cp && c3 > cq &&
                    !(ql == 1 && ((lq[0] == 0xD9 && lq[1] == 0x88) || alef_hamza(lq)))) {
                    kj = k3;
                    cj = c3;
                    end = qb;
                    joined = 1;
                    at = qb;
                    continue;
                }
            }
        }
        break;
    }
    if (!joined) return sp + 1;
    /* the article's alef written apart before the pieces (ا لحكوم ة): a
       lone ا before a joined word starting with ل goes in when the longer
       word is seen in news and more frequent */
    size_t from = a;
    if (a >= 3 && s[a - 1] == ' ' && s[a - 3] == 0xD8 && s[a - 2] == 0xA7 && s[a] == 0xD9 &&
        s[a + 1] == 0x84 && nazif__left_edge(s, a - 3) && end - a + 2 <= NAZIF__MAX_WORD &&
        !nazif__overlaps(ed, first, last, a - 3, a)) {
        uint8_t w[NAZIF__MAX_WORD];
        w[0] = 0xD8;
        w[1] = 0xA7;
        memcpy(w + 2, t, kj);
        const int c = lookup(lex, w, kj + 2);
        if (c >= SPLIT_JOIN_MIN && c > cj) from = a - 3;
    }
    if (*foreign < 0) *foreign = !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n);
    if (*foreign) return n;
    /* the joined text without the spaces */
    uint8_t out[NAZIF__MAX_WORD];
    size_t k = 0;
    for (size_t i = from; i < end; i++)
        if (s[i] != ' ') out[k++] = s[i];
    if (nazif__edit_add(ed, from, end, out, k, NAZIF_CHANGE_EDIT, NZR_P17,
                        "space inside a word after a letter that joins the next one; lexicon: the "
                        "joined word is seen in news, a piece is not")) {
        *err = 1;
        return n;
    }
    return end;
}

int nazif__split_join(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first, nazif__rscratch *scr)
{
    /* off by default: the map and the loop over its candidates cost about
       24 M instructions on ANT's 12 MB of text even without the lexicon */
    if (!(flags & NAZIF_SPLIT_JOIN)) return 0;
    const size_t last = ed->n;
    int foreign = -1, err = 0;
    size_t i = 1, next = 0;
#if defined(SPLIT_AVX2)
    if (__builtin_cpu_supports("avx2")) {
        uint32_t map[64];
        for (;;) {
            /* the line's last bytes (fewer than 36 after the whole blocks)
               on a zero-padded copy: s[i - 1 ..] at t[0 ..] */
            uint8_t t[1 + 64 + 4];
            const int tail = i + 36 > n;
            size_t k;
            if (tail) {
                memset(t, 0, sizeof t);
                memcpy(t, s + i - 1, n - i + 1);
                k = split_map(t, sizeof t, 1, map);
            } else {
                k = split_map(s, n, i, map);
            }
            for (size_t w = 0; w < k; w++)
                for (uint32_t m = map[w]; m; m &= m - 1) {
                    const size_t sp = i + 32 * w + (size_t)__builtin_ctz(m);
                    /* three single letters: maybe a word written letter by
                       letter with no letter that does not join (م ق ت ل;
                       spaced.c looks at the line) */
                    if ((sp == 2 || s[sp - 3] == ' ') && sp + 6 < n && s[sp + 3] == ' ' &&
                        s[sp + 6] == ' ' && (s[sp + 4] & 0xFE) == 0xD8)
                        nazif__letters_at(scr, 0);
                    if (sp < next || (sp >= 8 && sp + 5 <= n && !split_window(s, sp)) ||
                        !candidate(s, n, sp))
                        continue;
                    next = try_split(lex, s, n, ed, first, last, scr, sp, &foreign, flags, &err);
                    if (err) return NAZIF_ENOMEM;
                    if (next >= n) return ed->oom ? NAZIF_ENOMEM : 0;
                }
            if (tail) return ed->oom ? NAZIF_ENOMEM : 0;
            i += 32 * k;
        }
    }
#endif
    for (; i < n; i++) {
        if (s[i] != ' ' || !candidate(s, n, i)) continue;
        if ((i == 2 || s[i - 3] == ' ') && i + 6 < n && s[i + 3] == ' ' && s[i + 6] == ' ' &&
            (s[i + 4] & 0xFE) == 0xD8)
            nazif__letters_at(scr, 0);
        if (i < next) continue;
        next = try_split(lex, s, n, ed, first, last, scr, i, &foreign, flags, &err);
        if (err) return NAZIF_ENOMEM;
        if (next >= n) break;
    }
    return ed->oom ? NAZIF_ENOMEM : 0;
}
