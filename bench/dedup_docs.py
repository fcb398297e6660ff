#!/usr/bin/python3
"""dedup_docs.py N OUT [SEED] -- N synthetic JSON Lines documents for
measuring `nazif dedup`'s memory (bench/dedup_mem.sh).

Each document has a distinct id ("s" + 9 digits, as in a real crawl's
short ids), and a text of 20 to 60 words drawn from a fixed vocabulary of
4,000 generated Arabic words in 1 to 4 lines.  One document in 20 is a
copy of an earlier one and one in 20 a near copy (one word in ten
replaced), so that the exact and near-duplicate tables hold clusters as in
a real corpus.  The same N and SEED give the same bytes."""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
letters = [chr(c) for c in range(0x0628, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
vocab = sorted({"".join(rnd.choice(letters) for _ in range(rnd.randint(2, 8))) for _ in range(4000)})
keep = []  # recent documents, for copies
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        r = rnd.random()
        if keep and r < 0.05:
            words = list(rnd.choice(keep))
        elif keep and r < 0.10:
            words = [rnd.choice(vocab) if rnd.random() < 0.1 else w for w in rnd.choice(keep)]
        else:
            words = [rnd.choice(vocab) for _ in range(rnd.randint(20, 60))]
            if len(keep) < 1000:
                keep.append(words)
            else:
                keep[rnd.randrange(1000)] = words
        cut = sorted(rnd.sample(range(1, len(words)), rnd.randint(0, 3)))
        lines, a = [], 0
        for c in cut + [len(words)]:
            lines.append(" ".join(words[a:c]))
            a = c
        text = "\\n".join(lines)
        f.write('{"id": "s%09d", "text": "%s"}\n' % (i, text))
