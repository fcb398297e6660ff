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
