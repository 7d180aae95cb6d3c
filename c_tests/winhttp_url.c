/* WinHttpCreateUrl and WinHttpCrackUrl as Windows behaves (issue 12; the cases Wine's url tests record
 * on Windows): credentials, default and zero ports, URLs without a host, ICU_ESCAPE's character set,
 * sizing and NULL buffers, every component delivered when buffers are short, pointer mode for parts
 * the URL lacks, `host?`, ICU_DECODE without buffers, zero-length buffers, extra info not asked for. */
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include "test_support.h"

/* ---- WinHttpCreateUrl ---------------------------------------------------------------------- */

struct create_row {
    const char *what;
    DWORD flags;
    const wchar_t *scheme; /* NULL: not given (nScheme decides) */
    int nscheme;
    const wchar_t *host, *user, *pass, *path, *extra; /* NULL: not given; L"": given, empty */
    INTERNET_PORT port;
    const wchar_t *want; /* NULL: the call fails with `error` */
    DWORD error;
};

#define WQ L"www.winehq.org"
#define FULL L"http://username:password@www.winehq.org/site/about?query"

static void test_create_rows(void) {
    const struct create_row rows[] = {
        {"every part", 0, L"http", INTERNET_SCHEME_HTTP, WQ, L"username", L"password", L"/site/about", L"?query", 80, FULL, 0},
        {"no scheme string: nScheme", 0, NULL, INTERNET_SCHEME_HTTP, WQ, L"username", L"password", L"/site/about", L"?query", 80, FULL, 0},
        {"nScheme 0 is http", 0, NULL, 0, WQ, L"username", L"password", L"/site/about", L"?query", 80, FULL, 0},
        {"empty password keeps the colon", 0, NULL, 1, WQ, L"username", L"", L"/site/about", L"?query", 80, L"http://username:@www.winehq.org/site/about?query", 0},
        {"user without password", 0, NULL, 1, WQ, L"username", NULL, L"/site/about", L"?query", 80, L"http://username@www.winehq.org/site/about?query", 0},
        {"password without user", 0, NULL, 1, WQ, NULL, L"password", L"/site/about", L"?query", 80, NULL, ERROR_INVALID_PARAMETER},
        {"empty user, password", 0, NULL, 1, WQ, L"", L"password", L"/site/about", L"?query", 80, L"http://:password@www.winehq.org/site/about?query", 0},
        {"both empty", 0, NULL, 1, WQ, L"", L"", L"/site/about", L"?query", 80, L"http://:@www.winehq.org/site/about?query", 0},
        {"no credentials", 0, NULL, 1, WQ, NULL, NULL, L"/site/about", L"?query", 80, L"http://www.winehq.org/site/about?query", 0},
        {"scheme string wins over nScheme", 0, L"ftp", INTERNET_SCHEME_HTTP, WQ, L"username", L"password", L"/site/about", L"?query", 80, L"ftp://username:password@www.winehq.org:80/site/about?query", 0},
        {"other port", 0, L"http", 1, WQ, L"username", L"password", L"/site/about", L"?query", 42, L"http://username:password@www.winehq.org:42/site/about?query", 0},
        {"port 0 is written", 0, NULL, 0, WQ, L"username", L"password", L"/site/about", L"?query", 0, L"http://username:password@www.winehq.org:0/site/about?query", 0},
        {"https default port", 0, NULL, INTERNET_SCHEME_HTTPS, L"h", NULL, NULL, L"/", NULL, 443, L"https://h/", 0},
        {"https on port 80", 0, NULL, INTERNET_SCHEME_HTTPS, L"h", NULL, NULL, L"/", NULL, 80, L"https://h:80/", 0},
        {"ICU_ESCAPE set", ICU_ESCAPE, L"http", 1, WQ, L"username", L"password", L"/site/about",
         L" !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", 80,
         L"http://username:password@www.winehq.org/site/about%20!%22%23$%25&'()*+,-./:;%3C=%3E?@%5B%5C%5D%5E_%60%7B%7C%7D%7E", 0},
        {"ICU_ESCAPE controls, extra info only", ICU_ESCAPE, NULL, 0, NULL, NULL, NULL, NULL, L"\r\x1f \n\x7f\r\n", 0, L"http://%0D%1F%20%0A%7F%0D%0A", 0},
        {"ICU_ESCAPE controls, path only", ICU_ESCAPE, NULL, 0, NULL, NULL, NULL, L"\r\x1f \n\x7f\r\n", NULL, 0, L"http://%0D%1F%20%0A%7F%0D%0A", 0},
        {"path only: empty host, no port", 0, NULL, 0, NULL, NULL, NULL, L"/p", NULL, 0, L"http:///p", 0},
        {"extra info only", 0, NULL, 0, NULL, NULL, NULL, NULL, L"?q", 0, L"http://?q", 0},
        {"no escaping without ICU_ESCAPE", 0, NULL, 1, L"h", NULL, NULL, L"/a b#c", NULL, 80, L"http://h/a b#c", 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct create_row *r = &rows[i];
        URL_COMPONENTS uc;
        memset(&uc, 0, sizeof uc);
        uc.dwStructSize = sizeof uc;
        uc.lpszScheme = (wchar_t *)r->scheme;
        uc.nScheme = r->nscheme;
        uc.lpszHostName = (wchar_t *)r->host;
        uc.nPort = r->port;
        uc.lpszUserName = (wchar_t *)r->user;
        uc.lpszPassword = (wchar_t *)r->pass;
        uc.lpszUrlPath = (wchar_t *)r->path;
        uc.lpszExtraInfo = (wchar_t *)r->extra;
        wchar_t out[256];
        DWORD len = 256;
        SetLastError(0xdeadbeef);
        BOOL ok = WinHttpCreateUrl(&uc, r->flags, out, &len);
        if (!r->want) {
            CHECK(!ok && GetLastError() == r->error, "%s: error %u, got ok=%d %u", r->what, r->error, ok, GetLastError());
            continue;
        }
        CHECK(ok && GetLastError() == ERROR_SUCCESS, "%s: %u", r->what, GetLastError());
        CHECK(ok && wcscmp(out, r->want) == 0 && len == wcslen(r->want), "%s: got %ls (%u)", r->what, ok ? out : L"", len);
    }
}

static void fill_full(URL_COMPONENTS *uc) {
    memset(uc, 0, sizeof *uc);
    uc->dwStructSize = sizeof *uc;
    uc->lpszScheme = L"http";
    uc->nScheme = INTERNET_SCHEME_HTTP;
    uc->lpszHostName = WQ;
    uc->nPort = 80;
    uc->lpszUserName = L"username";
    uc->lpszPassword = L"password";
    uc->lpszUrlPath = L"/site/about";
    uc->lpszExtraInfo = L"?query";
}

static void test_create_sizing(void) {
    URL_COMPONENTS uc;
    wchar_t out[256];
    DWORD len;
    struct {
        const char *what;
        int null_comps, zero_size, null_len, null_url;
        DWORD len_in, error, len_out;
    } rows[] = {
        {"NULL components", 1, 0, 0, 1, ~0u, ERROR_INVALID_PARAMETER, ~0u},
        {"zeroed dwStructSize", 0, 1, 0, 1, ~0u, ERROR_INVALID_PARAMETER, ~0u},
        {"NULL length", 0, 0, 1, 1, 0, ERROR_INVALID_PARAMETER, 0},
        {"NULL URL, length 0: needed with the NUL", 0, 0, 0, 1, 0, ERROR_INSUFFICIENT_BUFFER, 57},
        {"NULL URL, length big enough: 87, length kept", 0, 0, 0, 1, 256, ERROR_INVALID_PARAMETER, 256},
        {"buffer too small", 0, 0, 0, 0, 2, ERROR_INSUFFICIENT_BUFFER, 57},
        {"no room for the NUL", 0, 0, 0, 0, 56, ERROR_INSUFFICIENT_BUFFER, 57},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        fill_full(&uc);
        if (rows[i].zero_size) memset(&uc, 0, sizeof uc);
        len = rows[i].len_in;
        SetLastError(0xdeadbeef);
        BOOL ok = WinHttpCreateUrl(rows[i].null_comps ? NULL : &uc, 0, rows[i].null_url ? NULL : out,
                                   rows[i].null_len ? NULL : &len);
        CHECK(!ok && GetLastError() == rows[i].error, "%s: got %u", rows[i].what, GetLastError());
        CHECK(rows[i].null_len || len == rows[i].len_out, "%s: length %u, want %u", rows[i].what, len, rows[i].len_out);
    }
    fill_full(&uc);
    len = 57;
    CHECK(WinHttpCreateUrl(&uc, 0, out, &len) && len == 56 && wcscmp(out, FULL) == 0, "exact size: %u", len);
}

/* ---- WinHttpCrackUrl, pointer mode ------------------------------------------------------- */

/* Offsets into the URL of each component (-1: the pointer stays NULL), and lengths. */
struct crack_ptr_row {
    const wchar_t *url;
    int scheme, user, pass, host, path, extra;
    DWORD lscheme, luser, lpass, lhost, lpath, lextra;
    INTERNET_PORT port;
};

static void test_crack_pointers(void) {
    const struct crack_ptr_row rows[] = {
        {L"http://username:password@www.winehq.org/site/about", 0, 7, 16, 25, 39, 50, 4, 8, 8, 14, 11, 0, 80},
        {L"http://www.winehq.org", 0, -1, -1, 7, 21, 21, 4, 0, 0, 14, 0, 0, 80},
        {L"https://www.winehq.org/post?", 0, -1, -1, 8, 22, 27, 5, 0, 0, 14, 5, 1, 443},
        {L"http://winehq?", 0, -1, -1, 7, 14, 14, 4, 0, 0, 6, 0, 0, 80},
        {L"http://winehq/post;a", 0, -1, -1, 7, 13, 20, 4, 0, 0, 6, 7, 0, 80},
        {L"http://user@h/", 0, 7, -1, 12, 13, 14, 4, 4, 0, 1, 1, 0, 80},
        {L"http://example.net/path?var1=example@example.com&var2=x&var3=y", 0, -1, -1, 7, 18, 23, 4, 0, 0, 11, 5, 39, 80},
        {L"http://winehq.org:0", 0, -1, -1, 7, 19, 19, 4, 0, 0, 10, 0, 0, 0},
        {L"http://winehq.org:", 0, -1, -1, 7, 18, 18, 4, 0, 0, 10, 0, 0, 80},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct crack_ptr_row *r = &rows[i];
        URL_COMPONENTS uc;
        memset(&uc, 0, sizeof uc);
        uc.dwStructSize = sizeof uc;
        uc.dwSchemeLength = uc.dwUserNameLength = uc.dwPasswordLength = uc.dwUrlPathLength = uc.dwExtraInfoLength = ~0u;
        uc.dwHostNameLength = 1;
        uc.nPort = 1;
        BOOL ok = WinHttpCrackUrl(r->url, 0, 0, &uc);
        CHECK(ok && GetLastError() == ERROR_SUCCESS, "%ls: %u", r->url, GetLastError());
        if (!ok) continue;
#define AT(p, off) ((off) < 0 ? (p) == NULL : (p) == r->url + (off))
        CHECK(AT(uc.lpszScheme, r->scheme) && uc.dwSchemeLength == r->lscheme, "%ls: scheme", r->url);
        CHECK(AT(uc.lpszUserName, r->user) && uc.dwUserNameLength == r->luser, "%ls: user %p %u", r->url, (void *)uc.lpszUserName, uc.dwUserNameLength);
        CHECK(AT(uc.lpszPassword, r->pass) && uc.dwPasswordLength == r->lpass, "%ls: password %p %u", r->url, (void *)uc.lpszPassword, uc.dwPasswordLength);
        CHECK(AT(uc.lpszHostName, r->host) && uc.dwHostNameLength == r->lhost, "%ls: host len %u", r->url, uc.dwHostNameLength);
        CHECK(AT(uc.lpszUrlPath, r->path) && uc.dwUrlPathLength == r->lpath, "%ls: path at %d len %u", r->url, (int)(uc.lpszUrlPath - r->url), uc.dwUrlPathLength);
        CHECK(AT(uc.lpszExtraInfo, r->extra) && uc.dwExtraInfoLength == r->lextra, "%ls: extra at %d len %u", r->url, (int)(uc.lpszExtraInfo - r->url), uc.dwExtraInfoLength);
        CHECK(uc.nPort == r->port, "%ls: port %u", r->url, uc.nPort);
#undef AT
    }
}

/* ---- WinHttpCrackUrl, buffers and argument errors --------------------------------------------- */

static const wchar_t URL1[] = L"http://username:password@www.winehq.org/site/about?query";

static void test_crack_buffers(void) {
    wchar_t scheme[20], user[20], pass[20], host[40], path[80], extra[40];
    URL_COMPONENTS uc;
#define BUFFERS()                                                 \
    do {                                                          \
        memset(&uc, 0, sizeof uc);                                \
        uc.dwStructSize = sizeof uc;                              \
        uc.lpszScheme = scheme; uc.dwSchemeLength = 20;           \
        uc.lpszUserName = user; uc.dwUserNameLength = 20;         \
        uc.lpszPassword = pass; uc.dwPasswordLength = 20;         \
        uc.lpszHostName = host; uc.dwHostNameLength = 40;         \
        uc.lpszUrlPath = path; uc.dwUrlPathLength = 80;           \
        uc.lpszExtraInfo = extra; uc.dwExtraInfoLength = 40;      \
        scheme[0] = user[0] = pass[0] = host[0] = path[0] = extra[0] = 0; \
    } while (0)

    /* Several buffers too small: each gets the length it needs, the others are still copied. */
    BUFFERS();
    uc.dwSchemeLength = 1;
    uc.dwHostNameLength = 1;
    SetLastError(0xdeadbeef);
    CHECK(!WinHttpCrackUrl(URL1, 0, 0, &uc) && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short buffers: %u", GetLastError());
    CHECK(uc.dwSchemeLength == 5 && uc.dwHostNameLength == 15, "needed lengths with the NUL: %u %u", uc.dwSchemeLength, uc.dwHostNameLength);
    CHECK(uc.dwUrlPathLength == 11 && wcscmp(path, L"/site/about") == 0, "path still copied: %ls", path);
    CHECK(wcscmp(user, L"username") == 0 && wcscmp(pass, L"password") == 0 && wcscmp(extra, L"?query") == 0, "user, password, extra still copied");
    CHECK(uc.nScheme == INTERNET_SCHEME_HTTP && uc.nPort == 80, "scheme and port set");

    /* No user info: the buffers get empty strings. */
    BUFFERS();
    CHECK(WinHttpCrackUrl(L"http://h/x", 0, 0, &uc) && uc.dwUserNameLength == 0 && user[0] == 0 && uc.dwPasswordLength == 0, "no user info into buffers");

    /* Extra info not asked for: the query stays part of the path. */
    struct {
        const wchar_t *url, *path;
    } keep[] = {
        {L"https://tools.google.com/service/update2?w=3:BxDHoWy8ezM", L"/service/update2?w=3:BxDHoWy8ezM"},
        {L"https://nba2k19-ws.2ksports.com:19133/nba/v4/Accounts/get_account?x=3789526775265663876", L"/nba/v4/Accounts/get_account?x=3789526775265663876"},
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        BUFFERS();
        uc.lpszExtraInfo = NULL;
        uc.dwExtraInfoLength = 0;
        CHECK(WinHttpCrackUrl(keep[i].url, 0, 0, &uc) && wcscmp(path, keep[i].path) == 0 && uc.dwUrlPathLength == wcslen(keep[i].path),
              "%ls: path %ls", keep[i].url, path);
    }

    /* ICU_DECODE / ICU_ESCAPE into buffers. */
    BUFFERS();
    CHECK(WinHttpCrackUrl(L"http://u:p@h/site/about%20!%22%23$%25&'()*+,-./:;%3C=%3E?@%5B%5C%5D%5E_%60%7B%7C%7D%7E", 0, ICU_DECODE, &uc), "decode: %u", GetLastError());
    CHECK(wcscmp(path, L"/site/about !\"#$%&'()*+,-./:;<=>") == 0 && uc.dwUrlPathLength == 32, "decoded path %ls", path);
    CHECK(wcscmp(extra, L"?@[\\]^_`{|}~") == 0 && uc.dwExtraInfoLength == 12, "decoded extra %ls", extra);
    BUFFERS();
    uc.lpszExtraInfo = NULL;
    uc.dwExtraInfoLength = 0;
    CHECK(WinHttpCrackUrl(L"http://winehq.o g/path with spaces", 0, ICU_ESCAPE | ICU_DECODE, &uc) && wcscmp(host, L"winehq.o g") == 0 &&
          wcscmp(path, L"/path%20with%20spaces") == 0 && uc.dwUrlPathLength == 21, "escaped path %ls", path);

    /* Argument errors. */
    URL_COMPONENTS p;
    memset(&p, 0, sizeof p);
    p.dwStructSize = sizeof p;
    p.dwSchemeLength = p.dwUserNameLength = p.dwPasswordLength = p.dwUrlPathLength = p.dwExtraInfoLength = ~0u;
    p.dwHostNameLength = 1;
    SetLastError(0xdeadbeef);
    CHECK(!WinHttpCrackUrl(L"http://u:p@h/site/about%20x?y", 0, ICU_DECODE, &p) && GetLastError() == ERROR_INVALID_PARAMETER, "ICU_DECODE without buffers: %u", GetLastError());

    /* A buffer with length 0: 87, nothing written. */
    memset(&uc, 0, sizeof uc);
    uc.dwStructSize = sizeof uc;
    uc.lpszScheme = scheme;
    uc.dwSchemeLength = 0;
    uc.dwUserNameLength = uc.dwPasswordLength = ~0u;
    scheme[0] = L'Z';
    SetLastError(0xdeadbeef);
    CHECK(!WinHttpCrackUrl(L"http://www.winehq.org/test", 0, 0, &uc) && GetLastError() == ERROR_INVALID_PARAMETER, "zero-length buffer: %u", GetLastError());
    CHECK(scheme[0] == L'Z' && uc.dwSchemeLength == 0 && uc.nScheme == 0 && uc.nPort == 0, "nothing changed");
    CHECK(uc.lpszUserName == NULL && uc.dwUserNameLength == ~0u && uc.lpszPassword == NULL && uc.dwPasswordLength == ~0u, "other parts untouched");
    CHECK(uc.lpszHostName == NULL && uc.lpszUrlPath == NULL && uc.lpszExtraInfo == NULL, "no pointers set");

    struct {
        const wchar_t *url;
        DWORD error;
    } bad[] = {
        {L"HTTP:www.winehq.org", ERROR_WINHTTP_INVALID_URL},
        {L"http:/www.winehq.org", ERROR_WINHTTP_INVALID_URL},
        {L"www.winehq.org", ERROR_WINHTTP_UNRECOGNIZED_SCHEME},
        {L"www", ERROR_WINHTTP_UNRECOGNIZED_SCHEME},
        {L"http", ERROR_WINHTTP_UNRECOGNIZED_SCHEME},
        {L"", ERROR_WINHTTP_UNRECOGNIZED_SCHEME},
        {L"http://", ERROR_WINHTTP_INVALID_URL},
        {L"http://winehq.org:65536", ERROR_WINHTTP_INVALID_URL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&p, 0, sizeof p);
        p.dwStructSize = sizeof p;
        p.dwSchemeLength = p.dwUserNameLength = p.dwPasswordLength = p.dwUrlPathLength = p.dwExtraInfoLength = ~0u;
        p.dwHostNameLength = 1;
        SetLastError(0xdeadbeef);
        CHECK(!WinHttpCrackUrl(bad[i].url, 0, 0, &p) && GetLastError() == bad[i].error, "%ls: want %u got %u", bad[i].url, bad[i].error, GetLastError());
    }
#undef BUFFERS
}

int main(void) {
    test_create_rows();
    test_create_sizing();
    test_crack_pointers();
    test_crack_buffers();
    return ts_finish("winhttp_url");
}
