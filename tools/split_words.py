#!/usr/bin/env python3
"""Study set for words split by a space (rule P17, docs/patterns.md "A
common join"): ANT lines as carriers, one word of four Arabic letters or
more split once at a random inner position.

  tools/split_words.py SEED N OUT [MODE] [HALF] [TEXT]
      writes OUT.obf (the split word) and OUT.gold (the line as written).
      MODE nj (default): after a letter that does not join the next one
      (ء آ أ ؤ إ ا د ذ ر ز و: the space does not show); any: any inner
      position; letters: the whole word (three letters or more) written
      letter by letter with single spaces (ب ي ت ه); fa: a word with ي,
      ك or a final ة typed as on a Persian keyboard, ی ک and a final ه
      (الحکومه).  HALF 0 (tuning, default) or 1 (held-out): the lines whose
      crc32 is even or odd, so the halves share no line.  TEXT defaults to
      ANT's article texts (../shared/data/corpus/ant-v1.1.jsonl.gz, or a text file).
  tools/split_words.py --score OBF GOLD OUT
      GOLD and OUT both as `nazif clean` writes them (so that what other
      rules do to the carrier line counts on neither side): restored (OUT
      is GOLD), left, joined wrongly (as many words as GOLD, not GOLD),
      lines with fewer words than GOLD (a join of two real words).

Deterministic; Python standard library only.
"""
import random
import re
import sys
import zlib


from antlib import ANT, read_lines, write_set


AR = re.compile(r'^[\u0621-\u064A]+$')
NON_JOINING = set('ءآأؤإادذرزو')


def generate(seed, n, out, mode='nj', half=0, text=ANT):
    r = random.Random(seed)
    lines = read_lines(text)
    r.shuffle(lines)
    obf, gold = [], []
    for ln in lines:
        ws = ln.split(' ')
        if not 6 <= len(ws) <= 40 or zlib.crc32(ln.encode()) % 2 != half:
            continue
        idx = [i for i, w in enumerate(ws) if AR.match(w) and len(w) >= (3 if mode == 'letters' else 4)]
        r.shuffle(idx)
        for i in idx:
            w = ws[i]
            if mode in ('letters', 'fa'):
                if mode == 'letters':
                    o = ' '.join(w)
                else:
                    o = w.replace('ي', 'ی').replace('ك', 'ک')
                    if o.endswith('ة'):
                        o = o[:-1] + 'ه'
                    if o == w or ('ی' not in o and 'ک' not in o):
                        continue
                obf.append(' '.join(ws[:i] + [o] + ws[i + 1:]))
                gold.append(ln)
                break
            pos = [p for p in range(1, len(w)) if mode == 'any' or w[p - 1] in NON_JOINING]
            if not pos:
                continue
            p = r.choice(pos)
            obf.append(' '.join(ws[:i] + [w[:p] + ' ' + w[p:]] + ws[i + 1:]))
            gold.append(ln)
            break
        if len(obf) >= n:
            break
    write_set(out, obf, gold)


def score(obf, gold, out):
    O = open(obf, encoding='utf-8').read().split('\n')
    G = open(gold, encoding='utf-8').read().split('\n')
    R = open(out, encoding='utf-8').read().split('\n')
    ok = left = wrong = fewer = total = 0
    for a, g, c in zip(O, G, R):
        if not a:
            continue
        total += 1
        cw, gw = c.split(' '), g.split(' ')
        if c == g:
            ok += 1
        elif len(cw) < len(gw):
            fewer += 1
        elif len(cw) == len(gw):
            wrong += 1
        else:
            left += 1
    print(f'restored {ok}/{total} ({100 * ok / total:.1f} %), left {left}, '
          f'joined wrongly {wrong}, fewer words than gold {fewer}')


if __name__ == '__main__':
    a = sys.argv[1:]
    if a and a[0] == '--score':
        score(a[1], a[2], a[3])
    else:
        generate(int(a[0]), int(a[1]), a[2], a[3] if len(a) > 3 else 'nj',
                 int(a[4]) if len(a) > 4 else 0, a[5] if len(a) > 5 else ANT)
