#!/usr/bin/env bash
# Packaging gate for the .deb: builds it with CPack from a configured and built tree, runs
# lintian (errors fail), unpacks it into a temporary root and runs the installed programs'
# --version, which must print the package version. As root, and only when
# KEYCARD_PACKAGING_INSTALL_TEST=1 or CI=true, it also installs the package with dpkg -i and
# removes it with dpkg -r, checking that nothing is left behind.
#
# Usage: packaging/check-deb.sh BUILD_DIR VERSION
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 BUILD_DIR VERSION" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
version=$2
package=keycard-admin
gui=${KEYCARD_BUILD_GUI:-1}

fail() {
    echo "check-deb: FAIL: $*" >&2
    exit 1
}

for tool in cpack dpkg-deb lintian; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/keycard-deb.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

echo "== cpack -G DEB"
(cd "$build_dir" && cpack --config CPackConfig.cmake -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
debs=("$work"/out/"${package}"_*.deb)
[ -f "${debs[0]}" ] || { cat "$work/cpack.log" >&2; fail "no ${package}_*.deb produced"; }
deb=${debs[0]}
echo "built $(basename "$deb")"

echo "== control fields"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = "$package" ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected '$version'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Section)" ] || fail "no Section"
depends=$(field Depends)
echo "Depends: $depends"
# shlibdeps must have computed the shared library dependencies.
grep -q 'libc6' <<<"$depends" || fail "Depends lacks libc6: dpkg-shlibdeps did not run"
grep -q 'libqt6core6' <<<"$depends" || fail "Depends lacks libqt6core6"
grep -q 'libsecret-1-0' <<<"$depends" || fail "Depends lacks libsecret-1-0 (QtKeychain loads it at run time)"
# Qt HttpServer (keycard-sandbox) has no stable ABI: the package holds below the next minor version.
grep -qE 'libqt6httpserver6 \(<< 6\.[0-9]+\)' <<<"$depends" ||
    fail "Depends does not cap libqt6httpserver6 below the next Qt minor version"
if [ "$gui" = 1 ]; then
    svg=$(tr ',' '\n' <<<"$depends" | grep -c 'libqt6svg6' || true)
    [ "$svg" = 1 ] || fail "Depends names libqt6svg6 $svg times, expected once"
    recommends=$(field Recommends)
    echo "Recommends: $recommends"
    grep -q 'gnome-keyring | libkf5wallet-bin' <<<"$recommends" || fail "Recommends lacks a Secret Service provider"
    grep -q 'qt6-wayland' <<<"$recommends" || fail "Recommends lacks qt6-wayland"
fi
# No invented contact: the maintainer is the configured one (default: an RFC 2606 .invalid address).
grep -qv 'keycard-admin@keycard.ai' <<<"$(field Maintainer)" || fail "Maintainer is the invented address"

echo "== contents"
dpkg-deb -c "$deb" >"$work/contents"
expect_file() {
    grep -qE " \./usr/$1\$" "$work/contents" || fail "package lacks /usr/$1"
}
expect_file bin/keycardctl
expect_file bin/keycard-sandbox
expect_file share/man/man1/keycardctl.1.gz
expect_file share/man/man1/keycard-sandbox.1.gz
expect_file share/doc/$package/copyright
expect_file share/doc/$package/changelog.gz
expect_file share/doc/$package/README.md
expect_file share/bash-completion/completions/keycardctl
expect_file share/zsh/vendor-completions/_keycardctl
expect_file share/fish/vendor_completions.d/keycardctl.fish
if [ "$gui" = 1 ]; then
    expect_file bin/keycard-admin
    expect_file share/man/man1/keycard-admin.1.gz
    expect_file share/applications/ai.keycard.KeycardAdmin.desktop
    expect_file share/metainfo/ai.keycard.KeycardAdmin.metainfo.xml
    expect_file share/icons/hicolor/scalable/apps/ai.keycard.KeycardAdmin.svg
    for size in 16 22 24 32 48 64 128 256 512; do
        expect_file "share/icons/hicolor/${size}x${size}/apps/ai.keycard.KeycardAdmin.png"
    done
fi
# Nothing outside /usr, no world-writable or setuid files.
if awk '{print $6}' "$work/contents" | grep -vE '^\./(usr(/.*)?)?$'; then
    fail "files outside /usr (listed above)"
fi
if awk '{print $1}' "$work/contents" | grep -E '^.{8}w|^...s|^......s'; then
    fail "world-writable or setuid/setgid entries"
fi

echo "== copyright"
copyright=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/$package/copyright)
grep -q '^License: Apache-2.0 and GPL-3$' <<<"$copyright" || fail "copyright lacks the combined licence"
if grep -qE 'keycard-admin@keycard\.ai|github\.com/keycardai' <<<"$copyright"; then
    fail "copyright names an invented address or repository"
fi

echo "== lintian"
# Errors fail the gate; warnings are printed for the record.
if ! lintian --fail-on error --display-level '>=warning' --tag-display-limit 0 "$deb" \
    >"$work/lintian.log" 2>&1; then
    cat "$work/lintian.log" >&2
    fail "lintian reported errors"
fi
cat "$work/lintian.log"

echo "== unpack and run"
root="$work/root"
dpkg-deb -x "$deb" "$root"
if [ "$gui" = 1 ] && command -v appstreamcli >/dev/null; then
    # The installed layout: metainfo, its launchable desktop file and the icons together.
    appstreamcli validate-tree --no-net "$root" >"$work/appstream.log" 2>&1 ||
        { cat "$work/appstream.log" >&2; fail "appstreamcli validate-tree failed on the unpacked package"; }
    echo "appstreamcli validate-tree: OK"
fi
check_version() {
    local name=$1
    shift
    local out
    out=$("$@" 2>&1) || fail "$name --version exited with $?: $out"
    echo "$name --version: $out"
    grep -qE "(^|[^0-9.])${version//./\\.}([^0-9.]|$)" <<<"$out" ||
        fail "$name --version does not print $version"
}
check_version keycardctl "$root/usr/bin/keycardctl" --version
check_version keycard-sandbox "$root/usr/bin/keycard-sandbox" --version
if [ "$gui" = 1 ]; then
    check_version keycard-admin env QT_QPA_PLATFORM=offscreen "$root/usr/bin/keycard-admin" --version
fi
# Stripped: no debug sections left in the installed programs.
for exe in "$root"/usr/bin/*; do
    if command -v readelf >/dev/null && readelf -S "$exe" | grep -q '\.debug_info'; then
        fail "$(basename "$exe") is not stripped"
    fi
done

# keycard-admin runs keycard-sandbox as its demo server: it links no Qt HttpServer itself.
if [ "$gui" = 1 ] && command -v readelf >/dev/null; then
    if readelf -d "$root/usr/bin/keycard-admin" | grep -q 'NEEDED.*libQt6HttpServer'; then
        fail "keycard-admin links Qt HttpServer"
    fi
fi

install_test=0
if [ "${KEYCARD_PACKAGING_INSTALL_TEST:-0}" = 1 ] || [ "${CI:-}" = true ]; then
    install_test=1
fi
if [ "$install_test" = 1 ] && [ "$(id -u)" -eq 0 ]; then
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        echo "== dpkg -i skipped: $package is already installed on this machine"
    else
        echo "== dpkg -i"
        dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; dpkg -r "$package" >/dev/null 2>&1 || true; fail "dpkg -i failed"; }
        installed_files=$(dpkg -L "$package" | while read -r f; do [ -f "$f" ] && echo "$f"; done)
        check_version keycardctl /usr/bin/keycardctl --version
        if [ "$gui" = 1 ]; then
            check_version keycard-admin env QT_QPA_PLATFORM=offscreen /usr/bin/keycard-admin --version
            [ -f /usr/share/applications/ai.keycard.KeycardAdmin.desktop ] || fail "desktop file not installed"
            # The demo as installed: keycard-admin starts /usr/bin/keycard-sandbox and shows its data.
            HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" QT_QPA_PLATFORM=offscreen \
                timeout 120 /usr/bin/keycard-admin --screenshot "$work/demo.png" >"$work/demo.log" 2>&1 ||
                { cat "$work/demo.log" >&2; fail "installed keycard-admin --screenshot on the demo failed"; }
            [ -s "$work/demo.png" ] || fail "installed keycard-admin wrote no screenshot"
            echo "keycard-admin --screenshot on its demo server: OK"
        fi
        echo "== dpkg -r"
        dpkg -r "$package" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r failed"; }
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
        case "$status" in
            "" | *not-installed*) ;;
            *) fail "after dpkg -r the package status is '$status'" ;;
        esac
        left=""
        while read -r f; do
            [ -n "$f" ] && [ -e "$f" ] && left="$left $f"
        done <<<"$installed_files"
        [ -z "$left" ] || fail "files left after dpkg -r:$left"
        echo "installed and removed cleanly"
    fi
elif [ "$install_test" = 1 ]; then
    echo "== dpkg -i skipped: not running as root"
else
    echo "== dpkg -i skipped: set KEYCARD_PACKAGING_INSTALL_TEST=1 (as root) to install and remove"
fi

echo "check-deb: OK ($(basename "$deb"))"
