#!/bin/sh
# tests/scalar/run.sh BUILD -- the SIMD pre-scans and the portable scalar
# scan must find the same things, and the little-endian fast paths (16-bit
# letter loads, 64-bit stemmer words) must give what the byte-by-byte ones
# give: build the command again without SSE2 and without byte-order tricks
# (-U__SSE2__ -U__BYTE_ORDER__), and with SSE2 but without the run-time
# AVX2 path (-DNAZIF_NO_AVX2), and compare the output of clean, and of
# tokens and normalize in the search profile, with BUILD/nazif's (AVX2
# where the CPU has it) on the fuzz corpus, the golden inputs and, when
# ../shared is there, 3 MB of ANT news text.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
out="$BUILD/scalar"
CC=${CC:-cc}
# build VARIANT FLAGS: BUILD/scalar/VARIANT/nazif
build() {
  mkdir -p "$out/$1/obj"
  for f in src/*.c; do
    $CC -std=c11 -O1 $2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L -c \
        -o "$out/$1/obj/$(basename "$f" .c).o" "$f" || return 1
  done
  # the command's own objects (no pre-scan in them) with this library
  $CC -o "$out/$1/nazif" "$BUILD"/obj/cli_*.o $(ls "$BUILD"/obj/ext_*.o 2>/dev/null) "$out/$1"/obj/*.o \
      "$BUILD/obj/lexicon_blob.o" $SANFLAGS ${TEST_LIBS:--lz -lstemmer -lsqlite3 -lpthread}
}
build plain "-U__SSE2__ -U__BYTE_ORDER__" || { echo "scalar: 0 passed, 1 failed (build without SSE2)"; exit 1; }
build sse2 -DNAZIF_NO_AVX2 || { echo "scalar: 0 passed, 1 failed (build without AVX2)"; exit 1; }
pass=0 fail=0
# check FILE ARGS...: each variant's output of "nazif ARGS FILE" equals BUILD/nazif's
check() {
  f=$1; shift
  "$BUILD/nazif" "$@" "$f" > "$out/simd.out" 2>/dev/null
  for v in plain sse2; do
    if "$out/$v/nazif" "$@" "$f" 2>/dev/null | cmp -s - "$out/simd.out"; then
      pass=$((pass+1))
    else
      fail=$((fail+1)); echo "differs ($v, $*): $f"
    fi
  done
}
shared=${NAZIF_SHARED:-$top/../shared}
rm -f "$out/ant.txt"
if [ -f "$shared/data/corpus/ant-v1.1.jsonl.gz" ]; then
  zcat "$shared/data/corpus/ant-v1.1.jsonl.gz" | head -c 3000000 > "$out/ant.txt"
else
  echo "skip ANT text: $shared/data/corpus/ant-v1.1.jsonl.gz not found (set NAZIF_SHARED)"
fi
for f in fuzz/corpus/clean/* tests/golden/*.in "$out/ant.txt"; do
  [ -f "$f" ] || continue
  check "$f" clean --boilerplate=keep
  check "$f" tokens --profile=search --stemmer=light --format=tsv
  check "$f" normalize --profile=search
done
# the filters' pass over the text (32 bytes at a time with AVX2): the same
# documents kept and the same reasons for the rejected ones
if /usr/bin/python3 tests/scalar/mixdocs.py 1500 7 > "$out/mix.jsonl" 2>/dev/null; then
  for f in "$out/mix.jsonl" $(ls fuzz/corpus/jsonl/* 2>/dev/null); do
    "$BUILD/nazif" clean --format=jsonl -j 1 --no-progress --rejected="$out/simd.rej" "$f" > "$out/simd.out" 2>/dev/null
    for v in plain sse2; do
      "$out/$v/nazif" clean --format=jsonl -j 1 --no-progress --rejected="$out/$v.rej" "$f" 2>/dev/null |
        cmp -s - "$out/simd.out" && cmp -s "$out/$v.rej" "$out/simd.rej" && pass=$((pass+1)) ||
        { fail=$((fail+1)); echo "differs ($v, clean --format=jsonl, filters): $f"; }
    done
  done
fi
# every signal's measured value (tools/filter_values.c: each threshold
# alone), not only the verdicts above: a count the AVX2 blocks get wrong
# moves a value long before it moves a verdict
if [ -f "$out/mix.jsonl" ]; then
  libs=${TEST_LIBS:--lz -lstemmer -lsqlite3 -lpthread}
  $CC -std=c11 -O1 -Iinclude -o "$out/filter_values" tools/filter_values.c "$BUILD/libnazif.a" \
      $SANFLAGS $libs -lm &&
    "$out/filter_values" "$out/mix.jsonl" > "$out/simd.fv" 2>/dev/null || : > "$out/simd.fv"
  for v in plain sse2; do
    if $CC -std=c11 -O1 -Iinclude -o "$out/$v/filter_values" tools/filter_values.c "$out/$v"/obj/*.o \
         "$BUILD/obj/lexicon_blob.o" $SANFLAGS $libs -lm &&
       "$out/$v/filter_values" "$out/mix.jsonl" 2>/dev/null | cmp -s - "$out/simd.fv" &&
       [ -s "$out/simd.fv" ]; then
      pass=$((pass+1))
    else
      fail=$((fail+1)); echo "differs ($v, filter_values): $out/mix.jsonl"
    fi
  done
fi
echo "scalar: $pass passed, $fail failed"
[ $fail = 0 ]
