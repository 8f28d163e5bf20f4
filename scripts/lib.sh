# shellcheck shell=bash
# SPDX-License-Identifier: MIT
# Shared by scripts/test, scripts/demo (and .ci/run through scripts/test). Source it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It defines DIPLO_ROOT (the repository root, whatever the caller's cwd) and:
#   diplo_missing_packages [PKG...]  print the Debian packages (default: all of ours) not installed
#   diplo_setup [PKG...]             install what is missing (ours and PKG...), or say how to
#   diplo_fmt_source_dir             the {fmt} source tree for the fmt12 and libcxx presets
#   diplo_jobs                       number of parallel jobs (all cores)
#   diplo_configure BUILD_DIR [ARG...]  cmake configure with the project's usual options

DIPLO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Every Debian/Ubuntu package the build, the tests and the data tools need. The one list.
DIPLO_DEBIAN_PACKAGES=(
  cmake g++ make pkg-config
  libhowardhinnant-date-dev libfmt-dev libutf8proc-dev libsimdjson-dev libcli11-dev libpugixml-dev
  googletest libgtest-dev libbenchmark-dev libsqlite3-dev
  tzdata iso-codes python3 python3-jsonschema
  python3-icalendar nodejs chromium libxml2-utils groff-base man-db
)
# npm too (the interop tests install their npm packages with it), from Debian's package
# unless the Node.js installed brings its own: NodeSource's does, and conflicts with Debian's.

diplo_log() { printf 'diplo: %s\n' "$*" >&2; }

# Prints, one per line, those of the given packages (default: DIPLO_DEBIAN_PACKAGES) that
# dpkg does not report as "install ok installed".
diplo_missing_packages() {
  if (($# == 0)); then set -- "${DIPLO_DEBIAN_PACKAGES[@]}"; fi
  local pkg status
  for pkg in "$@"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then printf '%s\n' "$pkg"; fi
  done
}

# Makes sure the Debian packages are there. As root it installs the missing ones, with
# `sudo -n` when that works without a password, and otherwise prints the command to run
# and fails. `apt-get update` runs only when something is missing. Without dpkg (not
# Debian/Ubuntu) it says what is needed and goes on: CMake then fetches date, {fmt} and
# utf8proc itself (FetchContent, needs internet), but a compiler, CMake >= 3.23 and
# GoogleTest must already be there.
diplo_setup() {
  local -a wanted=("${DIPLO_DEBIAN_PACKAGES[@]}" "$@")
  if ! command -v npm >/dev/null 2>&1; then wanted+=(npm); fi
  if ! command -v dpkg-query >/dev/null 2>&1; then
    diplo_log "not a Debian/Ubuntu system (no dpkg-query); cannot check packages."
    diplo_log "needed: a C++20 compiler (g++ >= 12 or clang >= 15), CMake >= 3.23, make,"
    diplo_log "pkg-config, GoogleTest, the IANA tz database (/usr/share/zoneinfo), python3."
    diplo_log "date, {fmt} and utf8proc are fetched by CMake when not installed (needs internet)."
    if ! command -v cmake >/dev/null 2>&1; then
      diplo_log "cmake is not installed: install CMake >= 3.23 first."
      return 1
    fi
    return 0
  fi

  local -a missing
  mapfile -t missing < <(diplo_missing_packages "${wanted[@]}")
  if ((${#missing[@]} == 0)); then return 0; fi
  diplo_log "missing Debian packages: ${missing[*]}"

  local -a as_root
  if [[ "$(id -u)" -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    diplo_log "cannot install them: not root, and no password-less sudo. Run:"
    printf '  sudo apt-get update && sudo apt-get install -y --no-install-recommends %s\n' \
      "${missing[*]}" >&2
    return 1
  fi

  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"

  mapfile -t missing < <(diplo_missing_packages "${missing[@]}")
  if ((${#missing[@]} != 0)); then
    diplo_log "still missing after apt-get install: ${missing[*]}"
    return 1
  fi
}

# The {fmt} source tree that the fmt12 and libcxx presets build {fmt} from: $DIPLO_FMT_SOURCE_DIR,
# else {fmt} 12.2.0 beside the repository (../shared/vendor/fmt-12.2.0, as CI has it).
diplo_fmt_source_dir() {
  local dir="${DIPLO_FMT_SOURCE_DIR:-$DIPLO_ROOT/../shared/vendor/fmt-12.2.0}"
  if [[ ! -f "$dir/CMakeLists.txt" || ! -f "$dir/include/fmt/format.h" ]]; then
    diplo_log "no {fmt} source tree at $dir: set DIPLO_FMT_SOURCE_DIR to one (e.g. {fmt} 12.2.0)"
    return 1
  fi
  (cd "$dir" && pwd)
}

diplo_jobs() {
  nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2
}

# The configure step of scripts/demo and scripts/bench: the dev preset (CMakePresets.json),
# as scripts/test, so that demo and test share build/. DIPLO_BUILD_TYPE overrides the
# build type (default Debug).
diplo_configure() {
  local build_dir="$1"
  shift
  cmake --preset dev -S "$DIPLO_ROOT" -B "$build_dir" \
    -DCMAKE_BUILD_TYPE="${DIPLO_BUILD_TYPE:-Debug}" \
    "$@"
}
