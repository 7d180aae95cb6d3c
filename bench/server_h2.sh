#!/usr/bin/env bash
# HTTP/2 benchmark (issue 15: the HTTPS hello over HTTP/2 within 0.8x of nginx with HTTP/2): the http.sys
# hello server (examples/hello_server.c with a certificate thumbprint; clients that offer h2 by ALPN get
# HTTP/2) against nginx with `listen ... ssl http2` (1 worker), same certificate (RSA 2048, made here with
# openssl), h2load (nghttp2-client) on loopback, same run. Server pinned to core 0, h2load to core 1.
# Prints req/s per server at C connections x M concurrent streams, the server's CPU time per request
# (perf stat on the server process: the figure that stays meaningful on a busy machine), the ratio and
# `uptime` before and after.
#
#   bench/server_h2.sh     env: DURATION=10  CONNS=8  STREAMS=16  THREADS=4 (hello_server threads)  LIB_ROOT
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
DURATION=${DURATION:-10}
CONNS=${CONNS:-8}
STREAMS=${STREAMS:-16}
THREADS=${THREADS:-4}
source "$root/bench/common.sh"
bench_init
command -v h2load >/dev/null || { echo "needs h2load (scripts/install-deps.sh installs nghttp2-client)"; exit 1; }
"$NGINX" -V 2>&1 | grep -q -- --with-http_v2_module || { echo "this nginx has no http_v2 module"; exit 1; }

echo "before: $(uptime)"
echo "building ..."
build_hello

make_cert

start() { # server
  case $1 in
    sync) taskset -c "$SERVER_CPU" "$work/hello_server" "$port" "$THREADS" sync "$thumb" >/dev/null & ;;
    nginx)
      nginx_hello_conf "$work/nginx" "$port" "$work/server.pem" "$work/server.key" http2
      taskset -c "$SERVER_CPU" "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>/dev/null & ;;
  esac
  pids+=($!)
  wait_port "$port"
  body=$(curl -sk --http2 -w ' %{http_version}' "https://127.0.0.1:$port/")
  [ "$body" = "Hello, World! 2" ] || { echo "$1 answered: $body"; exit 1; }
}

# h2load ARGS...: the load, pinned (a command, not a function, so perf can run it).
h2() { echo taskset -c "$CLIENT_CPU" h2load -c "$CONNS" -m "$STREAMS" "$@" "https://127.0.0.1:$port/"; }

declare -A rps cpu ok
servers=(sync nginx)
for s in "${servers[@]}"; do
  port=$(free_port)
  start "$s"
  $(h2 -n 5000) >/dev/null 2>&1 || true # warm up (handshakes)
  if [ "$PERF" = 1 ]; then
    perf stat -x, -e task-clock -o "$work/perf.$s" -p "${pids[-1]}" -- $(h2 -D "$DURATION") > "$work/h2load.$s"
    ms=$(awk -F, '/task-clock/ {print $1}' "$work/perf.$s")
  else
    $(h2 -D "$DURATION") > "$work/h2load.$s"
    ms=
  fi
  rps[$s]=$(awk '/^finished in/ {print $4}' "$work/h2load.$s")
  done_n=$(awk '/^requests:/ {print $8}' "$work/h2load.$s")
  ok[$s]=$(awk '/^status codes:/ {print $3}' "$work/h2load.$s")
  cpu[$s]=$([ -n "$ms" ] && python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) * 1000 / int(sys.argv[2])))" "$ms" "$done_n" || echo -)
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
done

printf '\nHTTP/2 over TLS, server on core %s, h2load on core %s, %ss, %s connections x %s streams, loopback; lib: %s\n' \
  "$SERVER_CPU" "$CLIENT_CPU" "$DURATION" "$CONNS" "$STREAMS" "$LIB_ROOT"
printf '  %-44s %12s %10s %12s\n' "server" "req/s" "2xx" "CPU us/req"
name() {
  case $1 in
    sync) echo "http.sys hello, sync ($THREADS threads)" ;;
    nginx) echo "nginx return 200, ssl http2 (1 worker)" ;;
  esac
}
for s in "${servers[@]}"; do
  printf '  %-44s %12s %10s %12s\n' "$(name "$s")" "${rps[$s]}" "${ok[$s]}" "${cpu[$s]}"
done
ratio() { python3 -c "import sys; print('%.2fx' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
echo "  http.sys / nginx (req/s)  $(ratio "${rps[sync]}" "${rps[nginx]}")   (target >= 0.80x)"
[ "$PERF" = 1 ] && echo "  CPU per request: nginx / http.sys   $(ratio "${cpu[nginx]}" "${cpu[sync]}")"
echo "after: $(uptime)"
