#!/usr/bin/env bash
# HTTP Server API benchmark: the http.sys hello server (examples/hello_server.c on libwinhttpapi, in its
# synchronous and its completion-port shape), a hyper 1.x hello server (bench/hyper-hello), nginx
# (return 200) and a bare epoll loop answering the same bytes (bench/epoll_hello.c: the ceiling).
# Every server is pinned to core 0 (taskset), wrk to core 1, so the server has exactly one core whatever
# its thread count. Loads, each server in turn, in the same run:
#   wrk -t1 -c64   and   wrk -t2 -c64   (keep-alive, loopback, DURATION seconds)
#   wrk -t1 -c1 --latency                (median latency of one connection)
# then -t1 -c64 once more for every server in reverse order; the better of its two -t1 -c64 runs counts
# (both are printed), so no server is favoured or hurt by its place in the run (the first one runs on a
# machine just out of the build).
# Prints requests/s, the ratios (targets of issue 10: >= 1.0x hyper and >= 0.85x the ceiling at -t1 -c64,
# completion-port within 10% of synchronous), and `uptime` before and after (the machine must be quiet).
#
#   bench/server.sh        env: DURATION=10  THREADS=4 (hello_server threads)  HYPER_THREADS=1
#                               LIB_ROOT=<a built winhttpapi tree> (default: this one; "before" figures:
#                               LIB_ROOT=/path/to/old/checkout, its target/release already built)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
DURATION=${DURATION:-10}
THREADS=${THREADS:-4}
HYPER_THREADS=${HYPER_THREADS:-1}
source "$root/bench/common.sh"
bench_init

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 || {
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi

echo "before: $(uptime)"
echo "building ..."
build_hello
gcc -O2 -Wall -Wextra -Werror "$root/bench/epoll_hello.c" -o "$work/epoll_hello"
(cd "$root/bench/hyper-hello" && cargo build --release -q)
# What the builds wrote goes to disk now, not in writeback during the first server's figures.
sync

load() { taskset -c "$CLIENT_CPU" wrk "$@"; }

start_nginx() { # port
  nginx_hello_conf "$work/nginx" "$1"
  taskset -c "$SERVER_CPU" "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>/dev/null &
}

# name -> starts the server on $port in the background
start() {
  case $1 in
    sync) taskset -c "$SERVER_CPU" "$work/hello_server" "$port" "$THREADS" sync >/dev/null & ;;
    iocp) taskset -c "$SERVER_CPU" "$work/hello_server" "$port" "$THREADS" iocp >/dev/null & ;;
    hyper) taskset -c "$SERVER_CPU" "$root/bench/hyper-hello/target/release/hyper-hello" "$port" "$HYPER_THREADS" >/dev/null & ;;
    nginx) start_nginx "$port" ;;
    ceiling) taskset -c "$SERVER_CPU" "$work/epoll_hello" "$port" >/dev/null & ;;
  esac
  pids+=($!)
  wait_port "$port"
  body=$(curl -s "http://127.0.0.1:$port/")
  [ "$body" = "Hello, World!" ] || { echo "$1 answered: $body"; exit 1; }
}

declare -A rps lat
servers=(sync iocp hyper nginx ceiling)
for s in "${servers[@]}"; do
  port=$(free_port)
  start "$s"
  load -t1 -c64 -d1s "http://127.0.0.1:$port/" >/dev/null 2>&1 || true # warm up
  rps[$s,1]=$(load -t1 -c64 -d"${DURATION}s" "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}')
  rps[$s,2]=$(load -t2 -c64 -d"${DURATION}s" "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}')
  lat[$s]=$(load -t1 -c1 -d"$(( DURATION < 5 ? DURATION : 5 ))s" --latency "http://127.0.0.1:$port/" | awk '$1 == "50%" {print $2}')
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
done
declare -A first
for (( k=${#servers[@]}-1; k>=0; k-- )); do
  s=${servers[$k]}
  port=$(free_port)
  start "$s"
  load -t1 -c64 -d1s "http://127.0.0.1:$port/" >/dev/null 2>&1 || true # warm up
  again=$(load -t1 -c64 -d"${DURATION}s" "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}')
  first[$s]=${rps[$s,1]}
  rps[$s,1]=$(python3 -c "print(max(float('${rps[$s,1]}'), float('$again')))")
  first[$s]="${first[$s]} / $again"
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
done

printf '\nserver on core %s, wrk on core %s, %ss per figure, loopback, keep-alive; lib: %s\n' \
  "$SERVER_CPU" "$CLIENT_CPU" "$DURATION" "$LIB_ROOT"
printf '  %-46s %14s %14s %12s\n' "server" "-t1 -c64 req/s" "-t2 -c64 req/s" "-c1 median"
name() {
  case $1 in
    sync) echo "http.sys hello, sync ($THREADS threads)" ;;
    iocp) echo "http.sys hello, completion port ($THREADS threads)" ;;
    hyper) echo "hyper 1.x hello ($HYPER_THREADS runtime threads)" ;;
    nginx) echo "nginx return 200 (1 worker)" ;;
    ceiling) echo "epoll loop, same bytes (ceiling)" ;;
  esac
}
for s in "${servers[@]}"; do
  printf '  %-46s %14s %14s %12s\n' "$(name "$s")" "${rps[$s,1]}" "${rps[$s,2]}" "${lat[$s]}"
done
printf '  -t1 -c64 runs (first pass / reverse pass):'
for s in "${servers[@]}"; do printf ' %s %s;' "$s" "${first[$s]}"; done
echo
python3 - "${rps[sync,1]}" "${rps[iocp,1]}" "${rps[hyper,1]}" "${rps[nginx,1]}" "${rps[ceiling,1]}" \
  "${rps[sync,2]}" "${rps[hyper,2]}" "${rps[ceiling,2]}" <<'PY'
import sys
s1, i1, h1, n1, c1, s2, h2, c2 = (float(x) for x in sys.argv[1:9])
print(f"  -t1 -c64: http.sys / hyper   {s1 / h1:.2f}x   (target >= 1.00x)")
print(f"  -t1 -c64: http.sys / ceiling {s1 / c1:.2f}x   (target >= 0.85x)")
print(f"  -t1 -c64: http.sys / nginx   {s1 / n1:.2f}x")
print(f"  -t1 -c64: completion port / sync {i1 / s1:.2f}x   (target >= 0.90x)")
print(f"  -t2 -c64: http.sys / hyper   {s2 / h2:.2f}x,  / ceiling {s2 / c2:.2f}x")
PY
echo "after: $(uptime)"
