#!/bin/sh
# Runs a test binary with a real Secret Service keychain: a private D-Bus session bus and an
# unlocked gnome-keyring under a throw-away home. Needs dbus-run-session (Debian: dbus /
# dbus-daemon) and gnome-keyring-daemon (gnome-keyring). Usage: run-with-keyring.sh TEST [ARGS...]
#
# When the tools are missing the test runs without a keychain; it then skips, or fails when
# CI=true (the test decides, so the message is in the test output).
set -eu

if [ "$#" -lt 1 ]; then
    echo "usage: $0 TEST-BINARY [ARGS...]" >&2
    exit 2
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/keycard-keyring-XXXXXX")
cleanup() { rm -rf "$home"; }
trap cleanup EXIT INT TERM
mkdir -p "$home/runtime" "$home/xdg_data_home" "$home/xdg_config_home" "$home/xdg_cache_home"
chmod 700 "$home/runtime"

export HOME="$home"
export XDG_RUNTIME_DIR="$home/runtime"
export XDG_DATA_HOME="$home/xdg_data_home"
export XDG_CONFIG_HOME="$home/xdg_config_home"
export XDG_CACHE_HOME="$home/xdg_cache_home"
export KEYCARD_TEST_HOME="$home"
unset GNOME_KEYRING_CONTROL SSH_AUTH_SOCK || true

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "run-with-keyring.sh: dbus-run-session or gnome-keyring-daemon not found;" \
         "running without a keychain" >&2
    DBUS_SESSION_BUS_ADDRESS="unix:path=$home/no-bus"
    export DBUS_SESSION_BUS_ADDRESS
    "$@"
    exit $?
fi

# Inside the private bus: start the keyring daemon, unlock (creating) the login keyring with a
# throw-away password, export what it prints, then run the test. The daemon exits with the bus.
exec dbus-run-session -- sh -c '
    out=$(printf "%s" "keycard-test-password" | gnome-keyring-daemon --unlock --components=secrets) || {
        echo "run-with-keyring.sh: gnome-keyring-daemon failed to start" >&2
        exit 1
    }
    for line in $out; do
        case "$line" in
            *=*) export "$line" ;;
        esac
    done
    exec "$@"
' run-with-keyring "$@"
