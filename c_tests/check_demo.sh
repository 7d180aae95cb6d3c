#!/usr/bin/env bash
# The README's demo (examples/demo.c: an http.sys server answering a WinHTTP client) runs and says ok.
set -u
build=${2:-$(cd "$(dirname "$0")/.." && pwd)/build}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
out=$(timeout 30 "$build/examples/demo" "$port" 2>&1)
echo "$out"
if echo "$out" | grep -qx "demo: ok" && echo "$out" | grep -q "POST /demo/echo -> 200: the same bytes come back"; then
  echo "check_demo: 1 passed, 0 failed"
else
  echo "check_demo: 0 passed, 1 failed"
  exit 1
fi
