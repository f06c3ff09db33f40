#!/usr/bin/env bash
# Packaging gate for the .rpm and the portable .tar.gz: builds both with CPack from a configured
# and built tree, checks their metadata and file lists, and runs keycardctl --version from the
# unpacked archive, which must print the package version.
#
# Usage: packaging/check-rpm-tgz.sh BUILD_DIR VERSION
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
    echo "check-rpm-tgz: FAIL: $*" >&2
    exit 1
}

for tool in cpack rpmbuild rpm tar; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/keycard-rpm.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

expected=(usr/bin/keycardctl usr/bin/keycard-sandbox usr/share/man/man1/keycardctl.1.gz
    "usr/share/doc/$package/copyright")
if [ "$gui" = 1 ]; then
    expected+=(usr/bin/keycard-admin usr/share/applications/ai.keycard.KeycardAdmin.desktop
        usr/share/metainfo/ai.keycard.KeycardAdmin.metainfo.xml
        usr/share/icons/hicolor/scalable/apps/ai.keycard.KeycardAdmin.svg
        usr/share/icons/hicolor/256x256/apps/ai.keycard.KeycardAdmin.png)
fi

echo "== cpack -G RPM"
(cd "$build_dir" && cpack --config CPackConfig.cmake -G RPM -B "$work/rpm") >"$work/rpm.log" 2>&1 ||
    { cat "$work/rpm.log" >&2; fail "cpack -G RPM failed"; }
rpms=("$work"/rpm/"${package}"-*.rpm)
[ -f "${rpms[0]}" ] || { cat "$work/rpm.log" >&2; fail "no ${package}-*.rpm produced"; }
rpmfile=${rpms[0]}
echo "built $(basename "$rpmfile")"
q() { rpm -qp --nosignature --queryformat "$1" "$rpmfile" 2>/dev/null; }
[ "$(q '%{NAME}')" = "$package" ] || fail "RPM name is '$(q '%{NAME}')'"
[ "$(q '%{VERSION}')" = "$version" ] || fail "RPM version is '$(q '%{VERSION}')', expected '$version'"
[ "$(q '%{LICENSE}')" = "Apache-2.0" ] || fail "RPM license is '$(q '%{LICENSE}')'"
rpm -qlp --nosignature "$rpmfile" 2>/dev/null >"$work/rpm.files"
for f in "${expected[@]}"; do
    grep -qx "/$f" "$work/rpm.files" || fail "RPM lacks /$f"
done
# The package must not claim directories owned by the system (filesystem, hicolor theme).
rpm -qlp --nosignature -v "$rpmfile" 2>/dev/null | awk '$1 ~ /^d/ {print $NF}' >"$work/rpm.dirs"
for d in /usr /usr/bin /usr/share /usr/share/man /usr/share/man/man1 /usr/share/applications \
    /usr/share/icons /usr/share/icons/hicolor /usr/share/metainfo; do
    if grep -qx "$d" "$work/rpm.dirs"; then
        fail "RPM owns the system directory $d"
    fi
done
echo "RPM requires: $(rpm -qpR --nosignature "$rpmfile" 2>/dev/null | grep -c .) entries"

echo "== cpack -G TGZ"
(cd "$build_dir" && cpack --config CPackConfig.cmake -G TGZ -B "$work/tgz") >"$work/tgz.log" 2>&1 ||
    { cat "$work/tgz.log" >&2; fail "cpack -G TGZ failed"; }
archives=("$work"/tgz/"${package}"-"${version}"-*.tar.gz)
[ -f "${archives[0]}" ] || { cat "$work/tgz.log" >&2; fail "no ${package}-${version}-*.tar.gz produced"; }
archive=${archives[0]}
echo "built $(basename "$archive")"
mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
top=$(basename "$archive" .tar.gz)
[ -d "$work/unpacked/$top" ] || fail "the archive does not unpack into $top/"
for f in "${expected[@]}"; do
    [ -f "$work/unpacked/$top/${f#usr/}" ] || fail "archive lacks $top/${f#usr/}"
done
out=$("$work/unpacked/$top/bin/keycardctl" --version 2>&1) || fail "keycardctl --version failed: $out"
echo "keycardctl --version: $out"
grep -qE "(^|[^0-9.])${version//./\\.}([^0-9.]|$)" <<<"$out" || fail "keycardctl --version does not print $version"

echo "check-rpm-tgz: OK"
