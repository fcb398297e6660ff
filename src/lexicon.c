/*
 * lexicon.c -- the word list and clitic analysis.
 *
 * The word list is a blob written by tools/gen_lexicon.py and read in place
 * (data/LEXICON.md describes it): a static hash set of normalised keys, each
 * stored as a 28-bit fingerprint plus a 4-bit frequency class, grouped in
 * buckets by the high half of a 64-bit hash.  Nothing is built at run time,
 * so the built-in lexicon is a const object pointing at the linked blob and
 * needs no initialisation and no lock.
 *
 * A key is a word's letters as codes 0..31 (harakat, tatweel dropped,
 * alefs with hamza/madda/wasla read as ا, ى as ي).  The generator stores
 * only keys that the analysis below cannot reach from a shorter stored key,
 * so this analysis and cores() in tools/gen_lexicon.py must stay identical:
 * change both and regenerate.
 *
 * nazif__maksura_final() asks a second, smaller set of the same format
 * (maksura_table.h, tools/gen_maksura.py): does a word end in ى or ي?
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "maksura_table.h"

/* The linked blob: data/nazif.lex as a C array, written at build time by
   tools/bin2c.c (BUILD/gen/lexicon_blob.c). */
extern const unsigned char nazif__lex_blob[];
extern const size_t nazif__lex_blob_size;

struct nazif_lexicon {
    const uint8_t *blob; /* header; validated by open (built-in: by the build) */
    int allocated;       /* 1 when made by nazif_lexicon_open() */
    int builtin;         /* 1 when blob holds the built-in lexicon's bytes */
};

static const nazif_lexicon lex_builtin = {nazif__lex_blob, 0, 1};

/* ---- blob layout (v1, little-endian) ----------------------------------- */

#define HDR_SIZE 40u
#define OFF_MAGIC 0u      /* 8 bytes "NZLEX\0\1\0" */
#define OFF_VERSION 8u    /* 1 */
#define OFF_HDRSIZE 12u   /* 40 */
#define OFF_NBUCKETS 16u  /* >= 1 */
#define OFF_NENTRIES 20u
#define OFF_FPBITS 24u    /* 28 */
#define OFF_MINSTEM 28u   /* 2 */
#define OFF_MAXLET 32u    /* 40 */
/* then u32 offsets[nbuckets + 1], u32 entries[nentries] (fp << 4 | freq) */

#define LEX_VERSION 1u
#define FP_BITS 28u
#define FP_MASK ((1u << FP_BITS) - 1u)
#define MIN_STEM 2u
#define MAX_LETTERS 40u

static const uint8_t lex_magic[8] = {'N', 'Z', 'L', 'E', 'X', 0, 1, 0};

/* Unaligned little-endian load; compilers turn it into one load. */
static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* ---- letters ------------------------------------------------------------ */

/* Letter codes, the order of LETTERS in tools/gen_lexicon.py:
   ء ؤ ئ ا ب ة ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي */
enum {
    K_HAMZA = 0, K_ALEF = 3, K_BEH = 4, K_TEH_MARBUTA = 5, K_TEH = 6,
    K_SEEN = 15, K_FEH = 23, K_KAF = 25, K_LAM = 26, K_MEEM = 27, K_NOON = 28,
    K_HEH = 29, K_WAW = 30, K_YEH = 31
};

/* U+0600..U+067F (the two-byte characters D8 80..D9 BF) -> what word_key()
   makes of it: a letter as its code | its SF_ flags << 5 (the codes: the
   order of LETTERS in tools/gen_lexicon.py, ء ؤ ئ ا ب ة ت ث ج ح خ د ذ ر ز
   س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي; آ أ إ ٱ are ا with SF_HAMZA_ALEF, ى
   is ي with SF_MAQSURA), WK_MARK for a haraka U+064B..U+065F or the dagger
   alef U+0670, WK_TATWEEL, WK_NONE for the rest. */
#define WK_NONE 0xFFu
#define WK_MARK 0xFEu
#define WK_TATWEEL 0xFDu
static const uint8_t wk_tab[128] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0x00, 0x23, 0x23, 0x01, 0x23, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B,
    0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFD, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x5F, 0x1F, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE,
    0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE, 0xFE,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFE, 0x23, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};


/* Surface facts that folding loses, per key letter (see article_ok()). */
#define SF_HAMZA_ALEF 1u  /* أ إ آ ٱ, not a bare ا */
#define SF_MAQSURA 2u     /* ى, not ي */

/*
 * Word -> key (and flags[] per letter).  Returns the number of letters, or
 * 0 when the word is not a plain Arabic word: any code point other than a letter, a mark or an inner
 * tatweel; a mark or tatweel before the first letter; a tatweel after the
 * last letter (حسـ is a piece of a word, not the word حس); invalid UTF-8;
 * more than MAX_LETTERS letters.
 */
static size_t word_key(const uint8_t *s, size_t n, uint8_t *key,
                       uint8_t *flags)
{
    size_t k = 0, i = 0;
    int tail_tatweel = 0;
    while (i < n) {
        unsigned e;
        if ((s[i] & 0xFE) == 0xD8 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            e = wk_tab[(s[i] & 1u) << 6 | (s[i + 1] & 0x3Fu)];
            i += 2;
        } else {
            /* any other code point is no part of a word (U+0600..U+067F
               are all D8/D9 + a continuation byte) */
            return 0;
        }
        if (e < 0x80) {
            if (k == MAX_LETTERS) return 0;
            flags[k] = (uint8_t)(e >> 5);
            key[k++] = (uint8_t)(e & 31u);
            tail_tatweel = 0;
        } else if (e == WK_MARK) {
            if (k == 0) return 0; /* a mark needs a letter to sit on */
        } else if (e == WK_TATWEEL) {
            if (k == 0) return 0;
            tail_tatweel = 1;
        } else {
            return 0;
        }
    }
    return tail_tatweel ? 0 : k;
}

/* ---- hash set ----------------------------------------------------------- */

/* FNV-1a over code+1, then the splitmix64 finaliser (key_hash() in the
   generator).  If alt_last, the last letter is read as ة. */
static uint64_t key_hash(const uint8_t *key, size_t n, int alt_last)
{
    uint64_t h = 0xCBF29CE484222325u;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (alt_last && i + 1 == n) ? K_TEH_MARBUTA : key[i];
        h ^= (uint64_t)(c + 1u);
        h *= 0x100000001B3u;
    }
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBu;
    h ^= h >> 31;
    return h;
}

/* Frequency class 0..15 of the key, or -1 when it is not stored. */
static int probe(const uint8_t *blob, const uint8_t *key, size_t n,
                 int alt_last)
{
    uint64_t h = key_hash(key, n, alt_last);
    uint32_t nb = rd32(blob + OFF_NBUCKETS);
    const uint8_t *offs = blob + HDR_SIZE;
    const uint8_t *ents = offs + 4u * ((size_t)nb + 1u);
    uint32_t b = (uint32_t)(((h >> 32) * nb) >> 32);
    uint32_t fp = (uint32_t)h & FP_MASK;
    uint32_t lo = rd32(offs + 4u * b), hi = rd32(offs + 4u * b + 4u);
    for (uint32_t i = lo; i < hi; i++) {
        uint32_t e = rd32(ents + 4u * (size_t)i);
        uint32_t efp = e >> 4;
        if (efp == fp) return (int)(e & 15u);
        if (efp > fp) break; /* entries of a bucket are sorted */
    }
    return -1;
}

/* ---- clitic analysis ----------------------------------------------------- */

/*
 * ال + one letter is the commonest word fragment (الت, الن, الي of اليوم),
 * but folding makes إلى, ألف, إلا, آلة the same keys.  Such a stem counts
 * only when its alef carries hamza/madda or it ends the word in ى (الى);
 * article_shape() in the generator is the other half of this rule.
 */
static int article_ok(const uint8_t *key, const uint8_t *flags, size_t pos,
                      size_t sn, size_t n)
{
    if (sn != 3 || key[pos] != K_ALEF || key[pos + 1] != K_LAM) return 1;
    if (flags[pos] & SF_HAMZA_ALEF) return 1;
    return pos + 3 == n && (flags[pos + 2] & SF_MAQSURA);
}

/* Proclitics after the optional conjunction و/ف (PROCLITICS in the
   generator); art = holds the article, which excludes a pronoun suffix. */
typedef struct affix {
    uint8_t len;
    uint8_t art;
    uint8_t c[4];
} affix;

static const affix proclitics[] = {
    {0, 0, {0}},
    {1, 0, {K_BEH}},
    {1, 0, {K_KAF}},
    {1, 0, {K_LAM}},
    {1, 0, {K_SEEN}},
    {2, 1, {K_ALEF, K_LAM}},
    {3, 1, {K_BEH, K_ALEF, K_LAM}},
    {3, 1, {K_KAF, K_ALEF, K_LAM}},
    {2, 1, {K_LAM, K_LAM}}, /* ل + ال */
};

/* Pronoun suffixes: ه ها هما هم هن ك كما كم كن ي ني نا (and none). */
static const affix suffixes[] = {
    {0, 0, {0}},
    {1, 0, {K_HEH}},
    {2, 0, {K_HEH, K_ALEF}},
    {3, 0, {K_HEH, K_MEEM, K_ALEF}},
    {2, 0, {K_HEH, K_MEEM}},
    {2, 0, {K_HEH, K_NOON}},
    {1, 0, {K_KAF}},
    {3, 0, {K_KAF, K_MEEM, K_ALEF}},
    {2, 0, {K_KAF, K_MEEM}},
    {2, 0, {K_KAF, K_NOON}},
    {1, 0, {K_YEH}},
    {2, 0, {K_NOON, K_YEH}},
    {2, 0, {K_NOON, K_ALEF}},
};

#define NPRO (sizeof proclitics / sizeof proclitics[0])
#define NSUF (sizeof suffixes / sizeof suffixes[0])

/* key[pos .. pos + a->len) is the affix a (at most 4 letters: a loop,
   not a call) */
static inline int affix_at(const uint8_t *key, size_t pos, const affix *a)
{
    for (size_t i = 0; i < a->len; i++)
        if (key[pos + i] != a->c[i]) return 0;
    return 1;
}

static int has_at(const uint8_t *key, size_t n, size_t pos, const affix *a)
{
    if (pos + a->len > n) return 0;
    return affix_at(key, pos, a);
}

/*
 * The longest stem (fewest letters stripped) that is stored, over every
 * (conjunction, proclitic, suffix) split; its class in *freq.  Returns 1
 * when one is found.
 */
static int analyse(const uint8_t *blob, const uint8_t *key,
                   const uint8_t *flags, size_t n, int *freq, nazif_lex_shape *shape)
{
    size_t pres[3 * NPRO];
    int arts[3 * NPRO], conjs[3 * NPRO];
    size_t npre = 0;
    size_t sufs[NSUF];
    size_t nsuf = 0;

    for (int conj = 0; conj < 3; conj++) {
        size_t cl = conj ? 1u : 0u;
        if (conj == 1 && key[0] != K_WAW) continue;
        if (conj == 2 && key[0] != K_FEH) continue;
        for (size_t p = 0; p < NPRO; p++) {
            if (has_at(key, n, cl, &proclitics[p])) {
                pres[npre] = cl + proclitics[p].len;
                arts[npre] = proclitics[p].art;
                conjs[npre] = (int)cl;
                npre++;
            }
        }
    }
    for (size_t s = 0; s < NSUF; s++) {
        const affix *a = &suffixes[s];
        if (a->len <= n && affix_at(key, n - a->len, a))
            sufs[nsuf++] = a->len;
    }

    /* splits in order of letters stripped (stable: ties keep the order
       above), so the first stored stem is the longest one */
    struct split {
        uint8_t pl, sl, conj, art;
    } sp[3 * NPRO * NSUF];
    size_t nsp = 0;
    for (size_t i = 0; i < npre; i++) {
        for (size_t j = 0; j < nsuf; j++) {
            size_t pl = pres[i], sl = sufs[j];
            if ((pl == 0 && sl == 0) || (arts[i] && sl)) continue;
            if (pl + sl + MIN_STEM > n) continue;
            size_t k = nsp++;
            while (k > 0 && sp[k - 1].pl + sp[k - 1].sl > pl + sl) {
                sp[k] = sp[k - 1];
                k--;
            }
            sp[k].pl = (uint8_t)pl;
            sp[k].sl = (uint8_t)sl;
            sp[k].conj = (uint8_t)conjs[i];
            sp[k].art = (uint8_t)arts[i];
        }
    }
    for (size_t i = 0; i < nsp; i++) {
        size_t pl = sp[i].pl, sl = sp[i].sl;
        const uint8_t *stem = key + pl;
        size_t sn = n - pl - sl;
        if (!article_ok(key, flags, pl, sn, n)) continue;
        if (sl && stem[sn - 1] == K_TEH_MARBUTA) continue; /* ة never before a suffix */
        /* a stored form with the article takes no pronoun suffix either
           (السينمائي + كما is a sentence end, not a word) */
        if (sl && sn > 2 && stem[0] == K_ALEF && stem[1] == K_LAM) continue;
        int f = probe(blob, stem, sn, 0);
        if (f < 0 && sl && stem[sn - 1] == K_TEH)
            f = probe(blob, stem, sn, 1); /* مدرسته: مدرسة + ه */
        if (f >= 0) {
            *freq = f;
            if (shape) {
                shape->conj = sp[i].conj;
                shape->pre = (int)pl - sp[i].conj;
                shape->art = sp[i].art;
                shape->suf = (int)sl;
                shape->stem = (int)sn;
            }
            return 1;
        }
    }
    return 0;
}

/* ---- final alef maksura -------------------------------------------------- */

/* The maksura table (maksura_table.h): the hash set above without a file
   header, over keys whose hamza/madda alef is code K_HAMZA_ALEF (mkey() in
   tools/gen_maksura.py); class 1 = the word ends in ى, 0 = in ي (an
   exception to its stem). */
#define K_HAMZA_ALEF 32u
static int maksura_probe(const uint8_t *key, size_t n)
{
    uint64_t h = key_hash(key, n, 0);
    uint32_t b = (uint32_t)(((h >> 32) * MAKSURA_NB) >> 32);
    uint32_t fp = (uint32_t)h & FP_MASK;
    for (uint32_t i = maksura_offs[b]; i < maksura_offs[b + 1]; i++) {
        uint32_t efp = maksura_ents[i] >> 4;
        if (efp == fp) return (int)(maksura_ents[i] & 15u);
        if (efp > fp) break;
    }
    return -1;
}

/* The word, then the word without a proclitic (و/ف, then ب ك ل س ال بال كال
   لل; stems(), lookup() in tools/gen_maksura.py), longest stem first: the
   first stored key answers; none: ي. */
int nazif__maksura_final(const uint8_t *s, size_t len)
{
    uint8_t key[MAX_LETTERS], flags[MAX_LETTERS];
    size_t n = word_key(s, len, key, flags);
    if (n < MIN_STEM || key[n - 1] != K_YEH) return 0;
    /* an alef with hamza/madda is its own letter here (وإلى and والي are
       one lexicon key, not one maksura key) */
    for (size_t i = 0; i < n; i++)
        if (key[i] == K_ALEF && (flags[i] & SF_HAMZA_ALEF)) key[i] = K_HAMZA_ALEF;
    int r = maksura_probe(key, n);
    if (r >= 0) return r;
    unsigned lens = 0; /* bit pl: a proclitic string of pl letters */
    for (int conj = 0; conj < 3; conj++) {
        size_t cl = conj ? 1u : 0u;
        if (conj == 1 && key[0] != K_WAW) continue;
        if (conj == 2 && key[0] != K_FEH) continue;
        for (size_t p = 0; p < NPRO; p++)
            if (has_at(key, n, cl, &proclitics[p])) lens |= 1u << (cl + proclitics[p].len);
    }
    for (size_t pl = 1; pl <= 4; pl++) {
        if (!(lens & (1u << pl)) || pl + MIN_STEM > n) continue;
        r = maksura_probe(key + pl, n - pl);
        if (r >= 0) return r;
    }
    return 0;
}

/* ---- public API ----------------------------------------------------------- */

const nazif_lexicon *nazif_lexicon_default(void)
{
    return &lex_builtin;
}

/* 0 when blob[0..size) is a v1 lexicon whose every offset is in range. */
static int lex_validate(const uint8_t *b, size_t size)
{
    if (size < HDR_SIZE || memcmp(b + OFF_MAGIC, lex_magic, 8) != 0)
        return NAZIF_EFORMAT;
    if (rd32(b + OFF_VERSION) != LEX_VERSION ||
        rd32(b + OFF_HDRSIZE) != HDR_SIZE || rd32(b + OFF_FPBITS) != FP_BITS ||
        rd32(b + OFF_MINSTEM) != MIN_STEM ||
        rd32(b + OFF_MAXLET) != MAX_LETTERS)
        return NAZIF_EFORMAT;
    uint64_t nb = rd32(b + OFF_NBUCKETS), ne = rd32(b + OFF_NENTRIES);
    if (nb == 0 || (uint64_t)HDR_SIZE + 4u * (nb + 1u) + 4u * ne != size)
        return NAZIF_EFORMAT;
    const uint8_t *offs = b + HDR_SIZE;
    uint32_t prev = 0;
    if (rd32(offs) != 0) return NAZIF_EFORMAT;
    for (uint64_t i = 1; i <= nb; i++) {
        uint32_t o = rd32(offs + 4u * i);
        if (o < prev) return NAZIF_EFORMAT;
        prev = o;
    }
    return prev == ne ? NAZIF_OK : NAZIF_EFORMAT;
}

int nazif_lexicon_open(nazif_lexicon **out, const void *blob, size_t size)
{
    if (!out) return NAZIF_EINVAL;
    *out = NULL;
    if (!blob) return NAZIF_EINVAL;
    int rc = lex_validate((const uint8_t *)blob, size);
    if (rc != NAZIF_OK) return rc;
    nazif_lexicon *lex = malloc(sizeof *lex);
    if (!lex) return NAZIF_ENOMEM;
    lex->blob = (const uint8_t *)blob;
    lex->allocated = 1;
    lex->builtin = size == nazif__lex_blob_size && memcmp(blob, nazif__lex_blob, size) == 0;
    *out = lex;
    return NAZIF_OK;
}

void nazif_lexicon_free(nazif_lexicon *lex)
{
    /* the built-in lexicon is const and never freed; ignore it if passed */
    if (lex && lex->allocated) free(lex);
}

int nazif__lex_builtin(const nazif_lexicon *lex)
{
    return !lex || lex->builtin;
}

int nazif__lexicon_analyse(const nazif_lexicon *lex, const char *word,
                           size_t len, int *freq, nazif_lex_shape *shape)
{
    uint8_t key[MAX_LETTERS], flags[MAX_LETTERS];
    int f = 0, r = NAZIF_LEX_UNKNOWN;
    if (!lex) lex = &lex_builtin;
    if (freq) *freq = 0;
    if (shape) memset(shape, 0, sizeof *shape);
    if (!word || len == 0) return NAZIF_LEX_UNKNOWN;
    size_t n = word_key((const uint8_t *)word, len, key, flags);
    if (n < MIN_STEM) return NAZIF_LEX_UNKNOWN; /* one letter is no word */
    int w = article_ok(key, flags, 0, n, n) ? probe(lex->blob, key, n, 0) : -1;
    if (w >= 0) {
        f = w;
        r = NAZIF_LEX_WORD;
        if (shape) shape->stem = (int)n;
    } else if (analyse(lex->blob, key, flags, n, &f, shape)) {
        r = NAZIF_LEX_DERIVED;
    }
    if (freq && r != NAZIF_LEX_UNKNOWN) *freq = f;
    return r;
}

int nazif_lexicon_lookup(const nazif_lexicon *lex, const char *word,
                         size_t len, int *freq)
{
    return nazif__lexicon_analyse(lex, word, len, freq, NULL);
}
