#!/usr/bin/env bash
# Renders every fixture's report in every format (and the subprocessor list) into OUTDIR, plus any extra folders given,
# with the built CLI: run it before and after a change and `diff -r` the two folders to see what the change did to
# the reports. Usage: scripts/report-snapshots.sh OUTDIR [EXTRA_REPO_DIR …]
set -euo pipefail
out=$1; shift
mkdir -p "$out"
cd "$(dirname "$0")/.."
for dir in fixtures/*/ "$@"; do
  name=$(basename "$dir")
  for format in json text sarif markdown html; do
    ./bin/run.js scan "$dir" --format "$format" --no-cache --fail-on none > "$out/$name.$format" 2> "$out/$name.$format.stderr" || true
  done
  ./bin/run.js subprocessors "$dir" --format csv > "$out/$name.subprocessors.csv" 2> /dev/null || true
done
