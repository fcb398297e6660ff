/* test_cli_buf.c -- the growable buffer of the nazif command (cli/common.h):
 * content and NUL, printf of any length, JSON strings, growth, running out
 * of memory (sticky), size overflow, free. */
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"
#include "../../cli/common.c"

static int put_fmt(cli_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int put_fmt(cli_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const int rc = cli_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

int main(void)
{
    cli_buf b = {0};
    CHECK(cli_buf_put(&b, "ab", 2) == 0);
    CHECK(cli_buf_puts(&b, "cd") == 0);
    CHECK(cli_buf_put(&b, NULL, 0) == 0);
    CHECK(b.n == 4 && b.cap > b.n);
    CHECK_EQ_STR(b.p, "abcd");

    /* printf: short, then longer than the 512-byte stack copy and than
       any fixed small buffer; nothing is cut */
    b.n = 0;
    CHECK(cli_buf_printf(&b, "%d-%s", 42, "x") == 0);
    CHECK_EQ_STR(b.p, "42-x");
    char big[3000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    b.n = 0;
    CHECK(cli_buf_printf(&b, "[%s]%llu", big, 18446744073709551615ull) == 0);
    CHECK(b.n == 1 + 2999 + 1 + 20);
    CHECK(b.p[0] == '[' && b.p[3000] == ']' && strcmp(b.p + 3001, "18446744073709551615") == 0);
    CHECK(b.p[b.n] == '\0');
    b.n = 0;
    CHECK(cli_buf_printf(&b, "%.*s", 300, big) == 0);
    CHECK(b.n == 300 && strspn(b.p, "z") == 300);
    CHECK(put_fmt(&b, "%s", big) == 0);
    CHECK(b.n == 300 + 2999);

    /* JSON: quotes, escapes, invalid UTF-8 as U+FFFD */
    b.n = 0;
    CHECK(cli_buf_json(&b, "a\"b\n\xff", 5) == 0);
    CHECK_EQ_STR(b.p, "\"a\\\"b\\n\\ufffd\"");

    /* reserve: room for the bytes and the NUL, n unchanged */
    b.n = 0;
    CHECK(cli_buf_reserve(&b, 100000) == 0);
    CHECK(b.n == 0 && b.cap >= 100001);
    memset(b.p, 'q', 100000);
    b.n = 100000;
    CHECK(cli_buf_puts(&b, "!") == 0 && b.n == 100001 && b.p[100000] == '!' && b.p[100001] == '\0');

    /* a size that cannot be held: -1, oom, the content untouched; and
       sticky: every later call fails and adds nothing */
    b.n = 4;
    memcpy(b.p, "keep", 4);
    b.p[4] = '\0';
    CHECK(cli_buf_reserve(&b, SIZE_MAX - 2) == -1);
    CHECK(b.oom == 1 && b.n == 4);
    CHECK(cli_buf_put(&b, "x", 1) == -1);
    CHECK(cli_buf_printf(&b, "%d", 1) == -1);
    CHECK(cli_buf_json(&b, "x", 1) == -1);
    CHECK(b.n == 4);
    CHECK_EQ_STR(b.p, "keep");

    cli_buf_free(&b);
    CHECK(b.p == NULL && b.n == 0 && b.cap == 0 && b.oom == 0);
    CHECK(cli_buf_puts(&b, "again") == 0);
    CHECK_EQ_STR(b.p, "again");
    cli_buf_free(&b);
    return DONE("cli_buf");
}
