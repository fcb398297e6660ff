#!/usr/bin/env python3
"""refs.py DRIVER -- character references of nazif_html_to_text() against
Python's html.unescape (the HTML5 algorithm for text: named references
with the legacy names that match without ';', longest match first;
numeric references with HTML5's replacements for 0, surrogates, values
past U+10FFFF and the windows-1252 range 0x80-0x9F).

30,000 random references (fixed seed) in three groups: names from
html.entities.html5 (sometimes followed by more letters, digits or ';'),
numbers around the edge cases, and junk after '&'.  Known, specified
differences are folded before comparing: nazif turns white space into a
collapsed space and drops C0 controls (it writes text lines), keeps
noncharacters and C1 controls (HTML5 keeps them; Python drops them).
Prints "html: N passed, M failed", one test per group.
"""
import html
import html.entities
import random
import re
import subprocess
import sys

random.seed(20240301)
names = sorted(html.entities.html5.keys())
groups = {"named": [], "numeric": [], "junk": []}
for _ in range(10000):
    s = "&" + random.choice(names)
    if random.random() < 0.3:
        s += random.choice(["x", "1", ";", "Z", "a"])
    groups["named"].append("q" + s + "q")
    v = random.choice([0, 1, 9, 10, 13, 31, 65, 127, 128, 129, 141, 150, 159, 160, 1575,
                       0xD800, 0xDFFF, 0xFFFE, 0x10FFFF, 0x110000, 10 ** 12,
                       random.randrange(0x110000)])
    s = "&#" + (("x%x" if random.random() < 0.5 else "%d") % v)
    if random.random() < 0.7:
        s += ";"
    s += random.choice(["", "a", "9", ";"])
    groups["numeric"].append("q" + s + "q")
    s = "&" + "".join(random.choice("abcdefgxyzAEIOU0123;#") for _ in range(random.randint(0, 8)))
    groups["junk"].append("q" + s + "q")


def nonchar(ch):
    o = ord(ch)
    return 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE


passed = failed = 0
for name, cases in groups.items():
    inp = "\n".join(cases) + "\n"
    res = subprocess.run([sys.argv[1]], input=inp.encode(), capture_output=True, check=True)
    out = res.stdout.decode("utf-8").split("\n")
    bad = 0
    for c, o in zip(cases, out):
        e = re.sub("[\t\n\r\x0c\xa0 ]+", " ", html.unescape(c))
        e = "".join(ch for ch in e if not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F))
        o = "".join(ch for ch in o if not nonchar(ch) and not 0x7F <= ord(ch) <= 0x9F)
        if o != e:
            bad += 1
            if bad <= 5:
                print("%s: %r -> %r, html.unescape: %r" % (name, c, o, e))
    if len(out) < len(cases):
        bad += 1
    print("%s: %d references, %d differ" % (name, len(cases), bad))
    if bad:
        failed += 1
    else:
        passed += 1
print("html: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
