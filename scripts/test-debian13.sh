#!/usr/bin/env bash
# Builds and tests this source tree on Debian 13 (trixie, Qt 6.8) in a chroot made with mmdebstrap.
#
# Usage: scripts/test-debian13.sh [CTEST ARGS...]        (as root, or with sudo available)
#        scripts/test-debian13.sh --root-only            only make the root, if it is missing
#
# - The root holds Debian's packages only: those scripts/install-deps.sh lists, from the Debian
#   mirror this machine's APT uses (or KEYCARD_DEBIAN_MIRROR). It is cached in
#   /var/cache/keycard-ci/debian13-HASH (HASH: the package list and the mirror), and made when it
#   is missing; roots of older lists are removed.
# - The source tree is mounted read-only at /src, with a fresh build directory over /src/build
#   (the host's build/ is never touched), and a persistent ccache in /var/cache/keycard-ci/ccache.
# - Inside, it runs what scripts/test.sh runs: the `ci` preset (Debug, -Werror), a full build and
#   the whole ctest suite, with CI=true passed through when set.
# Everything is mounted in a private mount namespace, so nothing stays mounted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

if [ "$(id -u)" -ne 0 ]; then
    exec sudo --preserve-env=CI,KEYCARD_DEBIAN_MIRROR,KEYCARD_CI_CACHE "$0" "$@"
fi
for tool in mmdebstrap unshare chroot flock; do
    command -v "$tool" >/dev/null || {
        echo "test-debian13: $tool is missing (scripts/install-deps.sh installs it)" >&2
        exit 1
    }
done

cache=${KEYCARD_CI_CACHE:-/var/cache/keycard-ci}
suite=trixie

# The Debian mirror: the first non-security Debian URI among APT's sources, else deb.debian.org.
mirror=${KEYCARD_DEBIAN_MIRROR:-}
if [ -z "$mirror" ]; then
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
        2>/dev/null | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -n1 | tr -d ' ' || true)
    mirror=${mirror:-http://deb.debian.org/debian}
fi

mapfile -t packages < <(scripts/install-deps.sh --list)
key=$(printf '%s\n' "$suite" "$mirror" "${packages[@]}" | sort | sha256sum | cut -c1-16)
root="$cache/debian13-$key"

started=$(date +%s)
mkdir -p "$cache/ccache"
# One maker at a time (CI makes the root in the background while it compiles): a second run
# waits here, then finds the root made.
exec {lock}>"$cache/.debian13.lock"
flock "$lock"
if [ ! -x "$root/usr/bin/cmake" ]; then
    echo "== making the Debian 13 root $root (from $mirror)"
    rm -rf "$root.tmp"
    include=$(IFS=,; echo "${packages[*]}")
    # force-unsafe-io: no fsync per file (a throw-away root; halves the time it takes).
    mmdebstrap --quiet --variant=apt --include="$include" \
        --dpkgopt=force-unsafe-io --aptopt='Acquire::Retries "3"' \
        "$suite" "$root.tmp" "$mirror"
    mv "$root.tmp" "$root"
    # Roots made for other package lists are out of date.
    for old in "$cache"/debian13-*; do
        [ "$old" = "$root" ] || [ ! -d "$old" ] || rm -rf "$old"
    done
    echo "   root made in $(($(date +%s) - started)) s"
else
    echo "== Debian 13 root: $root (cached)"
fi
exec {lock}>&-
if [ "${1:-}" = --root-only ]; then
    exit 0
fi

# SOURCE_DATE_EPOCH from the commit, computed here: the root has no git.
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && command -v git >/dev/null &&
    epoch=$(git -C "$source_dir" log -1 --format=%ct 2>/dev/null); then
    export SOURCE_DATE_EPOCH=$epoch
fi

build=$(mktemp -d "$cache/build-debian13.XXXXXX")
cleanup() { rm -rf "$build"; }
trap cleanup EXIT
mkdir -p "$source_dir/build"

# The commands run inside the root.
inner='set -eu
cd /src
cmake --preset ci >/dev/null
cmake --build --preset ci -- -k 0 -j"$(nproc)"
ccache --show-stats 2>/dev/null | grep -iE "^(hits|misses|cacheable|direct|preprocessed)" || true
ctest --preset ci --parallel "$(nproc)" "$@"'

# A private mount namespace: every mount below disappears when the command ends.
unshare --mount --propagation private -- /bin/sh -eu -c '
root=$1 src=$2 build=$3 ccache=$4
shift 4
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount -t tmpfs tmpfs "$root/run"
mkdir -p "$root/src" "$root/ccache"
mount --bind "$src" "$root/src"
mount -o remount,bind,ro "$root/src"
mount --bind "$build" "$root/src/build"
mount --bind "$ccache" "$root/ccache"
exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    TERM=dumb CI="${CI:-}" SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-}" \
    CCACHE_DIR=/ccache CCACHE_BASEDIR=/src CCACHE_MAXSIZE=2G \
    /bin/sh -c "$0" sh "$@"
' "$inner" "$root" "$source_dir" "$build" "$cache/ccache" "$@"

echo "== Debian 13: build and tests passed in $(($(date +%s) - started)) s"
