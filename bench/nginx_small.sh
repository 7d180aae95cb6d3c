# Sourced by the client benchmarks: start_nginx WORK [PREFIX...] starts nginx on a free loopback
# port (sets $port; its pid file is WORK/nginx.pid) with /small (200 "hello") and /upload (reads
# and throws away any body), long keep-alive, and waits until it accepts. PREFIX runs it (e.g.
# taskset -c 0). With H2_CERT=dir (cert.pem, key.pem there) it listens with TLS and HTTP/2 instead.
start_nginx() {
  local work=$1
  shift
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$work/logs" "$work/tmp"
  local listen="listen 127.0.0.1:$port backlog=1024;"
  if [ -n "${H2_CERT:-}" ]; then
    listen="listen 127.0.0.1:$port ssl http2 backlog=1024; ssl_certificate $H2_CERT/cert.pem; ssl_certificate_key $H2_CERT/key.pem; http2_max_concurrent_streams 1000;"
  fi
  cat > "$work/nginx.conf" <<CONF
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
    $listen
    location /small { return 200 "hello"; }
    location /upload { client_max_body_size 0; return 200 "ok"; }
  }
}
CONF
  "$@" nginx -c "$work/nginx.conf" -p "$work" &
  for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
}
