#!/usr/bin/env bash
# The export manifest (exports/*.txt) matches what the library really exports, both ways, and every
# function the headers declare is exported (both wchar widths for winhttp.h / http.h).
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
lib=${WINHTTPAPI_LIBDIR:-$root/target/release}/libwinhttpapi.so
passed=0 failed=0
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }

[ -f "$lib" ] || { echo "no library at $lib"; echo "check_exports: 0 passed, 1 failed"; exit 1; }
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TWi]$/ {print $3}' | sort -u)
manifest=$(cat "$root"/exports/*.txt | awk 'NF {print $1}' | sort -u)
bad_status=$(cat "$root"/exports/*.txt | awk 'NF && $2 != "implemented" && $2 != "not-implemented" {print $1}')
[ -z "$bad_status" ] && ok || fail "bad status for: $bad_status"

missing=$(comm -23 <(echo "$manifest") <(echo "$exported"))
[ -z "$missing" ] && ok || fail "listed in exports/ but not exported: $(echo $missing)"
unlisted=$(comm -13 <(echo "$manifest") <(echo "$exported"))
[ -z "$unlisted" ] && ok || fail "exported but not listed in exports/: $(echo $unlisted)"

declared="$root/c_tests/headers/functions.txt"
if [ -f "$declared" ]; then
  while read -r header name; do
    [ -n "${name:-}" ] || continue
    if echo "$exported" | grep -qx "$name"; then ok; else fail "$header declares $name, not exported"; fi
    case "$header" in
      winhttp.h|http.h) twin="${name}_w16" ;;
      *) twin="" ;;
    esac
    if [ -n "$twin" ]; then
      if echo "$exported" | grep -qx "$twin"; then ok; else fail "$header: no -fshort-wchar twin $twin"; fi
    fi
  done < "$declared"
fi

total=$(echo "$manifest" | grep -c .)
impl=$(cat "$root"/exports/*.txt | awk '$2 == "implemented"' | wc -l)
echo "exports: $total in the manifest, $impl implemented, $((total - impl)) not implemented"
echo "check_exports: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
