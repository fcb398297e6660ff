#!/bin/sh
# tests/fuzz/run.sh BUILD -- replay fuzz/corpus/clean/ through the fuzz target
# fuzz/fuzz_clean.c with a plain main (fuzz/replay.c): no clang needed.
# Links BUILD/libnazif.a; $SANFLAGS (e.g. from make asan) is passed through.
# Prints "fuzz: N passed, M failed"; exit 1 when an input fails.
BUILD=${1:-build}
CC=${CC:-cc}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
mkdir -p "$BUILD/tests"
exe="$BUILD/tests/fuzz_replay"
if [ ! -f "$BUILD/libnazif.a" ]; then
  echo "fuzz: 0 passed, 1 failed ($BUILD/libnazif.a missing)"
  exit 1
fi
# shellcheck disable=SC2086
if ! $CC -Iinclude -D_POSIX_C_SOURCE=200809L -std=c11 -g -O1 -Wall -Wextra $SANFLAGS \
     -o "$exe" fuzz/replay.c fuzz/fuzz_clean.c "$BUILD/libnazif.a" -lz -lpthread; then
  echo "fuzz: 0 passed, 1 failed (replay driver does not compile)"
  exit 1
fi
exec "$exe" fuzz/corpus/clean
