/* WinHTTP handles, options, URLs and dates without a server: wrong kinds, dead and forged handles,
 * calls out of order, option sizing and unknown options, WinHttpCrackUrl/WinHttpCreateUrl tables,
 * WinHttpTimeFromSystemTime/WinHttpTimeToSystemTime. */
#include <windows.h>
#include <winhttp.h>
#include <http.h>
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
    /* Windows (issue 12): the verb before sending; a level past WINHTTP_QUERY_MAX is an invalid argument. */
    len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_REQUEST_METHOD | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL) && wcscmp(w, L"GET") == 0, "verb before send: %u", GetLastError());
    struct { DWORD level; DWORD error; } levels[] = {
        {WINHTTP_QUERY_MAX + 1, ERROR_INVALID_PARAMETER},
        {(WINHTTP_QUERY_MAX + 1) | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, ERROR_INVALID_PARAMETER},
        {1000 | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, ERROR_INVALID_PARAMETER},
        {WINHTTP_QUERY_MAX | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, ERROR_WINHTTP_HEADER_NOT_FOUND},
    };
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        len = sizeof w;
        SetLastError(0);
        CHECK(!WinHttpQueryHeaders(req, levels[i].level, NULL, w, &len, NULL) && GetLastError() == levels[i].error, "level %#x: %u", levels[i].level, GetLastError());
    }

    /* Options: types, sizing, unknown ones. */
    DWORD v = 1234;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_CONNECT_TIMEOUT, &v, sizeof v), "set connect timeout");
    v = 0; len = sizeof v;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_CONNECT_TIMEOUT, &v, &len) && v == 1234, "query connect timeout");
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_CONNECT_TIMEOUT, &v, 2) && GetLastError() == ERROR_INSUFFICIENT_BUFFER, "short DWORD");
    CHECK(!WinHttpSetOption(ses, 99999, &v, sizeof v) && GetLastError() == ERROR_WINHTTP_INVALID_OPTION, "unknown option");
    CHECK(!WinHttpQueryOption(ses, 99999, &v, &len) && GetLastError() == ERROR_WINHTTP_INVALID_OPTION, "unknown option query");
    len = sizeof v;
    CHECK(!WinHttpQueryOption(ses, 0, &v, &len) && GetLastError() == ERROR_INVALID_PARAMETER, "option 0 query: 87 (Windows)");
    CHECK(!WinHttpSetOption(ses, 0, &v, sizeof v) && GetLastError() == ERROR_WINHTTP_INVALID_OPTION, "option 0 set: 12009");
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

    /* Closing the session closes that one handle (Windows): its connect and request handles stay
     * open, answer options and close on their own. */
    CHECK(WinHttpCloseHandle(ses), "close session");
    ctx = 0; len = sizeof ctx;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, &len) && ctx == 0xfeed, "request open after its session closed");
    CHECK(WinHttpCloseHandle(req), "request closes on its own");
    CHECK(WinHttpCloseHandle(con), "connect closes on its own");
    CHECK(!WinHttpCloseHandle(req) && GetLastError() == ERROR_INVALID_HANDLE, "request closed once");
    CHECK(!WinHttpCloseHandle(con) && GetLastError() == ERROR_INVALID_HANDLE, "connect closed once");
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
    /* Windows is lenient (issue 12): leading space, lower case, no comma, spaces for colons, no GMT. */
    static const wchar_t *loose[] = {L" fri 7 jan 2005 12 06 35", L"Fri, 07 Jan 2005 12:06:35 GMT", L"FRI 07 JAN 2005 12:06:35",
                                     L"fri, 07 jan 2005 12:06:35 gmt", L"  Fri 07 Jan 2005 12 06 35 GMT"};
    for (size_t i = 0; i < sizeof loose / sizeof loose[0]; i++) {
        memset(&back, 0, sizeof back);
        CHECK(WinHttpTimeToSystemTime(loose[i], &back) && back.wYear == 2005 && back.wMonth == 1 && back.wDay == 7 &&
                  back.wHour == 12 && back.wMinute == 6 && back.wSecond == 35 && back.wDayOfWeek == 5,
              "loose date %ls", loose[i]);
    }
}

/* A handle that is not a WinHTTP handle at all (an event, an http.sys request queue) given to any
 * WinHTTP function: ERROR_INVALID_HANDLE, as Windows' own WinHTTP handle table says; a WinHTTP handle
 * of the wrong WinHTTP kind: ERROR_WINHTTP_INCORRECT_HANDLE_TYPE (issue 12). Each row returns the
 * call's error (0 when it succeeded). */
typedef DWORD (*handle_call)(HINTERNET h);
static DWORD le(BOOL ok) { return ok ? 0 : GetLastError(); }
static DWORD c_connect(HINTERNET h) { return WinHttpConnect(h, L"h", 80, 0) ? 0 : GetLastError(); }
static DWORD c_open_request(HINTERNET h) { return WinHttpOpenRequest(h, NULL, NULL, NULL, NULL, NULL, 0) ? 0 : GetLastError(); }
static DWORD c_send(HINTERNET h) { return le(WinHttpSendRequest(h, NULL, 0, NULL, 0, 0, 0)); }
static DWORD c_receive(HINTERNET h) { return le(WinHttpReceiveResponse(h, NULL)); }
static DWORD c_add_headers(HINTERNET h) { return le(WinHttpAddRequestHeaders(h, L"X: y", (DWORD)-1, WINHTTP_ADDREQ_FLAG_ADD)); }
static DWORD c_query_headers(HINTERNET h) {
    wchar_t b[64];
    DWORD len = sizeof b;
    return le(WinHttpQueryHeaders(h, WINHTTP_QUERY_RAW_HEADERS_CRLF | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, b, &len, NULL));
}
static DWORD c_available(HINTERNET h) { DWORD n; return le(WinHttpQueryDataAvailable(h, &n)); }
static DWORD c_read(HINTERNET h) { char b[4]; DWORD n; return le(WinHttpReadData(h, b, sizeof b, &n)); }
static DWORD c_read_ex(HINTERNET h) { char b[4]; DWORD n; return WinHttpReadDataEx(h, b, sizeof b, &n, 0, 0, NULL); }
static DWORD c_write(HINTERNET h) { DWORD n; return le(WinHttpWriteData(h, "x", 1, &n)); }
static DWORD c_query_option(HINTERNET h) { DWORD v, len = sizeof v; return le(WinHttpQueryOption(h, WINHTTP_OPTION_HANDLE_TYPE, &v, &len)); }
static DWORD c_set_option(HINTERNET h) { DWORD_PTR v = 1; return le(WinHttpSetOption(h, WINHTTP_OPTION_CONTEXT_VALUE, &v, sizeof v)); }
static DWORD c_set_timeouts(HINTERNET h) { return le(WinHttpSetTimeouts(h, 1000, 1000, 1000, 1000)); }
static DWORD c_credentials(HINTERNET h) { return le(WinHttpSetCredentials(h, WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_BASIC, L"u", L"p", NULL)); }
static DWORD c_auth_schemes(HINTERNET h) { DWORD a, b, c; return le(WinHttpQueryAuthSchemes(h, &a, &b, &c)); }
static DWORD c_callback(HINTERNET h) {
    return WinHttpSetStatusCallback(h, NULL, 0, 0) == WINHTTP_INVALID_STATUS_CALLBACK ? GetLastError() : 0;
}
static DWORD c_upgrade(HINTERNET h) { return WinHttpWebSocketCompleteUpgrade(h, 0) ? 0 : GetLastError(); }
static DWORD c_ws_send(HINTERNET h) { return WinHttpWebSocketSend(h, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, "x", 1); }
static DWORD c_ws_receive(HINTERNET h) {
    char b[4];
    DWORD n;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
    return WinHttpWebSocketReceive(h, b, sizeof b, &n, &t);
}
static DWORD c_ws_shutdown(HINTERNET h) { return WinHttpWebSocketShutdown(h, 1000, NULL, 0); }
static DWORD c_ws_close(HINTERNET h) { return WinHttpWebSocketClose(h, 1000, NULL, 0); }
static DWORD c_ws_status(HINTERNET h) { USHORT st; char b[4]; DWORD n; return WinHttpWebSocketQueryCloseStatus(h, &st, b, sizeof b, &n); }
static DWORD c_resolver(HINTERNET h) { HINTERNET r; return WinHttpCreateProxyResolver(h, &r); }
static DWORD c_conn_group(HINTERNET h) { WINHTTP_QUERY_CONNECTION_GROUP_RESULT *r = NULL; return WinHttpQueryConnectionGroup(h, NULL, 0, &r); }
static DWORD c_reset_autoproxy(HINTERNET h) { return WinHttpResetAutoProxy(h, 0); }
static DWORD c_close(HINTERNET h) { return le(WinHttpCloseHandle(h)); }

static void test_foreign_handles(void) {
    HINTERNET ses = WinHttpOpen(L"a", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"example.invalid", 80, 0);
    HINTERNET req = WinHttpOpenRequest(con, NULL, NULL, NULL, NULL, NULL, 0);
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE queue = NULL;
    HTTPAPI_VERSION v2 = HTTPAPI_VERSION_2;
    CHECK(HttpInitialize(v2, HTTP_INITIALIZE_SERVER, NULL) == NO_ERROR, "HttpInitialize");
    CHECK(HttpCreateRequestQueue(v2, NULL, NULL, 0, &queue) == NO_ERROR && queue, "request queue");
    /* `wrong`: a WinHTTP handle of another kind (NULL: every kind is accepted). */
    const struct {
        const char *what;
        handle_call call;
        HINTERNET wrong;
    } rows[] = {
        {"WinHttpConnect", c_connect, req},
        {"WinHttpOpenRequest", c_open_request, ses},
        {"WinHttpSendRequest", c_send, con},
        {"WinHttpReceiveResponse", c_receive, ses},
        {"WinHttpAddRequestHeaders", c_add_headers, con},
        {"WinHttpQueryHeaders", c_query_headers, ses},
        {"WinHttpQueryDataAvailable", c_available, con},
        {"WinHttpReadData", c_read, ses},
        {"WinHttpReadDataEx", c_read_ex, con},
        {"WinHttpWriteData", c_write, ses},
        {"WinHttpQueryOption", c_query_option, NULL},
        {"WinHttpSetOption", c_set_option, NULL},
        {"WinHttpSetTimeouts", c_set_timeouts, NULL},
        {"WinHttpSetCredentials", c_credentials, con},
        {"WinHttpQueryAuthSchemes", c_auth_schemes, ses},
        {"WinHttpSetStatusCallback", c_callback, NULL},
        {"WinHttpWebSocketCompleteUpgrade", c_upgrade, con},
        {"WinHttpWebSocketSend", c_ws_send, req},
        {"WinHttpWebSocketReceive", c_ws_receive, req},
        {"WinHttpWebSocketShutdown", c_ws_shutdown, req},
        {"WinHttpWebSocketClose", c_ws_close, req},
        {"WinHttpWebSocketQueryCloseStatus", c_ws_status, req},
        {"WinHttpCreateProxyResolver", c_resolver, con},
        {"WinHttpQueryConnectionGroup", c_conn_group, ses},
        {"WinHttpResetAutoProxy", c_reset_autoproxy, req},
        {"WinHttpCloseHandle", c_close, NULL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        DWORD e = rows[i].call((HINTERNET)event);
        CHECK(e == ERROR_INVALID_HANDLE, "%s(event): %u", rows[i].what, e);
        e = rows[i].call((HINTERNET)queue);
        CHECK(e == ERROR_INVALID_HANDLE, "%s(request queue): %u", rows[i].what, e);
        if (rows[i].wrong) {
            e = rows[i].call(rows[i].wrong);
            CHECK(e == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "%s(wrong WinHTTP kind): %u", rows[i].what, e);
        }
    }
    /* WinHttpCloseHandle refused them: both still work. */
    CHECK(SetEvent(event) && WaitForSingleObject(event, 0) == WAIT_OBJECT_0, "event still open");
    CHECK(HttpCloseRequestQueue(queue) == NO_ERROR, "queue still open");
    CHECK(CloseHandle(event), "close event");
    WinHttpCloseHandle(ses);
}

int main(void) {
    test_handles();
    test_crack();
    test_time();
    test_foreign_handles();
    return ts_finish("winhttp_handles");
}
