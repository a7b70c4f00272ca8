#!/usr/bin/env bash
# Makes a new random API key and prints the configuration that stores only its SHA-256 hash.
# Usage: scripts/new-api-key.sh <key-id> [partner|admin]
set -euo pipefail
id=${1:?usage: new-api-key.sh <key-id> [partner|admin]}
role=${2:-partner}
key=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
echo "Give this key to its holder once (it is not stored anywhere): $key"
echo "Configuration (environment variables):"
echo "  Security__ApiKeys__${id}__Hash=$hash"
echo "  Security__ApiKeys__${id}__Role=$role"
# A shell variable name holds only letters, digits and _: "export Security__ApiKeys__ops-admin__Hash=..." fails.
if ! [[ "Security__ApiKeys__${id}__Hash" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "The key id '$id' has characters a shell variable name cannot hold, so 'export' will refuse these lines."
  echo "Pass them with env, docker compose 'environment:' or an env file instead, for example:"
  echo "  env 'Security__ApiKeys__${id}__Hash=$hash' 'Security__ApiKeys__${id}__Role=$role' dotnet ContentApi.Host.dll"
  echo "or choose an id of letters, digits and _ only."
fi
