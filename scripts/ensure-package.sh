# Sourced by the scripts: ensure_command COMMAND PACKAGE... installs the Debian packages when COMMAND is missing.
ensure_command() {
  local command=$1; shift
  command -v "$command" >/dev/null 2>&1 && return 0
  echo "== Installing $* (Debian packages)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
