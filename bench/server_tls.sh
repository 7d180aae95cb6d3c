#!/usr/bin/env bash
# HTTPS benchmark (issue 10: the HTTPS hello within 0.8x of nginx with TLS): the http.sys hello server
# (examples/hello_server.c with a certificate thumbprint, bound as `netsh http add sslcert` binds it, in its
# synchronous and completion-port shapes) against nginx with TLS (1 worker), same certificate (RSA 2048,
# made here with openssl), keep-alive, wrk on loopback. Server pinned to core 0, wrk to core 1. Prints, per
# server: req/s at wrk -t1 -c64, the -c1 median, and the server's CPU time per request (perf stat on the
# server process during the -c64 run: the figure that stays meaningful on a busy machine), then the ratios
# and `uptime` before and after.
#
#   bench/server_tls.sh     env: DURATION=10  THREADS=4 (hello_server threads)  LIB_ROOT (as bench/server.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
DURATION=${DURATION:-10}
THREADS=${THREADS:-4}
source "$root/bench/common.sh"
bench_init
command -v wrk >/dev/null || { echo "needs wrk (bench/server.sh installs it)"; exit 1; }

echo "before: $(uptime)"
echo "building ..."
build_hello

make_cert

load() { taskset -c "$CLIENT_CPU" wrk "$@"; }

start() { # server
  case $1 in
    sync | iocp) taskset -c "$SERVER_CPU" "$work/hello_server" "$port" "$THREADS" "$1" "$thumb" >/dev/null & ;;
    nginx)
      nginx_hello_conf "$work/nginx" "$port" "$work/server.pem" "$work/server.key"
      taskset -c "$SERVER_CPU" "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>/dev/null & ;;
  esac
  pids+=($!)
  wait_port "$port"
  body=$(curl -sk "https://127.0.0.1:$port/")
  [ "$body" = "Hello, World!" ] || { echo "$1 answered: $body"; exit 1; }
}

declare -A rps lat cpu
servers=(sync iocp nginx)
for s in "${servers[@]}"; do
  port=$(free_port)
  start "$s"
  load -t1 -c64 -d1s "https://127.0.0.1:$port/" >/dev/null 2>&1 || true # warm up (handshakes)
  measured "$work/wrk.$s" taskset -c "$CLIENT_CPU" wrk -t1 -c64 -d"${DURATION}s" "https://127.0.0.1:$port/"
  rps[$s]=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.$s")
  total=$(awk '/requests in/ {print $1}' "$work/wrk.$s")
  cpu[$s]=$([ -n "$ms" ] && python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) * 1000 / int(sys.argv[2])))" "$ms" "$total" || echo -)
  lat[$s]=$(load -t1 -c1 -d"$(( DURATION < 5 ? DURATION : 5 ))s" --latency "https://127.0.0.1:$port/" | awk '$1 == "50%" {print $2}')
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
done

printf '\nHTTPS, server on core %s, wrk on core %s, %ss per figure, loopback, keep-alive; lib: %s\n' \
  "$SERVER_CPU" "$CLIENT_CPU" "$DURATION" "$LIB_ROOT"
printf '  %-44s %14s %12s %12s\n' "server" "-t1 -c64 req/s" "-c1 median" "CPU us/req"
name() {
  case $1 in
    sync) echo "http.sys hello, sync ($THREADS threads)" ;;
    iocp) echo "http.sys hello, completion port ($THREADS threads)" ;;
    nginx) echo "nginx return 200, TLS (1 worker)" ;;
  esac
}
for s in "${servers[@]}"; do
  printf '  %-44s %14s %12s %12s\n' "$(name "$s")" "${rps[$s]}" "${lat[$s]}" "${cpu[$s]}"
done
ratio() { python3 -c "import sys; print('%.2fx' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
echo "  -t1 -c64: http.sys / nginx (req/s)  $(ratio "${rps[sync]}" "${rps[nginx]}")   (target >= 0.80x)"
echo "  -t1 -c64: completion port / nginx   $(ratio "${rps[iocp]}" "${rps[nginx]}")"
[ "$PERF" = 1 ] && echo "  CPU per request: nginx / http.sys   $(ratio "${cpu[nginx]}" "${cpu[sync]}")   (the same ratio, measured by CPU time)"
echo "after: $(uptime)"
