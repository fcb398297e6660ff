/* test_uclass.c -- character classes, presentation forms, look-alikes
 * (src/uclass.c and its generated tables). */
#include <stdint.h>

#include "harness.h"
#include "internal.h"

/* Arabic letters */
#define AR_HAMZA 0x0621          /* ء */
#define AR_ALEF_MADDA 0x0622     /* آ */
#define AR_ALEF_HAMZA 0x0623     /* أ */
#define AR_WAW_HAMZA 0x0624      /* ؤ */
#define AR_ALEF_HAMZA_BELOW 0x0625 /* إ */
#define AR_YEH_HAMZA 0x0626      /* ئ */
#define AR_ALEF 0x0627           /* ا */
#define AR_BEH 0x0628            /* ب */
#define AR_TEH_MARBUTA 0x0629    /* ة */
#define AR_TEH 0x062A            /* ت */
#define AR_JEEM 0x062C           /* ج */
#define AR_HAH 0x062D            /* ح */
#define AR_DAL 0x062F            /* د */
#define AR_THAL 0x0630           /* ذ */
#define AR_REH 0x0631            /* ر */
#define AR_ZAIN 0x0632           /* ز */
#define AR_SEEN 0x0633           /* س */
#define AR_AIN 0x0639            /* ع */
#define AR_TATWEEL 0x0640        /* ـ */
#define AR_KAF 0x0643            /* ك */
#define AR_LAM 0x0644            /* ل */
#define AR_MEEM 0x0645           /* م */
#define AR_NOON 0x0646           /* ن */
#define AR_HEH 0x0647            /* ه */
#define AR_WAW 0x0648            /* و */
#define AR_ALEF_MAKSURA 0x0649   /* ى */
#define AR_YEH 0x064A            /* ي */
#define AR_FATHATAN 0x064B
#define AR_FATHA 0x064E
#define AR_SHADDA 0x0651
#define AR_SUKUN 0x0652
#define AR_HAMZA_ABOVE 0x0654
#define AR_SUPERSCRIPT_ALEF 0x0670
#define AR_ALEF_WASLA 0x0671     /* ٱ */
#define AR_SMALL_HIGH_SAD 0x0610
#define AR_SMALL_HIGH_LIGATURE 0x06D6
#define AR_EMPTY_CENTRE_STOP 0x06EA
#define AR_TURNED_DAMMA_BELOW 0x08D3
#define AR_SMALL_WAW 0x06E5      /* Lm: not a letter, not a mark */
#define AR_COMMA 0x060C
#define AR_FULL_STOP 0x06D4
#define AR_END_OF_AYAH 0x06DD    /* Cf */
#define AR_DISPUTED_END_OF_AYAH 0x08E2 /* Cf */
#define AR_BEH_SUPP 0x0750       /* Arabic Supplement letter */
#define AR_BEH_V_BELOW 0x08A0    /* Extended-A letter */
#define AR_ALEF_ATTACHED_FATHA 0x0870 /* Extended-B letter */
#define AR_EXTC_SMALL_LOW_WORD_SAKTA 0x10EFD /* Extended-C mark */

/* Persian / Urdu / other Arabic-script letters */
#define FA_PEH 0x067E            /* پ */
#define FA_TCHEH 0x0686          /* چ */
#define FA_JEH 0x0698            /* ژ */
#define FA_GAF 0x06AF            /* گ */
#define FA_KEHEH 0x06A9          /* ک */
#define FA_YEH 0x06CC            /* ی */
#define FA_HEH_YEH_ABOVE 0x06C0  /* ۀ */
#define UR_TTEH 0x0679           /* ٹ */
#define UR_DDAL 0x0688           /* ڈ */
#define UR_RREH 0x0691           /* ڑ */
#define UR_NOON_GHUNNA 0x06BA    /* ں */
#define UR_HEH_DOACHASHMEE 0x06BE /* ھ */
#define UR_HEH_GOAL 0x06C1       /* ہ */
#define UR_TEH_MARBUTA_GOAL 0x06C3 /* ۃ */
#define UR_YEH_BARREE 0x06D2     /* ے */
#define KU_AE 0x06D5             /* ە */
#define SD_SWASH_KAF 0x06AA      /* ڪ */
#define KK_HIGH_HAMZA_ALEF 0x0675 /* ٵ */
#define KK_HIGH_HAMZA_WAW 0x0676 /* ٶ */
#define KK_HIGH_HAMZA_YEH 0x0678 /* ٸ */
#define AR_VEH 0x06A4            /* ڤ: Arabic uses it, not Persian-only */
#define AR_DOTLESS_BEH 0x066E    /* ٮ: ambiguous, no look-alike */
#define AR_DOTLESS_FEH 0x06A1    /* ڡ */

/* Presentation forms */
#define PF_ALEF_WASLA_ISOL 0xFB50 /* ﭐ */
#define PF_PEH_INIT 0xFB58       /* ﭘ */
#define PF_KEHEH_INIT 0xFB90     /* ﮐ */
#define PF_FARSI_YEH_ISOL 0xFBFC /* ﯼ */
#define PF_LAM_JEEM_ISOL 0xFC3F  /* ﰿ */
#define PF_THAL_SUPALEF_ISOL 0xFC5B /* ﱛ */
#define PF_SHADDA_DAMMATAN_ISOL 0xFC5E /* ﱞ: space + marks */
#define PF_SHADDA_FATHA_MEDI 0xFCF2 /* ﳲ: tatweel + marks */
#define PF_TEH_JEEM_MEEM_INIT 0xFD50 /* ﵐ */
#define PF_ORNATE_LEFT_PAREN 0xFD3E /* ﴾ */
#define PF_SALLA_STOP 0xFDF0     /* ﷰ */
#define PF_QALA_STOP 0xFDF1      /* ﷱ */
#define PF_ALLAH 0xFDF2          /* ﷲ */
#define PF_AKBAR 0xFDF3          /* ﷳ */
#define PF_MOHAMMAD 0xFDF4       /* ﷴ */
#define PF_SALLA 0xFDF9          /* ﷹ */
#define PF_SAW 0xFDFA            /* ﷺ */
#define PF_JALLA 0xFDFB          /* ﷻ */
#define PF_RIAL 0xFDFC           /* ﷼ */
#define PF_BISMILLAH 0xFDFD      /* ﷽ */
#define PF_FATHATAN_ISOL 0xFE70  /* ﹰ */
#define PF_TATWEEL_FATHATAN 0xFE71 /* ﹱ */
#define PF_TAIL_FRAGMENT 0xFE73
#define PF_HAMZA_ISOL 0xFE80     /* ﺀ */
#define PF_ALEF_ISOL 0xFE8D      /* ﺍ */
#define PF_ALEF_FINA 0xFE8E      /* ﺎ */
#define PF_BEH_ISOL 0xFE8F       /* ﺏ */
#define PF_BEH_FINA 0xFE90       /* ﺐ */
#define PF_BEH_INIT 0xFE91       /* ﺑ */
#define PF_BEH_MEDI 0xFE92       /* ﺒ */
#define PF_TEH_INIT 0xFE97       /* ﺗ */
#define PF_TEH_MARBUTA_FINA 0xFE94 /* ﺔ */
#define PF_DAL_FINA 0xFEAA       /* ﺪ */
#define PF_YEH_MEDI 0xFEF4       /* ﻴ */
#define PF_LAM_ALEF_MADDA_ISOL 0xFEF5 /* ﻵ */
#define PF_LAM_ALEF_MADDA_FINA 0xFEF6 /* ﻶ */
#define PF_LAM_ALEF_HAMZA_ISOL 0xFEF7 /* ﻷ */
#define PF_LAM_ALEF_HAMZA_FINA 0xFEF8 /* ﻸ */
#define PF_LAM_ALEF_HBELOW_ISOL 0xFEF9 /* ﻹ */
#define PF_LAM_ALEF_HBELOW_FINA 0xFEFA /* ﻺ */
#define PF_LAM_ALEF_ISOL 0xFEFB  /* ﻻ */
#define PF_LAM_ALEF_FINA 0xFEFC  /* ﻼ */
#define ZWNBSP 0xFEFF            /* BOM: invisible, not a form */

#define L NZ_LETTER
#define X NZ_EXTLOOK
#define M NZ_MARK
#define J NZ_JOINS_NEXT
#define I NZ_INVISIBLE
#define P NZ_PRESFORM
#define K NZ_LOOKALIKE
#define F NZ_PERSIAN

/* ---- class bits: exact values ----------------------------------------- */

static const struct {
    uint32_t cp;
    unsigned bits;
} exact[] = {
    /* letters that join the next one, and those that do not */
    {AR_BEH, L | J},
    {AR_TEH, L | J},
    {AR_SEEN, L | J},
    {AR_LAM, L | J},
    {AR_HEH, L | J},
    {AR_YEH, L | J},
    {AR_YEH_HAMZA, L | J},
    {AR_ALEF_MAKSURA, L | J},
    {AR_ALEF, L},
    {AR_DAL, L},
    {AR_THAL, L},
    {AR_REH, L},
    {AR_ZAIN, L},
    {AR_WAW, L},
    {AR_TEH_MARBUTA, L},
    {AR_HAMZA, L},
    {AR_ALEF_HAMZA, L},
    {AR_ALEF_HAMZA_BELOW, L},
    {AR_ALEF_MADDA, L},
    {AR_WAW_HAMZA, L},
    {AR_ALEF_WASLA, L | X},
    {AR_BEH_SUPP, L | J | X},
    {AR_BEH_V_BELOW, L | J | X},
    {AR_ALEF_ATTACHED_FATHA, L | X},
    {AR_TATWEEL, NZ_TATWEEL | J},
    /* marks */
    {AR_FATHATAN, M},
    {AR_FATHA, M},
    {AR_SHADDA, M},
    {AR_SUKUN, M},
    {AR_HAMZA_ABOVE, M},
    {AR_SUPERSCRIPT_ALEF, M},
    {AR_SMALL_HIGH_SAD, M},
    {AR_SMALL_HIGH_LIGATURE, M},
    {AR_EMPTY_CENTRE_STOP, M},
    {AR_TURNED_DAMMA_BELOW, M},
    {AR_EXTC_SMALL_LOW_WORD_SAKTA, M},
    /* Arabic code points that are none of these */
    {AR_SMALL_WAW, 0},
    {AR_COMMA, 0},
    {AR_FULL_STOP, 0},
    {AR_END_OF_AYAH, 0},
    {AR_DISPUTED_END_OF_AYAH, 0},
    {0x061F, 0}, /* ؟ */
    {0x066A, 0}, /* ٪ */
    /* Persian / Urdu letters, look-alikes */
    {FA_PEH, L | J | F},
    {FA_TCHEH, L | J | F},
    {FA_JEH, L | F},
    {FA_GAF, L | J | F},
    {FA_KEHEH, L | J | K | F},
    {FA_YEH, L | J | K | F},
    {FA_HEH_YEH_ABOVE, L | K | F},
    {UR_TTEH, L | J | F},
    {UR_DDAL, L | F},
    {UR_RREH, L | F},
    {UR_NOON_GHUNNA, L | J | K | F},
    {UR_HEH_DOACHASHMEE, L | J | K | F},
    {UR_HEH_GOAL, L | J | K | F},
    {UR_TEH_MARBUTA_GOAL, L | K | F},
    {UR_YEH_BARREE, L | F},
    {KU_AE, L | K},
    {SD_SWASH_KAF, L | J | K},
    {KK_HIGH_HAMZA_ALEF, L | K},
    {KK_HIGH_HAMZA_WAW, L | K},
    {KK_HIGH_HAMZA_YEH, L | J | K},
    {AR_VEH, L | J},
    {AR_DOTLESS_BEH, L | J},
    {AR_DOTLESS_FEH, L | J},
    /* presentation forms */
    {PF_BEH_ISOL, L | P},
    {PF_BEH_FINA, L | P},
    {PF_BEH_INIT, L | P | J},
    {PF_BEH_MEDI, L | P | J},
    {PF_TEH_INIT, L | P | J},
    {PF_YEH_MEDI, L | P | J},
    {PF_ALEF_ISOL, L | P},
    {PF_ALEF_FINA, L | P},
    {PF_DAL_FINA, L | P},
    {PF_HAMZA_ISOL, L | P},
    {PF_LAM_ALEF_ISOL, L | P},
    {PF_LAM_ALEF_FINA, L | P},
    {PF_TEH_JEEM_MEEM_INIT, L | P | J},
    {PF_PEH_INIT, L | P | J | F},
    {PF_KEHEH_INIT, L | P | J | F},
    {PF_FARSI_YEH_ISOL, L | P | F},
    {PF_ALLAH, L | P},
    {PF_SAW, L},          /* a letter, but kept as it is */
    {PF_JALLA, L},
    {PF_SALLA_STOP, L},
    {PF_QALA_STOP, L},
    {PF_RIAL, 0},         /* a currency sign */
    {PF_BISMILLAH, 0},    /* a symbol without decomposition */
    {PF_ORNATE_LEFT_PAREN, 0},
    {PF_FATHATAN_ISOL, 0},     /* spacing haraka: no letter inside */
    {PF_SHADDA_DAMMATAN_ISOL, 0},
    {PF_TATWEEL_FATHATAN, J},  /* medial: joins, but holds no letter */
    {PF_SHADDA_FATHA_MEDI, J},
    {PF_TAIL_FRAGMENT, 0},
    /* invisibles (P15) */
    {0x00AD, I}, {0x061C, I}, {0x200B, I}, {0x200C, I}, {0x200D, I},
    {0x200E, I}, {0x200F, I}, {0x202A, I}, {0x202E, I}, {0x2060, I},
    {0x2064, I}, {0x2066, I}, {0x2069, I}, {ZWNBSP, I},
    {0x2065, 0}, /* unassigned between the two runs */
    {0x2028, 0}, /* LINE SEPARATOR: a line end, not a space */
    /* digits */
    {'0', NZ_DIGIT}, {'9', NZ_DIGIT}, {0x0660, NZ_DIGIT}, {0x0669, NZ_DIGIT},
    {0x06F0, NZ_DIGIT}, {0x06F9, NZ_DIGIT}, {'/', 0}, {':', 0},
    {0x00B2, 0}, /* superscript two */
    /* Latin */
    {'A', NZ_LATIN}, {'Z', NZ_LATIN}, {'a', NZ_LATIN}, {'z', NZ_LATIN},
    {0x00C0, NZ_LATIN}, {0x00E9, NZ_LATIN}, {0x0152, NZ_LATIN},
    {0x024F, NZ_LATIN}, {0x00D7, 0}, {0x00F7, 0}, {0x0250, 0}, {'@', 0},
    {'[', 0}, {'`', 0}, {'{', 0},
    /* spaces, and line ends that are not */
    {' ', NZ_SPACE}, {'\t', NZ_SPACE}, {0x0B, NZ_SPACE}, {0x0C, NZ_SPACE},
    {0x00A0, NZ_SPACE}, {0x1680, NZ_SPACE}, {0x2000, NZ_SPACE},
    {0x200A, NZ_SPACE}, {0x202F, NZ_SPACE}, {0x205F, NZ_SPACE},
    {0x3000, NZ_SPACE}, {'\n', 0}, {'\r', 0}, {0x85, 0}, {0x2029, 0},
    /* everything else */
    {0, 0}, {'.', 0}, {0x05D0, 0}, {0x0710, 0}, /* Hebrew, Syriac */
    {0x1EE00, NZ_LETTER | NZ_PRESFORM}, /* Arabic mathematical alef: read as ا */
    {0xFFFD, 0}, {0xFFFF, 0}, {0x10FFFF, 0},
    /* out of range: 0, no crash */
    {0x110000, 0}, {0x7FFFFFFF, 0}, {0xFFFFFFFF, 0},
};

/* ---- presentation forms ---------------------------------------------- */

static const struct {
    uint32_t cp;
    int n;
    uint32_t base[4];
} forms[] = {
    /* Arabic mathematical letters (U+1EE00..): one base letter each */
    {0x1EE00, 1, {0x0627}},  /* MATHEMATICAL ALEF */
    {0x1EE0C, 1, {0x0645}},  /* MATHEMATICAL MEEM */
    {0x1EE2D, 1, {0x0646}},  /* INITIAL NOON */
    {0x1EE61, 1, {0x0628}},  /* STRETCHED BEH */
    {0x1EEB5, 1, {0x062A}},  /* DOUBLE-STRUCK TEH */
    {0x1EE1D, 1, {0x06BA}},  /* DOTLESS NOON: the dotless letter (P13) */
    {0x1EE04, 0, {0}},       /* unassigned */
    {0x1EEF0, 0, {0}},       /* MATHEMATICAL OPERATOR MEEM WITH HAH WITH TATWEEL: no letter */
    {PF_LAM_ALEF_MADDA_ISOL, 2, {AR_LAM, AR_ALEF_MADDA}},
    {PF_LAM_ALEF_MADDA_FINA, 2, {AR_LAM, AR_ALEF_MADDA}},
    {PF_LAM_ALEF_HAMZA_ISOL, 2, {AR_LAM, AR_ALEF_HAMZA}},
    {PF_LAM_ALEF_HAMZA_FINA, 2, {AR_LAM, AR_ALEF_HAMZA}},
    {PF_LAM_ALEF_HBELOW_ISOL, 2, {AR_LAM, AR_ALEF_HAMZA_BELOW}},
    {PF_LAM_ALEF_HBELOW_FINA, 2, {AR_LAM, AR_ALEF_HAMZA_BELOW}},
    {PF_LAM_ALEF_ISOL, 2, {AR_LAM, AR_ALEF}},
    {PF_LAM_ALEF_FINA, 2, {AR_LAM, AR_ALEF}},
    {PF_TEH_INIT, 1, {AR_TEH}},
    {PF_BEH_ISOL, 1, {AR_BEH}},
    {PF_BEH_FINA, 1, {AR_BEH}},
    {PF_BEH_INIT, 1, {AR_BEH}},
    {PF_BEH_MEDI, 1, {AR_BEH}},
    {PF_YEH_MEDI, 1, {AR_YEH}},
    {PF_TEH_MARBUTA_FINA, 1, {AR_TEH_MARBUTA}},
    {PF_DAL_FINA, 1, {AR_DAL}},
    {PF_HAMZA_ISOL, 1, {AR_HAMZA}},
    {PF_ALEF_WASLA_ISOL, 1, {AR_ALEF_WASLA}},
    {PF_PEH_INIT, 1, {FA_PEH}},
    {PF_KEHEH_INIT, 1, {FA_KEHEH}}, /* the look-alike is a separate step */
    {PF_FARSI_YEH_ISOL, 1, {FA_YEH}},
    {PF_LAM_JEEM_ISOL, 2, {AR_LAM, AR_JEEM}},
    {PF_TEH_JEEM_MEEM_INIT, 3, {AR_TEH, AR_JEEM, AR_MEEM}},
    {PF_THAL_SUPALEF_ISOL, 2, {AR_THAL, AR_SUPERSCRIPT_ALEF}},
    {PF_ALLAH, 4, {AR_ALEF, AR_LAM, AR_LAM, AR_HEH}},
    {PF_AKBAR, 4, {AR_ALEF, AR_KAF, AR_BEH, AR_REH}},
    {PF_MOHAMMAD, 4, {AR_MEEM, AR_HAH, AR_MEEM, AR_DAL}},
    {PF_SALLA, 3, {0x0635, AR_LAM, AR_ALEF_MAKSURA}},
    /* not mapped */
    {PF_SAW, 0, {0}},
    {PF_JALLA, 0, {0}},
    {PF_SALLA_STOP, 0, {0}},
    {PF_QALA_STOP, 0, {0}},
    {PF_RIAL, 0, {0}},
    {PF_BISMILLAH, 0, {0}},
    {PF_ORNATE_LEFT_PAREN, 0, {0}},
    {PF_FATHATAN_ISOL, 0, {0}},
    {PF_TATWEEL_FATHATAN, 0, {0}},
    {PF_SHADDA_DAMMATAN_ISOL, 0, {0}},
    {PF_SHADDA_FATHA_MEDI, 0, {0}},
    {PF_TAIL_FRAGMENT, 0, {0}},
    {ZWNBSP, 0, {0}},
    {0xFB4F, 0, {0}}, /* Hebrew ligature just before the range */
    {0xFEFD, 0, {0}},
    {AR_BEH, 0, {0}},
    {AR_ALEF_MADDA, 0, {0}}, /* a letter, not decomposed */
    {'a', 0, {0}},
    {0, 0, {0}},
    {0x110000, 0, {0}},
    {0xFFFFFFFF, 0, {0}},
};

/* ---- look-alikes ----------------------------------------------------- */

static const struct {
    uint32_t cp, base;
} looks[] = {
    {FA_KEHEH, AR_KAF},
    {SD_SWASH_KAF, AR_KAF},
    {FA_YEH, AR_YEH},
    {KU_AE, AR_HEH},
    {UR_HEH_DOACHASHMEE, AR_HEH},
    {UR_HEH_GOAL, AR_HEH},
    {FA_HEH_YEH_ABOVE, AR_TEH_MARBUTA},
    {UR_TEH_MARBUTA_GOAL, AR_TEH_MARBUTA},
    {UR_NOON_GHUNNA, AR_NOON},
    {KK_HIGH_HAMZA_ALEF, AR_ALEF_HAMZA},
    {KK_HIGH_HAMZA_WAW, AR_WAW_HAMZA},
    {KK_HIGH_HAMZA_YEH, AR_YEH_HAMZA},
    /* not look-alikes */
    {UR_YEH_BARREE, 0},
    {0x06C2, 0}, /* ۂ */
    {FA_GAF, 0},
    {FA_PEH, 0},
    {AR_DOTLESS_BEH, 0},
    {AR_DOTLESS_FEH, 0},
    {AR_VEH, 0},
    {AR_KAF, 0},
    {AR_YEH, 0},
    {AR_ALEF_MAKSURA, 0},
    {PF_KEHEH_INIT, 0},
    {0x0674, 0}, {0x06D6, 0}, /* just outside the table's range */
    {0, 0},
    {0x110000, 0},
    {0xFFFFFFFF, 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int main(void)
{
    for (size_t i = 0; i < COUNT(exact); i++) {
        unsigned got = nazif__uclass(exact[i].cp);
        CHECK_MSG(got == exact[i].bits, "U+%04lX: got 0x%04X, want 0x%04X",
                  (unsigned long)exact[i].cp, got, exact[i].bits);
    }

    for (size_t i = 0; i < COUNT(forms); i++) {
        uint32_t out[4] = {0xDEAD, 0xDEAD, 0xDEAD, 0xDEAD};
        int n = nazif__presform_base(forms[i].cp, out);
        int same = n == forms[i].n;
        for (int k = 0; same && k < n; k++)
            same = out[k] == forms[i].base[k];
        CHECK_MSG(same, "presform U+%04lX: got %d code points (U+%04lX ...)",
                  (unsigned long)forms[i].cp, n, (unsigned long)out[0]);
        /* the class bit and the mapping agree */
        CHECK_MSG(((nazif__uclass(forms[i].cp) & NZ_PRESFORM) != 0) == (n > 0),
                  "U+%04lX: NZ_PRESFORM disagrees with presform_base",
                  (unsigned long)forms[i].cp);
    }

    for (size_t i = 0; i < COUNT(looks); i++) {
        uint32_t got = nazif__lookalike_base(looks[i].cp);
        CHECK_MSG(got == looks[i].base, "look-alike U+%04lX: got U+%04lX",
                  (unsigned long)looks[i].cp, (unsigned long)got);
    }

    /* Sweeps over the whole code space: the bits and the two maps agree,
       every mapped form yields Arabic letters/marks, no form is left
       without its class bit. */
    int agree = 1, sane = 1;
    unsigned npres = 0, nlook = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        unsigned c = nazif__uclass(cp);
        uint32_t out[4];
        int n = nazif__presform_base(cp, out);
        uint32_t b = nazif__lookalike_base(cp);
        if (((c & NZ_PRESFORM) != 0) != (n > 0) ||
            ((c & NZ_LOOKALIKE) != 0) != (b != 0))
            agree = 0;
        if (n > 0) {
            npres++;
            if (!(c & NZ_LETTER))
                sane = 0;
            for (int k = 0; k < n; k++)
                if (!(nazif__uclass(out[k]) & (NZ_LETTER | NZ_MARK)) ||
                    (nazif__uclass(out[k]) & NZ_PRESFORM))
                    sane = 0;
        }
        if (b) {
            nlook++;
            if ((nazif__uclass(b) & (NZ_LETTER | NZ_LOOKALIKE | NZ_PERSIAN)) !=
                NZ_LETTER)
                sane = 0;
        }
        /* a letter is never also a mark, digit, Latin or space */
        if ((c & NZ_LETTER) &&
            (c & (NZ_MARK | NZ_DIGIT | NZ_LATIN | NZ_SPACE | NZ_TATWEEL)))
            sane = 0;
    }
    CHECK(agree);
    CHECK(sane);
    CHECK_MSG(npres > 840 && npres < 940, "%u presentation forms and mathematical letters", npres);
    CHECK_MSG(nlook == 12, "%u look-alikes", nlook);

    /* letters of other scripts drawn as alef or heh (decompositions) */
    CHECK(nazif__other_lookalike(0x0131) == 0x0627);   /* ı dotless i */
    CHECK(nazif__other_lookalike(0x013A) == 0x0627);   /* ĺ l with acute */
    CHECK(nazif__other_lookalike(0x03B9) == 0x0627);   /* ι iota */
    CHECK(nazif__other_lookalike(0x1D425) == 0x0627);  /* 𝐥 bold l */
    CHECK(nazif__other_lookalike(0x00F2) == 0x0647);   /* ò */
    CHECK(nazif__other_lookalike(0x043E) == 0x0647);   /* о Cyrillic o */
    CHECK(nazif__other_lookalike(0xFF4F) == 0x0647);   /* ｏ fullwidth o */
    CHECK(nazif__other_lookalike('l') == 0 && nazif__other_lookalike('o') == 0); /* ASCII */
    /* an L drawn for alef: decompositions (Ľ ℒ) and confusables (Ꮮ) */
    CHECK(nazif__other_lookalike(0x013D) == 0x0627);   /* Ľ */
    CHECK(nazif__other_lookalike(0x2112) == 0x0627);   /* ℒ script L */
    CHECK(nazif__other_lookalike(0x13DE) == 0x0627);   /* Ꮮ Cherokee TLE */
    CHECK(nazif__other_lookalike('L') == 0);           /* ASCII: P12's */
    CHECK(nazif__other_lookalike(0x0627) == 0 && nazif__other_lookalike(0x0647) == 0);

    /* extended look-alikes: the body's letter first, then its skeleton */
    {
        static const struct { uint32_t cp; int n; uint32_t first; } xl[] = {
            {0x067C, 5, 0x062A}, /* ټ TEH WITH RING -> ت ... */
            {0x06B5, 1, 0x0644}, /* ڵ LAM WITH SMALL V -> ل */
            {0x075A, 2, 0x062F}, /* ݚ DAL WITH INVERTED SMALL V BELOW -> د ذ */
            {0x0697, 2, 0x0631}, /* ڗ REH WITH TWO DOTS ABOVE -> ر ز */
            {0x06C9, 2, 0x0648}, /* ۉ KIRGHIZ YU -> و ؤ */
            {0x0671, 1, 0x0627}, /* ٱ ALEF WASLA -> ا */
            {0x06B1, 1, 0x0643}, /* ڱ NGOEH (gaf body) -> ك */
            /* Persian and Urdu letters with more marks: their body */
            {0x08C0, 5, 0x062A}, /* ࣀ TTEH WITH SMALL V -> ت ... */
            {0x08B7, 5, 0x0628}, /* ࢷ PEH WITH SMALL MEEM ABOVE -> ب ... */
            {0x077A, 2, 0x064A}, /* ݺ YEH BARREE WITH ... DIGIT TWO ABOVE -> ي ئ */
            {0x06BF, 3, 0x062C}, /* ڿ TCHEH WITH DOT ABOVE -> ج ح خ */
            {0x0687, 3, 0x062C}, /* ڇ TCHEHEH -> ج ح خ */
            {0x0679, 0, 0},      /* ٹ TTEH itself: Urdu (persian-letters.tsv) */
            {0x067E, 0, 0},      /* پ PEH itself: Persian */
            {0x06D2, 0, 0},      /* ے YEH BARREE itself: Urdu */
            {0x06A8, 0, 0},      /* ڨ: the Maghrebi g, kept */
            {0x06A4, 0, 0},      /* ڤ */
            {0x0672, 0, 0},      /* ٲ */
            {0x06AA, 0, 0},      /* ڪ: an ordinary look-alike (data/lookalikes.tsv) */
            {0x06AF, 0, 0},      /* گ: Persian */
            {0x0628, 0, 0},      /* ب */
        };
        for (size_t i = 0; i < COUNT(xl); i++) {
            uint32_t out[6] = {0};
            int n = nazif__extlook_cands(xl[i].cp, out);
            CHECK_MSG(n == xl[i].n && (n == 0 || out[0] == xl[i].first),
                      "extlook U+%04lX: %d candidates, first U+%04lX", (unsigned long)xl[i].cp, n,
                      (unsigned long)out[0]);
        }
        /* the class bit agrees with the table (presentation forms of one
           such letter carry the bit too); candidates are basic letters */
        int ok = 1;
        unsigned next = 0;
        for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
            uint32_t out[6];
            int n = nazif__extlook_cands(cp, out);
            unsigned c = nazif__uclass(cp);
            if (n) next++;
            if ((n > 0) != ((c & NZ_EXTLOOK) && !(c & NZ_PRESFORM))) ok = 0;
            for (int k = 0; k < n; k++)
                if (out[k] < 0x0621 || out[k] > 0x064A) ok = 0;
            if ((c & NZ_EXTLOOK) && (c & (NZ_LOOKALIKE | NZ_PERSIAN))) ok = 0;
        }
        CHECK(ok);
        CHECK_MSG(next > 150 && next < 250, "%u extended look-alikes", next);
    }

    return DONE("uclass");
}
