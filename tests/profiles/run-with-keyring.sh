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
    status=0
    "$@" || status=$?
    exit "$status"
fi

# Inside the private bus: start the keyring daemon in the foreground (so that this script owns
# it and stops it afterwards), unlock (creating) the login keyring with a throw-away password,
# wait until it owns the Secret Service name, then run the test. Without a working daemon the
# test still runs: it skips, or fails when CI=true.
status=0
dbus-run-session -- sh -c '
    printf "%s" "keycard-test-password" |
        gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$KEYCARD_TEST_HOME/keyring.log" 2>&1 &
    daemon=$!
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q "boolean true"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$daemon" 2>/dev/null; then
            echo "run-with-keyring.sh: gnome-keyring-daemon did not come up:" >&2
            cat "$KEYCARD_TEST_HOME/keyring.log" >&2
            break
        fi
        sleep 0.1
    done
    "$@"
    status=$?
    kill "$daemon" 2>/dev/null
    wait "$daemon" 2>/dev/null
    exit "$status"
' run-with-keyring "$@" || status=$?
exit "$status"
