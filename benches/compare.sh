#!/usr/bin/env bash
# Performance comparison of jdc-refund against JD Cloud's official Python tools.
#
#   bash benches/compare.sh                    # everything: about 4-6 minutes on 2 cores
#   BENCH_ONLY="1 2" bash benches/compare.sh   # only some rows (1 start-up, 2 signed query,
#                                              # 3 orders --all, 4 refund --batch, 5 build)
#
# Progress goes to stderr; the Markdown table goes to stdout (and to
# target/bench/results.md). What it needs:
#   * cargo (builds target/release/jdc-refund);
#   * hyperfine and GNU time (/usr/bin/time -v): installed from Debian when run as root,
#     otherwise the script says what to install and stops;
#   * python3 with venv and PyPI access for the official tools (jdcloud-cli for `jdc`, and
#     jdcloud-sdk pinned by tests/sdk/requirements.txt). They go into throwaway virtualenvs
#     under target/bench-venv/ (reused while their pins are unchanged). Without them the rows
#     that compare with them say n/a and why.
#
# Environment knobs: BENCH_PYTHON (default python3), BENCH_ONLY (rows to run),
# BENCH_JDC_CLI (pip requirement for the official CLI, default jdcloud-cli==1.2.12),
# BENCH_KEEP=1 (keep the scratch directory with sandbox states, logs and outputs).
#
# Every sandbox it starts listens on 127.0.0.1 only and is stopped by PID on exit.
set -euo pipefail

# The script's own stderr, for messages from a trap that may run while a command's output is
# redirected to a file.
exec 9>&2

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------
PYTHON="${BENCH_PYTHON:-python3}"
ONLY="${BENCH_ONLY:-1 2 3 4 5}"
JDC_CLI_SPEC="${BENCH_JDC_CLI:-jdcloud-cli==1.2.12}"   # the official CLI (provides `jdc`)
SDK_REQUIREMENTS="$ROOT/tests/sdk/requirements.txt"
ACCESS_KEY="AKSANDBOXDEMO0000001"           # the sandbox's public demo key pair
SECRET_KEY="sandbox-secret-key-do-not-use"
LIST_LIMIT=120                               # seconds: one `orders --all` run is stopped after this
SMALL_ORDERS=1000
LARGE_ORDERS=100000
BATCH_ORDERS=1000

TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
case "$TARGET" in /*) ;; *) TARGET="$ROOT/$TARGET" ;; esac
BIN="$TARGET/release/jdc-refund"
VENV_ROOT="$TARGET/bench-venv"
OUT_DIR="$TARGET/bench"

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
SCRIPT_START=$(date +%s)
log() { printf '\n== %s\n' "$*" >&2; }
note() { printf '   %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&9; exit 1; }
want_row() { [[ " $ONLY " == *" $1 "* ]]; }
now_ns() { date +%s%N; }
elapsed_s() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
# fmt_time SECONDS: "3.4 ms", "850 ms", "14.25 s"
fmt_time() {
  awk -v s="$1" 'BEGIN {
    if (s < 0.01) printf "%.2f ms", s * 1000; else if (s < 1) printf "%.1f ms", s * 1000;
    else if (s < 100) printf "%.2f s", s; else printf "%.0f s (%dm%02ds)", s, s / 60, s % 60 }'
}
fmt_mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }        # from KiB
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; printf (r >= 10 ? "%.0f" : "%.2f"), r }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
yes_no() { if "$@"; then echo yes; else echo "**no**"; fi; }
# all_of "CHECK ARGS" ...: true when every check (a command line of plain words) succeeds.
all_of() { local check; for check in "$@"; do read -ra words <<<"$check"; "${words[@]}" || return 1; done; }

# Median in seconds of a hyperfine --export-json file (computed from the raw times).
median_s() {
  "$PYTHON" -c 'import json, statistics, sys
print(statistics.median(json.load(open(sys.argv[1]))["results"][0]["times"]))' "$1"
}

# run LIMIT COMMAND...: runs COMMAND under `timeout LIMIT` in the background and waits for it,
# so that Ctrl-C or a TERM is handled at once (see on_signal) instead of after the command.
# Returns its exit status (124 when it ran out of time).
CHILD=""
run() {
  local limit=$1 rc=0; shift
  timeout "$limit" "$@" &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

# hf NAME RUNS WARMUP LIMIT COMMAND...: times COMMAND (no shell) with hyperfine; sets HF_MEDIAN
# to the median in seconds. Fails (non-zero) when the command fails or takes over LIMIT s.
HF_STYLE=full
[ -t 2 ] || HF_STYLE=basic
HF_MEDIAN=""
hf() {
  local name=$1 runs=$2 warmup=$3 limit=$4; shift 4
  local cmd json="$WORK/hyperfine-${name// /_}.json"
  cmd=$(printf '%q ' "$@")
  HF_MEDIAN=""
  run "$limit" hyperfine -N --style "$HF_STYLE" --runs "$runs" --warmup "$warmup" \
    --export-json "$json" --command-name "$name" "$cmd" >&2 || return 1
  HF_MEDIAN=$(median_s "$json")
}

# Peak RSS in KiB, and user + system CPU seconds, from a `/usr/bin/time -v -o FILE` report.
rss_kib() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
cpu_s() { awk -F': ' '/(User|System) time \(seconds\)/ { t += $2 } END { print t + 0 }' "$1"; }
# 100000 -> 100,000
commas() { local n=$1 out=""; while [ ${#n} -gt 3 ]; do out=",${n: -3}$out"; n=${n:0:${#n}-3}; done; echo "$n$out"; }

# ---------------------------------------------------------------------------------------------
# Scratch space, sandboxes and cleanup
# ---------------------------------------------------------------------------------------------
WORK="$(mktemp -d /tmp/jdc-refund-bench.XXXXXX)"
CLEAN_TARGET=""
PIDS=()

cleanup() {
  local pid
  # `timeout` passes the signal on to everything it started (hyperfine and its runs too).
  if [ -n "$CHILD" ]; then
    kill "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  for pid in ${PIDS[@]+"${PIDS[@]}"}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [ -n "$CLEAN_TARGET" ] && rm -rf "$CLEAN_TARGET"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "scratch directory kept: $WORK" >&9
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
on_signal() { trap - INT TERM; echo "interrupted: stopping what this script started" >&9; exit 130; }
trap on_signal INT TERM

# start_sandbox NAME SERVE-ARGS...: starts `sandbox serve --port 0` over a fresh state file
# $WORK/NAME/sandbox.sqlite3; sets SANDBOX_PID, SANDBOX_URL and SANDBOX_STATE.
start_sandbox() {
  local name=$1; shift
  local dir="$WORK/$name" line waited=0
  mkdir -p "$dir"
  SANDBOX_STATE="$dir/sandbox.sqlite3"
  "$BIN" sandbox serve --port 0 --state "$SANDBOX_STATE" "$@" \
    >"$dir/serve.out" 2>"$dir/serve.err" &
  SANDBOX_PID=$!
  PIDS+=("$SANDBOX_PID")
  # The first stdout line is `listening on URL` (seeding 100,000 orders comes before it).
  while :; do
    line=$(head -n 1 "$dir/serve.out" 2>/dev/null || true)
    [[ "$line" == "listening on "* ]] && break
    if ! kill -0 "$SANDBOX_PID" 2>/dev/null; then
      die "sandbox serve $* exited early: $(tail -n 5 "$dir/serve.err")"
    fi
    if [ "$waited" -ge 3000 ]; then   # 300 s in 0.1 s steps
      die "sandbox serve $* printed no 'listening on' line within 300 s"
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  SANDBOX_URL=${line#listening on }
  note "sandbox $name: $SANDBOX_URL (pid $SANDBOX_PID; ready after $(awk -v w=$waited 'BEGIN{printf "%.1f", w/10}') s)"
}

stop_sandbox() {
  local pid=$SANDBOX_PID keep=() p
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  PIDS=(${keep[@]+"${keep[@]}"})
}

# sql STATE QUERY: one query against a sandbox state (sqlite3, else Python's sqlite3 module).
sql() {
  if command -v sqlite3 >/dev/null; then
    sqlite3 -separator ' ' "$1" "$2"
  else
    "$PYTHON" -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print(" ".join(str(v) for v in row))' "$1" "$2"
  fi
}

# ---------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------
log "checking tools"
command -v cargo >/dev/null || die "cargo is not installed: install Rust (https://rustup.rs)"
command -v "$PYTHON" >/dev/null || die "$PYTHON is not installed (set BENCH_PYTHON to a Python 3)"
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
if ! { [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; }; then missing+=(time); fi
if want_row 1 || want_row 2; then
  "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    note "installing from Debian: ${missing[*]}"
    timeout 600 apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "missing: ${missing[*]}. Install them first, e.g. \`sudo apt-get install ${missing[*]}\`
       (hyperfine: https://github.com/sharkdp/hyperfine; time: GNU time at /usr/bin/time)."
  fi
fi
command -v hyperfine >/dev/null || die "hyperfine is still missing after installing it"
/usr/bin/time -v true >/dev/null 2>&1 || die "/usr/bin/time -v does not work (need GNU time)"

# Every jdc-refund run below gets its credentials and files from here, never from the user's
# own profile, config or journal.
unset JDC_SANDBOX JDC_PROFILE JDC_ENDPOINT JDC_REGION JDC_SESSION_TOKEN JDC_SANDBOX_STATE
export JDC_ACCESS_KEY="$ACCESS_KEY" JDC_SECRET_KEY="$SECRET_KEY" JDC_NO_PROMPT=1
export JDC_REFUND_CONFIG_DIR="$WORK/config" JDC_REFUND_STATE_DIR="$WORK/state"
export NO_COLOR=1
export no_proxy="127.0.0.1,localhost${no_proxy:+,$no_proxy}" NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
mkdir -p "$JDC_REFUND_CONFIG_DIR" "$JDC_REFUND_STATE_DIR" "$OUT_DIR" "$WORK/home"

log "cargo build --release"
run 1800 cargo build --release >&2 || die "cargo build --release failed (or took over 30 min)"
[ -x "$BIN" ] || die "no binary at $BIN after the build"

# ---------------------------------------------------------------------------------------------
# Machine
# ---------------------------------------------------------------------------------------------
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
MEM_GIB=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null || true)" ]; then
  COMMIT="$COMMIT + uncommitted changes"
fi
MACHINE="$(nproc) CPUs, ${CPU_MODEL:-unknown CPU}, ${MEM_GIB:-unknown} memory"
VERSIONS="$("$BIN" --version) ($COMMIT); $(rustc --version 2>/dev/null || echo rustc ?); $(hyperfine --version); $("$PYTHON" --version 2>&1)"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
note "machine: $MACHINE; load average $LOAD_START"
if awk -v l="${LOAD_START%% *}" 'BEGIN { exit !(l + 0 >= 0.5) }'; then
  note "warning: the machine is busy (load average $LOAD_START); timings will be slower and noisier"
fi
note "versions: $VERSIONS"

# ---------------------------------------------------------------------------------------------
# The official tools, in throwaway virtualenvs
# ---------------------------------------------------------------------------------------------
# make_venv DIR KEY PIP-ARGS...: (re)creates DIR with PIP-ARGS installed unless it already
# holds exactly that (KEY). On failure sets VENV_ERR and returns 1.
VENV_ERR=""
make_venv() {
  local dir=$1 key=$2 out; shift 2
  key="$key; $("$PYTHON" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
  if [ -x "$dir/bin/python" ] && [ "$(cat "$dir/.bench-key" 2>/dev/null)" = "$key" ]; then
    return 0
  fi
  note "installing $* into $dir"
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  if ! out=$("$PYTHON" -m venv "$dir" 2>&1); then
    VENV_ERR="\`$PYTHON -m venv\` failed: $(tail -n 2 <<<"$out" | tr '\n' ' ')"
    return 1
  fi
  if ! run 900 "$dir/bin/python" -m pip install --disable-pip-version-check --no-input -q "$@" \
      >"$dir.pip.log" 2>&1; then
    VENV_ERR="\`pip install $*\` failed: $(grep -v '^ *$' "$dir.pip.log" | tail -n 3 | tr '\n' ' ')"
    return 1
  fi
  printf '%s' "$key" >"$dir/.bench-key"
}

JDC=""           # the official CLI's executable, when installed
JDC_NA=""        # why not
SDK_PY=""        # the virtualenv's python with the official SDK, when installed
SDK_NA=""
if want_row 1; then
  log "official CLI: $JDC_CLI_SPEC"
  # jdcloud-cli pins its own, older jdcloud_sdk (1.6.180), so it gets a virtualenv of its own
  # rather than sharing one with the SDK version the interop test uses.
  if make_venv "$VENV_ROOT/cli" "$JDC_CLI_SPEC" "$JDC_CLI_SPEC"; then
    # What does the package actually provide? Its console_scripts entry points.
    scripts=$("$VENV_ROOT/cli/bin/python" -c 'import importlib.metadata as m
print(" ".join(e.name for e in m.distribution("jdcloud-cli").entry_points if e.group == "console_scripts"))')
    note "jdcloud-cli provides: ${scripts:-no console script}"
    for s in $scripts; do
      if [ -x "$VENV_ROOT/cli/bin/$s" ]; then JDC="$VENV_ROOT/cli/bin/$s"; break; fi
    done
    if [ -z "$JDC" ]; then
      JDC_NA="jdcloud-cli installed no executable (entry points: ${scripts:-none})"
    elif ! out=$(HOME="$WORK/home" timeout 60 "$JDC" --version 2>&1); then
      JDC_NA="\`$(basename "$JDC") --version\` failed: $(tail -n 2 <<<"$out" | tr '\n' ' ')"
      JDC=""
    else
      note "$(basename "$JDC") --version: $out"
    fi
  else
    JDC_NA="$VENV_ERR"
  fi
  [ -z "$JDC_NA" ] || note "official CLI unavailable: $JDC_NA"
fi

SDK_SCRIPT="$OUT_DIR/sdk_query_orders.py"
if want_row 2; then
  log "official SDK: $(grep -i '^jdcloud-sdk' "$SDK_REQUIREMENTS" || echo jdcloud-sdk)"
  if make_venv "$VENV_ROOT/sdk" "$(sha256sum <"$SDK_REQUIREMENTS")" -r "$SDK_REQUIREMENTS"; then
    SDK_PY="$VENV_ROOT/sdk/bin/python"
  else
    SDK_NA="$VENV_ERR"
    note "official SDK unavailable: $SDK_NA"
  fi
  # The same query `jdc-refund orders --page-size 10` sends: the first page of 10 orders
  # created in the last 12 months, through the SDK's own QueryOrdersRequest, client and signer
  # (as tests/sdk/interop.py does). Prints the number of orders on the page.
  cat >"$SDK_SCRIPT" <<'PY'
"""One signed QueryOrders call through the official JD Cloud Python SDK (benches/compare.sh)."""
import sys
import time

from jdcloud_sdk.core.config import Config
from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.core.logger import Logger, INFO
from jdcloud_sdk.services.order.apis.QueryOrdersRequest import (
    QueryOrdersParameters, QueryOrdersRequest)
from jdcloud_sdk.services.order.client.OrderClient import OrderClient


class Quiet(Logger):
    """The SDK's default logger prints every request to stdout."""

    def __init__(self):
        super().__init__(INFO)

    def log(self, level, message):
        pass


def main():
    endpoint = sys.argv[1]  # host:port
    client = OrderClient(Credential("AKSANDBOXDEMO0000001", "sandbox-secret-key-do-not-use"),
                         Config(endpoint, "http", timeout=30), Quiet())
    now_ms = int(time.time() * 1000)
    params = QueryOrdersParameters("cn-north-1")
    params.setQueryVo({"startTime": now_ms - 365 * 86400 * 1000, "endTime": now_ms,
                       "pageNumber": 1, "pageSize": 10})
    resp = client.send(QueryOrdersRequest(params))
    if resp.error is not None:
        sys.exit("error: %s %s: %s" % (resp.error.status, resp.error.code, resp.error.message))
    print(len(resp.result["resultList"]))


main()
PY
fi

# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------
ROWS=()
NOTES=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 |"); }   # # what jdc-refund official ratio goal met

# ---- 1. start-up -----------------------------------------------------------------------------
if want_row 1; then
  log "1. start-up"
  hf "jdc-refund --version" 300 30 300 "$BIN" --version || die "timing jdc-refund --version failed"
  v_s=$HF_MEDIAN
  hf "jdc-refund --help" 300 30 300 "$BIN" --help || die "timing jdc-refund --help failed"
  h_s=$HF_MEDIAN
  j_s=""
  if [ -n "$JDC" ]; then
    if HOME="$WORK/home" hf "jdc --version" 20 3 600 "$JDC" --version; then
      j_s=$HF_MEDIAN
    else
      JDC_NA="timing \`jdc --version\` failed or took over 600 s"
    fi
  fi
  for which in version help; do
    if [ $which = version ]; then s=$v_s; else s=$h_s; fi
    if [ -n "$j_s" ]; then
      r=$(ratio "$j_s" "$s")
      met=$(yes_no all_of "ge $r 100" "le $s 0.005")
      row 1 "start-up: \`jdc-refund --$which\`" "$(fmt_time "$s")" \
        "\`jdc --version\`: $(fmt_time "$j_s")" "${r}×" "≥100×, ≤ 5 ms" "$met"
    else
      row 1 "start-up: \`jdc-refund --$which\`" "$(fmt_time "$s")" "n/a" "n/a" \
        "≥100×, ≤ 5 ms" "$(yes_no le "$s" 0.005) (≤ 5 ms only)"
    fi
  done
  [ -z "$JDC_NA" ] || NOTES+=("Row 1: the official CLI is n/a: $JDC_NA")
fi

# ---- 2. one signed query ---------------------------------------------------------------------
if want_row 2; then
  log "2. one signed query (orders --page-size 10) against sandbox serve"
  start_sandbox query
  url=$SANDBOX_URL
  # Check both answer the same page before timing them.
  out=$("$BIN" orders --endpoint "$url" --page-size 10 --output json) \
    || die "jdc-refund orders --endpoint $url failed"
  n_cli=$(grep -o '"orderNumber"' <<<"$out" | wc -l)
  note "jdc-refund orders: $n_cli orders on the page"
  hf "jdc-refund orders" 100 5 300 "$BIN" orders --endpoint "$url" --page-size 10 --output json \
    || die "timing jdc-refund orders failed"
  q_s=$HF_MEDIAN
  s_s=""
  if [ -n "$SDK_PY" ]; then
    if n_sdk=$(timeout 60 "$SDK_PY" "$SDK_SCRIPT" "${url#http://}" 2>"$WORK/sdk.err"); then
      note "official SDK QueryOrders: $n_sdk orders on the page"
      [ "$n_sdk" = "$n_cli" ] || NOTES+=("Row 2: the SDK's page had $n_sdk orders, jdc-refund's $n_cli.")
      if hf "SDK QueryOrders" 30 3 600 "$SDK_PY" "$SDK_SCRIPT" "${url#http://}"; then
        s_s=$HF_MEDIAN
      else
        SDK_NA="timing the SDK query failed or took over 600 s"
      fi
    else
      SDK_NA="the SDK query failed: $(tail -n 2 "$WORK/sdk.err" | tr '\n' ' ')"
    fi
  fi
  stop_sandbox
  if [ -n "$s_s" ]; then
    r=$(ratio "$s_s" "$q_s")
    row 2 "one signed query: \`orders --page-size 10 --output json\`" "$(fmt_time "$q_s")" \
      "Python SDK \`QueryOrdersRequest\`: $(fmt_time "$s_s")" "${r}×" "≥20×" "$(yes_no ge "$r" 20)"
  else
    row 2 "one signed query: \`orders --page-size 10 --output json\`" "$(fmt_time "$q_s")" \
      "n/a" "n/a" "≥20×" "n/a"
    NOTES+=("Row 2: the official SDK is n/a: $SDK_NA")
  fi
fi

# ---- 3. orders --all -------------------------------------------------------------------------
if want_row 3; then
  log "3. orders --all over $SMALL_ORDERS and $LARGE_ORDERS seeded orders"
  FORMAT=json
  orders_help=$("$BIN" orders --help 2>/dev/null || true)
  if grep -qw jsonl <<<"$orders_help"; then FORMAT=jsonl; fi
  note "output format: $FORMAT"
  declare -A LIST_S LIST_KIB LIST_NOTE LIST_CPU
  for n in $SMALL_ORDERS $LARGE_ORDERS; do
    LIST_S[$n]=""; LIST_KIB[$n]=""; LIST_NOTE[$n]=""; LIST_CPU[$n]=""
    start_sandbox "orders-$n" --seed-orders "$n"
    # One run under /usr/bin/time -v: peak RSS, a check of the output, and a probe of how
    # long a run takes (stopped after LIST_LIMIT seconds).
    tf="$WORK/orders-$n.time"
    t0=$(now_ns)
    rc=0
    run "$LIST_LIMIT" /usr/bin/time -v -o "$tf" \
      "$BIN" orders --endpoint "$SANDBOX_URL" --all --output "$FORMAT" \
      >"$WORK/orders-$n.out" 2>"$WORK/orders-$n.err" || rc=$?
    probe_s=$(elapsed_s "$t0" "$(now_ns)")
    listed=$(grep -o '"orderNumber"' "$WORK/orders-$n.out" | wc -l)
    if [ $rc = 124 ]; then
      LIST_NOTE[$n]="stopped after ${LIST_LIMIT} s ($listed orders listed by then)"
      note "$n orders: ${LIST_NOTE[$n]}"
    elif [ $rc != 0 ]; then
      LIST_NOTE[$n]="failed (exit $rc): $(tail -n 1 "$WORK/orders-$n.err")"
      note "$n orders: ${LIST_NOTE[$n]}"
    else
      LIST_KIB[$n]=$(rss_kib "$tf")
      LIST_CPU[$n]=$(cpu_s "$tf")
      note "$n orders: $listed listed in $(fmt_time "$probe_s"), peak RSS $(fmt_mib "${LIST_KIB[$n]}")"
      [ "$listed" -ge "$n" ] || NOTES+=("Row 3: \`orders --all\` over $n seeded orders listed only $listed.")
      if ge "$probe_s" 40; then
        LIST_S[$n]=$probe_s   # one run is all the time allows
        LIST_NOTE[$n]="1 run; "
      else
        if [ "$n" = "$SMALL_ORDERS" ]; then runs=10 warmup=1; else runs=3 warmup=0; fi
        if hf "orders --all $n" "$runs" "$warmup" $((LIST_LIMIT * (runs + 1))) \
            "$BIN" orders --endpoint "$SANDBOX_URL" --all --output "$FORMAT"; then
          LIST_S[$n]=$HF_MEDIAN
        else
          LIST_S[$n]=$probe_s; LIST_NOTE[$n]="1 run, hyperfine failed; "
        fi
      fi
      # How much of the wall time is jdc-refund's own work (the rest is waiting for pages).
      # (GNU time counts CPU in 10 ms steps.)
      if le "${LIST_CPU[$n]}" 0; then cpu="< 10 ms"; else cpu=$(fmt_time "${LIST_CPU[$n]}"); fi
      LIST_NOTE[$n]="${LIST_NOTE[$n]}jdc-refund CPU $cpu"
    fi
    stop_sandbox
  done
  s1=${LIST_S[$SMALL_ORDERS]} k1=${LIST_KIB[$SMALL_ORDERS]}
  s2=${LIST_S[$LARGE_ORDERS]} k2=${LIST_KIB[$LARGE_ORDERS]}
  what="\`orders --all --output $FORMAT\`"
  small=$(commas $SMALL_ORDERS) large=$(commas $LARGE_ORDERS)
  row 3 "$what, $small orders: wall" "${s1:+$(fmt_time "$s1")}${LIST_NOTE[$SMALL_ORDERS]:+ (${LIST_NOTE[$SMALL_ORDERS]})}" "—" "—" "—" "—"
  row 3 "$what, $small orders: peak RSS" "${k1:+$(fmt_mib "$k1")}" "—" "—" "—" "—"
  if [ -n "$s2" ]; then
    row 3 "$what, $large orders: wall" "$(fmt_time "$s2")${LIST_NOTE[$LARGE_ORDERS]:+ (${LIST_NOTE[$LARGE_ORDERS]})}" \
      "—" "—" "≤ 4 s" "$(yes_no le "$s2" 4)"
  else
    row 3 "$what, $large orders: wall" "${LIST_NOTE[$LARGE_ORDERS]:-n/a}" "—" "—" "≤ 4 s" "**no**"
  fi
  if [ -n "$k2" ] && [ -n "$k1" ]; then
    rr=$(ratio "$k2" "$k1")
    row 3 "$what, $large orders: peak RSS" "$(fmt_mib "$k2")" "—" \
      "${rr}× the $small-order RSS" "≤ 32 MiB, ≤ 1.5× the $small-order RSS" \
      "$(yes_no all_of "le $k2 32768" "le $rr 1.5")"
  else
    row 3 "$what, $large orders: peak RSS" "n/a" "—" "—" "≤ 32 MiB, ≤ 1.5× the $small-order RSS" "n/a"
  fi
fi

# ---- 4. refund --batch -----------------------------------------------------------------------
if want_row 4; then
  log "4. refund --batch of $BATCH_ORDERS orders, sandbox latency 20 ms"
  csv="$WORK/batch.csv"
  { echo resource_id; for i in $(seq 1 "$BATCH_ORDERS"); do printf 'i-load%08d\n' "$i"; done; } >"$csv"
  declare -A BATCH_S BATCH_OK
  DUPS_TOTAL=0
  for c in 1 8; do
    # A fresh sandbox state, journal and config for each run: nothing is already submitted.
    start_sandbox "batch-c$c" --seed-orders "$BATCH_ORDERS" --faults latency=20ms
    dir="$WORK/batch-c$c"
    mkdir -p "$dir/config" "$dir/state"
    t0=$(now_ns)
    rc=0
    JDC_REFUND_CONFIG_DIR="$dir/config" JDC_REFUND_STATE_DIR="$dir/state" run 900 \
      "$BIN" refund --endpoint "$SANDBOX_URL" --batch "$csv" --reason not-wanted \
      --contact-phone 13800000000 --yes --concurrency "$c" --report "$dir/report.csv" \
      >"$dir/batch.out" 2>"$dir/batch.err" || rc=$?
    BATCH_S[$c]=$(elapsed_s "$t0" "$(now_ns)")
    stop_sandbox
    # refunds per resource, as the sandbox stored them
    counts=$(sql "$SANDBOX_STATE" \
      "SELECT COUNT(*), COUNT(DISTINCT resource_id) FROM refunds WHERE resource_id LIKE 'i-load%'") \
      || die "cannot read the refunds from the sandbox state $SANDBOX_STATE"
    read -r refunds resources <<<"$counts"
    dups=$((refunds - resources))
    DUPS_TOTAL=$((DUPS_TOTAL + dups))
    submitted=$("$PYTHON" -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(sum(1 for r in rows if (r.get("status") or "").strip() == "submitted"))' "$dir/report.csv" 2>/dev/null || echo "?")
    note "concurrency $c: exit $rc in $(fmt_time "${BATCH_S[$c]}"); report: $submitted submitted; sandbox: $refunds refunds for $resources resources ($dups duplicates)"
    BATCH_OK[$c]=1
    if [ $rc = 124 ]; then
      BATCH_OK[$c]=0; NOTES+=("Row 4: the batch at concurrency $c was stopped after 900 s.")
    elif [ $rc != 0 ]; then
      BATCH_OK[$c]=0; NOTES+=("Row 4: the batch at concurrency $c exited $rc: $(tail -n 1 "$dir/batch.err")")
    fi
    if [ "$resources" != "$BATCH_ORDERS" ]; then
      NOTES+=("Row 4: at concurrency $c the sandbox holds refunds for $resources of $BATCH_ORDERS resources.")
    fi
  done
  speedup=$(ratio "${BATCH_S[1]}" "${BATCH_S[8]}")
  flag1=""; [ "${BATCH_OK[1]}" = 1 ] || flag1=" (failed, see notes)"
  flag8=""; [ "${BATCH_OK[8]}" = 1 ] || flag8=" (failed, see notes)"
  batch=$(commas $BATCH_ORDERS)
  row 4 "\`refund --batch\` $batch orders, latency 20 ms: \`--concurrency 1\`" \
    "$(fmt_time "${BATCH_S[1]}")$flag1" "—" "—" "—" "—"
  row 4 "\`refund --batch\` $batch orders, latency 20 ms: \`--concurrency 8\`" \
    "$(fmt_time "${BATCH_S[8]}")$flag8" "—" "${speedup}× speed-up" "≥6×" \
    "$(yes_no all_of "ge $speedup 6" "[ ${BATCH_OK[1]}${BATCH_OK[8]} = 11 ]")"
  row 4 "\`refund --batch\`: duplicate refunds (both runs, from the sandbox's state)" \
    "$DUPS_TOTAL" "—" "—" "0" "$(yes_no [ "$DUPS_TOTAL" = 0 ])"
fi

# ---- 5. clean build and size -----------------------------------------------------------------
if want_row 5; then
  log "5. clean release build into a fresh CARGO_TARGET_DIR"
  CLEAN_TARGET="$(mktemp -d /tmp/jdc-refund-clean-build.XXXXXX)"
  t0=$(now_ns)
  # No compiler cache (RUSTC_WRAPPER="" turns off sccache and the like): a real clean build.
  # Dependencies already downloaded to ~/.cargo are reused; their download is not timed.
  if CARGO_TARGET_DIR="$CLEAN_TARGET" RUSTC_WRAPPER="" run 1800 \
      cargo build --release >"$WORK/clean-build.log" 2>&1; then
    build_s=$(elapsed_s "$t0" "$(now_ns)")
    built="$CLEAN_TARGET/release/jdc-refund"
    cp "$built" "$WORK/jdc-refund.stripped"
    if command -v strip >/dev/null; then strip "$WORK/jdc-refund.stripped"; fi
    size=$(stat -c %s "$WORK/jdc-refund.stripped")
    built_size=$(stat -c %s "$built")
    size_note="; as built: $built_size bytes"
    command -v strip >/dev/null || size_note="; as built, no \`strip\` here"
    row 5 "clean release build (\`cargo build --release\`, new target dir, $(nproc) CPUs)" \
      "$(fmt_time "$build_s")" "—" "—" "—" "—"
    row 5 "stripped release binary" \
      "$(awk -v b="$size" 'BEGIN { printf "%.2f MiB", b / 1048576 }') ($size bytes$size_note)" \
      "—" "—" "—" "—"
  else
    row 5 "clean release build" "failed: see below" "—" "—" "—" "—"
    NOTES+=("Row 5: the clean build failed: $(tail -n 3 "$WORK/clean-build.log" | tr '\n' ' ')")
  fi
  rm -rf "$CLEAN_TARGET"; CLEAN_TARGET=""
fi

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
total=$(( $(date +%s) - SCRIPT_START ))
{
  echo "## jdc-refund vs the official JD Cloud tools"
  echo
  echo "- Machine: $MACHINE; load average (1, 5, 15 min) $LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?") at the end"
  echo "- Versions: $VERSIONS"
  echo "- Official: \`${JDC_CLI_SPEC}\` (\`jdc\`), $(grep -i '^jdcloud-sdk' "$SDK_REQUIREMENTS" || echo jdcloud-sdk) (Python SDK)"
  echo "- Timings are hyperfine medians (no shell) unless marked; peak RSS from \`/usr/bin/time -v\`."
  echo "- Run on $(date -u '+%Y-%m-%d %H:%M UTC'), took $((total / 60))m$(printf %02d $((total % 60)))s."
  echo
  echo "| # | benchmark | jdc-refund | official | ratio | goal | met |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' ${ROWS[@]+"${ROWS[@]}"}
  if [ ${#NOTES[@]} -gt 0 ]; then
    echo
    printf -- '- %s\n' "${NOTES[@]}"
  fi
} | tee "$OUT_DIR/results.md"
echo "(also written to $OUT_DIR/results.md)" >&2
