#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (CMake preset `asan`)
# and runs the whole test suite under them. Any ASan report or UBSan finding fails the run
# (-fno-sanitize-recover=undefined). Leak detection is off: Qt keeps process-lifetime
# allocations (plugins, fonts) that LeakSanitizer would report.
#   scripts/test-asan.sh [extra ctest arguments, e.g. -R test_core]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan --parallel 2 "$@"
