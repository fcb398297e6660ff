/* test_linefreq.c -- per-site repeated-line counts (src/linefreq.c,
 * include/nazif_linefreq.h): counting once per document, normalisation,
 * hosts kept apart, merging as a reduction (any split, any order gives
 * the same table), serialisation round trip and malformed input, URL
 * hosts.
 */
#include "harness.h"
#include "nazif_corpus.h"
#include "nazif_linefreq.h"

#include <stdlib.h>
#include <string.h>

#define S(x) x, strlen(x)

/* A page of site `n`: furniture lines shared by every page, one article
   line of its own. */
static void page(char *buf, size_t cap, int n)
{
    static const char *const topic[] = {"الزراعة", "التعليم", "الصحة",
                                        "النقل", "الطاقة", "المياه"};
    snprintf(buf, cap,
             "الرئيسية\n"
             "شارك الخبر\n"
             "خبر عن %s في المدينة.\n"
             "تعليقات (%d)\n"
             "© %d موقع المثال\n",
             topic[n % 6], n * 3, 2020 + n % 3);
}

static void test_counts(void)
{
    nazif_linefreq *lf = nazif_linefreq_new();
    CHECK(lf != NULL);
    char buf[512];
    for (int k = 0; k < 6; k++) {
        page(buf, sizeof buf, k);
        CHECK(nazif_linefreq_add(lf, S("www.example.com"), S(buf)) == 0);
    }
    /* the same host however it is written */
    CHECK(nazif_linefreq_docs(lf, S("example.com")) == 6);
    CHECK(nazif_linefreq_docs(lf, S("WWW.Example.COM")) == 6);
    CHECK(nazif_linefreq_docs(lf, S("other.org")) == 0);
    /* shared lines: on every page; normalisation ignores harakat, tatweel
       and punctuation at the ends */
    CHECK(nazif_linefreq_count(lf, S("example.com"), S("الرئيسية")) == 6);
    CHECK(nazif_linefreq_count(lf, S("example.com"), S("شـارِك الخبر:")) == 6);
    /* digits are all one digit: the counter and the year differ per page */
    CHECK(nazif_linefreq_count(lf, S("example.com"), S("تعليقات (7)")) == 6);
    CHECK(nazif_linefreq_count(lf, S("example.com"), S("© 2031 موقع المثال")) == 6);
    CHECK(nazif_linefreq_repeated(lf, S("example.com"), S("الرئيسية"), 0));
    CHECK(!nazif_linefreq_repeated(lf, S("example.com"), S("الرئيسية"), 7));
    /* an article line: its own page only */
    CHECK(nazif_linefreq_count(lf, S("example.com"),
                               S("خبر عن الصحة في المدينة.")) == 1);
    CHECK(!nazif_linefreq_repeated(lf, S("example.com"),
                                   S("خبر عن الصحة في المدينة."), 0));
    CHECK(nazif_linefreq_count(lf, S("example.com"), S("سطر لم يرد أبدا")) == 0);
    /* other sites share nothing */
    CHECK(nazif_linefreq_count(lf, S("other.org"), S("الرئيسية")) == 0);
    /* blank and punctuation-only lines are not counted */
    CHECK(nazif_linefreq_count(lf, S("example.com"), S("  ... ")) == 0);
    nazif_linefreq_free(lf);
}

/* A line repeated inside one document counts once. */
static void test_once_per_doc(void)
{
    nazif_linefreq *lf = nazif_linefreq_new();
    const char *doc = "اقرأ أيضا\nعنوان\nاقرأ أيضا\nاقرأ أيضاً:\n";
    CHECK(nazif_linefreq_add(lf, S("a.net"), S(doc)) == 0);
    CHECK(nazif_linefreq_count(lf, S("a.net"), S("اقرأ أيضا")) == 1);
    CHECK(nazif_linefreq_add(lf, S("a.net"), S(doc)) == 0);
    CHECK(nazif_linefreq_count(lf, S("a.net"), S("اقرأ أيضا")) == 2);
    CHECK(nazif_linefreq_docs(lf, S("a.net")) == 2);
    CHECK(nazif_linefreq_size(lf) == 2);
    CHECK(nazif_linefreq_hosts(lf) == 1);
    nazif_linefreq_free(lf);
}

/* Counting is a reduction: split the corpus in parts, count each, merge
   in another order: the same bytes as counting it in one go. */
static void test_merge(void)
{
    char buf[512];
    nazif_linefreq *all = nazif_linefreq_new();
    nazif_linefreq *part[3];
    for (int p = 0; p < 3; p++) part[p] = nazif_linefreq_new();
    for (int k = 0; k < 30; k++) {
        page(buf, sizeof buf, k);
        const char *host = k % 2 ? "a.example" : "b.example";
        CHECK(nazif_linefreq_add(all, host, strlen(host), S(buf)) == 0);
        CHECK(nazif_linefreq_add(part[k % 3], host, strlen(host), S(buf)) == 0);
    }
    nazif_linefreq *m = nazif_linefreq_new();
    CHECK(nazif_linefreq_merge(m, part[2]) == 0);
    CHECK(nazif_linefreq_merge(m, part[0]) == 0);
    CHECK(nazif_linefreq_merge(m, part[1]) == 0);
    uint8_t *b1 = NULL, *b2 = NULL;
    size_t n1 = 0, n2 = 0;
    CHECK(nazif_linefreq_save(all, &b1, &n1) == 0);
    CHECK(nazif_linefreq_save(m, &b2, &n2) == 0);
    CHECK(n1 == n2 && n1 > 0 && memcmp(b1, b2, n1) == 0);
    CHECK(nazif_linefreq_docs(m, S("a.example")) == 15);
    CHECK(nazif_linefreq_count(m, S("b.example"), S("الرئيسية")) == 15);

    /* round trip */
    nazif_linefreq *back = nazif_linefreq_load(b1, n1);
    CHECK(back != NULL);
    if (back) {
        uint8_t *b3 = NULL;
        size_t n3 = 0;
        CHECK(nazif_linefreq_save(back, &b3, &n3) == 0);
        CHECK(n3 == n1 && memcmp(b1, b3, n1) == 0);
        CHECK(nazif_linefreq_count(back, S("a.example"), S("شارك الخبر")) == 15);
        free(b3);
        nazif_linefreq_free(back);
    }
    /* malformed: every truncation, a bad magic, trailing bytes */
    for (size_t cut = 0; cut < n1; cut += 7)
        CHECK(nazif_linefreq_load(b1, cut) == NULL);
    b1[0] = 'X';
    CHECK(nazif_linefreq_load(b1, n1) == NULL);
    b1[0] = 'N';
    uint8_t *longer = malloc(n1 + 1);
    memcpy(longer, b1, n1);
    longer[n1] = 0;
    CHECK(nazif_linefreq_load(longer, n1 + 1) == NULL);
    free(longer);
    free(b1);
    free(b2);
    nazif_linefreq_free(all);
    nazif_linefreq_free(m);
    for (int p = 0; p < 3; p++) nazif_linefreq_free(part[p]);
}

static void test_hosts(void)
{
    const char *h = NULL;
    size_t n = nazif_url_host(S("https://www.Site.com:8080/a/b?c"), &h);
    CHECK(n == 12 && memcmp(h, "www.Site.com", 12) == 0);
    n = nazif_url_host(S("http://user:pw@news.example.org/x"), &h);
    CHECK(n == 16 && memcmp(h, "news.example.org", 16) == 0);
    n = nazif_url_host(S("https://[2001:db8::1]:443/"), &h);
    CHECK(n == 13 && memcmp(h, "[2001:db8::1]", 13) == 0);
    n = nazif_url_host(S("http://example.net"), &h);
    CHECK(n == 11 && memcmp(h, "example.net", 11) == 0);
    CHECK(nazif_url_host(S("/relative/path"), &h) == 0);
    CHECK(nazif_url_host(S("mailto:x@y"), &h) == 0);
    CHECK(nazif_url_host(S(""), &h) == 0);
}

/* ---- the cleaner with counts ------------------------------------------- */

typedef struct drops {
    int n;
    char what[16][160];
    char why[16][96];
} drops;

static int on_change(void *ctx, const nazif_change *ch)
{
    drops *d = ctx;
    if (ch->kind != NAZIF_CHANGE_DROP || d->n >= 16) return 0;
    snprintf(d->what[d->n], sizeof d->what[0], "%.*s", (int)ch->length,
             ch->original);
    snprintf(d->why[d->n], sizeof d->why[0], "%s", ch->evidence);
    d->n++;
    return 0;
}

static char *clean_with(const nazif_linefreq *lf, const char *host,
                        const char *doc, drops *d)
{
    nazif_clean_options o;
    nazif_clean_options_init(&o);
    o.on_change = on_change;
    o.ctx = d;
    nazif_cleaner *c = NULL;
    if (nazif_cleaner_new(&c, &o) != NAZIF_OK) return NULL;
    /* 4: the article's own headline stands on four pages (its own and
       three lists of other pages' headlines) */
    CHECK(nazif_cleaner_set_linefreq(c, lf, host, host ? strlen(host) : 0, 4) == NAZIF_OK);
    size_t len = strlen(doc), cap = 2 * len + 64;
    char *out = malloc(cap);
    nazif_inbuf ib = {doc, len, 0};
    nazif_outbuf ob = {out, cap - 1, 0};
    int rc = nazif_cleaner_stream(c, &ib, &ob);
    if (rc == NAZIF_OK) rc = nazif_cleaner_finish(c, &ob);
    CHECK(rc == NAZIF_OK);
    out[ob.pos] = '\0';
    nazif_cleaner_free(c);
    return out;
}

/* A site's pages: an unlisted slogan and a newsletter line repeat on each
   (no phrase list knows them); each article's headline also stands in the
   others' lists of headlines. */
static const char *const heads[] = {
    "البلدية تفتتح حديقة جديدة في الحي الشرقي",
    "ارتفاع أسعار الخضار في أسواق المدينة",
    "انطلاق مهرجان الربيع بمشاركة فرق محلية",
    "افتتاح مكتبة عامة في وسط المدينة",
    "إغلاق طريق الكورنيش لأعمال الصيانة",
    "توزيع مقاعد دراسية على مدارس الريف",
};

/* The slogan has four words: a one-to-three-word line over the title is a
   section label to the single-document model already, and this page must
   show what the repetition counts add. */
static void site_page(char *buf, size_t cap, int k)
{
    static const char *const topic[] = {"الحديقة", "السوق", "المهرجان",
                                        "المكتبة", "الطريق", "المدارس"};
    snprintf(buf, cap,
             "صوت المدينة الحر والمستقل\n"
             "%s\n"
             "قال مسؤول محلي إن العمل في مشروع %s بدأ هذا الأسبوع وسيستمر شهرين.\n"
             "وأضاف أن السكان سيستفيدون من المشروع بعد اكتماله.\n"
             "نشرتنا اليومية كل صباح في بريدك\n"
             "%s\n%s\n%s\n",
             heads[k], topic[k], heads[(k + 1) % 6], heads[(k + 2) % 6],
             heads[(k + 3) % 6]);
}

static void test_cleaner_hook(void)
{
    char buf[2048];
    nazif_linefreq *lf = nazif_linefreq_new();
    for (int k = 0; k < 6; k++) {
        site_page(buf, sizeof buf, k);
        CHECK(nazif_linefreq_add(lf, S("city.example"), S(buf)) == 0);
    }
    site_page(buf, sizeof buf, 0);
    drops d = {0};
    char *out = clean_with(lf, "city.example", buf, &d);
    CHECK(out != NULL);
    if (!out) return;
    /* the slogan and the newsletter line go, as repetition */
    CHECK(strstr(out, "صوت المدينة الحر") == NULL);
    CHECK(strstr(out, "نشرتنا اليومية") == NULL);
    int rep = 0;
    for (int k = 0; k < d.n; k++)
        if (strncmp(d.why[k], "repetition: repeated_line", 25) == 0) rep++;
    CHECK_MSG(rep >= 2, "%d repetition drops", rep);
    /* the article's headline (followed by its paragraph) and its text stay,
       though the headline is on four pages and the second sentence on all
       six (a sentence needs 4 x 4 pages) */
    CHECK(strstr(out, heads[0]) != NULL);
    CHECK(strstr(out, "قال مسؤول محلي") != NULL);
    CHECK(strstr(out, "وأضاف أن السكان") != NULL);
    free(out);

    /* another site, or no table: nothing dropped for repetition */
    d.n = 0;
    out = clean_with(lf, "other.example", buf, &d);
    CHECK(out && strstr(out, "صوت المدينة الحر") != NULL);
    free(out);
    d.n = 0;
    out = clean_with(NULL, NULL, buf, &d);
    CHECK(out && strstr(out, "نشرتنا اليومية") != NULL);
    free(out);
    /* a host longer than the cleaner keeps is refused */
    nazif_cleaner *c = NULL;
    CHECK(nazif_cleaner_new(&c, NULL) == NAZIF_OK);
    static char longhost[300];
    memset(longhost, 'a', sizeof longhost);
    CHECK(nazif_cleaner_set_linefreq(c, lf, longhost, sizeof longhost, 0) == NAZIF_EINVAL);
    nazif_cleaner_free(c);
    nazif_linefreq_free(lf);
}

/* s in the clean text of r, or NULL. */
static const char *has(const nazif_doc_result *r, const char *s)
{
    static char t[4096];
    size_t n = r->text_len < sizeof t - 1 ? r->text_len : sizeof t - 1;
    memcpy(t, r->text, n);
    t[n] = '\0';
    return strstr(t, s);
}

/* The corpus tier: nazif_corpus_count() and nazif_corpus_set_linefreq(),
   the site from doc->url or doc->site, streaming counts. */
static void test_corpus_tier(void)
{
    char buf[2048];
    nazif_corpus *cp = NULL;
    CHECK(nazif_corpus_new(&cp, NULL) == NAZIF_OK);
    if (!cp) return;
    nazif_linefreq *lf = nazif_linefreq_new();
    nazif_doc d;
    nazif_doc_result r;
    /* counting: the site is the host of the URL, or doc->site */
    for (int k = 0; k < 6; k++) {
        site_page(buf, sizeof buf, k);
        nazif_doc_init(&d);
        d.data = buf;
        d.len = strlen(buf);
        if (k % 2) {
            d.url = "https://WWW.City.example/news/1";
            d.url_len = strlen(d.url);
        } else {
            d.site = "city.example";
            d.site_len = strlen(d.site);
        }
        CHECK(nazif_corpus_count(cp, &d, lf, &r) == NAZIF_OK);
        CHECK(r.site_len > 0);
    }
    CHECK(nazif_linefreq_docs(lf, S("city.example")) == 6);
    CHECK(nazif_linefreq_count(lf, S("city.example"), S("صوت المدينة الحر والمستقل")) == 6);
    /* no site: not counted */
    nazif_doc_init(&d);
    d.data = buf;
    d.len = strlen(buf);
    d.url = "not an url";
    d.url_len = strlen(d.url);
    CHECK(nazif_corpus_count(cp, &d, lf, &r) == NAZIF_OK && r.site_len == 0);
    CHECK(nazif_linefreq_docs(lf, S("city.example")) == 6);

    /* cleaning with the table: the repeated slogan goes, counted in
       lines_repeated; the headline and the article stay */
    CHECK(nazif_corpus_set_linefreq(cp, lf, 0, 0x80u) == NAZIF_EINVAL);
    CHECK(nazif_corpus_set_linefreq(cp, lf, 0, 0) == NAZIF_OK);
    site_page(buf, sizeof buf, 0);
    nazif_doc_init(&d);
    d.data = buf;
    d.len = strlen(buf);
    d.url = "http://city.example/a";
    d.url_len = strlen(d.url);
    CHECK(nazif_corpus_process(cp, &d, &r) == NAZIF_OK);
    CHECK(r.lines_repeated >= 2);
    CHECK(r.stats.lines_dropped >= r.lines_repeated);
    CHECK(r.site_len == strlen("city.example"));
    CHECK(has(&r, "صوت المدينة الحر") == NULL);
    CHECK(has(&r, heads[0]) != NULL);
    CHECK(has(&r, "قال مسؤول محلي") != NULL);
    /* another site: nothing repeated */
    d.url = "http://town.example/a";
    d.url_len = strlen(d.url);
    CHECK(nazif_corpus_process(cp, &d, &r) == NAZIF_OK && r.lines_repeated == 0);
    /* detached: nothing repeated */
    CHECK(nazif_corpus_set_linefreq(cp, NULL, 0, 0) == NAZIF_OK);
    d.url = "http://city.example/a";
    d.url_len = strlen(d.url);
    CHECK(nazif_corpus_process(cp, &d, &r) == NAZIF_OK && r.lines_repeated == 0);

    /* streaming: each document counted just before it is cleaned; the
       slogan goes from the fifth page of the site on (min_docs 5) */
    nazif_linefreq *st = nazif_linefreq_new();
    CHECK(nazif_corpus_set_linefreq(cp, st, 5, NAZIF_LINEFREQ_STREAM) == NAZIF_OK);
    for (int k = 0; k < 6; k++) {
        site_page(buf, sizeof buf, k);
        nazif_doc_init(&d);
        d.data = buf;
        d.len = strlen(buf);
        d.site = "city.example";
        d.site_len = strlen(d.site);
        CHECK(nazif_corpus_process(cp, &d, &r) == NAZIF_OK);
        const int gone = has(&r, "صوت المدينة الحر") == NULL;
        CHECK_MSG(gone == (k >= 4), "page %d: slogan %s", k + 1, gone ? "dropped" : "kept");
    }
    CHECK(nazif_linefreq_docs(st, S("city.example")) == 6);
    nazif_linefreq_free(st);
    nazif_linefreq_free(lf);
    nazif_corpus_free(cp);
}

int main(void)
{
    test_corpus_tier();
    test_cleaner_hook();
    test_counts();
    test_once_per_doc();
    test_merge();
    test_hosts();
    return DONE("linefreq");
}
