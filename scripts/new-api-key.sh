#!/usr/bin/env bash
# Makes a new random API key and prints the configuration that stores only its SHA-256 hash.
# Usage: scripts/new-api-key.sh <key-id> [partner|admin]
set -euo pipefail
id=${1:?usage: new-api-key.sh <key-id> [partner|admin]}
role=${2:-partner}
# The id becomes one segment of a configuration key (Security:ApiKeys:<id>:Hash): ':' and '__' separate segments, and
# so does an id's last '_' next to the '__' that follows it. It is logged, so it stays plain: letters, digits, _ - .
if ! [[ "$id" =~ ^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$ ]] || [[ "$id" == *__* ]]; then
  echo "new-api-key.sh: the key id '$id' must start and end with a letter or digit and hold only letters, digits, '_', '-' and '.' (no '__')." >&2
  exit 2
fi
case "$role" in
  partner|admin) ;;
  *) echo "new-api-key.sh: the role must be partner or admin, not '$role'." >&2; exit 2 ;;
esac
# 48 random bytes make 64 base64 characters, so 40 remain after dropping / + = (32 bytes sometimes left fewer).
key=$(head -c 48 /dev/urandom | base64 -w0 | tr -d '/+=' | head -c 40)
hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
echo "Give this key to its holder once (it is not stored anywhere): $key"
echo "Configuration (environment variables):"
echo "  Security__ApiKeys__${id}__Hash=$hash"
echo "  Security__ApiKeys__${id}__Role=$role"
# A shell variable name holds only letters, digits and _: "export Security__ApiKeys__ops-admin__Hash=..." fails.
if ! [[ "$id" =~ ^[A-Za-z0-9_]+$ ]]; then
  echo "The key id '$id' has characters a shell variable name cannot hold, so 'export' will refuse these lines."
  echo "Pass them with env, docker compose 'environment:' or an env file instead, for example:"
  echo "  env 'Security__ApiKeys__${id}__Hash=$hash' 'Security__ApiKeys__${id}__Role=$role' dotnet ContentApi.Host.dll"
  echo "or choose an id of letters, digits and _ only."
fi
