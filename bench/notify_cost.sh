#!/usr/bin/env bash
# What notification ports cost the HTTP server (issue 14). The http.sys hello server (examples/hello_server.c)
# answers keep-alive GETs in four set-ups:
#   base        the library before notification ports (BASELINE: a built tree; default /work/baseline-src)
#   no port     this tree, no port registered: each event site checks one atomic
#   port, rare  this tree, a port registered on the whole server for the timer events only (the atomic is
#               non-zero, but no event on this path)
#   port, all   this tree, a port watching every event of the whole server, drained by a thread
#               (examples/preload/notify_monitor.so with NOTIFY_MONITOR_COUNT_ONLY: it takes and frees each
#               batch, prints nothing): three events per request on a fresh connection, one on keep-alive
# Two measures from the same run:
#   - instructions per request in the server process, from valgrind callgrind: REQUESTS keep-alive GETs
#     (curl, one connection) counted after a warm-up. Repeatable on a busy machine.
#   - requests/s under wrk (-t1 -c32, DURATION s), the server pinned to core 0 and wrk to core 1, the set-ups
#     alternated ROUNDS times (noisy while others use the machine: print uptime with it).
#
#   bench/notify_cost.sh        REQUESTS=2000 DURATION=5 ROUNDS=3 BASELINE=/work/baseline-src
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
REQUESTS=${REQUESTS:-2000}
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
BASELINE=${BASELINE:-/work/baseline-src}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
for tool in valgrind callgrind_control wrk curl taskset; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install valgrind wrk curl util-linux)"; exit 1; }
done

echo "building ..."
(cd "$root" && cargo build --release -q)
lib=$root/target/release
[ -f "$BASELINE/target/release/libwinhttpapi.so" ] || { echo "BASELINE=$BASELINE has no target/release/libwinhttpapi.so"; exit 1; }
cc_hello() { # libdir includedir out
  gcc -O2 -Wall -Wextra -I"$2" "$root/examples/hello_server.c" -L"$1" -lwinhttpapi -lpthread -Wl,-rpath,"$1" -o "$3"
}
cc_hello "$lib" "$root/include" "$work/hello_new"
cc_hello "$BASELINE/target/release" "$BASELINE/include" "$work/hello_base"
gcc -O2 -Wall -Wextra -shared -fPIC -I"$root/include" "$root/examples/preload/notify_monitor.c" -L"$lib" \
  -lwinhttpapi -lpthread -Wl,-rpath,"$lib" -o "$work/notify_monitor.so"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 600); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }

setups=("base" "no port" "port, rare" "port, all")
# start <setup> <port> [wrapper...]: runs the hello server of a set-up, prints its pid
start() {
  local setup=$1 port=$2; shift 2
  local bin=$work/hello_new env=()
  case "$setup" in
    base) bin=$work/hello_base ;;
    "port, rare") env=(LD_PRELOAD="$work/notify_monitor.so" NOTIFY_MONITOR_COUNT_ONLY=1 NOTIFY_MONITOR_FILTER=0x3F000
                       NOTIFY_MONITOR_OUT=/dev/null) ;;
    "port, all") env=(LD_PRELOAD="$work/notify_monitor.so" NOTIFY_MONITOR_COUNT_ONLY=1 NOTIFY_MONITOR_OUT=/dev/null) ;;
  esac
  env "${env[@]}" "$@" "$bin" "$port" 2 >/dev/null 2>&1 &
  echo $!
}

# Instructions per request (callgrind): a dump after the warm-up zeroes the counters; the next dump holds
# exactly the REQUESTS requests (plus whatever the idle runtime threads did meanwhile).
declare -A ir
for s in "${setups[@]}"; do
  p=$(free_port)
  pid=$(start "$s" "$p" valgrind --tool=callgrind --callgrind-out-file="$work/cg.%p" --dump-instr=no)
  pids+=("$pid")
  wait_port "$p"
  curl -s -o /dev/null "http://127.0.0.1:$p/[1-200]"
  callgrind_control -d warm "$pid" >/dev/null
  curl -s -o /dev/null "http://127.0.0.1:$p/[1-$REQUESTS]"
  callgrind_control -d measured "$pid" >/dev/null
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  total=$(grep -h -A0 '^summary:' $(grep -l 'measured' "$work"/cg."$pid".* ) | awk '{s+=$2} END {print s}')
  ir[$s]=$((total / REQUESTS))
  rm -f "$work"/cg."$pid"*
done

# Requests/s (wrk), alternating the set-ups.
declare -A rps
for s in "${setups[@]}"; do rps[$s]=""; done
for r in $(seq "$ROUNDS"); do
  for s in "${setups[@]}"; do
    p=$(free_port)
    pid=$(start "$s" "$p" taskset -c 0)
    pids+=("$pid")
    wait_port "$p"
    taskset -c 1 wrk -t1 -c32 -d1s "http://127.0.0.1:$p/" >/dev/null 2>&1 || true
    v=$(taskset -c 1 wrk -t1 -c32 -d"${DURATION}s" "http://127.0.0.1:$p/" | awk '/Requests\/sec/ {print $2}')
    rps[$s]="${rps[$s]} $v"
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  done
done

printf '\nnotification ports: cost to the http.sys hello server (%s keep-alive requests under callgrind;\n' "$REQUESTS"
printf 'wrk -t1 -c32 -d%ss, server on core 0, wrk on core 1, %s rounds)\n' "$DURATION" "$ROUNDS"
printf '%s\n' "$(uptime)"
printf '  %-12s %16s %10s   %s\n' "set-up" "instr/request" "vs base" "req/s (median of rounds: each)"
for s in "${setups[@]}"; do
  med=$(printf '%s\n' ${rps[$s]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '  %-12s %16s %9.3fx   %s (%s)\n' "$s" "${ir[$s]}" "$(echo "${ir[$s]} / ${ir[base]}" | bc -l)" "$med" "${rps[$s]# }"
done
