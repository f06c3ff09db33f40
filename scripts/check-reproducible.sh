#!/usr/bin/env bash
# Builds the packages twice from this source tree and checks that they are byte for byte the
# same: the .deb and its -dbgsym (dpkg-buildpackage from debian/), the .rpm and the .tar.gz
# (CPack, from the same build tree), and SHA256SUMS. Both builds run in a fresh Debian 12 root
# (scripts/build-packages.sh); the second builds in another directory, on another file system
# (a tmpfs) and without the compiler cache, so every compilation runs again.
#
# Usage: scripts/check-reproducible.sh [WORK_DIR]      (default: build/reproducible; as root)
#
# SOURCE_DATE_EPOCH comes from debian/changelog in both (dpkg-buildpackage and CMake read the
# same line). The first build's packages stay in WORK_DIR/one, where scripts/check-packages.sh
# (scripts/test.sh runs it next with CI=true) takes the Debian 12 package from. On a difference it
# prints which files differ; diffoscope, when installed, shows how.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-build/reproducible}
mkdir -p "$work"
work=$(cd "$work" && pwd)
suite=${KEYCARD_REPRODUCIBLE_SUITE:-bookworm}

started=$SECONDS
echo "== first build ($suite root, /build, root file system, compiler cache)"
scripts/build-packages.sh --rpm-tgz "$suite" "$work/one"
echo "== second build ($suite root, another directory on a tmpfs, no compiler cache)"
scripts/build-packages.sh --rpm-tgz --tmpfs --no-ccache --path /srv/elsewhere/kcadm "$suite" "$work/two"

echo "== comparing"
status=0
list() { (cd "$1" && find . -maxdepth 1 -type f \( -name '*.deb' -o -name '*.ddeb' -o -name '*.rpm' \
    -o -name '*.tar.gz' -o -name SHA256SUMS \) | sort); }
list "$work/one" >"$work/one.list"
list "$work/two" >"$work/two.list"
if ! cmp -s "$work/one.list" "$work/two.list"; then
    echo "different file names:" >&2
    diff "$work/one.list" "$work/two.list" >&2 || true
    status=1
fi
count=0
while read -r name; do
    [ -f "$work/two/$name" ] || continue
    count=$((count + 1))
    if cmp -s "$work/one/$name" "$work/two/$name"; then
        echo "   same: ${name#./} $(sha256sum <"$work/one/$name" | cut -c1-16)"
    else
        echo "   DIFFERENT: ${name#./}" >&2
        if command -v diffoscope >/dev/null; then
            diffoscope "$work/one/$name" "$work/two/$name" | head -60 >&2 || true
        fi
        status=1
    fi
done <"$work/one.list"
for kind in '*~deb*.deb' '*-dbgsym_*.*deb' '*.rpm' '*.tar.gz'; do
    # shellcheck disable=SC2086 # the pattern is meant to expand
    ls "$work"/one/$kind >/dev/null 2>&1 || { echo "no $kind was built" >&2; status=1; }
done
[ -f "$work/one/SHA256SUMS" ] || { echo "no SHA256SUMS was written" >&2; status=1; }
(cd "$work/one" && sha256sum --quiet -c SHA256SUMS) || { echo "SHA256SUMS does not match" >&2; status=1; }

if [ "$status" -ne 0 ]; then
    echo "check-reproducible: FAIL (packages in $work/one and $work/two)" >&2
    exit 1
fi
echo "check-reproducible: OK, $count files identical ($((SECONDS - started)) s)"
