/*
 * normalize.c -- what each normalization operation does to a character, and
 * the profiles.  It calls nothing in tokenize.c: the one-shot
 * nazif_normalize(), which runs the tokenizer's walk, is there.
 *
 * The operations are pure functions of one code point plus two bits of
 * context (is the line Persian? is the character inside a word?), except
 * composition, which looks at the letter before (tokenize.c does that).  For
 * speed, nazif__norm_init() evaluates the whole pipeline once per code point
 * below U+0800 (ASCII, Latin-1, Arabic) into a table entry; characters whose
 * result depends on the context, or which become several characters, are
 * marked SLOW and go through nazif__norm_map() each time.
 */
#include <string.h>

#include "textnorm.h"
#include "textnorm_tables.h"

#define NONE 0xFFFFFFFFu /* "deleted" (0 is U+0000, which is kept) */
#define ZWNJ 0x200Cu

/* ---- operations: names, descriptions, examples -------------------------- */

static const nazif_norm_op_info ops_info[] = {
    {NAZIF_NORM_RESTORE, "restore",
     "restore obfuscated words (tatweel and separators, invisible characters, look-alikes) as 'nazif clean' does",
     "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x80.\xd9\x80\xd9\x88\xd8\xaa\xd8\xb1", /* التـ.ـوتر */
     "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x88\xd8\xaa\xd8\xb1"},                  /* التوتر */
    {NAZIF_NORM_PRESFORMS, "presforms",
     "presentation forms and lam-alef ligatures become the letters they show",
     "\xef\xbb\xbb \xef\xba\x97\xef\xbb\xa4\xef\xba\xae", /* ﻻ ﺗﻤﺮ */
     "\xd9\x84\xd8\xa7 \xd8\xaa\xd9\x85\xd8\xb1"},        /* لا تمر */
    {NAZIF_NORM_PERSIAN, "persian",
     "Persian/Urdu letters become the Arabic letter they stand for (ک ی ھ ە ۀ ۃ ں ...), except on Persian/Urdu lines",
     "\xd8\xa7\xd9\x84\xdb\x8c\xd9\x88\xd9\x85 \xd9\x81\xd9\x8a \xda\xa9\xd8\xaa\xd8\xa8\xd8\xa9", /* الیوم في کتبة */
     "\xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85 \xd9\x81\xd9\x8a \xd9\x83\xd8\xaa\xd8\xa8\xd8\xa9"}, /* اليوم في كتبة */
    {NAZIF_NORM_COMPOSE, "compose",
     "a letter followed by combining hamza or madda (U+0653..U+0655) becomes one letter (NFC)",
     "\xd8\xa7\xd9\x94\xd8\xad\xd9\x85\xd8\xaf", /* ا + U+0654 حمد */
     "\xd8\xa3\xd8\xad\xd9\x85\xd8\xaf"},        /* أحمد */
    {NAZIF_NORM_HARAKAT, "strip-harakat",
     "harakat, tanween, shadda, sukun and the other marks U+064B..U+065F are removed",
     "\xd9\x85\xd9\x8f\xd8\xad\xd9\x8e\xd9\x85\xd9\x8e\xd9\x91\xd8\xaf\xd9\x8c", /* مُحَمَّدٌ */
     "\xd9\x85\xd8\xad\xd9\x85\xd8\xaf"},                                         /* محمد */
    {NAZIF_NORM_QURANIC, "strip-quranic",
     "Quranic annotation marks and small letters (U+0610..U+061A, U+06D6..U+06DC, U+06DF..U+06E8, U+06EA..U+06ED, U+08D3..U+08FF) are removed; the symbols U+06DD, U+06DE, U+06E9 stay",
     "\xd8\xb9\xd9\x84\xd9\x8a\xd9\x85\xdb\x9a", /* عليمۚ */
     "\xd8\xb9\xd9\x84\xd9\x8a\xd9\x85"},        /* عليم */
    {NAZIF_NORM_DAGGER_ALEF, "strip-dagger-alef",
     "the superscript (dagger) alef U+0670 is removed",
     "\xd9\x87\xd9\xb0\xd8\xb0\xd8\xa7", /* هٰذا */
     "\xd9\x87\xd8\xb0\xd8\xa7"},        /* هذا */
    {NAZIF_NORM_TATWEEL, "strip-tatweel",
     "tatweel U+0640 (elongation) is removed",
     "\xd9\x81\xd9\x84\xd8\xb3\xd9\x80\xd9\x80\xd8\xb7\xd9\x8a\xd9\x86", /* فلسـطين */
     "\xd9\x81\xd9\x84\xd8\xb3\xd8\xb7\xd9\x8a\xd9\x86"},                /* فلسطين */
    {NAZIF_NORM_ALEF, "fold-alef",
     "alef with hamza, madda or wasla (أ إ آ ٱ ٲ ٳ ٵ) becomes bare alef ا",
     "\xd8\xa3\xd8\xb1\xd8\xaf\xd9\x88\xd8\xba\xd8\xa7\xd9\x86 \xd8\xa5\xd9\x84\xd9\x89 \xd8\xa2\xd8\xae\xd8\xb1", /* أردوغان إلى آخر */
     "\xd8\xa7\xd8\xb1\xd8\xaf\xd9\x88\xd8\xba\xd8\xa7\xd9\x86 \xd8\xa7\xd9\x84\xd9\x89 \xd8\xa7\xd8\xae\xd8\xb1"}, /* اردوغان الى اخر */
    {NAZIF_NORM_YEH, "fold-yeh",
     "alef maksura ى becomes yeh ي (never alef: على is not علا)",
     "\xd8\xb9\xd9\x84\xd9\x89 \xd9\x85\xd8\xb5\xd8\xb7\xd9\x81\xd9\x89", /* على مصطفى */
     "\xd8\xb9\xd9\x84\xd9\x8a \xd9\x85\xd8\xb5\xd8\xb7\xd9\x81\xd9\x8a"}, /* علي مصطفي */
    {NAZIF_NORM_MAKSURA, "fold-maksura",
     "the reverse of fold-yeh: yeh ي at the end of a word becomes alef maksura ى",
     "\xd9\x81\xd9\x8a \xd8\xb9\xd9\x84\xd9\x8a", /* في علي */
     "\xd9\x81\xd9\x89 \xd8\xb9\xd9\x84\xd9\x89"}, /* فى على */
    {NAZIF_NORM_TEH_MARBUTA, "fold-teh",
     "teh marbuta ة becomes heh ه",
     "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9", /* مدرسة */
     "\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd9\x87"}, /* مدرسه */
    {NAZIF_NORM_HAMZA, "fold-hamza",
     "hamza carriers: waw with hamza ؤ becomes و, yeh with hamza ئ becomes ي (ء and أ untouched)",
     "\xd9\x85\xd8\xa4\xd8\xaa\xd9\x85\xd8\xb1 \xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3", /* مؤتمر رئيس */
     "\xd9\x85\xd9\x88\xd8\xaa\xd9\x85\xd8\xb1 \xd8\xb1\xd9\x8a\xd9\x8a\xd8\xb3"}, /* موتمر رييس */
    {NAZIF_NORM_DIGITS, "ascii-digits",
     "Arabic-Indic and Persian digits become ASCII digits",
     "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa4 \xdb\xb1\xdb\xb4\xdb\xb0\xdb\xb3", /* ٢٠٢٤ ۱۴۰۳ */
     "2024 1403"},
    {NAZIF_NORM_PUNCT, "ascii-punct",
     "Arabic punctuation becomes ASCII: ، ؛ ؟ ٪ ٫ ٬ ٭ ۔ -> , ; ? % . , * .",
     "\xd9\x86\xd8\xb9\xd9\x85\xd8\x8c \xd9\x84\xd8\xa7\xd8\x9f", /* نعم، لا؟ */
     "\xd9\x86\xd8\xb9\xd9\x85, \xd9\x84\xd8\xa7?"},              /* نعم, لا? */
    {NAZIF_NORM_INVISIBLE, "strip-invisible",
     "invisible and bidi control characters are removed (U+200B..U+200F, U+202A..U+202E, U+2060..U+2064, U+2066..U+2069, U+FEFF, U+00AD, U+061C); ZWNJ stays inside words of Persian lines and never becomes a space",
     "\xe2\x80\x8f\xd8\xa7\xd9\x84\xd8\xb9\xd9\x85\xe2\x80\x8b\xd8\xb1", /* RLM العم ZWSP ر */
     "\xd8\xa7\xd9\x84\xd8\xb9\xd9\x85\xd8\xb1"},                        /* العمر */
    {NAZIF_NORM_LOWER, "lower",
     "capitals of every cased script become small letters (Unicode simple case folding)",
     "GPS \xc3\x89t\xc3\xa9 \xce\xa9mega", /* GPS Été Ωmega */
     "gps \xc3\xa9t\xc3\xa9 \xcf\x89mega"}, /* gps été ωmega */
    {NAZIF_NORM_ACCENTS, "strip-accents",
     "accents of Latin and Greek letters are removed (marks U+0300..U+036F); Cyrillic \xd0\xb9 \xd1\x91 stay",
     "Caf\xc3\xa9 na\xc3\xafve \xce\xac", /* Café naïve ά */
     "Cafe naive \xce\xb1"},                 /* Cafe naive α */
};

#define NOPS ((int)(sizeof ops_info / sizeof ops_info[0]))

const nazif_norm_op_info *nazif_norm_op(int index)
{
    if (index < 0 || index >= NOPS) return NULL;
    return &ops_info[index];
}

int nazif_norm_profile(const char *name, unsigned *ops)
{
    if (!name || !ops) return NAZIF_EINVAL;
    if (strcmp(name, "none") == 0) *ops = 0;
    else if (strcmp(name, "faithful") == 0) *ops = NAZIF_NORM_FAITHFUL;
    else if (strcmp(name, "search") == 0) *ops = NAZIF_NORM_SEARCH;
    else if (strcmp(name, "nlp") == 0) *ops = NAZIF_NORM_NLP;
    else return NAZIF_EINVAL;
    return NAZIF_OK;
}

void nazif_norm_options_init(nazif_norm_options *opts)
{
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->version = NAZIF_NORM_OPTIONS_VERSION;
    opts->ops = NAZIF_NORM_SEARCH;
}

size_t nazif_normalize_bound(size_t len)
{
    /* an invalid byte becomes U+FFFD (3 bytes); a 3-byte presentation form
       becomes at most 4 two-byte letters; a restored digit standing for a
       letter (1 byte -> 2): 3x plus slack covers every case */
    return len * 3 + 16;
}

/* ---- one code point ----------------------------------------------------- */

/* The second of the pair whose first is cp in a table sorted by first, or
   cp itself. */
static uint32_t pair_lookup(const uint32_t (*t)[2], size_t n, uint32_t cp)
{
    if (n == 0 || cp < t[0][0] || cp > t[n - 1][0]) return cp;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (t[mid][0] < cp) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && t[lo][0] == cp ? t[lo][1] : cp;
}

static int is_quranic(uint32_t cp)
{
    return (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x06D6 && cp <= 0x06DC) ||
           (cp >= 0x06DF && cp <= 0x06E8) || (cp >= 0x06EA && cp <= 0x06ED) ||
           (cp >= 0x08D3 && cp <= 0x08FF && cp != 0x08E2);
}

int nazif__is_word_cp(uint32_t cp)
{
    if (cp > 0x10FFFFu) return 0;
    return (int)((nazif__word_pages[nazif__word_index[cp >> 8]][(cp >> 5) & 7] >> (cp & 31)) & 1u);
}

/* The pipeline after presentation forms, for one code point; NONE: removed. */
static uint32_t map1(unsigned ops, uint32_t cp, int persian, int in_word)
{
    if ((ops & NAZIF_NORM_PERSIAN) && !persian) {
        uint32_t b = nazif__lookalike_base(cp);
        if (b) cp = b;
    }
    if ((ops & NAZIF_NORM_INVISIBLE) && (nazif__uclass(cp) & NZ_INVISIBLE))
        return cp == ZWNJ && persian && in_word ? cp : NONE;
    if ((ops & NAZIF_NORM_HARAKAT) && cp >= 0x064B && cp <= 0x065F) return NONE;
    if ((ops & NAZIF_NORM_QURANIC) && is_quranic(cp)) return NONE;
    if ((ops & NAZIF_NORM_DAGGER_ALEF) && cp == 0x0670) return NONE;
    if ((ops & NAZIF_NORM_TATWEEL) && cp == 0x0640) return NONE;
    if (ops & NAZIF_NORM_ALEF) {
        switch (cp) {
        case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672:
        case 0x0673: case 0x0675:
            return 0x0627;
        default:
            break;
        }
    }
    if ((ops & NAZIF_NORM_YEH) && cp == 0x0649) return 0x064A;
    if ((ops & NAZIF_NORM_TEH_MARBUTA) && cp == 0x0629) return 0x0647;
    if (ops & NAZIF_NORM_HAMZA) {
        if (cp == 0x0624) return 0x0648;
        if (cp == 0x0626) return 0x064A;
    }
    if (ops & NAZIF_NORM_DIGITS) {
        if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
        if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
    }
    if (ops & NAZIF_NORM_PUNCT) {
        switch (cp) {
        case 0x060C: return ',';
        case 0x061B: return ';';
        case 0x061F: return '?';
        case 0x066A: return '%';
        case 0x066B: return '.';
        case 0x066C: return ',';
        case 0x066D: return '*';
        case 0x06D4: return '.';
        default: break;
        }
    }
    if (ops & NAZIF_NORM_LOWER) cp = pair_lookup(nazif__lower_pairs, NAZIF__LOWER_COUNT, cp);
    if (ops & NAZIF_NORM_ACCENTS) {
        if (cp >= 0x0300 && cp <= 0x036F) return NONE;
        cp = pair_lookup(nazif__accent_pairs, NAZIF__ACCENT_COUNT, cp);
    }
    return cp;
}

int nazif__norm_map(const nazif__norm *nm, uint32_t cp, int persian, int in_word,
                    uint32_t out[4])
{
    uint32_t base[4];
    int nb = 0;
    if ((nm->ops & NAZIF_NORM_PRESFORMS) && (nb = nazif__presform_base(cp, base)) > 0) {
        int k = 0;
        for (int i = 0; i < nb; i++) {
            uint32_t m = map1(nm->ops, base[i], persian, in_word);
            if (m != NONE) out[k++] = m;
        }
        return k;
    }
    uint32_t m = map1(nm->ops, cp, persian, in_word);
    if (m == NONE) return 0;
    out[0] = m;
    return 1;
}

uint32_t nazif__compose(uint32_t base, uint32_t mark)
{
    switch (mark) {
    case 0x0653:
        return base == 0x0627 ? 0x0622 : 0;
    case 0x0654:
        switch (base) {
        case 0x0627: return 0x0623;
        case 0x0648: return 0x0624;
        case 0x064A: return 0x0626;
        case 0x06D5: return 0x06C0;
        case 0x06C1: return 0x06C2;
        case 0x06D2: return 0x06D3;
        default: return 0;
        }
    case 0x0655:
        return base == 0x0627 ? 0x0625 : 0;
    default:
        return 0;
    }
}

static uint32_t kind_of(uint32_t cp)
{
    if (nazif__is_word_cp(cp)) return NZK_WORD;
    if (nazif__uclass(cp) & NZ_INVISIBLE) return NZK_CF;
    if (cp == '-' || cp == 0x2010 || cp == 0x2011) return NZK_HYPH;
    if (cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C) return NZK_NSEP;
    return NZK_BREAK;
}

static uint32_t make_entry(const nazif__norm *nm, uint32_t cp)
{
    uint32_t e = kind_of(cp) << NZN_KSHIFT;
    if (nazif__uclass(cp) & NZ_DIGIT) e |= NZN_DIGIT;
    unsigned ops = nm->ops;
    int slow = 0;
    if ((ops & NAZIF_NORM_PERSIAN) && nazif__lookalike_base(cp)) slow = 1;
    if ((ops & NAZIF_NORM_COMPOSE) && cp >= 0x0653 && cp <= 0x0655) slow = 1;
    if ((ops & NAZIF_NORM_INVISIBLE) && cp == ZWNJ) slow = 1;
    uint32_t out[4];
    int k = nazif__norm_map(nm, cp, 0, 1, out);
    if (k > 1) slow = 1;
    if (slow) return e | NZN_SLOW | cp;
    if (k == 0) return e | NZN_DEL | cp;
    return e | out[0];
}

void nazif__norm_init(nazif__norm *nm, unsigned ops)
{
    nm->ops = ops;
    for (uint32_t cp = 0; cp < NZN_LOW; cp++) nm->low[cp] = make_entry(nm, cp);
    memset(nm->ar, 0, sizeof nm->ar);
    for (uint32_t k = 0; k < 128; k++) {
        uint32_t e = nm->low[0x0600 + k], x = 0;
        if (NZN_KIND(e) == NZK_WORD && !(e & NZN_SLOW)) {
            uint32_t m = e & NZN_CP_MASK;
            if (e & NZN_DEL) x = NZA_OK;
            else if (m < 0x80) x = NZA_OK | 1u << NZA_LSHIFT | m;
            else if (m < 0x800)
                x = NZA_OK | 2u << NZA_LSHIFT | (0x80u | (m & 0x3Fu)) << 8 | (0xC0u | (m >> 6));
            if (x && (e & NZN_DIGIT)) x |= NZA_DIGIT;
        }
        /* U+0600 + k is the bytes 0xD8 | k >> 6, 0x80 | (k & 0x3F) */
        nm->ar[NZA_INDEX(k >> 6, 0x80u | (k & 0x3Fu))] = x;
    }
}

uint32_t nazif__norm_entry(const nazif__norm *nm, uint32_t cp)
{
    if (cp < NZN_LOW) return nm->low[cp];
    return make_entry(nm, cp);
}

/* ---- Persian lines ------------------------------------------------------ */

int nazif__persian_line(const uint8_t *s, size_t n)
{
    /* only Persian letters (lead bytes DA DB) or ZWNJ (E2 80 8C) can make a
       line Persian */
    if (!nazif__maybe_persian(s, n)) return 0;
    int pers = 0, arab = 0, wp = 0, wa = 0;
    int after_letter = 0; /* the previous character was a letter */
    int zwnj = 0;         /* letter, then ZWNJ: a letter next makes it Persian */
    for (size_t i = 0; i <= n;) {
        uint32_t cp = 0;
        size_t len = 1;
        unsigned cls = 0;
        if (i < n) {
            cp = nazif__utf8_decode(s + i, n - i, &len);
            cls = nazif__uclass(cp);
        }
        if (i == n || !((cls & (NZ_LETTER | NZ_MARK | NZ_TATWEEL)) || cp == ZWNJ)) {
            pers += wp;
            arab += wa;
            wp = wa = 0;
            after_letter = zwnj = 0;
            if (i == n) break;
            i += len;
            continue;
        }
        if (cls & NZ_PERSIAN) wp = 1;
        if (cp == 0x064A || cp == 0x0643 || cp == 0x0629 || cp == 0x0649) wa = 1;
        if (cp == ZWNJ) {
            zwnj = after_letter;
            after_letter = 0;
        } else if (cls & NZ_LETTER) {
            if (zwnj) wp = 1;
            zwnj = 0;
            after_letter = 1;
        }
        i += len;
    }
    return pers >= 2 && pers > arab;
}

/* ---- stop words --------------------------------------------------------- */

size_t nazif__stopword_count(void) { return NAZIF__STOPWORD_COUNT; }

const char *nazif__stopword(size_t i)
{
    return i < NAZIF__STOPWORD_COUNT ? nazif__stopwords[i] : NULL;
}
