/* test_article_text.c -- NAZIF_ARTICLE_TEXT: the line-level furniture
 * model on an article that an extractor already chose.
 *
 * (a) The cleaner on an invented article with a recipe's ingredients, a
 *     table of short Latin cells and a list of short title-like lines,
 *     followed by a "read also" header, its link and a copyright line.
 *     Without the flag the layout rules drop the table and the list (so
 *     the checks can fail); with it every article line stays and the
 *     three furniture lines still go.
 * (b) The corpus API on the same lines as an HTML page (menu, article,
 *     footer): nazif_html_extract() finds the article and the corpus sets
 *     the flag itself, so the table and the list stay; with
 *     NAZIF_CORPUS_HTML_TEXT (the whole page, no article chosen) the
 *     layout rules are on again.
 */
#include "harness.h"

#include <nazif.h>
#include <nazif_corpus.h>
#include <stdlib.h>

static const char *const article[] = {
    "The village bakery opened its doors again after a long winter, and the owners shared "
    "the recipe that made it famous across the valley.",
    "Ingredients",
    "2 cups flour",
    "1 tsp salt",
    "1 cup warm water",
    "Method",
    "Mix everything in a large bowl and knead the dough for ten minutes before letting it "
    "rest overnight.",
    "Player",
    "Pos",
    "Stats",
    "Lena Fischer",
    "Tom Ruiz",
    "The team will play its next match at home on Saturday, the coach told reporters after "
    "training.",
    "The new oven that the bakery bought this year",
    "Heats up in four minutes from cold",
    "Holds twelve loaves on three trays",
    "Uses half the power of the old one",
};
#define NART (sizeof article / sizeof article[0])

static const char *const furniture[] = {
    "اقرأ أيضا",
    "عنوان مقال آخر عن المخبز",
    "جميع الحقوق محفوظة لموقع أخبار القرية 2024",
};
#define NFURN (sizeof furniture / sizeof furniture[0])

/* Is line a whole line of text[0..n)? */
static int has_line(const char *text, size_t n, const char *line)
{
    const size_t k = strlen(line);
    for (size_t i = 0; i + k <= n; i++) {
        if ((i == 0 || text[i - 1] == '\n') && memcmp(text + i, line, k) == 0 &&
            (i + k == n || text[i + k] == '\n' || text[i + k] == '\r'))
            return 1;
    }
    return 0;
}

static size_t kept(const char *text, size_t n, const char *const *lines, size_t nl)
{
    size_t c = 0;
    for (size_t i = 0; i < nl; i++) c += (size_t)has_line(text, n, lines[i]);
    return c;
}

static void test_cleaner(void)
{
    char doc[4096];
    size_t n = 0;
    for (size_t i = 0; i < NART; i++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", article[i]);
    for (size_t i = 0; i < NFURN; i++) n += (size_t)snprintf(doc + n, sizeof doc - n, "%s\n", furniture[i]);
    CHECK(n < sizeof doc);

    nazif_clean_options o;
    nazif_clean_options_init(&o);
    char *out = NULL;
    size_t on = 0;
    CHECK(nazif_clean(doc, n, &out, &on, &o) == NAZIF_OK);
    /* the layout rules: the table and the list go (at least 6 lines) */
    const size_t plain = kept(out, on, article, NART);
    CHECK_MSG(plain + 6 <= NART, "without the flag %zu of %zu article lines kept", plain, NART);
    CHECK(kept(out, on, furniture, NFURN) == 0);
    nazif_free(out);

    o.flags |= NAZIF_ARTICLE_TEXT;
    out = NULL;
    CHECK(nazif_clean(doc, n, &out, &on, &o) == NAZIF_OK);
    for (size_t i = 0; i < NART; i++)
        CHECK_MSG(has_line(out, on, article[i]), "article line dropped: %s", article[i]);
    for (size_t i = 0; i < NFURN; i++)
        CHECK_MSG(!has_line(out, on, furniture[i]), "furniture kept: %s", furniture[i]);
    nazif_free(out);

    /* the flag with the keep-everything mode: nothing dropped */
    o.flags |= NAZIF_KEEP_BOILERPLATE;
    out = NULL;
    CHECK(nazif_clean(doc, n, &out, &on, &o) == NAZIF_OK);
    CHECK(kept(out, on, furniture, NFURN) == NFURN);
    nazif_free(out);
}

static void test_corpus(void)
{
    static char page[8192];
    size_t n = (size_t)snprintf(page, sizeof page,
                                "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                "<title>The village bakery</title></head><body>"
                                "<nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li>"
                                "<li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a>"
                                "</li></ul></nav><article><h1>The village bakery</h1>");
    for (size_t i = 0; i < NART; i++) {
        const int item = i >= 2 && i <= 4;
        n += (size_t)snprintf(page + n, sizeof page - n, item ? "<li>%s</li>" : "<p>%s</p>",
                              article[i]);
    }
    n += (size_t)snprintf(page + n, sizeof page - n,
                          "</article><footer><p>%s</p></footer></body></html>", furniture[2]);
    CHECK(n < sizeof page);

    for (int whole = 0; whole <= 1; whole++) {
        nazif_corpus_options co;
        nazif_corpus_options_init(&co);
        co.filters = 0;
        if (whole) co.flags |= NAZIF_CORPUS_HTML_TEXT;
        nazif_corpus *cp = NULL;
        CHECK(nazif_corpus_new(&cp, &co) == NAZIF_OK);
        if (!cp) return;
        nazif_doc d;
        nazif_doc_init(&d);
        d.data = page;
        d.len = n;
        d.type = NAZIF_DOC_HTML;
        nazif_doc_result r;
        CHECK(nazif_corpus_process(cp, &d, &r) == NAZIF_OK && r.status == NAZIF_OK);
        const size_t k = kept(r.text, r.text_len, article, NART);
        if (!whole) {
            CHECK(r.article.found == 1);
            CHECK_MSG(k == NART, "main: %zu of %zu article lines kept:\n%.*s", k, NART,
                      (int)r.text_len, r.text);
            CHECK(!has_line(r.text, r.text_len, furniture[2]));
        } else {
            CHECK_MSG(k + 4 <= NART, "text: %zu of %zu article lines kept", k, NART);
        }
        nazif_corpus_free(cp);
    }
}

int main(void)
{
    test_cleaner();
    test_corpus();
    return DONE("article_text");
}
