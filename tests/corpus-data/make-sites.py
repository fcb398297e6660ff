#!/usr/bin/env python3
"""make-sites.py OUTDIR -- a small multi-site news corpus for the
repeated-line tests (tests/linefreq/run.sh), written for this project
(no scraped text): pages of three invented sites, each line labelled.

Writes OUTDIR/sites.jsonl (one page a line: id, url, domain, text, labels)
and OUTDIR/sites.warc (the same pages as WARC conversion records whose
WARC-Target-URI is the url).  "labels" has one letter per line of "text":
C content, B furniture, and two letters the tests look at closely:
  H  the page's own headline (it also stands in the "most read" lists of
     the site's other pages, where it is furniture: B)
  X  content that is furniture on another site (the title of alpha's
     price widget used as a subheading on beta)

The sites, pages interleaved in the input order (alpha, beta, alpha, ...):
  alpha  www.wadi-news.example, 9 pages: masthead, slogan, navigation,
         follow call, editor line, a widget title and a footer on every
         page; a "most read" list of the headlines of the next five pages;
  beta   sahel-times.example, 8 pages: its own furniture; a background
         sentence (final punctuation) pasted into 6 of its articles;
         alpha's follow call on 2 pages;
  gamma  gamma.example, 3 pages: furniture on all three, too few pages to
         count as repeated.
Deterministic: the same bytes every run.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from warclib import warc_record  # noqa: E402

# ---- article material (each line used once) ------------------------------

PEOPLE = ["مدير الموارد المائية", "رئيس البلدية", "وزير الزراعة", "محافظ المدينة",
          "مدير التربية", "نقيب المهندسين", "رئيس غرفة التجارة", "مدير المستشفى الوطني",
          "الناطق باسم الدفاع المدني", "رئيس اتحاد الفلاحين", "مدير مؤسسة الكهرباء",
          "عميد كلية الطب", "رئيس نادي الشعلة", "مدير الآثار والمتاحف",
          "مدير هيئة النقل", "رئيسة جمعية الحرفيين", "مدير مرفأ الصيادين",
          "مدير معرض الكتاب", "رئيس لجنة الإغاثة", "مدير محطة الأرصاد"]
TOPICS = ["تأهيل شبكة مياه الشرب في الأحياء الشرقية",
          "افتتاح سوق شعبي جديد قرب الجسر القديم",
          "توزيع البذور المحسنة على مزارعي السهل",
          "إنارة الطريق الواصل بين القرى الجبلية",
          "ترميم المدرسة الابتدائية في الحي الغربي",
          "تنظيم مسابقة للمشاريع الهندسية الطلابية",
          "تخفيض رسوم تسجيل المحلات الصغيرة",
          "إضافة جناح لعلاج الأطفال في المستشفى",
          "إخماد حريق في أحراج التلال الشمالية",
          "صرف تعويضات عن أضرار موجة الصقيع",
          "جدولة ساعات التقنين في فصل الشتاء",
          "قبول دفعة جديدة من طلاب الطب",
          "إقامة بطولة الشباب لكرة السلة",
          "كشف لوحات فسيفساء في موقع أثري",
          "زيادة عدد الحافلات على خط الجامعة",
          "افتتاح معرض للسجاد اليدوي",
          "إصلاح أرصفة ميناء الصيد",
          "مشاركة دور نشر من بلدان عدة في المعرض",
          "إيصال المساعدات إلى الأسر المتضررة من السيول",
          "تركيب محطة رصد جوي في المرتفعات"]
DETAILS = ["بكلفة تقارب مليار ليرة", "بالتعاون مع منظمات محلية",
           "ضمن خطة تمتد حتى نهاية العام", "بعد شكاوى متكررة من الأهالي",
           "على ثلاث مراحل متتالية", "بمشاركة متطوعين من أبناء المنطقة",
           "وفق جدول زمني معلن", "بتمويل من صندوق التنمية الريفية",
           "رغم نقص الآليات والوقود", "بعد انتهاء الدراسات الفنية"]
REACTIONS = ["ورحب السكان بالخطوة لكنهم طالبوا بتسريع التنفيذ",
             "وأشار تجار المنطقة إلى أن الحركة تحسنت منذ الأسبوع الماضي",
             "ويأمل المزارعون أن يعوض الموسم المقبل خسائر العام الفائت",
             "وقالت إحدى المعلمات إن الصفوف كانت تفتقر إلى أبسط التجهيزات",
             "ويرى مختصون أن المشروع يحتاج إلى متابعة بعد التسليم",
             "وانتقد ناشطون تأخر الجهات المعنية في الاستجابة",
             "واعتبر أصحاب الحافلات أن الأجور الحالية لا تغطي الكلفة",
             "ودعت لجنة الحي إلى إشراك الأهالي في الرقابة على التنفيذ",
             "وتحدث شهود عن ساعات عصيبة قبل وصول فرق الإطفاء",
             "ولفت باحثون إلى أهمية توثيق المكتشفات قبل عرضها"]
SUBHEADS = ["الأهالي: ننتظر النتائج", "ماذا بعد؟", "أرقام ومؤشرات",
            "مخاوف من التأخير", "خطوة أولى", "كيف بدأت القصة؟",
            "بين الوعود والواقع", "ردود فعل", "مطالب معلقة", "الكلفة والتمويل"]
QUOTES = ["\"لن نتوقف حتى ينتهي العمل\"", "\"هذه بداية الطريق فقط\"",
          "\"ننتظر منذ سنوات\"", "\"الموسم كان قاسيا علينا\"",
          "\"الأولوية لسلامة الناس\"", "\"نحتاج إلى دعم أكبر\"",
          "\"العمل يسير كما خططنا\"", "\"لم نر شيئا كهذا من قبل\"",
          "\"الأطفال أولا\"", "\"سنعود في الموسم المقبل\""]
KICKERS = ["بعد انتظار طويل", "في الريف الشرقي", "مبادرة أهلية", "خاص",
           "في عطلة نهاية الأسبوع", "قبل بدء العام الدراسي", "وسط ترقب",
           "للمرة الأولى منذ عقد", "بين الأمل والحذر", "في ختام الموسم"]
HEADLINE_TAIL = ["خلال أسابيع", "بعد تأخير", "هذا الشهر", "قريبا",
                 "رغم الصعوبات", "بدعم أهلي", "في موعده", "بشكل عاجل",
                 "للمرة الأولى", "على مراحل"]


def article(k):
    """Article k (0..19): headline, kicker, paragraphs, subheading, quote."""
    topic = TOPICS[k]
    person = PEOPLE[k]
    headline = "%s %s" % (topic, HEADLINE_TAIL[k % 10])
    p1 = "أعلن %s عن %s %s، مؤكدا أن العمل سيبدأ فور استكمال الإجراءات المطلوبة." % (
        person, topic, DETAILS[k % 10])
    p2 = "%s، فيما لم تحدد الجهات المعنية موعدا نهائيا لإنجاز %s." % (
        REACTIONS[k % 10], topic.split(" ")[0])
    p3 = "وأضاف %s في تصريح خاص أن فرق العمل تواجه تحديات تتعلق بالتمويل والتنسيق بين المؤسسات، وأن %s ستكون من أولويات المرحلة المقبلة." % (
        person, topic)
    return {
        "headline": headline, "kicker": KICKERS[k % 10], "p1": p1, "p2": p2, "p3": p3,
        "sub": SUBHEADS[(k * 3) % 10], "quote": QUOTES[(k * 7) % 10],
    }


# ---- the sites -----------------------------------------------------------

ALPHA = {
    "host": "https://www.wadi-news.example/news/", "domain": "wadi-news.example",
    "top": ["الوادي الإخباري", "صحيفة إلكترونية مستقلة تصدر عن مؤسسة الوادي للإعلام",
            "محليات | اقتصاد | ثقافة وفنون | رياضة | منوعات"],
    "editor": "المدير المسؤول: سمير الحوراني",
    "follow": "تابعونا على قناتنا في تلغرام للمزيد من الأخبار العاجلة",
    "widget": "أسعار الخضار في أسواق المدينة",
    "most_read": "الأكثر قراءة في الوادي",
    "foot": ["للتواصل مع هيئة التحرير والإعلان راسلونا عبر البريد المخصص",
             "مؤسسة الوادي للإعلام - كل الحقوق محفوظة"],
}
BETA = {
    "host": "http://sahel-times.example/article.php?id=", "domain": "sahel-times.example",
    "top": ["أخبار الساحل", "منبر الخبر المحلي منذ عشرين عاما",
            "الصفحة الأولى - الساحل اليوم - رأي - بيئة - تحقيقات"],
    "foot": ["هل لديك خبر؟ أرسله إلى فريق أخبار الساحل",
             "يمنع نقل المواد دون ذكر المصدر",
             "أخبار الساحل 2031"],
    "background": "ويعاني القطاع الزراعي في المنطقة من شح الموارد المائية وارتفاع كلفة المحروقات منذ عدة سنوات.",
}
GAMMA = {
    "host": "https://gamma.example/p/", "domain": "gamma.example",
    "top": ["نشرة غاما المحلية", "أخبار الحي أولا بأول"],
    "foot": ["غاما: صوت الحي"],
}


def page_alpha(i, art, later_heads):
    lines = [(t, "B") for t in ALPHA["top"]]
    lines.append((art["kicker"], "C"))  # content between repeated lines
    lines.append((art["headline"], "H"))
    lines.append((ALPHA["editor"], "B"))
    lines.append((art["p1"], "C"))
    lines.append((art["sub"], "C"))
    lines.append((art["p2"], "C"))
    lines.append((art["quote"], "C"))
    lines.append((art["p3"], "C"))
    lines.append((ALPHA["follow"], "B"))
    lines.append((ALPHA["widget"], "B"))
    lines.append((ALPHA["most_read"], "B"))
    for h in later_heads:
        lines.append((h, "B"))
    lines += [(t, "B") for t in ALPHA["foot"]]
    return lines


def page_beta(i, art, with_background, with_follow, with_alpha_label):
    lines = [(t, "B") for t in BETA["top"]]
    lines.append((art["headline"], "H"))
    lines.append((art["p1"], "C"))
    if with_background:
        lines.append((BETA["background"], "C"))
    if with_alpha_label:
        lines.append((ALPHA["widget"], "X"))
    lines.append((art["p2"], "C"))
    lines.append((art["quote"], "C"))
    lines.append((art["p3"], "C"))
    if with_follow:
        lines.append((ALPHA["follow"], "B"))
    lines += [(t, "B") for t in BETA["foot"]]
    return lines


def page_gamma(i, art):
    lines = [(t, "B") for t in GAMMA["top"]]
    lines.append((art["headline"], "H"))
    lines.append((art["p1"], "C"))
    lines.append((art["p2"], "C"))
    lines += [(t, "B") for t in GAMMA["foot"]]
    return lines


def pages():
    arts = [article(k) for k in range(20)]
    alpha_arts = arts[0:9]
    beta_arts = arts[9:17]
    gamma_arts = arts[17:20]
    alpha, beta, gamma = [], [], []
    for i, a in enumerate(alpha_arts):
        # the "most read" list: the headlines of the next five pages (each
        # headline stands on five other pages as well as its own)
        later = [alpha_arts[(i + d) % 9]["headline"] for d in range(1, 6)]
        alpha.append(("alpha-%d" % (i + 1), ALPHA, page_alpha(i, a, later)))
    for i, a in enumerate(beta_arts):
        beta.append(("beta-%d" % (i + 1), BETA,
                     page_beta(i, a, with_background=i < 6, with_follow=i in (2, 5),
                               with_alpha_label=i == 3)))
    for i, a in enumerate(gamma_arts):
        gamma.append(("gamma-%d" % (i + 1), GAMMA, page_gamma(i, a)))
    out = []
    while alpha or beta or gamma:
        for src in (alpha, beta, gamma):
            if src:
                out.append(src.pop(0))
    return out


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "sites.jsonl"), "w", encoding="utf-8") as jf, \
            open(os.path.join(outdir, "sites.warc"), "wb") as wf:
        for n, (pid, site, lines) in enumerate(pages()):
            url = site["host"] + pid.split("-")[1]
            text = "\n".join(t for t, _ in lines)
            labels = "".join(lab for _, lab in lines)
            jf.write(json.dumps({"id": pid, "url": url, "domain": site["domain"],
                                 "text": text, "labels": labels},
                                ensure_ascii=False) + "\n")
            wf.write(warc_record("conversion", url, "00000000-0000-4000-8000-%012d" % n,
                                 "2031-05-01T10:00:00Z", text + "\n", "text/plain"))


if __name__ == "__main__":
    main()
