#!/usr/bin/env python3
"""Write the seed corpus of fuzz/fuzz_html.c into fuzz/corpus/html/.

Each file starts with the 2-byte header the target reads: byte 0 = flags
(bit 0 NAZIF_HTML_TITLE, bit 1 KEEP_FURNITURE) | content-type index << 2,
byte 1 = where to cut the output buffer for the prefix property (/256).
The rest is HTML written for this corpus (utf8-article comes from
tests/corpus-data/sample-html.warc, written by make-html.py).
Run from the repository root: python3 fuzz/corpus/make_html_seeds.py
(deterministic; rewrites the files).
"""
import os

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
d = os.path.join(top, "fuzz", "corpus", "html")
os.makedirs(d, exist_ok=True)
warc = open(os.path.join(top, "tests", "corpus-data", "sample-html.warc"), "rb").read()
article = warc.split(b"\r\n\r\n<!DOCTYPE html>", 1)[1].split(b"</html>", 1)[0]
seeds = {
 'utf8-article': (b'\x01\x80', article),
 'meta-1256': (b'\x00\x40', '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>ÕÝÍÉ</title></head><body><p>'.encode('latin1') + 'السلام عليكم ورحمة الله'.encode('cp1256') + b'</p></body></html>'),
 'meta-charset-quoted': (b'\x00\x20', b"<meta CHARSET='iso-8859-6'><p>\xc7\xe1\xd3\xe1\xc7\xe3 \xa1 \xac</p>"),
 'http-1256': (b'\x08\xff', '<p>'.encode() + 'مرحبا بكم في الموقع'.encode('cp1256') + b'<br>\x81\x8a\xaa</p>'),
 'latin1': (b'\x10\x10', b'<p>caf\xe9 &euro; \x80\x9f</p>'),
 'unsupported': (b'\x14\x80', b'<p>\x82\xa0\x82\xa2</p>'),
 'utf16-bom': (b'\x00\x80', b'\xff\xfe<\x00p\x00>\x00'),
 'entities': (b'\x01\x77', b'&amp;&lt;&gt;&quot;&apos;&nbsp;&copy2024&notin;&notit;&NotEqualTilde;&#0;&#x0;&#1575;&#x644;&#128;&#x9f;&#xD800;&#1114112;&#99999999999;&#;&#x;&foo;&'),
 'furniture': (b'\x00\x99', b'<header>h</header><nav>n<nav>n2</nav></nav><article><header><h1>T</h1></header><p>x</p><footer>f</footer></article><aside>a</aside><footer>F</footer><form><p>in form</p><select><option>o</select><button>b</button></form>'),
 'unclosed-nav': (b'\x00\x50', b'<p>before</p><nav><p>menu</p><div>body</div><svg><p>s'),
 'raw-text': (b'\x01\x60', b'<title>a &amp; b</title><script>if (a</b) x="</scrip"</script ><style>x</STYLE><noscript>n</noscript><iframe>i</iframe><textarea><p>t</textarea><xmp><b></xmp>ok'),
 'comments': (b'\x00\x30', b'a<!---->b<!-->c<!--->d<!-- x --!>e<!DOCTYPE html><?php echo 1 ?><![CDATA[x]]>f</>g</ x>h<!-- never closed'),
 'pre': (b'\x00\xc0', b'<pre>\n  a  b\r\n\r\n\tc</pre>d   e<listing> x  y </listing>'),
 'attrs': (b'\x00\x44', b'<a href="x>y" title=\'>\' data-x=a>b c=d e>link</a><p <b>x</p><a href="never closed>z'),
 'malformed-lt': (b'\x00\x88', b'3 < 5 <= 6 <\xd8\xa7> a<'),
 'nul-controls': (b'\x00\x80', b'a\x00b<p\x00>c\x01\x0bd\x7f'),
 'invalid-utf8': (b'\x04\xf0', b'<p>\xd8\xa7\xff\xc0\xaf\xe0\x80\xed\xa0\x80\xf4\x90\x80\x80\xd8</p>'),
 'truncated-tag': (b'\x00\x80', b'<p>text</p><div class="a'),
 'svg-selfclose': (b'\x00\x80', b'x<svg/>y<svg><script/>s</svg>z<math><mi>m</mi></math>w'),
 'empty': (b'\x00\x00', b''),
 'blocks': (b'\x00\xaa', b'<ul><li>a<li>b</ul><table><tr><td>1<td>2</table>l1<br>l2<br/><br />l3<hr>x<h1>h</h1><p>p1<p>p2</P id=x>'),
}
for name, (hdr, body) in sorted(seeds.items()):
    with open(os.path.join(d, name), "wb") as f:
        f.write(hdr + body)
