/* test_minhash.c -- MinHash signatures (src/minhash.c): estimates follow
   the Jaccard similarity of shingle sets, search normalization makes
   spelling variants equal, and the 14x8 bands behave as the S-curve. */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "harness.h"

/* share of equal signature values of two sets with the given overlap */
static double estimate(nazif__minhash *mh, size_t n, size_t common, uint64_t salt)
{
    uint64_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    for (size_t i = 0; i < n; i++) {
        a[i] = nazif__hash64(&i, sizeof i, 1);
        uint64_t j = i + (i < common ? 0 : 1000000 + salt);
        b[i] = nazif__hash64(&j, sizeof j, 1);
    }
    uint32_t sa[112], sb[112];
    nazif__minhash_shingles(mh, a, n, sa);
    nazif__minhash_shingles(mh, b, n, sb);
    int eq = 0;
    for (int i = 0; i < 112; i++) eq += sa[i] == sb[i];
    free(a);
    free(b);
    return eq / 112.0;
}

int main(void)
{
    nazif__minhash *mh = NULL;
    CHECK(nazif__minhash_new(&mh, 14, 8, 5, 1) == 0);
    CHECK(nazif__minhash_new(&(nazif__minhash *){NULL}, 0, 8, 5, 1) == NAZIF_EINVAL);
    /* the estimate of J = common / (2n - common) is within +-0.15 */
    const size_t n = 1000;
    const size_t commons[] = {1000, 900, 700, 500, 200, 0};
    for (size_t k = 0; k < sizeof commons / sizeof commons[0]; k++) {
        const double j = (double)commons[k] / (double)(2 * n - commons[k]);
        const double e = estimate(mh, n, commons[k], k);
        CHECK_MSG(e > j - 0.15 && e < j + 0.15, "J=%.2f estimated %.2f", j, e);
    }
    /* documents: spelling variants (harakat, tatweel, alef forms) are the same words */
    nazif_tokenizer *tk = NULL;
    CHECK(nazif_tokenizer_new(&tk, NULL) == 0);
    const char *d1 = "أعلنت وزارة الصحة اليوم عن إطلاق حملة وطنية للتلقيح ضد الأنفلونزا في كل الولايات";
    const char *d2 = "أَعلنت وزارة الصحـة اليوم عن اطلاق حملة وطنية للتلقيح ضد الأنفلونزا في كل الولايات";
    const char *d3 = "قال المدرب إن الفريق جاهز للمباراة القادمة أمام المنافس في الملعب البلدي";
    uint32_t s1[112], s2[112], s3[112];
    uint64_t e1, e2, e3;
    size_t w1, w2, w3;
    CHECK(nazif__minhash_doc(mh, tk, d1, strlen(d1), s1, &e1, &w1) == 0);
    CHECK(nazif__minhash_doc(mh, tk, d2, strlen(d2), s2, &e2, &w2) == 0);
    CHECK(nazif__minhash_doc(mh, tk, d3, strlen(d3), s3, &e3, &w3) == 0);
    CHECK(w1 == 14 && w2 == 14);
    CHECK(e1 == e2 && e1 != e3);
    CHECK(memcmp(s1, s2, sizeof s1) == 0);
    uint64_t b1[14], b3[14];
    nazif__minhash_bands(mh, s1, b1);
    nazif__minhash_bands(mh, s3, b3);
    int shared = 0;
    for (int i = 0; i < 14; i++) shared += b1[i] == b3[i];
    CHECK(shared == 0);
    /* short documents: the whole word sequence is one shingle; empty: no words */
    CHECK(nazif__minhash_doc(mh, tk, "كلمة واحدة", 19, s3, &e3, &w3) == 0 && w3 == 2);
    CHECK(s3[0] != 0xFFFFFFFFu);
    CHECK(nazif__minhash_doc(mh, tk, " . ", 3, s3, &e3, &w3) == 0 && w3 == 0);
    CHECK(s3[0] == 0xFFFFFFFFu);
    nazif_tokenizer_free(tk);
    nazif__minhash_free(mh);
    nazif__minhash_free(NULL);
    return DONE("minhash");
}
