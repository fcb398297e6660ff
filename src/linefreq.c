/*
 * linefreq.c -- per-site repeated-line counts (include/nazif_linefreq.h).
 *
 * Two open-addressing hash tables of 64-bit keys: (host, line) -> number
 * of documents, host -> number of documents.  Key 0 marks an empty slot
 * (a real key of 0 is stored as 1).  Tables grow at 50% load.
 */
#include "nazif_linefreq.h"
#include "internal.h"
#include "phrases_tables.h"

#include <stdlib.h>
#include <string.h>

typedef struct map {
    uint64_t *key;
    uint64_t *val;
    size_t cap, used; /* cap: a power of two, or 0 */
} map;

struct nazif_linefreq {
    map lines; /* mix(host, line) -> documents */
    map hosts; /* host -> documents */
};

static uint64_t mix64(uint64_t x)
{
    /* the splitmix64 finaliser */
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x ? x : 1;
}

static uint64_t fnv64(const uint8_t *s, size_t n, uint64_t h)
{
    for (size_t k = 0; k < n; k++) {
        h ^= s[k];
        h *= 0x100000001B3ull;
    }
    return h;
}

#define FNV64_BASIS 0xCBF29CE484222325ull

static uint64_t host_key(const char *host, size_t n)
{
    const uint8_t *h = (const uint8_t *)host;
    while (n > 0 && (h[n - 1] == '.' || h[n - 1] == ' ')) n--;
    if (n >= 4 && (h[0] | 0x20) == 'w' && (h[1] | 0x20) == 'w' &&
        (h[2] | 0x20) == 'w' && h[3] == '.') {
        h += 4;
        n -= 4;
    }
    uint64_t x = FNV64_BASIS;
    for (size_t k = 0; k < n; k++) {
        uint8_t c = h[k];
        if (c >= 'A' && c <= 'Z') c = (uint8_t)(c + 0x20);
        x ^= c;
        x *= 0x100000001B3ull;
    }
    return mix64(x);
}

/* The hash of a normalised line, 0 when it normalises to nothing. */
static uint64_t line_hash(const uint8_t *s, size_t n)
{
    uint8_t buf[NAZIF__PHR_NORM_MAX];
    int full;
    size_t m = nazif__phr_normalise(s, n, buf, sizeof buf, &full);
    if (m == 0) return 0;
    for (size_t k = 0; k < m; k++)
        if (buf[k] >= '1' && buf[k] <= '9') buf[k] = '0';
    return fnv64(buf, m, FNV64_BASIS) | 1u;
}

static uint64_t pair_key(uint64_t host, uint64_t line)
{
    return mix64(host ^ (line * 0x9E3779B97F4A7C15ull));
}

/* ---- the hash map -------------------------------------------------------- */

static size_t slot_of(const map *m, uint64_t key)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)(key ^ (key >> 32)) & mask;
    while (m->key[i] != 0 && m->key[i] != key) i = (i + 1) & mask;
    return i;
}

static int map_grow(map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    uint64_t *k = calloc(cap, sizeof *k);
    uint64_t *v = calloc(cap, sizeof *v);
    if (!k || !v) {
        free(k);
        free(v);
        return -1;
    }
    map n = {k, v, cap, 0};
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->key[i]) continue;
        size_t j = slot_of(&n, m->key[i]);
        n.key[j] = m->key[i];
        n.val[j] = m->val[i];
        n.used++;
    }
    free(m->key);
    free(m->val);
    *m = n;
    return 0;
}

static int map_add(map *m, uint64_t key, uint64_t by)
{
    if (2 * (m->used + 1) > m->cap && map_grow(m)) return -1;
    size_t i = slot_of(m, key);
    if (!m->key[i]) {
        m->key[i] = key;
        m->used++;
    }
    m->val[i] += by;
    return 0;
}

static uint64_t map_get(const map *m, uint64_t key)
{
    if (!m->cap) return 0;
    size_t i = slot_of(m, key);
    return m->key[i] == key ? m->val[i] : 0;
}

static void map_free(map *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}

/* ---- public functions ---------------------------------------------------- */

nazif_linefreq *nazif_linefreq_new(void)
{
    return calloc(1, sizeof(nazif_linefreq));
}

void nazif_linefreq_free(nazif_linefreq *lf)
{
    if (!lf) return;
    map_free(&lf->lines);
    map_free(&lf->hosts);
    free(lf);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int nazif_linefreq_add(nazif_linefreq *lf, const char *host, size_t host_len,
                       const char *text, size_t len)
{
    uint64_t hk = host_key(host, host_len);
    /* the document's distinct line keys */
    size_t cap = 64, n = 0;
    uint64_t *keys = malloc(cap * sizeof *keys);
    if (!keys) return -1;
    const uint8_t *s = (const uint8_t *)text, *end = s + len;
    while (s < end) {
        const uint8_t *nl = memchr(s, '\n', (size_t)(end - s));
        size_t l = nl ? (size_t)(nl - s) : (size_t)(end - s);
        uint64_t h = line_hash(s, l);
        if (h) {
            if (n == cap) {
                uint64_t *k = realloc(keys, 2 * cap * sizeof *keys);
                if (!k) {
                    free(keys);
                    return -1;
                }
                keys = k;
                cap *= 2;
            }
            keys[n++] = pair_key(hk, h);
        }
        s += l + (nl != NULL);
    }
    if (n > 1) qsort(keys, n, sizeof *keys, cmp_u64);
    int rc = map_add(&lf->hosts, hk, 1);
    for (size_t k = 0; k < n && rc == 0; k++)
        if (k == 0 || keys[k] != keys[k - 1]) rc = map_add(&lf->lines, keys[k], 1);
    free(keys);
    return rc;
}

int nazif_linefreq_merge(nazif_linefreq *dst, const nazif_linefreq *src)
{
    for (size_t i = 0; i < src->hosts.cap; i++)
        if (src->hosts.key[i] &&
            map_add(&dst->hosts, src->hosts.key[i], src->hosts.val[i]))
            return -1;
    for (size_t i = 0; i < src->lines.cap; i++)
        if (src->lines.key[i] &&
            map_add(&dst->lines, src->lines.key[i], src->lines.val[i]))
            return -1;
    return 0;
}

uint64_t nazif_linefreq_docs(const nazif_linefreq *lf, const char *host,
                             size_t host_len)
{
    return map_get(&lf->hosts, host_key(host, host_len));
}

uint64_t nazif_linefreq_count(const nazif_linefreq *lf, const char *host,
                              size_t host_len, const char *line,
                              size_t line_len)
{
    uint64_t h = line_hash((const uint8_t *)line, line_len);
    if (!h) return 0;
    return map_get(&lf->lines, pair_key(host_key(host, host_len), h));
}

int nazif_linefreq_repeated(const nazif_linefreq *lf, const char *host,
                            size_t host_len, const char *line,
                            size_t line_len, unsigned min_docs)
{
    if (min_docs == 0) min_docs = NAZIF_LINEFREQ_MIN_DOCS;
    return nazif_linefreq_count(lf, host, host_len, line, line_len) >= min_docs;
}

size_t nazif_linefreq_size(const nazif_linefreq *lf) { return lf->lines.used; }
size_t nazif_linefreq_hosts(const nazif_linefreq *lf) { return lf->hosts.used; }

/* ---- serialisation ------------------------------------------------------- */

static const char MAGIC[6] = {'N', 'Z', 'L', 'F', '1', '\n'};

static void put64(uint8_t *p, uint64_t v)
{
    for (int k = 0; k < 8; k++) p[k] = (uint8_t)(v >> (8 * k));
}

static uint64_t get64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int k = 7; k >= 0; k--) v = (v << 8) | p[k];
    return v;
}

/* The (key, value) pairs of m sorted by key into out (2 words a pair). */
static uint8_t *put_map(uint8_t *p, const map *m, uint64_t *tmp)
{
    size_t n = 0;
    for (size_t i = 0; i < m->cap; i++)
        if (m->key[i]) tmp[n++] = m->key[i];
    if (n > 1) qsort(tmp, n, sizeof *tmp, cmp_u64);
    put64(p, n);
    p += 8;
    for (size_t k = 0; k < n; k++) {
        put64(p, tmp[k]);
        put64(p + 8, map_get(m, tmp[k]));
        p += 16;
    }
    return p;
}

int nazif_linefreq_save(const nazif_linefreq *lf, uint8_t **out, size_t *n)
{
    size_t most = lf->lines.used > lf->hosts.used ? lf->lines.used : lf->hosts.used;
    size_t bytes = sizeof MAGIC + 16 + 16 * (lf->lines.used + lf->hosts.used);
    uint8_t *buf = malloc(bytes);
    uint64_t *tmp = malloc((most ? most : 1) * sizeof *tmp);
    if (!buf || !tmp) {
        free(buf);
        free(tmp);
        return -1;
    }
    memcpy(buf, MAGIC, sizeof MAGIC);
    uint8_t *p = buf + sizeof MAGIC;
    p = put_map(p, &lf->hosts, tmp);
    p = put_map(p, &lf->lines, tmp);
    free(tmp);
    *out = buf;
    *n = (size_t)(p - buf);
    return 0;
}

static const uint8_t *get_map(const uint8_t *p, const uint8_t *end, map *m)
{
    if (end - p < 8) return NULL;
    uint64_t n = get64(p);
    p += 8;
    if (n > (uint64_t)(end - p) / 16) return NULL;
    for (uint64_t k = 0; k < n; k++) {
        uint64_t key = get64(p), val = get64(p + 8);
        p += 16;
        if (key == 0 || map_add(m, key, val)) return NULL;
    }
    return p;
}

nazif_linefreq *nazif_linefreq_load(const uint8_t *data, size_t n)
{
    if (n < sizeof MAGIC || memcmp(data, MAGIC, sizeof MAGIC) != 0) return NULL;
    nazif_linefreq *lf = nazif_linefreq_new();
    if (!lf) return NULL;
    const uint8_t *p = data + sizeof MAGIC, *end = data + n;
    p = get_map(p, end, &lf->hosts);
    if (p) p = get_map(p, end, &lf->lines);
    if (!p || p != end) {
        nazif_linefreq_free(lf);
        return NULL;
    }
    return lf;
}

size_t nazif_url_host(const char *url, size_t n, const char **host)
{
    const char *s = url, *end = url + n;
    const char *c = NULL;
    for (const char *p = s; p + 2 < end; p++) {
        if (p[0] == ':' && p[1] == '/' && p[2] == '/') {
            c = p + 3;
            break;
        }
        if (*p == '/' || *p == '?' || *p == '#') break;
    }
    if (!c) return 0;
    /* user info */
    const char *e = c;
    while (e < end && *e != '/' && *e != '?' && *e != '#') e++;
    for (const char *p = c; p < e; p++)
        if (*p == '@') c = p + 1;
    const char *h = c, *he = c;
    if (h < e && *h == '[') { /* [v6]:port */
        while (he < e && *he != ']') he++;
        if (he < e) he++;
    } else {
        while (he < e && *he != ':') he++;
    }
    *host = h;
    return (size_t)(he - h);
}
