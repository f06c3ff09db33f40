#!/usr/bin/env bash
# Builds the .deb of this source tree with dpkg-buildpackage in a fresh Debian root of SUITE
# (bookworm = Debian 12, trixie = Debian 13) holding build-essential, debian/control's
# Build-Depends and nothing else but ccache and rpm, and, with --rpm-tgz, the .rpm and the
# .tar.gz with CPack from the same build tree. The root's tarball is cached (scripts/debian-roots.sh)
# and extracted fresh for every build.
#
# Usage: scripts/build-packages.sh [--rpm-tgz] [--tmpfs] [--no-ccache] [--path DIR] SUITE OUT_DIR
#        scripts/build-packages.sh --root-only SUITE     (only make the root's tarball, if missing)
#   --tmpfs      build on a tmpfs (another file system than the root's)
#   --path DIR   the directory the sources are built in, inside the root
#                (default /build/keycard-admin-VERSION)
#   --no-ccache  compile everything (by default the compiler cache in $KEYCARD_CI_CACHE/ccache-SUITE
#                serves what it can)
# OUT_DIR receives the .deb, the -dbgsym .deb, .buildinfo, .changes, build.log and, with
# --rpm-tgz, the .rpm, the .tar.gz and their SHA256SUMS. The version gets the suite's stamp
# (packaging/stamp-changelog.sh): 0.1.0-1~deb12u1 on bookworm.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)
# shellcheck source=scripts/debian-roots.sh
. scripts/debian-roots.sh

rpm_tgz=0 tmpfs=0 ccache=1 build_path="" root_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --rpm-tgz) rpm_tgz=1 ;;
        --tmpfs) tmpfs=1 ;;
        --no-ccache) ccache=0 ;;
        --root-only) root_only=1 ;;
        --path) build_path=$2; shift ;;
        -*) echo "build-packages: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
    shift
done
if [ $# -ne $((2 - root_only)) ]; then
    sed -n '2,18p' "$0" >&2
    exit 2
fi
suite=$1
keycard_require_root_tools

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
upstream=${version#*:}
upstream=${upstream%-*}
build_path=${build_path:-/build/keycard-admin-$upstream}
case "$build_path" in
    /*/*) ;;
    *) echo "build-packages: --path must be an absolute path below a directory" >&2; exit 2 ;;
esac

# Build-Depends, one line, for apt-get satisfy.
build_depends=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' debian/control | sed -e '1s/^Build-Depends://' -e '/^[A-Z]/d' |
    tr '\n' ' ' | sed -e 's/  */ /g' -e 's/^ //' -e 's/, *$//')
tarball=$(keycard_root_tarball build "$suite" buildd ccache,rpm "$build_depends")
[ "$root_only" = 0 ] || exit 0
mkdir -p "$2"
out=$(cd "$2" && pwd)

started=$SECONDS
work=$(mktemp -d "$keycard_cache/build-$suite.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
root="$work/root"
keycard_extract_root "$tarball" "$root"
rm -f "$out"/*.deb "$out"/*.ddeb "$out"/*.buildinfo "$out"/*.changes "$out"/*.rpm "$out"/*.tar.gz "$out"/SHA256SUMS

# The sources: what git tracks (with uncommitted changes), else the tree without build output.
src="$root$build_path"
mkdir -p "$src"
if git -C "$source_dir" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$source_dir" ls-files -z --cached --others --exclude-standard |
        (cd "$source_dir" && xargs -0 tar --no-recursion -cf - 2>/dev/null --ignore-failed-read) |
        tar -C "$src" -xf -
else
    tar -C "$source_dir" --exclude=./build --exclude=./.git -cf - . | tar -C "$src" -xf -
fi
packaging/stamp-changelog.sh "$src/debian/changelog" "$root/etc/os-release" >/dev/null

mkdir -p "$keycard_cache/ccache-$suite" "$root/ccache"
build_env=("DEB_BUILD_OPTIONS=parallel=${KEYCARD_JOBS:-$(nproc)}")
if [ "$ccache" = 1 ]; then
    # No CCACHE_BASEDIR: ccache would compile with relative source paths, which the
    # -ffile-prefix-map flags do not map, and the debug information (hence the build ids)
    # would differ from a build without ccache. The build path is the same every time anyway.
    build_env+=(CCACHE_DIR=/ccache CCACHE_NOHASHDIR=true CCACHE_MAXSIZE=2G)
else
    build_env+=(CCACHE_DISABLE=1)
fi
echo "== $suite: dpkg-buildpackage in $build_path$([ "$tmpfs" = 1 ] && echo ' on a tmpfs')$([ "$ccache" = 0 ] && echo ', without ccache')"
# In a private mount namespace (nothing stays mounted): /proc, /dev, /tmp, the compiler cache
# and, with --tmpfs, a tmpfs holding the build directory's parent (where dpkg-buildpackage
# writes its results, copied to OUT_DIR before the namespace ends).
# shellcheck disable=SC2016 # the inner script expands its own arguments
unshare --mount --propagation private -- /bin/sh -eu -c '
root=$1 build_path=$2 tmpfs=$3 cache=$4 rpm_tgz=$5 out=$6
shift 6
parent=$(dirname "$build_path")
if [ "$tmpfs" = 1 ]; then
    mv "$root$parent" "$root$parent.disk"
    mkdir -p "$root$parent"
    mount -t tmpfs -o size=8G tmpfs "$root$parent"
    cp -a "$root$parent.disk/." "$root$parent/"
    rm -rf "$root$parent.disk"
fi
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount -t tmpfs tmpfs "$root/run"
mount --bind "$cache" "$root/ccache"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    TERM=dumb "$@" /bin/sh -euc "
cd \"$build_path\"
dpkg-buildpackage -us -uc -b
if [ $rpm_tgz = 1 ]; then
    cd obj-*
    cpack -G \"RPM;TGZ\" -B \"$parent/cpack\"
fi"
find "$root$parent" -maxdepth 1 -type f \( -name "*.deb" -o -name "*.ddeb" -o -name "*.buildinfo" \
    -o -name "*.changes" \) -exec cp {} "$out/" \;
if [ "$rpm_tgz" = 1 ]; then
    cp "$root$parent"/cpack/*.rpm "$root$parent"/cpack/*.tar.gz "$root$parent"/cpack/SHA256SUMS "$out/"
fi
' sh "$root" "$build_path" "$tmpfs" "$keycard_cache/ccache-$suite" "$rpm_tgz" "$out" "${build_env[@]}" \
    >"$work/build.log" 2>&1 || status=$?
cp "$work/build.log" "$out/build.log"
if [ "${status:-0}" -ne 0 ]; then
    tail -60 "$out/build.log" >&2
    echo "build-packages: the $suite build failed ($out/build.log)" >&2
    exit 1
fi
echo "   $suite: built in $((SECONDS - started)) s: $(cd "$out" && find . -maxdepth 1 -name '*.deb' -o -name '*.rpm' -o -name '*.tar.gz' | sort | tr '\n' ' ')"
