/* test_corpus_api.c -- the public corpus tier (include/nazif_corpus.h):
 * WARC records to documents, HTTP bodies (chunked, gzip, deflate,
 * charset), the document processor and its batch call, the options
 * parser, near-duplicate clusters.  Public names only. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "harness.h"
#include "nazif_corpus.h"

static const char *ARTICLE =
    "<html><head><title>خبر</title><meta charset=utf-8></head><body><p>قال وزير الخارجية إن "
    "التـ.ـوتر في المنطقة يتطلب حلا سياسيا عاجلا.</p></body></html>";

/* gzip (or zlib with wbits 15, raw with -15) of s */
static size_t deflate_to(const char *s, size_t n, unsigned char *out, size_t cap, int wbits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (unsigned char *)(uintptr_t)s;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    deflate(&z, Z_FINISH);
    size_t m = cap - z.avail_out;
    deflateEnd(&z);
    return m;
}

static int process(nazif_corpus *cp, const char *record, nazif_doc_result *r, int *skip)
{
    nazif_warc_header h;
    if (nazif_warc_header_parse(record, strlen(record), &h) != 0) return -100;
    nazif_doc d;
    *skip = nazif_warc_record(&h, record + h.header_len, (size_t)h.content_length, &d);
    if (*skip != NAZIF_SKIP_NONE) return -101;
    return nazif_corpus_process(cp, &d, r);
}

/* a WARC response record around an HTTP header and a body */
static char *response(const char *http_head, const void *body, size_t blen)
{
    size_t hl = strlen(http_head);
    char *rec = malloc(hl + blen + 512);
    int k = sprintf(rec, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\n"
                         "Content-Length: %zu\r\n\r\n", hl + blen);
    memcpy(rec + k, http_head, hl);
    memcpy(rec + k + hl, body, blen);
    rec[k + hl + blen] = '\0';
    return rec;
}

int main(void)
{
    nazif_corpus_options o;
    nazif_corpus_options_init(&o);
    o.filters = 0;
    nazif_corpus *cp = NULL;
    CHECK(nazif_corpus_new(&cp, &o) == NAZIF_OK);
    nazif_doc_result r, plain;
    int skip = 0;

    /* plain HTML response: title line, restored word */
    char *rec = response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", ARTICLE, strlen(ARTICLE));
    CHECK(process(cp, rec, &plain, &skip) == NAZIF_OK);
    CHECK(plain.html == 1 && plain.skip == NAZIF_SKIP_NONE);
    CHECK(strncmp(plain.text, "خبر\n", strlen("خبر\n")) == 0);
    CHECK(strstr(plain.text, "التوتر") != NULL && strstr(plain.input, "التـ.ـوتر") != NULL);
    CHECK(plain.stats.restored_words == 1);
    char *want = strndup(plain.text, plain.text_len);
    free(rec);

    /* the same body gzip-coded and chunked: the same text */
    unsigned char gz[4096], chunked[8192];
    size_t gl = deflate_to(ARTICLE, strlen(ARTICLE), gz, sizeof gz, 15 + 16);
    size_t half = gl / 2;
    int cl = sprintf((char *)chunked, "%zx\r\n", half);
    memcpy(chunked + cl, gz, half);
    cl += (int)half;
    cl += sprintf((char *)chunked + cl, "\r\n%zx\r\n", gl - half);
    memcpy(chunked + cl, gz + half, gl - half);
    cl += (int)(gl - half);
    cl += sprintf((char *)chunked + cl, "\r\n0\r\n\r\n");
    rec = response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                   "Transfer-Encoding: chunked\r\n\r\n", chunked, (size_t)cl);
    {
        nazif_warc_header h;
        nazif_doc d;
        CHECK(nazif_warc_header_parse(rec, strlen(rec), &h) == 0);
        CHECK(nazif_warc_record(&h, rec + h.header_len, (size_t)h.content_length, &d) == NAZIF_SKIP_NONE);
        CHECK(d.coding == (NAZIF_CODING_GZIP | NAZIF_CODING_CHUNKED) && d.type == NAZIF_DOC_HTML);
        CHECK(d.url_len == strlen("http://x.example/a") && memcmp(d.url, "http://x.example/a", d.url_len) == 0);
    }
    CHECK(process(cp, rec, &r, &skip) == NAZIF_OK);
    CHECK(r.text_len == strlen(want) && memcmp(r.text, want, r.text_len) == 0);
    free(rec);
    /* deflate (zlib and raw) */
    for (int wb = 0; wb < 2; wb++) {
        gl = deflate_to(ARTICLE, strlen(ARTICLE), gz, sizeof gz, wb ? -15 : 15);
        rec = response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n\r\n", gz, gl);
        CHECK(process(cp, rec, &r, &skip) == NAZIF_OK);
        CHECK(r.text_len == strlen(want) && memcmp(r.text, want, r.text_len) == 0);
        free(rec);
    }
    /* a gzip body that does not inflate */
    rec = response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate\r\n\r\n", "\xff\xfe\xfd\xfc", 4);
    CHECK(process(cp, rec, &r, &skip) == NAZIF_OK && r.skip == NAZIF_SKIP_BAD_BODY && r.text_len == 0);
    free(rec);
    /* windows-1256 by the HTTP header; an unsupported charset */
    const char cp1256[] = "<p>\xc7\xe1\xca\xe6\xca\xd1</p>"; /* التوتر */
    rec = response("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\n\r\n", cp1256, strlen(cp1256));
    CHECK(process(cp, rec, &r, &skip) == NAZIF_OK && r.charset == NAZIF_CHARSET_WINDOWS_1256);
    CHECK(r.text_len == strlen("التوتر") && memcmp(r.text, "التوتر", r.text_len) == 0);
    free(rec);
    rec = response("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=shift_jis\r\n\r\n", "<p>x</p>", 8);
    CHECK(process(cp, rec, &r, &skip) == NAZIF_OK && r.skip == NAZIF_SKIP_CHARSET);
    free(rec);
    /* doc.charset overrides the Content-Type */
    {
        nazif_doc d;
        nazif_doc_init(&d);
        d.data = cp1256;
        d.len = strlen(cp1256);
        d.type = NAZIF_DOC_HTML;
        d.content_type = "text/html; charset=utf-8";
        d.content_type_len = strlen(d.content_type);
        d.charset = "cp1256";
        d.charset_len = 6;
        CHECK(nazif_corpus_process(cp, &d, &r) == NAZIF_OK && r.charset == NAZIF_CHARSET_WINDOWS_1256);
    }
    /* records that are not documents */
    rec = response("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n", "<p>x</p>", 8);
    CHECK(process(cp, rec, &r, &skip) == -101 && skip == NAZIF_SKIP_HTTP_STATUS);
    free(rec);
    rec = response("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n", "x", 1);
    CHECK(process(cp, rec, &r, &skip) == -101 && skip == NAZIF_SKIP_CONTENT_TYPE);
    CHECK_EQ_STR(nazif_skip_name(skip), "content_type");
    free(rec);
    rec = response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n", "x", 1);
    CHECK(process(cp, rec, &r, &skip) == -101 && skip == NAZIF_SKIP_ENCODING);
    free(rec);
    CHECK(nazif_skip_name(NAZIF_SKIP_COUNT) == NULL);
    nazif_corpus_free(cp);

    /* filters, script, MinHash; a batch gives what single calls give */
    nazif_corpus_options_init(&o);
    char err[NAZIF_ERROR_DETAIL_SIZE];
    CHECK(nazif_corpus_options_parse(&o, "filters=empty+lang min-chars=10 bands=4 rows=2 ngram=2 script=on strict=on",
                                     (size_t)-1, err, sizeof err) == NAZIF_OK);
    CHECK(o.filters == (NAZIF_FILTER_EMPTY | NAZIF_FILTER_LANG) && o.bands == 4 && o.rows == 2);
    CHECK(o.thr[nazif_filter_param_index("min-chars")] == 10.0);
    CHECK(o.flags == NAZIF_CORPUS_SCRIPT && (o.clean.flags & NAZIF_STRICT_UTF8));
    CHECK(nazif_corpus_options_parse(&o, "bands=5000", (size_t)-1, err, sizeof err) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "bad value \"5000\" for bands (a whole number 0..1024)");
    CHECK(nazif_corpus_options_parse(&o, "filters=lang+nope", (size_t)-1, err, sizeof err) == NAZIF_EINVAL);
    CHECK(nazif_corpus_options_parse(&o, "frobnicate=1", (size_t)-1, err, sizeof err) == NAZIF_EINVAL);
    CHECK(strncmp(err, "unknown option \"frobnicate\" (known: filters, ", 45) == 0);
    CHECK(nazif_corpus_options_parse(&o, "boilerplate=maybe", (size_t)-1, err, sizeof err) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "bad value \"maybe\" for boilerplate (drop, keep or article)");
    /* html=main|text: the main content (default) or the whole page */
    {
        nazif_corpus_options ho;
        nazif_corpus_options_init(&ho);
        CHECK(!(ho.flags & NAZIF_CORPUS_HTML_TEXT));
        CHECK(nazif_corpus_options_parse(&ho, "html=text", (size_t)-1, err, sizeof err) == NAZIF_OK);
        CHECK(ho.flags & NAZIF_CORPUS_HTML_TEXT);
        CHECK(nazif_corpus_options_parse(&ho, "html main", (size_t)-1, err, sizeof err) == NAZIF_OK);
        CHECK(!(ho.flags & NAZIF_CORPUS_HTML_TEXT));
        CHECK(nazif_corpus_options_parse(&ho, "html=all", (size_t)-1, err, sizeof err) == NAZIF_EINVAL);
        CHECK_EQ_STR(err, "bad value \"all\" for html (main or text)");
        static const char page[] =
            "<html><head><title>T</title><meta name=author content=\"Jane Roe\"></head><body><nav><a href=/>Home</a></nav>"
            "<ul class=menu><li><a href=/a>Sport</a></li><li><a href=/b>Politics</a></li></ul>"
            "<div class=article><h1>Head</h1><p>The council approved the budget on Tuesday after a long "
            "debate about transport.</p><p>Officials said the plan would be reviewed in the spring.</p></div>"
            "<div class=related><a href=/x>Mayor opens a bridge</a> <a href=/y>Schools get computers</a></div>"
            "</body></html>";
        nazif_doc d;
        nazif_doc_init(&d);
        d.data = page;
        d.len = sizeof page - 1;
        d.type = NAZIF_DOC_HTML;
        ho.filters = 0;
        nazif_corpus *hc;
        for (int mode = 0; mode < 2; mode++) {
            if (mode) ho.flags |= NAZIF_CORPUS_HTML_TEXT;
            else ho.flags &= ~NAZIF_CORPUS_HTML_TEXT;
            CHECK(nazif_corpus_new(&hc, &ho) == NAZIF_OK);
            CHECK(nazif_corpus_process(hc, &d, &r) == NAZIF_OK && r.html == 1);
            const char *want = mode ? "T\nSport\nPolitics\nHead\n"
                                      "The council approved the budget on Tuesday after a long debate about "
                                      "transport.\nOfficials said the plan would be reviewed in the spring.\n"
                                      "Mayor opens a bridge Schools get computers"
                                    : "Head\nThe council approved the budget on Tuesday after a long debate "
                                      "about transport.\nOfficials said the plan would be reviewed in the spring.";
            CHECK_MSG(r.input_len == strlen(want) && memcmp(r.input, want, r.input_len) == 0,
                      "mode %d: [%.*s]", mode, (int)r.input_len, r.input);
            /* the article's fields: main content only */
            CHECK_EQ_STR(r.article.headline, mode ? "" : "Head");
            CHECK_EQ_STR(r.article.author, mode ? "" : "Jane Roe");
            CHECK_EQ_STR(r.article.date, "");
            CHECK(r.article.found == !mode);
            nazif_corpus_free(hc);
        }
    }
    o.clean.flags = 0;
    CHECK(nazif_corpus_new(&cp, &o) == NAZIF_OK);
    const char *texts[] = {"قال وزير الخارجية إن التـ.ـوتر في المنطقة يتطلب حلا سياسيا",
                           "   \n", "This is English text only, nothing Arabic here at all.",
                           "قال وزير الخارجية إن التوتر في المنطقة يتطلب حلا سياسيا",
                           "\xff\xfe قال"};
    enum { N = 5 };
    nazif_doc docs[N];
    nazif_doc_result one[N], many[N];
    char *keep_text[N];
    uint64_t bk0[4];
    for (int i = 0; i < N; i++) {
        nazif_doc_init(&docs[i]);
        docs[i].data = texts[i];
        docs[i].len = strlen(texts[i]);
        nazif_corpus_process(cp, &docs[i], &one[i]);
        keep_text[i] = strndup(one[i].text, one[i].text_len);
        if (i == 0) memcpy(bk0, one[0].band_keys, sizeof bk0); /* valid until the next call */
    }
    CHECK(one[0].reason == NULL && one[0].lang && strcmp(one[0].lang, "ar") == 0);
    CHECK(one[0].nwords == 10 && one[4].signature && one[4].band_keys);
    CHECK(one[1].reason && strcmp(one[1].reason, "empty") == 0 && !one[1].has_value);
    CHECK(one[2].reason && strcmp(one[2].reason, "not_arabic") == 0 && one[2].has_value);
    CHECK(one[2].lang == NULL);
    CHECK(one[0].exact == one[3].exact); /* restored: the same words */
    CHECK(one[4].status == NAZIF_OK && one[4].stats.invalid_utf8 == 2);
    CHECK(nazif_corpus_process_batch(cp, docs, N, many) == NAZIF_OK);
    for (int i = 0; i < N; i++) {
        CHECK_MSG(many[i].text_len == strlen(keep_text[i]) && memcmp(many[i].text, keep_text[i], many[i].text_len) == 0, "doc %d", i);
        CHECK(many[i].exact == one[i].exact && many[i].nwords == one[i].nwords);
        CHECK((many[i].reason == NULL) == (one[i].reason == NULL));
        free(keep_text[i]);
    }
    CHECK(memcmp(many[0].band_keys, bk0, sizeof bk0) == 0 && memcmp(many[3].band_keys, bk0, sizeof bk0) == 0);
    CHECK(many[0].input != many[3].input && memcmp(many[0].input, texts[0], strlen(texts[0])) == 0);
    nazif_corpus_free(cp);

    /* strict UTF-8: the error and where */
    nazif_corpus_options_init(&o);
    o.clean.flags = NAZIF_STRICT_UTF8;
    CHECK(nazif_corpus_new(&cp, &o) == NAZIF_OK);
    CHECK(nazif_corpus_process(cp, &docs[4], &r) == NAZIF_EUTF8 && r.error_offset == 0 && r.text_len == 0);
    nazif_corpus_free(cp);

    /* clusters: 0-2 share a band, 3 shares 2's exact hash, 4 alone, 5 no signature */
    const uint64_t bands[6 * 2] = {1, 10, 2, 10, 3, 30, 4, 40, 5, 50, 1, 10};
    const uint64_t exact[6] = {100, 200, 300, 300, 500, 100};
    const unsigned char valid[6] = {1, 1, 1, 1, 1, 0};
    size_t root[6];
    CHECK(nazif_dedup_clusters(6, 2, bands, exact, valid, root) == NAZIF_OK);
    CHECK(root[0] == 0 && root[1] == 0 && root[2] == 2 && root[3] == 2 && root[4] == 4 && root[5] == 5);
    free(want);
    return DONE("corpus_api");
}
