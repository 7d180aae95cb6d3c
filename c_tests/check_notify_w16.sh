#!/usr/bin/env bash
# Builds c_tests/w16/notify_w16.c with -fshort-wchar (UTF-16 WCHAR) against the library and runs it.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
libdir=${WINHTTPAPI_LIBDIR:-$root/target/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! ${CC:-cc} -std=c11 -Wall -Wextra -Werror -fshort-wchar -I "$root/include" -o "$work/notify_w16" \
     "$root/c_tests/w16/notify_w16.c" -L"$libdir" -lwinhttpapi -Wl,-rpath,"$libdir"; then
  echo "check_notify_w16: 0 passed, 1 failed (did not compile)"
  exit 1
fi
"$work/notify_w16"
