#!/bin/sh
# tests/corpus/run.sh BUILD -- corpus mode on the ANT news corpus:
#   - dedup: planted near-duplicates at known word-5-gram Jaccard
#     similarities are clustered as the 14x8 LSH S-curve says, and no false
#     clusters among the original articles (real duplicates are listed);
#   - clean: -j 1 and -j 2 give the same bytes; with nothing to change,
#     every byte outside the text field passes through.
# Needs python3 and ANT ($NAZIF_SHARED or ../shared); skips without it.
# Prints "corpus: N passed, M failed"; exit 1 when something failed.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
NAZIF=${NAZIF:-$top/$BUILD/nazif}
SHARED=${NAZIF_SHARED:-$top/../shared}
ANT="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
if [ ! -f "$ANT" ]; then
  echo "corpus: ANT not found at $ANT: skipped"
  echo "corpus: 0 passed, 0 failed"
  exit 0
fi
exec python3 "$top/tests/corpus/corpus_test.py" --nazif "$NAZIF" --ant "$ANT"
