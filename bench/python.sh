#!/bin/sh
# bench/python.sh -- the Python module's benchmarks (make bench-python):
# module vs command vs pure Python, threads, Dask on 1 and 2 workers, and
# the growth of dedup from 100k to 1M documents.  Needs ANT (../shared).
# GROWTH="100000 200000" narrows the growth sizes; DOCS the Dask set;
# INSTR_DOCS the documents run under valgrind; REPEAT the wall-time runs.
BUILD=${BUILD:-build}
PY=${PY_DEBIAN:-/usr/bin/python3}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
export PYTHONPATH="$top/$BUILD/python"
SHARED=${NAZIF_SHARED:-$top/../shared}
[ -f "$SHARED/data/corpus/ant-v1.1.jsonl.gz" ] || { echo "bench-python: ANT not found under $SHARED"; exit 0; }
set -e
# one run, side by side: instruction counts (module vs command), wall
# times (module vs command vs pure Python, threads), Dask on 1 and 2
# workers, dedup growth; the conditions are printed before each part
exec "$PY" bench/python_bench.py all --nazif "$BUILD/nazif" --shared "$SHARED" --docs "${DOCS:-100000}" \
  --instr-docs "${INSTR_DOCS:-1000}" --repeat "${REPEAT:-5}" --sizes ${GROWTH:-100000 200000 500000 1000000}
