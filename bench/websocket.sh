#!/usr/bin/env bash
# WebSocket echo: the WinHTTP client vs a raw-socket peer client (bench/websocket_peer.c, blocking
# sockets, the least a client can do), same C echo server (bench/websocket_server.c), same run:
# SMALL messages of 100 B (default 10,000) then LARGE of 1 MiB (default 100), each a round trip.
# Pinned: server on core 0, clients on core 1. REPS runs each (default 5, alternating); medians.
# usage: [REPS=5] [WINHTTP_LIBDIR=dir] bench/websocket.sh [SMALL] [LARGE]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
small=${1:-10000}
large=${2:-100}
reps=${REPS:-5}
work=$(mktemp -d)
trap 'kill $spid 2>/dev/null || true; rm -rf $work' EXIT
(cd "$root" && cargo build --release -q)
lib=${WINHTTP_LIBDIR:-$root/target/release}
cc -O2 -pthread -o $work/server "$root/bench/websocket_server.c" -lcrypto
cc -O2 -o $work/peer "$root/bench/websocket_peer.c"
cc -O2 -I"$root/include" -o $work/winhttp "$root/bench/websocket_winhttp.c" -L"$lib" -lwinhttp -Wl,-rpath,"$lib"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
taskset -c 0 $work/server $port & spid=$!
for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
uptime
: > $work/w; : > $work/p
for i in $(seq $reps); do
  taskset -c 1 $work/winhttp $port $small $large >> $work/w
  taskset -c 1 $work/peer $port $small $large >> $work/p
done
python3 - "$work/w" "$work/p" "$small" "$large" "$reps" <<'PY'
import statistics, sys
w = [list(map(float, l.split())) for l in open(sys.argv[1])]
p = [list(map(float, l.split())) for l in open(sys.argv[2])]
small, large, reps = sys.argv[3:6]
med = lambda rows, i: statistics.median(r[i] for r in rows)
print(f"{'workload':32} {'winhttp_s':>10} {'peer_s':>10} {'ratio':>7}")
print(f"{small + ' x 100 B round trips':32} {med(w,0):10.4f} {med(p,0):10.4f} {med(w,0)/med(p,0):6.2f}x   (median of {reps})")
print(f"{large + ' x 1 MiB round trips':32} {med(w,1):10.4f} {med(p,1):10.4f} {med(w,1)/med(p,1):6.2f}x")
PY
uptime
