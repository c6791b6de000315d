#!/bin/sh
# Installs the Debian packages souk needs to build and run (and, with --test,
# --fuzz or --bench, to test, fuzz or measure it). Idempotent: asks apt only for what is
# missing, so a machine that has everything pays one dpkg query.
set -eu
pkgs="gcc make pkg-config libmicrohttpd-dev libjson-c-dev libsqlite3-dev libsodium-dev libcurl4-openssl-dev libssl-dev libvips-dev"
case "${1:-}" in
--test) pkgs="$pkgs curl sqlite3 chromium" ;;
--bench) pkgs="$pkgs curl wrk nginx valgrind glewlwyd" ;;
# libFuzzer and the sanitizer runtimes come with clang's compiler-rt.
--fuzz) pkgs="$pkgs clang libclang-rt-14-dev" ;;
esac
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
# Node.js may come from elsewhere than Debian (a newer build): only when the
# commands are absent do we ask Debian for them.
if [ -n "${1:-}" ]; then
	command -v node >/dev/null 2>&1 || missing="$missing nodejs"
	command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
[ -z "$missing" ] && exit 0
echo "souk: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
$SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing >/dev/null
