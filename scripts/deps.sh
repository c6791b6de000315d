#!/bin/sh
# Installs the Debian packages souk needs to build and run (and, with --test,
# to test). Idempotent: asks apt only for what is missing, so a machine that
# has everything pays one dpkg query.
set -eu
pkgs="gcc make pkg-config libmicrohttpd-dev libjson-c-dev libsqlite3-dev libsodium-dev libcurl4-openssl-dev"
if [ "${1:-}" = "--test" ]; then
	pkgs="$pkgs nodejs npm curl sqlite3 chromium"
fi
if [ "${1:-}" = "--bench" ]; then
	pkgs="$pkgs wrk nginx valgrind curl nodejs npm glewlwyd"
fi
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "souk: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null
