#!/usr/bin/env bash
# HTTP Server API benchmark: the http.sys hello server (examples/hello_server.c on libwinhttpapi, in its
# synchronous and its completion-port shape), a hyper 1.x hello server (bench/hyper-hello), nginx
# (return 200) and a bare epoll loop answering the same bytes (bench/epoll_hello.c: the ceiling).
# Every server is pinned to core 0 (taskset), wrk to core 1, so the server has exactly one core whatever
# its thread count. Loads, each server in turn, in the same run:
#   wrk -t1 -c64   and   wrk -t2 -c64   (keep-alive, loopback, DURATION seconds)
#   wrk -t1 -c1 --latency                (median latency of one connection)
# then ROUNDS-1 more -t1 -c64 passes over every server, every other pass in reverse order; the best of a
# server's -t1 -c64 runs counts (all are printed), so no server is favoured or hurt by its place in the run
# (the first one runs on a machine just out of the build). With perf, each -t1 -c64 run also gives the
# server's CPU time per request (task-clock of the server process / requests; the lowest counts): on this
# small machine req/s moves 25-30% between runs, CPU per request much less. For CPU ratios that hold
# through the machine's slow spells, bench/interleave.sh measures the servers in interleaved bursts.
# Prints requests/s, the ratios (targets of issue 10: >= 1.0x hyper and >= 0.85x the ceiling at -t1 -c64,
# completion-port within 10% of synchronous), and `uptime` before and after (the machine must be quiet).
#
#   bench/server.sh        env: DURATION=10  ROUNDS=2  THREADS=4 (hello_server threads)  HYPER_THREADS=1
#                               LIB_ROOT=<a built winhttpapi tree> (default: this one; "before" figures:
#                               LIB_ROOT=/path/to/old/checkout, its target/release already built)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
DURATION=${DURATION:-10}
THREADS=${THREADS:-4}
HYPER_THREADS=${HYPER_THREADS:-1}
ROUNDS=${ROUNDS:-2}
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

# t1 S: one -t1 -c64 run of DURATION seconds against the server just started; appends its req/s to runs[S]
# and, with perf, the server's CPU time per request (task-clock of the server process) to cpus[S].
t1() {
  local r ms n
  measured "$work/wrk.$1" taskset -c "$CLIENT_CPU" wrk -t1 -c64 -d"${DURATION}s" "http://127.0.0.1:$port/"
  r=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.$1")
  n=$(awk '/requests in/ {print $1}' "$work/wrk.$1")
  runs[$1]="${runs[$1]:+${runs[$1]} }$r"
  [ -n "$ms" ] && cpus[$1]="${cpus[$1]:+${cpus[$1]} }$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) * 1000 / int(sys.argv[2])))" "$ms" "$n")"
  return 0
}

declare -A rps lat runs cpus
servers=(sync iocp hyper nginx ceiling)
for s in "${servers[@]}"; do
  port=$(free_port)
  start "$s"
  load -t1 -c64 -d1s "http://127.0.0.1:$port/" >/dev/null 2>&1 || true # warm up
  t1 "$s"
  rps[$s,2]=$(load -t2 -c64 -d"${DURATION}s" "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}')
  lat[$s]=$(load -t1 -c1 -d"$(( DURATION < 5 ? DURATION : 5 ))s" --latency "http://127.0.0.1:$port/" | awk '$1 == "50%" {print $2}')
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
done
# Further -t1 -c64 passes, every other one in reverse order, so no server is favoured by its place.
for (( round=2; round<=ROUNDS; round++ )); do
  order=("${servers[@]}")
  if (( round % 2 == 0 )); then order=(); for (( k=${#servers[@]}-1; k>=0; k-- )); do order+=("${servers[$k]}"); done; fi
  for s in "${order[@]}"; do
    port=$(free_port)
    start "$s"
    load -t1 -c64 -d1s "http://127.0.0.1:$port/" >/dev/null 2>&1 || true # warm up
    t1 "$s"
    kill "${pids[-1]}" 2>/dev/null || true
    wait "${pids[-1]}" 2>/dev/null || true
  done
done
declare -A cpu
for s in "${servers[@]}"; do
  rps[$s,1]=$(python3 -c "import sys; print(max(float(x) for x in sys.argv[1:]))" ${runs[$s]})
  cpu[$s]=$([ -n "${cpus[$s]:-}" ] && python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" ${cpus[$s]} || echo -)
done

printf '\nserver on core %s, wrk on core %s, %ss per figure, loopback, keep-alive; lib: %s\n' \
  "$SERVER_CPU" "$CLIENT_CPU" "$DURATION" "$LIB_ROOT"
printf '  %-46s %14s %14s %12s %11s\n' "server" "-t1 -c64 req/s" "-t2 -c64 req/s" "-c1 median" "CPU us/req"
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
  printf '  %-46s %14s %14s %12s %11s\n' "$(name "$s")" "${rps[$s,1]}" "${rps[$s,2]}" "${lat[$s]}" "${cpu[$s]}"
done
echo "  -t1 -c64 runs, in pass order (req/s; CPU us/req):"
for s in "${servers[@]}"; do printf '    %-8s %s;  %s\n' "$s" "${runs[$s]}" "${cpus[$s]:--}"; done
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
if [ "${cpu[sync]}" != - ]; then
  python3 - "${cpu[sync]}" "${cpu[iocp]}" "${cpu[hyper]}" "${cpu[nginx]}" "${cpu[ceiling]}" <<'PY'
import sys
s, i, h, n, c = (float(x) for x in sys.argv[1:6])
print(f"  CPU per request at -t1 -c64 (server's core): hyper / http.sys {h / s:.2f}x, nginx / http.sys {n / s:.2f}x,"
      f" ceiling / http.sys {c / s:.2f}x, sync / completion port {s / i:.2f}x")
PY
fi
echo "after: $(uptime)"
