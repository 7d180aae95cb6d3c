#!/usr/bin/env bash
# WinHTTP over HTTP/2 vs libcurl multi over HTTP/2, same run, same nginx (ssl http2) on loopback:
# TOTAL (default 10,000) GETs of a small body, CONC (default 100) in flight, all multiplexed on ONE
# connection by each client (WinHTTP: WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL on one async session;
# libcurl: CURLPIPE_MULTIPLEX + PIPEWAIT). Target: WinHTTP's rate >= libcurl's (1.0x).
# Same method as bench/client_async.sh (warm-up, REPS alternating runs, medians; nginx on core 0 and
# the client on core 1 unless PIN=0). A self-signed certificate is made with openssl.
# usage: [REPS=7] [PIN=1] [WINHTTP_LIBDIR=dir] bench/client_h2.sh [TOTAL] [CONC]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
total=${1:-10000}
conc=${2:-100}
reps=${REPS:-7}
work=$(mktemp -d)
trap 'kill $(cat $work/nginx.pid 2>/dev/null) 2>/dev/null || true; rm -rf $work' EXIT
(cd "$root" && cargo build --release -q)
lib=${WINHTTP_LIBDIR:-$root/target/release}
if [ "${PIN:-1}" = 1 ]; then pin0="taskset -c 0"; pin1="taskset -c 1"; else pin0=; pin1=; fi
uptime
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout $work/key.pem -out $work/cert.pem \
  -days 2 -subj '/CN=localhost' -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1
cc -O2 -I"$root/include" -o $work/async_winhttp "$root/bench/client_async_winhttp.c" -L"$lib" -lwinhttp -Wl,-rpath,"$lib"
cc -O2 -o $work/async_curl "$root/bench/client_async_curl.c" -lcurl
. "$root/bench/nginx_small.sh"
H2_CERT=$work start_nginx $work $pin0
$pin1 "$work/async_winhttp" $port $((total / 4)) $conc h2 >/dev/null
$pin1 "$work/async_curl" $port $((total / 4)) $conc h2 >/dev/null
: > $work/w; : > $work/c
for i in $(seq $reps); do
  $pin1 "$work/async_winhttp" $port $total $conc h2 >> $work/w
  $pin1 "$work/async_curl" $port $total $conc h2 >> $work/c
done
python3 - "$work/w" "$work/c" "$total" "$conc" "$reps" <<'PY'
import statistics, sys
w = [list(map(float, l.split())) for l in open(sys.argv[1])]
c = [list(map(float, l.split())) for l in open(sys.argv[2])]
total, conc, reps = sys.argv[3:6]
med = lambda rows, i: statistics.median(r[i] for r in rows)
print(f"{'workload (HTTP/2, one connection)':34} {'winhttp_rps':>12} {'libcurl_rps':>12} {'ratio':>8}")
print(f"{total + ' GETs, ' + conc + ' in flight':34} {med(w,1):12.0f} {med(c,1):12.0f} {med(w,1)/med(c,1):7.2f}x   (median of {reps})")
print(f"  per-pair ratios: {' '.join(f'{a[1]/b[1]:.2f}' for a, b in zip(w, c))}")
print(f"  cpu us/request:     winhttp {med(w,2):.1f}  libcurl {med(c,2):.1f}  ({med(w,2)/med(c,2):.2f}x)")
print(f"  ctx switches/req:   winhttp {med(w,3):.2f}  libcurl {med(c,3):.2f}")
PY
uptime
