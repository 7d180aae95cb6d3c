/* The wide C functions in a -fshort-wchar (UTF-16) program, built by check_crt_w16.sh: glibc's names
 * (wcslen ... swprintf, wprintf, wcstombs) reach their UTF-16 versions through corecrt.h, as do the MSVC
 * ones (_wcsicmp, wcscpy_s, swprintf_s ...). Includes a character outside the BMP (a surrogate pair). */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

static int passed, failed;
#define CHECK(c, what) do { if (c) passed++; else { failed++; printf("FAIL: %s (line %d)\n", what, __LINE__); } } while (0)

static void __cdecl quiet(const wchar_t *a, const wchar_t *b, const wchar_t *c, unsigned int d, uintptr_t e) {
    (void)a; (void)b; (void)c; (void)d; (void)e;
}

int main(void) {
    CHECK(sizeof(wchar_t) == 2, "2-byte wchar_t");
    _set_invalid_parameter_handler(quiet);

    /* lengths, copies, comparisons */
    CHECK(wcslen(L"h\u00e9llo") == 5 && wcslen(L"\U0001F600") == 2 && wcslen(L"") == 0, "wcslen");
    CHECK(wcsnlen(L"abcdef", 3) == 3, "wcsnlen");
    wchar_t b[32];
    CHECK(wcscpy(b, L"Hello") == b && wcscmp(b, L"Hello") == 0, "wcscpy / wcscmp");
    CHECK(wcscat(b, L", world") == b && wcscmp(b, L"Hello, world") == 0, "wcscat");
    CHECK(wcsncat(b, L"!!!", 1) && wcscmp(b, L"Hello, world!") == 0, "wcsncat");
    wchar_t n[8];
    wcsncpy(n, L"ab", 8);
    CHECK(n[0] == L'a' && n[2] == 0 && n[7] == 0, "wcsncpy pads with zeros");
    CHECK(wcscmp(L"a", L"b") < 0 && wcscmp(L"b", L"a") > 0 && wcsncmp(L"abcX", L"abcY", 3) == 0, "ordering");
    CHECK(wcscmp(L"\uffff", L"\U0001F600") > 0, "wcscmp compares UTF-16 units");
    CHECK(wcscasecmp(L"\u00c9COLE", L"\u00e9cole") == 0 && wcsncasecmp(L"ABx", L"aby", 2) == 0, "wcscasecmp (simple Unicode lowercase)");
    CHECK(wcscoll(L"a", L"b") < 0, "wcscoll");

    /* searching */
    const wchar_t *hay = L"key=value; other=\U0001F600";
    CHECK(wcschr(hay, L'=') == hay + 3 && wcsrchr(hay, L'=') == hay + 16 && wcschr(hay, L'#') == NULL, "wcschr / wcsrchr");
    CHECK(wcschr(hay, 0) == hay + wcslen(hay), "wcschr finds the terminator");
    CHECK(wcsstr(hay, L"other") == hay + 11 && wcsstr(hay, L"\U0001F600") == hay + 17 && wcsstr(hay, L"nope") == NULL, "wcsstr");
    CHECK(wcspbrk(hay, L";=") == hay + 3 && wcsspn(L"aab", L"a") == 2 && wcscspn(L"abc", L"c") == 2, "wcspbrk / wcsspn / wcscspn");
    wchar_t line[] = L"GET /index.html HTTP/1.1", *save = NULL;
    wchar_t *t1 = wcstok(line, L" ", &save), *t2 = wcstok(NULL, L" ", &save), *t3 = wcstok(NULL, L" ", &save);
    CHECK(t1 && t2 && t3 && wcscmp(t1, L"GET") == 0 && wcscmp(t2, L"/index.html") == 0 && wcscmp(t3, L"HTTP/1.1") == 0 &&
          wcstok(NULL, L" ", &save) == NULL, "wcstok");
    wchar_t *d = wcsdup(L"dup\U0001F600");
    CHECK(d && wcscmp(d, L"dup\U0001F600") == 0, "wcsdup");
    free(d);

    /* numbers */
    wchar_t *end;
    CHECK(wcstol(L"  -0x1Fz", &end, 16) == -31 && *end == L'z', "wcstol hex");
    CHECK(wcstol(L"123", NULL, 10) == 123 && wcstoul(L"4294967295", NULL, 10) == 4294967295UL, "wcstol / wcstoul");
    CHECK(wcstoll(L"-9223372036854775808", NULL, 10) == (-9223372036854775807LL - 1) && wcstoull(L"ff", NULL, 16) == 255, "wcstoll / wcstoull");
    errno = 0;
    CHECK(wcstol(L"99999999999999999999", NULL, 10) == 9223372036854775807L && errno == ERANGE, "wcstol overflow");
    CHECK(wcstod(L"1.5e2xyz", &end) == 150.0 && *end == L'x', "wcstod");

    /* memory */
    wchar_t m[4];
    CHECK(wmemset(m, L'z', 4) == m && m[3] == L'z', "wmemset");
    CHECK(wmemcpy(m, L"abcd", 4) == m && wmemcmp(m, L"abcd", 4) == 0 && wmemcmp(m, L"abce", 4) < 0, "wmemcpy / wmemcmp");
    CHECK(wmemchr(m, L'c', 4) == m + 2 && wmemmove(m + 1, m, 3) == m + 1 && m[1] == L'a', "wmemchr / wmemmove");

    /* UTF-8 conversions */
    char u8[32];
    CHECK(wcstombs(u8, L"h\u00e9\U0001F600", sizeof u8) == 7 && strcmp(u8, "h\xc3\xa9\xf0\x9f\x98\x80") == 0, "wcstombs to UTF-8");
    CHECK(wcstombs(NULL, L"\u00e9", 0) == 2, "wcstombs counts");
    CHECK(wcstombs(u8, L"ab\u00e9", 3) == 2 && memcmp(u8, "ab", 2) == 0, "wcstombs never splits a character");
    wchar_t lone[] = {0xD800, 0};
    errno = 0;
    CHECK(wcstombs(u8, lone, sizeof u8) == (size_t)-1 && errno == EILSEQ, "wcstombs lone surrogate");
    wchar_t w[8];
    CHECK(mbstowcs(w, "\xf0\x9f\x98\x80!", 8) == 3 && w[0] == 0xD83D && w[1] == 0xDE00 && w[2] == L'!' && w[3] == 0, "mbstowcs surrogate pair");
    CHECK(mbstowcs(NULL, "abc", 0) == 3, "mbstowcs counts");
    CHECK(mbstowcs(w, "\xff", 8) == (size_t)-1, "mbstowcs invalid UTF-8");
    /* The CRT's rules kept through win32::text: a character that does not fit ends the conversion before
     * a later invalid unit is looked at; the NULL-destination count; a surrogate pair is never split. */
    wchar_t late[] = {L'a', L'b', L'c', 0xD800, 0};
    CHECK(wcstombs(u8, late, 2) == 2 && memcmp(u8, "ab", 2) == 0, "wcstombs stops before a later lone surrogate");
    errno = 0;
    CHECK(wcstombs(NULL, late, 0) == (size_t)-1 && errno == EILSEQ, "wcstombs count: lone surrogate is -1");
    CHECK(wcstombs(NULL, L"h\u00e9\U0001F600", 0) == 7, "wcstombs count: UTF-8 bytes");
    w[0] = L'x';
    CHECK(mbstowcs(w, "\xf0\x9f\x98\x80", 1) == 0 && w[0] == 0, "mbstowcs does not split a pair (terminator fits)");
    CHECK(mbstowcs(NULL, "\xf0\x9f\x98\x80!", 0) == 3, "mbstowcs count: UTF-16 units");
    errno = 0;
    CHECK(mbstowcs(NULL, "ok\xff", 0) == (size_t)-1 && errno == EILSEQ, "mbstowcs count: invalid UTF-8 is -1");

    /* formatting, with Windows' %s (WCHAR) / %S (char) */
    wchar_t f[32];
    CHECK(swprintf(f, 32, L"%s=%S:%d:%c", L"k\u00e9", "v", 42, L'!') == 9 && wcscmp(f, L"k\u00e9=v:42:!") == 0, "swprintf");
    CHECK(swprintf(f, 4, L"%s", L"toolong") == -1 && wcscmp(f, L"too") == 0, "swprintf truncates and returns -1");
    CHECK(swprintf_s(f, 32, L"%ls %hs %d", L"\U0001F600", "x", -1) == 7 && wcscmp(f, L"\U0001F600 x -1") == 0, "swprintf_s");
    CHECK(_snwprintf_s(f, 32, _TRUNCATE, L"%s", L"abc") == 3 && _snwprintf(f, 2, L"%s", L"abc") == -1, "_snwprintf(_s)");
    char nb[32];
    CHECK(sprintf_s(nb, sizeof nb, "%S and %s", L"wide\u00e9", "narrow") == 17 && strcmp(nb, "wide\xc3\xa9 and narrow") == 0, "sprintf_s reads UTF-16 %S");
    CHECK(_scwprintf(L"%s", L"\U0001F600") == 2, "_scwprintf counts UTF-16 units");

    /* wprintf / fwprintf / fputws write UTF-8 */
    FILE *tf = tmpfile();
    CHECK(fwprintf(tf, L"%s|%d\n", L"\u00e9\U0001F600", 5) == 6, "fwprintf returns the WCHARs written");
    CHECK(fputws(L"end", tf) >= 0, "fputws");
    wchar_t lone_mid[] = {L'|', 0xDC00, 0};
    CHECK(fputws(lone_mid, tf) >= 0, "fputws with a lone surrogate");
    rewind(tf);
    char back[32] = {0};
    size_t got = fread(back, 1, sizeof back - 1, tf);
    CHECK(got == 16 && strcmp(back, "\xc3\xa9\xf0\x9f\x98\x80|5\nend|\xef\xbf\xbd") == 0, "UTF-8 in the file (U+FFFD for the lone surrogate)");
    fclose(tf);
    fflush(stdout);
    CHECK(wprintf(L"%s", L"") == 0, "wprintf of nothing");

    /* printf_s / fwprintf_s: Windows' meanings, UTF-8 bytes out */
    tf = tmpfile();
    CHECK(fwprintf_s(tf, L"%s|%S|%d", L"\u00e9\U0001F600", "n\xc3\xa9", 5) == 8, "fwprintf_s returns the UTF-16 units");
    CHECK(fprintf_s(tf, "|%S", L"\U0001F600") == 5, "fprintf_s returns the bytes");
    CHECK(fprintf_s(NULL, "x") == -1 && errno == EINVAL, "fprintf_s NULL stream");
    rewind(tf);
    memset(back, 0, sizeof back);
    got = fread(back, 1, sizeof back - 1, tf);
    CHECK(got == 17 && strcmp(back, "\xc3\xa9\xf0\x9f\x98\x80|n\xc3\xa9|5|\xf0\x9f\x98\x80") == 0, "printf_s forms wrote UTF-8");
    fclose(tf);
    fflush(stdout);
    CHECK(wprintf_s(L"%s", L"") == 0 && printf_s("%S", L"") == 0, "wprintf_s / printf_s of nothing");

    /* the MSVC names in this width */
    CHECK(_wcsicmp(L"Content-Type", L"content-type") == 0 && _wcsnicmp(L"ABC", L"abd", 2) == 0, "_wcsicmp");
    CHECK(wcscpy_s(f, 32, L"x\U0001F600") == 0 && wcscmp(f, L"x\U0001F600") == 0, "wcscpy_s");
    CHECK(wcscpy_s(f, 2, L"abc") == ERANGE && f[0] == 0, "wcscpy_s too small");
    CHECK(_wtoi(L" 42") == 42 && wcscmp(_itow(-7, f, 10), L"-7") == 0, "_wtoi / _itow");
    wchar_t *dup2 = _wcsdup(L"\u00e9");
    CHECK(dup2 && dup2[0] == 0xE9 && dup2[1] == 0, "_wcsdup");
    free(dup2);

    /* through function pointers too */
    size_t (*len)(const wchar_t *) = wcslen;
    int (*print)(wchar_t *, size_t, const wchar_t *, ...) = swprintf;
    CHECK(len(L"abc") == 3 && print(f, 8, L"%d", 5) == 1 && f[0] == L'5', "function pointers reach the UTF-16 versions");

    printf("crt_w16: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
