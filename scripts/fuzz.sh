#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang++-14, ASan + UBSan) and runs each for
# SECONDS (default 30) on its seed corpus in fuzz/corpus/<target>. New inputs go to a scratch
# copy of the corpus, so the tree stays as it is. Exits non-zero on the first crash, leak or
# undefined behaviour; the reproducer is left in build/fuzz/artifacts/ (once fixed, commit it to
# fuzz/corpus/<target>/: ctest replays every corpus file in the ci and asan builds).
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
targets=(fuzz_decoders fuzz_error_body fuzz_field_rules fuzz_cli_args fuzz_timestamps fuzz_proxy_env
    fuzz_retry_after)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]}"

artifacts=build/fuzz/artifacts
mkdir -p "$artifacts"
for target in "${targets[@]}"; do
    seeds="fuzz/corpus/${target#fuzz_}"
    scratch="build/fuzz/corpus/${target#fuzz_}"
    mkdir -p "$scratch"
    cp -n "$seeds"/* "$scratch"/ 2>/dev/null || true
    # The JSON targets start from a dictionary of JSON tokens and the API's member names.
    dict=()
    case "$target" in
        fuzz_decoders | fuzz_error_body) dict=(-dict=fuzz/json.dict) ;;
    esac
    echo "== $target: ${seconds}s"
    # Qt needs no display here; detect_leaks stays on (a leak is a finding).
    QT_QPA_PLATFORM=offscreen \
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
        "build/fuzz/fuzz/$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
        "${dict[@]}" "$scratch"
done
echo "fuzz: every target ran ${seconds}s without a finding"
