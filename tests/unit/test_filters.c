/* test_filters.c -- document filters (src/filters.c) and WARC headers (src/warc.c). */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "harness.h"

static double thr[NZF_N_PARAMS];

static const char *run(nazif__filter_ctx *fc, const char *text, unsigned filters)
{
    return nazif__filter_doc(fc, text, strlen(text), filters, thr, NULL);
}

static char *repeat(const char *s, int n)
{
    const size_t k = strlen(s);
    char *p = malloc(k * (size_t)n + 1);
    for (int i = 0; i < n; i++) memcpy(p + k * (size_t)i, s, k);
    p[k * (size_t)n] = 0;
    return p;
}

int main(void)
{
    for (int i = 0; i < NZF_N_PARAMS; i++) thr[i] = nazif__filter_params(i)->value;
    CHECK(nazif__filter_params(NZF_N_PARAMS) == NULL);
    nazif__filter_ctx *fc = NULL;
    CHECK(nazif__filter_new(&fc) == 0);

    /* script and language */
    nazif__script_counts sc;
    const char *ar = "وقال الوزير في مؤتمر صحفي إن الحكومة ستعمل على تنفيذ الخطة ";
    nazif__script_count(ar, strlen(ar), &sc);
    CHECK(sc.letters == sc.arabic && sc.letters > 30);
    CHECK_EQ_STR(nazif__script_lang(&sc, 0.5), "ar");
    const char *fa = "این یک متن فارسی است که برای آزمایش نوشته شده ";
    nazif__script_count(fa, strlen(fa), &sc);
    CHECK_EQ_STR(nazif__script_lang(&sc, 0.5), "fa");
    const char *ur = "یہ ایک اردو متن ہے جو جانچ کے لیے لکھا گیا ہے ";
    nazif__script_count(ur, strlen(ur), &sc);
    CHECK_EQ_STR(nazif__script_lang(&sc, 0.5), "ur");
    const char *en = "This is English text with one word عربي only";
    nazif__script_count(en, strlen(en), &sc);
    CHECK(nazif__script_lang(&sc, 0.5) == NULL);

    /* one reason each */
    CHECK_EQ_STR(run(fc, " \n\t", NAZIF__F_ALL), "empty");
    CHECK_EQ_STR(run(fc, en, NAZIF__F_LANG), "not_arabic");
    char *fa_doc = repeat(fa, 3);
    CHECK_EQ_STR(run(fc, fa_doc, NAZIF__F_LANG), "persian");
    CHECK_EQ_STR(run(fc, "خبر قصير.", NAZIF__F_LENGTH), "too_short");
    CHECK_EQ_STR(run(fc, "خبر قصير في المدينة.", NAZIF__F_GOPHER), "gopher_few_words");
    char *good = repeat("وقال الوزير في مؤتمر صحفي إن الحكومة ستعمل على تنفيذ الخطة الجديدة. ", 1);
    /* a real-looking article: varied sentences, punctuation at line ends */
    const char *art =
        "أعلنت وزارة الصحة اليوم عن إطلاق حملة وطنية للتلقيح ضد الأنفلونزا في كل الولايات.\n"
        "وقال المدير العام للصحة إن الحملة تستهدف كبار السن والأطفال والمصابين بأمراض مزمنة.\n"
        "وأضاف أن الجرعات متوفرة بالمراكز الصحية الأساسية مجانا طيلة شهرين على الأقل.\n"
        "ودعا المواطنين إلى الإقبال على التلقيح لتفادي المضاعفات خلال فصل الشتاء القادم.\n"
        "من جهتها أكدت نقابة الأطباء استعدادها للمشاركة في إنجاح هذه الحملة الوطنية الهامة.\n";
    CHECK(run(fc, art, NAZIF__F_ALL) == NULL);
    char *rep = repeat("أخبار عاجلة من المدينة اليوم\n", 30);
    CHECK_EQ_STR(run(fc, rep, NAZIF__F_REPETITION), "rep_dup_lines");
    thr[NZF_MAX_DUP_LINE_FRAC] = thr[NZF_MAX_DUP_PARA_FRAC] = 1;
    thr[NZF_MAX_DUP_LINE_CHAR_FRAC] = thr[NZF_MAX_DUP_PARA_CHAR_FRAC] = 1;
    CHECK_EQ_STR(run(fc, rep, NAZIF__F_REPETITION), "rep_top_2gram");
    thr[NZF_MAX_TOP_2GRAM] = thr[NZF_MAX_TOP_3GRAM] = thr[NZF_MAX_TOP_4GRAM] = 1;
    CHECK_EQ_STR(run(fc, rep, NAZIF__F_REPETITION), "rep_dup_5gram");
    for (int i = 0; i < NZF_N_PARAMS; i++) thr[i] = nazif__filter_params(i)->value;
    /* FineWeb: lines without final punctuation; Arabic ؟ counts as one */
    char *nopunct = repeat("قائمة الأخبار الرياضية والثقافية والاقتصادية في البلاد اليوم\n", 1);
    char *q = repeat("هل تنجح الحكومة في تنفيذ الإصلاحات الاقتصادية المنتظرة هذا العام؟\n", 1);
    double v = 0;
    CHECK_EQ_STR(nazif__filter_doc(fc, nopunct, strlen(nopunct), NAZIF__F_FINEWEB, thr, &v),
                 "fineweb_line_punct");
    CHECK(v == 0);
    CHECK(run(fc, q, NAZIF__F_FINEWEB) == NULL);
    /* stop words: Arabic list */
    char *nostop = repeat("الحكومة الوزير المدينة الحملة الصحة الولاية المواطنين الأطباء النقابة الشتاء. ", 6);
    CHECK_EQ_STR(run(fc, nostop, NAZIF__F_GOPHER), "gopher_stop_words");
    /* the stop words are counted only while the rule can still fire: with
       3 of them, a threshold of 2.5 keeps the document, 4 rejects it and
       reports 3, an infinite one (as filter_values measures) too */
    const size_t nsl = strlen(nostop);
    char *three = malloc(nsl + 64);
    strcpy(three, "في الحكومة من الوزير على ");
    strcat(three, nostop);
    const double t_stop = thr[NZF_MIN_STOP_WORDS];
    double v3 = -1;
    thr[NZF_MIN_STOP_WORDS] = 2.5;
    CHECK(run(fc, three, NAZIF__F_GOPHER) == NULL);
    thr[NZF_MIN_STOP_WORDS] = 3;
    CHECK(run(fc, three, NAZIF__F_GOPHER) == NULL);
    thr[NZF_MIN_STOP_WORDS] = 3.5;
    CHECK_EQ_STR(nazif__filter_doc(fc, three, strlen(three), NAZIF__F_GOPHER, thr, &v3),
                 "gopher_stop_words");
    CHECK(v3 == 3);
    thr[NZF_MIN_STOP_WORDS] = 1.0 / 0.0;
    v3 = -1;
    CHECK_EQ_STR(nazif__filter_doc(fc, three, strlen(three), NAZIF__F_GOPHER, thr, &v3),
                 "gopher_stop_words");
    CHECK(v3 == 3);
    thr[NZF_MIN_STOP_WORDS] = t_stop;
    free(three);
    /* two Persian words among Arabic ones: Arabic when more words have a
       letter only Arabic uses (ي ك ة ى), Persian when fewer do */
    CHECK(run(fc, "قال الوزير پژوهش گزارش في الحكومة الكبيرة مساء أمس", NAZIF__F_LANG) == NULL);
    CHECK(run(fc, "قال الوزير\vپژوهش\fگزارش في\xc2\xa0الحكومة", NAZIF__F_LANG) == NULL);
    CHECK_EQ_STR(run(fc, "پژوهش گزارش چگونه فارسی في الحكومة وزارة", NAZIF__F_LANG), "persian");
    CHECK(strcmp(nazif__filter_name(NAZIF__F_GOPHER), "gopher") == 0);
    CHECK(nazif__filter_name(3) == NULL);

    /* WARC headers */
    nazif__warc_header h;
    const char *w = "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://x/\r\n"
                    "content-length: 12\r\n\r\nhello world!";
    CHECK(nazif__warc_header_parse(w, strlen(w), &h) == 0);
    CHECK(h.content_length == 12 && h.type_len == 10 && h.header_len == strlen(w) - 12);
    CHECK(nazif__warc_header_parse(w, 20, &h) == NAZIF__WARC_MORE);
    CHECK(nazif__warc_header_parse("HTTP/1.1 200\r\n\r\n", 16, &h) == NAZIF__WARC_EBAD);
    CHECK(nazif__warc_header_parse("WARC/1.0\r\nContent-Length: 1x\r\n\r\n", 33, &h) == NAZIF__WARC_EBAD);
    CHECK(nazif__warc_header_parse("WARC/1.0\nWARC-Type: x\n\n", 23, &h) == NAZIF__WARC_EBAD);

    free(fa_doc); free(good); free(rep); free(nopunct); free(q); free(nostop);
    nazif__filter_free(fc);
    nazif__filter_free(NULL);
    return DONE("filters");
}
