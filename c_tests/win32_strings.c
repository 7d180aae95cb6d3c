/* Code pages, strings, heap, time conversions and messages: MultiByteToWideChar,
 * WideCharToMultiByte, lstrlenA/W, OutputDebugStringA/W, HeapAlloc/ReAlloc/Free, LocalAlloc/Free,
 * GlobalAlloc/Free, GetSystemTime(AsFileTime), SystemTimeToFileTime, FileTimeToSystemTime,
 * FormatMessageA/W. */
#include <windows.h>
#include <string.h>
#include <wchar.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "test_support.h"

/* Calls OutputDebugStringA/W (and with NULL) with stderr sent to a file; returns what they wrote there. */
static void debug_output_to(char *got, size_t size) {
    fflush(stderr);
    FILE *f = tmpfile();
    int saved = dup(2);
    if (!f || saved < 0) {
        snprintf(got, size, "(no temporary file)");
        return;
    }
    dup2(fileno(f), 2);
    OutputDebugStringA("win32_strings: A ");
    OutputDebugStringW(L"W\n");
    OutputDebugStringA(NULL);
    OutputDebugStringW(NULL);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(f);
    size_t n = fread(got, 1, size - 1, f);
    got[n] = 0;
    fclose(f);
}

static void check_debug_output(void) {
    const char *was = getenv("WINHTTPAPI_LOG");
    char *keep = was ? strdup(was) : NULL;
    char got[256];
    if (!keep) {
        /* With logging on from the start, the log's own lines go to stderr too: only the quiet case then. */
        debug_output_to(got, sizeof got);
        CHECK(got[0] == 0, "OutputDebugString without WINHTTPAPI_LOG writes nothing (wrote \"%s\")", got);
    }
    setenv("WINHTTPAPI_LOG", keep ? keep : "off", 1);
    debug_output_to(got, sizeof got);
    CHECK(strstr(got, "win32_strings: A W\n") != NULL, "OutputDebugString with WINHTTPAPI_LOG writes the text (wrote \"%s\")", got);
    if (keep) {
        free(keep);
    } else {
        unsetenv("WINHTTPAPI_LOG");
    }
}



struct mb_case { const char *what; UINT cp; DWORD flags; const char *in; int cb; int cch; int ret; DWORD err; };

int main(void) {
    /* MultiByteToWideChar, table-driven. cch -1 means "a big enough buffer". */
    static const struct mb_case mb[] = {
        {"utf8 with NUL (-1)", CP_UTF8, 0, "h\xc3\xa9llo", -1, -1, 6, 0},
        {"utf8 counted, no NUL", CP_UTF8, 0, "h\xc3\xa9llo", 6, -1, 5, 0},
        {"size query", CP_UTF8, 0, "h\xc3\xa9llo", -1, 0, 6, 0},
        {"ACP is UTF-8", CP_ACP, 0, "\xe2\x82\xac", -1, -1, 2, 0},
        {"small buffer", CP_UTF8, 0, "hello", -1, 3, 0, ERROR_INSUFFICIENT_BUFFER},
        {"cb 0", CP_UTF8, 0, "x", 0, -1, 0, ERROR_INVALID_PARAMETER},
        {"cb -2", CP_UTF8, 0, "x", -2, -1, 0, ERROR_INVALID_PARAMETER},
        {"invalid, replaced", CP_UTF8, 0, "a\xff" "b", 3, -1, 3, 0},
        {"invalid, strict", CP_UTF8, MB_ERR_INVALID_CHARS, "a\xff" "b", 3, -1, 0, ERROR_NO_UNICODE_TRANSLATION},
        {"bad flags for UTF-8", CP_UTF8, MB_PRECOMPOSED, "a", -1, -1, 0, ERROR_INVALID_FLAGS},
        {"unknown code page", 12345, 0, "a", -1, -1, 0, ERROR_INVALID_PARAMETER},
        {"NULL input", CP_UTF8, 0, NULL, -1, -1, 0, ERROR_INVALID_PARAMETER},
    };
    WCHAR w[64];
    for (size_t i = 0; i < sizeof mb / sizeof mb[0]; i++) {
        const struct mb_case *c = &mb[i];
        int cch = c->cch == -1 ? 64 : c->cch;
        SetLastError(0);
        int r = MultiByteToWideChar(c->cp, c->flags, c->in, c->cb, cch ? w : NULL, cch);
        printf("  MultiByteToWideChar %-22s -> %d (error %u)\n", c->what, r, GetLastError());
        CHECK(r == c->ret, "%s: returned %d, expected %d", c->what, r, c->ret);
        if (c->err) CHECK(GetLastError() == c->err, "%s: error %u, expected %u", c->what, GetLastError(), c->err);
    }
    MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9llo \xf0\x9f\x98\x80", -1, w, 64);
    CHECK(w[1] == 0xE9 && w[6] == 0x1F600 && w[7] == 0 && sizeof(WCHAR) == 4, "UTF-32 content incl. non-BMP");
    CHECK(MultiByteToWideChar(CP_UTF8, 0, "a\xff" "b", 3, w, 64) == 3 && w[1] == 0xFFFD, "U+FFFD replacement");
    CHECK_EQ(lstrlenW(L"h\x00e9llo"), 5, "lstrlenW");
    CHECK_EQ(lstrlenA("h\xc3\xa9llo"), 6, "lstrlenA (bytes)");
    CHECK_EQ(lstrlenA(NULL), 0, "lstrlenA NULL");
    CHECK_EQ(lstrlenW(NULL), 0, "lstrlenW NULL");

    /* WideCharToMultiByte. */
    char s[64];
    CHECK_EQ(WideCharToMultiByte(CP_UTF8, 0, L"h\x00e9\x1F600", -1, NULL, 0, NULL, NULL), 8, "size query with NUL");
    CHECK_EQ(WideCharToMultiByte(CP_UTF8, 0, L"h\x00e9\x1F600", -1, s, sizeof s, NULL, NULL), 8, "convert with NUL");
    CHECK(strcmp(s, "h\xc3\xa9\xf0\x9f\x98\x80") == 0, "UTF-8 content");
    CHECK_EQ(WideCharToMultiByte(CP_UTF8, 0, L"abc", 2, s, sizeof s, NULL, NULL), 2, "counted, no NUL");
    SetLastError(0);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"abcdef", -1, s, 3, NULL, NULL) == 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "small buffer");
    BOOL used = TRUE;
    SetLastError(0);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"a", -1, s, sizeof s, "?", NULL) == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "CP_UTF8 with default char");
    SetLastError(0);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"a", -1, s, sizeof s, NULL, &used) == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "CP_UTF8 with used-default flag");
    CHECK(WideCharToMultiByte(CP_ACP, 0, L"a", -1, s, sizeof s, NULL, &used) == 2 && used == FALSE, "ACP sets lpUsedDefaultChar FALSE");
    WCHAR bad[] = {L'a', (WCHAR)0xD800, L'b', 0};
    CHECK_EQ(WideCharToMultiByte(CP_UTF8, 0, bad, -1, s, sizeof s, NULL, NULL), 6, "lone surrogate replaced");
    SetLastError(0);
    CHECK(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, bad, -1, s, sizeof s, NULL, NULL) == 0 && GetLastError() == ERROR_NO_UNICODE_TRANSLATION, "lone surrogate strict");
    SetLastError(0);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"a", 0, s, sizeof s, NULL, NULL) == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "cch 0");
    SetLastError(0);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, NULL, -1, s, sizeof s, NULL, NULL) == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "NULL input");
    SetLastError(0);
    CHECK(WideCharToMultiByte(CP_UTF8, 0, L"a", -1, NULL, 5, NULL, NULL) == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "NULL output with size");

    /* Debug output: nothing unless WINHTTPAPI_LOG is set, then the text on stderr; NULL is ignored. */
    check_debug_output();

    /* Heap. */
    HANDLE heap = GetProcessHeap();
    CHECK(heap != NULL, "GetProcessHeap");
    unsigned char *m = HeapAlloc(heap, HEAP_ZERO_MEMORY, 100);
    int zero = 1;
    for (int i = 0; i < 100; i++) zero &= m[i] == 0;
    CHECK(m && zero, "HEAP_ZERO_MEMORY");
    CHECK_EQ(HeapSize(heap, 0, m), 100, "HeapSize");
    memset(m, 0xAB, 100);
    m = HeapReAlloc(heap, HEAP_ZERO_MEMORY, m, 5000);
    int tail_zero = 1;
    for (int i = 100; i < 5000; i++) tail_zero &= m[i] == 0;
    CHECK(m && m[99] == 0xAB && tail_zero, "HeapReAlloc keeps data, zeroes the tail");
    CHECK(HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, m, 10) == m, "shrink in place");
    CHECK(HeapReAlloc(heap, HEAP_REALLOC_IN_PLACE_ONLY, m, 1 << 20) == NULL, "grow in place fails");
    CHECK(HeapFree(heap, 0, m), "HeapFree");
    CHECK(HeapFree(heap, 0, NULL), "HeapFree NULL");
    void *z = HeapAlloc(heap, 0, 0);
    CHECK(z != NULL && HeapFree(heap, 0, z), "zero-size block");
    CHECK(HeapAlloc(heap, 0, (SIZE_T)-1) == NULL, "huge allocation fails");
    void *l = LocalAlloc(LPTR, 32);
    CHECK(l && ((char *)l)[31] == 0, "LocalAlloc LPTR");
    CHECK(LocalFree(l) == NULL, "LocalFree");
    CHECK(LocalFree(NULL) == NULL, "LocalFree NULL");
    void *g = GlobalAlloc(GPTR, 16);
    CHECK(g != NULL && GlobalFree(g) == NULL, "GlobalAlloc/GlobalFree");
    l = LocalAlloc(LMEM_FIXED, 8);
    CHECK(HeapFree(heap, 0, l), "a Local block freed by HeapFree");

    /* Times. */
    SYSTEMTIME st;
    FILETIME ft, ft2;
    GetSystemTime(&st);
    GetSystemTimeAsFileTime(&ft);
    CHECK(st.wYear >= 2024 && st.wMonth >= 1 && st.wMonth <= 12, "GetSystemTime");
    SYSTEMTIME back;
    CHECK(FileTimeToSystemTime(&ft, &back) && back.wYear == st.wYear, "FileTimeToSystemTime now");
    SYSTEMTIME epoch = {1970, 1, 0, 1, 0, 0, 0, 0};
    CHECK(SystemTimeToFileTime(&epoch, &ft2), "SystemTimeToFileTime");
    ULONGLONG v = ((ULONGLONG)ft2.dwHighDateTime << 32) | ft2.dwLowDateTime;
    CHECK(v == 116444736000000000ULL, "1970 as FILETIME");
    SYSTEMTIME leap = {2024, 2, 0, 29, 12, 34, 56, 789};
    CHECK(SystemTimeToFileTime(&leap, &ft2) && FileTimeToSystemTime(&ft2, &back), "round trip");
    CHECK(back.wYear == 2024 && back.wMonth == 2 && back.wDay == 29 && back.wHour == 12 && back.wMinute == 34 &&
              back.wSecond == 56 && back.wMilliseconds == 789 && back.wDayOfWeek == 4, "round trip fields");
    SYSTEMTIME badst = {2023, 2, 0, 29, 0, 0, 0, 0};
    SetLastError(0);
    CHECK(!SystemTimeToFileTime(&badst, &ft2) && GetLastError() == ERROR_INVALID_PARAMETER, "Feb 29 2023");
    FILETIME huge = {0, 0x80000000u};
    SetLastError(0);
    CHECK(!FileTimeToSystemTime(&huge, &back) && GetLastError() == ERROR_INVALID_PARAMETER, "FILETIME top bit");
    SetLastError(0);
    CHECK(!SystemTimeToFileTime(NULL, &ft2) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL SYSTEMTIME");

    /* FormatMessage. */
    char *msg = NULL;
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS,
                             NULL, ERROR_FILE_NOT_FOUND, 0, (LPSTR)&msg, 0, NULL);
    CHECK(n > 0 && msg && strcmp(msg, "The system cannot find the file specified.\r\n") == 0 && n == strlen(msg), "FormatMessageA allocated");
    CHECK(LocalFree(msg) == NULL, "LocalFree of the message");
    char fixed[256];
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_ACCESS_DENIED, MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), fixed, sizeof fixed, NULL);
    CHECK(n == 19 && strcmp(fixed, "Access is denied.\r\n") == 0, "FormatMessageA fixed buffer");
    SetLastError(0);
    CHECK(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, 0, fixed, 5, NULL) == 0 && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "small buffer");
    SetLastError(0);
    CHECK(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, 0x7654321, 0, fixed, sizeof fixed, NULL) == 0 && GetLastError() == ERROR_MR_MID_NOT_FOUND, "unknown id");
    WCHAR *wmsg = NULL;
    HMODULE winhttp = GetModuleHandleW(L"winhttp.dll");
    n = FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS, winhttp,
                       ERROR_WINHTTP_TIMEOUT, 0, (LPWSTR)&wmsg, 0, NULL);
    CHECK(n > 0 && wmsg && wcscmp(wmsg, L"The operation timed out\r\n") == 0, "FormatMessageW WinHTTP code from winhttp.dll");
    LocalFree(wmsg);
    WCHAR wfixed[256];
    n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_IGNORE_INSERTS, winhttp, ERROR_WINHTTP_CANNOT_CONNECT, 0, wfixed, 256, NULL);
    CHECK(n > 2 && wfixed[n - 2] == L'\r' && wfixed[n - 1] == L'\n', "ends with CRLF");
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS | FORMAT_MESSAGE_MAX_WIDTH_MASK, NULL, ERROR_INVALID_HANDLE, 0, fixed, sizeof fixed, NULL);
    CHECK(n > 0 && strcmp(fixed, "The handle is invalid.") == 0, "MAX_WIDTH_MASK drops the line end");
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_IGNORE_INSERTS, "100%% of %1%n", 0, 0, fixed, sizeof fixed, NULL);
    CHECK(n > 0 && strcmp(fixed, "100% of %1\r\n") == 0, "FROM_STRING escapes: %s", fixed);
    SetLastError(0);
    CHECK(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, 0, NULL, 0, NULL) == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "NULL buffer");
    SetLastError(0);
    CHECK(FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, ERROR_ACCESS_DENIED, MAKELANGID(0x0c, SUBLANG_DEFAULT) /* LANG_FRENCH */, fixed, sizeof fixed, NULL) == 0, "French is not available");

    /* Every code the library returns has a message. */
    static const DWORD codes[] = {0, 1, 2, 3, 5, 6, 8, 13, 14, 31, 38, 50, 64, 80, 87, 109, 120, 122, 126, 127, 183, 234, 258, 259,
                                  735, 995, 996, 997, 998, 1004, 1113, 1168, 1229, 1236, 1359, 1460, 12001, 12002, 12004, 12005,
                                  12006, 12007, 12017, 12018, 12019, 12029, 12030, 12150, 12152, 12175};
    int all = 1;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, codes[i], 0, fixed, sizeof fixed, NULL);
        if (n < 3 || fixed[n - 1] != '\n') { all = 0; printf("  no message for %u\n", codes[i]); }
    }
    CHECK(all, "messages for every code");
    return ts_finish("win32_strings");
}
