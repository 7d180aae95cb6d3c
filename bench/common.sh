# Pieces the server benchmarks share (sourced by bench/server.sh and bench/server_tls.sh).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; return 1; }

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
