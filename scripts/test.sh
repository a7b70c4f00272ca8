#!/usr/bin/env bash
# Installs what the tests need (redis-server, the npm contract linters), lints the OpenAPI contracts, checks the
# compose file, builds everything and runs every test.
# Usage: scripts/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/ensure-package.sh
ensure_command redis-server redis-server
# The Debian package starts a system service on 6379; the tests use their own ports and never touch it.

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
  --logger "console;verbosity=normal" --logger "trx" "$@" || status=$?

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
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$checks" -eq 0 ] || { echo "Contract lint or compose check failed (see above)"; status=1; }
exit $status
