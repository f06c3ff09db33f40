#!/usr/bin/env bash
# The sign-in safety check at scale (issue 21, section 5): `keycardctl sso impact ORG --disable`
# over MEMBERS generated members (plus the demo ones) from a local keycard-sandbox
# (--org-members), with its wall time and peak RSS. Run by hand; it is not a test.
#
#   bench/impact-bench.sh [BUILD_DIR] [MEMBERS] [RUNS]      (defaults: build/ci, 100000, 3)
#
# Targets: peak RSS of keycardctl < 30 MiB; the check over every member within 2 s on the
# sandbox (the wall time here includes the sandbox building its pages of 1,000 members and the
# token request). Best of RUNS. The load average is printed first: on a busy machine the wall
# time includes waiting for a core.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/ci}
members=${2:-100000}
runs=${3:-3}
org=acme
ctl=$build/bin/keycardctl
sandbox=$build/bin/keycard-sandbox
for tool in "$ctl" "$sandbox"; do
    [[ -x $tool ]] || { echo "impact-bench: $tool not built (cmake --build $build --target keycardctl keycard-sandbox)" >&2; exit 2; }
done
for tool in curl python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "impact-bench: $tool is required" >&2; exit 2; }
done

work=$(mktemp -d)
sandbox_pid=
cleanup() {
    [[ -n $sandbox_pid ]] && kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base=http://127.0.0.1:$port
"$sandbox" --port "$port" --org-members "$members" --org-members-in "$org" --quiet >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 300); do
    curl -s -o /dev/null "$base/organizations" && break
    sleep 0.1
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
times=() rss=()
for run in $(seq "$runs"); do
    status=0
    KEYCARD_API_BASE_URL=$base KEYCARD_API_CLIENT_ID=demo-admin KEYCARD_API_CLIENT_SECRET=sandbox-demo-secret \
        /usr/bin/time -v -o "$work/time.txt" "$ctl" sso impact "$org" --disable --json >"$work/impact.json" || status=$?
    [[ $status == 10 || $status == 11 || $status == 0 ]] || { echo "impact-bench: keycardctl exited $status" >&2; cat "$work/impact.json" >&2; exit 1; }
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")")
done

python3 - "$work/impact.json" "$runs" "${times[@]}" -- "${rss[@]}" <<'PY'
import json, sys
args = sys.argv[1:]
impact = json.load(open(args[0]))
runs = int(args[1])
split = args.index("--")
times = [float(x) for x in args[2:split]]
rss = max(int(x) for x in args[split + 1:])
best = min(times)
print(f"members read: {impact['members']} (complete: {impact['complete']}, verdict: {impact['verdict']}, "
      f"losing: {impact['losing']}); best of {runs} runs")
print(f"keycardctl sso impact --disable   wall {best:.3f} s   peak RSS {rss / 1024:.1f} MiB")
print(f"time target <= 2 s:               {'met' if best <= 2.0 else 'NOT met'}")
print(f"peak memory target < 30 MiB:      {'met' if rss < 30 * 1024 else 'NOT met'}")
PY
