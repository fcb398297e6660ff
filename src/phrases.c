/*
 * phrases.c -- the curated lists in data (.tsv files): boilerplate phrases,
 * abbreviations.  The tables are generated into phrases_tables.h by
 * tools/gen_phrases.py; this file holds only the normalisation that both
 * sides share and the searches.  No state, no allocation.
 *
 * The normalisation here and normalise() in tools/gen_phrases.py must agree:
 * the unit test runs every generated entry through nazif__phr_normalise and
 * expects it back unchanged.
 */
#include "internal.h"

#define NAZIF__PHRASES_TABLES_IMPL
#include "phrases_tables.h"

#include <string.h>

/* ---- normalisation ---------------------------------------------------- */

/* harakat, Quranic marks, tatweel and invisible format characters */
static int dropped(uint32_t cp)
{
    if (cp < 0x00AD) return 0;
    return (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x064B && cp <= 0x065F) ||
           cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED) || cp == 0x0640 ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xFEFF || cp == 0x00AD || cp == 0x061C;
}

static int is_space(uint32_t cp)
{
    if (cp < 0x80) return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000;
}

static uint32_t fold(uint32_t cp)
{
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 0x20 : cp;
    switch (cp) {
    case 0x0622: case 0x0623: case 0x0625:
    case 0x0671: case 0x0672: case 0x0673: return 0x0627; /* -> alef */
    case 0x0649: case 0x06CC: return 0x064A;              /* -> yeh */
    case 0x0629: return 0x0647;                           /* ة -> ه */
    case 0x06A9: return 0x0643;                           /* ک -> ك */
    default: break;
    }
    if (cp >= 0x0660 && cp <= 0x0669) return cp - 0x0660 + '0';
    if (cp >= 0x06F0 && cp <= 0x06F9) return cp - 0x06F0 + '0';
    return cp;
}

/* letters, digits and ©: what may stand at either end of a normalised line */
static int alnum_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
               (cp >= 'A' && cp <= 'Z');
    return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) ||
           (cp >= 0x066E && cp <= 0x066F) || (cp >= 0x0671 && cp <= 0x06D3) ||
           cp == 0x06D5 || (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           cp == 0xA9;
}

/* the code point that ends at s[end) (s is valid UTF-8 we wrote) */
static uint32_t last_cp(const uint8_t *s, size_t end, size_t *start)
{
    size_t b = end - 1;
    while (b > 0 && (s[b] & 0xC0) == 0x80) b--;
    size_t len;
    *start = b;
    return nazif__utf8_decode(s + b, end - b, &len);
}

/* Is s[i..i+2) = a b an Arabic letter that nothing below changes (U+0621
   .. U+063A and U+0641 .. U+064A but آ أ إ ة ى): bit (b & 0x3F) of the
   word for lead byte D8 or D9. */
static inline int plain_pair(uint8_t a, uint8_t b)
{
    static const uint64_t plain[2] = {
        ((1ull << 0x3B) - (1ull << 0x21)) &
            ~(1ull << 0x22 | 1ull << 0x23 | 1ull << 0x25 | 1ull << 0x29),
        0x7FEull & ~(1ull << 0x09)};
    return (a & 0xFEu) == 0xD8u && (b & 0xC0u) == 0x80u &&
           ((plain[a & 1u] >> (b & 0x3Fu)) & 1u);
}

size_t nazif__phr_normalise(const uint8_t *s, size_t n, uint8_t *out,
                            size_t cap, int *full)
{
    size_t o = 0, i = 0;
    int pending = 0;
    *full = 0;
    while (i < n) {
        size_t len;
        uint32_t cp;
        /* an Arabic letter that nothing below changes (not آ أ إ ة ى):
           copied as it is */
        if (i + 1 < n && plain_pair(s[i], s[i + 1])) {
            const size_t need = (size_t)(pending && o > 0) + 2u;
            if (o + need > cap) {
                *full = 1;
                break;
            }
            if (pending && o > 0) out[o++] = ' ';
            pending = 0;
            /* the rest of the run of such letters, while they fit */
            do {
                memcpy(out + o, s + i, 2);
                o += 2;
                i += 2;
            } while (i + 1 < n && o + 2 <= cap && plain_pair(s[i], s[i + 1]));
            continue;
        }
        if (s[i] == ' ') { /* the commonest character after them (below) */
            pending = 1;
            i++;
            continue;
        }
        if (s[i] < 0x80) {
            cp = s[i];
            len = 1;
        } else if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n &&
                   (s[i + 1] & 0xC0) == 0x80) {
            /* two-byte sequences (all of Arabic) without the call */
            cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3Fu);
            len = 2;
        } else {
            cp = nazif__utf8_decode(s + i, n - i, &len);
        }
        i += len;
        if (cp == NAZIF__BAD || is_space(cp)) {
            pending = 1;
            continue;
        }
        if (dropped(cp)) continue;
        cp = fold(cp);
        if (cp == ':') pending = 0;
        size_t need = (size_t)(pending && o > 0) +
                      (cp < 0x80 ? 1u : cp < 0x800 ? 2u : 4u);
        if (o + need > cap) {
            *full = 1;
            break;
        }
        if (pending && o > 0) out[o++] = ' ';
        pending = 0;
        if (cp < 0x80) {
            out[o++] = (uint8_t)cp;
        } else if (cp < 0x800) {
            out[o++] = (uint8_t)(0xC0 | (cp >> 6));
            out[o++] = (uint8_t)(0x80 | (cp & 0x3F));
        } else {
            o += nazif__utf8_encode(cp, out + o);
        }
    }
    /* Strip non-alphanumerics at both ends, then a trailing "(12" / "[3"
       whose closing bracket the strip removed, and strip again. */
    size_t b = 0, e = o;
    for (;;) {
        while (b < e) {
            size_t len;
            uint32_t cp = nazif__utf8_decode(out + b, e - b, &len);
            if (alnum_cp(cp)) break;
            b += len;
        }
        while (e > b) {
            size_t st;
            uint32_t cp = last_cp(out, e, &st);
            if (alnum_cp(cp) || st < b) break;
            e = st;
        }
        size_t j = e;
        while (j > b && out[j - 1] >= '0' && out[j - 1] <= '9') j--;
        if (j == e) break;
        size_t k = j;
        while (k > b && out[k - 1] == ' ') k--;
        if (k > b && (out[k - 1] == '(' || out[k - 1] == '[')) {
            e = k - 1;
            continue;
        }
        break;
    }
    if (b > 0) memmove(out, out + b, e - b);
    return e - b;
}

/* ---- searches ---------------------------------------------------------- */

static int cmp_bytes(const uint8_t *a, size_t an, const char *b, size_t bn)
{
    /* memcmp()'s order, in a loop: the words are short and differ early */
    size_t m = an < bn ? an : bn;
    for (size_t i = 0; i < m; i++)
        if (a[i] != (uint8_t)b[i]) return a[i] < (uint8_t)b[i] ? -1 : 1;
    return an < bn ? -1 : an > bn ? 1 : 0;
}

static const nazif__phrase *find(const nazif__phrase *tab, size_t count,
                                 const uint8_t *s, size_t n)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_bytes(s, n, tab[mid].s, tab[mid].len);
        if (c == 0) return &tab[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

const nazif__phrase *nazif__phr_whole(const uint8_t *s, size_t n)
{
    if (n == 0 || n > 255) return NULL;
    return find(nazif__phr_whole_tab, NAZIF__PHR_WHOLE_TAB_N, s, n);
}

int nazif__phr_word(const uint8_t *s, size_t n)
{
    if (n == 0 || n > 255) return 0;
    const nazif__phrase *p = find(nazif__phr_word_tab, NAZIF__PHR_WORD_TAB_N,
                                  s, n);
    return p ? p->how : 0;
}

/* the first code point at s[i) is a letter or digit (normalised text) */
static int alnum_at(const uint8_t *s, size_t n, size_t i)
{
    size_t len;
    return alnum_cp(nazif__utf8_decode(s + i, n - i, &len));
}

/* The head phrase s[0..n) of FNV-1a hash h (nazif__phr_head_hash), or
   NULL */
static const nazif__phrase *head_lookup(const uint8_t *s, size_t n, uint32_t h)
{
    for (;;) {
        h &= NAZIF__PHR_HEAD_HASH_SIZE - 1;
        const unsigned slot = nazif__phr_head_hash[h];
        if (slot == 0) return NULL;
        const nazif__phrase *p = &nazif__phr_head_tab[slot - 1];
        if (p->len == n && memcmp(p->s, s, n) == 0) return p;
        h++;
    }
}

const nazif__phrase *nazif__phr_head(const uint8_t *s, size_t n, size_t *rest)
{
    /* Candidate ends: positions where a run of letters/digits stops.  Head
       phrases have at most a few words, so the first few ends suffice;
       try the longest first.  The FNV-1a hash of the bytes before each
       end is taken on the way. */
    size_t ends[8];
    uint32_t hs[8];
    int ne = 0;
    size_t i = 0;
    int in_word = 0;
    uint32_t h = 0x811C9DC5u;
    while (i < n && i < 255 && ne < 8) {
        size_t len;
        uint32_t cp;
        if (s[i] < 0x80) {
            cp = s[i];
            len = 1;
        } else if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3Fu);
            len = 2;
        } else {
            cp = nazif__utf8_decode(s + i, n - i, &len);
        }
        int a = alnum_cp(cp) || cp == '\'' || cp == 0x2019 || cp == '-';
        if (in_word && !a) {
            hs[ne] = h;
            ends[ne++] = i;
        }
        in_word = a;
        for (size_t k = 0; k < len; k++) h = (h ^ s[i + k]) * 0x01000193u;
        i += len;
    }
    if (in_word && i == n && ne < 8) {
        hs[ne] = h;
        ends[ne++] = n;
    }
    for (int k = ne - 1; k >= 0; k--) {
        const nazif__phrase *p = head_lookup(s, ends[k], hs[k]);
        if (!p) continue;
        size_t j = ends[k];
        if (p->colon && (j >= n || s[j] != ':')) continue;
        /* the rest starts after separators (spaces, ':', '-', '|' ...) */
        while (j < n && !alnum_at(s, n, j)) j++;
        *rest = j;
        return p;
    }
    return NULL;
}

/* Is the match at s[st) a Latin-1 sign inside mojibake?  "Ø©" is how
   UTF-8 "ة" (D8 A9) reads when decoded as Latin-1 and encoded again: the
   © there is half of an Arabic letter, not a copyright sign.  A sign right
   after a Latin-1 letter (U+00C0..U+00FF, bytes C3 80..C3 BF) is such a
   half.  So is one right after ط or ظ (D8 B7, D8 B8): UTF-8 read as
   windows-1256 makes "ط©" of ة. */
static int mojibake_half(const uint8_t *s, size_t st, const uint8_t *a)
{
    return a[0] == 0xC2 && st >= 2 &&
           ((s[st - 2] == 0xC3 && (s[st - 1] & 0xC0) == 0x80) ||
            (s[st - 2] == 0xD8 && (s[st - 1] == 0xB7 || s[st - 1] == 0xB8)));
}

const nazif__phrase *nazif__phr_contains(const uint8_t *s, size_t n, int cat,
                                         int how)
{
    for (size_t k = 0; k < NAZIF__PHR_CONTAINS_TAB_N; k++) {
        const nazif__phrase *p = &nazif__phr_contains_tab[k];
        if (p->cat != cat || p->how != how || p->len > n) continue;
        const uint8_t first = (const uint8_t)p->s[0];
        for (size_t i = 0; i + p->len <= n; i++) {
            if (s[i] == first && memcmp(s + i, p->s, p->len) == 0 &&
                !mojibake_half(s, i, (const uint8_t *)p->s))
                return p;
        }
    }
    return NULL;
}

/* a character that continues a first word: letter, digit, ' - ’ */
static int first_word_cp(uint32_t cp)
{
    return alnum_cp(cp) || cp == '\'' || cp == '-' || cp == 0x2019;
}

/* 32-bit FNV-1a of w[0..n): the hash tools/gen_phrases.py builds the
   first-word and stop-word tables with */
static inline uint32_t fnv1a(const uint8_t *w, size_t n)
{
    uint32_t h = 0x811C9DC5u;
    for (size_t k = 0; k < n; k++) {
        h ^= w[k];
        h *= 0x01000193u;
    }
    return h;
}

/* Bits of the word w[0..n) of hash h = fnv1a(w, n) in the first-word
   table. */
static unsigned first_lookup_h(const uint8_t *w, size_t n, uint32_t h)
{
    for (;;) {
        h &= NAZIF__PHR_FIRST_HASH_SIZE - 1;
        unsigned slot = nazif__phr_first_hash[h];
        if (slot == 0) return 0;
        const size_t k = slot - 1;
        if (nazif__phr_first_tab[k].len == n &&
            memcmp(nazif__phr_first_tab[k].s, w, n) == 0)
            return nazif__phr_first_tab[k].bits;
        h++;
    }
}

/* Bits of the word w[0..n) in the first-word table (hash lookup). */
static unsigned first_lookup(const uint8_t *w, size_t n)
{
    return first_lookup_h(w, n, fnv1a(w, n));
}

/* Bits of the first word of normalised s[0..n) in the first-word table. */
unsigned nazif__phr_first_word_norm(const uint8_t *s, size_t n)
{
    size_t w = 0;
    while (w < n) {
        size_t len;
        uint32_t cp;
        if (s[w] < 0x80) {
            cp = s[w];
            len = 1;
        } else if (s[w] >= 0xC2 && s[w] <= 0xDF && w + 1 < n) {
            cp = ((uint32_t)(s[w] & 0x1F) << 6) | (s[w + 1] & 0x3Fu);
            len = 2;
        } else {
            cp = nazif__utf8_decode(s + w, n - w, &len);
        }
        if (!first_word_cp(cp)) break;
        w += len;
    }
    return w ? first_lookup(s, w) : 0;
}

unsigned nazif__phr_first_word(const uint8_t *s, size_t n)
{
    /* Fast path: the line starts with Arabic letters that need no folding
       up to a space or the end: look the bytes up as they are.  Anything
       else (a bullet, a mark, a folded letter, Latin) goes through the
       normaliser, one raw chunk at a time: "• اقرأ" skips the bullet,
       "اقرأ:" loses the colon. */
    /* the letters U+0621..U+064A that need no folding (not آ أ إ ة ى nor
       tatweel), bit (cp & 0x3F) of the word for lead byte D8 or D9 */
    static const uint64_t plain_letter[2] = {
        (~0ull << 0x21) & ~(1ull << 0x22 | 1ull << 0x23 | 1ull << 0x25 | 1ull << 0x29),
        0x7FEull & ~(1ull << 0x09)};
    size_t k = 0;
    uint32_t h = 0x811C9DC5u; /* fnv1a(s, k), computed on the way */
    while (k + 1 < n) {
        const uint8_t a = s[k], b = s[k + 1];
        if ((a & 0xFEu) != 0xD8u || (b & 0xC0u) != 0x80u ||
            !((plain_letter[a & 1u] >> (b & 0x3Fu)) & 1u))
            break;
        h = ((h ^ a) * 0x01000193u ^ b) * 0x01000193u;
        k += 2;
    }
    if (k > 0 && (k == n || s[k] == ' ')) return first_lookup_h(s, k, h);
    /* The same when the word also holds letters that fold (أ إ آ ى ة) or
       harakat, within the 48 bytes the normaliser below would see: fold
       them here into w (the normaliser's output for such a word). */
    /* (a word of more than 48 bytes fails below: not looked at) */
    if (k + 1 < n && k <= 48 && (s[k] == 0xD8 || s[k] == 0xD9)) {
        /* s[0..k) are letters that fold to themselves: start after them */
        uint8_t w[48];
        memcpy(w, s, k);
        size_t m = k, j = k;
        uint32_t hw = h; /* fnv1a(w, m), computed on the way */
        while (j + 1 < n && j < 48 && (s[j] == 0xD8 || s[j] == 0xD9) &&
               (s[j + 1] & 0xC0) == 0x80) {
            const uint32_t cp = ((uint32_t)(s[j] & 0x1F) << 6) | (s[j + 1] & 0x3Fu);
            if ((cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A)) {
                const uint32_t f = fold(cp);
                const uint8_t x = (uint8_t)(0xC0 | (f >> 6)), y = (uint8_t)(0x80 | (f & 0x3F));
                w[m++] = x;
                w[m++] = y;
                hw = ((hw ^ x) * 0x01000193u ^ y) * 0x01000193u;
            } else if (!(cp >= 0x064B && cp <= 0x065F)) {
                break;
            }
            j += 2;
        }
        if (m > 0 && j <= 48 && (j == n || s[j] == ' ')) return first_lookup_h(w, m, hw);
    }
    size_t i = 0;
    for (int tries = 0; tries < 3 && i < n; tries++) {
        while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && i - b < 48) i++;
        uint8_t buf[56];
        int full;
        size_t m = nazif__phr_normalise(s + b, i - b, buf, sizeof buf, &full);
        if (m > 0) return nazif__phr_first_word_norm(buf, m);
    }
    return 0;
}

/* The letter U+0621..U+063A or U+0641..U+064A at a b, folded (fold():
   آ أ إ -> ا, ى -> ي, ة -> ه), as the 7 bits that index
   nazif__phr_strong2 and nazif__phr_strong3 (tools/gen_phrases.py: the
   lead byte's low bit, the second byte's low 6 bits, which is the code
   point less 0x600); -1 for anything else.  letter7_fold[] holds the
   folded index of each code point U+0600 + i, 0xFF where it is no such
   letter. */
#define L7_CP(i) (0x0600u + (i))
#define L7_F(i)                                                                                    \
    ((L7_CP(i) < 0x0621 || (L7_CP(i) > 0x063A && L7_CP(i) < 0x0641) || L7_CP(i) > 0x064A) ? 0xFFu  \
     : (L7_CP(i) == 0x0622 || L7_CP(i) == 0x0623 || L7_CP(i) == 0x0625)                  ? 0x27u  \
     : L7_CP(i) == 0x0649                                                                  ? 0x4Au  \
     : L7_CP(i) == 0x0629                                                                  ? 0x47u  \
                                                                                           : (i))
#define L7_4(i) L7_F(i), L7_F((i) + 1), L7_F((i) + 2), L7_F((i) + 3)
#define L7_16(i) L7_4(i), L7_4((i) + 4), L7_4((i) + 8), L7_4((i) + 12)
static const uint8_t letter7_fold[128] = {L7_16(0),  L7_16(16), L7_16(32), L7_16(48),
                                          L7_16(64), L7_16(80), L7_16(96), L7_16(112)};
static inline int first_letter7(uint8_t a, uint8_t b)
{
    if ((a & 0xFEu) != 0xD8u || (b & 0xC0u) != 0x80u) return -1;
    const unsigned f = letter7_fold[(a & 1u) << 6 | (b & 0x3Fu)];
    return f == 0xFFu ? -1 : (int)f;
}

int nazif__phr_first_strong(const uint8_t *s, size_t n)
{
    /* A line whose first characters are such letters: every path of
       nazif__phr_first_word() looks up a word that begins with them
       folded -- the letters up to a space as they are (when none folds),
       the same with the letters folded and harakat left out, or the
       normaliser's first word, which begins with them folded too (it
       folds each letter alone and strips nothing before a letter); a
       letter alone before a space or the end is that word.  No first word
       with NAZIF__FIRST_STRONG begins with them when their bit is clear:
       most lines end here. */
    int a, b;
    if (n >= 2 && (a = first_letter7(s[0], s[1])) >= 0) {
        if (n == 2 || s[2] == ' ') {
            const unsigned x = (unsigned)a << 7;
            return (int)((unsigned)nazif__phr_strong2[x >> 3] >> (x & 7u) & 1u);
        }
        if (n >= 4 && (b = first_letter7(s[2], s[3])) >= 0) {
            const unsigned x = (unsigned)a << 7 | (unsigned)b;
            if (!((unsigned)nazif__phr_strong2[x >> 3] >> (x & 7u) & 1u)) return 0;
            int c, d;
            if (n >= 6 && (c = first_letter7(s[4], s[5])) >= 0) {
                const unsigned y = x << 7 | (unsigned)c;
                unsigned h = (y * 0x9E3779B1u) >> 20;
                if (!((unsigned)nazif__phr_strong3[h >> 3] >> (h & 7u) & 1u)) return 0;
                if (n >= 8 && (d = first_letter7(s[6], s[7])) >= 0) {
                    h = ((y << 7 | (unsigned)d) * 0x9E3779B1u) >> 20;
                    if (!((unsigned)nazif__phr_strong4[h >> 3] >> (h & 7u) & 1u)) return 0;
                }
            }
        }
    }
    return (nazif__phr_first_word(s, n) & NAZIF__FIRST_STRONG) != 0;
}

static uint8_t lower_ascii(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 0x20) : c;
}

int nazif__phr_anchor(const uint8_t *s, size_t n)
{
    for (size_t k = 0; k < NAZIF__PHR_ANCHOR_TAB_N; k++) {
        const uint8_t *a = (const uint8_t *)nazif__phr_anchor_tab[k].s;
        size_t al = nazif__phr_anchor_tab[k].len;
        if (al > n) continue;
        if (a[0] >= 0x80) {
            /* Exact bytes.  memchr on a byte that is rare in Arabic text:
               the lead byte unless it is an Arabic one (D8, D9), else the
               last byte (the continuation byte of the last letter). */
            size_t at_off = (a[0] == 0xD8 || a[0] == 0xD9) ? al - 1 : 0;
            size_t from = at_off;
            while (from < n) {
                const uint8_t *hit = memchr(s + from, a[at_off], n - from);
                if (!hit) break;
                size_t pos = (size_t)(hit - s);
                if (pos >= at_off) {
                    size_t st = pos - at_off;
                    if (st + al <= n && memcmp(s + st, a, al) == 0 &&
                        !mojibake_half(s, st, a))
                        return 1;
                }
                from = pos + 1;
            }
        } else {
            /* ASCII, any case: memchr on both cases of the last letter */
            uint8_t lc = a[al - 1];
            uint8_t uc = (lc >= 'a' && lc <= 'z') ? (uint8_t)(lc - 0x20) : lc;
            for (int pass = 0; pass < (uc != lc ? 2 : 1); pass++) {
                uint8_t want = pass ? uc : lc;
                size_t from = al - 1;
                while (from < n) {
                    const uint8_t *hit = memchr(s + from, want, n - from);
                    if (!hit) break;
                    size_t st = (size_t)(hit - s) - (al - 1);
                    size_t j = 0;
                    while (j < al && lower_ascii(s[st + j]) == a[j]) j++;
                    if (j == al) return 1;
                    from = (size_t)(hit - s) + 1;
                }
            }
        }
    }
    return 0;
}

/* ---- stop words --------------------------------------------------------- */

int nazif__phr_shape_word(int kind, const uint8_t *s, size_t n)
{
    if (n == 0 || n > 255) return 0;
    size_t lo = 0, hi = NAZIF__PHR_SHAPE_TAB_N;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = kind - (int)nazif__phr_shape_tab[mid].kind;
        if (c == 0)
            c = cmp_bytes(s, n, nazif__phr_shape_tab[mid].s,
                          nazif__phr_shape_tab[mid].len);
        if (c == 0) return 1;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return 0;
}

int nazif__phr_stopword(const uint8_t *s, size_t n)
{
    if (n == 0 || n > 32) return 0;
    /* the generated hash of the table (FNV-1a, linear probing) */
    uint32_t h = fnv1a(s, n);
    for (;;) {
        h &= NAZIF__PHR_STOP_HASH_SIZE - 1;
        const unsigned slot = nazif__phr_stop_hash[h];
        if (slot == 0) return 0;
        if (nazif__phr_stop_tab[slot - 1].len == n &&
            cmp_bytes(s, n, nazif__phr_stop_tab[slot - 1].s, n) == 0)
            return 1;
        h++;
    }
}

/* ---- abbreviations ------------------------------------------------------ */

int nazif__is_abbreviation(const uint8_t *s, size_t n)
{
    if (n > 0 && s[n - 1] == '.') n--;
    if (n == 0 || n > 255) return 0;
    size_t lo = 0, hi = NAZIF__ABBREV_TAB_N;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_bytes(s, n, nazif__abbrev_tab[mid].s,
                          nazif__abbrev_tab[mid].len);
        if (c == 0) return 1;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return 0;
}
