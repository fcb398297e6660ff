#!/bin/sh
# Install what nazif needs to build and test, on Debian, when it is missing.
# Idempotent; does nothing when everything is there.  Needs root to install.
# The one list of Debian packages: make deps, make check and .ci/run use it.
set -e
PKGS=$(sed -e 's/#.*//' <<'LIST'
gcc make python3 zlib1g-dev libdeflate-dev   # build
pkgconf                                 # make install's test: the example via pkg-config
libsqlite3-dev sqlite3                  # FTS5 tokenizer, nazif index/search
libstemmer-dev libstemmer-tools snowball-data   # --stemmer=snowball, its check
hunspell-ar libhunspell-dev unicode-data        # lexicon and table generators
python3-dev python3-setuptools python3-pytest python3-venv   # the Python module (venv: README)
python3-dask python3-distributed python3-pandas # nazif.dask (pandas: its dataframe forms)
postgresql-15 postgresql-server-dev-15  # the PostgreSQL extension and its tests
libmicrohttpd-dev                       # nazif serve
chromium chromium-driver python3-selenium fonts-noto-core   # nazif serve's browser tests
LIST
)
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "nazif: missing Debian packages:$missing (run as root: apt-get install$missing)" >&2
  exit 1
fi
echo "nazif: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends $missing >/dev/null
