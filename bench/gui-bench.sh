#!/usr/bin/env bash
# GUI benchmarks for keycard-admin (issues 3 and 15). Run by hand; never part of the test suite.
#
#   bench/gui-bench.sh [ORGS] [RUNS] [BUILD_DIR]      (defaults: 10000, 5, build-gui-bench)
#
# ORGS generated organizations are served next to the 6 demo ones (100000 -> 100,006 rows).
#
# Issue 15's measurement, from the top of the tree on an idle machine (check `uptime` first; the
# script prints the load average before every run), and the reported 1,000,006 figure:
#
#   bench/gui-bench.sh 100000 5
#   GUI_BENCH_PARTS=large bench/gui-bench.sh 1000000 1
#
# Each run prints wall-clock figures and the GUI thread's own CPU time next to them (on a busy
# machine the wall clock includes time the thread waited for a core).
# GUI_BENCH_PARTS=startup, large or members runs one part only (default: all three; a
# comma-separated list picks several).
#
# Builds bench/gui (a Release build of the product plus three bench programs; ninja keeps it up
# to date), then measures, offscreen:
#  1. Cold start to the first painted main window with the demo list loaded: the real
#     `keycard-admin --startup-probe` with no credentials and no saved profile (in-process
#     sandbox), against a bare Qt Widgets window that shows, paints once and quits. Also the
#     "floor": that bare window plus a minimal in-process HTTP server and the token + first page
#     requests any implementation of the design needs (and the page request alone, without the
#     token). Median time to the first painted frame
#     and peak RSS of RUNS runs each. Targets: within 1.5x of the bare window; memory < 60 MiB.
#  2. ORGS organizations from a separate keycard-sandbox process, RUNS times: once the window
#     has settled after its first page (100 ms without a stall; the first paint and the first
#     selection's details are start-up work, printed apart), Load all while a 5 ms watchdog
#     timer records the longest event-loop stall, then a filter typed key by key (each
#     keystroke timed with its repaint). Every run's lines, then their medians. The sandbox
#     writes each organization's JSON once, when first listed: run 1 includes that.
#     GUI_BENCH_AT_FIRST_PAGE=1 starts Load all on the first page instead (the method before
#     this one, for comparison with older figures).
#     Targets at 100,006 (issue 15): Load all <= 800 ms, stall <= 16 ms, keystroke avg <= 8 ms
#     and worst <= 16 ms, peak memory <= 80 MiB. 1,000,000 is a reported figure only.
#  3. members (issue 21, section 5): a separate keycard-sandbox with GUI_BENCH_MEMBERS (default
#     100000) generated members in acme (--org-members), RUNS times `keycard-gui-bench
#     members`: the Members tab opened on acme (the organization, its SSO connection and the
#     token read before, as the window has them): time to its first rows and the API requests
#     that took, every member read (longest stall meanwhile), a filter typed key by key (each
#     keystroke timed with its repaint), then the sign-in safety check (SignInImpactBox::check,
#     Disable) with a 5 ms watchdog. Then bench/impact-bench.sh on this Release build
#     (keycardctl sso impact: wall time, peak RSS).
#     Targets (issue 21): first rows within one round trip; keystroke worst <= 16 ms; the
#     safety check <= 2 s with no event-loop stall over 16 ms; keycardctl < 30 MiB.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
orgs=${1:-10000}
runs=${2:-5}
build=${3:-$here/build-gui-bench}
parts=${GUI_BENCH_PARTS:-startup,large,members}
members=${GUI_BENCH_MEMBERS:-100000}
[[ $orgs =~ ^[0-9]+$ ]] || { echo "usage: gui-bench.sh [ORGS] [RUNS] [BUILD_DIR]" >&2; exit 2; }
[[ -f $build/build.ninja ]] ||
    cmake -S "$here/bench/gui" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 \
    --target keycard-admin keycard-gui-bench bare-qt-window floor-window keycard-sandbox keycardctl \
    >/dev/null
bench=$build/keycard-gui-bench
bare=$build/bare-qt-window
floor=$build/floor-window
admin=$build/keycard/bin/keycard-admin
sandbox=$build/keycard/bin/keycard-sandbox
for tool in "$bench" "$bare" "$floor" "$admin" "$sandbox" /usr/bin/time python3; do
    [[ -x $tool ]] || command -v "$tool" >/dev/null || { echo "gui-bench: $tool missing" >&2; exit 2; }
done

work=$(mktemp -d)
sandbox_pid=
cleanup() {
    [[ -n $sandbox_pid ]] && kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='qt.qpa.*=false'
export XDG_CONFIG_HOME=$work/config
unset KEYCARD_API_BASE_URL KEYCARD_API_CLIENT_ID KEYCARD_API_CLIENT_SECRET KEYCARD_API_API_KEY

# measure NAME CMD...: appends "wall_seconds max_rss_kib" to $work/NAME (/usr/bin/time -v)
measure() {
    local name=$1; shift
    /usr/bin/time -v -o "$work/time.txt" "$@" >>"$work/$name.out" 2>/dev/null
    python3 - "$work/time.txt" >>"$work/$name" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
h, m, s = wall.groups()
secs = int(h or 0) * 3600 + int(m) * 60 + float(s)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
print(secs, rss)
PY
}

if [[ $parts == *startup* ]]; then
# Wall time with a monotonic clock and peak RSS from wait4() (/usr/bin/time only has 10 ms
# resolution, too coarse for a 10 ms bare window). Page cache warmed by one untimed run each;
# the three programs take turns so that a busy moment of the machine hits all of them alike.
python3 - "$runs" "$bare" "$floor" "$admin" <<'PY'
import os, statistics, subprocess, sys, time
runs, bare, floor, admin = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def once(cmd):
    # Time to the first painted frame: each program prints one line and flushes at its first
    # paint (with data, for the floor and the app). Process exit is timed too.
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first = p.stdout.readline().decode()
    painted = time.perf_counter() - t0
    out = first + p.stdout.read().decode()
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0 or not first:
        sys.exit(f"gui-bench: {cmd[0]} failed (status {status}): {out}")
    return painted, usage.ru_maxrss / 1024.0, out, time.perf_counter() - t0
programs = {"bare": [bare], "page": [floor, "--page-only"], "floor": [floor],
            "app": [admin, "--startup-probe"]}
results = {name: [] for name in programs}
for cmd in programs.values():
    once(cmd)
for _ in range(runs):
    for name, cmd in programs.items():
        results[name].append(once(cmd))
def line(label, name):
    xs = results[name]
    paint = statistics.median(x[0] for x in xs)
    exit_ = statistics.median(x[3] for x in xs)
    print(f"{label:27s} first paint {paint*1000:5.1f} ms (exit {exit_*1000:5.1f} ms), "
          f"peak RSS {max(x[1] for x in xs):.1f} MiB")
    return paint
print(f"== cold start (median of {runs}, offscreen) ==")
b = line("bare Qt window:", "bare")
line("bare + 1 request:", "page")
f = line("floor (bare + 2 requests):", "floor")
a = line("keycard-admin + demo list:", "app")
print(f"ratio to first paint: {a/b:.2f}x (target <= 1.5x); the floor alone is {f/b:.2f}x; "
      f"keycard-admin is {a/f:.2f}x the floor; memory target < 60 MiB")
print(sorted(results["app"])[len(results["app"]) // 2][2].strip())
PY

fi

if [[ $parts == *large* ]]; then
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$sandbox" --port "$port" --orgs "$orgs" --quiet >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
# Generating a million organizations takes the sandbox a while: wait up to 5 minutes.
for _ in $(seq 3000); do
    curl -s -o /dev/null "http://127.0.0.1:$port/organizations" 2>/dev/null && break
    sleep 0.1
done
total=$(printf "%'d" $((orgs + 6)) 2>/dev/null || echo $((orgs + 6)))
echo "== $total organizations (keycard-sandbox on port $port; $runs runs; load: $(cut -d' ' -f1-3 /proc/loadavg)) =="
for run in $(seq "$runs"); do
    : >"$work/large.out"
    KEYCARD_API_BASE_URL=http://127.0.0.1:$port KEYCARD_API_CLIENT_ID=demo-admin \
    KEYCARD_API_CLIENT_SECRET=sandbox-demo-secret measure large "$bench" large
    echo "-- run $run (load $(cut -d' ' -f1 /proc/loadavg))"
    cat "$work/large.out"
    cat "$work/large.out" >>"$work/large.all"
    read -r large_wall large_rss < <(tail -n 1 "$work/large")
    printf 'peak RSS %.1f MiB (target <= 80 MiB), wall %.2f s\n' "$(echo "$large_rss/1024" | bc -l)" "$large_wall"
done
python3 - "$work/large.all" "$work/large" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
def med(pattern):
    xs = [float(x) for x in re.findall(pattern, text)]
    return statistics.median(xs) if xs else float("nan")
rss = statistics.median(float(line.split()[1]) / 1024 for line in open(sys.argv[2]) if line.strip())
load = med(r"loaded in (\d+) ms")
stall = med(r"stall while pages streamed: (\d+) ms")
avg = med(r"per keystroke avg ([\d.]+) ms")
worst = med(r"worst ([\d.]+) ms")
clear = med(r"all rows back\): ([\d.]+) ms")
cpu_load = med(r"CPU time while pages streamed: ([\d.]+) ms in all")
cpu_stall = med(r"at most ([\d.]+) ms between two watchdog ticks")
cpu_key_avg = med(r"CPU time per keystroke: avg ([\d.]+) ms")
cpu_key_max = med(r"CPU time per keystroke: avg [\d.]+ ms, at most ([\d.]+) ms")
startup_stall = med(r"longest stall meanwhile (\d+) ms")
print(f"median: loaded in {load:.0f} ms (target <= 800 ms at 100,006); longest event-loop stall "
      f"{stall:.0f} ms (<= 16); per keystroke avg {avg:.2f} ms (<= 8), worst {worst:.2f} ms "
      f"(<= 16); clearing the filter {clear:.2f} ms; peak RSS {rss:.1f} MiB (<= 80)")
print(f"median GUI thread CPU time: {cpu_load:.0f} ms while pages streamed, {cpu_stall:.1f} ms at "
      f"most between watchdog ticks; per "
      f"keystroke avg {cpu_key_avg:.2f} ms, at most {cpu_key_max:.2f} ms (what the wall-clock "
      f"figures would approach on an idle machine)")
if startup_stall == startup_stall:  # not NaN: the window settled before Load all
    print(f"median longest stall between the first page and Load all (start-up work, not "
          f"streaming): {startup_stall:.0f} ms")
PY
kill "$sandbox_pid" 2>/dev/null || true
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=
fi

[[ $parts == *members* ]] || exit 0
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$sandbox" --port "$port" --org-members "$members" --org-members-in acme --quiet >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 3000); do
    curl -s -o /dev/null "http://127.0.0.1:$port/organizations" 2>/dev/null && break
    sleep 0.1
done
echo "== Members tab, $members generated members in acme (keycard-sandbox on port $port; $runs runs; load: $(cut -d' ' -f1-3 /proc/loadavg)) =="
: >"$work/members.all"
for run in $(seq "$runs"); do
    : >"$work/members.out"
    KEYCARD_API_BASE_URL=http://127.0.0.1:$port KEYCARD_API_CLIENT_ID=demo-admin \
    KEYCARD_API_CLIENT_SECRET=sandbox-demo-secret GUI_BENCH_ORG=acme measure members "$bench" members
    echo "-- run $run (load $(cut -d' ' -f1 /proc/loadavg))"
    cat "$work/members.out"
    cat "$work/members.out" >>"$work/members.all"
    read -r members_wall members_rss < <(tail -n 1 "$work/members")
    printf 'peak RSS %.1f MiB, wall %.2f s\n' "$(echo "$members_rss/1024" | bc -l)" "$members_wall"
done
python3 - "$work/members.all" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
def med(pattern):
    xs = [float(x) for x in re.findall(pattern, text)]
    return statistics.median(xs) if xs else float("nan")
def most(pattern):
    xs = [float(x) for x in re.findall(pattern, text)]
    return max(xs) if xs else float("nan")
first = med(r"first \d+ rows shown (\d+) ms")
first_req = most(r"rows shown \d+ ms after the tab opened, after (\d+) API")
loaded = med(r"members read in (\d+) ms")
load_stall = med(r"members read in \d+ ms .*?longest event-loop stall meanwhile (\d+) ms")
avg = med(r"per keystroke avg ([\d.]+) ms")
worst = med(r"per keystroke avg [\d.]+ ms, worst ([\d.]+) ms")
check = med(r"checked \d+ members in (\d+) ms")
check_stall = med(r"checked .*?longest event-loop stall (\d+) ms")
print(f"median: first rows {first:.0f} ms after {first_req:.0f} API requests at most (target: one "
      f"round trip); every member read in {loaded:.0f} ms (stall {load_stall:.0f} ms); per keystroke "
      f"avg {avg:.2f} ms, worst {worst:.2f} ms (<= 16); safety check {check:.0f} ms (<= 2000), "
      f"longest stall {check_stall:.0f} ms (<= 16)")
PY
kill "$sandbox_pid" 2>/dev/null || true
wait "$sandbox_pid" 2>/dev/null || true
sandbox_pid=
echo "== keycardctl sso impact ($members members, this Release build) =="
"$here/bench/impact-bench.sh" "$build/keycard" "$members" "$runs"
