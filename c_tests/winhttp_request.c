#define _GNU_SOURCE
/* WinHTTP synchronous requests against a loopback server that echoes the raw request bytes:
 * GET/HEAD/POST, response bodies (Content-Length, chunked, close-delimited), header queries,
 * keep-alive reuse, redirects, cookies, decompression, timeouts, and every error path of the
 * receive side (malformed, cut mid-body, bad chunking, header overflow, refused, unresolved). */
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

static char body[2 * 1024 * 1024];
static int port;

static HINTERNET send_get(HINTERNET ses, HINTERNET *con, const wchar_t *path) {
    HINTERNET s = ses;
    HINTERNET req = whs_open(&s, con, port, L"GET", path, 0);
    CHECK(req != NULL, "open %ls", path);
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0), "send %ls: %u", path, GetLastError());
    return req;
}

static void test_get_and_queries(HINTERNET ses) {
    HINTERNET con, req = send_get(ses, &con, L"/echo/a b");
    CHECK(WinHttpReceiveResponse(req, NULL), "receive: %u", GetLastError());
    CHECK_EQ(whs_status(req), 200, "status");
    DWORD err;
    long n = whs_read_all(req, body, sizeof body, &err);
    CHECK(n > 0, "body read");
    CHECK(strncmp(body, "GET /echo/a%20b HTTP/1.1\r\n", 26) == 0, "request line escaped: %.40s", body);
    CHECK(strstr(body, "\r\nHost: 127.0.0.1:") != NULL, "Host header with port");
    CHECK(strstr(body, "\r\nUser-Agent: winhttp-test/1.0\r\n") != NULL, "User-Agent");
    CHECK(strstr(body, "Content-Length") == NULL, "no Content-Length on a GET");

    /* Text queries: length in bytes without the NUL; too small -> bytes needed with the NUL. */
    wchar_t w[256];
    DWORD len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_TYPE, NULL, w, &len, NULL), "content type");
    CHECK(wcscmp(w, L"application/octet-stream") == 0, "content type value");
    CHECK_EQ(len, wcslen(L"application/octet-stream") * sizeof(wchar_t), "length in bytes");
    len = 4;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_TYPE, NULL, w, &len, NULL), "small buffer fails");
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER, "ERROR_INSUFFICIENT_BUFFER");
    CHECK_EQ(len, (wcslen(L"application/octet-stream") + 1) * sizeof(wchar_t), "bytes needed");
    len = 0;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF, NULL, WINHTTP_NO_OUTPUT_BUFFER, &len, NULL), "NULL buffer sizing");
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER, "sizing error");
    len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF, NULL, w, &len, NULL), "raw crlf");
    CHECK(wcsncmp(w, L"HTTP/1.1 200 OK\r\n", 17) == 0, "raw starts with status line");
    CHECK(len >= 8 && wcscmp(w + len / sizeof(wchar_t) - 4, L"\r\n\r\n") == 0, "raw ends with blank line");
    len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS, NULL, w, &len, NULL), "raw NUL-separated");
    CHECK(w[len / sizeof(wchar_t)] == 0 && w[len / sizeof(wchar_t) - 1] == 0, "double NUL at the end");
    CHECK(wcscmp(w, L"HTTP/1.1 200 OK") == 0, "first string is the status line");
    len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_VERSION, NULL, w, &len, NULL) && wcscmp(w, L"HTTP/1.1") == 0, "version");
    len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_TEXT, NULL, w, &len, NULL) && wcscmp(w, L"OK") == 0, "status text");
    len = sizeof w;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_LOCATION, NULL, w, &len, NULL), "missing header");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_HEADER_NOT_FOUND, "ERROR_WINHTTP_HEADER_NOT_FOUND");
    DWORD num = 0;
    len = 2;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_NUMBER, NULL, &num, &len, NULL), "number into 2 bytes");
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER, "number sizing");
    CHECK_EQ(len, 4, "number needs 4 bytes");
    len = sizeof num;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_NUMBER, NULL, &num, &len, NULL), "number");
    CHECK_EQ(num, (DWORD)n, "Content-Length as number");
    /* Request headers as sent. */
    len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_REQUEST_METHOD | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL) && wcscmp(w, L"GET") == 0, "request method");
    len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_USER_AGENT | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL) && wcscmp(w, L"winhttp-test/1.0") == 0, "request user agent");
    /* Reading after the end gives 0 bytes, TRUE. */
    DWORD got = 99;
    CHECK(WinHttpReadData(req, body, 10, &got) && got == 0, "read after end");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_repeated_headers_and_types(HINTERNET ses) {
    HINTERNET con, req = send_get(ses, &con, L"/multi");
    CHECK(WinHttpReceiveResponse(req, NULL), "receive multi");
    const wchar_t *want[] = {L"one", L"two", L"three"};
    DWORD index = 0;
    for (int i = 0; i < 3; i++) {
        wchar_t w[64];
        DWORD len = sizeof w;
        CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM, L"x-multi", w, &len, &index), "occurrence %d", i);
        CHECK(wcscmp(w, want[i]) == 0, "value %d", i);
        CHECK_EQ(index, (DWORD)(i + 1), "index moves on");
    }
    wchar_t w[64];
    DWORD len = sizeof w;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM, L"x-multi", w, &len, &index), "past the last");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_HEADER_NOT_FOUND, "past the last: not found");
    ULONGLONG big = 0;
    len = sizeof big;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_NUMBER64, L"X-Big", &big, &len, NULL), "number64");
    CHECK(big == 123456789012ULL, "number64 value");
    SYSTEMTIME st;
    len = sizeof st;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_DATE | WINHTTP_QUERY_FLAG_SYSTEMTIME, NULL, &st, &len, NULL), "systemtime");
    CHECK(st.wYear == 1994 && st.wMonth == 11 && st.wDay == 6 && st.wHour == 8 && st.wDayOfWeek == 0, "date fields");
    DWORD err;
    CHECK_EQ(whs_read_all(req, body, sizeof body, &err), 2, "body");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

struct body_case {
    const wchar_t *path;
    const char *expect;
    DWORD recv_error, read_error;
};

static void test_body_framings(HINTERNET ses) {
    static char gz[4096], df[4096];
    gz[0] = df[0] = 0;
    for (int i = 0; i < 100; i++) strcat(gz, "compressed hello ");
    for (int i = 0; i < 100; i++) strcat(df, "deflated hello ");
    const struct body_case cases[] = {
        {L"/chunked", "hello, world", 0, 0},
        {L"/close", "until the end", 0, 0},
        {L"/empty", "", 0, 0},
        {L"/redirect", NULL, 0, 0},
        {L"/redirect3", NULL, 0, 0},
        {L"/cut", NULL, 0, ERROR_WINHTTP_CONNECTION_ERROR},
        {L"/bad", NULL, ERROR_WINHTTP_INVALID_SERVER_RESPONSE, 0},
        {L"/badchunk", NULL, 0, ERROR_WINHTTP_INVALID_SERVER_RESPONSE},
        {L"/hugehead", NULL, ERROR_WINHTTP_HEADER_SIZE_OVERFLOW, 0},
        {L"/gzip", gz, 0, 0},
        {L"/deflate", df, 0, 0},
    };
    DWORD dec = WINHTTP_DECOMPRESSION_FLAG_ALL;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_DECOMPRESSION, &dec, sizeof dec), "decompression option");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct body_case *c = &cases[i];
        HINTERNET con, req = send_get(ses, &con, c->path);
        BOOL ok = WinHttpReceiveResponse(req, NULL);
        if (c->recv_error) {
            CHECK(!ok && GetLastError() == c->recv_error, "%ls: receive error %u, got %u", c->path, c->recv_error, GetLastError());
        } else {
            CHECK(ok, "%ls: receive: %u", c->path, GetLastError());
            DWORD err;
            long n = whs_read_all(req, body, sizeof body, &err);
            if (c->read_error) {
                CHECK(n < 0 && err == c->read_error, "%ls: read error %u, got %u", c->path, c->read_error, err);
            } else if (c->expect) {
                CHECK(n == (long)strlen(c->expect) && strcmp(body, c->expect) == 0, "%ls: body (%ld) %.30s", c->path, n, body);
            } else {
                /* Redirects end at /echo: the final request is a GET of /echo. */
                CHECK(n > 0 && strncmp(body, "GET /echo ", 10) == 0, "%ls: redirected to /echo: %.30s", c->path, body);
                wchar_t url[256];
                DWORD len = sizeof url;
                CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_URL, url, &len) && wcsstr(url, L"/echo") != NULL, "%ls: URL option follows", c->path);
            }
        }
        WinHttpCloseHandle(req);
        WinHttpCloseHandle(con);
    }
    dec = 0;
    WinHttpSetOption(ses, WINHTTP_OPTION_DECOMPRESSION, &dec, sizeof dec);
}

static void test_keep_alive_and_cookies(HINTERNET ses) {
    DWORD status;
    char buf[64];
    /* The server counts requests per connection: consecutive GETs share one. */
    long n1 = whs_get(ses, port, L"/count", buf, sizeof buf, &status);
    CHECK(n1 > 0, "count 1");
    int c1 = atoi(buf);
    whs_get(ses, port, L"/count", buf, sizeof buf, &status);
    CHECK_EQ(atoi(buf), c1 + 1, "second request on the same connection");
    /* A pooled connection the server closed is replaced transparently (idempotent GET). */
    whs_get(ses, port, L"/stale", buf, sizeof buf, &status);
    usleep(200000);
    CHECK(whs_get(ses, port, L"/count", buf, sizeof buf, &status) > 0 && status == 200, "stale pooled connection retried");
    /* Cookies set by one response go with the next request of the session. */
    whs_get(ses, port, L"/setcookie", buf, sizeof buf, &status);
    whs_get(ses, port, L"/echo", body, sizeof body, &status);
    CHECK(strstr(body, "\r\nCookie: b=2; a=1\r\n") != NULL, "cookies sent back, newest first (Windows): %s", body);
    /* WINHTTP_DISABLE_COOKIES on a request. */
    HINTERNET con, s = ses, req = whs_open(&s, &con, port, L"GET", L"/echo", 0);
    DWORD feat = WINHTTP_DISABLE_COOKIES;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_DISABLE_FEATURE, &feat, sizeof feat), "disable cookies");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "send");
    DWORD err;
    whs_read_all(req, body, sizeof body, &err);
    CHECK(strstr(body, "Cookie:") == NULL, "no cookies when disabled");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_redirect_policy(HINTERNET ses) {
    HINTERNET con, s = ses, req = whs_open(&s, &con, port, L"GET", L"/redirect", 0);
    DWORD feat = WINHTTP_DISABLE_REDIRECTS;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_DISABLE_FEATURE, &feat, sizeof feat), "disable redirects");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "send");
    CHECK_EQ(whs_status(req), 302, "302 returned as is");
    wchar_t loc[64];
    DWORD len = sizeof loc;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_LOCATION, NULL, loc, &len, NULL) && wcscmp(loc, L"/echo") == 0, "Location");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    /* POST to a 303 becomes a GET without body; POST to 307 keeps method and lpOptional. */
    req = whs_open(&s, &con, port, L"POST", L"/r307", 0);
    CHECK(WinHttpSendRequest(req, NULL, 0, (LPVOID) "payload", 7, 7, 0) && WinHttpReceiveResponse(req, NULL), "307");
    DWORD err;
    long n = whs_read_all(req, body, sizeof body, &err);
    CHECK(n > 0 && strncmp(body, "POST /echo307 ", 14) == 0 && strstr(body, "\r\n\r\npayload") != NULL, "307 resends lpOptional: %s", body);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    req = whs_open(&s, &con, port, L"POST", L"/r303", 0);
    CHECK(WinHttpSendRequest(req, NULL, 0, (LPVOID) "payload", 7, 7, 0) && WinHttpReceiveResponse(req, NULL), "303");
    n = whs_read_all(req, body, sizeof body, &err);
    CHECK(n > 0 && strncmp(body, "GET /echo ", 10) == 0 && strstr(body, "payload") == NULL, "303 becomes GET: %s", body);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_resend_and_available(HINTERNET ses) {
    HINTERNET con, s = ses, req = whs_open(&s, &con, port, L"GET", L"/big", 0);
    for (int round = 0; round < 2; round++) {
        CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0), "send round %d", round);
        CHECK(WinHttpReceiveResponse(req, NULL), "receive round %d", round);
        size_t total = 0;
        int ok = 1;
        for (;;) {
            DWORD avail = 0, got = 0;
            if (!WinHttpQueryDataAvailable(req, &avail)) { ok = 0; break; }
            if (avail == 0) break;
            if (avail > sizeof body) avail = sizeof body;
            if (!WinHttpReadData(req, body, avail, &got) || got != avail) { ok = 0; break; }
            for (DWORD i = 0; i < got; i++) if ((unsigned char)body[i] != (unsigned char)((total + i) & 0xFF)) ok = 0;
            total += got;
        }
        CHECK(ok && total == 1024 * 1024, "round %d: 1 MiB body exact via QueryDataAvailable (%zu)", round, total);
    }
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_connect_errors(void) {
    HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    int dead = ts_free_port();
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)dead, 0);
    HINTERNET req = WinHttpOpenRequest(con, NULL, NULL, NULL, NULL, NULL, 0);
    CHECK(!WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0), "refused");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_CANNOT_CONNECT, "ERROR_WINHTTP_CANNOT_CONNECT");
    WinHttpCloseHandle(con);
    con = WinHttpConnect(ses, L"no-such-host.invalid", 80, 0);
    req = WinHttpOpenRequest(con, NULL, NULL, NULL, NULL, NULL, 0);
    CHECK(!WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0), "unresolved");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_NAME_NOT_RESOLVED, "ERROR_WINHTTP_NAME_NOT_RESOLVED");
    /* Receive timeout: the server answers /slow after 3 s. */
    con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    req = WinHttpOpenRequest(con, NULL, L"/slow", NULL, NULL, NULL, 0);
    CHECK(WinHttpSetTimeouts(req, 0, 1000, 1000, 500), "timeouts");
    CHECK(!WinHttpSetTimeouts(req, -2, 0, 0, 0) && GetLastError() == ERROR_INVALID_PARAMETER, "timeout -2 invalid");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0), "send slow");
    uint64_t t0 = ts_now_ms();
    CHECK(!WinHttpReceiveResponse(req, NULL), "slow times out");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_TIMEOUT, "ERROR_WINHTTP_TIMEOUT");
    CHECK(ts_now_ms() - t0 < 2500, "timed out early");
    WinHttpCloseHandle(ses); /* the session handle only (Windows): con and req stay open */
    CHECK(WinHttpCloseHandle(req) && WinHttpCloseHandle(con), "children close on their own after the session");
    CHECK(!WinHttpCloseHandle(req) && GetLastError() == ERROR_INVALID_HANDLE, "closed once");
}

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    pid_t server;
    port = whs_start_server(&server);
    CHECK(port != 0, "test server started");
    if (!port) return ts_finish("winhttp_request");
    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    CHECK(ses != NULL, "session");
    test_get_and_queries(ses);
    test_repeated_headers_and_types(ses);
    test_body_framings(ses);
    test_keep_alive_and_cookies(ses);
    test_redirect_policy(ses);
    test_resend_and_available(ses);
    test_connect_errors();
    WinHttpCloseHandle(ses);
    ts_kill(server);
    return ts_finish("winhttp_request");
}
