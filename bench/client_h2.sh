#!/usr/bin/env bash
# WinHTTP over HTTP/2 vs libcurl multi over HTTP/2, same run, same nginx (ssl http2) on loopback:
# TOTAL (default 10,000) GETs of a small body, CONC (default 100) in flight, each client multiplexing
# all of them on ONE connection. Target: WinHTTP's rate >= libcurl's (1.0x). bench/client_async.sh
# with H2=1 (same method: warm-up, REPS alternating runs, medians, pinned unless PIN=0).
# usage: [REPS=7] [PIN=1] [WINHTTP_LIBDIR=dir] bench/client_h2.sh [TOTAL] [CONC]
H2=1 exec bash "$(dirname "$0")/client_async.sh" "${1:-10000}" "${2:-100}"
