# shellcheck shell=bash
# Sourced by scripts/build-packages.sh and scripts/check-packages.sh: Debian roots made with
# mmdebstrap, kept as one tarball per purpose and release in $KEYCARD_CI_CACHE (default
# /var/cache/keycard-ci), named by a hash of what they hold (made again when that changes; older
# ones are removed), and extracted fresh for every use. Needs root, mmdebstrap, unshare, chroot,
# flock.

keycard_cache=${KEYCARD_CI_CACHE:-/var/cache/keycard-ci}

# The Debian mirror: KEYCARD_DEBIAN_MIRROR, else the first non-security Debian URI among APT's
# sources, else deb.debian.org.
keycard_mirror() {
    local mirror=${KEYCARD_DEBIAN_MIRROR:-}
    if [ -z "$mirror" ]; then
        mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
            2>/dev/null | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -n1 | tr -d ' ' || true)
    fi
    echo "${mirror:-http://deb.debian.org/debian}"
}

keycard_require_root_tools() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "$0: needs root (mmdebstrap, chroot, mounts)" >&2
        return 1
    fi
    local tool
    for tool in mmdebstrap unshare chroot tar flock; do
        command -v "$tool" >/dev/null || {
            echo "$0: $tool is missing (scripts/install-deps.sh installs it with CI=true)" >&2
            return 1
        }
    done
}

# keycard_root_tarball PURPOSE SUITE VARIANT INCLUDE [SATISFY]: prints the path of the tarball
# of a SUITE root (mmdebstrap VARIANT, with the packages INCLUDE, comma-separated, and, if given,
# whatever satisfies the dependency line SATISFY, e.g. debian/control's Build-Depends), making
# it first when it is missing. Progress goes to standard error.
keycard_root_tarball() {
    local purpose=$1 suite=$2 variant=$3 include=$4 satisfy=${5:-}
    local mirror key tarball started
    mirror=$(keycard_mirror)
    key=$(printf '%s\n' "$purpose" "$suite" "$variant" "$include" "$satisfy" "$mirror" | sha256sum | cut -c1-16)
    tarball="$keycard_cache/$purpose-$suite-$key.tar"
    mkdir -p "$keycard_cache"
    # One maker at a time per root (CI makes them in the background while it compiles): a
    # second caller waits here, then finds the tarball made.
    local lock
    exec {lock}>"$keycard_cache/.$purpose-$suite.lock"
    flock "$lock"
    if [ ! -s "$tarball" ]; then
        started=$SECONDS
        echo "== making the $suite root for $purpose (mmdebstrap from $mirror)" >&2
        local hooks=()
        if [ -n "$satisfy" ]; then
            hooks+=(--customize-hook="chroot \"\$1\" apt-get satisfy -y -q --no-install-recommends '$satisfy'")
        fi
        # force-unsafe-io: no fsync per file (a throw-away root; much faster).
        mmdebstrap --quiet --format=tar --variant="$variant" ${include:+--include="$include"} \
            --dpkgopt=force-unsafe-io --aptopt='Acquire::Retries "3"' \
            "${hooks[@]}" "$suite" "$tarball.tmp" "$mirror" >&2
        mv "$tarball.tmp" "$tarball"
        local old
        for old in "$keycard_cache/$purpose-$suite"-*.tar; do
            [ "$old" = "$tarball" ] || rm -f "$old"
        done
        echo "   made in $((SECONDS - started)) s: $tarball" >&2
    fi
    exec {lock}>&-
    echo "$tarball"
}

# keycard_extract_root TARBALL DIR: a fresh root in DIR (removed first), able to reach the mirror.
keycard_extract_root() {
    local tarball=$1 dir=$2
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -C "$dir" -xf "$tarball"
    cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
}

# keycard_chroot ROOT [--net-none] COMMAND...: runs COMMAND in ROOT with /proc, /dev, /dev/shm,
# /tmp and /run mounted in a private mount namespace (nothing stays mounted), a clean
# environment, and whatever KEYCARD_CHROOT_ENV (an array of NAME=VALUE) adds. With --net-none it
# also gets a network namespace of its own with only the loopback interface up.
keycard_chroot() {
    local root=$1
    shift
    local unshare_args=(--mount --propagation private)
    local net_setup=:
    if [ "${1:-}" = --net-none ]; then
        shift
        unshare_args+=(--net)
        net_setup='ip link set lo up'
    fi
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    unshare "${unshare_args[@]}" -- /bin/sh -eu -c '
root=$1 net_setup=$2
shift 2
eval "$net_setup"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount -t tmpfs tmpfs "$root/run"
exec chroot "$root" "$@"
' sh "$root" "$net_setup" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive "${KEYCARD_CHROOT_ENV[@]}" "$@"
}
