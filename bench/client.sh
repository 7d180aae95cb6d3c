#!/usr/bin/env bash
# WinHTTP client vs libcurl (easy API), same run, same nginx on loopback:
# 5,000 sequential keep-alive GETs, 1 GiB PUT with Content-Length, 1 GiB chunked PUT, and an 8 GiB PUT
# through WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH with peak RSS. Prints ratios (WinHTTP / libcurl).
# Targets: GETs <= 1.0x, uploads <= 1.1x, 8 GiB peak RSS < 32 MiB.
# The GET workload is short, so it is run REPS times (default 7) per client, alternating, after one
# warm-up run each, and the medians are compared. ONLY=gets skips the uploads.
# usage: [REPS=7] [UPLOAD_REPS=3] [ONLY=gets] [PIN=1] [WINHTTP_LIBDIR=dir] bench/client.sh [GETS] [UPLOAD_BYTES] [BIG_BYTES]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gets=${1:-5000}
up=${2:-1073741824}
big=${3:-8589934592}
work=$(mktemp -d)
trap 'kill $(cat $work/nginx.pid 2>/dev/null) 2>/dev/null || true; rm -rf $work' EXIT
(cd "$root" && cargo build --release -q)
# WINHTTP_LIBDIR=dir measures another build of the library (e.g. an older commit's target/release).
lib=${WINHTTP_LIBDIR:-$root/target/release}
# Pinned (the machine is shared): nginx on core 0, the clients on core 1; PIN=0 leaves them free.
if [ "${PIN:-1}" = 1 ]; then pin0="taskset -c 0"; pin1="taskset -c 1"; else pin0=; pin1=; fi
uptime
cc -O2 -I"$root/include" -o $work/client_winhttp "$root/bench/client_winhttp.c" -L"$lib" -lwinhttp -Wl,-rpath,"$lib"
cc -O2 -o $work/client_curl "$root/bench/client_curl.c" -lcurl
. "$root/bench/nginx_small.sh"
start_nginx $work $pin0
run() { $pin1 "$work/$1" $port "$2" "$3"; }
ratio() { python3 -c "print(f'{$1/$2:.2f}x')"; }
printf "%-28s %10s %10s %8s\n" workload winhttp_s libcurl_s ratio
reps=${REPS:-7}
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
run client_winhttp gets 200 >/dev/null; run client_curl gets 200 >/dev/null
tws=(); tcs=()
for i in $(seq $reps); do
  read tw rw < <(run client_winhttp gets $gets); tws+=($tw)
  read tc rc < <(run client_curl gets $gets); tcs+=($tc)
done
tw=$(median "${tws[@]}"); tc=$(median "${tcs[@]}")
printf "%-28s %10s %10s %8s\n" "gets $gets (median of $reps)" $tw $tc $(ratio $tw $tc)
echo "  winhttp runs: ${tws[*]}"
echo "  libcurl runs: ${tcs[*]}"
[ "${ONLY:-}" = gets ] && { uptime; exit 0; }
# Uploads are long and few: UPLOAD_REPS (default 3) alternating runs each, medians compared.
ureps=${UPLOAD_REPS:-3}
upload() { # name winhttp-mode curl-mode bytes
  local tws=() tcs=() rws=() rcs=() tw rw tc rc
  for i in $(seq $ureps); do
    read tw rw < <(run client_winhttp $2 $4); tws+=($tw); rws+=($rw)
    read tc rc < <(run client_curl $3 $4); tcs+=($tc); rcs+=($rc)
  done
  tw=$(median "${tws[@]}"); tc=$(median "${tcs[@]}")
  printf "%-28s %10s %10s %8s\n" "$1 $4 (median of $ureps)" $tw $tc $(ratio $tw $tc)
  peak_w=$(printf '%s\n' "${rws[@]}" | sort -n | tail -1); peak_c=$(printf '%s\n' "${rcs[@]}" | sort -n | tail -1)
}
upload put put put $up
upload chunked chunked chunked $up
upload put-ignore put-ignore put $big
echo "8 GiB upload peak RSS: winhttp $((peak_w/1024)) MiB, libcurl $((peak_c/1024)) MiB (target < 32 MiB)"
uptime
