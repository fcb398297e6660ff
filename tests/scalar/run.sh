#!/bin/sh
# tests/scalar/run.sh BUILD -- the SSE2 pre-scan and the portable scalar
# scan must find the same things: build the command again without SSE2
# (-U__SSE2__) and compare its output with BUILD/nazif on the fuzz corpus,
# the golden inputs and, when ../shared is there, 3 MB of ANT news text.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
out="$BUILD/scalar"
mkdir -p "$out/obj"
CC=${CC:-cc}
for f in src/*.c; do
  $CC -std=c11 -O1 -U__SSE2__ -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -c \
      -o "$out/obj/$(basename "$f" .c).o" "$f" || { echo "scalar: 0 passed, 1 failed (build)"; exit 1; }
done
# the command's own objects (no pre-scan in them) with the scalar library
$CC -o "$out/nazif" "$BUILD"/obj/cli_*.o $(ls "$BUILD"/obj/ext_*.o 2>/dev/null) "$out"/obj/*.o \
    "$BUILD/obj/lexicon_blob.o" $SANFLAGS ${TEST_LIBS:--lz -lstemmer -lsqlite3 -lpthread} || { echo "scalar: 0 passed, 1 failed (link)"; exit 1; }
pass=0 fail=0
check() {
  if "$out/nazif" clean --boilerplate=keep "$1" 2>/dev/null | cmp -s - "$out/simd.out"; then
    pass=$((pass+1))
  else
    fail=$((fail+1)); echo "differs: $1"
  fi
}
shared=${NAZIF_SHARED:-$top/../shared}
if [ -f "$shared/data/corpus/ant-v1.1.jsonl.gz" ]; then
  zcat "$shared/data/corpus/ant-v1.1.jsonl.gz" | head -c 3000000 > "$out/ant.txt"
fi
for f in fuzz/corpus/clean/* tests/golden/*.in "$out/ant.txt"; do
  [ -f "$f" ] || continue
  "$BUILD/nazif" clean --boilerplate=keep "$f" > "$out/simd.out" 2>/dev/null
  check "$f"
done
echo "scalar: $pass passed, $fail failed"
[ $fail = 0 ]
