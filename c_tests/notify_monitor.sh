#!/usr/bin/env bash
# examples/preload/notify_monitor.so, preloaded into the unchanged sample server (examples/http_server_v2),
# prints the server's events one per line: its queue and prefix, each connection and request, the end.
set -u
src=${1:?source dir}; build=${2:?build dir}
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; failed=$((failed + 1)); fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mon=$build/examples/notify_monitor.so
server=$build/examples/http_server_v2
check "monitor built" '[ -f "$mon" ] && [ -x "$server" ]'
p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
NOTIFY_MONITOR_OUT="$tmp/events" LD_PRELOAD="$mon" "$server" "$p" --count 2 > "$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && break; sleep 0.05; done
curl -s --max-time 10 "http://127.0.0.1:$p/one" > /dev/null
curl -s --max-time 10 "http://127.0.0.1:$p/two" > /dev/null
for _ in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
check "server exits after --count 2" '! kill -0 $pid 2>/dev/null'
kill $pid 2>/dev/null; wait $pid 2>/dev/null
cat "$tmp/events"
ev() { awk '{print $2}' "$tmp/events" | grep -cx "$1"; }
check "one line per event: time, event, name" '! grep -qvE "^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} [a-z0-9-]+( +[^ ]+)?$" "$tmp/events"'
check "queue-created first" '[ "$(head -1 "$tmp/events" | awk "{print \$2}")" = queue-created ]'
check "url-added with the prefix" 'grep -qE " url-added +http://\+:$p/$" "$tmp/events"'
check "three connections opened (the port probe and two requests)" '[ "$(ev connection-opened)" = 3 ]'
check "two requests received" '[ "$(ev request-received)" = 2 ]'
check "url-removed and queue-closed at the end" '[ "$(ev url-removed)" = 1 ] && [ "$(ev queue-closed)" = 1 ]'
check "a request names its connection" 'c=$(awk "\$2 == \"request-received\" {print \$3; exit}" "$tmp/events"); grep -qE " connection-opened +$c$" "$tmp/events"'
echo "notify_monitor: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
