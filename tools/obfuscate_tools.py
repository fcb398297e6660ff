#!/usr/bin/env python3
"""Obfuscate words of a clean Arabic text in the schemes public obfuscation
tools use ("tashfeer" anti-censorship tools, "zakhrafa" decoration tools,
shop-listing bots), as a study set for P14/P15/P5/P17; or score nazif's
output on such a set.  Written from the schemes' facts (which letter stands
for which), not from any tool's code or tables.

  tools/obfuscate_tools.py make STYLE MODE SEED N OUT [TEXT]
      writes OUT.obf and OUT.gold (TEXT defaults to ANT's article texts (../shared/data/corpus/ant-v1.1.jsonl.gz))
  tools/obfuscate_tools.py score OUT.obf OUT.gold CLEANED [-v]
      prints restored / wrong / partial / unchanged of the obfuscated
      words and the clean words damaged; -v prints each miss with its
      class (unchanged, partial, wrong, hamza).

STYLE:
  ext      one to three letters drawn with look-alikes of the extended
           Arabic blocks (a tashfeer tool: ڪ for ك, ۉ for و, ڵ for ل ...)
  harakat  look-alikes and a haraka (or tanween, sukun, shadda) on one
           to all of the word's letters (a zakhrafa tool)
  marks    look-alikes and combining marks (Quranic small marks, Latin
           combining marks, U+0489) on letters
  punct    one punctuation mark inside the word, no tatweel (. , - _ ' *
           : ! ? / |); a shop bot's
  split    the word split by a space
  zakh     a decoration tool's mix: look-alikes, tatweel after joining
           letters, harakat on the tatweel or the letter
  oddmark  one or two harakat no spelling puts there on a plain word:
           tanween before another letter, two vowels on one letter, a
           vowel on an alef inside the word, sukun on the first letter
  forum    forum decoration: ے for a final ي, ؏ for a final ع (a word
           ending in one of them)
  artmark  `"` between two letters, `*` or `'` right after the article,
           or ه for a final ة
  latin    one Latin letter inside the word for an Arabic letter of like
           shape or sound (ضحاyا, o for ه or ة)
MODE: sent (two words of a line of 5 to 40 words), short (one word of a
phrase of two to four words), solo (a word alone on its line).
SEED: even seeds take lines from TEXT's first half (tuning), odd seeds from
its second half (held out).  Words of three Arabic letters or more.
"""
import random
import re
import sys


from antlib import study_lines, write_set, study_main


AR = re.compile(r'^[\u0621-\u064A]+$')
T = '\u0640'
JOINS = set('بتثجحخسشصضطظعغفقكلمنهيئ')
# Look-alikes the tools draw a letter with (the letter's body, other dots or
# marks); one list a letter, the commoner first.
LOOK = {
    'ا': 'ٱٲٳﭐ', 'أ': 'ٲٵ', 'إ': 'ٳ', 'ب': 'ٻڀݕٮ', 'ت': 'ټٺٽٿݓ', 'ث': 'ٿݖ',
    'ج': 'ڃڄڇ', 'ح': 'ځڂݮ', 'خ': 'څݗ', 'د': 'ډڊڍݚ', 'ذ': 'ڏڈ', 'ر': 'ڒڔړږࢪ',
    'ز': 'ڗڙژ', 'س': 'ڛښݜ', 'ش': 'ڜۺ', 'ص': 'ڝڞ', 'ض': 'ۻڞ', 'ط': 'ڟࢣ',
    'ظ': 'ڟ', 'ع': '؏ڠݝ', 'غ': 'ڠۼ', 'ف': 'ڢڣڦڥ', 'ق': 'ڧڨٯ',
    'ك': 'ڪڬڭڮݣکگ', 'ل': 'ڵڶڷڸ', 'م': 'ݥݦࢧ', 'ن': 'ڼڹڻڽݧ', 'ه': 'ۿہھە',
    'و': 'ۉۆۅۋۊۏۄ', 'ي': 'ێېۑیۍ', 'ى': 'ۍی', 'ة': 'ۃۀ',
}
HARAKAT = '\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d'
MARKS = ('\u06ea\u06eb\u06ec\u06e7\u06e8\u0670\u0656\u0657\u0615\u0618'
         '\u06d8\u06e2\u0300\u0301\u0303\u0308\u0323\u0324\u0325\u0328'
         '\u0489\u0332\u0330')
TANWEEN = '\u064b\u064c\u064d'
VOWELS = '\u064e\u064f\u0650'
SUKUN = '\u0652'
# Latin letters drawn for an Arabic letter (shape or Arabizi sound)
LATIN = {
    'ي': 'yiy', 'ى': 'y', 'ه': 'oh', 'ة': 'o', 'و': 'ow', 'ا': 'lIa',
    'ب': 'b', 'ت': 't', 'د': 'd', 'ر': 'r', 'ز': 'z', 'س': 's', 'ف': 'f',
    'ك': 'k', 'ل': 'lJ', 'م': 'm', 'ن': 'n', 'ع': 'e', 'ج': 'j', 'غ': 'g',
}
PUNCT = ['.', ',', '-', '_', "'", '*', ':', '!', '?', '/', '|', '،', '؛', '"']


def look(w, rnd, k):
    pos = [i for i, c in enumerate(w) if c in LOOK]
    if not pos:
        return None
    out = list(w)
    for i in rnd.sample(pos, min(k, len(pos))):
        out[i] = rnd.choice(LOOK[w[i]])
    return out


def obfuscate(style, w, rnd):
    if style == 'ext':
        out = look(w, rnd, rnd.choice((1, 1, 2, 3)))
        return ''.join(out) if out else None
    if style in ('harakat', 'marks'):
        out = look(w, rnd, rnd.choice((0, 1, 2)))
        if out is None:
            out = list(w)
        pool = HARAKAT if style == 'harakat' else MARKS
        n = len(out)
        k = n if rnd.random() < 0.3 else rnd.randint(1, min(3, n))
        for i in sorted(rnd.sample(range(n), k), reverse=True):
            m = rnd.choice(pool)
            if style == 'marks' and rnd.random() < 0.3:
                m += rnd.choice(pool)
            out[i] = out[i] + m
        return ''.join(out)
    if style == 'punct':
        p = rnd.randrange(1, len(w))
        return w[:p] + rnd.choice(PUNCT) + w[p:]
    if style == 'split':
        p = rnd.randrange(1, len(w))
        if w[:p] == 'ال' or w[:p] in 'وب':
            return None
        return w[:p] + ' ' + w[p:]
    if style == 'zakh':
        out = look(w, rnd, rnd.choice((1, 2, 3))) or list(w)
        res = []
        for i, c in enumerate(out):
            res.append(c)
            if i < len(out) - 1 and w[i] in JOINS and rnd.random() < 0.5:
                res.append(T)
                if rnd.random() < 0.4:
                    res.append(rnd.choice(HARAKAT[:6]))
                if rnd.random() < 0.5:
                    res.append(T)
            elif rnd.random() < 0.2:
                res.append(rnd.choice(HARAKAT[:6]))
        return ''.join(res)
    if style == 'oddmark':
        return oddmark(w, rnd)
    if style == 'forum':
        if w[-1] == 'ي':
            return w[:-1] + 'ے'
        if w[-1] == 'ع':
            return w[:-1] + '؏'
        return None
    if style == 'artmark':
        kinds = ['quote']
        if w.startswith('ال') and len(w) >= 5:
            kinds.append('art')
        if w.endswith('ة'):
            kinds.append('heh')
        k = rnd.choice(kinds)
        if k == 'art':
            return 'ال' + rnd.choice("*'") + w[2:]
        if k == 'heh':
            return w[:-1] + 'ه'
        # not after a one-letter proclitic (و"قال opens a quotation)
        p = rnd.randrange(2, len(w))
        return w[:p] + '"' + w[p:]
    if style == 'latin':
        pos = [i for i, c in enumerate(w) if c in LATIN and 0 < i]
        if not pos:
            return None
        i = rnd.choice(pos)
        return w[:i] + rnd.choice(LATIN[w[i]]) + w[i + 1:]
    raise SystemExit('unknown style ' + style)


def oddmark(w, rnd):
    """One or two marks no spelling puts on the plain word w."""
    out = list(w)
    n = len(w)
    for _ in range(rnd.choice((1, 1, 1, 2))):
        kinds = ['tanween', 'stack', 'sukun1']
        inner_alef = [i for i in range(1, n) if w[i] == 'ا']
        if inner_alef:
            kinds.append('alef')
        k = rnd.choice(kinds)
        if k == 'tanween':
            i = rnd.randrange(0, n - 1)
            out[i] += rnd.choice(TANWEEN)
        elif k == 'stack':
            i = rnd.randrange(0, n)
            a, b = rnd.sample(VOWELS, 2)
            out[i] += a + b
        elif k == 'sukun1':
            out[0] += SUKUN
        else:
            out[rnd.choice(inner_alef)] += rnd.choice(VOWELS)
    return ''.join(out)


def make(style, mode, seed, n, out, text):
    rnd = random.Random(seed * 7919 + sum(map(ord, style + mode)))
    lines = study_lines(text, seed, rnd)
    obf, gold = [], []
    for ln in lines:
        ws = ln.split(' ')
        if not 5 <= len(ws) <= 40:
            continue
        idx = [i for i, w in enumerate(ws) if AR.match(w) and len(w) >= 3]
        if mode == 'solo':
            if not idx:
                continue
            ws = [ws[rnd.choice(idx)]]
            idx = [0]
        elif mode == 'short':
            k = rnd.randint(2, 4)
            runs = [i for i in range(len(ws) - k + 1)
                    if all(AR.match(x) for x in ws[i:i + k])]
            if not runs:
                continue
            s = rnd.choice(runs)
            ws = ws[s:s + k]
            idx = [i for i, w in enumerate(ws) if len(w) >= 3]
        if not idx:
            continue
        pick = rnd.sample(idx, min(2 if mode == 'sent' else 1, len(idx)))
        nw = list(ws)
        ok = True
        for i in pick:
            o = obfuscate(style, ws[i], rnd)
            if o is None or o == ws[i]:
                ok = False
                break
            nw[i] = o
        if not ok:
            continue
        # a tab marks the obfuscated words' places for the scorer
        obf.append(' '.join(nw))
        gold.append(' '.join(ws) + '\t' + ','.join(map(str, sorted(pick))))
        if len(obf) >= n:
            break
    write_set(out, obf, gold)


def strip_hamza(w):
    return w.translate(str.maketrans('أإآ', 'ااا'))


def klass(o, g, r):
    if r == g:
        return 'restored'
    if r == o:
        return 'unchanged'
    if AR.match(r):
        return 'hamza' if strip_hamza(r) == strip_hamza(g) else 'wrong'
    return 'partial'


def score(obf_f, gold_f, out_f, verbose):
    rd = lambda f: open(f, encoding='utf-8').read().split('\n')
    cnt = {'restored': 0, 'unchanged': 0, 'partial': 0, 'wrong': 0, 'hamza': 0}
    dmg = clean = 0
    for o, gl, r in zip(rd(obf_f), rd(gold_f), rd(out_f)):
        if not o:
            continue
        g, pick = gl.split('\t')
        pick = set(map(int, pick.split(',')))
        gw, rw = g.split(' '), r.split(' ')
        # obfuscated tokens by gold word (a split word is two tokens)
        ow, k = [], 0
        otoks = o.split(' ')
        for i, w in enumerate(gw):
            if i in pick and ' ' in obfuscate_shape(w, otoks, k):
                ow.append(otoks[k] + ' ' + otoks[k + 1])
                k += 2
            else:
                ow.append(otoks[k])
                k += 1
        if len(rw) == len(gw):
            outw = rw
        elif len(rw) == len(otoks):
            outw, k = [], 0
            for w in ow:
                n = w.count(' ') + 1
                outw.append(' '.join(rw[k:k + n]))
                k += n
        else:
            for i in pick:
                cnt['wrong'] += 1
                if verbose:
                    print('ALIGN\t' + o + '\t' + r)
            continue
        for i, (a, b, c) in enumerate(zip(ow, gw, outw)):
            if i in pick:
                kl = klass(a, b, c)
                cnt[kl] += 1
                if verbose and kl != 'restored':
                    print('%s\t%s\t%s\t%s' % (kl.upper(), a, b, c))
            else:
                clean += 1
                if c != b:
                    dmg += 1
                    if verbose:
                        print('DAMAGED\t%s\t%s' % (b, c))
    tot = sum(cnt.values())
    print('restored %d/%d (%.1f %%), wrong %d, hamza %d, partial %d, '
          'unchanged %d; clean words damaged %d of %d' % (
              cnt['restored'], tot, 100.0 * cnt['restored'] / max(tot, 1),
              cnt['wrong'], cnt['hamza'], cnt['partial'], cnt['unchanged'],
              dmg, clean))


def obfuscate_shape(w, otoks, k):
    """The obfuscated token(s) standing for gold word w at otoks[k]: two
    tokens when they join into a word of w's letters (a split)."""
    if k + 1 < len(otoks) and otoks[k] + otoks[k + 1] == w and otoks[k] != w:
        return otoks[k] + ' ' + otoks[k + 1]
    return otoks[k]


def main(argv):
    return study_main(argv, make, score, __doc__)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
