/* harness.h -- the one small test harness for tests/unit/ programs.
 *
 * Each unit test file is a program: it includes this header, defines
 * tests with CHECK/CHECK_EQ_STR, and ends main() with `return DONE("name");`,
 * which prints "unit:NAME N passed, M failed" and returns non-zero on a
 * failure.  tests/run.sh builds and runs every file and adds up the lines.
 */
#ifndef NAZIF_TEST_HARNESS_H
#define NAZIF_TEST_HARNESS_H
#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) t_pass++;                                                \
        else {                                                             \
            t_fail++;                                                      \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                      \
        }                                                                  \
    } while (0)

#define CHECK_MSG(cond, ...)                                               \
    do {                                                                   \
        if (cond) t_pass++;                                                \
        else {                                                             \
            t_fail++;                                                      \
            fprintf(stderr, "%s:%d: CHECK failed: %s: ", __FILE__,         \
                    __LINE__, #cond);                                      \
            fprintf(stderr, __VA_ARGS__);                                  \
            fputc('\n', stderr);                                           \
        }                                                                  \
    } while (0)

#define CHECK_EQ_STR(got, want)                                            \
    do {                                                                   \
        const char *g_ = (got), *w_ = (want);                              \
        if (g_ && w_ && strcmp(g_, w_) == 0) t_pass++;                     \
        else {                                                             \
            t_fail++;                                                      \
            fprintf(stderr, "%s:%d: got  [%s]\n%*swant [%s]\n", __FILE__,  \
                    __LINE__, g_ ? g_ : "(null)",                          \
                    (int)strlen(__FILE__) + 6, "", w_ ? w_ : "(null)");    \
        }                                                                  \
    } while (0)

#define DONE(name)                                                         \
    (printf("unit:%s %d passed, %d failed\n", (name), t_pass, t_fail),     \
     t_fail != 0)

#endif
