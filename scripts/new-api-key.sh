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
