#!/usr/bin/env bash
# Regenerates docs/api-coverage.md from Sentry's vendored schema, the scope rules and the library's Refit interfaces.
# The test that renders it fails when the committed copy differs, so run this after adding or removing an operation.
set -euo pipefail
cd "$(dirname "$0")/.."
SENTRY_MANAGEMENT_WRITE_COVERAGE=1 dotnet test tests/Sentry.Management.Tests -c Release \
  --filter "FullyQualifiedName~Sentry.Management.Tests.Contract.ApiCoverageTests.Coverage_document_is_up_to_date" \
  --logger "console;verbosity=normal"
git --no-pager diff --stat -- docs/api-coverage.md || true
