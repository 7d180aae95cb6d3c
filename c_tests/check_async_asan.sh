#!/usr/bin/env bash
# The WinHTTP asynchronous test under AddressSanitizer/LeakSanitizer: the C test (and its callbacks,
# which touch the buffers the library hands back) built with -fsanitize=address against the release
# library, running the close-during-each-pending-operation loop 1,000 times. Fails on any ASan
# report (use after free of a read buffer, double free) or leak, and on any failed check
# (double callback, HANDLE_CLOSING not last).
# usage: check_async_asan.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=${1:-${WINHTTPAPI_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}}
libdir=${WINHTTPAPI_LIBDIR:-$src/target/release}
work=$(mktemp -d)
trap 'rm -rf $work' EXIT
if ! echo 'int main(void){return 0;}' | cc -fsanitize=address -x c - -o $work/probe 2>/dev/null; then
  echo "SKIP: the C compiler cannot build with -fsanitize=address"
  exit 0
fi
cc -g -O1 -fsanitize=address -fno-omit-frame-pointer -I"$src/include" -I"$src/c_tests/support" \
  "$src/c_tests/winhttp_async.c" "$src/c_tests/support/test_support.c" "$src/c_tests/support/winhttp_support.c" \
  "$src/c_tests/support/winhttp_async_support.c" -L"$libdir" -lwinhttpapi -Wl,-rpath,"$libdir" -lpthread -o $work/winhttp_async_asan
cd "$src"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=23 WINHTTPAPI_SOURCE_DIR="$src" $work/winhttp_async_asan 1000 > $work/out 2>&1 || {
  rc=$?
  tail -60 $work/out
  echo "FAIL: winhttp_async under ASan/LSan exited $rc"
  exit 1
}
tail -3 $work/out
if grep -q 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer' $work/out; then
  grep -A30 'ERROR:' $work/out | head -60
  echo "FAIL: sanitizer report"
  exit 1
fi
echo "check_async_asan: ok (no ASan/LSan report, 1000 cancellation rounds)"
