#!/usr/bin/env bash
# Installs what the tests need (redis-server, chromium, varnish, the npm packages: contract linters, playwright-core, axe-core,
# openapi-typescript, openapi-fetch, typescript; the NSwag dotnet tool from .config/dotnet-tools.json),
# lints the OpenAPI contracts, checks the compose file, builds everything and runs every test.
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/ensure-package.sh
ensure_command redis-server redis-server
# The Debian package starts a system service on 6379; the tests use their own ports and never touch it.
ensure_command chromium chromium   # headless, for the Swagger UI browser test (playwright-core drives it)
ensure_command varnishd varnish  # the edge cache in front of the API (EdgeCacheTests runs deploy/varnish.vcl)
ensure_npm_packages
# NSwag, for the generated C# client test (GeneratedClientTests); a no-op when it is already restored.
dotnet tool restore >/dev/null

checks=0
echo "== Linting the OpenAPI contracts"
scripts/lint-contracts.sh || checks=1
echo "== Checking docker-compose.yml"
scripts/check-compose.sh || checks=1

echo "== Building (Release)"
dotnet build ContentApi.sln -c Release -nologo -v quiet

echo "== Testing"
results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test ContentApi.sln -c Release --no-build -nologo --results-directory "$results" \
  --logger "console;verbosity=minimal" --logger "trx" "$@" || status=$?

# One plain summary line over every test assembly, for people and CI alike.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # Skipped tests are counted in total but not in executed.
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(( ${t:-0} - ${e:-0} ))
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
# CI shows only the end of the output: name each failed test and the start of its message there.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    awk '
      /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); inside = 1; lines = 0; next }
      inside && /<Message>/ { printing = 1; sub(/.*<Message>/, "") }
      inside && printing { text = $0; done = sub(/<\/Message>.*/, "", text); if (lines == 0) print "  - " name; if (lines < 6) print "      " text; lines++; if (done) { printing = 0; inside = 0 } }
      inside && /<\/UnitTestResult>/ { if (lines == 0) print "  - " name; inside = 0; printing = 0 }
    ' "$trx" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&apos;/'"'"'/g; s/&amp;/\&/g'
  done
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$checks" -eq 0 ] || { echo "Contract lint or compose check failed (see above)"; status=1; }
exit $status
