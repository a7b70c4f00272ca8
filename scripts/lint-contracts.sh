#!/usr/bin/env bash
# Lints the committed OpenAPI contracts (openapi/*.json) with Spectral (OpenAPI + OWASP API Security Top 10 2023
# rulesets, .spectral.yaml) and Redocly (recommended rules, redocly.yaml). Exits non-zero on any error.
# Installs the pinned linters from package-lock.json with `npm ci` when they are missing or not the pinned versions.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SCARF_ANALYTICS=false DO_NOT_TRACK=1

. scripts/ensure-package.sh
ensure_npm_packages

echo "== Spectral (spectral:oas + OWASP API Security Top 10 2023)"
node_modules/.bin/spectral lint openapi/*.json --ruleset .spectral.yaml --fail-severity error --display-only-failures
echo "== Redocly (recommended)"
node_modules/.bin/redocly lint openapi/*.json --format=summary 2>&1 | grep -v -e '^\s*[║╔╚]' -e '^\s*$'
exit "${PIPESTATUS[0]}"
