"""antlib.py -- the text the study generators in tools/ draw their lines
from (Python 3 stdlib only): ANT's article texts from the shared data
beside the repository, or any text file."""
import gzip
import json
import os

# ANT's article texts: ../shared/data/corpus/ant-v1.1.jsonl.gz beside the
# repository
ANT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared',
                   'data', 'corpus', 'ant-v1.1.jsonl.gz')


def read_lines(path):
    """The lines of path: a text file, or ANT's JSON Lines (.jsonl.gz),
    each article's text followed by an empty line."""
    if path.endswith('.jsonl.gz'):
        with gzip.open(path, 'rt', encoding='utf-8') as f:
            texts = [(json.loads(l).get('text') or '').rstrip('\n') for l in f]
        return ''.join(t + '\n\n' for t in texts if t.strip()).split('\n')
    with open(path, encoding='utf-8') as f:
        return f.read().split('\n')


def write_set(out, obf, gold):
    """Write a study set: out.obf (the obfuscated lines) and out.gold (the
    clean lines, with what the scorer needs after a tab where it needs
    it)."""
    with open(out + '.obf', 'w', encoding='utf-8') as f:
        f.write('\n'.join(obf) + '\n')
    with open(out + '.gold', 'w', encoding='utf-8') as f:
        f.write('\n'.join(gold) + '\n')


def study_main(argv, make, score, doc):
    """The command line of a generator with `make STYLE MODE SEED N OUT
    [TEXT]` and `score OBF GOLD OUT [-v]`."""
    import sys
    if len(argv) >= 4 and argv[0] == 'score':
        score(argv[1], argv[2], argv[3], '-v' in argv)
        return 0
    if len(argv) >= 6 and argv[0] == 'make':
        text = argv[6] if len(argv) > 6 else ANT
        make(argv[1], argv[2], int(argv[3]), int(argv[4]), argv[5], text)
        return 0
    sys.stderr.write(doc)
    return 1


def study_lines(text, seed, rnd):
    """The lines a study set draws from, in rnd's order: ANT's first half
    for an even seed (tuning), its second half for an odd one (held
    out)."""
    lines = read_lines(text)
    lines = lines[:len(lines) // 2] if seed % 2 == 0 else lines[len(lines) // 2:]
    rnd.shuffle(lines)
    return lines
