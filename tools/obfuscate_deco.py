#!/usr/bin/env python3
"""Decorate one word, or two adjacent words, of a plain Arabic line the way
public decoration ("zakhrafa") tools do when a user pastes one word or a
short phrase through them, as a study set for issue 15; or score nazif's
output on such a set.  Written from the schemes' facts (what goes between
or after the characters), not from any tool's code.

  tools/obfuscate_deco.py make STYLE MODE SEED N OUT [TEXT]
      writes OUT.obf and OUT.gold (TEXT defaults to ANT's article texts)
  tools/obfuscate_deco.py score OUT.obf OUT.gold CLEANED [-v]
      as tools/obfuscate_tools.py score; a frame symbol left around a
      restored word (❣كلمة❣) counts as restored.

STYLE (the tool splits the string by code point, so harakat and the space
of a phrase are decorated as letters are):
  tatweel  one, two or four tatweels between every pair of characters,
           half the time after the last one too (before its punctuation)
  sym      one symbol (✧ • ⋆ ⭐ and emoji without a variation selector)
           between every pair of characters, half the time after the last
  frame    a symbol glued to the word with a tatweel on each side
           (❣ـكلمةـ❣); the symbols may stay, the tatweels go
  strike   U+0336 or U+0332 after every character, the space included
  qmark    one Arabic mark (sukun, dagger alef, a Quranic small mark)
           after every character but the last (or every one)
  heh      ہ or ه after each joining letter but the last, or a haraka
           and a tatweel after each letter (بّـتُـ)
MODE: one (one word of a line of 5 to 40 words), two (two adjacent words).
SEED: even seeds take ANT's first half (tuning), odd seeds its second half
(held out).  Words of three Arabic letters or more.
"""
import random
import re
import sys

from antlib import study_lines, write_set, study_main
import obfuscate_tools

AR = re.compile(r'^[\u0621-\u064A][\u0621-\u0652]+[.,،:؛!؟]?$')
LET = re.compile(r'[\u0621-\u064A]')
T = '\u0640'
JOINS = set('بتثجحخسشصضطظعغفقكلمنهيئ')
SYMS = ['✧', '•', '⋆', '⭐', '🌸', '💙', '★', '♡', '✿', '🔥', '~', '҉']
FRAMES = ['❣', '🌙', '✨', '🔥', '★', '♡', '🌸', '💔', '✿']
QMARKS = ['\u0652', '\u0670', '\u06ea', '\u06eb', '\u06ec', '\u06e1',
          '\u06e2', '\u06e8', '\u06ed', '\u0657', '\u0656']
HARAKAT = '\u064e\u064f\u0650\u0651\u0652\u064b'
PUNCT = '.,،:؛!؟'


def split_punct(s):
    if s and s[-1] in PUNCT:
        return s[:-1], s[-1]
    return s, ''


def decorate(style, s, rnd):
    """s: one word, or two words with a space; returns the decorated
    string (with its punctuation) or None."""
    body, p = split_punct(s)
    chars = list(body)
    if style in ('tatweel', 'sym'):
        # one divider between every two characters, half the time after
        # the last one too
        sep = T * rnd.choice((1, 1, 2, 4)) if style == 'tatweel' else rnd.choice(SYMS)
        out = sep.join(chars)
        if rnd.random() < 0.5:
            out += sep
        return out + p
    if style == 'frame':
        f = rnd.choice(FRAMES)
        return f + T + body + T + f + p
    if style == 'strike':
        m = '\u0336' if rnd.random() < 0.7 else '\u0332'
        return ''.join(c + m for c in chars) + p
    if style == 'qmark':
        if ' ' in body:
            return None
        m = rnd.choice(QMARKS)
        out = m.join(chars)
        if rnd.random() < 0.5:
            out += m
        return out + p
    if style == 'heh':
        res = []
        if rnd.random() < 0.5:
            h = rnd.choice(('ہ', 'ہ', 'ه'))
            for i, c in enumerate(chars):
                res.append(c)
                if c in JOINS and i + 1 < len(chars) and chars[i + 1] != ' ':
                    res.append(h)
        else:
            for i, c in enumerate(chars):
                res.append(c)
                if LET.match(c):
                    res.append(rnd.choice(HARAKAT))
                    if c in JOINS and i + 1 < len(chars) and chars[i + 1] != ' ':
                        res.append(T)
        return ''.join(res) + p
    raise SystemExit('unknown style ' + style)


def make(style, mode, seed, n, out, text):
    rnd = random.Random(seed * 7919 + sum(map(ord, style + mode)))
    lines = study_lines(text, seed, rnd)
    obf, gold = [], []
    k = 2 if mode == 'two' else 1
    for ln in lines:
        ws = ln.split(' ')
        if not 5 <= len(ws) <= 40:
            continue
        idx = [i for i in range(len(ws) - k + 1)
               if all(AR.match(w) and len(split_punct(w)[0]) >= 3
                      for w in ws[i:i + k])
               and all(not split_punct(w)[1] for w in ws[i:i + k - 1])]
        if not idx:
            continue
        i = rnd.choice(idx)
        o = decorate(style, ' '.join(ws[i:i + k]), rnd)
        if o is None:
            continue
        nw = ws[:i] + [o] + ws[i + k:]
        obf.append(' '.join(nw))
        gold.append(' '.join(ws) + '\t' + ','.join(str(j) for j in range(i, i + k)))
        if len(obf) >= n:
            break
    write_set(out, obf, gold)


def score(obf_f, gold_f, out_f, verbose):
    # frame symbols left around a word count as the word
    strip = str.maketrans('', '', ''.join(FRAMES))
    rd = lambda f: open(f, encoding='utf-8').read().split('\n')
    with open(out_f + '.unframed', 'w', encoding='utf-8') as f:
        f.write('\n'.join(r.translate(strip) for r in rd(out_f)))
    obfuscate_tools.score(obf_f, gold_f, out_f + '.unframed', verbose)


def main(argv):
    return study_main(argv, make, score, __doc__)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
