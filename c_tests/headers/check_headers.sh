#!/usr/bin/env bash
# The headers in include/ compile for Windows code unchanged: every header alone and all together (both
# orders), as C (c99, c11, c17) and C++ (c++11, c++14, c++17), with normal and 16-bit (-fshort-wchar)
# wchar_t, under -Wall -Wextra -Werror -pedantic; the sample Windows program likewise, with and without
# UNICODE; strsafe.h's functions run and behave as documented. Then: a call to each function reaches the symbol the library exports (the _w16 twin under
# -fshort-wchar), c_tests/headers/functions.txt lists exactly the declared functions, and
# c_tests/layout_check.c passes in both widths. Usage: check_headers.sh [repo-root]
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
inc="$root/include"
here="$root/c_tests/headers"
CC=${CC:-gcc}
CXX=${CXX:-g++}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

warn=(-Wall -Wextra -Werror -pedantic)
c_stds=(c99 c11 c17)
cxx_stds=(c++11 c++14 c++17)
widths=("" "-fshort-wchar")
headers=(windows.h winhttp.h http.h httpnotify.h tchar.h strsafe.h Windows.h WinHttp.h Http.h Strsafe.h winerror.h winbase.h
         minwinbase.h minwindef.h windef.h winnt.h basetsd.h sal.h handleapi.h synchapi.h ioapiset.h
         errhandlingapi.h processthreadsapi.h corecrt.h conio.h threadpoolapiset.h winsock2.h ws2tcpip.h winsock.h
         sspi.h security.h Security.h schannel.h wincrypt.h)

# one translation unit per header, plus all of them in both orders
tus=()
for h in "${headers[@]}"; do
  f="$tmp/alone_${h%.h}.c"
  printf '#include <%s>\n#include <%s>\nint main(void) { return 0; }\n' "$h" "$h" > "$f"   # twice: guards
  tus+=("$f")
done
{ for h in "${headers[@]}"; do echo "#include <$h>"; done; echo 'int main(void) { return 0; }'; } > "$tmp/all_forward.c"
{ for ((i = ${#headers[@]} - 1; i >= 0; i--)); do echo "#include <${headers[i]}>"; done
  echo 'int main(void) { return 0; }'; } > "$tmp/all_reverse.c"
# system headers around ours, both sides: no name clashes with glibc
cat > "$tmp/with_libc.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <math.h>
#include <errno.h>
#include <time.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <pthread.h>
#include <unistd.h>
#include <http.h>
#include <httpnotify.h>
#include <winhttp.h>
#include <strsafe.h>
#include <tchar.h>
#include <conio.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <sspi.h>
#include <signal.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <poll.h>
#include <limits.h>
#include <stdint.h>
#include <inttypes.h>
int main(void) { return 0; }
EOF
{ echo '#define _GNU_SOURCE 1'; cat "$tmp/with_libc.c"; } > "$tmp/with_libc_gnu.c"
tus+=("$tmp/all_forward.c" "$tmp/all_reverse.c" "$tmp/with_libc.c" "$tmp/with_libc_gnu.c")
cat > "$tmp/with_libstdcxx.cpp" <<'EOF'
#include <windows.h>
#include <winhttp.h>
#include <http.h>
#include <httpnotify.h>
#include <strsafe.h>
#include <tchar.h>
#include <conio.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <sspi.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>
#include <cwchar>
#include <cstring>
#include <cstdlib>
int main() { return std::min(0, 1) + std::max(0, 0) + (int)std::wcslen(L"") + (int)std::strlen(""); }
EOF

compile_c() { "$CC" -std="$1" $2 "${warn[@]}" $3 -I"$inc" -c "$4" -o "$tmp/out.o" 2> "$tmp/err"; }
compile_cxx() { "$CXX" -std="$1" $2 "${warn[@]}" $3 -I"$inc" -x c++ -c "$4" -o "$tmp/out.o" 2> "$tmp/err"; }
check() { # lang std width defines file
  local what="$1 -std=$2 ${3:-} ${4:-} $(basename "$5")"
  if "compile_$1" "$2" "$3" "$4" "$5"; then ok; echo "ok   $what"; else fail "$what"; head -20 "$tmp/err"; fi
}

for w in "${widths[@]}"; do
  for s in "${c_stds[@]}"; do
    for f in "${tus[@]}"; do check c "$s" "$w" "" "$f"; done
    for d in "" "-DUNICODE -D_UNICODE"; do check c "$s" "$w" "$d" "$here/windows_program.c"; done
  done
  for s in "${cxx_stds[@]}"; do
    for f in "${tus[@]}" "$tmp/with_libstdcxx.cpp"; do check cxx "$s" "$w" "" "$f"; done
    for d in "" "-DUNICODE -D_UNICODE"; do check cxx "$s" "$w" "$d" "$here/windows_program.c"; done
  done
done

# functions.txt lists exactly the functions the headers declare (not the static inline ones), plus the
# _w16 twins of the headers that list them (all but winhttp.h and http.h, where every function has one):
# those the headers rename to (`#define X X_w16`) and the glibc functions corecrt.h redirects by assembler
# name (WINHTTPAPI_W16(x) -> x_w16). Kernel32 style functions are marked WINAPI, Winsock ones WSAAPI, C
# runtime ones __cdecl.
api_headers=(windows.h winhttp.h http.h httpnotify.h corecrt.h conio.h threadpoolapiset.h winsock2.h ws2tcpip.h wincrypt.h)
expected_list() {
  for h in "${api_headers[@]}"; do
    grep -oE '(WINAPI|WSAAPI|__cdecl) [A-Za-z0-9_]+\(' "$inc/$h" | sed -E 's/(WINAPI|WSAAPI|__cdecl) //; s/\(//' | awk -v h="$h" '{print h " " $1}'
    case "$h" in winhttp.h|http.h) ;; *) sed -n '/^#ifdef WINHTTPAPI_SHORT_WCHAR/,/^#endif/p' "$inc/$h" | awk -v h="$h" '/^#define [A-Za-z0-9_]+ [A-Za-z0-9_]+_w16$/ {print h " " $3}' ;; esac
    grep -oE 'WINHTTPAPI_W16(_NT)?\([A-Za-z0-9_]+\);' "$inc/$h" | sed -E 's/.*\(([A-Za-z0-9_]+)\);/\1_w16/' | sort -u | awk -v h="$h" '{print h " " $1}'
  done
}
if diff <(expected_list | sort) <(sort "$here/functions.txt") > "$tmp/diff"; then
  ok; echo "ok   functions.txt matches the headers ($(grep -c . "$here/functions.txt") lines)"
else
  fail "functions.txt differs from the headers (< headers, > functions.txt):"; cat "$tmp/diff"
fi

# Each declared function, called through the headers, needs the symbol the library must export.
names=$(awk '$2 !~ /_w16$/ {print $2}' "$here/functions.txt")
{
  for h in "${api_headers[@]}"; do echo "#include <$h>"; done
  echo 'typedef void (*fn)(void);'
  echo 'fn table[] = {'
  for n in $names; do echo "    (fn)$n,"; done
  echo '};'
  echo 'int main(void) { return table[0] == 0; }'
} > "$tmp/symbols.c"
for w in "" "-fshort-wchar"; do
  if ! "$CC" -std=c11 $w -Wall -Wextra -Werror -I"$inc" -c "$tmp/symbols.c" -o "$tmp/symbols.o" 2> "$tmp/err"; then
    fail "symbols.c $w"; head -20 "$tmp/err"; continue
  fi
  nm -u "$tmp/symbols.o" | awk '{print $2}' | sort > "$tmp/got"
  while read -r h n; do
    case "$n" in *_w16) continue ;; esac
    if [ -n "$w" ] && { [ "$h" = winhttp.h ] || [ "$h" = http.h ] || grep -qx "$h ${n}_w16" "$here/functions.txt"; }; then
      echo "${n}_w16"
    else
      echo "$n"
    fi
  done < "$here/functions.txt" | sort > "$tmp/want"
  if diff "$tmp/want" "$tmp/got" > "$tmp/diff"; then
    ok; echo "ok   symbols called ${w:-(wchar_t 4 bytes)}: $(wc -l < "$tmp/want") names as exported"
  else
    fail "symbols ${w}: (< expected, > referenced)"; cat "$tmp/diff"
  fi
done

# strsafe.h at run time, C and C++, both widths
for w in "" "-fshort-wchar"; do
  for lang in c99 c11 c++11 c++17; do
    what="strsafe_run -std=$lang ${w}"
    case $lang in c++*) cc=("$CXX" -x c++) ;; *) cc=("$CC") ;; esac
    if "${cc[@]}" -std="$lang" $w "${warn[@]}" -I"$inc" "$here/strsafe_run.c" -o "$tmp/strsafe" 2> "$tmp/err" \
       && "$tmp/strsafe" > "$tmp/out"; then
      ok; echo "ok   $what: $(tail -n 1 "$tmp/out")"
    else
      fail "$what"; head -20 "$tmp/err"; cat "$tmp/out" 2> /dev/null
    fi
  done
done

# struct layouts and constants, in both wchar_t widths and both C11/C17
for w in "" "-fshort-wchar"; do
  for s in c11 c17; do
    what="layout_check -std=$s ${w}"
    if "$CC" -std="$s" $w "${warn[@]}" -I"$inc" "$root/c_tests/layout_check.c" -o "$tmp/layout" 2> "$tmp/err" \
       && "$tmp/layout" > "$tmp/out"; then
      ok; echo "ok   $what: $(tail -n 1 "$tmp/out")"
    else
      fail "$what"; head -20 "$tmp/err"; cat "$tmp/out" 2> /dev/null
    fi
  done
done

# the C++ (derived-struct) forms of the V2 structs keep the layout
for w in "" "-fshort-wchar"; do
  for s in c++11 c++17; do
    what="layout_cxx -std=$s ${w}"
    if "$CXX" -std="$s" $w "${warn[@]}" -Wno-invalid-offsetof -I"$inc" "$here/layout_cxx.cpp" -o "$tmp/lcxx" \
       2> "$tmp/err" && "$tmp/lcxx"; then
      ok; echo "ok   $what"
    else
      fail "$what"; head -20 "$tmp/err"
    fi
  done
done

echo "check_headers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
