/* test_options.c -- nazif_options_parse()/_set(): the keys, their scopes,
 * the defaults and the messages every front end shares. */
#include <string.h>

#include "harness.h"
#include "nazif.h"

static char err[NAZIF_ERROR_DETAIL_SIZE];

static int parse(nazif_options *o, const char *s, unsigned scope)
{
    nazif_options_init(o);
    return nazif_options_parse(o, s, (size_t)-1, scope, err, sizeof err);
}

int main(void)
{
    nazif_options o, d;
    nazif_clean_options c;
    nazif_token_options t;
    nazif_clean_options_init(&c);
    nazif_token_options_init(&t);

    /* the defaults are the structs' own, plus proclitic forms */
    nazif_options_init(&d);
    CHECK(d.version == NAZIF_OPTIONS_VERSION);
    CHECK(d.clean.flags == c.flags && d.clean.version == c.version);
    CHECK(d.token.flags == t.flags && d.token.stemmer == t.stemmer);
    CHECK(d.token.norm.ops == NAZIF_NORM_SEARCH);
    CHECK(d.index_flags == NAZIF_INDEX_PROCLITIC_FORMS);
    CHECK(parse(&o, "", NAZIF_OPT_ALL) == NAZIF_OK && memcmp(&o, &d, sizeof o) == 0);
    CHECK(parse(&o, "  \t\n", NAZIF_OPT_ALL) == NAZIF_OK && memcmp(&o, &d, sizeof o) == 0);

    /* both styles, any case */
    CHECK(parse(&o, "profile=nlp stemmer=light clitics=1", NAZIF_OPT_TOKEN) == NAZIF_OK);
    CHECK(o.token.norm.ops == NAZIF_NORM_NLP);
    CHECK(o.token.stemmer == NAZIF_STEM_LIGHT);
    CHECK(o.token.flags == NAZIF_TOK_CLITICS);
    nazif_options p;
    CHECK(parse(&p, "Profile NLP  stemmer LIGHT\tclitics yes", NAZIF_OPT_TOKEN) == NAZIF_OK);
    CHECK(memcmp(&o, &p, sizeof o) == 0);
    CHECK(parse(&o, "stopwords=on clitics=true stopwords=off", NAZIF_OPT_TOKEN) == NAZIF_OK);
    CHECK(o.token.flags == NAZIF_TOK_CLITICS);

    /* operations apply on top of the profile, whichever comes first */
    CHECK(parse(&o, "restore=off profile=search", NAZIF_OPT_NORM) == NAZIF_OK);
    CHECK(o.token.norm.ops == (NAZIF_NORM_SEARCH & ~(unsigned)NAZIF_NORM_RESTORE));
    CHECK(parse(&o, "profile=search restore=off", NAZIF_OPT_NORM) == NAZIF_OK);
    CHECK(o.token.norm.ops == (NAZIF_NORM_SEARCH & ~(unsigned)NAZIF_NORM_RESTORE));
    CHECK(parse(&o, "fold-hamza=on profile=none ascii-punct=1", NAZIF_OPT_NORM) == NAZIF_OK);
    CHECK(o.token.norm.ops == (NAZIF_NORM_HAMZA | NAZIF_NORM_PUNCT));
    CHECK(o.profile_named == 1);
    CHECK(parse(&o, "fold-teh=off", NAZIF_OPT_NORM) == NAZIF_OK);
    CHECK(o.token.norm.ops == (NAZIF_NORM_SEARCH & ~(unsigned)NAZIF_NORM_TEH_MARBUTA));
    CHECK(o.profile_named == 0);

    /* cleaning keys */
    CHECK(parse(&o, "boilerplate=keep suspects=on strict=on restore=off", NAZIF_OPT_CLEAN) == NAZIF_OK);
    CHECK(o.clean.flags == (NAZIF_KEEP_BOILERPLATE | NAZIF_REPORT_SUSPECTS | NAZIF_STRICT_UTF8 |
                            NAZIF_NO_RESTORE));
    CHECK(parse(&o, "strict=on", NAZIF_OPT_TOKEN) == NAZIF_OK);
    CHECK(o.token.norm.flags == NAZIF_STRICT_UTF8);
    CHECK(parse(&o, "proclitic-forms=off", NAZIF_OPT_INDEX) == NAZIF_OK && o.index_flags == 0);

    /* what is parsed works: the tokenizer takes it */
    nazif_tokenizer *tk = NULL;
    CHECK(parse(&o, "profile=search stemmer=light stopwords=on clitics=on", NAZIF_OPT_TOKEN) == NAZIF_OK);
    CHECK(nazif_tokenizer_new(&tk, &o.token) == NAZIF_OK);
    nazif_tokenizer_free(tk);

    /* stemmer=snowball names Snowball's stemmer, which the front end links:
       the library's tokenizer alone refuses it */
    CHECK(parse(&o, "stemmer=snowball", NAZIF_OPT_TOKEN) == NAZIF_OK);
    CHECK(o.token.stemmer == NAZIF_STEM_SNOWBALL);
    tk = NULL;
    CHECK(nazif_tokenizer_new(&tk, &o.token) == NAZIF_EINVAL && tk == NULL);
    CHECK(parse(&o, "stemmer=none", NAZIF_OPT_TOKEN) == NAZIF_OK && o.token.stemmer == NAZIF_STEM_NONE);

    /* messages */
    CHECK(parse(&o, "stemmer=heavy", NAZIF_OPT_TOKEN) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "bad value \"heavy\" for stemmer (none, light or snowball)");
    CHECK(parse(&o, "profile=loud", NAZIF_OPT_TOKEN) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "bad value \"loud\" for profile (none, faithful, search or nlp)");
    CHECK(parse(&o, "clitics=maybe", NAZIF_OPT_TOKEN) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "bad value \"maybe\" for clitics (on or off)");
    /* boilerplate: the three values set and clear both flags */
    CHECK(parse(&o, "boilerplate=article", NAZIF_OPT_CLEAN) == NAZIF_OK);
    CHECK((o.clean.flags & (NAZIF_ARTICLE_TEXT | NAZIF_KEEP_BOILERPLATE)) == NAZIF_ARTICLE_TEXT);
    CHECK(parse(&o, "boilerplate=keep", NAZIF_OPT_CLEAN) == NAZIF_OK);
    CHECK((o.clean.flags & (NAZIF_ARTICLE_TEXT | NAZIF_KEEP_BOILERPLATE)) == NAZIF_KEEP_BOILERPLATE);
    CHECK(parse(&o, "boilerplate=Article", NAZIF_OPT_CLEAN) == NAZIF_OK);
    CHECK(parse(&o, "boilerplate=drop", NAZIF_OPT_CLEAN) == NAZIF_OK);
    CHECK((o.clean.flags & (NAZIF_ARTICLE_TEXT | NAZIF_KEEP_BOILERPLATE)) == 0);
    CHECK(parse(&o, "boilerplate=some", NAZIF_OPT_CLEAN) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "bad value \"some\" for boilerplate (drop, keep or article)");
    CHECK(parse(&o, "stemmer light profile", NAZIF_OPT_TOKEN) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "option \"profile\" needs a value");
    CHECK(o.token.stemmer == NAZIF_STEM_LIGHT); /* what came before is applied */
    CHECK(parse(&o, "boilerplate=keep", NAZIF_OPT_TOKEN | NAZIF_OPT_INDEX) == NAZIF_EINVAL);
    CHECK(strncmp(err, "option \"boilerplate\" does not apply here (known: profile, stemmer, ", 67) == 0);
    CHECK(parse(&o, "stemmer=light", NAZIF_OPT_CLEAN) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "option \"stemmer\" does not apply here (known: boilerplate, suspects, visual-order, split-join, strict, restore)");
    CHECK(parse(&o, "foo=bar", NAZIF_OPT_CLEAN) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "unknown option \"foo\" (known: boilerplate, suspects, visual-order, split-join, strict, restore)");
    CHECK(parse(&o, "foo=bar", NAZIF_OPT_ALL) == NAZIF_EINVAL);
    CHECK(strstr(err, "strip-harakat") && strstr(err, "proclitic-forms") && strstr(err, "lower, strip-accents)"));
    CHECK(strlen(err) < sizeof err - 1); /* the whole list fits */
    /* a long key is quoted in part; a small buffer is cut, NUL-terminated */
    CHECK(parse(&o, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=1", NAZIF_OPT_CLEAN) == NAZIF_EINVAL);
    CHECK(strncmp(err, "unknown option \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" (", 58) == 0);
    char small[10];
    nazif_options_init(&o);
    CHECK(nazif_options_parse(&o, "x=1", 3, NAZIF_OPT_ALL, small, sizeof small) == NAZIF_EINVAL);
    CHECK_EQ_STR(small, "unknown o");
    CHECK(nazif_options_parse(&o, "x=1", 3, NAZIF_OPT_ALL, NULL, 0) == NAZIF_EINVAL);
    /* len bounds the text */
    nazif_options_init(&o);
    CHECK(nazif_options_parse(&o, "stemmer=lightXXX", 13, NAZIF_OPT_TOKEN, err, sizeof err) == NAZIF_OK);
    CHECK(o.token.stemmer == NAZIF_STEM_LIGHT);

    /* _set: one key at a time (FTS5's pairs) */
    nazif_options_init(&o);
    CHECK(nazif_options_set(&o, "stemmer", "light", NAZIF_OPT_TOKEN, err, sizeof err) == NAZIF_OK);
    CHECK(nazif_options_set(&o, "stemmer", NULL, NAZIF_OPT_TOKEN, err, sizeof err) == NAZIF_EINVAL);
    CHECK_EQ_STR(err, "option \"stemmer\" needs a value");
    nazif_options bad;
    memset(&bad, 0, sizeof bad);
    CHECK(nazif_options_set(&bad, "stemmer", "light", NAZIF_OPT_TOKEN, err, sizeof err) == NAZIF_EINVAL);

    /* the key list */
    char keys[512];
    size_t need = nazif_options_keys(NAZIF_OPT_INDEX, keys, sizeof keys);
    CHECK_EQ_STR(keys, "proclitic-forms");
    CHECK(need == strlen("proclitic-forms"));
    CHECK(nazif_options_keys(NAZIF_OPT_ALL, NULL, 0) > 200);
    return DONE("options");
}
