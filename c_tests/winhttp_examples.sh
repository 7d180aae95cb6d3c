#!/usr/bin/env bash
# The WinHTTP example written as a Visual Studio C++ program, winhttp_post_auth.cpp (_tmain under _UNICODE),
# built by CMake (4-byte wchar_t, -lwinmain) and here again with -fshort-wchar (-lwinmain_w16), posts a file
# with a non-ASCII name to the authenticating server of the C tests (c_tests/support/winhttp_auth_server.py):
# Basic, Digest, a server offering Negotiate/NTLM/Basic (the first two refused here), wrong and missing
# credentials, a proxy asking for its own; missing files and folders stop it before any request.
set -u
src=${1:?source dir}; build=${2:?build dir}
libdir=${WINHTTPAPI_LIBDIR:-$src/target/release}
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else echo "FAIL: $1" >&2; failed=$((failed + 1)); fi; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tmp=$(mktemp -d)
p=$(port)
python3 "$src/c_tests/support/winhttp_auth_server.py" "$p" & spid=$!
trap 'kill $spid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null && break; sleep 0.05; done
if ! "${CXX:-c++}" -std=c++17 -Wall -Wextra -Werror -fshort-wchar -U_FORTIFY_SOURCE -I "$src/include" \
     "$src/examples/winhttp_post_auth.cpp" -L"$libdir" -lwinmain_w16 -lwinhttpapi -Wl,-rpath,"$libdir" \
     -o "$tmp/winhttp_post_auth_w16" 2> "$tmp/err"; then
  echo "FAIL: winhttp_post_auth.cpp did not build with -fshort-wchar"; head -20 "$tmp/err"; exit 1
fi
file=$'donn\xc3\xa9es \xf0\x9f\x98\x80.bin'
head -c 70000 /dev/urandom > "$tmp/$file"
url=http://127.0.0.1:$p
for prog in "$build/examples/winhttp_post_auth" "$tmp/winhttp_post_auth_w16"; do
  w=$(basename "$prog")
  run() { (cd "$tmp" && LC_ALL=C.UTF-8 timeout 30 "$prog" "$@") > "$tmp/out" 2>&1; echo $?; }
  rc=$(run "$url/basic" "$file" -u user:pwd)
  check "$w: Basic" '[ $rc = 0 ] && grep -qx "ok POST 70000 Basic dXNlcjpwd2Q=" "$tmp/out" && grep -q "answering with Basic" "$tmp/out"'
  rc=$(run "$url/digest256" "$file" -u user:pwd)
  check "$w: Digest" '[ $rc = 0 ] && grep -q "^ok POST 70000 Digest username=\"user\"" "$tmp/out"'
  rc=$(run "$url/multi" "$file" -u user:pwd)
  check "$w: Negotiate and NTLM refused, then Basic" '[ $rc = 0 ] && grep -q "^Negotiate is not available" "$tmp/out" && grep -q "^NTLM is not available" "$tmp/out" && grep -qx "ok POST 70000 Basic dXNlcjpwd2Q=" "$tmp/out"'
  rc=$(run "$url/basic" "$file" -u user:wrong)
  check "$w: wrong password: one retry, then the 401" '[ $rc = 1 ] && [ "$(grep -c "answering with Basic" "$tmp/out")" = 2 ] && grep -qx "Status 401 Unauthorized" "$tmp/out"'
  rc=$(run "$url/basic" "$file")
  check "$w: no credentials" '[ $rc = 1 ] && grep -q "No credentials for the server" "$tmp/out"'
  rc=$(run "$url/digest" "$file" -u user:pwd -x "127.0.0.1:$p" -xu proxyuser:proxypass)
  check "$w: proxy (Basic) then server (Digest)" '[ $rc = 0 ] && grep -q "The proxy asked for credentials; answering with Basic" "$tmp/out" && grep -q "^ok POST 70000 Digest" "$tmp/out"'
  rc=$(run "$url/open" "missing $file")
  check "$w: missing file" '[ $rc = 2 ] && grep -qx "Cannot find missing $file (no such file, error 2)." "$tmp/out"'
  rc=$(run "$url/open" "nodir/$file")
  check "$w: missing folder" '[ $rc = 2 ] && grep -qx "Cannot find nodir/$file (no such folder, error 3)." "$tmp/out"'
  rc=$(run "$url/open" ".")
  check "$w: a folder" '[ $rc = 2 ] && grep -qx ". is a folder, not a file." "$tmp/out"'
done
echo "winhttp_examples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
