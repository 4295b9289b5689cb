#!/usr/bin/env bash
# `npm test` as on a machine with Node and nothing else: no system Chromium and no PostgreSQL tools on the PATH
# (a PATH of links to every other command), CSP_SYSTEM_TOOLS=off so the backup test passes over Debian's installed
# PostgreSQL 15, and fresh temp and cache folders, so the browser is unpacked from npm and PostgreSQL 15 is prepared
# from Debian's packages as a first run would. apt-get, dpkg-deb and ldd stay: a Debian machine has them.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=$(mktemp -d "${TMPDIR:-/tmp}/csp-fresh-machine.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
# Like /tmp: the embedded PostgreSQL runs as the postgres user when we are root, and must reach its folders.
chmod 1777 "$scratch"
mkdir -m 1777 "$scratch/tmp"
mkdir "$scratch/bin"

IFS=: read -ra path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
  [ -d "$dir" ] || continue
  for command in "$dir"/*; do
    name=$(basename "$command")
    case "$name" in
      chromium* | chrome* | google-chrome* | psql | pg_* | postgres | initdb | createdb | dropdb | createuser | \
        dropuser | clusterdb | reindexdb | vacuumdb) continue ;;
    esac
    # The first of a name on the PATH wins, as it does for the shell.
    if [ -x "$command" ] && [ ! -e "$scratch/bin/$name" ]; then ln -s "$command" "$scratch/bin/$name"; fi
  done
done

echo "fresh-machine test: PATH without Chromium or PostgreSQL tools, CSP_SYSTEM_TOOLS=off, TMPDIR=$scratch/tmp"
env -u CHROMIUM_PATH -u PG15_BIN \
  PATH="$scratch/bin" \
  TMPDIR="$scratch/tmp" \
  CSP_SYSTEM_TOOLS=off \
  PG15_CACHE_DIR="$scratch/csp-postgresql-15" \
  npm test
