#!/usr/bin/env bash
# Builds the library and the examples, then runs examples/demo.c: an http.sys server answering a WinHTTP
# client, both written against the Windows headers, in one process on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target example_demo
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
exec ./build/examples/demo "$port"
