#!/usr/bin/env python3
"""Write the seed corpus of fuzz/fuzz_clean.c into fuzz/corpus/clean/.

Every file starts with the 4-byte header the target reads: byte 0's low
nibble is the flags (1 KEEP_BOILERPLATE, 2 STRICT_UTF8, 4 NO_RESTORE,
8 REPORT_SUSPECTS; '0'..'9' and 'a'..'f' are printable choices), bytes
1..3 seed the chunk-size generator.  The examples are written for this
corpus (not copied from the dev set); T is U+0640 ARABIC TATWEEL.
Run: python3 fuzz/corpus/make_seeds.py  (deterministic; rewrites the files)
"""
import os

T = "\u0640"
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "clean")
seeds = {}


def add(name, header, body):
    if isinstance(body, str):
        body = body.encode("utf-8")
    seeds[name] = header.encode("ascii") + body


# the patterns of docs/patterns.md, own examples
add("p01-both", "0aa1", f"قالت المصـ.ـادر إن القـ،ـصف استمر طوال الليل في الـمـ.ـدينة.\n")
add("p02-left", "1ab2", f"وقع الهجـ.وم على المد.ينة عند الفجـ.ر وانتهى الحصـ،ار.\n")
add("p03-dot-space", "9ac3", f"سمع دوي الانفـ. ـجار في السو. ـق القديم وقت الظهـ. ــيرة.\n")
add("p04-multidot", "1ad4", f"استمر الحـ..ـصار أسابيع وتواصل الاعتـ. .ـقال والتـ...ـهجير.\n")
add("p05-symbols", "0ae5", f"ضبط الســ*ـلاح بعد الضـ-ـربة وحكم في القـ_ـتل وعن الحـ/ـرب والمـ,ـعركة والدمـ~ـار.\n")
add("p06-tatweel", "1af6", f"انتهت المعـــــركة وبدأ الحــوار في العاصمـة.\n")
add("p07-multisplit", "8ag7", f"أكدت الـ.ـمـ.ـقـ.ـا.ومة أن د.مـ،ـار ر.فـ،ـح كبير وأن و.ز.ا.ر.ة الصحة تعمل.\n")
add("p08-mask", "0ah8", f"وقع انـ*ـجار ضخم وضبطت أسـ*ـحة مهربة في القـ،،،ـاعدة.\n")
add("p09-seam", "1ai9", f"تحدثت المدينـ.نة عن المقاومـ.مة والحكومـ،ـمة.\n")
add("p10-fused", "9aj0", f"بدأ الطـ.وفانالذي غير المنطقة وانتهى الحـ.ـصارالطويل.\n")
add("p11-letters", "0ak1", "أعلنوا ق.ت.ل ثلاثة وطالبوا بـ ح ر ي ة التعبير.\n")
add("p12-digit-latin", "1al2", f"فتح حـsـاب جديد وارتفع سـ3ـر الخبز وانسحب د١عش من القرية وكذلك الـgـاز.\n")
add("p13-dotless", "0am3", "تضامن مع ڡلسطىں في كل مكاں.\n")
add("p14-persian-forms", "1an4", "قرأ کتاب یوم الجمعة في مدرسە المدينة وزار ﺗﻮﻧﺲ و ﻻ شيء ﷲ.\n")
add("p15-invisible", "9ao5",
    "الحر\u200bب وال\u200cسلام والق\u200dصف و\u200eال\u200fنار وال\u2060هدنة والم\ufeffعركة والسل\u00adاح وال\u061cقرار و\u202bالمدينة\u202c والجي\u202aش\u202e.\n")
add("p16-harakat", "0ap6", f"قالت الـمُـ.ـقَاوَمَة إنّ الـحَـ.ـرْبَ انتهت.\n")

# legitimate text that must come out unchanged
add("trap-abbrev", "1ba1", "استقبل د.أحمد و أ.د. خالد الوفد، ص.ب 1234، شركة النور ذ.م.م، القرن الثالث ق.م، ج.م.ع.\n")
add("trap-hijri", "0bb2", f"توفي سنة 1440هـ بعد رحلة، وفي عام 1400 هـ. بدأ البناء.\nهـ. التحقق من البيانات\n")
add("trap-dash", "1bc3", f"القاهرة ـ وكالات: الحروف بـ ـبـ ـب في الجدول، الفترة 2019ـ2020.\nـ البند الأول\n")
add("trap-exercise-root", "0bd4", f"أكمل: تـ_ـفاح، سـ_ـارة. الجذر (ك ت ب) والجذر (د ر س).\n")
add("trap-clitic-number", "1be5", f"بيع بـ7 دنانير ويعمل بالـ GPS ولـ12 شهرا وبـ\"الأمس\".\n")
add("trap-ellipsis", "1bf6", "الأمس.. اليوم وغدا، القرار…غدا، انتهت الجلسة.يذكر أن النواب... غادروا.\n")
add("trap-numbers-urls", "0bg7", "النسبة 3.5% و١٢.٥ والساعة 10.30 يوم 15/3/2021 على www.example.org و info@example.com و https://x.y/ـa.\n")
add("trap-quran", "1bh8", "بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ ذَٰلِكَ ٱلْكِتَـٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ ۝١\n")
add("trap-persian", "1bi9", "من می‌خواهم این کتاب را بخوانم. ایران و پاکستان همسایه هستند، ۱۴۰۲.\n")
add("trap-boilerplate", "0bj0",
    "تخطي إلى المحتوى\nالرئيسية > أخبار\nافتتاح مستشفى جديد في المدينة بحضور الوزير.\nوقال الوزير إن المستشفى يضم مئتي سرير.\nاقرأ أيضا:\nشارك الخبر\nفيسبوك\nتويتر\n© 2024 جميع الحقوق محفوظة\n")
add("boilerplate-keep", "1bk1", "Skip to main content\nالأكثر قراءة\nخبر عاجل عن الطقس في العاصمة اليوم.\nسجل الدخول للتعليق\n")

# bytes and structure
add("invalid-utf8", "0ca1", b"\xd8\xa7\xd9\x84\xff\xd8\xad\xd8\xb1\xd8\xa8 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 \xe2\x82 \xd9\x80.\xd9\x80\n\x80\x80\xd8")
add("invalid-strict", "2cb2", "سليم\n".encode() + b"\xd8\xa7\xd9\x80\xfe.\xd9\x80\xd8\xa8\n")
add("valid-strict", "3cc3", f"نص سليم تماما مع الـ.ـحـ.ـرب.\n")
add("nul-bytes", "1cd4", "ال\x00حرب\x00\nال" + T + "\x00." + T + "حرب\n\x00\n")
add("crlf", "0ce5", f"الحـ.ـرب\r\nاقرأ أيضا:\r\nالسلـ.ـام\r\n\r\n")
add("no-final-newline", "1cf6", f"الكلمة الأخيرة بلا سطر جديد الـ.ـحـ")
add("empty-doc", "1cg7", "")
add("zero-bytes", "", "")
add("tiny", "", "ـ.")
add("only-tatweel-seps", "0ch8", T * 40 + "\n" + ". " * 30 + "\n" + "ـ.ـ.ـ.ـ" * 10 + "\n......\n،،،\n" + T + "\n")
add("zwj-zwnj", "1ci9", "لا\u200dم \u200c\u200c \u200dال\u200cقدس\u200d \u200cو\u200d\n")
add("forms-ligatures", "0cj0", "ﷺ ﷲ ﻻ ﻷ ﺍﻟﺤﺮﺏ ﺗـ.ـﻮﻧﺲ ﭖ ﮎ ﯾ ﹰ ﹱ\n")
add("mixed-latin", "9ck1", f"The word الـ.ـحرب in Latin text: hello-world, e.g. a.b.c and x_y. Ø é ñ 中文 😀\n")
add("bidi-controls", "0cl2", "\u202bالحر\u202cب \u2066نص\u2069 \u200fاللـ.ـيل\u200e\n")
add("splits-at-start-end", "1cm3", f".ـالحرب ـ.ـ الحرب.ـ ـ. ـالحرب ـ\n")

# long lines (NAZIF_LINE_WINDOW is 64 KiB)
words = ["الحـ.ـرب", "السلام", "المدينـ. ـة", "اقرأ", "الهد..ـنة", "و", "عام", "2020ـ2021", "د.أحمد", "القـ،ـصف"]
line = " ".join(words[i % len(words)] for i in range(16000))
add("long-line-200k", "1da1", line.encode("utf-8")[:200000].decode("utf-8", "ignore"))
# a long word with one split: kept short because the cleaner's time grows
# faster than linearly with the length of such a word (see the eval report)
w = "ب" * 2000 + T + "." + T + "ت" * 2000
add("long-word-4k", "0db2", w + "\n" + "الحـ.ـرب\n")
add("long-run-no-split-100k", "1db3", "ب" * 50000 + " " + T * 1000 + "\n")
add("window-boundary", "1dc3", "ا" * 32766 + T + "." + T + "ب\n")
# P17 and the madda look-alike on one line no other rule touches: their
# edits must come out sorted (an unsorted pair once corrupted the heap)
add("p17-then-madda", "0dd4", "قالت المقا ومة إن الآعتقالات مستمرة وإسرا ئيل ترد.\n")

os.makedirs(here, exist_ok=True)
# only the seeds above are (re)written: the inputs the fuzzer found
# (regress-*, idem-*) stay
for name, data in sorted(seeds.items()):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
print("%d seeds in %s" % (len(seeds), here))
