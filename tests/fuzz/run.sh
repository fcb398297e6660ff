#!/bin/sh
# tests/fuzz/run.sh BUILD -- replay fuzz/corpus/clean/ through the fuzz target
# fuzz/fuzz_clean.c, and fuzz/corpus/tokens/ through fuzz/fuzz_tokens.c, with
# a plain main (fuzz/replay.c): no clang needed.
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
"$exe" fuzz/corpus/clean
st=$?
# fuzz/fuzz_tokens.c (tokenizer + normalizer) on fuzz/corpus/tokens/, same driver
exe_tokens="$BUILD/tests/fuzz_replay_tokens"
# shellcheck disable=SC2086
if ! $CC -Iinclude -D_POSIX_C_SOURCE=200809L -std=c11 -g -O1 -Wall -Wextra $SANFLAGS \
     -o "$exe_tokens" fuzz/replay.c fuzz/fuzz_tokens.c "$BUILD/libnazif.a" -lz -lpthread; then
  echo "fuzz: 0 passed, 1 failed (fuzz_tokens replay does not compile)"
  exit 1
fi
"$exe_tokens" fuzz/corpus/tokens || st=1
# fuzz/fuzz_fts5.c (the FTS5 tokenizer callback path, ext/sqlite/) on
# fuzz/corpus/fts5/, same driver; needs Debian's libsqlite3
exe_fts5="$BUILD/tests/fuzz_replay_fts5"
# shellcheck disable=SC2086
if ! $CC -Iinclude -D_POSIX_C_SOURCE=200809L -std=c11 -g -O1 -Wall -Wextra $SANFLAGS \
     -o "$exe_fts5" fuzz/replay.c fuzz/fuzz_fts5.c "$BUILD/libnazif.a" -lsqlite3 -lstemmer -lz -lpthread; then
  echo "fuzz: 0 passed, 1 failed (fuzz_fts5 replay does not compile)"
  exit 1
fi
"$exe_fts5" fuzz/corpus/fts5 || st=1
# corpus mode (issue #5): fuzz/fuzz_jsonl.c on fuzz/corpus/jsonl/, fuzz/fuzz_warc.c on
# fuzz/corpus/warc/, fuzz/fuzz_html.c (HTML to text) on fuzz/corpus/html/,
# fuzz/fuzz_extract.c (main-content extraction) on fuzz/corpus/extract/,
# fuzz/fuzz_linefreq.c (table files, URL hosts, line counts) on fuzz/corpus/linefreq/
for t in jsonl warc html extract linefreq; do
  exe_c="$BUILD/tests/fuzz_replay_$t"
  # shellcheck disable=SC2086
  if ! $CC -Iinclude -D_POSIX_C_SOURCE=200809L -std=c11 -g -O1 -Wall -Wextra $SANFLAGS \
       -o "$exe_c" fuzz/replay.c "fuzz/fuzz_$t.c" "$BUILD/libnazif.a" -lz -lpthread; then
    echo "fuzz: 0 passed, 1 failed (fuzz_$t replay does not compile)"
    exit 1
  fi
  "$exe_c" "fuzz/corpus/$t" || st=1
done
exit $st
