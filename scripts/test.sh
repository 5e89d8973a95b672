#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need when it is missing, then runs every test.
# Works on a fresh Debian 12 with only the .NET 10 SDK and node/npm, as root (or with passwordless sudo), without a
# terminal (CI=true). Arguments are passed to `dotnet test`, e.g.  scripts/test.sh --filter "FullyQualifiedName~Search".
# SKIP_INSTALL=1 installs nothing (the tests that need a missing program then fail and name it).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

# Debian packages the tests run, one a line: a command or file that shows it is there (a|b: either), then the package
# to install when it is not. Adding a test dependency is one line here (an npm tool: one line in package.json).
APT=(
  "chromium                       chromium"                  # browser tests (Playwright drives Debian's build)
  "java                           default-jre-headless"      # the W3C Nu HTML checker (vnu-jar, npm)
  "pdftotext                      poppler-utils"             # PDF and Word export tests
  "faketime                       faketime"                  # "today" in Vietnam at a fixed clock, in several zones
  "soffice                        libreoffice-writer-nogui"  # Word (.docx) tests
  "/usr/lib/libreoffice/program/libsclo.so libreoffice-calc-nogui"  # Excel (.xlsx) tests
  "clang|gcc                      clang"                     # Native AOT: the installed tool (PackTests, pack-tool.sh)
  "/usr/lib/python3/dist-packages/feedparser python3-feedparser"  # feeds read by a real feed library (FeedLibraryTests)
  "/usr/lib/python3/dist-packages/icalendar  python3-icalendar"   # calendars read by a real iCalendar library
)

have() {
  local p; IFS='|' read -r -a alternatives <<<"$1"
  for p in "${alternatives[@]}"; do
    case $p in /*) [ -e "$p" ] && return 0 ;; *) command -v "$p" >/dev/null 2>&1 && return 0 ;; esac
  done
  return 1
}

missing=()
for line in "${APT[@]}"; do
  read -r probe package <<<"$line"
  have "$probe" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "${SKIP_INSTALL:-}" = 1 ]; then
    echo "scripts/test.sh: not installing (SKIP_INSTALL=1): ${missing[*]}" >&2
  else
    sudo=()
    if [ "$(id -u)" != 0 ]; then
      sudo -n true 2>/dev/null || { echo "scripts/test.sh: missing ${missing[*]}: run as root (or with passwordless sudo) to install them, or SKIP_INSTALL=1" >&2; exit 1; }
      sudo=(sudo -n)
    fi
    echo "scripts/test.sh: installing ${missing[*]} (apt-get)..."
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# npm tools from the lock file, again only when package-lock.json changed since the last install.
if [ -f package-lock.json ]; then
  stamp=node_modules/.installed-from-lock
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "scripts/test.sh: npm ci..."
    npm ci --no-audit --no-fund --silent
    echo "$want" >"$stamp"
  fi
fi

# The code's style (.editorconfig): a change that is not formatted fails here, before the tests. Fix: dotnet format.
if [ "${SKIP_FORMAT:-}" != 1 ]; then
  echo "scripts/test.sh: dotnet format --verify-no-changes..."
  dotnet format CchcPortal.sln --verify-no-changes -v q || { echo "scripts/test.sh: not formatted as .editorconfig says: run 'dotnet format CchcPortal.sln'" >&2; exit 1; }
fi

exec dotnet test CchcPortal.sln --nologo "$@"
