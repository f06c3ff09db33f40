#!/bin/sh
# Run by scripts/check-packages.sh inside a fresh Debian root where the keycard-admin package has
# just been installed (no network but loopback): the three installed programs print VERSION, a
# keycard-sandbox started here answers keycardctl (credentials in the environment, the secret
# handed to the sandbox on standard input: none on a command line), and keycard-admin renders
# its window on its built-in demo server with the offscreen platform into SCREENSHOT (a PNG).
#
# Usage (inside the root): smoke-installed.sh VERSION SCREENSHOT
set -eu
version=$1
screenshot=$2
work=$(mktemp -d)
sandbox_pid=""
cleanup() {
    [ -z "$sandbox_pid" ] || kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "smoke-installed: FAIL: $*" >&2
    exit 1
}

for program in keycardctl keycard-sandbox keycard-admin; do
    path=$(command -v "$program") || fail "$program is not on the PATH"
    out=$(QT_QPA_PLATFORM=offscreen "$program" --version 2>&1) || fail "$program --version: $out"
    echo "$path --version: $out"
    case "$out" in
        *"$version"*) ;;
        *) fail "$program --version does not print $version" ;;
    esac
done

# A fresh random client secret for this sandbox, never on a command line.
secret=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$secret" >"$work/secret"
keycard-sandbox --port 0 --quiet --client-id ci-check --client-secret-stdin \
    <"$work/secret" >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
base_url=""
tries=0
while [ -z "$base_url" ]; do
    base_url=$(sed -n 's/^  export KEYCARD_API_BASE_URL=//p' "$work/sandbox.log")
    [ -n "$base_url" ] && break
    kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log" >&2; fail "keycard-sandbox exited"; }
    tries=$((tries + 1))
    [ "$tries" -lt 300 ] || { cat "$work/sandbox.log" >&2; fail "keycard-sandbox did not start in 30 s"; }
    sleep 0.1
done
echo "keycard-sandbox: $(head -n1 "$work/sandbox.log")"
KEYCARD_API_BASE_URL=$base_url KEYCARD_API_CLIENT_ID=ci-check KEYCARD_API_CLIENT_SECRET=$secret \
    keycardctl orgs list --json >"$work/orgs.json" 2>"$work/keycardctl.log" ||
    { cat "$work/keycardctl.log" >&2; fail "keycardctl orgs list against keycard-sandbox failed"; }
grep -q '"acme"' "$work/orgs.json" || { cat "$work/orgs.json" >&2; fail "keycardctl did not list the demo organization acme"; }
echo "keycardctl orgs list --json against keycard-sandbox: OK (lists acme)"
# A wrong secret is refused (the sandbox checks the one it was given): exit status 3.
status=0
KEYCARD_API_BASE_URL=$base_url KEYCARD_API_CLIENT_ID=ci-check KEYCARD_API_CLIENT_SECRET=wrong \
    keycardctl orgs list >/dev/null 2>&1 || status=$?
[ "$status" = 3 ] || fail "keycardctl with a wrong secret exited with $status, expected 3"
kill "$sandbox_pid"
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=""

mkdir -p "$work/home"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_RUNTIME_DIR="$work/home" \
    QT_QPA_PLATFORM=offscreen timeout 120 keycard-admin --screenshot "$screenshot" \
    >"$work/admin.log" 2>&1 || { cat "$work/admin.log" >&2; fail "keycard-admin --screenshot failed"; }
signature=$(od -An -N8 -tx1 "$screenshot" | tr -d ' \n')
[ "$signature" = 89504e470d0a1a0a ] || fail "keycard-admin --screenshot wrote no PNG ($signature)"
echo "keycard-admin --screenshot (offscreen, built-in demo): $(wc -c <"$screenshot") byte PNG"
echo "smoke-installed: OK"
