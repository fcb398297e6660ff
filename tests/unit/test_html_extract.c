/* test_html_extract.c -- main-content extraction (src/html_extract.c,
 * nazif_html_extract): what is kept, what is dropped, metadata, charsets,
 * hostile input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"

static char out[1 << 20];
static nazif_html_article art;
static nazif_html_info info;
static int last_rc;

static const char *ext_n(const char *html, size_t len, unsigned flags, const char *ct)
{
    nazif_html_options o;
    nazif_html_options_init(&o);
    o.flags = flags;
    o.content_type = ct;
    o.content_type_len = ct ? strlen(ct) : 0;
    size_t n = 0;
    last_rc = nazif_html_extract(html, len, &o, out, sizeof out - 1, &n, &info, &art);
    if (last_rc != NAZIF_OK) return "(error)";
    out[n] = 0;
    return out;
}

static const char *ext(const char *html)
{
    return ext_n(html, strlen(html), 0, NULL);
}

/* English paragraphs of prose */
#define P1 "The city council approved the new budget on Tuesday, after a long debate about the cost of public transport and schools."
#define P2 "Officials said the plan would be reviewed again in the spring, when the final figures for the year are known to the council."
#define P3 "Residents who spoke at the meeting asked for more money for the libraries, which have been closed on Sundays since last year."

static const char *page_en =
    "<!DOCTYPE html><html><head><title>Budget approved | City News</title>"
    "<meta property=\"og:title\" content=\"Council approves the budget\">"
    "<meta name=\"author\" content=\"Jane Roe\">"
    "<script>var x = '<p>not text</p>';</script></head><body>"
    "<header class=\"site-header\"><a href=/>City News</a><nav><ul><li><a href=/a>Home</a></li>"
    "<li><a href=/b>Politics</a></li><li><a href=/c>Sport</a></li></ul></nav></header>"
    "<div class=\"layout\"><div class=\"main-column\"><article>"
    "<h1>Council approves the budget</h1>"
    "<div class=\"byline\">By Jane Roe, <time datetime=\"2024-03-05T10:00:00Z\">5 March</time></div>"
    "<div class=\"share-buttons\"><a href=#>Facebook</a> <a href=#>Twitter</a></div>"
    "<div class=\"article-body\"><p>" P1 "</p><p>" P2 "</p>"
    "<div class=\"ad-slot\">Advertisement</div><p>" P3 "</p></div>"
    "<div class=\"related-articles\"><h3>Related</h3><ul><li><a href=/x>Mayor opens a new bridge over the river</a></li>"
    "<li><a href=/y>Schools get new computers for the new year</a></li></ul></div>"
    "</article></div><aside class=\"sidebar\"><h3>Most read</h3><ol><li><a href=/m>Storm closes the port for two days</a></li></ol></aside></div>"
    "<div id=\"comments\"><p>Great article, thanks for writing this, I agree with every word of it.</p></div>"
    "<footer><p>Copyright 2024 City News. All rights reserved.</p></footer></body></html>";

static void test_english_page(void)
{
    CHECK_EQ_STR(ext(page_en), P1 "\n" P2 "\n" P3);
    CHECK(art.found == 1);
    CHECK_EQ_STR(art.headline, "Council approves the budget");
    CHECK_EQ_STR(art.author, "Jane Roe");
    CHECK_EQ_STR(art.date, "2024-03-05T10:00:00Z");
    /* with NAZIF_HTML_TITLE the headline is the first line */
    CHECK_EQ_STR(ext_n(page_en, strlen(page_en), NAZIF_HTML_TITLE, NULL),
                 "Council approves the budget\n" P1 "\n" P2 "\n" P3);
    /* the single pass keeps the related list and the comments */
    size_t n = 0;
    static char t[1 << 16];
    CHECK(nazif_html_to_text(page_en, strlen(page_en), NULL, t, sizeof t - 1, &n, NULL) == NAZIF_OK);
    t[n] = 0;
    CHECK(strstr(t, "Mayor opens") != NULL && strstr(t, "Great article") != NULL);
}

/* Arabic, UTF-8: an RTL news page with a related list (اقرأ أيضا), a share
   bar, JSON-LD metadata */
#define AP1 "قال المتحدث باسم وزارة الصحة إن المستشفى الجديد في القاهرة سيفتح أبوابه للمرضى في الأسبوع المقبل، بعد أن اكتملت أعمال البناء."
#define AP2 "وأضاف أن المستشفى يضم مئتي سرير وقسما للطوارئ يعمل على مدار الساعة، وأن الوزارة عينت فيه أكثر من ثلاثمئة طبيب وممرض."
#define AP3 "وكانت الحكومة قد أعلنت عن خطة لبناء عشرة مستشفيات جديدة في المحافظات خلال السنوات الخمس المقبلة."

static const char *page_ar =
    "<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>مستشفى جديد - اليوم</title>"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"افتتاح \\u0645ستشفى جديد\","
    "\"datePublished\":\"2024-05-01\",\"author\":{\"@type\":\"Person\",\"name\":\"أحمد علي\"}}</script></head>"
    "<body><div class=\"menu\"><a href=/>الرئيسية</a> <a href=/n>أخبار</a> <a href=/s>رياضة</a></div>"
    "<div class=\"news-details\"><h1>افتتاح مستشفى جديد</h1>"
    "<div class=\"social\"><a href=#>شارك</a> <a href=#>تويتر</a></div>"
    "<p>" AP1 "</p><p>" AP2 "</p>"
    "<div class=\"read-also\"><b>اقرأ أيضا:</b> <a href=/r1>وزير الصحة يتفقد مستشفيات الجيزة</a></div>"
    "<p>" AP3 "</p></div>"
    "<div class=\"more-news\"><ul><li><a href=/1>ارتفاع أسعار الذهب في السوق المحلية اليوم</a></li>"
    "<li><a href=/2>الأرصاد: طقس حار على أغلب الأنحاء غدا</a></li>"
    "<li><a href=/3>الزمالك يفوز على الأهلي في الدوري العام</a></li></ul></div>"
    "<footer>جميع الحقوق محفوظة</footer></body></html>";

static void test_arabic_page(void)
{
    CHECK_EQ_STR(ext(page_ar), AP1 "\n" AP2 "\n" AP3);
    CHECK_EQ_STR(art.headline, "افتتاح مستشفى جديد"); /* JSON-LD, \u0645 decoded */
    CHECK_EQ_STR(art.date, "2024-05-01");
    CHECK_EQ_STR(art.author, "أحمد علي");
}

/* the same sentence in windows-1256 and ISO-8859-6 */
#define CP1256_S "\xdd\xed\x20\xc7\xe1\xde\xc7\xe5\xd1\xc9\xa1\x20\xde\xc7\xe1\x20\xc7\xe1\xe3\xca\xcd\xcf\xcb\x20\xc5\xe4\x20\xc7\xe1\xe3\xd3\xca\xd4\xdd\xec\x20\xc7\xe1\xcc\xcf\xed\xcf\x20\xd3\xed\xdd\xca\xcd\x20\xc3\xc8\xe6\xc7\xc8\xe5\x20\xe1\xe1\xe3\xd1\xd6\xec\x20\xdd\xed\x20\xc7\xe1\xc3\xd3\xc8\xe6\xda\x20\xc7\xe1\xe3\xde\xc8\xe1\x2e"
#define ISO6_S "\xe1\xea\x20\xc7\xe4\xe2\xc7\xe7\xd1\xc9\xac\x20\xe2\xc7\xe4\x20\xc7\xe4\xe5\xca\xcd\xcf\xcb\x20\xc5\xe6\x20\xc7\xe4\xe5\xd3\xca\xd4\xe1\xe9\x20\xc7\xe4\xcc\xcf\xea\xcf\x20\xd3\xea\xe1\xca\xcd\x20\xc3\xc8\xe8\xc7\xc8\xe7\x20\xe4\xe4\xe5\xd1\xd6\xe9\x20\xe1\xea\x20\xc7\xe4\xc3\xd3\xc8\xe8\xd9\x20\xc7\xe4\xe5\xe2\xc8\xe4\x2e"
#define UTF8_S "في القاهرة، قال المتحدث إن المستشفى الجديد سيفتح أبوابه للمرضى في الأسبوع المقبل."

static void test_charsets(void)
{
    static const char p1256[] =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head>"
        "<body><div class=nav><a href=/>x</a><a href=/>y</a></div><div class=text><p>" CP1256_S "</p><p>" CP1256_S
        "</p></div></body></html>";
    CHECK_EQ_STR(ext(p1256), UTF8_S "\n" UTF8_S);
    CHECK(info.charset == NAZIF_CHARSET_WINDOWS_1256 && info.charset_source == NAZIF_CHARSET_FROM_META);
    static const char piso[] = "<body><div><p>" ISO6_S "</p><p>" ISO6_S "</p></div></body>";
    CHECK_EQ_STR(ext_n(piso, strlen(piso), 0, "text/html; charset=ISO-8859-6"), UTF8_S "\n" UTF8_S);
    CHECK(info.charset == NAZIF_CHARSET_ISO_8859_6 && info.charset_source == NAZIF_CHARSET_FROM_HTTP);
    /* nothing declared, bytes not UTF-8: windows-1256 as in nazif_html_to_text() */
    static const char psniff[] = "<div><p>" CP1256_S "</p><p>" CP1256_S "</p></div>";
    CHECK_EQ_STR(ext(psniff), UTF8_S "\n" UTF8_S);
    CHECK(info.charset_source == NAZIF_CHARSET_FROM_SNIFF);
    /* a windows-1256 og:title */
    static const char pmeta[] = "<meta charset=cp1256><meta property=og:title content=\"" CP1256_S "\">"
                                "<div><p>" CP1256_S "</p><p>" CP1256_S "</p></div>";
    ext(pmeta);
    CHECK_EQ_STR(art.headline, UTF8_S);
    /* JSON-LD of a windows-1256 page: raw bytes in its charset, or \u escapes */
    static const char pld[] = "<meta charset=cp1256><script type=application/ld+json>"
                              "{\"headline\": \"" CP1256_S "\", \"author\": [{\"name\": \"\\u0639\\u0644\\u064a\"}]}"
                              "</script><div><p>" CP1256_S "</p><p>" CP1256_S "</p></div>";
    ext(pld);
    CHECK_EQ_STR(art.headline, UTF8_S);
    CHECK_EQ_STR(art.author, "علي");
}

/* tag soup: implicit closes and unclosed elements keep the text in order */
static void test_tag_soup(void)
{
    CHECK_EQ_STR(ext("<div><p>" P1 "<p>" P2 "<p>" P3 "</div>"), P1 "\n" P2 "\n" P3);
    CHECK_EQ_STR(ext("<div><p>" P1 "<div>" P2 "</p></span></b>" P3), P1 "\n" P2 "\n" P3);
    /* inline markup joins words as written */
    CHECK_EQ_STR(ext("<div><p>" P1 " <b>Bold</b>er and<i> it</i>alic.</p><p>" P2 "</p></div>"),
                 P1 " Bolder and italic.\n" P2);
    /* </script> in a script string ends the script, as in browsers: the rest is text */
    const char *s = ext("<div><script>var a = \"</script>\";</script><p>" P1 "</p><p>" P2 "</p></div>");
    CHECK(strstr(s, P1) != NULL && strstr(s, "var a") == NULL);
}

/* no paragraph anywhere: the whole page's text, as nazif_html_to_text() gives it */
static void test_fallback(void)
{
    static const char p[] = "<ul><li>one</li><li>two</li></ul><nav>menu</nav>";
    CHECK_EQ_STR(ext(p), "one\ntwo");
    CHECK(art.found == 0);
    CHECK_EQ_STR(ext(""), "");
    CHECK(last_rc == NAZIF_OK);
    /* the headline fills the buffer exactly and the page's text follows:
       1 (cut), not NAZIF_OK */
    static const char t[] = "<title>Headline</title><ul><li>one</li></ul>";
    CHECK_EQ_STR(ext_n(t, strlen(t), NAZIF_HTML_TITLE, NULL), "Headline\none");
    char small[16];
    size_t n = 0;
    nazif_html_options o;
    nazif_html_options_init(&o);
    o.flags = NAZIF_HTML_TITLE;
    CHECK(nazif_html_extract(t, strlen(t), &o, small, 8, &n, NULL, NULL) == 1 && n == 8);
    CHECK(nazif_html_extract(t, strlen(t), &o, small, 9, &n, NULL, NULL) == 1 && n == 8);
    CHECK(nazif_html_extract(t, strlen(t), &o, small, 12, &n, NULL, NULL) == NAZIF_OK && n == 12);
}

static void test_errors(void)
{
    size_t n = 99;
    CHECK(nazif_html_extract(NULL, 3, NULL, out, sizeof out, &n, NULL, NULL) == NAZIF_EINVAL);
    CHECK(nazif_html_extract("x", 1, NULL, out, sizeof out, NULL, NULL, NULL) == NAZIF_EINVAL);
    nazif_html_options o;
    nazif_html_options_init(&o);
    o.version = 99;
    CHECK(nazif_html_extract("x", 1, &o, out, sizeof out, &n, NULL, NULL) == NAZIF_EINVAL);
    /* a small buffer: 1 and a prefix of the full text, cut at a character */
    ext(page_ar);
    static char full[1 << 16];
    strcpy(full, out);
    const size_t fl = strlen(full);
    for (size_t cap = 0; cap < fl; cap += 7) {
        static char cut[1 << 16];
        size_t m = 0;
        const int rc = nazif_html_extract(page_ar, strlen(page_ar), NULL, cut, cap, &m, NULL, NULL);
        CHECK_MSG(rc == 1 && m <= cap && memcmp(cut, full, m) == 0 && nazif_utf8_valid(cut, m),
                  "cap %zu", cap);
    }
}

/* hostile input: a clear result, no crash (ASan in make asan) */
static void test_hostile(void)
{
    const size_t N = 100000;
    char *h = malloc(N * 12 + 1024);
    /* 100k nested elements, then text: the text is kept */
    size_t o = 0;
    for (size_t i = 0; i < N; i++) memcpy(h + o, "<div>", 5), o += 5;
    o += (size_t)sprintf(h + o, "<p>%s</p><p>%s</p>", P1, P2);
    const char *r = ext_n(h, o, 0, NULL);
    CHECK(last_rc == NAZIF_OK && strstr(r, P1) != NULL && strstr(r, P2) != NULL);
    /* the same closed again */
    for (size_t i = 0; i < N; i++) memcpy(h + o, "</div>", 6), o += 6;
    r = ext_n(h, o, 0, NULL);
    CHECK(last_rc == NAZIF_OK && strstr(r, P1) != NULL);
    /* 100k unclosed inline and unknown elements, and 100k stray end tags */
    o = 0;
    for (size_t i = 0; i < N; i++) memcpy(h + o, i & 1 ? "<b>" : "<x-y>", i & 1 ? 3 : 5), o += i & 1 ? 3 : 5;
    for (size_t i = 0; i < N; i++) memcpy(h + o, "</i>", 4), o += 4;
    o += (size_t)sprintf(h + o, "<p>%s</p>", P1);
    r = ext_n(h, o, 0, NULL);
    CHECK(last_rc == NAZIF_OK && strstr(r, P1) != NULL);
    /* a 1 MB attribute value, and one never closed */
    o = (size_t)sprintf(h, "<div class=\"");
    memset(h + o, 'a', 1000000), o += 1000000;
    o += (size_t)sprintf(h + o, "\"><p>%s</p><p>%s</p></div>", P1, P2);
    r = ext_n(h, o, 0, NULL);
    CHECK(last_rc == NAZIF_OK && strstr(r, P1) != NULL);
    o = (size_t)sprintf(h, "<p>%s</p><div title=\"", P1);
    memset(h + o, 'a', 1000000), o += 1000000;
    r = ext_n(h, o, 0, NULL);
    CHECK(last_rc == NAZIF_OK && strstr(r, P1) != NULL);
    /* broken UTF-8 declared as UTF-8: U+FFFD, counted */
    static const char bad[] = "<meta charset=utf-8><div><p>caf\xe9 \xff\xfe " P1 "</p></div>";
    r = ext(bad);
    CHECK(last_rc == NAZIF_OK && nazif_utf8_valid(r, strlen(r)) && info.invalid == 3);
    free(h);
}

/* an old table layout: the article is a cell's text split by <br><br>,
   next to a menu cell and a "most read" cell; class names in Arabic, in
   the page's own charset (windows-1256) */
#define ART1 "\xc7\xdd\xca\xca\xcd\xca \xc7\xe1\xe3\xdf\xca\xc8\xc9 \xcc\xe4\xc7\xcd\xc7 \xcc\xcf\xed\xcf\xc7 \xe1\xe1\xc3\xd8\xdd\xc7\xe1 \xed\xd6\xe3 \xdf\xca\xc8\xc7 \xe3\xd5\xe6\xd1\xc9\xa1 \xe6\xde\xc7\xe1\xca \xc7\xe1\xe3\xcf\xed\xd1\xc9 \xc5\xe4 \xc7\xe1\xcf\xce\xe6\xe1 \xe3\xcc\xc7\xe4\xed."
#define ART1_U "افتتحت المكتبة جناحا جديدا للأطفال يضم كتبا مصورة، وقالت المديرة إن الدخول مجاني."
static void test_br_layout(void)
{
    /* the class names: "القائمة" (menu, link-heavy anyway), "المتن" (the
       text: a content word), "مقالات-ذات-صلة" (related: furniture) */
    static const char p[] =
        "<html><head><meta charset=windows-1256></head><body><table><tr>"
        "<td class=\"\xc7\xe1\xde\xc7\xc6\xe3\xc9\"><a href=/>a</a><br><a href=/b>b</a><br><a href=/c>c</a></td>"
        "<td class=\"\xc7\xe1\xe3\xca\xe4\">" ART1 "<br><br>" ART1 "<br><br>" ART1
        "<div class=\"\xe3\xde\xc7\xe1\xc7\xca-\xd0\xc7\xca-\xd5\xe1\xc9\">" ART1 "</div></td>"
        "<td><a href=/m>" ART1 "</a></td></tr></table></body></html>";
    CHECK_EQ_STR(ext(p), ART1_U "\n" ART1_U "\n" ART1_U);
    CHECK(art.found == 1);
    /* a paragraph with one line break stays one paragraph of its container */
    CHECK_EQ_STR(ext("<div><p>" P1 "<br>" P2 "</p><p>" P3 "</p></div>"), P1 "\n" P2 "\n" P3);
}

/* the headline line is not repeated when the article starts with it */
static void test_headline_once(void)
{
    static const char p[] = "<title>Budget</title><div><b>Budget</b><br><br>" P1 "<br><br>" P2 "</div>";
    CHECK_EQ_STR(ext_n(p, strlen(p), NAZIF_HTML_TITLE, NULL), "Budget\n" P1 "\n" P2);
    CHECK_EQ_STR(ext_n(p, strlen(p), 0, NULL), "Budget\n" P1 "\n" P2);
    static const char q[] = "<title>Budget</title><div><b>Budget day</b><br><br>" P1 "<br><br>" P2 "</div>";
    CHECK_EQ_STR(ext_n(q, strlen(q), NAZIF_HTML_TITLE, NULL), "Budget\nBudget day\n" P1 "\n" P2);
}

/* schema.org metadata written as elements (a hidden copy of the article
   with its dates, names and image sizes): the text only */
static void test_itemprop_metadata(void)
{
    static const char p[] =
        "<body><div style=\"display:none\" itemscope itemtype=\"http://schema.org/NewsArticle\">"
        "<h1 itemprop=name>Budget approved</h1><div itemprop=headline>Budget approved</div>"
        "<div itemprop=author itemscope><div itemprop=name>Jane Roe</div></div>"
        "<div itemprop=datePublished>2019-11-19T08:57:40+01:00</div>"
        "<div itemprop=image itemscope><div itemprop=url>https://example.com/a.jpg</div>"
        "<div itemprop=width><div itemprop=value>500</div></div></div>"
        "<div itemprop=articleBody>" P1 " " P2 "</div></div></body>";
    CHECK_EQ_STR(ext(p), P1 " " P2);
    CHECK(art.found == 1);
}

/* a long comment thread (one comment of many quoted lines) beside a
   shorter article: the article, not the comment */
static void test_long_comment(void)
{
    static char p[1 << 15];
    size_t o = (size_t)sprintf(p, "<body><div class=article><h1>Budget</h1><div class=text>%s<br> <br>%s<br> <br>%s</div></div>"
                                  "<div class=comments><div class=comment><div class=content>", P1, P2, P3);
    for (int i = 0; i < 12; i++)
        o += (size_t)sprintf(p + o, "I read this twice and I still think the council got the numbers wrong this time, %d.<br>", i);
    sprintf(p + o, "</div></div></div></body>");
    CHECK_EQ_STR(ext(p), P1 "\n" P2 "\n" P3);
}

/* class names that only look like furniture: a page builder's widget
   holding the post content, a hidden label of the body field */
static void test_false_furniture_hints(void)
{
    static const char p[] =
        "<body><div class=\"sidebar\"><p>" P3 "</p></div>"
        "<div class=\"elementor-widget elementor-widget-theme-post-content\"><div class=\"elementor-widget-container\">"
        "<p>" P1 "</p><p>" P2 "</p><p>" P1 "</p></div></div>"
        "<div class=\"widget\"><ul><li><a href=/a>Most read story of the day</a></li></ul></div></body>";
    CHECK_EQ_STR(ext(p), P1 "\n" P2 "\n" P1);
    static const char q[] =
        "<body><div class=\"comments\"><p>" P3 "</p><p>" P3 "</p></div>"
        "<div class=\"field field--name-body field--label-hidden field--item\"><p>" P1 "</p><p>" P2 "</p></div>"
        "<div class=\"hidden\"><p>" P3 "</p></div></body>";
    CHECK_EQ_STR(ext(q), P1 "\n" P2);
}

int main(void)
{
    test_long_comment();
    test_false_furniture_hints();
    test_itemprop_metadata();
    test_br_layout();
    test_headline_once();
    test_english_page();
    test_arabic_page();
    test_charsets();
    test_tag_soup();
    test_fallback();
    test_errors();
    test_hostile();
    return DONE("html_extract");
}
