#!/usr/bin/env bash
# Packs the plugin author's kit (ContentApi.Abstractions, ContentApi.Content, ContentApi.Plugins.Testing and the
# contentapi tool, ContentApi.Cli, with the national content inside) into a folder that serves as a local NuGet feed for
# plugins made with `dotnet new contentapi-force-plugin` (the template too: ContentApi.ForcePlugin.Template); install the tool with
# `dotnet tool install --global ContentApi.Cli --add-source <folder>`.
# Usage: scripts/pack-plugin-kit.sh [output folder, default artifacts/packages] [version, default the contract version] [dotnet pack args...]
# The kit's version is the contract version (build/PluginKit.props). Packing ContentApi.Abstractions compares it with
# the last released contract (build/released/), so a breaking change fails here.
# CONFIGURATION=Debug packs a Debug build (default Release).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-artifacts/packages}")"
version="${2:-$(dotnet msbuild src/ContentApi.Abstractions -getProperty:ContractVersion -nologo)}"
shift $(( $# < 2 ? $# : 2 ))
for project in src/ContentApi.Abstractions src/ContentApi.Content src/ContentApi.Plugins.Testing src/ContentApi.Cli; do
  dotnet pack "$project" -c "${CONFIGURATION:-Release}" -o "$out" -p:Version="$version" -nologo -v quiet "$@"
done
# The template has no code: packed on its own, without the build arguments meant for the projects above.
dotnet pack templates/ContentApi.ForcePlugin.Template.csproj -c "${CONFIGURATION:-Release}" -o "$out" -p:Version="$version" -nologo -v quiet
echo "Plugin kit $version packed into $out"
