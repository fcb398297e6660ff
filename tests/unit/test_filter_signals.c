/* test_filter_signals.c -- the measured value (reason_value) of every
 * document signal of src/filters.c on small hand-made documents.
 *
 * Each check turns on one threshold so that it always fires (a minimum of
 * +inf, a maximum of -inf) and every other one so that it never does, so
 * nazif__filter_doc() returns that threshold's reason with the value it
 * measured.  The expected values are counted by hand in the comments. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "harness.h"

static nazif__filter_ctx *fc;

static int is_min(int p)
{
    return strncmp(nazif__filter_params(p)->option, "min-", 4) == 0;
}

/* The value measured for threshold p, or NAN when the document is kept
   (or removed for another reason). */
static double signal(const char *text, int p)
{
    double thr[NZF_N_PARAMS];
    for (int i = 0; i < NZF_N_PARAMS; i++) thr[i] = is_min(i) ? -INFINITY : INFINITY;
    thr[p] = is_min(p) ? INFINITY : -INFINITY;
    double v = -1;
    const char *r = nazif__filter_doc(fc, text, strlen(text), nazif__filter_params(p)->filter,
                                      thr, &v);
    if (!r || strcmp(r, nazif__filter_params(p)->reason) != 0) return NAN;
    return v;
}

#define CHECK_SIGNAL(text, p, want)                                                     \
    do {                                                                                \
        const double got_ = signal((text), (p));                                       \
        CHECK_MSG(got_ == (want), "%s on \"%s\": got %.17g, want %.17g",               \
                  nazif__filter_params(p)->option, (text), got_, (double)(want));       \
    } while (0)

int main(void)
{
    CHECK(nazif__filter_new(&fc) == 0);

    /* letters in Arabic script: a b c and ب ت: 2 of 5 */
    CHECK_SIGNAL("abc بت", NZF_MIN_ARABIC_RATIO, 2.0 / 5.0);
    /* code points: ب ت \r \n ث */
    CHECK_SIGNAL("بت\r\nث", NZF_MIN_CHARS, 5.0);
    /* words are runs of non-space: a, b, c, d */
    CHECK_SIGNAL("a  b\tc\n\nd", NZF_MIN_WORDS, 4.0);
    CHECK_SIGNAL("a  b\tc\n\nd", NZF_MAX_WORDS, 4.0);
    /* mean word length in code points: (3 + 4) / 2 */
    CHECK_SIGNAL("بيت كتاب", NZF_MIN_AVG_WORD_LEN, 3.5);
    CHECK_SIGNAL("ab cde f", NZF_MAX_AVG_WORD_LEN, 2.0);
    /* symbols: '#', "..." and U+2026, over 6 words; "...." counts twice */
    CHECK_SIGNAL("# a ... b \xE2\x80\xA6 c", NZF_MAX_SYMBOL_RATIO, 3.0 / 6.0);
    CHECK_SIGNAL("a .... b c", NZF_MAX_SYMBOL_RATIO, 2.0 / 4.0);
    /* bullet lines: "- a" and "* b" of 3 non-blank lines */
    CHECK_SIGNAL("- a\n* b\nc\n\n", NZF_MAX_BULLET_LINES, 2.0 / 3.0);
    /* ellipsis lines: "a..." and "b…"; "d.. ." and "e... " (space last) are
       not: 2 of 5 */
    CHECK_SIGNAL("a...\nb\xE2\x80\xA6\nc\nd.. .\ne... \n", NZF_MAX_ELLIPSIS_LINES, 2.0 / 5.0);
    /* words with a letter or digit: a, 1, ب of a 1 - ب ، ... */
    CHECK_SIGNAL("a 1 - ب ، ...", NZF_MIN_ALPHA_WORDS, 3.0 / 6.0);
    /* stop words as written: في من على عن (فى and وال are not) */
    CHECK_SIGNAL("في من xyz على فى عن وال", NZF_MIN_STOP_WORDS, 4.0);

    /* duplicated lines: a b a a c are the non-blank lines, the 3rd and 4th
       repeat one before: 2 of 5; their 2 characters of the 10 code points
       (5 without the newlines) */
    const char *lines = "a\nb\na\na\n\nc";
    CHECK_SIGNAL(lines, NZF_MAX_DUP_LINE_FRAC, 2.0 / 5.0);
    CHECK_SIGNAL(lines, NZF_MAX_DUP_LINE_CHAR_FRAC, 2.0 / 10.0);
    CHECK_SIGNAL(lines, NZF_MAX_DUP_CHARS, 2.0 / 5.0);
    /* a line's \r before \n is not part of it: "ab" twice; 2 of 7 code points */
    CHECK_SIGNAL("ab\r\nab\n", NZF_MAX_DUP_LINE_CHAR_FRAC, 2.0 / 7.0);
    /* lines of equal length but other bytes are not equal: 1 ("ab") of 3 */
    CHECK_SIGNAL("ab\ncd\nab\n", NZF_MAX_DUP_LINE_FRAC, 1.0 / 3.0);
    /* paragraphs "a b\nc", "d", "a b\nc": one repeats, with its 4
       characters (newlines between its lines not counted) of 16 */
    const char *paras = "a b\nc\n\nd\n\na b\nc\n";
    CHECK_SIGNAL(paras, NZF_MAX_DUP_PARA_FRAC, 1.0 / 3.0);
    CHECK_SIGNAL(paras, NZF_MAX_DUP_PARA_CHAR_FRAC, 4.0 / 16.0);

    /* most frequent 2-gram of a b a b c: "a b" twice, 2 characters: 4 of 9 */
    CHECK_SIGNAL("a b a b c", NZF_MAX_TOP_2GRAM, 4.0 / 9.0);
    /* xx y z xx y z (13 code points): "xx y" and "y z" both come twice;
       "xx y" gets there first, so 3 characters x 2 */
    const char *tie = "xx y z xx y z";
    CHECK_SIGNAL(tie, NZF_MAX_TOP_2GRAM, 6.0 / 13.0);
    /* "xx y z" twice: 4 characters x 2 */
    CHECK_SIGNAL(tie, NZF_MAX_TOP_3GRAM, 8.0 / 13.0);
    /* no 4-gram repeats: the rule does not apply (kept) */
    CHECK(isnan(signal(tie, NZF_MAX_TOP_4GRAM)));

    /* a b c d e three times (29 code points).  5-grams: the one at 5 repeats
       the one at 0 (5 characters), 6..9 are jumped over, the one at 10
       repeats too: 10.  6-grams: the one at 5 repeats (6), 6..10 jumped. */
    const char *period = "a b c d e a b c d e a b c d e";
    CHECK_SIGNAL(period, NZF_MAX_DUP_5GRAM, 10.0 / 29.0);
    CHECK_SIGNAL(period, NZF_MAX_DUP_6GRAM, 6.0 / 29.0);
    /* 10-grams: only 0..5 exist, the one at 5 repeats the one at 0 */
    CHECK_SIGNAL(period, NZF_MAX_DUP_10GRAM, 10.0 / 29.0);
    /* nothing repeats: the 5-gram rule still measures 0 */
    CHECK_SIGNAL("a b c d e f g", NZF_MAX_DUP_5GRAM, 0.0);
    /* the 2-gram count sees every place: b c / c d / b c ... */
    CHECK_SIGNAL("b c d b c d b c", NZF_MAX_TOP_2GRAM, 2.0 * 3.0 / 15.0);

    /* lines ending in . ؟ » of 4 non-blank ones */
    CHECK_SIGNAL("a.\nb\nc\xD8\x9F\nd\xC2\xBB\n", NZF_MIN_LINE_PUNCT, 3.0 / 4.0);
    /* short lines (<= 30 code points): the 5- and 30-letter lines, not the 31 */
    CHECK_SIGNAL("short\n"
                 "abcdefghijabcdefghijabcdefghijk\n"
                 "abcdefghijabcdefghijabcdefghij\n",
                 NZF_MAX_SHORT_LINES, 2.0 / 3.0);
    /* newlines per word: 2 of 3 */
    CHECK_SIGNAL("a b\nc\n", NZF_MAX_NEWLINE_RATIO, 2.0 / 3.0);

    nazif__filter_free(fc);
    return DONE("filter_signals");
}
