#!/bin/sh
# tests/python/run.sh BUILD -- build the Python module into BUILD/python and
# run its pytest suite (python/tests) with Debian's /usr/bin/python3.
# Prints "python N passed, M failed".  Under the sanitizers (SANFLAGS set)
# the module is not built: a Python interpreter would need the ASan runtime
# preloaded; the plain `make check` runs the suite.
BUILD=${1:-build}
PY=${PY_DEBIAN:-/usr/bin/python3}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
case "$SANFLAGS" in *sanitize*)
  echo "python 0 passed, 0 failed (not run under the sanitizers)"; exit 0;;
esac
case "$BUILD" in /*) ;; *) BUILD="$top/$BUILD";; esac
if ! (cd python && NAZIF_BUILD="$BUILD" NAZIF_NO_MAKE=1 "$PY" setup.py -q build \
      --build-lib "$BUILD/python" --build-temp "$BUILD/python-tmp") > "$BUILD/python-build.log" 2>&1; then
  cat "$BUILD/python-build.log"
  echo "python 0 passed, 1 failed (the module does not build)"
  exit 1
fi
export PYTHONPATH="$BUILD/python"
export NAZIF_BIN="$BUILD/nazif"
export NAZIF_SHARED="${NAZIF_SHARED:-$top/../shared}"
out="$BUILD/python-pytest.log"
"$PY" -m pytest -q -p no:cacheprovider python/tests > "$out" 2>&1
rc=$?
cat "$out"
# pytest's last line: "== 12 passed, 1 skipped in 3.2s ==" (or "failed", "error")
last=$(tail -n 1 "$out")
passed=$(echo "$last" | grep -o '[0-9][0-9]* passed' | cut -d' ' -f1)
failed=$(echo "$last" | grep -o '[0-9][0-9]* failed' | cut -d' ' -f1)
errors=$(echo "$last" | grep -o '[0-9][0-9]* error' | cut -d' ' -f1)
passed=${passed:-0}; failed=$(( ${failed:-0} + ${errors:-0} ))
case $rc in
  0) ;;
  5) echo "python: pytest collected no tests (exit 5; not counted as a failure)";;
  *) [ "$failed" = 0 ] && failed=1;;
esac
# README's first three lines for a new user: a virtual environment over
# Debian's Python, pip install ./python (as written there), and
# the module cleans a word, from outside the source tree
venv=$(mktemp -d)
if "$PY" -m venv --system-site-packages "$venv/venv" > "$BUILD/python-venv.log" 2>&1 &&
   "$venv/venv/bin/pip" install ./python >> "$BUILD/python-venv.log" 2>&1 &&
   [ "$(cd / && "$venv/venv/bin/python" -c 'import nazif; print(nazif.clean("التـ.ـوتر"))')" = "التوتر" ]; then
  passed=$((passed + 1)); echo "ok   README: venv, pip install ./python, import nazif"
else
  failed=$((failed + 1)); echo "FAIL README: venv, pip install ./python, import nazif"; tail -n 20 "$BUILD/python-venv.log"
fi
rm -rf "$venv"
echo "python $passed passed, $failed failed"
[ "$failed" = 0 ] && exit 0 || exit 1
