#!/usr/bin/env bash
# CPU per request of hello servers compared in interleaved bursts, for figures that hold on a machine with
# slow spells. On this VM every server (hyper, nginx and the epoll loop as much as ours) now and then needs
# ~20% more kernel time per request for a few seconds to a minute; two servers measured one after the other
# can land on different sides of a spell, so their ratio swings by +-20%. Here all the servers run at once
# (each pinned to core 0, idle while not loaded) and bench/load.c (core 1) sends them BURST requests each in
# turn, ROUNDS times, every other round in reverse order: a spell covers neighbouring bursts of every server
# alike. Each burst's CPU time is read from the scheduler's per-thread run times (/proc/PID/task/*/schedstat,
# nanoseconds, every thread of the server), so nothing runs beside the server to measure it.
# Prints each server's CPU us per request (total over the rounds) and, for every server after the first,
# its ratio to the first: over the totals, and the median of the per-round ratios.
#
#   bench/interleave.sh [server ...]   servers: sync iocp hyper nginx ceiling (default: sync hyper iocp);
#                                      sync@TREE / iocp@TREE: the hello server on another built tree's library
#                                      (before/after in one run: bench/interleave.sh sync sync@/tmp/before)
#                                      env: ROUNDS=20 BURST=40000 CONNS=64 THREADS=4 LIB_ROOT (as server.sh)
#                                      DEBUG=1 prints each burst's CPU counters
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
ROUNDS=${ROUNDS:-20}
BURST=${BURST:-40000}
CONNS=${CONNS:-64}
THREADS=${THREADS:-4}
source "$root/bench/common.sh"
bench_init
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=(sync hyper iocp)

echo "before: $(uptime)"
build_hello
gcc -O2 -Wall -Wextra -Werror "$root/bench/epoll_hello.c" -o "$work/epoll_hello"
gcc -O2 -Wall -Wextra -Werror "$root/bench/load.c" -o "$work/load"
(cd "$root/bench/hyper-hello" && cargo build --release -q)
sync

declare -A port pid
for s in "${servers[@]}"; do
  port[$s]=$(free_port)
  p=${port[$s]}
  bin=$work/hello_server
  if [[ $s == *@* ]]; then
    tree=${s#*@}
    bin=$work/hello_server.$p
    gcc -O2 -Wall -Wextra -Werror -I"$tree/include" "$root/examples/hello_server.c" -L"$tree/target/release" \
      -lwinhttpapi -lpthread -Wl,-rpath,"$tree/target/release" -o "$bin"
  fi
  case $s in
    sync|sync@*) taskset -c "$SERVER_CPU" "$bin" "$p" "$THREADS" sync >/dev/null 2>&1 & ;;
    iocp|iocp@*) taskset -c "$SERVER_CPU" "$bin" "$p" "$THREADS" iocp >/dev/null 2>&1 & ;;
    hyper) taskset -c "$SERVER_CPU" "$root/bench/hyper-hello/target/release/hyper-hello" "$p" 1 >/dev/null 2>&1 & ;;
    ceiling) taskset -c "$SERVER_CPU" "$work/epoll_hello" "$p" >/dev/null 2>&1 & ;;
    nginx)
      nginx_hello_conf "$work/nginx-$p" "$p"
      taskset -c "$SERVER_CPU" "$NGINX" -p "$work/nginx-$p" -c "$work/nginx-$p/nginx.conf" 2>/dev/null & ;;
    *) echo "unknown server $s"; exit 2 ;;
  esac
  pids+=($!)
  pid[$s]=$!
  wait_port "$p"
  taskset -c "$CLIENT_CPU" "$work/load" "$p" 20000 "$CONNS" >/dev/null # warm up
done

# ns of CPU time of every thread of process $1 so far
cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{t += $1} END {printf "%.0f\n", t}'; }

declare -A rounds
for (( r=1; r<=ROUNDS; r++ )); do
  order=("${servers[@]}")
  if (( r % 2 == 0 )); then order=(); for (( k=${#servers[@]}-1; k>=0; k-- )); do order+=("${servers[$k]}"); done; fi
  for s in "${order[@]}"; do
    a=$(cpu_ns "${pid[$s]}")
    taskset -c "$CLIENT_CPU" "$work/load" "${port[$s]}" "$BURST" "$CONNS" >/dev/null
    b=$(cpu_ns "${pid[$s]}")
    [ -n "${DEBUG:-}" ] && echo "$s $a $b"
    rounds[$s]="${rounds[$s]:+${rounds[$s]} }$(( b - a ))"
  done
done

printf '\n%s rounds of %s requests per server (%s connections), servers on core %s, load on core %s; lib: %s\n' \
  "$ROUNDS" "$BURST" "$CONNS" "$SERVER_CPU" "$CLIENT_CPU" "$LIB_ROOT"
args=()
for s in "${servers[@]}"; do args+=("$s" "${rounds[$s]}"); done
python3 - "$BURST" "${args[@]}" <<'PY'
import statistics, sys
burst = int(sys.argv[1])
names = sys.argv[2::2]
ns = {n: [int(x) for x in v.split()] for n, v in zip(names, sys.argv[3::2])}
us = {n: [x / 1000 / burst for x in v] for n, v in ns.items()}
w = max(10, max(len(n) for n in names))
print(f"  {'server':<{w}} {'us/req':>7} {'median':>7} {'min':>6} {'max':>6}")
for n in names:
    v = us[n]
    print(f"  {n:<{w}} {sum(v) / len(v):7.2f} {statistics.median(v):7.2f} {min(v):6.2f} {max(v):6.2f}")
first = names[0]
for n in names[1:]:
    per = [b / a for a, b in zip(us[first], us[n])]
    print(f"  CPU {n} / {first}: {sum(us[n]) / sum(us[first]):.3f}x over the totals, median of rounds "
          f"{statistics.median(per):.3f}x (rounds from {min(per):.2f} to {max(per):.2f})")
PY
echo "after: $(uptime)"
