#!/usr/bin/env bash
# `cmake --install` gives a user what the README promises: the library under its three names, the headers,
# pkg-config files and a CMake package. A Windows-style program is built against the installed copy both
# ways (pkg-config, find_package) and runs.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
build=${2:-$root/build}
passed=0 failed=0
check() { if "$@" >/dev/null 2>"$tmp/err"; then passed=$((passed + 1)); echo "ok   $*"; else failed=$((failed + 1)); echo "FAIL $*"; cat "$tmp/err"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

check cmake --install "$build" --prefix "$prefix"
for f in lib/libwinhttpapi.so lib/libwinhttp.so lib/libhttpapi.so include/winhttpapi/windows.h \
         include/winhttpapi/winhttp.h include/winhttpapi/http.h lib/pkgconfig/winhttp.pc lib/pkgconfig/httpapi.pc \
         lib/cmake/winhttpapi/winhttpapiConfig.cmake; do
  check test -e "$prefix/$f"
done

cat > "$tmp/prog.c" <<'C'
#include <windows.h>
#include <winhttp.h>
#include <http.h>
#include <stdio.h>
int main(void) {
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, L"");
    ULONG rc = HttpInitialize(v, HTTP_INITIALIZE_SERVER, NULL);
    BOOL platform = WinHttpCheckPlatform();
    printf("event %p, HttpInitialize %u, WinHttpCheckPlatform %d\n", ev, rc, platform);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return ev && rc == NO_ERROR && platform ? 0 : 1;
}
C
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
check pkg-config --exists winhttp httpapi
flags=$(pkg-config --cflags --libs winhttp httpapi 2>/dev/null)
check cc -std=c11 -Wall -Wextra -Werror "$tmp/prog.c" -o "$tmp/prog_pc" $flags -Wl,-rpath,"$prefix/lib"
check "$tmp/prog_pc"

mkdir -p "$tmp/cm"
cp "$tmp/prog.c" "$tmp/cm/prog.c"
cat > "$tmp/cm/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.16)
project(user_program C)
find_package(winhttpapi REQUIRED)
add_executable(prog prog.c)
target_link_libraries(prog PRIVATE winhttpapi::winhttpapi)
CM
check cmake -S "$tmp/cm" -B "$tmp/cm/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_RPATH="$prefix/lib"
check cmake --build "$tmp/cm/build"
check "$tmp/cm/build/prog"
# The program names the library by its soname, so it loads the one library whichever name it linked.
check sh -c "readelf -d '$tmp/prog_pc' | grep -q 'NEEDED.*libwinhttpapi.so'"

echo "check_install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
