#!/usr/bin/env bash
# The one entry point for building and testing: `./build.sh test` runs every test suite.
set -euo pipefail
cd "$(dirname "$0")"

cmd="${1:-test}"
case "$cmd" in
  test)
    if [ -f tests/tools/package.json ] && [ ! -d tests/tools/node_modules ]; then
      (cd tests/tools && npm ci --no-audit --no-fund)
    fi
    rm -rf artifacts/test-results
    dotnet test Sentry.Management.sln -c Release \
      --logger "trx" --results-directory artifacts/test-results \
      --logger "console;verbosity=normal"
    ;;
  *)
    echo "usage: ./build.sh test" >&2
    exit 2
    ;;
esac
