#!/usr/bin/env bash
# CPU per request, for development on a busy machine (wall-clock req/s is noise while others build):
# each hello server of bench/server.sh is pinned to core 0 and answers TOTAL requests from bench/load.c
# (CONNS keep-alive connections, core 1). Prints, per server:
#   us/req   the server's task-clock (user + kernel CPU time) per request (perf stat -p)
#   cs/req   its context switches per request
#   Ir/req   user-space instructions per request under callgrind (INSTR=1; the difference between two
#            dumps, so start-up is not counted). Kernel time (syscalls, wakes) is not in Ir: read both.
#
#   bench/cpu.sh [server ...]     servers: sync iocp hyper nginx ceiling (default: all)
#                                 env: TOTAL=200000 CONNS=64 THREADS=4 INSTR=0 LIB_ROOT (as server.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
TOTAL=${TOTAL:-200000}
CONNS=${CONNS:-64}
THREADS=${THREADS:-4}
INSTR=${INSTR:-0}
source "$root/bench/common.sh"
bench_init
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=(sync iocp hyper nginx ceiling)

echo "before: $(uptime)"
if [ "$LIB_ROOT" = "$root" ]; then (cd "$root" && cargo build --release -q); fi
gcc -O2 -g -Wall -Wextra -Werror -I"$LIB_ROOT/include" "$root/examples/hello_server.c" -L"$LIB_ROOT/target/release" \
  -lwinhttpapi -lpthread -Wl,-rpath,"$LIB_ROOT/target/release" -o "$work/hello_server"
gcc -O2 -Wall -Wextra -Werror "$root/bench/epoll_hello.c" -o "$work/epoll_hello"
gcc -O2 -Wall -Wextra -Werror "$root/bench/load.c" -o "$work/load"
(cd "$root/bench/hyper-hello" && cargo build --release -q)

load() { taskset -c 1 "$work/load" "$port" "$1" "$CONNS" >/dev/null; }

start() { # server [wrapper ...]
  local s=$1
  shift
  case $s in
    sync) taskset -c 0 "$@" "$work/hello_server" "$port" "$THREADS" sync >/dev/null 2>&1 & ;;
    iocp) taskset -c 0 "$@" "$work/hello_server" "$port" "$THREADS" iocp >/dev/null 2>&1 & ;;
    hyper) taskset -c 0 "$@" "$root/bench/hyper-hello/target/release/hyper-hello" "$port" 1 >/dev/null 2>&1 & ;;
    ceiling) taskset -c 0 "$@" "$work/epoll_hello" "$port" >/dev/null 2>&1 & ;;
    nginx)
      mkdir -p "$work/nginx/logs"
      printf 'worker_processes 1; master_process off; daemon off; pid %s/nginx.pid; error_log %s/err.log;\nevents { worker_connections 1024; }\nhttp { access_log off; default_type text/plain; keepalive_requests 1000000;\n server { listen 127.0.0.1:%s; location / { return 200 "Hello, World!"; } } }\n' \
        "$work/nginx" "$work/nginx" "$port" > "$work/nginx/nginx.conf"
      taskset -c 0 "$@" "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>/dev/null & ;;
  esac
  pids+=($!)
  wait_port "$port"
}
stop() { kill "${pids[-1]}" 2>/dev/null || true; wait "${pids[-1]}" 2>/dev/null || true; }

printf '%-10s %10s %10s %12s\n' server us/req cs/req Ir/req
for s in "${servers[@]}"; do
  port=$(free_port)
  start "$s"
  load 20000
  out=$(perf stat -x, -e task-clock,context-switches -p "${pids[-1]}" -- taskset -c 1 "$work/load" "$port" "$TOTAL" "$CONNS" 2>&1 >/dev/null)
  stop
  ms=$(echo "$out" | awk -F, '/task-clock/ {print $1}')
  cs=$(echo "$out" | awk -F, '/context-switches/ {print $1}')
  ir=-
  if [ "$INSTR" = 1 ]; then
    port=$(free_port)
    start "$s" valgrind --tool=callgrind --callgrind-out-file="$work/cg.%p" --dump-instr=no
    n=$(( TOTAL / 20 ))
    load 2000
    callgrind_control -d "${pids[-1]}" >/dev/null 2>&1
    load "$n"
    callgrind_control -d "${pids[-1]}" >/dev/null 2>&1
    stop
    f=$(ls -t "$work"/cg.* | grep -v '\.[0-9]*$' | head -1 || true)
    last=$(ls "$work"/cg.*.2 2>/dev/null | head -1 || true)
    [ -n "$last" ] && f=$last
    ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$f")
    ir=$(( ir / n ))
    rm -f "$work"/cg.*
  fi
  python3 -c "import sys; ms,cs,n=float(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'%-10s {ms*1000/n:10.2f} {cs/n:10.3f} %12s' % (sys.argv[4], sys.argv[5]))" "$ms" "$cs" "$TOTAL" "$s" "$ir"
done
echo "after: $(uptime)"
