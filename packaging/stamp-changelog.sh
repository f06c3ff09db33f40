#!/usr/bin/env sh
# Stamps the build target into a COPY of debian/changelog before dpkg-buildpackage runs, so that
# each Debian release gets its own version: 0.1.0-1 becomes 0.1.0-1~deb12u1 on Debian 12
# (bookworm) and 0.1.0-1~deb13u1 on Debian 13 (trixie), "~" sorting it below 0.1.0-1 itself. The
# distribution field becomes the release's code name. Only the first line changes: the text and
# the date (SOURCE_DATE_EPOCH) stay debian/changelog's, which is never stamped in the repository.
#
# Usage: packaging/stamp-changelog.sh DEBIAN_CHANGELOG [OS_RELEASE]   (default /etc/os-release)
set -eu

changelog=$1
os_release=${2:-/etc/os-release}
# shellcheck disable=SC1090
. "$os_release"
if [ "${ID:-}" != debian ] || [ -z "${VERSION_ID:-}" ] || [ -z "${VERSION_CODENAME:-}" ]; then
    echo "stamp-changelog: $os_release is not a Debian release with a number and a code name" >&2
    exit 1
fi
head=$(head -n1 "$changelog")
case "$head" in
    *"~deb"*) echo "stamp-changelog: already stamped: $head" >&2; exit 1 ;;
esac
sed -i -E "1s/^([a-z0-9.+-]+) \\(([^)]+)\\) [a-z-]+;/\\1 (\\2~deb${VERSION_ID}u1) ${VERSION_CODENAME};/" "$changelog"
stamped=$(head -n1 "$changelog")
[ "$stamped" != "$head" ] || { echo "stamp-changelog: cannot stamp '$head'" >&2; exit 1; }
echo "$stamped"
