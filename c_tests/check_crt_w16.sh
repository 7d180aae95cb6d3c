#!/usr/bin/env bash
# The wide C functions in -fshort-wchar programs: c_tests/w16/crt_w16.c (C11) and crt_w16.cpp (C++17, with
# <cwchar> before and after windows.h), built against the library and run. Also: a program built with
# _FORTIFY_SOURCE is refused at compile time with the explanation (glibc's fortified wrappers read 32-bit
# wchar_t).
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
libdir=${WINHTTPAPI_LIBDIR:-$root/target/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
flags=(-Wall -Wextra -Werror -fshort-wchar -I "$root/include" -L"$libdir" -lwinhttpapi -Wl,-rpath,"$libdir")
run() { # name, compiler and arguments...
  local name=$1; shift
  if ! "$@" -o "$work/$name" 2> "$work/err"; then
    echo "FAIL: $name did not compile"; head -20 "$work/err"; failed=$((failed + 1)); return
  fi
  if "$work/$name"; then passed=$((passed + 1)); else echo "FAIL: $name"; failed=$((failed + 1)); fi
}
run crt_w16_c ${CC:-cc} -std=c11 "$root/c_tests/w16/crt_w16.c" "${flags[@]}"
run crt_w16_cxx ${CXX:-c++} -std=c++17 "$root/c_tests/w16/crt_w16.cpp" "${flags[@]}"
run crt_w16_cxx_windows_first ${CXX:-c++} -std=c++17 -DWINDOWS_FIRST "$root/c_tests/w16/crt_w16.cpp" "${flags[@]}"
printf '#include <wchar.h>\n#include <windows.h>\nint main(void) { return (int)wcslen(L"a"); }\n' > "$work/fortify.c"
if ${CC:-cc} -O2 -D_FORTIFY_SOURCE=2 -fshort-wchar -I "$root/include" -c "$work/fortify.c" -o "$work/f.o" 2> "$work/err"; then
  echo "FAIL: a fortified -fshort-wchar build was accepted"; failed=$((failed + 1))
elif grep -q "_FORTIFY_SOURCE" "$work/err"; then
  passed=$((passed + 1))
else
  echo "FAIL: fortified build refused for another reason"; head -5 "$work/err"; failed=$((failed + 1))
fi
echo "check_crt_w16: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
