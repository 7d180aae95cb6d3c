// C++ in -fshort-wchar mode (built by check_crt_w16.sh, both include orders): std:: names from <cwchar> and
// <cstring>, glibc's const-correct overloads, and MSVC's array overloads.
#ifdef WINDOWS_FIRST
#include <windows.h>
#include <cwchar>
#include <string>
#else
#include <cwchar>
#include <string>
#include <windows.h>
#endif
#include <cstdio>

static int passed, failed;
#define CHECK(c, what) do { if (c) passed++; else { failed++; std::printf("FAIL: %s (line %d)\n", what, __LINE__); } } while (0)

int main() {
    static_assert(sizeof(wchar_t) == 2, "2-byte wchar_t");
    const wchar_t *s = L"name=\u00e9t\u00e9";
    CHECK(std::wcslen(s) == 8 && ::wcslen(s) == 8, "std::wcslen and ::wcslen");
    CHECK(std::wcscmp(L"a", L"b") < 0 && std::wcsncmp(L"ab", L"ac", 1) == 0, "std::wcscmp");
    const wchar_t *eq = std::wcschr(s, L'=');
    wchar_t buf[32];
    std::wcscpy(buf, s);
    wchar_t *eq2 = std::wcschr(buf, L'=');
    CHECK(eq == s + 4 && eq2 == buf + 4, "std::wcschr, both overloads");
    CHECK(std::wcsstr(s, L"\u00e9t") == s + 5 && std::wcsrchr(s, L't') == s + 6, "std::wcsstr / std::wcsrchr");
    CHECK(std::swprintf(buf, 32, L"%s-%d", L"x", 3) == 3 && std::wcscmp(buf, L"x-3") == 0, "std::swprintf");
    CHECK(std::wcstol(L"-12", nullptr, 10) == -12, "std::wcstol");
    // std::wstring is not usable in this mode: libstdc++ compiles its members (find, compare ...) once,
    // for 4-byte wchar_t (docs/porting.md). Its inline length() reaches wcslen_w16:
    std::wstring w = L"Hello, \u00e9";
    CHECK(w.size() == 8, "std::wstring's inline length");
    wchar_t arr[8];
    CHECK(wcscpy_s(arr, L"abc") == 0 && swprintf_s(arr, L"%d", 12345) == 5 && std::wcscmp(arr, L"12345") == 0, "MSVC array overloads");
    CHECK(_snwprintf_s(arr, _TRUNCATE, L"%s", L"0123456789") == -1 && std::wcslen(arr) == 7, "_snwprintf_s array overload truncates");
    char narrow[8];
    CHECK(strcpy_s(narrow, "ok") == 0 && sprintf_s(narrow, "%S", L"w") == 1, "narrow array overloads");
    CHECK(_wcsicmp(L"ABC", L"abc") == 0, "_wcsicmp");
    std::printf("crt_w16 (C++): %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
