#!/usr/bin/env bash
# Every package `dotnet tool install CchcPortal --add-source DIR` needs, written to DIR:
#   CchcPortal.<v>.nupkg            the tool's top package: names the packages below, for dotnet to pick the machine's
#   CchcPortal.linux-x64.<v>.nupkg  Native AOT, as scripts/publish-binaries.sh builds it (settings in CchcPortal.Cli.csproj)
#   CchcPortal.any.<v>.nupkg        framework-dependent, for every other machine with .NET 10
# Usage: scripts/pack-tool.sh DIR
# The Linux x64 package is compiled here, so this runs on Linux x64 with a C compiler, clang or gcc (Debian: apt-get
# install clang; scripts/test.sh installs it). Native AOT cannot cross-compile.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/pack-tool.sh DIR" >&2; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ "$(uname -sm)" = "Linux x86_64" ] || { echo "pack-tool.sh: the Native AOT package is built on Linux x64 only" >&2; exit 1; }
{ command -v clang || command -v gcc; } >/dev/null || { echo "pack-tool.sh: Native AOT needs clang or gcc (apt-get install clang)" >&2; exit 1; }
project=src/CchcPortal.Cli
# A package holds every file of its publish folder: each pack publishes into a fresh one, so nothing left there by an
# earlier publish is packed, and no symbol file is copied there (Native AOT would add its 53 MB cchc.dbg).
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pack=(dotnet pack "$project" -c Release --nologo -v q -o "$out" -p:DebugType=none -p:CopyOutputSymbolsToPublishDirectory=false)
"${pack[@]}"                                                                       # the top package
"${pack[@]}" -r linux-x64 -p:PublishDir="$work/linux-x64/"                         # Native AOT
"${pack[@]}" -r any -p:PublishAot=false -p:PublishDir="$work/any/"                 # framework-dependent
ls -1 "$out"/CchcPortal*.nupkg
