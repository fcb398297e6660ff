#!/usr/bin/env python3
"""Write the seeds of fuzz/fuzz_extract.c into fuzz/corpus/extract/ that
fuzz/corpus/html/ (copied beside them) does not have: article pages with
furniture, JSON-LD, deep nesting, tag soup.  Same 2-byte header as the
html seeds (byte 0: bit 0 NAZIF_HTML_TITLE | content-type index << 2;
byte 1: where to cut the output for the prefix property, /256).
Written for nazif; run from the repository root (deterministic).
"""
import os

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
d = os.path.join(top, "fuzz", "corpus", "extract")
os.makedirs(d, exist_ok=True)
para = "The council approved the budget on Tuesday, after a long debate about schools and roads. "
arp = "قال المتحدث إن المستشفى الجديد سيفتح أبوابه للمرضى في الأسبوع المقبل، بعد اكتمال البناء. "
seeds = {
 'x-article': (b'\x01\x80', ('<html><head><title>T</title><meta property="og:title" content="Head &amp; line">'
   '<meta name=author content="A. Writer"><script type="application/ld+json">{"headline":"J\\u00e9","datePublished":"2024-01-02",'
   '"author":{"name":"N"}}</script></head><body><nav><a href=/>Home</a></nav><div class="article-body"><h1>Head</h1>'
   '<p>' + para * 3 + '</p><div class=share><a>f</a></div><p>' + para + '</p><ul class=related><li><a href=/x>Other</a></ul>'
   '</div><footer>c</footer></body></html>').encode()),
 'x-arabic-1256': (b'\x09\x40', b'<div class="news-details"><p>' + (arp * 2).encode('cp1256') + b'</p><p>' + arp.encode('cp1256') + b'</p></div><div class=menu><a>\xc7</a></div>'),
 'x-deep': (b'\x00\x99', b'<div>' * 3000 + ('<p>' + para + '</p>').encode() * 2 + b'</div>' * 10),
 'x-soup': (b'\x00\x30', ('<table><tr><td><p>' + para + '<td><li>x<li>y<dd>z<dt>w<p>' + para + '</b></i></table></a><a><a>q<h2><h3>h</p></p>').encode()),
 'x-jsonld-bad': (b'\x00\x80', b'<script type="application/ld+json">{"headline":"\\ud800\\u","author":{"name":{"name":{"name":"'),
 'x-br-1256': (b'\x05\x70', b'<meta charset=windows-1256><table><tr><td class="\xc7\xe1\xe3\xca\xe4">' + (arp.encode('cp1256') + b'<br><br>') * 4 +
   b'<div class="\xe3\xde\xc7\xe1\xc7\xca-\xd0\xc7\xca-\xd5\xe1\xc9"><a>x</a></div></td><td class="\xca\xda\xe1\xed\xde">' +
   (arp.encode('cp1256') + b'<br>') * 3 + b'</td></tr></table><script type=application/ld+json>{"author":[{"name":"\xda\xe1\xed"}]}</script>'),
 'x-itemprop': (b'\x01\x50', ('<div style="display:none" itemscope><h1 itemprop=name>H</h1><div itemprop=datePublished>2019-11-19</div>'
   '<div itemprop=image itemscope><div itemprop=url>https://e/a.jpg</div><div itemprop=width><div itemprop=value>5</div></div></div>'
   '<div itemprop=articleBody>' + para * 3 + '</div></div><div class=comments><div class=comment><div class=content>' +
   (para + '<br>') * 8 + '</div></div></div><div class="elementor-widget-theme-post-content field--label-hidden"><p>' + para + '</p></div>').encode()),
 'x-hidden': (b'\x01\x10', ('<div><p hidden>' + para + '</p><p style="display:none">' + para + '</p><p aria-hidden=true>x</p><p>' + para * 2 + '</p></div>').encode()),
}
for name, (hdr, body) in seeds.items():
    with open(os.path.join(d, name), "wb") as f:
        f.write(hdr + body)
