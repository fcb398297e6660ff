#!/bin/sh
# tests/serve/run.sh BUILD -- nazif serve: the JSON API, bad requests and
# concurrency (test_api.py, standard library only), then the page in a real
# browser (test_browser.py: Debian's chromium + chromium-driver driven by
# python3-selenium), over an index of tests/serve/corpus.jsonl.
# Prints "serve-api: ..." and "serve-browser: ..." lines "N passed, M failed"
# (the browser part says why and counts nothing when Chromium is missing).
# SERVE_SHOTS=DIR copies the screenshots there (make serve-shots: docs/img).
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
PY=${PYTHON_DEBIAN:-/usr/bin/python3}
[ -x "$PY" ] || PY=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/news.db"
if ! "$BUILD/nazif" index --no-progress "$db" tests/serve/corpus.jsonl --text-field=text --id-field=id --title-field=title >"$tmp/index.log" 2>&1; then
  cat "$tmp/index.log"
  echo "serve-api: 0 passed, 1 failed (nazif index failed)"
  exit 1
fi
status=0
"$PY" tests/serve/test_api.py "$BUILD/nazif" "$db" tests/serve/corpus.jsonl || status=1
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && "$PY" -c 'import selenium' 2>/dev/null; then
  mkdir -p "$BUILD/serve-shots"
  "$PY" tests/serve/test_browser.py "$BUILD/nazif" "$db" "$BUILD/serve-shots" "$tmp/chrome" || status=1
  if [ -n "${SERVE_SHOTS:-}" ]; then
    mkdir -p "$SERVE_SHOTS" && cp "$BUILD"/serve-shots/*.png "$SERVE_SHOTS"/
  fi
else
  echo "serve-browser: skipped: Debian's chromium, chromium-driver and python3-selenium are needed (make deps installs them)"
fi
exit $status
