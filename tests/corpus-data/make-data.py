#!/usr/bin/env python3
"""Writes the small corpus-mode test files in this folder (run from here):

  sample.jsonl        JSON Lines: Arabic articles (from ANT, Apache-2.0),
                      one per filter reason, escapes, extra fields, a
                      malformed line, a line without the text field
  sample.wet          WET (plain): warcinfo + conversion records
  sample.wet.gz       the same, one gzip member per record (Common Crawl)
  sample.warc         WARC: request + response (text/plain and text/html)
  truncated.wet.gz    sample.wet.gz cut inside the last member
  truncated.warc      a record whose Content-Length runs past the end
  sample.jsonl.gz     sample.jsonl gzipped (one member)
"""
import gzip, json, os, sys

shared = os.environ.get("NAZIF_SHARED", "../../../shared")
ant = os.path.join(shared, "data/corpus/ant-v1.1.jsonl.gz")
arts = []
with gzip.open(ant, "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        t = d["text"]
        if 1500 < len(t) < 2500 and sum(l.strip().endswith(".") for l in t.split("\n")) >= 4:
            arts.append(d)
        if len(arts) >= 4:
            break

def rec(d, **kw):
    d = dict(d); d.update(kw); return d

docs = []
a0 = arts[0]
docs.append(json.dumps({"id": a0["id"], "url": a0["url"], "text": a0["text"], "n": [1, 2.5e3, None, True]}, ensure_ascii=False))
# obfuscated words, escaped, key order and spacing kept
t1 = arts[1]["text"].replace("التي", "التـ.ـي", 1) + "\nوقف إطلاق النـ.ار"
docs.append('{ "id" : "obf" ,"text":' + json.dumps(t1, ensure_ascii=True) + ' , "tail":"\\u00e9\\ud83d\\ude00"}')
docs.append(json.dumps({"id": "short", "text": "خبر قصير جدا."}, ensure_ascii=False))
docs.append(json.dumps({"id": "english", "text": ("The committee met on Monday to discuss the budget and the new plan for schools. " * 8)}))
docs.append(json.dumps({"id": "persian", "text": ("این یک متن فارسی است که برای آزمایش نوشته شده و در آن کلمه‌های زیادی وجود دارد. " * 6)}, ensure_ascii=False))
docs.append(json.dumps({"id": "urdu", "text": ("یہ ایک اردو متن ہے جو جانچ کے لیے لکھا گیا ہے اور اس میں بہت سے الفاظ ہیں۔ " * 6)}, ensure_ascii=False))
docs.append(json.dumps({"id": "repeat", "text": ("أخبار عاجلة من المدينة اليوم\n" * 30)}, ensure_ascii=False))
docs.append(json.dumps({"id": "empty", "text": ""}))
docs.append('{"id": "bad", "text": "unterminated}')
docs.append(json.dumps({"id": "notext", "body": "x"}))
docs.append(json.dumps({"id": arts[2]["id"], "text": arts[2]["text"]}, ensure_ascii=False))
with open("sample.jsonl", "w", encoding="utf-8") as f:
    f.write("\n".join(docs) + "\n")
with open("sample.jsonl", "rb") as f, open("sample.jsonl.gz", "wb") as g:
    g.write(gzip.compress(f.read(), mtime=0))

from warclib import warc_record  # noqa: E402

wet = [warc_record("warcinfo", "", "00000000-0000-0000-0000-000000000000", "2024-01-01T00:00:00Z",
                   "software: test\r\n", "application/warc-fields")]
for i, a in enumerate([arts[0], arts[3]]):
    wet.append(warc_record("conversion", a["url"], "1111111%d-0000-0000-0000-000000000000" % i,
                           "2024-01-0%dT10:00:00Z" % (i + 1), a["text"], "text/plain"))
wet.append(warc_record("conversion", "http://example.com/en", "22222222-0000-0000-0000-000000000000",
                       "2024-01-03T10:00:00Z", "Skip to content\nHello world, this page is in English only.\n", "text/plain"))
with open("sample.wet", "wb") as f:
    f.write(b"".join(wet))
members = [gzip.compress(r, mtime=0) for r in wet]
with open("sample.wet.gz", "wb") as f:
    f.write(b"".join(members))
with open("truncated.wet.gz", "wb") as f:
    data = b"".join(members)
    f.write(data[: len(data) - len(members[-1]) // 2])

http = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + arts[3]["text"])
html = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>x</p></body></html>"
warc = [warc_record("request", "http://example.com/a", "33333333-0000-0000-0000-000000000000",
                    "2024-02-01T00:00:00Z", "GET /a HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
        warc_record("response", "http://example.com/a", "44444444-0000-0000-0000-000000000000",
                    "2024-02-01T00:00:01Z", http, "application/http; msgtype=response"),
        warc_record("response", "http://example.com/b", "55555555-0000-0000-0000-000000000000",
                    "2024-02-01T00:00:02Z", html, "application/http; msgtype=response")]
with open("sample.warc", "wb") as f:
    f.write(b"".join(warc))
with open("truncated.warc", "wb") as f:
    data = b"".join(warc[:2])
    f.write(data[:-200])
