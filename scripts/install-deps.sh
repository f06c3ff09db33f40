#!/usr/bin/env bash
# Installs the packages Keycard Admin needs to build, run and test, if any are missing, on
# Debian 12 (bookworm, Qt 6.4) or Debian 13 (trixie, Qt 6.8): the package names are the same.
# Usage: scripts/install-deps.sh           (as root, or with sudo available)
#        scripts/install-deps.sh --list    print the package list (scripts/test-debian13.sh
#                                          installs it into its Debian 13 root)
set -euo pipefail

packages=(
    # build
    cmake g++ ninja-build pkg-config ccache
    qt6-base-dev qt6-base-dev-tools qt6-l10n-tools qt6-tools-dev
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev libqt6svg6 qtkeychain-qt6-dev
    # running the GUI (fonts for the window, SVG icons)
    fonts-dejavu-core qt6-translations-l10n
    # tests: offscreen/Xvfb GUI, a real keychain on a private session bus
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
    # tests: private CAs and TLS servers with certificates made at test time
    openssl
    # packaging gates; build-essential and debhelper: debian/'s Build-Depends, as
    # dpkg-checkbuilddeps asks (packaging/check-debian-source.sh); cpio: packaging/check-rpm-tgz.sh
    build-essential dpkg-dev debhelper file desktop-file-utils appstream lintian rpm cpio imagemagick curl
    # keycardctl's shell completions, asked as each shell asks (packaging/check-completions.sh)
    bash-completion zsh fish
)

if [ "${1:-}" = --list ]; then
    printf '%s\n' "${packages[@]}"
    exit 0
fi
# CI (or one of the checks that need Debian roots) also makes mmdebstrap roots:
# scripts/test-debian13.sh, scripts/check-reproducible.sh and scripts/check-packages.sh.
if [ "${CI:-}" = true ] || [ "${KEYCARD_TEST_DEBIAN13:-0}" = 1 ] ||
    [ "${KEYCARD_TEST_REPRODUCIBLE:-0}" = 1 ] || [ "${KEYCARD_TEST_PACKAGES:-0}" = 1 ]; then
    packages+=(mmdebstrap)
fi
# CI also builds the libFuzzer targets (scripts/fuzz.sh, clang's fuzzer and sanitizer runtimes).
if [ "${CI:-}" = true ]; then
    packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
