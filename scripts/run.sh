#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build, and open Keycard Admin.
# With no KEYCARD_API_* variables and no saved profile, the app opens on the built-in sandbox
# with demo data. Extra arguments go to keycard-admin (e.g. --base-url URL, --sandbox).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target keycard-admin
exec build/release/bin/keycard-admin "$@"
