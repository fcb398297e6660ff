/*
 * clean_and_tokens.c -- a small program on the installed libnazif:
 * cleans the text given as its argument (restoring obfuscated words,
 * dropping page furniture), then pulls its search tokens one at a time
 * with options written as text, and prints both.
 *
 *   cc clean_and_tokens.c $(pkg-config --cflags --libs nazif) -o clean_and_tokens
 *   ./clean_and_tokens 'قال إن التـ.ـوتر يتصاعد' 'profile=search stemmer=light'
 *
 * Output: the clean text on one line, then one line per token:
 * START END TOKEN (byte offsets into the original text).
 */
#include <stdio.h>
#include <string.h>

#include <nazif.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: clean_and_tokens TEXT [OPTIONS]\n");
        return 2;
    }
    const char *text = argv[1];
    const size_t len = strlen(text);

    char *clean = NULL;
    size_t clean_len = 0;
    int rc = nazif_clean(text, len, &clean, &clean_len, NULL);
    if (rc != NAZIF_OK) {
        fprintf(stderr, "nazif_clean: %s\n", nazif_strerror(rc));
        return 1;
    }
    printf("%.*s\n", (int)clean_len, clean);
    nazif_free(clean);

    nazif_options o;
    nazif_options_init(&o);
    char err[NAZIF_ERROR_DETAIL_SIZE];
    if (argc > 2 && nazif_options_parse(&o, argv[2], (size_t)-1, NAZIF_OPT_TOKEN, err, sizeof err) != NAZIF_OK) {
        fprintf(stderr, "options: %s\n", err);
        return 2;
    }
    nazif_tokenizer *tk = NULL;
    if ((rc = nazif_tokenizer_new(&tk, &o.token)) != NAZIF_OK) {
        fprintf(stderr, "nazif_tokenizer_new: %s\n", nazif_strerror(rc));
        return 1;
    }
    nazif_tokenizer_start(tk, text, len);
    nazif_token t;
    while ((rc = nazif_tokenizer_next(tk, &t)) == 1)
        printf("%llu %llu %.*s\n", (unsigned long long)t.start, (unsigned long long)t.end,
               (int)t.len, t.text);
    if (rc < 0) fprintf(stderr, "tokens: %s\n", nazif_tokenizer_error_detail(tk));
    nazif_tokenizer_free(tk);
    printf("nazif %s\n", nazif_version());
    return rc < 0;
}
