#!/usr/bin/env bash
# Benchmark: cchc against Hugo on the same synthetic pages (see README, "Benchmark").
#   bench/run.sh [PLANS=200] [RUNS=5]      PLANS may list sizes, e.g. 200,1000: every size is built in each round
#                                          (cchc then Hugo), and the growth from the first size to each other is printed.
# Env: BENCH_DIR (work folder; default: a tmpfs at /tmp/cchc-bench when run as root, else a fresh mktemp folder),
#      GEN (path of gen.py; default bench/gen.py, a copy of the shared generator), SKIP_SERVE=1 (no incremental test),
#      CCHC_BIN (an already published cchc binary to time), CCHC_DLL (an already built cchc.dll to time, run with `dotnet`, instead of the release binary that
#      scripts/publish-binaries.sh makes: Native AOT on Linux x64, else self-contained composite ReadyToRun),
#      TOOL_BIN (the cchc of an already installed dotnet tool), SKIP_TOOL=1 (time no installed tool; by default the
#      tool is packed by scripts/pack-tool.sh and installed with `dotnet tool install`, as a commune's CI does, and
#      timed as "tool" beside the release binary "cchc" and Hugo, in the same rounds).
set -euo pipefail
IFS=, read -r -a SIZES <<<"${1:-200}"
PLANS=${SIZES[0]}
RUNS=${2:-5}
REPO=$(cd "$(dirname "$0")/.." && pwd)
GEN=${GEN:-$REPO/bench/gen.py}
command -v hugo >/dev/null || { echo "hugo not found (apt-get install hugo)"; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (apt-get install time)"; exit 1; }

# Outputs go on a tmpfs or into fresh folders: creating thousands of files in a just-emptied folder on
# these machines' ext4 measures the file system, not the generator.
if [ -z "${BENCH_DIR:-}" ]; then
  if [ "$(id -u)" = 0 ]; then
    BENCH_DIR=/tmp/cchc-bench; mkdir -p "$BENCH_DIR"
    mountpoint -q "$BENCH_DIR" || mount -t tmpfs -o size=6g tmpfs "$BENCH_DIR"
  else
    BENCH_DIR=$(mktemp -d)
  fi
fi
W="$BENCH_DIR/run-$(IFS=-; echo "${SIZES[*]}")-$$"
mkdir -p "$W"
echo "work folder: $W ($(df -T "$W" | awk 'NR==2{print $2}'))"

for n in "${SIZES[@]}"; do
  echo "generating $n plans..."
  python3 "$GEN" "$n" "$W/site-$n" >/dev/null
done

if [ -n "${CCHC_BIN:-}" ]; then
  CCHC_CMD=("$CCHC_BIN")
elif [ -z "${CCHC_DLL:-}" ]; then
  # The shipping build, as scripts/publish-binaries.sh makes it.
  echo "publishing cchc as scripts/publish-binaries.sh does (Native AOT on Linux x64)..."
  BIN_DIR="$W/cchc-bin" "$REPO/scripts/publish-binaries.sh" linux-x64 | tail -1
  CCHC_CMD=("$W/cchc-bin/linux-x64/cchc")
else
  CCHC_CMD=(dotnet "$CCHC_DLL")
fi
TOOLS=(cchc hugo)
if [ -n "${TOOL_BIN:-}" ]; then
  TOOL_CMD=("$TOOL_BIN"); TOOLS=(cchc tool hugo)
elif [ "${SKIP_TOOL:-}" != 1 ]; then
  # What `cchc new site`'s workflows install: the packages of scripts/pack-tool.sh, picked by `dotnet tool install`.
  version=$(cd "$REPO" && dotnet msbuild src/CchcPortal.Cli -getProperty:Version -nologo 2>/dev/null || echo 0.1.0)
  echo "packing and installing the dotnet tool $version as a commune's CI does..."
  "$REPO/scripts/pack-tool.sh" "$W/feed" >"$W/pack.log" 2>&1 || { tail -20 "$W/pack.log"; exit 1; }
  /usr/bin/time -o "$W/install.txt" -f "%e" dotnet tool install CchcPortal --version "$version" --add-source "$W/feed" --tool-path "$W/tool" >/dev/null
  echo "installed in $(cat "$W/install.txt") s (dotnet tool install from a local folder; $(du -k "$W/feed/CchcPortal.linux-x64.$version.nupkg" | cut -f1) KB package)"
  TOOL_CMD=("$W/tool/cchc"); TOOLS=(cchc tool hugo)
  echo "tool: $(readlink -f "$W/tool/cchc" | sed "s|$W/||") ($(file -bL "$W/tool/cchc" | cut -d, -f1))"
fi
echo "hugo: $(hugo version | cut -d' ' -f1-2); dotnet $(dotnet --version)"
for n in "${SIZES[@]}"; do
  echo "content files, $n plans: cchc $(find "$W/site-$n/cchc/content" -type f | wc -l), hugo $(find "$W/site-$n/hugo/content" -type f | wc -l)"
done

# One timed build of one size: appends "wall cpu rss_kb html_pages" to $W/<tool>-<plans>.txt. The output is deleted
# after it is counted, not timed, and before the next build starts (in the background it would share the cores with it).
measure() {
  local tool=$1 n=$2 i=$3 out="$W/out-$1-$2-$3" t="$W/time-$1-$2-$3"
  if [ "$tool" = cchc ]; then
    /usr/bin/time -o "$t" -f "%e %U %S %M" "${CCHC_CMD[@]}" build --source "$W/site-$n/cchc" --output "$out" >"$W/log-$tool-$n-$i" 2>&1
  elif [ "$tool" = tool ]; then
    /usr/bin/time -o "$t" -f "%e %U %S %M" "${TOOL_CMD[@]}" build --source "$W/site-$n/cchc" --output "$out" >"$W/log-$tool-$n-$i" 2>&1
  else
    /usr/bin/time -o "$t" -f "%e %U %S %M" hugo --quiet --source "$W/site-$n/hugo" --destination "$out" >"$W/log-$tool-$n-$i" 2>&1
  fi
  local pages; pages=$(find "$out" -name '*.html' | wc -l)
  awk -v p="$pages" '{printf "%s %.2f %d %d\n", $1, $2+$3, $4, p}' "$t" >>"$W/$tool-$n.txt"
  rm -rf "$out"
}

for i in $(seq 1 "$RUNS"); do   # RUNS=0: only the incremental measurement
  for n in "${SIZES[@]}"; do
    # Each round starts with the next tool, so no tool always runs first (or always after another).
    line="  run $i, $n plans:"
    for k in "${!TOOLS[@]}"; do measure "${TOOLS[$(( (k + i - 1) % ${#TOOLS[@]} ))]}" "$n" "$i"; done
    for t in "${TOOLS[@]}"; do line+=" $t $(tail -1 "$W/$t-$n.txt" | cut -d' ' -f1)s "; done
    echo "$line"
  done
done

[ "$RUNS" -gt 0 ] && python3 - "$W" "${SIZES[@]}" <<'PY'
import os, sys, statistics as st
w, sizes = sys.argv[1], sys.argv[2:]
med = {}
for n in sizes:
    tools = [t for t in ("cchc", "tool", "hugo") if os.path.exists(f"{w}/{t}-{n}.txt")]
    rows = {t: [list(map(float, l.split())) for l in open(f"{w}/{t}-{n}.txt")] for t in tools}
    med[n] = {t: [st.median(r[k] for r in rows[t]) for k in range(4)] for t in rows}
    print(f"\n{n} plans, median of {len(rows['cchc'])} cold builds each (alternating; cchc = release binary, tool = installed dotnet tool):")
    print(f"{'':6} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'HTML pages':>11} {'pages/s':>9}")
    for t, (wall, cpu, rss, pages) in med[n].items():
        print(f"{t:6} {wall:8.2f} {cpu:8.2f} {rss/1024:12.0f} {pages:11.0f} {pages/wall:9.0f}")
    h = med[n]["hugo"]
    for t in tools[:-1]:
        c = med[n][t]
        print(f"ratio {t}/hugo: wall {c[0]/h[0]:.2f}x, CPU {c[1]/h[1]:.2f}x, memory {c[2]/h[2]:.2f}x; "
              f"{t} writes {c[3]/h[3]:.2f}x the pages (Vietnamese + English)")
    print("per page: " + ", ".join(f"{t} {med[n][t][0]/med[n][t][3]*1000:.3f} ms wall" for t in tools))
first = sizes[0]
for n in sizes[1:]:
    grow = {t: med[n][t][0] / med[first][t][0] for t in med[n]}
    print(f"\ngrowth {first} -> {n} plans ({int(n)/int(first):.1f}x the content), median wall: "
          + ", ".join(f"{t} {g:.2f}x" for t, g in grow.items()))
PY

# Startup: `cchc check` on the sample (a CI job runs it on every push), 11 runs of each, median wall; and 3 builds of it.
echo -e "\nstartup: cchc check on the sample site, median of 11 runs; build of the sample"
for t in "${TOOLS[@]}"; do
  [ "$t" = hugo ] && continue
  if [ "$t" = cchc ]; then cmd=("${CCHC_CMD[@]}"); else cmd=("${TOOL_CMD[@]}"); fi
  for _ in $(seq 1 11); do /usr/bin/time -a -o "$W/check-$t.txt" -f "%e %M" "${cmd[@]}" check --source "$REPO" >/dev/null 2>&1; done
  for k in 1 2 3; do /usr/bin/time -a -o "$W/sample-$t.txt" -f "%e %M" "${cmd[@]}" build --source "$REPO" --output "$W/sample-out" >/dev/null 2>&1; rm -rf "$W/sample-out"; done
  python3 -c "import statistics as s; r=[l.split() for l in open('$W/check-$t.txt')]; b=[l.split() for l in open('$W/sample-$t.txt')]; print(f'  $t: check {s.median(float(x[0]) for x in r):.3f} s wall, {s.median(int(x[1]) for x in r)/1024:.0f} MB peak; build of the sample {s.median(float(x[0]) for x in b):.2f} s (median of 3)')"
done

[ "${SKIP_SERVE:-}" = 1 ] && exit 0
# Incremental: cchc serve on the same site; edit one task's title and poll the served page until it shows.
echo -e "\nincremental (cchc serve): edit one task file, poll the page every 5 ms..."
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${CCHC_CMD[@]}" serve --source "$W/site-$PLANS/cchc" --output "$W/serve-out" --port "$PORT" >"$W/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true' EXIT
tasks=("$W"/site-$PLANS/cchc/content/plans/*/tasks/*.md); TASK=${tasks[0]}
PLAN=$(basename "$(dirname "$(dirname "$TASK")")")
URL="http://127.0.0.1:$PORT/ke-hoach/$PLAN/nhiem-vu/$(basename "$TASK" .md)/"
for _ in $(seq 1 1200); do curl -sf -o /dev/null "$URL" && break; sleep 0.1; done
curl -sf -o /dev/null "$URL" || { echo "serve did not start"; cat "$W/serve.log"; exit 1; }
sleep 1
# One Python process edits the file and polls the page over one keep-alive connection every 5 ms (a curl and a grep
# per poll cost more than the poll interval on these machines).
python3 - "$TASK" "$PORT" "${URL#http://127.0.0.1:$PORT}" "$W/serve.txt" <<'PY'
import sys, time, random, http.client, re
task, port, path, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
def page():
    global conn
    try:
        conn.request("GET", path); return conn.getresponse().read().decode("utf-8", "replace")
    except Exception:
        conn.close(); conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30); return ""
for i in range(1, 6):
    mark = f"BENCHMARK{i}{random.randrange(10**6)}"
    text = open(task, encoding="utf-8").read()
    start = time.perf_counter()
    with open(task, "w", encoding="utf-8") as f: f.write(re.sub(r'^title: "', f'title: "{mark} ', text, count=1, flags=re.M))
    seen = None
    while time.perf_counter() - start < 30:
        if mark in page(): seen = (time.perf_counter() - start) * 1000; break
        time.sleep(0.005)
    print(f"  edit {i}: " + (f"{seen:.0f} ms from save to the served page" if seen is not None else "not seen within 30 s"))
    open(out, "a").write(f"{seen if seen is not None else 30000:.0f}\n")
    time.sleep(0.5)
PY
python3 -c "import statistics as s; v=[int(l) for l in open('$W/serve.txt')]; print(f'incremental median: {s.median(v):.0f} ms (save to page served, 30 ms quiet period included)')"
kill $SERVE; wait $SERVE 2>/dev/null || true
