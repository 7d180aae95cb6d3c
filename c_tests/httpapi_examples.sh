#!/usr/bin/env bash
# The sample servers serve curl: http_server_v1/_v2 (GET, and a binary POST echoed byte-exact) and the
# thread pool one, http_server_threadpool (GETs, 8 at a time, each logged with the client's address); each
# exits after its --count of requests.
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
# the asynchronous server on the thread pool: 40 GETs, 8 at a time, then it stops by itself
p=$(port)
"$build/examples/http_server_threadpool" "$p" --count 40 > "$tmp/tp.log" < /dev/null &
pid=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && break; sleep 0.05; done
curl -s --no-progress-meter --max-time 20 --parallel --parallel-max 8 "http://127.0.0.1:$p/t/[1-40]" > "$tmp/tp.out"
check "threadpool: 40 answers" '[ "$(grep -c "Hey! You hit the server" "$tmp/tp.out")" = 40 ]'
for _ in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
check "threadpool server exits after --count" '! kill -0 $pid 2>/dev/null'
kill $pid 2>/dev/null; wait $pid 2>/dev/null
check "threadpool server logged the requests and the total" 'grep -q "Got a GET request for http://127.0.0.1:$p/t/40 from 127.0.0.1:[0-9]" "$tmp/tp.log" && grep -q "Served 40 requests" "$tmp/tp.log"'
echo "httpapi_examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
