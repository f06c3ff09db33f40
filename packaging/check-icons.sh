#!/usr/bin/env bash
# Checks the application icons rendered from the SVG: each hicolor PNG has the size of its
# directory, and the Windows .ico / macOS .icns writer produces well-formed files with every size.
#
# Usage: packaging/check-icons.sh RENDER_TOOL SOURCE.svg ICON_BUILD_DIR
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: $0 RENDER_TOOL SOURCE.svg ICON_BUILD_DIR" >&2
    exit 2
fi
tool=$1
svg=$2
icons=$3

fail() {
    echo "check-icons: FAIL: $*" >&2
    exit 1
}
command -v file >/dev/null || fail "file(1) is not installed"

for size in 16 22 24 32 48 64 128 256 512; do
    png="$icons/${size}x${size}/ai.keycard.KeycardAdmin.png"
    [ -f "$png" ] || fail "missing $png"
    desc=$(file -b "$png")
    [[ "$desc" == "PNG image data, $size x $size, 8-bit/color RGBA"* ]] ||
        fail "$png: $desc (expected a ${size}x${size} RGBA PNG)"
done
echo "hicolor PNGs: 9 sizes, RGBA"

work=$(mktemp -d "${TMPDIR:-/tmp}/keycard-icons.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$tool" "$svg" --ico "$work/app.ico"
desc=$(file -b "$work/app.ico")
echo "ico: $desc"
[[ "$desc" == "MS Windows icon resource - 7 icons, 16x16, 32 bits/pixel"* ]] || fail "unexpected .ico: $desc"

"$tool" "$svg" --icns "$work/app.icns"
desc=$(file -b "$work/app.icns")
echo "icns: $desc"
[[ "$desc" == "Mac OS X icon"* ]] || fail "unexpected .icns: $desc"
# The header's length field must equal the file size, and every entry must be a PNG.
read -r -a header < <(od -An -v -tu1 -j4 -N4 "$work/app.icns")
declared=$(( (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3] ))
actual=$(stat -c %s "$work/app.icns")
[ "$declared" -eq "$actual" ] || fail ".icns declares $declared bytes, file has $actual"
entries=0
offset=8
while [ "$offset" -lt "$actual" ]; do
    read -r -a len < <(od -An -v -tu1 -j$((offset + 4)) -N4 "$work/app.icns")
    length=$(( (len[0] << 24) | (len[1] << 16) | (len[2] << 8) | len[3] ))
    [ "$length" -gt 8 ] || fail ".icns entry at $offset has length $length"
    magic=$(od -An -v -tx1 -j$((offset + 8)) -N4 "$work/app.icns" | tr -d ' ')
    [ "$magic" = 89504e47 ] || fail ".icns entry at $offset is not a PNG"
    offset=$((offset + length))
    entries=$((entries + 1))
done
[ "$offset" -eq "$actual" ] || fail ".icns entries overrun the file"
[ "$entries" -eq 11 ] || fail ".icns has $entries entries, expected 11"
echo "icns: $entries PNG entries, 16 to 1024 pixels"

# A broken source must fail, not produce an empty icon.
printf 'not svg' >"$work/broken.svg"
if "$tool" "$work/broken.svg" 32 "$work/broken.png" 2>/dev/null; then
    fail "the tool accepted a broken SVG"
fi
echo "check-icons: OK"
