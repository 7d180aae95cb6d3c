/* WinHTTP options as Windows answers them (issue 12): WORKER_THREAD_COUNT on every handle kind,
 * DISABLE_FEATURE only on requests, DECOMPRESSION and CONFIGURE_PASSPORT_AUTH set-only, ENABLE_FEATURE
 * with length 0, the timeouts of a connect handle (its session's), RECEIVE_RESPONSE_TIMEOUT kept apart
 * from WinHttpSetTimeouts, HTTP2_KEEPALIVE's 5000 ms floor, HTTP2_RECEIVE_WINDOW given a
 * WINHTTP_HTTP2_RECEIVE_WINDOW, DISABLE_GLOBAL_POOLING on sessions only, and a 302 asking for Passport1.4 reported as 401. Each table row is
 * (handle, option, buffer length) -> (result, value). */
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include "test_support.h"
#include "winhttp_support.h"

static void test_option_rows(void) {
    HINTERNET ses = WinHttpOpen(L"a", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"example.invalid", 80, 0);
    HINTERNET req = WinHttpOpenRequest(con, NULL, NULL, NULL, NULL, NULL, 0);
    DWORD feature = WINHTTP_DISABLE_COOKIES, dec = WINHTTP_DECOMPRESSION_FLAG_ALL, passport = WINHTTP_ENABLE_PASSPORT_AUTH;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_DECOMPRESSION, &dec, sizeof dec), "decompression set");
    CHECK(WinHttpSetTimeouts(ses, 1000, 2000, 3000, 4000), "session timeouts");
    /* HTTP/2 options as Microsoft's option-flags page gives them: a keep-alive interval of at least 5000 ms,
     * the receive window as a WINHTTP_HTTP2_RECEIVE_WINDOW (a bare DWORD window is taken too). */
    DWORD ka_short = 4999, ka_min = 5000, off = 0, bare = 131072, one = 1;
    WINHTTP_HTTP2_RECEIVE_WINDOW win = {1u << 20, 1u << 18}, tiny = {100, 0};
    const struct {
        const char *what;
        HINTERNET h;
        int set;
        DWORD option;
        DWORD *value;
        DWORD len;
        DWORD error; /* 0: succeeds */
        DWORD want;  /* queried value */
    } rows[] = {
        {"WORKER_THREAD_COUNT session", ses, 0, WINHTTP_OPTION_WORKER_THREAD_COUNT, NULL, 4, 0, 0},
        {"WORKER_THREAD_COUNT connect", con, 0, WINHTTP_OPTION_WORKER_THREAD_COUNT, NULL, 4, 0, 0},
        {"WORKER_THREAD_COUNT request", req, 0, WINHTTP_OPTION_WORKER_THREAD_COUNT, NULL, 4, 0, 0},
        {"DISABLE_FEATURE on a session", ses, 1, WINHTTP_OPTION_DISABLE_FEATURE, &feature, 4, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, 0},
        {"DISABLE_FEATURE on a connect handle", con, 1, WINHTTP_OPTION_DISABLE_FEATURE, &feature, 4, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, 0},
        {"DISABLE_FEATURE on a request", req, 1, WINHTTP_OPTION_DISABLE_FEATURE, &feature, 4, 0, 0},
        {"DECOMPRESSION query", ses, 0, WINHTTP_OPTION_DECOMPRESSION, NULL, 4, ERROR_INVALID_PARAMETER, 0},
        {"ENABLE_FEATURE length 0", req, 1, WINHTTP_OPTION_ENABLE_FEATURE, &feature, 0, ERROR_INVALID_PARAMETER, 0},
        {"ENABLE_FEATURE length 2", req, 1, WINHTTP_OPTION_ENABLE_FEATURE, &feature, 2, ERROR_INSUFFICIENT_BUFFER, 0},
        {"CONFIGURE_PASSPORT_AUTH on a session", ses, 1, WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH, &passport, 4, 0, 0},
        {"CONFIGURE_PASSPORT_AUTH on a request", req, 1, WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH, &passport, 4, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, 0},
        {"RESOLVE_TIMEOUT on a connect handle", con, 0, WINHTTP_OPTION_RESOLVE_TIMEOUT, NULL, 4, 0, 1000},
        {"CONNECT_TIMEOUT on a connect handle", con, 0, WINHTTP_OPTION_CONNECT_TIMEOUT, NULL, 4, 0, 2000},
        {"SEND_TIMEOUT on a connect handle", con, 0, WINHTTP_OPTION_SEND_TIMEOUT, NULL, 4, 0, 3000},
        {"RECEIVE_TIMEOUT on a connect handle", con, 0, WINHTTP_OPTION_RECEIVE_TIMEOUT, NULL, 4, 0, 4000},
        {"RECEIVE_RESPONSE_TIMEOUT session, untouched by WinHttpSetTimeouts", ses, 0, WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT, NULL, 4, 0, ~0u},
        {"RECEIVE_RESPONSE_TIMEOUT connect", con, 0, WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT, NULL, 4, 0, ~0u},
        {"RECEIVE_RESPONSE_TIMEOUT request", req, 0, WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT, NULL, 4, 0, ~0u},
        {"HTTP2_KEEPALIVE under 5000 ms", ses, 1, WINHTTP_OPTION_HTTP2_KEEPALIVE, &ka_short, 4, ERROR_INVALID_PARAMETER, 0},
        {"HTTP2_KEEPALIVE 5000 ms", ses, 1, WINHTTP_OPTION_HTTP2_KEEPALIVE, &ka_min, 4, 0, 0},
        {"HTTP2_KEEPALIVE read back", ses, 0, WINHTTP_OPTION_HTTP2_KEEPALIVE, NULL, 4, 0, 5000},
        {"HTTP2_KEEPALIVE 0 (no pings)", ses, 1, WINHTTP_OPTION_HTTP2_KEEPALIVE, &off, 4, 0, 0},
        {"HTTP2_KEEPALIVE read back 0", ses, 0, WINHTTP_OPTION_HTTP2_KEEPALIVE, NULL, 4, 0, 0},
        {"HTTP2_RECEIVE_WINDOW as WINHTTP_HTTP2_RECEIVE_WINDOW", ses, 1, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, (DWORD *)&win, sizeof win, 0, 0},
        {"HTTP2_RECEIVE_WINDOW read back (its window)", ses, 0, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, NULL, 4, 0, 1u << 20},
        {"HTTP2_RECEIVE_WINDOW struct, window under 65535", ses, 1, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, (DWORD *)&tiny, sizeof tiny, ERROR_INVALID_PARAMETER, 0},
        {"HTTP2_RECEIVE_WINDOW as a DWORD", req, 1, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, &bare, 4, 0, 0},
        {"HTTP2_RECEIVE_WINDOW read back on the request", req, 0, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, NULL, 4, 0, 131072},
        {"DISABLE_GLOBAL_POOLING read before it is set", ses, 0, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, NULL, 4, 0, 0},
        {"DISABLE_GLOBAL_POOLING on a session", ses, 1, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, &one, 4, 0, 0},
        {"DISABLE_GLOBAL_POOLING read back", ses, 0, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, NULL, 4, 0, 1},
        {"DISABLE_GLOBAL_POOLING on a connect handle", con, 1, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, &one, 4, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, 0},
        {"DISABLE_GLOBAL_POOLING on a request", req, 1, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, &one, 4, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        BOOL ok;
        DWORD v = 0xdeadbeef, len = rows[i].len;
        SetLastError(0xdeadbeef);
        if (rows[i].set) {
            ok = WinHttpSetOption(rows[i].h, rows[i].option, rows[i].value, rows[i].len);
        } else {
            ok = WinHttpQueryOption(rows[i].h, rows[i].option, &v, &len);
        }
        if (rows[i].error) {
            CHECK(!ok && GetLastError() == rows[i].error, "%s: want %u, got ok=%d %u", rows[i].what, rows[i].error, ok, GetLastError());
        } else {
            CHECK(ok && GetLastError() == ERROR_SUCCESS, "%s: %u", rows[i].what, GetLastError());
            CHECK(rows[i].set || (v == rows[i].want && len == 4), "%s: value %u size %u", rows[i].what, v, len);
        }
    }
    /* RECEIVE_RESPONSE_TIMEOUT is its own value once set. */
    DWORD rr = 5000, v = 0, len = sizeof v;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT, &rr, sizeof rr), "set receive-response");
    CHECK(WinHttpSetTimeouts(ses, 1, 2, 3, 4), "timeouts again");
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT, &v, &len) && v == 5000, "still 5000: %u", v);
    len = sizeof v;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_RECEIVE_TIMEOUT, &v, &len) && v == 4, "receive 4: %u", v);
    /* Setting a timeout on a connect handle stays the wrong kind. */
    CHECK(!WinHttpSetTimeouts(con, 1, 2, 3, 4) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "set on connect: %u", GetLastError());
    WinHttpCloseHandle(ses);
}

static void test_passport_redirect(void) {
    pid_t pid;
    int port = whs_start_server(&pid);
    CHECK(port > 0, "server");
    if (port <= 0) return;
    HINTERNET ses = NULL, con = NULL;
    HINTERNET req = whs_open(&ses, &con, port, L"GET", L"/passport", 0);
    DWORD passport = WINHTTP_ENABLE_PASSPORT_AUTH;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH, &passport, sizeof passport), "passport option on the session");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "exchange: %u", GetLastError());
    CHECK_EQ(whs_status(req), 401, "a Passport1.4 302 is reported as 401");
    wchar_t w[64];
    DWORD len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_TEXT, NULL, w, &len, NULL) && wcscmp(w, L"Found") == 0, "status text kept: %ls", w);
    char body[64];
    DWORD err;
    CHECK(whs_read_all(req, body, sizeof body, &err) == 4 && strcmp(body, "auth") == 0, "its body, not the redirect target's");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    ts_kill(pid);
}

int main(void) {
    test_option_rows();
    test_passport_redirect();
    return ts_finish("winhttp_options");
}
