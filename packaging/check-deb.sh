#!/usr/bin/env bash
# Packaging gate for a .deb built by dpkg-buildpackage from debian/ (scripts/build-deb.sh):
# control fields (version, the Qt HttpServer cap, shlibs dependencies), contents, copyright,
# lintian --pedantic -I -E (any tag not explained by debian/keycard-admin.lintian-overrides or
# by the list below fails), the unpacked AppStream tree, stripped programs with a -dbgsym
# package beside them, and no Qt HttpServer in keycard-admin. It runs nothing from the package:
# scripts/check-packages.sh installs it into a fresh root of its Debian release and runs it there.
#
# Usage: packaging/check-deb.sh DEB VERSION       (VERSION: the upstream version, e.g. 0.1.0)
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 DEB VERSION" >&2
    exit 2
fi
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
version=$2
package=keycard-admin

fail() {
    echo "check-deb: FAIL: $*" >&2
    exit 1
}
for tool in dpkg-deb lintian readelf; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done
[ -f "$deb" ] || fail "no such file: $deb"

work=$(mktemp -d "${TMPDIR:-/tmp}/keycard-deb.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
echo "== $(basename "$deb")"

echo "== control fields"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = "$package" ] || fail "Package is '$(field Package)'"
deb_version=$(field Version)
echo "Version: $deb_version"
# 0.1.0-1~deb12u1: the upstream version, the revision, the target Debian release.
[[ "$deb_version" =~ ^${version//./\\.}-[0-9A-Za-z.+]+~deb[0-9]+u[0-9]+$ ]] ||
    fail "Version is '$deb_version', expected '$version-REVISION~debNNuN'"
case "$(basename "$deb")" in
    "${package}_${deb_version}_"*.deb) ;;
    *) fail "file name does not carry the version $deb_version" ;;
esac
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends=$(field Depends)
echo "Depends: $depends"
grep -q 'libc6' <<<"$depends" || fail "Depends lacks libc6: dpkg-shlibdeps did not run"
grep -qE 'libqt6core6(t64)? ' <<<"$depends" || fail "Depends lacks libqt6core6"
grep -q 'libsecret-1-0' <<<"$depends" || fail "Depends lacks libsecret-1-0 (QtKeychain loads it at run time)"
grep -q 'qt6-qpa-plugins' <<<"$depends" || fail "Depends lacks qt6-qpa-plugins"
# Qt HttpServer (keycard-sandbox) has no stable ABI: at least the version built with (shlibs),
# below the next minor version (debian/rules).
grep -qE 'libqt6httpserver6(t64)? \(>= 6\.[0-9]+' <<<"$depends" || fail "Depends lacks Qt HttpServer's lower bound"
grep -qE 'libqt6httpserver6(t64)? \(<< 6\.[0-9]+\)' <<<"$depends" ||
    fail "Depends does not cap Qt HttpServer below the next Qt minor version"
svg=$(tr ',' '\n' <<<"$depends" | grep -c 'libqt6svg6' || true)
[ "$svg" = 1 ] || fail "Depends names libqt6svg6 $svg times, expected once"
recommends=$(field Recommends)
echo "Recommends: $recommends"
grep -q 'gnome-keyring | libkf5wallet-bin' <<<"$recommends" || fail "Recommends lacks a Secret Service provider"
grep -q 'qt6-wayland' <<<"$recommends" || fail "Recommends lacks qt6-wayland"
# Installed-Size is dpkg-gencontrol's sum over the content, not a directory's disk usage.
echo "Installed-Size: $(field Installed-Size)"

echo "== contents"
dpkg-deb -c "$deb" >"$work/contents"
expect_file() {
    grep -qE " \./usr/$1\$" "$work/contents" || fail "package lacks /usr/$1"
}
for f in bin/keycardctl bin/keycard-sandbox bin/keycard-admin \
    share/man/man1/keycardctl.1.gz share/man/man1/keycard-sandbox.1.gz share/man/man1/keycard-admin.1.gz \
    "share/doc/$package/copyright" "share/doc/$package/changelog.Debian.gz" "share/doc/$package/README.md" \
    share/bash-completion/completions/keycardctl share/zsh/vendor-completions/_keycardctl \
    share/fish/vendor_completions.d/keycardctl.fish \
    share/applications/ai.keycard.KeycardAdmin.desktop share/metainfo/ai.keycard.KeycardAdmin.metainfo.xml \
    share/icons/hicolor/scalable/apps/ai.keycard.KeycardAdmin.svg; do
    expect_file "$f"
done
for size in 16 22 24 32 48 64 128 256 512; do
    expect_file "share/icons/hicolor/${size}x${size}/apps/ai.keycard.KeycardAdmin.png"
done
# Debian keeps the licence texts in /usr/share/common-licenses: none in the package.
if grep -qE '/usr/share/licenses/|/LICENSE$|GPL-3\.0$' "$work/contents"; then
    fail "the .deb carries licence texts (Debian has them in /usr/share/common-licenses)"
fi
if awk '{print $6}' "$work/contents" | grep -vE '^\./(usr(/.*)?)?$'; then
    fail "files outside /usr (listed above)"
fi
if awk '{print $1}' "$work/contents" | grep -E '^.{8}w|^...s|^......s'; then
    fail "world-writable or setuid/setgid entries"
fi
# dpkg-deb writes the entries sorted by name.
awk '{print $6}' "$work/contents" >"$work/names"
LC_ALL=C sort -c "$work/names" 2>/dev/null || echo "note: entries are in dpkg-deb's order (directories first)"

echo "== copyright"
copyright=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/$package/copyright)
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/$' <<<"$copyright" ||
    fail "copyright is not DEP-5"
grep -q '^License: Apache-2.0 and GPL-3$' <<<"$copyright" || fail "copyright lacks the combined licence"
for licence in Apache-2.0 GPL-3 CC0-1.0; do
    grep -q "^License: $licence\$" <<<"$copyright" || fail "copyright has no License: $licence paragraph"
    grep -q "/usr/share/common-licenses/$licence\"" <<<"$copyright" ||
        fail "copyright does not point at /usr/share/common-licenses/$licence"
done

echo "== -dbgsym"
dbgsym=$(dirname "$deb")/${package}-dbgsym_${deb_version}_$(field Architecture).deb
[ -f "$dbgsym" ] || dbgsym=${dbgsym%.deb}.ddeb
[ -f "$dbgsym" ] || fail "no ${package}-dbgsym package beside the .deb"
echo "$(basename "$dbgsym"): $(dpkg-deb -c "$dbgsym" | grep -c '\.debug$') debug files"

echo "== lintian --pedantic -I -E"
# Tags explained in debian/keycard-admin.lintian-overrides are overridden (not shown); any other
# tag of any level fails the gate.
lintian --pedantic -I -E --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || true
cat "$work/lintian.log"
if grep -E '^[EWIPX]: ' "$work/lintian.log" >/dev/null; then
    fail "lintian reported tags (above) that are not explained"
fi

echo "== unpacked tree"
root="$work/root"
dpkg-deb -x "$deb" "$root"
if command -v appstreamcli >/dev/null; then
    appstreamcli validate-tree --no-net "$root" >"$work/appstream.log" 2>&1 ||
        { cat "$work/appstream.log" >&2; fail "appstreamcli validate-tree failed on the unpacked package"; }
    echo "appstreamcli validate-tree: OK"
fi
for exe in "$root"/usr/bin/*; do
    if readelf -S "$exe" | grep -q '\.debug_info'; then
        fail "$(basename "$exe") is not stripped"
    fi
    # dpkg-buildflags' hardening reached the link: full RELRO, PIE.
    readelf -d "$exe" | grep -q 'BIND_NOW' || fail "$(basename "$exe") is not linked with -z now"
    readelf -h "$exe" | grep -q 'DYN' || fail "$(basename "$exe") is not a PIE"
done
# keycard-admin runs keycard-sandbox as its demo server: it links no Qt HttpServer itself.
if readelf -d "$root/usr/bin/keycard-admin" | grep -q 'NEEDED.*libQt6HttpServer'; then
    fail "keycard-admin links Qt HttpServer"
fi
readelf -d "$root/usr/bin/keycard-sandbox" | grep -q 'NEEDED.*libQt6HttpServer' ||
    fail "keycard-sandbox does not link Qt HttpServer (the cap would be pointless: check debian/rules)"
echo "check-deb: OK ($(basename "$deb"))"
