/* WinHTTP handles, options, URLs and dates without a server: wrong kinds, dead and forged handles,
 * calls out of order, option sizing and unknown options, WinHttpCrackUrl/WinHttpCreateUrl tables,
 * WinHttpTimeFromSystemTime/WinHttpTimeToSystemTime. */
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include "test_support.h"

static void test_handles(void) {
    CHECK(WinHttpCheckPlatform(), "platform");
    HINTERNET ses = WinHttpOpen(L"agent", WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, NULL, NULL, 0);
    CHECK(ses != NULL, "session");
    CHECK(WinHttpOpen(L"a", WINHTTP_ACCESS_TYPE_NAMED_PROXY, NULL, NULL, 0) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "named proxy without name");
    CHECK(WinHttpOpen(L"a", 77, NULL, NULL, 0) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "bad access type");
    HINTERNET con = WinHttpConnect(ses, L"example.invalid", 0, 0);
    CHECK(con != NULL, "connect");
    CHECK(WinHttpConnect(ses, NULL, 80, 0) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "NULL server");
    CHECK(WinHttpConnect(con, L"h", 80, 0) == NULL && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "connect on connect handle");
    CHECK(WinHttpConnect(NULL, L"h", 80, 0) == NULL && GetLastError() == ERROR_INVALID_HANDLE, "connect on NULL");
    CHECK(WinHttpConnect((HINTERNET)(uintptr_t)0x12345670, L"h", 80, 0) == NULL && GetLastError() == ERROR_INVALID_HANDLE, "forged handle");
    HINTERNET req = WinHttpOpenRequest(con, NULL, NULL, NULL, NULL, NULL, 0);
    CHECK(req != NULL, "request");
    CHECK(WinHttpOpenRequest(ses, NULL, NULL, NULL, NULL, NULL, 0) == NULL && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "request on session");
    CHECK(!WinHttpSendRequest(con, NULL, 0, NULL, 0, 0, 0) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "send on connect");
    CHECK(!WinHttpReceiveResponse(req, NULL) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "receive before send");
    DWORD n = 5, len;
    CHECK(!WinHttpQueryDataAvailable(req, &n) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "available before send");
    char b[8];
    CHECK(!WinHttpReadData(req, b, sizeof b, &n) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "read before send");
    wchar_t w[128];
    len = sizeof w;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE, NULL, w, &len, NULL) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "response query before send");
    len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL), "request headers before send");
    /* FLAG_NUMBER past a DWORD saturates (strtoul), it does not wrap: 4 GiB + 1 is not 1. */
    CHECK(WinHttpAddRequestHeaders(req, L"X-Big: 4294967297\r\nX-Huge: 99999999999999999999999", (DWORD)-1, WINHTTP_ADDREQ_FLAG_ADD), "add big numbers");
    DWORD num32 = 0;
    ULONGLONG num64 = 0;
    len = sizeof num32;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_NUMBER | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, L"X-Big", &num32, &len, NULL) && num32 == 0xFFFFFFFFu, "DWORD saturates");
    len = sizeof num64;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_NUMBER64 | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, L"X-Big", &num64, &len, NULL) && num64 == 4294967297ull, "NUMBER64 exact");
    len = sizeof num64;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_NUMBER64 | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, L"X-Huge", &num64, &len, NULL) && num64 == ~0ull, "ULONGLONG saturates");
    CHECK(wcsncmp(w, L"GET / HTTP/1.1\r\n", 16) == 0, "defaults GET / HTTP/1.1: %ls", w);
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE, NULL, w, NULL, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL length");

    /* Options: types, sizing, unknown ones. */
    DWORD v = 1234;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_CONNECT_TIMEOUT, &v, sizeof v), "set connect timeout");
    v = 0; len = sizeof v;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_CONNECT_TIMEOUT, &v, &len) && v == 1234, "query connect timeout");
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_CONNECT_TIMEOUT, &v, 2) && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short DWORD");
    CHECK(!WinHttpSetOption(ses, 99999, &v, sizeof v) && GetLastError() == ERROR_WINHTTP_INVALID_OPTION, "unknown option");
    CHECK(!WinHttpQueryOption(ses, 99999, &v, &len) && GetLastError() == ERROR_WINHTTP_INVALID_OPTION, "unknown option query");
    len = 1;
    CHECK(!WinHttpQueryOption(ses, WINHTTP_OPTION_CONNECT_TIMEOUT, &v, &len) && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len == 4, "query sizing");
    len = sizeof v;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_HANDLE_TYPE, &v, &len) && v == WINHTTP_HANDLE_TYPE_REQUEST, "handle type");
    HINTERNET parent = NULL;
    len = sizeof parent;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_PARENT_HANDLE, &parent, &len) && parent == con, "parent handle");
    DWORD_PTR ctx = 0xfeedULL;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx), "context set");
    ctx = 0; len = sizeof ctx;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, &len) && ctx == 0xfeed, "context query");
    len = 0;
    CHECK(!WinHttpQueryOption(ses, WINHTTP_OPTION_USER_AGENT, NULL, &len) && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len == 6 * sizeof(wchar_t), "agent sizing");
    len = sizeof w;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_USER_AGENT, w, &len) && wcscmp(w, L"agent") == 0 && len == 5 * sizeof(wchar_t), "agent");
    len = sizeof w;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_URL, w, &len) && wcscmp(w, L"http://example.invalid/") == 0, "URL: %ls", w);
    CHECK(!WinHttpQueryOption(con, WINHTTP_OPTION_URL, w, &len) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "URL on connect");
    CHECK(!WinHttpSetOption(req, WINHTTP_OPTION_URL, w, 4) && GetLastError() == ERROR_WINHTTP_OPTION_NOT_SETTABLE, "URL read-only");
    v = 4;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_MAX_CONNS_PER_SERVER, &v, sizeof v), "max conns");
    v = WINHTTP_OPTION_REDIRECT_POLICY_ALWAYS;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_REDIRECT_POLICY, &v, sizeof v), "redirect policy");
    WINHTTP_PROXY_INFO pi = {WINHTTP_ACCESS_TYPE_NAMED_PROXY, L"proxy:3128", L"<local>"};
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_PROXY, &pi, sizeof pi), "proxy");
    HTTP_VERSION_INFO hv;
    len = sizeof hv;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_HTTP_VERSION, &hv, &len) && hv.dwMajorVersion == 1 && hv.dwMinorVersion == 1, "http version");

    /* Closing the session closes its children. */
    CHECK(WinHttpCloseHandle(ses), "close session");
    CHECK(!WinHttpCloseHandle(req) && GetLastError() == ERROR_INVALID_HANDLE, "request closed with session");
    CHECK(!WinHttpCloseHandle(con) && GetLastError() == ERROR_INVALID_HANDLE, "connect closed with session");
    CHECK(!WinHttpCloseHandle(NULL) && GetLastError() == ERROR_INVALID_HANDLE, "close NULL");
}

struct crack_row {
    const wchar_t *url;
    DWORD error;
    const wchar_t *scheme, *host, *user, *pass, *path, *extra;
    INTERNET_PORT port;
    int nscheme;
};

static void test_crack(void) {
    const struct crack_row rows[] = {
        {L"http://host/path?x=1", 0, L"http", L"host", L"", L"", L"/path", L"?x=1", 80, INTERNET_SCHEME_HTTP},
        {L"https://u:p@h.example:8443/a/b#frag", 0, L"https", L"h.example", L"u", L"p", L"/a/b", L"#frag", 8443, INTERNET_SCHEME_HTTPS},
        {L"HTTP://h", 0, L"HTTP", L"h", L"", L"", L"", L"", 80, INTERNET_SCHEME_HTTP},
        {L"https://[::1]:444/x", 0, L"https", L"[::1]", L"", L"", L"/x", L"", 444, INTERNET_SCHEME_HTTPS},
        {L"ftp://h/", ERROR_WINHTTP_UNRECOGNIZED_SCHEME, 0, 0, 0, 0, 0, 0, 0, 0},
        {L"nonsense", ERROR_WINHTTP_UNRECOGNIZED_SCHEME, 0, 0, 0, 0, 0, 0, 0, 0},
        {L"http:/h", ERROR_WINHTTP_INVALID_URL, 0, 0, 0, 0, 0, 0, 0, 0},
        {L"http://h:70000/", ERROR_WINHTTP_INVALID_URL, 0, 0, 0, 0, 0, 0, 0, 0},
        {L"http://", ERROR_WINHTTP_INVALID_URL, 0, 0, 0, 0, 0, 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct crack_row *r = &rows[i];
        /* Pointers into the URL: NULL pointers with non-zero lengths. */
        URL_COMPONENTS uc;
        memset(&uc, 0, sizeof uc);
        uc.dwStructSize = sizeof uc;
        uc.dwSchemeLength = uc.dwHostNameLength = uc.dwUserNameLength = uc.dwPasswordLength = uc.dwUrlPathLength = uc.dwExtraInfoLength = (DWORD)-1;
        BOOL ok = WinHttpCrackUrl(r->url, 0, 0, &uc);
        if (r->error) {
            CHECK(!ok && GetLastError() == r->error, "%ls: error %u got %u", r->url, r->error, GetLastError());
            continue;
        }
        CHECK(ok, "%ls: %u", r->url, GetLastError());
        if (!ok) continue;
#define SAME(p, l, want) (l == wcslen(want) && wcsncmp(p, want, l) == 0)
        CHECK(SAME(uc.lpszScheme, uc.dwSchemeLength, r->scheme) && uc.lpszScheme == r->url, "%ls: scheme points into the URL", r->url);
        CHECK(SAME(uc.lpszHostName, uc.dwHostNameLength, r->host), "%ls: host", r->url);
        CHECK(SAME(uc.lpszUserName, uc.dwUserNameLength, r->user), "%ls: user", r->url);
        CHECK(SAME(uc.lpszPassword, uc.dwPasswordLength, r->pass), "%ls: password", r->url);
        CHECK(SAME(uc.lpszUrlPath, uc.dwUrlPathLength, r->path), "%ls: path", r->url);
        CHECK(SAME(uc.lpszExtraInfo, uc.dwExtraInfoLength, r->extra), "%ls: extra", r->url);
        CHECK(uc.nPort == r->port && uc.nScheme == r->nscheme, "%ls: port/scheme", r->url);
        /* Caller buffers, and the round trip through WinHttpCreateUrl. */
        wchar_t scheme[16], host[64], path[64], extra[64], made[256];
        memset(&uc, 0, sizeof uc);
        uc.dwStructSize = sizeof uc;
        uc.lpszScheme = scheme; uc.dwSchemeLength = 16;
        uc.lpszHostName = host; uc.dwHostNameLength = 64;
        uc.lpszUrlPath = path; uc.dwUrlPathLength = 64;
        uc.lpszExtraInfo = extra; uc.dwExtraInfoLength = 64;
        CHECK(WinHttpCrackUrl(r->url, 0, 0, &uc), "%ls: into buffers", r->url);
        CHECK(wcscmp(host, r->host) == 0 && uc.dwHostNameLength == wcslen(r->host), "%ls: host copy", r->url);
        DWORD mlen = 0;
        CHECK(!WinHttpCreateUrl(&uc, 0, NULL, &mlen) && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "%ls: create sizing", r->url);
        DWORD need = mlen;
        CHECK(WinHttpCreateUrl(&uc, 0, made, &mlen) && mlen == need - 1, "%ls: create", r->url);
    }
    URL_COMPONENTS uc;
    memset(&uc, 0, sizeof uc);
    uc.dwStructSize = sizeof uc;
    wchar_t small[3];
    uc.lpszHostName = small; uc.dwHostNameLength = 3;
    CHECK(!WinHttpCrackUrl(L"http://longhost/", 0, 0, &uc) && GetLastError() == ERROR_INSUFFICIENT_BUFFER && uc.dwHostNameLength == 9, "small host buffer: needed %u", uc.dwHostNameLength);
    wchar_t p[64];
    memset(&uc, 0, sizeof uc);
    uc.dwStructSize = sizeof uc;
    uc.lpszUrlPath = p; uc.dwUrlPathLength = 64;
    CHECK(WinHttpCrackUrl(L"http://h/a%20b", 0, ICU_DECODE, &uc) && wcscmp(p, L"/a b") == 0, "ICU_DECODE: %ls", p);
    uc.dwUrlPathLength = 64;
    CHECK(WinHttpCrackUrl(L"http://h/a b", 0, ICU_ESCAPE, &uc) && wcscmp(p, L"/a%20b") == 0, "ICU_ESCAPE: %ls", p);
    uc.dwUrlPathLength = 64;
    CHECK(WinHttpCrackUrl(L"http://h/abcdef", 10, 0, &uc) && wcscmp(p, L"/a") == 0, "dwUrlLength in characters: %ls", p);
    uc.dwStructSize = 3;
    CHECK(!WinHttpCrackUrl(L"http://h/", 0, 0, &uc) && GetLastError() == ERROR_INVALID_PARAMETER, "bad dwStructSize");
    CHECK(!WinHttpCrackUrl(NULL, 0, 0, &uc) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL URL");
    memset(&uc, 0, sizeof uc);
    uc.dwStructSize = sizeof uc;
    uc.nScheme = INTERNET_SCHEME_HTTPS;
    uc.lpszHostName = L"h"; uc.nPort = 443;
    uc.lpszUrlPath = L"/a b";
    wchar_t made[64];
    DWORD mlen = 64;
    CHECK(WinHttpCreateUrl(&uc, ICU_ESCAPE, made, &mlen) && wcscmp(made, L"https://h/a%20b") == 0, "create escaped, default port left out: %ls", made);
    uc.lpszHostName = NULL;
    mlen = 64;
    /* Windows builds a URL without a host name (issue 12): `scheme://` then the path. */
    CHECK(WinHttpCreateUrl(&uc, 0, made, &mlen) && wcscmp(made, L"https:///a b") == 0, "create without host: %ls", made);
}

static void test_time(void) {
    SYSTEMTIME st = {2004, 1, 0, 13, 16, 19, 26, 0}, back;
    /* Sized as Microsoft's sample does (WINHTTP_TIME_FORMAT_BUFSIZE is a byte count). */
    CHECK(WINHTTP_TIME_FORMAT_BUFSIZE / sizeof(WCHAR) >= 30, "WINHTTP_TIME_FORMAT_BUFSIZE holds the date: %u WCHARs", (unsigned)(WINHTTP_TIME_FORMAT_BUFSIZE / sizeof(WCHAR)));
    wchar_t s[WINHTTP_TIME_FORMAT_BUFSIZE / sizeof(WCHAR)];
    CHECK(WinHttpTimeFromSystemTime(&st, s) && wcscmp(s, L"Tue, 13 Jan 2004 16:19:26 GMT") == 0, "format: %ls", s);
    CHECK(WinHttpTimeToSystemTime(s, &back) && back.wYear == 2004 && back.wDay == 13 && back.wDayOfWeek == 2 && back.wSecond == 26, "parse back");
    CHECK(WinHttpTimeToSystemTime(L"Sunday, 06-Nov-94 08:49:37 GMT", &back) && back.wYear == 1994, "RFC 850");
    CHECK(WinHttpTimeToSystemTime(L"Sun Nov  6 08:49:37 1994", &back) && back.wMonth == 11, "asctime");
    CHECK(!WinHttpTimeFromSystemTime(NULL, s) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL time");
    /* Fields out of range would format past the 31-WCHAR buffer: refused, the buffer untouched beyond it. */
    SYSTEMTIME wild = {65535, 12, 0, 65535, 65535, 65535, 65535, 0};
    wchar_t big[40];
    for (int i = 0; i < 40; i++) big[i] = 0x5A5A;
    CHECK(!WinHttpTimeFromSystemTime(&wild, big) && GetLastError() == ERROR_INVALID_PARAMETER, "out-of-range fields refused");
    CHECK(big[31] == 0x5A5A && big[39] == 0x5A5A, "nothing written past 31 WCHARs");
    SYSTEMTIME far = {65535, 12, 0, 31, 23, 59, 59, 0};
    CHECK(WinHttpTimeFromSystemTime(&far, big) && wcslen(big) == 30 && big[31] == 0x5A5A, "year 65535 fits: %ls", big);
    CHECK(!WinHttpTimeToSystemTime(NULL, &back) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL string");
}

int main(void) {
    test_handles();
    test_crack();
    test_time();
    return ts_finish("winhttp_handles");
}
