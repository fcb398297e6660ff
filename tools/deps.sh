#!/bin/sh
# Install what nazif needs to build and test, on Debian, when it is missing.
# Idempotent; does nothing when everything is there.  Needs root to install.
set -e
PKGS="gcc make python3 zlib1g-dev libsqlite3-dev sqlite3 libstemmer-dev libstemmer-tools snowball-data hunspell-ar libhunspell-dev unicode-data python3-dev python3-setuptools python3-pytest python3-dask python3-distributed postgresql-15 postgresql-server-dev-15"
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
