#!/usr/bin/env bash
# Alternating runs of two builds of the benchmark program, for a before/after comparison in one sitting.
# Usage: ab-pairs.sh <before build folder> <after build folder> <output folder> <pairs> <probe arguments...>
#   e.g. ab-pairs.sh /tmp/bin-before tests/Sentry.Management.Benchmarks/bin/Release/net10.0 artifacts/bench/ab 5 --delivery 2000
# Build the "before" folder from the older commit in a worktree (dotnet build -c Release, then copy bin/Release/net10.0).
set -euo pipefail
before=$1; after=$2; out=$3; pairs=$4; shift 4
mkdir -p "$out"
for i in $(seq 1 "$pairs"); do
  for side in before after; do
    folder=$before; [ "$side" = after ] && folder=$after
    echo "== $i $side $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)" >> "$out/log"
    dotnet "$folder/Sentry.Management.Benchmarks.dll" "$@" > "$out/$i-$side.txt" 2>&1
  done
done
