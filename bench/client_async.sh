#!/usr/bin/env bash
# Async WinHTTP client vs libcurl's multi interface, same run, same nginx on loopback:
# TOTAL GETs of a small body with CONC (default 100) requests in flight over one session / one multi
# handle. Prints requests per second and the ratio (WinHTTP / libcurl; target >= 1.0).
# usage: bench/client_async.sh [TOTAL] [CONC]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
total=${1:-20000}
conc=${2:-100}
work=$(mktemp -d)
trap 'kill $(cat $work/nginx.pid 2>/dev/null) 2>/dev/null || true; rm -rf $work' EXIT
(cd "$root" && cargo build --release -q)
cc -O2 -I"$root/include" -o $work/async_winhttp "$root/bench/client_async_winhttp.c" -L"$root/target/release" -lwinhttp -Wl,-rpath,"$root/target/release"
cc -O2 -o $work/async_curl "$root/bench/client_async_curl.c" -lcurl
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p $work/logs $work/tmp
cat > $work/nginx.conf <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/tmp;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port backlog=1024;
    location /small { return 200 "hello"; }
  }
}
CONF
nginx -c $work/nginx.conf -p $work &
for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
read tw rw < <("$work/async_winhttp" $port $total $conc)
read tc rc < <("$work/async_curl" $port $total $conc)
printf "%-34s %12s %12s %8s\n" workload winhttp_rps libcurl_rps ratio
printf "%-34s %12s %12s %8s\n" "$total GETs, $conc in flight" $rw $rc $(python3 -c "print(f'{$rw/$rc:.2f}x')")
