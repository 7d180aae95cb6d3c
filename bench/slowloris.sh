#!/usr/bin/env bash
# Slowloris against the http.sys engine (loopback only, bounded): SLOW (default 300) connections trickle
# a request head one byte per second for DURATION (default 15) seconds while wrk (-t1 -c16) loads the
# same server with normal requests. Prints the normal clients' requests/s and latency without and with
# the slow load, and how many slow connections the server cut at HeaderWait.
#
#   bench/slowloris.sh      env: SLOW=300 DURATION=15 HEADER_WAIT=5 MACHINE_HEADER_WAIT=(unset)
# MACHINE_HEADER_WAIT also lowers the machine-wide HeaderWait (HttpSetServiceConfiguration, into a private
# store in the temporary directory), which governs the first request of every connection.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SLOW=${SLOW:-300}
DURATION=${DURATION:-15}
HEADER_WAIT=${HEADER_WAIT:-5}
source "$root/bench/common.sh"
bench_init
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }

(cd "$root" && cargo build --release -q)
gcc -O2 -Wall -Wextra -Werror -I"$root/include" "$root/bench/slowloris_server.c" -L"$root/target/release" \
  -lwinhttpapi -lpthread -Wl,-rpath,"$root/target/release" -o "$work/slowloris_server"
ulimit -n 4096 2>/dev/null || true

export WINHTTPAPI_HTTPSYS_CONFIG="$work/httpsys.conf"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$work/slowloris_server" "$port" "$HEADER_WAIT" 4 ${MACHINE_HEADER_WAIT:-} >/dev/null & pids+=($!)
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.05; done

normal() { # seconds -> "req/s avg-latency p99-latency"
  wrk -t1 -c16 -d"$1"s --latency "http://127.0.0.1:$port/" | awk '
    /Requests\/sec/ {rps=$2} /^    Latency/ {avg=$2} /^ +99%/ {p99=$2} END {print rps, avg, p99}'
}

read -r base_rps base_avg base_p99 < <(normal 8)
echo "normal clients alone:          $base_rps req/s, latency avg $base_avg, p99 $base_p99"
python3 "$root/bench/slowloris.py" "$port" "$SLOW" "$DURATION" > "$work/slow.txt" & slow_pid=$!; pids+=($slow_pid)
sleep 3   # let the slow connections open
read -r load_rps load_avg load_p99 < <(normal 8)
echo "normal clients under slowloris: $load_rps req/s, latency avg $load_avg, p99 $load_p99 ($SLOW slow connections)"
wait "$slow_pid" || true
cat "$work/slow.txt"
python3 -c "print(f'ratio under load / alone: {float(\"$load_rps\")/float(\"$base_rps\"):.2f}')"
echo "(first-request heads run under the machine-wide HeaderWait: ${MACHINE_HEADER_WAIT:-120 (default)} s;"
echo " second-request heads run under the application's HeaderWait = $HEADER_WAIT s)"
