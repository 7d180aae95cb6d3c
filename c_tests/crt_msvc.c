/* The MSVC C runtime functions of corecrt.h as Windows programs use them, with the truncation and error
 * returns the MSVC documentation (and the UCRT) give: each table row is a call, what it returns, errno,
 * whether the invalid parameter handler ran, and the buffer afterwards. Also: the default handler ends the
 * process (checked in a child), ASCII-only case folding, Windows' %s/%S meanings, _itoa radices, _wfopen. */
#include <windows.h>
#include <tchar.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test_support.h"

static int handler_calls;
static void __cdecl count_handler(const wchar_t *expr, const wchar_t *func, const wchar_t *file, unsigned int line,
                                  uintptr_t reserved) {
    handler_calls++;
    CHECK(expr == NULL && func == NULL && file == NULL && line == 0 && reserved == 0, "release-runtime handler arguments");
}

/* One expectation: the return value, errno afterwards (-1: untouched), whether the handler ran. */
#define EXPECT(ret, want, want_errno, want_handler, what)                                                           \
    do {                                                                                                          \
        long long r_ = (long long)(ret);                                                                          \
        int e_ = errno;                                                                                           \
        CHECK(r_ == (long long)(want), "%s: returned %lld, want %d", what, r_, (int)(want));                      \
        if ((want_errno) >= 0) CHECK(e_ == (want_errno), "%s: errno %d, want %d", what, e_, (int)(want_errno));     \
        CHECK(handler_calls == (want_handler), "%s: handler called %d times, want %d", what, handler_calls, want_handler); \
    } while (0)

static void test_copies(void) {
    static const struct {
        const char *what;
        int size;       /* destination size */
        const char *src;
        size_t count;   /* (size_t)-2: strcpy_s; else strncpy_s */
        errno_t ret;
        int handler;
        const char *after; /* NULL: untouched ("xxxxxxxx") */
    } rows[] = {
        {"fits", 8, "abc", (size_t)-2, 0, 0, "abc"},
        {"exactly fits", 4, "abc", (size_t)-2, 0, 0, "abc"},
        {"one short", 3, "abc", (size_t)-2, ERANGE, 1, ""},
        {"NULL source", 8, NULL, (size_t)-2, EINVAL, 1, ""},
        {"size 0", 0, "abc", (size_t)-2, EINVAL, 1, NULL},
        {"n: takes count", 8, "abcdef", 3, 0, 0, "abc"},
        {"n: count larger", 8, "ab", 5, 0, 0, "ab"},
        {"n: count == size", 3, "abcdef", 3, ERANGE, 1, ""},
        {"n: _TRUNCATE fits", 8, "abc", _TRUNCATE, 0, 0, "abc"},
        {"n: _TRUNCATE cuts", 4, "abcdef", _TRUNCATE, STRUNCATE, 0, "abc"},
        {"n: count 0 empties", 8, "abc", 0, 0, 0, ""},
        {"n: NULL source", 8, NULL, 2, EINVAL, 1, ""},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char buf[8];
        memset(buf, 'x', sizeof buf);
        handler_calls = 0;
        errno = 0;
        errno_t r = rows[i].count == (size_t)-2 ? strcpy_s(buf, (rsize_t)rows[i].size, rows[i].src)
                                                : strncpy_s(buf, (rsize_t)rows[i].size, rows[i].src, rows[i].count);
        EXPECT(r, rows[i].ret, r == STRUNCATE ? 0 : r, rows[i].handler, rows[i].what);
        if (rows[i].after)
            CHECK(memchr(buf, 0, sizeof buf) && strcmp(buf, rows[i].after) == 0, "%s: buffer '%.8s'", rows[i].what, buf);
        else
            CHECK(memcmp(buf, "xxxxxxxx", 8) == 0, "%s: buffer untouched", rows[i].what);

        /* the same row through the wide functions */
        wchar_t wbuf[8], wsrc[16];
        wmemset(wbuf, L'x', 8);
        if (rows[i].src) mbstowcs(wsrc, rows[i].src, 16);
        handler_calls = 0;
        errno = 0;
        r = rows[i].count == (size_t)-2 ? wcscpy_s(wbuf, (rsize_t)rows[i].size, rows[i].src ? wsrc : NULL)
                                        : wcsncpy_s(wbuf, (rsize_t)rows[i].size, rows[i].src ? wsrc : NULL, rows[i].count);
        EXPECT(r, rows[i].ret, r == STRUNCATE ? 0 : r, rows[i].handler, rows[i].what);
        if (rows[i].after) {
            wchar_t want[16];
            mbstowcs(want, rows[i].after, 16);
            CHECK(wcscmp(wbuf, want) == 0, "%s (wide): buffer '%ls'", rows[i].what, wbuf);
        }
    }
    handler_calls = 0;
    CHECK(strncpy_s(NULL, 0, NULL, 0) == 0 && handler_calls == 0, "strncpy_s(NULL, 0, NULL, 0) is allowed");
    errno = 0;
    CHECK(strcpy_s(NULL, 8, "a") == EINVAL && errno == EINVAL && handler_calls == 1, "NULL destination");

    /* appends */
    static const struct {
        const char *what;
        const char *start; /* NULL: destination without a terminator */
        const char *src;
        size_t count; /* (size_t)-2: strcat_s */
        errno_t ret;
        int handler;
        const char *after;
    } cats[] = {
        {"cat fits", "ab", "cd", (size_t)-2, 0, 0, "abcd"},
        {"cat too long", "abc", "defgh", (size_t)-2, ERANGE, 1, ""},
        {"cat unterminated", NULL, "a", (size_t)-2, EINVAL, 1, ""},
        {"ncat count", "ab", "cdef", 2, 0, 0, "abcd"},
        {"ncat _TRUNCATE", "abc", "defgh", _TRUNCATE, STRUNCATE, 0, "abcdefg"},
        {"ncat too long", "abc", "defgh", 5, ERANGE, 1, ""},
    };
    for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++) {
        char buf[8];
        memset(buf, 'x', sizeof buf);
        if (cats[i].start) strcpy(buf, cats[i].start);
        handler_calls = 0;
        errno = 0;
        errno_t r = cats[i].count == (size_t)-2 ? strcat_s(buf, sizeof buf, cats[i].src) : strncat_s(buf, sizeof buf, cats[i].src, cats[i].count);
        EXPECT(r, cats[i].ret, r == STRUNCATE ? 0 : r, cats[i].handler, cats[i].what);
        CHECK(strcmp(buf, cats[i].after) == 0, "%s: '%s'", cats[i].what, buf);
    }
    wchar_t w[6] = L"ab";
    CHECK(wcscat_s(w, _countof(w), L"cde") == 0 && wcscmp(w, L"abcde") == 0, "wcscat_s");
    handler_calls = 0;
    CHECK(wcsncat_s(w, _countof(w), L"f", _TRUNCATE) == STRUNCATE && wcscmp(w, L"abcde") == 0 && handler_calls == 0, "wcsncat_s full");
    CHECK(strnlen_s("abcdef", 4) == 4 && strnlen_s(NULL, 4) == 0 && wcsnlen_s(L"ab", 9) == 2, "strnlen_s / wcsnlen_s");

    /* memcpy_s / memmove_s */
    char m[4] = "xyz";
    handler_calls = 0;
    EXPECT(memcpy_s(m, 4, "abcdef", 6), ERANGE, ERANGE, 1, "memcpy_s too small");
    CHECK(m[0] == 0 && m[3] == 0, "memcpy_s zeroes the destination");
    handler_calls = 0;
    EXPECT(memcpy_s(m, 4, NULL, 2), EINVAL, EINVAL, 1, "memcpy_s NULL source");
    handler_calls = 0;
    EXPECT(memcpy_s(NULL, 0, NULL, 0), 0, -1, 0, "memcpy_s nothing");
    strcpy(m, "abc");
    handler_calls = 0;
    EXPECT(memmove_s(m + 1, 3, m, 2), 0, -1, 0, "memmove_s overlap");
    CHECK(memcmp(m, "aab", 3) == 0, "memmove_s result");
    EXPECT(memmove_s(m, 2, "abc", 3), ERANGE, ERANGE, 1, "memmove_s too small");
    CHECK(m[0] == 'a', "memmove_s leaves the destination on error");
    wchar_t wm[3];
    handler_calls = 0;
    CHECK(wmemcpy_s(wm, 3, L"hi", 3) == 0 && wcscmp(wm, L"hi") == 0 && handler_calls == 0, "wmemcpy_s");
}

static void test_compare_and_case(void) {
    static const struct {
        const char *a, *b;
        int sign;
    } rows[] = {
        {"Content-Length", "content-length", 0},
        {"HOST", "host", 0},
        {"a", "B", -1},
        {"abc", "ab", 1},
        {"", "", 0},
        {"\xc3\x89", "\xc3\xa9", -1}, /* non-ASCII is not folded (the "C" locale) */
        {"[", "a", -1},               /* '[' (0x5B) is compared with 'a' (0x61), after folding */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int r = _stricmp(rows[i].a, rows[i].b);
        CHECK((r > 0) - (r < 0) == rows[i].sign, "_stricmp('%s', '%s') = %d", rows[i].a, rows[i].b, r);
        wchar_t wa[32], wb[32];
        mbstowcs(wa, rows[i].a, 32);
        mbstowcs(wb, rows[i].b, 32);
        r = _wcsicmp(wa, wb);
        if (i != 5) CHECK((r > 0) - (r < 0) == rows[i].sign, "_wcsicmp row %zu = %d", i, r);
    }
    CHECK(_wcsicmp(L"\u00c9", L"\u00e9") != 0, "_wcsicmp folds ASCII only");
    CHECK(_strnicmp("ABCdef", "abcXYZ", 3) == 0 && _strnicmp("ABCdef", "abcXYZ", 4) < 0, "_strnicmp");
    CHECK(_wcsnicmp(L"GET /x", L"get /y", 5) == 0 && _wcsnicmp(L"a", L"b", 0) == 0, "_wcsnicmp");
    handler_calls = 0;
    errno = 0;
    EXPECT(_stricmp(NULL, "a"), _NLSCMPERROR, EINVAL, 1, "_stricmp(NULL)");
    handler_calls = 0;
    EXPECT(_wcsicmp(L"a", NULL), _NLSCMPERROR, EINVAL, 1, "_wcsicmp(NULL)");

    char s[] = "MiXeD 123";
    CHECK(strcmp(_strlwr(s), "mixed 123") == 0 && strcmp(_strupr(s), "MIXED 123") == 0, "_strlwr / _strupr");
    wchar_t ws[] = L"Stra\u00dfe";
    CHECK(wcscmp(_wcsupr(ws), L"STRA\u00dfE") == 0 && wcscmp(_wcslwr(ws), L"stra\u00dfe") == 0, "_wcsupr / _wcslwr (ASCII only)");
    wchar_t *d = _wcsdup(L"copy");
    char *n = _strdup("copy");
    CHECK(d && wcscmp(d, L"copy") == 0 && n && strcmp(n, "copy") == 0, "_wcsdup / _strdup");
    free(d);
    free(n);
    CHECK(_wcsdup(NULL) == NULL, "_wcsdup(NULL)");
}

static void test_numbers(void) {
    static const struct {
        const wchar_t *s;
        int i;
        long long i64;
        int range; /* errno ERANGE for the int conversion */
    } rows[] = {
        {L"42", 42, 42, 0},
        {L"  -17abc", -17, -17, 0},
        {L"+8", 8, 8, 0},
        {L"0x10", 0, 0, 0},
        {L"abc", 0, 0, 0},
        {L"", 0, 0, 0},
        {L"2147483647", 2147483647, 2147483647LL, 0},
        {L"2147483648", 2147483647, 2147483648LL, 1},
        {L"-2147483649", -2147483647 - 1, -2147483649LL, 1},
        {L"99999999999999999999", 2147483647, 9223372036854775807LL, 1},
        {L"\u3000 12", 12, 12, 0}, /* an ideographic space is a space for the wide functions */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        errno = 0;
        int v = _wtoi(rows[i].s);
        int e = errno;
        CHECK(v == rows[i].i && (e == ERANGE) == rows[i].range, "_wtoi('%ls') = %d errno %d", rows[i].s, v, e);
        CHECK(_wtol(rows[i].s) == rows[i].i, "_wtol('%ls') is 32-bit like Windows' long", rows[i].s);
        CHECK(_wtoi64(rows[i].s) == rows[i].i64, "_wtoi64('%ls') = %lld", rows[i].s, _wtoi64(rows[i].s));
    }
    CHECK(_atoi64("-9223372036854775808") == (-9223372036854775807LL - 1), "_atoi64 min");
    handler_calls = 0;
    errno = 0;
    EXPECT(_wtoi(NULL), 0, EINVAL, 1, "_wtoi(NULL)");
    wchar_t *end;
    CHECK(_wcstoi64(L"0x1fz", &end, 16) == 31 && *end == L'z', "_wcstoi64 hex");
    CHECK(_wcstoi64(L"0777", &end, 0) == 511 && *end == 0, "_wcstoi64 base 0 octal");
    CHECK(_wcstoui64(L"18446744073709551615", &end, 10) == 18446744073709551615ULL, "_wcstoui64 max");
    char *nend;
    CHECK(_strtoi64("  -123x", &nend, 10) == -123 && *nend == 'x', "_strtoi64");
    CHECK(_strtoui64("ff", NULL, 16) == 255, "_strtoui64");
    handler_calls = 0;
    EXPECT(_strtoi64("1", NULL, 1), 0, EINVAL, 1, "_strtoi64 bad base");
    CHECK(_wtof(L" 2.5e3x") == 2500.0 && _wtof(L"x") == 0.0, "_wtof");

    static const struct {
        long long v;
        int radix;
        const char *text;
    } itoa_rows[] = {
        {0, 10, "0"}, {-255, 10, "-255"}, {255, 16, "ff"}, {-1, 16, "ffffffff"}, {5, 2, "101"}, {35, 36, "z"},
        {-2147483647 - 1, 10, "-2147483648"},
    };
    for (size_t i = 0; i < sizeof itoa_rows / sizeof itoa_rows[0]; i++) {
        char b[40];
        wchar_t wb[40], want[40];
        CHECK(strcmp(_itoa((int)itoa_rows[i].v, b, itoa_rows[i].radix), itoa_rows[i].text) == 0, "_itoa(%lld, %d) = '%s'", itoa_rows[i].v, itoa_rows[i].radix, b);
        mbstowcs(want, itoa_rows[i].text, 40);
        CHECK(wcscmp(_itow((int)itoa_rows[i].v, wb, itoa_rows[i].radix), want) == 0, "_itow(%lld) = '%ls'", itoa_rows[i].v, wb);
    }
    char b[70];
    CHECK(strcmp(_i64toa(-1, b, 16), "ffffffffffffffff") == 0 && strcmp(_ui64toa(18446744073709551615ULL, b, 10), "18446744073709551615") == 0, "_i64toa / _ui64toa");
    CHECK(strcmp(_ultoa(4294967295UL, b, 10), "4294967295") == 0 && strcmp(_ltoa(-5, b, 10), "-5") == 0, "_ultoa / _ltoa");
    wchar_t wb[4];
    handler_calls = 0;
    CHECK(_itow_s(123, wb, 4, 10) == 0 && wcscmp(wb, L"123") == 0 && handler_calls == 0, "_itow_s fits");
    errno = 0;
    EXPECT(_itow_s(1234, wb, 4, 10), ERANGE, ERANGE, 1, "_itow_s too small");
    CHECK(wb[0] == 0, "_itow_s empties the buffer");
    handler_calls = 0;
    EXPECT(_itoa_s(1, b, sizeof b, 37), EINVAL, EINVAL, 1, "_itoa_s bad radix");
    handler_calls = 0;
    EXPECT(_itoa_s(-1, b, 2, 10), ERANGE, ERANGE, 1, "_itoa_s no room for sign and digit");
}

static void test_format(void) {
    char n[16];
    wchar_t w[16];
    /* sprintf_s / swprintf_s: fits, or emptied with ERANGE through the handler. Windows' meanings. */
    handler_calls = 0;
    EXPECT(sprintf_s(n, sizeof n, "%s=%S %d", "k", L"v\u00e9", 7), 7, -1, 0, "sprintf_s %s %S");
    CHECK(strcmp(n, "k=v\xc3\xa9 7") == 0, "sprintf_s text '%s'", n);
    EXPECT(swprintf_s(w, _countof(w), L"%s|%S|%c|%C", L"wide", "narrow", L'x', 'y'), 15, -1, 0, "swprintf_s Windows letters");
    CHECK(wcscmp(w, L"wide|narrow|x|y") == 0, "swprintf_s text '%ls'", w);
    EXPECT(swprintf_s(w, _countof(w), L"%ls %hs %ws %ld %I64d", L"a", "b", L"c", 5, -6LL), 10, -1, 0, "explicit sizes");
    CHECK(wcscmp(w, L"a b c 5 -6") == 0, "'%ls'", w);
    errno = 0;
    EXPECT(sprintf_s(n, 4, "%d", 12345), -1, ERANGE, 1, "sprintf_s too small");
    CHECK(n[0] == 0, "sprintf_s emptied the buffer");
    handler_calls = 0;
    EXPECT(sprintf_s(NULL, 4, "x"), -1, EINVAL, 1, "sprintf_s NULL buffer");
    handler_calls = 0;
    EXPECT(swprintf_s(w, 4, NULL), -1, EINVAL, 1, "swprintf_s NULL format");

    /* _snprintf: legacy termination */
    static const struct {
        const char *text;
        int ret;
        int terminated;
    } legacy[] = {{"short", 5, 1}, {"justfit", 7, 1}, {"justfits", 8, 0}, {"muchlonger", -1, 0}};
    for (size_t i = 0; i < 4; i++) {
        char b8[9];
        memset(b8, '#', sizeof b8);
        handler_calls = 0;
        EXPECT(_snprintf(b8, 8, "%s", legacy[i].text), legacy[i].ret, -1, 0, legacy[i].text);
        size_t kept = strlen(legacy[i].text) < 8 ? strlen(legacy[i].text) : 8;
        CHECK(memcmp(b8, legacy[i].text, kept) == 0, "_snprintf keeps the text");
        CHECK(legacy[i].terminated ? b8[kept] == 0 : b8[8] == '#', "_snprintf '%s' termination", legacy[i].text);
        wchar_t w8[8];
        wchar_t fmt[16];
        mbstowcs(fmt, legacy[i].text, 16);
        EXPECT(_snwprintf(w8, 8, L"%s", fmt), legacy[i].ret, -1, 0, "_snwprintf");
    }
    CHECK(_snprintf(NULL, 0, "abcd") == 4, "_snprintf(NULL, 0) counts");

    /* _snprintf_s: count and _TRUNCATE */
    static const struct {
        size_t size, count;
        int ret, handler;
        const char *after;
    } s_rows[] = {
        {14, _TRUNCATE, 6, 0, "AB123C"}, {7, _TRUNCATE, 6, 0, "AB123C"}, {6, _TRUNCATE, -1, 0, "AB123"},
        {2, _TRUNCATE, -1, 0, "A"},      {1, _TRUNCATE, -1, 0, ""},       {14, 3, -1, 0, "AB1"},
        {14, 6, 6, 0, "AB123C"},          {6, 10, -1, 1, ""},
    };
    for (size_t i = 0; i < sizeof s_rows / sizeof s_rows[0]; i++) {
        char b14[14];
        handler_calls = 0;
        int r = _snprintf_s(b14, s_rows[i].size, s_rows[i].count, "AB%uC", 123u);
        CHECK(r == s_rows[i].ret && handler_calls == s_rows[i].handler && strcmp(b14, s_rows[i].after) == 0,
              "_snprintf_s row %zu: %d '%s' (handler %d)", i, r, b14, handler_calls);
        wchar_t w14[14], want[14];
        mbstowcs(want, s_rows[i].after, 14);
        handler_calls = 0;
        r = _snwprintf_s(w14, s_rows[i].size, s_rows[i].count, L"AB%uC", 123u);
        CHECK(r == s_rows[i].ret && handler_calls == s_rows[i].handler && wcscmp(w14, want) == 0, "_snwprintf_s row %zu: %d", i, r);
    }
    CHECK(_scprintf("%d-%s", 100, "x") == 5 && _scwprintf(L"%s", L"abc") == 3, "_scprintf / _scwprintf");

    /* tchar.h maps to these in UNICODE builds */
    TCHAR t[8];
    CHECK(_stprintf_s(t, _countof(t), _T("%d"), 42) == 2 && _tcscmp(t, _T("42")) == 0, "_stprintf_s via tchar.h");
    CHECK(_tcsicmp(_T("AbC"), _T("aBc")) == 0 && _ttoi(_T("77")) == 77, "_tcsicmp / _ttoi via tchar.h");
}

/* What a stream holds (read through its descriptor, so the stream's orientation does not matter). */
static size_t stream_bytes(FILE *f, char *out, size_t cap) {
    fflush(f);
    ssize_t n = pread(fileno(f), out, cap - 1, 0);
    out[n > 0 ? n : 0] = 0;
    return n > 0 ? (size_t)n : 0;
}

static int call_vfprintf_s(FILE *f, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf_s(f, fmt, ap);
    va_end(ap);
    return r;
}

/* printf_s / fprintf_s / wprintf_s / fwprintf_s (and v, tchar forms): Windows' meanings, written out. */
static void test_print(void) {
    char back[64];
    FILE *f = tmpfile();
    handler_calls = 0;
    EXPECT(fprintf_s(f, "%s|%S|%d", "n\xc3\xa9", L"w\u00e9\U0001F600", 7), 13, -1, 0, "fprintf_s returns the bytes");
    EXPECT(call_vfprintf_s(f, "|%hs%ls", "a", L"b"), 3, -1, 0, "vfprintf_s");
    EXPECT(_ftprintf_s(f, _T("|%s"), _T("T")), 2, -1, 0, "_ftprintf_s (tchar.h)");
    CHECK(stream_bytes(f, back, sizeof back) == 18 && strcmp(back, "n\xc3\xa9|w\xc3\xa9\xf0\x9f\x98\x80|7|ab|T") == 0,
          "fprintf_s wrote '%s'", back);
    fclose(f);

    /* wide output goes through glibc's wide stream, as wprintf's: the locale converts, the stream is wide */
    CHECK(setlocale(LC_CTYPE, "C.UTF-8") != NULL, "C.UTF-8 locale");
    f = tmpfile();
    EXPECT(fwprintf_s(f, L"%s|%S|%d", L"w\u00e9\U0001F600", "n\xc3\xa9", 7), 8, -1, 0, "fwprintf_s returns the WCHARs");
    CHECK(fwide(f, 0) > 0, "fwprintf_s left the stream wide-oriented, as wprintf does");
    CHECK(fwprintf(f, L"%ls", L"+") == 1, "glibc's fwprintf after fwprintf_s");
    EXPECT(fprintf_s(f, "x"), -1, -1, 0, "fprintf_s on a wide-oriented stream fails, as glibc's fprintf");
    CHECK(stream_bytes(f, back, sizeof back) == 14 && strcmp(back, "w\xc3\xa9\xf0\x9f\x98\x80|n\xc3\xa9|7+") == 0,
          "fwprintf_s wrote '%s'", back);
    fclose(f);
    setlocale(LC_CTYPE, "C");

    /* printf_s to standard output */
    f = tmpfile();
    fflush(stdout);
    int saved = dup(1);
    dup2(fileno(f), 1);
    int r = printf_s("%S=%d\n", L"k\u00e9", 5);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    CHECK(r == 6 && stream_bytes(f, back, sizeof back) == 6 && strcmp(back, "k\xc3\xa9=5\n") == 0, "printf_s: %d '%s'", r, back);
    fclose(f);

    /* bad arguments: EINVAL through the handler, -1 */
    errno = 0;
    handler_calls = 0;
    EXPECT(fprintf_s(NULL, "x"), -1, EINVAL, 1, "fprintf_s NULL stream");
    errno = 0;
    handler_calls = 0;
    EXPECT(printf_s(NULL), -1, EINVAL, 1, "printf_s NULL format");
    errno = 0;
    handler_calls = 0;
    EXPECT(wprintf_s(NULL), -1, EINVAL, 1, "wprintf_s NULL format");
    errno = 0;
    handler_calls = 0;
    EXPECT(fwprintf_s(stderr, NULL), -1, EINVAL, 1, "fwprintf_s NULL format");
}

static void test_files(void) {
    char dir[MAX_PATH], path[2 * MAX_PATH];
    GetTempPathA(MAX_PATH, dir);
    snprintf(path, sizeof path, "%scrt_msvc_%u.txt", dir, GetCurrentProcessId());
    FILE *f = NULL;
    CHECK(fopen_s(&f, path, "wt") == 0 && f != NULL, "fopen_s 'wt'");
    fputs("line\n", f);
    fclose(f);
    wchar_t wpath[2 * MAX_PATH];
    mbstowcs(wpath, path, 2 * MAX_PATH);
    f = _wfopen(wpath, L"rb");
    char buf[16] = {0};
    CHECK(f && fgets(buf, sizeof buf, f) && strcmp(buf, "line\n") == 0, "_wfopen reads it (no CRLF translation)");
    if (f) fclose(f);
    CHECK(_wfopen_s(&f, wpath, L"r, ccs=UTF-8") == 0 && f, "_wfopen_s with ccs=");
    if (f) fclose(f);
    f = (FILE *)1;
    CHECK(fopen_s(&f, "/nonexistent/dir/x", "r") == ENOENT && f == NULL, "fopen_s missing: ENOENT, NULL stream");
    handler_calls = 0;
    EXPECT(fopen_s(NULL, path, "r"), EINVAL, EINVAL, 1, "fopen_s NULL stream pointer");
    handler_calls = 0;
    CHECK(_wfopen(wpath, L"") == NULL && handler_calls == 1, "_wfopen empty mode");
    unlink(path);
}

static void test_default_handler_ends_process(void) {
    pid_t pid = fork();
    if (pid == 0) {
        _set_invalid_parameter_handler(NULL);
        char b[2];
        strcpy_s(b, sizeof b, "too long");
        _exit(0); /* not reached */
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "no handler: the process ends (status %#x)", status);
}

static void test_handlers(void) {
    CHECK(_get_invalid_parameter_handler() == count_handler, "process handler installed");
    handler_calls = 0;
    _invalid_parameter_handler prev = _set_thread_local_invalid_parameter_handler(count_handler);
    CHECK(prev == NULL, "no thread handler before");
    char b[1];
    strcpy_s(b, 1, "x");
    CHECK(handler_calls == 1 && _get_thread_local_invalid_parameter_handler() == count_handler, "thread handler used");
    _set_thread_local_invalid_parameter_handler(NULL);
}

int main(void) {
    CHECK(_set_invalid_parameter_handler(count_handler) == NULL, "no process handler at start");
    test_copies();
    test_compare_and_case();
    test_numbers();
    test_format();
    test_print();
    test_files();
    test_handlers();
    test_default_handler_ends_process();
    return ts_finish("crt_msvc");
}
