#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt,
# and drops the lines it reports as no longer existing (RS0017). Review the diff: it is the API change.
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:-src/Sentry.Management}
file="$project/PublicAPI.Unshipped.txt"
# Union merges of parallel branches can leave duplicate lines (RS0025): normalise first.
{ head -n1 "$file"; tail -n +2 "$file" | grep -v '^$' | sort -u; } > "$file.tmp" && mv "$file.tmp" "$file"
for _ in 1 2 3; do
  out=$(dotnet build "$project" -c Release --no-incremental 2>&1 || true)
  add=$(grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" <<<"$out" | sort -u || true)
  remove=$(grep -oP "error RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" <<<"$out" | sort -u || true)
  [ -z "$add" ] && [ -z "$remove" ] && break
  { head -n1 "$file"; { tail -n +2 "$file"; [ -n "$add" ] && printf '%s\n' "$add"; } | grep -vxF -f <(printf '%s\n' "${remove:-__none__}") | sort -u; } > "$file.tmp"
  mv "$file.tmp" "$file"
done
grep -E "error|warning" <<<"$out" | grep -v RS001 | sed 's/ \[.*//' | sort -u | head -50 || true
