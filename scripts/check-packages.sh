#!/usr/bin/env bash
# shellcheck disable=SC2016 # the scripts run in the roots expand their own variables
# The Debian 12 and Debian 13 packages, each built from debian/ in a fresh root of its release
# (scripts/build-packages.sh), checked (packaging/check-deb.sh: fields, contents, lintian), then
# installed with apt into a fresh mmdebstrap root of its release that holds no Qt (apt installs
# the dependencies from the mirror), where the three programs run (packaging/smoke-installed.sh:
# --version, keycardctl against a keycard-sandbox started there, keycard-admin --screenshot
# offscreen) and the package is removed again, leaving none of its files. Last, the Debian 12
# package is offered to a fresh Debian 13 root: apt must refuse it (its Qt HttpServer cap) or it
# must run there; anything else fails.
#
# Usage: scripts/check-packages.sh [--bookworm DIR] [--trixie DIR] [--only SUITE] [OUT_DIR]
#        scripts/check-packages.sh --roots-only [--only SUITE]
#   --SUITE DIR  use the packages already built in DIR (by scripts/build-packages.sh, e.g. in
#                scripts/check-reproducible.sh) instead of building them here
#   --only SUITE check that release's package only (with bookworm, the Debian 13 refusal too)
#   OUT_DIR      where the packages, logs and screenshots go (default build/packages)
#   --roots-only make the roots' tarballs this needs (to build and to install), if missing, and
#                stop (.ci/run makes them in the background while it compiles)
# As root, with mmdebstrap (scripts/install-deps.sh installs it with CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/debian-roots.sh
. scripts/debian-roots.sh

declare -A given=()
suites=(bookworm trixie)
roots_only=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bookworm | --trixie) given[${1#--}]=$2; shift ;;
        --roots-only) roots_only=1 ;;
        --only)
            case "$2" in bookworm | trixie) suites=("$2") ;; *) echo "check-packages: --only bookworm|trixie" >&2; exit 2 ;; esac
            shift ;;
        -*) echo "check-packages: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
    shift
done
keycard_require_root_tools
if [ "$roots_only" = 1 ]; then
    for suite in "${suites[@]}"; do
        [ -n "${given[$suite]:-}" ] || scripts/build-packages.sh --root-only "$suite"
        keycard_root_tarball run "$suite" apt "" >/dev/null
    done
    exit 0
fi
out=${1:-build/packages}
mkdir -p "$out"
out=$(cd "$out" && pwd)
KEYCARD_CHROOT_ENV=()
command -v lintian >/dev/null || { echo "check-packages: lintian is missing" >&2; exit 1; }

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
version=${version#*:}
version=${version%-*}
started=$SECONDS
work=$(mktemp -d "$keycard_cache/check-packages.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

fail() {
    echo "check-packages: FAIL: $*" >&2
    exit 1
}
step_time() { echo "   ($1: $((SECONDS - $2)) s)"; }

declare -A deb=()
for suite in "${suites[@]}"; do
    t=$SECONDS
    dir=${given[$suite]:-}
    if [ -z "$dir" ]; then
        dir="$out/$suite"
        scripts/build-packages.sh "$suite" "$dir"
    fi
    debs=("$dir"/keycard-admin_*~deb*_*.deb)
    [ -f "${debs[0]}" ] || fail "no keycard-admin .deb in $dir"
    [ "${#debs[@]}" = 1 ] || fail "more than one keycard-admin .deb in $dir"
    deb[$suite]=${debs[0]}
    packaging/check-deb.sh "${deb[$suite]}" "$version"
    step_time "$suite package" "$t"
done
case "$(basename "${deb[bookworm]:-~deb12u}")" in *~deb12u*) ;; *) fail "the bookworm package is not ~deb12u*" ;; esac
case "$(basename "${deb[trixie]:-~deb13u}")" in *~deb13u*) ;; *) fail "the trixie package is not ~deb13u*" ;; esac

# install_in SUITE DEB LOG: a fresh SUITE root with DEB offered to apt; returns apt's status.
install_in() {
    local suite=$1 package=$2 log=$3 tarball root
    tarball=$(keycard_root_tarball run "$suite" apt "")
    root="$work/root-$suite"
    keycard_extract_root "$tarball" "$root"
    mkdir -p "$root/root/pkg"
    cp "$package" "$root/root/pkg/"
    keycard_chroot "$root" /bin/sh -c 'apt-get update -q && apt-get install -y -q --no-install-recommends "/root/pkg/$1"' \
        sh "$(basename "$package")" >"$log" 2>&1
}
# run_in SUITE NAME: the smoke test in the root install_in made (loopback only), then removal.
run_in() {
    local suite=$1 name=$2
    local root="$work/root-$suite"
    cp packaging/smoke-installed.sh "$root/root/smoke-installed.sh"
    keycard_chroot "$root" --net-none /bin/sh /root/smoke-installed.sh "$version" "/root/$name.png" ||
        return 1
    cp "$root/root/$name.png" "$out/screenshot-$name.png"
    # Removal leaves none of the package's files.
    keycard_chroot "$root" /bin/sh -euc '
dpkg -L keycard-admin | while read -r f; do if [ -f "$f" ]; then echo "$f"; fi; done >/root/files
apt-get remove -y -q --purge keycard-admin >/dev/null
left=$(while read -r f; do if [ -e "$f" ]; then echo "$f"; fi; done </root/files)
[ -z "$left" ] || { echo "left after removal: $left" >&2; exit 1; }
echo "removed: none of its $(wc -l </root/files) files left"'
}

for suite in "${suites[@]}"; do
    t=$SECONDS
    echo "== $(basename "${deb[$suite]}") in a fresh $suite root"
    install_in "$suite" "${deb[$suite]}" "$out/install-$suite.log" ||
        { tail -30 "$out/install-$suite.log" >&2; fail "apt-get install of the $suite package into $suite failed"; }
    run_in "$suite" "$suite" || fail "the $suite package does not run on $suite"
    step_time "$suite install and run" "$t"
done

if [ -z "${deb[bookworm]:-}" ]; then
    echo "check-packages: OK in $((SECONDS - started)) s (${suites[*]} only)"
    exit 0
fi
t=$SECONDS
echo "== $(basename "${deb[bookworm]}") offered to a fresh trixie root"
if install_in trixie "${deb[bookworm]}" "$out/install-bookworm-on-trixie.log"; then
    echo "apt installed it: it must run"
    run_in trixie bookworm-on-trixie || fail "the Debian 12 package installs on Debian 13 but does not run there"
    echo "cross-install: the Debian 12 package installs and runs on Debian 13"
else
    # Refused for the right reason: a dependency apt cannot satisfy, the Qt HttpServer cap.
    # (Debian 13's apt writes the relation as "<", Debian 12's as "<<".)
    if ! grep -qE 'Depends: libqt6httpserver6 \(<<? 6\.[0-9]+\)' "$out/install-bookworm-on-trixie.log"; then
        tail -30 "$out/install-bookworm-on-trixie.log" >&2
        fail "apt refused the Debian 12 package on Debian 13, but not because of the Qt HttpServer cap"
    fi
    status=$(keycard_chroot "$work/root-trixie" dpkg-query -W -f='${Status}' keycard-admin 2>/dev/null || true)
    case "$status" in
        *" installed") fail "apt failed, yet keycard-admin is installed on trixie" ;;
    esac
    grep -E 'Depends: libqt6httpserver6' "$out/install-bookworm-on-trixie.log" | head -n3
    echo "cross-install: apt refuses the Debian 12 package on Debian 13 (Qt HttpServer cap), as intended"
fi
step_time "cross-install" "$t"
echo "check-packages: OK in $((SECONDS - started)) s (${suites[*]})"
