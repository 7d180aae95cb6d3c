#!/usr/bin/env bash
# The two sample servers (examples/http_server_v1.c and _v2.c) serve curl: GET, and a binary POST echoed
# byte-exact; each exits after its --count of requests.
set -u
src=${1:?source dir}; build=${2:?build dir}
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; failed=$((failed + 1)); fi; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
head -c 200000 /dev/urandom > "$tmp/in.bin"
for v in v1 v2; do
  p=$(port)
  if [ $v = v1 ]; then "$build/examples/http_server_v1" "http://+:$p/" --count 2 > "$tmp/$v.log" &
  else "$build/examples/http_server_v2" "$p" --count 2 > "$tmp/$v.log" & fi
  pid=$!
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && break; sleep 0.05; done
  out=$(curl -s --max-time 10 "http://127.0.0.1:$p/hello")
  check "$v GET" '[ "$out" = "$(printf "Hey! You hit the server \r\n")" ]'
  curl -s --max-time 10 --data-binary @"$tmp/in.bin" -o "$tmp/out.bin" "http://127.0.0.1:$p/echo"
  check "$v POST echoed" 'cmp -s "$tmp/in.bin" "$tmp/out.bin"'
  for _ in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  check "$v exits after --count" '! kill -0 $pid 2>/dev/null'
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  check "$v logged the requests" 'grep -q "Got a POST request for http://127.0.0.1:$p/echo" "$tmp/$v.log"'
done
echo "httpapi_examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
