#!/usr/bin/env bash
# Packaging gate for debian/ (fast; the .deb itself is built and checked by
# scripts/check-packages.sh): debian/changelog parses and its newest entry is VERSION (the
# CMake project's), its date is UTC, debian/control parses and names the cap variable
# debian/rules fills, debian/rules is executable, and this machine has every Build-Depends.
#
# Usage: packaging/check-debian-source.sh SOURCE_DIR VERSION
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 SOURCE_DIR VERSION" >&2
    exit 2
fi
cd "$1"
version=$2

fail() {
    echo "check-debian-source: FAIL: $*" >&2
    exit 1
}
for tool in dpkg-parsechangelog dpkg-checkbuilddeps make; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (dpkg-dev)"
done

changelog_version=$(dpkg-parsechangelog -S Version) || fail "debian/changelog does not parse"
upstream=${changelog_version#*:}
upstream=${upstream%-*}
echo "debian/changelog: $changelog_version ($(dpkg-parsechangelog -S Date))"
[ "$upstream" = "$version" ] || fail "debian/changelog's version $changelog_version is not $version"
case "$changelog_version" in
    *~*) fail "debian/changelog carries a build's target stamp ($changelog_version); packaging/stamp-changelog.sh adds it to a copy only" ;;
esac
dpkg-parsechangelog -S Date | grep -q '+0000$' || fail "debian/changelog's date is not UTC"

[ "$(sed -n 's/^Source: //p' debian/control)" = keycard-admin ] || fail "debian/control: Source is not keycard-admin"
grep -qF " \${keycard:HttpServer}," debian/control || fail "debian/control: Depends lacks \${keycard:HttpServer}"
grep -q 'debhelper-compat (= 13)' debian/control || fail "debian/control: not debhelper compat 13"
[ -x debian/rules ] || fail "debian/rules is not executable"
make -n -f debian/rules override_dh_gencontrol >/dev/null || fail "debian/rules does not parse"
dpkg-checkbuilddeps || fail "Build-Depends missing here (scripts/install-deps.sh installs them)"
echo "check-debian-source: OK"
