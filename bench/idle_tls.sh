#!/usr/bin/env bash
# Memory and descriptors of idle HTTPS keep-alive connections (issue 10 item 3): N connections (default
# 2,000) each make a TLS handshake, send one request to the http.sys hello server over TLS
# (examples/hello_server.c with a certificate thumbprint) and stay open; prints the server's resident
# memory per idle connection and its descriptors, and checks every connection still answers. nginx with
# TLS (1 worker, same certificate) in the same run, for comparison. Client: python's ssl module.
#
#   bench/idle_tls.sh        env: N=2000  LIB_ROOT (as bench/server.sh: a built tree to measure, e.g. "before")
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
LIB_ROOT=${LIB_ROOT:-$root}
N=${N:-2000}
source "$root/bench/common.sh"
bench_init
# Room for 4 descriptors per connection in the server (what the relay used to take: TCP, its duplicate,
# the socket pair), so "before" runs too.
want=$(( 4 * N + 512 ))
hard=$(ulimit -Hn)
[ "$hard" = unlimited ] || [ "$hard" -ge "$want" ] || { echo "the descriptor limit ($hard) is below $want"; exit 1; }
ulimit -n "$want"

echo "before: $(uptime)"
build_hello
make_cert

cat > "$work/idle_tls.py" <<'PY'
import os, socket, ssl, sys, time
port, pid, n, ca = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
def rss():
    for l in open('/proc/%s/status' % pid):
        if l.startswith('VmRSS'):
            return int(l.split()[1]) * 1024
ctx = ssl.create_default_context(cafile=ca)
def ask(s):
    try:
        s.sendall(b'GET / HTTP/1.1\r\nHost: localhost\r\n\r\n')
        d = b''
        while b'Hello, World!' not in d:
            c = s.recv(4096)
            if not c:
                return False
            d += c
        return True
    except (OSError, ssl.SSLError):
        return False
def one():
    s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', port)), server_hostname='localhost')
    s.settimeout(30)
    ask(s)
    return s
warm = [one() for _ in range(50)]  # the server's threads, pools and caches
time.sleep(0.5)
r0 = rss()
conns = [one() for _ in range(n)]
time.sleep(1)
r1 = rss()
fds = len(os.listdir('/proc/%s/fd' % pid))
ok = all(ask(s) for s in conns)
print('RSS %.1f MiB -> %.1f MiB with %d idle connections; %d descriptors' % (r0 / 2**20, r1 / 2**20, n, fds))
print('RESULT %d %d %.2f' % ((r1 - r0) / n, 1 if ok else 0, fds / n))
PY

measure() { # name pid port
  echo "== $1"
  python3 "$work/idle_tls.py" "$3" "$2" "$N" "$work/server.pem" | tee "$work/$1.out" | sed 's/^/  /'
}

port=$(free_port)
"$work/hello_server" "$port" 4 sync "$thumb" >/dev/null & pids+=($!)
wait_port "$port"
measure "http.sys hello, TLS (4 threads)" "${pids[-1]}" "$port" || true
kill "${pids[-1]}"

port=$(free_port)
nginx_hello_conf "$work/nginx" "$port" "$work/server.pem" "$work/server.key"
sed -i "s/worker_connections 1024/worker_connections $(( N + 1024 ))/; s/keepalive_requests 1000000;/keepalive_requests 1000000; keepalive_timeout 300s;/" "$work/nginx/nginx.conf"
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>/dev/null & pids+=($!)
wait_port "$port"
measure "nginx, TLS (1 worker)" "${pids[-1]}" "$port" || true
kill "${pids[-1]}"

echo
echo "per idle HTTPS keep-alive connection ($N connections; lib: $LIB_ROOT):"
for f in "$work"/*.out; do
  name=$(basename "$f" .out)
  printf '  %-34s %s\n' "$name" "$(awk '/^RESULT/ {print $2 " B, " $4 " descriptors" ($3 == 1 ? ", all answered" : ", NOT ALL ANSWERED")}' "$f")"
done
echo "after: $(uptime)"
