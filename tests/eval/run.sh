#!/bin/sh
# tests/eval/run.sh BUILD -- the evaluation gates (tools/eval.py --gate) on the
# shared dev sets: recall >= 99% on P1-P7/P14/P15, no damaged trap line,
# content kept 100%, boilerplate dropped >= 95%; on the repository's own
# cases (tests/eval/wild-dev.tsv): no damaged word, no wrong change (a letter
# neither the input nor the gold has), no damaged trap line.  Prints
# "eval: N passed, M failed" (N, M = gates); skips when there is no shared
# data ($NAZIF_SHARED, default ../shared).  Exit 1 when a gate fails.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
SHARED=${NAZIF_SHARED:-$top/../shared}
PYTHON=${PYTHON:-python3}
if [ ! -f "$SHARED/data/restore-dev.tsv" ]; then
  echo "eval: 0 passed, 0 failed (no shared data)"
  exit 0
fi
if [ ! -x "$BUILD/nazif" ]; then
  echo "eval: 0 passed, 1 failed ($BUILD/nazif missing)"
  exit 1
fi
# The last line of eval.py is "eval: N passed, M failed"; exit 1 on a failed gate.
exec "$PYTHON" tools/eval.py --nazif "$BUILD/nazif" --shared "$SHARED" \
  --workdir "$BUILD/tests/eval" --json "$BUILD/tests/eval/figures.json" --gate \
  --wild tests/eval/wild-dev.tsv
