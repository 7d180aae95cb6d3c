#include "winhttp_support.h"
#include "test_support.h"
#include <string.h>

int whs_start_server(pid_t *pid) {
    char script[1024], port_s[16];
    int port = ts_free_port();
    snprintf(port_s, sizeof port_s, "%d", port);
    const char *argv[] = {"python3", ts_source_path("c_tests/support/winhttp_server.py", script, sizeof script), port_s, NULL};
    *pid = ts_spawn(argv, NULL);
    if (*pid <= 0 || ts_wait_port(port, 10000) != 0) return 0;
    return port;
}

HINTERNET whs_open(HINTERNET *ses, HINTERNET *con, int port, const wchar_t *verb, const wchar_t *path, DWORD flags) {
    if (!*ses) *ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    if (!*ses) return NULL;
    *con = WinHttpConnect(*ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    if (!*con) return NULL;
    return WinHttpOpenRequest(*con, verb, path, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, flags);
}

long whs_read_all(HINTERNET req, char *buf, size_t cap, DWORD *err) {
    size_t total = 0;
    *err = 0;
    for (;;) {
        DWORD got = 0;
        if (total + 1 >= cap) break;
        if (!WinHttpReadData(req, buf + total, (DWORD)(cap - 1 - total), &got)) {
            *err = GetLastError();
            buf[total] = 0;
            return -1;
        }
        if (got == 0) break;
        total += got;
    }
    buf[total] = 0;
    return (long)total;
}

DWORD whs_status(HINTERNET req) {
    DWORD status = 0, len = sizeof status;
    if (!WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, WINHTTP_HEADER_NAME_BY_INDEX, &status, &len, WINHTTP_NO_HEADER_INDEX)) return 0;
    return status;
}

long whs_get(HINTERNET ses, int port, const wchar_t *path, char *buf, size_t cap, DWORD *status) {
    HINTERNET con = NULL, s = ses;
    HINTERNET req = whs_open(&s, &con, port, L"GET", path, 0);
    long n = -1;
    DWORD err;
    *status = 0;
    if (req && WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) && WinHttpReceiveResponse(req, NULL)) {
        *status = whs_status(req);
        n = whs_read_all(req, buf, cap, &err);
    }
    if (req) WinHttpCloseHandle(req);
    if (con) WinHttpCloseHandle(con);
    return n;
}

int whs_start_script(const char *rel, pid_t *pid) {
    char script[1024], port_s[16];
    int port = ts_free_port();
    snprintf(port_s, sizeof port_s, "%d", port);
    const char *argv[] = {"python3", ts_source_path(rel, script, sizeof script), port_s, NULL};
    *pid = ts_spawn(argv, NULL);
    if (*pid <= 0 || ts_wait_port(port, 10000) != 0) return 0;
    return port;
}

HINTERNET whs_ws_open(HINTERNET ses, int port) {
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, 0);
    HINTERNET ws = NULL;
    if (WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0) && WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) &&
        WinHttpReceiveResponse(req, NULL))
        ws = WinHttpWebSocketCompleteUpgrade(req, 0);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    return ws;
}
