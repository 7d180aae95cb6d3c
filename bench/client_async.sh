#!/usr/bin/env bash
# Async WinHTTP client vs libcurl's multi interface, same run, same nginx on loopback:
# TOTAL GETs of a small body with CONC (default 100) requests in flight over one session / one multi
# handle (both reuse their CONC keep-alive connections). Target: WinHTTP's rate >= libcurl's (1.0x).
#
# The machine is shared and the runs are short, so each client first runs once as a warm-up, then
# both run REPS times (default 7), alternating, and the medians are compared. Besides the request
# rate it prints CPU time and context switches per request (whole process, from getrusage), which
# shift much less than the rate when other programs compete for the cores.
# H2=1 (bench/client_h2.sh): both over HTTP/2 with TLS, all requests multiplexed on ONE connection
# (WinHTTP: WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL on the session; libcurl: CURLPIPE_MULTIPLEX and
# PIPEWAIT), against nginx with `ssl http2` and a self-signed certificate made with openssl.
# usage: [REPS=7] [PIN=1] [H2=0] [WINHTTP_LIBDIR=dir] bench/client_async.sh [TOTAL] [CONC]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
total=${1:-20000}
conc=${2:-100}
reps=${REPS:-7}
work=$(mktemp -d)
trap 'kill $(cat $work/nginx.pid 2>/dev/null) 2>/dev/null || true; rm -rf $work' EXIT
(cd "$root" && cargo build --release -q)
# WINHTTP_LIBDIR=dir measures another build of the library (e.g. an older commit's target/release).
lib=${WINHTTP_LIBDIR:-$root/target/release}
# Pinned (the machine is shared): nginx on core 0, the clients on core 1; PIN=0 leaves them free.
if [ "${PIN:-1}" = 1 ]; then pin0="taskset -c 0"; pin1="taskset -c 1"; else pin0=; pin1=; fi
uptime
mode=
if [ "${H2:-0}" = 1 ]; then
  mode=h2
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout $work/key.pem -out $work/cert.pem \
    -days 2 -subj '/CN=localhost' -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1
  export H2_CERT=$work
fi
cc -O2 -I"$root/include" -o $work/async_winhttp "$root/bench/client_async_winhttp.c" -L"$lib" -lwinhttp -Wl,-rpath,"$lib"
cc -O2 -o $work/async_curl "$root/bench/client_async_curl.c" -lcurl
. "$root/bench/nginx_small.sh"
start_nginx $work $pin0
$pin1 "$work/async_winhttp" $port $((total / 4)) $conc $mode >/dev/null
$pin1 "$work/async_curl" $port $((total / 4)) $conc $mode >/dev/null
: > $work/w; : > $work/c
for i in $(seq $reps); do
  $pin1 "$work/async_winhttp" $port $total $conc $mode >> $work/w
  $pin1 "$work/async_curl" $port $total $conc $mode >> $work/c
done
python3 - "$work/w" "$work/c" "$total" "$conc" "$reps" "${mode:-h1}" <<'PY'
import statistics, sys
w = [list(map(float, l.split())) for l in open(sys.argv[1])]
c = [list(map(float, l.split())) for l in open(sys.argv[2])]
total, conc, reps, mode = sys.argv[3:7]
med = lambda rows, i: statistics.median(r[i] for r in rows)
print(f"{'workload':34} {'winhttp_rps':>12} {'libcurl_rps':>12} {'ratio':>8}")
print(f"{total + ' GETs, ' + conc + ' in flight' + (' (HTTP/2)' if mode == 'h2' else ''):34} {med(w,1):12.0f} {med(c,1):12.0f} {med(w,1)/med(c,1):7.2f}x   (median of {reps})")
print(f"  per-pair ratios: {' '.join(f'{a[1]/b[1]:.2f}' for a, b in zip(w, c))}")
print(f"  cpu us/request:     winhttp {med(w,2):.1f}  libcurl {med(c,2):.1f}  ({med(w,2)/med(c,2):.2f}x)")
print(f"  ctx switches/req:   winhttp {med(w,3):.2f}  libcurl {med(c,3):.2f}")
PY
uptime
