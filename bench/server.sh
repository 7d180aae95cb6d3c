#!/usr/bin/env bash
# HTTP Server API benchmark: the http.sys hello server (examples/hello_server.c on libwinhttpapi), a hyper
# 1.x hello server (bench/hyper-hello) and nginx (return 200), each loaded in the same run with
#   wrk -t2 -c64 -d${DURATION}s  (64 keep-alive connections, loopback)
# Prints requests/s and the ratios. Target (issue 3): http.sys >= 0.8x hyper.
#
#   bench/server.sh            DURATION=10 by default; THREADS (hello_server receiving threads, default 4)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-10}
THREADS=${THREADS:-4}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 || {
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

echo "building ..."
(cd "$root" && cargo build --release -q)
gcc -O2 -Wall -Wextra -Werror -I"$root/include" "$root/examples/hello_server.c" -L"$root/target/release" \
  -lwinhttpapi -lpthread -Wl,-rpath,"$root/target/release" -o "$work/hello_server"
(cd "$root/bench/hyper-hello" && cargo build --release -q)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }

run_wrk() { # name port -> prints req/s
  local port=$1
  curl -s -o /dev/null "http://127.0.0.1:$port/" # warm up one connection
  wrk -t2 -c64 -d1s "http://127.0.0.1:$port/" >/dev/null 2>&1 || true
  wrk -t2 -c64 -d"${DURATION}s" "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}'
}

# http.sys hello
p1=$(free_port)
"$work/hello_server" "$p1" "$THREADS" >/dev/null & pids+=($!)
wait_port "$p1"
body=$(curl -s "http://127.0.0.1:$p1/")
[ "$body" = "Hello, World!" ] || { echo "hello_server answered: $body"; exit 1; }
httpsys=$(run_wrk "$p1"); kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# hyper hello
p2=$(free_port)
"$root/bench/hyper-hello/target/release/hyper-hello" "$p2" 2 >/dev/null & pids+=($!)
wait_port "$p2"
hyper=$(run_wrk "$p2"); kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# nginx hello
p3=$(free_port)
mkdir -p "$work/nginx/logs"
cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/plain;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$p3; location / { return 200 "Hello, World!"; } }
}
CONF
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>/dev/null & pids+=($!)
wait_port "$p3"
nginx=$(run_wrk "$p3"); kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

printf '\nwrk -t2 -c64 -d%ss, loopback, %s cores\n' "$DURATION" "$(nproc)"
printf '  %-44s %12s req/s\n' "http.sys hello (libwinhttpapi, $THREADS threads)" "$httpsys" "hyper 1.x hello (2 threads)" "$hyper" "nginx return 200 (2 workers)" "$nginx"
python3 - "$httpsys" "$hyper" "$nginx" <<'PY'
import sys
h, y, n = (float(x) for x in sys.argv[1:4])
print(f"  ratio http.sys / hyper : {h / y:.2f}x   (target >= 0.80x)")
print(f"  ratio http.sys / nginx : {h / n:.2f}x")
PY
