#!/usr/bin/env bash
# C++ programs whose entry point is wmain (with argv, with envp, without parameters) or _tmain under
# _UNICODE, built with g++ and linked with -lwinmain in both wchar_t widths (libwinmain_w16 for
# -fshort-wchar), run with non-ASCII arguments (one outside the BMP) and environment.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
libdir=${WINHTTPAPI_LIBDIR:-$root/target/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
cxx=${CXX:-c++}
for width in 4 2; do
  if [ $width = 2 ]; then flags=(-fshort-wchar); winmain=winmain_w16; else flags=(); winmain=winmain; fi
  for prog in wmain_argv wmain_envp wmain_void tmain_unicode; do
    extra=()
    [ $prog = tmain_unicode ] && extra=(-DUNICODE -D_UNICODE)
    name="$prog (wchar_t $width bytes)"
    if ! "$cxx" -std=c++17 -Wall -Wextra -Werror "${flags[@]}" "${extra[@]}" -I "$root/include" \
         "$root/c_tests/cxx/$prog.cpp" -L"$libdir" -l$winmain -lwinhttpapi -Wl,-rpath,"$libdir" \
         -o "$work/$prog$width" 2> "$work/err"; then
      echo "FAIL: $name did not build"; head -20 "$work/err"; failed=$((failed + 1)); continue
    fi
    case $prog in
      wmain_envp) WINMAIN_TEST=$'\xc3\xa9t\xc3\xa9' "$work/$prog$width"; rc=$?; want=0 ;;
      wmain_void) "$work/$prog$width"; rc=$?; want=7 ;;
      *) "$work/$prog$width" $'h\xc3\xa9llo' $'\xf0\x9f\x98\x80'; rc=$?; want=0 ;;
    esac
    if [ $rc = $want ]; then passed=$((passed + 1)); else echo "FAIL: $name exited $rc, want $want"; failed=$((failed + 1)); fi
  done
done
echo "check_wmain_cxx: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
