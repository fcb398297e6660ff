#!/usr/bin/env python3
"""make-articles.py -- write articles.warc and article-1256.html: Arabic
news pages with the page around the article (menus, breadcrumbs, share
bars, related-article lists, sponsored links, comment threads and forms,
footers) for main-content extraction (--html=main) and its metadata.

    cd tests/corpus-data && python3 make-articles.py

Self-contained: the Arabic text was written for these tests.  Deterministic.
Every article paragraph is in ARTICLES below, so a test can check that the
article is all there and that no furniture line came with it.  Records:

  utf8-modern   UTF-8; header + nav menu, breadcrumb, <article> with h1,
                byline and <time datetime>, share bar, "read also" list,
                comment thread (prose comments) with a form, footer;
                og:title, article:published_time, meta author, JSON-LD
                NewsArticle (headline, datePublished, author.name)
  cp1256-table  windows-1256 (<meta http-equiv>), an old table layout with
                Arabic class names (القائمة, المتن, الأكثر-قراءة,
                مقالات-ذات-صلة, تعليقات); metadata only in JSON-LD: the
                headline with \\u escapes, the author (in an array) in raw
                windows-1256 bytes; the body text split by <br><br>
  iso-8859-6    ISO-8859-6 (HTTP header); div id=content, ad and sponsored
                blocks, nav, footer; no metadata but <title> and <h1>
  youm7-like    UTF-8; the case of issue 14: a related-article list whose
                items carry summaries, a sponsored-links block (taboola),
                a "most read" box, tags; hostile metadata: a meta author
                that is a URL (ignored), a JSON-LD block cut short after
                its headline, <time> without datetime: no date, no author
  index-page    UTF-8; a section front page of short teaser links only: no
                article (whole-page text, found 0); an og:title longer
                than the headline field (cut at a character boundary)

META gives the headline, published and author fields each page must get
(None: the field is null).
"""
import gzip  # noqa: F401  (kept for symmetry with make-html.py)

from warclib import warc_record

ARTICLES = {
    "utf8-modern": [
        "أعلنت هيئة الأرصاد الجوية صباح اليوم أن موجة الحر التي تضرب البلاد منذ أسبوع ستستمر حتى نهاية الشهر الجاري، ودعت المواطنين إلى تجنب التعرض المباشر لأشعة الشمس في ساعات الظهيرة.",
        "وقال المتحدث باسم الهيئة في مؤتمر صحفي إن درجات الحرارة في المدن الساحلية قد تتجاوز الأربعين درجة، بينما تكون أعلى من ذلك في المناطق الداخلية والصحراوية التي تشهد رطوبة منخفضة.",
        "وأضاف أن الهيئة رفعت درجة التأهب في مراكز الرصد، وأنها تتابع حركة الكتل الهوائية القادمة من الجنوب على مدار الساعة بالتعاون مع مراكز الرصد في الدول المجاورة.",
        "من جهتها طالبت وزارة الصحة المستشفيات بتجهيز أقسام الطوارئ لاستقبال حالات ضربات الشمس والإجهاد الحراري، خاصة بين كبار السن والأطفال والعمال الذين يعملون في الأماكن المفتوحة.",
        "وكانت البلاد قد شهدت في الصيف الماضي موجة مماثلة أدت إلى انقطاع التيار الكهربائي في عدد من الأحياء بسبب زيادة الأحمال على الشبكة، وهو ما تقول الحكومة إنها استعدت له هذا العام.",
    ],
    "cp1256-table": [
        "افتتحت مكتبة المدينة العامة أمس جناحا جديدا للأطفال يضم أكثر من عشرة آلاف كتاب مصور وقصص مختارة، إلى جانب قاعة للقراءة الجماعية وركن للأنشطة الفنية والمسرح.",
        "وقالت مديرة المكتبة إن الجناح الجديد جاء بعد دراسة استمرت عامين لاحتياجات المدارس في المنطقة، وإن المكتبة وقعت اتفاقا مع وزارة التعليم لتنظيم زيارات أسبوعية للتلاميذ.",
        "وأوضحت أن الدخول إلى الجناح سيكون مجانيا طوال أيام الأسبوع، وأن المكتبة ستنظم في العطلة الصيفية ورشا للكتابة والرسم يشرف عليها كتاب وفنانون من أبناء المدينة.",
        "ويأتي افتتاح الجناح ضمن خطة لتطوير المكتبات العامة في المحافظة، إذ تعمل البلدية على تحديث ثلاث مكتبات أخرى قبل نهاية العام وربطها بفهرس إلكتروني واحد.",
    ],
    "iso-8859-6": [
        "بدأ المزارعون في السهل الشرقي موسم قطف الزيتون هذا الأسبوع وسط توقعات بإنتاج أعلى من العام الماضي، بعد أن شهدت المنطقة أمطارا غزيرة في الشتاء وربيعا معتدلا.",
        "وقال رئيس جمعية المزارعين إن الأشجار حملت ثمارا كثيرة، لكن ارتفاع تكاليف العمال والنقل يقلق المزارعين الصغار الذين يبيعون محصولهم للمعاصر بأسعار لا تغطي نفقاتهم.",
        "وطالبت الجمعية وزارة الزراعة بتقديم دعم مباشر لأصحاب الحيازات الصغيرة، وفتح أسواق جديدة لتصدير الزيت، وتشديد الرقابة على الزيوت المغشوشة التي تباع في الأسواق المحلية.",
        "ويعد الزيتون من أهم المحاصيل في المنطقة، إذ تعيش عليه آلاف الأسر، وتنظم القرى في نهاية الموسم احتفالات تقليدية يشارك فيها الأهالي والزوار من المدن القريبة.",
    ],
    "youm7-like": [
        "قررت إدارة النادي الأهلي تجديد عقد المدرب الحالي لموسمين إضافيين، بعد أن قاد الفريق إلى الفوز بلقب الدوري وكأس البطولة الإفريقية في موسم وصفه المشجعون بالتاريخي.",
        "وقال رئيس النادي في بيان نشر على الموقع الرسمي إن المدرب نجح في بناء فريق متماسك يعتمد على اللاعبين الشباب، وإن الإدارة ستوفر له كل ما يحتاجه من دعم في سوق الانتقالات المقبلة.",
        "وأشار البيان إلى أن الجهاز الفني سيبدأ الإعداد للموسم الجديد مطلع الشهر المقبل بمعسكر خارجي يستمر ثلاثة أسابيع، يخوض خلاله الفريق عددا من المباريات الودية أمام أندية أوروبية.",
        "ومن المنتظر أن يعلن النادي خلال الأيام القادمة عن صفقتين جديدتين لتدعيم خط الدفاع، بعد رحيل اثنين من المدافعين الأساسيين إلى أندية في الخليج مع نهاية عقديهما.",
    ],
}

HEADLINES = {
    "utf8-modern": "موجة الحر مستمرة حتى نهاية الشهر",
    "cp1256-table": "جناح جديد للأطفال في مكتبة المدينة",
    "iso-8859-6": "موسم الزيتون يبدأ في السهل الشرقي",
    "youm7-like": "الأهلي يجدد عقد مدربه لموسمين",
}

# Lines of the page around the article: none of them may reach the output
# of --html=main (the test reads this list from here).
FURNITURE = [
    "الرئيسية", "أخبار محلية", "رياضة", "اقتصاد", "ثقافة", "اتصل بنا",
    "شارك المقال", "فيسبوك", "تويتر", "واتساب",
    "وزير النقل يفتتح الطريق الجديد بين المدينتين بعد عامين من العمل",
    "انخفاض أسعار الخضروات في الأسواق مع بداية الموسم الزراعي",
    "أضف تعليقك", "الاسم", "إرسال",
    "جميع الحقوق محفوظة لموقع أخبار اليوم 2024",
    "الأكثر قراءة", "محتوى مدفوع", "روابط برعاية",
    "اكتشف أفضل العروض على الفنادق في الساحل هذا الصيف",
    "خمس عادات يومية تساعدك على النوم بسرعة",
    "عقد المدرب", "الدوري", "ملاعب",
]

COMMENTS = [
    "أتمنى أن تهتم البلدية بتوفير مياه الشرب في الحدائق العامة خلال هذه الأيام، فالكثير من الناس يقضون وقتهم هناك مع أطفالهم.",
    "شكرا على هذا التقرير المفيد، ونرجو من الهيئة أن تنشر التحذيرات على الهواتف المحمولة حتى تصل إلى الجميع في الوقت المناسب.",
]


def paras(key, sep="</p>\n<p>"):
    return "<p>" + sep.join(ARTICLES[key]) + "</p>"


NAV = ('<nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/local">أخبار محلية</a></li>'
       '<li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li>'
       '<li><a href="/culture">ثقافة</a></li><li><a href="/contact">اتصل بنا</a></li></ul></nav>')
RELATED = ('<div class="related-news"><h3>اقرأ أيضا</h3><ul>'
           '<li><a href="/n/1">وزير النقل يفتتح الطريق الجديد بين المدينتين بعد عامين من العمل</a></li>'
           '<li><a href="/n/2">انخفاض أسعار الخضروات في الأسواق مع بداية الموسم الزراعي</a></li></ul></div>')
SHARE = ('<div class="share-bar"><span>شارك المقال</span> <a href="#fb">فيسبوك</a> '
         '<a href="#tw">تويتر</a> <a href="#wa">واتساب</a></div>')
FOOTER = '<footer><p>جميع الحقوق محفوظة لموقع أخبار اليوم 2024</p><a href="/about">من نحن</a></footer>'

utf8_modern = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>%(h)s | أخبار اليوم</title>
<meta property="og:title" content="%(h)s">
<meta property="article:published_time" content="2024-07-14T08:30:00+03:00">
<meta name="author" content="سارة المصري">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "%(h)s", "datePublished": "2024-07-14T08:30:00+03:00",
 "author": {"@type": "Person", "name": "سارة المصري"}}</script>
</head><body>
<header class="site-header"><a class="logo" href="/">أخبار اليوم</a>%(nav)s</header>
<div class="breadcrumb"><a href="/">الرئيسية</a> &rsaquo; <a href="/local">أخبار محلية</a></div>
<main>
<article class="post">
<h1>%(h)s</h1>
<div class="byline">بقلم سارة المصري <time datetime="2024-07-14T08:30:00+03:00">14 يوليو 2024</time></div>
%(p)s
%(share)s
</article>
%(rel)s
<section id="comments"><h3>التعليقات</h3>
<div class="comment"><b>أحمد</b><p>%(c1)s</p></div>
<div class="comment"><b>منى</b><p>%(c2)s</p></div>
<form class="comment-form"><h4>أضف تعليقك</h4><label>الاسم</label><input name="n">
<textarea name="t"></textarea><button>إرسال</button></form>
</section>
</main>
%(foot)s
</body></html>
""" % {"h": HEADLINES["utf8-modern"], "nav": NAV, "p": paras("utf8-modern"), "share": SHARE,
       "rel": RELATED, "c1": COMMENTS[0], "c2": COMMENTS[1], "foot": FOOTER}

# JSON-LD with every non-ASCII character as \uXXXX, as many CMSs write it
def jesc(s):
    return "".join(ch if ord(ch) < 128 else "\\u%04x" % ord(ch) for ch in s)


cp1256_table = """<html dir="rtl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>المدينة نت - %(h)s</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"%(jh)s","datePublished":"2023-11-02","author":[{"@type":"Person","name":"%(ja)s"}]}</script>
</head><body>
<table width="100%%"><tr>
<td class="القائمة" width="20%%"><a href="/">الرئيسية</a><br><a href="/local">أخبار محلية</a><br>
<a href="/sport">رياضة</a><br><a href="/eco">اقتصاد</a><br><a href="/culture">ثقافة</a><br><a href="/contact">اتصل بنا</a></td>
<td class="المتن"><font size="4"><b>%(h)s</b></font><br><br>
%(p)s
<div class="مقالات-ذات-صلة"><b>مقالات ذات صلة</b><br>
<a href="/n/1">وزير النقل يفتتح الطريق الجديد بين المدينتين بعد عامين من العمل</a><br>
<a href="/n/2">انخفاض أسعار الخضروات في الأسواق مع بداية الموسم الزراعي</a></div>
<div class="تعليقات"><b>التعليقات</b><br>%(c1)s<br>
<form><b>أضف تعليقك</b> الاسم <input name="n"> <input type="submit" value="إرسال"></form></div>
</td>
<td class="الأكثر-قراءة" width="20%%"><b>الأكثر قراءة</b><br><a href="/n/3">خمس عادات يومية تساعدك على النوم بسرعة</a></td>
</tr></table>
<div align="center">جميع الحقوق محفوظة لموقع أخبار اليوم 2024</div>
</body></html>
""" % {"h": HEADLINES["cp1256-table"], "jh": jesc(HEADLINES["cp1256-table"]),
       "ja": "خالد يوسف", "p": "<br><br>\n".join(ARTICLES["cp1256-table"]),
       "c1": COMMENTS[1]}

iso_8859_6 = """<html><head><title>%(h)s</title></head><body>
%(nav)s
<div id="content">
<h1>%(h)s</h1>
%(p)s
</div>
<div class="ads"><span>محتوى مدفوع</span> <a href="/ad/1">اكتشف أفضل العروض على الفنادق في الساحل هذا الصيف</a></div>
<div id="sidebar"><h3>الأكثر قراءة</h3><ul><li><a href="/n/3">خمس عادات يومية تساعدك على النوم بسرعة</a></li></ul></div>
%(foot)s
</body></html>
""" % {"h": HEADLINES["iso-8859-6"], "nav": NAV, "p": paras("iso-8859-6"), "foot": FOOTER}

LONG_TITLE = "عنوان طويل جدا " * 60  # > 512 bytes: cut at a character boundary
youm7_like = """<!DOCTYPE html>
<html lang="ar"><head><meta charset="utf-8">
<title>%(h)s - اليوم السابع</title>
<meta property="og:title" content="%(long)s">
<meta name="author" content="https://example.com/authors/42">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "%(h)s", "datePubl</script>
</head><body>
<div class="header">%(nav)s</div>
<div class="container"><div class="row">
<div class="col-md-8">
<div class="articleHeader"><h1>%(h)s</h1><time>منذ ساعتين</time></div>
<div id="articleBody" class="articleCont">
%(p)s
</div>
<div class="tags"><a href="/t/1">عقد المدرب</a> <a href="/t/2">الدوري</a></div>
%(share)s
<div class="related-articles"><h3>اقرأ أيضا</h3>
<div class="item"><a href="/n/1"><h4>وزير النقل يفتتح الطريق الجديد بين المدينتين بعد عامين من العمل</h4></a>
<p>افتتح الوزير الطريق الذي يختصر المسافة بين المدينتين إلى نصف ساعة، وقال إن العمل فيه استمر عامين.</p></div>
<div class="item"><a href="/n/2"><h4>انخفاض أسعار الخضروات في الأسواق مع بداية الموسم الزراعي</h4></a>
<p>تراجعت أسعار الطماطم والبطاطس في أسواق الجملة بعد وصول المحصول الجديد من المزارع القريبة.</p></div>
</div>
<div class="taboola-widget"><span>روابط برعاية</span>
<a href="/ad/1">اكتشف أفضل العروض على الفنادق في الساحل هذا الصيف</a>
<a href="/ad/2">خمس عادات يومية تساعدك على النوم بسرعة</a></div>
</div>
<div class="col-md-4 mostRead"><h3>الأكثر قراءة</h3><ul><li><a href="/n/3">خمس عادات يومية تساعدك على النوم بسرعة</a></li></ul></div>
</div></div>
%(foot)s
</body></html>
""" % {"h": HEADLINES["youm7-like"], "long": LONG_TITLE, "nav": NAV, "p": paras("youm7-like"),
       "share": SHARE, "foot": FOOTER}

index_page = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>أخبار محلية</title>
<meta property="og:title" content="%(long)s"></head>
<body>%(nav)s<h1>أخبار محلية</h1><ul>
<li><a href="/n/1">وزير النقل يفتتح الطريق الجديد</a></li>
<li><a href="/n/2">انخفاض أسعار الخضروات</a></li>
<li><a href="/n/3">خمس عادات يومية</a></li></ul>%(foot)s</body></html>
""" % {"nav": NAV, "foot": FOOTER, "long": LONG_TITLE}

META = {
    "utf8-modern": (HEADLINES["utf8-modern"], "2024-07-14T08:30:00+03:00", "سارة المصري"),
    "cp1256-table": (HEADLINES["cp1256-table"], "2023-11-02", "خالد يوسف"),
    "iso-8859-6": (HEADLINES["iso-8859-6"], None, None),
    "youm7-like": (HEADLINES["youm7-like"], None, None),
    "index-page": (LONG_TITLE, None, None),  # cut: a prefix of 500..511 bytes
}

n = [0]


def response(name, body, ctype):
    n[0] += 1
    http = ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n" % ctype).encode() + body
    return warc_record("response", "http://news.example/%s" % name,
                       "%08d-0000-0000-0000-0000000000aa" % n[0],
                       "2024-07-14T10:00:%02dZ" % n[0], http, "application/http; msgtype=response")


if __name__ == "__main__":
    records = [
        response("utf8-modern", utf8_modern.encode("utf-8"), "text/html; charset=utf-8"),
        response("cp1256-table", cp1256_table.encode("cp1256"), "text/html"),
        response("iso-8859-6", iso_8859_6.encode("iso8859_6"), "text/html; charset=ISO-8859-6"),
        response("youm7-like", youm7_like.encode("utf-8"), "text/html; charset=utf-8"),
        response("index-page", index_page.encode("utf-8"), "text/html; charset=utf-8"),
    ]
    with open("articles.warc", "wb") as f:
        f.write(b"".join(records))
    with open("article-1256.html", "wb") as f:
        f.write(cp1256_table.encode("cp1256"))
