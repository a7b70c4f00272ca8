#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: `docker-compose config` (Debian package) parses it against the
# Compose schema and resolves anchors and variables; then the services this deployment needs are checked.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-package.sh
ensure_command docker-compose docker-compose   # used only to parse the file
docker-compose -f docker-compose.yml config -q
services=$(docker-compose -f docker-compose.yml config --services | sort | tr '\n' ' ')
for required in api-1 api-2 nginx redis; do
  [[ " $services" == *" $required "* ]] || { echo "docker-compose.yml lacks service $required (has: $services)"; exit 1; }
done
resolved=$(docker-compose -f docker-compose.yml config)
grep -q 'dotnet", "ContentApi.Host.dll", "--healthcheck"' src/ContentApi.Host/Dockerfile || { echo "Dockerfile has no health check"; exit 1; }
grep -q '^USER \$APP_UID' src/ContentApi.Host/Dockerfile || { echo "Dockerfile does not run as the non-root user"; exit 1; }
grep -q 'server api-1:8080' deploy/nginx.conf && grep -q 'server api-2:8080' deploy/nginx.conf || { echo "nginx.conf does not balance api-1 and api-2"; exit 1; }
[ "$(grep -c 'ForwardedHeaders__KnownNetworks__0: 172.30.0.0/24' <<<"$resolved")" -eq 2 ] || { echo "Both API instances must trust the nginx network"; exit 1; }
echo "docker-compose.yml is valid: services $services"
