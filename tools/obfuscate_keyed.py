#!/usr/bin/env python3
"""A study set for the keyed-line rule (P15): lines drawn by a decoration
tool's letter map, each letter X written everywhere on the line as the
same Y (X with a sukun, a shadda, a tatweel, a tatweel and a haraka; every
ا as أّ, آ or اّ), a random map per line, on ANT lines; or score nazif's
output on such a set.

  tools/obfuscate_keyed.py make SEED N OUT [TEXT]
      writes OUT.obf and OUT.gold (the line as ANT has it)
  tools/obfuscate_keyed.py score OUT.obf OUT.gold CLEANED GOLDCLEANED [-v]
      CLEANED is nazif's output on OUT.obf, GOLDCLEANED its output on
      OUT.gold: a decorated word is restored when it comes out as its
      line's word does from the plain line; a plain word is damaged when
      it comes out otherwise.

SEED: even seeds take lines from TEXT's first half (tuning), odd seeds
from its second half (held out).  Lines of 6 to 30 words with no haraka
or tatweel; two to four letters mapped (each with four or more
occurrences on the line), and the alef in two lines of five.
"""
import random
import re
import sys

from antlib import ANT, read_lines

TAT = '\u0640'
SUK, SHAD = '\u0652', '\u0651'
FATHA, DAMMA, KASRA = '\u064E', '\u064F', '\u0650'
NONJOIN = set('اأإآدذرزوؤءةى')
POOL = 'نملوريتبهعسشكفقدحجص'
APP_JOIN = [SUK, SHAD, TAT, TAT + DAMMA, TAT + KASRA, TAT + SHAD, TAT + FATHA, TAT + SUK, SUK, SHAD]
APP_NONJOIN = [SUK, SHAD, SHAD, SUK]
ALEF = ['أّ', 'آ', 'اّ', 'أ' + SUK]


def line_ok(l):
    w = l.split()
    return 6 <= len(w) <= 30 and not re.search('[\u064B-\u0652\u0640]', l) and \
        len(re.findall('[\u0621-\u064A]', l)) >= 0.6 * len(l.replace(' ', ''))


def make(seed, n, out, text):
    rnd = random.Random(seed)
    lines = [l for l in read_lines(text) if line_ok(l)]
    half = len(lines) // 2
    lines = lines[:half] if seed % 2 == 0 else lines[half:]
    rnd.shuffle(lines)
    obf, gold = [], []
    for l in lines:
        if len(obf) >= n:
            break
        words = l.split()
        cand = []
        for c in POOL:
            occ = l.count(c)
            nw = sum(1 for w in words if c in w)
            if occ >= 4 and nw >= 3:
                cand.append(c)
        if len(cand) < 2:
            continue
        k = rnd.randint(2, min(4, len(cand)))
        mp = {}
        for c in rnd.sample(cand, k):
            mp[c] = c + rnd.choice(APP_NONJOIN if c in NONJOIN else APP_JOIN)
        if rnd.random() < 0.4 and l.count('ا') >= 4:
            mp['ا'] = rnd.choice(ALEF)
        o = ''.join(mp.get(c, c) for c in l)
        obf.append(o)
        gold.append(l)
    with open(out + '.obf', 'w', encoding='utf-8') as f:
        f.write('\n'.join(obf) + '\n')
    with open(out + '.gold', 'w', encoding='utf-8') as f:
        f.write('\n'.join(gold) + '\n')


def score(obf_f, gold_f, out_f, gout_f, verbose):
    rd = lambda f: open(f, encoding='utf-8').read().split('\n')
    rest = miss = dmg = clean = bad_lines = 0
    for o, g, r, gr in zip(rd(obf_f), rd(gold_f), rd(out_f), rd(gout_f)):
        if not o:
            continue
        ow, gw, rw, grw = o.split(), g.split(), r.split(), gr.split()
        if not (len(ow) == len(gw) == len(rw) == len(grw)):
            bad_lines += 1
            miss += sum(1 for a, b in zip(ow, gw) if a != b)
            if verbose:
                print('ALIGN\t' + o + '\t' + r)
            continue
        for a, b, c, d in zip(ow, gw, rw, grw):
            if a != b:
                if c == d:
                    rest += 1
                else:
                    miss += 1
                    if verbose:
                        print('MISS\t%s\t%s\t%s' % (a, d, c))
            else:
                clean += 1
                if c != d:
                    dmg += 1
                    if verbose:
                        print('DAMAGED\t%s\t%s' % (d, c))
    tot = rest + miss
    print('restored %d/%d (%.1f %%); clean words damaged %d of %d; lines not aligned %d' % (
        rest, tot, 100.0 * rest / max(tot, 1), dmg, clean, bad_lines))


def main(argv):
    if len(argv) >= 4 and argv[0] == 'make':
        make(int(argv[1]), int(argv[2]), argv[3], argv[4] if len(argv) > 4 else ANT)
    elif len(argv) >= 5 and argv[0] == 'score':
        score(argv[1], argv[2], argv[3], argv[4], '-v' in argv)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
