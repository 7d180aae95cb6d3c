#!/usr/bin/env bash
# Instructions per request of the WinHTTP client (valgrind --tool=callgrind, whole process, all
# threads), against nginx on loopback: sync keep-alive GETs (bench/client_winhttp.c gets) and async
# GETs with 4 and 100 in flight (bench/client_async_winhttp.c). Each workload runs twice, with N and
# 2N requests, and the difference divided by N is reported, so start-up and warm-up cancel out.
# Instruction counts hardly move with the machine's load (unlike the wall-clock benches), so this is
# the figure to compare between builds while others use the machine.
# usage: [WINHTTP_LIBDIR=dir] bench/client_instr.sh [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-2000}
work=$(mktemp -d)
trap 'kill $(cat $work/nginx.pid 2>/dev/null) 2>/dev/null || true; rm -rf $work' EXIT
lib=${WINHTTP_LIBDIR:-$root/target/release}
[ -n "${WINHTTP_LIBDIR:-}" ] || (cd "$root" && cargo build --release -q)
cc -O2 -I"$root/include" -o $work/sync "$root/bench/client_winhttp.c" -L"$lib" -lwinhttp -Wl,-rpath,"$lib"
cc -O2 -I"$root/include" -o $work/async "$root/bench/client_async_winhttp.c" -L"$lib" -lwinhttp -Wl,-rpath,"$lib"
. "$root/bench/nginx_small.sh"
start_nginx $work
# Instructions of one run (all threads).
ir() {
  valgrind --tool=callgrind --callgrind-out-file=$work/cg.out "$@" >/dev/null 2>$work/cg.err || { cat $work/cg.err; exit 1; }
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' $work/cg.err
}
per() { python3 -c "print(f'{($2 - $1) / $3 / 1000:.1f}k')" "$@"; }
printf "%-34s %s\n" workload "instructions/request"
a=$(ir $work/sync $port gets $n); b=$(ir $work/sync $port gets $((2 * n)))
printf "%-34s %s\n" "sync keep-alive GETs" "$(per $a $b $n)"
for conc in 4 100; do
  a=$(ir $work/async $port $n $conc); b=$(ir $work/async $port $((2 * n)) $conc)
  printf "%-34s %s\n" "async GETs, $conc in flight" "$(per $a $b $n)"
done
