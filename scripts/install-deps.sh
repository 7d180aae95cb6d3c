#!/usr/bin/env bash
# Installs the tools the tests and the demo need, when missing (a fresh machine has only the Rust
# toolchain, gcc and python3). Idempotent and quiet when everything is there.
set -euo pipefail
need=()
command -v cmake >/dev/null || need+=(cmake)
# curl with HTTP/2 (nghttp2), as Debian builds it: c_tests/httpapi_http2.c.
{ command -v curl >/dev/null && curl -V | grep -qw HTTP2; } || need+=(curl)
command -v nm >/dev/null || need+=(binutils)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v g++ >/dev/null || need+=(g++)
command -v openssl >/dev/null || need+=(openssl)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
# HTTP/2 peers of c_tests/httpapi_http2.c: Debian's python3-h2 and python3-grpcio (for Debian's python3, which
# a python3 earlier on PATH may hide), and h2load (nghttp2-client) for bench/server_h2.sh.
/usr/bin/python3 -c 'import h2' 2>/dev/null || need+=(python3-h2)
/usr/bin/python3 -c 'import grpc' 2>/dev/null || need+=(python3-grpcio)
command -v h2load >/dev/null || need+=(nghttp2-client)
[ -f /usr/include/x86_64-linux-gnu/curl/curl.h ] || [ -f /usr/include/curl/curl.h ] || need+=(libcurl4-openssl-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing: ${need[*]} (install them, or run as root so this script can)" >&2
    exit 1
  fi
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
