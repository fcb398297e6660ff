"""tests/scalar/mixdocs.py N SEED: N JSON Lines documents that exercise
every branch of the filters' pass over the text (src/filters.c): Arabic
words with and without harakat, Persian and Urdu letters, every code point
of U+0600..U+06FF, Latin, digits, odd white space (tabs, NBSP, U+2003,
U+3000, CRLF, U+2028), ellipses, '#', words of 1..20 letters against the
32-byte blocks, repeated lines, paragraphs and n-grams."""
import json
import random
import sys

n, seed = int(sys.argv[1]), int(sys.argv[2])
r = random.Random(seed)
ar = [chr(c) for c in range(0x0621, 0x064B)]
marks = [chr(c) for c in range(0x064B, 0x0653)]
fa, ur = list("پچژگکی"), list("ٹڈڑںےۓھ")
block = [chr(c) for c in range(0x0600, 0x0700)]
other = list("abcXYZ0123456789.#\u2026!?-*\u2022\u060c\u061b\u061f\"'\u00bb\u201d") + [
    "\u00a0", "\u2003", "\t", "\u3000", "\u0640", "\u200c", "\ufefb", "\u0750", "\u08a0",
    "\u00e9", "\u0436", "\U0001F600"]
pools = [(0.6, ar + marks[:2]), (0.7, ar + fa), (0.75, ar + ur), (0.85, block), (1.0, ar + other)]
seps = [" "] * 30 + ["  ", "\n", "\n\n", " \n", "\t", "\u00a0", "...", " ... ", "\r\n", "\u2028"]


def word():
    k = r.random()
    pool = next(p for lim, p in pools if k < lim)
    return "".join(r.choice(pool) for _ in range(r.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 17, 20])))


for d in range(n):
    ws = [word() for _ in range(r.choice([5, 30, 60, 120, 300]))]
    if r.random() < 0.3:
        ws += ws[:r.randint(2, 12)] * r.randint(1, 6)
    t = "".join(w + r.choice(seps) for w in ws)
    if r.random() < 0.2:
        lines = t.split("\n")
        t = "\n".join(lines + lines[:3])
    sys.stdout.write(json.dumps({"id": str(d), "text": t}, ensure_ascii=False) + "\n")
