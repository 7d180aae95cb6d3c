#!/usr/bin/env bash
# HTTP/2 benchmark (issue 15: the HTTPS hello over HTTP/2 within 0.8x of nginx with HTTP/2): the http.sys
# hello server (examples/hello_server.c with a certificate thumbprint; clients that offer h2 by ALPN get
# HTTP/2) against nginx with `listen ... ssl http2` (1 worker), same certificate (RSA 2048, made here with
# openssl), h2load (nghttp2-client) on loopback, same run. Server pinned to core 0, h2load to core 1.
# ROUNDS passes over both servers, every other pass in reverse order (as bench/server.sh does): the best
# req/s of each server counts (all are printed), so neither is favoured or hurt by its place in the run on
# this noisy machine. With perf, each run also gives the server's CPU time per request (task-clock of the
# server process / requests; the lowest counts): the figure that stays meaningful on a busy machine.
# Prints req/s and CPU us/request per server at C connections x M concurrent streams, the ratios and
# `uptime` before and after.
#
#   bench/server_h2.sh     env: DURATION=10  ROUNDS=2  CONNS=8  STREAMS=16  THREADS=4 (hello_server threads)
#                               LIB_ROOT=<a built winhttpapi tree> (default: this one)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
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
# What the builds wrote goes to disk now, not in writeback during the first server's figures.
sync

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

# h2 ARGS...: the load, pinned (a command, not a function, so perf can run it).
h2() { echo taskset -c "$CLIENT_CPU" h2load -c "$CONNS" -m "$STREAMS" "$@" "https://127.0.0.1:$port/"; }

# pass S: starts server S, warms it up (handshakes), one run of DURATION seconds; appends its req/s to
# runs[S], its 2xx count to oks[S] and, with perf, the server's CPU time per request to cpus[S].
pass() {
  local n r
  port=$(free_port)
  start "$1"
  $(h2 -n 5000) >/dev/null 2>&1 || true
  measured "$work/h2load.$1" $(h2 -D "$DURATION")
  r=$(awk '/^finished in/ {print $4}' "$work/h2load.$1")
  n=$(awk '/^requests:/ {print $8}' "$work/h2load.$1")
  runs[$1]="${runs[$1]:+${runs[$1]} }$r"
  oks[$1]="${oks[$1]:+${oks[$1]} }$(awk '/^status codes:/ {print $3}' "$work/h2load.$1")"
  [ -n "$ms" ] && cpus[$1]="${cpus[$1]:+${cpus[$1]} }$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) * 1000 / int(sys.argv[2])))" "$ms" "$n")"
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
}

declare -A runs oks cpus rps cpu
servers=(sync nginx)
for (( round=1; round<=ROUNDS; round++ )); do
  order=("${servers[@]}")
  if (( round % 2 == 0 )); then order=(); for (( k=${#servers[@]}-1; k>=0; k-- )); do order+=("${servers[$k]}"); done; fi
  for s in "${order[@]}"; do pass "$s"; done
done
for s in "${servers[@]}"; do
  rps[$s]=$(python3 -c "import sys; print(max(float(x) for x in sys.argv[1:]))" ${runs[$s]})
  cpu[$s]=$([ -n "${cpus[$s]:-}" ] && python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" ${cpus[$s]} || echo -)
done

printf '\nHTTP/2 over TLS, server on core %s, h2load on core %s, %ss x %s rounds, %s connections x %s streams, loopback; lib: %s\n' \
  "$SERVER_CPU" "$CLIENT_CPU" "$DURATION" "$ROUNDS" "$CONNS" "$STREAMS" "$LIB_ROOT"
printf '  %-44s %12s %12s\n' "server" "best req/s" "CPU us/req"
name() {
  case $1 in
    sync) echo "http.sys hello, sync ($THREADS threads)" ;;
    nginx) echo "nginx return 200, ssl http2 (1 worker)" ;;
  esac
}
for s in "${servers[@]}"; do
  printf '  %-44s %12s %12s\n' "$(name "$s")" "${rps[$s]}" "${cpu[$s]}"
done
echo "  runs, in pass order (req/s; 2xx; CPU us/req):"
for s in "${servers[@]}"; do printf '    %-6s %s;  %s;  %s\n' "$s" "${runs[$s]}" "${oks[$s]}" "${cpus[$s]:--}"; done
ratio() { python3 -c "import sys; print('%.2fx' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
echo "  http.sys / nginx (best req/s)  $(ratio "${rps[sync]}" "${rps[nginx]}")   (target >= 0.80x)"
if [ "$PERF" = 1 ]; then echo "  CPU per request: nginx / http.sys   $(ratio "${cpu[nginx]}" "${cpu[sync]}")"; fi
echo "after: $(uptime)"
