#!/usr/bin/env bash
# Interposition: a program linked against another library that exports Win32 names (a stub where
# every call fails) uses ours when started with LD_PRELOAD=libwinhttpapi.so. Also checks that our
# exports carry default visibility and no symbol version that would block interposition.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
libdir=${WINHTTPAPI_LIBDIR:-$root/target/release}
lib=$libdir/libwinhttpapi.so
cc=${CC:-cc}
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
finish() { echo "check_ldpreload: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

[ -f "$lib" ] || { fail "no library at $lib"; finish; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if "$cc" -std=c11 -Wall -Wextra -Werror -shared -fPIC -I "$root/include" -o "$work/libwinstub.so" "$root/c_tests/ldpreload/stub.c"; then
  ok "stub library built"
else
  fail "stub library did not build"; finish
fi
if "$cc" -std=c11 -Wall -Wextra -Werror -I "$root/include" -o "$work/prog" "$root/c_tests/ldpreload/prog.c" \
     -L"$work" -lwinstub -Wl,-rpath,"$work"; then
  ok "program linked against the stub"
else
  fail "program did not link"; finish
fi

if "$work/prog" >"$work/out1" 2>&1; then
  fail "program succeeded against the stub (the stub should fail every call)"
else
  ok "program fails against the stub: $(tail -1 "$work/out1")"
fi
if LD_PRELOAD="$lib" "$work/prog" >"$work/out2" 2>&1; then
  ok "program succeeds with LD_PRELOAD=libwinhttpapi.so: $(tail -1 "$work/out2")"
else
  fail "program fails with LD_PRELOAD: $(cat "$work/out2")"
fi

# Every exported function is a plain, unversioned, default-visibility symbol.
versioned=$(readelf -W --dyn-syms "$lib" | awk '$4 == "FUNC" && $7 != "UND" && $8 ~ /@/ {print $8}' | grep -v -E '^(__|_)' | head -5)
[ -z "$versioned" ] && ok "no symbol versions on exports" || fail "versioned exports: $versioned"
hidden=$(readelf -W --dyn-syms "$lib" | awk '$4 == "FUNC" && $7 != "UND" && $6 != "DEFAULT" {print $8}' | head -5)
[ -z "$hidden" ] && ok "all exports have default visibility" || fail "non-default visibility: $hidden"
finish
