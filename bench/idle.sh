#!/usr/bin/env bash
# Memory of idle keep-alive connections (issue 10): N connections (default 10,000) each send one request to
# the http.sys hello server (examples/hello_server.c) and stay open; prints the server's resident memory per
# idle connection (target <= 2 KiB), checks every connection still answers, then closes them all and does it
# again (memory reused or returned). The same for hyper and nginx, for comparison, in the same run.
#
#   bench/idle.sh        env: N=10000  LIB_ROOT (as bench/server.sh: a built tree to measure, e.g. "before")
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
N=${N:-10000}
source "$root/bench/common.sh"
bench_init
# Client and server are separate processes: each needs N descriptors and a few.
want=$(( N + 512 ))
hard=$(ulimit -Hn)
[ "$hard" = unlimited ] || [ "$hard" -ge "$want" ] || { echo "the descriptor limit ($hard) is below $want"; exit 1; }
ulimit -n "$want"

echo "before: $(uptime)"
build_hello
(cd "$root/bench/hyper-hello" && cargo build --release -q)

measure() { # name pid port
  echo "== $1"
  python3 "$root/bench/idle.py" "$3" "$2" "$N" | tee "$work/$1.out" | sed 's/^/  /'
}

port=$(free_port)
"$work/hello_server" "$port" 4 sync >/dev/null & pids+=($!)
wait_port "$port"
measure "http.sys hello (4 threads)" "${pids[-1]}" "$port" || true
kill "${pids[-1]}"

port=$(free_port)
"$root/bench/hyper-hello/target/release/hyper-hello" "$port" 1 >/dev/null & pids+=($!)
wait_port "$port"
measure "hyper hello" "${pids[-1]}" "$port" || true
kill "${pids[-1]}"

port=$(free_port)
mkdir -p "$work/nginx"
printf 'worker_processes 1; master_process off; daemon off; pid %s/nginx.pid; error_log %s/err.log;\nevents { worker_connections %d; }\nhttp { access_log off; default_type text/plain; keepalive_requests 1000000; keepalive_timeout 300s;\n server { listen 127.0.0.1:%s; location / { return 200 "Hello, World!"; } } }\n' \
  "$work/nginx" "$work/nginx" $(( N + 1024 )) "$port" > "$work/nginx/nginx.conf"
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>/dev/null & pids+=($!)
wait_port "$port"
measure "nginx (1 worker)" "${pids[-1]}" "$port" || true
kill "${pids[-1]}"

echo
echo "bytes of resident memory per idle keep-alive connection ($N connections):"
for f in "$work"/*.out; do
  name=$(basename "$f" .out)
  printf '  %-32s %s\n' "$name" "$(awk '/^RESULT/ {print $2 " B" ($3 == 1 ? ", all answered" : ", NOT ALL ANSWERED")}' "$f")"
done
echo "after: $(uptime)"
