#!/usr/bin/env bash
# Builds c_tests/winhttp_security_info.c with -fshort-wchar (UTF-16 WCHAR: SecPkgContext_CipherInfo in
# Windows' 680-byte layout, the _w16 entry points) against the library and runs it.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
libdir=${WINHTTPAPI_LIBDIR:-$root/target/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! ${CC:-cc} -std=c11 -Wall -Wextra -Werror -fshort-wchar -I "$root/include" -I "$root/c_tests/support" \
     -o "$work/winhttp_security_w16" "$root/c_tests/winhttp_security_info.c" "$root/c_tests/support/test_support.c" \
     -L"$libdir" -lwinhttpapi -lpthread -Wl,-rpath,"$libdir"; then
  echo "check_winhttp_security_w16: 0 passed, 1 failed (did not compile)"
  exit 1
fi
WINHTTPAPI_SOURCE_DIR=${WINHTTPAPI_SOURCE_DIR:-$root} "$work/winhttp_security_w16"
