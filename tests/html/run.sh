#!/bin/sh
# tests/html/run.sh BUILD -- nazif_html_to_text()'s character references
# against Python's html.unescape (tests/html/refs.py; driver html_refs.c
# linked with BUILD/libnazif.a, $SANFLAGS passed through); main-content
# extraction through `nazif clean` on the generated Arabic article pages
# (tests/html/articles.py, tests/corpus-data/make-articles.py).
# Prints "html: N passed, M failed" and "articles: N passed, M failed";
# exit 1 when something failed.
BUILD=${1:-build}
CC=${CC:-cc}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
mkdir -p "$BUILD/tests"
exe="$BUILD/tests/html_refs"
# shellcheck disable=SC2086
if ! $CC -Iinclude -D_POSIX_C_SOURCE=200809L -std=c11 -g -O1 -Wall -Wextra $SANFLAGS \
     -o "$exe" tests/html/html_refs.c "$BUILD/libnazif.a"; then
  echo "html: 0 passed, 1 failed (driver does not compile)"
  exit 1
fi
st=0
${PYTHON:-python3} tests/html/refs.py "$exe" || st=1
${PYTHON:-python3} tests/html/articles.py "$top/$BUILD/nazif" || st=1
exit $st
