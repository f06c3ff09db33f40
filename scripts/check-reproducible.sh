#!/usr/bin/env bash
# Builds the packages twice from this source tree, in two clean build directories, and checks that
# the .deb, .rpm and .tar.gz are byte for byte the same (and so is their SHA256SUMS).
#
# Usage: scripts/check-reproducible.sh [WORK_DIR]      (default: build/reproducible)
#
# Release builds without tests (what is packaged), SOURCE_DATE_EPOCH from the commit (or the
# environment). ccache may serve the second build's compilations; everything after the compiler
# (linking, resources, man pages, packaging) runs twice. Needs the packaging tools of
# scripts/install-deps.sh. On a difference it prints which files differ; diffoscope, when
# installed, shows how.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)
work=${1:-build/reproducible}
mkdir -p "$work"
work=$(cd "$work" && pwd)

if [ -z "${SOURCE_DATE_EPOCH:-}" ] && epoch=$(git log -1 --format=%ct 2>/dev/null); then
    export SOURCE_DATE_EPOCH=$epoch
fi
echo "== SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-unset} ($(git describe --always --dirty 2>/dev/null || echo 'no git'))"
jobs=${KEYCARD_JOBS:-$(nproc)}

build_once() {
    local dir=$1
    rm -rf "$dir"
    local started
    started=$(date +%s)
    cmake -S "$source_dir" -B "$dir/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DKEYCARD_BUILD_TESTS=OFF >"$dir.configure.log" 2>&1 ||
        { cat "$dir.configure.log" >&2; return 1; }
    cmake --build "$dir/build" -- -j"$jobs" >"$dir.build.log" 2>&1 ||
        { tail -50 "$dir.build.log" >&2; return 1; }
    (cd "$dir/build" && cpack -G "DEB;RPM;TGZ" -B "$dir/packages") >"$dir.cpack.log" 2>&1 ||
        { cat "$dir.cpack.log" >&2; return 1; }
    rm -rf "$dir/packages/_CPack_Packages"
    echo "   $(basename "$dir"): built and packaged in $(($(date +%s) - started)) s"
}

started=$(date +%s)
echo "== first build"
build_once "$work/one"
echo "== second build (another directory)"
build_once "$work/two"

echo "== comparing"
status=0
(cd "$work/one/packages" && ls) >"$work/one.list"
(cd "$work/two/packages" && ls) >"$work/two.list"
if ! cmp -s "$work/one.list" "$work/two.list"; then
    echo "different file names:" >&2
    diff "$work/one.list" "$work/two.list" >&2 || true
    status=1
fi
count=0
while read -r name; do
    [ -f "$work/two/packages/$name" ] || continue
    count=$((count + 1))
    if cmp -s "$work/one/packages/$name" "$work/two/packages/$name"; then
        echo "   same: $name $(sha256sum <"$work/one/packages/$name" | cut -c1-16)"
    else
        echo "   DIFFERENT: $name" >&2
        if command -v diffoscope >/dev/null; then
            diffoscope "$work/one/packages/$name" "$work/two/packages/$name" | head -60 >&2 || true
        fi
        status=1
    fi
done <"$work/one.list"
for kind in deb rpm tar.gz; do
    ls "$work/one/packages/"*."$kind" >/dev/null 2>&1 || { echo "no .$kind was built" >&2; status=1; }
done
[ -f "$work/one/packages/SHA256SUMS" ] || { echo "no SHA256SUMS was written" >&2; status=1; }
(cd "$work/one/packages" && sha256sum --quiet -c SHA256SUMS) || { echo "SHA256SUMS does not match" >&2; status=1; }

if [ "$status" -ne 0 ]; then
    echo "check-reproducible: FAIL (packages in $work/one/packages and $work/two/packages)" >&2
    exit 1
fi
echo "check-reproducible: OK, $count files identical ($(($(date +%s) - started)) s)"
