/* WinHTTP proxy configuration functions as a Windows program calls them: the default proxy
 * (Get/SetDefaultProxyConfiguration, used by WINHTTP_ACCESS_TYPE_DEFAULT_PROXY sessions: proven on the
 * wire by a loopback proxy that answers 407), the user's settings (GetIEProxyConfigForCurrentUser from
 * http_proxy/https_proxy/no_proxy), auto-proxy without WPAD or a PAC engine (GetProxyForUrl,
 * DetectAutoProxyConfigUrl, ResetAutoProxy), bypass lists (IsHostInProxyBypassList), and every
 * documented error. */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_support.h"
#include "winhttp_support.h"

static int wstr_eq(const wchar_t *a, const wchar_t *b) {
    if (!a || !b) return a == b;
    return wcscmp(a, b) == 0;
}

static void test_default_proxy(int port) {
    WINHTTP_PROXY_INFO info;
    memset(&info, 0xcc, sizeof info);
    CHECK(!WinHttpGetDefaultProxyConfiguration(NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "get NULL");
    CHECK(WinHttpGetDefaultProxyConfiguration(&info) && GetLastError() == ERROR_SUCCESS, "get default");
    CHECK(info.dwAccessType == WINHTTP_ACCESS_TYPE_NO_PROXY && !info.lpszProxy && !info.lpszProxyBypass, "direct by default (%u)", info.dwAccessType);

    wchar_t proxy[64];
    swprintf(proxy, 64, L"127.0.0.1:%d", port);
    static const struct {
        DWORD access;
        int named, bypass;
        DWORD err;
    } rows[] = {
        {WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, 0, 0, ERROR_INVALID_PARAMETER},
        {WINHTTP_ACCESS_TYPE_NAMED_PROXY, 0, 0, ERROR_INVALID_PARAMETER},
        {WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY, 0, 0, ERROR_INVALID_PARAMETER},
        {99, 1, 0, ERROR_INVALID_PARAMETER},
        {WINHTTP_ACCESS_TYPE_NO_PROXY, 0, 0, 0},
        {WINHTTP_ACCESS_TYPE_NAMED_PROXY, 1, 1, 0},
    };
    CHECK(!WinHttpSetDefaultProxyConfiguration(NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "set NULL");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        WINHTTP_PROXY_INFO set = {rows[i].access, rows[i].named ? proxy : NULL, rows[i].bypass ? (LPWSTR)L"<local>;*.bypassed.test" : NULL};
        SetLastError(0xdeadbeef);
        BOOL ok = WinHttpSetDefaultProxyConfiguration(&set);
        CHECK(rows[i].err ? (!ok && GetLastError() == rows[i].err) : (ok && GetLastError() == 0), "set row %zu: %d %u", i, ok, GetLastError());
    }
    /* A proxy that is not a valid server name is refused (issue 12); the setting above stays. */
    static const struct {
        const wchar_t *proxy;
        DWORD err;
    } names[] = {
        {L"not a host!", ERROR_INVALID_PARAMETER},
        {L"bad_host:80", ERROR_INVALID_PARAMETER},
        {L"host:99999", ERROR_INVALID_PARAMETER},
        {L"host:", ERROR_INVALID_PARAMETER},
        {L"", ERROR_INVALID_PARAMETER},
        {L"[::1", ERROR_INVALID_PARAMETER},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        WINHTTP_PROXY_INFO bad = {WINHTTP_ACCESS_TYPE_NAMED_PROXY, (LPWSTR)names[i].proxy, NULL};
        SetLastError(0xdeadbeef);
        CHECK(!WinHttpSetDefaultProxyConfiguration(&bad) && GetLastError() == names[i].err, "proxy %ls refused: %u", names[i].proxy, GetLastError());
    }
    CHECK(WinHttpGetDefaultProxyConfiguration(&info), "get after set");
    CHECK(info.dwAccessType == WINHTTP_ACCESS_TYPE_NAMED_PROXY && wstr_eq(info.lpszProxy, proxy) && wstr_eq(info.lpszProxyBypass, L"<local>;*.bypassed.test"), "named proxy read back");
    CHECK(GlobalFree(info.lpszProxy) == NULL && GlobalFree(info.lpszProxyBypass) == NULL, "strings are GlobalFree-able");

    /* A DEFAULT_PROXY session now goes through it: the proxy's 407 proves the route. */
    HINTERNET ses = WinHttpOpen(L"proxy-test", WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    HINTERNET con = WinHttpConnect(ses, L"origin.test", 80, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/open", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    BOOL ok = WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL);
    CHECK(ok && whs_status(req) == 407, "default-proxy session reaches the proxy (ok %d status %u err %u)", ok, whs_status(req), GetLastError());
    WinHttpCloseHandle(req);
    /* The bypass list holds: a bypassed name goes direct (and fails to resolve, not a 407). */
    HINTERNET con2 = WinHttpConnect(ses, L"x.bypassed.test", (INTERNET_PORT)port, 0);
    req = WinHttpOpenRequest(con2, L"GET", L"/open", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    ok = WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, NULL, 0, 0, 0);
    CHECK(!ok && GetLastError() == ERROR_WINHTTP_NAME_NOT_RESOLVED, "bypassed host goes direct (%u)", GetLastError());
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con2);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);

    WINHTTP_PROXY_INFO direct = {WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL};
    CHECK(WinHttpSetDefaultProxyConfiguration(&direct), "back to direct");
    CHECK(WinHttpGetDefaultProxyConfiguration(&info) && info.dwAccessType == WINHTTP_ACCESS_TYPE_NO_PROXY && !info.lpszProxy, "direct again");
}

static void test_ie_config(void) {
    static const struct {
        const char *http, *https, *no_proxy;
        const wchar_t *proxy, *bypass;
    } rows[] = {
        {NULL, NULL, NULL, NULL, NULL},
        {"http://proxy.test:3128/", NULL, NULL, L"http=proxy.test:3128", NULL},
        {"http://p.test:8080", "http://p.test:8080", "localhost,.corp.test", L"p.test:8080", L"localhost;*.corp.test"},
        {"p1.test:1", "http://user:pw@p2.test:2", "", L"http=p1.test:1;https=p2.test:2", NULL},
    };
    WINHTTP_CURRENT_USER_IE_PROXY_CONFIG cfg;
    CHECK(!WinHttpGetIEProxyConfigForCurrentUser(NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL config");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        static const char *const names[] = {"http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"};
        for (int n = 0; n < 6; n++) unsetenv(names[n]);
        if (rows[i].http) setenv("http_proxy", rows[i].http, 1);
        if (rows[i].https) setenv("HTTPS_PROXY", rows[i].https, 1);
        if (rows[i].no_proxy) setenv("no_proxy", rows[i].no_proxy, 1);
        memset(&cfg, 0xcc, sizeof cfg);
        CHECK(WinHttpGetIEProxyConfigForCurrentUser(&cfg) && GetLastError() == ERROR_SUCCESS, "row %zu get", i);
        CHECK(!cfg.fAutoDetect && !cfg.lpszAutoConfigUrl, "row %zu: no auto-detect, no script", i);
        CHECK(wstr_eq(cfg.lpszProxy, rows[i].proxy), "row %zu proxy '%ls'", i, cfg.lpszProxy ? cfg.lpszProxy : L"(null)");
        CHECK(wstr_eq(cfg.lpszProxyBypass, rows[i].bypass), "row %zu bypass '%ls'", i, cfg.lpszProxyBypass ? cfg.lpszProxyBypass : L"(null)");
        GlobalFree(cfg.lpszProxy);
        GlobalFree(cfg.lpszProxyBypass);
    }
    unsetenv("http_proxy");
    unsetenv("HTTPS_PROXY");
    unsetenv("no_proxy");
}

static void test_get_proxy_for_url(void) {
    HINTERNET ses = WinHttpOpen(L"proxy-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"example.test", 80, 0);
    WINHTTP_PROXY_INFO info;
    int reserved;
    static const struct {
        int handle; /* 0 NULL, 1 session, 2 connect */
        const wchar_t *url;
        DWORD flags, detect;
        const wchar_t *script;
        int null_opts, null_info, reserved_ptr;
        DWORD reserved;
        DWORD err;
    } rows[] = {
        {0, L"http://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL, 0, 0, 0, 0, ERROR_INVALID_HANDLE},
        {2, L"http://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL, 0, 0, 0, 0, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE},
        {1, NULL, WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL, 0, 0, 0, 0, ERROR_INVALID_PARAMETER},
        {1, L"http://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL, 1, 0, 0, 0, ERROR_INVALID_PARAMETER},
        {1, L"http://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL, 0, 1, 0, 0, ERROR_INVALID_PARAMETER},
        {1, L"http://a.test/", 0, WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL, 0, 0, 0, 0, ERROR_INVALID_PARAMETER},
        {1, L"http://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, 0, NULL, 0, 0, 0, 0, ERROR_INVALID_PARAMETER},
        {1, L"http://a.test/", WINHTTP_AUTOPROXY_CONFIG_URL, 0, NULL, 0, 0, 0, 0, ERROR_INVALID_PARAMETER},
        {1, L"http://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DNS_A, NULL, 0, 0, 1, 0, ERROR_INVALID_PARAMETER},
        {1, L"http://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DNS_A, NULL, 0, 0, 0, 1, ERROR_INVALID_PARAMETER},
        {1, L"ftp://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL, 0, 0, 0, 0, ERROR_WINHTTP_UNRECOGNIZED_SCHEME},
        {1, L"not a url", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL, 0, 0, 0, 0, ERROR_WINHTTP_INVALID_URL},
        {1, L"http://a.test/", WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP | WINHTTP_AUTO_DETECT_TYPE_DNS_A, NULL, 0, 0, 0, 0, ERROR_WINHTTP_AUTODETECTION_FAILED},
        {1, L"https://a.test/x", WINHTTP_AUTOPROXY_CONFIG_URL, 0, L"http://127.0.0.1/proxy.pac", 0, 0, 0, 0, ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE},
        {1, L"https://a.test/x", WINHTTP_AUTOPROXY_CONFIG_URL | WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTO_DETECT_TYPE_DHCP, L"http://127.0.0.1/proxy.pac", 0, 0, 0, 0, ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        WINHTTP_AUTOPROXY_OPTIONS o;
        memset(&o, 0, sizeof o);
        o.dwFlags = rows[i].flags;
        o.dwAutoDetectFlags = rows[i].detect;
        o.lpszAutoConfigUrl = rows[i].script;
        o.lpvReserved = rows[i].reserved_ptr ? &reserved : NULL;
        o.dwReserved = rows[i].reserved;
        memset(&info, 0xcc, sizeof info);
        HINTERNET h = rows[i].handle == 0 ? NULL : rows[i].handle == 1 ? ses : con;
        SetLastError(0xdeadbeef);
        BOOL ok = WinHttpGetProxyForUrl(h, rows[i].url, rows[i].null_opts ? NULL : &o, rows[i].null_info ? NULL : &info);
        CHECK(!ok && GetLastError() == rows[i].err, "row %zu: ok %d error %u (want %u)", i, ok, GetLastError(), rows[i].err);
        CHECK(info.dwAccessType == 0xcccccccc, "row %zu: info untouched", i);
    }
    WinHttpCloseHandle(con);

    /* WinHttpResetAutoProxy */
    HINTERNET req = WinHttpOpenRequest(WinHttpConnect(ses, L"example.test", 80, 0), NULL, NULL, NULL, NULL, NULL, 0);
    CHECK_EQ(WinHttpResetAutoProxy(NULL, WINHTTP_RESET_ALL), ERROR_INVALID_HANDLE, "reset NULL");
    CHECK_EQ(WinHttpResetAutoProxy(req, WINHTTP_RESET_ALL), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "reset on a request");
    CHECK_EQ(WinHttpResetAutoProxy(ses, 0x80000000u), ERROR_INVALID_PARAMETER, "reset unknown flag");
    CHECK_EQ(WinHttpResetAutoProxy(ses, WINHTTP_RESET_ALL | WINHTTP_RESET_OUT_OF_PROC), ERROR_SUCCESS, "reset all");
    CHECK_EQ(WinHttpResetAutoProxy(ses, WINHTTP_RESET_SCRIPT_CACHE), ERROR_SUCCESS, "reset script cache");
    WinHttpCloseHandle(ses);
    CHECK_EQ(WinHttpResetAutoProxy(ses, WINHTTP_RESET_ALL), ERROR_INVALID_HANDLE, "reset closed session");
}

static void test_detect(void) {
    LPWSTR url = (LPWSTR)L"sentinel";
    CHECK(!WinHttpDetectAutoProxyConfigUrl(WINHTTP_AUTO_DETECT_TYPE_DHCP, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL out");
    CHECK(!WinHttpDetectAutoProxyConfigUrl(0, &url) && GetLastError() == ERROR_INVALID_PARAMETER, "no flags");
    CHECK(!WinHttpDetectAutoProxyConfigUrl(4, &url) && GetLastError() == ERROR_INVALID_PARAMETER, "unknown flag");
    CHECK(!WinHttpDetectAutoProxyConfigUrl(WINHTTP_AUTO_DETECT_TYPE_DHCP | WINHTTP_AUTO_DETECT_TYPE_DNS_A, &url) && GetLastError() == ERROR_WINHTTP_AUTODETECTION_FAILED, "detection fails (%u)", GetLastError());
    CHECK(url == NULL, "no URL returned");
}

static void test_bypass(void) {
    WINHTTP_PROXY_INFO info = {WINHTTP_ACCESS_TYPE_NAMED_PROXY, (LPWSTR)L"proxy.test:8080", (LPWSTR)L"<local>; *.corp.test;10.*;https://secure.test;plain.test:8080"};
    static const struct {
        const wchar_t *host;
        INTERNET_SCHEME scheme;
        INTERNET_PORT port;
        BOOL in;
    } rows[] = {
        {L"intranet", INTERNET_SCHEME_HTTP, 80, TRUE},
        {L"a.corp.test", INTERNET_SCHEME_HTTP, 0, TRUE},
        {L"A.CORP.TEST", INTERNET_SCHEME_HTTPS, 443, TRUE},
        {L"corp.test", INTERNET_SCHEME_HTTP, 80, FALSE},
        {L"10.0.0.1", INTERNET_SCHEME_HTTPS, 0, TRUE},
        {L"secure.test", INTERNET_SCHEME_HTTPS, 443, TRUE},
        {L"secure.test", INTERNET_SCHEME_HTTP, 80, FALSE},
        {L"plain.test", INTERNET_SCHEME_HTTP, 8080, TRUE},
        {L"plain.test", INTERNET_SCHEME_HTTP, 80, FALSE},
        {L"www.other.test", INTERNET_SCHEME_HTTP, 80, FALSE},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        BOOL in = 7;
        DWORD r = WinHttpIsHostInProxyBypassList(&info, rows[i].host, rows[i].scheme, rows[i].port, &in);
        CHECK(r == ERROR_SUCCESS && in == rows[i].in, "row %zu %ls: r %u in %d", i, rows[i].host, r, in);
    }
    BOOL in;
    CHECK_EQ(WinHttpIsHostInProxyBypassList(NULL, L"h", INTERNET_SCHEME_HTTP, 80, &in), ERROR_INVALID_PARAMETER, "NULL info");
    CHECK_EQ(WinHttpIsHostInProxyBypassList(&info, NULL, INTERNET_SCHEME_HTTP, 80, &in), ERROR_INVALID_PARAMETER, "NULL host");
    CHECK_EQ(WinHttpIsHostInProxyBypassList(&info, L"h", INTERNET_SCHEME_HTTP, 80, NULL), ERROR_INVALID_PARAMETER, "NULL out");
    CHECK_EQ(WinHttpIsHostInProxyBypassList(&info, L"h", (INTERNET_SCHEME)7, 80, &in), ERROR_INVALID_PARAMETER, "bad scheme");
    WINHTTP_PROXY_INFO none = {WINHTTP_ACCESS_TYPE_NAMED_PROXY, (LPWSTR)L"p:1", NULL};
    in = 7;
    CHECK(WinHttpIsHostInProxyBypassList(&none, L"intranet", INTERNET_SCHEME_HTTP, 80, &in) == 0 && in == FALSE, "no bypass list");
}

int main(void) {
    pid_t pid;
    int port = whs_start_script("c_tests/support/winhttp_auth_server.py", &pid);
    if (!port) {
        fprintf(stderr, "proxy server did not start\n");
        return 1;
    }
    test_default_proxy(port);
    test_ie_config();
    test_get_proxy_for_url();
    test_detect();
    test_bypass();
    ts_kill(pid);
    return ts_finish("winhttp_proxy");
}
