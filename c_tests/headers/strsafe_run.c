/*
 * strsafe.h behaves as documented: truncation with NUL termination and STRSAFE_E_INSUFFICIENT_BUFFER,
 * STRSAFE_E_INVALID_PARAMETER for a zero size or an unterminated Cat destination, and printf with the
 * Windows meanings of %s/%S/%c/%l/%I64. check_headers.sh runs it as C and C++, in both wchar_t widths.
 */
#include <windows.h>
#include <strsafe.h>
#include <stdio.h>

static int failed, passed;

/* compares a WCHAR string with an ASCII expectation, unit by unit (works for 2- and 4-byte WCHAR) */
static int weq(const WCHAR *w, const char *a)
{
    size_t i = 0;
    for (; a[i]; i++)
        if (w[i] != (WCHAR)(unsigned char)a[i]) return 0;
    return w[i] == 0;
}

#define CHECK(cond)                                                         \
    do {                                                                    \
        if (cond) {                                                         \
            passed++;                                                       \
        } else {                                                            \
            failed++;                                                       \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
        }                                                                   \
    } while (0)

int main(void)
{
    char a[8];
    WCHAR w[8];
    WCHAR big[64];
    char abig[64];
    size_t n = 99;
    const WCHAR unterminated[3] = {L'a', L'b', L'c'};
    ULONGLONG u64 = 12345678901234ULL;
    DWORD dw = 4000000000U;

    /* copy */
    CHECK(StringCchCopyA(a, 8, "hello") == S_OK && strcmp(a, "hello") == 0);
    CHECK(StringCchCopyA(a, 8, "hello world") == STRSAFE_E_INSUFFICIENT_BUFFER && strcmp(a, "hello w") == 0);
    CHECK(StringCchCopyW(w, 8, L"hello") == S_OK && weq(w, "hello"));
    CHECK(StringCchCopyW(w, 8, L"hello world") == STRSAFE_E_INSUFFICIENT_BUFFER && weq(w, "hello w"));
    CHECK(StringCchCopyW(w, 0, L"x") == STRSAFE_E_INVALID_PARAMETER);
    CHECK(StringCbCopyW(w, sizeof w, L"0123456789") == STRSAFE_E_INSUFFICIENT_BUFFER && weq(w, "0123456"));
    CHECK(StringCbCopyA(a, sizeof a, "abc") == S_OK && strcmp(a, "abc") == 0);
    CHECK(StringCchCopyNW(w, 8, L"abcdef", 3) == S_OK && weq(w, "abc"));
    /* cat */
    CHECK(StringCchCopyW(w, 8, L"ab") == S_OK && StringCchCatW(w, 8, L"cd") == S_OK && weq(w, "abcd"));
    CHECK(StringCchCatW(w, 8, L"efghij") == STRSAFE_E_INSUFFICIENT_BUFFER && weq(w, "abcdefg"));
    CHECK(StringCchCopyA(a, 8, "ab") == S_OK && StringCbCatA(a, sizeof a, "cdefghij") == STRSAFE_E_INSUFFICIENT_BUFFER &&
          strcmp(a, "abcdefg") == 0);
    memcpy(w, unterminated, sizeof unterminated);
    CHECK(StringCchCatW(w, 3, L"x") == STRSAFE_E_INVALID_PARAMETER);
    /* length */
    CHECK(StringCchLengthW(L"abc", 10, &n) == S_OK && n == 3);
    CHECK(StringCbLengthW(L"abc", 10 * sizeof(WCHAR), &n) == S_OK && n == 3 * sizeof(WCHAR));
    CHECK(StringCchLengthA("abc", 3, &n) == STRSAFE_E_INVALID_PARAMETER && n == 0);
    CHECK(StringCchLengthW(unterminated, 3, NULL) == STRSAFE_E_INVALID_PARAMETER);
    CHECK(StringCchLengthA(NULL, 3, &n) == STRSAFE_E_INVALID_PARAMETER);
    /* printf, Windows meanings */
    CHECK(StringCchPrintfW(big, 64, L"%s|%S|%c|%C", L"wide", "narrow", L'W', 'n') == S_OK &&
          weq(big, "wide|narrow|W|n"));
    CHECK(StringCchPrintfA(abig, 64, "%s|%S|%c|%C", "narrow", L"wide", 'n', L'W') == S_OK &&
          strcmp(abig, "narrow|wide|n|W") == 0);
    CHECK(StringCchPrintfW(big, 64, L"%d %u %lu %x %X %05d %-4d|", -5, 7u, dw, 255u, 255u, 42, 3) == S_OK &&
          weq(big, "-5 7 4000000000 ff FF 00042 3   |"));
    CHECK(StringCchPrintfW(big, 64, L"%I64u %llu %I64d %zu", u64, u64, (LONGLONG)-1, (size_t)9) == S_OK &&
          weq(big, "12345678901234 12345678901234 -1 9"));
    CHECK(StringCchPrintfW(big, 64, L"[%5s][%-5s][%.2s][%*d][%.3f][%%]", L"ab", L"cd", L"xyz", 4, 7, 1.5) == S_OK &&
          weq(big, "[   ab][cd   ][xy][   7][1.500][%]"));
    CHECK(StringCchPrintfW(big, 64, L"%ls %ws %hs", L"a", L"b", "c") == S_OK && weq(big, "a b c"));
    CHECK(StringCchPrintfW(w, 8, L"%s", L"0123456789") == STRSAFE_E_INSUFFICIENT_BUFFER && weq(w, "0123456"));
    CHECK(StringCbPrintfA(a, sizeof a, "%d", 123456789) == STRSAFE_E_INSUFFICIENT_BUFFER && strcmp(a, "1234567") == 0);
    CHECK(StringCchPrintfW(w, 0, L"x") == STRSAFE_E_INVALID_PARAMETER);
    /* UTF-8 narrow argument widened: U+00E9 and U+1F600 */
    CHECK(StringCchPrintfW(big, 64, L"%S", "\xC3\xA9\xF0\x9F\x98\x80") == S_OK && big[0] == 0xE9 &&
          (sizeof(WCHAR) == 2 ? (big[1] == 0xD83D && big[2] == 0xDE00 && big[3] == 0) : (big[1] == 0x1F600 && big[2] == 0)));
    CHECK(StringCchPrintfA(abig, 64, "%S", L"\x00e9") == S_OK && strcmp(abig, "\xC3\xA9") == 0);

    printf("strsafe (WCHAR %u bytes): %d passed, %d failed\n", (unsigned)sizeof(WCHAR), passed, failed);
    return failed != 0;
}
