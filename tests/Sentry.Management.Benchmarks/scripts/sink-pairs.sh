#!/usr/bin/env bash
# Five alternating runs of `--delivery 2000` with the sink in a child process and in the benchmark's own process.
# Usage (from the repository root, after `dotnet build -c Release tests/Sentry.Management.Benchmarks`):
#   tests/Sentry.Management.Benchmarks/scripts/sink-pairs.sh [output folder] [pairs]
# Each run's full output lands in the folder; `log` records the time and load average of each.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=tests/Sentry.Management.Benchmarks/bin/Release/net10.0/Sentry.Management.Benchmarks.dll
out=${1:-artifacts/bench/sink-pairs}
pairs=${2:-5}
mkdir -p "$out"
for i in $(seq 1 "$pairs"); do
  for sink in process inproc; do
    echo "== $i $sink $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)" >> "$out/log"
    dotnet "$bench" --delivery 2000 --sink "$sink" > "$out/$i-$sink.txt" 2>&1
  done
done
grep -H '^ratios' "$out"/*.txt
