#!/usr/bin/env python3
"""make-html.py -- write sample-html.warc and sample-html.warc.gz (WARC
response records with HTML bodies for corpus mode's HTML extraction).

    cd tests/corpus-data && python3 make-html.py

Self-contained (no ANT): the Arabic text below was written for this test.
Deterministic (gzip mtime 0).  Records, in order:

  warcinfo, request, metadata           skipped: record_type
  utf8-page      200 text/html; charset=utf-8: nav, header, script, style,
                 article with its own header, entities, an obfuscated word
                 (النـ.ار), a "read also" line, footer
  meta-1256      200 text/html, <meta charset=windows-1256>, cp1256 body
  iso-8859-6     200 text/html; charset=iso-8859-6 (header)
  sniffed-1256   200 text/html, nothing declared, cp1256 bytes
  chunked-gzip   200 Transfer-Encoding: chunked + Content-Encoding: gzip
  xhtml-deflate  200 application/xhtml+xml, Content-Encoding: deflate (zlib)
  cc-decoded     200 X-Crawler-Content-Encoding: gzip (Common Crawl stored
                 the body decoded): read as it is
  resource-html  a resource record with Content-Type text/html
  plain-chunked  200 text/plain, chunked
  redirect       301 text/html              skipped: http_status
  image          200 image/jpeg             skipped: content_type
  shift-jis      200 charset=Shift_JIS      skipped: charset
  brotli         200 Content-Encoding: br   skipped: content_encoding
  corrupt-gzip   200 Content-Encoding: gzip, broken stream: bad_body
  no-http        a response without an HTTP header: bad_http
"""
import gzip
import zlib

P1 = ("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، وقال الوزير في مؤتمر "
      "صحفي إن المستشفى يضم مئتي سرير وأقساما للطوارئ والأطفال والجراحة، وإنه سيخدم "
      "أكثر من نصف مليون نسمة في المنطقة والقرى المجاورة لها.")
P2 = ("وأضاف أن العمل في المشروع استمر ثلاث سنوات رغم الصعوبات، وأن الحكومة خصصت "
      "ميزانية إضافية لتدريب الأطباء والممرضين على الأجهزة الحديثة التي وصلت من الخارج "
      "قبل شهرين، مؤكدا أن الخدمة ستكون مجانية لكل المواطنين.")
P3 = "وكانت النـ.ار قد اندلعت في المبنى القديم العام الماضي قبل أن تسيطر عليها فرق الدفاع المدني."


from warclib import warc_record  # noqa: E402


n = [0]


def response(name, body, headers, status="200 OK"):
    n[0] += 1
    http = ("HTTP/1.1 %s\r\n%s\r\n" % (status, "".join(h + "\r\n" for h in headers))).encode()
    return warc_record("response", "http://example.com/%s" % name,
                       "%08d-0000-0000-0000-000000000000" % n[0],
                       "2024-03-01T00:00:%02dZ" % n[0], http + body,
                       "application/http; msgtype=response")


def page(title, paras, charset_meta=""):
    return ("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head>%s<title>%s</title>"
            "<style>p { color: red }</style></head>\n<body><p>%s</p></body></html>\n"
            % (charset_meta, title, "</p>\n<p>".join(paras)))


utf8_page = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>افتتاح مستشفى جديد &#8211; أخبار المدينة</title>
<script>var ads = "<p>إعلان</p>"; if (a < b) {}</script>
<style>.menu > li { float: right }</style>
</head>
<body>
<header class="site"><a href="/">أخبار المدينة</a></header>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">رياضة</a></li></ul></nav>
<!-- <p>تعليق لا يظهر</p> -->
<article>
<header><h1>افتتاح   مستشفى
جديد في المدينة</h1></header>
<p>%s</p>
<p>%s <b>والعلاج</b> <a href="/x" title="a > b">مجاني</a>&nbsp;&amp; متاح&hellip;</p>
<p>%s</p>
<p>اقرأ أيضا:</p>
<ul><li>وزير الصحة يزور المستشفى</li></ul>
</article>
<aside>الأكثر قراءة</aside>
<footer>جميع الحقوق محفوظة &copy; 2024</footer>
</body></html>
""" % (P1, P2, P3)

records = [
    warc_record("warcinfo", "", "00000000-0000-0000-0000-000000000000", "2024-03-01T00:00:00Z",
                "software: make-html.py\r\n", "application/warc-fields"),
    warc_record("request", "http://example.com/utf8-page", "00000000-0000-0000-0000-000000000001",
                "2024-03-01T00:00:00Z", "GET /utf8-page HTTP/1.1\r\n\r\n",
                "application/http; msgtype=request"),
    warc_record("metadata", "http://example.com/utf8-page", "00000000-0000-0000-0000-000000000002",
                "2024-03-01T00:00:00Z", "fetchTimeMs: 1\r\n", "application/warc-fields"),
    response("utf8-page", utf8_page.encode("utf-8"), ["Content-Type: text/html; charset=utf-8"]),
    response("meta-1256", page("صفحة قديمة", [P1], '<meta http-equiv="Content-Type" '
                               'content="text/html; charset=windows-1256">').encode("cp1256"),
             ["Content-Type: text/html"]),
    response("iso-8859-6", page("ترميز آخر", [P2]).encode("iso8859_6"),
             ["Content-Type: text/html; charset=ISO-8859-6"]),
    response("sniffed-1256", page("بلا ترميز", [P3]).encode("cp1256"),
             ["Content-Type: text/html"]),
]

body = gzip.compress(page("مضغوط ومقطع", [P1, P2]).encode("utf-8"), mtime=0)
chunked = b""
for i in range(0, len(body), 100):
    part = body[i:i + 100]
    chunked += b"%x;ext=1\r\n" % len(part) + part + b"\r\n"
chunked += b"0\r\n\r\n"
records.append(response("chunked-gzip", chunked,
                        ["Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked",
                         "Content-Encoding: gzip"]))
records.append(response("xhtml-deflate",
                        zlib.compress(page("إكس إتش تي إم إل", [P2]).encode("utf-8")),
                        ["Content-Type: application/xhtml+xml", "Content-Encoding: deflate"]))
records.append(response("cc-decoded", page("محفوظ بعد فك الضغط", [P3]).encode("utf-8"),
                        ["Content-Type: text/html; charset=UTF-8",
                         "X-Crawler-Content-Encoding: gzip", "X-Crawler-Transfer-Encoding: chunked"]))
records.append(warc_record("resource", "http://example.com/resource-html",
                           "00000000-0000-0000-0000-000000000099", "2024-03-01T00:01:00Z",
                           page("مورد", [P1]), "text/html; charset=utf-8"))
plain = P2.encode("utf-8")
records.append(response("plain-chunked", b"%x\r\n" % len(plain) + plain + b"\r\n0\r\n\r\n",
                        ["Content-Type: text/plain; charset=utf-8", "Transfer-Encoding: chunked"]))
records.append(response("redirect", b"<html><body>Moved <a href=/x>here</a></body></html>",
                        ["Content-Type: text/html", "Location: /x"], "301 Moved Permanently"))
records.append(response("image", b"\xff\xd8\xff\xe0JFIF", ["Content-Type: image/jpeg"]))
records.append(response("shift-jis", b"<p>\x82\xa0</p>", ["Content-Type: text/html; charset=Shift_JIS"]))
records.append(response("brotli", b"\x0b\x02\x80abc", ["Content-Type: text/html", "Content-Encoding: br"]))
records.append(response("corrupt-gzip", b"\x1f\x8b\x08\x00garbage-not-deflate",
                        ["Content-Type: text/html", "Content-Encoding: gzip"]))
n[0] += 1
records.append(warc_record("response", "http://example.com/no-http",
                           "%08d-0000-0000-0000-000000000000" % n[0], "2024-03-01T00:02:00Z",
                           "<html>no status line</html>", "application/http; msgtype=response"))

with open("sample-html.warc", "wb") as f:
    f.write(b"".join(records))
with open("sample-html.warc.gz", "wb") as f:
    f.write(b"".join(gzip.compress(r, mtime=0) for r in records))
