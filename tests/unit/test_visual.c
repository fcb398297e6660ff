/* test_visual.c -- rule VISUAL: Arabic lines stored in visual order
 * (characters reversed, often in presentation forms) are reported as
 * SUSPECTs with suspects on, repaired with NAZIF_VISUAL_REPAIR, and left
 * alone otherwise; normal lines are never flagged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"

#define KEEP NAZIF_KEEP_BOILERPLATE

/* Reverse the code points of a UTF-8 line, a letter's marks staying after
   it (the visual order that old PDFs store). */
static char *reverse_line(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    size_t o = 0, end = n;
    while (end > 0) {
        size_t st = end - 1;
        /* back to a lead byte */
        while (st > 0 && ((unsigned char)s[st] & 0xC0) == 0x80) st--;
        /* the marks U+064B..U+0652 (D9 8B .. D9 92) belong to the letter
           before them: take the whole cluster */
        size_t cl = st;
        while (cl >= 2 && (unsigned char)s[cl] == 0xD9 && (unsigned char)s[cl + 1] >= 0x8B &&
               (unsigned char)s[cl + 1] <= 0x92) {
            cl--;
            while (cl > 0 && ((unsigned char)s[cl] & 0xC0) == 0x80) cl--;
        }
        memcpy(out + o, s + cl, end - cl);
        o += end - cl;
        end = cl;
    }
    out[o] = 0;
    return out;
}

typedef struct seen {
    int n, suspects, edits, visual, bad;
    char evidence[160];
    char replacement[1024];
    uint64_t offset;
    size_t length;
    const char *input;
} seen;

static int cb(void *ctx, const nazif_change *ch)
{
    seen *r = ctx;
    r->n++;
    if (strcmp(ch->rule, "VISUAL") != 0) return 0;
    r->visual++;
    if (ch->kind == NAZIF_CHANGE_SUSPECT) r->suspects++;
    if (ch->kind == NAZIF_CHANGE_EDIT) r->edits++;
    if (ch->offset + ch->length > strlen(r->input) ||
        memcmp(r->input + ch->offset, ch->original, ch->length) != 0)
        r->bad++;
    snprintf(r->evidence, sizeof r->evidence, "%s", ch->evidence);
    snprintf(r->replacement, sizeof r->replacement, "%.*s", (int)ch->replacement_len,
             ch->replacement);
    r->offset = ch->offset;
    r->length = ch->length;
    return 0;
}

/* Clean in with flags (boilerplate kept); *r gets the reports; returns the
   output (free it) or NULL. */
static char *run(const char *in, unsigned flags, seen *r)
{
    memset(r, 0, sizeof *r);
    r->input = in;
    nazif_clean_options o;
    nazif_clean_options_init(&o);
    o.flags = flags | KEEP;
    o.on_change = cb;
    o.ctx = r;
    char *out = NULL;
    size_t n;
    if (nazif_clean(in, strlen(in), &out, &n, &o) != NAZIF_OK) return NULL;
    return out;
}

/* Lines of plain prose, written for this test. */
static const char *const prose[] = {
    "زار الوزير المستشفى الجديد في المدينة صباح اليوم",
    "قالت الشركة إن الأسعار سترتفع خلال الشهر المقبل",
    "يلعب الأطفال في الحديقة العامة بعد انتهاء الدروس",
    "نشرت الصحيفة تقريرا مطولا عن أزمة المياه في الريف",
    "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار",
    "مرحبا بكم في الموقع",
};

static void test_reversed_prose(void)
{
    for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++) {
        char *rev = reverse_line(prose[i]);
        size_t rn = strlen(rev);
        char *in = malloc(rn + 2);
        memcpy(in, rev, rn);
        memcpy(in + rn, "\n", 2);
        seen r;
        /* default: nothing examined, text unchanged */
        char *out = run(in, 0, &r);
        CHECK(out && strcmp(out, in) == 0);
        CHECK(r.visual == 0);
        free(out);
        /* suspects on: one VISUAL suspect over the whole line, text unchanged */
        out = run(in, NAZIF_REPORT_SUSPECTS, &r);
        CHECK_MSG(out && strcmp(out, in) == 0, "line %zu", i);
        CHECK_MSG(r.suspects == 1 && r.visual == 1 && r.bad == 0, "line %zu: %d", i, r.visual);
        CHECK(r.offset == 0 && r.length == rn);
        CHECK_EQ_STR(r.replacement, prose[i]);
        CHECK_MSG(strncmp(r.evidence, "visual order: ", 14) == 0, "%s", r.evidence);
        free(out);
        /* repair: the line in logical order, reported as an edit */
        out = run(in, NAZIF_VISUAL_REPAIR, &r);
        CHECK(out && strncmp(out, prose[i], strlen(prose[i])) == 0 && out[strlen(prose[i])] == '\n');
        CHECK(r.edits == 1 && r.bad == 0);
        free(out);
        /* the line as written is never flagged */
        char *fw = malloc(strlen(prose[i]) + 2);
        strcpy(fw, prose[i]);
        strcat(fw, "\n");
        out = run(fw, NAZIF_REPORT_SUSPECTS | NAZIF_VISUAL_REPAIR, &r);
        CHECK_MSG(out && strcmp(out, fw) == 0 && r.visual == 0, "line %zu", i);
        free(out);
        free(fw);
        free(rev);
        free(in);
    }
}

/* The evidence counts the words: 4 of 4 known reversed, 1 as written
   ("يف" reads as a word too). */
static void test_evidence(void)
{
    seen r;
    char *out = run("عقوملا يف مكب ابحرم\n", NAZIF_REPORT_SUSPECTS, &r);
    CHECK_EQ_STR(r.evidence, "visual order: 4 of 4 words known reversed, 1 as written");
    CHECK_EQ_STR(r.replacement, "مرحبا بكم في الموقع");
    free(out);
}

/* Presentation forms in visual order, written by hand: the shapes are
   those of the logical words (ﻊ final at the start, ﻢﻣ initial at the end). */
static void test_presforms(void)
{
    /* ﻊﻗﻮﻤﻟﺍ ﻲﻓ ﻢﻜﺑ ﺎﺒﺣﺮﻣ */
    const char *in = "\xEF\xBB\x8A\xEF\xBB\x97\xEF\xBB\xAE\xEF\xBB\xA4\xEF\xBB\x9F\xEF\xBA\x8D "
                     "\xEF\xBB\xB2\xEF\xBB\x93 "
                     "\xEF\xBB\xA2\xEF\xBB\x9C\xEF\xBA\x91 "
                     "\xEF\xBA\x8E\xEF\xBA\x92\xEF\xBA\xA3\xEF\xBA\xAE\xEF\xBB\xA3\n";
    seen r;
    char *out = run(in, NAZIF_REPORT_SUSPECTS, &r);
    CHECK(out && strcmp(out, in) == 0);
    CHECK(r.suspects == 1 && r.bad == 0);
    CHECK_EQ_STR(r.replacement, "مرحبا بكم في الموقع");
    free(out);
    out = run(in, NAZIF_VISUAL_REPAIR, &r);
    CHECK_EQ_STR(out, "مرحبا بكم في الموقع\n");
    free(out);
    /* the same words in logical order, as presentation forms: P14 maps
       them, VISUAL does not fire */
    const char *logical = "\xEF\xBB\xA3\xEF\xBA\xAE\xEF\xBA\xA3\xEF\xBA\x92\xEF\xBA\x8E "
                          "\xEF\xBA\x91\xEF\xBB\x9C\xEF\xBB\xA2 "
                          "\xEF\xBB\x93\xEF\xBB\xB2 "
                          "\xEF\xBA\x8D\xEF\xBB\x9F\xEF\xBB\xA4\xEF\xBB\xAE\xEF\xBB\x97\xEF\xBB\x8A\n";
    out = run(logical, NAZIF_REPORT_SUSPECTS | NAZIF_VISUAL_REPAIR, &r);
    CHECK(r.visual == 0);
    CHECK_EQ_STR(out, "مرحبا بكم في الموقع\n");
    free(out);
}

/* Marks stay after their letter, digits and Latin keep their order,
   brackets are mirrored. */
static void test_repair_details(void)
{
    const char *logical = "كَتَبَ الطالب الدرس في عام 2024 مع (الأستاذ) ABC";
    char *rev = reverse_line(logical);
    /* visual order keeps the digits and Latin letters as displayed, and
       brackets as drawn: put them back the way a PDF gives them */
    char in[512];
    size_t o = 0;
    for (const char *p = rev; *p; p++) {
        if (strncmp(p, "4202", 4) == 0) {
            memcpy(in + o, "2024", 4), o += 4, p += 3;
        } else if (strncmp(p, "CBA", 3) == 0) {
            memcpy(in + o, "ABC", 3), o += 3, p += 2;
        } else {
            in[o++] = *p == '(' ? ')' : *p == ')' ? '(' : *p;
        }
    }
    in[o++] = '\n';
    in[o] = 0;
    seen r;
    char *out = run(in, NAZIF_VISUAL_REPAIR, &r);
    CHECK(r.edits == 1);
    char want[512];
    snprintf(want, sizeof want, "%s\n", logical);
    CHECK_EQ_STR(out, want);
    free(out);
    free(rev);
    /* white space at either end stays where it is */
    out = run("  عقوملا يف مكب ابحرم\t\n", NAZIF_VISUAL_REPAIR, &r);
    CHECK_EQ_STR(out, "  مرحبا بكم في الموقع\t\n");
    free(out);
}

/* Lines that must stay as they are. */
static void test_not_visual(void)
{
    static const char *const keep[] = {
        /* fewer than four words */
        "مكب ابحرم\n",
        "عقوملا مكب ابحرم\n",
        /* Persian in visual order is not read (no Persian lexicon) */
        "میناد یم ام هک تسا نیا\n",
        /* normal lines with look-alikes and abbreviations */
        "قال د.محمد إن العام 1445هـ بدأ في الموعد\n",
        "ولا إلا فلا هلا أولا\n",
        "English text only, nothing Arabic here at all\n",
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        seen r;
        char *out = run(keep[i], NAZIF_REPORT_SUSPECTS | NAZIF_VISUAL_REPAIR, &r);
        CHECK_MSG(r.visual == 0, "line %zu", i);
        CHECK_MSG(out && strcmp(out, keep[i]) == 0, "line %zu: %s", i, out ? out : "");
        free(out);
    }
    /* the options: visual-order=repair|report */
    nazif_options op;
    nazif_options_init(&op);
    CHECK(nazif_options_set(&op, "visual-order", "repair", NAZIF_OPT_CLEAN, NULL, 0) == NAZIF_OK);
    CHECK(op.clean.flags & NAZIF_VISUAL_REPAIR);
    CHECK(nazif_options_set(&op, "visual-order", "report", NAZIF_OPT_CLEAN, NULL, 0) == NAZIF_OK);
    CHECK(!(op.clean.flags & NAZIF_VISUAL_REPAIR));
    char err[NAZIF_ERROR_DETAIL_SIZE];
    CHECK(nazif_options_set(&op, "visual-order", "fix", NAZIF_OPT_CLEAN, err, sizeof err) == NAZIF_EINVAL);
    CHECK(strstr(err, "report or repair") != NULL);
    CHECK(nazif_options_set(&op, "visual-order", "repair", NAZIF_OPT_TOKEN, NULL, 0) == NAZIF_EINVAL);
    CHECK_EQ_STR(nazif_rule_name(21), "VISUAL");
}

int main(void)
{
    test_reversed_prose();
    test_evidence();
    test_presforms();
    test_repair_details();
    test_not_visual();
    return DONE("visual");
}
