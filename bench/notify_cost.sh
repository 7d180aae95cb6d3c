#!/usr/bin/env bash
# What notification ports cost the HTTP server (issue 14). The http.sys hello server (examples/hello_server.c)
# answers keep-alive GETs in four set-ups of this tree:
#   compiled out  the same tree with the hook sites compiled out (notify::watching and ::active made
#                 `false` in a copy built into target/notify-nohooks): the server without notification ports
#   no port       as shipped, no port registered: each event site checks one atomic
#   port, rare    a port registered on the whole server for the timer events only (the atomic is non-zero,
#                 but no event on this path)
#   port, all     a port watching every event of the whole server, drained by a thread
#                 (examples/preload/notify_monitor.so with NOTIFY_MONITOR_COUNT_ONLY: it takes and frees each
#                 batch, prints nothing): one REQUEST_RECEIVED per keep-alive request
# Two measures from the same run:
#   - instructions per request in the server process (valgrind callgrind): REQUESTS keep-alive GETs on one
#     connection (curl), counted between two dumps after a warm-up; median of ROUNDS. Three columns: all of
#     the process; the same without memset (the server zero-fills a 16 KiB read buffer per read, and how
#     many reads a request takes varies from run to run: most of the noise); and the library's own
#     functions (winhttpapi::*, self cost).
#   - requests/s under wrk (-t1 -c32, DURATION s), the server pinned to core 0 and wrk to core 1, the set-ups
#     alternated ROUNDS times; median. Noisy while others use the machine: the uptime line says how busy.
#
#   bench/notify_cost.sh        REQUESTS=4000 DURATION=5 ROUNDS=3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
REQUESTS=${REQUESTS:-4000}
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
source "$root/bench/common.sh"
bench_init
for tool in valgrind callgrind_control wrk curl taskset bc; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install valgrind wrk curl util-linux bc)"; exit 1; }
done

echo "building ..."
(cd "$root" && cargo build --release -q)
lib=$root/target/release
# The same sources with the hook sites compiled out: `watching` and `active` answer false, so the compiler
# drops every event site in the server.
nohooks=$root/target/notify-nohooks
mkdir -p "$nohooks/src"
rsync -a --delete "$root/src/" "$nohooks/src/" 2>/dev/null || { rm -rf "$nohooks/src"; cp -r "$root/src" "$nohooks/src"; }
cp "$root/Cargo.toml" "$root/Cargo.lock" "$root/build.rs" "$nohooks/"
sed -i -e 's/WATCHED.load(Ordering::Relaxed) & filter != 0/{ let _ = filter; false }/' \
       -e 's/WATCHED.load(Ordering::Relaxed) != 0$/false/' "$nohooks/src/notify/hook.rs"
grep -q '{ let _ = filter; false }' "$nohooks/src/notify/hook.rs" || { echo "could not compile the hooks out"; exit 1; }
(cd "$nohooks" && CARGO_TARGET_DIR="$nohooks/target" cargo build --release -q 2>&1 | grep -v '^warning' || true)
[ -f "$nohooks/target/release/libwinhttpapi.so" ] || { echo "the build without hooks failed"; exit 1; }

cc_hello() { # libdir out
  gcc -O2 -Wall -Wextra -I"$root/include" "$root/examples/hello_server.c" -L"$1" -lwinhttpapi -lpthread \
    -Wl,-rpath,"$1" -o "$2"
}
cc_hello "$lib" "$work/hello"
cc_hello "$nohooks/target/release" "$work/hello_nohooks"
gcc -O2 -Wall -Wextra -shared -fPIC -I"$root/include" "$root/examples/preload/notify_monitor.c" -L"$lib" \
  -lwinhttpapi -lpthread -Wl,-rpath,"$lib" -o "$work/notify_monitor.so"

wait_port() { for _ in $(seq 600); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

setups=("compiled out" "no port" "port, rare" "port, all")
# start <setup> <port> [wrapper...]: starts the hello server of a set-up (2 receiving threads); sets $pid
start() {
  local setup=$1 port=$2; shift 2
  local bin=$work/hello env=()
  case "$setup" in
    "compiled out") bin=$work/hello_nohooks ;;
    "port, rare") env=(NOTIFY_MONITOR_COUNT_ONLY=1 NOTIFY_MONITOR_FILTER=0x3F000 NOTIFY_MONITOR_OUT=/dev/null) ;;
    "port, all") env=(NOTIFY_MONITOR_COUNT_ONLY=1 NOTIFY_MONITOR_OUT=/dev/null) ;;
  esac
  if [ ${#env[@]} -gt 0 ]; then
    env "${env[@]}" LD_PRELOAD="$work/notify_monitor.so" "$@" "$bin" "$port" 2 >/dev/null 2>&1 &
  else
    "$@" "$bin" "$port" 2 >/dev/null 2>&1 &
  fi
  pid=$!
  pids+=("$pid")
}
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }

# Per request, from one callgrind dump: all instructions, all but memset, and the self cost of the
# library's own functions.
cat > "$work/selfcost.py" <<'PY'
import sys
total = memset = own = 0
fn, after_calls = "", False
for line in open(sys.argv[1], errors="replace"):
    if line.startswith("fn="):
        fn, after_calls = line[3:].strip(), False
    elif line.startswith("calls="):
        after_calls = True
    elif line[:1].isdigit() or line[:1] in "+-*":
        parts = line.split()
        if after_calls:  # the inclusive cost of a call, not this function's own
            after_calls = False
        elif len(parts) >= 2:
            v = int(parts[1])
            total += v
            memset += v if "memset" in fn else 0
            own += v if fn.startswith(("winhttpapi::", "<winhttpapi::")) else 0
n = int(sys.argv[2])
print(total // n, (total - memset) // n, own // n)
PY

declare -A ir irm iro rps
for s in "${setups[@]}"; do ir[$s]=""; irm[$s]=""; iro[$s]=""; rps[$s]=""; done
for r in $(seq "$ROUNDS"); do
  # Instructions per request: the dump after the warm-up zeroes the counters; the next one holds the
  # REQUESTS requests (and whatever the idle runtime threads did meanwhile).
  for s in "${setups[@]}"; do
    p=$(free_port)
    start "$s" "$p" valgrind --tool=callgrind --callgrind-out-file="$work/cg.%p" --dump-instr=no \
      --compress-strings=no --compress-pos=no
    wait_port "$p"
    curl -s -o /dev/null "http://127.0.0.1:$p/[1-200]"
    callgrind_control -d warm "$pid" >/dev/null
    curl -s -o /dev/null "http://127.0.0.1:$p/[1-$REQUESTS]"
    callgrind_control -d measured "$pid" >/dev/null
    stop
    f=$(grep -l 'measured' "$work"/cg."$pid".* | head -1)
    read -r all nomemset own < <(python3 "$work/selfcost.py" "$f" "$REQUESTS")
    ir[$s]="${ir[$s]} $all"; irm[$s]="${irm[$s]} $nomemset"; iro[$s]="${iro[$s]} $own"
    rm -f "$work"/cg."$pid"*
  done
  # Requests/s.
  for s in "${setups[@]}"; do
    p=$(free_port)
    start "$s" "$p" taskset -c 0
    wait_port "$p"
    taskset -c 1 wrk -t1 -c32 -d1s "http://127.0.0.1:$p/" >/dev/null 2>&1 || true
    v=$(taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" "http://127.0.0.1:$p/" | awk '/Requests\/sec/ {print $2}')
    rps[$s]="${rps[$s]} $v"
    stop
  done
done

printf '\nnotification ports: what they cost the http.sys hello server\n'
printf 'instructions: %s keep-alive requests under callgrind; req/s: wrk -t1 -c32 -d%ss, server on core 0, wrk on\n' \
  "$REQUESTS" "$DURATION"
printf 'core 1; medians of %s rounds (each round in parentheses)\n%s\n' "$ROUNDS" "$(uptime)"
base_ir=$(median ${ir["compiled out"]})
base_irm=$(median ${irm["compiled out"]})
base_iro=$(median ${iro["compiled out"]})
base_rps=$(median ${rps["compiled out"]})
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.3f'; }
printf '  %-13s %20s %20s %20s %18s\n' "set-up" "instr/request" "without memset" "library's own" "req/s"
for s in "${setups[@]}"; do
  a=$(median ${ir[$s]}); m=$(median ${irm[$s]}); o=$(median ${iro[$s]}); q=$(median ${rps[$s]})
  printf '  %-13s %11s (%.3fx) %11s (%.3fx) %11s (%.3fx) %9s (%.3fx)\n' "$s" "$a" "$(ratio "$a" "$base_ir")" \
    "$m" "$(ratio "$m" "$base_irm")" "$o" "$(ratio "$o" "$base_iro")" "$q" "$(ratio "$q" "$base_rps")"
done
printf '\neach round (instr/request | without memset | own | req/s):\n'
for s in "${setups[@]}"; do
  printf '  %-13s %s | %s | %s | %s\n' "$s" "${ir[$s]# }" "${irm[$s]# }" "${iro[$s]# }" "${rps[$s]# }"
done
