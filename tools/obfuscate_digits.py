#!/usr/bin/env python3
"""Write digits and Latin letters for letters into one word of each of N
lines of a clean Arabic text, the way ads and spam posts do (a study set
for P12, src/restore_digits.c); or score nazif's output on such a set.

  tools/obfuscate_digits.py STYLE TEXT OUT [--seed S] [--n N]
      writes OUT.obf (one word obfuscated a line) and OUT.gold
  tools/obfuscate_digits.py --score OUT.obf OUT.gold CLEANED [-v]
      prints "restored R/N, wrong W, damaged D" (wrong: the word changed
      into another word; damaged: another word of the line changed)

Styles: digit (one Arabizi digit between letters), digit-edge (at the
word's start or end), digit-tat (beside one tatweel), digit2 (two in one
word), indic (Arabic-Indic digits), latin (a Latin letter by shape or
Arabizi), insert (a digit or o put between two letters), start-tat (the
first letter as a digit or Latin letter before a tatweel), end-tat (the
last letter as a digit after a tatweel), tat-leet (a digit between two
tatweels, by Arabizi or as the Latin letter it is drawn like), cipher
(a shop bot's cipher map, one of CIPHER_MAPS a line, applied to every
letter of the map in every word of the line, short words too: 3لى, م3,
ب3د), cipher-mix (the same, each word with even odds, the others left
plain), latin-end (the last letter as the Latin letter that
transliterates it: الحرb, مخدراt).  --half 0 takes the lines from TEXT's first half (tuning), --half
1 from its second (held out).  Lines of 5 to 40 words; the word has 4
Arabic letters or more (cipher styles: any word with a letter of the map).
Scores count obfuscated words.
"""
import random
import re
import sys

from antlib import write_set

AR = re.compile(r'^[\u0621-\u064A]+$')
ARABIZI = {'ع': '3', 'ح': '7', 'خ': '5', 'ط': '6', 'ق': '9', 'ص': '9', 'ء': '2', 'أ': '2',
           'غ': '8', 'ا': '1', 'و': '9', 'ه': '\u0665', 'ة': '\u0665'}
INDIC = {'ع': '\u0663', 'ح': '\u0667', 'ا': '\u0661', 'ه': '\u0665', 'و': '\u0669',
         'ط': '\u0666', 'ء': '\u0662', 'خ': '\u0665'}
LATIN = {'ه': 'o', 'ة': 'o', 'و': 'o', 'ا': 'l', 'ي': 'y', 'س': 's', 'ر': 'r', 'ك': 'k',
         'م': 'm', 'ن': 'n', 'ب': 'b', 'ل': 'l', 'د': 'd', 'ت': 't', 'ف': 'f'}
LATIN_START = {'ط': 't', 'ت': 't', 'س': 's', 'ك': 'k', 'م': 'm', 'ن': 'n', 'ب': 'b', 'ف': 'f',
               'ل': 'l', 'ج': 'j', 'ق': 'q', 'ص': 's', 'ه': 'h', 'ي': 'y'}
LEET = {'س': '5', 'ت': '7', 'ب': '8', 'ل': '1', 'ع': '3', 'ح': '7', 'خ': '5', 'ط': '6',
        'ق': '9', 'ص': '59', 'غ': '8'}
# The maps of shop bots and ad posters: which digit each letter becomes
# (7 for خ and 9 for ض are 7' and 9' with the apostrophe dropped).
CIPHER_MAPS = (
    {'ع': '3', 'ح': '7', 'خ': '5', 'ط': '6', 'ص': '9', 'ق': '8', 'ء': '2', 'أ': '2'},
    {'ع': '3', 'ح': '7', 'خ': '7', 'ص': '9', 'ض': '9', 'ط': '6', 'ظ': '6', 'ق': '9', 'غ': '3'},
    {'ع': '3', 'ح': '7', 'خ': '5', 'ق': '9', 'غ': '8', 'ه': '0', 'ة': '0'},
    {'ع': '3', 'ح': '7', 'ط': '6', 'ا': '1', 'أ': '2', 'ء': '2'},
    {'ع': '3', 'ح': '7', 'ص': '9', 'ه': 'o', 'ة': 'o'},
    {'ع': '3', 'ح': '7', 'خ': '5', 'ض': '9', 'ص': '9', 'ق': '8', 'غ': '8', 'ه': '\u0665', 'ة': '\u0665'},
)
ARL = re.compile(r'[\u0621-\u064A]')
LATIN_END = {'ر': 'r', 'ك': 'k', 'ب': 'b', 'م': 'm', 'ز': 'z', 'ت': 't', 'ط': 't', 'ق': 'q',
             'ن': 'n', 'ل': 'l', 'د': 'd', 'س': 's', 'ف': 'f'}
JOINS = set('بتثجحخسشصضطظعغفقكلمنهيئ')  # letters that join to the next


def obfuscate(style, w, rnd):
    if style == 'start-tat':
        # the first letter as a digit or Latin letter, then a tatweel
        t = rnd.choice((ARABIZI, LATIN_START))
        if w[0] not in t or w[0] not in JOINS:
            return None
        return t[w[0]] + '\u0640' + w[1:]
    if style == 'end-tat':
        # the last letter as a digit after a tatweel (دفـ3)
        if w[-1] not in ARABIZI or w[-2] not in JOINS:
            return None
        return w[:-1] + '\u0640' + ARABIZI[w[-1]]
    if style == 'tat-leet':
        # a letter between two tatweels as a digit by Arabizi or by the
        # Latin letter the digit is drawn like (5 s, 7 t, 8 b, 1 l)
        pos = [p for p in range(1, len(w) - 1)
               if w[p] in LEET and w[p - 1] in JOINS and w[p] in JOINS]
        if not pos:
            return None
        p = rnd.choice(pos)
        return w[:p] + '\u0640' + rnd.choice(LEET[w[p]]) + '\u0640' + w[p + 1:]
    if style == 'latin-end':
        if w[-1] not in LATIN_END:
            return None
        return w[:-1] + LATIN_END[w[-1]]
    if style == 'insert':
        p = rnd.randrange(1, len(w))
        return w[:p] + rnd.choice('0123456789o') + w[p:]
    table = {'indic': INDIC, 'latin': LATIN}.get(style, ARABIZI)
    pos = [p for p, ch in enumerate(w) if ch in table]
    if style == 'digit':
        pos = [p for p in pos if 0 < p < len(w) - 1]
    elif style == 'digit-edge':
        pos = [p for p in pos if p in (0, len(w) - 1)]
    elif style == 'digit-tat':
        pos = [p for p in pos if 0 < p < len(w) - 1 and w[p - 1] in JOINS]
    if not pos or (style == 'digit2' and len(pos) < 2):
        return None
    ps = rnd.sample(pos, 2) if style == 'digit2' else [rnd.choice(pos)]
    out = list(w)
    for p in ps:
        out[p] = ('\u0640' if style == 'digit-tat' else '') + table[w[p]]
    return ''.join(out)


def cipher_line(style, ws, rnd):
    """The words of a line through one cipher map (None: no word changed)."""
    m = rnd.choice(CIPHER_MAPS)
    out, changed = [], 0
    for w in ws:
        if (style == 'cipher-mix' and rnd.random() < 0.5) or re.search(r'[0-9A-Za-z#@_]', w) \
                or not ARL.search(w):
            out.append(w)
            continue
        nw = ''.join(m.get(ch, ch) for ch in w)
        changed += nw != w
        out.append(nw)
    return out if changed else None


def make(style, text, out, seed, n, half=None):
    rnd = random.Random(seed)
    lines = open(text, encoding='utf-8').read().split('\n')
    if half is not None:  # tuning half (0: first half of TEXT) or held-out (1)
        lines = lines[:len(lines) // 2] if half == 0 else lines[len(lines) // 2:]
    rnd.shuffle(lines)
    obf, gold = [], []
    for ln in lines:
        ws = ln.split(' ')
        if not 5 <= len(ws) <= 40:
            continue
        if style.startswith('cipher'):
            nws = cipher_line(style, ws, rnd)
            if nws is None:
                continue
            obf.append(' '.join(nws))
            gold.append(ln)
            if len(obf) >= n:
                break
            continue
        idx = [i for i, w in enumerate(ws) if AR.match(w) and len(w) >= 4]
        if not idx:
            continue
        i = rnd.choice(idx)
        nw = obfuscate(style, ws[i], rnd)
        if nw is None:
            continue
        obf.append(' '.join(ws[:i] + [nw] + ws[i + 1:]))
        gold.append(ln)
        if len(obf) >= n:
            break
    write_set(out, obf, gold)


def score(obf_f, gold_f, out_f, verbose):
    rd = lambda f: open(f, encoding='utf-8').read().split('\n')
    rest = wrong = dmg = tot = 0
    for o, g, r in zip(rd(obf_f), rd(gold_f), rd(out_f)):
        if not o:
            continue
        ow, gw, rw = o.split(' '), g.split(' '), r.split(' ')
        nobf = sum(a != b for a, b in zip(ow, gw))
        tot += nobf
        if len(rw) != len(gw):
            wrong += nobf
            continue
        for a, b, c in zip(ow, gw, rw):
            if a != b:
                if c == b:
                    rest += 1
                elif c != a:
                    wrong += 1
                    if verbose:
                        print('WRONG', a, b, c)
                elif verbose:
                    print('MISS', a, b)
            elif c != b:
                dmg += 1
                if verbose:
                    print('DAMAGED', a, c)
    print('restored %d/%d (%.1f %%), wrong %d, damaged %d' % (rest, tot, 100.0 * rest / max(tot, 1), wrong, dmg))


def main(argv):
    if len(argv) >= 4 and argv[0] == '--score':
        score(argv[1], argv[2], argv[3], '-v' in argv)
        return 0
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 1
    seed, n = 18, 300
    if '--seed' in argv:
        seed = int(argv[argv.index('--seed') + 1])
    if '--n' in argv:
        n = int(argv[argv.index('--n') + 1])
    half = int(argv[argv.index('--half') + 1]) if '--half' in argv else None
    make(argv[0], argv[1], argv[2], seed, n, half)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
