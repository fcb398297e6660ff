/* test_lexicon.c -- the built-in lexicon: known words, fragments, key
 * normalisation, odd input, and nazif_lexicon_open() on good and bad blobs.
 * Run from the repository root (reads data/nazif.lex). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"
#include "internal.h" /* nazif__maksura_final */

/* code points used below, by name */
#define AR_TATWEEL "\xD9\x80"  /* U+0640 */
#define AR_DAMMA "\xD9\x8F"    /* U+064F */
#define AR_FATHA "\xD9\x8E"    /* U+064E */
#define AR_SHADDA "\xD9\x91"   /* U+0651 */
#define AR_DAMMATAN "\xD9\x8C" /* U+064C */

static int look(const nazif_lexicon *lex, const char *w, int *freq)
{
    return nazif_lexicon_lookup(lex, w, strlen(w), freq);
}

static const char *const known_words[] = {
    "التوتر", "الشائكة", "الحساسية", "النار", "حساس", "الصعبة", "الدماء",
    "المسلحة", "عسكرية", "استفزوا", "وبالإضافة", "مدرسته", "للاعتداءات",
    "والمصممين", "أردوغان", "إدلب", "تساءل", "القصف", "الانتهاك", "غزة",
    "في", "من", "إلى", "الى", "وإلى", "ألف", "إلا", "وكالة", "مدرستها",
    "فلسطين", "والتي",
};

static const char *const unknown_words[] = {
    "الت", "الن", "عه", "حس" AR_TATWEEL, "الجلسةوعاد", "سياسيةكما", "مدرسةهم", "دمحمد", "ت", "",
    "وال", "بال", "لل", "ولل", "فال", "الي", "الف", "والت",
    AR_TATWEEL "وتر", "ال" AR_TATWEEL, "هـ",
    "abc", "123", "١٢٣", "غزة1", "غزة.", "غ ز", "پول",
    "\xD9", "\xFF\xFE", "\xD8\xA7\xFF", "\xC0\x80",
    AR_FATHA "غزة",
};

/* the clitic analysis: word (not stored as such) -> must be DERIVED */
static const char *const derived_words[] = {
    "وبالإضافة", "مدرسته", "والمصممين", "فسيكتبونها", "وللمدرسة",
};

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : (1u << 22);
            unsigned char *nb = realloc(buf, cap);
            if (!nb) break;
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    fclose(f);
    *len = n;
    return buf;
}

static void test_words(const nazif_lexicon *lex)
{
    int f;
    for (size_t i = 0; i < sizeof known_words / sizeof *known_words; i++) {
        int r = look(lex, known_words[i], &f);
        CHECK_MSG(r == NAZIF_LEX_WORD || r == NAZIF_LEX_DERIVED,
                  "%s -> %d", known_words[i], r);
        CHECK_MSG(f >= 0 && f <= 15, "%s freq %d", known_words[i], f);
    }
    for (size_t i = 0; i < sizeof unknown_words / sizeof *unknown_words; i++) {
        f = 99;
        int r = look(lex, unknown_words[i], &f);
        CHECK_MSG(r == NAZIF_LEX_UNKNOWN, "[%s] -> %d", unknown_words[i], r);
        CHECK_MSG(f == 0, "[%s] freq %d", unknown_words[i], f);
    }
    for (size_t i = 0; i < sizeof derived_words / sizeof *derived_words; i++) {
        int r = look(lex, derived_words[i], NULL);
        CHECK_MSG(r == NAZIF_LEX_DERIVED, "%s -> %d", derived_words[i], r);
    }
    /* stored forms with their own inflection are words as they stand */
    CHECK(look(lex, "استفزوا", NULL) == NAZIF_LEX_WORD);
    CHECK(look(lex, "عسكرية", NULL) == NAZIF_LEX_WORD);
    /* frequent words have a high class, rare ones a lower one */
    int fa = 0, fb = 0;
    look(lex, "في", &fa);
    look(lex, "الشائكة", &fb);
    CHECK_MSG(fa >= 12 && fa > fb, "freq في %d, الشائكة %d", fa, fb);
}

static void test_normalisation(const nazif_lexicon *lex)
{
    int f1 = -1, f2 = -2;
    /* harakat, shadda, tanween ignored */
    CHECK(look(lex, "م" AR_DAMMA "ح" AR_FATHA "م" AR_SHADDA AR_FATHA "د" AR_DAMMATAN,
               &f1) == look(lex, "محمد", &f2));
    CHECK(f1 == f2 && f1 > 0);
    /* inner tatweel (elongation) ignored, outer tatweel is a fragment */
    CHECK(look(lex, "فلسـ" "ـطين", NULL) == look(lex, "فلسطين", NULL));
    CHECK(look(lex, "فلسطين" AR_TATWEEL, NULL) == NAZIF_LEX_UNKNOWN);
    /* the dagger alef is a mark; U+063B..U+063F, Arabic-Indic digits and
       Persian letters are no letters; a mark after a final tatweel leaves
       it final; a lone lead byte ends no word */
    CHECK(look(lex, "ه\xD9\xB0ذا", &f1) == look(lex, "هذا", &f2) && f1 == f2 && f1 > 0);
    CHECK(look(lex, "غز\xD8\xBBة", NULL) == NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, "غزة\xD9\xA1", NULL) == NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, "غز\xDA\xA9ة", NULL) == NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, "فلسطين" AR_TATWEEL AR_FATHA, NULL) == NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, "فلسطين\xD8", NULL) == NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, AR_SHADDA "فلسطين", NULL) == NAZIF_LEX_UNKNOWN);
    /* alef folding: أ إ آ ٱ read as ا; ى as ي */
    CHECK(look(lex, "الاضافة", NULL) != NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, "ٱلإضافة", NULL) != NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, "أردوغان", &f1) == look(lex, "اردوغان", &f2) && f1 == f2);
    CHECK(look(lex, "على", &f1) == look(lex, "علي", &f2) && f1 == f2);
    /* the ال + letter rule: the hamza tells إلا from the fragment الا */
    CHECK(look(lex, "إلا", NULL) != NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, "الا", NULL) == NAZIF_LEX_UNKNOWN);
    CHECK(look(lex, "الإ", NULL) == NAZIF_LEX_UNKNOWN);
    /* a word too long to be a word */
    char longw[200] = "";
    for (int i = 0; i < 41; i++) strcat(longw, "ب");
    CHECK(look(lex, longw, NULL) == NAZIF_LEX_UNKNOWN);
    /* length is honoured: a prefix of the buffer */
    CHECK(nazif_lexicon_lookup(lex, "النارXYZ", strlen("النار"), NULL) !=
          NAZIF_LEX_UNKNOWN);
    CHECK(nazif_lexicon_lookup(lex, NULL, 3, NULL) == NAZIF_LEX_UNKNOWN);
    /* an embedded NUL is not a letter */
    CHECK(nazif_lexicon_lookup(lex, "غز\0ة", sizeof "غز\0ة" - 1, NULL) ==
          NAZIF_LEX_UNKNOWN);
}

static void test_open(void)
{
    nazif_lexicon *lex = (nazif_lexicon *)1;
    static const char garbage[] = "this is not a lexicon, not at all......"
                                  "..........................";
    CHECK(nazif_lexicon_open(&lex, garbage, sizeof garbage) == NAZIF_EFORMAT);
    CHECK(lex == NULL);
    CHECK(nazif_lexicon_open(&lex, garbage, 0) == NAZIF_EFORMAT);
    CHECK(nazif_lexicon_open(NULL, garbage, sizeof garbage) == NAZIF_EINVAL);
    CHECK(nazif_lexicon_open(&lex, NULL, 10) == NAZIF_EINVAL);
    nazif_lexicon_free(NULL);

    size_t len = 0;
    unsigned char *blob = read_file("data/nazif.lex", &len);
    CHECK_MSG(blob != NULL, "cannot read data/nazif.lex (run from the root)");
    if (!blob) return;
    CHECK(nazif_lexicon_open(&lex, blob, len) == NAZIF_OK && lex != NULL);
    if (lex) {
        test_words(lex);
        nazif_lexicon_free(lex);
    }
    /* truncated, lengthened, or with a broken header or offset table */
    CHECK(nazif_lexicon_open(&lex, blob, len - 4) == NAZIF_EFORMAT);
    CHECK(nazif_lexicon_open(&lex, blob, 39) == NAZIF_EFORMAT);
    blob[8] ^= 0x7F; /* version */
    CHECK(nazif_lexicon_open(&lex, blob, len) == NAZIF_EFORMAT);
    blob[8] ^= 0x7F;
    blob[40 + 4 * 100 + 3] ^= 0x80; /* offsets[100] made huge */
    CHECK(nazif_lexicon_open(&lex, blob, len) == NAZIF_EFORMAT);
    blob[40 + 4 * 100 + 3] ^= 0x80;
    CHECK(nazif_lexicon_open(&lex, blob, len) == NAZIF_OK);
    nazif_lexicon_free(lex);
    free(blob);
}

/* the maksura table: a word ending in ي/ى (as P14 hands it over, ی already
   read as ي) -> 1 when standard spelling ends it in ى */
static int maksura(const char *w)
{
    return nazif__maksura_final((const uint8_t *)w, strlen(w));
}

static void test_maksura(void)
{
    static const char *const m[] = {
        "إلي", "الي", "علي", "أدي", "ادي", "مستشفي", "المستشفي", "حتي", "لدي",
        "مصطفي", "أخري", "الأخري", "الأولي", "مستوي", "القري",
        /* proclitics: derived from the stem, not stored */
        "وإلي", "وعلي", "بالمستشفي", "للمستشفي", "ولدي",
        /* ى itself, harakat: the key is the same */
        "على", "إلى", "ع" AR_FATHA "ل" AR_FATHA "ي",
    };
    static const char *const y[] = {
        "في", "الذي", "التي", "العربي", "الفارسي", "النبي", "كرسي",
        "والي",     /* governor; وإلي (hamza) is ى */
        "فعلي",     /* actual: an exception to ف + على */
        "وفي", "لي", "بي", "الرئيسي",
        /* not a word ending in ي/ى, not a word, odd input */
        "المدينة", "abc", "", "\xFF", "ي", "xي",
    };
    for (size_t i = 0; i < sizeof m / sizeof *m; i++)
        CHECK_MSG(maksura(m[i]) == 1, "%s should end in alef maksura", m[i]);
    for (size_t i = 0; i < sizeof y / sizeof *y; i++)
        CHECK_MSG(maksura(y[i]) == 0, "%s should end in yeh", y[i]);
}

int main(void)
{
    const nazif_lexicon *def = nazif_lexicon_default();
    CHECK(def != NULL && def == nazif_lexicon_default());
    test_words(def);
    test_normalisation(def);
    test_open();
    test_maksura();
    return DONE("lexicon");
}
