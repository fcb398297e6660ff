/*
 * boilerplate.c -- page-furniture line classification.
 *
 * nazif__bp_decide() looks at one line and its neighbours (up to
 * NAZIF__BP_BEHIND decided lines before it, NAZIF__BP_AHEAD after it) and
 * says whether the line is page furniture: skip links, menus and
 * breadcrumbs, "read also" blocks, share bars, tag lists, comment prompts,
 * cookie notices, subscribe prompts, publication stamps,
 * copyright lines.  The phrases come from the .tsv files of data/boilerplate
 * through phrases_tables.h; this file holds only the logic.
 *
 * Two stages:
 *
 *  1. analyse() classifies a line on its own text (V_*): content, a listed
 *     phrase (strong: dropped; weak: a menu word that needs context; a list
 *     header), or "other" (a title-like line without final punctuation).
 *     It never looks at neighbours, so it can be run on any line of the
 *     window and gives the same answer each time.
 *
 *  2. nazif__bp_decide() settles weak and other lines with the neighbours:
 *     link titles under a "read also" header, short lines in a menu run,
 *     menu words next to other furniture.
 *
 * When in doubt the line is kept: dropping content is worse than keeping
 * furniture.  Truncated lines and blank lines are always kept.
 *
 * Rules, in order (stage 1 then 2):
 *   - truncated and blank lines stay;
 *   - strong phrases drop even a full sentence: a cookie notice (an opener
 *     such as "هذا الموقع يستخدم" and a cookie word), a subscribe prompt
 *     (<= 20 words), a copyright line (<= 25 words);
 *   - questions stay, and so does any line with final punctuation and more
 *     than eight words, unless the whole line is a listed prompt;
 *   - a whole-line phrase drops ("شارك الخبر", "التعليقات (0)"); a weak
 *     one (section names, networks, buttons, a date alone) waits for
 *     context; a list header ("اقرأ أيضاً:", "مقالات ذات صلة") drops;
 *   - a line opening with a listed phrase drops with its item ("اقرأ أيضاً
 *     <title>", "الكلمات الدلالية: a | b", "نشر في 3 مارس"); a source
 *     line ("المصدر: ...") is the article's and stays;
 *   - a breadcrumb/menu line ("الرئيسية > سياسة"), a line of network names;
 *   - shapes no article line has: a drawn rule ("..........", five marks
 *     or more), font-size buttons ("ت + ت - الحجم الطبيعي"), an identifier
 *     alone (a UUID, "news-20240720-178283"), a reading time ("4 دقائق
 *     قراءة", with a number or a dual: "قراءة دقيقة" is a close reading);
 *   - context: title lines after a related header are links until one is
 *     followed by a paragraph (then it is a subheading and the block is
 *     over); the first line after a header is always a link; weak words
 *     next to dropped lines or furniture drop; short lines in a run of 3+
 *     short lines, two thirds of them listed, drop (unlisted ones only near
 *     the top or the end of the page, and never right before a paragraph);
 *     a run of four or more bulleted short lines needs only a third listed;
 *   - a Latin line of up to four words and a line of symbols only ("×",
 *     "⌄", "_____") are weak; so is a bare date, and in the first ten lines
 *     it also counts as a short line of a menu run (date, weather, city);
 *   - a run of six or more headline-like lines that opens the page, none
 *     shaped like an item of the article's own list (':' '/' ' - ' inside,
 *     a leading number), is a list of other headlines: all but its last
 *     line, which may be the article's own title;
 *   - a publication stamp between the titles of a headline run or a
 *     related list is the time of the title above it, not the list's end;
 *   - an unlisted short line right above a title with its paragraph is a
 *     kicker or byline and stays (after the page's first ten lines);
 *   - "رئيس التحرير" alone and the name on the next line drop together;
 *   - a line right after a kept line ending with ':' stays (the article's
 *     own list or schedule), whatever its neighbours;
 *   - under a "most read" tab at the top of the page, a title followed by
 *     its paragraph is the article's headline, not the tab's first link.
 *   - before the article's first paragraph, a line of one to three words
 *     that repeats the line right before it (blank lines aside) is the
 *     template printing a name twice: the second copy drops; a line that
 *     ends with the whole of the next line after a path of one to six
 *     words is a breadcrumb ending with the title;
 *   - three or more title / author pairs in a row (a name: two to four
 *     words with no stop word, digit or ':'; titles five words or more on
 *     average, most not shaped like names) are other columns, unless a
 *     kept line ending with ':' introduces them;
 *   - a hand-wrapped line (ending with a comma or a word no sentence ends
 *     with, or opening with a word that continues a clause) is no member
 *     of a headline, menu or title / author run;
 *   - a short title over its dateline and paragraph, and short lines
 *     right under a kept line of four words or more (the article's own
 *     contents), stay;
 *   - a number alone before the article is a counter; a count of results
 *     or pages ("النتائج 1 إلى 22 من 22") is furniture on its shape;
 *   - three title / "date - author" pairs, or three excerpts cut to one
 *     length with a glued ellipsis, are other articles;
 *   - three "label: value" fields with counts and a forum profile's word
 *     are a member's profile box;
 *   - (with the cleaner's ring of the last 16 lines' hashes) a line of
 *     four words or more that the page prints again: a paragraph, a
 *     title right under itself, a title after a paragraph or furniture;
 *     never a list item, a speaker's turn, a piece of a wrapped
 *     paragraph, a refrain after a short line or a chorus
 *     (nazif__bp_copy_candidate);
 *   - five or more titles that end the document right after the
 *     article's last paragraph, two of them with a headline's marks (a
 *     colon inside, a digit, quotes, two dots, Latin), none with the
 *     marks of the article's own list or of a wrapped paragraph (a comma
 *     or full stop inside, two colons, '*', '|', '/', a dash, three
 *     numbers), are the page's list of other articles; a short label
 *     kept between furniture and a run counts as furniture next to it;
 *   - under a "read also" / "most read" header, a paragraph right under
 *     a link's time stamp that no paragraph follows is the link's
 *     excerpt;
 *   - before the article, a line of 300 bytes or more with no final
 *     punctuation and no comma, holding three or more '?', ':', '«' or
 *     two dots, is a ticker of headlines glued with single spaces;
 *   - a relative time alone goes with a digit too ("منذ 5 ساعات"); a
 *     full stamp, a dash or a bar and a source label is a stamp;
 *   - an ad label of one word ("إعلان") over a paragraph or a title, and
 *     the publication label alone before the article, go.
 *
 * Cost: most lines are long content lines.  For them analyse() reads the
 * last code point, counts nine words with memchr and looks up the first
 * word in a hash of the phrases' first words (plus, for lines up to 200
 * bytes, a memchr for the anchors of the copyright phrases).  Short lines
 * whose first word begins no phrase or date and that hold no separator
 * stop there too.  Only the rest are normalised in full, and only weak and
 * title-like lines look at their neighbours.
 */
#include "internal.h"
#include "phrases_tables.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Lines longer than this (bytes) are content unless a listed phrase opens
   them; they are never normalised in full. */
#define BP_LONG 320
/* Copyright lines are short: longer lines are not searched for the
   anchors of the copyright phrases. */
#define BP_ANCHOR_MAX 200
/* "A sentence": final punctuation and more than this many words. */
#define BP_SENTENCE_WORDS 8
/* A title-like line has at most this many words. */
#define BP_TITLE_WORDS 20
/* Menu runs are dropped near the top of a document (line index) or at its
   end; elsewhere only when every line of the run is a listed word. */
#define BP_TOP_LINES 40
/* The page's first lines, where a date stands among header widgets
   (weather, edition, city) rather than in a schedule. */
#define BP_HEAD_LINES 10
/* Lines longer than this (bytes) are never judged as copies of an earlier
   line of the document (nazif__bp_copy_candidate). */
#define BP_COPY_MAX NAZIF__BP_COPY_MAX

enum {
    V_BLANK,   /* empty, white space or punctuation only: never dropped */
    V_CONTENT, /* a sentence, a question, a long or truncated line */
    V_DROP,    /* furniture on its own text */
    V_HEADER,  /* a related-articles header: dropped, opens a link list */
    V_WEAK,    /* a listed menu/social/button word: furniture in context */
    V_OTHER    /* none of these: a title, a subheading, a link title ... */
};

/* The facts about one line (internal.h): its class on its own text and
   the features the context rules use. */
typedef nazif__bp_facts info;

/* ---- raw-text helpers ---------------------------------------------------- */

/* The last code point of s[0..n) that is not white space or a closing
   quote/bracket; 0 when none. */
static uint32_t last_meaningful(const uint8_t *s, size_t n)
{
    /* the common cases without decoding: an Arabic letter, a full stop,
       after trailing spaces */
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n >= 2 && s[n - 2] >= 0xD8 && s[n - 2] <= 0xDB &&
        (s[n - 1] & 0xC0) == 0x80)
        return ((uint32_t)(s[n - 2] & 0x1F) << 6) | (s[n - 1] & 0x3Fu);
    if (n >= 1 && s[n - 1] == '.') return '.';
    size_t e = n;
    while (e > 0) {
        size_t b = e - 1;
        while (b > 0 && (s[b] & 0xC0) == 0x80 && e - b < 4) b--;
        size_t len;
        uint32_t cp = nazif__utf8_decode(s + b, e - b, &len);
        if (len != e - b) cp = NAZIF__BAD;
        switch (cp) {
        case ' ': case '\t': case '\r': case '\n': case 0xA0:
        case '"': case '\'': case ')': case ']': case 0xBB /* » */:
        case 0x201D: case 0x2019: case 0x200F: case 0x200E:
            e = b;
            continue;
        default:
            return cp;
        }
    }
    return 0;
}

static int is_final_punct(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F /* ؟ */ ||
           cp == 0x2026 /* … */ || cp == 0x06D4 /* ۔ */;
}

/* More than `limit` space-separated raw tokens?  Stops early.  With SSE2,
   16 bytes at a time: a token starts at a non-space byte after a space
   (or at the line start), so the starts of a block are ~spaces & (spaces
   << 1 | the carry from the block before), taken one by one. */
static int more_words_than(const uint8_t *s, size_t n, int limit)
{
    size_t i = 0;
    int words = 0;
    unsigned carry = 1; /* the byte before i is a space (or the start) */
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(' ');
    for (; i + 16 <= n; i += 16) {
        const unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), sp));
        unsigned st = ~m & ((m << 1) | carry) & 0xFFFFu;
        carry = m >> 15;
        while (st) {
            if (++words > limit) return 1;
            st &= st - 1;
        }
    }
#endif
    for (; i < n; i++) {
        const unsigned isp = s[i] == ' ';
        if (!isp && carry && ++words > limit) return 1;
        carry = isp;
    }
    return 0;
}

/* ---- normalised-text helpers --------------------------------------------- */

static int is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* Is the code point at s[i) (a lead byte) a letter or a digit of
   normalised text? */
static int word_byte(const uint8_t *s, size_t n, size_t i)
{
    if (s[i] < 0x80)
        return (s[i] >= 'a' && s[i] <= 'z') || is_digit(s[i]) ||
               s[i] == '\'';
    size_t len;
    uint32_t cp = nazif__utf8_next(s + i, n - i, &len);
    return (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D5) ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           cp == 0xA9;
}

/* A token of normalised text: s[b..e) between spaces, and its core with
   punctuation trimmed from both ends (cb..ce). */
typedef struct tok {
    size_t b, e, cb, ce;
} tok;

/* Next space-separated token at or after *pos; 0 at the end. */
static int next_tok(const uint8_t *s, size_t n, size_t *pos, tok *t)
{
    size_t i = *pos;
    while (i < n && s[i] == ' ') i++;
    if (i >= n) return 0;
    t->b = i;
    while (i < n && s[i] != ' ') i++;
    t->e = i;
    *pos = i;
    size_t cb = t->b, ce = t->e;
    while (cb < ce && !word_byte(s, n, cb)) {
        cb++;
        while (cb < ce && (s[cb] & 0xC0) == 0x80) cb++;
    }
    while (ce > cb) {
        size_t st = ce - 1;
        while (st > cb && (s[st] & 0xC0) == 0x80) st--;
        if (word_byte(s, n, st)) break;
        ce = st;
    }
    t->cb = cb;
    t->ce = ce;
    return 1;
}

/* Does the token that starts at s[b) (not a space) hold a letter or a
   digit (next_tok()'s core is not empty)? */
static int token_has_word(const uint8_t *s, size_t n, size_t b)
{
    if (word_byte(s, n, b)) return 1; /* most tokens: their first letter */
    size_t e = b;
    while (e < n && s[e] != ' ') e++;
    size_t cb = b;
    while (cb < e && !word_byte(s, n, cb)) {
        cb++;
        while (cb < e && (s[cb] & 0xC0) == 0x80) cb++;
    }
    return cb < e;
}

/* The tokens of s[0..n) with a letter or digit, as next_tok() counts
   them.  With SSE2 the token starts of 16 bytes at a time, as in
   more_words_than(). */
static int count_words(const uint8_t *s, size_t n)
{
    size_t i = 0;
    int w = 0;
    unsigned carry = 1; /* the byte before i is a space (or the start) */
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(' ');
    for (; i + 16 <= n; i += 16) {
        const unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), sp));
        unsigned st = ~m & ((m << 1) | carry) & 0xFFFFu;
        carry = m >> 15;
        while (st) {
            w += token_has_word(s, n, i + (size_t)__builtin_ctz(st));
            st &= st - 1;
        }
    }
#endif
    for (; i < n; i++) {
        const unsigned isp = s[i] == ' ';
        if (!isp && carry) w += token_has_word(s, n, i);
        carry = isp;
    }
    return w;
}

/*
 * Date analysis of normalised text: every token a number, a date word or
 * punctuation?  Sets the flags the callers combine.
 */
typedef struct datefacts {
    int digits;   /* tokens with a digit */
    int numeric;  /* a number with / - : . inside: 2022/03/03, 10:45 */
    int month;    /* a month or week-day name */
    int unit;     /* a unit of time */
    int filler;   /* another stamp word (منذ، ص، GMT) */
    int other;    /* any other word */
    int tokens;   /* tokens with a letter or digit */
    int dual;     /* "الموافق", "هجري", "ميلادي": a date in two calendars */
} datefacts;

/* Digit groups of s[0..n) split at one kind of separator; 0 if malformed. */
static int digit_groups(const uint8_t *s, size_t n, uint8_t sep,
                        unsigned val[3], size_t width[3])
{
    int g = 0;
    size_t i = 0;
    while (i <= n) {
        if (g == 3) return 0;
        unsigned v = 0;
        size_t b = i;
        while (i < n && is_digit(s[i])) {
            if (i - b < 5) v = v * 10 + (unsigned)(s[i] - '0');
            i++;
        }
        if (i == b) return 0;
        val[g] = v;
        width[g] = i - b;
        g++;
        if (i == n) break;
        if (s[i] != sep) return 0;
        i++;
    }
    return g;
}

/* A numeric date or time: 14/11/2023, 2023-11-14, 14.11.2023, 10:45,
   10:45:30.  A phone number (71.963.512) or a score (3-1) is not. */
static int numeric_date(const uint8_t *s, size_t n)
{
    unsigned v[3];
    size_t w[3];
    static const uint8_t seps[] = {'/', '-', '.', ':'};
    for (size_t k = 0; k < sizeof seps; k++) {
        int g = digit_groups(s, n, seps[k], v, w);
        if (g < 2) continue;
        if (seps[k] == ':')
            return w[0] <= 2 && v[0] <= 24 && w[1] == 2 && v[1] < 60 &&
                   (g == 2 || (w[2] == 2 && v[2] < 60));
        if (g != 3) return 0;
        if (w[0] == 4) /* y-m-d */
            return v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= 31;
        return v[0] >= 1 && v[0] <= 31 && v[1] >= 1 && v[1] <= 12 &&
               (w[2] == 2 || w[2] == 4);
    }
    return 0;
}

static void date_facts_of(const uint8_t *s, size_t n, datefacts *d)
{
    memset(d, 0, sizeof *d);
    size_t pos = 0;
    tok t;
    while (next_tok(s, n, &pos, &t)) {
        if (t.ce <= t.cb) continue;
        d->tokens++;
        int has_digit = 0, inner_sep = 0, letters = 0;
        for (size_t k = t.cb; k < t.ce; k++) {
            if (is_digit(s[k])) has_digit = 1;
            else if (s[k] == '/' || s[k] == '-' || s[k] == ':' || s[k] == '.')
                inner_sep = 1;
            else letters = 1;
        }
        /* Arabic-Indic digits (D9 A0-A9), alone or glued to a date word
           ("١٤٤٧هـ") */
        if (!has_digit && t.ce - t.cb >= 2 && s[t.cb] == 0xD9 &&
            s[t.cb + 1] >= 0xA0 && s[t.cb + 1] <= 0xA9) {
            size_t k = t.cb;
            while (k + 1 < t.ce && s[k] == 0xD9 && s[k + 1] >= 0xA0 &&
                   s[k + 1] <= 0xA9)
                k += 2;
            int how = k < t.ce ? nazif__phr_word(s + k, t.ce - k) : 0;
            if (k == t.ce || (how != 0 && how != NAZIF__HOW_MARKER)) {
                d->digits++;
                if (how == NAZIF__HOW_MONTH) d->month++;
                continue;
            }
        }
        if (has_digit && !letters) {
            d->digits++;
            if (inner_sep && numeric_date(s + t.cb, t.ce - t.cb)) d->numeric++;
            else if (inner_sep) d->other++; /* 71.963.512, 3-1: a number */
            continue;
        }
        switch (nazif__phr_word(s + t.cb, t.ce - t.cb)) {
        case NAZIF__HOW_MONTH: d->month++; break;
        case NAZIF__HOW_UNIT: d->unit++; break;
        case NAZIF__HOW_DATEWORD:
            d->filler++;
            /* الموافق (14 bytes), هجري.. and ميلادي.. (by their first
               four letters) */
            if (t.ce - t.cb >= 8 &&
                ((t.ce - t.cb == 14 &&
                  memcmp(s + t.cb, "\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xa7\xd9\x81\xd9\x82", 14) == 0) ||
                 memcmp(s + t.cb, "\xd9\x87\xd8\xac\xd8\xb1\xd9\x8a", 8) == 0 ||
                 memcmp(s + t.cb, "\xd9\x85\xd9\x8a\xd9\x84\xd8\xa7\xd8\xaf\xd9\x8a", 8) == 0))
                d->dual = 1;
            break;
        default:
            /* "3مارس", "2022م": digits glued to a date word */
            if (has_digit) {
                size_t k = t.cb;
                while (k < t.ce && (is_digit(s[k]) || s[k] == '/')) k++;
                int how = nazif__phr_word(s + k, t.ce - k);
                if (k > t.cb && how != 0 && how != NAZIF__HOW_MARKER) {
                    d->digits++;
                    if (how == NAZIF__HOW_MONTH) d->month++;
                    break;
                }
            }
            d->other++;
            break;
        }
    }
}

/* "2015 05 14", "14 05 2015": a date written with spaces, three numbers
   (a year of four digits first or last). */
static int spaced_date(const uint8_t *s, size_t n)
{
    unsigned v[3];
    size_t w[3];
    int g = digit_groups(s, n, ' ', v, w);
    if (g != 3) return 0;
    if (w[0] == 4 && w[1] <= 2 && w[2] <= 2)
        return v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= 31;
    if (w[2] == 4 && w[0] <= 2 && w[1] <= 2)
        return v[0] >= 1 && v[0] <= 31 && v[1] >= 1 && v[1] <= 12;
    return 0;
}

/*
 * date_facts_of() on normalised s[0..n) with its commas, and a slash
 * between a letter and anything, read as spaces: "Friday 13,Feb,2026",
 * "الأربعاء، مارس 21، 2012", "تشرين ثاني/نوفمبر" (a month in two names).
 * A slash between digits stays (14/11/2023).
 */
static void date_facts(const uint8_t *s, size_t n, datefacts *d)
{
    uint8_t t[NAZIF__PHR_NORM_MAX];
    if (n > sizeof t) n = sizeof t;
    for (size_t k = 0; k < n; k++) {
        uint8_t b = s[k];
        if (b == ',') b = ' ';
        else if (b == '/' && !(k > 0 && is_digit(s[k - 1]) && k + 1 < n && is_digit(s[k + 1])))
            b = ' ';
        else if (b == 0xD8 && k + 1 < n && s[k + 1] == 0x8C) { /* ، */
            t[k++] = ' ';
            b = ' ';
        }
        t[k] = b;
    }
    date_facts_of(t, n, d);
    if (d->tokens == 3 && d->digits == 3 && d->other == 0 && d->numeric == 0 &&
        spaced_date(t, n))
        d->numeric = 1;
}

/* A rest of a stamp line that holds a date: "3 مارس 2022", "12:30", with
   at most a few other words ("| آخر تحديث 3 مارس"), none when the line
   ends like a sentence ("Updated figures are due in March." stays). */
static int date_like(const datefacts *d, int final)
{
    if (d->other > (final ? 0 : 3)) return 0;
    return d->month > 0 || d->numeric > 0 || d->digits > 0;
}

/* A clock time (digits, a colon, two digits) anywhere in raw[0..n). */
static int has_clock(const uint8_t *s, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++)
        if (s[i] == ':' && is_digit(s[i - 1]) && is_digit(s[i + 1]) && is_digit(s[i + 2]))
            return 1;
    return 0;
}

/* A whole line that is only a date or time stamp. */
static int date_only(const datefacts *d)
{
    /* "منذ سنتين", "قبل يومين": a relative time without a digit */
    if (d->other == 0 && d->digits == 0 && d->tokens <= 3 && d->unit > 0 &&
        d->filler > 0)
        return 1;
    return d->other == 0 && d->tokens <= 12 && d->digits > 0 &&
           (d->month > 0 || d->numeric > 0 || (d->unit > 0 && d->filler > 0));
}

/* Is the normalised text a listed phrase (any whole-line kind)? */
static const nazif__phrase *whole(const uint8_t *s, size_t n)
{
    return nazif__phr_whole(s, n);
}

static int sep_token(const uint8_t *s, size_t b, size_t e, int *angle)
{
    /* a token made only of separators: > >> » › « | / • · \ */
    if (b >= e) return 0;
    int any = 0;
    size_t i = b;
    while (i < e) {
        size_t len;
        uint32_t cp = nazif__utf8_decode(s + i, e - i, &len);
        if (cp == '>' || cp == 0xBB || cp == 0x203A || cp == 0xAB ||
            cp == '<' || cp == 0x2039) {
            *angle = 1;
            any = 1;
        } else if (cp == '|' || cp == '/' || cp == 0x2022 || cp == 0xB7 ||
                   cp == '\\' || cp == 0x2219 || cp == 0xA6) {
            any = 1;
        } else {
            return 0;
        }
        i += len;
    }
    return any;
}

/*
 * A breadcrumb or a menu on one line: "الرئيسية > سياسة > عربي ودولي",
 * "Home | News | Sport".  Every segment between separators is short (1-4
 * words, no final punctuation); with > » › at least two segments and a
 * listed word or three segments; with | / • at least three segments and a
 * listed word, or two listed words.
 */
static int separator_line(const uint8_t *s, size_t n)
{
    /* « and » together are quotation marks, not separators */
    int quotes = 0;
    for (size_t k = 0; k + 1 < n; k++)
        if (s[k] == 0xC2 && (s[k + 1] == 0xAB || s[k + 1] == 0xBB))
            quotes |= s[k + 1] == 0xAB ? 1 : 2;
    if (quotes == 3) return 0;
    size_t pos = 0, seg_b = 0, seg_e = 0;
    int segs = 0, known = 0, angle = 0, seps = 0, words = 0;
    int angles = 0, long_seg = 0, dots = 0, first_known = 0;
    tok t;
    int have = 0;
    for (;;) {
        int more = next_tok(s, n, &pos, &t);
        int a = 0;
        if (more && !sep_token(s, t.b, t.e, &a)) {
            if (!have) seg_b = t.b;
            seg_e = t.e;
            have = 1;
            if (t.ce > t.cb) words++;
            if (s[t.e - 1] == '!' || s[t.e - 1] == '?') return 0;
            if (s[t.e - 1] == '.') dots = 1;
            continue;
        }
        if (a) {
            angle = 1;
            angles++;
        }
        if (more) seps++;
        if (have) {
            if (words < 1 || words > 16 || seg_e - seg_b > 240) return 0;
            if (words > 4 || seg_e - seg_b > 48) long_seg = 1;
            segs++;
            if (whole(s + seg_b, seg_e - seg_b)) {
                known++;
                if (segs == 1) first_known = 1;
            }
        } else if (more && segs > 0) {
            return 0; /* two separators in a row */
        }
        have = 0;
        words = 0;
        if (!more) break;
    }
    if (seps == 0 || segs < 2) return 0;
    /* A path that opens with a listed word ("الرئيسية » أخبار محلية
       وعربية وعالمية"): a breadcrumb whatever the length of its last
       segment, the page's section or title */
    if (first_known && angle && !dots && segs <= 4) return 1;
    /* A forum's path, its names long: "العودة   <site and slogan> >
       <forum> > <section>." -- three segments or more, of up to sixteen
       words each, between two angle separators or more; one line of
       prose seldom holds two '>' (quotation marks « » together are
       refused above) */
    if (long_seg || dots) return angles >= 2 && seps == angles && segs >= 3;
    if (angle) return known >= 1 || segs >= 3;
    return (segs >= 3 && known >= 1) || known == segs;
}

/* Two " > " or more and a path by separator_line(): a forum's path. */
static int angle_path(const uint8_t *s, size_t n)
{
    int k = 0;
    for (const uint8_t *p = s; (p = memchr(p, '>', n - (size_t)(p - s))) != NULL; p++)
        if (p > s && p[-1] == ' ' && p + 1 < s + n && p[1] == ' ') k++;
    return k >= 2 && separator_line(s, n);
}

/* A breadcrumb written with dashes: "الرئيسية - أخبار - سياسة".  Three
   segments or more of one to three words between lone dashes (- or the
   en dash), the first a listed word (the home page's name or a section
   name).  Two segments are a dateline's city and source or two teams;
   an unlisted first segment may be a list in the text. */
static int dash_crumb(const uint8_t *s, size_t n)
{
    size_t pos = 0;
    tok t;
    int segs = 0, words = 0;
    size_t seg_b = 0, seg_e = 0;
    for (;;) {
        int more = next_tok(s, n, &pos, &t);
        int dash = more && ((t.e - t.b == 1 && s[t.b] == '-') ||
                            (t.e - t.b == 3 && s[t.b] == 0xE2 && s[t.b + 1] == 0x80 &&
                             s[t.b + 2] == 0x93));
        if (more && !dash) {
            if (words == 0) seg_b = t.b;
            seg_e = t.e;
            if (t.ce > t.cb) words++;
            continue;
        }
        if (words < 1 || words > 3) return 0;
        if (segs == 0 && !whole(s + seg_b, seg_e - seg_b)) return 0;
        segs++;
        words = 0;
        if (!more) break;
    }
    return segs >= 3;
}

/* "فيسبوك تويتر واتساب": two or more tokens, each a listed weak word (a
   network name, a menu word). */
static int weak_words_line(const uint8_t *s, size_t n, const char **why)
{
    size_t pos = 0;
    tok t;
    int count = 0, share = 0;
    while (next_tok(s, n, &pos, &t)) {
        if (t.ce <= t.cb) continue;
        const nazif__phrase *p = whole(s + t.cb, t.ce - t.cb);
        if (!p || p->how != NAZIF__HOW_WEAK ||
            (p->cat != NAZIF__CAT_SHARE && p->cat != NAZIF__CAT_NAV))
            return 0;
        if (p->cat == NAZIF__CAT_SHARE) share++;
        count++;
    }
    if (count < 2 || (share == 0 && count < 3)) return 0;
    *why = share ? "phrase: share bar (network names)" : "phrase: menu (section names)";
    return 1;
}

/* Ends with a link marker after a bracket or a dash: "(فيديو)", "- صور". */
static int ends_with_marker(const uint8_t *raw, size_t rn, const uint8_t *s,
                            size_t n)
{
    size_t e = n, b = n;
    while (b > 0 && s[b - 1] != ' ') b--;
    /* the opening bracket stays glued to the word in normalised text */
    size_t w = b;
    while (w < e && (s[w] == '(' || s[w] == '[' || s[w] == '-' || s[w] == '|')) w++;
    if (w == e || nazif__phr_word(s + w, e - w) != NAZIF__HOW_MARKER) return 0;
    /* the raw line must show the bracket or the dash */
    size_t k = rn;
    while (k > 0 && (raw[k - 1] == ' ' || raw[k - 1] == '\r')) k--;
    if (k > 0 && (raw[k - 1] == ')' || raw[k - 1] == ']')) return 1;
    /* "title - فيديو": a dash before the last word */
    return b >= 2 && (s[b - 2] == '-' || s[b - 2] == '|');
}

static const char *cat_reason(int cat)
{
    switch (cat) {
    case NAZIF__CAT_SKIP: return "phrase: skip link";
    case NAZIF__CAT_NAV: return "phrase: menu or breadcrumb";
    case NAZIF__CAT_RELATED: return "phrase: related-articles block";
    case NAZIF__CAT_SHARE: return "phrase: share bar";
    case NAZIF__CAT_TAGS: return "phrase: tag list";
    case NAZIF__CAT_COMMENTS: return "phrase: comment prompt";
    case NAZIF__CAT_COOKIES: return "phrase: cookie notice";
    case NAZIF__CAT_SUBSCRIBE: return "phrase: subscribe prompt";
    case NAZIF__CAT_STAMPS: return "phrase: publication stamp";
    case NAZIF__CAT_COPYRIGHT: return "phrase: copyright line";
    case NAZIF__CAT_MASTHEAD: return "phrase: masthead or advertisement";
    case NAZIF__CAT_NOTICES: return "phrase: site notice";
    default: return "phrase: page furniture";
    }
}

/* ---- stage 1: one line on its own ---------------------------------------- */

/* The reason of a short Latin-only line (compared by address). */
static const char latin_widget[] = "line: Latin widget word";
/* The reason of a bare date (compared by address). */
static const char date_stamp[] = "line: date stamp";
/* A box of other articles shows the page by its pattern alone: these
   reasons are page evidence (nazif__bp_reason_kind(): NAZIF__BP_LISTING) */
static const char box_pairs[] = "context: titles and excerpts of other articles";
static const char box_excerpts[] = "context: excerpts of other articles";
static const char box_teaser[] = "context: excerpt over its read-more link";
static const char counter[] = "line: counter";
static const char widget_symbol[] = "line: widget symbol";
/* A short name with a dash and nothing after it ("المغرب الرياضي  -"),
   and a form field's label with its required mark ("البريد الإلكتروني *"). */
static const char site_dash[] = "line: site name before a dash";
static const char form_field[] = "line: form field";

static void set(info *f, int v, const char *why)
{
    f->v = v;
    f->why = why;
}

/* Rules for a line that opens with a head phrase p (rest at s[rest..n)).
   Returns 1 when they decide the line. */
static int head_rules(info *f, const nazif__phrase *p, const uint8_t *s,
                      size_t n, size_t rest, int sentence)
{
    int rest_words = count_words(s + rest, n - rest);
    switch (p->cat) {
    case NAZIF__CAT_COOKIES:
        if (p->how == NAZIF__HOW_OPENER && f->words <= 60 &&
            nazif__phr_contains(s, n, NAZIF__CAT_COOKIES, NAZIF__HOW_TERM)) {
            set(f, V_DROP, "phrase: cookie notice");
            return 1;
        }
        return 0;
    case NAZIF__CAT_SUBSCRIBE:
        if (f->words <= 20) {
            set(f, V_DROP, "phrase: subscribe prompt");
            return 1;
        }
        return 0;
    case NAZIF__CAT_COMMENTS:
        /* the notice that opens a comment form */
        if (f->words <= 25) {
            set(f, V_DROP, "phrase: comment form");
            return 1;
        }
        return 0;
    case NAZIF__CAT_COPYRIGHT: {
        /* "Copyright 2023 ...", "حقوق النشر © ...": needs a year or © */
        int year = 0;
        for (size_t k = rest; k < n; k++)
            if (is_digit(s[k]) || (s[k] == 0xC2 && k + 1 < n && s[k + 1] == 0xA9))
                year = 1;
        if ((year || rest_words == 0) && f->words <= 25) {
            set(f, V_DROP, "phrase: copyright line");
            return 1;
        }
        return 0;
    }
    default:
        break;
    }
    if (sentence) return 0; /* a real sentence that begins with the words */
    if (p->how == NAZIF__HOW_LABEL) {
        /* "شاهد: ..." -- a link only inside a related block (decided with
           the neighbours); also how video headlines begin */
        if (rest_words == 0) {
            set(f, V_HEADER, "phrase: related-articles header");
            return 1;
        }
        set(f, V_OTHER, NULL);
        f->title = f->words <= BP_TITLE_WORDS;
        f->marker = 1;
        return 1;
    }
    switch (p->cat) {
    case NAZIF__CAT_RELATED:
        /* "المزيد في سياسة": more from a section, a header too */
        if (rest_words == 0 ||
            (rest_words <= 2 && !f->final && p->len >= 12 &&
             memcmp(p->s, "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb2\xd9\x8a\xd8\xaf", 12) == 0)) {
            set(f, V_HEADER, "phrase: related-articles header");
            f->cat = p->cat;
            return 1;
        }
        if (f->words <= 30) {
            set(f, V_DROP, "phrase: related-article link (read also ...)");
            return 1;
        }
        return 0;
    case NAZIF__CAT_TAGS:
        /* the label alone opens a list: the tags follow, one a line */
        if (rest_words == 0) set(f, V_HEADER, "phrase: tag list header");
        else set(f, V_DROP, "phrase: tag list");
        f->cat = p->cat;
        return 1;
    case NAZIF__CAT_MASTHEAD:
        /* "رئيس التحرير: <name>": a title and a name ("د. خالد بن ثاني آل
           ثاني" is six words) */
        if (!f->final && rest_words >= 1 && rest_words <= 7) {
            set(f, V_DROP, "phrase: masthead or editor line");
            return 1;
        }
        return 0;
    case NAZIF__CAT_NOTICES:
        if (f->words <= 30) {
            set(f, V_DROP, "phrase: site notice");
            return 1;
        }
        return 0;
    case NAZIF__CAT_STAMPS:
        if (p->how == NAZIF__HOW_DATE) {
            datefacts d;
            date_facts(s + rest, n - rest, &d);
            if (rest_words == 0 || date_like(&d, f->final)) {
                set(f, V_DROP, "phrase: publication stamp");
                return 1;
            }
            return 0;
        }
        /* no other opener is listed: source lines ("المصدر: ...") are
           the article's (stamps.tsv) */
        return 0;
    default:
        /* share bars and the rest: a label and a few words */
        if (!f->final && rest_words <= 6) {
            set(f, V_DROP, cat_reason(p->cat));
            return 1;
        }
        return 0;
    }
}

/* A separator byte sequence at s[k): > | / < \\ » « · ¦ • › ‹ ∙ */
static int sep_at(const uint8_t *s, size_t n, size_t k)
{
    uint8_t c = s[k];
    if (c == '>' || c == '|' || c == '/' || c == '<' || c == '\\') return 1;
    if (c == 0xC2 && k + 1 < n)
        return s[k + 1] == 0xBB || s[k + 1] == 0xAB || s[k + 1] == 0xB7 ||
               s[k + 1] == 0xA6;
    if (c == 0xE2 && k + 2 < n)
        return (s[k + 1] == 0x80 &&
                (s[k + 2] == 0xA2 || s[k + 2] == 0xBA || s[k + 2] == 0xB9)) ||
               (s[k + 1] == 0x88 && s[k + 2] == 0x99);
    return 0;
}

/* Bytes that may start a separator: 1 for the ASCII ones (> | / < \\),
   2 for lead bytes of » « · ¦ (C2) and • › ‹ ∙ (E2), checked by sep_at. */
static const uint8_t sep_byte[256] = {
    ['>'] = 1, ['|'] = 1, ['/'] = 1, ['<'] = 1, ['\\'] = 1,
    [0xC2] = 2, [0xE2] = 2,
};

/* Which bytes s[0..n) holds: 1 an ASCII separator (> | / < \\), 2 a
   lead byte C2 or E2 (sep_byte), 4 an ASCII digit.  16 bytes at a time
   where SSE2 is there. */
static unsigned sep_digit_bits(const uint8_t *s, size_t n)
{
    unsigned acc = 0;
    size_t k = 0;
#if defined(__SSE2__)
    if (n >= 16) {
        const __m128i c0 = _mm_set1_epi8('0'), c9 = _mm_set1_epi8('9');
        const __m128i gt = _mm_set1_epi8('>'), bar = _mm_set1_epi8('|'),
                      sl = _mm_set1_epi8('/'), lt = _mm_set1_epi8('<'),
                      bs = _mm_set1_epi8('\\');
        const __m128i c2 = _mm_set1_epi8((char)0xC2), e2 = _mm_set1_epi8((char)0xE2);
        __m128i asc = _mm_setzero_si128(), lead = asc, dig = asc;
        for (; k + 16 <= n; k += 16) {
            const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
            asc = _mm_or_si128(asc, _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, bar)),
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sl), _mm_cmpeq_epi8(v, lt)),
                             _mm_cmpeq_epi8(v, bs))));
            lead = _mm_or_si128(lead, _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
            dig = _mm_or_si128(dig, _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, c0), v),
                                                  _mm_cmpeq_epi8(_mm_min_epu8(v, c9), v)));
        }
        if (_mm_movemask_epi8(asc)) acc |= 1;
        if (_mm_movemask_epi8(lead)) acc |= 2;
        if (_mm_movemask_epi8(dig)) acc |= 4;
    }
#endif
    for (; k < n; k++) acc |= sep_byte[s[k]] | (s[k] >= '0' && s[k] <= '9' ? 4u : 0u);
    return acc;
}

/* Does s[0..n), whose sep_digit_bits() are `bits`, hold a separator?  An
   exact look only when a C2/E2 lead byte occurs. */
static int has_sep_of(const uint8_t *s, size_t n, unsigned bits)
{
    if (bits & 1) return 1;
    if (bits & 2)
        for (size_t k = 0; k < n; k++)
            if (sep_byte[s[k]] == 2 && sep_at(s, n, k)) return 1;
    return 0;
}

/* Does the raw line hold a separator? */
static int raw_has_sep(const uint8_t *s, size_t n)
{
    return has_sep_of(s, n, sep_digit_bits(s, n));
}

/* Does the first token start with a digit (ASCII or Arabic-Indic)? */
static int raw_digit_first(const uint8_t *s, size_t n)
{
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
    if (k >= n) return 0;
    if (s[k] >= '0' && s[k] <= '9') return 1;
    return k + 1 < n &&
           ((s[k] == 0xD9 && s[k + 1] >= 0xA0 && s[k + 1] <= 0xA9) ||
            (s[k] == 0xDB && s[k + 1] >= 0xB0 && s[k + 1] <= 0xB9));
}

/* Only ASCII letters, spaces and punctuation (no digit, no other script),
   with at least one letter. */
static int latin_only(const uint8_t *s, size_t n)
{
    int letters = 0;
    for (size_t k = 0; k < n; k++) {
        uint8_t c = s[k];
        if (c >= 0x80 || (c >= '0' && c <= '9')) return 0;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') letters = 1;
    }
    return letters;
}

/* Does the line end with " […]" or " [...]" after eight words or more? */
static int engine_excerpt(const uint8_t *s, size_t n)
{
    size_t e;
    if (n >= 6 && memcmp(s + n - 4, "\xE2\x80\xA6]", 4) == 0 && s[n - 5] == '[') e = n - 5;
    else if (n >= 6 && memcmp(s + n - 5, "[...]", 5) == 0) e = n - 5;
    else return 0;
    if (e == 0 || s[e - 1] != ' ') return 0;
    return more_words_than(s, e, 8);
}

/* The class names of a page's widgets left as text ("top-contact
   menu-bar top-contact menu-bar Newspapers menu-bar top-home"): ASCII
   only, and two tokens in three or more (three at least) lower-case
   names joined by '-' or '_' inside.  A compound in English prose
   ("well-known") is one token among many plain words. */
static int class_names(const uint8_t *s, size_t n)
{
    int tokens = 0, names = 0;
    size_t k = 0;
    while (k < n) {
        while (k < n && s[k] == ' ') k++;
        if (k >= n) break;
        size_t b = k;
        int lower = 1, join = 0;
        for (; k < n && s[k] != ' '; k++) {
            uint8_t c = s[k];
            if (c >= 0x80) return 0;
            if ((c == '-' || c == '_') && k > b && k + 1 < n && s[k + 1] != ' ') join = 1;
            else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) lower = 0;
        }
        tokens++;
        names += lower && join;
    }
    return names >= 3 && 3 * names >= 2 * tokens;
}

/* A line of program code in an article's listing: ASCII only, with a
   brace, a semicolon or '=', or a name called with brackets ("print(x)");
   a closing brace alone ("}", "});").  Menus and widget words ("- Home",
   "Menu", "news") have none of these. */
static int code_line(const uint8_t *s, size_t n)
{
    int call = 0, code = 0;
    for (size_t k = 0; k < n; k++) {
        const uint8_t c = s[k];
        if (c >= 0x80) return 0;
        if (c == '{' || c == '}' || c == ';' || c == '=') code = 1;
        if (c == '(' && k > 0 && ((s[k - 1] | 0x20) >= 'a' && (s[k - 1] | 0x20) <= 'z') &&
            memchr(s + k, ')', n - k))
            call = 1;
    }
    return code || call;
}

/* No letter and no digit of any script: only symbols and punctuation
   ("×", "⌄", "________", "--°C" has letters and is not one).  Bytes
   0xC3-0xDF lead letters of Latin-1/Greek/Cyrillic/Arabic... (0xC2 leads
   symbols such as × « » °, 0xC3 0x97 is ×); E2 leads general punctuation,
   arrows and box drawing; other 3-byte and 4-byte sequences are taken as
   letters (CJK, Arabic presentation forms). */
static int symbols_only(const uint8_t *s, size_t n)
{
    int sym = 0;
    for (size_t k = 0; k < n; k++) {
        uint8_t c = s[k];
        if (c < 0x80) {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return 0;
            if (c >= '0' && c <= '9') return 0;
            if (c != ' ' && c != '\t') sym = 1;
            continue;
        }
        if (c == 0xC2 && k + 1 < n) { sym = 1; k++; continue; }
        if (c == 0xC3 && k + 1 < n && s[k + 1] == 0x97) { sym = 1; k++; continue; }
        if (c == 0xE2 && k + 2 < n) { sym = 1; k += 2; continue; }
        return 0;
    }
    return sym;
}

/* Holds a mark a sentence may leave on a line of its own when a
   paragraph is wrapped by hand: ':' '"' '.' ',' ';' '\'' « » “ ”. */
static int sentence_mark(const uint8_t *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        uint8_t c = s[k];
        if (c == ':' || c == '"' || c == '.' || c == ',' || c == ';' || c == '\'') return 1;
        if (c == 0xC2 && k + 1 < n && (s[k + 1] == 0xAB || s[k + 1] == 0xBB)) return 1;
        if (c == 0xE2 && k + 2 < n && s[k + 1] == 0x80 &&
            (s[k + 2] == 0x9C || s[k + 2] == 0x9D))
            return 1;
    }
    return 0;
}

/* Opens with a list bullet and a space: "- ", "• ", "* ", "– ", "▪ ". */
static int raw_bullet(const uint8_t *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] == ' ') k++;
    size_t b = k;
    if (k < n && (s[k] == '-' || s[k] == '*')) k++;
    else if (k + 2 < n && s[k] == 0xE2 && s[k + 1] == 0x80 &&
             (s[k + 2] == 0xA2 || s[k + 2] == 0x93 || s[k + 2] == 0x94))
        k += 3; /* • – — */
    else if (k + 2 < n && s[k] == 0xE2 && s[k + 1] == 0x96 &&
             (s[k + 2] == 0xAA || s[k + 2] == 0xA0))
        k += 3; /* ▪ ■ */
    return k > b && k < n && s[k] == ' ';
}

/* An image file name alone: "logo-header.png", "IMG_2231.JPG". */
static int image_name(const uint8_t *s, size_t n)
{
    while (n > 0 && s[n - 1] == ' ') n--;
    if (n < 5 || n > 120 || memchr(s, ' ', n)) return 0;
    static const char *const ext[] = {".png", ".jpg", ".jpeg", ".gif",
                                      ".webp", ".svg"};
    for (size_t e = 0; e < sizeof ext / sizeof ext[0]; e++) {
        size_t el = strlen(ext[e]);
        if (n <= el) continue;
        size_t j = 0;
        while (j < el && (s[n - el + j] | 0x20) == (uint8_t)ext[e][j]) j++;
        if (j == el) return 1;
    }
    return 0;
}

/*
 * A headline ticker: several titles on one line, set apart by runs of
 * three or more spaces (or tabs), "عاجل    title    title    title".
 * At least three pieces, each of one to twenty words without final
 * punctuation inside.  Running text does not hold such gaps.
 */
/* Does s[0..n) hold a tab or three spaces in a row?  A ticker needs two
   such gaps; most lines have none, found 16 bytes at a time. */
static int has_gap(const uint8_t *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    for (; i + 18 <= n; i += 16) {
        const __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        const __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        const __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 2));
        const __m128i three = _mm_and_si128(_mm_cmpeq_epi8(v0, sp),
                                            _mm_and_si128(_mm_cmpeq_epi8(v1, sp),
                                                          _mm_cmpeq_epi8(v2, sp)));
        if (_mm_movemask_epi8(_mm_or_si128(three, _mm_cmpeq_epi8(v0, tab)))) return 1;
    }
#endif
    for (; i < n; i++) {
        if (s[i] == '\t') return 1;
        if (i + 2 < n && s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ') return 1;
    }
    return 0;
}

static int ticker_line(const uint8_t *s, size_t n)
{
    int pieces = 0, words = 0, gaps = 0;
    size_t i = 0;
    if (!has_gap(s, n)) return 0; /* no gap: gaps stays 0 below */
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    while (i < n) {
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != '\t') i++;
        if (i > b) {
            words++;
            uint8_t last = s[i - 1];
            if (last == '.' || last == '!' || last == '?') {
                /* "..." ends many tickers' titles; a full stop does not */
                if (!(i - b >= 2 && s[i - 2] == '.')) return 0;
            }
        }
        size_t sp = i;
        int tab = 0;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            if (s[i] == '\t') tab = 1;
            i++;
        }
        if (i < n && (i - sp >= 3 || tab)) {
            if (words < 1 || words > BP_TITLE_WORDS) return 0;
            pieces++;
            gaps++;
            words = 0;
        }
    }
    if (words >= 1 && words <= BP_TITLE_WORDS) pieces++;
    return gaps >= 2 && pieces >= 3;
}

/* A short line that holds "اضغط هنا" / "انقر هنا" / "click here": a link
   prompt of the page ("لقراءة الخبر كاملاً اضغط هنا", "نرجو النقر هنا
   لاستخدام الموقع البديل").  Article text does not tell its reader to
   click.  The verb is the token right before "هنا"; not "الضغط"
   ("الضغط هنا في العاصمة": the pressure here). */
static int click_here(const uint8_t *s, size_t n)
{
    static const char *const verbs[] = {
        "اضغط", "إضغط", "أضغط", "اضغطوا", "انقر", "إنقر", "أنقر", "انقروا",
        "النقر", "بالنقر", "اكبس"};
    int found = 0;
    /* "هنا" (D9 87 D9 86 D8 A7): memchr to each 0x87, the second byte of
       ه, then a look at the bytes around it */
    const uint8_t *p = s, *end = s + n;
    while (!found && (p = memchr(p, 0x87, (size_t)(end - p))) != NULL) {
        size_t k = (size_t)(p - s);
        p++;
        if (k < 3 || k + 5 > n || s[k - 1] != 0xD9 || s[k + 1] != 0xD9 ||
            s[k + 2] != 0x86 || s[k + 3] != 0xD8 || s[k + 4] != 0xA7)
            continue;
        size_t b = k - 1, e = k + 5; /* the token "هنا" is s[b..e) */
        if (s[b - 1] != ' ') continue;
        if (e < n && s[e] != ' ' && s[e] != '.' && s[e] != ':' && s[e] != '!' &&
            s[e] != ',' && s[e] != ')')
            continue;
        size_t ve = b - 1, vb = ve;
        while (vb > 0 && s[vb - 1] != ' ') vb--;
        for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
            size_t vl = strlen(verbs[v]);
            if (ve - vb == vl && memcmp(s + vb, verbs[v], vl) == 0) found = 1;
        }
    }
    /* "click here", any case: memchr to each k */
    for (p = s; !found && p < end;) {
        const uint8_t *q1 = memchr(p, 'k', (size_t)(end - p));
        const uint8_t *q2 = memchr(p, 'K', (size_t)(end - p));
        const uint8_t *q = q1 && (!q2 || q1 < q2) ? q1 : q2;
        if (!q) break;
        size_t k = (size_t)(q - s);
        p = q + 1;
        if (k >= 4 && k + 5 < n && (k == 4 || s[k - 5] == ' ') &&
            (s[k - 4] | 0x20) == 'c' && (s[k - 3] | 0x20) == 'l' &&
            (s[k - 2] | 0x20) == 'i' && (s[k - 1] | 0x20) == 'c' &&
            s[k + 1] == ' ' && (s[k + 2] | 0x20) == 'h' &&
            (s[k + 3] | 0x20) == 'e' && (s[k + 4] | 0x20) == 'r' &&
            (s[k + 5] | 0x20) == 'e')
            found = 1;
    }
    return found && !more_words_than(s, n, 20);
}

/* s[0..n) without white space at either end. */
static inline void trim_ws(const uint8_t **s, size_t *n)
{
    while (*n > 0 && (**s == ' ' || **s == '\t' || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
                      (*s)[*n - 1] == '\r'))
        (*n)--;
}

/* A rule drawn with one punctuation mark repeated: "..........",
   "-----------", "==========", "* * * * *" alone on a line (five marks
   or more; spaces between them allowed).  An ellipsis ("...") is three
   and stays. */
static int rule_line(const uint8_t *s, size_t n)
{
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
    if (k == n) return 0;
    uint8_t m = s[k];
    if (m != '.' && m != '-' && m != '_' && m != '=' && m != '*' && m != '~' &&
        m != '#')
        return 0;
    int marks = 0;
    for (; k < n; k++) {
        if (s[k] == m) marks++;
        else if (s[k] != ' ' && s[k] != '\t') return 0;
    }
    return marks >= 5;
}

/* The font-size buttons of an article page: "ت + ت - الحجم الطبيعي",
   "A+ A-", "+ الخط -", "أ- أ+".  Every token is a '+' or '-' glued to
   nothing or to one of the letters or words of such buttons, and both
   signs occur. */
static int font_buttons(const uint8_t *s, size_t n)
{
    int plus = 0, minus = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != '\t') i++;
        if (i == b) break;
        size_t cb = b, ce = i;
        while (cb < ce && (s[cb] == '+' || s[cb] == '-')) {
            if (s[cb] == '+') plus++; else minus++;
            cb++;
        }
        while (ce > cb && (s[ce - 1] == '+' || s[ce - 1] == '-')) {
            if (s[ce - 1] == '+') plus++; else minus++;
            ce--;
        }
        if (ce == cb) continue;
        if (!nazif__phr_shape_word(NAZIF__SHAPE_FONTWORD, s + cb, ce - cb)) return 0;
    }
    return plus > 0 && minus > 0;
}

/* An identifier alone on a line: a UUID, or a slug such as
   "news-20072024-132747" -- one token of ASCII letters and digits joined
   by '-' or '_' (two joints or more), six digits or more, a letter, no
   dot.  A page's template left it; article text does not hold one
   alone. */
static int id_token(const uint8_t *s, size_t n)
{
    trim_ws(&s, &n);
    size_t k = 0;
    if (n < 12 || n > 64) return 0;
    int digits = 0, letters = 0, joints = 0;
    for (; k < n; k++) {
        uint8_t c = s[k];
        if (c >= '0' && c <= '9') digits++;
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') letters++;
        else if (c == '-' || c == '_') joints++;
        else return 0;
    }
    return digits >= 6 && letters > 0 && joints >= 2;
}

/* How long the article takes to read: "3 دقائق قراءة", "قراءة 5 دقائق",
   "وقت القراءة: دقيقتان", "دقيقة واحدة للقراءة": at most six words, one
   of them a word of reading and one a word of minutes. */
static int reading_time(const uint8_t *s, size_t n)
{
    /* "قر" (D9 82 D8 B1) and "دق" (D8 AF D9 82): without both, no
       reading time; memchr to each 0x82, the second byte of ق */
    int qr = 0, dq = 0;
    for (const uint8_t *p = s, *end = s + n;
         (!qr || !dq) && (p = memchr(p, 0x82, (size_t)(end - p))) != NULL; p++) {
        size_t k = (size_t)(p - s);
        if (k < 1 || s[k - 1] != 0xD9) continue;
        if (k + 2 < n && s[k + 1] == 0xD8 && s[k + 2] == 0xB1) qr = 1;
        if (k >= 3 && s[k - 3] == 0xD8 && s[k - 2] == 0xAF) dq = 1;
    }
    if (!qr || !dq || more_words_than(s, n, 6)) return 0;
    int r = 0, m = 0, num = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '|')) i++;
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != ':' && s[i] != '|') {
            /* a digit, ASCII or Arabic-Indic (D9 A0-A9) */
            if ((s[i] >= '0' && s[i] <= '9') ||
                (s[i] == 0xD9 && i + 1 < n && s[i + 1] >= 0xA0 && s[i + 1] <= 0xA9))
                num = 1;
            i++;
        }
        if (nazif__phr_shape_word(NAZIF__SHAPE_READWORD, s + b, i - b)) r = 2;
        else if (nazif__phr_shape_word(NAZIF__SHAPE_READWORD_BARE, s + b, i - b) && !r) r = 1;
        if (nazif__phr_shape_word(NAZIF__SHAPE_MINUTE_DUAL, s + b, i - b)) m = 2;
        else if (nazif__phr_shape_word(NAZIF__SHAPE_MINUTE, s + b, i - b) && !m) m = 1;
    }
    /* "قراءة دقيقة في الموقف" (a close reading) is a subheading: a number,
       the dual of minutes or "(لل|ال)قراءة" must say it is a duration */
    return r && m && (num || m == 2 || r == 2);
}

/* An e-mail address alone on its line ("name7@example.com"): a
   columnist's contact under the byline. */
static int email_line(const uint8_t *s, size_t n)
{
    trim_ws(&s, &n);
    if (n < 6 || n > 80) return 0;
    const uint8_t *at = memchr(s, '@', n);
    if (!at || at == s || memchr(s, ' ', n)) return 0;
    const uint8_t *dot = memchr(at, '.', (size_t)(s + n - at));
    return dot && dot > at + 1 && dot < s + n - 2;
}

/* Does the line open with the name of a kind of publication ("صحيفة",
   "جريدة", "بوابة", "موقع", "مجلة", "شبكة", "منتدى", "قناة", "وكالة") and
   have at most four words?  The site's name in its header ("صحيفة
   الحداثة", "بوابة الدولة الاخبارية"). */
static int publication_name(const uint8_t *s, size_t n)
{
    trim_ws(&s, &n);
    if (n == 0 || s[0] < 0xD8 || s[0] > 0xDB || more_words_than(s, n, 4))
        return 0;
    size_t e = 0;
    while (e < n && s[e] != ' ') e++;
    if (e == n) return 0; /* the noun alone */
    return nazif__phr_shape_word(NAZIF__SHAPE_PUBNOUN, s, e);
}

/* Headlines glued with the site's Latin name between them: "title
   nayrouz title nayrouz title", in the page's first five lines.  One Latin token three or more times,
   with Arabic words between its copies, and no other Latin word. */
static int latin_sep_ticker(const uint8_t *s, size_t n)
{
    /* the first headline ends and the site's name follows within the
       first 200 bytes: no ASCII letter there, no such ticker (one
       branch-free pass; Arabic paragraphs stop here) */
    unsigned acc = 0;
    size_t lim = n < 200 ? n : 200;
    for (size_t k = 0; k < lim; k++)
        acc |= (unsigned)((uint8_t)((s[k] | 0x20) - 'a') < 26);
    if (!acc) return 0;
    size_t i = 0, sb = 0, sl = 0;
    int copies = 0, arabic = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        size_t b = i;
        int latin = 1;
        while (i < n && s[i] != ' ') {
            uint8_t c = s[i];
            if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) latin = 0;
            i++;
        }
        if (i == b) break;
        if (s[b] >= 0xD8 && s[b] <= 0xDB) {
            arabic++;
            continue;
        }
        if (!latin || i - b < 3) continue;
        if (sl == 0) {
            sb = b;
            sl = i - b;
        } else if (i - b != sl || memcmp(s + b, s + sb, sl) != 0) {
            return 0; /* two Latin words: a bilingual line, not a ticker */
        }
        copies++;
    }
    return copies >= 3 && arabic >= 3 * copies;
}

/* A digit at s[k]: 1 for an ASCII digit, 2 for an Arabic-Indic one (D9
   A0-A9), 0 for none. */
static size_t digit_len(const uint8_t *s, size_t n, size_t k)
{
    if (s[k] >= '0' && s[k] <= '9') return 1;
    return s[k] == 0xD9 && k + 1 < n && s[k + 1] >= 0xA0 && s[k + 1] <= 0xA9 ? 2 : 0;
}

/* Is the line a hand-wrapped piece of a paragraph?  1 when it ends with a
   comma or a semicolon (no title does) or with a word no sentence ends
   with ("مع", "التي", the article alone), 2 when it opens with a word that
   only continues a clause ("التي", "فهي", "طالما"), 3 both.  Such a line
   is no headline and no menu item (data/boilerplate/words.tsv). */
static int wrap_facts(const uint8_t *s, size_t n)
{
    int w = 0;
    trim_ws(&s, &n);
    if (n == 0) return 0;
    uint8_t e = s[n - 1];
    if (e == ',' || e == ';' ||
        (n >= 2 && s[n - 2] == 0xD8 && (e == 0x8C || e == 0x9B))) /* ، ؛ */
        w |= 1;
    else {
        size_t b = n;
        while (b > 0 && s[b - 1] != ' ') b--;
        if (nazif__phr_shape_word(NAZIF__SHAPE_WRAP_END, s + b, n - b)) w |= 1;
    }
    size_t e2 = 0;
    while (e2 < n && s[e2] != ' ') e2++;
    if (e2 < n && nazif__phr_shape_word(NAZIF__SHAPE_WRAP_START, s, e2)) w |= 2;
    return w;
}

/* A number alone on its line: a widget's counter (views, comments,
   posts: "125", "5,249", "#1", "1."), not a year alone (a heading of a
   timeline) or a date.  Digits (ASCII or Arabic-Indic), ',' '.' '#' and
   single spaces, at most 12 bytes. */
static int counter_line(const uint8_t *s, size_t n)
{
    trim_ws(&s, &n);
    if (n == 0 || n > 12) return 0;
    int digits = 0, groups = 0, run = 0;
    for (size_t k = 0; k < n; k++) {
        uint8_t c = s[k];
        size_t dl = digit_len(s, n, k);
        if (dl) {
            digits++;
            if (!run) groups++;
            run = 1;
            k += dl - 1;
            continue;
        }
        if (c == ',' || c == '.' || c == '#') {
            if (c != ',') run = 0;
            continue;
        }
        if (c == ' ') {
            if (k > 0 && s[k - 1] == ' ') return 0;
            run = 0;
            continue;
        }
        return 0;
    }
    if (digits == 0) return 0;
    /* a year alone, a date of two or three numbers ("07 2002") */
    if (groups == 1 && digits == 4 && n >= 4 &&
        ((s[0] == '1' && s[1] == '9') || (s[0] == '2' && s[1] == '0')))
        return 0;
    /* a number of three digits or more with a full stop ("85845."): the
       tail of a sentence wrapped by hand; "1." is an item's number */
    if (s[n - 1] == '.' && digits > 2) return 0;
    return groups <= 2 && !(groups == 2 && digits >= 6);
}

/* A count of results or pages: three numbers with "من" before the last
   ("النتائج 1 إلى 22 من 22", "عرض 1 - 10 من 45"), or "صفحة 2 من 5", in
   at most eight words.  A forum's or a search page's pager. */
static int pager_line(const uint8_t *s, size_t n)
{
    static const uint8_t min[] = {0xD9, 0x85, 0xD9, 0x86};             /* من */
    static const uint8_t page1[] = {0xD8, 0xB5, 0xD9, 0x81, 0xD8, 0xAD, 0xD8, 0xA9};
    /* two digits at least, ASCII or Arabic-Indic: most lines stop here */
    int digits = 0;
    for (size_t k = 0; k < n && digits < 2; k++)
        digits += digit_len(s, n, k) != 0;
    if (digits < 2) return 0;
    size_t pos = 0;
    tok t;
    int words = 0, nums = 0, num_before_min = 0, min_after_num = 0;
    int page = 0, prev_num = 0;
    while (next_tok(s, n, &pos, &t)) {
        if (++words > 8) return 0;
        size_t b = t.b, e = t.e;
        int num = 1, dig = 0;
        for (size_t k = b; k < e; k++) {
            size_t dl = digit_len(s, e, k);
            if (dl) {
                dig = 1;
                k += dl - 1;
            } else if (s[k] != ',') {
                num = 0;
                break;
            }
        }
        if (num && dig) {
            nums++;
            if (min_after_num) return nums >= 2 && (num_before_min >= 2 || page);
            prev_num = 1;
            continue;
        }
        if (e - b == sizeof min && memcmp(s + b, min, sizeof min) == 0) {
            if (prev_num) { num_before_min = nums; min_after_num = 1; }
        } else if ((e - b == sizeof page1 && memcmp(s + b, page1, sizeof page1) == 0) ||
                   (e - b == sizeof page1 + 4 && memcmp(s + b, "\xd8\xa7\xd9\x84", 4) == 0 &&
                    memcmp(s + b + 4, page1, sizeof page1) == 0)) {
            page = 1;
        }
        prev_num = 0;
    }
    return 0;
}

/* wrap_facts() of a title-like line, computed when a rule first asks
   (cached); 0 for any other line. */
static int wrap_of(const nazif__bp_line *L, const info *f)
{
    if (f->v != V_OTHER) return 0;
    if (f->wrap >= 0) return f->wrap;
    if (L->facts && L->facts->valid && L->facts->wrap >= 0) return L->facts->wrap;
    int w = wrap_facts(L->s, L->len);
    if (L->facts && L->facts->valid) L->facts->wrap = w;
    return w;
}

/* The V_OTHER / short V_CONTENT outcome for a line with no listed word.
   Word counts from the raw text, only as far as the thresholds need. */
/*
 * The mark that ends a short line, after its spaces: 1 for a dash ('-',
 * '–') with a space before it and a word before that ("المغرب الرياضي  -",
 * " صوت الإمارات -": a site's name printed before a dateline or a
 * title), 2 for a '*' glued to or after a word ("الإسم *", "إلزامي *":
 * a form field that must be filled), 0 otherwise.  A line that opens
 * with '*' or '-' is a list item or a rule, not these.
 */
/* Does normalised s[0..n) open with the label of a source ("المصدر:",
   "Source", words.tsv)? */
static int source_label(const uint8_t *s, size_t n)
{
    size_t pos = 0;
    tok t;
    if (!next_tok(s, n, &pos, &t)) return 0;
    return nazif__phr_shape_word(NAZIF__SHAPE_SOURCE, s + t.b, t.e - t.b) ||
           (t.ce > t.cb &&
            nazif__phr_shape_word(NAZIF__SHAPE_SOURCE, s + t.cb, t.ce - t.cb));
}

static int tail_mark(const uint8_t *s, size_t n)
{
    while (n > 0 && s[n - 1] == ' ') n--;
    size_t b = 0;
    while (b < n && s[b] == ' ') b++;
    if (n < b + 3 || s[b] == '*' || s[b] == '-') return 0;
    int kind = 0;
    size_t k;
    if (s[n - 1] == '-') {
        kind = 1;
        k = n - 1;
    } else if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] == 0x93) {
        kind = 1;
        k = n - 3;
    } else if (s[n - 1] == '*') {
        kind = 2;
        k = n - 1;
        if (k > 0 && s[k - 1] == '*') return 0; /* "**bold**" */
    } else {
        return 0;
    }
    if (kind == 1 && (k == 0 || s[k - 1] != ' ')) return 0;
    while (k > b && s[k - 1] == ' ') k--;
    if (k == b) return 0;
    /* a word before the mark: a letter's last byte */
    uint8_t c = s[k - 1];
    return (c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9'))
               ? kind
               : 0;
}

static void plain(info *f, int question, const uint8_t *raw, size_t rn)
{
    if (question) {
        set(f, V_CONTENT, NULL);
    } else if (f->final) {
        set(f, V_CONTENT, NULL);
        f->para = more_words_than(raw, rn, 4);
    } else {
        set(f, V_OTHER, NULL);
        f->title = !more_words_than(raw, rn, BP_TITLE_WORDS);
        f->very_short = rn <= 64 && !more_words_than(raw, rn, 3);
        if (rn <= 64 && (raw[rn - 1] == '-' || raw[rn - 1] == '*' ||
                         raw[rn - 1] == ' ' || raw[rn - 1] == 0x93)) {
            const int tail = tail_mark(raw, rn);
            if (tail && !more_words_than(raw, rn, 4)) {
                set(f, V_WEAK, tail == 1 ? site_dash : form_field);
                f->very_short = 1;
                f->title = 0;
                f->cat = 0;
                return;
            }
        }
        /* a line that opens with an Arabic letter (lead byte D8-DB) is
           none of those below: one test for most titles */
        if (raw[0] >= 0xD8 && raw[0] <= 0xDB) return;
        if (code_line(raw, rn)) {
            /* a program listing's line: article text, no menu item */
            f->code = 1;
            f->very_short = 0;
            f->title = 0;
        } else if (rn <= 80 && memchr(raw, '@', rn) && email_line(raw, rn)) {
            /* a columnist's address under the byline, not a widget */
            f->very_short = 1;
            f->email = 1;
        } else if (rn <= 64 && latin_only(raw, rn) && !more_words_than(raw, rn, 4)) {
            /* "news", "Menu", "- Home", "Ammon on Play Store" in an Arabic
               page: a widget word, furniture next to furniture (like a
               listed weak word) */
            set(f, V_WEAK, latin_widget);
            f->very_short = 1;
            f->cat = 0;
        } else if (rn <= 48 && symbols_only(raw, rn)) {
            /* "×", "⌄", "________": a close button, a drop-down arrow, a
               rule drawn with underscores; next to furniture only */
            set(f, V_WEAK, widget_symbol);
            f->very_short = 1;
            f->cat = 0;
        }
    }
}

static int read_more_line(const uint8_t *s, size_t n, int words, uint32_t last);
static int ends_with_arrow(const uint8_t *raw, size_t rn);


/* Skip white space and a link's marks ("|", ">", "»", "›", "←") back
   from e in s[0..e). */
static size_t strip_link_marks(const uint8_t *s, size_t e)
{
    for (;;) {
        while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' ||
                         s[e - 1] == '|' || s[e - 1] == '>' || s[e - 1] == ']'))
            e--;
        if (e >= 2 && s[e - 2] == 0xC2 && s[e - 1] == 0xBB) { e -= 2; continue; }
        if (e >= 3 && s[e - 3] == 0xE2 &&
            ((s[e - 2] == 0x80 && s[e - 1] == 0xBA) ||
             (s[e - 2] == 0x86 && (s[e - 1] == 0x90 || s[e - 1] == 0x92)))) {
            e -= 3;
            continue;
        }
        return e;
    }
}

/* Does s[0..e) end with an ellipsis ("...", "…"), after white space? */
static int ends_with_ellipsis(const uint8_t *s, size_t e)
{
    while (e > 0 && s[e - 1] == ' ') e--;
    if (e >= 1 && s[e - 1] == '[') e--; /* "[…]" */
    if (e >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && s[e - 1] == 0xA6) return 1;
    return e >= 3 && s[e - 1] == '.' && s[e - 2] == '.' && s[e - 3] == '.';
}

/*
 * A cut excerpt or title with the link to the rest after its ellipsis,
 * on raw[0..rn): "<title>... المزيد |", "<excerpt>… اقرأ المزيد",
 * "<excerpt> […] Read more".  The offer is "المزيد" or "more" last
 * (before a link's marks), right after the ellipsis or after a verb of
 * reading (words.tsv, linkverb); before the ellipsis at least three
 * words.  A sentence ending "... نريد المزيد" has no verb of reading and
 * stays.  The test reads only the line's last bytes.
 */
static int more_tail(const uint8_t *s, size_t n)
{
    size_t e = strip_link_marks(s, n);
    size_t w;
    if (e >= 12 && memcmp(s + e - 12, "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb2\xd9\x8a\xd8\xaf", 12) == 0)
        w = 12;
    else if (e >= 4 && (memcmp(s + e - 4, "more", 4) == 0 || memcmp(s + e - 4, "More", 4) == 0 ||
                        memcmp(s + e - 4, "MORE", 4) == 0))
        w = 4;
    else
        return 0;
    size_t b = e - w;
    if (b == 0) return 0;
    size_t cut;
    if (ends_with_ellipsis(s, b)) {
        cut = b;
    } else {
        /* the verb before the offer: one word after the ellipsis */
        size_t ve = b;
        while (ve > 0 && s[ve - 1] == ' ') ve--;
        if (ve == b) return 0; /* glued: "والمزيد" */
        size_t vb = ve;
        while (vb > 0 && s[vb - 1] != ' ' && s[vb - 1] != '.' &&
               !(vb >= 3 && s[vb - 3] == 0xE2 && s[vb - 2] == 0x80 && s[vb - 1] == 0xA6))
            vb--;
        if (vb == ve || ve - vb > 24 || !ends_with_ellipsis(s, vb)) return 0;
        uint8_t buf[32];
        int full;
        size_t m = nazif__phr_normalise(s + vb, ve - vb, buf, sizeof buf, &full);
        if (m == 0 || !nazif__phr_shape_word(NAZIF__SHAPE_LINKVERB, buf, m)) return 0;
        cut = vb;
    }
    /* three words or more before the cut */
    return more_words_than(s, cut, 2);
}

/* A relative day and a clock time alone: "اليوم, 14:05", "أمس 09:30",
   "Today 10:15" (the time a listed link was published). */
static int day_clock(const uint8_t *s, size_t n)
{
    static const struct { const char *w; size_t n; } day[] = {
        {"\xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85", 10}, /* اليوم */
        {"\xd8\xa3\xd9\x85\xd8\xb3", 6},                   /* أمس */
        {"\xd8\xa7\xd9\x85\xd8\xb3", 6},                   /* امس */
        {"Today", 5}, {"today", 5}, {"Yesterday", 9}, {"yesterday", 9},
    };
    size_t k = 0;
    while (k < n && s[k] == ' ') k++;
    size_t d = 0;
    for (size_t j = 0; j < sizeof day / sizeof day[0]; j++)
        if (n - k > day[j].n && memcmp(s + k, day[j].w, day[j].n) == 0) {
            d = day[j].n;
            break;
        }
    if (d == 0) return 0;
    k += d;
    if (k < n && s[k] == ',') k++;
    else if (k + 1 < n && s[k] == 0xD8 && s[k + 1] == 0x8C) k += 2; /* ، */
    if (k >= n || s[k] != ' ') return 0;
    while (k < n && s[k] == ' ') k++;
    size_t t = k;
    while (k < n && is_digit(s[k])) k++;
    if (k - t < 1 || k - t > 2 || k + 3 > n || s[k] != ':' || !is_digit(s[k + 1]) || !is_digit(s[k + 2]))
        return 0;
    k += 3;
    while (k < n && s[k] == ' ') k++;
    /* at most a short tail: "ص", "م", "AM", "PM" */
    return n - k <= 4;
}

static void analyse_text(const nazif__bp_line *L, info *f)
{
    memset(f, 0, sizeof *f);
    f->prose = -1;
    f->wrap = -1;
    if (L->truncated) {
        set(f, V_CONTENT, NULL);
        f->para = 1;
        return;
    }
    const uint8_t *raw = L->s;
    size_t rn = L->len;
    if (rn == 0) {
        set(f, V_BLANK, NULL);
        return;
    }
    uint32_t last = last_meaningful(raw, rn);
    if (last == 0) {
        set(f, V_BLANK, NULL);
        return;
    }
    f->final = is_final_punct(last);
    int question = last == '?' || last == 0x061F;
    if (rn <= 16 && raw[0] < 0xDA && counter_line(raw, rn)) {
        /* furniture next to furniture, and before the article
           (nazif__bp_decide_in) */
        set(f, V_WEAK, counter);
        f->very_short = 1;
        f->words = 1;
        f->cat = 0;
        return;
    }
    f->bullet = raw_bullet(raw, rn);

    /* Lines without final punctuation that no phrase explains: a ticker
       of headlines, an image file name. */
    if (!f->final && !question) {
        if (rn > 40 && (ticker_line(raw, rn) ||
                        (rn > 200 && L->index < 5 &&
                         latin_sep_ticker(raw, rn)))) {
            set(f, V_DROP, "line: headline ticker");
            return;
        }
        if (rn <= 120 && image_name(raw, rn)) {
            set(f, V_DROP, "line: image file name");
            return;
        }
        if (rn > 20 && rn <= 400 && raw[0] < 0x80 && class_names(raw, rn)) {
            set(f, V_DROP, "line: class names of a widget");
            return;
        }
    }
    /* A forum's path with long names, written with '>' ("العودة   <site
       and its slogan> > <forum> > <section>."): too long, or ending with
       a full stop, for the fast paths below to look at it. */
    if (!question && rn > 64 && rn <= 600 && memchr(raw, '>', rn) &&
        angle_path(raw, rn)) {
        set(f, V_DROP, "line: breadcrumb or menu line");
        return;
    }
    /* A cut excerpt with its read-more link after the ellipsis; a
       relative day with a clock time.  Both read a few bytes at the end
       or the start of the line before anything else. */
    if (rn >= 16 && rn <= 1200 &&
        (last == 0x062F /* د */ || last == 'e' || last == 'E' || last == '|' ||
         last == '>' || last == 0x203A || last == 0x2190 || last == 0x2192) &&
        more_tail(raw, rn)) {
        set(f, V_DROP, "line: excerpt with its read-more link");
        f->cat = NAZIF__CAT_RELATED;
        return;
    }
    /* "<excerpt> […]": the mark a blog engine puts after the words it
       kept of a post, in its lists of posts; a writer's omission inside
       a quotation is not the line's end. */
    if ((last == 0x2026 || last == '.') && rn >= 40 && rn <= 1200 &&
        raw[rn - 1] == ']' && engine_excerpt(raw, rn)) {
        set(f, V_DROP, "line: excerpt cut by its site");
        f->cat = NAZIF__CAT_RELATED;
        return;
    }
    if (rn <= 32 && rn >= 8 && memchr(raw, ':', rn) && day_clock(raw, rn)) {
        set(f, V_DROP, "line: publication stamp");
        f->cat = NAZIF__CAT_STAMPS;
        return;
    }
    /* Fast path 1: long lines, and sentences (final punctuation, more than
       eight words), are content unless a strong phrase (cookie, subscribe,
       copyright) opens them or they hold the anchor of a copyright phrase:
       nothing else can drop them.  A long line's words are not counted:
       it takes this path, and is a sentence below, whatever they are
       (and is too long for the click-here test). */
    _Static_assert(BP_LONG >= 300, "a long line skips the click-here test");
    int sentence = f->final && !question && rn <= BP_LONG &&
                   more_words_than(raw, rn, BP_SENTENCE_WORDS);
    /* a link prompt: not a sentence, not a question */
    if (!sentence && !question && rn <= 300 && click_here(raw, rn)) {
        set(f, V_DROP, "line: click-here link");
        return;
    }
    if (rn > BP_LONG || sentence) {
        const int strong = nazif__phr_first_strong(raw, rn);
        int anchor = rn <= BP_ANCHOR_MAX && nazif__phr_anchor(raw, rn);
        if (!strong && !anchor) {
            set(f, V_CONTENT, NULL);
            f->para = 1;
            f->words = BP_SENTENCE_WORDS + 1;
            return;
        }
    } else {
        /* Shapes no article line has: a drawn rule, font-size buttons, an
           identifier alone, a reading time. */
        if (rn <= 200 && raw[0] < 0x80 && rule_line(raw, rn)) {
            set(f, V_DROP, "line: drawn rule");
            return;
        }
        if (rn <= 64 && memchr(raw, '+', rn) && font_buttons(raw, rn)) {
            set(f, V_DROP, "line: font-size buttons");
            return;
        }
        if (rn <= 64 && raw[0] < 0x80 && id_token(raw, rn)) {
            set(f, V_DROP, "line: page identifier");
            return;
        }
        if (rn <= 80 && !question && memchr(raw, 0x82, rn) &&
            reading_time(raw, rn)) {
            set(f, V_DROP, "line: reading time");
            f->cat = NAZIF__CAT_STAMPS;
            return;
        }
        if (rn <= 80 && !f->final && !question && pager_line(raw, rn)) {
            set(f, V_DROP, "line: count of results or pages");
            return;
        }
        /* Fast path 2: a short line can only be furniture when its first
           word begins a listed phrase or a date, or it has a separator or
           a copyright anchor.  Titles and subheadings mostly stop here. */
        if (nazif__phr_first_word(raw, rn) == 0 && !raw_digit_first(raw, rn) &&
            !raw_has_sep(raw, rn) &&
            (rn > BP_ANCHOR_MAX || !nazif__phr_anchor(raw, rn))) {
            plain(f, question, raw, rn);
            return;
        }
    }

    uint8_t buf[NAZIF__PHR_NORM_MAX];
    int full;
    size_t n = nazif__phr_normalise(raw, rn, buf, sizeof buf, &full);
    const uint8_t *s = buf;
    if (n == 0) {
        set(f, V_BLANK, NULL);
        return;
    }
    f->words = count_words(s, n);
    if (full || rn > BP_LONG) sentence = 1; /* long: treated as a sentence */
    else sentence = f->final && !question && f->words > BP_SENTENCE_WORDS;

    /* strong phrases, final punctuation or not */
    size_t rest = 0;
    const nazif__phrase *hp = NULL;
    if (nazif__phr_first_word_norm(s, n)) hp = nazif__phr_head(s, n, &rest);
    if (hp && (hp->cat == NAZIF__CAT_COOKIES ||
               hp->cat == NAZIF__CAT_SUBSCRIBE ||
               hp->cat == NAZIF__CAT_COMMENTS ||
               hp->cat == NAZIF__CAT_COPYRIGHT) &&
        head_rules(f, hp, s, n, rest, sentence))
        return;
    if (f->words <= 25 && rn <= BP_ANCHOR_MAX && nazif__phr_anchor(raw, rn) &&
        nazif__phr_contains(s, n, NAZIF__CAT_COPYRIGHT, NAZIF__HOW_CONTAINS)) {
        set(f, V_DROP, "phrase: copyright line");
        return;
    }

    const nazif__phrase *wp = whole(s, n);
    if (question) {
        /* questions are content ("كيف بدأت فكرة الرواية؟") unless the whole
           line is a listed prompt */
        if (wp && wp->how == NAZIF__HOW_LINE) set(f, V_DROP, cat_reason(wp->cat));
        /* "اقرأ أيضاً: هل تعود الأمطار؟" -- a read-also link whose title
           is a question: the label and its colon say what it is */
        else if (hp && hp->cat == NAZIF__CAT_RELATED &&
                 hp->how == NAZIF__HOW_HEAD && rest > 0 && rest < n &&
                 memchr(s, ':', rest) && f->words <= 30)
            set(f, V_DROP, "phrase: related-article link (read also ...)");
        else set(f, V_CONTENT, NULL);
        return;
    }
    if (sentence) {
        set(f, V_CONTENT, NULL);
        f->para = 1;
        return;
    }
    if (wp) {
        /* "المزيد....." -- the menu word "more" as a link with its arrow */
        if (wp->how == NAZIF__HOW_WEAK && f->words == 1 && ends_with_arrow(raw, rn) &&
            nazif__phr_shape_word(NAZIF__SHAPE_LINKMORE, s, n)) {
            set(f, V_DROP, "line: read-more link");
            f->cat = NAZIF__CAT_RELATED;
            return;
        }
        if (wp->how == NAZIF__HOW_HEADER)
            set(f, V_HEADER, wp->cat == NAZIF__CAT_RELATED ? "phrase: related-articles header" : cat_reason(wp->cat));
        else if (wp->how == NAZIF__HOW_WEAK) set(f, V_WEAK, cat_reason(wp->cat));
        else if (wp->cat == NAZIF__CAT_COMMENTS) set(f, V_HEADER, cat_reason(wp->cat));
        else set(f, V_DROP, cat_reason(wp->cat));
        f->cat = wp->cat;
        f->very_short = f->words <= 3 && rn <= 64;
        return;
    }
    if (hp && head_rules(f, hp, s, n, rest, 0)) return;
    /* a verb of reading and what the link offers, in any spelling */
    if (f->words <= 30) {
        const int rm = read_more_line(s, n, f->words, last);
        if (rm) {
            set(f, rm == 2 ? V_HEADER : V_DROP, rm == 2 ? "line: read-more label" : "line: read-more link");
            f->cat = NAZIF__CAT_RELATED;
            return;
        }
    }
    /* an encyclopedia's tagline under the title: "من ويكيبيديا، الموسوعة
       الحرة" and the same line of its many copies */
    if (f->words <= 6 && n >= 27 &&
        memcmp(s + n - 27, "\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xb3\xd9\x88\xd8\xb9\xd9\x87\x20\xd8\xa7\xd9\x84\xd8\xad\xd8\xb1\xd9\x87", 27) == 0) {
        set(f, V_DROP, "phrase: masthead or editor line");
        f->cat = NAZIF__CAT_MASTHEAD;
        return;
    }
    /* Cheap facts that gate the costlier checks below (not needed by
       sentences and phrases, decided above). */
    const unsigned sd_bits = sep_digit_bits(s, n);
    const int has_digit = (sd_bits & 4) != 0;
    if (has_sep_of(s, n, sd_bits) && separator_line(s, n)) {
        set(f, V_DROP, "line: breadcrumb or menu line");
        return;
    }
    if (!has_digit && f->words <= 9 && !f->final && (memchr(s, '-', n) || memchr(s, 0xE2, n)) &&
        dash_crumb(s, n)) {
        set(f, V_DROP, "line: breadcrumb or menu line");
        return;
    }
    const char *why = NULL;
    if (f->words <= 12 && weak_words_line(s, n, &why)) {
        set(f, V_DROP, why);
        return;
    }
    /* A full stamp, a dash or a bar, and a source or byline label with
       its name: "2023-08-07 00:00:00 - المصدر: وكالة ..." */
    if (has_digit && f->words <= 12 && !f->final) {
        for (size_t k = 1; k + 3 < n; k++) {
            if (s[k] != ' ' || (s[k + 1] != '-' && s[k + 1] != '|') || s[k + 2] != ' ')
                continue;
            datefacts dh;
            date_facts(s, k, &dh);
            size_t trest = 0;
            const nazif__phrase *tp;
            if (date_only(&dh) && (dh.numeric >= 2 || (dh.month > 0 && has_clock(s, k))) &&
                (source_label(s + k + 3, n - k - 3) ||
                 ((tp = nazif__phr_head(s + k + 3, n - k - 3, &trest)) != NULL &&
                  tp->cat == NAZIF__CAT_STAMPS))) {
                set(f, V_DROP, "line: publication stamp");
                f->cat = NAZIF__CAT_STAMPS;
                return;
            }
            break;
        }
    }
    if ((has_digit && f->words <= 12) || f->words <= 3) {
        /* A date alone is furniture only next to furniture: a schedule in
           an article has "الأحد 26 فيفري 2017" lines too.  One that ends
           with a colon introduces a list and stays. */
        datefacts d;
        date_facts(s, n, &d);
        /* ... or with a full stop: the tail of a sentence wrapped by
           hand ("... في شهر" / "جانفي 2017.") */
        if (date_only(&d) && last != ':' && last != '.') {
            /* a day or month name with a clock time is a publication
               stamp ("الأحد 5 مايو 2024 | 11:30 ص"); a bare date may be
               a schedule line and waits for its neighbours */
            if ((d.month > 0 && has_clock(raw, rn)) || d.numeric >= 2 ||
                (d.dual && d.digits >= 2)) {
                set(f, V_DROP, "line: publication stamp");
                f->cat = NAZIF__CAT_STAMPS;
            } else if (!f->final && d.month == 0 && d.numeric == 0 &&
                       d.unit > 0 && d.filler > 0 && d.digits <= 1 && d.tokens <= 4) {
                /* "منذ سنتين", "منذ 5 ساعات", "منذ ساعات 4" alone: how
                   long ago a link was published; a schedule has dates,
                   not ages */
                set(f, V_DROP, "line: relative time stamp");
                f->cat = NAZIF__CAT_STAMPS;
            } else {
                set(f, V_WEAK, date_stamp);
                /* near the top it may be one of a run of header widgets
                   (date, weather, edition); further down a run of bare
                   dates is more likely a schedule */
                f->very_short = L->index < BP_HEAD_LINES && f->words <= 5 && rn <= 64;
            }
            return;
        }
        /* A full date and a clock time with one word more, the label of
           a section or of the stamp: "محليات 26-03-2024, 00:12 | --".  A
           schedule's line names its event in more words. */
        if (!f->final && last != ':' && d.other == 1 && d.tokens <= 6 &&
            has_clock(raw, rn) && (d.numeric >= 2 || (d.month > 0 && d.digits >= 3))) {
            set(f, V_DROP, "line: publication stamp");
            f->cat = NAZIF__CAT_STAMPS;
            return;
        }
    }
    plain(f, question, raw, rn);
}

/*
 * A link to more text by its shape, on normalised s[0..n) of `words`
 * words: a verb of reading or watching (words.tsv, linkverb) and right
 * after it what the link offers (linkmore): "اقرأ المزيد من صحيفة ...",
 * "شاهد تكملة الخبر في الأسفل", "read more".  At most 12 words, or the
 * offer followed by a colon and a title ("إقرأ ايضاً:بهذا المجال | ...",
 * at most 30 words).  Returns 1 for a link, 2 for the label alone with
 * its colon (`last`, the line's last mark: "طالعوا أيضا:", a list
 * header), 0 otherwise.
 */
static int read_more_line(const uint8_t *s, size_t n, int words, uint32_t last)
{
    if (words > 30) return 0;
    size_t pos = 0;
    tok a, b;
    if (!next_tok(s, n, &pos, &a) || a.ce <= a.cb ||
        !nazif__phr_shape_word(NAZIF__SHAPE_LINKVERB, s + a.cb, a.ce - a.cb))
        return 0;
    /* the verb with its colon is a label ("شاهد: ..."), not this shape */
    if (a.ce < a.e || !next_tok(s, n, &pos, &b) || b.ce <= b.cb) return 0;
    /* "ايضا:بهذا": the offer glued to the title by its colon */
    size_t we = b.cb;
    while (we < b.ce && s[we] != ':') we++;
    if (!nazif__phr_shape_word(NAZIF__SHAPE_LINKMORE, s + b.cb, we - b.cb)) return 0;
    const int colon = (we < b.e && s[we] == ':') || (b.ce < b.e && s[b.ce] == ':');
    tok c;
    size_t p2 = pos;
    const int alone = we == b.ce && !next_tok(s, n, &p2, &c);
    if (alone) return colon || last == ':' ? 2 : 1;
    return colon || words <= 12;
}

/* Does raw[0..rn) end with a link's arrow or a run of dots ("المزيد.....",
   "المزيد »", "التفاصيل >>")? */
static int ends_with_arrow(const uint8_t *raw, size_t rn)
{
    while (rn > 0 && (raw[rn - 1] == ' ' || raw[rn - 1] == '\t')) rn--;
    if (rn >= 2 && raw[rn - 1] == '.' && raw[rn - 2] == '.') return 1;
    if (rn >= 2 && raw[rn - 1] == '>' && raw[rn - 2] == '>') return 1;
    if (rn >= 2 && raw[rn - 2] == 0xC2 && (raw[rn - 1] == 0xBB || raw[rn - 1] == 0xAB))
        return 1; /* » « */
    if (rn >= 3 && raw[rn - 3] == 0xE2 && raw[rn - 2] == 0x80 && raw[rn - 1] == 0xA6)
        return 1; /* … */
    return 0;
}

/* The facts of line L, from its cache when it has one. */
static void analyse(const nazif__bp_line *L, info *f)
{
    if (L->facts && L->facts->valid) {
        *f = *L->facts;
        return;
    }
    analyse_text(L, f);
    f->valid = 1;
    if (L->facts) *L->facts = *f;
}

/* Does line L end with a link marker?  Normalises it: called only for a
   title inside a related block. */
static int line_marker(const nazif__bp_line *L)
{
    uint8_t buf[NAZIF__PHR_NORM_MAX];
    int full;
    size_t n = nazif__phr_normalise(L->s, L->len, buf, sizeof buf, &full);
    return n > 0 && ends_with_marker(L->s, L->len, buf, n);
}

/* ---- stage 2: the neighbourhood ------------------------------------------ */

/* The window: lines[0..n), deciding lines[i].  at_end is not needed: a
   line with no non-blank line after it in the window is treated as the end
   of its block whether or not the document goes on (a window of blanks). */
typedef struct ctx {
    const nazif__bp_line *lines;
    size_t n, i;
} ctx;

/* Furniture on its own text; a number alone (a counter) is not evidence
   for its neighbours: the article's tables have them too. */
static int local_furniture(const info *f)
{
    return f->v == V_DROP || f->v == V_HEADER ||
           (f->v == V_WEAK && f->why != counter);
}

/* A publication stamp on its own text ("14/06/2025 | 23:16"): inside a
   headline run it is the time of the title above it. */
static int stamp_line(const info *f)
{
    return f->v == V_DROP && f->cat == NAZIF__CAT_STAMPS;
}

/* The previous non-blank line before k, or -1. */
static long prev_nonblank(const ctx *c, size_t k, info *f)
{
    while (k > 0) {
        k--;
        analyse(&c->lines[k], f);
        if (f->v != V_BLANK) return (long)k;
    }
    return -1;
}

/* The next non-blank line after k in the window, or -1. */
static long next_nonblank(const ctx *c, size_t k, info *f)
{
    for (k++; k < c->n; k++) {
        analyse(&c->lines[k], f);
        if (f->v != V_BLANK) return (long)k;
    }
    return -1;
}

static int repeats_earlier(const ctx *c, size_t k);

/*
 * Is the line after k (a title candidate) a subheading?  It is when the
 * next line that is not furniture on its own text is a content paragraph:
 * "موقف الاتحاد الأفريقي" followed by "من جهته، رحب الاتحاد ...".  A link
 * title is followed by another link, furniture, or the end.
 */
static int followed_by(const ctx *c, size_t k, int at_window_end)
{
    info f;
    long q = (long)k;
    for (;;) {
        q = next_nonblank(c, (size_t)q, &f);
        if (q < 0) return at_window_end;
        if (local_furniture(&f) || f.why == counter) continue;
        /* the title printed again by the template before its paragraph */
        if (!f.para && repeats_earlier(c, (size_t)q)) continue;
        return f.para;
    }
}

static int followed_by_paragraph(const ctx *c, size_t k)
{
    return followed_by(c, k, 0);
}

/*
 * Is line i inside a related-articles link list?  Walk back over blank
 * lines and dropped link titles to a dropped header.  *first is set when
 * no link title stands between the header and line i.  When the window
 * runs out after two or more dropped link titles, the header is further
 * back and the list goes on.  Publication stamps between the titles
 * (the time of each link) are passed over; one title and its stamp in a
 * full window also mean the list goes on.
 */
static int field_line(const nazif__bp_line *L);
static inline int cut_excerpt(const nazif__bp_line *L);

static int rate_row(const nazif__bp_line *L);

static int in_related_list(const ctx *c, int *first, int *hcat)
{
    int items = 0, stamps = 0;
    size_t k = c->i;
    info f;
    while (k > 0) {
        k--;
        analyse(&c->lines[k], &f);
        if (f.v == V_BLANK) continue;
        if (!c->lines[k].drop) return 0;
        if (f.v == V_HEADER) {
            *first = items == 0;
            *hcat = f.cat;
            return 1;
        }
        /* a link title; not a profile box's count or profile field, not
           a row of a rates widget */
        if (f.v == V_OTHER && f.title && !(field_line(&c->lines[k]) & 6) &&
            !rate_row(&c->lines[k])) {
            items++;
            continue;
        }
        if (stamp_line(&f)) { /* the time of the link above */
            stamps++;
            continue;
        }
        /* a link's excerpt, cut by the site ("... انطلاق…") */
        if (f.v == V_CONTENT && cut_excerpt(&c->lines[k])) {
            items++;
            continue;
        }
        return 0;
    }
    /* the window reaches the document's first line: no header is further
       back */
    if (c->lines[0].index == 0) return 0;
    if (items >= 2 || (items == 1 && stamps >= 1)) {
        *first = 0;
        *hcat = 0;
        return 1;
    }
    return 0;
}


/* Stop-word share of a title-like line, in percent (cached). */
static int prose_pct(const nazif__bp_line *L, info *f)
{
    if (f->prose >= 0) return f->prose;
    uint8_t buf[NAZIF__PHR_NORM_MAX];
    int full;
    size_t n = nazif__phr_normalise(L->s, L->len, buf, sizeof buf, &full);
    size_t pos = 0;
    tok t;
    int words = 0, stops = 0;
    while (next_tok(buf, n, &pos, &t)) {
        if (t.ce <= t.cb) continue;
        words++;
        const uint8_t *w = buf + t.cb;
        size_t wl = t.ce - t.cb;
        /* "وفي", "فإن": a conjunction glued to a stop word */
        if (nazif__phr_stopword(w, wl) ||
            (wl > 2 && (w[0] == 0xD9 && (w[1] == 0x88 || w[1] == 0x81)) &&
             nazif__phr_stopword(w + 2, wl - 2)))
            stops++;
    }
    f->prose = words ? 100 * stops / words : 0;
    if (L->facts) L->facts->prose = f->prose;
    return f->prose;
}

/* A member of a headline run: a title-like line of two or more words, or
   a dropped line that was one. */
static int headline_like(const nazif__bp_line *L, info *f)
{
    if (f->v != V_OTHER || !f->title || f->very_short) return 0;
    /* "... النتائج التالية :" introduces the article's own list */
    if (last_meaningful(L->s, L->len) == ':') return 0;
    /* a hand-wrapped line that stops mid-sentence ("... لتستخدم تقنيات
       فعالة لحل المشاكل بطريقة جديدة,") */
    if (wrap_of(L, f) & 1) return 0;
    /* running text that only lacks its full stop has many stop words */
    return prose_pct(L, f) < 30;
}

/* Does line k repeat, byte for byte but for white space at its ends, a
   line before it in the window?  A page template prints the title, the
   deck or the photo caption two or three times; an article does not
   repeat a line of four or more words within six lines.  Shorter lines
   repeat in articles: the speakers' names of an interview transcript. */
static int repeats_earlier(const ctx *c, size_t k)
{
    const uint8_t *s = c->lines[k].s;
    size_t n = c->lines[k].len;
    if (c->lines[k].truncated) return 0;
    trim_ws(&s, &n);
    if (n < 12) return 0;
    for (size_t j = 0; j < k; j++) {
        const uint8_t *t = c->lines[j].s;
        size_t m = c->lines[j].len;
        if (c->lines[j].truncated || m < n) continue;
        trim_ws(&t, &m);
        if (m == n && memcmp(s, t, n) == 0) return more_words_than(s, n, 2);
    }
    return 0;
}

/* Is line k (at most ten words) a refrain: the line an earlier kept copy
   of it in the window stands apart from by kept verse-like lines of its
   own kind (three to ten words, no paragraph, no furniture on their own
   text, no ':', each between half and twice its length)?  A poem, a song
   or a chanted slogan repeats its line with its other lines between; a
   template prints the title again right under it, or after a date, a
   byline, a share bar or another headline ("<name>: <quote>", or longer
   than a verse). */
static int refrain(const ctx *c, size_t k)
{
    const uint8_t *s = c->lines[k].s;
    size_t n = c->lines[k].len;
    trim_ws(&s, &n);
    if (more_words_than(s, n, 10)) return 0; /* a headline's length */
    size_t j = k, verses = 0;
    info f;
    while (j > 0) {
        j--;
        const uint8_t *t = c->lines[j].s;
        size_t m = c->lines[j].len;
        trim_ws(&t, &m);
        if (m == 0) continue;
        if (c->lines[j].truncated || c->lines[j].drop) return 0;
        if (m == n && memcmp(s, t, n) == 0) return verses > 0;
        analyse(&c->lines[j], &f);
        if (!(f.v == V_OTHER || (f.v == V_CONTENT && !f.para)) ||
            2 * m < n || m > 2 * n || memchr(t, ':', m) ||
            !more_words_than(t, m, 2) || more_words_than(t, m, 10))
            return 0;
        verses++;
    }
    return 0;
}

/* Is line k the previous non-blank line again, byte for byte but for
   white space at the ends?  A template prints the site's name, a logo's
   text or the author's name twice in a row; a transcript never gives the
   same speaker two turns in a row. */
static int repeats_previous(const ctx *c, size_t k)
{
    info pf;
    long p = prev_nonblank(c, k, &pf);
    if (p < 0 || c->lines[k].truncated || c->lines[p].truncated) return 0;
    const uint8_t *s = c->lines[k].s, *t = c->lines[p].s;
    size_t n = c->lines[k].len, m = c->lines[p].len;
    trim_ws(&s, &n);
    trim_ws(&t, &m);
    return n > 0 && m == n && memcmp(s, t, n) == 0;
}

/* Does line k end with the whole of the next non-blank line (a title of
   three or more words), after a short path of one to six words: a
   breadcrumb that ends with the article's title ("الرئيسية سياسة <title>"
   over "<title>")?  Nothing of the line is lost: the title follows. */
static int breadcrumb_to_next(const ctx *c, size_t k)
{
    const uint8_t *s = c->lines[k].s;
    size_t n = c->lines[k].len;
    if (c->lines[k].truncated) return 0;
    trim_ws(&s, &n);
    info qf;
    long q = next_nonblank(c, k, &qf);
    if (q < 0 || c->lines[q].truncated || qf.v == V_CONTENT || qf.v == V_BLANK) return 0;
    const uint8_t *t = c->lines[q].s;
    size_t m = c->lines[q].len;
    trim_ws(&t, &m);
    if (m < 12 || m >= n || memcmp(s + n - m, t, m) != 0) return 0;
    if (!more_words_than(t, m, 2)) return 0;
    /* the path before the title: one to six words, no sentence */
    const uint8_t *h = s;
    size_t hn = n - m;
    trim_ws(&h, &hn);
    if (hn == 0 || more_words_than(h, hn, 6)) return 0;
    uint32_t last = last_meaningful(h, hn);
    return !is_final_punct(last) && last != ':';
}

/* How many lines of the window are line i (white space at the ends
   aside)?  A template prints a title or a caption up to four times; a
   line five or more times in thirteen is a repetitive document, for the
   repetition filters (rep_dup_lines) to judge, not page furniture. */
static int copies_in_window(const ctx *c)
{
    const uint8_t *s = c->lines[c->i].s;
    size_t n = c->lines[c->i].len;
    trim_ws(&s, &n);
    int copies = 0, kept = 0;
    for (size_t j = 0; j < c->n; j++) {
        const uint8_t *t = c->lines[j].s;
        size_t m = c->lines[j].len;
        if (c->lines[j].truncated || m < n) continue;
        trim_ws(&t, &m);
        if (m == n && memcmp(s, t, n) == 0) {
            copies++;
            if (j < c->i && !c->lines[j].drop) kept++;
        }
    }
    /* two copies kept before: an earlier copy was already judged part of
       a repetitive document; the rest of it goes the same way */
    return kept >= 2 ? 5 : copies;
}

/* Does the line hold a comma or a full stop followed by a space, inside
   it (running text: "... اليوم الجمعة، إن ...")?  Titles seldom do. */
static int inner_punct(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    for (size_t k = 0; k + 2 < n; k++) {
        if ((s[k] == ',' || s[k] == '.') && s[k + 1] == ' ') return 1;
        if (s[k] == 0xD8 && s[k + 1] == 0x8C && s[k + 2] == ' ') return 1; /* ، */
    }
    return 0;
}

/* The widths of a run's kept lines, and the lines themselves. */
typedef struct widths {
    size_t min, max;
    int n;
    const nazif__bp_line *m[2 * NAZIF__BP_AHEAD + 2];
} widths;

static void width_add(widths *w, const nazif__bp_line *L)
{
    if (L->len < w->min) w->min = L->len;
    if (L->len > w->max) w->max = L->len;
    if (w->n < (int)(sizeof w->m / sizeof w->m[0])) w->m[w->n++] = L;
}

/* Lines of one width (within a fifth of the longest), three or more, with
   a comma or a full stop inside one of them: a paragraph wrapped by hand
   at a fixed width, not titles (a site's titles may be of one length,
   but seldom hold a comma).  The lines are read only when the widths
   agree. */
static int wrapped_width(const widths *w)
{
    if (w->n < 3 || 5 * (w->max - w->min) > w->max) return 0;
    for (int k = 0; k < w->n; k++)
        if (inner_punct(w->m[k])) return 1;
    return 0;
}

/*
 * Is line i one of a run of at least three headline-like lines (blank
 * lines skipped) that no paragraph follows, with furniture next to it?
 * The run ends ahead at page furniture, or at the end of the document
 * when furniture stands before it; a run that fills the window ahead
 * counts when it already has five lines.  A line ending with ':' before
 * the run introduces the article's own list: never a headline list.
 */
/* A mark of a news headline in a title-like line: "<name>: <words>"
   (a colon inside the line), two dots between its parts, a digit, a
   quotation mark or a Latin letter.  A verse of a poem or an item of a
   list of names seldom has one. */
static int headline_mark(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    for (size_t k = 0; k < n; k++) {
        uint8_t b = s[k];
        if (b < 0x80) {
            if ((b == ':' && k + 1 < n) || (b >= '0' && b <= '9') || b == '"' ||
                ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ||
                (b == '.' && k + 1 < n && s[k + 1] == '.'))
                return 1;
        } else if (b == 0xC2 && k + 1 < n && (s[k + 1] == 0xAB || s[k + 1] == 0xBB)) {
            return 1; /* « » */
        } else if (b == 0xE2 && k + 2 < n && s[k + 1] == 0x80 &&
                   (s[k + 2] == 0x9C || s[k + 2] == 0x9D)) {
            return 1; /* “ ” */
        } else if (b == 0xD9 && k + 1 < n && s[k + 1] >= 0xA0 && s[k + 1] <= 0xA9) {
            return 1; /* Arabic-Indic digits */
        }
    }
    return 0;
}

/* A title of a list of other articles that ends the page, on its own
   shape: none of the marks of a line of the article's own lists or of
   a paragraph wrapped by hand -- a comma or a full stop inside (two
   dots join the parts of a headline: "من المنامة.. الوزير: ..."), two
   colons or more (" : " fields: "<town> : <name> : <phone>"), '*', '|',
   '/', a dash between words or at an end (fixtures, a wrapped list of
   names), three numbers or more (results, tables), a number first. */
static int end_run_member(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    if (raw_digit_first(s, n)) return 0;
    int colons = 0, numbers = 0;
    for (size_t k = 0; k < n; k++) {
        uint8_t b = s[k];
        if (k + 2 < n && ((b == ',' && s[k + 1] == ' ') ||
                          (b == 0xD8 && s[k + 1] == 0x8C && s[k + 2] == ' ') ||
                          (b == '.' && s[k + 1] == ' ' && (k == 0 || s[k - 1] != '.'))))
            return 0; /* a comma, or a full stop that is not two dots */
        if (b == ':') colons++;
        else if (b == '*' || b == '|' || b == '/' || b == '-') return 0;
        else if (b == 0xE2 && k + 2 < n && s[k + 1] == 0x80 &&
                 (s[k + 2] == 0x93 || s[k + 2] == 0x94))
            return 0; /* – — */
        else if (b >= '0' && b <= '9' && (k == 0 || s[k - 1] < '0' || s[k - 1] > '9'))
            numbers++;
    }
    return colons <= 1 && numbers <= 2;
}

static int after_paragraph(const ctx *c);

/* Does a paragraph follow line k in the window before any other
   headline-like line?  Furniture, the title printed again, a caption
   or a byline of one to three words may stand between. */
static int paragraph_ahead(const ctx *c, size_t k)
{
    info f;
    long q = (long)k;
    while ((q = next_nonblank(c, (size_t)q, &f)) >= 0) {
        if (f.v == V_CONTENT && f.para) return 1;
        if (local_furniture(&f) || f.why == counter || f.very_short) continue;
        if (repeats_earlier(c, (size_t)q)) continue;
        return 0;
    }
    return 0;
}

static int headline_run(const ctx *c, int at_end)
{
    info f;
    int len = 1, furniture = 0, titles = 0, shorts = 0;
    /* what stands before the run: a kept paragraph (the article's last),
       or the window's start with only dropped members of the run after
       it (the run was judged a list further back) */
    int para_before = 0, marks = at_end && headline_mark(&c->lines[c->i]);
    long k = (long)c->i;
    const nazif__bp_line *L = c->lines;
    /* A run needs a neighbour that can belong to it: an isolated title or
       subheading is settled here, before its stop words are counted. */
    {
        long b = prev_nonblank(c, c->i, &f);
        int maybe = b >= 0 && ((f.v == V_OTHER && f.title &&
                                (L[b].drop || !f.very_short)) ||
                               stamp_line(&f));
        if (!maybe) {
            long a = next_nonblank(c, c->i, &f);
            maybe = a >= 0 && ((f.v == V_OTHER && f.title && !f.very_short) ||
                               stamp_line(&f));
        }
        if (!maybe) return 0;
    }
    analyse(&L[c->i], &f);
    if (!headline_like(&L[c->i], &f) || (wrap_of(&L[c->i], &f) & 2)) return 0;
    /* the kept members' widths: one width and a comma inside make a
       paragraph wrapped by hand (wrapped_width()) */
    widths w = {L[c->i].len, L[c->i].len, 0, {NULL}};
    width_add(&w, &L[c->i]);
    /* behind */
    int kept_behind = 0;
    for (;;) {
        long b = prev_nonblank(c, (size_t)k, &f);
        if (b < 0) {
            if (!kept_behind && len > 1) para_before = 1;
            break;
        }
        if (L[b].drop && f.v == V_OTHER && f.title) {
            len++;
            if (!f.very_short) titles++;
            else shorts++;
            if (at_end) marks += headline_mark(&L[b]);
            k = b;
            continue;
        }
        if (!L[b].drop && headline_like(&L[b], &f)) {
            if (repeats_earlier(c, (size_t)b) || (wrap_of(&L[b], &f) & 2)) return 0;
            len++;
            titles++;
            kept_behind = 1;
            if (at_end) marks += headline_mark(&L[b]);
            width_add(&w, &L[b]);
            k = b;
            continue;
        }
        if (L[b].drop && stamp_line(&f)) {
            /* "14/06/2025 | 23:16" under each title of a latest-news list */
            furniture = 1;
            k = b;
            continue;
        }
        /* what stands before the run: furniture, or a line introducing
           the article's own list */
        if (L[b].drop) furniture = 1;
        else if (last_meaningful(L[b].s, L[b].len) == ':') return 0;
        /* a kept line that stops mid-sentence: the run goes on with it,
           a hand-wrapped paragraph (a forum post, a letter) */
        else if (wrap_of(&L[b], &f) & 1) return 0;
        /* a widget's label of one to three words kept between furniture
           and the run ("على المباشر" after a dropped teaser): the run
           stands next to furniture all the same */
        else if (f.v == V_WEAK || (f.v == V_OTHER && f.very_short)) {
            info bf;
            long bb = prev_nonblank(c, (size_t)b, &bf);
            if (bb >= 0 && L[bb].drop) furniture = 1;
        }
        else if (f.v == V_CONTENT && f.para && f.final) para_before = 1;
        break;
    }
    /* The run's first title with its publication stamp right under it,
       and no other stamp in the window: the article's title over its
       date and its deck lines, not the first link of a latest-news list
       (where a stamp stands under every title). */
    if (titles == 0) {
        long a = next_nonblank(c, c->i, &f);
        if (a >= 0 && stamp_line(&f)) {
            int more = 0;
            for (size_t j = (size_t)a + 1; j < c->n && !more; j++) {
                analyse(&L[j], &f);
                more = stamp_line(&f);
            }
            if (!more) return 0;
        }
    }
    /* ahead */
    int ahead = 0;
    k = (long)c->i;
    for (;;) {
        long a = next_nonblank(c, (size_t)k, &f);
        if (a < 0) {
            /* the end of the document (or of the window): a list that
               ends an article without any furniture around it stays */
            if (wrapped_width(&w)) return 0;
            /* Five titles or more that end the document right after the
               article's last paragraph, two of them marked as headlines
               (a colon inside, a digit, quotes): the page's list of other
               articles, printed without a header.  A poem or a list of
               names closing an article has no such marks, and the lines
               of a paragraph wrapped by hand have a comma or a full stop
               inside one of them. */
            if (at_end && len >= 5 && para_before && marks >= 2) {
                for (int m = 0; m < w.n; m++)
                    if (!end_run_member(w.m[m])) return 0;
                return 1;
            }
            if (at_end) return len >= 3 && furniture;
            /* a window full of the run: blank lines between its lines
               leave fewer of them in sight, and three titles under the
               article's title and stamp may be its deck over the
               byline and the text just out of sight */
            return len >= 5 && furniture && ahead >= 4;
        }
        if (headline_like(&L[a], &f)) {
            /* a title printed twice is a page template, not a list of
               other articles; a line that continues the one before is a
               hand-wrapped paragraph */
            if (repeats_earlier(c, (size_t)a) || (wrap_of(&L[a], &f) & 2)) return 0;
            if (at_end) marks += headline_mark(&L[a]);
            len++;
            ahead++;
            width_add(&w, &L[a]);
            k = a;
            continue;
        }
        /* a publication stamp or a bare date is the time of the title
           above it, no member of the run: a title and its deck over
           the date, a caption and a byline stay a title's block */
        if (stamp_line(&f) || (f.v == V_WEAK && f.why == date_stamp)) {
            k = a;
            continue;
        }
        if (local_furniture(&f)) {
            if (len < 3 || wrapped_width(&w)) return 0;
            /* Before the article, a run that reaches a paragraph through
               furniture alone (its stamp, a credit, a share bar) ends
               with the article's title: a run of three is the title
               with its label and a copy or deck, not a list; in a longer
               run its last line and a first line that opens the
               document may be the title (a series' other parts listed
               under it), and stay. */
            if (!after_paragraph(c) && paragraph_ahead(c, (size_t)k) &&
                (len - shorts <= 3 || ahead == 0 || L[c->i].index == 0))
                return 0;
            return 1;
        }
        return 0; /* content or a short line: the article goes on */
    }
}

/*
 * A list of other headlines that opens the page: line i is one of a run of
 * at least six headline-like lines at the top of the document (only
 * dropped lines or lines of the run before it in the window), and not the
 * run's last line, which may be the article's own title before its first
 * paragraph.  Six because an article opens with at most a title, a deck
 * and a caption or two.
 */
/* A member of a headline list at the top of the page: headline-like, and
   not shaped like an item of the article's own list -- no ':' or '/'
   inside (a stadium and its crowd, a group and its teams), no ' - '
   between two names (a fixture), not opened by a number ("7- ..."). */
/* The two kinds of line of a list of other articles with their authors
   ("title / author / title / author"): 2 a name (two to six words, no
   stop word, no digit, no ':', no final punctuation: "د. سعاد كمال"),
   1 a title (two to twenty words, not a question, not ending with ':';
   a title may end with '!' or an ellipsis, never with a full stop), 0
   anything else. */
static int pair_kind_of(const nazif__bp_line *L, info *f);

/* Does the line end with '!' or an ellipsis ("…", "..")?  White space and
   closing quotes aside. */
static int bang_or_ellipsis(const uint8_t *s, size_t n)
{
    uint32_t last = last_meaningful(s, n);
    if (last == '!' || last == 0x2026) return 1;
    if (last != '.') return 0;
    trim_ws(&s, &n);
    while (n > 0 && (s[n - 1] == '"' || s[n - 1] == ')')) n--;
    return n >= 2 && s[n - 1] == '.' && s[n - 2] == '.';
}

static int pair_kind(const nazif__bp_line *L, info *f)
{
    if (f->pair) return f->pair - 1;
    int k = pair_kind_of(L, f);
    f->pair = k + 1;
    if (L->facts) L->facts->pair = f->pair;
    return k;
}

static int pair_kind_of(const nazif__bp_line *L, info *f)
{
    if (L->truncated || L->len > 320 || f->v == V_BLANK) return 0;
    if (f->v != V_OTHER && f->v != V_CONTENT) return 0;
    if (!more_words_than(L->s, L->len, 1)) return 0;
    uint32_t last = last_meaningful(L->s, L->len);
    if (last == ':' || last == '?' || last == 0x061F) return 0;
    /* a title ends with '!' or an ellipsis, never with a full stop */
    if (f->v == V_CONTENT)
        return bang_or_ellipsis(L->s, L->len) && !more_words_than(L->s, L->len, 12);
    if (more_words_than(L->s, L->len, BP_TITLE_WORDS) || wrap_of(L, f)) return 0;
    if (L->len > 96 || f->bullet || memchr(L->s, ':', L->len) ||
        memchr(L->s, '-', L->len))
        return 1;
    for (size_t k = 0; k < L->len; k++)
        if (is_digit(L->s[k]) ||
            (L->s[k] == 0xD9 && k + 1 < L->len && L->s[k + 1] >= 0xA0 &&
             L->s[k + 1] <= 0xA9))
            return 1;
    if (raw_has_sep(L->s, L->len)) return 1;
    /* at most four words besides "د." "أ." before a name */
    int words = 0, hon = 0;
    size_t pos = 0;
    tok t;
    while (next_tok(L->s, L->len, &pos, &t)) {
        if (t.ce <= t.cb) continue;
        words++;
        if (t.e - t.b <= 3 && t.e - t.b >= 2 && L->s[t.e - 1] == '.') hon++;
    }
    if (words - hon <= 4 && prose_pct(L, f) == 0) return 2;
    return 1;
}

/*
 * Is line i in a list of other articles drawn as title / author pairs,
 * one a line ("سبأ بين ضفتين.. دهشة يمني في مرايا الحبشة!" / "حسام
 * الحفاظي" / ...)?  Three pairs or more in a row (blank lines aside), the
 * names all different, the titles five words or more on average and
 * longer than the names, most titles not shaped like names themselves
 * (a column of names, a list of ministries and ministers), and no kept
 * line ending with ':' right before the first title (the article's own
 * list of books and authors).  The line before the run must be in the
 * window, or the run's first line in the window dropped (it saw what
 * stood before it).  A name has at most four words besides short titles
 * such as "د." and "أ.".
 */
static int same_line(const nazif__bp_line *a, const nazif__bp_line *b);

/* The pair kind of the j-th non-blank line of the window (lazily). */
static int pair_at(const ctx *c, const long *idx, int *kind, size_t j)
{
    if (kind[j] < 0) {
        info f;
        analyse(&c->lines[idx[j]], &f);
        kind[j] = pair_kind(&c->lines[idx[j]], &f);
    }
    return kind[j];
}

static int author_pairs(const ctx *c)
{
    const nazif__bp_line *L = c->lines;
    info f;
    /* cheapest test first: a short unpunctuated line (a name) next to
       line i, or line i one with a short line next to it */
    {
        int shortish = L[c->i].len <= 96 && !L[c->i].truncated;
        long p = prev_nonblank(c, c->i, &f);
        int np = p >= 0 && f.v == V_OTHER && L[p].len <= 96;
        int pt = p >= 0 && (f.v == V_OTHER || (f.v == V_CONTENT && L[p].len <= 200 &&
                                               bang_or_ellipsis(L[p].s, L[p].len)));
        long q = next_nonblank(c, c->i, &f);
        int nq = q >= 0 && f.v == V_OTHER && L[q].len <= 96;
        int qt = q >= 0 && (f.v == V_OTHER || (f.v == V_CONTENT && L[q].len <= 200 &&
                                               bang_or_ellipsis(L[q].s, L[q].len)));
        analyse(&L[c->i], &f);
        int self_name = shortish && f.v == V_OTHER;
        if (!np && !nq && !(self_name && (pt || qt))) return 0;
    }
    analyse(&L[c->i], &f);
    int self = pair_kind(&L[c->i], &f);
    if (self == 0) return 0;
    {
        /* a title needs a name next to it; a name, a title or a name */
        int near = 0;
        long p = prev_nonblank(c, c->i, &f);
        if (p >= 0 && (f.v == V_OTHER || f.v == V_CONTENT) && L[p].len <= 320) {
            int k = pair_kind(&L[p], &f);
            near = self == 2 ? k != 0 : k == 2;
        }
        long q = near ? -1 : next_nonblank(c, c->i, &f);
        if (q >= 0 && (f.v == V_OTHER || f.v == V_CONTENT) && L[q].len <= 320) {
            int k = pair_kind(&L[q], &f);
            near = self == 2 ? k != 0 : k == 2;
        }
        if (!near) return 0;
    }
    long idx[NAZIF__BP_BEHIND + NAZIF__BP_AHEAD + 2];
    int kind[sizeof idx / sizeof idx[0]];
    size_t m = 0, at = 0;
    if (c->n > sizeof idx / sizeof idx[0]) return 0; /* wider than a window */
    for (size_t k = 0; k < c->n; k++) {
        analyse(&L[k], &f);
        if (f.v == V_BLANK) continue;
        if (k == c->i) at = m;
        idx[m] = (long)k;
        kind[m] = -1;
        m++;
    }
    /* try line i as a title (phase 0) and as a name (phase 1) */
    for (int phase = 0; phase < 2; phase++) {
        if (phase == 1 && (self != 2 || at == 0)) continue;
        size_t b = at - (size_t)phase; /* the title of line i's pair */
        if (pair_at(c, idx, kind, b) == 0) continue;
        /* the pairs before and after */
        size_t first = b, last = b;
        while (first >= 2 && pair_at(c, idx, kind, first - 1) == 2 &&
               pair_at(c, idx, kind, first - 2) != 0)
            first -= 2;
        while (last + 2 < m && pair_at(c, idx, kind, last + 1) == 2 &&
               pair_at(c, idx, kind, last + 2) != 0)
            last += 2;
        size_t end = last + (last + 1 < m && pair_at(c, idx, kind, last + 1) == 2 ? 1 : 0);
        if (end == b && phase == 0) continue; /* a title without its name */
        if ((end - first + 1) / 2 < 3) continue;
        /* what stands before the first title must be in the window (or
           the run opens the document): a kept line ending with ':'
           introduces the article's own list */
        if (first == 0 && L[idx[0]].index != 0 && !L[idx[0]].drop) continue;
        if (first > 0) {
            const nazif__bp_line *P = &L[idx[first - 1]];
            if (!P->drop && last_meaningful(P->s, P->len) == ':') continue;
        }
        int tw = 0, nw = 0, np = 0, same = 0, named = 0;
        for (size_t k = first; k <= end; k += 2) {
            tw += count_words(L[idx[k]].s, L[idx[k]].len);
            named += kind[k] == 2;
            if (k + 1 <= end) {
                nw += count_words(L[idx[k + 1]].s, L[idx[k + 1]].len);
                np++;
                for (size_t j = first + 1; j < k + 1; j += 2)
                    if (same_line(&L[idx[j]], &L[idx[k + 1]])) same = 1;
            }
        }
        int nt = (int)((end - first) / 2) + 1;
        /* most titles read as titles, not as more names (a column of
           names, fixtures "team - team", a list of ministries) */
        if (same || np < 3 || tw * np <= nw * nt || 2 * named >= nt ||
            tw < 5 * nt)
            continue;
        return 1;
    }
    return 0;
}

static int top_run_member(const nazif__bp_line *L, info *f)
{
    if (!headline_like(L, f) || wrap_of(L, f) || raw_digit_first(L->s, L->len)) return 0;
    const uint8_t *s = L->s;
    size_t n = L->len;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == ':' || s[k] == '/' || s[k] == '|') return 0;
        if (s[k] == '-' && k > 0 && k + 1 < n && (s[k - 1] == ' ' || s[k + 1] == ' ')) return 0;
        if (s[k] == 0xE2 && k + 2 < n && s[k + 1] == 0x80 && (s[k + 2] == 0x93 || s[k + 2] == 0x94))
            return 0; /* – — */
    }
    return 1;
}

/* A news title in the shape "<speaker>: <what was said or done>": one
   ':' after one to four words, three words or more after it, and no '/',
   '|' or dash ("السديس: يوم التأسيس أظهر التلاحم ...").  An item of the
   article's own list has the same shape, but every item of it has it:
   a run of titles may hold such a line, one in three at most, and six
   titles without it (top_headline_run()). */
static int speaker_title(const nazif__bp_line *L, info *f)
{
    if (!headline_like(L, f) || wrap_of(L, f) || raw_digit_first(L->s, L->len)) return 0;
    const uint8_t *s = L->s;
    size_t n = L->len, colon = n;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == ':') {
            if (colon < n) return 0;
            colon = k;
        } else if (s[k] == '/' || s[k] == '|') {
            return 0;
        } else if (s[k] == '-' && k > 0 && k + 1 < n && (s[k - 1] == ' ' || s[k + 1] == ' ')) {
            return 0;
        } else if (s[k] == 0xE2 && k + 2 < n && s[k + 1] == 0x80 &&
                   (s[k + 2] == 0x93 || s[k + 2] == 0x94)) {
            return 0;
        }
    }
    if (colon == n) return 0;
    int before = count_words(s, colon);
    return before >= 1 && before <= 4 && more_words_than(s + colon + 1, n - colon - 1, 2);
}

/* top_run_member(), or, once per run (*spare), a title-like line of the
   same shape with up to 40% of stop words: one title of ten that reads
   like running text ("ضبط مواطن أشعل النار في غير الأماكن المخصصة لها
   ...") does not break a list of other headlines. */
static int top_run_member_or_spare(const nazif__bp_line *L, info *f,
                                   int *spare, int *colons)
{
    if (top_run_member(L, f)) return 1;
    if (speaker_title(L, f)) {
        (*colons)++;
        return 1;
    }
    if (*spare <= 0 || f->v != V_OTHER || !f->title || f->very_short || wrap_of(L, f) ||
        raw_digit_first(L->s, L->len) || prose_pct(L, f) >= 40)
        return 0;
    for (size_t k = 0; k < L->len; k++)
        if (L->s[k] == ':' || L->s[k] == '/' || L->s[k] == '|') return 0;
    (*spare)--;
    return 1;
}

static int same_line(const nazif__bp_line *a, const nazif__bp_line *b)
{
    return a && a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static int top_headline_run(const ctx *c)
{
    const nazif__bp_line *L = c->lines;
    if (L[c->i].index >= BP_TOP_LINES) return 0;
    info f;
    /* the run goes on after line i: the next line must be able to */
    long nx = next_nonblank(c, c->i, &f);
    if (nx < 0 || f.v != V_OTHER || !f.title || f.very_short) return 0;
    analyse(&L[c->i], &f);
    int spare = 1, colons = 0;
    if (!top_run_member_or_spare(&L[c->i], &f, &spare, &colons)) return 0;
    /* the window must reach back to the document's start, or begin with
       a dropped line (an earlier line of the run, or furniture): a kept
       line there may follow a title that introduced the list */
    int seen = L[0].index == 0;
    int len = 1;
    widths w = {L[c->i].len, L[c->i].len, 0, {NULL}}; /* the members' widths */
    width_add(&w, &L[c->i]);
    const nazif__bp_line *prev = NULL; /* the run's previous line */
    const nazif__bp_line *mem[2 * NAZIF__BP_AHEAD + 4]; /* the run's lines */
    size_t nm = 0;
    for (size_t k = 0; k < c->i; k++) {
        analyse(&L[k], &f);
        if (f.v == V_BLANK) continue;
        if (!seen) {
            if (!L[k].drop) return 0;
            seen = 1;
        }
        if (L[k].drop) {
            /* a dropped title of the run (not a profile box's field or a
               menu word dropped before it) */
            int sp = speaker_title(&L[k], &f);
            if (sp || top_run_member(&L[k], &f)) {
                colons += sp;
                if (same_line(prev, &L[k])) return 0;
                prev = &L[k];
                if (nm < sizeof mem / sizeof mem[0]) mem[nm++] = prev;
                len++;
                width_add(&w, &L[k]);
            }
            continue;
        }
        if (!top_run_member_or_spare(&L[k], &f, &spare, &colons) || same_line(prev, &L[k]))
            return 0;
        prev = &L[k];
        if (nm < sizeof mem / sizeof mem[0]) mem[nm++] = prev;
        len++;
        width_add(&w, &L[k]);
    }
    /* one line repeated is not a list of other headlines */
    if (same_line(prev, &L[c->i])) return 0;
    prev = &L[c->i];
    if (nm < sizeof mem / sizeof mem[0]) mem[nm++] = prev;
    long k = (long)c->i;
    int after = 0;
    for (;;) {
        long a = next_nonblank(c, (size_t)k, &f);
        if (a < 0) break;
        if (!top_run_member_or_spare(&L[a], &f, &spare, &colons)) break;
        if (same_line(prev, &L[a])) return 0;
        prev = &L[a];
        if (nm < sizeof mem / sizeof mem[0]) mem[nm++] = prev;
        after++;
        width_add(&w, &L[a]);
        k = a;
    }
    if (!seen) return 0;
    if (after == 0) return 0; /* the last line of the run stays */
    if (len + after < 6 || wrapped_width(&w)) return 0;
    /* "<name>: <text>" on most lines is the article's own list; and such
       a title does not make the six: an interview's title ("<name>:
       <what was said>") over its deck lines is no list */
    if (3 * colons > len + after || len + after - colons < 6) return 0;
    /* a line of the run printed again with other lines between: a song's
       or a poem's refrain, not a list of other headlines (a template
       printing a title twice prints it right under itself) */
    for (size_t x = 2; x < nm; x++)
        for (size_t y = 0; y + 1 < x; y++)
            if (same_line(mem[y], mem[x])) return 0;
    return 1;
}

static int after_paragraph(const ctx *c);

/* An item of a bulleted run at the page's top (bullet_top_run()): a
   title, or a short sentence ("<title> | قصة
   قصيرة."), at most 120 bytes when it ends like a sentence; one item in
   three at most may be a sentence. */
static int bullet_item(const nazif__bp_line *L, const info *f)
{
    return L->len <= 200 && (!f->para || L->len <= 120);
}

/*
 * A run of seven or more bulleted lines that opens the page, before the
 * article's first paragraph: the site's list of other posts or its menu
 * drawn as a list ("• <title>" twenty times under "آخر الموثقات").  What
 * stands before the run in the window is dropped lines only, or one
 * kept line of one to three words (the list's header) with only dropped
 * lines before it back to the document's start -- a title, a deck or a
 * line ending with ':' before it make it the article's own list.  The
 * run is counted in the window (six lines each side) with the bulleted
 * lines already dropped before it.  A file of bulleted lines
 * and nothing else keeps them (the guard for documents without an
 * article, cleaner.c).
 */
static int bullet_top_run(const ctx *c)
{
    const nazif__bp_line *L = c->lines;
    info f;
    if (after_paragraph(c)) return 0;
    analyse(&L[c->i], &f);
    int run = 1, dropped_before = 0, sentences = f.para;
    long k = (long)c->i;
    for (;;) {
        long b = prev_nonblank(c, (size_t)k, &f);
        if (b < 0) {
            /* the window's start: the document's start, or the run goes
               on before it (its lines there were dropped as such) */
            if (L[0].index != 0 && !dropped_before) return 0;
            break;
        }
        if (f.bullet && bullet_item(&L[b], &f)) {
            run++;
            sentences += f.para;
            if (L[b].drop) dropped_before = 1;
            k = b;
            continue;
        }
        if (L[b].drop) break;
        /* a kept line before the run: only the list's header, short, not
           introducing the list with ':', with nothing but dropped lines
           before it back to the document's start */
        if (more_words_than(L[b].s, L[b].len, 3) ||
            last_meaningful(L[b].s, L[b].len) == ':' || L[0].index != 0)
            return 0;
        for (long x = 0; x < b; x++) {
            analyse(&L[x], &f);
            if (f.v != V_BLANK && !L[x].drop) return 0;
        }
        break;
    }
    k = (long)c->i;
    for (;;) {
        long a = next_nonblank(c, (size_t)k, &f);
        if (a < 0 || !f.bullet || !bullet_item(&L[a], &f)) break;
        run++;
        sentences += f.para;
        k = a;
    }
    /* titles, not the points of a list of advice (one sentence in
       three at most) */
    if (3 * sentences > run) return 0;
    return run >= 7 || (dropped_before && run >= 2);
}

/* An unlisted short line right above a title that has its paragraph is
   the article's kicker or byline ("إياد عبدالحي" above his column's
   title): it stays, whatever furniture stands before it.  Not in the
   page's first lines, where the site's name stands above the menu. */
static int kicker(const ctx *c, const info *self, long q, const info *qf)
{
    return self->v == V_OTHER && c->lines[c->i].index >= BP_HEAD_LINES &&
           q >= 0 && !local_furniture(qf) &&
           (qf->v == V_OTHER || (qf->v == V_CONTENT && !qf->para)) &&
           followed_by_paragraph(c, (size_t)q);
}

/* A dateline: one or two words (the city), a dash, and at most four more
   words (the source): "بغداد - المغرب اليوم", "الخليل – المركز الفلسطيني
   للإعلام".  It stands between the article's title and its first
   paragraph. */
static int dateline(const nazif__bp_line *L, const info *f)
{
    if (f->v != V_OTHER || L->len > 120 || more_words_than(L->s, L->len, 7))
        return 0;
    const uint8_t *s = L->s;
    size_t n = L->len;
    int words = 0;
    for (size_t k = 0; k + 2 < n; k++) {
        if (s[k] == ' ' && s[k + 1] != ' ') {
            words++;
            if (words > 2) return 0;
            /* " - ", " – ", " — " after the first one or two words */
            if (s[k + 1] == '-' && k + 2 < n && s[k + 2] == ' ') return 1;
            if (k + 4 < n && s[k + 1] == 0xE2 && s[k + 2] == 0x80 &&
                (s[k + 3] == 0x93 || s[k + 3] == 0x94) && s[k + 4] == ' ')
                return 1;
        }
    }
    return 0;
}

/* Only dropped lines (or none) before line i in the window, i near the top
   of the document, and the line not a headline or subheading (followed by
   its paragraph).  The first line of a document needs furniture after it. */
static int page_header(const ctx *c, const info *self, long p, long q,
                       const info *qf)
{
    if (c->lines[c->i].index >= BP_TOP_LINES) return 0;
    info f;
    int listed = 0;
    for (size_t k = 0; k < c->i; k++) {
        analyse(&c->lines[k], &f);
        if (f.v != V_BLANK && !c->lines[k].drop) return 0;
        /* a date or publication stamp alone is not a header to build on:
           a transcript or a letter opens with its date too */
        if (local_furniture(&f) && f.why != date_stamp &&
            f.cat != NAZIF__CAT_STAMPS)
            listed = 1;
    }
    if (q < 0) return 0;
    if (p < 0) {
        /* the document's first line: a site name or a label before
           furniture on its own text */
        if (c->lines[c->i].index != 0) return 0;
        if (!local_furniture(qf)) return 0;
        info rf;
        if (next_nonblank(c, (size_t)q, &rf) < 0 || !local_furniture(&rf))
            return 0;
    } else if (!listed) {
        /* dropped by context alone is not enough to build on */
        return 0;
    }
    if (kicker(c, self, q, qf)) return 0;
    /* a short title over its dateline and paragraph ("الصحف العراقية" /
       "بغداد - المغرب اليوم" / ...) */
    if (dateline(&c->lines[q], qf) && followed_by_paragraph(c, (size_t)q))
        return 0;
    /* the last short line before a longer unlisted line, itself before
       the first paragraph: the article's short title over its deck or
       byline ("قواعد النشر العلمي" / "2023/07/24 الكاتب: ...") */
    return !followed_by_paragraph(c, c->i);
}

/* Before the article's first paragraph, an unlisted line above a longer
   unlisted line that has its paragraph is the article's short title over
   its deck or byline ("قواعد النشر العلمي" / "2023/07/24 الكاتب: ..."):
   it stays, whatever was dropped above it; so does it when the window
   ends before anything but furniture follows the deck.  A widget line
   above the title ("استمع إلى المقال") has the same shape and stays too:
   a title lost is worse. */
static int title_over_deck(const ctx *c, const info *self, long q,
                           const info *qf)
{
    const nazif__bp_line *L = &c->lines[c->i];
    /* three words at least: a section label above the title has one or
       two ("البيئة", "عربي ودولي") */
    return self->v == V_OTHER && q >= 0 && qf->v == V_OTHER &&
           more_words_than(L->s, L->len, 2) &&
           !qf->very_short && !after_paragraph(c) &&
           followed_by(c, (size_t)q, 1);
}

/* The document's first line, one to three words, above a title of four
   words or more that has a paragraph within the window: the section
   label or the site's name over the article ("فيديو", "اخبار البحرين"),
   not the article's own title, which has its paragraph (or its deck
   ending with punctuation) right after it. */
static int label_over_title(const ctx *c, const info *self, long p, long q,
                            const info *qf)
{
    const nazif__bp_line *L = c->lines;
    if (L[0].index != 0 || q < 0) return 0;
    /* the first line, or the second under a first label dropped as one
       ("معركة أولي البأس" / "لبنان" / <title>) */
    for (size_t k = 0; k < (p >= 0 ? (size_t)p : c->i); k++)
        if (L[k].len > 0) return 0;
    if (p >= 0 && (L[p].index != 0 || !L[p].drop || self->v != V_OTHER)) return 0;
    if ((self->v != V_OTHER && self->v != V_WEAK) || !self->very_short ||
        last_meaningful(L[c->i].s, L[c->i].len) == ':')
        return 0;
    info q2;
    /* (a listed word and a site's name keep their own evidence) */
    if (p < 0 && self->v == V_OTHER && (qf->v == V_OTHER || qf->v == V_WEAK) &&
        qf->very_short && last_meaningful(L[q].s, L[q].len) != ':' &&
        !publication_name(L[c->i].s, L[c->i].len)) {
        /* a second label between the first and the title */
        q = next_nonblank(c, (size_t)q, &q2);
        if (q < 0) return 0;
        qf = &q2;
    }
    /* the page's date between the label and the title */
    info qq;
    if ((qf->v == V_WEAK && qf->why == date_stamp) || stamp_line(qf)) {
        q = next_nonblank(c, (size_t)q, &qq);
        if (q < 0) return 0;
        qf = &qq;
    }
    if (qf->v != V_OTHER || !qf->title || qf->very_short ||
        !more_words_than(L[q].s, L[q].len, 3) ||
        last_meaningful(L[q].s, L[q].len) == ':')
        return 0;
    info f;
    for (size_t k = (size_t)q + 1; k < c->n; k++) {
        analyse(&L[k], &f);
        if (f.v == V_CONTENT && f.para) return 1;
    }
    return 0;
}

/* Line i is near the top of the document with only dropped (or blank)
   lines before it in the window. */
static int top_of_page(const ctx *c)
{
    if (c->lines[c->i].index >= BP_TOP_LINES) return 0;
    for (size_t k = 0; k < c->i; k++)
        if (!c->lines[k].drop && c->lines[k].len > 0) {
            info f;
            analyse(&c->lines[k], &f);
            if (f.v != V_BLANK) return 0;
        }
    return c->lines[0].index == 0 || c->i >= NAZIF__BP_BEHIND;
}

/*
 * Headlines run together on one line with single spaces (a ticker once
 * the page is text): a long line (300 bytes or more) with no final
 * punctuation and no comma, holding three marks or more that end or
 * split a headline inside it -- '?' or '؟', ':' , '«', two dots.  A
 * paragraph that long has a comma or its full stop.
 */
static int glued_ticker(const uint8_t *s, size_t n)
{
    if (n < 300 || is_final_punct(last_meaningful(s, n))) return 0;
    int marks = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        uint8_t b = s[k];
        if (b == ',') return 0;
        if (b == 0xD8 && s[k + 1] == 0x8C) return 0; /* ، */
        if (b == '?' || b == ':' || (b == '.' && s[k + 1] == '.')) {
            marks++;
            if (b == '.') k++;
        } else if (b == 0xD8 && s[k + 1] == 0x9F) {
            marks++; /* ؟ */
        } else if (b == 0xC2 && s[k + 1] == 0xAB) {
            marks++; /* « */
        }
    }
    return marks >= 3;
}

/* Does a kept paragraph stand before line i in the document (counted by
   the caller) or in the window?  Then the article has begun: line i is not
   in the page's header. */
static int after_paragraph(const ctx *c)
{
    if (c->lines[c->i].paras > 0) return 1;
    info f;
    for (size_t k = 0; k < c->i; k++) {
        if (c->lines[k].drop) continue;
        analyse(&c->lines[k], &f);
        if (f.v == V_CONTENT && f.para) return 1;
    }
    return 0;
}

/* Does the next non-blank line open with ':'?  Then line i is the name
   of a speaker in a transcript ("محمد كريشان" / ": السلام عليكم"), and
   the same name comes back at each of the speaker's turns. */
static int speaker_turn(const ctx *c)
{
    for (size_t k = c->i + 1; k < c->n; k++) {
        const uint8_t *s = c->lines[k].s;
        size_t n = c->lines[k].len;
        trim_ws(&s, &n);
        if (n > 0) return s[0] == ':';
    }
    return 0;
}

static int run_member(const nazif__bp_line *L, const info *f);

/* The page opens with a run of three or more short lines (1-3 words, no
   final punctuation: site name, buttons, section labels, widget words),
   one of them furniture on its own text, before the article's first
   paragraph: line i is one of them and not the run's last line (which
   may be a short title, or the article's kicker or section label right
   above its title).  The window must reach the document's first line. */
static int top_short_run(const ctx *c)
{
    const nazif__bp_line *L = c->lines;
    if (L[0].index != 0 || L[c->i].index >= BP_HEAD_LINES) return 0;
    info f;
    int len = 0, listed = 0;
    for (size_t k = 0; k <= c->i; k++) {
        analyse(&L[k], &f);
        if (f.v == V_BLANK) continue;
        if (!run_member(&L[k], &f) && !L[k].drop) return 0;
        len++;
        if (local_furniture(&f) && f.why != date_stamp) listed++;
    }
    int after = 0;
    long k = (long)c->i;
    for (;;) {
        long a = next_nonblank(c, (size_t)k, &f);
        if (a < 0) return 0; /* the window ends inside the run */
        if (!run_member(&L[a], &f)) {
            if (after == 0) return 0;
            break;
        }
        after++;
        len++;
        /* a bare date is the session's or the letter's date as often as
           the page's: it does not make the run a header */
        if (local_furniture(&f) && f.why != date_stamp) listed++;
        k = a;
    }
    if (len < 3 || listed < 1) return 0;
    /* the run's line right above a dateline and its paragraph is the
       article's short title */
    long q = next_nonblank(c, c->i, &f);
    return !(q >= 0 && dateline(&L[q], &f) && followed_by_paragraph(c, (size_t)q));
}

/* A member of a long menu run: a short line (1-3 words) with no digit
   and no closing ':' (a list the article introduces, a session's number,
   a date), or a line already dropped as furniture of a few words. */
static int long_run_member(const nazif__bp_line *L, const info *f)
{
    if (L->drop && (f->v == V_DROP || f->v == V_HEADER || f->v == V_WEAK))
        return f->words <= 5;
    if ((f->v != V_WEAK && f->v != V_OTHER) || !f->very_short || wrap_of(L, f)) return 0;
    if (last_meaningful(L->s, L->len) == ':') return 0;
    for (size_t k = 0; k < L->len; k++) {
        uint8_t c = L->s[k];
        if ((c >= '0' && c <= '9') ||
            (c == 0xD9 && k + 1 < L->len && L->s[k + 1] >= 0xA0 &&
             L->s[k + 1] <= 0xA9))
            return 0;
    }
    return 1;
}

/* A widget's marks alone ("• ×", "|", "⌄"): no mark a sentence leaves
   on its own line (sentence_mark()) and no mark of a stanza or section
   break ("* * *", "---", "~~", "==", "#", "__"), which a poem's short
   lines have around them. */
static int widget_marks(const nazif__bp_line *L)
{
    if (L->len == 0 || L->len > 48 || !symbols_only(L->s, L->len) ||
        sentence_mark(L->s, L->len))
        return 0;
    for (size_t k = 0; k < L->len; k++)
        if (L->s[k] == '*' || L->s[k] == '-' || L->s[k] == '~' || L->s[k] == '=' ||
            L->s[k] == '#' || L->s[k] == '_')
            return 0;
    return 1;
}

/* Before the article's first paragraph, a run of five or more short
   lines (menu items, section names, a profile box's labels) is the page's
   navigation whether or not its words are listed: line i is in such a
   run and not its last line (which may be the article's short title or
   its author).  Not after a kept line ending with ':', whose items the
   run would be.  There must be a page around it: one of the run's lines
   is furniture on its own text, or the run ends in the window with the
   article (a paragraph, or a title over its paragraph); a file of short
   lines and nothing else (posts, headlines, a word list) keeps them. */
static int long_menu_run(const ctx *c, const info *self, int at_end)
{
    const nazif__bp_line *L = c->lines;
    if (L[c->i].index >= BP_TOP_LINES || after_paragraph(c)) return 0;
    if (!long_run_member(&L[c->i], self)) return 0;
    info f;
    int len = 1, kept = 0, start = 0;
    int listed = local_furniture(self) && self->why != date_stamp;
    size_t k = c->i;
    while (k > 0) {
        k--;
        analyse(&L[k], &f);
        if (f.v == V_BLANK) continue;
        if (!long_run_member(&L[k], &f)) {
            if (!L[k].drop && last_meaningful(L[k].s, L[k].len) == ':')
                return 0;
            /* right under a kept line of four words or more (the
               article's title or its date line): the article's own table
               of contents or list of topics, not the site's navigation,
               which stands above the title; listed words still go */
            if (!L[k].drop && self->v == V_OTHER &&
                (f.v == V_OTHER || (f.v == V_CONTENT && !f.para)) &&
                more_words_than(L[k].s, L[k].len, 3))
                return 0;
            start = 1;
            break;
        }
        if (!L[k].drop) kept++;
        len++;
    }
    /* furniture dropped before line i in the window is evidence of a page,
       but not a bare date: that is the session's or the letter's date as
       often as the page's (top_short_run()) */
    for (size_t j = 0; j < c->i && !listed; j++) {
        if (!L[j].drop) continue;
        analyse(&L[j], &f);
        if (f.why != date_stamp && f.why != counter) listed++;
    }
    /* the run began before the window: its start was judged with the
       lines before it, and a kept member means it was not a menu */
    if (!start && L[0].index != 0 && kept) return 0;
    /* the run opens the document: no line of it kept so far holds a stop
       word (menu items are names of sections, not phrases of a text) */
    int opens = !start && L[0].index == 0;
    for (size_t j = 0; j <= c->i && opens; j++) {
        analyse(&L[j], &f);
        if (f.v != V_BLANK && !L[j].drop && prose_pct(&L[j], &f) > 0) opens = 0;
    }
    int after = 0, ended = 0, article = 0, marks = 0;
    for (k = c->i + 1; k < c->n; k++) {
        analyse(&L[k], &f);
        if (f.v == V_BLANK) {
            marks |= widget_marks(&L[k]);
            continue;
        }
        if (!long_run_member(&L[k], &f)) {
            ended = 1;
            article = f.para || followed_by_paragraph(c, k);
            /* the run ends on furniture found on its own text (a widget's
               marks alone, "• ×", and no short line after them; a stamp
               with its time): a page around it */
            if (marks || (local_furniture(&f) && f.why != date_stamp && f.why != counter))
                listed++;
            break;
        }
        marks = 0;
        if (local_furniture(&f) && f.why != date_stamp) listed++;
        if (opens && prose_pct(&L[k], &f) > 0) opens = 0;
        after++;
    }
    /* A run that opens the document and goes on past the window's end
       (seven short lines or more) is the page's navigation: a text does
       not open with seven names of a word or three.  A file of such lines
       and no paragraph keeps them all (cleaner.c). */
    if (!listed && !article && !(opens && !ended && len + after >= 7)) return 0;
    /* a window that ends inside the run (lines separated by blank lines)
       holds fewer of its lines than the run has */
    if (!ended && !at_end && after >= 2) return len + after >= 4;
    return after >= 1 && len + after >= 5;
}

/* A member of a menu run: a short line without final punctuation. */
static int run_member(const nazif__bp_line *L, const info *f)
{
    if (f->v == V_WEAK || f->v == V_OTHER) return f->very_short && !wrap_of(L, f);
    if (f->v == V_DROP || f->v == V_HEADER) return f->words <= 5;
    return 0;
}

/*
 * Short-line run around line i (blank lines skipped): how many lines and
 * how many of them listed (or, before i, already dropped).
 */
static void menu_run(const ctx *c, const info *self, int *len, int *known,
                     int *bullets)
{
    info f;
    *len = 1;
    *known = local_furniture(self);
    *bullets = self->bullet;
    size_t k = c->i;
    while (k > 0) {
        k--;
        analyse(&c->lines[k], &f);
        if (f.v == V_BLANK) continue;
        if (!run_member(&c->lines[k], &f)) break;
        (*len)++;
        *bullets += f.bullet;
        if (c->lines[k].drop) (*known)++;
    }
    for (k = c->i + 1; k < c->n; k++) {
        analyse(&c->lines[k], &f);
        if (f.v == V_BLANK) continue;
        if (!run_member(&c->lines[k], &f)) break;
        (*len)++;
        *bullets += f.bullet;
        if (local_furniture(&f)) (*known)++;
    }
}

/* No content line follows i in the window, and the window reaches the end
   of the document or is full of furniture. */
static int at_page_end(const ctx *c)
{
    info f;
    for (size_t k = c->i + 1; k < c->n; k++) {
        analyse(&c->lines[k], &f);
        if (f.v == V_CONTENT || (f.v == V_OTHER && !f.very_short)) return 0;
    }
    return 1;
}

/* A temperature and nothing else: a degree sign, and besides it only
   digits, signs, separators and the unit's letter ("--°C", "31°",
   "18° / 27°C", "24°م"). */
static int temperature_only(const uint8_t *s, size_t n)
{
    if (n == 0 || n > 40) return 0;
    int deg = 0;
    for (size_t k = 0; k < n; k++) {
        uint8_t b = s[k];
        if (b == 0xC2 && k + 1 < n && s[k + 1] == 0xB0) {
            deg = 1;
            k++;
        } else if (b == 0xD9 && k + 1 < n && s[k + 1] == 0x85) {
            k++; /* م */
        } else if (!(is_digit(b) || b == '-' || b == '+' || b == '.' || b == ' ' ||
                     b == '/' || b == '|' || b == '\t' || b == 'C' || b == 'F' ||
                     b == 'c' || b == 'f')) {
            return 0;
        }
    }
    return deg;
}

/* ---- teasers of other articles ------------------------------------------ */

/* Does the line end with an ellipsis glued to its last word ("... في ذهاب
   نصف…", "... مع تجنيد الخلايا..."), eight words or more: an excerpt the
   site cut to a length?  Three dots, not two or four. */
static int cut_excerpt_rest(const nazif__bp_line *L);

/* May the line end with dots a site cut it with: forty bytes or more,
   ending with "…", a space or "..", not a sentence's full stop (most
   lines)?  The cheap first test of cut_excerpt() and pair_excerpt(). */
static inline int excerpt_end(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    if (L->truncated || n < 40 ||
        (s[n - 1] != 0xA6 && s[n - 1] != ' ' && s[n - 1] != '.'))
        return 0;
    return !(s[n - 1] == '.' && s[n - 2] != '.');
}

static inline int cut_excerpt(const nazif__bp_line *L)
{
    return excerpt_end(L) && cut_excerpt_rest(L);
}

/* Does s[0..n) (n >= 3) end with "…" or "..."? */
static inline int ellipsis_end(const uint8_t *s, size_t n)
{
    return (s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] == 0xA6) ||
           (s[n - 1] == '.' && s[n - 2] == '.' && s[n - 3] == '.');
}

/* cut_excerpt() of a line that ends with "…", a space or ".." */
static int cut_excerpt_rest(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    trim_ws(&s, &n);
    if (n < 40 || n > 800 || !ellipsis_end(s, n)) return 0;
    const size_t e = n - 3;
    if (s[e - 1] == ' ' || s[e - 1] == '.' || s[e - 1] == 0xA6) return 0;
    return more_words_than(s, n, 7);
}

/* Is line i one of a run of three or more excerpts cut to about the same
   length (the longest at most 1.5 times the shortest), one after another
   (blank lines aside), with the article's text or furniture right before
   or after the run?  A site's list of other articles, each its first
   words; a writer's own lines ending with "…" are few and of any length. */
static int excerpt_run(const ctx *c)
{
    const nazif__bp_line *L = c->lines;
    if (!cut_excerpt(&L[c->i])) return 0;
    size_t lo = L[c->i].len, hi = L[c->i].len;
    int len = 1, around = 0, first_dropped = 0, broke = 0, page = 0;
    /* cut with three ASCII dots: how a writer trails off too */
    int dots = L[c->i].s[L[c->i].len - 1] == '.' || L[c->i].s[L[c->i].len - 1] == ' ';
    info f;
    for (size_t k = c->i; k > 0;) {
        k--;
        if (L[k].len == 0) continue;
        analyse(&L[k], &f);
        if (f.v == V_BLANK) continue;
        if (!cut_excerpt(&L[k])) {
            /* the article's paragraph, or furniture, right before it */
            around = (f.v == V_CONTENT && f.para) || L[k].drop ||
                     local_furniture(&f);
            page = L[k].drop || local_furniture(&f);
            broke = 1;
            break;
        }
        dots |= L[k].s[L[k].len - 1] == '.';
        first_dropped = L[k].drop;
        if (L[k].len < lo) lo = L[k].len;
        if (L[k].len > hi) hi = L[k].len;
        len++;
    }
    /* the run began before the window and was judged a list there */
    if (!broke && first_dropped) around = page = 1;
    /* the run opens the document */
    if (!broke && L[0].index == 0) page = 1;
    for (size_t k = c->i + 1; k < c->n; k++) {
        if (L[k].len == 0) continue;
        analyse(&L[k], &f);
        if (f.v == V_BLANK) continue;
        if (!cut_excerpt(&L[k])) {
            around |= (f.v == V_CONTENT && f.para) || local_furniture(&f);
            page |= local_furniture(&f);
            break;
        }
        dots |= L[k].s[L[k].len - 1] == '.';
        if (L[k].len < lo) lo = L[k].len;
        if (L[k].len > hi) hi = L[k].len;
        len++;
    }
    /* a page around the run: a file of such lines alone (verses each
       ending with "…") stays.  Paragraphs that trail off with "..."
       between a title and the text that goes on are a writer's: with
       dots the run must open the page or touch furniture. */
    return len >= 3 && 2 * hi <= 3 * lo && around && (!dots || page);
}

/* A title of a teaser: title-like (no final punctuation, or a question),
   not a paragraph, at most 200 bytes. */
static int pair_title(const nazif__bp_line *L, const info *f)
{
    /* a title may end with '!' ("الأبراج الأقل تسامحًا: من الصعب
       إرضائهم!"), never with a full stop */
    return !L->truncated && L->len <= 200 &&
           (!f->para || (L->len <= 150 && last_meaningful(L->s, L->len) == '!')) &&
           ((f->v == V_OTHER && f->title && !f->very_short) || f->v == V_CONTENT);
}

/* An excerpt in a title / excerpt box: cut_excerpt(), or cut after a
   whole word with a space before the dots ("... اجتياز ...", "... في
   دولة الكويت …"), sixteen words or more: in a box the pairs around it
   show the site's cut, where a writer's paragraph may trail off so. */
static int spaced_excerpt(const nazif__bp_line *L);

static inline int pair_excerpt(const nazif__bp_line *L)
{
    return excerpt_end(L) && (cut_excerpt_rest(L) || spaced_excerpt(L));
}

static int spaced_excerpt(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    trim_ws(&s, &n);
    if (n < 80 || n > 800 || !ellipsis_end(s, n)) return 0;
    const size_t e = n - 3;
    if (s[e - 1] != ' ' || s[e - 2] == ' ' || s[e - 2] == '.') return 0;
    return more_words_than(s, n, 16);
}

/* An excerpt cut after a whole word with no dots at all ("... يأخذ
   المنطقةَ نحو أخطار", "... قطار التطبيع سيمرُّ في كلِّ"): running
   text, twenty words or more, no final punctuation and no closing mark
   of a quotation or a bracket.  Taken only inside a run of three title /
   excerpt pairs: a writer's paragraph lacks its full stop here and
   there, a box of other articles lacks it on every excerpt. */
static int bare_excerpt(const nazif__bp_line *L, const info *f)
{
    if (L->truncated || L->len < 200 || L->len > 800 || f->final) return 0;
    if (f->v != V_CONTENT && f->v != V_OTHER) return 0;
    const uint32_t last = last_meaningful(L->s, L->len);
    if (last < 0x0621 || last > 0x06FF) return 0; /* an Arabic letter */
    return more_words_than(L->s, L->len, 19);
}

/* The running text bare_excerpt() asks of an excerpt (10 % stop words
   or more), checked once a run of pairs holds: the count is dear. */
static int bare_prose(const nazif__bp_line *L)
{
    info f;
    analyse(L, &f);
    return prose_pct(L, &f) >= 10;
}

/* The line between two pairs of a box: its author's name or its date
   (one to three words, or a publication stamp), no final punctuation. */
static int pair_name(const nazif__bp_line *L, const info *f)
{
    return !L->truncated && !f->final &&
           ((f->very_short && (f->v == V_OTHER || f->v == V_WEAK)) || stamp_line(f));
}

/* A line between one pair of a box and the next: pair_name(), or the
   item's read-more link of a few words ("أكمل القراءة »"). */
static int box_gap(const nazif__bp_line *L, const info *f)
{
    return pair_name(L, f) ||
           (f->v == V_DROP && f->cat == NAZIF__CAT_RELATED && f->words <= 4);
}

/* Line k's neighbours in a box (dir -1 before, +1 after): j[0] the next
   non-blank line, j[1] and j[2] the lines after one and two gap lines
   (box_gap()), -1 where there is none.  A box prints its date, its
   author or a read-more link between one pair and the next. */
static void box_next(const ctx *c, long k, int dir, long j[3])
{
    info f;
    j[0] = j[1] = j[2] = -1;
    long x = k;
    for (int s = 0; s < 3; s++) {
        x = dir < 0 ? prev_nonblank(c, (size_t)x, &f) : next_nonblank(c, (size_t)x, &f);
        if (x < 0) return;
        j[s] = x;
        if (!box_gap(&c->lines[x], &f)) return;
    }
}

/* A box's title (pair_title()) of one to three words too; *shorts
   counts those. */
static int box_title(const nazif__bp_line *L, const info *f, int *shorts)
{
    if (pair_title(L, f)) return 1;
    if (!L->truncated && f->v == V_OTHER && f->title && f->very_short) {
        (*shorts)++;
        return 1;
    }
    return 0;
}

/* A title of a columns box names its author: a ':' or a dash between
   words ("<name> يكتب : <title>", "<title> – بقلم : <name>"). */
static int title_mark(const nazif__bp_line *L)
{
    if (memchr(L->s, ':', L->len)) return 1;
    for (size_t k = 1; k + 2 < L->len; k++)
        if (L->s[k - 1] == ' ' && (L->s[k] == '-' ||
            (L->s[k] == 0xE2 && L->s[k + 1] == 0x80 && (L->s[k + 2] == 0x93 || L->s[k + 2] == 0x94))))
            return 1;
    return 0;
}

/* Is line k an excerpt of a box?  1 cut with dots, 2 bare (bare_excerpt),
   0 neither. */
static int box_excerpt(const nazif__bp_line *L, const info *f)
{
    if (pair_excerpt(L)) return 1;
    return bare_excerpt(L, f) ? 2 : 0;
}

/*
 * Two title / excerpt pairs or more in a row: a title, then the first
 * words of its article cut by the site to a length with three dots glued
 * to a cut word ("... من المشكلات..."; cut_excerpt()), then the next title
 * and its excerpt -- a box of other articles ("ذات صلة", "متفرقات").  The
 * excerpts are of one length (the longest at most 1.5 times the
 * shortest), as a site cuts them; a writer's paragraphs that trail off
 * with dots under their subheadings are not.  Line i is a title with its
 * excerpt under it, or such an excerpt.  The article's own title after
 * the box, over a byline or its paragraph, is no pair and stays.
 * A name or a date line may stand between one pair and the next (author
 * / title / excerpt cycles of a columns page); excerpts cut with no dots
 * (bare_excerpt()) need three pairs, every excerpt of the run so cut.
 */
static int title_excerpt_pairs(const ctx *c, const info *self)
{
    const nazif__bp_line *L = c->lines;
    info f;
    long t, e; /* line i's pair */
    int shorts = 0, gaps = 0;
    int kind = box_excerpt(&L[c->i], self);
    if (kind) {
        e = (long)c->i;
        t = prev_nonblank(c, c->i, &f);
        if (t < 0 || !box_title(&L[t], &f, &shorts)) return 0;
    } else {
        if (!box_title(&L[c->i], self, &shorts)) return 0;
        t = (long)c->i;
        e = next_nonblank(c, c->i, &f);
        if (e < 0 || !(kind = box_excerpt(&L[e], &f))) return 0;
    }
    size_t lo = L[e].len, hi = L[e].len;
    int pairs = 1, bare = kind == 2;
    long bares[NAZIF__BP_BEHIND + NAZIF__BP_AHEAD + 1];
    if (kind == 2) bares[0] = e;
    int marked = title_mark(&L[t]);
    /* pairs before */
    long k = t;
    for (;;) {
        long j[3], pe = -1, pt = -1;
        int pk = 0, sh = 0, g = 0;
        box_next(c, k, -1, j);
        for (g = 0; g < 3; g++) {
            if (j[g] < 0) continue;
            analyse(&L[j[g]], &f);
            if (!(pk = box_excerpt(&L[j[g]], &f))) continue;
            pe = j[g];
            pt = prev_nonblank(c, (size_t)pe, &f);
            sh = 0;
            if (pt >= 0 && box_title(&L[pt], &f, &sh)) break;
            pe = -1;
        }
        if (pe < 0) break;
        if (L[pe].len < lo) lo = L[pe].len;
        if (L[pe].len > hi) hi = L[pe].len;
        pairs++;
        if (pk == 2) bares[bare++] = pe;
        marked += title_mark(&L[pt]);
        shorts += sh;
        gaps += g;
        k = pt;
    }
    /* pairs after */
    k = e;
    for (;;) {
        long j[3], nt = -1, ne = -1;
        int nk = 0, sh = 0, g = 0;
        box_next(c, k, 1, j);
        for (g = 0; g < 3; g++) {
            sh = 0;
            if (j[g] < 0) continue;
            analyse(&L[j[g]], &f);
            if (!box_title(&L[j[g]], &f, &sh)) continue;
            nt = j[g];
            ne = next_nonblank(c, (size_t)nt, &f);
            if (ne >= 0 && (nk = box_excerpt(&L[ne], &f))) break;
            nt = -1;
        }
        if (nt < 0) break;
        if (L[ne].len < lo) lo = L[ne].len;
        if (L[ne].len > hi) hi = L[ne].len;
        pairs++;
        if (nk == 2) bares[bare++] = ne;
        marked += title_mark(&L[nt]);
        shorts += sh;
        gaps += g;
        k = ne;
    }
    if (bare && (bare < pairs || pairs < 3)) return 0;
    /* titles of one to three words (a subheading's size): only with the
       box's own lines between the pairs (a date, a name, a read-more
       link), which a writer's subheadings and paragraphs do not have
       (two letters under "الرسالة الأولى" / "الرسالة الثانية", each
       trailing off with " ...", stay) */
    if (shorts && !gaps) return 0;
    /* excerpts cut with no dots: the box's lines between the pairs, or
       every title naming its author; an article whose paragraphs lack
       their full stops, under plain subheadings, stays */
    if (bare && !gaps && marked < pairs) return 0;
    if (pairs < 2 || 2 * hi > 3 * lo) return 0;
    for (int b = 0; b < bare; b++)
        if (!bare_prose(&L[bares[b]])) return 0;
    return 1;
}

/* Line i a name or date line right above a title of a box of pairs
   (title_excerpt_pairs()), after an excerpt of the box, after a dropped
   line or opening the document: the pair's author or date. */
static int box_name(const ctx *c, const info *self)
{
    const nazif__bp_line *L = c->lines;
    if (!pair_name(&L[c->i], self)) return 0;
    info f;
    long p = prev_nonblank(c, c->i, &f);
    if (p >= 0 && !L[p].drop && !box_excerpt(&L[p], &f)) return 0;
    if (p < 0 && L[0].index != 0) return 0;
    long t = next_nonblank(c, c->i, &f);
    int sh = 0;
    if (t < 0 || !box_title(&L[t], &f, &sh)) return 0;
    ctx tc = {L, c->n, (size_t)t};
    return title_excerpt_pairs(&tc, &f);
}

/* "07/11/2025 - ياسين الحاج صالح": a numeric date, a dash or a bar, and a
   name or a role of one to six words, no final punctuation: the date and
   author under a title in a list of other articles. */
static int dated_byline(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    if (L->truncated || n > 160) return 0;
    trim_ws(&s, &n);
    if (n == 0 || !is_digit(s[0])) return 0;
    size_t e = 0;
    while (e < n && s[e] != ' ') e++;
    if (!numeric_date(s, e)) return 0;
    size_t k = e;
    while (k < n && s[k] == ' ') k++;
    if (k < n && (s[k] == '-' || s[k] == '|')) k++;
    else if (k + 2 < n && s[k] == 0xE2 && s[k + 1] == 0x80 &&
             (s[k + 2] == 0x93 || s[k + 2] == 0x94)) k += 3;
    else return 0;
    if (k >= n || s[k] != ' ') return 0;
    uint32_t last = last_meaningful(s, n);
    if (is_final_punct(last) || last == ':') return 0;
    return !more_words_than(s + k, n - k, 6) && more_words_than(s + k, n - k, 0);
}

/* Is line i in a list of other articles drawn as title / dated byline
   pairs?  Three dated bylines or more in the window, each right under a
   title (a line that is no paragraph), and line i one of them or the title
   right above one; no kept line ending with ':' before the first title. */
static int dated_pairs(const ctx *c, const info *self)
{
    const nazif__bp_line *L = c->lines;
    info f;
    if (!dated_byline(&L[c->i])) {
        if (self->para) return 0;
        /* the next line that is not empty opens with a digit */
        size_t k = c->i + 1, tn = 0;
        const uint8_t *t = NULL;
        for (; k < c->n; k++) {
            t = L[k].s;
            tn = L[k].len;
            while (tn > 0 && (*t == ' ' || *t == '\t')) t++, tn--;
            if (tn > 0) break;
        }
        if (k >= c->n || !is_digit(t[0])) return 0;
        long q = next_nonblank(c, c->i, &f);
        if (q < 0 || !dated_byline(&L[q])) return 0;
    }
    long idx[2 * NAZIF__BP_AHEAD + 2 * NAZIF__BP_BEHIND + 2];
    size_t m = 0;
    for (size_t k = 0; k < c->n && m < sizeof idx / sizeof idx[0]; k++) {
        if (L[k].len == 0) continue;
        analyse(&L[k], &f);
        if (f.v != V_BLANK) idx[m++] = (long)k;
    }
    int pairs = 0;
    for (size_t j = 1; j < m; j++) {
        if (!dated_byline(&L[idx[j]])) continue;
        analyse(&L[idx[j - 1]], &f);
        if (f.v == V_BLANK || f.para || dated_byline(&L[idx[j - 1]])) continue;
        if (last_meaningful(L[idx[j - 1]].s, L[idx[j - 1]].len) == ':') continue;
        pairs++;
    }
    return pairs >= 3;
}

/* ---- a cut copy of the first paragraph ----------------------------------- */

/* Line i, sixteen words or more (more than a title has) and no final
   punctuation, right under the kept title, is the start of a line
   within the next six: the page's summary (its description cut to a
   length) printed over the paragraph it was cut from ("... إلا إن الأخير قلب الطاولة" over
   "... إلا إن الأخير قلب الطاولة في الدقائق الأخيرة ..."). */
static int cut_copy_of_next(const ctx *c, const info *self)
{
    const nazif__bp_line *L = c->lines;
    const nazif__bp_line *me = &L[c->i];
    if (me->truncated || me->len > 800 || self->final ||
        !more_words_than(me->s, me->len, 15))
        return 0;
    info f;
    long t = prev_nonblank(c, c->i, &f);
    if (t < 0 || L[t].drop || !(f.v == V_OTHER && f.title)) return 0;
    const uint8_t *s = me->s;
    size_t n = me->len;
    trim_ws(&s, &n);
    for (size_t k = c->i + 1; k < c->n; k++) {
        const uint8_t *o = L[k].s;
        size_t on = L[k].len;
        trim_ws(&o, &on);
        /* the longer line goes on after the copy with a space: the copy
           stops at a word's end */
        if (on > n + 1 && o[n] == ' ' && memcmp(o, s, n) == 0) return 1;
    }
    return 0;
}

/* ---- a table of rates ------------------------------------------------------ */

/* A row of a rates widget: one or two numbers with a decimal part first
   ("17.85 17.97 البنك المركزى المصرى", "600.00 عيار 21"), then one to
   four words, at most 100 bytes, no ':' and no final punctuation. */
static int rate_row(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    if (L->truncated || n > 100 || n < 6) return 0;
    trim_ws(&s, &n);
    if (n == 0 || !digit_len(s, n, 0) || memchr(s, ':', n)) return 0;
    size_t pos = 0;
    int nums = 0, words = 0;
    while (pos < n) {
        while (pos < n && s[pos] == ' ') pos++;
        if (pos >= n) break;
        size_t b = pos;
        while (pos < n && s[pos] != ' ') pos++;
        /* a number with its decimal part: digits, one '.' or ',', digits */
        int dig = 0, sep = 0, ok = 1;
        for (size_t k = b; k < pos;) {
            size_t dl = digit_len(s, pos, k);
            if (dl) { dig++; k += dl; continue; }
            if ((s[k] == '.' || s[k] == ',') && dig && !sep) { sep = 1; k++; continue; }
            ok = 0;
            break;
        }
        if (words == 0 && ok && sep && dig >= 2 && digit_len(s, pos, pos - 1)) {
            nums++;
            continue;
        }
        if (nums == 0) return 0;
        if (++words > 4) return 0;
    }
    if (nums == 0 || nums > 2 || words == 0) return 0;
    return !is_final_punct(last_meaningful(s, n));
}

/* Line i one of four rate rows or more in a row (blank lines aside):
   the rates widget of a page (currencies, gold, groceries). */
static int rate_table(const ctx *c)
{
    const nazif__bp_line *L = c->lines;
    if (!rate_row(&L[c->i])) return 0;
    int len = 1;
    for (size_t k = c->i; k > 0;) {
        k--;
        if (L[k].len == 0) continue;
        if (!rate_row(&L[k])) {
            /* the article's text kept right above the rows, a line that
               introduces them (".. كما يلي:") or a sentence: its table */
            if (!L[k].drop && (last_meaningful(L[k].s, L[k].len) == ':' ||
                               more_words_than(L[k].s, L[k].len, 8)))
                return 0;
            break;
        }
        len++;
    }
    for (size_t k = c->i + 1; k < c->n; k++) {
        if (L[k].len == 0) continue;
        if (!rate_row(&L[k])) break;
        len++;
    }
    return len >= 4;
}

/* ---- a profile box -------------------------------------------------------- */

/* A field of a profile or info box: a label of one to three words, ':',
   and a value of one to four tokens, no final punctuation, at most 80
   bytes ("الدولة: الإمارات").  Bits: 1 any value, 2 a count or a date
   ("المشاركات: 3,841", "تاريخ التسجيل : 17/09/2008", "قوة السمعة:186"),
   4 a label with a word of a forum profile (words.tsv); 0 no field. */
static int field_line(const nazif__bp_line *L)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    if (L->truncated || n > 80) return 0;
    trim_ws(&s, &n);
    const uint8_t *colon = memchr(s, ':', n);
    if (!colon || colon == s) return 0;
    size_t c = (size_t)(colon - s);
    if (memchr(colon + 1, ':', n - c - 1)) return 0;
    uint32_t last = last_meaningful(s, n);
    if (is_final_punct(last) || last == ':' || last == 0x061F) return 0;
    /* the label: one to three words with a letter */
    size_t pos = 0;
    tok t;
    int lw = 0, listed = 0;
    while (next_tok(s, c, &pos, &t)) {
        if (t.ce <= t.cb) continue;
        if (++lw > 3) return 0;
        if (nazif__phr_shape_word(NAZIF__SHAPE_PROFILE, s + t.cb, t.ce - t.cb))
            listed = 4;
    }
    if (lw == 0) return 0;
    const uint8_t *v = colon + 1;
    size_t vn = n - c - 1;
    trim_ws(&v, &vn);
    if (vn == 0 || more_words_than(v, vn, 4)) return 0;
    /* a count or a date: digits with , . / - and at most one more word */
    size_t e = 0;
    int dig = 0;
    while (e < vn && v[e] != ' ') {
        uint8_t ch = v[e];
        size_t dl = digit_len(v, vn, e);
        if (dl) {
            dig = 1;
            e += dl;
            continue;
        }
        if (ch != ',' && ch != '.' && ch != '/' && ch != '-') {
            dig = 0;
            break;
        }
        e++;
    }
    if (dig && (e >= vn || !more_words_than(v + e, vn - e, 1))) return 3 | listed;
    return 1 | listed;
}

/* Is line i (a field) one of a run
   of short lines that holds three fields or more, one label a word of a
   forum profile, and two of them counts or dates or profile labels ("العضوية: 14959", "تاريخ التسجيل: Dec 2005", "الدولة: الإمارات",
   "المشاركات: 120")?  A forum's or a site's profile box.  Not after a kept
   line ending with ':' (the article's own list). */
/* A line between the fields of a profile box: the member's name, rank
   or status, a counter (up to five words, no final punctuation). */
static int profile_filler(const nazif__bp_line *L, const info *f)
{
    if (f->why == counter || f->very_short) return 1;
    return f->v == V_OTHER && !more_words_than(L->s, L->len, 5);
}

/* Count line l if it is a profile field (field_line()); 1 when it is. */
static int count_field(const nazif__bp_line *l, int *fields, int *counts, int *listed)
{
    const int fl = field_line(l);
    if (!fl) return 0;
    (*fields)++;
    *counts += (fl & 2) != 0;
    *listed += (fl & 4) != 0;
    return 1;
}

/* The label of a field line (field_line()): its text before ':', white
   space trimmed. */
static void field_label(const nazif__bp_line *L, const uint8_t **p, size_t *len)
{
    const uint8_t *s = L->s;
    size_t n = L->len;
    trim_ws(&s, &n);
    const uint8_t *colon = memchr(s, ':', n);
    size_t c = colon ? (size_t)(colon - s) : 0;
    trim_ws(&s, &c);
    *p = s;
    *len = c;
}

/* Two labels equal but for their white space ("عدد  مرات" as "عدد مرات"). */
static int same_label(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && (a[i] == ' ' || a[i] == '\t')) i++;
        while (j < bn && (b[j] == ' ' || b[j] == '\t')) j++;
        if (i == an || j == bn) return i == an && j == bn;
        if (a[i] != b[j]) return 0;
        i++;
        j++;
    }
}

/* Note line k's field label in the run (at most 13 kept). */
static void note_label(const nazif__bp_line *L, const uint8_t **lp, size_t *ln, int *nl)
{
    if (*nl >= NAZIF__BP_BEHIND + NAZIF__BP_AHEAD + 1) return;
    field_label(L, &lp[*nl], &ln[*nl]);
    (*nl)++;
}

static int profile_box(const ctx *c)
{
    const nazif__bp_line *L = c->lines;
    if (!field_line(&L[c->i])) return 0;
    int fields = 0, counts = 0, listed = 0;
    /* the labels of the run's fields: a listing prints the same counts
       under each of its items ("عدد مرات النقر : 1,628" over "عدد مرات
       الظهور : 47,895,126", again and again) */
    const uint8_t *lp[NAZIF__BP_BEHIND + NAZIF__BP_AHEAD + 1];
    size_t ln[NAZIF__BP_BEHIND + NAZIF__BP_AHEAD + 1];
    int nl = 0;
    info f;
    for (size_t k = c->i; k > 0;) {
        k--;
        analyse(&L[k], &f);
        if (f.v == V_BLANK) continue;
        if (count_field(&L[k], &fields, &counts, &listed)) {
            note_label(&L[k], lp, ln, &nl);
            continue;
        }
        if (profile_filler(&L[k], &f) || (L[k].drop && f.words <= 5))
            continue;
        if (!L[k].drop && last_meaningful(L[k].s, L[k].len) == ':') return 0;
        break;
    }
    for (size_t k = c->i; k < c->n; k++) {
        analyse(&L[k], &f);
        if (f.v == V_BLANK) continue;
        if (count_field(&L[k], &fields, &counts, &listed)) {
            note_label(&L[k], lp, ln, &nl);
            continue;
        }
        if (profile_filler(&L[k], &f)) continue;
        break;
    }
    if (fields >= 3 && listed >= 1 && (counts >= 2 || listed >= 2)) return 1;
    /* Four counts or more, every field a count, each label printed
       twice or more in the run: the counters of a list's items, not an
       article's table (whose labels differ: "عدد السكان", "عدد المدارس"). */
    if (fields < 4 || counts < fields) return 0;
    for (int a = 0; a < nl; a++) {
        int twice = 0;
        for (int b = 0; b < nl && !twice; b++)
            twice = b != a && same_label(lp[a], ln[a], lp[b], ln[b]);
        if (!twice) return 0;
    }
    return 1;
}

/* One token of lower-case Latin letters, '#', '_' or '-' (a letter among
   them), at most 16 bytes, white space around it aside. */
static int lower_token(const uint8_t *s, size_t n)
{
    trim_ws(&s, &n);
    if (n == 0 || n > 16) return 0;
    int letter = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] >= 'a' && s[k] <= 'z') letter = 1;
        else if (s[k] != '#' && s[k] != '_' && s[k] != '-') return 0;
    }
    return letter;
}

/* Does s[0..n) hold an Arabic letter (a lead byte D8-DB)? */
static int has_arabic(const uint8_t *s, size_t n)
{
    for (size_t k = 0; k + 1 < n; k++)
        if (s[k] >= 0xD8 && s[k] <= 0xDB && (s[k + 1] & 0xC0) == 0x80) return 1;
    return 0;
}

/*
 * Paragraph-long lines that belong to other articles (f: the facts of
 * lines[i], a paragraph or a title-like line of more than twenty words):
 * the reason to drop lines[i], or NULL.
 */
static const char *long_other_line(const nazif__bp_line *lines, size_t n,
                                   size_t i, const info *f)
{
    /* A paragraph under a "read also" or "most read" header, right under
       the time stamp of a link (header, [title,] stamp, excerpt), that no
       paragraph follows: the excerpt of the link (the first words of
       another article; more than twenty words, with or without its full
       stop), not the article, which goes on for paragraphs.  Without the
       stamp a paragraph after a "read also" link is as often the article
       resuming after an inline link, and stays.  A paragraph after a
       kept line never gets here: most paragraphs stop at the first
       test. */
    size_t pk = i;
    while (pk > 0 && lines[pk - 1].len == 0) pk--;
    if (pk > 0 && lines[pk - 1].drop) {
        ctx xc = {lines, n, i};
        info sf;
        long sp = prev_nonblank(&xc, i, &sf);
        int xfirst = 0, xcat = 0;
        if (sp >= 0 && lines[sp].drop &&
            (stamp_line(&sf) || (sf.v == V_WEAK && sf.why == date_stamp)) &&
            in_related_list(&xc, &xfirst, &xcat) && xcat == NAZIF__CAT_RELATED &&
            !followed_by_paragraph(&xc, i)) {
            return "context: excerpt under a related-articles header";
        }
    }
    /* Before the article, headlines glued into one line. */
    if (!f->final && lines[i].len >= 300 && lines[i].index < BP_TOP_LINES &&
        glued_ticker(lines[i].s, lines[i].len)) {
        ctx gc = {lines, n, i};
        if (!after_paragraph(&gc)) {
            return "context: headline ticker before the article";
        }
    }
    return NULL;
}

int nazif__bp_decide(const nazif__bp_line *lines, size_t n, size_t i,
                     int at_end, const char **why)
{
    return nazif__bp_decide_in(lines, n, i, at_end, 0, why);
}

/* A short line of a menu run (two thirds of it listed): it goes below
   as a member of the menu, with that reason. */
static int tail_menu(const ctx *c, info *f)
{
    if (!f->very_short) return 0;
    int len, known, bullets;
    menu_run(c, f, &len, &known, &bullets);
    return len >= 3 && known >= 2 && 3 * known >= 2 * len;
}

/*
 * The model's decisions on the lines after line i, line i taken as kept:
 * how many of the next `want` non-blank lines it drops in a row (0 to
 * want).  A copy of the window carries each decision to the next line,
 * as the cleaner does.  Asked only for a few short lines before the
 * article; a nested ask looks at later lines only, so the chain ends
 * within the window.
 */
static int next_drops(const nazif__bp_line *lines, size_t n, size_t i,
                      int at_end, int want)
{
    nazif__bp_line w[NAZIF__BP_BEHIND + NAZIF__BP_AHEAD + 1];
    if (n > sizeof w / sizeof *w) return 0;
    memcpy(w, lines, n * sizeof *w);
    w[i].drop = 0;
    int got = 0;
    info f;
    for (size_t k = i + 1; k < n && got < want; k++) {
        analyse(&w[k], &f);
        if (f.v == V_BLANK) continue;
        if (w[k].truncated) break;
        const char *why = NULL;
        w[k].paras = 0;
        if (!nazif__bp_decide_in(w, n, k, at_end, 0, &why)) break;
        w[k].drop = 1;
        got++;
    }
    return got;
}

/* A member of the run of short lines that closes the page after the
   article's last paragraph (the line c->i, after_paragraph()): back to
   that paragraph and on to the document's end (in the window, at_end)
   every line is short (at most seven words, no sentence, no running
   text) or furniture on its own words, and two of them, one at least
   on the strong evidence of a phrase or a shape, not a listed weak word
   alone, are such furniture: a log-in box, a paywall's prompt, a
   widget's buttons.  No unlisted line kept between the paragraph and
   this one: a signature over its place, a source or a poem's last
   lines closing an article stay whole. */
static int tail_member(const nazif__bp_line *L, info *f, int *own, int *strong)
{
    if (f->v == V_BLANK) return 1;
    if (f->v == V_DROP || f->v == V_HEADER) {
        (*own)++;
        (*strong)++;
        return 1;
    }
    if (f->v == V_WEAK) {
        if (f->why != counter) (*own)++;
        return !more_words_than(L->s, L->len, 7);
    }
    return f->v == V_OTHER && !L->truncated && !f->code &&
           !more_words_than(L->s, L->len, 7) && prose_pct(L, f) < 30;
}

static int tail_run(const ctx *c)
{
    int own = 0, strong = 0;
    info f;
    size_t k = c->i;
    for (;;) {
        if (k == 0) return 0; /* no paragraph before the run in the window */
        k--;
        analyse(&c->lines[k], &f);
        if (!c->lines[k].drop && f.v == V_CONTENT && f.para) break;
        if (c->lines[k].drop) {
            if (local_furniture(&f)) {
                own++;
                if (f.v == V_DROP || f.v == V_HEADER) strong++;
            }
            continue;
        }
        /* a kept short line between: a signature and its place stay */
        if (f.v == V_OTHER) return 0;
        if (!tail_member(&c->lines[k], &f, &own, &strong)) return 0;
    }
    for (k = c->i + 1; k < c->n; k++) {
        analyse(&c->lines[k], &f);
        if (!tail_member(&c->lines[k], &f, &own, &strong)) return 0;
    }
    return own >= 2 && strong >= 1;
}

int nazif__bp_decide_in(const nazif__bp_line *lines, size_t n, size_t i,
                        int at_end, int article, const char **why)
{
    info f;
    analyse(&lines[i], &f);
    /* A short line with final punctuation in a list of titles and
       authors ("... مرايا الحبشة!" over its author's name). */
    if (!article && f.v == V_CONTENT && !lines[i].truncated &&
        lines[i].len <= 200 && bang_or_ellipsis(lines[i].s, lines[i].len)) {
        ctx pc = {lines, n, i};
        if (author_pairs(&pc)) {
            *why = "context: list of titles and authors";
            return 1;
        }
    }
    /* Excerpts of other articles cut to one length ("...في ذهاب نصف…"). */
    if (!article && f.v == V_CONTENT && lines[i].len >= 40) {
        ctx ec = {lines, n, i};
        if (excerpt_run(&ec)) {
            *why = box_excerpts;
            return 1;
        }
    }
    /* Other articles as title / cut excerpt pairs ("<title>" over
       "<its first words>..."). */
    /* (a paragraph ending with a full stop is neither a title nor an
       excerpt of a box: most lines stop here) */
    if (!article && !lines[i].truncated && lines[i].len <= 800 &&
        (f.v == V_OTHER || f.v == V_CONTENT) &&
        !(f.para && lines[i].len >= 2 && lines[i].s[lines[i].len - 1] == '.' &&
          lines[i].s[lines[i].len - 2] != '.')) {
        ctx tc = {lines, n, i};
        if (title_excerpt_pairs(&tc, &f) || box_name(&tc, &f)) {
            *why = box_pairs;
            return 1;
        }
    }
    /* The page's summary, cut, printed over the paragraph it was cut
       from. */
    if (!article && (f.v == V_CONTENT || f.v == V_OTHER) && lines[i].index < BP_TOP_LINES) {
        ctx cc = {lines, n, i};
        if (cut_copy_of_next(&cc, &f) && !after_paragraph(&cc)) {
            *why = "context: cut copy of the paragraph below";
            return 1;
        }
    }
    /* An excerpt cut by its site with its dots, right over a "read
       more" link of a few words ("… أكمل القراءة »"): a teaser of
       another article, as a tag or section page lists them. */
    if (!article && !lines[i].truncated && lines[i].len <= 800 &&
        (f.v == V_CONTENT || f.v == V_OTHER) && pair_excerpt(&lines[i])) {
        ctx rc = {lines, n, i};
        info rf;
        long r = next_nonblank(&rc, i, &rf);
        if (r >= 0 && rf.v == V_DROP && rf.cat == NAZIF__CAT_RELATED && rf.words <= 4) {
            *why = box_teaser;
            return 1;
        }
    }
    /* A link's excerpt under a "read also" header, cut by the site to a
       length: the list goes on through it. */
    if (!article && f.v == V_CONTENT && f.para && cut_excerpt(&lines[i])) {
        ctx xc = {lines, n, i};
        int xfirst = 0, xcat = 0;
        if (in_related_list(&xc, &xfirst, &xcat)) {
            *why = "context: excerpt under a related-articles header";
            return 1;
        }
    }
    /* A link's excerpt under a stamp, headlines glued into one line
       (long_other_line): a plain article paragraph, with its final
       punctuation after a kept line, is out at the first test. */
    if (!article && (!f.final || (i > 0 && (lines[i - 1].drop || lines[i - 1].len == 0))) &&
        ((f.v == V_CONTENT && f.para) || (f.v == V_OTHER && !f.title)) &&
        !lines[i].truncated) {
        const char *w2 = long_other_line(lines, n, i, &f);
        if (w2) {
            *why = w2;
            return 1;
        }
    }
    /* A member's profile box: labelled counts and fields (above each post
       of a forum thread, so anywhere in the page). */
    if (!article && lines[i].len <= 80 &&
        (f.v == V_OTHER || f.v == V_WEAK) && memchr(lines[i].s, ':', lines[i].len)) {
        ctx pc = {lines, n, i};
        if (profile_box(&pc)) {
            *why = "context: profile box (labelled counts and fields)";
            return 1;
        }
    }
    /* Other articles as title / "date - author" pairs. */
    if (!article && (f.v == V_OTHER || (f.v == V_CONTENT && !f.para)) &&
        !lines[i].truncated && lines[i].len <= 400) {
        ctx dc = {lines, n, i};
        if (dated_pairs(&dc, &f)) {
            *why = "context: list of titles with dates and authors";
            return 1;
        }
    }
    /* A line that repeats one of the six before it: the title, deck or
       caption printed again by the page template. */
    if (!article && lines[i].index < BP_TOP_LINES &&
        (f.v == V_OTHER || (f.v == V_CONTENT && !f.para)) &&
        lines[i].len <= 400) {
        ctx rc = {lines, n, i};
        if (repeats_earlier(&rc, i) && !after_paragraph(&rc) &&
            !speaker_turn(&rc) && copies_in_window(&rc) < 5 && !refrain(&rc, i)) {
            *why = "context: repeated line (title or caption printed again)";
            return 1;
        }
    }
    /* Before the article: the same short line twice in a row (the
       second copy goes), and a breadcrumb that ends with the title on the
       next line. */
    if (!article && lines[i].index < BP_TOP_LINES &&
        (f.v == V_OTHER || f.v == V_WEAK || (f.v == V_CONTENT && !f.para)) &&
        lines[i].len <= 400) {
        ctx rc = {lines, n, i};
        if (!after_paragraph(&rc)) {
            if (f.words <= 3 && repeats_previous(&rc, i) && !speaker_turn(&rc) &&
                copies_in_window(&rc) < 3) {
                *why = "context: repeated line (title or caption printed again)";
                return 1;
            }
            if (f.v != V_CONTENT && breadcrumb_to_next(&rc, i)) {
                *why = "context: breadcrumb ending with the title";
                return 1;
            }
        }
    }
    /* Before the article, a long run of bulleted items that opens the
       page: the site's list of other posts, not the article's own list. */
    if (!article && f.bullet && lines[i].index < BP_TOP_LINES &&
        bullet_item(&lines[i], &f)) {
        ctx bc = {lines, n, i};
        if (bullet_top_run(&bc)) {
            *why = "context: list of links at the top of the page";
            return 1;
        }
    }
    /* In an article an extractor chose, a short Latin line is a table
       cell, a list item or a caption far more often than a widget: it is
       judged as any other short line. */
    if (article && f.v == V_WEAK && f.why == latin_widget) f.v = V_OTHER;
    /* The document's first line, one lower-case Latin token over Arabic
       text ("fbpx", "recent", "x", "#image_title"): a widget's name or
       button, not a title (a brand or a unit is capitalised: "iPhone",
       "pH"). */
    if (!article && f.v == V_WEAK && f.why == latin_widget && lines[i].index == 0 &&
        lower_token(lines[i].s, lines[i].len)) {
        ctx lc = {lines, n, i};
        info nf;
        long nq = next_nonblank(&lc, i, &nf);
        if (nq >= 0 && has_arabic(lines[nq].s, lines[nq].len)) {
            *why = "line: Latin widget word at the top of the page";
            return 1;
        }
    }
    /* Marks alone ("|", "![]() |") read as blank: before the article's
       first paragraph they are what is left of a widget's icons and
       table rules once the page is text, and hold no word to lose. */
    if (!article && f.v == V_BLANK && lines[i].len > 0 && lines[i].len <= 48 &&
        lines[i].index < BP_TOP_LINES && symbols_only(lines[i].s, lines[i].len) &&
        !sentence_mark(lines[i].s, lines[i].len)) {
        ctx sc = {lines, n, i};
        if (!after_paragraph(&sc)) {
            *why = "line: widget symbol before the article";
            return 1;
        }
    }
    /* A temperature alone ("--°C", "31°", "18° / 27°C") before the
       article's first paragraph: the weather widget of the page's header.
       A forecast in an article names its city on the line. */
    if (!article && lines[i].index < BP_TOP_LINES && temperature_only(lines[i].s, lines[i].len)) {
        ctx tc = {lines, n, i};
        if (!after_paragraph(&tc)) {
            *why = "line: weather widget";
            return 1;
        }
    }
    switch (f.v) {
    case V_BLANK:
    case V_CONTENT:
        return 0;
    case V_DROP:
    case V_HEADER:
        *why = f.why;
        return 1;
    default:
        break;
    }

    ctx c = {lines, n, i};
    (void)at_end;
    info pf, qf;
    long p = prev_nonblank(&c, i, &pf);
    long q = next_nonblank(&c, i, &qf);
    int prev_dropped = p >= 0 && lines[p].drop;

    /* After the article's last paragraph, a short line in the run that
       closes the document (tail_run()).  Not the unlisted line right
       under the paragraph or under a line ending with ':' (a signature,
       a source), a line with ':', a title printed again; a listed weak
       word next to furniture, the name after a masthead title, a link
       under a "read also" header and a menu run's member go below on
       their own reasons. */
    int tfirst = 0, tcat = 0;
    if (!article && at_end &&
        ((f.v == V_OTHER &&
          !(prev_dropped && pf.v == V_WEAK && pf.cat == NAZIF__CAT_MASTHEAD)) ||
         (f.v == V_WEAK && f.cat != NAZIF__CAT_MASTHEAD && !prev_dropped &&
          !(q >= 0 && (qf.v == V_DROP || qf.v == V_HEADER)))) &&
        !more_words_than(lines[i].s, lines[i].len, 7) && prose_pct(&lines[i], &f) < 30 &&
        !(p >= 0 && !prev_dropped && pf.para && f.v == V_OTHER) &&
        !memchr(lines[i].s, ':', lines[i].len) &&
        !(p >= 0 && !prev_dropped && last_meaningful(lines[p].s, lines[p].len) == ':') &&
        after_paragraph(&c) && tail_run(&c) &&
        !(f.v == V_OTHER && f.title && in_related_list(&c, &tfirst, &tcat)) &&
        !repeats_earlier(&c, i) && !tail_menu(&c, &f)) {
        *why = "context: short line after the article's end";
        return 1;
    }

    /* Link titles under a "read also" header (the first one whatever
       follows it), tags under a tag header, comments under a comment
       header: items until a paragraph resumes. */
    int first = 0, hcat = 0;
    if (f.v == V_OTHER && f.title && in_related_list(&c, &first, &hcat)) {
        /* after a link's cut excerpt, a title over a paragraph or over
           a byline ending with ':' is no link of a box of title /
           excerpt pairs: the box has ended (the article's own title) */
        if (!first && p >= 0 && cut_excerpt(&lines[p]) && q >= 0 &&
            !cut_excerpt(&lines[q]) && !local_furniture(&qf) &&
            (qf.para || last_meaningful(lines[q].s, lines[q].len) == ':'))
            return 0;
        /* The first line under a "read also" header is a link whatever
           follows it -- except in the page header, where a "most read"
           tab stands before the article's own headline and its paragraph. */
        /* A title between two cut excerpts is the next pair of a box of
           titles and excerpts: its "paragraph" is the link's excerpt. */
        if ((first && hcat == NAZIF__CAT_RELATED && !top_of_page(&c)) ||
            q < 0 || f.marker ||
            line_marker(&lines[i]) || !followed_by_paragraph(&c, i) ||
            (p >= 0 && cut_excerpt(&lines[p]) && cut_excerpt(&lines[q]))) {
            *why = hcat == NAZIF__CAT_RELATED || hcat == 0
                       ? "context: link under a related-articles header"
                       : "context: item under a list header";
            return 1;
        }
        return 0; /* a subheading: the block ended before it */
    }

    /* A run of headline-like lines not followed by text: a list of other
       articles without a header. */
    if (!article && f.v == V_OTHER && f.title && headline_run(&c, at_end)) {
        *why = "context: headline list";
        return 1;
    }

    if (!article && (f.v == V_OTHER || f.v == V_WEAK) && author_pairs(&c)) {
        *why = "context: list of titles and authors";
        return 1;
    }


    if (!article && f.v == V_OTHER && f.title && lines[i].index < BP_TOP_LINES &&
        top_headline_run(&c)) {
        *why = "context: headline list at the top of the page";
        return 1;
    }

    /* A site's name with its dash before the article's first paragraph
       (printed before the dateline or the title). */
    if (!article && f.v == V_WEAK && f.why == site_dash &&
        lines[i].index < BP_TOP_LINES && !after_paragraph(&c)) {
        *why = site_dash;
        return 1;
    }
    if (!article && label_over_title(&c, &f, p, q, &qf)) {
        *why = "context: label over the title";
        return 1;
    }
    /* Before the article's first paragraph, four rows or more of rates
       (a number with its decimals, then what it prices): the page's
       rates widget.  An article's own table follows its paragraph or
       a line introducing it (rate_table()); a row over the title is no
       title's short line (title_over_deck()). */
    if (!article && lines[i].index < BP_TOP_LINES && (f.v == V_OTHER || f.v == V_WEAK)) {
        ctx tc = {lines, n, i};
        if (rate_table(&tc) && !after_paragraph(&tc)) {
            *why = "context: table of rates before the article";
            return 1;
        }
    }
    if (!article && title_over_deck(&c, &f, q, &qf)) return 0;
    /* The site's name in the page header ("صحيفة الحداثة"): before the
       article's first paragraph and not a short title over its own
       paragraph ("قناة السويس" as a subheading stays). */
    if (!article && f.v == V_OTHER && lines[i].index < BP_TOP_LINES &&
        last_meaningful(lines[i].s, lines[i].len) != ':' &&
        publication_name(lines[i].s, lines[i].len) && !after_paragraph(&c) &&
        !followed_by_paragraph(&c, i)) {
        *why = "context: site name in the page header";
        return 1;
    }
    /* a byline with its e-mail address: the name and the address stay */
    if (f.v == V_OTHER && (f.email || (q >= 0 && qf.email))) return 0;

    /* The page header: a short line with only dropped lines before it in
       the window, near the top, not a headline (followed by its
       paragraph). */
    if (!article && (f.v == V_WEAK || (f.v == V_OTHER && f.very_short)) &&
        page_header(&c, &f, p, q, &qf)) {
        *why = "context: short line in the page header";
        return 1;
    }

    /* The short lines that open the page, before the article's title. */
    if (!article && (f.v == V_WEAK || (f.v == V_OTHER && f.very_short)) &&
        !after_paragraph(&c) && !followed_by_paragraph(&c, i) &&
        top_short_run(&c)) {
        *why = "context: short line in the page header";
        return 1;
    }
    /* A long run of short lines before the article: its navigation. */
    if (!article && (f.v == V_WEAK || (f.v == V_OTHER && f.very_short)) &&
        long_menu_run(&c, &f, at_end) && !followed_by_paragraph(&c, i)) {
        *why = "context: short line in a long menu run";
        return 1;
    }
    /* The page's end: a short line after two lines of furniture, with no
       content after it to the end of the document. */
    info ppf;
    if (!article && (f.v == V_WEAK || (f.v == V_OTHER && f.very_short)) && at_end &&
        prev_dropped && local_furniture(&pf) &&
        prev_nonblank(&c, (size_t)p, &ppf) >= 0 && local_furniture(&ppf) &&
        at_page_end(&c)) {
        *why = "context: short line in the page footer";
        return 1;
    }

    /* "رئيس التحرير" alone on its line and the name on the next one. */
    if (f.v == V_WEAK && f.cat == NAZIF__CAT_MASTHEAD && q >= 0 &&
        qf.v == V_OTHER && qf.very_short) {
        *why = "phrase: masthead or editor line";
        return 1;
    }
    if (f.v == V_OTHER && f.very_short && prev_dropped && pf.v == V_WEAK &&
        pf.cat == NAZIF__CAT_MASTHEAD) {
        *why = "context: name after a masthead title";
        return 1;
    }
    /* A line after one that ends with ':' is an item the article
       introduces ("... وفق الجدول الآتي:" and its dates): it stays. */
    if ((f.v == V_WEAK || f.very_short) && p >= 0 && !prev_dropped &&
        last_meaningful(lines[p].s, lines[p].len) == ':')
        return 0;

    /* A number alone before the article's first paragraph is a widget's
       counter (views, comments, a profile box's posts), unless its
       paragraph follows it right away (a numbered section). */
    if (!article && f.v == V_WEAK && f.why == counter &&
        lines[i].index < BP_TOP_LINES && !after_paragraph(&c) &&
        !(q >= 0 && qf.para)) {
        *why = "context: counter before the article";
        return 1;
    }
    /* A line of symbols alone ("|", "![]() |", "⌄") before the article's
       first paragraph: what is left of a widget's icons and table rules
       once the page is text.  It holds no word to lose. */
    if (!article && f.v == V_WEAK && f.why == widget_symbol &&
        lines[i].index < BP_TOP_LINES && !sentence_mark(lines[i].s, lines[i].len) &&
        !after_paragraph(&c)) {
        *why = "line: widget symbol before the article";
        return 1;
    }
    /* An advertisement's label alone ("إعلان", "Sponsored": a listed
       weak word of one word) over a paragraph or a title of four words
       or more, or closing the document: the slot's label (the ad itself
       is an image); over a short item it may head a classified section,
       and waits for furniture next to it as before. */
    if (!article && f.v == V_WEAK && f.cat == NAZIF__CAT_MASTHEAD && f.words == 1 &&
        (q < 0 ? at_end : (qf.para || (qf.v == V_OTHER && qf.title && !qf.very_short)))) {
        *why = "context: advertisement label";
        return 1;
    }
    /* The publication label alone ("نشر", "تاريخ النشر") before the
       article's first paragraph: its date was an image or went with a
       widget. */
    if (!article && f.v == V_WEAK && f.cat == NAZIF__CAT_STAMPS && f.why != date_stamp &&
        lines[i].index < BP_TOP_LINES && !after_paragraph(&c)) {
        *why = "context: publication label before the article";
        return 1;
    }
    /* elsewhere a number alone is a cell of the article's table */
    if (f.v == V_WEAK && f.why == counter) return 0;
    /* A bare date in the page's first lines is its publication stamp or
       the date widget of its header; a schedule has several dates. */
    if (!article && f.v == V_WEAK && f.why == date_stamp &&
        lines[i].index < BP_HEAD_LINES && !after_paragraph(&c) &&
        !(q >= 0 && qf.v == V_WEAK && qf.why == date_stamp) &&
        !(p >= 0 && pf.v == V_WEAK && pf.why == date_stamp)) {
        *why = "line: date stamp at the top of the page";
        return 1;
    }

    /* A listed word (menu, network, button, date) next to furniture.  A
       section name right before a paragraph may be its subheading
       ("اقتصاد" in a news round-up), so it stays unless in a menu run. */
    if (f.v == V_WEAK) {
        /* and inside the article any listed word of one or two words
           over a paragraph is read as its subheading ("اقتصاد", "تعليق") */
        int subheading = q >= 0 && qf.para &&
                         (f.cat == NAZIF__CAT_NAV ||
                          (f.words <= 2 && f.why != date_stamp && after_paragraph(&c)));
        if (!subheading && (prev_dropped ||
                            (q >= 0 && (qf.v == V_DROP || qf.v == V_HEADER)))) {
            *why = f.why;
            return 1;
        }
    }

    if (!article && f.very_short) {
        int len, known, bullets;
        menu_run(&c, &f, &len, &known, &bullets);
        /* two thirds of the run listed; or, when every line of a run of
           four or more is a bulleted item of at most three words (a menu
           drawn as a list), a third of it listed */
        if (len >= 3 && known >= 2 &&
            (3 * known >= 2 * len ||
             (len >= 4 && bullets == len && 3 * known >= len))) {
            if (f.v == V_WEAK) {
                *why = "context: short line in a menu run";
                return 1;
            }
            /* an unlisted short line in the run: not a headline (followed
               by its paragraph), and near the top or at the end */
            if (!followed_by_paragraph(&c, i) && !kicker(&c, &f, q, &qf) &&
                (lines[i].index < BP_TOP_LINES || at_page_end(&c))) {
                *why = "context: short line in a menu run";
                return 1;
            }
        }
        /* between two pieces of furniture */
        if (f.v == V_OTHER && prev_dropped && q >= 0 && local_furniture(&qf) &&
            !followed_by_paragraph(&c, i)) {
            *why = "context: short line between page furniture";
            return 1;
        }
    }
    /* Before the article's first paragraph, between a dropped line
       and one the model drops on any evidence (its words, its shape
       or its place: a menu run, a widget's symbol), with the line in
       between taken as kept: furniture on both sides.  A short title
       or a kicker over its paragraph (past stamps and the title
       printed again), a label over a title and a speaker's name stay
       (the tests above), and so does a member's rank between the
       fields of a profile box (`عضو نشيط`: the box's own rule decides
       it); the next line's decision is the model's own, asked once
       more with this line kept. */
    if (!article && f.v == V_OTHER && f.very_short && prev_dropped && q >= 0 &&
        last_meaningful(lines[i].s, lines[i].len) != ':' && !after_paragraph(&c) &&
        !followed_by_paragraph(&c, i) && !kicker(&c, &f, q, &qf) &&
        !speaker_turn(&c) && !lines[q].truncated && !field_line(&lines[p]) &&
        !field_line(&lines[q])) {
        if (next_drops(lines, n, i, at_end, 1) == 1) {
            *why = "context: short line between page furniture";
            return 1;
        }
    }
    return 0;
}

int nazif__bp_reason_kind(const char *why)
{
    if (!why) return NAZIF__BP_OWN;
    if (why == box_pairs || why == box_excerpts || why == box_teaser) return NAZIF__BP_LISTING;
    if (strncmp(why, "context:", 8) == 0) return NAZIF__BP_CONTEXT;
    if (strncmp(why, date_stamp, sizeof date_stamp - 1) == 0) return NAZIF__BP_DATE;
    return NAZIF__BP_OWN;
}

int nazif__bp_repeat_candidate(const nazif__bp_line *lines, size_t n,
                               size_t i)
{
    info f;
    analyse(&lines[i], &f);
    if (f.v == V_BLANK || lines[i].truncated) return 0;
    if (more_words_than(lines[i].s, lines[i].len, 25)) return 0;
    ctx c = {lines, n, i};
    if (f.v == V_OTHER && f.title && followed_by_paragraph(&c, i)) return 0;
    return f.v == V_CONTENT && f.para ? 2 : 1;
}

int nazif__bp_copy_candidate(const nazif__bp_line *lines, size_t n, size_t i)
{
    const nazif__bp_line *L = &lines[i];
    if (L->truncated || L->len < 4 || L->len > BP_COPY_MAX) return 0;
    info f;
    analyse(L, &f);
    if (f.code) return 0;
    if (L->len < 8 || count_words(L->s, L->len) < 4) {
        /* before the article, a short line the page printed earlier: a
           menu or a site's name printed twice (a desktop and a mobile
           menu), whose neighbours repeat too */
        if (L->paras != 0 || (f.v != V_OTHER && f.v != V_WEAK)) return 0;
        if (last_meaningful(L->s, L->len) == ':') return 0;
        ctx sc = {lines, n, i};
        info nf;
        long q = next_nonblank(&sc, i, &nf);
        /* a speaker's name at each turn of a transcript (": ..." under
           it); a short title over its own paragraph */
        if (q >= 0) {
            const uint8_t *t = lines[q].s;
            size_t tn = lines[q].len;
            trim_ws(&t, &tn);
            if (tn > 0 && t[0] == ':') return 0;
            if (followed_by_paragraph(&sc, i)) return 0;
        }
        return 4;
    }
    if (f.v != V_OTHER && f.v != V_CONTENT) return 0;
    /* an item of the article's own list ("- المعالج : ...", two phones
       with the same specification in ANT) and a speaker's turn
       ("- السيد رئيس مجلس النواب:-") */
    if (raw_bullet(L->s, L->len) || L->s[0] == '-' ||
        last_meaningful(L->s, L->len) == ':')
        return 0;
    ctx c = {lines, n, i};
    info pf;
    long p = prev_nonblank(&c, i, &pf);
    const uint64_t h = nazif__bp_copy_hash(L->s, L->len);
    const int twice = p >= 0 && !lines[p].truncated &&
                      nazif__bp_copy_hash(lines[p].s, lines[p].len) == h;
    /* a piece of a hand-wrapped paragraph: the line before it runs on
       into it (a repeated sentence wraps the same way twice) */
    if (p >= 0 && !twice && !lines[p].drop && !lines[p].truncated && !pf.final &&
        more_words_than(lines[p].s, lines[p].len, 5))
        return 0;
    if (f.para) return 2;
    if (twice) return 1;
    /* before the article: its title over its paragraph, after the same
       line in a ticker or a list of headlines (after the first paragraph
       a title with a paragraph is a teaser printed again) */
    if (L->paras == 0 && followed_by_paragraph(&c, i)) return 0;
    /* apart from its copy: only after a paragraph, furniture or nothing;
       after a short line it may be a song's refrain or a poem's */
    if (p < 0 || lines[p].drop || lines[p].truncated || pf.para) {
        /* between two kept paragraphs: a slogan or a refrain the text
           repeats, unless the paragraph under it is a teaser's excerpt
           (cut short here, or printed again: the cleaner's ring says) */
        if (p >= 0 && !lines[p].drop && (pf.para || lines[p].truncated)) {
            info nf;
            long q = next_nonblank(&c, i, &nf);
            if (q >= 0 && nf.v == V_CONTENT && (nf.para || nf.final || lines[q].truncated) &&
                !cut_excerpt(&lines[q]))
                return 5;
        }
        return 3;
    }
    return 0;
}

uint64_t nazif__bp_copy_hash(const uint8_t *s, size_t n)
{
    /* white space at the ends and a final mark (".", "!", "?", "؟") do
       not count; eight bytes at a time */
    if (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r')) trim_ws(&s, &n);
    while (n > 0 && s[n - 1] < 0x40 &&
           (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' ||
            s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n >= 2 && s[n - 2] == 0xD8 && s[n - 1] == 0x9F) n -= 2; /* ؟ */
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w;
    if (n >= 8) {
        /* the last (maybe partial) block is the line's last eight bytes */
        const uint8_t *last = s + n - 8;
        uint64_t g = h, v;
        for (; s + 16 <= last; s += 16) { /* two lanes */
            memcpy(&w, s, 8);
            memcpy(&v, s + 8, 8);
            h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
            g = (g ^ v) * 0x94D049BB133111EBull;
        }
        for (; s < last; s += 8) {
            memcpy(&w, s, 8);
            h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        }
        memcpy(&w, last, 8);
        h = (h ^ w ^ (g >> 7)) * 0xBF58476D1CE4E5B9ull;
        h ^= g;
    } else {
        for (; n > 0; s++, n--) h = (h ^ *s) * 0x100000001B3ull;
    }
    h ^= h >> 29;
    return h | 1u;
}
