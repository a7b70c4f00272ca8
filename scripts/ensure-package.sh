# Sourced by the scripts: ensure_command COMMAND PACKAGE... installs the Debian packages when COMMAND is missing.
ensure_command() {
  local command=$1; shift
  command -v "$command" >/dev/null 2>&1 && return 0
  echo "== Installing $* (Debian packages)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# ensure_npm_packages installs package.json's devDependencies (the contract linters, and playwright-core and axe-core
# for the Swagger UI browser test) with `npm ci` when any is missing or not the pinned version. No install scripts: none
# is needed (browsers are Debian's chromium, never downloaded), and one dependency's only script is analytics.
ensure_npm_packages() {
  ensure_command npm nodejs npm
  node -e '
    const pinned = require("./package.json").devDependencies;
    for (const [name, version] of Object.entries(pinned)) {
      let installed;
      try { installed = require(`./node_modules/${name}/package.json`).version; } catch { process.exit(1); }
      if (installed !== version) process.exit(1);
    }' && return 0
  echo "== npm ci (package.json devDependencies)"
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
}
