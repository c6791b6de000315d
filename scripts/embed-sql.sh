#!/bin/sh
# Turns migrations/<backend>/NNNN_name.sql into a C array, so the binary
# carries its own schema. Usage: embed-sql.sh <backend> <dir> > out.c
set -eu
backend=$1
dir=$2
echo "/* generated from $dir by scripts/embed-sql.sh; do not edit */"
echo "struct Migration { int version; const char *name; const char *sql; };"
echo "const struct Migration ${backend}_migrations[] = {"
n=0
for f in $(ls "$dir"/*.sql | sort); do
	base=$(basename "$f" .sql)
	ver=$(echo "$base" | cut -d_ -f1 | sed 's/^0*//')
	# A database records only the last version it ran: two files with one
	# number, or a gap, would leave one of them unapplied on some databases.
	if [ "$ver" -ne $((n + 1)) ]; then
		echo "embed-sql.sh: $f: expected migration number $((n + 1))" >&2
		exit 1
	fi
	name=$(echo "$base" | cut -d_ -f2-)
	printf '\t{%s, "%s",\n' "$ver" "$name"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t\t"/' -e 's/$/\\n"/' "$f"
	printf '\t},\n'
	n=$((n + 1))
done
echo "};"
echo "const int ${backend}_migrations_count = $n;"
