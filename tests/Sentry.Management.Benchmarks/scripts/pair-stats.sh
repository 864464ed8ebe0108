#!/usr/bin/env bash
# Reads the outputs of ab-pairs.sh or sink-pairs.sh (`--delivery` runs) and prints, per run and as medians per side:
# our process CPU per event and events per second at the instant sink and at +2 ms, the SDK's process CPU per event,
# and the delivery and CPU ratios the probe printed.
# Usage: pair-stats.sh <output folder>   (files named <pair>-<side>.txt)
set -euo pipefail
dir=$1
ours='Sentry.Management (MaxConcurrentSends default)'
field() { # file, row prefix, column number (1-based, of the markdown row)
  grep -F "| $2 |" "$1" | awk -F'|' -v c="$(( $3 + 1 ))" '{gsub(/ /, "", $c); print $c}'
}
median() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) {print "-"} else if (NR % 2) {print v[(NR+1)/2]} else {print (v[NR/2]+v[NR/2+1])/2}}'; }
declare -A sides
for f in $(ls "$dir"/*-*.txt | sort -V); do
  side=$(basename "$f" .txt); side=${side#*-}; sides[$side]=1
  cpu=$(field "$f" "$ours | instant" 10); rate=$(field "$f" "$ours | instant" 9)
  cpu2=$(field "$f" "$ours | +2 ms" 10); rate2=$(field "$f" "$ours | +2 ms" 9)
  sdk=$(field "$f" "Sentry SDK 6.12.1 | instant" 10)
  ratios=$(grep '^ratios (instant)' "$f" | sed 's/.*delivery \([0-9.]*\)x, process CPU per event \([0-9.]*\) %.*/\1 \2/')
  ratios2=$(grep '^ratios (+2 ms)' "$f" | sed 's/.*delivery \([0-9.]*\)x, process CPU per event \([0-9.]*\) %.*/\1 \2/')
  echo "$(basename "$f") instant: ours ${cpu} us ${rate}/s, SDK ${sdk} us, delivery/CPU ${ratios// /x } % | +2 ms: ours ${cpu2} us ${rate2}/s, delivery/CPU ${ratios2// /x } %"
  echo "$side $cpu $rate $cpu2 $rate2 $sdk $ratios $ratios2" >> "$dir/.stats"
done
for side in "${!sides[@]}"; do
  col() { awk -v s="$side" -v c="$1" '$1 == s {print $c}' "$dir/.stats" | median; }
  echo "median $side: instant ours $(col 2) us $(col 3)/s, SDK $(col 6) us, delivery $(col 7)x, CPU $(col 8) % | +2 ms ours $(col 4) us $(col 5)/s, delivery $(col 9)x, CPU $(col 10) %"
done
rm -f "$dir/.stats"
