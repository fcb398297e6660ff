#!/bin/sh
# tests/golden-norm/snowball.sh BUILD [WORDS] -- `nazif stem --stemmer=snowball`
# against Snowball's own Arabic test vocabulary (Debian snowball-data:
# /usr/share/snowball/data/arabic/voc.txt.gz -> output.txt.gz, 9.2M words).
#
#   1. raw:        nazif stem --lines --profile=none --stemmer=snowball voc
#                  == output.txt
#   2. normalized: nazif stem --lines --profile=P --stemmer=snowball voc
#                  == nazif normalize --profile=P voc | stemwords -l arabic
#                  for P = search and nlp (the same normalized input fed to both)
#   3. tokenized (information only): nazif stem --profile=none
#      --stemmer=snowball voc, which tokenizes each line first, against
#      output.txt; it differs only on voc lines that are not one token (d.)
#
# WORDS (default: all) limits the check to the first WORDS words.  Prints
# "snowball: N passed, M failed"; exit 1 on a difference.
BUILD=${1:-build}
WORDS=${2:-0}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
data=${SNOWBALL_DATA:-/usr/share/snowball/data/arabic}
if [ ! -f "$data/voc.txt.gz" ] || ! command -v stemwords >/dev/null 2>&1; then
  echo "snowball: skipped ($data/voc.txt.gz or stemwords missing: apt-get install snowball-data libstemmer-tools)"
  echo "snowball: 0 passed, 0 failed"
  exit 0
fi
if ! . tests/golden-norm/nazif-cmd.sh; then
  echo "snowball: 0 passed, 1 failed (stand-in CLI does not compile)"
  exit 1
fi
tmp="$BUILD/tests/snowball"
mkdir -p "$tmp"
if [ "$WORDS" -gt 0 ]; then
  gzip -dc "$data/voc.txt.gz" | head -n "$WORDS" > "$tmp/voc.txt"
  gzip -dc "$data/output.txt.gz" | head -n "$WORDS" > "$tmp/expected.txt"
else
  gzip -dc "$data/voc.txt.gz" > "$tmp/voc.txt"
  gzip -dc "$data/output.txt.gz" > "$tmp/expected.txt"
fi
n=$(wc -l < "$tmp/voc.txt")
pass=0
fail=0
check() { # name file-a file-b
  if cmp -s "$2" "$3"; then
    pass=$((pass + 1)); echo "snowball: $1: $n words identical"
  else
    fail=$((fail + 1))
    d=$(diff "$2" "$3" | grep -c '^<')
    echo "FAILED snowball $1: $d of $n lines differ; first ones:"
    diff "$2" "$3" | head -n 10
  fi
}
"$nazif" stem --lines --profile=none --stemmer=snowball "$tmp/voc.txt" > "$tmp/raw.txt"
check "raw (--profile=none) vs output.txt" "$tmp/expected.txt" "$tmp/raw.txt"
for p in search nlp; do
  "$nazif" normalize --profile=$p "$tmp/voc.txt" | stemwords -l arabic > "$tmp/sw-$p.txt"
  "$nazif" stem --lines --profile=$p --stemmer=snowball "$tmp/voc.txt" > "$tmp/nz-$p.txt"
  check "--profile=$p vs normalize | stemwords" "$tmp/sw-$p.txt" "$tmp/nz-$p.txt"
done
"$nazif" stem --profile=none --stemmer=snowball "$tmp/voc.txt" > "$tmp/tok.txt"
d=$(diff "$tmp/expected.txt" "$tmp/tok.txt" | grep -c '^<')
echo "snowball: tokenized (no --lines): $d of $n lines differ (information only)"
diff "$tmp/expected.txt" "$tmp/tok.txt" | head -n 6
echo "snowball: $pass passed, $fail failed"
[ $fail -eq 0 ]
