#!/bin/sh
# run.sh -- `make bench`: installs what the benchmarks need (Debian: wrk,
# nginx, valgrind, glewlwyd, curl; npm: Prism), builds souk and the dataset
# generator, then runs bench/run.js and bench/webhooks.js. Knobs: see the head of bench/run.js.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh --bench
[ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] &&
	[ -f node_modules/@stoplight/prism-cli/package.json ] || npm ci --no-audit --no-fund
make --no-print-directory build/souk
mkdir -p build/bench
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes \
	-Wshadow -Wpointer-arith -Wcast-qual -Wsign-compare -Wformat=2 -Wvla \
	-o build/bench/gen bench/gen.c $(pkg-config --cflags --libs sqlite3 libsodium)
node bench/run.js
# Webhook deliveries per second to a local receiver (bench/webhooks.js).
exec node bench/webhooks.js
