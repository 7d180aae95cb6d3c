# Pieces the server benchmarks share (sourced by bench/server.sh, server_tls.sh, server_h2.sh, cpu.sh,
# idle.sh and idle_tls.sh, right after they set `root` and `LIB_ROOT`).

# bench_init: $work, a temporary directory removed on exit after every pid in $pids is killed; $NGINX;
# the cores (server on SERVER_CPU 0, load generator on CLIENT_CPU 1, both 0 on one core); PERF=1 when
# `perf stat` works here.
bench_init() {
  work=$(mktemp -d)
  pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
  SERVER_CPU=0
  CLIENT_CPU=1
  [ "$(nproc)" -ge 2 ] || CLIENT_CPU=0
  PERF=1
  perf stat -e task-clock true >/dev/null 2>&1 || PERF=0
}

# build_hello: builds the library (when LIB_ROOT is this tree) and examples/hello_server.c against
# LIB_ROOT's into $work/hello_server.
build_hello() {
  if [ "$LIB_ROOT" = "$root" ]; then (cd "$root" && cargo build --release -q); fi
  gcc -O2 -Wall -Wextra -Werror -I"$LIB_ROOT/include" "$root/examples/hello_server.c" -L"$LIB_ROOT/target/release" \
    -lwinhttpapi -lpthread -Wl,-rpath,"$LIB_ROOT/target/release" -o "$work/hello_server"
}

# make_cert: one RSA-2048 certificate for every server of the run ($work/server.pem, server.key), imported
# into a store of our own (WINHTTPAPI_CERT_STORE) with the SSL bindings in a file of our own
# (WINHTTPAPI_HTTPSYS_CONFIG): no root needed, nothing left behind. Sets $thumb.
make_cert() {
  mkdir -p "$work/store"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/server.key" -out "$work/server.pem" -days 2 \
    -subj '/CN=localhost' -addext 'subjectAltName=IP:127.0.0.1,DNS:localhost' >/dev/null 2>&1
  export WINHTTPAPI_CERT_STORE="$work/store" WINHTTPAPI_HTTPSYS_CONFIG="$work/httpsys.conf"
  thumb=$(bash "$root/scripts/import-cert.sh" "$work/server.pem" "$work/server.key")
}

# measured OUT CMD...: runs the load CMD (its output to OUT) and, with perf, counts the task-clock of the
# server started last (${pids[-1]}) meanwhile; sets ms to the server's CPU milliseconds (empty without perf).
measured() {
  local out=$1
  shift
  if [ "$PERF" = 1 ]; then
    perf stat -x, -e task-clock -o "$out.perf" -p "${pids[-1]}" -- "$@" > "$out"
    ms=$(awk -F, '/task-clock/ {print $1}' "$out.perf")
  else
    "$@" > "$out"
    ms=
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 400); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }

# nginx_hello_conf DIR PORT [CERT KEY [http2]]: writes DIR/nginx.conf for nginx answering "Hello, World!" on
# 127.0.0.1:PORT with one worker and no master process (the process started is the one that serves, for
# kill and perf), keep-alive without limit; with CERT and KEY, over TLS; with http2 as well, HTTP/2 too.
nginx_hello_conf() {
  local dir=$1 port=$2 listen=$2 tls=""
  if [ $# -ge 4 ]; then
    listen="$port ssl${5:+ $5}"
    tls="ssl_certificate $3; ssl_certificate_key $4;"
  fi
  mkdir -p "$dir/logs"
  cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
daemon off;
master_process off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/plain;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$listen; $tls location / { return 200 "Hello, World!"; } }
}
CONF
}
